#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The SDK as a user meets it (docs/guest.md, "Build your own application").

In a temporary folder: `make install ARCH=<arch> PREFIX=stage` from the
build, then the installed tree is moved elsewhere (so nothing may name the
folder it was installed to), apps/sdk (an application's own Makefile and an
RTEMS program using the Classic and the POSIX API) is copied out and built
with nothing but the installed tree: its pkg-config files (PKG_CONFIG_LIBDIR
is the tree's alone) and its bin/tessera-config on PATH, which links the
two-partition system with the installed kernel library. Every header the
compiler read (its -MD lists) must come from the installed tree or from the
compiler itself, never from the source tree. Then the images boot: on x86
the native image and the system, on sparc and riscv the system, each with
the exact output of both APIs. Prints TAP.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import sysrun
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "tools", "trace"))
import abinames  # noqa: E402
import extract  # noqa: E402
import tracefile  # noqa: E402
from sysrun import Run, Tap, CLEAN

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
COMPILERS = {"x86": "gcc", "sparc": "sparc64-linux-gnu-gcc", "riscv": "riscv64-unknown-elf-gcc"}
TIMEOUT_S = 120
# The arches with a native port, and QEMU's status when its image ends with
# exit(0): x86's isa-debug-exit gives 2*0+1, riscv's sifive_test 0.
NATIVE_EXIT = {"x86": 1, "riscv": 0}


def expected(name):
    """hello.c's output as APP_NAME name: the ids are the first of their
    class (Classic task 0x0a01, message queue 0x2201, POSIX thread 0x0b01)."""
    return [f"{name}: {line}" for line in [
        "Classic task Init, id 0x0a010001",
        "message queue 0x22010001: RTEMS_SUCCESSFUL",
        "sem_init: 0",
        "pthread_create: Success, id 0x0b010001",
        "sent ping: RTEMS_SUCCESSFUL",
        'POSIX thread T1 got "ping" (RTEMS_SUCCESSFUL, 5 bytes)',
        "sem_wait: 0",
        "pthread_join: Success",
        "monotonic clock resolution 10000000 ns",
        "done",
    ]]


def clean_env():
    """The environment without the calling make's jobserver and flags."""
    env = dict(os.environ)
    for var in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"):
        env.pop(var, None)
    return env


def run(cmd, cwd, env):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def dep_paths(dep_file, cwd):
    """The files a compiler -MD list names, as absolute paths."""
    with open(dep_file) as f:
        text = f.read().replace("\\\n", " ")
    paths = set()
    for line in text.splitlines():
        _, _, deps = line.partition(":")
        for tok in deps.split():
            paths.add(os.path.normpath(os.path.join(cwd, tok)))
    return paths


def foreign_headers(app, names, allowed):
    bad = []
    for name in names:
        dep = os.path.join(app, f"{name}.d")
        if not os.path.exists(dep):
            bad.append(f"{dep} missing")
            continue
        for p in sorted(dep_paths(dep, app)):
            if not any(p == a or p.startswith(a + os.sep) for a in allowed):
                bad.append(p)
    return bad


def boot(arch, image):
    out, rc = sysrun.run_to_end(arch, image, TIMEOUT_S)
    text = out.decode("utf-8", "replace").replace("\r", "")
    if rc is None:
        return Run(text, sysrun.TIMEOUT), rc
    ok = sysrun.exit_status(arch, rc) == 0
    return Run(text, CLEAN if ok else sysrun.FAILED, sysrun.shutdown_code(arch, rc)), rc


def check_tree(tap, arch, sdk):
    pcs = [f"tessera-{arch}-pv", f"tessera-{arch}-pv-trace"] + \
        ([f"tessera-{arch}-native"] if arch in NATIVE_EXIT else [])
    for pc in pcs:
        path = os.path.join(sdk, "lib", "pkgconfig", f"{pc}.pc")
        text = open(path).read() if os.path.exists(path) else ""
        tap.ok(f"\ncc={COMPILERS[arch]}\n" in text, f"{arch}: {pc}.pc names the compiler as cc",
               text or f"{path} missing")
    script = os.path.join(sdk, "lib", "tessera", arch, "kernel", "link-system")
    named = [p for p in [script] + [os.path.join(sdk, "lib", "pkgconfig", f"{pc}.pc") for pc in pcs]
             if os.path.exists(p) and ROOT in open(p).read()]
    tap.ok(os.path.exists(script) and not named,
           f"{arch}: link-system and the pc files name no file of the source tree", "\n".join(named))


def traced_partitions(tap, arch, app, env, where):
    """make TRACE=yes (tessera-ARCH-pv-trace.pc): the partitions link the
    traced executive and record their directive calls into the trace."""
    shutil.copytree(app, where)
    rc, out = run(["make", "clean", "all", f"ARCH={arch}", "TRACE=yes"], where, env)
    image = os.path.join(where, "traced.elf")
    if rc == 0:
        rc, more = run(["tessera-config", "--arch", arch, "--trace", "guest", "--image-dir", where,
                        "--image", image, os.path.join(where, "system.xml")], where, env)
        out += more
    trun = boot(arch, image)[0] if rc == 0 and os.path.exists(image) else Run("missing", None)
    recs = []
    if "TRACE-BEGIN" in trun.output:
        recs = tracefile.parse(extract.extract(trun.output))[1]
    ids = {n: i for i, n in abinames.AbiNames().directives.items()}
    create = ids.get("rtems_message_queue_create")
    entries = {(r.part, r.a) for r in recs if r.kind == 259}
    tap.ok(trun.partition_lines("ALPHA") == expected("alpha") and (0, create) in entries
           and (1, create) in entries,
           f"{arch}: make TRACE=yes (tessera-{arch}-pv-trace) records both partitions' "
           "directive calls", out[-2000:] + trun.output[-800:])


def main():
    arch = sysrun.ARCH
    tap = Tap()
    env = clean_env()
    with tempfile.TemporaryDirectory() as tmp:
        stage, sdk, app = (os.path.join(tmp, d) for d in ("stage", "sdk", "app"))
        rc, out = run(["make", "-s", "-C", ROOT, "install", f"ARCH={arch}", f"PREFIX={stage}",
                       f"B={sysrun.BUILD}"], tmp, env)
        if not tap.ok(rc == 0, f"{arch}: make install PREFIX=DIR", out[-3000:]):
            return tap.done()
        os.rename(stage, sdk)
        check_tree(tap, arch, sdk)

        shutil.copytree(os.path.join(ROOT, "apps", "sdk"), app)
        env["PATH"] = os.path.join(sdk, "bin") + os.pathsep + env.get("PATH", "")
        env["PKG_CONFIG_LIBDIR"] = os.path.join(sdk, "lib", "pkgconfig")
        env.pop("PKG_CONFIG_PATH", None)
        rc, out = run(["make", f"ARCH={arch}"], app, env)
        tap.ok(rc == 0, f"{arch}: the application's own Makefile builds against the SDK",
               out[-3000:])
        tap.ok(ROOT not in out, f"{arch}: no command of the build names the source tree",
               "\n".join(ln for ln in out.splitlines() if ROOT in ln)[:3000])
        # The compiler's own headers: include, and include-fixed where it
        # has one (riscv's limits.h; mk/install.mk).
        compiler_inc = [os.path.normpath(subprocess.run(
            [COMPILERS[arch], f"-print-file-name={d}"], stdout=subprocess.PIPE,
            text=True).stdout.strip()) for d in ("include", "include-fixed")]
        compiler_inc = [d for d in compiler_inc if os.path.isabs(d)]
        names = ["alpha", "beta"] + (["native"] if arch in NATIVE_EXIT else [])
        bad = foreign_headers(app, names, [os.path.realpath(sdk), sdk, app] + compiler_inc)
        tap.ok(not bad, f"{arch}: every header read comes from the SDK or the compiler",
               "\n".join(bad[:20]))

        if arch in NATIVE_EXIT:
            image = os.path.join(app, "hello-native.elf")
            native, rc = boot(arch, image) if os.path.exists(image) else (Run("missing", None), None)
            tap.eq(native.lines, expected("native"),
                   f"{arch}: the native image prints both APIs' work")
            tap.eq(rc, NATIVE_EXIT[arch],
                   f"{arch}: the native image ends with exit(0) (QEMU status {NATIVE_EXIT[arch]})")

        system = os.path.join(app, "system.elf")
        sysrun_ = boot(arch, system)[0] if os.path.exists(system) else Run("missing", None)
        tap.eq(sysrun_.status, CLEAN, f"{arch}: the system linked by tessera-config --image "
               "boots and shuts down")
        for part, name in (("ALPHA", "alpha"), ("BETA", "beta")):
            tap.eq(sysrun_.partition_lines(part), expected(name),
                   f"{arch}: partition {part} prints both APIs' work")
        tap.ok(all(f"partition {p} halted" in sysrun_.kernel_lines() for p in ("ALPHA", "BETA")),
               f"{arch}: both partitions halted themselves", sysrun_.output[-2000:])

        # With the event trace on, --image links the kernel built with it,
        # which dumps the trace after the last console line.
        traced = os.path.join(app, "traced.elf")
        rc, out = run(["tessera-config", "--arch", arch, "--trace", "window", "--image-dir", app,
                       "--image", traced, os.path.join(app, "system.xml")], app, env)
        trun = boot(arch, traced)[0] if rc == 0 and os.path.exists(traced) else Run("missing", None)
        tap.ok(trun.status == CLEAN and "TRACE-BEGIN" in trun.output
               and trun.partition_lines("ALPHA") == expected("alpha"),
               f"{arch}: tessera-config --trace --image links the traced kernel", out + trun.output[-800:])

        traced_partitions(tap, arch, app, env, os.path.join(tmp, "app-traced"))

        # Without a kernel to link with, --image fails and leaves no image.
        lost = os.path.join(app, "lost.elf")
        rc, out = run(["tessera-config", "--arch", arch, "--image-dir", app, "--kernel-dir",
                       os.path.join(tmp, "nowhere"), "--image", lost,
                       os.path.join(app, "system.xml")], app, env)
        tap.ok(rc == 1 and not os.path.exists(lost) and "link-system" in out,
               f"{arch}: tessera-config --image without a kernel fails, writing nothing", out)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
