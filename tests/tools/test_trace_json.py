#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tools/trace/tessera-trace.py --json on the synthetic trace of
trace_synth.py, written in both byte orders: the process and thread
tracks, windows, tasks as they ran (across a window end), hypercalls with
their durations, nested directives and interrupts, instants, port flows.
TAP on stdout (tests/run.py)."""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402


def us(ns):
    return round(ns / 1000.0, 3)


def load(tmp, order):
    dump = S.write(os.path.join(tmp, f"t{order == '>'}.bin"), order)
    out = os.path.join(tmp, f"t{order == '>'}.json")
    rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--json", out, dump)
    if rc != 0:
        return rc, err, None
    with open(out, encoding="utf-8") as f:
        return rc, err, json.load(f)


def check(t, tag, doc):
    ev = doc["traceEvents"]
    procs = {e["pid"]: e["args"]["name"] for e in ev if e["name"] == "process_name"}
    t.ok(procs == {1: "ALPHA", 2: "BETA", 3: "GAMMA", 4: "kernel"},
         f"{tag}: one named process per partition and the kernel", procs)
    pid = {v: k for k, v in procs.items()}
    threads = {(e["pid"], e["tid"]): e["args"]["name"] for e in ev if e["name"] == "thread_name"}
    wins = {}
    for e in ev:
        if e["ph"] == "X" and e.get("cat") == "window" and e["pid"] != pid["kernel"]:
            wins.setdefault(e["pid"] - 1, []).append((e["ts"], e["dur"], threads[(e["pid"], e["tid"])]))
    want = {p: [(us(a), us(b - a), "windows") for a, b in v] for p, v in S.WINDOWS.items()}
    t.ok(wins == want, f"{tag}: actual windows per partition (ts from t0, duration, in us)",
         f"{wins}\n!= {want}")
    late = sorted(e["args"]["late_ns"] for e in ev if e["ph"] == "X" and e.get("cat") == "window"
                  and e["pid"] != pid["kernel"])
    t.ok(late == [0, 100, 200, 300, 500], f"{tag}: windows' late starts", late)
    idle = [(e["ts"], e["dur"]) for e in ev if e["ph"] == "X" and e["pid"] == pid["kernel"]]
    t.ok(idle == [(3000.1, 999.95)] and threads[(pid["kernel"], 1)] == "schedule",
         f"{tag}: the idle window on the kernel's schedule track", idle)
    tasks = {}
    for e in ev:
        if e["ph"] == "X" and e.get("cat") == "task":
            name = threads[(e["pid"], e["tid"])]
            t.ok(name == e["name"] and e["tid"] >= 100, f"{tag}: task {name} on its own thread")
            tasks.setdefault((e["pid"] - 1, name), []).append((e["ts"], e["dur"]))
    want = {k: [(us(a), us(b - a)) for a, b in v] for k, v in S.TASKS.items()}
    t.ok(tasks == want, f"{tag}: tasks nested in their partitions, switch-in to switch-out "
         "or window end, resumed at the next window", f"{tasks}\n!= {want}")
    calls = [(e["pid"] - 1, e["name"], e["ts"], e["dur"], e["args"]["status"]) for e in ev
             if e["ph"] == "X" and e.get("cat") == "hcall"]
    want = [(0, "console_write", 0.5, 1.0, 0), (0, "port_write", 1099.0, 2.0, 0),
            (0, "port_write", 1200.0, 0.4, -3), (1, "port_read", 4499.8, 0.5, 0),
            (0, "time_get", 10100.0, 0.2, 0)]
    t.ok(sorted(calls) == sorted(want), f"{tag}: hypercalls as X events from entry, with "
         "duration and signed status", calls)
    t.ok(all(threads[(e["pid"], e["tid"])] == "hypercalls" for e in ev
             if e.get("cat") == "hcall"), f"{tag}: hypercalls on the hypercalls thread")
    tsk1 = [k for k, v in threads.items() if v == "TSK1"][0]
    btask = [k for k, v in threads.items() if v == "task 0x0b010001"][0]
    nested = {(e["pid"], e["tid"], e["name"], e["ts"], e["dur"]) for e in ev
              if e["ph"] == "X" and e.get("cat") == "guest"}
    t.ok(nested == {(*tsk1, "rtems_semaphore_obtain", 0.6, 0.3), (*btask, "irq 3", 4600.0, 0.5)},
         f"{tag}: a directive (named by its id, tessera/trace_directives.h) and an interrupt "
         "nested in the task that ran them", nested)
    obtain = [e["args"] for e in ev if e["ph"] == "X" and e.get("cat") == "guest"
              and e["name"] == "rtems_semaphore_obtain"]
    t.ok(obtain == [{"directive": 39, "name": "rtems_semaphore_obtain", "status": 6,
                     "status_name": "RTEMS_TIMEOUT"}],
         f"{tag}: the directive's slice has its id, name and status code", obtain)
    inst = {(e["pid"], e["name"]): e for e in ev if e["ph"] == "i"}
    hm = inst.get((pid["GAMMA"], "HM memory-violation: cold-restart"))
    t.ok(hm is not None and hm["ts"] == 8200.0 and hm["args"]["pc"] == S.PC64,
         f"{tag}: the fault as an instant on GAMMA with its pc", hm)
    detail = inst.get((pid["GAMMA"], f"HM memory-violation detail 0x{S.DETAIL64:x}"))
    t.ok(detail is not None and detail["args"]["detail"] == S.DETAIL64,
         f"{tag}: its detail, all 64 bits, as an instant beside it", detail)
    ps = inst.get((pid["kernel"], "plan switch main -> degraded"))
    t.ok(ps is not None and ps["s"] == "g" and ps["ts"] == 10000.0,
         f"{tag}: the plan switch as a global instant on the kernel", ps)
    unk = inst.get((pid["ALPHA"], "unknown kind 300"))
    t.ok(unk is not None and unk["args"] == {"kind": 300, "a": 1, "b": 2} and unk["ts"] == 1400.0,
         f"{tag}: an unknown kind is kept and named", unk)
    sys_hm = inst.get((pid["kernel"], "HM application-error: log"))
    t.ok(sys_hm is not None and threads[(pid["kernel"], sys_hm["tid"])] == "events",
         f"{tag}: a system-level HM event on the kernel's events track", sys_hm)
    names = {k for k in inst}
    for p, n in [("GAMMA", "RESTART"), ("GAMMA", "MODE_CHANGE"), ("BETA", "VIRQ_RAISE"),
                 ("BETA", "VIRQ_DELIVER"), ("ALPHA", "PORT_OVERFLOW"), ("ALPHA", "USER"),
                 ("ALPHA", "PORT_WRITE"), ("BETA", "PORT_READ"), ("GAMMA", "PORT_WRITE")]:
        t.ok((pid[p], n) in names, f"{tag}: {n} instant on {p}")
    t.ok(inst[(pid["GAMMA"], "MODE_CHANGE")]["args"]["new_mode_name"] == "cold-start",
         f"{tag}: mode names from pv/abi_list.h")
    flows = sorted((e["ph"], e["id"], e["pid"], e["ts"]) for e in ev if e["ph"] in "sf")
    t.ok(flows == [("f", 1, pid["BETA"], 4500.0), ("s", 1, pid["ALPHA"], 1100.0)],
         f"{tag}: one flow, ALPHA.cmd's write to BETA.cmd's read (GAMMA.alt is never read)",
         flows)
    t.ok(doc["otherData"]["lost"] == S.LOST and doc["otherData"]["t0_ns"] == S.T0,
         f"{tag}: lost records and t0 in otherData", doc["otherData"])


def check_across_windows(t, tmp):
    """A directive still running at its window's end ends in the next
    window: slices on a thread must nest, so it is not on its task's
    thread (the task's run ends with the window) but on events."""
    t0 = S.T0
    recs = [(t0, 1, S.ALPHA, 0, t0), (t0 + 10, 256, S.ALPHA, S.TSK1, 0),
            (t0 + 2000, 259, S.ALPHA, 9, 0), (t0 + 3000000, 2, S.ALPHA, 0, t0 + 3000000),
            (t0 + 10000000, 1, S.ALPHA, 0, t0 + 10000000), (t0 + 10000500, 260, S.ALPHA, 9, 0),
            (t0 + 13000000, 2, S.ALPHA, 0, t0 + 13000000)]
    dump = S.write(os.path.join(tmp, "across.bin"), ">", recs)
    out = os.path.join(tmp, "across.json")
    rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--json", out, dump)
    if not t.ok(rc == 0, "a directive across a window end converts", err):
        return
    with open(out, encoding="utf-8") as f:
        ev = json.load(f)["traceEvents"]
    threads = {(e["pid"], e["tid"]): e["args"]["name"] for e in ev if e["name"] == "thread_name"}
    got = [(threads[(e["pid"], e["tid"])], e["ts"], e["dur"]) for e in ev
           if e["ph"] == "X" and e["cat"] in ("guest", "task")]
    t.ok(sorted(got) == [("events", 2.0, 9998.5), ("task 0x0a010001", 0.01, 2999.99),
                         ("task 0x0a010001", 10000.0, 3000.0)],
         "it goes on the events thread; the task's runs stay on the task's", got)


def check_version1(t, tmp):
    """A dump of format version 1 (before HM_DETAIL) still converts: its
    HM_EVENT's b is pc | detail << 32, 32 bits of each."""
    for order, tag in (("<", "little-endian"), (">", "big-endian")):
        dump = S.write(os.path.join(tmp, "v1.bin"), order, S.version1(S.scenario()), version=1)
        out = os.path.join(tmp, "v1.json")
        rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--json", out, dump)
        if not t.ok(rc == 0, f"version 1, {tag}: converts", err):
            continue
        with open(out, encoding="utf-8") as f:
            ev = json.load(f)["traceEvents"]
        hm = [e["args"] for e in ev if e["ph"] == "i" and e["name"].startswith("HM memory")]
        want = {"error": 0, "error_name": "memory-violation", "action": 4,
                "action_name": "cold-restart", "pc": S.PC64 & 0xFFFFFFFF,
                "detail": S.DETAIL64 & 0xFFFFFFFF}
        t.ok(hm == [want], f"version 1, {tag}: the fault's pc and detail, 32 bits each", hm)


def main():
    t = S.Tap()
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for order, tag in (("<", "little-endian"), (">", "big-endian")):
            rc, err, doc = load(tmp, order)
            if t.ok(rc == 0 and doc is not None, f"{tag}: the tool converts the trace", err):
                check(t, tag, doc)
                docs[tag] = doc
        check_across_windows(t, tmp)
        check_version1(t, tmp)
    t.ok(len(docs) == 2 and docs["little-endian"]["traceEvents"] ==
         docs["big-endian"]["traceEvents"], "both byte orders give the same events")
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
