#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tessera-config's event-trace configuration: <trace> and --trace reach
the generated tables as CFG_TRACE_DEFINE(records, classes); bad --trace
values are usage errors. Prints TAP; the corpus and the other options are
test_config.py's, whose helpers this uses."""
import os
import sys
import tempfile

from test_config import HERE, TOOL, Tap, run, write_images


# The trace class bits of pv/abi_list.h, written down independently of the tool.
TRACE_BITS = {"window": 0, "hcall": 1, "virq": 2, "hm": 3, "port": 4, "plan": 5, "mode": 6,
              "guest": 7}


def trace_define(out):
    """The CFG_TRACE_DEFINE line of generated tables, or None."""
    with open(os.path.join(out, "cfg_tables.c")) as f:
        lines = [ln for ln in f.read().splitlines() if ln.startswith("CFG_TRACE_DEFINE(")]
    return lines[0] if len(lines) == 1 else None if not lines else lines


def test_trace(t, tmp, img):
    """<trace> and --trace: the buffer's size and the classes reach the tables."""
    mask = (1 << TRACE_BITS["window"]) | (1 << TRACE_BITS["hcall"]) | (1 << TRACE_BITS["port"])
    every = sum(1 << b for b in TRACE_BITS.values())
    no_attrs = os.path.join(tmp, "trace-defaults.xml")
    with open(os.path.join(HERE, "valid", "minimal.xml")) as f:
        text = f.read()
    with open(no_attrs, "w") as f:
        f.write(text.replace("</system>", "  <trace/>\n</system>"))
    for rel, args, want, what in (
            ("valid/minimal.xml", [], None, "no <trace>: no trace buffer"),
            ("valid/trace.xml", [], f"CFG_TRACE_DEFINE(100u, 0x{mask:x}u)",
             "<trace classes records>: its classes and size"),
            (no_attrs, [], f"CFG_TRACE_DEFINE(4096u, 0x{every:x}u)",
             "<trace/>: every class, 4096 records"),
            ("valid/minimal.xml", ["--trace", "all"], f"CFG_TRACE_DEFINE(4096u, 0x{every:x}u)",
             "--trace all without <trace>: every class, 4096 records"),
            ("valid/trace.xml", ["--trace=guest,mode"],
             f"CFG_TRACE_DEFINE(100u, 0x{(1 << 7) | (1 << 6):x}u)",
             "--trace replaces the XML's classes and keeps its size")):
        out = os.path.join(tmp, "trace-out", str(abs(hash((rel, tuple(args))))))
        rc, _, err = run(args + ["--image-dir", img, "--output-dir", out, rel])
        got = trace_define(out) if rc == 0 else None
        t.ok(rc == 0 and err == "" and got == want, f"trace: {what}", f"rc={rc} {err} {got}")
    for args, what in ((["--trace", "bogus"], "an unknown class"),
                       (["--trace", " , "], "no class"),
                       (["--trace"], "no value")):
        rc, out, err = run(args + ["--check", "--image-dir", img, "valid/minimal.xml"])
        t.ok(rc == 2 and "usage:" in err and out == "", f"trace: --trace with {what} exits 2",
             f"rc={rc}\n{err}")


def main():
    t = Tap()
    if not os.access(TOOL, os.X_OK):
        t.ok(False, f"{TOOL} exists (build it first)")
        return 1
    with tempfile.TemporaryDirectory(prefix="tessera-config-trace.") as tmp:
        img = os.path.join(tmp, "images")
        os.makedirs(img)
        write_images(img)
        test_trace(t, tmp, img)
    print(f"1..{t.n}")
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
