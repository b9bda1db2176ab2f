#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Partition management hypercalls: a system partition halts, restarts and
reads the status of another; an application partition is refused; a cold
restart (by another or by oneself) resets initialised data."""
import sys
from sysrun import Tap, boot, CLEAN

EINVAL, EPERM, ENOENT, ESTATE = -3, -4, -5, -8


def main():
    tap = Tap()
    run = boot("sysp")
    tap.eq(run.status, CLEAN, "sysp: system shuts down in order")
    tap.eq(run.partition_lines("MGR"), [
        "status target -> 0: id 2 state 1 restarts 0 flags 0",  # idle until its window
        "halt target -> 0",
        "status halted target -> 0: id 2 state 2 restarts 0 flags 0",
        f"halt halted target -> {ESTATE}",
        "restart target -> 0",
        "status restarted target -> 0: id 2 state 4 restarts 1 flags 0",  # reloading
        f"unknown operation -> {EINVAL}",
        f"unknown partition -> {ENOENT}",
        "status self -> 0: id 1 state 0 restarts 0 flags 1",
    ], "sysp: the system partition manages the target")
    tap.eq(run.partition_lines("TGT"), [
        "target start restarts=0 value=5",
        "target start restarts=1 value=5",
    ], "sysp: the restarted target starts afresh with its data reset")
    tap.eq(run.partition_lines("APP"), [
        f"app halts target -> {EPERM}",
        f"app reads manager -> {EPERM}: id 0 state 0 restarts 0 flags 0",
        "app restarting itself",
        "app after restart: restarts=1 value=5",
    ], "sysp: an application partition is refused, and restarts itself afresh")
    k = run.kernel_lines()
    for want in ("partition TGT halted", "partition TGT: cold restart 1",
                 "partition APP: cold restart 1"):
        tap.ok(want in k, f"sysp: kernel reports '{want}'", "\n".join(k))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
