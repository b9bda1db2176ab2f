#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""RISC-V: each partition's Sv39 address space as the MMU walks it, read
from outside through QEMU's monitor (`info mem`: every leaf's virtual and
physical range and its r w x u g a d bits, adjacent leaves of the same bits
joined) while the partitions of system riscv-pt-audit spin for good; the
test ends QEMU. Against the configuration:

- the user leaves are exactly the partition's areas and its control page;
  each area page maps its configured physical page with r, w and x as its
  rights say (w implies r: Sv39 reserves write without read), the control
  page read-write and not executable; no user leaf is global (a global
  entry outlives the satp switch: the next partition could reach the page
  through a stale TLB entry);
- every user leaf has A and D set by the kernel. QEMU 7.2 sets them itself
  on an access, so only pages the partitions never touch (areas ro, wx,
  big, B's share) show what the kernel wrote; on hardware that raises a
  page fault for a clear A or D instead (Svade), a leaf without them would
  stop the partition at its first access;
- each control page is a page of its own, in no partition's area;
- no supervisor leaf is user-accessible.

The partition running when QEMU stops is whichever holds the CPU: the test
stops it until it has seen every partition."""
import os
import re
import sys
import time
import qemuctl
import sysxml
from qemuctl import hmp, qmp
from sysrun import ARCH, Tap, system_image

SYSTEM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "systems", "riscv-pt-audit.xml")
CONTROL_VA = 0xF0000000  # PV_SHARED_VA (pv/arch/riscv/include/pv/arch.h)
RAM_PA = 0x80000000      # the start of RAM on virt (kernel/arch/riscv/include/riscv.h)
PAGE = 0x1000
LEAF = re.compile(r"([0-9a-f]{16}) ([0-9a-f]{16}) ([0-9a-f]{16}) ([r-][w-][x-][u-][g-][a-][d-])")


def configured():
    """name -> [(virt, phys, size, rights)] from the system's XML."""
    return sysxml.areas(SYSTEM)


def leaves(info_mem):
    """virt -> (phys, bits) of every 4 KiB page `info mem` shows that is
    user-accessible, and the list of supervisor ranges' bits."""
    users, kernel = {}, []
    for ln in info_mem.splitlines():
        m = LEAF.fullmatch(ln.strip())
        if not m:
            continue
        virt, phys, size, bits = int(m.group(1), 16), int(m.group(2), 16), int(m.group(3), 16), m.group(4)
        if bits[3] != "u":
            kernel.append((virt, size, bits))
            continue
        for off in range(0, size, PAGE):
            users[virt + off] = (phys + off, bits)
    return users, kernel


def want_bits(rights):
    """The leaf bits an area's rights give (w implies r), accessed and dirty set."""
    r = "r" if set(rights) & set("rw") else "-"
    return r + ("w" if "w" in rights else "-") + ("x" if "x" in rights else "-") + "u-ad"


def sample(sock, parts, seen, deadline):
    """Stops QEMU now and then and keeps the space of the partition it
    stopped in, until every partition has been seen."""
    code_phys = {RAM_PA + areas[0][1]: name for name, areas in parts.items()}
    while len(seen) < len(parts) and time.time() < deadline:
        try:
            replies = qmp(sock, [{"execute": "stop"}, hmp("info mem"), {"execute": "cont"}])
        except (OSError, ValueError):
            return  # QEMU has ended: the partitions not seen are reported
        users, kernel = leaves(replies[1].get("return", ""))
        code = users.get(parts["A"][0][0])  # every partition's code is at the same virt
        if code and code[0] in code_phys:
            seen.setdefault(code_phys[code[0]], (users, kernel))
        time.sleep(0.01)


def check_space(tap, name, parts, users, kernel, control_phys):
    want = {}
    for virt, phys, size, rights in parts[name]:
        for off in range(0, size, PAGE):
            want[virt + off] = (RAM_PA + phys + off, want_bits(rights))
    control = users.get(CONTROL_VA)
    want[CONTROL_VA] = (control[0] if control else None, "rw-u-ad")
    wrong = [f"{v:010x}: {users.get(v)!r}, want {w!r}" for v, w in sorted(want.items())
             if users.get(v) != w]
    tap.ok(not wrong, f"{name}: every page of its areas maps its configured physical page with "
           "the rights' r/w/x, user, not global, accessed and dirty", "\n".join(wrong[:10]))
    extra = [f"{v:010x}" for v in sorted(set(users) - set(want))]
    tap.eq(extra, [], f"{name}: no user page outside its areas and its control page")
    tap.ok(control is not None, f"{name}: its control page is mapped")
    if control:
        control_phys[name] = control[0]
        inside = [n for n, a in parts.items() for _, p, s, _ in a if RAM_PA + p <= control[0] < RAM_PA + p + s]
        tap.eq(inside, [], f"{name}: its control page lies in no partition's area")
    tap.ok(kernel and all(b[3] == "-" for _, _, b in kernel),
           f"{name}: the kernel's leaves are supervisor-only", repr(kernel[:5]))


def main():
    tap = Tap()
    if ARCH != "riscv":
        tap.ok(False, "test_riscv_page_tables runs on riscv only")
        return tap.done()
    parts = configured()
    seen = {}
    started, run = qemuctl.run_spinners(
        system_image("riscv-pt-audit"), parts,
        lambda sock: sample(sock, parts, seen, time.time() + 60), arch="riscv")
    qemuctl.judge_spinners(tap, "riscv-pt-audit", parts, started, run, seen)
    control_phys = {}
    for name in sorted(seen):
        check_space(tap, name, parts, *seen[name], control_phys)
    tap.eq(len(set(control_phys.values())), len(control_phys),
           "riscv-pt-audit: each partition's control page is its own")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
