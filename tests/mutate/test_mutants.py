#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The mutant enumerator on a small C text: each operator where it applies,
nothing in comments, strings, #include or #if lines, and a stable order.
TAP on stdout (tests/run.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutants as M  # noqa: E402
import run as R  # noqa: E402

SRC = r"""#include <pv/abi.h>
#if X > 1
#endif
#define FL_A 0x1u
#define FL_B 0x2u
#define LIMIT 16
/* if (a < b) return 3; */
static const char *s = "a <= 2";
int f(unsigned a, unsigned b, int *p)
{
    if (a >= LIMIT)
        return -1;
    if (b & FL_A) {
        p[0] = 7;
        goto out;
    }
    if (a == b) {
        p[1] = 0;
    }
    a &= ~FL_B;
    p = &p[1];
out:
    return a != 0x10;
}
"""


def main():
    n = failed = 0

    def ok(cond, name):
        nonlocal n, failed
        n += 1
        failed += 0 if cond else 1
        print(f"{'ok' if cond else 'not ok'} {n} - {name}")

    fams = M.flag_families([SRC])
    ms = M.mutants_of("t.c", SRC, fams)
    got = {(m.line, m.op, m.old, m.new) for m in ms}
    ok(fams == {"FL_A": ["FL_B"], "FL_B": ["FL_A"]}, "single-bit defines of one prefix: a family")
    ok(all(m.line >= 4 for m in ms), "nothing in #include or #if lines")
    ok(not any(m.line in (7, 8) for m in ms), "nothing in comments or strings")
    ok((6, "obo", "16", "17") in got and (6, "obo", "16", "15") in got, "#define body: off by one")
    ok(not any(m.line in (4, 5) and m.op == "wide" for m in ms), "a #define's own name is kept")
    ok((11, "rel", ">=", ">") in got, "relational flip")
    ok((11, "drop", "(a >= LIMIT)", "(0 && (a >= LIMIT))") in got, "guard with return dropped")
    ok((13, "drop", "(b & FL_A)", "(0 && (b & FL_A))") in got, "guard block ending in goto dropped")
    ok(not any(m.line == 17 and m.op == "drop" for m in ms), "an if without a jump is no guard")
    ok((13, "wide", "&", "|") in got, "binary & widened")
    ok((13, "wide", "FL_A", "(FL_A | FL_B)") in got, "flag constant widened to its family")
    ok((20, "wide", "&=", "|=") in got, "&= widened")
    ok(not any(m.line == 21 and m.op == "wide" for m in ms), "address-of & is not an operator")
    ok((23, "obo", "0x10", "0x11") in got and (23, "obo", "0x10", "0xf") in got, "hex stays hex")
    ok(not any(m.new == "-1" for m in ms), "0 is not mutated to -1")
    again = [m.ident for m in M.mutants_of("t.c", SRC, fams)]
    ok(again == [m.ident for m in ms] and len(set(again)) == len(again), "stable, unique ids")
    ok(all(m.apply(SRC) != SRC for m in ms), "every mutant changes the text")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    srcs = M.source_files(root, "x86")
    ok("pv/include/pv/abi.h" in srcs and "pv/include/pv/hcall_args.h" not in srcs,
       "the tests' oracle hcall_args.h is not mutated")
    rv = M.source_files(root, "riscv")
    ok("kernel/arch/riscv/trap.c" in rv and "pv/arch/riscv/include/pv/arch.h" in rv
       and not any("/x86/" in f or "/sparc/" in f for f in rv),
       "riscv: its kernel and pv binding, no other arch's")
    ok(M.folder_of("kernel/arch/riscv/time.c") == "kernel/arch/riscv"
       and M.folder_of("pv/arch/riscv/libgcc/mem.c") == "pv", "riscv's folders")
    # equivalent.txt: a widened flag's id has spaces, every id matches its
    # mutant's, and every listed reason is there.
    wide = [m for m in ms if m.op == "wide" and " " in m.ident][0]
    ok(R.split_equivalent(f"{wide.ident} the reason (with parentheses)") ==
       (wide.ident, "the reason (with parentheses)"), "equivalent.txt: a widened flag's id whole")
    ok(R.split_equivalent("a.c:1:2:obo:3 why: (x | y) ") == ("a.c:1:2:obo:3", "why: (x | y)"),
       "equivalent.txt: an id without spaces, a reason with")
    listed = R.judged_equivalent(root)
    every = {m.ident for a in ("x86", "sparc", "riscv") for m in M.enumerate_mutants(root, a)}
    stale = sorted(i for i in listed if i not in every)
    ok(all(listed.values()) and not stale, "equivalent.txt: every entry names a mutant of the "
       "sources as they are, with a reason" + (f" (not found: {stale})" if stale else ""))
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
