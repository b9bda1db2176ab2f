# SPDX-License-Identifier: BSD-2-Clause
"""One QEMU run (x86 unless told) driven from outside while it runs: its
console read in the background, QMP commands (and the human monitor's
through human-monitor-command) sent on a socket, then its end judged as
sysrun.boot() judges one."""
import json
import os
import socket
import subprocess
import tempfile
import threading
import time
from sysrun import Run, FAILED, TIMEOUT, exit_status, qemu_command, shutdown_code


def start(image, extra, icount=True, arch="x86"):
    """QEMU booting image with extra options; its console collects in out."""
    cmd = qemu_command(arch, image, icount=icount) + extra
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = bytearray()

    def read():
        for chunk in iter(lambda: proc.stdout.read1(4096), b""):
            out.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return proc, out, reader


def finish(proc, out, reader, timeout=60, arch="x86"):
    try:
        rc = proc.wait(timeout=timeout)
        status, code = (FAILED if exit_status(arch, rc) else "clean"), shutdown_code(arch, rc)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status, code = TIMEOUT, None
    reader.join()
    return Run(bytes(out).decode("utf-8", "replace").replace("\r", ""), status, code)


def wait_for(out, text, timeout=30):
    end = time.time() + timeout
    while text.encode() not in out:
        if time.time() > end:
            return False
        time.sleep(0.005)
    return True


def qmp(path, commands):
    """Runs QMP commands in order; returns their replies."""
    replies = []
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(path)
        f = s.makefile("rw")
        json.loads(f.readline())  # greeting
        for c in [{"execute": "qmp_capabilities"}] + commands:
            f.write(json.dumps(c) + "\n")
            f.flush()
            while True:
                r = json.loads(f.readline())
                if "event" not in r:
                    break
            replies.append(r)
    return replies[1:]


def hmp(command, cpu=None):
    """A human monitor command as a QMP command (its reply's return is the
    text), on CPU cpu (QEMU's index) if given, else the monitor's current."""
    args = {"command-line": command}
    if cpu is not None:
        args["cpu-index"] = cpu
    return {"execute": "human-monitor-command", "arguments": args}


def run_spinners(image, names, sample, extra=(), arch="x86"):
    """The page-table tests' run: boots image with a QMP socket, waits for
    each partition of names to say it is spinning, calls sample(socket
    path) while they spin, then ends QEMU; returns (all started, Run)."""
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "qmp")
        proc, out, reader = start(image, ["-qmp", f"unix:{sock},server=on,wait=off", *extra],
                                  arch=arch)
        started = all(wait_for(out, f"[{n}] spinning") for n in sorted(names))
        if started:
            sample(sock)
        proc.kill()
        return started, finish(proc, out, reader, arch=arch)


def judge_spinners(tap, system, names, started, run, seen):
    """The page-table tests' run: every partition of names started and
    spun, nothing panicked or stopped while QEMU was stopped and resumed,
    and the sampling saw each partition's space (seen: name -> space)."""
    tap.ok(started, f"{system}: every partition started", run.output[-2000:])
    tap.ok("PANIC" not in run.output and " stopped" not in run.output,
           f"{system}: no panic and no partition stopped while QEMU was stopped and resumed",
           run.output[-2000:])
    tap.eq(sorted(seen), sorted(names), f"{system}: every partition's space was seen")
