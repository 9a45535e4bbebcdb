#!/usr/bin/env bash
# Installs Debian packages by name if they are missing. Without arguments, the ones Loopsmith uses at run time:
#   fluid-soundfont-gm   the General MIDI SoundFont the WAV stems are rendered with
# scripts/install-test-packages.sh passes the test-only ones. LOOPSMITH_PKG_WHY says what they are for.
# Says what it will install and why before it does; quiet when everything is there. Installs as root, or with sudo
# only where sudo needs no password at all (a NOPASSWD rule): a password cached by an earlier sudo in this terminal
# was given for something else, so it is not used (sudo -k). Otherwise it prints the command to run and goes on.
# Exits 0 unless an install started and failed or was interrupted (then it says how to repair).
set -u
pkgs="${*:-fluid-soundfont-gm}"
why="${LOOPSMITH_PKG_WHY:-WAV stems need a SoundFont; without it only MIDI is written}"
if ! command -v dpkg-query >/dev/null; then
  # Not Debian or Ubuntu: nothing is installed for you. The one thing a producer needs to know is where the SoundFont goes.
  if [ -z "${*:-}" ]; then
    case "$(uname -s)" in
      Darwin) echo "loopsmith: WAV stems need a General MIDI SoundFont: put a .sf2 in ~/Library/Audio/Sounds/Banks (or pass --soundfont FILE); without one only MIDI is written" >&2 ;;
      *) echo "loopsmith: WAV stems need a General MIDI SoundFont: install your distribution's FluidR3 GM package or put a .sf2 in ~/.local/share/soundfonts (or pass --soundfont FILE)" >&2 ;;
    esac
  else
    echo "loopsmith: please install: $pkgs ($why)" >&2
  fi
  exit 0
fi
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null || { echo "loopsmith: please install:$missing (no apt-get here; $why)" >&2; exit 0; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -k -n true 2>/dev/null; then sudo="sudo -k -n"; else
    echo "loopsmith: $why; to install, run: sudo apt-get install$missing" >&2; exit 0
  fi
fi
echo "loopsmith: installing the Debian package(s)$missing with apt-get${sudo:+ through sudo} (one time): $why" >&2
log="$(mktemp)"
interrupted() {
  echo "loopsmith: the install of$missing was interrupted; nothing of Loopsmith depends on it yet. To finish it:" >&2
  echo "  ${sudo:+sudo }dpkg --configure -a && ${sudo:+sudo }apt-get install$missing" >&2
  rm -f "$log"; exit 130
}
trap interrupted INT TERM
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get install -y -q --no-install-recommends $missing >"$log" 2>&1 \
   || { $sudo apt-get update -q >>"$log" 2>&1 && $sudo apt-get install -y -q --no-install-recommends $missing >>"$log" 2>&1; }; then
  rm -f "$log"; exit 0
fi
tail -15 "$log" >&2
echo "loopsmith: could not install$missing ($why); the full apt-get output is in $log" >&2
exit 1
