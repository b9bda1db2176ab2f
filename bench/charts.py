#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The charts of `make bench` (issue 17), drawn from the JSON that
bench/run.py writes, as SVG with Debian's python3-matplotlib:

    ARCH-distributions.svg  per measure of the pv API, schedule and RTEMS
                            sections, the distribution of its samples: a
                            box from the 25th to the 75th percentile, the
                            median, whiskers to the 1st and 99th, the min and
                            max as points (log scale: 3 to 5,000 instructions)
    ARCH-pv-native.svg      per RTEMS directive, the pv median beside the
                            native one (x86; LEON3 has no native port, so
                            there its pv medians stand alone)

    bench/charts.py build/bench/results.json --out build/bench

The SVGs are reproducible (no date, fixed ids): the same results draw the
same bytes. docs/performance.md shows this session's."""
import argparse
import json
import math
import os
import sys

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

SECTIONS = ("pv API", "schedule and virtual interrupts")
RTEMS_PREFIX = "RTEMS directives"


def percentile(hist, p):
    """Nearest-rank percentile of a {value: count} histogram (as
    bench/stats.py)."""
    total = sum(hist.values())
    rank = max(1, math.ceil(p / 100.0 * total))
    seen = 0
    for v in sorted(hist):
        seen += hist[v]
        if seen >= rank:
            return v
    raise ValueError("empty histogram")


def box_stats(label, s):
    """matplotlib's bxp() statistics from a row's summary: with the
    histogram when the run kept it, else from min/median/p99/max."""
    hist = {int(v): c for v, c in s.get("hist", {}).items()}
    if hist:
        q1, q3, lo, hi = (percentile(hist, p) for p in (25, 75, 1, 99))
    else:
        q1, q3, lo, hi = s["median"], s["median"], s["min"], s["p99"]
    return {"label": label, "med": s["median"], "q1": q1, "q3": q3, "whislo": lo,
            "whishi": hi, "fliers": sorted({s["min"], s["max"]} - {lo, hi})}


def measured_rows(rows):
    """The rows with a pv distribution, in table order: pv API, schedule,
    RTEMS directives."""
    return [r for r in rows if r.get("pv") and "median" in r["pv"] and
            (r["section"] in SECTIONS or r["section"].startswith(RTEMS_PREFIX))]


def setup():
    plt.rcParams.update({"svg.hashsalt": "tessera-bench", "font.size": 8,
                         "svg.fonttype": "none"})


SPDX = "<!-- SPDX-License-Identifier: BSD-2-Clause -->\n"


def save(fig, path):
    """The SVG, with the project's licence line after the XML declaration
    (the charts are committed under docs/)."""
    fig.savefig(path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    with open(path) as f:
        head, rest = f.read().split("\n", 1)
    with open(path, "w") as f:
        f.write(head + "\n" + SPDX + rest)


def distributions(rows, arch, path):
    data = measured_rows(rows)
    stats = [box_stats(r["measure"], r["pv"]) for r in data]
    fig, ax = plt.subplots(figsize=(8, 0.22 * len(stats) + 1))
    ax.bxp(stats[::-1], vert=False, showfliers=True, widths=0.6,
           flierprops={"marker": "o", "markersize": 3})
    ax.set_xscale("log")
    ax.set_xlim(left=1)  # a 0 (a sub-tick cost on SPARC) is drawn at the axis
    ax.set_xlabel("instructions under -icount (1 instruction = 1 ns)" +
                  ({"sparc": "; 25 ns clock ticks", "riscv": "; 100 ns clock counts"}.get(arch, "")))
    ax.set_title(f"Tessera {arch}: distribution per measure (box 25-75%, whiskers 1-99%, "
                 "points min/max)")
    ax.grid(axis="x", which="both", alpha=0.3)
    save(fig, path)


def pv_native(rows, arch, path):
    data = [r for r in rows if r["section"].startswith(RTEMS_PREFIX) and r.get("pv")]
    labels = [r["measure"] for r in data][::-1]
    pv = [r["pv"]["median"] for r in data][::-1]
    native = [(r.get("native") or {}).get("median", 0) for r in data][::-1]
    y = range(len(labels))
    fig, ax = plt.subplots(figsize=(8, 0.26 * len(labels) + 1))
    if any(native):
        ax.barh([i + 0.2 for i in y], native, height=0.4, label="native", color="#999999")
        ax.barh([i - 0.2 for i in y], pv, height=0.4, label="pv (Tessera)", color="#3070b0")
        ax.legend(loc="lower right")
        ax.set_title(f"Tessera {arch}: RTEMS directives, pv beside native (median)")
    else:
        ax.barh(list(y), pv, height=0.6, label="pv (Tessera)", color="#3070b0")
        ax.set_title(f"Tessera {arch}: RTEMS directives, pv (median; no native port here)")
    ax.set_yticks(list(y))
    ax.set_yticklabels(labels)
    ax.set_xlabel("instructions (median)")
    ax.grid(axis="x", alpha=0.3)
    save(fig, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("results", help="results.json of bench/run.py")
    ap.add_argument("--out", required=True, help="directory for the SVGs")
    args = ap.parse_args()
    with open(args.results) as f:
        res = json.load(f)
    arch = res["arch"]
    os.makedirs(args.out, exist_ok=True)
    setup()
    distributions(res["rows"], arch, os.path.join(args.out, f"{arch}-distributions.svg"))
    pv_native(res["rows"], arch, os.path.join(args.out, f"{arch}-pv-native.svg"))
    print(f"charts: {args.out}/{arch}-distributions.svg, {arch}-pv-native.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
