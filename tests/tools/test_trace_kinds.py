#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The trace tool's kinds, classes and format numbers (tools/trace/kinds.py,
tracefile.py) agree with their one definition, pv/include/pv/trace.h: every
PV_TRACE_* event kind has the tool's number and name, the class bits are
PV_TRACE_CLASS_LIST's (pv/abi_list.h), and the format's
version, sizes and magic are the header's. TAP on stdout (tests/run.py)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_synth as S  # noqa: E402

sys.path.insert(0, os.path.join(S.ROOT, "tools", "trace"))
import kinds  # noqa: E402
import tracefile  # noqa: E402

TRACE_H = os.path.join(S.ROOT, "pv", "include", "pv", "trace.h")
NOT_KINDS = {"NO_PART", "GAP", "GUEST_FIRST", "GUEST_LAST", "ORDER", "VERSION", "HEADER_SIZE",
             "RECORD_SIZE", "READ_MAX", "MAGIC"}


def main():
    t = S.Tap()
    with open(TRACE_H, encoding="utf-8") as f:
        text = f.read()
    defines = {n: int(v, 0) for n, v in
               re.findall(r"^#define\s+PV_TRACE_(\w+)\s+(0x[0-9a-fA-F]+|\d+)u?\b", text, re.M)}
    header_kinds = {v: n for n, v in defines.items() if n not in NOT_KINDS}
    tool_kinds = {k: name for k, (name, _) in kinds.KINDS.items()}
    t.ok(len(header_kinds) > 10 and header_kinds == tool_kinds,
         "every PV_TRACE_* kind is the tool's, same number and name",
         f"header {sorted(header_kinds.items())}\ntool {sorted(tool_kinds.items())}")
    t.ok(defines.get("VERSION") == tracefile.VERSION and tracefile.VERSION in tracefile.VERSIONS,
         "the format version the kernel writes is the one the tool reads",
         f"{defines.get('VERSION')} vs {tracefile.VERSION}")
    t.ok((defines.get("HEADER_SIZE"), defines.get("RECORD_SIZE")) ==
         (tracefile.HEADER_SIZE, tracefile.RECORD_SIZE), "header and record sizes")
    with open(os.path.join(S.ROOT, "pv", "include", "pv", "abi_list.h"), encoding="utf-8") as f:
        lists = f.read()
    classes = {int(b): n for b, n in re.findall(r'X\(\w+, (\d+), "([a-z]+)"', lists)}
    t.ok(classes and [classes.get(i) for i in range(len(kinds.CLASS_BITS))] == kinds.CLASS_BITS
         and len(classes) == len(kinds.CLASS_BITS),
         "the class bits are PV_TRACE_CLASS_LIST's, in order", f"{classes} {kinds.CLASS_BITS}")
    magic = re.search(r'#define\s+PV_TRACE_MAGIC\s+"(\w+)"', text)
    t.ok(magic is not None and magic.group(1).encode() == tracefile.MAGIC, "magic")
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
