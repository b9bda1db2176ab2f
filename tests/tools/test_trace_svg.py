#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tools/trace/tessera-trace.py --svg on the synthetic trace: the planned
and actual windows, idle gaps, tasks, the fault and the plan switch, each
where its timestamps put it, and --from/--to in major frames. TAP on
stdout (tests/run.py)."""
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402

NS = "{http://www.w3.org/2000/svg}"


def render(tmp, name, order, *extra):
    dump = S.write(os.path.join(tmp, name + ".bin"), order)
    out = os.path.join(tmp, name + ".svg")
    rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--svg", out, *extra, dump)
    if rc != 0:
        return None, err
    with open(out, encoding="utf-8") as f:
        text = f.read()
    return text, ET.fromstring(text)


def marks(root, tag, cls):
    return [e for e in root.iter(NS + tag) if e.get("class") == cls]


def close(a, b):
    return abs(a - b) < 0.011


def spans_at(root, cls, expected):
    """Do the `cls` rects sit at x = left + (start - from) * scale with
    the width of their span? expected: [(start, end)] absolute ns."""
    left, plot = float(root.get("data-left")), float(root.get("data-plot"))
    t_from, t_to = int(root.get("data-from")), int(root.get("data-to"))
    scale = plot / (t_to - t_from)
    got = sorted((float(r.get("x")), float(r.get("width"))) for r in marks(root, "rect", cls))
    want = sorted((left + (max(a, t_from) - t_from) * scale,
                   max((min(b, t_to) - max(a, t_from)) * scale, 0.5)) for a, b in expected)
    return len(got) == len(want) and all(close(g[0], w[0]) and close(g[1], w[1])
                                         for g, w in zip(got, want)), f"{got}\n!= {want}"


def check_full(t, root):
    t.ok(int(root.get("data-from")) == S.T0 and int(root.get("data-to")) == S.T0 + 17500000,
         "the default range is t0 to the last record")
    actual = [(S.T0 + a, S.T0 + b) for v in S.WINDOWS.values() for a, b in v]
    ok, diag = spans_at(root, "actual", actual)
    t.ok(ok, "5 actual windows, x and width from their timestamps", diag)
    planned = [(S.T0 + a, S.T0 + b) for _, a, b in S.PLANNED]
    ok, diag = spans_at(root, "planned", planned)
    t.ok(ok, "5 planned windows from the XML's plans (sorted by offset) and the frames", diag)
    gaps = [(S.T0 + a, S.T0 + b) for a, b in S.GAPS]
    ok, diag = spans_at(root, "idle", gaps)
    t.ok(ok, "6 idle gaps", diag)
    tasks = [(S.T0 + a, S.T0 + b) for v in S.TASKS.values() for a, b in v]
    ok, diag = spans_at(root, "task", tasks)
    t.ok(ok, "4 task spans", diag)
    rows = {}
    for r in marks(root, "rect", "actual"):
        rows.setdefault(r.find(NS + "title").text.split(":")[0], set()).add(float(r.get("y")))
    t.ok(sorted(rows) == ["ALPHA", "BETA", "GAMMA"] and all(len(v) == 1 for v in rows.values())
         and min(rows["ALPHA"]) < min(rows["BETA"]) < min(rows["GAMMA"]),
         "one row per partition, in XML order", rows)
    labels = [e.text for e in marks(root, "text", "task-label")]
    t.ok(labels == ["TSK1", "TSK2", "0x0b010001"], "a sub-row per task, named", labels)
    faults = marks(root, "path", "fault")
    t.ok(len(faults) == 1 and int(faults[0].get("data-ts")) == S.T0 + 8200000 and
         "memory-violation" in faults[0].find(NS + "title").text,
         "one fault mark, GAMMA's memory violation", [f.attrib for f in faults])
    fx = float(faults[0].get("d")[1:].split(",")[0]) if faults else -1
    t.ok(close(fx, 160 + 8200000 * 1020 / 17500000), "the fault mark's x from its timestamp", fx)
    unk = marks(root, "path", "unknown")
    t.ok(len(unk) == 1 and int(unk[0].get("data-ts")) == S.T0 + 1400000 and
         "unknown kind 300" in unk[0].find(NS + "title").text,
         "the record of unknown kind 300 is marked, not dropped", [u.attrib for u in unk])
    ps = marks(root, "line", "plan-switch")
    t.ok(len(ps) == 1 and close(float(ps[0].get("x1")), 160 + 10000000 * 1020 / 17500000)
         and float(ps[0].get("y2")) > max(rows["GAMMA"]),
         "the plan switch: a line across all rows at 10 ms", [p.attrib for p in ps])


def main():
    t = S.Tap()
    with tempfile.TemporaryDirectory() as tmp:
        little, root = render(tmp, "le", "<")
        if t.ok(little is not None, "the tool draws the SVG", root if little is None else ""):
            check_full(t, root)
        big, _ = render(tmp, "be", ">")
        t.ok(big is not None and big == little, "the big-endian trace draws the same SVG")
        text, root = render(tmp, "frame1", "<", "--from", "1f", "--to", "2f")
        if t.ok(text is not None, "--from 1f --to 2f", root if text is None else ""):
            t.ok(int(root.get("data-from")) == S.T0 + 10000000 and
                 int(root.get("data-to")) == S.T0 + 20000000, "frames of the initial plan")
            ok, diag = spans_at(root, "actual", [(S.T0 + a, S.T0 + b) for v in S.WINDOWS.values()
                                                 for a, b in v if a >= 10000000])
            t.ok(ok, "only the second frame's 2 windows", diag)
            t.ok(not marks(root, "path", "fault"), "no fault mark outside the range")
        text, root = render(tmp, "us", "<", "--from", "4ms", "--to", "9000us")
        if t.ok(text is not None, "--from 4ms --to 9000us", root if text is None else ""):
            t.ok(len(marks(root, "rect", "actual")) == 2 and len(marks(root, "path", "fault")) == 1,
                 "BETA's and GAMMA's first windows and the fault")
        text, err = render(tmp, "bad", "<", "--from", "3 frames")
        t.ok(text is None and "bad time" in err and "Traceback" not in err,
             "a bad --from is an error, not a traceback", err)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
