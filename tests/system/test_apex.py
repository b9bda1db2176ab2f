#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The ARINC 653 APEX port services (guest/apex) between two RTEMS
partitions: every return code each service gives, FIFO order, a task blocked
in RECEIVE with a timeout while another task of its partition runs, TIMED_OUT,
a sender blocked on a full queue, and sampling validity expiring."""
import re
import sys
from sysrun import Tap, boot, CLEAN, apex_codes as codes

# Calls the applications make and the return code each must get.
EXPECTED = {
    "SEND": {
        "create_sampling": "NO_ERROR", "create_sampling_again": "NO_ACTION",
        "create_sampling_empty_name": "INVALID_PARAM", "create_sampling_unknown": "INVALID_CONFIG",
        "create_sampling_wrong_kind": "INVALID_CONFIG", "create_queuing_depth": "INVALID_CONFIG",
        "create_queuing_size": "INVALID_CONFIG", "create_queuing_dir": "INVALID_CONFIG",
        "create_queuing": "NO_ERROR", "create_queuing_again": "NO_ACTION", "create_ack": "NO_ERROR",
        "get_queuing_id": "NO_ERROR", "get_queuing_id_unknown": "INVALID_CONFIG",
        "get_sampling_id": "NO_ERROR", "get_sampling_id_unknown": "INVALID_CONFIG",
        "write_bad_id": "INVALID_PARAM", "write_empty": "INVALID_PARAM",
        "write_too_long": "INVALID_CONFIG", "read_on_source": "INVALID_MODE",
        "sampling_status_bad_id": "INVALID_PARAM", "sampling_status": "NO_ERROR",
        "send_on_destination": "INVALID_MODE", "send_bad_id": "INVALID_PARAM",
        "send_empty": "INVALID_PARAM", "send_too_long": "INVALID_CONFIG",
        "send_bad_timeout": "INVALID_PARAM", "receive_on_source": "INVALID_MODE",
        "receive_empty_no_wait": "NOT_AVAILABLE", "clear_source": "INVALID_MODE",
        "clear_bad_id": "INVALID_PARAM", "queuing_status_bad_id": "INVALID_PARAM",
        "queuing_status": "NO_ERROR", "write": "NO_ERROR", "send_m1": "NO_ERROR",
        "send_m2": "NO_ERROR", "send_full_no_wait": "NOT_AVAILABLE", "send_full_2ms": "TIMED_OUT",
        "send_m3_blocking": "NO_ERROR", "send_m4": "NO_ERROR", "send_c1": "NO_ERROR",
        "send_c2": "NO_ERROR",
    },
    "RECV": {
        "create_refresh": "INVALID_CONFIG", "create_sampling": "NO_ERROR",
        "create_discipline": "INVALID_CONFIG", "create_queuing": "NO_ERROR", "create_ack": "NO_ERROR",
        "read_never_written": "NO_ACTION", "read_bad_id": "INVALID_PARAM",
        "write_on_destination": "INVALID_MODE", "send_on_destination": "INVALID_MODE",
        "receive_empty_no_wait": "NOT_AVAILABLE", "receive_bad_id": "INVALID_PARAM",
        "receive_bad_timeout": "INVALID_PARAM", "receive_in_isr": "INVALID_MODE",
        "queuing_status": "NO_ERROR", "receive_timeout_20ms": "TIMED_OUT", "go": "NO_ERROR",
        "receive_m1": "NO_ERROR", "read_fresh": "NO_ERROR", "receive_m2": "NO_ERROR",
        "receive_m3": "NO_ERROR", "receive_m4": "NO_ERROR", "read_stale": "NO_ERROR",
        "clear": "NO_ERROR", "clear_destination": "NO_ERROR", "clear_bad_id": "INVALID_PARAM",
        "receive_after_clear": "NOT_AVAILABLE", "end": "NO_ERROR",
    },
}


def before(lines, a, b):
    """a appears, and before b, in lines."""
    return a in lines and b in lines and lines.index(a) < lines.index(b)


def main():
    tap = Tap()
    run = boot("apex", timeout=300)
    tap.eq(run.status, CLEAN, "apex: both partitions end and the system shuts down")
    send, recv = run.partition_lines("SEND"), run.partition_lines("RECV")
    for part, lines in (("SEND", send), ("RECV", recv)):
        got = codes(lines, part)
        for call, want in EXPECTED[part].items():
            tap.eq(got.get(call), want, f"{part}: {call} returns {want}")
        tap.ok(lines[-1:] == [f"{part}: done"], f"{part}: ran to its end", "\n".join(lines[-3:]))
    all_codes = set(EXPECTED["SEND"].values()) | set(EXPECTED["RECV"].values())
    tap.eq(len(all_codes), 7, "every ARINC 653 return code is produced")
    got = [ln for ln in recv if re.match(r"RECV: got m\d$", ln)]
    tap.eq(got, [f"RECV: got m{i}" for i in range(1, 5)], "queuing messages arrive in FIFO order")
    wait, woke = recv.index("RECV: waiting for m1"), recv.index("RECV: got m1")
    ticks = [ln for ln in recv[wait:woke] if ln.startswith("RECV: tick ")]
    tap.ok(len(ticks) >= 2, "the other task runs while RECEIVE blocks its caller",
           "\n".join(recv[wait:woke + 1]))
    m = [re.match(r"RECV: timed out after (\d+) ms", ln) for ln in recv]
    ms = [int(x.group(1)) for x in m if x]
    tap.ok(ms and 20 <= ms[0] <= 30, "RECEIVE with 20 ms and nothing coming times out after 20 ms",
           repr(ms))
    whole = run.lines
    tap.ok(before(whole, "[SEND] SEND: blocking on a full queue", "[RECV] RECV: got m1") and
           before(whole, "[RECV] RECV: got m1", "[SEND] SEND: m3 sent after blocking"),
           "a sender blocked on a full queue resumes once the receiver frees space")
    tap.ok("RECV: sample  INVALID, status INVALID" in recv, "a never-written sampling port is INVALID")
    tap.ok("RECV: sample alt1 VALID, status VALID" in recv, "a fresh sampling message is VALID")
    tap.ok("RECV: sample alt1 INVALID, status INVALID" in recv,
           "the sampling message turns INVALID after its refresh period")
    tap.ok("RECV: 2 waiting before clear" in recv, "two messages wait before CLEAR_QUEUING_PORT")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
