#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Shared areas: what one partition writes another sees, with the rights the
configuration gives each: a read-only mapping faults on write."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN

# How each arch's kernel reports a write to a read-only page.
WRITE_FAULT = {
    "x86": ("partition R stopped: #PF", "write of 40200000 (protection violation)"),
    "sparc": ("partition R stopped: data access exception",
              "write of 40200000 (protection error)"),
    "riscv": ("partition R stopped: store page fault", "tval=40200000"),
}[ARCH]


def main():
    tap = Tap()
    run = boot("shm")
    tap.eq(run.status, CLEAN, "shm: system shuts down in order")
    tap.eq(run.partition_lines("R"), [f"reader sees {n * 100}" for n in range(1, 6)] +
           ["reader writes to the read-only share"], "shm: the reader sees every value written")
    stopped = [ln for ln in run.kernel_lines() if "stopped" in ln]
    tap.ok(len(stopped) == 1 and stopped[0].startswith(WRITE_FAULT[0]) and
           WRITE_FAULT[1] in stopped[0],
           "shm: writing the read-only share stops the reader", "\n".join(stopped))
    tap.eq(run.partition_lines("W"), ["writer done"], "shm: the writer is unaffected")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
