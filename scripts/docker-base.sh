#!/usr/bin/env bash
# Makes the Debian bookworm base image the Dockerfiles build on, from Debian's own packages, for machines that reach
# Debian's mirrors but no image registry: debootstrap a minimal root file system and import it as
# loopsmith-base:bookworm. Installs debootstrap and podman (Debian packages) first if they are missing, saying so.
set -euo pipefail
tag="${1:-loopsmith-base:bookworm}"
here="$(cd "$(dirname "$0")" && pwd)"
LOOPSMITH_PKG_WHY="the Docker image's base is made with debootstrap and imported with podman" \
  "$here/install-system-packages.sh" debootstrap podman runc
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
echo "docker-base: debootstrap bookworm (minbase) into $root ..." >&2
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >&2
tar -C "$root" -c . | podman import - "$tag" >/dev/null
echo "docker-base: $tag" >&2
