#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The shape of guest/core (docs/guest.md, "Directive shape" and "Module
order"), read from the sources. Prints TAP.

1. Only the executive's own entries, listed in PORT_LOCK_USERS, call
   port_interrupt_disable/restore/enable; everything else locks through
   guest/core/directive.h.
2. A function that takes the lock leaves it through exactly one
   exec_directive_unlock() (or exec_directive_unlock_enable(), for the
   directive that sets the interrupt level); before that the only returns are the NULL checks
   right after a locked lookup or allocation (which already left the lock).
3. No cycle between the core's modules: a module depends on another when it
   includes a header that declares something the other defines.
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CORE = os.path.join(ROOT, "guest", "core")

# Functions that are no directive: interrupt entries, the thread entry, the
# ASR call, the timer server's loop, the interrupt manager's masking, the
# post-switch action that ends or restarts a task another task deleted or
# restarted.
PORT_LOCK_USERS = {
    "exec_tick_isr", "exec_missed_tick_isr", "server_body", "exec_interrupt_disable",
    "exec_interrupt_enable", "exec_interrupt_flash", "exec_thread_entry", "asr_deliver",
    "life_change_run",
}
LOCK = re.compile(r"\b(exec_directive_lock|EXEC_OBJECT_LOCK|EXEC_OBJECT_ALLOCATE_LOCK|\w+_lock)\s*\(")
NULL_EXIT = re.compile(r"==\s*NULL\)\s*\{\s*return\s+RTEMS_(INVALID_ID|TOO_MANY)\s*;\s*\}")


def strip(text):
    """Source without comments and string or character literals."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    # String and character literals, but not the names of #include lines.
    return re.sub(r'^(?!#include)[^\n]*', lambda m: re.sub(
        r'"(\\.|[^"\\\n])*"|\'(\\.|[^\'\\\n])*\'', '""', m.group(0)), text, flags=re.M)


def functions(text):
    """(name, header, body) of each function defined at file level."""
    for m in re.finditer(r"^([A-Za-z_][^;{}#]*?\b(\w+)\s*\([^;{}]*\))\s*\n\{\n(.*?)^\}",
                         text, flags=re.S | re.M):
        yield m.group(2), m.group(1), m.group(3)


def check_exits(name, header, body):
    """Problems with the exits of one locking function, [] if none."""
    lock = LOCK.search(body)
    if lock is None or name.endswith("_lock"):
        return []
    if "_Noreturn" in header:
        return [] if "exec_directive_unlock" not in body else [f"{name}: _Noreturn but unlocks"]
    unlocks = [m.start() for m in re.finditer(r"\bexec_directive_unlock(_enable)?\s*\(", body)]
    if len(unlocks) != 1:
        return [f"{name}: {len(unlocks)} exec_directive_unlock() calls, want 1"]
    bad = []
    for m in re.finditer(r"\breturn\b[^;]*;", body[lock.start():unlocks[0]]):
        at = lock.start() + m.start()
        before = body[max(0, at - 200):at + len(m.group(0)) + 10]
        if not NULL_EXIT.search(before[before.rfind("if"):]):
            bad.append(f"{name}: returns with the lock held: {m.group(0)}")
    return bad


def module_graph(sources):
    """{module: modules it depends on} (module = .c file name)."""
    defined = {}
    for path, text in sources.items():
        names = set()
        for line in text.splitlines():
            if not line or line[0] in " \t#}{" or line.startswith(("static", "extern")):
                continue
            m = re.search(r"\b(exec_\w+)\s*\(", line)
            if m and not line.rstrip().endswith(";"):
                names.add(m.group(1))
                continue
            m = re.search(r"\b(exec_\w+)\s*(=|;|\[)", line)
            if m:
                names.add(m.group(1))
        defined[path] = names
    implementers = {}
    for header in glob.glob(os.path.join(CORE, "*.h")):
        with open(header) as f:
            text = strip(f.read())
        declared = set(re.findall(r"\b(exec_\w+)\s*\(", text)) | \
            set(re.findall(r"extern [^;]*\b(exec_\w+)\s*;", text))
        implementers[os.path.basename(header)] = {p for p, d in defined.items() if d & declared}
    graph = {}
    for path, text in sources.items():
        deps = set()
        for header in re.findall(r'#include "([\w.]+)"', text):
            deps |= implementers.get(header, set())
        deps.discard(path)
        graph[path] = deps
    return graph


def cycles(graph):
    """Strongly connected components with more than one module."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    sources = {}
    for path in sorted(glob.glob(os.path.join(CORE, "*.c"))):
        with open(path) as f:
            sources[os.path.basename(path)] = strip(f.read())
    n = failed = 0

    def ok(cond, name, detail=()):
        nonlocal n, failed
        n += 1
        failed += 0 if cond else 1
        print(f"{'ok' if cond else 'not ok'} {n} - {name}")
        for line in list(detail)[:20]:
            print(f"#   {line}")

    raw_lock, exits, locking = [], [], 0
    for path, text in sources.items():
        for name, header, body in functions(text):
            if re.search(r"\bport_interrupt_(disable|restore|enable)\s*\(", body) and \
                    name not in PORT_LOCK_USERS:
                raw_lock.append(f"{path}: {name}")
            if LOCK.search(body) and not name.endswith("_lock"):
                locking += 1
            exits += [f"{path}: {p}" for p in check_exits(name, header, body)]
    ok(not raw_lock, "only the executive's own entries call port_interrupt_* directly",
       raw_lock)
    # About 100 directives lock; far fewer found means the parser lost them.
    ok(locking >= 80, f"locking functions found ({locking})")
    ok(not exits, "every locking function leaves the lock through one exit", exits)
    graph = module_graph(sources)
    edges = sum(len(d) for d in graph.values())
    # Every manager depends on several modules; few edges means a lost parse.
    ok(edges >= 60, f"module dependencies found ({edges})")
    found = cycles(graph)
    ok(not found, "no cycle between guest/core modules", [" <-> ".join(c) for c in found])
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
