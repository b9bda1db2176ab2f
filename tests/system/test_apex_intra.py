#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""ARINC 653 intra-partition communication (guest/apex/apex_buffer.c,
apex_blackboard.c, apex_semaphore.c, apex_event.c, apex_block.c), Part 3's
intra-partition group, in system apex-intra: each service's normal case and
error returns, time-outs, NOT_AVAILABLE without time-out, INVALID_MODE for
a caller that may not wait (the Init task, a process holding the preemption
lock), and the FIFO and PRIORITY disciplines of waiting processes L (20),
M (30), H (40), queued in the order the scenario gives
(tests/system/rtems/apexsvc/intra.c)."""
import sys
from sysrun import Tap, boot, CLEAN, apex_codes as codes

EXPECTED = {
    # creation (COLD_START) and NORMAL
    "create_buffer_size_zero": "INVALID_PARAM", "create_buffer_depth_zero": "INVALID_PARAM",
    "create_buffer_size_above_limit": "INVALID_PARAM",
    "create_buffer_depth_above_limit": "INVALID_PARAM",
    "create_blackboard_size_above_limit": "INVALID_PARAM", "receive_buffer_bad_time": "INVALID_PARAM",
    "create_buffer_bad_discipline": "INVALID_PARAM", "create_buffer_no_storage": "INVALID_CONFIG",
    "create_buffer": "NO_ERROR", "create_buffer_again": "NO_ACTION",
    "get_buffer_id": "NO_ERROR", "get_buffer_id_unknown": "INVALID_CONFIG",
    "create_blackboard_size_zero": "INVALID_PARAM", "create_blackboard": "NO_ERROR",
    "create_blackboard_again": "NO_ACTION", "get_blackboard_id": "NO_ERROR",
    "get_blackboard_id_unknown": "INVALID_CONFIG",
    "create_semaphore_above_max": "INVALID_PARAM", "create_semaphore_negative": "INVALID_PARAM",
    "create_semaphore_max_zero": "INVALID_PARAM", "create_semaphore_max_too_big": "INVALID_PARAM",
    "create_semaphore_bad_discipline": "INVALID_PARAM", "create_semaphore": "NO_ERROR",
    "create_semaphore_again": "NO_ACTION", "get_semaphore_id": "NO_ERROR",
    "get_semaphore_id_unknown": "INVALID_CONFIG", "create_event": "NO_ERROR",
    "create_event_again": "NO_ACTION", "get_event_id": "NO_ERROR",
    "get_event_id_unknown": "INVALID_CONFIG", "create_event_table_full": "INVALID_CONFIG",
    "create_buffer_normal": "INVALID_MODE", "create_blackboard_normal": "INVALID_MODE",
    "create_semaphore_normal": "INVALID_MODE", "create_event_normal": "INVALID_MODE",
    # the Init task may not wait
    "init_send_full": "NOT_AVAILABLE", "init_send_wait": "INVALID_MODE",
    "init_receive": "NO_ERROR", "init_receive_wait": "INVALID_MODE",
    "init_wait_semaphore": "INVALID_MODE", "init_wait_event": "INVALID_MODE",
    "init_read_blackboard": "INVALID_MODE",
    # buffers
    "send_buffer": "NO_ERROR", "send_buffer_full": "NOT_AVAILABLE",
    "send_buffer_timed_out": "TIMED_OUT", "receive_buffer_empty": "NOT_AVAILABLE",
    "receive_buffer_timed_out": "TIMED_OUT", "send_buffer_too_long": "INVALID_PARAM",
    "send_buffer_empty_message": "INVALID_PARAM", "send_buffer_bad_time": "INVALID_PARAM",
    "send_buffer_bad_id": "INVALID_PARAM", "receive_buffer_bad_id": "INVALID_PARAM",
    "buffer_status_bad_id": "INVALID_PARAM",
    # blackboards
    "read_blackboard_empty": "NOT_AVAILABLE", "read_blackboard_timed_out": "TIMED_OUT",
    "display_blackboard": "NO_ERROR", "display_blackboard_too_long": "INVALID_PARAM",
    "display_blackboard_empty_message": "INVALID_PARAM",
    "display_blackboard_bad_id": "INVALID_PARAM", "clear_blackboard": "NO_ERROR",
    "read_blackboard_cleared": "NOT_AVAILABLE", "read_blackboard_bad_time": "INVALID_PARAM",
    "clear_blackboard_bad_id": "INVALID_PARAM", "read_blackboard_bad_id": "INVALID_PARAM",
    "blackboard_status_bad_id": "INVALID_PARAM",
    # semaphores
    "signal_semaphore": "NO_ERROR", "signal_semaphore_at_max": "NO_ACTION",
    "wait_semaphore": "NO_ERROR", "wait_semaphore_zero": "NOT_AVAILABLE",
    "wait_semaphore_timed_out": "TIMED_OUT", "wait_semaphore_bad_time": "INVALID_PARAM",
    "wait_semaphore_bad_id": "INVALID_PARAM", "signal_semaphore_bad_id": "INVALID_PARAM",
    "semaphore_status_bad_id": "INVALID_PARAM", "wait_semaphore_locked": "INVALID_MODE",
    # events
    "wait_event_down": "NOT_AVAILABLE", "wait_event_timed_out": "TIMED_OUT",
    "set_event": "NO_ERROR", "wait_event_up": "NO_ERROR", "reset_event": "NO_ERROR",
    "wait_event_bad_time": "INVALID_PARAM", "wait_event_bad_id": "INVALID_PARAM",
    "set_event_bad_id": "INVALID_PARAM", "reset_event_bad_id": "INVALID_PARAM",
    "event_status_bad_id": "INVALID_PARAM",
}


def having(lines, word):
    return [ln for ln in lines if f" {word} " in ln and ln.startswith("INTRA: ")
            and ln.split()[1] in ("L", "M", "H")]


def main():
    tap = Tap()
    run = boot("apex-intra", timeout=300)
    tap.eq(run.status, CLEAN, "apex-intra: the partition ends and the system shuts down")
    p = run.partition_lines("INTRA")
    got = codes(p, "INTRA")
    for call, want in EXPECTED.items():
        tap.eq(got.get(call), want, f"{call} returns {want}")
    tap.ok("INTRA: BUF_P id matches" in p, "GET_BUFFER_ID gives the id CREATE_BUFFER gave")
    tap.ok("INTRA: events created 32" in p,
           "CREATE_EVENT: SYSTEM_LIMIT_NUMBER_OF_EVENTS (32) events, then INVALID_CONFIG")
    # buffers
    tap.ok("INTRA: buf_f receivers waiting 3" in p, "GET_BUFFER_STATUS counts waiting receivers")
    tap.eq(sorted(having(p, "received")),
           ["INTRA: H received m2 NO_ERROR", "INTRA: L received m1 NO_ERROR",
            "INTRA: M received m3 NO_ERROR"],
           "FIFO buffer: receivers queued L, H, M get m1, m2, m3 in that order")
    tap.ok("INTRA: buf_f status 2/2 size 16 waiting 0" in p,
           "GET_BUFFER_STATUS: messages, depth, size, nobody waiting")
    tap.ok([ln for ln in p if ln.startswith("INTRA: CTL received ")] ==
           ["INTRA: CTL received a", "INTRA: CTL received bb"],
           "a buffer keeps its messages in order, each with its length")
    tap.ok("INTRA: buf_p senders waiting 3" in p, "senders wait on a full buffer")
    tap.eq([ln for ln in p if ln.startswith("INTRA: buf_p gave ")],
           [f"INTRA: buf_p gave {c}" for c in "xHML"],
           "PRIORITY buffer: senders queued L, H, M deliver H, M, L after the message queued")
    tap.eq(sorted(having(p, "sent")),
           [f"INTRA: {c} sent NO_ERROR" for c in "HLM"], "each waiting sender's SEND returns NO_ERROR")
    # blackboards
    tap.ok("INTRA: bb readers waiting 3" in p, "readers wait on an empty blackboard")
    tap.eq(sorted(having(p, "read")), [f"INTRA: {c} read news NO_ERROR" for c in "HLM"],
           "DISPLAY_BLACKBOARD gives the message to every waiting reader")
    tap.ok("INTRA: bb status OCCUPIED size 16 waiting 0" in p and
           "INTRA: CTL read later NO_ERROR" in p and "INTRA: bb cleared EMPTY" in p,
           "a blackboard keeps the last message until CLEAR_BLACKBOARD")
    # semaphores
    tap.ok("INTRA: sem_f waiting 3" in p, "GET_SEMAPHORE_STATUS counts waiting processes")
    tap.eq([ln for ln in p if " got sem_f " in ln],
           [f"INTRA: {c} got sem_f NO_ERROR" for c in "LHM"],
           "FIFO semaphore: each SIGNAL wakes the process that waited longest")
    tap.eq([ln for ln in p if " got sem_p " in ln],
           [f"INTRA: {c} got sem_p NO_ERROR" for c in "HML"],
           "PRIORITY semaphore: each SIGNAL wakes the most important waiting process")
    tap.ok(p.count("INTRA: sem value 0 max 3 waiting 0") == 1 and
           "INTRA: sem value 0 max 1 waiting 0" in p and "INTRA: sem_f value 2" in p,
           "a SIGNAL with processes waiting leaves the value at 0; WAIT takes one")
    tap.ok("INTRA: sem_p after STOP waiting 0" in p, "a stopped process leaves the queue it waited in")
    # events
    tap.ok("INTRA: ev waiting 3" in p, "processes wait on an event that is DOWN")
    tap.eq(sorted(having(p, "event")), [f"INTRA: {c} event NO_ERROR" for c in "HLM"],
           "SET_EVENT releases every waiting process")
    tap.ok("INTRA: ev UP waiting 0" in p and "INTRA: ev reset DOWN" in p,
           "GET_EVENT_STATUS: UP after SET_EVENT, DOWN after RESET_EVENT")
    tap.ok(p[-1:] == ["INTRA: done"], "CTL ran to its end", "\n".join(p[-3:]))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
