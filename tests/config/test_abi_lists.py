#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The copies of the ABI constant lists agree with pv/include/pv/abi_list.h,
their one definition; prints TAP.

The C copies derive from the lists by the preprocessor and are held by
_Static_assert's; what is checked here is what C cannot check: the schema
users give to xmllint (config/tessera.xsd), the schema built into
tessera-config, and the health-monitor table of docs/pv-api.md. The lists
come from `tessera-xsdgen --list`, compiled from the header.

Run from anywhere with TESSERA_BUILD set to the build folder (tests/run.py
does that).
"""
import difflib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("TESSERA_BUILD", os.path.join(ROOT, "build"))
XSDGEN = os.path.join(BUILD, "host", "tessera-xsdgen")
TOOL = os.path.join(BUILD, "host", "tessera-config")
BUILT_XSD = os.path.join(BUILD, "host", "config", "tessera.xsd")
XSD = os.path.join(ROOT, "config", "tessera.xsd")
PV_API = os.path.join(ROOT, "docs", "pv-api.md")
XS = "{http://www.w3.org/2001/XMLSchema}"
# The configuration's own value of hm-action: CFG_HM_DEFAULT, not an ABI action.
XML_ONLY = {"hm-action": ["module"]}


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=""):
        self.n += 1
        print(f"{'ok' if cond else 'not ok'} {self.n} - {name}")
        if not cond:
            self.failed += 1
            for line in str(detail).rstrip().splitlines()[:40]:
                print(f"#   {line}")
        return cond


def lists():
    """{type: [(value, xml name, rest...)]} in list order."""
    out = subprocess.run([XSDGEN, "--list"], stdout=subprocess.PIPE, check=True,
                         universal_newlines=True).stdout
    result = {}
    for line in out.splitlines():
        fields = line.split()
        result.setdefault(fields[0], []).append((int(fields[1]), *fields[2:]))
    return result


def xsd_enumerations(path):
    """{simple type name: [enumeration values]} of an XSD."""
    root = ET.parse(path).getroot()
    result = {}
    for st in root.iter(XS + "simpleType"):
        values = [e.get("value") for e in st.iter(XS + "enumeration")]
        if values:
            result[st.get("name")] = values
    return result


def doc_hm_errors(path):
    """(id, name, default action) of each row of pv-api.md's error table."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("| id | name | detected by |"):]
    rows = []
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append((int(cells[0]), cells[1], cells[-1]))
    return rows


def main():
    t = Tap()
    abi = lists()
    t.ok(sorted(abi) == ["direction", "hm-action", "hm-error", "mode", "port-kind"],
         "tessera-xsdgen --list prints every list", sorted(abi))

    gen = subprocess.run([XSDGEN, XSD], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    with open(XSD, encoding="utf-8") as f:
        tree_xsd = f.read()
    diff = ""
    if gen.returncode == 0 and gen.stdout != tree_xsd:
        diff = "\n".join(difflib.unified_diff(tree_xsd.splitlines(), gen.stdout.splitlines(),
                                              "config/tessera.xsd", "from the lists",
                                              lineterm=""))
    t.ok(gen.returncode == 0 and gen.stdout == tree_xsd,
         "config/tessera.xsd has the enumerations of pv/abi_list.h (fix: make xsd-sync)",
         gen.stderr + diff)

    with open(TOOL, "rb") as f, open(BUILT_XSD, "rb") as x:
        t.ok(x.read() in f.read(), "tessera-config embeds the schema generated from the lists")

    enums = xsd_enumerations(XSD)
    for name, entries in sorted(abi.items()):
        want = [e[1] for e in entries] + XML_ONLY.get(name, [])
        t.ok(enums.get(name) == want, f"xs:simpleType {name} enumerates the list",
             f"xsd {enums.get(name)}\nlist {want}")

    want = [(v, xml, action) for v, xml, action in abi["hm-error"]]
    got = doc_hm_errors(PV_API)
    t.ok(got == want, "docs/pv-api.md's error table: ids, names and default actions of the list",
         "\n".join(f"docs {g}  list {w}" for g, w in zip(got + [None] * len(want),
                                                         want + [None] * len(got)) if g != w))

    print(f"1..{t.n}")
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
