#!/usr/bin/env bash
# Installs the Debian packages Loopsmith's tests use, by name, if they are missing:
#   chromium chromium-driver   the headless browser and its WebDriver for the web page test (WebPageBrowserTest)
# Without them that test is skipped, not failed. Idempotent and quiet when everything is there.
# Needs root or password-less sudo; otherwise it says what to run.
set -u
pkgs="chromium chromium-driver"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null || { echo "loopsmith: please install:$missing (no apt-get here)" >&2; exit 0; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "loopsmith: the browser test needs a browser; run: sudo apt-get install$missing" >&2; exit 0
  fi
fi
echo "loopsmith: installing$missing (one time)..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
  || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; } \
  || echo "loopsmith: could not install$missing; the browser test will be skipped" >&2
exit 0
