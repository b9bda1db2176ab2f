#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Where the kernel's instructions go: boots a system image under QEMU
-icount with -singlestep, waits for a line on its console (the benchmark
has started), then logs every executed instruction (-d exec,nochain) for a
while and splits the log into kernel entries (from a vector stub to the
return to ring 3). For each kind of entry - the vector, plus the hypercall
handler it ran or "window start" for a timer interrupt that started a
window - it prints how many there were, their lengths in instructions, and
the instructions per function of the longest one.

    bench/profile.py build/x86/systems/bench-virq-flood/system.elf \\
        --marker "bench virq partition" --lines 3000000

On SPARC (the image's ELF machine says which) an entry starts at a trap
table entry (sparc_trap_table, 16 bytes each: the "vector" is the trap
type) and ends at the first instruction below the kernel's mappings
(0xf0000000): the partition's. Served window traps and the other trap
table fast paths are entries too. On RISC-V an entry starts at
riscv_trap_entry (every trap's one entry: "vector 0x00", told apart by
the functions it runs) and ends below 0xffffffff00000000.

Not part of `make bench`; docs/performance.md shows what it found."""
import argparse
import bisect
import collections
import os
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "system"))
import sysrun  # noqa: E402


def symbols(elf):
    """Sorted (address, name) of the text symbols of elf."""
    out = subprocess.run(["nm", "-n", elf], capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def lookup(table, pc):
    i = bisect.bisect_right(table[0], pc) - 1
    return table[1][i] if i >= 0 else "?"


def elf_arch(image):
    """x86, sparc or riscv, from the ELF header's e_machine (big-endian on
    SPARC)."""
    with open(image, "rb") as f:
        head = f.read(20)
    if head[5] == 2 and int.from_bytes(head[18:20], "big") == 2:
        return "sparc"
    return "riscv" if int.from_bytes(head[18:20], "little") == 243 else "x86"


# Where the kernel's mappings begin: a pc below is the partition's.
KERNEL_BASE = {"sparc": 0xf0000000, "riscv": 0xffffffff00000000}


def capture(image, marker, lines, log, arch):
    """Runs image until marker appears on its console, then logs `lines`
    instructions to log."""
    work = tempfile.mkdtemp(prefix="tessera-profile-")
    sock, serial = os.path.join(work, "monitor"), os.path.join(work, "serial")
    open(serial, "w").close()
    qemu = subprocess.Popen(sysrun.qemu_command(arch, image, serial="file:" + serial) + [
        "-singlestep", "-D", log, "-monitor", "unix:%s,server=on,wait=off" % sock])
    try:
        while not os.path.exists(sock) or marker not in open(serial, errors="replace").read():
            if qemu.poll() is not None:
                sys.exit("profile: QEMU ended before %r appeared" % marker)
            time.sleep(0.05)
        mon = socket.socket(socket.AF_UNIX)
        mon.connect(sock)
        mon.sendall(b"log exec,nochain\n")
        while not os.path.exists(log) or os.path.getsize(log) < lines * 70:
            if qemu.poll() is not None:
                break
            time.sleep(0.2)
        mon.sendall(b"quit\n")
        qemu.wait(timeout=30)
    finally:
        if qemu.poll() is None:
            qemu.kill()


VECTORS = {"x86": "x86_vectors", "sparc": "sparc_trap_table", "riscv": "riscv_trap_entry"}
MMIO_FUNCTIONS = ("x86_timer_eoi", "arch_timer_arm", "now_ticks", "sparc_timer_ack",
                  "sparc_timer_pending", "sparc_timer_arm_on_grid")


def entries(log, kernel, limit, arch):
    """Yields the kernel entries in log, each a list of pcs."""
    vectors = kernel[0][kernel[1].index(VECTORS[arch])]
    current, previous = None, None
    count = 0
    for line in open(log, errors="replace"):
        i = line.find("[")
        if i < 0:
            continue
        fields = line[i + 1:line.find("]", i)].split("/")
        try:
            pc = int(fields[1], 16)
            cpl = int(fields[2], 16) & 3 if arch == "x86" else (0 if pc >= KERNEL_BASE[arch] else 3)
        except (IndexError, ValueError):
            continue
        count += 1
        if count > limit:
            break
        if cpl != 0:
            if current:
                yield current
            current = None
            continue
        if pc == previous and lookup(kernel, pc) in MMIO_FUNCTIONS:
            continue  # an MMIO access that icount re-executes: one instruction
        previous = pc
        if pc == vectors if arch == "riscv" else vectors <= pc < vectors + 4096 and (pc - vectors) % 16 == 0:
            if current:
                yield current
            current = [pc]
        elif current is not None:
            current.append(pc)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("image", help="system.elf (its symbols name the kernel's functions)")
    ap.add_argument("--marker", required=True, help="console text after which to log")
    ap.add_argument("--lines", type=int, default=3000000, help="instructions to log")
    ap.add_argument("--log", help="keep the instruction log here")
    args = ap.parse_args()

    kernel = symbols(args.image)
    arch = elf_arch(args.image)
    vectors = kernel[0][kernel[1].index(VECTORS[arch])]
    log = args.log or os.path.join(tempfile.mkdtemp(prefix="tessera-profile-"), "exec.log")
    capture(args.image, args.marker, args.lines, log, arch)

    kinds = collections.defaultdict(list)
    for pcs in entries(log, kernel, args.lines, arch):
        names = [lookup(kernel, pc) for pc in pcs]
        vector = (pcs[0] - vectors) // 16
        what = "vector 0x%02x" % vector
        handlers = [n for n in names if n.startswith(("hc_", "port_hc_", "hm_hc_"))]
        if handlers:
            what += " " + handlers[0]
        if arch == "riscv":  # one entry point: say which kind of trap
            for fn, kind in (("kernel_on_hypercall", " hypercall"), ("kernel_on_timer", " timer"),
                             ("riscv_timer_fast", " timer fast path"),
                             ("riscv_upcall_return_fast", " upcall return")):
                if fn in names:
                    what += kind
                    break
        if any(n.startswith("publish_window") for n in names):
            what += " window start"
        kinds[what].append(names)
    for what, runs in sorted(kinds.items()):
        lengths = sorted(len(r) for r in runs)
        print("%-40s %6d entries, instructions min %d median %d max %d" %
              (what, len(runs), lengths[0], lengths[len(lengths) // 2], lengths[-1]))
        longest = max(runs, key=len)
        per_function = collections.OrderedDict()
        for name in longest:
            per_function[name] = per_function.get(name, 0) + 1
        for name, n in per_function.items():
            print("    %5d  %s" % (n, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
