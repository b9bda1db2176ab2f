#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""guest/port/pv/gen_traced_directives.py (docs/tracing.md, "Directive
calls") on small made-up inputs: a wrapper per listed directive that
records its id at the entry and its id and status at the exit around a call
of tessera_untraced_NAME with the same arguments (the entry only for a
_Noreturn one), the objcopy renaming lines; and the refusals (exit 1, a
line each): a declared directive without an id, an id naming no directive,
an id or a name given twice, a parameter without a name. Then the real
list against <rtems.h> as the host compiler preprocesses it (the host
port's headers): every id
names a declared directive and every directive has an id. TAP on stdout
(tests/run.py)."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(ROOT, "guest", "port", "pv", "gen_traced_directives.py")
DECLS = """typedef int rtems_status_code;
rtems_status_code rtems_thing_create(unsigned name, void (*entry)(int), unsigned *id);
_Noreturn void rtems_thing_exit(void);
static inline rtems_status_code rtems_thing_inline(unsigned id) { return rtems_thing_create(id, 0, 0); }
unsigned rtems_thing_count(void);
"""


def ids_header(entries):
    body = " \\\n".join(f"    X({i}, {n})" for i, n in entries)
    return f"#define TESSERA_TRACE_DIRECTIVE_LIST(X) \\\n{body}\n"


def gen(tmp, entries, decls=DECLS):
    ids, dec = os.path.join(tmp, "ids.h"), os.path.join(tmp, "rtems.i")
    with open(ids, "w") as f:
        f.write(ids_header(entries))
    with open(dec, "w") as f:
        f.write(decls)
    out, syms = os.path.join(tmp, "w"), os.path.join(tmp, "syms")
    p = subprocess.run([sys.executable, GEN, "--ids", ids, "--decls", dec, "--outdir", out,
                        "--syms", syms], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stderr, out, syms


def read(path):
    with open(path) as f:
        return f.read()


def main():
    t = S.Tap()
    with tempfile.TemporaryDirectory() as tmp:
        rc, err, out, syms = gen(tmp, [(1, "rtems_thing_create"), (2, "rtems_thing_exit")])
        t.ok(rc == 0 and sorted(os.listdir(out)) == ["rtems_thing_create.c",
                                                     "rtems_thing_exit.c"],
             "a wrapper file per directive; the inline one and the non-status one have none", err)
        if rc == 0:
            create = read(os.path.join(out, "rtems_thing_create.c"))
            t.ok("rtems_status_code rtems_thing_create(unsigned name, void (*entry)(int), "
                 "unsigned *id)\n{\n    tessera_trace_directive_entry(1u);\n"
                 "    return tessera_trace_directive_exit(1u, "
                 "tessera_untraced_rtems_thing_create(name, entry, id));\n}" in create,
                 "the wrapper records the entry, calls the renamed body with the same "
                 "arguments and records the exit with its status", create)
            exit_ = read(os.path.join(out, "rtems_thing_exit.c"))
            t.ok("tessera_trace_directive_entry(2u);\n    tessera_untraced_rtems_thing_exit();\n}"
                 in exit_ and "directive_exit" not in exit_,
                 "a directive that never returns records its entry only", exit_)
            t.ok(read(syms) == "rtems_thing_create tessera_untraced_rtems_thing_create\n"
                 "rtems_thing_exit tessera_untraced_rtems_thing_exit\n",
                 "the objcopy lines rename each directive", read(syms))
        for entries, decls, what, needle in (
                ([(1, "rtems_thing_create")], DECLS, "a directive without an id",
                 "rtems_thing_exit has no id: add X(2, rtems_thing_exit)"),
                ([(1, "rtems_thing_create"), (2, "rtems_thing_exit"), (3, "rtems_thing_gone")],
                 DECLS, "an id naming no directive", "id 3 names rtems_thing_gone"),
                ([(1, "rtems_thing_create"), (1, "rtems_thing_exit")], DECLS, "an id twice",
                 "id 1 is given twice"),
                ([(1, "rtems_thing_create"), (2, "rtems_thing_exit"), (3, "rtems_thing_exit")],
                 DECLS, "a name twice", "rtems_thing_exit has more than one id"),
                ([(1, "rtems_thing_create"), (2, "rtems_thing_exit")],
                 DECLS.replace("unsigned *id)", "unsigned *)"), "a parameter without a name",
                 "a parameter without a name")):
            rc, err, out, _ = gen(os.path.join(tmp), entries, decls)
            t.ok(rc == 1 and needle in err and "Traceback" not in err,
                 f"refused: {what}", err)
        # The real list against the real header.
        dec = os.path.join(tmp, "real.i")
        # The host's libc stands in for newlib and the host port's limits for
        # the pv port's: the directives are declared in guest/include alone.
        p = subprocess.run(["gcc", "-E", "-P", "-std=gnu11",
                            "-I", os.path.join(ROOT, "guest", "include"),
                            "-I", os.path.join(ROOT, "guest", "port", "host", "include"),
                            "-I", os.path.join(ROOT, "pv", "include"),
                            os.path.join(ROOT, "guest", "include", "rtems.h"), "-o", dec],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode == 0:
            ids = os.path.join(ROOT, "guest", "port", "pv", "include", "tessera",
                               "trace_directives.h")
            q = subprocess.run([sys.executable, GEN, "--ids", ids, "--decls", dec, "--outdir",
                                os.path.join(tmp, "real"), "--syms", os.path.join(tmp, "rs")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            t.ok(q.returncode == 0 and len(os.listdir(os.path.join(tmp, "real"))) >= 100,
                 "tessera/trace_directives.h and <rtems.h> agree: an id for every directive",
                 q.stderr)
        else:
            t.ok(False, "<rtems.h> preprocesses on the host", p.stderr[-2000:])
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
