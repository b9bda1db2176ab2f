#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The console against a serial line the host does not drain (system
conpress, tests/system/parts/conpress.c). QEMU's 16550 (x86's COM1,
RISC-V virt's ns16550a) sends through a Unix socket here whose reader
holds off until the socket has been full for a while: while it is full,
the UART's transmitter stays busy (LSR.THRE clear). The kernel
must wait for THRE before each byte - a byte written over one not yet sent
is lost in the middle of a line - and, with its ring full, drop whole
lines and count them (docs/pv-api.md, console_write). Checked:
back-pressure happened (the partition saw drops), every line that arrives
is whole and in order, and the bytes that arrive plus those counted as
dropped are exactly the bytes written.

Not on SPARC: QEMU's APBUART writes each byte with a blocking write and
reports its transmitter always empty, so a full socket stops the whole
machine instead of the UART."""
import fcntl
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import time
from sysrun import ARCH, Tap, exit_status, qemu_command, system_image

HOLD_S = 2      # held busy this long once the socket is full
STILL_S = 1.5   # the socket is full when nothing more arrives for this long
LIMIT_S = 60
TEXT = "the quick brown fox jumps over the lazy dog"


def hold_until_full(conn):
    """Leaves conn unread until what waits in it has stopped growing for
    STILL_S (the socket is full: QEMU's UART is held busy), then HOLD_S
    more, so that the partition meets the busy UART whatever the machine's
    load; at most LIMIT_S in all."""
    start = time.time()
    queued, since = -1, start
    while time.time() - start < LIMIT_S:
        now_queued = struct.unpack("i", fcntl.ioctl(conn, termios.FIONREAD, b"\0\0\0\0"))[0]
        if now_queued != queued:
            queued, since = now_queued, time.time()
        elif queued > 0 and time.time() - since >= STILL_S:
            break
        time.sleep(0.1)
    time.sleep(HOLD_S)


def run_held():
    """Boots conpress with its serial line on a Unix socket that is not
    read until it has been full for a while (hold_until_full); returns
    (console text, QEMU's exit code). A Unix socket's send buffer does not
    grow as TCP's does (to megabytes), and QEMU sends a byte a write: it
    was full after the first 16 lines in the runs here."""
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "serial")
    lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    lsock.bind(path)
    lsock.listen(1)
    cmd = qemu_command(ARCH, system_image("conpress"), serial=f"unix:{path}")
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    lsock.settimeout(30)
    conn, _ = lsock.accept()
    lsock.close()
    shutil.rmtree(tmp)
    hold_until_full(conn)
    data = bytearray()
    conn.settimeout(300)
    try:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data.extend(chunk)
    except socket.timeout:
        pass
    conn.close()
    try:
        rc = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    return data.decode("utf-8", "replace").replace("\r", ""), rc


def main():
    tap = Tap()
    if ARCH == "sparc":
        tap.ok(False, "test_console_backpressure runs on x86 and riscv (QEMU's APBUART never "
               "back-pressures)")
        return tap.done()
    text, rc = run_held()
    lines = [ln[4:] for ln in text.splitlines() if ln.startswith("[P] ")]
    tap.ok(exit_status(ARCH, rc) == 0, "conpress: the system shuts down in order",
           f"QEMU exit {rc}\n" + text[-1500:])
    tap.ok(not any(ln.startswith("no back-pressure") for ln in lines) and lines,
           "conpress: the UART was held busy: the kernel dropped lines",
           "\n".join(lines[-3:]) if lines else text[-500:])
    numbered = [ln for ln in lines if ln.startswith("L")]
    bad = [ln for ln in numbered if not re.fullmatch(r"L\d{6} " + TEXT, ln)]
    tap.eq(bad[:5], [], "conpress: every line that arrives is whole (no byte written over "
           "one the UART had not sent)")
    order = [int(ln[1:7]) for ln in numbered if ln not in bad]
    tap.ok(order == sorted(set(order)), "conpress: the lines arrive in order, none twice")
    reports = [re.fullmatch(r"report lines (\d+) wrote (\d+) dropped (\d+)", ln) for ln in lines
               if ln.startswith("report")]
    tap.ok(len(reports) == 1 and reports[0], "conpress: its report arrives, once and whole",
           "\n".join(ln for ln in lines if ln.startswith("report")))
    if len(reports) == 1 and reports[0]:
        wrote, dropped = int(reports[0].group(2)), int(reports[0].group(3))
        got = sum(len(ln) + 1 for ln in numbered)
        tap.eq(got, wrote - dropped, "conpress: the bytes that arrive are those written less "
               "those counted as dropped")
        tap.ok(0 < dropped < wrote, "conpress: some lines were dropped, not all",
               f"wrote {wrote} dropped {dropped}")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
