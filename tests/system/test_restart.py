#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""A cold restart reloads the partition only within its own windows: a
partition that restarts itself with megabytes to clear, right before its
window ends, does not move the next partition's windows."""
import sys
from sysrun import Tap, boot, CLEAN
from test_schedule import check_probes, US


def main():
    tap = Tap()
    run = boot("restart")
    tap.eq(run.status, CLEAN, "restart: system shuts down in order")
    tap.eq(run.partition_lines("R"), [f"restarter 1 start, restarts={n}" for n in range(4)],
           "restart: the partition restarted three times")
    check_probes(tap, run, 300 * US, {"O": (200 * US, 100 * US)}, "restart")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
