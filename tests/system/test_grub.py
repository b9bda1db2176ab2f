#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The system image boots from GRUB 2 as on a real PC: a bootable CD image
(grub-mkrescue) with the `multiboot` command, started by QEMU's PC BIOS
instead of -kernel. The schedule test system must run to its clean end."""
import os
import shutil
import subprocess
import sys
import tempfile
from sysrun import (Tap, Run, CLEAN, FAILED, TIMEOUT, exit_status, qemu_command, system_image,
                    probe_results)

GRUB_CFG = """set timeout=0
set default=0
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
menuentry "Tessera" {
    multiboot /boot/tessera.elf
    boot
}
"""


def main():
    tap = Tap()
    image = system_image("sched")
    if not tap.ok(shutil.which("grub-mkrescue") and shutil.which("xorriso"),
                  "grub-mkrescue and xorriso are installed (tools/install-deps.sh)"):
        return tap.done()
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "iso")
        os.makedirs(os.path.join(root, "boot", "grub"))
        shutil.copy(image, os.path.join(root, "boot", "tessera.elf"))
        with open(os.path.join(root, "boot", "grub", "grub.cfg"), "w") as f:
            f.write(GRUB_CFG)
        iso = os.path.join(tmp, "tessera.iso")
        r = subprocess.run(["grub-mkrescue", "-o", iso, root], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        if not tap.ok(r.returncode == 0, "grub-mkrescue builds a bootable image",
                      r.stdout.decode(errors="replace")[-2000:]):
            return tap.done()
        cmd = qemu_command("x86", iso, icount=True, cdrom=True)
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=180)
            status = CLEAN if exit_status("x86", p.returncode) == 0 else FAILED
            out = p.stdout
        except subprocess.TimeoutExpired as e:
            status, out = TIMEOUT, e.stdout or b""
    run = Run(out.decode("utf-8", "replace").replace("\r", ""), status)
    tap.ok("Tessera separation kernel (x86)" in run.output, "GRUB starts the kernel",
           run.output[-2000:])
    tap.eq(run.status, CLEAN, "the system runs to its orderly shutdown")
    res = probe_results(run)
    tap.eq(sorted(res), ["P1", "P2", "P3"], "every partition ran its 1000 windows",)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
