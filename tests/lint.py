#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Source hygiene as tests: every source file carries the SPDX line and is
under 700 lines (docs/style.md), the headers of each core include no
header that leads back to them, C is formatted by the project's
.clang-format, and cppcheck finds nothing."""
import os
import re
import subprocess
import sys

SPDX = "SPDX-License-Identifier: BSD-2-Clause"
SOURCE_ENDINGS = (".c", ".h", ".S", ".inc", ".py", ".mk", ".ld", ".sh", ".xsd")
INCLUDES = ["kernel/core/include", "kernel/arch/x86/include", "pv/include", "pv/arch/x86/include",
            "apps/lib/tp", "guest/include", "guest/port", "guest/testsupport/include",
            "config/src"]
MAX_LINES = 700
# The folders whose headers include each other by "name.h" (docs/style.md,
# "Files"): a cycle among them is a module that depends on itself.
HEADER_DIRS = ["kernel/core/include", "pv/include/pv", "guest/core", "guest/apex",
               "guest/posix"]


def tracked_files():
    try:
        out = subprocess.run(["git", "ls-files"], stdout=subprocess.PIPE, check=True,
                             stderr=subprocess.DEVNULL).stdout.decode()
        return [f for f in out.splitlines() if os.path.exists(f)]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for root, dirs, names in os.walk("."):
            dirs[:] = [d for d in dirs if d not in (".git", "build")]
            files += [os.path.relpath(os.path.join(root, n)) for n in names]
        return files


def include_cycles(folder):
    """The include cycles among the headers of folder, each as a list of
    names that ends where it began."""
    graph = {}
    prefix = "pv/" if folder.endswith("pv/include/pv") else ""
    for name in sorted(os.listdir(folder)):
        if name.endswith(".h"):
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                incs = re.findall(r'^#include\s+[<"]([\w/]+\.h)[>"]', f.read(), re.M)
            # "name.h" beside it; the ABI's own headers include <pv/name.h>.
            incs = [i[len(prefix):] if prefix and i.startswith(prefix) else i for i in incs]
            graph[name] = [i for i in incs if os.path.exists(os.path.join(folder, i))]
    found, state = [], {}

    def visit(h, path):
        state[h] = 1
        path.append(h)
        for i in graph[h]:
            if state.get(i) == 1:
                found.append(path[path.index(i):] + [i])
            elif i not in state:
                visit(i, path)
        path.pop()
        state[h] = 2

    for h in graph:
        if h not in state:
            visit(h, [])
    return found


def main():
    n = failed = 0

    def ok(cond, name, diag=""):
        nonlocal n, failed
        n += 1
        print(f"{'ok' if cond else 'not ok'} {n} - {name}")
        if not cond:
            failed += 1
            for line in diag.splitlines()[:40]:
                print(f"#   {line}")

    files = tracked_files()
    sources = [f for f in files if f.endswith(SOURCE_ENDINGS) or os.path.basename(f) in
               ("Makefile", "run")]
    missing = []
    for f in sources:
        with open(f, encoding="utf-8", errors="replace") as fh:
            head = fh.read(600)
        if SPDX not in head:
            missing.append(f)
    ok(not missing, "every source file starts with the SPDX line", "\n".join(missing))
    long_files = []
    for f in sources:
        with open(f, encoding="utf-8", errors="replace") as fh:
            lines = sum(1 for _ in fh)
        if lines >= MAX_LINES:
            long_files.append(f"{f}: {lines} lines")
    ok(not long_files, f"every source file is under {MAX_LINES} lines", "\n".join(long_files))
    cycles = [" -> ".join(c) for d in HEADER_DIRS for c in include_cycles(d)]
    ok(not cycles, "no include cycles among the headers of " + ", ".join(HEADER_DIRS),
       "\n".join(cycles))

    c_files = [f for f in files if f.endswith((".c", ".h"))]
    r = subprocess.run(["clang-format", "--dry-run", "--Werror"] + c_files,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ok(r.returncode == 0, "C sources match .clang-format", r.stdout.decode(errors="replace"))

    cmd = ["cppcheck", "--quiet", "--error-exitcode=1",
           "--enable=warning,style,performance,portability", "--inline-suppr",
           "--suppress=missingIncludeSystem", "--suppress=unusedStructMember", "--std=c11"]
    cmd += [f"-I{i}" for i in INCLUDES]
    r = subprocess.run(cmd + [f for f in c_files if f.endswith(".c")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ok(r.returncode == 0, "cppcheck finds nothing", r.stdout.decode(errors="replace"))
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
