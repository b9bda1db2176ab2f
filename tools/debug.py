#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""`make debug`: boots a built Tessera system under QEMU stopped at its
first instruction, with the gdbstub on a free port, and starts
gdb-multiarch on it with the kernel's symbols and the tessera commands
(docs/debugging.md). QEMU's console output goes to this terminal too;
QEMU ends with gdb."""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gdb"))
import session  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="x86")
    ap.add_argument("--icount", action="store_true", help="deterministic: 1 instruction per ns")
    ap.add_argument("--image-dir", action="append", default=[], help="where partition images are")
    ap.add_argument("--script", required=True, help="the gdb script to write")
    ap.add_argument("xml")
    ap.add_argument("image")
    args = ap.parse_args()
    parts = session.partition_images(args.xml, args.image_dir)
    session.write_script(args.script, args.arch, args.image, parts)
    port = session.free_port()
    # The console shares gdb's terminal; its input stays gdb's.
    qemu = session.start_qemu(args.arch, args.image, port, icount=args.icount,
                              stdin=subprocess.DEVNULL)
    print(f"debug: QEMU (pid {qemu.pid}) waits for gdb on 127.0.0.1:{port}; "
          f"gdb script {args.script}; `help tessera` lists the commands")
    try:
        rc = subprocess.call(session.gdb_command(args.script, port))
    finally:
        if qemu.poll() is None:
            qemu.kill()
        qemu.wait()
    return rc


if __name__ == "__main__":
    sys.exit(main())
