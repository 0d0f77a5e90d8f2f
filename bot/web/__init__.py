"""``pelibot serve``: one web process for the HTTP API, the Telegram webhook and ``/health``.

* ``app.py`` — the FastAPI app: the original project's endpoints (derived from the command
  table), ``/preguntar``, ``/health`` and the webhook route;
* ``runtime.py`` — what the process holds: the catalog (loaded, built or waited for in the
  background, so the port opens at once) and the Telegram side;
* ``webhook.py`` — python-telegram-bot's ``Application`` fed from webhook requests;
* ``plain.py`` — the one function behind ``/preguntar``;
* ``serve.py`` — configuration from the environment and uvicorn.
"""
