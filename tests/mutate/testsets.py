# SPDX-License-Identifier: BSD-2-Clause
"""Which tests a mutant of a given file meets first.

A mutant runs its quick set (the host unit tests that link its file, then
the system tests of what the file implements, shortest first) and stops at
the first failure; one that survives it runs the rest of the arch's list.
The table only orders the work: a wrong guess costs time, never a verdict.
"""
import os
import re

SYS = "tests/system/"
# Host tests that read a file's text and check it against another
# definition (the contract in docs/pv-api.md, the trace tool's tables, the
# trap mapping): milliseconds each, and they notice a renumbering that the
# kernel and the guests, compiled from the same header, cannot.
TEXT_CHECKS = {
    "pv/include/pv/abi.h": ["tests/contract/test_abi_numbers.py"],
    "pv/include/pv/abi_list.h": ["tests/contract/test_abi_numbers.py",
                                 "tests/tools/test_trace_kinds.py"],
    "pv/include/pv/trace.h": ["tests/tools/test_trace_kinds.py"],
    "kernel/arch/x86/trap.c": ["tests/contract/test_trap_tables.py"],
    "kernel/arch/x86/include/x86.h": ["tests/contract/test_trap_tables.py"],
    "kernel/arch/sparc/trap.c": ["tests/contract/test_trap_tables.py"],
    "kernel/arch/sparc/include/sparc.h": ["tests/contract/test_trap_tables.py"],
}

# File stem -> system tests that exercise it (without the directory).
BY_STEM = {
    "hcall": ["test_hypercalls", "test_hcall_args", "test_fuzz"],
    "uaccess": ["test_hcall_args", "test_rights", "test_hypercalls"],
    "port": ["test_ports", "test_hcall_args", "test_port_costs"],
    "hm": ["test_hm", "test_faults"],
    "sched": ["test_schedule", "test_plans", "test_guard"],
    "kernel": ["test_schedule", "test_virq", "test_faults", "test_guard"],
    "partition": ["test_partitions", "test_restart", "test_modes"],
    "virq": ["test_virq", "test_hypercalls"],
    "vtimer": ["test_virq", "test_hypercalls"],
    "console": ["test_console", "test_console_isolation"],
    "elf": ["test_partitions", "test_restart"],
    "kprintf": ["test_console", "test_hm"],
    "kformat": ["test_console", "test_hm"],
    "kstring": ["test_hypercalls", "test_ports"],
    "cfg": ["test_partitions", "test_schedule", "test_ports"],
    "trap": ["test_faults", "test_x86_breaches", "test_sparc_traps", "test_x86_fault_tasks",
             "test_guard", "test_fpu_fault"],
    "entry": ["test_faults", "test_hypercalls", "test_sparc_traps"],
    "window": ["test_sparc_traps", "test_faults"],
    "mmu": ["test_rights", "test_shared", "test_faults", "test_riscv_pmp", "test_x86_page_tables",
            "test_riscv_page_tables"],
    "fpu": ["test_fpu", "test_fpu_fault", "test_x86_breaches"],
    "time": ["test_schedule", "test_virq", "test_guard", "test_fuzz"],
    "upcall": ["test_virq", "test_hypercalls", "test_null_hypercall"],
    "desc": ["test_faults", "test_x86_fault_tasks"],
    "boot": ["test_partitions", "test_schedule", "test_riscv_boot"],
    "uart": ["test_console", "test_console_backpressure"],
    "insn": ["test_faults"],
    "riscv_insn": ["test_faults"],
    # kernel/arch/riscv and pv/arch/riscv
    "fdt": ["test_riscv_boot", "test_partitions"],
    "mstart": ["test_riscv_pmp", "test_riscv_boot", "test_fpu", "test_faults"],
    "riscv": ["test_faults", "test_hypercalls", "test_guard", "test_fuzz"],
    "riscv_mstart": ["test_riscv_pmp", "test_riscv_boot"],
    "mem": ["test_hypercalls", "test_ports", "test_hcall_args"],
    "word": ["test_hcall_args", "test_hypercalls"],
    # pv/include/pv and pv/arch/*/include/pv
    "abi": ["test_hypercalls", "test_hcall_args", "test_virq"],
    "pv": ["test_hypercalls", "test_virq", "test_ports", "test_null_hypercall"],
    "shared": ["test_virq", "test_hypercalls"],
    "hcall_args": ["test_hcall_args"],
    "status": ["test_partitions", "test_hypercalls"],
    "trace": ["test_trace", "test_smp_trace"],
    "arch": ["test_hypercalls", "test_virq"],
}
DEFAULT = ["test_hypercalls", "test_schedule", "test_virq"]
GUEST = ["test_rtems_scenarios", "test_rtems_isolation", "test_apex"]


def unit_sources(root):
    """Kernel unit test name -> the kernel/core sources it links
    (tests/unit/unit.mk's UNIT_SRCS_name lines)."""
    text = open(os.path.join(root, "tests/unit/unit.mk"), encoding="utf-8").read()
    text = text.replace("\\\n", " ")
    raw = dict(re.findall(r"^UNIT_SRCS_(\w+)\s*:=\s*(.*)$", text, re.M))
    out = {}
    for name in raw:
        words, todo = [], raw[name].split()
        while todo:
            w = todo.pop(0)
            m = re.match(r"\$\(UNIT_SRCS_(\w+)\)", w)
            todo[:0] = raw.get(m.group(1), "").split() if m else []
            if not m:
                words.append(w)
        out[name] = words
    return out


def unit_tests_for(path, programs, root):
    """The host unit-test programs (from programs) a mutant of path meets."""
    host = [p for p in programs if not p.startswith(SYS) and not p.endswith("lint.py")]
    kernel_units = [p for p in host if "/unit/kernel-" in p]
    guest_units = [p for p in host if p not in kernel_units]
    if path.startswith("guest/core/"):
        return guest_units
    if path.startswith("kernel/core/") and path.endswith(".c"):
        srcs = unit_sources(root)
        return [p for p in kernel_units if path in srcs.get(p.rsplit("kernel-", 1)[1], [])]
    if path.startswith(("kernel/core/include/", "pv/include/")):
        return kernel_units
    # An arch's file with a host unit test of its own (build/host/unit/
    # riscv-insn for kernel/arch/riscv/insn.c).
    m = re.match(r"(?:kernel|pv)/arch/(\w+)/(?:.*/)?(\w+)\.[ch]$", path)
    if m:
        return [p for p in host if p.endswith(f"/unit/{m.group(1)}-{m.group(2)}")]
    return []


def quick_set(path, programs, root, secs):
    """Ordered quick set for a mutant of path: the host checks of its text
    (TEXT_CHECKS), the unit test named after the file, the mapped system tests (shortest first), then the other unit
    tests that link the file (each unit binary compiles its sources anew:
    on a loaded machine that costs more than a short system test)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    names = GUEST if path.startswith("guest/core/") else BY_STEM.get(stem, DEFAULT)
    system = [p for p in programs if p.startswith(SYS)
              and os.path.splitext(os.path.basename(p))[0] in names]
    units = unit_tests_for(path, programs, root)
    own = [p for p in TEXT_CHECKS.get(path, []) if p in programs]
    own += [p for p in units if p.endswith(("kernel-" + stem, "test_" + stem, "-" + stem))]
    return own + sorted(system, key=lambda p: secs.get(p, 1e9)) + \
        [p for p in units if p not in own]


# Tests that run none of the kernel's or pv's code: the executive on its
# native port (bare x86, ring 0), and its host scenarios and unit tests.
GUEST_ONLY = ("tests/system/test_native_scenarios.py", "tests/unit/guest/", "/tests/unit/guest/")


def full_set(path, programs, quick, secs):
    """Everything else a survivor of the quick set must also survive: the
    arch's system tests and the host tests, shortest first; for a mutant
    outside guest/, less the tests that cannot reach it."""
    rest = [p for p in programs if p not in quick and not p.endswith("lint.py")]
    if not path.startswith("guest/"):
        rest = [p for p in rest if not any(g in p for g in GUEST_ONLY)]
    # The configuration compiler (host) compiles only kernel headers.
    if not (path.startswith("kernel/") and path.endswith(".h")):
        rest = [p for p in rest if not p.startswith("tests/config/")]
    return sorted(rest, key=lambda p: secs.get(p, 1e9))
