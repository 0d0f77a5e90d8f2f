#!/usr/bin/env bash
# The Docker image, checked for real (not part of CI):
#
#   bash benchmarks/docker_smoke.sh            [IMAGE_TAG]
#
# Builds the image (timed), reports its size, then runs benchmarks/docker_smoke.py, which starts
# containers on the host network and checks: serve mode (start-to-healthy, the API and the
# Telegram webhook answering through the Bot API emulator, memory), polling mode, a missing
# catalog (said once, no restart, picked up after `pelibot prepare`), SIGTERM during the first
# catalog build, and /data ownership. The catalog is built from the real slice raw CSV.
#
# Skips (exit 0) when no Docker engine answers. Without the python:3.11-slim base image and no
# registry to pull it from, it builds a stand-in: Debian bookworm made with debootstrap from the
# Debian mirror apt uses, with Debian's python3 (3.11) and pip.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG="${1:-pelibot:smoke}"
BASE="python:3.11-slim"
PYTHON="${PYTHON:-.venv/bin/python}"

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
    echo "docker_smoke: no Docker engine answers here; skipped."
    exit 0
fi

if ! docker image inspect "$BASE" >/dev/null 2>&1 && ! docker pull "$BASE" >/dev/null 2>&1; then
    if ! command -v debootstrap >/dev/null 2>&1; then
        echo "docker_smoke: no $BASE image and no debootstrap to make a stand-in; skipped."
        exit 0
    fi
    echo "docker_smoke: building a stand-in $BASE (Debian bookworm + python3) with debootstrap"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)"
    debootstrap --variant=minbase --include=python3,python3-pip,python3-venv,ca-certificates \
        bookworm "$work/rootfs" "${mirror:-http://deb.debian.org/debian}" >/dev/null
    tar -C "$work/rootfs" -c . | docker import - pelibot-standin/debian-python3:bookworm
    mkdir "$work/ctx"
    # the host's certificate bundle, so pip in the build trusts what the host trusts
    cp /etc/ssl/certs/ca-certificates.crt "$work/ctx/"
    cat > "$work/ctx/Dockerfile" <<'STANDIN'
FROM pelibot-standin/debian-python3:bookworm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
RUN ln -sf /usr/bin/python3 /usr/local/bin/python && ln -sf /usr/bin/pip3 /usr/local/bin/pip \
    && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED && apt-get clean && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
CMD ["python3"]
STANDIN
    docker build --network host -t "$BASE" "$work/ctx" >/dev/null
fi

echo "docker_smoke: building $TAG"
started=$(date +%s)
docker build --network host -t "$TAG" . >/tmp/pelibot-docker-build.log 2>&1 \
    || { tail -n 30 /tmp/pelibot-docker-build.log; exit 1; }
echo "build_seconds $(( $(date +%s) - started ))"
echo "image_mb $(( $(docker image inspect -f '{{.Size}}' "$TAG") / 1048576 ))"
echo "base_image_mb $(( $(docker image inspect -f '{{.Size}}' "$BASE") / 1048576 ))"

"$PYTHON" -m benchmarks.docker_smoke --image "$TAG"
