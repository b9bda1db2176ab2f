#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The ARINC 653 queuing discipline of RTEMS tasks blocked in
RECEIVE_QUEUING_MESSAGE (guest/apex): messages arrive one at a time on a FIFO
port and on a PRIORITY port, each with three waiting tasks of different
priorities; the receivers must follow the port's discipline, whatever the
order in which RTEMS would run them."""
import sys
from sysrun import Tap, boot, CLEAN


def main():
    tap = Tap()
    run = boot("apex-queue", timeout=300)
    tap.eq(run.status, CLEAN, "apex-queue: both partitions end and the system shuts down")
    recv, send = run.partition_lines("QRECV"), run.partition_lines("QSEND")
    for part, lines in (("QRECV", recv), ("QSEND", send)):
        tap.ok(lines[-1:] == [f"{part}: done"], f"{part}: ran to its end", "\n".join(lines[-3:]))
    tap.ok(not [ln for ln in recv + send if "failed" in ln or "rc 0)" not in ln and "sent" in ln],
           "every APEX call succeeds", "\n".join(recv + send))
    got = [ln for ln in recv if " got " in ln or "timed out" in ln]
    tap.eq(got[:3], ["QRECV: RX-A got f1", "QRECV: RX-B got f2", "QRECV: RX-C got f3"],
           "FIFO: the task that waited longest gets each message, not the most important")
    tap.eq(got[3:4], ["QRECV: RX-X timed out"], "PRIORITY: a task that gave up leaves the queue")
    tap.eq(got[4:], ["QRECV: RX-E got p1", "QRECV: RX-D got p2", "QRECV: RX-F got p3"],
           "PRIORITY: the most important task first, the longest waiting among equals")
    # Senders A (30), B (40), C (20) queued in that order behind a full port.
    for what, order, text in (("sfifo", "0ABC", "FIFO senders: the task that waited longest first"),
                              ("sprio", "0CAB", "PRIORITY senders: the most important task first")):
        tap.eq([ln for ln in recv if f" {what} read " in ln],
               [f"QRECV: {what} read {c}" for c in order], text)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
