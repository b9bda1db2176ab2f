#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The numbers of the guest ABI in pv/include/pv/abi.h (and the lists of
pv/abi_list.h its enums come from) are the ones
docs/pv-api.md (the contract) gives: hypercall numbers, error codes,
virtual interrupt lines, health-monitor error ids and actions, partition
states, and the limits it names (PV_CONSOLE_WRITE_MAX). Kernel and guests compile from the same header, so a changed
number goes unnoticed by every test that uses the names; a guest built
against the documented numbers would not. TAP on stdout (tests/run.py)."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


# The enum lists of pv/abi_list.h (X(NAME, value, ...)) and the prefix
# pv/abi.h gives their names.
LIST_PREFIX = {"PV_HM_ERROR_LIST": "PV_HM_", "PV_HM_ACTION_LIST": "PV_HM_ACTION_",
               "PV_MODE_LIST": "PV_MODE_", "PV_START_LIST": "PV_START_",
               "PV_STATE_LIST": "PV_STATE_"}


def header_values():
    """The numbers as written in the headers: pv/abi.h's #defines and the
    X-macro lists of pv/abi_list.h its enums are made from."""
    out = {}
    text = open(os.path.join(ROOT, "pv/include/pv/abi.h"), encoding="utf-8").read()
    text = re.sub(r"\\\n\s*", " ", text)  # continued #define lines
    for name, value in re.findall(r"^#define\s+(PV_\w+)\s+\(?(-?(?:0x[0-9a-fA-F]+|\d+))u?\)?",
                                  text, re.M):
        out[name] = int(value, 0)
    lists = open(os.path.join(ROOT, "pv/include/pv/abi_list.h"), encoding="utf-8").read()
    lists = re.sub(r"\\\n\s*", " ", lists)
    for macro, body in re.findall(r"^#define\s+(PV_\w+_LIST)\(X\)(.*)$", lists, re.M):
        prefix = LIST_PREFIX.get(macro)
        if prefix:
            for name, value in re.findall(r"\bX\((\w+),\s*(-?(?:0x[0-9a-fA-F]+|\d+))", body):
                out[prefix + name] = int(value, 0)
    return out


def doc_values():
    """(name, value) pairs the contract states, per kind."""
    doc = open(os.path.join(ROOT, "docs/pv-api.md"), encoding="utf-8").read()
    kinds = {}
    kinds["error codes"] = [(n, int(v)) for n, v in
                            re.findall(r"^\| `(PV_E?\w+)` \| (-?\d+) \|", doc, re.M)]
    calls = []
    for nr, api in re.findall(r"^\| (\d+) \| `([^`]*)`", doc, re.M):
        m = re.search(r"\bpv_(\w+)\(", api) or re.match(r"PV_HC_(\w+)$", api)
        if m and not api.startswith("PV_IRQ_"):
            name = m.group(1).upper().replace("PARTITION_", "PART_")
            calls.append(("PV_HC_" + name, int(nr)))
    kinds["hypercall numbers"] = calls
    kinds["virtual interrupt lines"] = [(n, int(v)) for v, n in
                                        re.findall(r"^\| (\d+) \| `(PV_IRQ_\w+)` \|", doc, re.M)]
    hm = doc[doc.index("Error ids (`PV_HM_*`"):]
    kinds["health-monitor error ids"] = [
        ("PV_HM_" + n.upper().replace("-", "_"), int(v))
        for v, n in re.findall(r"^\| (\d+) \| ([a-z-]+) \|", hm, re.M)]
    act = hm[hm.index("Actions (`PV_HM_ACTION_*`)"):]
    act = act[:act.index("\n\n")]
    kinds["health-monitor actions"] = [
        ("PV_HM_ACTION_" + n.upper().replace("-", "_"), int(v))
        for n, v in re.findall(r"\*\*([a-z-]+)\*\*\s+\((\d+)\)", act)]
    # Bounds the contract states beside their names: `PV_..._MAX` (N).
    kinds["limits"] = [(n, int(v.replace(",", ""))) for n, v in
                       re.findall(r"`(?:len > )?(PV_\w+_MAX)` \((\d[\d,]*)\)", doc)]
    st = re.search(r"`state` is (.*?);", doc, re.S).group(1)
    kinds["partition states"] = [("PV_STATE_" + n, int(v))
                                 for n, v in re.findall(r"`(?:PV_STATE)?_(\w+)` \((\d+)\)", st)]
    return kinds


# How many of each the contract has at least: a parse that finds fewer
# (the document's layout changed) must fail, not pass on nothing.
AT_LEAST = {"error codes": 10, "hypercall numbers": 21, "virtual interrupt lines": 7,
            "health-monitor error ids": 13, "health-monitor actions": 8, "partition states": 5,
            "limits": 1}


def main():
    n = failed = 0
    hdr = header_values()
    for kind, pairs in doc_values().items():
        for name, value in pairs:
            n += 1
            ok = hdr.get(name) == value
            failed += not ok
            print(f"{'ok' if ok else 'not ok'} {n} - {kind}: {name} = {value}"
                  + ("" if ok else f" (pv/abi.h: {hdr.get(name)})"))
        n += 1
        ok = len(pairs) >= AT_LEAST[kind]
        failed += not ok
        print(f"{'ok' if ok else 'not ok'} {n} - {kind}: {len(pairs)} found in docs/pv-api.md")
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
