#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make bench [ARCH=sparc|riscv]: boots every benchmark system and native image
under QEMU -icount shift=0,sleep=off (one instruction per virtual ns; x86:
TSC = 1 GHz; LEON3: the kernel's 25 ns GPTIMER clock by a trap-table trap;
RISC-V: the time CSR, 100 ns counts),
collects what the benchmark programs print, and prints one table of
instructions per operation (min / median / p99 / max) and kernel entries
per operation; writes the same as JSON. docs/performance.md explains it."""
import argparse
import concurrent.futures
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "system"))
import footprint  # noqa: E402
import gen_hostile  # noqa: E402
import gen_scaling  # noqa: E402
import sysrun  # noqa: E402
import stats  # noqa: E402
import table  # noqa: E402

# (run name, image relative to $(B)/ARCH, arches). The native port is
# bare x86 and RISC-V: on SPARC the RTEMS programs run on the pv port alone.
ALL = ("x86", "sparc", "riscv")
NATIVE = ("x86", "riscv")
RUNS = [
    ("micro", "systems/bench-micro/system.elf", ALL),
    ("micro-trace", "systems/bench-micro-trace/system.elf", ALL),
    ("switch", "systems/bench-switch/system.elf", ALL),
    ("virq-alone", "systems/bench-virq-alone/system.elf", ALL),
    ("virq-flood", "systems/bench-virq-flood/system.elf", ALL),
    ("tm-pv", "systems/bench-tm/system.elf", ALL),
    ("tm-native", "native/bench-tm.elf", NATIVE),
    ("tmtick-pv", "systems/bench-tmtick/system.elf", ALL),
    ("tmtick-native", "native/bench-tmtick.elf", NATIVE),
    ("tmtrace", "systems/bench-tmtrace/system.elf", ALL),
    ("tmtrace-off", "systems/bench-tmtrace-off/system.elf", ALL),
]
# The hostile-neighbour systems (bench/gen_hostile.py), with and without
# the guard band: the victim's window starts after each hostile kind.
RUNS += [(f"hostile-{k}{g}", f"systems/bench-hostile-{k}{g}/system.elf", ALL)
         for k in sorted(gen_hostile.SYSTEMS) for g in ("", "-noguard")]
# The scale systems (bench/gen_scaling.py): partitions and windows per frame.
RUNS += [(f"scale-{p}-{w}", f"systems/bench-scale-{p}-{w}/system.elf", ALL)
         for p, w in gen_scaling.SYSTEMS]
# Arches whose native images may be missing (a build without the native
# port): the table then has the pv column alone and says so per row.
NATIVE_OPTIONAL = ("riscv",)
# Multicore (#20): runs named smpN boot on -smp N.
RUNS += [("smp4", "systems/bench-smp4/system.elf", ("x86",)),
         ("smp2-skew", "systems/bench-skew/system.elf", ("x86",)),
         ("smp2-handover", "systems/bench-handover/system.elf", ("x86",)),
         ("smp2-handover-fixed", "systems/bench-handover-fixed/system.elf", ("x86",))]


def boot(arch, name, image, timeout):
    """Runs one image to its end; returns (name, measures) or raises."""
    if not os.path.exists(image):
        raise RuntimeError(f"{name}: {image} missing")
    smp = int(re.match(r"smp(\d+)", name).group(1)) if name.startswith("smp") else None
    raw, rc = sysrun.run_to_end(arch, image, timeout, smp=smp)
    out = raw.decode("utf-8", "replace").replace("\r", "")
    if rc is None:
        raise RuntimeError(f"{name}: timed out after {timeout} s\n{out[-2000:]}")
    # x86 isa-debug-exit: status 1 is the kernel's (or exit(0)'s) orderly
    # end; sparc: `ta 0` with traps off, QEMU status 0; riscv: sifive_test
    # (sysrun.exit_status knows each).
    if sysrun.exit_status(arch, rc) != 0:
        raise RuntimeError(f"{name}: QEMU status {rc}\n{out[-2000:]}")
    if name.startswith("hostile"):
        return name, parse_victim(out)
    if name in ("smp2-skew", "smp2-handover", "smp2-handover-fixed"):
        return name, stats.parse(out)
    if name.startswith("smp"):
        return name, parse_ap_timers(out)
    return name, stats.parse(out)


VICTIM = re.compile(r"\[VICTIM\] window (\d+): n=(\d+) min=(\d+) max=(\d+) hash=([0-9a-f]+)")


def parse_victim(out):
    """tests/system/parts/victim.c's lines: window start latency per window."""
    return {f"window {m.group(1)}": {"n": int(m.group(2)), "min": int(m.group(3)),
                                     "max": int(m.group(4)), "hash": m.group(5)}
            for m in VICTIM.finditer(out)}


AP_TIMER = re.compile(r"\[tessera\] CPU (\d+): (\d+) frame starts, the timer (\d+)\.\.(\d+) ns "
                      r"after one")


def parse_ap_timers(out):
    """kernel/arch/x86/smp.c's report at shutdown: each AP's frame-start
    timer interrupts, how long after the frame start they came."""
    return {f"cpu {m.group(1)}": {"n": int(m.group(2)), "min": int(m.group(3)),
                                  "max": int(m.group(4))}
            for m in AP_TIMER.finditer(out)}


def correct_means(run):
    """A coarse clock (SPARC, RISC-V: bench/lib/tsc.h): every sample is a
    whole number of 25 (RISC-V: 100) ns ticks less the smallest empty timed
    region (also whole ticks), so the samples' mean is too high by the mean
    empty region minus
    the smallest, which the program reports; take that off. Only the mean
    becomes exact this way (the samples are spread over the tick's phases);
    min/median/p99/max stay as measured."""
    timing = run.get("timing", {})
    for s in run.values():
        if "mean" not in s or "ops" not in s:
            continue
        if "loop_step_mean_milli" in s:
            s["mean"] -= s["loop_step_mean_milli"] / 1000 - s["loop_step"]
        elif "overhead_mean_milli" in timing:
            s["mean"] -= timing["overhead_mean_milli"] / 1000 - timing["overhead"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--arch", default="x86", choices=ALL)
    ap.add_argument("--build", default="build")
    ap.add_argument("--out", default=None, help="JSON results file")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", default=None,
                    help="run only the runs whose name starts with this (e.g. hostile)")
    args = ap.parse_args()

    base = os.path.join(args.build, args.arch)
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = [(n, os.path.join(base, img)) for n, img, arches in RUNS
                if args.arch in arches and (args.only is None or n.startswith(args.only))]
        if args.arch in NATIVE_OPTIONAL:
            missing = [n for n, img in runs if n.endswith("-native") and not os.path.exists(img)]
            if missing:
                print(f"no native images ({', '.join(missing)}): the pv column alone")
            runs = [(n, img) for n, img in runs if n not in missing]
        jobs = [pool.submit(boot, args.arch, n, img, args.timeout) for n, img in runs]
        for job in concurrent.futures.as_completed(jobs):
            name, measures = job.result()
            results[name] = {k: m if isinstance(m, dict) else m.summary()
                             for k, m in measures.items()}
            if args.arch in ("sparc", "riscv"):
                correct_means(results[name])
    # A partial run (--only) may lack the systems the footprint reads.
    fp = footprint.footprint(args.build, args.arch) if args.only is None else {}
    rows = table.rows(results, fp, args.arch)
    print(table.render(rows, args.arch))
    if args.out:
        os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
        with open(args.out, "w") as f:
            json.dump({"arch": args.arch, "method": table.METHOD[args.arch],
                       "rows": rows, "runs": results, "footprint": fp}, f, indent=1,
                      sort_keys=True)
        print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
