#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Debugging with gdb per partition (tools/gdb, docs/debugging.md):
gdb-multiarch in batch mode against QEMU's gdbstub on the system `debug`,
where partitions A and B run one image (tests/system/rtems/debug), so the
same code addresses, with different data. A breakpoint in B's `sample`
must not stop in A, which runs it first; the locals read there are B's;
`next` and `step` move the line and enter scale_reading; `tessera
partitions` shows B running and A halted; `tessera tasks` lists B's two
tasks; then the system runs to its normal end."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                                "gdb"))
import session  # noqa: E402
from sysrun import ARCH, BUILD, Tap, exit_status, system_image  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
XML = os.path.join(HERE, "systems", "debug.xml")
SOURCE = os.path.join(HERE, "rtems", "debug", "init.c")
TIMEOUT = 240  # s: a hang of gdb or QEMU fails the test instead of blocking make test


def source_line(text):
    """The line number of the first source line that contains text."""
    with open(SOURCE) as f:
        for n, line in enumerate(f, 1):
            if text in line:
                return n
    raise ValueError(text)


# Python in gdb reports where the inferior stopped, between marker lines
# the test looks for; next_until steps with `next` to a line, recording
# each line it stops at; symbols tells whether the partition's symbols are
# loaded (a gdb error would end the command file).
HELPERS = """python
def where(tag):
    f = gdb.selected_frame()
    older = f.older()
    print("@@%s function=%s line=%d caller=%s" % (tag, f.name(), f.find_sal().line,
                                                   older.name() if older else None))

def next_until(line, tag):
    seen = [gdb.selected_frame().find_sal().line]
    while seen[-1] != line and len(seen) < 8:
        gdb.execute("next", to_string=True)
        seen.append(gdb.selected_frame().find_sal().line)
    print("@@%s lines=%s" % (tag, ",".join(map(str, seen))))

def symbols(tag):
    print("@@%s scale_reading=%s" % (tag, gdb.lookup_static_symbol("scale_reading") is not None))
end
"""


def commands(console):
    call_line = source_line("int32_t value = scale_reading(raw);")
    add_line = source_line("scaled += 7;")
    return HELPERS + f"""tessera break B sample
continue
python where("stop")
echo @@partition_id\\n
print partition_id
echo @@partitions\\n
tessera partitions
echo @@console\\n
shell cat {console}
echo @@end\\n
python next_until({call_line}, "next")
echo @@raw\\n
print raw
step
python where("step")
python next_until({add_line}, "next2")
echo @@scaled\\n
print scaled
echo @@tasks\\n
tessera tasks
echo @@end\\n
tessera partition
python symbols("kernel-only")
tessera partition A
python symbols("partition-a")
delete
continue
echo @@after\\n
"""


def section(log, name):
    """The gdb output between @@name and the next marker line."""
    m = re.search(rf"^@@{name}\n(.*?)^@@", log, re.S | re.M)
    return m.group(1) if m else ""


def value(log, name):
    m = re.search(r"^\$\d+ = (-?\d+)", section(log, name), re.M)
    return int(m.group(1)) if m else None


def tagged(log, tag):
    m = re.search(rf"^@@{tag} (.*)$", log, re.M)
    return dict(kv.split("=", 1) for kv in m.group(1).split()) if m else {}


def run_session(tmp):
    image = system_image("debug")
    dirs = [os.path.join(BUILD, ARCH, d) for d in ("parts", "pvapps")]
    script = os.path.join(tmp, "system.gdb")
    session.write_script(script, ARCH, image, session.partition_images(XML, dirs))
    console = os.path.join(tmp, "console")
    cmdfile = os.path.join(tmp, "test.gdb")
    with open(cmdfile, "w") as f:
        f.write(commands(console))
    port = session.free_port()
    qemu = session.start_qemu(ARCH, image, port, serial=f"file:{console}",
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    cmd = session.gdb_command(script, port, batch_commands=[]) + ["-x", cmdfile]
    try:
        gdb = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=TIMEOUT, text=True)
        log = gdb.stdout
        rc = qemu.wait(timeout=60)
    except subprocess.TimeoutExpired as e:
        log, rc = (e.output or b"").decode(errors="replace") + "\n(timed out)", None
    finally:
        if qemu.poll() is None:
            qemu.kill()  # only the QEMU this test started
            qemu.wait()
    with open(console, errors="replace") as f:
        out = f.read()
    return log, rc, out


def main():
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        log, rc, out = run_session(tmp)
    stop = tagged(log, "stop")
    tap.eq((stop.get("function"), value(log, "partition_id")), ("sample", 2),
           "debug: the breakpoint in B's sample stops in B (partition_id 2), not in A")
    tap.ok("[B] sample" not in section(log, "console") and
           re.search(r"^\*\s+1\s+B\s+ready", section(log, "partitions"), re.M) and
           re.search(r"^\s+0\s+A\s+halted", section(log, "partitions"), re.M),
           "debug: tessera partitions shows B running and A halted (A ran sample to its end "
           "past the breakpoint), B has not printed yet", log)
    lines = [int(n) for n in tagged(log, "next").get("lines", "").split(",") if n]
    call_line = source_line("int32_t value = scale_reading(raw);")
    tap.ok(len(lines) >= 2 and lines[-1] == call_line and lines == sorted(set(lines)),
           "debug: next moves down sample's lines to the call", f"lines {lines}\n{log}")
    tap.eq(value(log, "raw"), 22, "debug: sample's local raw is B's (2 * 11; A's is 11)")
    step = tagged(log, "step")
    tap.eq((step.get("function"), step.get("caller")), ("scale_reading", "sample"),
           "debug: step enters scale_reading from sample")
    lines2 = [int(n) for n in tagged(log, "next2").get("lines", "").split(",") if n]
    tap.ok(len(lines2) >= 2 and lines2[-1] == source_line("scaled += 7;"),
           "debug: next moves down scale_reading's lines", f"lines {lines2}")
    tap.eq(value(log, "scaled"), 2200, "debug: scale_reading's local scaled is B's (22 * 100)")
    tasks = section(log, "tasks")
    tap.ok(re.search(r"^partition B:", tasks, re.M) and
           re.search(r"^\*\s+0x0a01\w+\s+SMPL\s+ready\s+10 \(10\)", tasks, re.M) and
           re.search(r"^\s+0x0a01\w+\s+WAIT\s+event-wait\s+5 \(5\)", tasks, re.M),
           "debug: tessera tasks lists B's tasks: SMPL executing, WAIT waiting for an event", log)
    tap.eq((tagged(log, "kernel-only").get("scale_reading"),
            tagged(log, "partition-a").get("scale_reading")), ("False", "True"),
           "debug: tessera partition drops a partition's symbols and loads another's")
    tap.ok(rc is not None and exit_status(ARCH, rc) == 0, "debug: QEMU ends through the kernel's "
           "shutdown after continue", f"QEMU status {rc}\n{log}")
    want = ["[A] sample: partition 1 raw 11 value 1107", "[A] debug target done",
            "[B] sample: partition 2 raw 22 value 2207", "[B] debug target done"]
    got = [ln for ln in out.splitlines() if ln.startswith(("[A]", "[B]"))]
    tap.eq(got, want, "debug: both partitions ran to their end with their own data")
    check_debug_tool(tap)
    return tap.done()


def check_debug_tool(tap):
    """tools/debug.py, what `make debug` runs: gdb reads the commands from
    its input here, and QEMU is gone once gdb has quit."""
    dirs = [os.path.join(BUILD, ARCH, d) for d in ("parts", "pvapps")]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, os.path.join(HERE, "..", "..", "tools", "debug.py"), "--arch", ARCH,
               "--icount", "--script", os.path.join(tmp, "debug.gdb")]
        for d in dirs:
            cmd += ["--image-dir", d]
        cmd += [XML, system_image("debug")]
        try:
            proc = subprocess.run(cmd, input="tessera break A sample\ncontinue\n"
                                  "tessera partitions\nquit\n", stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT)
            out = proc.stdout
        except subprocess.TimeoutExpired as e:
            out = (e.output or b"").decode(errors="replace") + "\n(timed out)"
    tap.ok(re.search(r"^(\(gdb\) )?\*\s+0\s+A\s+ready", out, re.M) and
           re.search(r"sample \(partition_id=1\)", out),
           "debug: tools/debug.py (make debug) stops in A's sample with A running", out)
    pid = re.search(r"QEMU \(pid (\d+)\)", out)
    tap.ok(pid and not os.path.exists(f"/proc/{pid.group(1)}"),
           "debug: tools/debug.py ends its QEMU when gdb quits", out)


if __name__ == "__main__":
    sys.exit(main())
