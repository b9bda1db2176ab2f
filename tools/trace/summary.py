# SPDX-License-Identifier: BSD-2-Clause
"""The --summary text: per partition its windows and late starts,
hypercalls by number (count, longest), directive calls by id (calls, how
many ended with a status other than RTEMS_SUCCESSFUL), health-monitor
events, port traffic and other events; then the kernel's own events and the records
the buffer lost."""
from collections import Counter, defaultdict

import kinds as K
from tracefile import NO_PARTITION


def _fields(ev):
    return {f[0]: f[2] for f in ev.fields}


def _partition_lines(p, events, tl):
    lines = []
    wins = [w for w in tl.windows if w.part == p]
    lates = [w.start - w.args["planned_start_ns"] for w in wins
             if w.args.get("planned_start_ns") is not None]
    lines.append(f"  windows: {len(wins)}, run {sum(w.end - w.start for w in wins)} ns")
    if lates:
        lines.append(f"  late start: max {max(lates)} ns, avg {sum(lates) / len(lates):.1f} ns")
    calls = defaultdict(list)
    for ev in events:
        if ev.record.kind == K.HCALL:
            f = _fields(ev)
            calls[(f["number"], f["call"])].append((f["duration_ns"], f["status"]))
    if calls:
        lines.append("  hypercalls:")
        lines.append(f"    {'nr':>4}  {'name':<16} {'count':>6} {'max ns':>8} {'errors':>6}")
        for (nr, name), v in sorted(calls.items()):
            errors = sum(1 for _, st in v if st < 0)
            lines.append(f"    {nr:>4}  {name:<16} {len(v):>6} {max(d for d, _ in v):>8}"
                         f" {errors:>6}")
    directives = defaultdict(lambda: [0, 0])  # name: calls, unsuccessful statuses
    for ev in events:
        if ev.record.kind == K.DIRECTIVE_ENTRY:
            directives[(ev.record.a, _fields(ev)["name"])][0] += 1
        elif ev.record.kind == K.DIRECTIVE_EXIT and ev.record.b != 0:
            directives[(ev.record.a, _fields(ev)["name"])][1] += 1
    if directives:
        lines.append("  directives:")
        lines.append(f"    {'id':>4}  {'name':<36} {'calls':>6} {'errors':>6}")
        for (i, name), (n, errors) in sorted(directives.items()):
            lines.append(f"    {i:>4}  {name:<36} {n:>6} {errors:>6}")
    hm = Counter()
    ports = defaultdict(lambda: [0, 0])
    other = Counter()
    for ev in events:
        f = _fields(ev)
        if ev.record.kind == K.HM_EVENT:
            hm[f"{f['error_name']} -> {f['action_name']}"] += 1
        elif ev.record.kind in (K.PORT_WRITE, K.PORT_READ, K.PORT_OVERFLOW):
            key = (ev.name.split("_")[1].lower(), f["port_name"])
            ports[key][0] += 1
            ports[key][1] += f["length"]
        elif ev.record.kind not in (K.HCALL, K.WINDOW_START, K.WINDOW_END, K.PART_SWITCH,
                                    K.DIRECTIVE_ENTRY, K.DIRECTIVE_EXIT, K.HM_DETAIL):
            other[ev.name] += 1
    lines.append(f"  faults/HM events: {sum(hm.values())}")
    lines += [f"    {k}: {n}" for k, n in sorted(hm.items())]
    for (what, port), (n, size) in sorted(ports.items()):
        lines.append(f"  port {what} {port}: {n} ({size} bytes)")
    lines += [f"  {k}: {n}" for k, n in sorted(other.items())]
    return lines


def text(header, system, events, tl):
    classes = [n for i, n in enumerate(K.CLASS_BITS) if header.classes >> i & 1]
    out = [f"system {system.name}: {header.count} records, lost {header.lost}, "
           f"{header.byte_order}-endian, classes {','.join(classes) or 'none'}",
           f"time: t0 {header.t0} ns, {tl.begin} .. {tl.end} ns ({tl.end - tl.begin} ns), "
           f"{len(tl.frames)} major frames"]
    by_part = defaultdict(list)
    for ev in events:
        by_part[ev.record.part].append(ev)
    for p, name in enumerate(system.partitions):
        out.append(f"partition {p} {name}:")
        out += _partition_lines(p, by_part[p], tl)
    out.append("kernel:")
    idle = sum(b - a for a, b in tl.gaps)
    out.append(f"  idle: {idle} ns in {len(tl.gaps)} gaps")
    kernel = Counter()
    for ev in by_part[NO_PARTITION]:
        f = _fields(ev)
        if ev.record.kind == K.HM_EVENT:
            kernel[f"HM {f['error_name']} -> {f['action_name']}"] += 1
        elif ev.record.kind == K.HM_DETAIL:
            continue  # counted with its HM_EVENT
        elif ev.record.kind == K.PLAN_SWITCH:
            kernel[f"plan switch {f['old_plan_name']} -> {f['new_plan_name']}"] += 1
        else:
            kernel[ev.name] += 1
    out += [f"  {k}: {n}" for k, n in sorted(kernel.items())]
    out.append(f"lost records: {header.lost}")
    return "\n".join(out) + "\n"
