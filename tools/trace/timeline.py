# SPDX-License-Identifier: BSD-2-Clause
"""Turns the decoded events into what the outputs draw: actual windows,
the frames they belong to (hence the planned windows), idle gaps, task,
hypercall, directive and interrupt spans per partition, and the instant
events. All times are the kernel's absolute ns."""
from dataclasses import dataclass, field

import kinds as K
from tracefile import NO_PARTITION


@dataclass
class Span:
    part: int  # partition index, NO_PARTITION for the kernel/idle
    start: int
    end: int
    label: str
    args: dict = field(default_factory=dict)
    task: int = None  # task id for task, directive and interrupt spans
    event: object = None  # the closing event (hypercalls, windows)


@dataclass
class Timeline:
    begin: int = 0
    end: int = 0
    windows: list = field(default_factory=list)  # actual windows, partitions and idle
    frames: list = field(default_factory=list)  # (frame start ns, plan index)
    gaps: list = field(default_factory=list)  # (start, end) with no partition window
    tasks: list = field(default_factory=list)
    task_names: dict = field(default_factory=dict)  # (part, task id) -> name
    hcalls: list = field(default_factory=list)
    nested: list = field(default_factory=list)  # directive and interrupt spans
    instants: list = field(default_factory=list)  # events shown at one instant


class _PartState:
    def __init__(self, window_open):
        self.window_open = window_open
        self.window_start = None
        self.task = None
        self.task_since = None
        self.open_calls = {}  # (kind, id) -> [start ts]


def _close_task(tl, p, st, ts):
    if st.task is not None and st.task_since is not None and ts > st.task_since:
        tl.tasks.append(Span(p, st.task_since, ts, "", task=st.task))
    st.task_since = None


def build(header, events, system):
    tl = Timeline()
    if events:
        tl.begin = min(header.t0, events[0].record.ts)
        tl.end = max(e.record.ts for e in events)
    else:
        tl.begin = tl.end = header.t0
    windows_traced = bool(header.classes & 1)
    states = {}
    # Keyed by (CPU, partition): with several CPUs each has its own slots,
    # its idle ones too (the records carry their CPU).
    open_windows = {}
    frames = set()

    def state(p):
        if p not in states:
            states[p] = _PartState(not windows_traced)
        return states[p]

    for ev in events:
        r = ev.record
        p = r.part
        st = state(p)
        if r.kind == K.WINDOW_START:
            open_windows[(r.cpu, p)] = ev
            st.window_open = True
            if st.task is not None:
                st.task_since = r.ts
            idx, plan = r.a & 0xFFFF, r.a >> 16
            if p != NO_PARTITION and plan < len(system.plans) \
                    and idx < len(system.plans[plan].windows):
                frames.add((r.b - system.plans[plan].windows[idx].offset, plan))
        elif r.kind == K.WINDOW_END:
            start = open_windows.pop((r.cpu, p), None)
            begin = start.record.ts if start else tl.begin
            planned = (start.record.b if start else None, r.b)
            tl.windows.append(Span(p, begin, r.ts, ev.partition,
                                   {"window": r.a & 0xFFFF, "plan": r.a >> 16,
                                    "planned_start_ns": planned[0],
                                    "planned_end_ns": planned[1], "cpu": r.cpu},
                                   event=ev))
            _close_task(tl, p, st, r.ts)
            st.window_open = False
        elif r.kind == K.TASK_SWITCH:
            if st.window_open:
                _close_task(tl, p, st, r.ts)
            st.task = r.a
            st.task_since = r.ts if st.window_open else None
        elif r.kind == K.TASK_NAME:
            tl.task_names[(p, r.a)] = dict((f[0], f[2]) for f in ev.fields)["name"]
        elif r.kind == K.RESTART:
            _close_task(tl, p, st, r.ts)
            st.task = None
            st.open_calls.clear()
            tl.instants.append(ev)
        elif r.kind == K.HCALL:
            dur = dict((f[0], f[2]) for f in ev.fields)
            tl.hcalls.append(Span(p, r.b, r.ts, dur["call"], event=ev))
        elif r.kind in (K.DIRECTIVE_ENTRY, K.IRQ_ENTRY):
            st.open_calls.setdefault((r.kind, r.a), []).append((r.ts, st.task, _label(ev)))
        elif r.kind in (K.DIRECTIVE_EXIT, K.IRQ_EXIT):
            opened = st.open_calls.get((r.kind - 1, r.a))
            if opened:
                since, task, label = opened.pop()
                tl.nested.append(Span(p, since, r.ts, label,
                                      dict((f[0], f[2]) for f in ev.fields), task=task,
                                      event=ev))
            else:
                tl.instants.append(ev)
        else:
            tl.instants.append(ev)
    for (cpu, p), ev in open_windows.items():  # windows still open at the end of the trace
        tl.windows.append(Span(p, ev.record.ts, tl.end, ev.partition,
                               {"window": ev.record.a & 0xFFFF, "plan": ev.record.a >> 16,
                                "planned_start_ns": ev.record.b, "planned_end_ns": None,
                                "open": True, "cpu": cpu}, event=ev))
    for p, st in states.items():
        if st.window_open:
            _close_task(tl, p, st, tl.end)
        for opened in st.open_calls.values():
            # A directive that never returns (rtems_task_exit), or a call
            # the trace's end cut short.
            for since, task, label in opened:
                tl.nested.append(Span(p, since, tl.end, f"{label} (unfinished)", task=task))
    tl.windows.sort(key=lambda s: (s.start, s.part))
    tl.tasks.sort(key=lambda s: (s.start, s.part))
    tl.frames = sorted(frames)
    tl.gaps = _gaps(tl)
    return tl


def _label(ev):
    """A directive's span is named by the directive, an interrupt's by its line."""
    if ev.record.kind == K.DIRECTIVE_ENTRY:
        return dict((f[0], f[2]) for f in ev.fields)["name"]
    return f"irq {ev.record.a}"


def _gaps(tl):
    """Time between begin and end that no partition's window covers."""
    gaps, t = [], tl.begin
    for w in (w for w in tl.windows if w.part != NO_PARTITION):
        if w.start > t:
            gaps.append((t, w.start))
        t = max(t, w.end)
    if tl.end > t and tl.windows:
        gaps.append((t, tl.end))
    return gaps
