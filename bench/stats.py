# SPDX-License-Identifier: BSD-2-Clause
"""Parsing the benchmark programs' output and the statistics over it.

A program prints, for each measure NAME (bench/lib/samples.h):
    bench NAME h V*C V*C ...     histogram pairs, value V seen C times
    bench NAME n COUNT           number of samples (checks the histogram)
    bench NAME k KEY VALUE       extra facts: entries, ops, ...
possibly behind the kernel's "[PARTITION] " tag."""
import math
import re

LINE_RE = re.compile(r"^(?:\[\S+\] )?bench (\S+) ([hnk]) (.*)$")


class Measure:
    def __init__(self, name):
        self.name = name
        self.hist = {}
        self.count = None
        self.facts = {}

    def samples(self):
        return sum(self.hist.values())

    def percentile(self, p):
        """Nearest-rank percentile: the smallest value with at least p% of
        the samples at or below it."""
        rank = max(1, math.ceil(p / 100.0 * self.samples()))
        seen = 0
        for v in sorted(self.hist):
            seen += self.hist[v]
            if seen >= rank:
                return v
        raise ValueError(f"{self.name}: no samples")

    def summary(self):
        if not self.hist:
            return dict(self.facts)  # facts only (drift, timing overhead)
        vals = sorted(self.hist)
        out = {"samples": self.samples(), "min": vals[0], "median": self.percentile(50),
               "p99": self.percentile(99), "max": vals[-1],
               "mean": sum(v * c for v, c in self.hist.items()) / self.samples(),
               "hist": {str(v): self.hist[v] for v in vals}}  # for bench/charts.py
        if "entries" in self.facts and self.facts.get("ops"):
            out["traps_per_op"] = self.facts["entries"] / self.facts["ops"]
        out.update({k: v for k, v in self.facts.items()})
        return out


def parse(text):
    """{name: Measure} from one run's console output; raises ValueError if a
    measure's histogram disagrees with its announced count."""
    measures = {}
    for line in text.splitlines():
        m = LINE_RE.match(line.strip())
        if not m:
            continue
        name, kind, rest = m.groups()
        meas = measures.setdefault(name, Measure(name))
        if kind == "h":
            for pair in rest.split():
                v, c = pair.split("*")
                meas.hist[int(v)] = meas.hist.get(int(v), 0) + int(c)
        elif kind == "n":
            meas.count = int(rest)
        else:
            key, value = rest.split()
            meas.facts[key] = int(value)
    for meas in measures.values():
        if meas.count is not None and meas.count != meas.samples():
            raise ValueError(f"{meas.name}: {meas.samples()} samples, announced {meas.count}")
    return measures
