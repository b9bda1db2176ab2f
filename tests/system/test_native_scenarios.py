#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs the scenario programs of apps/tests/ on the native port of the arch
($TESSERA_ARCH: x86 or riscv).

Each apps/tests/<name>/ (and the port's own guest/port/native/ARCH/selftest/)
is built as $TESSERA_BUILD/ARCH/native/<name>.elf (guest/port/native.mk) and
booted alone under QEMU with -icount shift=0,sleep=off, so the run is
deterministic. Its console output, without "\\r",
must equal expected.txt, the very file the host port is checked against, and
QEMU must end with the status of the exit code v (an expected_status.txt, as
on the host, changes the wanted code): x86 writes v to isa-debug-exit, QEMU
exits with 2v + 1, so exit(0) gives 1; riscv writes it to sifive_test, QEMU
exits with v. Prints TAP.
"""
import os
import subprocess
import sys

import sysrun

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TIMEOUT_S = 60
NATIVE_ARCHES = ("x86", "riscv")


def selftest_dir(arch):
    """The port's own checks, in the same format (built as native-selftest.elf)."""
    return os.path.join(ROOT, "guest", "port", "native", arch, "selftest")


def wanted_status(arch, code):
    """QEMU's exit status when the port exits with code."""
    return 2 * code + 1 if arch == "x86" else code


def boot(arch, image):
    """Returns (output, QEMU status or None on timeout, error text)."""
    try:
        proc = subprocess.run(sysrun.qemu_command(arch, image, icount=True),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT_S)
        out, rc, err = proc.stdout, proc.returncode, proc.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out, rc, err = e.stdout or b"", None, f"timed out after {TIMEOUT_S} s"
    except OSError as e:
        out, rc, err = b"", None, str(e)
    return out.decode("utf-8", "replace").replace("\r", ""), rc, err


def differing_lines(expected, got, limit=12):
    exp_lines = expected.splitlines()
    got_lines = got.splitlines()
    diffs = []
    for n in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[n] if n < len(exp_lines) else "<none>"
        o = got_lines[n] if n < len(got_lines) else "<none>"
        if e != o:
            diffs.append((n + 1, e, o))
    return diffs[:limit]


def main():
    arch = os.environ.get("TESSERA_ARCH", "x86")
    if arch not in NATIVE_ARCHES:
        print(f"1..0 # SKIP no native port for {arch}")
        return 0
    build = os.environ.get("TESSERA_BUILD", os.path.join(ROOT, "build"))
    tests_dir = os.path.join(ROOT, "apps", "tests")
    scenarios = [(n, os.path.join(tests_dir, n)) for n in sorted(os.listdir(tests_dir))
                 if os.path.isfile(os.path.join(tests_dir, n, "expected.txt"))]
    scenarios.append(("native-selftest", selftest_dir(arch)))
    print(f"1..{len(scenarios)}")
    failed = 0
    for i, (name, directory) in enumerate(scenarios, 1):
        with open(os.path.join(directory, "expected.txt")) as f:
            expected = f.read()
        want_code = 0
        status_file = os.path.join(directory, "expected_status.txt")
        if os.path.exists(status_file):
            with open(status_file) as f:
                want_code = int(f.read().strip())
        want_rc = wanted_status(arch, want_code)
        image = os.path.join(build, arch, "native", f"{name}.elf")
        if not os.path.exists(image):
            failed += 1
            print(f"not ok {i} - native scenario {name}")
            print(f"#   {image} missing: was it built?")
            continue
        out, rc, err = boot(arch, image)
        if out == expected and rc == want_rc:
            print(f"ok {i} - native scenario {name}")
            continue
        failed += 1
        print(f"not ok {i} - native scenario {name} (QEMU status {rc}, expected {want_rc})")
        for n, e, o in differing_lines(expected, out, limit=1):
            print(f"#   line {n}: expected {e!r}")
            print(f"#   line {n}: got      {o!r}")
        for line in err.splitlines()[:5]:
            print(f"#   qemu: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
