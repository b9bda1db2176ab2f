#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tools/trace/tessera-trace.py on broken input: a truncated or corrupt
dump, a wrong or broken system XML, each in both byte orders where the
order matters, gives one error line naming the problem and exit status 1,
never a traceback and never an output file. TAP on stdout (tests/run.py)."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402


def cases(order):
    good = S.dump(S.scenario(), order)
    recs = S.scenario()
    return [
        ("empty file", b"", "truncated"),
        ("header cut short", good[:40], "truncated"),
        ("last record cut short", good[:-5], "truncated"),
        ("a record count beyond the file", S.dump(recs, order, count=len(recs) + 2), "truncated"),
        ("bytes after the records", good + b"\0" * 24, "corrupt"),
        ("wrong magic", b"TSTRACE2" + good[8:], "magic"),
        ("bad byte-order mark", good[:8] + b"\1\1\1\1" + good[12:], "byte-order"),
        ("version 3", S.dump(recs, order, version=3), "version 3"),
        ("header size 64", S.dump(recs, order, hsize=64), "bad sizes"),
        ("record size 32", S.dump(recs, order, rsize=32), "bad sizes"),
        ("a record naming partition 5 of 3",
         S.dump(recs + [(S.T0 + 18000000, 16, 5, 0, 0)], order), "partition 5"),
        ("4 partitions against the XML's 3", S.dump(recs, order, parts=4), "3"),
    ]


def expect_error(t, name, args, needle, out):
    rc, stdout, err = S.run_tool("--system", S.SYSTEM_XML, "--json", out, *args)
    t.ok(rc == 1 and "error:" in err and needle in err and "Traceback" not in err
         and not os.path.exists(out),
         f"{name}: exit 1, one error line", f"rc={rc} stderr={err!r}")


def main():
    t = S.Tap()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        for order, tag in (("<", "little-endian"), (">", "big-endian")):
            for name, data, needle in cases(order):
                path = os.path.join(tmp, "bad.bin")
                with open(path, "wb") as f:
                    f.write(data)
                expect_error(t, f"{tag}: {name}", [path], needle, out)
        expect_error(t, "a missing dump", [os.path.join(tmp, "none.bin")], "cannot read", out)
        good = S.write(os.path.join(tmp, "good.bin"))
        broken = os.path.join(tmp, "broken.xml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("<system><partitions>")
        rc, _, err = S.run_tool("--system", broken, "--json", out, good)
        t.ok(rc == 1 and "system XML" in err and "Traceback" not in err,
             "a broken system XML: exit 1, one error line", err)
        rc, _, err = S.run_tool("--system", os.path.join(tmp, "none.xml"), good)
        t.ok(rc == 1 and "cannot read the system XML" in err and "Traceback" not in err,
             "a missing system XML: exit 1", err)
        rc, _, err = S.run_tool("--system", S.SYSTEM_XML, "--json", out, good)
        t.ok(rc == 0 and os.path.exists(out), "the good dump converts (the cases above differ "
             "from it only in what they break)", err)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
