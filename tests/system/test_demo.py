#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The demo of `make run` (apps/demo/demo.xml): the avionics pipeline runs
to its end; every command CONTROL sends over the queuing port reaches
MONITOR, in order; CONTROL sees each altitude SENSOR publishes. GYRO's
planted memory violation is answered by two cold restarts and then a
restart-loop halt, which SUPERVISOR reports from the HM log before it
switches the schedule plan."""
import sys
from sysrun import Tap, boot, CLEAN


def main():
    tap = Tap()
    run = boot("demo", timeout=300)
    tap.eq(run.status, CLEAN, "demo: the three applications end and the system shuts down")
    sensor = run.partition_lines("SENSOR")
    control = run.partition_lines("CONTROL")
    monitor = run.partition_lines("MONITOR")
    sent = [ln.split('"')[1] for ln in control if ln.startswith("control: altitude")]
    applied = [ln.split('"')[1] for ln in monitor if ln.startswith("monitor: applying")]
    tap.ok(len(sent) >= 5, "demo: CONTROL sent commands", "\n".join(control))
    tap.eq(applied, sent, "demo: MONITOR applied every command, in order")
    tap.eq(monitor[-1:], [f"MONITOR done: {len(sent)} commands applied"], "demo: MONITOR ended")
    published = {ln.split()[4] for ln in sensor if ln.startswith("sensor: sample")}
    seen = {ln.split()[2] for ln in control if ln.startswith("control: altitude")}
    tap.ok(seen and seen <= published, "demo: CONTROL only saw altitudes SENSOR published",
           f"published {sorted(published)}, seen {sorted(seen)}")
    tap.eq(sensor[-1:], ["SENSOR done"], "demo: SENSOR ended")
    gyro = run.partition_lines("GYRO")
    boots = [ln for ln in gyro if ln.startswith("gyro: boot")]
    tap.eq(boots, ["gyro: boot after 0 restarts (start condition 0)",
                   "gyro: boot after 1 restarts (start condition 3)",
                   "gyro: boot after 2 restarts (start condition 3)"],
           "demo: GYRO restarted cold twice by the health monitor")
    tap.eq(gyro.count("gyro: applying the calibration table"), 3, "demo: GYRO faulted three times")
    k = run.kernel_lines()
    tap.ok("partition GYRO stopped: health monitor: restart-loop" in k,
           "demo: the third fault is a restart loop and halts GYRO", "\n".join(k))
    sup = run.partition_lines("SUPERVISOR")
    tap.eq([ln for ln in sup if "hm log" in ln],
           ["supervisor: hm log 0: partition 4 memory-violation -> cold-restart",
            "supervisor: hm log 1: partition 4 memory-violation -> cold-restart",
            "supervisor: hm log 2: partition 4 memory-violation -> cold-restart",
            "supervisor: hm log 3: partition 4 restart-loop -> halt"],
           "demo: SUPERVISOR reports the HM log")
    tap.ok("supervisor: GYRO stopped after 2 restarts; requesting plan degraded" in sup and
           any(ln.startswith("supervisor: plan degraded in effect") for ln in sup),
           "demo: SUPERVISOR switches the plan after GYRO stopped", "\n".join(sup))
    tap.eq(sup[-1:], ["SUPERVISOR done"], "demo: SUPERVISOR ended")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
