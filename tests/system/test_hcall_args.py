#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The hypercall argument cases generated from the argument contract
(pv/include/pv/hcall_args.h) through the real trap: every case returns the
documented result, writes nothing outside the range a valid call may write,
and the caller, the partition whose area it pointed at and everyone else
go on (tests/system/parts/argcheck.c)."""
import os
import re
import sys
from sysrun import Tap, boot, CLEAN, ARCH

HERE = os.path.dirname(os.path.abspath(__file__))
CONTRACT = os.path.join(HERE, "..", "..", "pv", "include", "pv", "hcall_args.h")
# The cases tests/common/hcall_cases.c generates per arch. RISC-V's 64-bit
# registers add, per call, its number 4 GiB up; per pointer, an own area
# and the control page 4 GiB up and five Sv39 addresses (non-canonical,
# upper half, top of the lower half); per bounded number its valid value
# 4 GiB up; per partition id or port handle, the id 4 GiB up; and timer_set
# has a 64-bit deadline and period in one word each.
CASES = {"x86": 159, "sparc": 159, "riscv": 302}


def contract_names():
    """Every call the contract table names, in number order."""
    with open(CONTRACT, encoding="utf-8") as f:
        return re.findall(r'\[PV_HC_\w+\] = \{\s*"(\w+)"', f.read())


def main():
    tap = Tap()
    run = boot("hcall-args")
    tap.eq(run.status, CLEAN, "hcall-args: system shuts down after all partitions end")
    lines = run.partition_lines("ARGS")
    for ln in lines:
        if ln.startswith("FAIL"):
            tap.ok(False, f"hcall-args: {ln}")
    counts = {}
    for ln in lines:
        m = re.match(r"(\w+): (\d+) cases, (\d+) failed$", ln)
        if m:
            counts[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    names = contract_names()
    tap.eq(len(names), 23, "hcall-args: the contract names every hypercall")
    for name in names:
        got = counts.get(name)
        tap.ok(got is not None and got[1] == 0, f"hcall-args: {name}: every case as documented",
               f"got {got}")
    total = [ln for ln in lines if ln.startswith("argcheck done:")]
    want = CASES[ARCH]
    tap.eq(total[-1:], [f"argcheck done: {want} cases, 0 failed"],
           f"hcall-args: all {want} cases ran, none failed")
    tap.eq(run.partition_lines("PEER"), ["secret area intact: yes"],
           "hcall-args: the other partition's area was not written")
    tap.eq(run.partition_lines("DUMMY"), ["dummy 0", "dummy 1"],
           "hcall-args: partition_control at its bound restarted the target once")
    stopped = [ln for ln in run.kernel_lines() if "stopped" in ln]
    tap.eq(stopped, [], "hcall-args: bad arguments are errors, not faults: nobody stopped")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
