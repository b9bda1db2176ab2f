#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench: boots every benchmark system and native image under QEMU
-icount shift=0,sleep=off (one instruction per virtual ns, TSC = 1 GHz),
collects what the benchmark programs print, and prints one table of
instructions per operation (min / median / p99 / max) and kernel entries
per operation; writes the same as JSON. docs/performance.md explains it."""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "system"))
import footprint  # noqa: E402
import sysrun  # noqa: E402
import stats  # noqa: E402
import table  # noqa: E402

# (run name, image relative to $(B)/x86)
RUNS = [
    ("micro", "systems/bench-micro/system.elf"),
    ("switch", "systems/bench-switch/system.elf"),
    ("virq-alone", "systems/bench-virq-alone/system.elf"),
    ("virq-flood", "systems/bench-virq-flood/system.elf"),
    ("tm-pv", "systems/bench-tm/system.elf"),
    ("tm-native", "native/bench-tm.elf"),
    ("tmtick-pv", "systems/bench-tmtick/system.elf"),
    ("tmtick-native", "native/bench-tmtick.elf"),
]


def boot(name, image, timeout):
    """Runs one image to its end; returns (name, measures) or raises."""
    if not os.path.exists(image):
        raise RuntimeError(f"{name}: {image} missing")
    proc = subprocess.run(sysrun.qemu_command("x86", image, icount=True),
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=timeout)
    out = proc.stdout.decode("utf-8", "replace").replace("\r", "")
    # isa-debug-exit: status 1 is the kernel's (or exit(0)'s) orderly end.
    if proc.returncode != 1:
        raise RuntimeError(f"{name}: QEMU status {proc.returncode}\n{out[-2000:]}")
    return name, stats.parse(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None, help="JSON results file")
    ap.add_argument("--timeout", type=int, default=240)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    base = os.path.join(args.build, "x86")
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        jobs = [pool.submit(boot, n, os.path.join(base, img), args.timeout) for n, img in RUNS]
        for job in concurrent.futures.as_completed(jobs):
            name, measures = job.result()
            results[name] = {k: m.summary() for k, m in measures.items()}
    fp = footprint.footprint(args.build)
    rows = table.rows(results, fp)
    print(table.render(rows))
    if args.out:
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out, "w") as f:
            json.dump({"method": "qemu-system-i386 -icount shift=0,sleep=off: "
                       "1 instruction = 1 virtual ns = 1 TSC tick",
                       "rows": rows, "runs": results, "footprint": fp}, f, indent=1,
                      sort_keys=True)
        print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
