#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""ARINC 653 health monitoring of processes (guest/apex/apex_hm.c,
apex_time.c), in system apex-errors whose table propagates deadline-missed
and application-error: a process that overruns its time capacity raises
DEADLINE_MISSED, which reaches the error handler process with the failed
process's id; the handler stops it and stops itself (STOP_SELF: ready for
the next error); REPORT_APPLICATION_MESSAGE and its errors; an application
error reaches the restarted handler; what the error handler may not do
a memory violation and a division by zero of processes reach the handler
as MEMORY_VIOLATION and NUMERIC_ERROR with the failed process and address,
and the handler stops them; a missed SOFT deadline reaches the handler as
DEADLINE_MISSED like a HARD one, and the process runs on unless the handler
stops it (tests/system/rtems/apexsvc/errors.c). Errors of
plain RTEMS tasks and the partition-level actions are
tests/system/test_apex_hm.py."""
import sys
from sysrun import ARCH, Tap, boot, CLEAN, apex_codes as codes

# QEMU's LEON3 SRMMU reports fault addresses page-aligned (docs/pv-api.md);
# x86 (CR2) and RISC-V (stval) the exact address.
BAD_ADDRESS = 0x0 if ARCH == "sparc" else 0x10
# The APEX message prints the detail as a whole word in hex.
WORD_DIGITS = 16 if ARCH == "riscv" else 8
# RISC-V does not trap a division by zero (the quotient is all ones): there
# BADDIV runs on, and the handler hears of four errors, not five.
DIV_TRAPS = ARCH != "riscv"
HANDLED = 5 if DIV_TRAPS else 4

EXPECTED = {
    "create_error_handler": "NO_ERROR", "handler_get_my_id": "INVALID_MODE",
    "create_error_handler_null_entry": "INVALID_PARAM", "raise_null_message": "INVALID_PARAM",
    "handler_get_error_status": "NO_ERROR", "handler_stop_failed": "NO_ERROR",
    "handler_drained": "NO_ACTION", "handler_timed_wait": "INVALID_MODE",
    "report_message": "NO_ERROR", "report_message_negative": "INVALID_PARAM",
    "report_message_too_long": "INVALID_PARAM", "get_error_status_process": "INVALID_CONFIG",
    "raise": "NO_ERROR", "create_softy": "NO_ERROR",
}


def main():
    tap = Tap()
    run = boot("apex-errors", timeout=300)
    tap.eq(run.status, CLEAN, "apex-errors: the partition ends and the system shuts down")
    p = run.partition_lines("HMP")
    kernel = run.kernel_lines()
    got = codes(p, "HMP")
    for call, want in EXPECTED.items():
        tap.eq(got.get(call), want, f"{call} returns {want}")
    tap.ok("hm: partition HMP: deadline-missed -> propagate" in kernel,
           "the missed deadline reaches the kernel's health monitor")
    handled = [ln for ln in p if ln.startswith("HMP: handler ") and "failed=" in ln]
    tap.ok(len(handled) == HANDLED and handled[0].startswith(
        "HMP: handler DEADLINE_MISSED failed=MISS address=0 message 'deadline-missed detail=0x"),
        "the error handler gets DEADLINE_MISSED with the process that missed it", repr(handled))
    tap.ok("HMP: MISS overruns its 5 ms" in p and "HMP: MISS survived" not in p,
           "the handler's STOP ends the process that overran")
    tap.ok("HMP: REP runs, handled 1" in p, "STOP_SELF of the handler returns control")
    tap.ok(any(ln.startswith("apex: application message from 0x") and
               ln.endswith(": hello monitor") for ln in p),
           "REPORT_APPLICATION_MESSAGE: the message reaches the console", "\n".join(p))
    tap.ok(len(handled) == HANDLED and
           handled[1] == "HMP: handler APPLICATION_ERROR failed=REP address=0 message 'hello'",
           "after STOP_SELF the error handler serves the next error")
    tap.ok(len(handled) == HANDLED and handled[2] == "HMP: handler MEMORY_VIOLATION failed=BADMEM "
           f"address=set message 'memory-violation detail=0x{BAD_ADDRESS:0{WORD_DIGITS}x}'",
           "a process's memory violation: MEMORY_VIOLATION, the process, the address", repr(handled))
    if DIV_TRAPS:
        tap.ok(len(handled) == HANDLED and handled[3].startswith(
            "HMP: handler NUMERIC_ERROR failed=BADDIV address=set message 'divide-error"),
            "a process's division by zero: NUMERIC_ERROR, the process, the address",
            repr(handled))
    else:
        tap.ok("HMP: BADDIV survived" in p and not any("NUMERIC_ERROR" in ln for ln in handled),
               "a process's division by zero does not trap on RISC-V: no error", repr(handled))
    tap.ok("HMP: BADMEM writes through a null pointer" in p and "HMP: BADMEM survived" not in p
           and "HMP: BADDIV divides by zero" in p and
           ("HMP: BADDIV survived" not in p or not DIV_TRAPS),
           "a faulting process never goes on past its fault")
    tap.ok("HMP: handler after STOP_SELF" not in p, "STOP_SELF in the handler does not return")
    tap.ok(len(handled) == HANDLED and handled[-1].startswith(
        "HMP: handler DEADLINE_MISSED failed=SOFTY address=0 message 'deadline-missed detail=0x")
        and "HMP: handler: SOFTY's deadline is SOFT, it runs on" in p,
        "a missed SOFT deadline: DEADLINE_MISSED to the handler, which reads the type",
        repr(handled))
    tap.ok("HMP: SOFTY overruns its 5 ms" in p and "HMP: SOFTY survived its missed deadline" in p,
           "the process that missed its SOFT deadline runs on (MISS, HARD, was stopped)")
    tap.ok(f"HMP: handled {HANDLED - 1}" in p and f"HMP: after SOFTY handled {HANDLED}" in p and
           p[-1:] == ["HMP: done"], "REP ran to its end")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
