#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""x86: NMI, #DF and #MC reach the kernel through task gates, each on a
stack of its own, and the kernel reports them as a panic (QEMU exits with
the kernel's failure code) instead of resetting silently.

- NMI: injected through QMP (inject-nmi) while the spinner runs.
- #MC: injected through the monitor's `mce` command (needs CR4.MCE).
- #DF: gdb stops the kernel in x86_trap and points its %esp at an
  unmapped address: the next push is a #PF that cannot be delivered on that
  stack, a double fault, which only a task switch can report.
- The descriptors themselves (read with gdb): IDT 2, 8, 18 are task gates
  to distinct TSS selectors whose stacks are distinct and inside the kernel.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import qemuctl
from qemuctl import finish, qmp, wait_for
from sysrun import ARCH, X86_CPU, Tap, FAILED, system_image

PANIC_CODE = 1  # panic() -> arch_shutdown(1)


def start(extra):
    return qemuctl.start(system_image("spin"), extra)


def injected(tap, name, command, extra=()):
    """Boots the spin system, sends command over QMP once the spinner runs."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "qmp")
        proc, out, reader = start(["-qmp", f"unix:{sock},server=on,wait=off"] + list(extra))
        replies = None
        if wait_for(out, "[SPIN] spinner 1 spinning"):
            try:
                replies = qmp(sock, [command])
            except (ConnectionResetError, BrokenPipeError):
                # The injection took effect so fast that QEMU ended (the
                # kernel's panic) before it answered; the checks that
                # follow judge what it did.
                replies = [{"return": ""}]
        run = finish(proc, out, reader)
    # inject-nmi returns {}; a monitor command returns its output: none.
    tap.ok(replies and replies[0].get("return") in ({}, ""), f"{name}: QEMU took the injection",
           repr(replies))
    return run


def check_panic(tap, name, run, reason):
    panics = [ln for ln in run.kernel_lines() if ln.startswith("PANIC: ")]
    tap.ok(any(re.match(rf"PANIC: {reason} \(task gate\) at eip=[0-9a-f]{{8}} esp=[0-9a-f]{{8}}$",
                        ln) for ln in panics),
           f"{name}: the kernel reports it as a panic: {reason}", run.output[-2000:])
    tap.eq((run.status, run.code), (FAILED, PANIC_CODE),
           f"{name}: QEMU exits with the kernel's panic code")
    tap.ok(not [ln for ln in run.kernel_lines() if " stopped: " in ln],
           f"{name}: no partition is blamed for it", "\n".join(run.kernel_lines()))


GDB_STRUCT = ["p/x idt[2]", "p/x idt[8]", "p/x idt[18]", "p/x gdt", "p/x fault_tss",
              "p/x &fault_stacks", "p/x sizeof(fault_stacks)", "p/x &__kernel_end"]


def gdb_run(port, elf, after_break):
    # gdb retries the connection until QEMU listens.
    cmd = ["gdb", "-nx", "-batch", "-ex", "set pagination off", "-ex", "set tcp auto-retry on",
           "-ex", "set tcp connect-timeout 30", "-ex", f"file {elf}",
           "-ex", f"target remote 127.0.0.1:{port}", "-ex", "break x86_trap", "-ex", "continue",
           "-ex", "delete"]
    for c in after_break:
        cmd += ["-ex", c]
    cmd += ["-ex", "detach"]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60,
                          text=True).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def double_fault(tap):
    port = free_port()
    proc, out, reader = start(["-gdb", f"tcp:127.0.0.1:{port}", "-S"])
    log = gdb_run(port, system_image("spin"), GDB_STRUCT + ["set $esp = 0xd0000000"])
    run = finish(proc, out, reader)
    tap.ok("Breakpoint 1, x86_trap" in log, "#DF: gdb stopped the kernel in x86_trap", log)
    check_panic(tap, "#DF", run, "#DF double fault")
    return log


def values(log, expr):
    """The gdb value printed right after `p/x expr` (gdb numbers them $1, $2...)."""
    n = GDB_STRUCT.index(expr) + 1
    m = re.search(rf"^\${n} = (.*)$", log, re.M)
    return m.group(1) if m else "0x0"


def descriptors(tap, log):
    gates = []
    for v in (2, 8, 18):
        m = re.search(r"selector = (0x[0-9a-f]+).*type_attr = (0x[0-9a-f]+)",
                      values(log, f"p/x idt[{v}]"))
        gates.append((int(m.group(1), 16), int(m.group(2), 16)) if m else None)
    tap.ok(all(g and g[1] == 0x85 for g in gates), "IDT 2, 8, 18 are present task gates, DPL 0",
           repr(gates))
    sels = [g[0] for g in gates if g]
    tap.ok(len(set(sels)) == 3 and all(s & 7 == 0 and s > 0x28 for s in sels),
           "their TSS selectors are distinct GDT entries past the main TSS", repr(sels))
    gdt = [int(x, 16) for x in re.findall(r"0x[0-9a-f]+", values(log, "p/x gdt"))]
    tss = re.findall(r"\{link = [^}]*\}", values(log, "p/x fault_tss"))
    stacks_lo = int(values(log, "p/x &fault_stacks").split()[-1], 16)
    stacks_size = int(values(log, "p/x sizeof(fault_stacks)"), 16)
    kend = int(values(log, "p/x &__kernel_end").split()[-1], 16)
    esps, ok = [], len(tss) == 3
    for i, s in enumerate(sels):
        if not ok or s // 8 >= len(gdt):
            ok = False
            break
        d = gdt[s // 8]
        base = ((d >> 16) & 0xffffff) | ((d >> 56) << 24)
        typ = (d >> 40) & 0xff
        fields = dict(re.findall(r"(\w+) = (0x[0-9a-f]+)", tss[i]))
        esp = int(fields.get("esp", "0"), 16)
        esps.append(esp)
        ok = ok and typ in (0x89, 0x8b) and base != 0 and int(fields.get("cr3", "0"), 16) != 0 \
            and int(fields.get("cs", "0"), 16) == 0x08 and int(fields.get("ss", "0"), 16) == 0x10
    tap.ok(ok, "each selector is a TSS with the kernel's segments and address space", log[-3000:])
    tap.ok(len(set(esps)) == 3 and all(stacks_lo < e <= stacks_lo + stacks_size < kend
                                        and e % 16 == 0 for e in esps),
           "their stacks are distinct, aligned and inside the kernel's fault stacks",
           repr((esps, hex(stacks_lo), stacks_size, hex(kend))))


def main():
    tap = Tap()
    if ARCH != "x86":
        print("1..0 # SKIP x86 only")
        return 0
    run = injected(tap, "NMI", {"execute": "inject-nmi"})
    check_panic(tap, "NMI", run, "NMI")
    # status VAL|UC|EN|PCC, MCG status RIPV|EIPV: an uncorrected error. QEMU
    # injects machine checks only into a CPU with MCA (the last -cpu counts).
    run = injected(tap, "#MC", {"execute": "human-monitor-command",
                                "arguments": {"command-line": "mce 0 0 0xb200000000000000 3 0 0"}},
                   ["-cpu", X86_CPU + ",+mca"])
    check_panic(tap, "#MC", run, "#MC machine check")
    log = double_fault(tap)
    descriptors(tap, log)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
