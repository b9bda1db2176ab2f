#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Schedule plans: a switch requested by a system partition takes effect
exactly at the end of the current major frame (under -icount), the new plan's
frames follow its own major frame, the current and next plan are readable in
the control page, and application partitions may not switch."""
import re
import sys
from sysrun import Tap, boot, CLEAN

US = 1000
PLANS = {1: (300 * US, 100 * US), 2: (400 * US, 250 * US)}  # id: (major frame, O's offset)
EPERM, ENOENT = -4, -5


def main():
    tap = Tap()
    run = boot("plans")
    tap.eq(run.status, CLEAN, "plans: system shuts down in order")
    s_lines = run.partition_lines("S")
    tap.ok(f"unknown plan -> {ENOENT}" in s_lines, "plans: an unknown plan is refused",
           "\n".join(s_lines))
    req = [re.match(r"switch requested at (\d+) -> 0", ln) for ln in s_lines]
    req = [int(m.group(1)) for m in req if m]
    o_lines = run.partition_lines("O")
    tap.eq(o_lines[:1], [f"observer switches -> {EPERM}"],
           "plans: an application partition may not switch plans")
    rows = []
    for ln in o_lines[1:]:
        m = re.match(r"plan (\d+) next (\d+) frame (\d+) window (\d+) seen (\d+)", ln)
        if m:
            rows.append(tuple(int(x) for x in m.groups()))
    if not tap.ok(len(req) == 1 and len(rows) == 24, "plans: the run produced its data",
                  "\n".join(s_lines + o_lines)):
        return tap.done()
    r = req[0]
    a_rows = [x for x in rows if x[0] == 1]
    b_rows = [x for x in rows if x[0] == 2]
    tap.ok(a_rows and b_rows and rows == a_rows + b_rows, "plans: plan a, then plan b")
    f0 = a_rows[0][2]
    tap.ok(all((x[2] - f0) % PLANS[1][0] == 0 and x[3] == x[2] + PLANS[1][1] for x in a_rows),
           "plans: plan a's windows lie on its 300 us grid")
    boundary = f0 + ((r - f0) // PLANS[1][0] + 1) * PLANS[1][0]
    # O runs in every frame, so its first plan-b window is in the first b frame.
    tap.eq(b_rows[0][2], boundary,
           "plans: plan b's first frame starts exactly at the end of the frame of the request")
    tap.ok(all((x[2] - boundary) % PLANS[2][0] == 0 and x[3] == x[2] + PLANS[2][1]
               for x in b_rows), "plans: plan b's windows lie on its 400 us grid")
    tap.ok(all(0 <= x[4] - x[3] < 5 * US for x in rows),
           "plans: O got the CPU at each published window start",
           "\n".join(f"{x[4] - x[3]}" for x in rows))
    pending = [x for x in a_rows if x[2] + PLANS[1][0] == boundary and x[3] > r]
    tap.ok(pending and all(x[1] == 2 for x in pending) and
           all(x[1] == 1 for x in a_rows if x not in pending),
           "plans: the control page shows the pending plan until the boundary")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
