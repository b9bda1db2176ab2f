# SPDX-License-Identifier: BSD-2-Clause
"""Synthetic Tessera traces for the host trace tool's tests: a writer of
the dump format (docs/trace-format.md) in either byte order, written from
the format's tables (not from the tool's reader), and one scenario of two
major frames of tests/tools/trace-system.xml with every kind of record.
The expected figures the tests assert are derived here by hand."""
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
TOOL = os.path.join(ROOT, "tools", "trace", "tessera-trace.py")
SYSTEM_XML = os.path.join(HERE, "trace-system.xml")
NONE = 0xFF
ALPHA, BETA, GAMMA = 0, 1, 2
T0 = 1000000
LOST = 3
CLASSES = 0xFF
TSK1, TSK2, BTASK = 0x0A010001, 0x0A010002, 0x0B010001
# GAMMA's fault: a pc and a detail wider than 32 bits (riscv), each whole.
PC64, DETAIL64 = 0x80201234, 0x150000000


def dump(records, order="<", *, count=None, lost=LOST, classes=CLASSES, parts=3, t0=T0,
         magic=b"TSTRACE1", version=2, hsize=48, rsize=24):
    """The dump of `records` [(ts, kind, part, a, b)] in byte order `order`
    ("<" little, ">" big); the keywords let tests corrupt the header."""
    n = len(records) if count is None else count
    out = magic + struct.pack(order + "IIIIIIIIQ", 0x01020304, version, hsize, rsize, n, lost,
                              classes, parts, t0)
    for ts, kind, part, a, b in records:
        out += struct.pack(order + "QHBBIQ", ts, kind, part, 0, a, b)
    return out


def version1(records):
    """records as a version-1 dump holds them: no HM_DETAIL, HM_EVENT's b
    pc | detail << 32, 32 bits of each."""
    out = []
    for i, (ts, kind, part, a, b) in enumerate(records):
        if kind == 48:
            detail = records[i + 1][4]
            b = (b & 0xFFFFFFFF) | (detail & 0xFFFFFFFF) << 32
        if kind != 49:
            out.append((ts, kind, part, a, b))
    return out


def rtems_name(s):
    return int.from_bytes(s.encode("ascii"), "big")


def scenario():
    """Two major frames: frame 0 in plan main (ALPHA 0-3 ms, BETA 4-7 ms,
    GAMMA 8-9 ms), the kernel's switch to plan degraded at 10 ms, frame 1
    (ALPHA 10-13 ms, GAMMA 15-17 ms). Times are T0 + the offset below."""
    t = T0
    r = [
        (t + 150, 3, ALPHA, NONE, 0),                       # PART_SWITCH idle -> ALPHA
        (t + 200, 1, ALPHA, 0 | 0 << 16, t),               # WINDOW_START, 200 ns late
        (t + 300, 261, ALPHA, TSK1, rtems_name("TSK1")),   # TASK_NAME
        (t + 310, 261, ALPHA, TSK2, rtems_name("TSK2")),
        (t + 400, 256, ALPHA, TSK1, 0),                    # TASK_SWITCH -> TSK1
        (t + 600, 259, ALPHA, 39, 0),                      # DIRECTIVE_ENTRY semaphore_obtain
        (t + 900, 260, ALPHA, 39, 6),                      # its EXIT, RTEMS_TIMEOUT
        (t + 1500, 16, ALPHA, 0, t + 500),                 # HCALL console_write, 1000 ns
        (t + 1000000, 256, ALPHA, TSK2, TSK1),             # TSK1 -> TSK2
        (t + 1100000, 64, ALPHA, 0, 8),                    # PORT_WRITE ALPHA.cmd
        (t + 1101000, 16, ALPHA, 13, t + 1099000),         # HCALL port_write, 2000 ns
        (t + 1200400, 16, ALPHA, 13 | 0xFFFD << 16, t + 1200000),  # port_write EINVAL, 400 ns
        (t + 1300000, 262, ALPHA, 7, 42),                  # USER
        (t + 1400000, 300, ALPHA, 1, 2),                   # unknown kind 300
        (t + 3000050, 2, ALPHA, 0, t + 3000000),           # WINDOW_END
        (t + 3000100, 3, NONE, ALPHA, 0),                  # PART_SWITCH ALPHA -> idle
        (t + 3000100, 1, NONE, 0xFFFF, t + 3000000),       # idle window
        (t + 4000050, 2, NONE, 0xFFFF, t + 4000000),
        (t + 4000100, 1, BETA, 1, t + 4000000),            # WINDOW_START BETA, 100 late
        (t + 4000150, 32, BETA, 3, 0),                     # VIRQ_RAISE 3
        (t + 4000160, 33, BETA, 3, 0),                     # VIRQ_DELIVER 3
        (t + 4000200, 256, BETA, BTASK, 0),                # TASK_SWITCH, no TASK_NAME
        (t + 4500000, 65, BETA, 1, 8),                     # PORT_READ BETA.cmd
        (t + 4500300, 16, BETA, 14, t + 4499800),          # HCALL port_read, 500 ns
        (t + 4600000, 257, BETA, 3, 0),                    # IRQ_ENTRY 3
        (t + 4600500, 258, BETA, 3, 0),                    # IRQ_EXIT 3
        (t + 7000000, 2, BETA, 1, t + 7000000),            # WINDOW_END
        (t + 8000300, 1, GAMMA, 2, t + 8000000),           # WINDOW_START GAMMA, 300 late
        (t + 8100000, 64, GAMMA, 3, 4),                    # PORT_WRITE GAMMA.alt
        (t + 8200000, 48, GAMMA, 0 | 4 << 16, PC64),       # HM memory-violation, cold-restart
        (t + 8200000, 49, GAMMA, 0 | 4 << 16, DETAIL64),   # its HM_DETAIL
        (t + 8200100, 97, GAMMA, 0, 0),                    # RESTART cold
        (t + 8200200, 96, GAMMA, 1 | 3 << 16, 0),          # MODE_CHANGE normal -> cold-start
        (t + 9000000, 2, GAMMA, 2, t + 9000000),           # WINDOW_END
        (t + 10000000, 80, NONE, 1 | 0 << 16, 0),          # PLAN_SWITCH main -> degraded
        (t + 10000000, 1, ALPHA, 0 | 1 << 16, t + 10000000),  # frame 1, plan 1, window 0
        (t + 10100200, 16, ALPHA, 1, t + 10100000),        # HCALL time_get, 200 ns
        (t + 10200000, 66, ALPHA, 0, 8),                   # PORT_OVERFLOW ALPHA.cmd
        (t + 13000000, 2, ALPHA, 0 | 1 << 16, t + 13000000),
        (t + 15000500, 1, GAMMA, 1 | 1 << 16, t + 15000000),  # 500 late
        (t + 17000000, 2, GAMMA, 1 | 1 << 16, t + 17000000),
        (t + 17500000, 48, NONE, 9 | 2 << 16, 0),          # system level: application-error, log
        (t + 17500000, 49, NONE, 9 | 2 << 16, 7),
    ]
    return r


# The expected spans (offsets from T0), by hand from scenario().
WINDOWS = {ALPHA: [(200, 3000050), (10000000, 13000000)], BETA: [(4000100, 7000000)],
           GAMMA: [(8000300, 9000000), (15000500, 17000000)]}
PLANNED = [(ALPHA, 0, 3000000), (BETA, 4000000, 7000000), (GAMMA, 8000000, 9000000),
           (ALPHA, 10000000, 13000000), (GAMMA, 15000000, 17000000)]
TASKS = {(ALPHA, "TSK1"): [(400, 1000000)],
         (ALPHA, "TSK2"): [(1000000, 3000050), (10000000, 13000000)],
         (BETA, "task 0x0b010001"): [(4000200, 7000000)]}
GAPS = [(0, 200), (3000050, 4000100), (7000000, 8000300), (9000000, 10000000),
        (13000000, 15000500), (17000000, 17500000)]


def write(path, order="<", records=None, **kw):
    with open(path, "wb") as f:
        f.write(dump(scenario() if records is None else records, order, **kw))
    return path


def run_tool(*args):
    """(exit status, stdout, stderr) of the tool."""
    p = subprocess.run([sys.executable, TOOL, *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


class Tap:
    """TAP output for tests/run.py."""

    def __init__(self):
        self.n = self.failed = 0

    def ok(self, cond, name, diag=""):
        self.n += 1
        self.failed += not cond
        print(f"{'ok' if cond else 'not ok'} {self.n} - {name}")
        if not cond and diag:
            for line in str(diag).splitlines()[:30]:
                print(f"#   {line}")
        return cond

    def done(self):
        print(f"1..{self.n}")
        return 1 if self.failed or not self.n else 0
