#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""A module reset (the health monitor's reset-module action) costs the same
in a system of 3 partitions and 4 channels as in one of 64 partitions and
1,024 channels (tests/system/gen_reset_cost.py): the partition T that raises
the error times, under -icount, from just before its error to the first
instruction it runs again - the reset's kernel entry, T's own reload and
start, all the same in both systems. Exact on x86; on SPARC the two
readings may be one clock tick (25 instructions) apart, so only a
difference under 50 instructions can pass there. Before the reset was applied lazily, it
restarted every partition in that one entry. Also what the reset must still
do, seen from the system partition T and the reader X: the others restart
(X cold, Y configured idle stays halted) with the module-restart start
condition, the channels are emptied (messages written after the reset
stay), and the kernel says so once per reset."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

RESETS = 4                                # RESETS of resetcost.c
# Readings are exact on x86; SPARC's clock ticks every 25 instructions
# (BENCH_CLOCK_QUANTUM), so two equal costs can read one tick apart.
TOLERANCE = {"sparc": 25, "riscv": 100}.get(ARCH, 0)
LOADING, HALTED = 4, 2                    # PV_STATE_*
COLD_START, IDLE = 1, 0                   # PV_MODE_*
START_HM_MODULE = 4
EAGAIN = -6
COST = re.compile(r"reset (\d+): cost (\d+)$")


def costs(run):
    out = {}
    for ln in run.partition_lines("T"):
        m = COST.match(ln)
        if m:
            out[int(m.group(1))] = int(m.group(2))
    return out


def main():
    tap = Tap()
    runs = {name: boot(name, timeout=120) for name in ("reset-min", "reset-max")}
    got = {}
    for name, run in runs.items():
        tap.eq(run.status, CLEAN, f"{name}: system shuts down in order")
        got[name] = costs(run)
        tap.ok(sorted(got[name]) == list(range(1, RESETS + 1)), f"{name}: T timed {RESETS} resets",
               "\n".join(run.lines[-40:]))
        tap.eq(run.kernel_lines().count("health monitor: module reset"), RESETS,
               f"{name}: the kernel reported each reset once")
        t = [ln for ln in run.partition_lines("T") if not COST.match(ln)]
        want = []
        for k in range(1, RESETS + 1):
            want.append(f"reset {k}: X state={LOADING} mode={COLD_START} start={START_HM_MODULE} "
                        f"restarts={k}; Y state={HALTED} mode={IDLE} start={START_HM_MODULE} "
                        "restarts=0")
            want.append(f"reset {k}: channels C=0 S=0")
        tap.eq(t, want + ["done"],
               f"{name}: after each reset the others are restarting (Y halted), channels empty")
        eagain = f"{EAGAIN} -"
        tap.eq(run.partition_lines("X"),
               [f"start={START_HM_MODULE} restarts={RESETS}", f"c_in: 16 boot {RESETS}",
                f"c_in: {eagain}", f"s_in: 16 boot {RESETS}", f"d_in: {eagain}",
                f"s0_in: {eagain}"],
               f"{name}: X holds only what was written after the last reset")
        tap.eq(run.partition_lines("Y"), [], f"{name}: Y (initial-mode idle) never ran")
        print(f"# {name}: reset costs (instructions) {got[name]}")
    small, large = got["reset-min"], got["reset-max"]
    for k in range(1, RESETS + 1):
        a, b = small.get(k), large.get(k)
        tap.ok(a is not None and b is not None and abs(a - b) <= TOLERANCE,
               f"reset {k}: the same instructions with 3 partitions and 4 channels as with 64 "
               "and 1,024", f"small {a} large {b}")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
