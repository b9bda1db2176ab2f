#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86 multicore, issue 20: ports between partitions on two CPUs.
tests/system/systems/xcpu.xml puts the writer W on CPU 0 and the reader R
on CPU 1, in windows at the same offset, so that the two CPUs are in the
kernel's port code at the same time; W sends numbered messages over
a queuing channel (depth 32) and writes a 256-byte sample at every step,
every word its sequence number; R takes the messages and reads the samples
(parts/xcpu.c): 20,000 under -icount, 200,000 without it (xcpu-long.xml).

What a broken implementation would get wrong: a lost, duplicated or
reordered message (R checks each is the next number, and the run only ends
when R has taken them all: a lost one would leave R waiting until the
timeout), a message read before it is whole (its four words disagree), a
torn sample (words from two writes), an older sample after a newer one, a
call failing otherwise than with a full or empty queue. Under -icount QEMU
runs the two CPUs round-robin on one thread (interleaved at its time
slices); without -icount each CPU is a host thread and the kernel's port
code really runs on both at once - the stress run. That R saw several
distinct samples and both sides met a full or an empty queue shows the two
really overlapped. `make stress-smp` runs the same partitions with 10^6
messages (xcpu-stress.xml) and prints how long it took."""
import re
import sys
import time
from sysrun import ARCH, Tap, boot, CLEAN

WRITER = re.compile(r"xcpu writer: sent (\d+), refused (\d+), samples (\d+), errors (\d+)$")
READER = re.compile(r"xcpu reader: received (\d+), bad (\d+), empty (\d+), samples (\d+), "
                    r"distinct (\d+), torn (\d+), older (\d+), errors (\d+)$")


def line(run, part, regex):
    for ln in run.partition_lines(part):
        m = regex.match(ln)
        if m:
            return [int(g) for g in m.groups()]
    return None


def check_run(tap, run, label, messages):
    tap.ok(run.status == CLEAN, f"{label}: both partitions finish and the system shuts down",
           run.output[-1500:])
    w, r = line(run, "W", WRITER), line(run, "R", READER)
    tap.ok(w is not None and r is not None, f"{label}: writer and reader report",
           run.output[-1500:])
    if w is None or r is None:
        return
    sent, refused, wsamples, werrors = w
    got, bad, empty, rsamples, distinct, torn, older, rerrors = r
    tap.eq((sent, got), (messages, messages),
           f"{label}: W sends {messages} messages and R takes every one")
    tap.eq(bad, 0, f"{label}: each message R takes is the next number, whole")
    tap.eq(torn, 0, f"{label}: no sample R reads is torn ({rsamples} read)")
    tap.eq(older, 0, f"{label}: no sample R reads is older than one it read before")
    tap.eq((werrors, rerrors), (0, 0), f"{label}: no port call fails otherwise")
    tap.ok(distinct > 1 and distinct <= wsamples,
           f"{label}: R sees the samples change while W writes them",
           f"{distinct} distinct of {wsamples} written")
    tap.ok(refused + empty > 0, f"{label}: the queue ran full or empty (the CPUs overlapped)",
           f"W refused {refused}, R found it empty {empty} times")
    print(f"# {label}: W refused {refused}, R empty {empty}, R read {rsamples} samples, "
          f"{distinct} distinct of {wsamples}")


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_smp_ports is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    if "--stress" in sys.argv[1:]:
        # `make stress-smp`: 10^6 messages, real parallel CPUs.
        runs = (("xcpu-stress", 1000000, False),)
    else:
        runs = (("xcpu", 20000, True), ("xcpu-long", 200000, False))
    for name, messages, icount in runs:
        label = f"{name} {'-icount' if icount else 'without -icount (stress)'}"
        start = time.monotonic()
        run = boot(name, smp=2, icount=icount, timeout=1800)
        seconds = time.monotonic() - start
        check_run(tap, run, label, messages)
        print(f"# {label}: {messages} messages in {seconds:.1f} s (boot to shutdown)")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
