#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: a system partition acts on partitions of
another CPU at a defined point (docs/architecture.md, "Multicore"). In
tests/system/systems/smp-control.xml S, a system partition on CPU 0,
restarts R and then halts H, both on CPU 1 (parts/ctlprobe.c): each call
returns PV_OK at once, and CPU 1 applies it at the target's next window
start there, where the target is not running. Checked: R starts again
with the start condition of a system partition's request and one restart
(S sees it in R's status); H never starts a window after S asked for its
halt (H runs while S does, so its window in progress at the request ends
as planned) and S sees it halted; halting H again is PV_ESTATE and an
unknown operation PV_EINVAL; the kernel reports the restart and every
halt, and the system ends when all have halted (H never halts itself: a
halt that is never applied ends in a timeout)."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

OK, EINVAL, ESTATE = 0, -3, -8
HALTED = 2                      # PV_STATE_HALTED
NORMAL, SYSTEM_RESTART = 0, 2   # PV_START_*


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_control is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("smp-control", smp=2, timeout=300)
    tap.eq(run.status, CLEAN, "smp-control: the system shuts down when all partitions halt")
    s = run.partition_lines("S")
    asked = {}
    for ln in s:
        m = re.match(r"(restart R|halt H) at (\d+) -> (-?\d+)$", ln)
        if m:
            asked[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    tap.eq(sorted((k, v[1]) for k, v in asked.items()), [("halt H", OK), ("restart R", OK)],
           "smp-control: S's restart of R and halt of H (CPU 1) are accepted")
    tap.ok(any(re.match(r"R restarted: 1 \(windows waited \d+\)$", ln) for ln in s),
           "smp-control: S sees R restarted once", "\n".join(s))
    tap.ok(any(re.match(rf"H state {HALTED} \(windows waited \d+\)$", ln) for ln in s),
           "smp-control: S sees H halted", "\n".join(s))
    tap.ok(f"halt H again -> {ESTATE}" in s, "smp-control: halting H again is PV_ESTATE")
    tap.ok(f"unknown op on R -> {EINVAL}" in s, "smp-control: an unknown op is PV_EINVAL")
    tap.eq(run.partition_lines("R"), [f"start condition {NORMAL}, restarts 0",
                                      f"start condition {SYSTEM_RESTART}, restarts 1"],
           "smp-control: R starts again at a system partition's request")
    starts = [int(m.group(1)) for m in map(re.compile(r"window (\d+)$").match,
                                           run.partition_lines("H")) if m]
    if "halt H" in asked:
        t = asked["halt H"][0]
        tap.ok(starts and all(w < t for w in starts),
               "smp-control: H never starts a window after S asked for its halt",
               f"asked at {t}, H's last window starts {starts[-3:]}")
    kernel = run.kernel_lines()
    for line in ("partition R: cold restart 1", "partition H halted", "partition R halted",
                 "partition S halted"):
        tap.ok(line in kernel, f"smp-control: the kernel says '{line}'")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
