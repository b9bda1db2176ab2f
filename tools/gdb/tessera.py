# SPDX-License-Identifier: BSD-2-Clause
"""gdb commands for a Tessera system (docs/debugging.md), loaded by the
script tools/gdb/session.py generates for a system:

  tessera partitions             index, name, state, mode; '*' marks the one running
  tessera partition [NAME]       symbol context: the kernel's plus NAME's (none: kernel only)
  tessera break NAME FUNCTION    breakpoint that stops only while NAME runs
  tessera tasks                  the running partition's tasks (the executive's tables)
  tessera add-partition I NAME ELF   (the generated script) partition I's image

Every partition is linked at the same virtual addresses, so at most one
partition's symbols are loaded at a time. The kernel's tables are read
through the kernel ELF's symbols (schedule, partitions, num_partitions),
the executive's through the partition's (exec_tasks_info, exec_executing)
while its address space is the live one: QEMU's gdbstub reads memory
through the CPU's current translation."""
import os
import re

import gdb

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def _abi_list(path, macro):
    """{value: name} of an X-macro list: the ABI's one source
    (pv/include/pv/abi_list.h)."""
    with open(os.path.join(ROOT, path)) as f:
        text = f.read()
    start = text.index(f"#define {macro}(X)")
    body = text[start:].split("\n\n", 1)[0]
    return {int(v): n.lower().replace("_", "-") for n, v in re.findall(r"X\((\w+), (\d+),", body)}


def _thread_states():
    """[(bit, name)] of the executive's thread state bits
    (guest/core/thread_state.h), the wait mask left out."""
    with open(os.path.join(ROOT, "guest", "core", "thread_state.h")) as f:
        found = re.findall(r"#define EXEC_STATE_(\w+)\s+0x([0-9a-fA-F]+)u", f.read())
    return [(int(v, 16), n.lower().replace("_", "-")) for n, v in found if int(v, 16)]


MODES = _abi_list("pv/include/pv/abi_list.h", "PV_MODE_LIST")
STATES = _abi_list("pv/include/pv/abi_list.h", "PV_STATE_LIST")
THREAD_STATES = _thread_states()


class System:
    """The partitions the generated script declared, and which one's
    symbols are loaded now."""

    def __init__(self):
        self.images = {}  # index -> (name, ELF path)
        self.loaded = None  # index whose symbols are loaded

    def index_of(self, name):
        for i, (n, _) in self.images.items():
            if n == name:
                return i
        raise gdb.GdbError(f"no partition named {name} (tessera partitions lists them)")

    def use(self, index):
        """Makes partition index's symbols (None: none) the loaded ones."""
        if self.loaded == index:
            return
        if self.loaded is not None:
            gdb.execute(f"remove-symbol-file {self.images[self.loaded][1]}", to_string=True)
            self.loaded = None
        if index is not None:
            # Without an address gdb takes each section's from the ELF:
            # the partition's virtual addresses.
            gdb.execute(f"add-symbol-file {self.images[index][1]}", to_string=True)
            self.loaded = index


SYSTEM = System()


def kernel_objfile():
    """The kernel's objfile: the main file the script loaded."""
    prog = gdb.current_progspace().filename
    for o in gdb.objfiles():
        if o.filename == prog:
            return o
    raise gdb.GdbError("the kernel's ELF is not loaded (file system.elf)")


def kernel_value(name):
    sym = kernel_objfile().lookup_global_symbol(name) or kernel_objfile().lookup_static_symbol(name)
    if sym is None:
        raise gdb.GdbError(f"the kernel ELF has no symbol {name}")
    return sym.value()


class KernelView:
    """While in force, the gdbstub reads memory with the kernel's rights.
    QEMU's SPARC and RISC-V gdbstubs translate with the CPU's current
    privilege, and the kernel's pages are supervisor-only: in a partition
    (user mode) the kernel's tables are unreadable. So the privilege is
    raised for the reads - SPARC: PSR.S; RISC-V: QEMU's virtual register
    priv, 0 (U) made 1 (S) - and put back as it was before gdb resumes.
    x86's gdbstub reads any mapped page: nothing to do."""

    PSR_S = 0x80
    PRIV_U, PRIV_S = 0, 1

    def __enter__(self):
        self.restore = None
        arch = gdb.selected_inferior().architecture().name()
        if arch.startswith("sparc"):
            psr = int(gdb.parse_and_eval("$psr"))
            if not psr & self.PSR_S:
                self.restore = ("$psr", psr)
                gdb.execute(f"set $psr = {psr | self.PSR_S:#x}", to_string=True)
        elif arch.startswith("riscv"):
            priv = int(gdb.parse_and_eval("$priv"))
            if priv == self.PRIV_U:
                self.restore = ("$priv", priv)
                gdb.execute(f"set $priv = {self.PRIV_S}", to_string=True)
        return self

    def __exit__(self, *exc):
        if self.restore is not None:
            reg, value = self.restore
            gdb.execute(f"set {reg} = {value:#x}", to_string=True)
        return False


def running_index():
    """Index of the partition running now (schedule.current), or None."""
    with KernelView():
        current = kernel_value("schedule")["current"]
        if int(current) == 0:
            return None
        return int(current["index"])


def partition_value(name):
    """A global of the partition whose symbols are loaded."""
    if SYSTEM.loaded is None:
        raise gdb.GdbError("no partition's symbols are loaded")
    path = SYSTEM.images[SYSTEM.loaded][1]
    for o in gdb.objfiles():
        if o.filename == path:
            sym = o.lookup_global_symbol(name) or o.lookup_static_symbol(name)
            if sym is None:
                raise gdb.GdbError(f"{path} has no symbol {name} (not an RTEMS partition?)")
            return sym.value()
    raise gdb.GdbError(f"{path} is not loaded")


def partition_rows():
    """[(name, state, mode)] of every partition, from the kernel's tables."""
    table = kernel_value("partitions")
    rows = []
    for i in range(int(kernel_value("num_partitions"))):
        p = table[i]
        rows.append((p["cfg"]["name"].string(), STATES.get(int(p["state"]), str(int(p["state"]))),
                     MODES.get(int(p["mode"]), str(int(p["mode"])))))
    return rows


class PartitionBreakpoint(gdb.Breakpoint):
    """A breakpoint at an address that stops only while partition index
    runs: the other partitions may have code at the same address."""

    def __init__(self, address, index):
        super().__init__(f"*{address:#x}")
        self.partition = index

    def stop(self):
        try:
            return running_index() == self.partition
        except gdb.MemoryError:
            # The kernel's tables are not mapped: before boot turned the
            # MMU on (SPARC: the kernel starts at physical 0x40000000,
            # where partitions' code is virtually), so no partition runs.
            return False


class TesseraCommand(gdb.Command):
    """Tessera: partitions, symbol context, per-partition breakpoints, tasks."""

    def __init__(self):
        super().__init__("tessera", gdb.COMMAND_USER, prefix=True)


class AddPartition(gdb.Command):
    """tessera add-partition INDEX NAME ELF: partition INDEX's image."""

    def __init__(self):
        super().__init__("tessera add-partition", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        index, name, path = gdb.string_to_argv(arg)
        SYSTEM.images[int(index)] = (name, path)


class Partitions(gdb.Command):
    """tessera partitions: every partition's index, name, state and mode,
    from the kernel's tables; '*' marks the one running now."""

    def __init__(self):
        super().__init__("tessera partitions", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            with KernelView():
                rows = partition_rows()
            running = running_index()
        except gdb.MemoryError as e:
            raise gdb.GdbError(f"the kernel's tables are not readable yet ({e}): "
                               "is the MMU on? (SPARC: not before boot)")
        if not rows:
            gdb.write("no partitions yet: the kernel has not set them up\n")
            return
        gdb.write(f"  {'index':>5}  {'name':<16} {'state':<11} {'mode':<11} image\n")
        for i, (name, state, mode) in enumerate(rows):
            mark = "*" if i == running else " "
            image = os.path.basename(SYSTEM.images.get(i, ("", "?"))[1])
            gdb.write(f"{mark} {i:>5}  {name:<16} {state:<11} {mode:<11} {image}\n")
        if running is None:
            gdb.write("(no partition running: the kernel or idle)\n")


class Partition(gdb.Command):
    """tessera partition [NAME]: the kernel's symbols plus partition NAME's
    (at its virtual addresses); without NAME, the kernel's alone."""

    def __init__(self):
        super().__init__("tessera partition", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        SYSTEM.use(SYSTEM.index_of(args[0]) if args else None)
        gdb.write(f"symbols: kernel{' + ' + args[0] if args else ''}\n")


class Break(gdb.Command):
    """tessera break NAME FUNCTION: a breakpoint at FUNCTION (after its
    prologue) of partition NAME's image that stops only while NAME runs.
    Loads NAME's symbols."""

    def __init__(self):
        super().__init__("tessera break", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        name, spec = gdb.string_to_argv(arg)
        index = SYSTEM.index_of(name)
        SYSTEM.use(index)
        # gdb resolves the function, prologue skipped, in NAME's symbols;
        # the breakpoint keeps the address, so a later change of symbol
        # context cannot move it into another image.
        probe = gdb.Breakpoint(spec, internal=True)
        addresses = {loc.address for loc in probe.locations}
        probe.delete()
        if len(addresses) != 1:
            raise gdb.GdbError(f"{spec}: {len(addresses)} locations in {name}'s image")
        bp = PartitionBreakpoint(addresses.pop(), index)
        gdb.write(f"breakpoint {bp.number}: {spec} in partition {name} only\n")


class Tasks(gdb.Command):
    """tessera tasks: the running partition's Classic API tasks (and POSIX
    threads) from the executive's object tables: id, name, state,
    priority; '*' marks the executing one. Loads its symbols."""

    def __init__(self):
        super().__init__("tessera tasks", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        index = running_index()
        if index is None:
            raise gdb.GdbError("no partition is running: its tasks are not mapped")
        SYSTEM.use(index)
        executing = int(partition_value("exec_executing"))
        thread_ptr = gdb.lookup_type("struct exec_thread").pointer()
        gdb.write(f"partition {SYSTEM.images[index][0]}:\n")
        gdb.write(f"  {'id':<10} {'name':<6} {'state':<20} priority (real)\n")
        for table in ("exec_tasks_info", "exec_posix_threads_info"):
            info = partition_value(table)
            for i in range(int(info["maximum"])):
                address = int(info["blocks"]) + i * int(info["block_size"])
                t = gdb.Value(address).cast(thread_ptr).dereference()
                if not bool(t["object"]["active"]):
                    continue
                mark = "*" if address == executing else " "
                gdb.write(f"{mark} {int(t['object']['id']):#010x} {task_name(t):<6} "
                          f"{thread_state(int(t['state'])):<20} "
                          f"{int(t['priority'])} ({int(t['real_priority'])})\n")


def task_name(t):
    """The four characters of an rtems_name, most significant first."""
    n = int(t["object"]["name"])
    chars = [(n >> s) & 0xFF for s in (24, 16, 8, 0)]
    return "".join(chr(c) if 32 <= c < 127 else "." for c in chars).rstrip()


def thread_state(bits):
    if bits == 0:
        return "ready"
    names = [n for b, n in THREAD_STATES if bits & b]
    rest = bits & ~sum(b for b, _ in THREAD_STATES)
    return "+".join(names + ([f"{rest:#x}"] if rest else []))


def partition_name(index):
    if index is None:
        return "none (the kernel or idle)"
    return SYSTEM.images.get(index, (str(index),))[0]


class StepWatch:
    """Warns when a step ends in another partition than it began in.
    Stepping over a call (and on SPARC every step: gdb steps there with
    breakpoints) resumes to a breakpoint that QEMU matches by virtual
    address in any address space; if the window ends meanwhile, another
    partition running code at that address stops instead."""

    def __init__(self):
        self.last = None  # partition index at the last stop
        gdb.events.stop.connect(self.on_stop)
        gdb.events.exited.connect(self.on_exit)

    def on_stop(self, event):
        try:
            now = running_index()
        except gdb.error:
            now = None
        # A plain StopEvent is the end of a step, next, finish or until;
        # breakpoints and signals (Ctrl-C) have their own kinds.
        if type(event) is gdb.StopEvent and self.last is not None and now != self.last:
            gdb.write(f"tessera: warning: the step began in partition {partition_name(self.last)} "
                      f"and ended in {partition_name(now)}: another partition reached the "
                      "step's breakpoint (docs/debugging.md, Limits)\n")
        self.last = now

    def on_exit(self, event):
        self.last = None


TesseraCommand()
AddPartition()
Partitions()
Partition()
Break()
Tasks()
StepWatch()
