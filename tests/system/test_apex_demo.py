#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The APEX demo of `make run-apex` (apps/apexdemo): SENSORS and LAW run
periodically, ACTUATOR applies LAW's commands in sample order, each the
control law of the sample's pitch; LAW's planted 12 ms job misses its
8 ms deadline, the health monitor propagates it to the error handler
process, which restarts LAW, and the commands carry on to the twelfth."""
import re
import sys
from sysrun import Tap, boot, CLEAN

TRACE = [0, 150, 320, 410, 380, 300, 210, 130, 70, 30, 10, 0]


def main():
    tap = Tap()
    run = boot("apex-demo", timeout=300)
    tap.eq(run.status, CLEAN, "apex-demo: the partition ends and the system shuts down")
    fcs = run.partition_lines("FCS")
    applied = []
    for ln in fcs:
        m = re.match(r"ACTUATOR: sample (\d+) pitch (-?\d+) elevator (-?\d+)$", ln)
        if m:
            applied.append(tuple(int(g) for g in m.groups()))
    tap.eq([a[0] for a in applied], list(range(12)), "ACTUATOR applied samples 0 to 11, in order")
    tap.eq(applied, [(n, TRACE[n], -2 * TRACE[n]) for n in range(12)],
           "each command is the control law of its sample's pitch")
    overrun = "LAW: sample 4: re-trimming takes 12 ms"
    handled = "HANDLER: LAW missed its deadline: restarting it"
    tap.ok(overrun in fcs and handled in fcs and fcs.index(overrun) < fcs.index(handled) <
           fcs.index("ACTUATOR: sample 4 pitch 380 elevator -760"),
           "LAW's overrun reaches the error handler, which restarts LAW before sample 4 is applied",
           "\n".join(fcs))
    tap.eq(fcs.count(handled), 1, "one deadline missed, one restart")
    tap.ok("hm: partition FCS: deadline-missed -> propagate" in run.kernel_lines(),
           "the kernel's health monitor propagates the missed deadline")
    tap.eq(fcs[-1:], ["FCS: 12 commands applied, done"], "the demo ends after twelve commands")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
