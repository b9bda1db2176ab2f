#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: a plan switch takes effect on every CPU at the
start of the same frame (kernel/core/sched_cpus.c). In
tests/system/systems/smp-plans.xml (-smp 2) and smp-plans4.xml (-smp 4) S,
a system partition on CPU 0, asks for plan "other", "main", "other" and
"main" again (parts/planprobe.c); the observers O0 (CPU 0), O1 and O2
(CPU 1) and O3 (plan "main" only: CPU 1, or CPU 2 which has no window in
"other"; CPU 3 has none in either) record at each of their windows the plan the kernel says it runs,
the frame's start, the window's offset in the frame and the CPU.

The kernel names, for each request, the frame it holds from (frames are
numbered from 1 at boot) and the requester's frame then; with S's own
frame start at each request that fixes the start of every frame (300 us
in "main", 400 us in "other"). The test then requires of every window any
observer saw: it starts a frame of that grid (a CPU that switched a frame
early or late, or that kept the old major frame, would be off it), the
plan the kernel published is the plan of that frame (one CPU late or early
shows here, whichever CPU it is), the window's offset is the partition's
offset in that plan's table on the CPU it runs on (the CPU ran that plan's
window table, not only its id), and the CPU is the partition's. Every
switch holds from a frame after the requester's. Which frames QEMU's round
robin let a CPU skip varies between runs (docs/architecture.md,
"Multicore"): each of CPUs 0 and 1 must have run the very frame of at
least one switch; a switch's frame skipped on a CPU is printed."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

MAJOR = {0: 300000, 1: 400000}
NAMES = {0: "main", 1: "other"}
IDS = {"S": 1, "O0": 2, "O1": 3, "O2": 4, "O3": 5}
SWITCHES = [1, 0, 1, 0]  # the plans S asks for, in order


def places(o3_cpu, o3_offset):
    """plan -> partition -> (CPU, offset in the frame)."""
    return {0: {"S": (0, 0), "O0": (0, 150000), "O1": (1, 0), "O2": (1, 150000),
                "O3": (o3_cpu, o3_offset)},
            1: {"O0": (0, 0), "S": (0, 200000), "O1": (1, 40000), "O2": (1, 290000)}}


SYSTEMS = (("smp-plans", 2, places(1, 100000)), ("smp-plans4", 4, places(2, 100000)))
REQUEST = re.compile(r"plan (\w+) requested from frame (\d+) \(CPU 0, frame (\d+)\)$")
ASKED = re.compile(r"planprobe 1: window (\d+), frame (\d+), plan (\d+): switch to (\d+) -> (-?\d+)$")
RECORD = re.compile(r"planprobe (\d+): frame (\d+) plan (\d+) offset (\d+) cpu (\d+)$")


def frame_starts(anchor_frame, anchor_start, switches, last):
    """Frame number -> (start, plan) for frames 1..last, given one frame's
    start and the (frame, plan) switches in order: plan 0 before the first."""
    plan_of = {}
    plan = 0
    todo = list(switches)
    for n in range(1, last + 1):
        while todo and todo[0][0] <= n:
            plan = todo.pop(0)[1]
        plan_of[n] = plan
    start = {anchor_frame: anchor_start}
    for n in range(anchor_frame + 1, last + 1):
        start[n] = start[n - 1] + MAJOR[plan_of[n - 1]]
    for n in range(anchor_frame - 1, 0, -1):
        start[n] = start[n + 1] - MAJOR[plan_of[n]]
    return {start[n]: (n, plan_of[n]) for n in range(1, last + 1)}


def check(tap, name, smp, where):
    label = f"{name} (-smp {smp})"
    run = boot(name, smp=smp, timeout=300)
    tap.eq(run.status, CLEAN, f"{label}: the system shuts down when all partitions halt")
    asked = [m.groups() for m in map(ASKED.match, run.partition_lines("S")) if m]
    tap.eq([(int(a[3]), int(a[4])) for a in asked], [(p, 0) for p in SWITCHES],
           f"{label}: S's four requests are accepted")
    requests = [m.groups() for m in map(REQUEST.match, run.kernel_lines() + run.partition_lines("S"))
                if m]
    tap.eq([r[0] for r in requests], [NAMES[p] for p in SWITCHES],
           f"{label}: the kernel records each request with the frame it holds from")
    if len(asked) != len(SWITCHES) or len(requests) != len(SWITCHES):
        return
    switches = [(int(r[1]), p) for r, p in zip(requests, SWITCHES)]
    tap.ok(all(int(r[1]) > int(r[2]) for r in requests),
           f"{label}: every switch holds from a frame after the requester's",
           f"{requests}")
    print(f"# {label}: switches from frames {[s[0] for s in switches]}, asked in frames "
          f"{[int(r[2]) for r in requests]}")
    # S's frame start at its first request anchors the grid.
    grid = frame_starts(int(requests[0][2]), int(asked[0][1]), switches, 200)
    tap.eq([grid.get(int(a[1]), (None,))[0] for a in asked], [int(r[2]) for r in requests],
           f"{label}: S's frame at each request is where the grid puts it")

    seen = {}  # partition -> [(frame number, plan)]
    bad = []
    for part, pid in IDS.items():
        if part == "S":
            continue
        recs = [tuple(int(g) for g in m.groups()[1:])
                for m in map(RECORD.match, run.partition_lines(part)) if m]
        tap.eq(len(recs), 16 if part == "O3" else 48, f"{label}: {part} reports its windows")
        seen[part] = []
        for frame, plan, offset, cpu in recs:
            n, want_plan = grid.get(frame, (None, None))
            place = where.get(plan, {}).get(part)
            if n is None or plan != want_plan or place != (cpu, offset):
                bad.append(f"{part}: frame start {frame} (frame {n}, plan {want_plan}), "
                           f"seen plan {plan} at offset {offset} on CPU {cpu}; table: {place}")
            else:
                seen[part].append((n, plan))
    tap.eq(bad, [], f"{label}: every window starts a frame of the grid, in that frame's plan, "
           f"at the partition's offset in that plan's table on its CPU")

    # The frame of a switch itself seen on CPU 0 and on CPU 1 (its windows
    # there checked above), for at least one of the four switches each: a
    # window QEMU's round robin skipped is printed, not failed.
    for cpu, parts in ((0, ["O0"]), (1, ["O1", "O2"])):
        frames = {n for p in parts for n, _ in seen.get(p, [])}
        for frame, plan in switches:
            if frame not in frames:
                print(f"# {label}: CPU {cpu}: frame {frame} (switch to {NAMES[plan]}) skipped")
        tap.ok(any(frame in frames for frame, _ in switches),
               f"{label}: CPU {cpu} ran a switch's own frame in the new plan",
               f"switch frames {switches}, seen {sorted(frames)}")


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_plans is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    for name, smp, where in SYSTEMS:
        check(tap, name, smp, where)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
