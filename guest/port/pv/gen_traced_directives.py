#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Generates the traced executive library's directive wrappers
(docs/tracing.md, "Directive calls"): from the directive ids of
tessera/trace_directives.h and the prototypes of <rtems.h> (preprocessed,
so every header it includes is seen as the compiler sees it), writes

  OUTDIR/D.c  per directive D with id N a definition of D that records
            DIRECTIVE_ENTRY N, calls tessera_untraced_D with the same
            arguments and records DIRECTIVE_EXIT N with its status (a
            directive that never returns records its entry only), a file
            each so that an application links the wrappers (and through
            them the bodies) of the directives it calls, no more;
  SYMS      the objcopy --redefine-syms lines "D tessera_untraced_D" that
            turn a copy of libexec.a into the bodies the wrappers call.

The untraced library is not touched: the traced one is derived from it.
Fails (exit 1, one line per problem) when a directive of <rtems.h> (a
function rtems_* returning rtems_status_code, or a _Noreturn void one) has
no id, when an id names no such directive, or when ids or names repeat."""
import argparse
import os
import re
import sys


def read_ids(path):
    text = re.sub(r"\\\n", " ", open(path, encoding="utf-8").read())
    m = re.search(r"#define\s+TESSERA_TRACE_DIRECTIVE_LIST\(X\)(.*)", text)
    if not m:
        sys.exit(f"{path}: no TESSERA_TRACE_DIRECTIVE_LIST")
    return [(int(i), n) for i, n in re.findall(r"\bX\((\d+),\s*(\w+)\)", m.group(1))]


def read_directives(path):
    """{name: (noreturn, parameter text)} of the directives declared in
    the preprocessed header: declarations only (an inline function's
    definition is not a directive of the library)."""
    text = re.sub(r"\s+", " ", open(path, encoding="utf-8").read())
    found = {}
    for chunk in re.split(r"[;{}]", text):
        m = re.fullmatch(r" *(_Noreturn )?(?:extern )?(rtems_status_code|void) +(rtems_\w+) *"
                         r"\((.*)\) *", chunk)
        if m and (m.group(2) == "rtems_status_code" or m.group(1)):
            found[m.group(3)] = (bool(m.group(1)), m.group(4).strip())
    return found


def split_params(params):
    out, depth, cur = [], 0, ""
    for c in params:
        depth += c == "("
        depth -= c == ")"
        if c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return [] if out == ["void"] else out


def param_name(param):
    m = re.search(r"\(\s*\*\s*(\w+)\s*\)\s*\(", param)  # a function pointer
    if not m:
        m = re.search(r"[\s*](\w+)\s*(?:\[[^\]]*\])?$", param)
    return m.group(1) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", required=True, help="tessera/trace_directives.h")
    ap.add_argument("--decls", required=True, help="<rtems.h> preprocessed")
    ap.add_argument("--outdir", required=True, help="the folder for the wrappers' C files")
    ap.add_argument("--syms", required=True, help="the objcopy --redefine-syms file to write")
    args = ap.parse_args()

    ids = read_ids(args.ids)
    directives = read_directives(args.decls)
    errors = []
    names = [n for _, n in ids]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        errors.append(f"{args.ids}: {dup} has more than one id")
    numbers = [i for i, _ in ids]
    for dup in sorted({i for i in numbers if numbers.count(i) > 1}):
        errors.append(f"{args.ids}: id {dup} is given twice")
    for i, n in ids:
        if n not in directives:
            errors.append(f"{args.ids}: id {i} names {n}, which <rtems.h> does not declare "
                          "as a directive")
    for n in sorted(set(directives) - set(names)):
        errors.append(f"{args.ids}: the directive {n} has no id: add X({max(numbers, default=0) + 1}"
                      f", {n}) at the end of the list")
    wrappers = {}
    for i, n in ids:
        if n not in directives:
            continue
        noreturn, params = directives[n]
        plist = split_params(params)
        argnames = [param_name(p) for p in plist]
        if None in argnames:
            errors.append(f"{n}: a parameter without a name in <rtems.h> ({params})")
            continue
        decl = ", ".join(plist) or "void"
        call = f"tessera_untraced_{n}({', '.join(argnames)})"
        if noreturn:
            wrappers[n] = (f"_Noreturn void tessera_untraced_{n}({decl});\n"
                            f"void {n}({decl})\n{{\n"
                            f"    tessera_trace_directive_entry({i}u);\n    {call};\n}}\n")
        else:
            wrappers[n] = (f"rtems_status_code tessera_untraced_{n}({decl});\n"
                            f"rtems_status_code {n}({decl})\n{{\n"
                            f"    tessera_trace_directive_entry({i}u);\n"
                            f"    return tessera_trace_directive_exit({i}u, {call});\n}}\n")
    if errors:
        for e in errors:
            print(f"gen_traced_directives: {e}", file=sys.stderr)
        return 1
    os.makedirs(args.outdir, exist_ok=True)
    for old in os.listdir(args.outdir):
        if old.endswith(".c"):
            os.remove(os.path.join(args.outdir, old))
    for n, text in wrappers.items():
        with open(os.path.join(args.outdir, n + ".c"), "w", encoding="utf-8") as f:
            f.write("/* SPDX-License-Identifier: BSD-2-Clause */\n"
                    "/* Generated by guest/port/pv/gen_traced_directives.py: do not edit. */\n"
                    "#include <rtems.h>\n#include <tessera/trace.h>\n\n" + text)
    with open(args.syms, "w", encoding="utf-8") as f:
        f.writelines(f"{n} tessera_untraced_{n}\n" for _, n in ids)
    return 0


if __name__ == "__main__":
    sys.exit(main())
