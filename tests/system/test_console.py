#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Console: input reaches only the configured input partition, in order and
whole; every other partition is refused."""
import sys
from sysrun import Tap, boot, CLEAN

EPERM = -4
LINES = ["hello", "a somewhat longer line to cross the UART FIFO of sixteen bytes", "x" * 100,
         "quit"]


def main():
    tap = Tap()
    run = boot("echo", stdin_data=("\n".join(LINES) + "\n").encode())
    tap.eq(run.status, CLEAN, "echo: system shuts down in order")
    tap.eq(run.partition_lines("ECHO"), [f"got: {ln}" for ln in LINES],
           "echo: the input partition reads every line in order")
    tap.eq(run.partition_lines("OTHER"), [f"read by another partition -> {EPERM}"],
           "echo: another partition may not read the console")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
