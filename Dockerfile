# pelibot in a slim Python 3.11 image, run as an unprivileged user under tini.
#
#   docker compose up -d                      long polling (reads the token from .env)
#   docker run -e PORT=8000 -p 8000:8000 …    the web process: API, /health, Telegram webhook
#
# With no command the container runs `pelibot run` (polling) when TELEGRAM_BOT_TOKEN is set and
# PORT is not, else `pelibot serve` on $PORT (default 8000): without a token, the HTTP API. The
# catalog lives in the /data volume; at the first start it is built from the raw files in
# /data/raw/ when that folder is mounted (read-only is fine). With neither a catalog nor the raw
# file the container says so once and waits (no crash, so no restart storm): run
# `docker compose run --rm pelibot pelibot prepare` (it reads /data/raw/, else downloads, else
# builds the built-in sample) and it picks the catalog up.
FROM python:3.11-slim

# PYTHONOPTIMIZE=2: no docstrings in memory, 13 MB less resident (README, "Memory"). The
# installs below write the matching bytecode, so nothing is compiled at start.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONOPTIMIZE=2 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PELIBOT_DATA_DIR=/data \
    PELIBOT_HEARTBEAT_FILE=/tmp/pelibot.heartbeat \
    PELIBOT_WAIT_FOR_CATALOG=30 \
    PELIBOT_BOOTSTRAP_RETRIES=-1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    HOME=/home/pelibot \
    KAGGLEHUB_CACHE=/tmp/kagglehub

RUN apt-get update \
    && apt-get install --yes --no-install-recommends tini \
    && apt-get clean \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin

WORKDIR /app

# Dependencies first, so code (and README) changes do not reinstall them.
COPY pyproject.toml ./
RUN mkdir bot data_prep handlers \
    && touch README.md bot/__init__.py data_prep/__init__.py handlers/__init__.py \
    && pip install . \
    && pip uninstall --yes pelibot \
    && rm -rf bot data_prep handlers build

COPY README.md ./
COPY bot ./bot
COPY data_prep ./data_prep
COPY handlers ./handlers
RUN pip install --no-deps . && rm -rf build

COPY docker/entrypoint.sh /usr/local/bin/pelibot-entrypoint
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin pelibot \
    && mkdir -p /data/raw \
    && chown -R pelibot:pelibot /data
WORKDIR /home/pelibot
VOLUME ["/data"]

# `pelibot serve` listens on $PORT; long polling needs no open port.
EXPOSE 8000

# Both modes keep the heartbeat file fresh while they work (polling: every answered long poll;
# serve: every 15 s while /health is 200); older than 90 s means stalled. The start period
# covers a first catalog build.
HEALTHCHECK --interval=30s --timeout=15s --start-period=300s --retries=3 \
    CMD ["pelibot", "health", "--max-age", "90"]

ENTRYPOINT ["tini", "--", "pelibot-entrypoint"]
CMD []
