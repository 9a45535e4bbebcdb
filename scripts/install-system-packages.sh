#!/usr/bin/env bash
# Installs Debian packages by name if they are missing. Without arguments, the ones Loopsmith uses at run time:
#   fluid-soundfont-gm   the General MIDI SoundFont the WAV stems are rendered with
# scripts/install-test-packages.sh passes the test-only ones. LOOPSMITH_PKG_WHY says what they are for.
# Idempotent and quiet when everything is there. Needs root or password-less sudo; otherwise it says what to run.
set -u
pkgs="${*:-fluid-soundfont-gm}"
why="${LOOPSMITH_PKG_WHY:-WAV stems need a SoundFont; without it only MIDI is written}"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null || { echo "loopsmith: please install:$missing (no apt-get here; $why)" >&2; exit 0; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "loopsmith: $why; run: sudo apt-get install$missing" >&2; exit 0
  fi
fi
echo "loopsmith: installing$missing (one time)..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
  || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; } \
  || echo "loopsmith: could not install$missing ($why)" >&2
exit 0
