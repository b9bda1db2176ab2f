#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tools/trace/tessera-trace.py --summary on the synthetic trace: per
partition its windows and late starts, hypercalls by number with count,
longest duration and errors, directives by id with calls and errors, faults, port traffic and other events; the
kernel's events and the lost records. TAP on stdout (tests/run.py)."""
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402


def sections(text):
    out, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^partition \d+ (\w+):$|^(kernel):$", line)
        if m:
            cur = m.group(1) or m.group(2)
            out[cur] = []
        elif cur and line.startswith("  "):
            out[cur].append(line.strip())
    return out


def has(t, sec, name, line):
    t.ok(line in sec.get(name, []), f"{name}: {line!r}", "\n".join(sec.get(name, [])))


def main():
    t = S.Tap()
    with tempfile.TemporaryDirectory() as tmp:
        texts = []
        for order in "<>":
            dump = S.write(os.path.join(tmp, "t.bin"), order)
            rc, out, err = S.run_tool("--system", S.SYSTEM_XML, "--summary", dump)
            t.ok(rc == 0, f"--summary ({'little' if order == '<' else 'big'}-endian)", err)
            texts.append(out)
        rc, plain, err = S.run_tool("--system", S.SYSTEM_XML, dump)
        t.ok(rc == 0 and plain == texts[1], "no output option: the summary", err)
    text = texts[0]
    t.ok(texts[1] == text.replace("little-endian", "big-endian"),
         "both byte orders give the same summary")
    sec = sections(text)
    t.ok(list(sec) == ["ALPHA", "BETA", "GAMMA", "kernel"], "a section per partition, in XML "
         "order, and the kernel's", list(sec))
    has(t, sec, "ALPHA", "windows: 2, run 5999850 ns")
    has(t, sec, "ALPHA", "late start: max 200 ns, avg 100.0 ns")
    rows = [re.split(r"\s+", x) for x in sec.get("ALPHA", []) if re.match(r"^\d+\s", x)]
    hc = [r for r in rows if not r[1].startswith("rtems_")]
    t.ok(hc == [["0", "console_write", "1", "1000", "0"], ["1", "time_get", "1", "200", "0"],
                ["13", "port_write", "2", "2000", "1"]],
         "ALPHA's hypercalls by number: count, max ns, errors", hc)
    t.ok([r for r in rows if r[1].startswith("rtems_")] == [["39", "rtems_semaphore_obtain", "1",
                                                             "1"]],
         "ALPHA's directives by id: name, calls, errors (a status other than successful)", rows)
    t.ok("DIRECTIVE_ENTRY: 1" not in sec.get("ALPHA", []),
         "directive records are counted per directive, not as other events")
    has(t, sec, "ALPHA", "port write ALPHA.cmd: 1 (8 bytes)")
    has(t, sec, "ALPHA", "port overflow ALPHA.cmd: 1 (8 bytes)")
    has(t, sec, "ALPHA", "unknown kind 300: 1")
    has(t, sec, "ALPHA", "faults/HM events: 0")
    has(t, sec, "BETA", "late start: max 100 ns, avg 100.0 ns")
    has(t, sec, "BETA", "port read BETA.cmd: 1 (8 bytes)")
    has(t, sec, "GAMMA", "late start: max 500 ns, avg 400.0 ns")
    has(t, sec, "GAMMA", "faults/HM events: 1")
    has(t, sec, "GAMMA", "memory-violation -> cold-restart: 1")
    has(t, sec, "GAMMA", "RESTART: 1")
    has(t, sec, "kernel", "idle: 5501050 ns in 6 gaps")
    has(t, sec, "kernel", "HM application-error -> log: 1")
    has(t, sec, "kernel", "plan switch main -> degraded: 1")
    t.ok(text.rstrip().endswith(f"lost records: {S.LOST}"), "the lost records", text[-200:])
    t.ok(text.startswith(f"system tracetest: {len(S.scenario())} records, lost {S.LOST}, "
                         "little-endian, classes window,hcall,virq,hm,port,plan,mode,guest"),
         "the header line", text.splitlines()[0])
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
