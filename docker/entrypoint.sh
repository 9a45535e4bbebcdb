#!/usr/bin/env bash
# The image's entry point: runs a Loopsmith command from the built app, as the launcher does without building.
# `serve` listens on all of the container's addresses (the host's -p binding decides who can reach it: 127.0.0.1 in
# the documented `docker run`), writes to /out, and takes OSC from the container's gateway, which is where packets
# forwarded from the host come from.
set -euo pipefail
home="${LOOPSMITH_HOME:-/opt/loopsmith}"
jar="$home/target/app/loopsmith.jar"
[ -f "$jar" ] || { echo "error: $jar is missing: the image was not built from this repository's Dockerfile" >&2; exit 2; }

# The default gateway from the kernel's routing table (no iproute2 in a slim image): destination 0, gateway in hex.
gateway() {
  local iface dest gw rest
  while read -r iface dest gw rest; do
    if [ "$dest" = 00000000 ] && [ ${#gw} -eq 8 ]; then
      printf '%d.%d.%d.%d\n' "0x${gw:6:2}" "0x${gw:4:2}" "0x${gw:2:2}" "0x${gw:0:2}"; return 0
    fi
  done < "${LOOPSMITH_ROUTE_TABLE:-/proc/net/route}" 2>/dev/null || true
}

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(serve)
if [ "${args[0]}" = serve ]; then
  extra=()
  has() { local o; for o in "${args[@]}"; do [ "$o" = "$1" ] && return 0; done; return 1; }
  has --host || extra+=(--host 0.0.0.0)
  has --out || extra+=(--out /out)
  gw="$(gateway)"
  if [ -n "$gw" ] && ! has --osc-allow; then extra+=(--osc-allow "$gw"); fi
  args=(serve "${extra[@]}" "${args[@]:1}")
fi

# Training commands get jemalloc, as the launcher gives them (see ../loopsmith).
case "${args[0]}" in
  train|learn|bench)
    for j in /usr/lib/*/libjemalloc.so.2; do
      [ -f "$j" ] && export LD_PRELOAD="$j${LD_PRELOAD:+:$LD_PRELOAD}" \
        MALLOC_CONF="${MALLOC_CONF:-oversize_threshold:1,background_thread:true,metadata_thp:auto,dirty_decay_ms:-1,muzzy_decay_ms:-1}"
      break
    done ;;
esac

if [ -n "${LOOPSMITH_PRINT_COMMAND:-}" ]; then printf '%s\n' "${args[@]}"; exit 0; fi
exec java ${LOOPSMITH_JAVA_OPTS:--Xmx2g} --add-modules jdk.incubator.vector -Dai.djl.offline=true -Djava.awt.headless=true \
  -Dloopsmith.home="$home" -jar "$jar" "${args[@]}"
