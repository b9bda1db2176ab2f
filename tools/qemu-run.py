#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Boots a Tessera system image under QEMU (TCG) with its serial console on
stdout, and turns QEMU's exit status into ours: 0 when the kernel shut down
in order, 1 when it reported a failure, 124 on timeout."""
import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "system"))
import sysrun  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="x86")
    ap.add_argument("--icount", action="store_true", help="deterministic: 1 instruction per ns")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--system", help="the system's XML: QEMU gets as many CPUs as it names")
    ap.add_argument("image")
    args = ap.parse_args()
    cpus = int(ET.parse(args.system).getroot().get("cpus", "1")) if args.system else 1
    cmd = sysrun.qemu_command(args.arch, args.image, icount=args.icount,
                              smp=cpus if cpus > 1 else None)
    try:
        proc = subprocess.run(cmd, timeout=args.timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        print(f"qemu-run: timed out after {args.timeout} s", file=sys.stderr)
        return 124
    return sysrun.exit_status(args.arch, proc.returncode)


if __name__ == "__main__":
    sys.exit(main())
