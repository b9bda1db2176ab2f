#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Turns the trace dump framed on a Tessera console (docs/trace-format.md)
into the byte string it frames:

    TRACE-BEGIN <total bytes>
    <hex, 64 bytes a line>
    TRACE-END <crc32, 8 hex digits>

Usage: extract.py CONSOLE_LOG OUT.bin. Fails (exit 1, a message on stderr)
when there is no dump, when it is cut short, when its length or CRC-32
differs from what the frame says, or when there is more than one."""
import re
import sys
import zlib

BEGIN = re.compile(r"TRACE-BEGIN (\d+)$")
END = re.compile(r"TRACE-END ([0-9a-f]{8})$")
HEX = re.compile(r"[0-9a-f]+$")


class ExtractError(Exception):
    pass


def extract(text):
    """The bytes of the one dump framed in text (console output, str)."""
    lines = [ln.rstrip("\r") for ln in text.split("\n")]
    starts = [i for i, ln in enumerate(lines) if BEGIN.match(ln)]
    if not starts:
        raise ExtractError("no TRACE-BEGIN line: the system had no <trace>, or did not shut down")
    if len(starts) > 1:
        raise ExtractError(f"{len(starts)} TRACE-BEGIN lines: one dump expected")
    first = starts[0]
    total = int(BEGIN.match(lines[first]).group(1))
    data = bytearray()
    for i in range(first + 1, len(lines)):
        ln = lines[i]
        m = END.match(ln)
        if m:
            if len(data) != total:
                raise ExtractError(f"TRACE-BEGIN says {total} bytes, the dump has {len(data)}")
            crc = zlib.crc32(bytes(data)) & 0xffffffff
            if crc != int(m.group(1), 16):
                raise ExtractError(f"CRC-32 {crc:08x} of the dump differs from TRACE-END's "
                                   f"{m.group(1)}")
            return bytes(data)
        if not HEX.match(ln) or len(ln) % 2:
            raise ExtractError(f"line {i + 1}: not a line of the dump: {ln[:60]!r}")
        data += bytes.fromhex(ln)
    raise ExtractError("no TRACE-END line: the dump was cut short")


def main(argv):
    if len(argv) != 3:
        print("usage: extract.py CONSOLE_LOG OUT.bin", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        data = extract(text)
    except ExtractError as e:
        print(f"extract.py: {argv[1]}: {e}", file=sys.stderr)
        return 1
    with open(argv[2], "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
