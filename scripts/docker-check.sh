#!/usr/bin/env bash
# Builds the CPU image with podman (Docker's command line) and checks it end to end: serve answers its page and a
# generate request through the host port bound to 127.0.0.1, and a one-off generate writes a MIDI file into a
# mounted folder. BASE: a base image (default: loopsmith-base:bookworm, made by scripts/docker-base.sh when missing).
# Inside another container (as on CI machines) podman cannot set its default ulimits and crun refuses a cgroups v1
# hybrid setup: this script's podman runs without default ulimits, and with runc when crun cannot start a container.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${BASE:-loopsmith-base:bookworm}"
conf="$(mktemp)"
printf '[containers]\ndefault_ulimits = []\n' > "$conf"
export CONTAINERS_CONF="$conf"
podman image exists "$base" 2>/dev/null || scripts/docker-base.sh "$base"
runtime=()
if [ -n "${LOOPSMITH_OCI_RUNTIME:-}" ]; then
  runtime=(--runtime "$(command -v "$LOOPSMITH_OCI_RUNTIME")")
elif ! podman run --rm "$base" true >/dev/null 2>&1 && command -v runc >/dev/null; then
  runtime=(--runtime "$(command -v runc)")
  echo "docker-check: crun cannot start a container here; using runc" >&2
fi
# A build behind the same TLS-inspecting proxy as this machine needs its CA (docker/certs/README).
for ca in /usr/local/share/ca-certificates/*.crt; do
  [ -f "$ca" ] && cp "$ca" docker/certs/ && echo "docker-check: the build trusts this machine's local CA $(basename "$ca")" >&2
done
t0=$(date +%s)
podman "${runtime[@]}" build --build-arg BASE="$base" -t loopsmith:check . >&2
echo "docker-check: image built in $(( $(date +%s) - t0 )) s" >&2
out="$(mktemp -d)"; chmod 777 "$out"
name="loopsmith-check-$$"
trap 'podman "${runtime[@]}" rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$out" "$conf"' EXIT
# The documented run line: the host port is the server's own (the page checks the Host it is opened under).
podman "${runtime[@]}" run -d --name "$name" -p 127.0.0.1:8765:8765 -p 127.0.0.1:8766:8766/udp -v "$out:/out" loopsmith:check >/dev/null
for _ in $(seq 1 120); do [ -f "$out/.server-token" ] && break; sleep 1; done
token="$(cat "$out/.server-token")"
curl -sf http://127.0.0.1:8765/ | grep -q -i loopsmith && echo "docker-check: the page answers on 127.0.0.1:8765" >&2
job="$(curl -sf -X POST http://127.0.0.1:8765/api/generate -H "X-Loopsmith-Token: $token" -H 'Content-Type: application/json' \
  -d '{"text":"house beat","bars":2,"seed":1,"audio":false}' | sed -n 's/.*"job":"\([^"]*\)".*/\1/p')"
status=""
for _ in $(seq 1 120); do
  status="$(curl -sf http://127.0.0.1:8765/api/jobs/"$job" -H "X-Loopsmith-Token: $token" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
  { [ "$status" = done ] || [ "$status" = failed ]; } && break; sleep 1
done
[ "$status" = done ] || { echo "docker-check: the job ended $status" >&2; podman "${runtime[@]}" logs "$name" >&2; exit 1; }
echo "docker-check: a generate request through the API is done" >&2
podman "${runtime[@]}" run --rm -v "$out:/out" loopsmith:check generate "techno bassline" --bars 2 --seed 2 --no-audio --out /out/cli >&2
ls "$out"/cli/*/*.mid >/dev/null && echo "docker-check: a one-off generate wrote MIDI into the mounted folder" >&2
echo "docker-check: ok" >&2
