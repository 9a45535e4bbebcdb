#!/usr/bin/env python3
"""Builds Loopsmith.amxd (a Max for Live MIDI effect) from the patch source Loopsmith.maxpat.

An unfrozen .amxd is a run of chunks, each a 4-byte ASCII tag, a little-endian uint32 size and the data:
  'ampf' (4)  the device type: 'mmmm' MIDI effect ('aaaa' audio effect, 'iiii' instrument)
  'meta' (4)  zeros
  'ptch' (n)  the patcher JSON, NUL-terminated
as read by Ableton's own maxdiff tool (github.com/Ableton/maxdevtools, amxd_textconv.py). loopsmith.js is not
embedded: keep it beside the device (or freeze the device in Max to embed it).
Usage: python3 m4l/build-amxd.py [--check]   (--check: exit 1 if Loopsmith.amxd is not what the source gives)
"""
import json
import pathlib
import struct
import sys

HERE = pathlib.Path(__file__).resolve().parent


def chunk(tag: bytes, data: bytes) -> bytes:
    return tag + struct.pack("<I", len(data)) + data


def build(patch_json: str) -> bytes:
    json.loads(patch_json)  # refuse to wrap a patch that is not JSON
    ptch = patch_json.encode("utf-8") + b"\0"
    return chunk(b"ampf", b"mmmm") + chunk(b"meta", b"\0\0\0\0") + chunk(b"ptch", ptch)


def main() -> int:
    amxd = build((HERE / "Loopsmith.maxpat").read_text(encoding="utf-8"))
    target = HERE / "Loopsmith.amxd"
    if "--check" in sys.argv[1:]:
        ok = target.exists() and target.read_bytes() == amxd
        print("Loopsmith.amxd is up to date" if ok else "Loopsmith.amxd is stale: run python3 m4l/build-amxd.py")
        return 0 if ok else 1
    target.write_bytes(amxd)
    print(f"wrote {target} ({len(amxd)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
