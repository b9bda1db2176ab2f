#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""bench/table.py's verdicts on synthetic results: the hostile-neighbour
rows against a quiet neighbour whose window start reads 0 (RISC-V's
prepared start is under one clock count), and against a non-zero one; the
issue 17 rows' ratio verdicts, judged and only shown. TAP on stdout
(tests/run.py)."""
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "bench"))
import gen_hostile  # noqa: E402
import table  # noqa: E402


def hostile_results(key, arch, quiet_max, worst_max):
    """One system's runs: the quiet reference, then every other kind at worst_max."""
    kinds = gen_hostile.rows(key, arch)
    runs = {}
    for i, (_label, w) in enumerate(kinds):
        m = quiet_max if i == 0 else worst_max
        runs[f"window {w}"] = {"min": m, "max": m, "median": m, "mean": float(m), "n": 2000}
    return {f"hostile-{key}": runs}


def verdicts(arch, quiet_max, worst_max):
    key = sorted(gen_hostile.SYSTEMS)[0]
    rows = table._hostile_rows(hostile_results(key, arch, quiet_max, worst_max), arch)
    return [r["verdict"] for r in rows if "G = 0" not in r["section"]]


def main():
    cases = [
        ("quiet 0, every kind 0: 1.00x ok", "riscv", 0, 0, lambda v: v.endswith("ok")),
        ("quiet 0, a kind 100: MISSED", "riscv", 0, 100, lambda v: v.endswith("MISSED")),
        ("quiet 900, a kind 990: ok (1.1x)", "riscv", 900, 990, lambda v: v.endswith("ok")),
        ("quiet 900, a kind 1000: MISSED", "riscv", 900, 1000, lambda v: v.endswith("MISSED")),
        ("x86 quiet 116, every kind 116: ok", "x86", 116, 116, lambda v: v.endswith("ok")),
    ]
    pv, native = {"median": 812}, {"median": 122}
    ratio_cases = [
        ("a ratio target over: MISSED", ("ratio", 2.0), "6.66x, target <= 2.0x MISSED"),
        ("a ratio target met: ok", ("ratio", 7.0), "6.66x, target <= 7.0x ok"),
        ("a ratio only shown: no verdict", ("shown", None), "6.66x, no target"),
    ]
    print(f"1..{len(cases) + len(ratio_cases)}")
    failed = 0
    for n, (name, arch, quiet, worst, good) in enumerate(cases, 1):
        got = verdicts(arch, quiet, worst)
        # The first row is the quiet neighbour itself, always 1.00x.
        ok = len(got) > 1 and got[0].endswith("ok") and all(good(v) for v in got[1:])
        failed += not ok
        print(f"{'ok' if ok else 'not ok'} {n} - {name}" + ("" if ok else f" # {got}"))
    for n, (name, target, want) in enumerate(ratio_cases, len(cases) + 1):
        got = table._verdict(target, pv, native)
        failed += got != want
        print(f"{'ok' if got == want else 'not ok'} {n} - {name}" +
              ("" if got == want else f" # {got!r}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
