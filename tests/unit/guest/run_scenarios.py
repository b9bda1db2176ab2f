#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs the scenario programs of apps/tests/ built for the host port.

Each apps/tests/<name>/ holds an RTEMS application and expected.txt, the
exact output it must print; the program must also exit with status 0, or
with the status written in expected_status.txt. A scenario with a
target-only.txt is not built for the host port and is skipped here (the file
says why). Prints TAP.
"""
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def main():
    build = os.environ.get("TESSERA_BUILD", os.path.join(ROOT, "build"))
    tests_dir = os.path.join(ROOT, "apps", "tests")
    names = sorted(n for n in os.listdir(tests_dir)
                   if os.path.isfile(os.path.join(tests_dir, n, "expected.txt")))
    print(f"1..{len(names)}")
    failed = 0
    for i, name in enumerate(names, 1):
        target_only = os.path.join(tests_dir, name, "target-only.txt")
        if os.path.exists(target_only):
            with open(target_only) as f:
                why = " ".join(f.read().split())
            print(f"ok {i} - scenario {name} # SKIP {why}")
            continue
        with open(os.path.join(tests_dir, name, "expected.txt")) as f:
            expected = f.read()
        status_file = os.path.join(tests_dir, name, "expected_status.txt")
        want_rc = 0
        if os.path.exists(status_file):
            with open(status_file) as f:
                want_rc = int(f.read().strip())
        prog = os.path.join(build, "host", "apps", "tests", name, name)
        try:
            proc = subprocess.run([prog], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=60)
            out = proc.stdout.decode("utf-8", "replace")
            rc = proc.returncode
            err = proc.stderr.decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired) as e:
            out, rc, err = "", -1, str(e)
        if out == expected and rc == want_rc:
            print(f"ok {i} - scenario {name}")
            continue
        failed += 1
        print(f"not ok {i} - scenario {name} (exit status {rc}, expected {want_rc})")
        exp_lines = expected.splitlines()
        out_lines = out.splitlines()
        for n in range(max(len(exp_lines), len(out_lines))):
            e = exp_lines[n] if n < len(exp_lines) else "<none>"
            o = out_lines[n] if n < len(out_lines) else "<none>"
            if e != o:
                print(f"#   line {n + 1}: expected {e!r}")
                print(f"#   line {n + 1}: got      {o!r}")
                break
        for line in err.splitlines()[:5]:
            print(f"#   stderr: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
