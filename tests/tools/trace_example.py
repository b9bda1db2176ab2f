#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Writes a synthetic trace of the demo system (apps/demo/demo.xml) for
the example picture of docs/tracing.md: three major frames, tasks in
every partition, GYRO's memory violation and cold restart in frame 1,
SUPERVISOR's switch to the plan "degraded", which runs in frame 2.
Usage: trace_example.py OUT.bin [big]; then
tools/trace/tessera-trace.py --system apps/demo/demo.xml --svg OUT.svg OUT.bin"""
import sys

import trace_synth as S

MS = 1000000
FRAME = 12 * MS
# partition index, window offset, duration, tasks (name, share of the window)
MAIN = [(0, 0, 3 * MS, [("SAMP", 0.3), ("LOG", 0.2)]),
        (1, 3 * MS, 3 * MS, [("CTRL", 0.4), ("CMDS", 0.2)]),
        (2, 6 * MS, 3 * MS, [("WTCH", 0.3), ("DISP", 0.4)]),
        (3, 9 * MS, 1500000, [("GYRO", 0.6)]),
        (4, 10500000, 1500000, [("SUPV", 0.2)])]
DEGRADED = [w for w in MAIN if w[0] != 3]


def frame(records, f, plan, windows, t0):
    base = t0 + f * FRAME
    for i, (p, off, dur, tasks) in enumerate(windows):
        start = base + off + 700 + 150 * p + 40 * f  # the kernel's switch, a little late
        records.append((start - 100, 3, p, 0xFF, 0))
        records.append((start, 1, p, i | plan << 16, base + off))
        t, prev = start + 2000, 0
        for k, (name, share) in enumerate(tasks):
            tid = 0x0A010001 + (p << 16) + k
            if f == 0:
                records.append((t - 500, 261, p, tid, S.rtems_name(name)))
            records.append((t, 256, p, tid, prev))
            records.append((t + 3000, 16, p, 1, t + 2800))  # time_get
            if p == 0 and k == 0:
                records.append((t + 9000, 64, p, 0, 4))  # altitude
                records.append((t + 9500, 16, p, 13, t + 8000))
            if p in (1, 2) and k == 0:
                records.append((t + 6000, 65, p, 1 if p == 1 else 3, 4))
                records.append((t + 6600, 16, p, 14, t + 5000))
            if p == 3 and f == 1:
                records.append((t + 300000, 48, p, 0 | 4 << 16, 0x40100ff0))
                records.append((t + 301000, 97, p, 0, 0))
                records.append((t + 302000, 96, p, 1 | 3 << 16, 0))
                tid = 0
                break
            if p == 4 and f == 1:
                records.append((t + 20000, 16, p, 17, t + 18000))
                records.append((t + 20000, 80, p, 1 | 0 << 16, 0))
            t += int(dur * share)
            prev = tid
        records.append((base + off + dur, 2, p, i | plan << 16, base + off + dur))


def main():
    t0 = 5 * MS
    records = []
    frame(records, 0, 0, MAIN, t0)
    frame(records, 1, 0, MAIN, t0)
    frame(records, 2, 1, DEGRADED, t0)
    records.sort(key=lambda r: r[0])
    order = ">" if sys.argv[2:] == ["big"] else "<"
    with open(sys.argv[1], "wb") as f:
        f.write(S.dump(records, order, lost=0, parts=5, t0=t0))


if __name__ == "__main__":
    main()
