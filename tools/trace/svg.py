# SPDX-License-Identifier: BSD-2-Clause
"""The schedule as a hand-written SVG: a time axis (from t0), an idle row,
and per partition a row with its planned windows (outlined), its actual
windows (filled) and its faults (red marks), then a sub-row per task with
the spans the task ran; plan switches are lines across all rows; records
of unknown kinds are grey ticks. Every mark has a <title> for the
browser's tooltip and data-* attributes with its ns times."""
import re
from xml.sax.saxutils import escape

import kinds as K
from tracefile import NO_PARTITION, TraceError

WIDTH = 1200
LEFT = 160  # the label column
RIGHT = 20
PLOT = WIDTH - LEFT - RIGHT
AXIS_Y = 34
ROW_H = 28
TASK_H = 14
COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
          "#ff9da7", "#e15759", "#bab0ac"]
UNITS = {"ns": 1, "us": 1000, "ms": 1000000, "s": 1000000000}


def parse_bound(text, header, system, default):
    """--from/--to: ns from t0, with a unit (ns us ms s) or in major frames
    of the initial plan (f)."""
    if text is None:
        return default
    m = re.fullmatch(r"(\d+)(ns|us|ms|s|f)?", text)
    if not m:
        raise TraceError(f"bad time {text!r}: a whole number of ns, or with us, ms, s or f")
    n, unit = int(m.group(1)), m.group(2) or "ns"
    if unit == "f":
        return header.t0 + n * system.plans[system.initial_plan].major_frame
    return header.t0 + n * UNITS[unit]


def _tick_step(span):
    """1, 2 or 5 times a power of ten: at most about 10 ticks."""
    step = 1
    while True:
        for f in (1, 2, 5):
            if span / (step * f) <= 10:
                return step * f
        step *= 10


def _fmt(ns):
    if ns % 1000000 == 0:
        return f"{ns // 1000000} ms"
    if ns % 1000 == 0:
        return f"{ns // 1000} us"
    return f"{ns} ns"


class _Canvas:
    def __init__(self, t_from, t_to):
        self.t_from, self.t_to = t_from, max(t_to, t_from + 1)
        self.scale = PLOT / (self.t_to - self.t_from)
        self.items = []

    def x(self, ts):
        return LEFT + (min(max(ts, self.t_from), self.t_to) - self.t_from) * self.scale

    def visible(self, start, end):
        return end >= self.t_from and start <= self.t_to

    def rect(self, cls, start, end, y, h, title, fill=None):
        if not self.visible(start, end):
            return
        x0, x1 = self.x(start), self.x(end)
        style = f' fill="{fill}"' if fill else ""
        self.items.append(f'<rect class="{cls}" x="{x0:.2f}" y="{y}" width="{max(x1 - x0, 0.5):.2f}" '
                          f'height="{h}"{style} data-start="{start}" data-end="{end}">'
                          f"<title>{escape(title)}</title></rect>")

    def text(self, x, y, s, cls="label", anchor="start"):
        self.items.append(f'<text class="{cls}" x="{x:.2f}" y="{y}" text-anchor="{anchor}">'
                          f"{escape(s)}</text>")


def _axis(c, t0, bottom):
    step = _tick_step(c.t_to - c.t_from)
    t = t0 + -(-(c.t_from - t0) // step) * step
    while t <= c.t_to:
        x = c.x(t)
        c.items.append(f'<line class="tick" x1="{x:.2f}" y1="{AXIS_Y}" x2="{x:.2f}" y2="{bottom}"/>')
        c.text(x, AXIS_Y - 4, _fmt(t - t0), "axis", "middle")
        t += step


def _partition_row(c, p, name, y, tl, system):
    color = COLORS[p % len(COLORS)]
    c.text(8, y + ROW_H / 2 + 4, name)
    for frame, plan in tl.frames:
        if frame > c.t_to or frame + system.plans[plan].major_frame < c.t_from:
            continue
        for w in system.plans[plan].windows:
            if w.partition == p:
                s = frame + w.offset
                c.rect("planned", s, s + w.duration, y + 1, ROW_H - 4,
                       f"{name}: planned {_fmt(s - tl.t0)} + {_fmt(w.duration)} "
                       f"(plan {system.plans[plan].name})")
    for w in (w for w in tl.windows if w.part == p):
        late = w.start - w.args["planned_start_ns"] if w.args.get("planned_start_ns") is not None else 0
        c.rect("actual", w.start, w.end, y + 6, ROW_H - 14,
               f"{name}: ran {w.start - tl.t0} .. {w.end - tl.t0} ns, late {late} ns", color)
    for ev in tl.instants:
        if ev.record.part == p and ev.record.kind == K.HM_EVENT and \
                c.visible(ev.record.ts, ev.record.ts):
            f = {x[0]: x[2] for x in ev.fields}
            x = c.x(ev.record.ts)
            c.items.append(f'<path class="fault" d="M{x:.2f},{y} l-5,-7 h10 z" '
                           f'data-ts="{ev.record.ts}"><title>{escape(name)}: '
                           f'{escape(f["error_name"])} -&gt; {escape(f["action_name"])} '
                           f'at {ev.record.ts - tl.t0} ns</title></path>')
    _unknown_marks(c, p, y, tl)
    y += ROW_H
    spans = {}  # task -> its spans, tasks in the order they first ran
    for t in tl.tasks:
        if t.part == p:
            spans.setdefault(t.task, []).append(t)
    for task, runs in spans.items():
        label = tl.task_names.get((p, task)) or f"0x{task:08x}"
        c.text(20, y + TASK_H - 3, label, "task-label")
        for t in runs:
            c.rect("task", t.start, t.end, y + 2, TASK_H - 4,
                   f"{name}/{label}: {t.start - tl.t0} .. {t.end - tl.t0} ns", color)
        y += TASK_H
    return y + 6


def _unknown_marks(c, part, y, tl):
    """Records of kinds this tool does not know: a grey tick at the foot of
    the row (of the idle row for the kernel's), never left out."""
    for ev in tl.instants:
        r = ev.record
        if r.part == part and r.kind not in K.KINDS and c.visible(r.ts, r.ts):
            x = c.x(r.ts)
            c.items.append(f'<path class="unknown" d="M{x:.2f},{y + ROW_H - 2} v-6" '
                           f'data-ts="{r.ts}"><title>{escape(ev.name)} a={r.a} b={r.b} '
                           f'at {r.ts - tl.t0} ns</title></path>')


def _legend(c, y):
    """A key below the rows (its marks have class "legend", not the
    classes of the marks they explain)."""
    x = LEFT
    keys = [('fill="none" stroke="#333" stroke-dasharray="3 2"', "planned window"),
            (f'fill="{COLORS[0]}"', "actual window / task ran"), ('fill="#ccc"', "idle"),
            ('fill="#d00"', "fault (HM event)"), ('fill="#a0a"', "plan switch")]
    for style, label in keys:
        c.items.append(f'<rect class="legend" x="{x}" y="{y + 2}" width="18" height="10" {style}/>')
        c.text(x + 24, y + 11, label, "legend-label")
        x += 40 + 7 * len(label)
    return y + 18


STYLE = """<style>
.planned { fill: none; stroke: #333; stroke-width: 1; stroke-dasharray: 3 2 }
.actual { stroke: none } .task { stroke: none; opacity: 0.8 } .idle { fill: #ccc }
.fault { fill: #d00 } .unknown { stroke: #666; stroke-width: 2 } .plan-switch { stroke: #a0a; stroke-width: 2 }
.tick { stroke: #eee } .label, .task-label, .axis { font: 11px sans-serif }
.task-label { fill: #555 } .axis { fill: #333 } .legend-label { font: 11px sans-serif }
</style>"""


def render(header, system, tl, t_from, t_to):
    tl.t0 = header.t0
    c = _Canvas(t_from, t_to)
    y = AXIS_Y + 8
    c.text(8, y + 14, "idle")
    for a, b in tl.gaps:
        c.rect("idle", a, b, y + 4, ROW_H - 12, f"idle {a - tl.t0} .. {b - tl.t0} ns")
    _unknown_marks(c, NO_PARTITION, y, tl)
    y += ROW_H
    for p, name in enumerate(system.partitions):
        y = _partition_row(c, p, name, y, tl, system)
    for ev in tl.instants:
        if ev.record.kind == K.PLAN_SWITCH and c.visible(ev.record.ts, ev.record.ts):
            f = {x[0]: x[2] for x in ev.fields}
            x = c.x(ev.record.ts)
            who = "kernel" if ev.record.part == NO_PARTITION else ev.partition
            c.items.append(f'<line class="plan-switch" x1="{x:.2f}" y1="{AXIS_Y}" x2="{x:.2f}" '
                           f'y2="{y}" data-ts="{ev.record.ts}"><title>plan switch '
                           f'{escape(f["old_plan_name"])} -&gt; {escape(f["new_plan_name"])} '
                           f'by {escape(who)}</title></line>')
    rows_end = y
    y = _legend(c, y + 4)
    body, c.items = c.items, []
    _axis(c, header.t0, rows_end)  # drawn first: behind the rows
    ticks = c.items
    height = y + 10
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" data-from="{c.t_from}" data-to="{c.t_to}" '
            f'data-left="{LEFT}" data-plot="{PLOT}">',
            f"<!-- Tessera schedule of {escape(system.name)}: {_fmt(c.t_from - header.t0)} .. "
            f"{_fmt(c.t_to - header.t0)} from t0 -->", STYLE,
            f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="white"/>']
    return "\n".join(head + ticks + body + ["</svg>"]) + "\n"


def write(path, header, system, tl, t_from, t_to):
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(header, system, tl, t_from, t_to))
