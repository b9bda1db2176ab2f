# SPDX-License-Identifier: BSD-2-Clause
"""Chrome/Perfetto trace-event JSON (ui.perfetto.dev, chrome://tracing):
one process per partition (its windows, hypercalls, events and one thread
per task) and one for the kernel (idle windows, partition switches, plan
switches and system-level events). Timestamps are microseconds from t0."""
import bisect
import json

import kinds as K
from tracefile import NO_PARTITION

TID_WINDOWS, TID_HCALLS, TID_EVENTS = 1, 2, 3
TID_TASK0 = 100  # tasks: 100, 101, ... in the order they first appear
TID_KERNEL_SCHEDULE, TID_KERNEL_EVENTS = 1, 2


class _Writer:
    def __init__(self, header, system, tl):
        self.t0 = header.t0
        self.system = system
        self.tl = tl
        self.kernel_pid = len(system.partitions) + 1
        self.out = []
        self.task_tids = {}  # (part, task) -> tid

    def pid(self, part):
        return self.kernel_pid if part == NO_PARTITION else part + 1

    def us(self, ns):
        return round((ns - self.t0) / 1000.0, 3)

    def meta(self, name, pid, tid, value, key="name"):
        self.out.append({"ph": "M", "name": name, "pid": pid, "tid": tid, "args": {key: value}})

    def task_tid(self, part, task):
        key = (part, task)
        if key not in self.task_tids:
            tid = TID_TASK0 + sum(1 for p, _ in self.task_tids if p == part)
            self.task_tids[key] = tid
            name = self.tl.task_names.get(key) or f"task 0x{task:08x}"
            self.meta("thread_name", self.pid(part), tid, name)
            self.meta("thread_sort_index", self.pid(part), tid, tid, "sort_index")
        return self.task_tids[key]

    def complete(self, name, cat, part, tid, start, end, args=None):
        self.out.append({"ph": "X", "name": name, "cat": cat, "pid": self.pid(part), "tid": tid,
                         "ts": self.us(start), "dur": round((end - start) / 1000.0, 3), "args": args or {}})

    def tracks(self):
        for i, name in enumerate(self.system.partitions):
            self.meta("process_name", i + 1, 0, name)
            self.meta("process_sort_index", i + 1, 0, i + 1, "sort_index")
            for tid, tname in ((TID_WINDOWS, "windows"), (TID_HCALLS, "hypercalls"),
                               (TID_EVENTS, "events")):
                self.meta("thread_name", i + 1, tid, tname)
                self.meta("thread_sort_index", i + 1, tid, tid, "sort_index")
        self.meta("process_name", self.kernel_pid, 0, "kernel")
        self.meta("process_sort_index", self.kernel_pid, 0, 0, "sort_index")
        self.meta("thread_name", self.kernel_pid, TID_KERNEL_SCHEDULE, "schedule")
        self.meta("thread_name", self.kernel_pid, TID_KERNEL_EVENTS, "events")

    def spans(self):
        for w in self.tl.windows:
            tid = TID_KERNEL_SCHEDULE if w.part == NO_PARTITION else TID_WINDOWS
            args = {k: v for k, v in w.args.items() if v is not None}
            if w.args.get("planned_start_ns") is not None:
                args["late_ns"] = w.start - w.args["planned_start_ns"]
            self.complete(w.label, "window", w.part, tid, w.start, w.end, args)
        for t in self.tl.tasks:
            tid = self.task_tid(t.part, t.task)
            self.complete(self.tl.task_names.get((t.part, t.task)) or f"task 0x{t.task:08x}",
                          "task", t.part, tid, t.start, t.end, {"task": t.task})
        for h in self.tl.hcalls:
            self.complete(h.label, "hcall", h.part, TID_HCALLS, h.start, h.end,
                          {f[0]: f[2] for f in h.event.fields})
        runs = {}
        for t in self.tl.tasks:
            runs.setdefault((t.part, t.task), []).append((t.start, t.end))
        for n in self.tl.nested:
            # Slices on a thread must nest: a directive or interrupt that
            # outlives its task's run (across a window end) goes on the
            # partition's events thread instead.
            mine = runs.get((n.part, n.task), [])
            i = bisect.bisect_right(mine, (n.start, float("inf"))) - 1
            inside = i >= 0 and mine[i][0] <= n.start and n.end <= mine[i][1]
            tid = self.task_tid(n.part, n.task) if inside else TID_EVENTS
            self.complete(n.label, "guest", n.part, tid, n.start, n.end, n.args)

    def instant_name(self, ev):
        f = {x[0]: x[2] for x in ev.fields}
        if ev.record.kind == K.HM_EVENT:
            return f"HM {f['error_name']}: {f['action_name']}"
        if ev.record.kind == K.HM_DETAIL:
            return f"HM {f['error_name']} detail 0x{f['detail']:x}"
        if ev.record.kind == K.PLAN_SWITCH:
            return f"plan switch {f['old_plan_name']} -> {f['new_plan_name']}"
        return ev.name

    def instants(self):
        for ev in self.tl.instants:
            r = ev.record
            if r.kind == K.PART_SWITCH:
                tid = TID_KERNEL_SCHEDULE
                pid = self.kernel_pid
                name = f"switch to {ev.partition}"
            else:
                pid = self.pid(r.part)
                tid = TID_KERNEL_EVENTS if r.part == NO_PARTITION else TID_EVENTS
                name = self.instant_name(ev)
            item = {"ph": "i", "s": "t", "name": name, "cat": ev.cls, "pid": pid, "tid": tid,
                    "ts": self.us(r.ts), "args": {x[0]: x[2] for x in ev.fields}}
            if r.kind == K.PLAN_SWITCH:
                item["s"] = "g"
            self.out.append(item)

    def flows(self):
        """Port traffic as flows from a write to the read of a destination
        of its channel that took it: a queuing port's reads take the writes
        in order, a sampling port's read the latest write not yet read.
        Writes never read draw no arrow."""
        pending = {}  # destination port -> [write event]
        next_id = 1
        for ev in self.tl.instants:
            r = ev.record
            if r.kind == K.PORT_WRITE:
                for d in self.system.channels.get(r.a, []):
                    pending.setdefault(d, []).append(r)
            elif r.kind == K.PORT_READ and pending.get(r.a):
                queue = pending[r.a]
                sampling = r.a < len(self.system.ports) and \
                    self.system.ports[r.a].kind == "sampling"
                w = queue[-1] if sampling else queue[0]
                if sampling:
                    queue.clear()
                else:
                    queue.pop(0)
                for ph, at in (("s", w), ("f", r)):
                    item = {"ph": ph, "id": next_id, "name": "port", "cat": "port",
                            "pid": self.pid(at.part), "tid": TID_EVENTS, "ts": self.us(at.ts)}
                    if ph == "f":
                        item["bp"] = "e"
                    self.out.append(item)
                next_id += 1


def convert(header, system, tl):
    """The trace-event JSON document as a Python object."""
    w = _Writer(header, system, tl)
    w.tracks()
    w.spans()
    w.instants()
    w.flows()
    return {"traceEvents": w.out, "displayTimeUnit": "ns",
            "otherData": {"system": system.name, "t0_ns": header.t0, "lost": header.lost,
                          "byte_order": header.byte_order}}


def write(path, header, system, tl):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(convert(header, system, tl), f, indent=0)
        f.write("\n")
