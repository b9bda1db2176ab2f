#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Partition-level actions per error id (guest/apex/apex_hm.c, the
kernel's unhandled="..." table: docs/configuration.md), in system
apex-escalate: a propagated error that no error handler takes goes back to
the kernel, which answers each error id with the partition's own action.
Without an error handler: an application error is ignored (the process
carries on and the kernel counts it), a division by zero is logged (the
process stays stopped, the partition carries on), a missed deadline
restarts the partition warm. With one, the handler's own application error
is ignored (it carries on) and its own division by zero logged (it stays
stopped, the partition carries on). After a warm restart the pv port has
forgotten the error handler of the run before: an error raised before any
APEX service reaches the kernel as unhandled (ignored, counted) instead of
being queued for a handler that is gone. Last, a memory violation without
an error handler halts the partition (tests/system/rtems/apexsvc/
escalate.c). The default - no unhandled action, fatal-error's - is
tests/system/test_apex_restart.py."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN, apex_codes as codes


def main():
    tap = Tap()
    run = boot("apex-escalate", timeout=300)
    tap.eq(run.status, CLEAN, "apex-escalate: the partition ends and the system shuts down")
    out = run.partition_lines("PLV")
    kernel = run.kernel_lines()
    cold, warm, warm2 = codes(out, "PLV"), codes(out, "PLVW"), codes(out, "PLVX")
    text = "\n".join(out)
    tap.eq(cold.get("start_a"), "NO_ERROR", "PLV starts A")
    tap.eq(cold.get("a_raise"), "NO_ERROR", "A's RAISE_APPLICATION_ERROR returns NO_ERROR")
    tap.ok("PLV: A carried on after its application error, ignored 1" in out,
           "application-error -> ignore: A carries on, the kernel counted the error once", text)
    if ARCH == "riscv":
        # RISC-V's division by zero gives all ones and does not trap.
        tap.ok("PLV: Z divides by zero" in out and "PLV: Z survived" in out,
               "RISC-V: Z's division by zero does not trap, Z carries on", text)
    else:
        tap.ok("PLV: Z divides by zero" in out and "PLV: Z survived" not in out,
               "Z's division by zero stops Z", text)
    tap.ok(any(ln.startswith("PLV: A carries on after Z's division") for ln in out),
           "divide-error -> log: the partition carries on", text)
    tap.ok(not any("fatal-error" in ln or "divide-error ->" in ln and
                   not ln.endswith("-> propagate") for ln in kernel),
           "the division is only propagated on the console (log is silent), no fatal error",
           "\n".join(kernel))
    tap.ok("PLV: D overruns its 5 ms" in out and "PLV: D survived" not in out and
           "PLV: A after D" not in out, "D's missed deadline ends the cold run", text)
    tap.ok("hm: partition PLV: deadline-missed -> warm-restart" in kernel and
           any("partition PLV: warm restart 1" in ln for ln in kernel),
           "deadline-missed -> warm-restart: the kernel restarts the partition warm",
           "\n".join(kernel))
    tap.ok("PLVW: warm start, restarted by the health monitor" in out,
           "Init runs in WARM_START, restarted by the health monitor", text)
    tap.eq(warm.get("create_error_handler"), "NO_ERROR", "WARM_START: the error handler is created")
    tap.eq(warm.get("handler_get_error_status"), "NO_ERROR", "the handler reads B's error")
    tap.ok("PLVW: handler: error 1: 'for the handler'" in out,
           "B's application error reaches the handler with its message", text)
    tap.eq(warm.get("handler_raise"), "NO_ERROR",
           "the handler's own RAISE_APPLICATION_ERROR returns NO_ERROR")
    tap.ok("PLVW: handler carried on after its own error, ignored 1" in out,
           "the handler's own application error goes to the partition level: ignored", text)
    if ARCH == "riscv":
        tap.ok("PLVW: handler divides by zero" in out and
               "PLVW: handler survived its division" in out,
               "RISC-V: the handler's own division by zero does not trap", text)
    else:
        tap.ok("PLVW: handler divides by zero" in out and
               "PLVW: handler survived its division" not in out,
               "the handler's own division by zero stops the handler", text)
    tap.ok("PLVW: B after the handler" in out,
           "divide-error -> log for the handler's own: the partition carries on", text)
    tap.ok("PLV: warm start 1: an error before any APEX service, ignored by the kernel 1" in out,
           "first warm start: an early error reaches the kernel", text)
    tap.ok("PLV: warm start 2: an error before any APEX service, ignored by the kernel 1" in out,
           "second warm start: the previous run's error handler is forgotten, the early "
           "error reaches the kernel", text)
    tap.ok(any("partition PLV: warm restart 2" in ln for ln in kernel) and
           "PLVW: B after SET_PARTITION_MODE(WARM_START)" not in out,
           "B's SET_PARTITION_MODE(WARM_START) restarts the partition", "\n".join(kernel))
    tap.eq(warm2.get("create_X"), "NO_ERROR", "second WARM_START: X is created anew")
    tap.ok("PLVX: X writes through a null pointer" in out and
           "PLVX: X survived its memory violation" not in out,
           "X's memory violation ends the partition", text)
    tap.ok("hm: partition PLV: memory-violation -> halt" in kernel and
           "partition PLV stopped: health monitor: memory-violation" in kernel,
           "memory-violation -> halt: the kernel stops the partition", "\n".join(kernel))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
