#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""ARINC 653 process management (guest/apex/apex_process.c,
apex_process_ctl.c), Part 3's process group, in system apex-process:
CREATE_PROCESS and each of its errors, START and DELAYED_START before the
NORMAL transition (the process waits for it) and after, STOP, STOP_SELF,
SUSPEND, SUSPEND_SELF with and without time-out, RESUME, SET_PRIORITY (the
raised process preempts at once), GET_PROCESS_ID, GET_PROCESS_STATUS,
GET_MY_ID, LOCK/UNLOCK_PREEMPTION (a more important process waits for the
unlock; a process holding the lock may not wait on a port), and STOP of a
process waiting on a queuing port (a channel loops back into PROC). The partition's Init task creates the processes; DRIVER runs the
scenario (tests/system/rtems/apexsvc/process.c)."""
import sys
from sysrun import Tap, boot, CLEAN, apex_codes as codes

EXPECTED = {
    "create_prio_low": "INVALID_PARAM", "create_prio_high": "INVALID_PARAM",
    "create_stack_zero": "INVALID_PARAM", "create_stack_too_big": "INVALID_PARAM",
    "create_process_again": "NO_ACTION", "create_process_normal": "INVALID_MODE",
    "create_period_zero": "INVALID_PARAM",
    "create_capacity_zero": "INVALID_PARAM", "create_capacity_over_period": "INVALID_PARAM",
    "create_periodic_no_capacity": "INVALID_PARAM", "create_bad_deadline": "INVALID_PARAM",
    "create_no_entry": "INVALID_PARAM", "create_DRIVER": "NO_ERROR",
    "create_beyond_tasks": "INVALID_CONFIG",
    "get_process_id": "NO_ERROR", "get_process_id_unknown": "INVALID_CONFIG",
    "get_process_status_bad_id": "INVALID_PARAM", "get_my_id_init": "INVALID_MODE",
    "start_driver_cold": "NO_ERROR", "start_driver_again": "NO_ACTION",
    "delayed_start_beyond_period": "INVALID_PARAM", "delayed_start_negative": "INVALID_PARAM",
    "delayed_start_bad_id": "INVALID_PARAM", "delayed_start_per": "NO_ERROR",
    "lock_cold_start": "NO_ACTION", "suspend_self_init": "INVALID_MODE",
    "get_my_id": "NO_ERROR", "start_worker": "NO_ERROR", "set_priority_worker": "NO_ERROR",
    "suspend_self_suspended": "NO_ACTION", "worker_suspend_self_resumed": "NO_ERROR",
    "resume_worker": "NO_ERROR", "per_suspend_self": "INVALID_MODE",
    "worker_suspend_self_timeout": "TIMED_OUT", "worker_suspend_self_zero": "NO_ERROR",
    "worker_suspend_self_bad_time": "INVALID_PARAM", "suspend_worker": "NO_ERROR",
    "suspend_again": "NO_ACTION", "resume_suspended": "NO_ERROR",
    "resume_not_suspended": "NO_ACTION", "suspend_self": "INVALID_PARAM",
    "suspend_periodic": "INVALID_MODE", "suspend_dormant": "INVALID_MODE",
    "suspend_bad_id": "INVALID_PARAM", "resume_dormant": "INVALID_MODE",
    "resume_self": "INVALID_PARAM", "resume_periodic": "INVALID_MODE",
    "set_priority_bad_id": "INVALID_PARAM", "set_priority_too_low": "INVALID_PARAM",
    "set_priority_too_high": "INVALID_PARAM", "set_priority_dormant": "INVALID_MODE",
    "stop_worker": "NO_ERROR", "stop_dormant": "NO_ACTION", "stop_self": "INVALID_PARAM",
    "stop_bad_id": "INVALID_PARAM", "restart_worker": "NO_ERROR", "start_low": "NO_ERROR",
    "start_bad_id": "INVALID_PARAM", "delayed_start": "NO_ERROR",
    "delayed_start_again": "NO_ACTION", "lock": "NO_ERROR", "start_high_locked": "NO_ERROR",
    "timed_wait_locked": "INVALID_MODE", "unlock": "NO_ERROR", "unlock_unlocked": "NO_ACTION",
    "lock_beyond_max": "INVALID_CONFIG",
    "create_loop_out": "NO_ERROR", "create_loop_in": "NO_ERROR",
    "stop_port_waiter": "NO_ERROR", "send_loop": "NO_ERROR",
    "receive_port_locked": "INVALID_MODE",
}

# (what, state, current priority) as GET_PROCESS_STATUS reports them.
STATES = [
    ("worker_created", "DORMANT", 50), ("driver_pending", "WAITING", 100),
    ("self", "RUNNING", 100), ("per_started", "WAITING", 120),
    ("worker_started", "READY", 50), ("worker_self_suspended", "WAITING", 150),
    ("worker_suspended", "WAITING", 150), ("worker_stopped", "DORMANT", 150),
    ("worker_restarted", "READY", 50), ("low_stopped_itself", "DORMANT", 10),
    ("delay_pending", "WAITING", 90), ("delay_returned", "DORMANT", 90),
    ("high_returned", "DORMANT", 200), ("portw_waiting", "WAITING", 60),
]


def before(lines, a, b):
    return a in lines and b in lines and lines.index(a) < lines.index(b)


def main():
    tap = Tap()
    run = boot("apex-process", timeout=300)
    tap.eq(run.status, CLEAN, "apex-process: the partition ends and the system shuts down")
    p = run.partition_lines("PROC")
    got = codes(p, "PROC")
    for call, want in EXPECTED.items():
        tap.eq(got.get(call), want, f"{call} returns {want}")
    # Init + 8 processes + 5 more fill CONFIGURE_MAXIMUM_TASKS (14).
    tap.ok("PROC: created 5 FILL processes" in p,
           "CREATE_PROCESS creates until the RTEMS tasks run out", "\n".join(p[:40]))
    for what, state, prio in STATES:
        tap.ok(f"PROC: state {what} = {state}" in p and
               any(ln.startswith(f"PROC: status {what} ") and f" prio={prio} " in ln for ln in p),
               f"GET_PROCESS_STATUS {what}: {state}, priority {prio}")
    tap.ok("PROC: the second DRIVER's id is null" in p,
           "CREATE_PROCESS of a name in use gives no process id")
    tap.ok("PROC: WORKER id matches" in p and "PROC: my id matches" in p,
           "GET_PROCESS_ID and GET_MY_ID give the ids CREATE_PROCESS gave")
    tap.ok(before(p, "PROC: Init stops itself in mode 3", "PROC: DRIVER runs"),
           "a process started in COLD_START runs only after the NORMAL transition")
    tap.ok(before(p, "PROC: WORKER start 1 prio 150", "PROC: DRIVER after SET_PRIORITY"),
           "SET_PRIORITY above the caller's: the process preempts at once")
    tap.ok(before(p, "PROC: DRIVER after SET_PRIORITY", "PROC rc worker_suspend_self_resumed = NO_ERROR")
           and before(p, "PROC rc worker_suspend_self_resumed = NO_ERROR", "PROC: DRIVER after RESUME"),
           "SUSPEND_SELF waits until RESUME, which lets the more important process run at once")
    for what in ("counts", "frozen while suspended", "counts after RESUME", "frozen while stopped"):
        tap.ok(f"PROC: WORKER {what}: as expected" in p, f"WORKER {what}")
    tap.ok("PROC: WORKER start 2 prio 50" in p,
           "START after STOP runs the process from its entry point at its base priority")
    tap.ok("PROC: LOW runs and stops itself" in p and "PROC: LOW after STOP_SELF" not in p,
           "STOP_SELF does not return")
    tap.ok("PROC: DELAY started after its delay" in p, "DELAYED_START: not before the delay")
    tap.ok(before(p, "PROC: locked section ends", "PROC: HIGH ran") and
           before(p, "PROC: unlock level 1", "PROC: HIGH ran") and
           before(p, "PROC: HIGH ran", "PROC: unlock level 0"),
           "LOCK_PREEMPTION: a more important process started meanwhile runs at the last unlock")
    tap.ok(p.count("PROC: lock level 1") == 1 and "PROC: lock level 2" in p and
           "PROC: partition lock level 2" in p and "PROC: lock level 16" in p,
           "the lock level counts up to MAX_LOCK_LEVEL and GET_PARTITION_STATUS reports it")
    tap.ok("PROC: loop_in waiting 1" in p and "PROC: loop_in waiting after STOP 0" in p,
           "a process stopped while waiting on a queuing port leaves its queue")
    tap.ok("PROC: PORTR received ping NO_ERROR" in p and
           not [ln for ln in p if ln.startswith("PROC: PORTW received")],
           "the next process waiting on the port gets the message, the stopped one nothing")
    tap.ok(p[-1:] == ["PROC: done"], "DRIVER ran to its end", "\n".join(p[-3:]))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
