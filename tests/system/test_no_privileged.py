#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The guest executive on the pv port never executes a privileged
instruction: every RTEMS partition image built for the pv port is
disassembled and searched for instructions that need ring 0 (or IOPL) on
x86, supervisor mode on SPARC or S/M-mode on RISC-V, and for software
traps other than the hypercall trap (and, on SPARC, the window flush the
kernel serves)."""
import glob
import os
import re
import subprocess
import sys

BUILD = os.environ.get("TESSERA_BUILD", "build")
ARCH = os.environ.get("TESSERA_ARCH", "x86")

# Ring-0 or IOPL-sensitive x86 instructions (Intel SDM vol. 3, 2.8 and 20.2).
PRIVILEGED = {
    "cli", "sti", "hlt", "in", "ins", "insb", "insw", "insl", "out", "outs", "outsb", "outsw",
    "outsl", "lgdt", "lidt", "lldt", "ltr", "lmsw", "clts", "invd", "wbinvd", "invlpg", "rdmsr",
    "wrmsr", "rdpmc", "sysexit", "iret", "iretl", "iretw",
}


# SPARC V8 (The SPARC Architecture Manual V8, appendix B): the privileged
# instructions are rett, rd/wr of %psr, %wim and %tbr, the alternate-space
# loads and stores, and (LEON3) the ancillary state registers but %y. A
# trap instruction is allowed for the hypercall (ta 0x40), the window flush
# (ta 3) and GCC's __builtin_trap (ta 5, what ud2 is on x86: the compiler's
# mark after a store it can prove faults, in the deliberately faulting
# apps), which the kernel takes as an illegal instruction; and the clock
# traps ta 0x42 (the benchmarks') and ta 0x43 (pv_clock_ns), which read
# the clock and change nothing else (pv-api.md).
SPARC_PRIVILEGED = {
    "rett", "lda", "ldba", "ldsba", "ldha", "ldsha", "ldda", "sta", "stba", "stha", "stda",
    "swapa", "ldstuba", "ldfa", "lddfa", "stfa", "stdfa",
}
SPARC_ALLOWED_TRAPS = {"0x40", "3", "0x3", "5", "0x5", "0x42", "0x43"}
SPARC_TRAPS = {"ta", "tn", "tne", "tnz", "te", "tz", "tg", "tle", "tge", "tl", "tgu", "tleu",
               "tcc", "tgeu", "tcs", "tlu", "tpos", "tneg", "tvc", "tvs"}


# RISC-V (privileged spec 1.12): the trap returns and wfi, the fences of
# address translation, and every CSR access but the unprivileged counters
# (rdtime is how pv_clock_ns reads the clock; cycle and instret are user
# counters too) and the FP CSRs (fcsr, frm, fflags: user-level; the guests
# are lp64d and the thread switch keeps FP threads' fcsr, which objdump
# shows as frcsr/fscsr, not as a csr instruction). ebreak is
# GCC's __builtin_trap here, as ud2 on x86. ecall is the hypercall.
RISCV_PRIVILEGED = {"sret", "mret", "uret", "dret", "wfi", "sfence.vma", "hfence.vvma",
                    "hfence.gvma", "sinval.vma", "sfence.w.inval", "sfence.inval.ir"}
RISCV_CSR_OPS = {"csrr", "csrw", "csrs", "csrc", "csrrw", "csrrs", "csrrc", "csrwi", "csrsi",
                 "csrci", "csrrwi", "csrrsi", "csrrci"}
RISCV_USER_CSRS = {"time", "cycle", "instret", "fcsr", "frm", "fflags"}


def riscv_finding(mnem, ops):
    if mnem in RISCV_PRIVILEGED:
        return True
    if mnem in RISCV_CSR_OPS:
        # The CSR is the first operand of csrw/s/c(i), the second of the others.
        args = [a.strip() for a in ops.split(",")]
        csr = args[0] if mnem in ("csrw", "csrs", "csrc", "csrwi", "csrsi", "csrci") else \
            (args[1] if len(args) > 1 else "")
        return csr not in RISCV_USER_CSRS
    return False


def sparc_finding(mnem, ops):
    if mnem in SPARC_PRIVILEGED:
        return True
    if mnem in ("rd", "wr") and re.search(r"%(psr|wim|tbr|asr\d+)", ops):
        return True
    return mnem in SPARC_TRAPS and ops.strip() not in SPARC_ALLOWED_TRAPS


def findings(image):
    objdump = {"sparc": "sparc64-linux-gnu-objdump",
               "riscv": "riscv64-unknown-elf-objdump"}.get(ARCH, "objdump")
    out = subprocess.run([objdump, "-d", "--no-show-raw-insn", image], stdout=subprocess.PIPE,
                         check=True).stdout.decode("utf-8", "replace")
    bad = []
    for line in out.splitlines():
        m = re.match(r"^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$", line)
        if not m:
            continue
        addr, mnem, ops = m.groups()
        if ARCH == "sparc":
            if sparc_finding(mnem.split(",")[0], ops):
                bad.append(f"{addr}: {mnem} {ops}")
            continue
        if ARCH == "riscv":
            if riscv_finding(mnem, ops):
                bad.append(f"{addr}: {mnem} {ops}")
            continue
        mnem = mnem.split(".")[0]
        if mnem in PRIVILEGED:
            bad.append(f"{addr}: {mnem} {ops}")
        elif mnem == "mov" and re.search(r"%[cd]r\d", ops):
            bad.append(f"{addr}: {mnem} {ops}")
        elif mnem == "int" and ops.strip() != "$0x80":
            bad.append(f"{addr}: {mnem} {ops}")
    return bad


def main():
    images = sorted(glob.glob(os.path.join(BUILD, ARCH, "pvapps", "*.elf")))
    n = failed = 0
    if not images:
        print("not ok 1 - pv guest images exist to scan")
        print(f"#   none under {BUILD}/{ARCH}/pvapps")
        print("1..1")
        return 1
    for image in images:
        n += 1
        bad = findings(image)
        if bad:
            failed += 1
            print(f"not ok {n} - {os.path.basename(image)} has no privileged instruction")
            for b in bad[:10]:
                print(f"#   {b}")
        else:
            print(f"ok {n} - {os.path.basename(image)} has no privileged instruction")
    # The scan itself must be able to fail: the bare fault-test partition
    # deliberately contains such instructions.
    n += 1
    probe = os.path.join(BUILD, ARCH, "parts", "faulter.elf")
    found = os.path.exists(probe) and len(findings(probe)) >= 10
    print(f"{'ok' if found else 'not ok'} {n} - the scan finds the faulter's privileged instructions")
    failed += not found
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
