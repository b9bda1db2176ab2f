#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""ARINC 653 time management (guest/apex/apex_time.c), Part 3's time group,
in system apex-time: TIMED_WAIT (never shorter than asked, less than two
ticks more), PERIODIC_WAIT (five releases one period apart, each with its
deadline one time capacity later; every release of a periodic process at
a period boundary of the partition, DELAYED_START's delay counted from
one), GET_TIME, REPLENISH (moves the deadline;
not past a periodic process's next release), and each error return
(tests/system/rtems/apexsvc/time.c)."""
import sys
from sysrun import Tap, boot, CLEAN, apex_codes as codes

EXPECTED = {
    "get_time": "NO_ERROR", "timed_wait_init": "INVALID_MODE",
    "periodic_wait_init": "INVALID_MODE", "replenish_init": "NO_ACTION",
    "per_replenish": "NO_ERROR", "per_replenish_beyond_release": "INVALID_MODE",
    "per_replenish_infinite": "INVALID_MODE", "timed_wait_negative": "INVALID_PARAM",
    "timed_wait_infinite": "INVALID_PARAM", "timed_wait_zero": "NO_ERROR",
    "timed_wait": "NO_ERROR", "periodic_wait_tester": "INVALID_MODE",
    "replenish_no_capacity": "NO_ERROR", "periodic_wait_aperiodic": "INVALID_MODE",
    "replenish": "NO_ERROR", "replenish_bad_time": "INVALID_PARAM",
    "replenish_infinite": "NO_ERROR", "create_DELAYED": "NO_ERROR", "create_LATE": "NO_ERROR",
    "create_ODD": "INVALID_CONFIG", "delayed_start_periodic": "NO_ERROR",
    "start_periodic_normal": "NO_ERROR",
}


def main():
    tap = Tap()
    run = boot("apex-time", timeout=300)
    tap.eq(run.status, CLEAN, "apex-time: the partition ends and the system shuts down")
    t = run.partition_lines("TIME")
    got = codes(t, "TIME")
    for call, want in EXPECTED.items():
        tap.eq(got.get(call), want, f"{call} returns {want}")
    tap.ok("TIME: GET_TIME monotonic: yes" in t, "GET_TIME: positive and never going back")
    tap.ok("TIME: TIMED_WAIT 7 ms waited at least 7 ms: yes, less than 9 ms: yes" in t,
           "TIMED_WAIT: at least the delay, at most a tick and a bit more")
    tap.ok("TIME: PER deadline before NORMAL none" in t,
           "a process started in COLD_START has no deadline until NORMAL")
    tap.ok("TIME: PER job 0 deadline within capacity: yes" in t,
           "the first release's deadline: within the time capacity")
    for job in range(1, 6):
        tap.ok(f"TIME: PER job {job} rc NO_ERROR not early: yes deadline ahead: yes" in t,
               f"PERIODIC_WAIT release {job}: a period later, deadline one capacity ahead")
    tap.ok("TIME: PER first release at a period boundary: yes" in t,
           "a periodic process started in COLD_START: first release at the first period "
           "boundary in NORMAL, not at the transition (5 ms into a frame)")
    tap.ok("TIME: DELAYED first release 3 ms after a period boundary: yes" in t and
           "TIME: DELAYED second release one period later: yes" in t,
           "DELAYED_START of a periodic process: its delay counts from the period boundary")
    tap.ok("TIME: LATE started in NORMAL, released at a period boundary: yes" in t,
           "START in NORMAL of a periodic process: released at the next period boundary")
    tap.ok("TIME: PER jobs 5" in t, "PER ran its five jobs while TESTER waited 150 ms")
    tap.ok("TIME: APER deadline within capacity: yes" in t and
           "TIME: APER replenished deadline: yes" in t and "TIME: APER no deadline: yes" in t,
           "REPLENISH moves an aperiodic process's deadline to now + budget, or removes it")
    tap.ok("TIME: TESTER deadline infinite" in t,
           "a process without time capacity has no deadline")
    tap.ok(t[-1:] == ["TIME: done"], "TESTER ran to its end", "\n".join(t[-3:]))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
