#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Fault containment: each forbidden action stops exactly the partition that
did it, with the right exception reported, while a probe partition in the
same system keeps every one of its windows."""
import re
import sys
from sysrun import ARCH, Tap, boot, CLEAN
from test_schedule import check_probes, US

# action number -> (what the faulter says, start of the kernel's report)
ACTIONS = {
    0: ("read kernel memory", r"#PF page fault at eip=\w+: read of 00100000 \(protection"),
    1: ("write kernel memory", r"#PF page fault at eip=\w+: write of 00100000 \(protection"),
    2: ("read another partition's memory", r"#PF page fault at eip=\w+: read of 01000000 \(prot"),
    3: ("write another partition's memory", r"#PF page fault at eip=\w+: write of 01100000 \(pro"),
    4: ("write own code", r"#PF page fault at eip=\w+: write of 4000\w+ \(protection"),
    5: ("read unmapped memory", r"#PF page fault at eip=\w+: read of 50000000 \(not mapped"),
    6: ("cli", r"#GP general protection"),
    7: ("hlt", r"#GP general protection"),
    8: ("in", r"#GP general protection"),
    9: ("out", r"#GP general protection"),
    10: ("lgdt", r"#GP general protection"),
    11: ("mov to cr3", r"#GP general protection"),
    12: ("divide by zero", r"#DE divide error"),
    13: ("jump to address 0", r"#PF page fault at eip=00000000: read of 00000000 \(protection"),
    14: ("jump to garbage", r"#UD invalid opcode"),
    15: ("ud2", r"#UD invalid opcode"),
    16: ("int3", r"#GP general protection at eip=\w+ error=1a"),
    17: ("int to the timer vector", r"#GP general protection at eip=\w+ error=202"),
    18: ("use the FPU without the right", r"#NM FPU not available"),
    19: ("rdmsr", r"#GP general protection"),
    20: ("lidt", r"#GP general protection"),
    21: ("mov to cr0", r"#GP general protection"),
    22: ("wbinvd", r"#GP general protection"),
    23: ("invlpg", r"#GP general protection"),
    24: ("sti", r"#GP general protection"),
    25: ("overflow the stack", r"#PF page fault at eip=\w+: write of 400fff\w+ \(not mapped"),
    26: ("load the kernel data segment", r"#GP general protection at eip=\w+ error=10"),
    # Faults only under CR4.UMIP (sysrun.X86_CPU has it): faults-c.
    27: ("sgdt", r"#GP general protection at eip=\w+ error=0$"),
    28: ("sidt", r"#GP general protection at eip=\w+ error=0$"),
    29: ("sldt", r"#GP general protection at eip=\w+ error=0$"),
    30: ("smsw", r"#GP general protection at eip=\w+ error=0$"),
    31: ("str", r"#GP general protection at eip=\w+ error=0$"),
}

# SPARC (tests/system/parts/faulter.c has its own table): the SRMMU reports
# the access, privileged instructions trap with tt 0x03, and every trap
# instruction but the hypercall (ta 0x40) and the window flush (ta 3) is a
# fault.
DATA = r"data access exception at pc=\w+: "
PRIV = r"privileged instruction \(tt 0x03\)"
SPARC_ACTIONS = {
    0: ("read kernel memory", DATA + r"read of 00100000 \(invalid address"),
    1: ("write kernel memory", DATA + r"write of 00100000 \(invalid address"),
    2: ("read another partition's memory", DATA + r"read of 01000000 \(invalid address"),
    3: ("write another partition's memory", DATA + r"write of 01100000 \(invalid address"),
    4: ("write own code", DATA + r"write of 4000\w+ \(protection error"),
    5: ("read unmapped memory", DATA + r"read of 50000000 \(invalid address"),
    6: ("wr %psr", PRIV),
    7: ("lda bypassing the MMU", PRIV),
    8: ("rd %psr", PRIV),
    9: ("rd %wim", PRIV),
    10: ("wr %tbr", PRIV),
    11: ("sta to the MMU", PRIV),
    12: ("divide by zero", r"division by zero \(tt 0x2a\)"),
    13: ("jump to address 0",
         r"instruction access exception at pc=00000000: execute of 00000000 \(invalid"),
    14: ("jump to garbage", r"illegal instruction \(tt 0x02\)"),
    15: ("unimp", r"illegal instruction \(tt 0x02\)"),
    16: ("ta 1", r"trap instruction ta 0x1 at"),
    17: ("ta 9", r"trap instruction ta 0x9 at"),
    18: ("use the FPU without the right", r"fp disabled \(tt 0x04\)"),
    19: ("wr %wim", PRIV),
    20: ("lda from the MMU", PRIV),
    21: ("rett", PRIV),
    22: ("sta to the cache controller", PRIV),
    23: ("ta 0", r"trap instruction ta 0x0 at"),
    24: ("misaligned load", r"memory address not aligned \(tt 0x07\)"),
    25: ("overflow the stack", DATA + r"write of 400ff\w+ \(invalid address"),
    26: ("ta 0x41", r"trap instruction ta 0x41 at"),
}

# RISC-V: Sv39 page faults with the address in stval; machine- and
# supervisor-mode instructions and CSRs are illegal instructions (with the
# instruction in stval) that the kernel classes as privileged by their
# SYSTEM opcode; F/D instructions while mstatus.FS is off as FPU errors.
# Each action's health-monitor class is checked too (RISCV_HM).
ILL = r"illegal instruction at pc=\w+ tval="
RISCV_ACTIONS = {
    0: ("read kernel memory", r"load page fault at pc=\w+ tval=ffffffff80000000$"),
    1: ("write kernel memory", r"store page fault at pc=\w+ tval=ffffffff80000000$"),
    2: ("read another partition's memory", r"load page fault at pc=\w+ tval=1000000$"),
    3: ("write another partition's memory", r"store page fault at pc=\w+ tval=1100000$"),
    4: ("write own code", r"store page fault at pc=\w+ tval=4000\w+$"),
    5: ("read unmapped memory", r"load page fault at pc=\w+ tval=50000000$"),
    6: ("csrr mstatus", ILL + "300027f3"),
    7: ("csrw satp", ILL + "18001073"),
    8: ("csrr sstatus", ILL + "100027f3"),
    9: ("mret", ILL + "30200073"),
    10: ("sret", ILL + "10200073"),
    11: ("wfi", ILL + "10500073"),
    12: ("sfence.vma", ILL + "12000073"),
    13: ("jump to address 0", r"instruction page fault at pc=0 tval=0$"),
    14: ("jump to garbage", ILL + "ffffffff"),
    15: ("illegal instruction 0", ILL + "0$"),
    16: ("ebreak", r"breakpoint at pc=\w+"),
    17: ("csrr mhartid", ILL + "f14027f3"),
    18: ("use the FPU without the right", ILL + "2007053"),
    19: ("misaligned lr.d", r"load address misaligned at pc=\w+ tval=40100001$"),
    20: ("csrw mtvec", ILL + "30501073"),
    21: ("overflow the stack", r"store page fault at pc=\w+ tval=400ff\w+$"),
    22: ("csrw stvec", ILL + "10501073"),
    23: ("csrr pmpcfg0", ILL + "3a0027f3"),
    24: ("c.ebreak", r"breakpoint at pc=\w+"),
    25: ("jump to the kernel", r"instruction page fault at pc=ffffffff80000000 tval=ffffffff80000000$"),
    # QEMU reports a misaligned AMO as a misaligned load.
    26: ("misaligned amoadd.d", r"(load|store) address misaligned at pc=\w+ tval=40100002$"),
}
RISCV_HM = {n: "memory-violation" for n in (0, 1, 2, 3, 4, 5, 13, 21, 25)}
RISCV_HM.update({n: "privileged-instruction" for n in (6, 7, 8, 9, 10, 11, 12, 17, 20, 22, 23)})
RISCV_HM.update({n: "illegal-instruction" for n in (14, 15, 16, 24)})
RISCV_HM.update({18: "fpu-error", 19: "misaligned-access", 26: "misaligned-access"})
if ARCH == "sparc":
    ACTIONS = SPARC_ACTIONS
if ARCH == "riscv":
    ACTIONS = RISCV_ACTIONS


def check_system(tap, name, lo, hi):
    run = boot(name)
    tap.eq(run.status, CLEAN, f"{name}: system shuts down after all partitions end")
    maf = (100 + 30 * (hi - lo)) * US
    check_probes(tap, run, maf, {"PROBE": (0, 100 * US)}, name)
    stopped, classes = run.stopped_partitions(), {}
    for ln in run.kernel_lines():
        m = re.match(r"hm: partition (\S+): (\S+) -> ", ln)
        if m:
            classes[m.group(1)] = m.group(2)
    for n in range(lo, hi):
        what, report = ACTIONS[n]
        part = f"F{n}"
        lines = run.partition_lines(part)
        tap.eq(lines, [f"action {n}: {what}"], f"{name}: {part} tried '{what}' and got no further")
        got = stopped.get(part, "(not stopped)")
        tap.ok(re.match(report, got), f"{name}: {part} stopped for '{what}'",
               f"kernel said: {got}\nexpected:   {report}")
        if ARCH == "riscv":
            tap.eq(classes.get(part), RISCV_HM[n], f"{name}: {part}'s health-monitor class")
    tap.ok("PROBE" not in stopped, f"{name}: the probe was not stopped")


def main():
    tap = Tap()
    check_system(tap, "faults-a", 0, 14)
    check_system(tap, "faults-b", 14, 27)
    if ARCH == "x86":
        check_system(tap, "faults-c", 27, 32)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
