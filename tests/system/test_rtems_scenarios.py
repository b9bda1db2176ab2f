#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The RTEMS scenario programs of apps/tests, each running as a partition on
the pv port, all in one system (tests/system/systems/rtems-scenarios.xml):
each partition's console must equal the scenario's expected.txt - the same
file the host and native ports are checked against - and every partition
must end by halting itself, none stopped by the kernel."""
import os
import sys
from sysrun import Tap, boot, CLEAN

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SYSTEMS = {
    "rtems-scenarios": ["hello01", "task01", "sem01", "event01", "msgq01", "timer01", "sched01",
                        "slice01"],
    "rtems-scenarios-b": ["rtmon01", "part01", "region01", "barrier01", "signal01", "dpmem01",
                          "object01", "ext01", "fp01", "io01"],
    "rtems-scenarios-c": ["compat01", "stdio01"],
    "rtems-scenarios-d": ["compat02"],
    "rtems-scenarios-e": ["order01"],
    "rtems-scenarios-f": ["psx01", "psx02"],
    "rtems-scenarios-g": ["compat03"],
    "rtems-scenarios-h": ["psx03", "psx04"],
    "rtems-scenarios-i": ["psx05", "psx06"],
    "rtems-scenarios-j": ["psx07"],
}


def main():
    tap = Tap()
    for system, names in SYSTEMS.items():
        run = boot(system, timeout=300)
        tap.eq(run.status, CLEAN, f"{system}: every partition ends and the system shuts down")
        kernel = run.kernel_lines()
        for name in names:
            part = name.upper()
            with open(os.path.join(ROOT, "apps", "tests", name, "expected.txt")) as f:
                want = f.read().splitlines()
            got = run.partition_lines(part)
            diff = [f"line {i + 1}: want {w!r}, got {g!r}"
                    for i, (w, g) in enumerate(zip(want + [None] * len(got), got + [None] * len(want)))
                    if w != g][:8]
            tap.ok(got == want, f"{system}: {name} as a partition prints its expected output",
                   "\n".join(diff))
            tap.ok(f"partition {part} halted" in kernel, f"{system}: {name} halted itself",
                   "\n".join(kernel))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
