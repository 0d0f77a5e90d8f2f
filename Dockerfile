# pelibot: the Telegram bot in a slim Python 3.11 image, run as an unprivileged user.
#
#   docker compose up -d            (reads the token from .env; see .env.example)
#
# The catalog lives in the /data volume. At the first start `pelibot run` builds it from
# /data/raw/movies_metadata.csv (mount the Kaggle files there, read-only is fine); without the raw
# file and without a catalog it stops with a message saying so instead of starting a bot that
# cannot answer.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PELIBOT_DATA_DIR=/data \
    PELIBOT_HEARTBEAT_FILE=/tmp/pelibot.heartbeat \
    MPLCONFIGDIR=/tmp/matplotlib

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir bot data_prep handlers \
    && touch bot/__init__.py data_prep/__init__.py handlers/__init__.py \
    && pip install . \
    && pip uninstall --yes pelibot \
    && rm -rf bot data_prep handlers build

COPY bot ./bot
COPY data_prep ./data_prep
COPY handlers ./handlers
RUN pip install --no-deps . && rm -rf build

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin pelibot \
    && mkdir -p /data/raw \
    && chown -R pelibot:pelibot /data
USER pelibot
WORKDIR /home/pelibot
VOLUME ["/data"]

# Webhook mode only (PELIBOT_WEBHOOK_URL set); long polling needs no open port.
EXPOSE 8443

# The polling loop touches the heartbeat file after every answered long poll (at least every
# 10 s); older than 90 s means the bot has stalled. The start period covers a first catalog build.
HEALTHCHECK --interval=30s --timeout=15s --start-period=300s --retries=3 \
    CMD ["pelibot", "health", "--max-age", "90"]

CMD ["pelibot", "run"]
