#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The avionics pipeline on two CPUs (apps/demo-smp/demo-smp.xml, `make run
SYSTEM=apps/demo-smp/demo-smp.xml`): SENSOR and MONITOR on CPU 0, CONTROL
and GYRO on CPU 1, so both channels cross the CPUs. What the partitions
print must say what the one-CPU demo's say (test_demo.py): every command
CONTROL sends over the queuing port (CPU 1 -> CPU 0) reaches MONITOR, in
order; CONTROL only sees altitudes SENSOR published (CPU 0 -> CPU 1,
sampling, read while it may be being written); GYRO's planted memory
violation is answered on CPU 1 by two cold restarts and then a restart-loop
halt; the system shuts down once the pipeline has ended. Run under -icount
as `make run` does (QEMU runs the CPUs round-robin: outcomes are asserted,
not the order of the lines)."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, f"test_demo_smp is an x86 test, run with TESSERA_ARCH={ARCH}")
        return tap.done()
    run = boot("demo-smp", timeout=600, smp=2)
    tap.ok(run.status == CLEAN, "demo-smp: the pipeline ends and the system shuts down",
           run.output[-2000:])
    sensor = run.partition_lines("SENSOR")
    control = run.partition_lines("CONTROL")
    monitor = run.partition_lines("MONITOR")
    sent = [ln.split('"')[1] for ln in control if ln.startswith("control: altitude")]
    applied = [ln.split('"')[1] for ln in monitor if ln.startswith("monitor: applying")]
    tap.ok(len(sent) >= 5, "demo-smp: CONTROL (CPU 1) sent commands", "\n".join(control))
    tap.eq(applied, sent, "demo-smp: MONITOR (CPU 0) applied every command, in order")
    tap.eq(monitor[-1:], [f"MONITOR done: {len(sent)} commands applied"],
           "demo-smp: MONITOR ended")
    published = {ln.split()[4] for ln in sensor if ln.startswith("sensor: sample")}
    seen = {ln.split()[2] for ln in control if ln.startswith("control: altitude")}
    tap.ok(seen and seen <= published,
           "demo-smp: CONTROL (CPU 1) only saw altitudes SENSOR (CPU 0) published",
           f"published {sorted(published)}, seen {sorted(seen)}")
    tap.eq(sensor[-1:], ["SENSOR done"], "demo-smp: SENSOR ended")
    gyro = run.partition_lines("GYRO")
    boots = [ln for ln in gyro if ln.startswith("gyro: boot")]
    tap.eq(boots, ["gyro: boot after 0 restarts (start condition 0)",
                   "gyro: boot after 1 restarts (start condition 3)",
                   "gyro: boot after 2 restarts (start condition 3)"],
           "demo-smp: GYRO (CPU 1) restarted cold twice by the health monitor")
    k = run.kernel_lines()
    tap.ok("partition GYRO stopped: health monitor: restart-loop" in k,
           "demo-smp: the third fault is a restart loop and halts GYRO", "\n".join(k))
    frames = [int(m.group(1)) for m in (re.match(r"CPU 1: (\d+) frame starts", ln) for ln in k)
              if m]
    tap.ok(frames and frames[0] > 0, "demo-smp: CPU 1 ran its window table", str(frames))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
