#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: the event trace of a system with windows on two
CPUs (docs/architecture.md, "Multicore": one buffer, each record appended
under a lock held for that record, stamped with its CPU). The system is
test_smp_reset.py's, traced (smp-reset-trace.xml): W and O on CPU 0, R and
P on CPU 1, R asks for a module reset. From the dump on the console
(tools/trace/extract.py, tracefile.py): nothing lost; records of both
CPUs, in time order overall and so each CPU's in its own order; every
window start on the CPU its window is on, at its planned offset on the one
frame grid, before and after the reset; every record a partition causes
(hypercalls, ports, health monitor, restart, upcalls) stamped with its
partition's CPU; R's reset-module event on CPU 1 and then a restart of
every partition on its own CPU; and tools/trace/tessera-trace.py turns the
dump into its summary, Perfetto JSON and SVG."""
import json
import os
import subprocess
import sys
import tempfile

from sysrun import ARCH, Tap, boot, CLEAN

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "trace"))
import extract  # noqa: E402
import kinds  # noqa: E402
import tracefile as tf  # noqa: E402

K = {name: kind for kind, (name, _) in kinds.KINDS.items()}
MAJOR_FRAME = 300_000
# partition index: (its CPU, its window's offset)
WINDOWS = {0: (0, 0), 1: (1, 0), 2: (0, 150_000), 3: (1, 150_000)}
OWN_CPU_KINDS = {K[n] for n in ("WINDOW_START", "HCALL", "HM_EVENT", "PORT_WRITE", "PORT_READ",
                                "RESTART", "MODE_CHANGE", "VIRQ_DELIVER", "PART_SWITCH")}
RESET_MODULE = 8


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_trace is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("smp-reset-trace", smp=2, timeout=300)
    tap.eq(run.status, CLEAN, "smp-trace: the system shuts down in order")
    try:
        data = extract.extract(run.output)
        header, recs = tf.parse(data)
    except (extract.ExtractError, tf.TraceError) as e:
        tap.ok(False, "smp-trace: the dump is whole", str(e))
        return tap.done()
    tap.eq(header.lost, 0, "smp-trace: no record lost")
    tap.eq(sorted({r.cpu for r in recs}), [0, 1], "smp-trace: records of both CPUs")
    tap.ok(all(a.ts <= b.ts for a, b in zip(recs, recs[1:])),
           "smp-trace: the buffer is in time order, each CPU's records in their order")
    starts = [r for r in recs if r.kind == K["WINDOW_START"] and r.part != tf.NO_PARTITION]
    bad = [r for r in starts if r.part not in WINDOWS or r.cpu != WINDOWS[r.part][0]
           or (r.b - header.t0) % MAJOR_FRAME != WINDOWS[r.part][1]]
    tap.ok(starts and not bad,
           "smp-trace: each window starts on its CPU at its offset on the one frame grid",
           f"{len(starts)} starts; wrong: {bad[:3]}")
    tap.eq(sorted({r.part for r in starts}), [0, 1, 2, 3], "smp-trace: every partition's windows")
    own = [r for r in recs if r.kind in OWN_CPU_KINDS and r.part in WINDOWS]
    wrong = [r for r in own if r.cpu != WINDOWS[r.part][0]]
    tap.ok(len(own) > len(starts) and not wrong,
           "smp-trace: what a partition causes is stamped with its CPU", f"wrong: {wrong[:3]}")
    hm = [r for r in recs if r.kind == K["HM_EVENT"]]
    tap.ok(len(hm) == 1 and hm[0].part == 1 and hm[0].cpu == 1
           and (hm[0].a >> 16) & 0xFF == RESET_MODULE,
           "smp-trace: R's reset-module event, on CPU 1", f"{hm}")
    if hm:
        restarts = {(r.part, r.cpu) for r in recs if r.kind == K["RESTART"] and r.ts > hm[0].ts}
        tap.eq(sorted(restarts), sorted((p, c) for p, (c, _) in WINDOWS.items()),
               "smp-trace: then every partition restarts, each on its CPU")
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "trace.bin")
        with open(dump, "wb") as f:
            f.write(data)
        tool = [sys.executable, os.path.join(ROOT, "tools", "trace", "tessera-trace.py"),
                "--system", os.path.join(HERE, "systems", "smp-reset-trace.xml")]
        out = subprocess.run(tool + ["--summary", "--json", os.path.join(tmp, "t.json"),
                                     "--svg", os.path.join(tmp, "t.svg"), dump],
                             capture_output=True, text=True)
        tap.ok(out.returncode == 0, "smp-trace: tessera-trace decodes the dump", out.stderr)
        tap.ok(all(f"partition {i} {n}:" in out.stdout for i, n in enumerate("WROP")),
               "smp-trace: its summary has every partition", out.stdout[:500])
        if out.returncode == 0:
            with open(os.path.join(tmp, "t.json")) as f:
                events = json.load(f)
            events = events.get("traceEvents", events) if isinstance(events, dict) else events
            cpus = {e.get("args", {}).get("cpu") for e in events if isinstance(e, dict)}
            tap.ok({0, 1} <= cpus, "smp-trace: its JSON windows name both CPUs")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
