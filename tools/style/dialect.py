#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The project's one C dialect, checked (and with --fix, applied) by clang's
own parsers, so that macros, comments and strings cannot fool it
(docs/style.md, "One dialect"):

  - every body of if/else/for/while/do has braces (clang-tidy's
    readability-braces-around-statements);
  - the null pointer is written NULL, never 0 (a clang-query matcher: an
    integer literal converted to a pointer type).

Each C file is parsed with the flags the build gives it: the compile
commands come from `make -Bn V=1 ARCH=a test-build` for every arch named,
rewritten for clang (target, include paths and defines kept, gcc's own
options dropped). A file that does not parse is a failure, not a skip.

  dialect.py [--fix] [--arch x86 --arch sparc ...] [--build B] [--tap] [FILE...]
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ARCHES = ("x86", "sparc", "riscv")
# Files not compiled by any arch's test-build (host helpers built by other
# rules) are parsed with these host flags.
HOST_FLAGS = ["-std=gnu11", "-D_POSIX_C_SOURCE=200809L", "-I/usr/include/libxml2",
              "-Iconfig/src", "-Ikernel/core/include", "-Ipv/include", "-Ipv/arch/x86/include",
              "-Ikernel/arch/x86/include", "-Iguest/include", "-Iguest/port",
              "-Iguest/port/host/include", "-Itests/unit/include", "-Iapps/lib/tp",
              "-Iguest/port/pv/include"]
BRACES = "readability-braces-around-statements"
NULL_MATCHER = ("implicitCastExpr(hasSourceExpression(ignoringParens(integerLiteral(equals(0)))), "
                "hasImplicitDestinationType(pointerType()), "
                "unless(isExpansionInSystemHeader()))")
PROJECT_PREFIXES = ("kernel/", "pv/", "guest/", "config/", "apps/", "tests/", "bench/", "tools/")


def clang_resource_include():
    out = subprocess.run(["clang", "-print-resource-dir"], stdout=subprocess.PIPE,
                         check=True).stdout.decode().strip()
    return os.path.join(out, "include")


def clang_flags(argv, resource_include):
    """gcc's command line for one file -> the flags clang needs to parse it."""
    compiler = os.path.basename(argv[0])
    if compiler.startswith("sparc"):
        flags = ["--target=sparc-unknown-elf"]
    elif compiler.startswith("riscv64"):
        flags = ["--target=riscv64-unknown-elf", "-march=rv64imac"]
    elif "-m32" in argv:
        flags = ["--target=i386-unknown-elf"]
    else:
        flags = []
    nostdinc = False
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-I", "-isystem", "-include", "-D", "-U") and i + 1 < len(argv):
            if not (a == "-isystem" and argv[i + 1].startswith("/usr/lib/gcc")):
                flags += [a, argv[i + 1]]
            i += 2
            continue
        if a.startswith(("-I", "-D", "-U", "-std=")) or a in ("-ffreestanding", "-nostdinc"):
            flags.append(a)
            nostdinc |= a == "-nostdinc"
        i += 1
    if nostdinc:
        flags += ["-isystem", resource_include]
    return flags


def compile_commands(arches, build):
    """{source: clang flags} from the build's own commands, first arch wins."""
    resource_include = clang_resource_include()
    commands = {}
    # Run from `make test`: the dry runs must not join its job server.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    for arch in arches:
        r = subprocess.run(["make", "-Bn", "V=1", f"ARCH={arch}", f"B={build}", "HOST_TESTS=yes",
                            "test-build"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        text = r.stdout.decode(errors="replace").replace("\\\n", " ")
        for line in text.splitlines():
            try:
                argv = shlex.split(line)
            except ValueError:
                continue
            if not argv or not os.path.basename(argv[0]).endswith(("gcc", "cc", "clang")):
                continue
            for src in argv[1:]:
                if src.endswith(".c") and os.path.exists(src) and src not in commands:
                    commands[src] = clang_flags(argv, resource_include)
    return commands


def other_arch_file(path, arches):
    parts = path.split("/")
    for i in range(len(parts) - 1):
        if parts[i] in ("arch", "cpu", "native") and parts[i + 1] in ARCHES:
            return parts[i + 1] not in arches
    # A test partition of one arch (tests/system/parts/sparc_traps.c).
    if parts[:3] == ["tests", "system", "parts"] and parts[-1].split("_")[0] in ARCHES:
        return parts[-1].split("_")[0] not in arches
    return False


def tracked_c_files():
    out = subprocess.run(["git", "ls-files", "*.c"], stdout=subprocess.PIPE, check=True)
    return [f for f in out.stdout.decode().splitlines() if os.path.exists(f)]


def write_database(commands, files, directory):
    entries = []
    for f in files:
        flags = commands.get(f, HOST_FLAGS)
        entries.append({"directory": os.getcwd(), "file": f,
                        "arguments": ["clang", "-fsyntax-only"] + flags + [f]})
    path = os.path.join(directory, "compile_commands.json")
    with open(path, "w") as fh:
        json.dump(entries, fh)
    return directory


DIAG = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>warning|error): "
                  r"(?P<msg>.*)$")


def relative(path):
    p = os.path.relpath(os.path.realpath(path))
    return p


def run_tidy(db, files, fix):
    cmd = ["clang-tidy", "-p", db, f"-checks=-*,{BRACES}", "-header-filter=.*", "-quiet"]
    if fix:
        cmd.append("-fix")
    r = subprocess.run(cmd + files, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    findings, errors = set(), set()
    for line in r.stdout.decode(errors="replace").splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        where = (relative(m["file"]), int(m["line"]), int(m["col"]))
        if m["kind"] == "error":
            errors.add(where + (m["msg"],))
        elif BRACES in m["msg"] and where[0].startswith(PROJECT_PREFIXES):
            findings.add(where + ("statement without braces",))
    return findings, errors


NOTE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): note: \"root\" binds here")
MACRO = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): note: expanded from macro")


def char_at(where):
    try:
        with open(where[0]) as fh:
            return fh.read().split("\n")[where[1] - 1][where[2] - 1]
    except (OSError, IndexError):
        return ""


def run_null_query(db, files):
    cmd = ["clang-query", "-p", db, "-c", "set output diag", "-c", f"match {NULL_MATCHER}"]
    r = subprocess.run(cmd + files, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    findings, errors = set(), set()
    lines = r.stdout.decode(errors="replace").splitlines()
    for i, line in enumerate(lines):
        m = NOTE.match(line)
        if m:
            where = (relative(m["file"]), int(m["line"]), int(m["col"]))
            # A literal inside a macro's body: the finding is where the
            # macro says 0 (a macro's argument is reported where it is).
            for follow in lines[i + 1:i + 6] if char_at(where) != "0" else []:
                mm = MACRO.match(follow)
                if mm:
                    where = (relative(mm["file"]), int(mm["line"]), int(mm["col"]))
                    break
            if where[0].startswith(PROJECT_PREFIXES):
                findings.add(where + ("0 as a null pointer (write NULL)",))
            continue
        m = DIAG.match(line)
        if m and m["kind"] == "error":
            errors.add((relative(m["file"]), int(m["line"]), int(m["col"]), m["msg"]))
    return findings, errors


def repair_asm_braces(path):
    """clang-tidy 14 puts the closing brace it adds after an asm statement
    before that statement's ';' ("__asm__ volatile(...)" NL "};"): move the
    ';' back. Returns whether the file changed."""
    with open(path) as fh:
        lines = fh.read().split("\n")
    changed = False
    for i, line in enumerate(lines):
        if line.strip() != "};" or i == 0 or not lines[i - 1].rstrip().endswith(")"):
            continue
        back = lines[max(0, i - 6):i]
        if any("__asm__" in b or "asm volatile" in b for b in back) and \
                not any(b.rstrip().endswith((";", "{", "}")) for b in back[-1:]):
            lines[i - 1] = lines[i - 1].rstrip() + ";"
            lines[i] = line.replace("};", "}")
            changed = True
    if changed:
        with open(path, "w") as fh:
            fh.write("\n".join(lines))
    return changed


def fix_nulls(findings):
    """Replace each reported literal 0 by NULL, adding <stddef.h> where the
    file has no NULL of its own."""
    by_file = {}
    for f, line, col, _ in findings:
        by_file.setdefault(f, []).append((line, col))
    for f, spots in by_file.items():
        with open(f) as fh:
            text = fh.read().split("\n")
        for line, col in sorted(spots, reverse=True):
            s = text[line - 1]
            i = col - 1
            if s[i:i + 1] == "0" and not s[i + 1:i + 2].isalnum() and s[i + 1:i + 2] != "x":
                text[line - 1] = s[:i] + "NULL" + s[i + 1:]
        body = "\n".join(text)
        if "<stddef.h>" not in body and "#include" in body:
            first = body.index("#include")
            body = body[:first] + "#include <stddef.h>\n" + body[first:]
        with open(f, "w") as fh:
            fh.write(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--arch", action="append", choices=ARCHES)
    ap.add_argument("--build", default="build")
    ap.add_argument("--tap", action="store_true", help="print the result as a TAP test")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    args.build = os.path.abspath(args.build)
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    arches = args.arch or [a for a in ARCHES if os.path.isdir(os.path.join(args.build, a))]
    if not arches:
        print(f"dialect.py: nothing built in {args.build}: the newlib headers the guests "
              "include come from the build (run make first, or name --arch)", file=sys.stderr)
        return 2
    commands = compile_commands(arches, args.build)
    files = args.files or tracked_c_files()
    # A file of another arch's folder is checked by that arch's run.
    unchecked = [f for f in files if f not in commands and other_arch_file(f, arches)]
    files = [f for f in files if f not in unchecked]
    with tempfile.TemporaryDirectory() as tmp:
        db = write_database(commands, files, tmp)
        # The query first: the fixes below move what it reports.
        nulls, query_errors = run_null_query(db, files)
        if args.fix:
            fix_nulls(nulls)
        braces, tidy_errors = run_tidy(db, files, args.fix)
        if args.fix:
            touched = sorted({f for f, _, _, _ in braces | nulls})
            for f in touched:
                repair_asm_braces(f)
            if touched:
                subprocess.run(["clang-format", "-i"] + [f for f in touched
                                                         if f.endswith((".c", ".h"))])
    errors = sorted(tidy_errors | query_errors)
    findings = sorted(braces | nulls)
    report = [f"{f}:{line}:{col}: {msg}" for f, line, col, msg in errors + findings]
    if args.tap:
        print(f"{'ok' if not errors else 'not ok'} 1 - every C file parses with its build flags")
        for r in report[:40] if errors else []:
            print(f"#   {r}")
        print(f"{'ok' if not findings else 'not ok'} 2 - C follows the dialect of docs/style.md")
        for r in [r for r in report if "error" not in r][:60]:
            print(f"#   {r}")
        if unchecked:
            print(f"# {len(unchecked)} files of arches not built here are checked by their own "
                  f"run: {' '.join(unchecked[:8])}{' ...' if len(unchecked) > 8 else ''}")
        print("1..2")
    else:
        for r in report:
            print(r)
        print(f"{len(files)} files ({', '.join(arches)}; {len(unchecked)} of other arches "
              f"not checked): {len(errors)} parse errors, {len(braces)} statements "
              f"without braces, {len(nulls)} null pointers written 0"
              + (" (fixed where possible)" if args.fix else ""))
    return 1 if errors or findings else 0


if __name__ == "__main__":
    sys.exit(main())
