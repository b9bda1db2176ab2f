# SPDX-License-Identifier: BSD-2-Clause
"""Memory footprint from the build: kernel sections, the kernel memory each
partition costs, and the guest executive's code in a linked application.
Uses binutils (size, nm) on the build outputs only."""
import os
import re
import subprocess
import xml.etree.ElementTree as ET

PAGE = 4096
BIG_PAGE = 4 << 20          # one x86 page table maps 4 MiB
PV_SHARED_VA = 0xF0000000   # pv/arch/x86/include/pv/arch.h
# SPARC reference MMU (kernel/arch/sparc/mmu.c): a 1 KiB level-1 table per
# partition, then 256-byte level-2 (per 16 MiB) and level-3 (per 256 KiB)
# tables from one pool.
SPARC_SHARED_VA = 0xEF000000  # pv/arch/sparc/include/pv/arch.h
SPARC_L1_TABLE = 1024
SPARC_TABLE = 256
# RISC-V Sv39 (kernel/arch/riscv/mmu.c): a root table per partition, then a
# level-1 table per GiB and a level-0 table per 2 MiB its areas or its
# control page touch, each a page, from one pool.
RISCV_SHARED_VA = 0xF0000000  # pv/arch/riscv/include/pv/arch.h


TOOL_PREFIX = {"x86": "", "sparc": "sparc64-linux-gnu-", "riscv": "riscv64-unknown-elf-"}
_prefix = [""]  # of size and nm, for the arch being measured


def _run(tool, *args):
    return subprocess.run((_prefix[0] + tool,) + args, check=True, capture_output=True,
                          text=True).stdout


def _size_totals(path):
    """(text, data, bss) of an archive or object, from `size -t`."""
    last = _run("size", "-t", path).strip().splitlines()[-1].split()
    return int(last[0]), int(last[1]), int(last[2])


def _symbol_sizes(path):
    """{name: (type, size)} of sized symbols."""
    out = {}
    for line in _run("nm", "-S", path).splitlines():
        f = line.split()
        if len(f) == 4:
            out[f[3]] = (f[2], int(f[1], 16))
    return out


def _defined_names(paths):
    names = set()
    for p in paths:
        for line in _run("nm", "--defined-only", p).splitlines():
            f = line.split()
            if len(f) == 3:
                names.add(f[2])
    return names


def _code_from(elf, libs):
    """Bytes of code (and read-only data) in elf that come from libs,
    counted by symbol: every sized text/rodata symbol the libs define."""
    names = _defined_names(libs)
    return sum(size for name, (kind, size) in _symbol_sizes(elf).items()
               if name in names and kind in "TtRr")


def _page_tables(xml_path):
    """Page tables per partition: one per 4 MiB region its areas or its
    control page touch (kernel/arch/x86/mmu.c)."""
    tables = {}
    for part in ET.parse(xml_path).getroot().iter("partition"):
        regions = {PV_SHARED_VA // BIG_PAGE}
        for a in part.iter("area"):
            virt = int(a.get("virt"), 0)
            size = _bytes(a.get("size"))
            regions.update(range(virt // BIG_PAGE, (virt + size - 1) // BIG_PAGE + 1))
        tables[part.get("name")] = len(regions)
    return tables


def _sparc_tables(xml_path):
    """Level-2 and level-3 tables per partition: one per 16 MiB and one per
    256 KiB region its areas or its control page touch."""
    tables = {}
    for part in ET.parse(xml_path).getroot().iter("partition"):
        l2, l3 = {SPARC_SHARED_VA >> 24}, {SPARC_SHARED_VA >> 18}
        for a in part.iter("area"):
            virt = int(a.get("virt"), 0)
            last = virt + _bytes(a.get("size")) - 1
            l2.update(range(virt >> 24, (last >> 24) + 1))
            l3.update(range(virt >> 18, (last >> 18) + 1))
        tables[part.get("name")] = len(l2) + len(l3)
    return tables


def _riscv_tables(xml_path):
    """Level-1 and level-0 tables per partition (the root not counted)."""
    tables = {}
    for part in ET.parse(xml_path).getroot().iter("partition"):
        l1, l0 = {RISCV_SHARED_VA >> 30}, {RISCV_SHARED_VA >> 21}
        for a in part.iter("area"):
            virt = int(a.get("virt"), 0)
            last = virt + _bytes(a.get("size")) - 1
            l1.update(range(virt >> 30, (last >> 30) + 1))
            l0.update(range(virt >> 21, (last >> 21) + 1))
        tables[part.get("name")] = len(l1) + len(l0)
    return tables


def _native_port_objects(base):
    return sorted(os.path.join(dp, f) for sub in ("port", "cpu")
                  for dp, _, fs in os.walk(os.path.join(base, "native", sub))
                  for f in fs if f.endswith(".o"))


def _bytes(text):
    m = re.fullmatch(r"(\d+)(KiB|MiB|GiB)?", text)
    return int(m.group(1)) * {None: 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}[m.group(2)]


def footprint(build, arch="x86"):
    _prefix[0] = TOOL_PREFIX[arch]
    base = os.path.join(build, arch)
    kernel_lib = os.path.join(base, "kernel", "libkernel.a")
    system = os.path.join(base, "systems", "bench-micro", "system.elf")
    text, data, bss = _size_totals(kernel_lib)
    syms = _symbol_sizes(system)
    # partitions[] and partition_shared_pages[] (one page each) have the
    # same length: the system's partitions (cfg_state.h).
    per_part = syms["partitions"][1] // (syms["partition_shared_pages"][1] // PAGE)
    pv_app = os.path.join(base, "parts", "bench-tm.elf")
    exec_lib = os.path.join(base, "guest", "libexec.a")
    pv_port = os.path.join(base, "guest", "pv", "libport-pv.a")
    if arch == "sparc":
        # Same keys as x86: "page directory" is the level-1 table, "page
        # tables" the level-2 and level-3 ones. No native port.
        tables = _sparc_tables("bench/systems/micro.xml")["MICRO"] * SPARC_TABLE
        return {
            "kernel_text": text, "kernel_data": data, "kernel_bss": bss,
            "kernel_pools_bss": sum(syms[n][1] for n in
                                    ("partitions", "partition_shared_pages", "sparc_l1_tables",
                                     "sparc_page_tables")
                                    if n in syms),
            "partition_struct": per_part,
            "partition_control_page": PAGE,
            "partition_page_directory": SPARC_L1_TABLE,
            "partition_page_tables": tables,
            "partition_total": per_part + PAGE + SPARC_L1_TABLE + tables,
            "executive_text_pv_app": _code_from(pv_app, [exec_lib]),
            "port_text_pv": _code_from(pv_app, [pv_port]),
        }
    if arch == "riscv":
        # Same keys as x86: "page directory" is the root table, "page
        # tables" the level-1 and level-0 ones; the native keys where the
        # native port's images are built.
        tables = _riscv_tables("bench/systems/micro.xml")["MICRO"]
        out = {
            "kernel_text": text, "kernel_data": data, "kernel_bss": bss,
            "kernel_pools_bss": sum(syms[n][1] for n in
                                    ("partitions", "partition_shared_pages", "riscv_roots",
                                     "riscv_page_tables")
                                    if n in syms),
            "partition_struct": per_part,
            "partition_control_page": PAGE,
            "partition_page_directory": PAGE,
            "partition_page_tables": tables * PAGE,
            "partition_total": per_part + PAGE + PAGE + tables * PAGE,
            "executive_text_pv_app": _code_from(pv_app, [exec_lib]),
            "port_text_pv": _code_from(pv_app, [pv_port]),
        }
        native_app = os.path.join(base, "native", "bench-tm.elf")
        if os.path.exists(native_app):
            out["executive_text_native_app"] = _code_from(native_app, [exec_lib])
            out["port_text_native"] = _code_from(native_app, _native_port_objects(base))
        return out
    tables = _page_tables("bench/systems/micro.xml")["MICRO"]
    native_app = os.path.join(base, "native", "bench-tm.elf")
    native_port = sorted(os.path.join(dp, f) for dp, _, fs in
                         os.walk(os.path.join(base, "native", "port")) for f in fs
                         if f.endswith(".o"))
    native_port += sorted(os.path.join(dp, f) for dp, _, fs in
                          os.walk(os.path.join(base, "native", "cpu")) for f in fs
                          if f.endswith(".o"))
    return {
        "kernel_text": text, "kernel_data": data, "kernel_bss": bss,
        "kernel_pools_bss": sum(syms[n][1] for n in
                                ("partitions", "partition_shared_pages", "x86_directories",
                                 "x86_page_tables")
                                if n in syms),
        "partition_struct": per_part,
        "partition_control_page": PAGE,
        "partition_page_directory": PAGE,
        "partition_page_tables": tables * PAGE,
        "partition_total": per_part + PAGE + PAGE + tables * PAGE,
        "executive_text_pv_app": _code_from(pv_app, [exec_lib]),
        "executive_text_native_app": _code_from(native_app, [exec_lib]),
        "port_text_pv": _code_from(pv_app, [pv_port]),
        "port_text_native": _code_from(native_app, native_port),
    }
