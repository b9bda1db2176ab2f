#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Each arch's trap table (trap_kinds in kernel/arch/<arch>/trap.c: trap
number, name, health-monitor class) against the mapping docs/pv-api.md
states ("Mapping of CPU exceptions"), written down here independently of
the tables. A fault class the system tests do not provoke (a #TS, a
coprocessor trap) would otherwise change unnoticed. TAP on stdout."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

MEM, PRIV, ILL, DIV, FPU, ALIGN = ("MEMORY_VIOLATION", "PRIVILEGED_INSTRUCTION",
                                   "ILLEGAL_INSTRUCTION", "DIVIDE_ERROR", "FPU_ERROR",
                                   "MISALIGNED_ACCESS")

# x86: vector -> (mnemonic the name starts with, class). #AC cannot happen
# (the kernel never sets CR0.AM) but has its natural class.
X86 = {0: ("#DE", DIV), 1: ("#DB", ILL), 2: ("NMI", ILL), 3: ("#BP", ILL), 4: ("#OF", ILL),
       5: ("#BR", ILL), 6: ("#UD", ILL), 7: ("#NM", FPU), 8: ("#DF", ILL),
       9: ("coprocessor", ILL), 10: ("#TS", PRIV), 11: ("#NP", PRIV), 12: ("#SS", MEM),
       13: ("#GP", PRIV), 14: ("#PF", MEM), 15: ("reserved", ILL), 16: ("#MF", FPU),
       17: ("#AC", ALIGN), 18: ("#MC", ILL), 19: ("#XM", FPU), 20: ("#VE", ILL),
       21: ("#CP", ILL)}

# SPARC V8 trap types (SPARC V8 manual, table 7-1) -> class.
SPARC = {0x01: MEM, 0x02: ILL, 0x03: PRIV, 0x04: FPU, 0x05: MEM, 0x06: MEM, 0x07: ALIGN,
         0x08: FPU, 0x09: MEM, 0x0a: ILL, 0x0b: ILL, 0x20: ILL, 0x21: MEM, 0x24: ILL,
         0x25: ILL, 0x28: ILL, 0x29: MEM, 0x2a: DIV, 0x2b: MEM, 0x2c: MEM, 0x3c: MEM}


def defines(path):
    """The numeric #defines of a header: name -> value."""
    text = open(os.path.join(ROOT, path), encoding="utf-8").read()
    return {n: int(v, 0) for n, v in
            re.findall(r"^#define\s+(\w+)\s+(0x[0-9a-fA-F]+|\d+)\b", text, re.M)}


def table(path, names):
    """The rows of trap_kinds in path: [(number, name, class)], in order."""
    text = open(os.path.join(ROOT, path), encoding="utf-8").read()
    m = re.search(r"trap_kinds\[\w+\] = \{(.*?)\n\};", text, re.S)
    if not m:
        return None
    rows = []
    for idx, name, cls in re.findall(r"\[(\w+)\]\s*=\s*\{\s*\"([^\"]+)\",\s*PV_HM_(\w+)\s*\}",
                                     m.group(1)):
        rows.append((names[idx] if idx in names else int(idx, 0), name, cls))
    return rows


def main():
    n = failed = 0

    def ok(cond, name, diag=""):
        nonlocal n, failed
        n += 1
        print(f"{'ok' if cond else 'not ok'} {n} - {name}")
        if not cond:
            failed += 1
            for line in str(diag).splitlines()[:40]:
                print(f"#   {line}")

    x86 = table("kernel/arch/x86/trap.c", defines("kernel/arch/x86/include/x86.h"))
    sparc = table("kernel/arch/sparc/trap.c", defines("kernel/arch/sparc/include/sparc.h"))
    for arch, rows, want in (("x86", x86, X86), ("sparc", sparc, SPARC)):
        ok(rows is not None and len(rows) >= len(want), f"{arch}: trap_kinds found and parsed",
           rows)
        rows = rows or []
        numbers = [r[0] for r in rows]
        ok(len(numbers) == len(set(numbers)), f"{arch}: each trap number has one row", numbers)
        got = {r[0]: r[2] for r in rows}
        ok(got == {k: (v[1] if isinstance(v, tuple) else v) for k, v in want.items()},
           f"{arch}: every trap number has the class docs/pv-api.md gives it",
           f"got  {sorted(got.items())}\nwant {sorted(want.items())}")
        if arch == "x86":
            bad = [r for r in rows if r[0] in want and not r[1].startswith(want[r[0]][0])]
            ok(not bad, "x86: each vector's name is its exception's", bad)
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
