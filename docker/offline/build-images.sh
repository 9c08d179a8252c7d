#!/usr/bin/env bash
# Builds every image of docker/compose.yaml on a machine that reaches Debian's and npm's package
# servers but no image registry (as CI does): local stand-ins for the public base images
# (build-base-images.sh: the Docker engine, local/debian:bookworm, node:22-bookworm-slim), stand-ins
# for postgres:15-bookworm and caddy:2.6 from Debian's packages, then Pactwatch's own images.
# Where a registry is reachable, `docker compose build` (Compose v2) builds the same two own images
# and pulls the public ones instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1

bash docker/offline/build-base-images.sh
build() { echo "building $1"; $DOCKER build --network host -q -t "$@" >/dev/null; }
$DOCKER image inspect postgres:15-bookworm >/dev/null 2>&1 || build postgres:15-bookworm docker/offline/postgres
$DOCKER image inspect caddy:2.6 >/dev/null 2>&1 || build caddy:2.6 docker/offline/caddy
build pactwatch-smtp-sink:local docker/smtp-sink
build pactwatch:local -f docker/Dockerfile .
$DOCKER image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E '^(pactwatch|postgres|caddy|node)'
