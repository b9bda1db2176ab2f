#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""APEX errors at the partition level (guest/apex/apex_hm.c) and the warm
start, in system apex-restart: RST's error handler raises an error itself,
which goes to the partition level - the configuration's fatal-error
action, a warm restart; in WARM_START Init creates the error handler, the
processes and the objects again (NO_ERROR, not NO_ACTION: the tables of
before the restart are gone although memory is kept), the periodic process
runs again and the new handler serves the next error. NOH has no error
handler: its propagated error goes to the partition level at once, and
fatal-error's default halts it (tests/system/rtems/apexsvc/restart.c)."""
import sys
from sysrun import Tap, boot, CLEAN, apex_codes as codes

CREATED = ["create_error_handler", "create_WORKER", "create_PERIO", "create_semaphore",
           "create_buffer", "start_worker", "start_perio"]


def main():
    tap = Tap()
    run = boot("apex-restart", timeout=300)
    tap.eq(run.status, CLEAN, "apex-restart: every partition ends and the system shuts down")
    rst = run.partition_lines("RST")
    kernel = run.kernel_lines()
    cold, warm = codes(rst, "RST"), codes(rst, "RSTW")
    for call in CREATED:
        tap.eq(cold.get(call), "NO_ERROR", f"COLD_START: {call} returns NO_ERROR")
        tap.eq(warm.get(call), "NO_ERROR", f"WARM_START: {call} returns NO_ERROR again")
    tap.ok("RST: mode COLD_START start condition NORMAL_START" in rst,
           "RST boots in COLD_START", "\n".join(rst))
    tap.ok("RST: WORKER runs, PERIO released periodically" in rst and
           "RSTW: WORKER runs, PERIO released periodically" in rst,
           "the periodic process runs before and after the warm start")
    tap.ok("RST: handler: error 1 from WORKER: 'first'" in rst,
           "the handler reads WORKER's application error")
    tap.ok("RST: handler raises an error itself" in rst and
           "RST: handler survived its own error" not in rst,
           "an error of the error handler itself does not come back to it")
    tap.ok("hm: partition RST: fatal-error -> warm-restart" in kernel and
           any("partition RST: warm restart 1" in ln for ln in kernel),
           "the partition level: fatal-error's action, a warm restart", "\n".join(kernel))
    tap.ok("RSTW: mode WARM_START start condition HM_PARTITION_RESTART" in rst,
           "after the restart Init runs in WARM_START, restarted by the health monitor")
    tap.ok("RSTW: handler: error 1 from WORKER: 'second'" in rst and
           "RSTW: WORKER carries on" in rst,
           "the error handler created again serves WORKER's next error")
    tap.eq(rst[-1:], ["RSTW: done"], "RST ends after the warm start")
    noh = run.partition_lines("NOH")
    tap.eq(codes(noh, "NOH").get("start_p"), "NO_ERROR", "NOH starts P")
    tap.ok("NOH: P raises an application error, without an error handler" in noh and
           "NOH: P carried on" not in noh, "without an error handler P does not carry on",
           "\n".join(noh))
    tap.ok("hm: partition NOH: fatal-error -> halt" in kernel and
           "partition NOH stopped: health monitor: fatal-error" in kernel,
           "the partition level: fatal-error's default, halt", "\n".join(kernel))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
