#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Sampling and queuing ports: order, overwrite, multicast, validity against
the refresh period, full and empty queues, size limits, every error code,
ports of other partitions and pointers outside the caller's areas; and a
flood that loses no accepted message and moves no other partition's window."""
import sys
from sysrun import Tap, boot, CLEAN
from test_schedule import check_probes, US

EFAULT, EINVAL, EPERM, ENOENT, EAGAIN, ERANGE = -2, -3, -4, -5, -6, -9


def main():
    tap = Tap()
    run = boot("ports")
    tap.eq(run.status, CLEAN, "ports: system shuts down in order")
    tap.eq(run.partition_lines("SRC"), [
        f"open unknown -> {ENOENT}", f"open empty name -> {EINVAL}",
        f"open name in kernel -> {EFAULT}", f"read on a source -> {EINVAL}",
        f"write zero bytes -> {EINVAL}", f"write over max size -> {ERANGE}",
        f"write from kernel memory -> {EFAULT}", f"write on handle 9999 -> {ENOENT}",
        f"write on DST's port -> {EPERM}", f"clear a source -> {EINVAL}", "sample 1 -> 0",
        "queue cmd 1 -> 0", "queue cmd 2 -> 0", "queue cmd 3 -> 0", "queue cmd 4 -> 0",
        f"queue cmd 5 -> {EAGAIN}", f"queue cmd 6 -> {EAGAIN}",
        "queue status: depth 4 messages 4 refused 2", "sample 2 -> 0",
    ], "ports: the source's writes and errors")
    tap.eq(run.partition_lines("DST"), [
        f"write on a destination -> {EINVAL}", f"read into too small a buffer -> {ERANGE}",
        f"read into the code area -> {EFAULT}", f"read info into kernel -> {EFAULT}",
        'dst sample -> 8 "alt=100" valid', 'dst got "cmd 1"', 'dst got "cmd 2"',
        'dst got "cmd 3"', 'dst got "cmd 4"', f"dst queue empty -> {EAGAIN}",
        'dst sample -> 8 "alt=200" valid', 'dst sample -> 8 "alt=200" stale',
        "clear queue -> 0",
    ], "ports: the destination reads in order, sees overwrite and staleness")
    tap.eq(run.partition_lines("MON"), ['mon sample -> 8 "alt=100" valid',
                                        'mon sample -> 8 "alt=200" valid'],
           "ports: the second destination of the sampling channel gets the same messages")

    run = boot("ports-flood")
    tap.eq(run.status, CLEAN, "ports-flood: system shuts down in order")
    sent = [ln for ln in run.partition_lines("FLOOD") if ln.startswith("accepted ")]
    got = [ln for ln in run.partition_lines("SINK") if ln.startswith("received ")]
    tap.ok(len(sent) == 1 and len(got) == 1 and sent[0].split()[1] == got[0].split()[1]
           and int(sent[0].split()[1]) > 1000,
           "ports-flood: every accepted message arrives", f"{sent} {got}")
    tap.eq([ln for ln in run.partition_lines("SINK") if "out of order" in ln], [],
           "ports-flood: in order, none lost or repeated")
    check_probes(tap, run, 300 * US, {"P": (200 * US, 100 * US)}, "ports-flood")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
