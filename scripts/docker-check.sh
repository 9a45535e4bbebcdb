#!/usr/bin/env bash
# Builds the CPU image with podman (Docker's command line) and checks it end to end: serve answers its page and a
# generate request through the host port bound to 127.0.0.1, and a one-off generate writes a MIDI file into a
# mounted folder. BASE: a base image (default: loopsmith-base:bookworm from scripts/docker-base.sh).
# Where containers need it (crun refusing cgroups v1 hybrid setups), LOOPSMITH_OCI_RUNTIME=runc picks runc.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${BASE:-loopsmith-base:bookworm}"
runtime=()
[ -n "${LOOPSMITH_OCI_RUNTIME:-}" ] && runtime=(--runtime "$(command -v "$LOOPSMITH_OCI_RUNTIME")")
# A build behind the same TLS-inspecting proxy as this machine needs its CA (docker/certs/README).
for ca in /usr/local/share/ca-certificates/*.crt; do
  [ -f "$ca" ] && cp "$ca" docker/certs/ && echo "docker-check: the build trusts this machine's local CA $(basename "$ca")" >&2
done
t0=$(date +%s)
podman "${runtime[@]}" build --build-arg BASE="$base" -t loopsmith:check . >&2
echo "docker-check: image built in $(( $(date +%s) - t0 )) s" >&2
out="$(mktemp -d)"; chmod 777 "$out"
name="loopsmith-check-$$"
trap 'podman "${runtime[@]}" rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
podman "${runtime[@]}" run -d --name "$name" -p 127.0.0.1:18765:8765 -v "$out:/out" loopsmith:check >/dev/null
for _ in $(seq 1 120); do [ -f "$out/.server-token" ] && break; sleep 1; done
token="$(cat "$out/.server-token")"
curl -sf http://127.0.0.1:18765/ | grep -q -i loopsmith && echo "docker-check: the page answers on 127.0.0.1:18765" >&2
job="$(curl -sf -X POST http://127.0.0.1:18765/api/generate -H "X-Loopsmith-Token: $token" -H 'Content-Type: application/json' \
  -d '{"text":"house beat","bars":2,"seed":1,"audio":false}' | sed -n 's/.*"job":"\([^"]*\)".*/\1/p')"
for _ in $(seq 1 120); do
  status="$(curl -sf http://127.0.0.1:18765/api/jobs/"$job" -H "X-Loopsmith-Token: $token" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
  [ "$status" = done ] || [ "$status" = failed ] && break; sleep 1
done
[ "$status" = done ] || { echo "docker-check: the job ended $status" >&2; podman logs "$name" >&2; exit 1; }
echo "docker-check: a generate request through the API is done" >&2
podman "${runtime[@]}" run --rm -v "$out:/out" loopsmith:check generate "techno bassline" --bars 2 --seed 2 --no-audio --out /out/cli >&2
ls "$out"/cli/*/*.mid >/dev/null && echo "docker-check: a one-off generate wrote MIDI into the mounted folder" >&2
echo "docker-check: ok" >&2
