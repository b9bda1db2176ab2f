#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86: each partition's address space as the MMU walks it, read from
outside through QEMU's monitor while the partition runs (system pt-audit:
three partitions that spin for good, C on CPU 1; the test ends QEMU),
against its configuration:

- `info mem` (the rights both levels of the walk give together): the
  user-accessible ranges are exactly the partition's areas and its control
  page, writable exactly where the rights say w;
- `info tlb` (each page's own entry): every user page maps its area's
  physical page, none is global (a global entry outlives the CR3 switch on
  hardware: the next partition would reach the page through a stale TLB
  entry, though QEMU flushes it anyway) and none uncached or write-through;
- each control page is a page of its own, in no partition's area and in no
  other partition's space;
- CPU 1 (C runs there) sees the kernel as CPU 0 does - every supervisor
  page at the same physical page with the same flags - but for the
  per-CPU section, which it maps to a copy of its own.

The kernel's own mappings are supervisor-only (`info mem` shows them without
u). The partition running when QEMU stops is whichever holds the CPU: the
test stops it until it has seen every partition."""
import os
import re
import subprocess
import sys
import time
import qemuctl
import sysxml
from qemuctl import hmp, qmp
from sysrun import ARCH, Tap, system_image

SYSTEM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "systems", "pt-audit.xml")
CONTROL_VA = 0xF0000000  # PV_SHARED_VA (pv/arch/x86/include/pv/arch.h)
PAGE = 0x1000


def configured():
    """name -> [(virt, phys, size, writable)] from the system's XML."""
    return {name: [(v, p, s, "w" in r) for v, p, s, r in a] for name, a in sysxml.areas(SYSTEM).items()}


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


def pages(info_tlb):
    """virt -> (phys, flags) of every 4 KiB page `info tlb` shows (a 4 MiB
    entry, flag P, as its 1024 pages); flags XGPDACTUW."""
    out = {}
    for ln in info_tlb.splitlines():
        m = re.fullmatch(r"([0-9a-f]+): ([0-9a-f]+) ([-A-Z]{9})", ln.strip())
        if m:
            virt, phys, flags = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
            for off in range(0, 0x400000 if flags[2] == "P" else PAGE, PAGE):
                out[virt + off] = (phys + off, flags)
    return out


def user_pages(info_tlb):
    """The user pages of pages()."""
    return {v: pf for v, pf in pages(info_tlb).items() if pf[1][7] == "U"}


def kernel_view(info_tlb):
    """virt -> (phys, G, C, T, W) of the supervisor pages (accessed and dirty
    left out: they record use, not rights)."""
    return {v: (phys, f[1], f[5], f[6], f[8]) for v, (phys, f) in pages(info_tlb).items()
            if f[7] != "U"}


def sample(sock, parts, seen, kernels, deadline):
    """Stops QEMU now and then and keeps, per CPU, the space of the
    partition it stopped in and the kernel's half, until every partition
    has been seen."""
    code_phys = {areas[0][1]: name for name, areas in parts.items()}
    while len(seen) < len(parts) and time.time() < deadline:
        try:
            replies = qmp(sock, [{"execute": "stop"}] +
                          [hmp(c, cpu) for cpu in (0, 1) for c in ("info mem", "info tlb")] +
                          [{"execute": "cont"}])
        except (OSError, ValueError):
            return  # QEMU has ended: the partitions not seen are reported
        for cpu in (0, 1):
            mem, tlb = (replies[1 + 2 * cpu + k].get("return", "") for k in (0, 1))
            users = user_pages(tlb)
            kernels.setdefault(cpu, kernel_view(tlb))
            code = users.get(parts["A"][0][0])  # every partition's code is at the same virt
            if code and code[0] in code_phys:
                seen.setdefault(code_phys[code[0]], (user_ranges(mem), users))
        time.sleep(0.01)


def percpu_section(image):
    """[start, end) of the kernel's per-CPU section (nm)."""
    syms = dict(ln.split()[::-2] for ln in subprocess.run(
        ["nm", image], capture_output=True, text=True, check=True).stdout.splitlines()
        if ln.count(" ") == 2)
    return int(syms["__percpu_start"], 16), int(syms["__percpu_end"], 16)


def check_kernel_half(tap, kernels, percpu):
    """CPU 1's supervisor pages are CPU 0's, the per-CPU section aside."""
    if sorted(kernels) != [0, 1]:
        tap.ok(False, "pt-audit: both CPUs' tables were read", repr(sorted(kernels)))
        return
    k0, k1 = kernels[0], kernels[1]
    start, end = percpu
    shared0 = {v: x for v, x in k0.items() if not start <= v < end}
    shared1 = {v: x for v, x in k1.items() if not start <= v < end}
    diff = [f"{v:08x}: CPU 0 {shared0.get(v)!r}, CPU 1 {shared1.get(v)!r}"
            for v in sorted(set(shared0) | set(shared1)) if shared0.get(v) != shared1.get(v)]
    tap.ok(shared0 and not diff, "pt-audit: CPU 1 maps the kernel as CPU 0 does, page for page",
           "\n".join(diff[:10]))
    own = [v for v in range(start, end, PAGE)
           if v not in k0 or v not in k1 or k0[v][0] == k1[v][0] or k1[v][1:] != k0[v][1:]]
    tap.ok(end > start and not own,
           "pt-audit: CPU 1 maps the per-CPU section to pages of its own, as CPU 0 maps its",
           " ".join(f"{v:08x}" for v in own[:10]))


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
    seen, kernels = {}, {}
    started, run = qemuctl.run_spinners(
        system_image("pt-audit"), parts,
        lambda sock: sample(sock, parts, seen, kernels, time.time() + 60), extra=["-smp", "2"])
    qemuctl.judge_spinners(tap, "pt-audit", parts, started, run, seen)
    control_phys = {}
    for name in sorted(seen):
        check_space(tap, name, parts, *seen[name], control_phys)
    tap.eq(len(set(control_phys.values())), len(control_phys),
           "pt-audit: each partition's control page is its own")
    check_kernel_half(tap, kernels, percpu_section(system_image("pt-audit")))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
