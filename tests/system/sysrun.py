# SPDX-License-Identifier: BSD-2-Clause
"""Shared helpers of the system tests: boot a system image under QEMU, collect
its console, and report results as TAP."""
import os
import re
import subprocess
import tempfile
import sys
import threading

ARCH = os.environ.get("TESSERA_ARCH", "x86")
BUILD = os.environ.get("TESSERA_BUILD", os.path.join(os.getcwd(), "build"))

# Exit statuses of the kernel's shutdown, per arch, as QEMU reports them.
CLEAN, FAILED, TIMEOUT = "clean", "failed", "timeout"


# The x86 CPU model: QEMU's default (qemu32) plus UMIP, which TCG
# implements and the kernel turns on where CPUID reports it, so that the
# tests run the kernel as it runs on a CPU that has it.
X86_CPU = "qemu32,+umip"


def qemu_command(arch, image, icount=True, memory="128M", cdrom=False, serial="stdio", smp=None):
    """QEMU booting image: a multiboot ELF through -kernel (qboot), or with
    cdrom=True a bootable CD image through the PC BIOS, as on a real PC.
    serial: QEMU's -serial backend for the console. smp: QEMU's CPU count
    (its default, one, if None); under -icount QEMU runs them round-robin
    on one thread, not repeatably (docs/testing.md, "Multicore under
    -icount"), and without it on a thread each."""
    if arch == "x86":
        cmd = ["qemu-system-i386", "-accel", "tcg", "-cpu", X86_CPU, "-m", memory, "-nodefaults",
               "-no-reboot", "-display", "none", "-serial", serial,
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        if cdrom:
            cmd += ["-cdrom", image, "-boot", "d"]
        else:
            cmd += ["-bios", "/usr/share/qemu/qboot.rom", "-kernel", image]
    elif arch == "sparc":
        # QEMU's built-in PROM stub starts the ELF at its (physical) entry.
        cmd = ["qemu-system-sparc", "-M", "leon3_generic", "-m", memory, "-nodefaults",
               "-no-reboot", "-display", "none", "-serial", serial, "-kernel", image]
        if cdrom:
            raise ValueError("sparc boots no CD image")
    elif arch == "riscv":
        # No firmware: the kernel's own M-mode start runs at 0x80000000.
        cmd = ["qemu-system-riscv64", "-M", "virt", "-m", memory, "-bios", "none", "-nodefaults",
               "-no-reboot", "-display", "none", "-serial", serial, "-kernel", image]
        if cdrom:
            raise ValueError("riscv boots no CD image")
    else:
        raise ValueError(f"unknown arch {arch}")
    if smp is not None:
        cmd += ["-smp", str(smp)]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off"]
    return cmd


def exit_status(arch, qemu_rc):
    """Our exit status from QEMU's. x86: isa-debug-exit turns the kernel's
    code v into 2v+1, so 1 is an orderly shutdown. sparc: the kernel ends
    with `ta 0` (orderly, QEMU exits 0) or another trap (134) with traps
    disabled, which puts the CPU in error mode. riscv: sifive_test ends
    QEMU with 0 (orderly) or the kernel's code."""
    if arch in ("sparc", "riscv"):
        return 0 if qemu_rc == 0 else 1
    if qemu_rc == 1:
        return 0
    return 1


def shutdown_code(arch, qemu_rc):
    """The code the kernel passed to arch_shutdown, or None if QEMU did not
    end through it."""
    if arch == "x86":
        return (qemu_rc - 1) // 2 if qemu_rc % 2 == 1 else None
    if arch == "riscv":
        return qemu_rc
    return 0 if exit_status(arch, qemu_rc) == 0 else None



def run_on_machine(name, memory="128M", cpu=None, timeout=60):
    """Boots system NAME once on a machine of the given RAM (and -cpu, if
    given) with the console on stdout: (QEMU's exit code, console text).
    For the boot refusals of machines the system does not fit."""
    cmd = qemu_command(ARCH, system_image(name), memory=memory)
    if cpu:
        cmd += ["-cpu", cpu]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace").replace("\r", "")

def system_image(name):
    return os.path.join(BUILD, ARCH, "systems", name, "system.elf")


class Run:
    def __init__(self, output, status, code=None):
        self.output = output
        self.status = status
        self.code = code  # the kernel's shutdown code, if it shut down
        self.lines = output.splitlines()

    def partition_lines(self, name):
        prefix = f"[{name}] "
        return [ln[len(prefix):] for ln in self.lines if ln.startswith(prefix)]

    def kernel_lines(self):
        return [ln[len("[tessera] "):] for ln in self.lines if ln.startswith("[tessera] ")]

    def stopped_partitions(self):
        """{partition: why} from the kernel's "partition P stopped: why"
        lines (the last one of each partition)."""
        out = {}
        for ln in self.kernel_lines():
            m = re.match(r"partition (\S+) stopped: (.*)", ln)
            if m:
                out[m.group(1)] = m.group(2)
        return out


def run_to_end(arch, image, timeout, icount=True, smp=None):
    """Runs QEMU on image to its end with the console written to a file.
    Returns (console output and QEMU's own messages, QEMU's status or None
    on a timeout). A file never pushes back; a pipe the reader has not
    emptied in time makes QEMU's emulated UART report "busy" at moments
    that depend on the host's load, and under -icount the guests would then
    see another run (their output waits)."""
    with tempfile.TemporaryDirectory() as tmp:
        console = os.path.join(tmp, "console")
        cmd = qemu_command(arch, image, icount=icount, serial=f"file:{console}", smp=smp)
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=timeout)
            rc, extra = proc.returncode, proc.stdout
        except subprocess.TimeoutExpired as e:
            rc, extra = None, e.stdout or b""
        with open(console, "rb") as f:
            out = f.read()
    return out + extra, rc


def boot(name, timeout=120, icount=True, stdin_data=None, smp=None):
    """Boots system NAME; stdin_data, if given, is typed on its console once
    the kernel has started its schedule, as a user at the console would:
    LEON3's APBUART (in QEMU as on hardware) drops what arrives before its
    receiver is enabled."""
    image = system_image(name)
    if not os.path.exists(image):
        return Run(f"system image {image} missing: was it built?", FAILED)
    if stdin_data is None:
        out, rc = run_to_end(ARCH, image, timeout, icount=icount, smp=smp)
        text = out.decode("utf-8", "replace").replace("\r", "")
        if rc is None:
            return Run(text, TIMEOUT, None)
        return Run(text, CLEAN if exit_status(ARCH, rc) == 0 else FAILED, shutdown_code(ARCH, rc))
    # Console input needs a pipe: typed once the schedule has started.
    cmd = qemu_command(ARCH, image, icount=icount, smp=smp)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = bytearray()
    pending = [stdin_data or b""]

    def type_input():
        data, pending[0] = pending[0], None
        if data is None:
            return
        try:
            proc.stdin.write(data)
            proc.stdin.close()
        except OSError:
            pass  # QEMU has ended already

    if stdin_data is None:
        type_input()

    def read_output():
        for chunk in iter(lambda: proc.stdout.read1(4096), b""):
            out.extend(chunk)
            if pending[0] is not None and b"[tessera] plan " in out:
                type_input()

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    try:
        rc = proc.wait(timeout=timeout)
        reader.join()
        status = CLEAN if exit_status(ARCH, rc) == 0 else FAILED
        code = shutdown_code(ARCH, rc)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        reader.join()
        status, code = TIMEOUT, None
    type_input()
    return Run(bytes(out).decode("utf-8", "replace").replace("\r", ""), status, code)


def apex_codes(lines, part):
    """The APEX return codes test partitions print as "PART rc WHAT = CODE":
    {what: code}, the first one of each."""
    got = {}
    for ln in lines:
        m = re.match(rf"{part} rc (\S+) = (\S+)$", ln)
        if m:
            got.setdefault(m.group(1), m.group(2))
    return got


class Tap:
    """Minimal TAP producer: one line per check, diagnostics as comments."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, diag=""):
        self.n += 1
        if cond:
            print(f"ok {self.n} - {name}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {name}")
            for line in str(diag).splitlines():
                print(f"#   {line}")
        sys.stdout.flush()
        return cond

    def eq(self, got, want, name):
        return self.ok(got == want, name, f"got:  {got!r}\nwant: {want!r}")

    def checks(self, lines, names, prefix):
        """For each name, exactly one "check NAME: ok" among a partition's
        lines (the verdicts tests/system/parts print with check())."""
        for name in names:
            got = [ln for ln in lines if ln.startswith(f"check {name}:")]
            self.eq(got, [f"check {name}: ok"], f"{prefix}: {name}")

    def done(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


PROBE_RE = re.compile(r"probe (\d+) windows=(\d+) first=(\d+) last=(\d+) "
                      r"period=(\d+)\.\.(\d+) len=(\d+)\.\.(\d+)")


def probe_results(run):
    """Parses the summary lines of schedule probes: {partition name: dict}."""
    res = {}
    for ln in run.lines:
        m = re.match(r"\[(\S+)\] " + PROBE_RE.pattern, ln)
        if m:
            v = [int(x) for x in m.groups()[1:]]
            res[m.group(1)] = dict(id=v[0], windows=v[1], first=v[2], last=v[3], period_min=v[4],
                                   period_max=v[5], len_min=v[6], len_max=v[7])
    return res
