#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The hypercall fuzzer (tests/system/parts/fuzzer.c, docs/testing.md) next to
a victim (fuzzvictim.c), compared with the same system whose neighbour only
spins. Without arguments: the short seeded run of `make test`. With
--system/--reference/--seed/--calls: `make fuzz-hypercalls`.

Checks: the kernel did not panic and shut down in order (QEMU did not hang),
the fuzzer made every call and found nothing, and the victim's lines are
those of the reference run: all of them under -icount (window-start
latencies included: byte-identical on x86 and RISC-V, within the issue's
1.1x on SPARC), the work lines (FPU and memory) without it."""
import argparse
import re
import sys
import time
from sysrun import Tap, boot, CLEAN, ARCH

DONE = re.compile(r"fuzz done: seed=(\d+) calls=(\d+) .* findings=(\d+) unexpected=(\d+)")


# The isolation target of issue 14: a neighbour moves the next window
# start by at most 10 %. Byte-identical is the aim, and what x86 and RISC-V
# are held to (their idle loops spin through the guard band's last 2 us,
# RISC-V's window start is armed on the time CSR's grid: docs/testing.md);
# on SPARC latencies are held to the target (a 10^7-call run had one block
# two 25 ns ticks off), everything else the victim reports (FPU, memory) to
# the byte. A difference within the target is printed.
TARGET = 1.1
EXACT = ARCH in ("x86", "riscv")
LAT = re.compile(r"lat (\d+): n=(\d+) min=(\d+) max=(\d+)")


def latency_within(got, want):
    g, w = LAT.match(got), LAT.match(want)
    if not g or not w or g.group(1, 2) != w.group(1, 2):
        return False
    gmin, gmax, wmin, wmax = (int(x) for x in (g.group(3), g.group(4), w.group(3), w.group(4)))
    return gmax <= wmax * TARGET and gmin * TARGET >= wmin


def victim_lines(run, icount):
    lines = [ln for ln in run.partition_lines("V") if ln.startswith(("lat ", "work ", "unit "))]
    return lines if icount else [ln for ln in lines if not ln.startswith("lat ")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", default="fuzz-short")
    ap.add_argument("--reference", default="fuzz-ref")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--calls", type=int, default=20000)
    ap.add_argument("--icount", default="yes", choices=["yes", "no"])
    ap.add_argument("--timeout", type=int, default=0)
    args = ap.parse_args()
    icount = args.icount == "yes"
    timeout = args.timeout or max(300, args.calls // 2000)
    tap = Tap()
    t0 = time.time()
    run = boot(args.system, timeout=timeout, icount=icount)
    took = time.time() - t0
    print(f"# {ARCH} {args.system}: seed {args.seed}, {args.calls} calls, "
          f"icount {args.icount}: {took:.0f} s")
    fuzz = run.partition_lines("F")
    done = [m for m in map(DONE.search, fuzz) if m]
    progress = [ln for ln in fuzz if ln.startswith("progress ")]
    repro = (f"reproduce: make fuzz-hypercalls ARCH={ARCH} SEED={args.seed} CALLS={args.calls} "
             f"TRACE_FROM=<a call number shortly before the failure> "
             f"(last progress: {progress[-1] if progress else 'none'})")
    tap.ok("PANIC" not in run.output, f"fuzz {args.seed}: no kernel panic",
           run.output[-3000:] + "\n" + repro)
    tap.eq(run.status, CLEAN, f"fuzz {args.seed}: the system shut down in order (no hang)")
    tap.ok(done and int(done[0].group(2)) == args.calls,
           f"fuzz {args.seed}: the fuzzer made its {args.calls} calls",
           "\n".join(fuzz[-30:] + run.kernel_lines()[-10:]) + "\n" + repro)
    if done:
        print(f"# {done[0].group(0)}")
    findings = [ln for ln in fuzz if re.search(r"FINDING|unexpected fault|^  call ", ln)]
    tap.ok(done and done[0].group(3) == "0" and done[0].group(4) == "0" and not findings,
           f"fuzz {args.seed}: no finding", "\n".join(findings[:60]))
    ref = boot(args.reference, timeout=timeout, icount=icount)
    tap.eq(ref.status, CLEAN, f"fuzz {args.seed}: the reference run shut down in order")
    got, want = victim_lines(run, icount), victim_lines(ref, icount)
    tap.ok(len(got) >= 2 and len(want) >= len(got),
           f"fuzz {args.seed}: the victim ran through the fuzzing, the reference longer",
           f"victim lines: {len(got)} fuzzed, {len(want)} reference")
    bad = [ln for ln in got if "BAD" in ln or "LOST" in ln]
    # The latency lines and the work lines each in their order: where a
    # latency is within the target but not identical (SPARC), V's work may
    # cross a line's end a window earlier or later, and the two kinds
    # interleave differently.
    diff = []
    for lat in (True, False):
        g_lines = [ln for ln in got if ln.startswith("lat ") == lat]
        w_lines = [ln for ln in want if ln.startswith("lat ") == lat]
        diff += [(i, g, w) for i, (g, w) in enumerate(zip(g_lines, w_lines)) if g != w and not
                 (lat and not EXACT and latency_within(g, w))]
    tap.ok(not bad and not diff, f"fuzz {args.seed}: the victim's output is the reference's",
           "\n".join(bad[:5] + [f"line {i}: {g!r} != {w!r}" for i, g, w in diff[:10]]))
    lat_got = [ln for ln in got if ln.startswith("lat ")]
    lat_want = [ln for ln in want if ln.startswith("lat ")]
    moved = [(g, w) for g, w in zip(lat_got, lat_want) if g != w]
    if moved:
        print(f"# window-start latencies not byte-identical (within {TARGET}x) in {len(moved)} "
              f"of {len(lat_got)} blocks: {moved[0]}")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
