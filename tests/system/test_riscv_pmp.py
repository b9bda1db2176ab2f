#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""RISC-V only: PMP is a second wall behind the page tables
(docs/architecture.md, "RISC-V"). The kernel cannot be made to build a
wrong table, so the debugger plants one: stopped at the first resume
(gdb-multiarch on QEMU's gdbstub), each partition of riscv-pmp gets a
1 GiB user leaf from virtual 0 to the start of RAM. Through it
(tests/system/parts/pmpprobe.c) partitions' RAM and the kernel's code are
readable (PMP does not hide them: the control cases), but writing the
kernel's code, executing its state and reading RAM beyond the system's
64 MiB end in access faults - memory violations - where the same accesses
would have succeeded without PMP. Without the planted leaf each access is
a page fault (nothing is mapped there)."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                                "gdb"))
import session  # noqa: E402
from sysrun import ARCH, Run, Tap, boot, exit_status, qemu_command, system_image  # noqa: E402
from sysrun import CLEAN, FAILED  # noqa: E402

PARTS = 5
RAM_PA = 0x80000000
# A V R W X U A D leaf for virtual [0, 1 GiB) -> physical RAM_PA.
LEAF = (RAM_PA >> 12) << 10 | 0xdf
TIMEOUT = 240

# partition -> (what it says, the kernel's report with the leaf or None if it survives)
PLANTED = {
    "P1": (["read partitions' RAM", "survived"], None),
    "P2": (["read the kernel's code", "survived"], None),
    "P3": (["write the kernel's code"], r"store access fault at pc=\w+ tval=1000$"),
    "P4": (["execute in the kernel's state"], r"instruction access fault at pc=ff0000 tval=ff0000$"),
    "P5": (["read RAM beyond the system's"], r"load access fault at pc=\w+ tval=4000000$"),
}
UNMAPPED = {"P1": r"load page fault at pc=\w+ tval=1000000$",
            "P2": r"load page fault at pc=\w+ tval=1000$",
            "P3": r"store page fault at pc=\w+ tval=1000$",
            "P4": r"instruction page fault at pc=ff0000 tval=ff0000$",
            "P5": r"load page fault at pc=\w+ tval=4000000$"}


def run_planted(image):
    """The system with the leaf planted by gdb: its console and status."""
    port = session.free_port()
    with tempfile.TemporaryDirectory() as tmp:
        console = os.path.join(tmp, "console")
        cmd = qemu_command(ARCH, image, serial=f"file:{console}")
        cmd += ["-gdb", f"tcp:127.0.0.1:{port}", "-S"]
        qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        plant = [f"set {{unsigned long}}((char *)&riscv_roots + {4096 * i}) = {LEAF:#x}"
                 for i in range(PARTS)]
        gdb = [session.GDB, "-nx", "-q", "-batch", "-ex", "set architecture riscv:rv64",
               "-ex", f"file {image}", "-ex", "set tcp auto-retry on",
               "-ex", f"target remote 127.0.0.1:{port}", "-ex", "break riscv_first_resume",
               "-ex", "continue"]
        for c in plant + ["delete", "continue"]:
            gdb += ["-ex", c]
        try:
            g = subprocess.run(gdb, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                               timeout=TIMEOUT)
            rc = qemu.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            qemu.kill()
            qemu.wait()
            return Run("gdb or QEMU did not end", FAILED), ""
        with open(console, "rb") as f:
            out = f.read().decode("utf-8", "replace").replace("\r", "")
    return Run(out, CLEAN if exit_status(ARCH, rc) == 0 else FAILED), g.stdout + g.stderr


def main():
    tap = Tap()
    if ARCH != "riscv":
        tap.ok(False, f"test_riscv_pmp runs on riscv only, not {ARCH}")
        return tap.done()
    run = boot("riscv-pmp")
    tap.eq(run.status, CLEAN, "riscv-pmp: without the planted leaf, the system ends in order")
    got = run.stopped_partitions()
    for part, report in UNMAPPED.items():
        tap.ok(re.match(report, got.get(part, "")), f"riscv-pmp: {part}'s access is a page fault "
               "without the leaf", f"kernel said: {got.get(part)}\nexpected:   {report}")
    run, gdb_out = run_planted(system_image("riscv-pmp"))
    tap.eq(run.status, CLEAN, "riscv-pmp, leaf planted: the system ends in order")
    tap.ok("Breakpoint 1, " in gdb_out, "riscv-pmp: gdb stopped at the first resume", gdb_out)
    got = run.stopped_partitions()
    for part, (lines, report) in PLANTED.items():
        said = run.partition_lines(part)
        tap.eq(said, lines, f"riscv-pmp, leaf planted: {part}: {lines[0]}")
        if report is None:
            tap.ok(part not in got, f"riscv-pmp, leaf planted: {part} allowed",
                   f"kernel said: {got.get(part)}")
        else:
            tap.ok(re.match(report, got.get(part, "")),
                   f"riscv-pmp, leaf planted: {part} refused by PMP",
                   f"kernel said: {got.get(part)}\nexpected:   {report}")
    tap.eq(len([ln for ln in run.kernel_lines() if ln.startswith("hm: ") and
                "memory-violation" in ln]), 3, "riscv-pmp, leaf planted: three memory violations")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
