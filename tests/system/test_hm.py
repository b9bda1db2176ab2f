#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The health monitor, booted: every error id reaches the table's action and
the HM log; every action does what it says; the partitions that did nothing
wrong see exactly the schedule they see in a run where nobody errs; the
module actions halt or reset the whole system."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN

# PV_HM_* and PV_HM_ACTION_* (pv/include/pv/abi.h)
(MEMORY, PRIVILEGED, ILLEGAL, DIVIDE, FPU, MISALIGNED, MISUSE, STACK, DEADLINE, APPLICATION,
 FATAL, PORT_OVERFLOW, RESTART_LOOP) = range(13)
IGNORE, LOG, HALT, COLD, WARM, PROPAGATE, HALT_MODULE, RESET_MODULE = range(1, 9)
START_HM_PARTITION, START_HM_MODULE = 3, 4
EXCEPTIONS = [MEMORY, PRIVILEGED, ILLEGAL, DIVIDE, FPU, MISALIGNED]
# The CPU exceptions each arch can raise (x86 has no alignment trap for
# ring 3 without CR0.AM/EFLAGS.AC, which Tessera does not use; RISC-V has
# no divide trap).
ARCH_EXCEPTIONS = {"x86": [MEMORY, PRIVILEGED, ILLEGAL, DIVIDE, FPU],
                   "sparc": EXCEPTIONS,
                   "riscv": [MEMORY, PRIVILEGED, ILLEGAL, FPU, MISALIGNED]}[ARCH]

# Where parts/hm.c faults, and the detail it raises: above 4 GiB on RISC-V,
# where hm_detail and the log's detail (64-bit on every arch) must keep them
# whole.
BAD_VA = 0x150000000 if ARCH == "riscv" else 0x50000000
WIDE_DETAIL = 0xabc00001234 if ARCH == "riscv" else 0x1234

LOG_RE = re.compile(r"log (\d+): partition=(\d+) error=(\d+) action=(\d+) detail=([0-9a-f]+) "
                    r"pc=(set|0)$")
STATUS_RE = re.compile(r"log status: next=(\d+) first=(\d+) overwritten=(\d+) capacity=(\d+) "
                       r"ignored=(\d+) share=(\d+)$")


def hm_log(run):
    """The HM log as partition S printed it: [(seq, part, error, action, detail, pc)], status."""
    entries, status = [], None
    for ln in run.partition_lines("S"):
        m = LOG_RE.match(ln)
        if m:
            g = m.groups()
            entries.append((int(g[0]), int(g[1]), int(g[2]), int(g[3]), int(g[4], 16), g[5]))
        m = STATUS_RE.match(ln)
        if m:
            status = tuple(int(x) for x in m.groups())
    return entries, status


def observed(run):
    """The observer's lines with window start times made relative to its
    first window: the boot (image loading) takes a different time in each
    system image, the schedule after it must not."""
    out, base = [], None
    for ln in run.partition_lines("O"):
        m = re.match(r"observer: window (\d+) at (\d+), plan (\d+)$", ln)
        if m:
            base = int(m.group(2)) if base is None else base
            ln = f"observer: window {m.group(1)} at +{int(m.group(2)) - base}, plan {m.group(3)}"
        out.append(ln)
    return out


def check_log(tap, name, entries, status, want):
    """want: [(partition, error, action, detail, pc)] in any order (windows
    decide the order); numbers must run from 0 without a gap."""
    tap.eq([e[0] for e in entries], list(range(len(entries))), f"{name}: log numbered from 0")
    tap.eq(sorted(e[1:] for e in entries), sorted(want), f"{name}: log holds each handled error")
    tap.eq(status[:4] if status else None, (len(want), 0, 0, 64),
           f"{name}: log status next/first/overwritten/capacity")


def test_errors(tap):
    run = boot("hm-errors")
    quiet = boot("hm-errors-quiet")
    tap.eq(run.status, CLEAN, "hm-errors: system shuts down in order")
    tap.eq(quiet.status, CLEAN, "hm-errors-quiet: system shuts down in order")
    k = run.kernel_lines()
    want = []
    for e in EXCEPTIONS:
        part, lines = e + 1, run.partition_lines(f"E{e + 1}")
        if e in ARCH_EXCEPTIONS:
            tap.eq(lines, [f"causing {e}"], f"hm-errors: E{part} stopped at its exception {e}")
            tap.ok(any(ln.startswith(f"partition E{part} stopped: ") for ln in k),
                   f"hm-errors: kernel says E{part} stopped", "\n".join(k))
            want.append((part, e, HALT, BAD_VA if e == MEMORY else 0, "set"))
        else:
            tap.eq(lines[-1:], [f"carried on after {e}"], f"hm-errors: no trap {e} on {ARCH}")
    # Guest-detected and kernel-detected errors, all set to "log".
    tap.eq(run.partition_lines("E7"), ["causing 6", "bad hypercall: -1", "carried on after 6"],
           "hm-errors: hypercall misuse is refused and the partition carries on")
    want.append((7, MISUSE, LOG, 999 | 1 << 16, "0"))
    misuse = [ln.split(": ", 1)[1] for ln in run.partition_lines("S")
              if re.match(r"log \d+: misuse of", ln)]
    tap.eq(misuse, ["misuse of call 999, error -1"],
           "hm-errors: the guest decodes the misuse detail (PV_HM_MISUSE_NR/_ERR of pv/abi.h)")
    for e in (STACK, DEADLINE, APPLICATION, FATAL):
        tap.eq(run.partition_lines(f"E{e + 1}"), [f"causing {e}", "raise: 0", f"carried on after {e}"],
               f"hm-errors: error {e} raised by the guest is logged, the partition carries on")
        want.append((e + 1, e, LOG, 0x100 + e, "0"))
    tap.eq(run.partition_lines("E12"), ["causing 11", "port write 0: 0", "port write 1: -6",
                                        "port write 2: -6", "carried on after 11"],
           "hm-errors: a full queue refuses the message")
    want += [(12, PORT_OVERFLOW, LOG, 0, "0")] * 2
    tap.eq(run.partition_lines("E13"), ["causing 12", "boot, restarts=0", "causing 12",
                                        "boot, restarts=1"],
           "hm-errors: the restart limit (1) ends the restarts")
    tap.ok("partition E13 stopped: health monitor: restart-loop" in k,
           "hm-errors: the restart loop halts E13", "\n".join(k))
    want += [(13, APPLICATION, COLD, 13, "0")] * 2 + [(13, RESTART_LOOP, HALT, APPLICATION, "0")]
    entries, status = hm_log(run)
    check_log(tap, "hm-errors", entries, status, want)
    tap.eq(run.partition_lines("S")[-1:], ["partition line pending: 1"],
           "hm-errors: the system partition was told of the others' state changes")
    q_entries, q_status = hm_log(quiet)
    tap.eq((q_entries, q_status), ([], (0, 0, 0, 64, 0, 64 // 15)),
           "hm-errors-quiet: nothing logged (15 partitions: a share of 4)")
    obs = observed(run)
    tap.ok(len(obs) == 26, "hm-errors: the observer saw all its windows", "\n".join(obs))
    tap.eq(obs[-1:], ["observer: partition line pending: 0"],
           "hm-errors: an application partition is not told of others' state changes")
    tap.eq(obs, observed(quiet),
           "hm-errors: the observer's view is identical to the run without errors")


def test_actions(tap):
    run = boot("hm-actions")
    quiet = boot("hm-actions-quiet")
    tap.eq(run.status, CLEAN, "hm-actions: system shuts down in order")
    k = run.kernel_lines()
    tap.eq(run.partition_lines("A21"), ["boot: restarts=0 start=0 boots=1", "ignored=2", "carried on"],
           "hm-actions: ignore counts the errors and lets the partition carry on")
    tap.eq(run.partition_lines("A22"), ["boot: restarts=0 start=0 boots=1", "log read: -4",
                                        "carried on"],
           "hm-actions: an application partition may not read the log; log lets it carry on")
    tap.eq(run.partition_lines("A23"), ["boot: restarts=0 start=0 boots=1"],
           "hm-actions: halt stops the partition at the error")
    tap.ok("partition A23 stopped: health monitor: application-error" in k,
           "hm-actions: kernel says A23 stopped", "\n".join(k))
    tap.eq(run.partition_lines("A24"), ["boot: restarts=0 start=0 boots=1",
                                        f"boot: restarts=1 start={START_HM_PARTITION} boots=1",
                                        f"boot: restarts=2 start={START_HM_PARTITION} boots=1"],
           "hm-actions: cold restart resets data, twice, then the restart limit stops it")
    tap.eq(run.partition_lines("A25"), ["boot: restarts=0 start=0 boots=1",
                                        f"boot: restarts=1 start={START_HM_PARTITION} boots=2",
                                        f"boot: restarts=2 start={START_HM_PARTITION} boots=3"],
           "hm-actions: warm restart keeps data, twice, then the restart limit stops it")
    for p in ("A24", "A25"):
        tap.ok(f"partition {p} stopped: health monitor: restart-loop" in k,
               f"hm-actions: restart loop of {p} halts it", "\n".join(k))
    tap.eq(run.partition_lines("A26"), ["boot: restarts=0 start=0 boots=1",
                                        f"handler: error={APPLICATION} detail={WIDE_DETAIL:x} sync=0 pc=0",
                                        "handled=1", "carried on"],
           "hm-actions: propagate reaches the partition's handler with the details")
    tap.eq(run.partition_lines("A27"), ["boot: restarts=0 start=0 boots=1",
                                        f"handler: error={MEMORY} detail={BAD_VA:x} sync=1 pc=set",
                                        "handler: halting"],
           "hm-actions: a propagated exception reaches the handler, marked synchronous")
    tap.eq(run.partition_lines("A28"), ["boot: restarts=0 start=0 boots=1"],
           "hm-actions: a propagated exception without a handler stops the partition")
    tap.ok(any(ln.startswith("partition A28 stopped: health monitor: error propagated while")
               for ln in k), "hm-actions: kernel says why A28 stopped", "\n".join(k))
    want = [(22, APPLICATION, LOG, 22, "0"), (23, APPLICATION, HALT, 23, "0")]
    want += [(24, APPLICATION, COLD, 24, "0")] * 3 + [(24, RESTART_LOOP, HALT, APPLICATION, "0")]
    want += [(25, APPLICATION, WARM, 25, "0")] * 3 + [(25, RESTART_LOOP, HALT, APPLICATION, "0")]
    want += [(26, APPLICATION, PROPAGATE, WIDE_DETAIL, "0"), (27, MEMORY, PROPAGATE, BAD_VA, "set"),
             (28, MEMORY, PROPAGATE, BAD_VA, "set")]
    entries, status = hm_log(run)
    check_log(tap, "hm-actions", entries, status, want)
    tap.eq(status[4] if status else None, 3,
           "hm-actions: the log status counts ignored errors (A21's two, A22's misuse)")
    obs = observed(run)
    tap.ok(len(obs) == 26, "hm-actions: the observer saw all its windows", "\n".join(obs))
    tap.eq(obs, observed(quiet),
           "hm-actions: the observer's view is identical to the run without errors")


def test_module(tap):
    run = boot("hm-module-halt")
    # x86 (isa-debug-exit) and RISC-V (sifive_test) pass the kernel's
    # shutdown code out; on SPARC QEMU only tells an orderly end (ta 0) from
    # any other.
    want_code = None if ARCH == "sparc" else 2
    tap.eq((run.status, run.code), ("failed", want_code),
           "hm-module-halt: the system halts, not in order")
    tap.eq(run.partition_lines("F"), ["boot: start=0"], "hm-module-halt: F raised the error")
    tap.ok("health monitor: module halted" in run.kernel_lines(),
           "hm-module-halt: kernel says the module halted", "\n".join(run.kernel_lines()))
    run = boot("hm-module-reset")
    tap.eq(run.status, CLEAN, "hm-module-reset: system shuts down in order")
    tap.eq(run.kernel_lines().count("health monitor: module reset"), 1,
           "hm-module-reset: the module was reset once")
    tap.eq(run.partition_lines("F"), ["boot: start=0", f"boot: start={START_HM_MODULE}",
                                      "carried on"],
           "hm-module-reset: F restarted with the module-restart start condition")
    obs = run.partition_lines("O")
    tap.eq(obs[:1], [f"observer: start={START_HM_MODULE}"],
           "hm-module-reset: the observer (which had not run yet) started afresh too")
    entries, status = hm_log(run)
    check_log(tap, "hm-module-reset", entries, status, [(30, APPLICATION, RESET_MODULE, 30, "0")])


def test_flood(tap):
    """A partition raising errors in a loop loses only its own log records."""
    run = boot("hm-flood")
    tap.eq(run.status, CLEAN, "hm-flood: system shuts down in order")
    flood, share = 500, 64 // 3
    tap.eq(run.partition_lines("Q"), ["logged two: lost=0"], "hm-flood: Q logged two errors")
    tap.eq(run.partition_lines("F"), [f"flooded: raised={flood} hm_errors={flood} "
                                      f"lost={flood - share}"],
           "hm-flood: F's records beyond its share are counted as its own losses")
    order = [ln.split()[0] for ln in run.lines if ln.startswith(("[F] flooded", "[S] log "))]
    tap.eq(order[:1], ["[F]"], "hm-flood: F finished its flood before S read the log")
    entries, status = hm_log(run)
    tap.eq([e[1:] for e in entries if e[1] == 41],
           [(41, APPLICATION, LOG, 0x41, "0"), (41, APPLICATION, LOG, 0x42, "0")],
           "hm-flood: the quiet partition's records survive the flood")
    tap.eq([e[4] for e in entries if e[1] == 40], list(range(flood - share, flood)),
           "hm-flood: the flooder keeps its newest records, its share of the log")
    tap.eq(sorted(e[0] for e in entries), [e[0] for e in entries], "hm-flood: read oldest first")
    tap.eq(status, (flood + 2, 0, flood - share, 64, 0, share),
           "hm-flood: log status next/first/overwritten/capacity/ignored/share")


def main():
    tap = Tap()
    test_errors(tap)
    test_actions(tap)
    test_module(tap)
    test_flood(tap)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
