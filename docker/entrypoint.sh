#!/bin/sh
# The container's start: fix the data folder's ownership, drop root, pick the mode.
#
# * Runs under tini (PID 1), which forwards SIGTERM and reaps children.
# * A host folder mounted at /data usually belongs to the host user: started as root (the
#   default), this makes /data writable for the image's user (uid 10001) once, then runs pelibot
#   as that user. Started with --user, it runs as given (the folder must then be writable).
# * No command: `pelibot run` (polling) when TELEGRAM_BOT_TOKEN is set and PORT is not;
#   otherwise `pelibot serve` on $PORT (web hosts set it; default 8000): without a token the
#   image serves the HTTP API instead of stopping, so a restart policy never loops on it.
set -eu

if [ "$#" -eq 0 ]; then
    if [ -n "${PORT:-}" ] || [ -z "${TELEGRAM_BOT_TOKEN:-}" ]; then
        set -- pelibot serve
    else
        set -- pelibot run
    fi
fi

if [ "$(id -u)" = "0" ]; then
    data="${PELIBOT_DATA_DIR:-/data}"
    mkdir -p "$data"
    if [ "$(stat -c %u "$data")" != "10001" ]; then
        echo "pelibot: making $data writable for the pelibot user (uid 10001)" >&2
        # the folder itself and what pelibot writes there; a read-only raw/ mount stays as is
        if ! { chown 10001:10001 "$data" &&
               find "$data" -mindepth 1 -maxdepth 1 ! -name raw -exec chown -R 10001:10001 {} +; }
        then
            echo "pelibot: could not change the owner of $data; make it writable for uid 10001" >&2
        fi
    fi
    exec setpriv --reuid=10001 --regid=10001 --clear-groups "$@"
fi
exec "$@"
