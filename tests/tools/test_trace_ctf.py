#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tools/trace/tessera-trace.py --ctf, read back by babeltrace2 (Debian
package babeltrace2; a missing babeltrace2 fails, it does not skip): every
record of the synthetic trace, in both byte orders, printed in order with
its kind's name, the kernel's ns timestamp and the named fields. TAP on
stdout (tests/run.py)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402

LINE = re.compile(r"^\[(\d+)\] \(\+[?\d]+\) (.+?): \{ (.*) \}$")
NAMES = {1: "WINDOW_START", 2: "WINDOW_END", 3: "PART_SWITCH", 16: "HCALL", 32: "VIRQ_RAISE",
         33: "VIRQ_DELIVER", 48: "HM_EVENT", 49: "HM_DETAIL", 64: "PORT_WRITE", 65: "PORT_READ",
         66: "PORT_OVERFLOW", 80: "PLAN_SWITCH", 96: "MODE_CHANGE", 97: "RESTART",
         256: "TASK_SWITCH", 257: "IRQ_ENTRY", 258: "IRQ_EXIT", 259: "DIRECTIVE_ENTRY",
         260: "DIRECTIVE_EXIT", 261: "TASK_NAME", 262: "USER"}
PARTS = {0: "ALPHA", 1: "BETA", 2: "GAMMA"}

# (index in scenario(), fields babeltrace2 must print for it)
FIELDS = [
    (1, 'partition = "ALPHA", cpu = 0, window = 0, plan = 0, plan_name = "main", '
        'planned_ns = 1000000, late_ns = 200'),
    (2, 'partition = "ALPHA", cpu = 0, task = 0xA010001, name = "TSK1"'),
    (5, 'partition = "ALPHA", cpu = 0, directive = 39, name = "rtems_semaphore_obtain"'),
    (6, 'partition = "ALPHA", cpu = 0, directive = 39, name = "rtems_semaphore_obtain", '
        'status = 6, status_name = "RTEMS_TIMEOUT"'),
    (11, 'partition = "ALPHA", cpu = 0, number = 13, call = "port_write", status = -3, '
         'status_name = "PV_EINVAL", entry_ns = 2200000, duration_ns = 400'),
    (13, 'partition = "ALPHA", cpu = 0, kind = 300, a = 1, b = 2'),
    (15, 'partition = "idle", cpu = 0, previous = "ALPHA"'),
    (22, 'partition = "BETA", cpu = 0, port = 1, port_name = "BETA.cmd", length = 8'),
    (29, 'partition = "GAMMA", cpu = 0, error = 0, error_name = "memory-violation", action = 4, '
         f'action_name = "cold-restart", pc = {S.PC64}'),
    (30, f'partition = "GAMMA", cpu = 0, error = 0, error_name = "memory-violation", '
         f'detail = {S.DETAIL64}'),
    (34, 'partition = "kernel", cpu = 0, new_plan = 1, new_plan_name = "degraded", old_plan = 0, '
         'old_plan_name = "main"'),
    (35, 'partition = "ALPHA", cpu = 0, window = 0, plan = 1, plan_name = "degraded", '
         'planned_ns = 11000000, late_ns = 0'),
]


def check(t, tag, tmp, order):
    dump = S.write(os.path.join(tmp, f"{tag}.bin"), order)
    out = os.path.join(tmp, f"{tag}-ctf")
    rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--ctf", out, dump)
    if not t.ok(rc == 0, f"{tag}: the tool writes the CTF folder", err):
        return
    with open(os.path.join(out, "metadata"), encoding="utf-8") as f:
        meta = f.read()
    t.ok(meta.startswith("/* CTF 1.8 */") and
         f"byte_order = {'le' if order == '<' else 'be'};" in meta and
         f"lost_records = {S.LOST};" in meta,
         f"{tag}: TSDL metadata: CTF 1.8, the trace's byte order, the lost count", meta[:400])
    p = subprocess.run(["babeltrace2", "--clock-cycles", out], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if not t.ok(p.returncode == 0, f"{tag}: babeltrace2 reads it", p.stderr):
        return
    lines = p.stdout.splitlines()
    parsed = [LINE.match(x) for x in lines]
    t.ok(all(parsed), f"{tag}: every line is an event", "\n".join(lines[:5]))
    records = S.scenario()
    got = [(int(m.group(1)), m.group(2)) for m in parsed if m]
    want = [(ts, NAMES.get(kind, f"unknown kind {kind}")) for ts, kind, _, _, _ in records]
    t.ok(got == want, f"{tag}: {len(want)} events in record order with their names and "
         "ns timestamps", "\n".join(f"{g} != {w}" for g, w in zip(got, want) if g != w)
         or f"{len(got)} events")
    part_ok = all(m.group(3).startswith(f'partition = "{PARTS[r[2]]}"') for m, r in
                  zip(parsed, records) if m and r[2] in PARTS)
    t.ok(part_ok, f"{tag}: each event names its partition")
    for i, fields in FIELDS:
        m = parsed[i] if i < len(parsed) else None
        t.ok(m is not None and m.group(3) == fields,
             f"{tag}: {want[i][1]} at {want[i][0]} ns has its named fields",
             f"{m.group(3) if m else None}\n!= {fields}")


def main():
    t = S.Tap()
    if not t.ok(shutil.which("babeltrace2") is not None,
                "babeltrace2 is installed (tools/install-deps.sh)"):
        return t.done()
    with tempfile.TemporaryDirectory() as tmp:
        check(t, "little-endian", tmp, "<")
        check(t, "big-endian", tmp, ">")
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
