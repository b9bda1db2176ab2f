#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""The one C dialect of docs/style.md (braces on every body, NULL for the
null pointer) over every C file, with the flags of the arches this build
made (tools/style/dialect.py does the work)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "tools", "style", "dialect.py")

if __name__ == "__main__":
    build = os.environ.get("TESSERA_BUILD", "build")
    sys.exit(subprocess.run([sys.executable, TOOL, "--tap", "--build", build]).returncode)
