#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The largest system of #20 (tests/system/gen_scale.py): 64 partitions,
1,024 channels, 4,096 ports and a plan of 4,096 windows boot; every
partition opens its 64 ports, writes its 16 sources and receives, on each
of its 48 destinations, exactly what that channel's source wrote, and the
port event the writes owe it (the kernel's sets of partitions are 64 bits).
P00, a system partition, sees an HM log of 4 entries per partition."""
import sys
from sysrun import Tap, boot, CLEAN

PARTS = 64


def main():
    tap = Tap()
    run = boot("scale", timeout=600)
    tap.eq(run.status, CLEAN, "scale: system shuts down in order")
    want = ["opened 64 of 64 ports", "wrote 16 messages", "received 48 of 48, 0 wrong",
            "port event pending"]
    bad = {}
    for i in range(PARTS):
        got = run.partition_lines(f"P{i:02d}")
        if i == 0 and got[1:2] == ["hm log capacity 256 share 4"]:
            got = got[:1] + got[2:]
        elif i == 0:
            got.insert(0, "(no HM log line)")
        if got != want:
            bad[f"P{i:02d}"] = got
    tap.ok(not bad, f"scale: all {PARTS} partitions ran, and every message reached its "
           "three destinations, with a port event; the HM log keeps 256 entries, 4 each", repr(dict(list(bad.items())[:4])))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
