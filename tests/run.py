#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs every test program given on the command line and sums up.

Each test program speaks TAP on stdout ("ok N - name", "not ok N - name",
"# SKIP" directives); cmocka binaries are run with CMOCKA_MESSAGE_OUTPUT=TAP.
A program that exits non-zero without reporting a failure, or reports no test
at all, counts as one failure: a crash must never look like success.
The last line printed is the summary "N passed, N failed, N skipped".
"""
import argparse
import os
import re
import subprocess
import sys
import time

TAP_LINE = re.compile(r"^(not ok|ok)\b\s*\d*\s*-?\s*(.*)$")


def run_one(prog, env, timeout):
    cmd = [prog] if os.access(prog, os.X_OK) else [sys.executable, prog]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout)
        out = proc.stdout.decode("utf-8", "replace")
        rc = proc.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        out += f"\n# test program timed out after {timeout} s\n"
        rc = -1
    except OSError as e:
        out, rc = f"# cannot run: {e}\n", -1
    return out, rc, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="x86")
    ap.add_argument("--build", default="build")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("programs", nargs="*", help="PROGRAM or ARCH:PROGRAM (run for that arch)")
    args = ap.parse_args()

    env = dict(os.environ)
    env["CMOCKA_MESSAGE_OUTPUT"] = "TAP"
    env["TESSERA_BUILD"] = os.path.abspath(args.build)

    passed = failed = skipped = 0
    for spec in args.programs:
        arch, _, prog = spec.rpartition(":")
        env["TESSERA_ARCH"] = arch or args.arch
        if arch:
            prog_name = f"{prog} [{arch}]"
        else:
            prog_name = prog
        out, rc, secs = run_one(prog, env, args.timeout)
        p = f = s = 0
        lines = out.splitlines()
        for line in lines:
            m = TAP_LINE.match(line.strip())
            if not m:
                continue
            name = m.group(2)
            if "# SKIP" in name.upper():
                s += 1
                print(f"SKIP {prog_name}: {name}")
            elif m.group(1) == "ok":
                p += 1
            else:
                f += 1
                print(f"FAIL {prog_name}: {name}")
        if f or rc != 0 or p + f + s == 0:
            if f == 0:
                f = 1
                print(f"FAIL {prog_name}: exit status {rc}, "
                      f"{'no test reported' if p + s == 0 else 'after passing tests'}")
            print(f"---- output of {prog_name} ----")
            print(out.rstrip())
            print("----")
        print(f"{prog_name}: {p} passed, {f} failed, {s} skipped ({secs:.1f} s)")
        passed, failed, skipped = passed + p, failed + f, skipped + s

    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
