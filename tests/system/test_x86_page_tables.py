#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86: each partition's address space as the MMU walks it, read from
outside through QEMU's monitor while the partition runs (system pt-audit,
three spinners), against its configuration:

- `info mem` (the rights both levels of the walk give together): the
  user-accessible ranges are exactly the partition's areas and its control
  page, writable exactly where the rights say w;
- `info tlb` (each page's own entry): every user page maps its area's
  physical page, none is global (a global entry outlives the CR3 switch on
  hardware: the next partition would reach the page through a stale TLB
  entry, though QEMU flushes it anyway) and none uncached or write-through;
- each control page is a page of its own, in no partition's area and in no
  other partition's space.

The kernel's own mappings are supervisor-only (`info mem` shows them without
u). The partition running when QEMU stops is whichever holds the CPU: the
test stops it until it has seen every partition."""
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import qemuctl
from qemuctl import hmp, qmp, wait_for
from sysrun import ARCH, CLEAN, Tap, system_image

SYSTEM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "systems", "pt-audit.xml")
CONTROL_VA = 0xF0000000  # PV_SHARED_VA (pv/arch/x86/include/pv/arch.h)
PAGE = 0x1000
UNITS = {"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}


def size_of(text):
    m = re.fullmatch(r"(\d+)(KiB|MiB|GiB)?", text)
    return int(m.group(1)) * UNITS.get(m.group(2), 1)


def configured():
    """name -> [(virt, phys, size, writable)] from the system's XML."""
    parts = {}
    for p in ET.parse(SYSTEM).getroot().iter("partition"):
        parts[p.get("name")] = [(int(a.get("virt"), 0), int(a.get("phys"), 0), size_of(a.get("size")),
                                 "w" in a.get("rights")) for a in p.iter("area")]
    return parts


def merged(ranges):
    """[(start, end, writable)] sorted, adjacent ranges of the same right joined
    (as `info mem` prints them)."""
    out = []
    for start, end, w in sorted(ranges):
        if out and out[-1][1] == start and out[-1][2] == w:
            out[-1] = (out[-1][0], end, w)
        else:
            out.append((start, end, w))
    return out


def user_ranges(info_mem):
    """The u ranges of `info mem`: lines 'start-end size urw'."""
    out = []
    for ln in info_mem.splitlines():
        m = re.fullmatch(r"([0-9a-f]+)-([0-9a-f]+) [0-9a-f]+ ([u-])([r-])([w-])", ln.strip())
        if m and m.group(3) == "u":
            out.append((int(m.group(1), 16), int(m.group(2), 16), m.group(5) == "w"))
    return out


def shown(ranges):
    """Ranges as `info mem` would print them: start-end and r- or rw."""
    return [f"{s:08x}-{e:08x} {'rw' if w else 'r-'}" for s, e, w in ranges]


def user_pages(info_tlb):
    """virt -> (phys, flags) of `info tlb`'s user pages; flags XGPDACTUW."""
    out = {}
    for ln in info_tlb.splitlines():
        m = re.fullmatch(r"([0-9a-f]+): ([0-9a-f]+) ([-A-Z]{9})", ln.strip())
        if m and m.group(3)[7] == "U":
            out[int(m.group(1), 16)] = (int(m.group(2), 16), m.group(3))
    return out


def sample(sock, parts, seen, deadline):
    """Stops QEMU now and then and keeps the spaces of the partitions it
    stopped in, until every partition has been seen."""
    code_phys = {areas[0][1]: name for name, areas in parts.items()}
    while len(seen) < len(parts) and time.time() < deadline:
        try:
            replies = qmp(sock, [{"execute": "stop"}, hmp("info mem"), hmp("info tlb"),
                                 {"execute": "cont"}])
        except (OSError, ValueError):
            return  # QEMU has ended: the partitions not seen are reported
        mem, tlb = replies[1].get("return", ""), replies[2].get("return", "")
        pages = user_pages(tlb)
        code = pages.get(parts["A"][0][0])  # every partition's code is at the same virt
        if code and code[0] in code_phys:
            seen.setdefault(code_phys[code[0]], (user_ranges(mem), pages))
        time.sleep(0.01)


def check_space(tap, name, parts, mem, pages, control_phys):
    areas = parts[name]
    want = merged([(v, v + s, w) for v, _, s, w in areas] + [(CONTROL_VA, CONTROL_VA + PAGE, True)])
    tap.eq(shown(merged(mem)), shown(want), f"{name}: the user ranges are its areas and its control page, "
           "writable where its rights say w")
    wrong = []
    for v, phys, size, _ in areas:
        for off in range(0, size, PAGE):
            got = pages.get(v + off)
            if not got or got[0] != phys + off:
                wrong.append(f"{v + off:08x} -> {got[0] if got else None!r}, want {phys + off:08x}")
    tap.ok(not wrong, f"{name}: every page of its areas maps the configured physical page",
           "\n".join(wrong[:10]))
    flags = {f"{v:08x}": f for v, (_, f) in pages.items() if set(f[1:7]) & set("GCT")}
    tap.eq(flags, {}, f"{name}: no user page is global, uncached or write-through")
    control = pages.get(CONTROL_VA)
    tap.ok(control is not None, f"{name}: its control page is mapped")
    if control:
        control_phys[name] = control[0]
        inside = [n for n, a in parts.items() for _, p, s, _ in a if p <= control[0] < p + s]
        tap.eq(inside, [], f"{name}: its control page lies in no partition's area")


def main():
    tap = Tap()
    if ARCH != "x86":
        tap.ok(False, "test_x86_page_tables runs on x86 only")
        return tap.done()
    parts = configured()
    seen = {}
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "qmp")
        proc, out, reader = qemuctl.start(system_image("pt-audit"),
                                          ["-qmp", f"unix:{sock},server=on,wait=off"])
        if wait_for(out, "[C] spinner 3 spinning"):
            sample(sock, parts, seen, time.time() + 60)
        run = qemuctl.finish(proc, out, reader, timeout=120)
    tap.eq(run.status, CLEAN, "pt-audit: the system runs to its end with QEMU stopped and resumed")
    tap.eq(sorted(seen), sorted(parts), "pt-audit: every partition's space was seen")
    control_phys = {}
    for name in sorted(seen):
        check_space(tap, name, parts, *seen[name], control_phys)
    tap.eq(len(set(control_phys.values())), len(control_phys),
           "pt-audit: each partition's control page is its own")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
