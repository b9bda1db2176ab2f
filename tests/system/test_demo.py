#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The demo of `make run` (apps/demo/demo.xml): the avionics pipeline runs
to its end; every command CONTROL sends over the queuing port reaches
MONITOR, in order; CONTROL sees each altitude SENSOR publishes."""
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
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
