#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Corpus test of tessera-config; prints TAP.

valid/*.xml must pass and generate tables that equal what this script
computes from the XML on its own (through tests/config/dump_cfg.c).
invalid/NAME.xml must fail with exactly the lines in invalid/NAME.expected
(lines starting with '#' there are comments; '# args: ...' adds command-line
arguments) and write no output. The partition images are ELF files that this
script writes into a temporary folder; none is kept in the repository.

Run from anywhere with TESSERA_BUILD set to the build folder (tests/run.py
does that).
"""
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("TESSERA_BUILD", os.path.join(ROOT, "build"))
TOOL = os.path.join(BUILD, "host", "tessera-config")
CFG_INCLUDE = os.path.join(ROOT, "kernel", "core", "include")
PV_INCLUDE = os.path.join(ROOT, "pv", "include")


def arch_include(arch):
    """Where cfg.h finds the arch's word and address types (arch_word.h)."""
    return os.path.join(ROOT, "kernel", "arch", arch, "include")

# CFG_MESSAGE_HEADER of cfg.h, written down independently of the tool.
MESSAGE_HEADER = 16
# Health monitor, as docs/configuration.md and pv/abi.h have it: error ids
# (PV_HM_*) in value order, action values (PV_HM_ACTION_*; "module" is
# CFG_HM_DEFAULT), the size of the tables (CFG_HM_ERRORS) and the
# max-restarts a partition gets by default (CFG_HM_DEFAULT_MAX_RESTARTS).
HM_ERRORS = ["memory-violation", "privileged-instruction", "illegal-instruction",
             "divide-error", "fpu-error", "misaligned-access", "hypercall-misuse",
             "stack-overflow", "deadline-missed", "application-error", "fatal-error",
             "port-overflow", "restart-loop"]
HM_ACTIONS = {"module": 0, "ignore": 1, "log": 2, "halt": 3, "cold-restart": 4,
              "warm-restart": 5, "propagate": 6, "halt-module": 7, "reset-module": 8}
HM_TABLE = 16
HM_DEFAULT_MAX_RESTARTS = 3

PF_X, PF_W, PF_R = 1, 2, 4
PT_LOAD, PT_GNU_STACK = 1, 0x6474E551
EM_386, EM_SPARC, EM_RISCV = 3, 2, 243

ARCHES = {
    "x86": {"virt": 0x40000000, "machine": EM_386, "big": False, "ram": 0},
    "sparc": {"virt": 0x50000000, "machine": EM_SPARC, "big": True, "ram": 0x40000000},
    "riscv": {"virt": 0x40000000, "machine": EM_RISCV, "big": False, "ram": 0x80000000, "cls": 2},
}


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=""):
        self.n += 1
        print(f"{'ok' if cond else 'not ok'} {self.n} - {name}")
        if not cond:
            self.failed += 1
            for line in str(detail).rstrip().splitlines():
                print(f"#   {line}")
        return cond

    def skip(self, name, why):
        self.n += 1
        print(f"ok {self.n} - {name} # SKIP {why}")


# ---- ELF images -------------------------------------------------------------

def elf(machine=EM_386, big=False, cls=1, etype=2, entry=0x40000000,
        segments=(), phentsize=32, truncate=None, phoff=None):
    """A minimal ELF executable. segments: (type, vaddr, memsz, flags[, filesz
    [, offset]]); file bytes follow the headers."""
    e = ">" if big else "<"
    phnum = len(segments)
    phoff = 52 if phoff is None else phoff
    data_off = 52 + phnum * 32
    body = b""
    phdrs = b""
    for seg in segments:
        ptype, vaddr, memsz, flags = seg[:4]
        filesz = seg[4] if len(seg) > 4 else min(memsz, 64)
        offset = seg[5] if len(seg) > 5 else data_off + len(body)
        if len(seg) <= 5:
            body += bytes((vaddr + i) & 0xFF for i in range(filesz))
        phdrs += struct.pack(e + "8I", ptype, offset, vaddr, vaddr, filesz, memsz,
                             flags, 0x1000)
    ident = b"\x7fELF" + bytes([cls, 2 if big else 1, 1]) + b"\0" * 9
    hdr = ident + struct.pack(e + "HHIIIIIHHHHHH", etype, machine, 1, entry, phoff,
                              0, 0, 52, phentsize, phnum, 40, 0, 0)
    out = hdr + phdrs + body
    return out[:truncate] if truncate is not None else out


def elf64(machine=EM_RISCV, entry=0x40000000, segments=()):
    """A minimal little-endian ELF64 executable; segments as for elf()."""
    phnum = len(segments)
    data_off = 64 + phnum * 56
    body = b""
    phdrs = b""
    for seg in segments:
        ptype, vaddr, memsz, flags = seg[:4]
        filesz = seg[4] if len(seg) > 4 else min(memsz, 64)
        offset = data_off + len(body)
        body += bytes((vaddr + i) & 0xFF for i in range(filesz))
        phdrs += struct.pack("<IIQQQQQQ", ptype, flags, offset, vaddr, vaddr, filesz, memsz,
                             0x1000)
    ident = b"\x7fELF" + bytes([2, 1, 1]) + b"\0" * 9
    hdr = ident + struct.pack("<HHIQQQIHHHHHH", 2, machine, 1, entry, 64, 0, 0, 64, 56, phnum,
                              64, 0, 0)
    return hdr + phdrs + body


def std_image(arch, entry_off=0x10):
    a = ARCHES[arch]
    v = a["virt"]
    make = elf64 if a.get("cls") == 2 else elf
    extra = {} if a.get("cls") == 2 else {"big": a["big"]}
    return make(machine=a["machine"], entry=v + entry_off, **extra, segments=[
        (PT_LOAD, v, 0x1000, PF_R | PF_X, 0x80),
        (PT_LOAD, v + 0x400000, 0x2000, PF_R | PF_W, 0x10),
        (PT_GNU_STACK, 0, 0, PF_R | PF_W, 0, 0),
    ])


def write_images(d):
    v = 0x40000000
    images = {
        "hello.elf": std_image("x86"),
        "hello-sparc.elf": std_image("sparc"),
        "hello-riscv.elf": std_image("riscv"),
        "riscv-high.elf": elf64(entry=v + 0x10, segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X),
                                                           (PT_LOAD, 0x140400000, 0x1000,
                                                            PF_R | PF_W)]),
        "edge.elf": elf(entry=0xEFFFF000, segments=[(PT_LOAD, 0xEFFFF000, 0x1000, PF_R | PF_X)]),
        "notelf.elf": b"#!/bin/sh\necho this is not an ELF file\n",
        "elf64.elf": b"\x7fELF\x02\x01\x01" + b"\0" * 57,
        "arm.elf": elf(machine=40, segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)]),
        "big.elf": elf(big=True, segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)]),
        "dyn.elf": elf(etype=3, segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)]),
        "short.elf": std_image("x86")[:40],
        "phtrunc.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)], truncate=70),
        "phalign.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)], phoff=54),
        "phentsize.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X)], phentsize=40),
        "noload.elf": elf(segments=[(PT_GNU_STACK, 0, 0, PF_R | PF_W, 0, 0)]),
        "outside.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X),
                                     (PT_LOAD, 0x48000000, 0x1000, PF_R)]),
        "straddle.elf": elf(segments=[(PT_LOAD, v, 0x2000, PF_R | PF_X)]),
        "wcode.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_W | PF_X)]),
        "xdata.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X),
                                   (PT_LOAD, v + 0x400000, 0x1000, PF_R | PF_W | PF_X)]),
        "filesz.elf": elf(segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X),
                                    (PT_LOAD, v + 0x400000, 0x10, PF_R | PF_W, 0x20),
                                    (PT_LOAD, v + 0x401000, 0x1000, PF_R | PF_W, 0x100,
                                     0x10000)]),
        "hello-sparc-odd.elf": elf(machine=EM_SPARC, big=True, entry=0x40000002,
                                   segments=[(PT_LOAD, 0x40000000, 0x1000, PF_R | PF_X)]),
        "entry-data.elf": elf(entry=v + 0x400000,
                              segments=[(PT_LOAD, v, 0x1000, PF_R | PF_X),
                                        (PT_LOAD, v + 0x400000, 0x1000, PF_R | PF_W)]),
    }
    for name, data in images.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


# ---- what the tables must say, computed from the XML alone -----------------

def size_of(s):
    m = re.fullmatch(r"0x([0-9a-fA-F]+)|([0-9]+)(KiB|MiB|GiB)?", s)
    if m.group(1):
        return int(m.group(1), 16)
    return int(m.group(2)) * {None: 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}[m.group(3)]


def time_of(s):
    m = re.fullmatch(r"([0-9]+)(ns|us|ms|s)", s)
    return int(m.group(1)) * {"ns": 1, "us": 10**3, "ms": 10**6, "s": 10**9}[m.group(2)]


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def elf_entry(data):
    return struct.unpack((">" if data[5] == 2 else "<") + "I", data[24:28])[0]


def hm_actions(hm, attr="action"):
    """The full table a <health-monitor> element (or None) stands for: its
    actions, or its unhandled="..." actions (0 where absent)."""
    table = [0] * HM_TABLE
    for e in hm.findall("error") if hm is not None else []:
        if e.get(attr) is not None:
            table[HM_ERRORS.index(e.get("id"))] = HM_ACTIONS[e.get(attr)]
    return ",".join(map(str, table))


def expected_dump(xml_path, image_dir):
    root = ET.parse(xml_path).getroot()
    parts = root.findall("./partitions/partition")
    plans = root.findall("./schedule/plan")
    index = {p.get("name"): i for i, p in enumerate(parts)}
    initial = [p.get("name") for p in plans].index(root.find("schedule").get("initial-plan"))
    cons = root.find("console")
    console = index[cons.get("input")] if cons is not None and cons.get("input") else 0xFFFFFFFF
    ports = [(i, p) for i, part in enumerate(parts) for p in part.findall("port")]
    port_index = {(parts[i].get("name"), p.get("name")): n for n, (i, p) in enumerate(ports)}
    channels = root.findall("./channels/channel")
    channel_of = {}
    for n, c in enumerate(channels):
        for e in [c.find("source")] + c.findall("destination"):
            channel_of[port_index[(e.get("partition"), e.get("port"))]] = n
    tables = "set" if ports else "null"
    out = [f"system {root.get('name')} ram=0x{size_of(root.get('ram')):08x} "
           f"partitions={len(parts)} plans={len(plans)} initial={initial} console=0x{console:x} "
           f"ports={len(ports)} channels={len(channels)} tables={tables}"]
    modes = {"idle": 0, "cold-start": 1, "warm-start": 2, "normal": 3}
    for i, p in enumerate(parts):
        with open(os.path.join(image_dir, p.get("image")), "rb") as f:
            img = f.read()
        flags = (1 if p.get("kind") == "system" else 0) | (2 if p.get("fpu") == "yes" else 0)
        entry = int(p.get("entry"), 16) if p.get("entry") else elf_entry(img)
        # The tables hold a partition's areas sorted by virtual address.
        areas = sorted(p.findall("area"), key=lambda a: int(a.get("virt"), 16))
        out.append(f"partition {i} {p.get('name')} id={p.get('id')} flags=0x{flags:x} "
                   f"crit={'ABCDE'.index(p.get('criticality'))} "
                   f"mode={modes[p.get('initial-mode', 'cold-start')]} entry=0x{entry:08x} "
                   f"areas={len(areas)} image={len(img)}:{fnv1a(img):08x}")
        for k, a in enumerate(areas):
            r = a.get("rights")
            rights = 1 | (2 if "w" in r else 0) | (4 if "x" in r else 0) | \
                (8 if a.get("shared") == "yes" else 0)
            # XML phys counts from the start of RAM; the tables hold the address.
            phys = int(a.get('phys'), 16) + ARCHES[root.get("arch", "x86")]["ram"]
            out.append(f"area {i}.{k} {a.get('name')} phys=0x{phys:08x} "
                       f"virt=0x{int(a.get('virt'), 16):08x} size=0x{size_of(a.get('size')):08x} "
                       f"rights=0x{rights:x}")
        hm = p.find("health-monitor")
        restarts = hm.get("max-restarts") if hm is not None else None
        restarts = int(restarts) if restarts is not None else HM_DEFAULT_MAX_RESTARTS
        out.append(f"hm {i} max-restarts={restarts} actions={hm_actions(hm)} "
                   f"unhandled={hm_actions(hm, 'unhandled')}")
    out.append(f"hm module actions={hm_actions(root.find('health-monitor'))}")
    cpus = int(root.get("cpus", "1"))
    out.append(f"cpus {cpus}")
    # Each CPU's view of a plan holds its windows only; CPU 0's is the plan.
    for i, p, c in [(i, p, c) for i, p in enumerate(plans) for c in range(cpus)]:
        wins = sorted((w for w in p.findall("window") if int(w.get("cpu", "0")) == c),
                      key=lambda w: time_of(w.get("offset")))
        out.append(f"plan {i}{f' cpu {c}' if c else ''} {p.get('name')} id={p.get('id')} "
                   f"major={time_of(p.get('major-frame'))} windows={len(wins)}")
        for k, w in enumerate(wins):
            out.append(f"window {i}.{k} partition={index[w.get('partition')]} "
                       f"offset={time_of(w.get('offset'))} duration={time_of(w.get('duration'))}")
    kinds = {"sampling": 0, "queuing": 1}
    for n, (i, p) in enumerate(ports):
        depth = int(p.get("depth", "1")) if p.get("kind") == "queuing" else 1
        refresh = time_of(p.get("refresh")) if p.get("refresh") else 0
        out.append(f"port {n} {p.get('name')} partition={i} kind={kinds[p.get('kind')]} "
                   f"direction={1 if p.get('direction') == 'destination' else 0} "
                   f"size={size_of(p.get('max-message-size'))} depth={depth} "
                   f"refresh={refresh} channel={channel_of[n]}")
    for n, c in enumerate(channels):
        src = c.find("source")
        s = port_index[(src.get("partition"), src.get("port"))]
        sp = ports[s][1]
        size = size_of(sp.get("max-message-size"))
        depth = int(sp.get("depth", "1")) if sp.get("kind") == "queuing" else 1
        dests = ",".join(str(port_index[(d.get("partition"), d.get("port"))])
                         for d in c.findall("destination"))
        out.append(f"channel {n} {c.get('name')} kind={kinds[sp.get('kind')]} size={size} "
                   f"depth={depth} source={s} destinations={dests} "
                   f"buffer={(depth if sp.get('kind') == 'queuing' else 2) * (size + MESSAGE_HEADER)} "
                   f"header={MESSAGE_HEADER} aligned=yes")
    if ports:
        out.append("port-names ok")
    out += ["partition-ids ok", "plan-ids ok"]
    return "\n".join(out) + "\n"


# ---- running the tool -------------------------------------------------------

def run(args, cwd=HERE):
    p = subprocess.run([TOOL] + args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def sh(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def have(tool):
    return shutil.which(tool) is not None


def listing(d):
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


SYSTEM_PORT_FIELDS = """    const struct cfg_port *ports;
    uint32_t num_ports;
    const struct cfg_channel *channels;
    uint32_t num_channels;
"""


def cfg_include(tmp):
    """The folder of the cfg.h to build tables with. While the struct
    cfg_system of kernel/core/include/cfg.h lacks the port fields that the
    tool fills in, a copy with them added stands in for it."""
    with open(os.path.join(CFG_INCLUDE, "cfg.h")) as f:
        h = f.read()
    m = re.search(r"struct cfg_system \{.*?\n\};", h, re.S)
    if "num_ports" in m.group(0):
        return CFG_INCLUDE
    print("# kernel/core/include/cfg.h: struct cfg_system has no port fields; "
          "tables are built with a copy that adds them")
    d = os.path.join(tmp, "cfg-include")
    os.makedirs(d)
    with open(os.path.join(d, "cfg.h"), "w") as f:
        f.write(h[:m.end() - 2] + SYSTEM_PORT_FIELDS + h[m.end() - 2:])
    return d


def test_valid(t, tmp, img):
    inc = cfg_include(tmp)
    for name in sorted(os.listdir(os.path.join(HERE, "valid"))):
        if not name.endswith(".xml"):
            continue
        rel = f"valid/{name}"
        arch = ET.parse(os.path.join(HERE, rel)).getroot().get("arch", "x86")
        rc, _, err = run(["--check", "--image-dir", img, rel])
        t.ok(rc == 0 and err == "", f"{rel}: --check passes", err)
        rc, _, err = run(["--check", "--arch", arch, "--image-dir", img, rel])
        t.ok(rc == 0 and err == "", f"{rel}: --check --arch {arch} passes", err)
        out = os.path.join(tmp, "out", name[:-4])
        rc, _, err = run(["--image-dir", img, "--output-dir", out, rel])
        if not t.ok(rc == 0 and err == "" and listing(out) == ["cfg.d", "cfg_images.S",
                                                              "cfg_tables.c"],
                    f"{rel}: generates cfg_tables.c, cfg_images.S, cfg.d",
                    f"rc={rc} files={listing(out)}\n{err}"):
            continue
        dump = os.path.join(out, "dump")
        rc, msg = sh(["cc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", inc,
                      "-I", arch_include(arch), "-I", PV_INCLUDE, "-o", dump, os.path.join(HERE, "dump_cfg.c"),
                      os.path.join(out, "cfg_tables.c"), os.path.join(out, "cfg_images.S")])
        if t.ok(rc == 0, f"{rel}: tables build on the host", msg):
            rc, got = sh([dump])
            want = expected_dump(os.path.join(HERE, rel), img)
            t.ok(rc == 0 and got == want, f"{rel}: tables match the XML",
                 "want:\n" + want + "got:\n" + got)
        # Tables without ports must build with the kernel's own cfg.h in any case.
        has_ports = ET.parse(os.path.join(HERE, rel)).getroot().find(".//port") is not None
        target_cflags = ["-std=gnu11", "-ffreestanding", "-O2", "-Wall", "-Wextra", "-Werror",
                         "-Wmissing-prototypes", "-Wmissing-declarations",
                         "-I", inc if has_ports else CFG_INCLUDE, "-I", PV_INCLUDE]
        for cc, extra in (("gcc", ["-m32", "-march=i686", "-I", arch_include("x86")]),
                          ("sparc64-linux-gnu-gcc",
                           ["-m32", "-mcpu=leon3", "-I", arch_include("sparc")]),
                          ("riscv64-unknown-elf-gcc",
                           ["-march=rv64imac_zicsr", "-mabi=lp64", "-mcmodel=medany",
                            "-I", arch_include("riscv")])):
            if not have(cc):
                t.skip(f"{rel}: builds with {cc}", f"{cc} not installed")
                continue
            o1, o2 = os.path.join(out, f"t-{cc}.o"), os.path.join(out, f"i-{cc}.o")
            rc1, m1 = sh([cc] + extra + target_cflags + ["-c", os.path.join(out, "cfg_tables.c"),
                                                         "-o", o1])
            rc2, m2 = sh([cc] + extra + ["-c", os.path.join(out, "cfg_images.S"), "-o", o2])
            t.ok(rc1 == 0 and rc2 == 0, f"{rel}: builds with {cc} {' '.join(extra)}", m1 + m2)
        with open(os.path.join(out, "cfg.d")) as f:
            deps = f.read()
        images = []
        for p in ET.parse(os.path.join(HERE, rel)).getroot().iter("partition"):
            path = os.path.realpath(os.path.join(img, p.get("image")))
            if path not in images:
                images.append(path)
        first = deps.replace("\\\n", "").splitlines()[0].split()
        t.ok(first[:2] == [os.path.join(out, "cfg_tables.c") + ":", rel]
             and first[2:] == images and f"\n{rel}:\n" in deps,
             f"{rel}: cfg.d lists the XML and every image", deps)


def expectations(path):
    args, lines = [], []
    with open(path) as f:
        for line in f.read().splitlines():
            if line.startswith("# args:"):
                args += shlex.split(line[len("# args:"):])
            elif line and not line.startswith("#"):
                lines.append(line)
    return args, lines


def test_invalid(t, tmp, img):
    names = sorted(n for n in os.listdir(os.path.join(HERE, "invalid")) if n.endswith(".xml"))
    for name in names:
        rel = f"invalid/{name}"
        exp = os.path.join(HERE, "invalid", name[:-4] + ".expected")
        if not t.ok(os.path.exists(exp), f"{rel}: has an .expected file"):
            continue
        args, want = expectations(exp)
        rc, out, err = run(args + ["--check", "--image-dir", img, rel])
        got = err.splitlines()
        t.ok(rc == 1 and out == "" and got == want, f"{rel}: reports exactly the expected errors",
             f"rc={rc}\nwant:\n" + "\n".join(want) + "\ngot:\n" + err)
        od = os.path.join(tmp, "bad-out", name[:-4])
        os.makedirs(od)
        with open(os.path.join(od, "cfg_tables.c"), "w") as f:
            f.write("old\n")
        rc, _, err = run(args + ["--image-dir", img, "--output-dir", od, rel])
        with open(os.path.join(od, "cfg_tables.c")) as f:
            old = f.read()
        t.ok(rc == 1 and listing(od) == ["cfg_tables.c"] and old == "old\n",
             f"{rel}: writes no output", f"rc={rc} files={listing(od)}")


def test_cli(t, tmp, img):
    valid = "valid/minimal.xml"
    for args, what in (([], "no arguments"),
                       (["--bogus", valid], "unknown option"),
                       (["--check", "--arch", "mips", valid], "unknown --arch"),
                       (["--check", "--arch"], "--arch without value"),
                       (["--check", "--output-dir", tmp, valid], "--check with --output-dir"),
                       ([valid], "neither --check nor --output-dir"),
                       (["--check", valid, valid], "two system files"),
                       (["--check", "--image", "s.elf", valid], "--check with --image"),
                       (["--image=", valid], "empty --image"),
                       (["--kernel-dir", tmp, "--output-dir", tmp, valid],
                        "--kernel-dir without --image"),
                       (["--check", "--image-dir=", valid], "empty --image-dir")):
        rc, out, err = run(args)
        t.ok(rc == 2 and "usage:" in err and out == "", f"usage error exits 2: {what}",
             f"rc={rc}\n{err}")
    rc, out, err = run(["--help"])
    t.ok(rc == 0 and out.startswith("usage:") and err == "", "--help prints usage and exits 0")
    rc, _, err = run(["--check", "no/such/file.xml"])
    t.ok(rc == 1 and err.startswith("no/such/file.xml: cannot read:"),
         "a missing system file is an error, exit 1", err)
    rc, _, err = run(["--check", "--image-dir=" + img, "--arch=x86", valid])
    t.ok(rc == 0 and err == "", "--opt=value forms are accepted", err)

    # The schema is built in: the binary works alone, far from config/.
    alone = os.path.join(tmp, "alone")
    os.makedirs(alone)
    shutil.copy(TOOL, alone)
    shutil.copy(os.path.join(HERE, valid), alone)
    shutil.copy(os.path.join(img, "hello.elf"), alone)
    p = subprocess.run([os.path.join(alone, "tessera-config"), "--check", "minimal.xml"],
                       cwd=alone, stderr=subprocess.PIPE, timeout=60)
    t.ok(p.returncode == 0, "the tool is self-contained (embedded schema)", p.stderr)
    with open(TOOL, "rb") as f, open(os.path.join(ROOT, "config", "tessera.xsd"), "rb") as x:
        t.ok(x.read() in f.read(), "the embedded schema is config/tessera.xsd")

    # Image search order: each --image-dir in turn, then the XML's folder.
    order = os.path.join(tmp, "order")
    dirs = [os.path.join(order, d) for d in ("a", "b", "xml")]
    for d, off in zip(dirs, (0x10, 0x20, 0x30)):
        os.makedirs(d)
        with open(os.path.join(d, "hello.elf"), "wb") as f:
            f.write(std_image("x86", off))
    shutil.copy(os.path.join(HERE, valid), dirs[2])
    xml = os.path.join(dirs[2], "minimal.xml")
    for args, want in ((["--image-dir", dirs[0], "--image-dir", dirs[1]], dirs[0]),
                       (["--image-dir", dirs[1], "--image-dir", dirs[0]], dirs[1]),
                       (["--image-dir", os.path.join(order, "none")], dirs[2]),
                       ([], dirs[2])):
        out = os.path.join(tmp, "order-out")
        rc, _, err = run(args + ["--output-dir", out, xml])
        with open(os.path.join(out, "cfg_images.S")) as f:
            asm = f.read()
        path = os.path.realpath(os.path.join(want, "hello.elf"))
        t.ok(rc == 0 and f'.incbin "{path}"' in asm,
             f"image search order picks {os.path.basename(want)}/", err + asm)

    # The partition limit is the kernel's; the others keep hostile input quick.
    many = os.path.join(tmp, "many.xml")
    with open(many, "w") as f:
        f.write('<system name="many" ram="1GiB"><partitions>\n')
        for i in range(65):
            f.write(f'<partition name="p{i}" id="{i}" criticality="E" image="hello.elf">'
                    f'<area name="a" virt="0x40000000" phys="0x{0x1000000 + i * 0x1000:x}" '
                    'size="4KiB" rights="rx"/></partition>\n')
        f.write('</partitions><schedule initial-plan="p"><plan name="p" id="0" '
                'major-frame="1ms"><window partition="p0" offset="0ms" duration="1ms"/>'
                '</plan></schedule></system>\n')
    rc, _, err = run(["--check", "--image-dir", img, many])
    t.ok(rc == 1 and err == f'{many}:1: <system name="many">: more than 64 partitions\n',
         "more than 64 partitions (the kernel's partition sets) is refused", err)

    # The largest system of #20 (tests/system/gen_scale.py: 64 partitions,
    # 1,024 channels, 4,096 ports, 4,096 windows) is accepted, and the kernel
    # state it defines is sized for it: 64 partitions, 1,024 channels and,
    # on x86, 3 page tables each (code, data, control page).
    sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
    import gen_scale
    scale = os.path.join(tmp, "scale.xml")
    for arch, image, tables in (("x86", "hello.elf", "192u"), ("sparc", "hello-sparc.elf", None)):
        v = ARCHES[arch]["virt"]
        with open(scale, "w") as f:
            f.write(gen_scale.xml().replace('image="scale.elf"', f'image="{image}"')
                    .replace('virt="0x40100000"', f'virt="0x{v + 0x400000:08x}"')
                    .replace('virt="0x40000000"', f'virt="0x{v:08x}"'))
        out = os.path.join(tmp, f"scale-out-{arch}")
        rc, _, err = run(["--arch", arch, "--image-dir", img, "--output-dir", out, scale])
        tables_c = ""
        if rc == 0:
            with open(os.path.join(out, "cfg_tables.c")) as f:
                tables_c = f.read()
        m = re.search(r"\nCFG_STATE_DEFINE\((\d+u), (\d+u), (\d+u)\)\n", tables_c)
        t.ok(rc == 0 and err == "" and m is not None and m.group(1, 2) == ("64u", "1024u")
             and (tables is None or m.group(3) == tables) and int(m.group(3)[:-1]) > 0,
             f"{arch}: 64 partitions, 1,024 channels, 4,096 ports and 4,096 windows are "
             "accepted; the kernel state is defined for exactly that", err + str(m and m.groups()))

    # The kernel's area search covers CFG_MAX_AREAS = 256 areas of a partition.
    for n, refused in ((256, False), (257, True)):
        areas = os.path.join(tmp, f"areas{n}.xml")
        with open(areas, "w") as f:
            f.write('<system name="areas" ram="64MiB"><partitions>\n'
                    '<partition name="p" id="0" criticality="E" image="hello.elf">\n'
                    '<area name="data" virt="0x40400000" phys="0x1000000" size="8KiB" '
                    'rights="rw"/>\n')
            for i in range(n - 1):
                f.write(f'<area name="a{i}" virt="0x{0x40000000 + i * 0x1000:x}" '
                        f'phys="0x{0x1002000 + i * 0x1000:x}" size="4KiB" rights="rx"/>\n')
            f.write('</partition></partitions><schedule initial-plan="p"><plan name="p" '
                    'id="0" major-frame="1ms"><window partition="p" offset="0ms" '
                    'duration="1ms"/></plan></schedule></system>\n')
        rc, _, err = run(["--check", "--image-dir", img, areas])
        if refused:
            t.ok(rc == 1 and err == f'{areas}:2: <partition name="p">: more than 256 areas\n',
                 "more than 256 areas in a partition (the kernel's search) is refused", err)
        else:
            t.ok(rc == 0 and err == "", "256 areas in a partition are accepted", err)

    # Port limits keep the name look-ups quick on hostile input.
    ports = os.path.join(tmp, "ports.xml")
    with open(ports, "w") as f:
        f.write('<system name="ports" ram="1GiB"><partitions>\n'
                '<partition name="p" id="0" criticality="E" image="hello.elf">'
                '<area name="a" virt="0x40000000" phys="0x1000000" size="4KiB" rights="rx"/>\n')
        for i in range(257):
            f.write(f'<port name="q{i}" kind="sampling" direction="source" '
                    'max-message-size="4"/>\n')
        f.write('</partition></partitions><schedule initial-plan="p"><plan name="p" id="0" '
                'major-frame="1ms"><window partition="p" offset="0ms" duration="1ms"/>'
                '</plan></schedule>\n<channels><channel name="c"><source partition="p" '
                'port="q0"/>\n')
        f.write('<destination partition="p" port="q1"/>\n' * 4096)
        f.write('</channel></channels></system>\n')
    rc, _, err = run(["--check", "--image-dir", img, ports])
    t.ok(rc == 1 and err == f'{ports}:2: <partition name="p">: more than 256 ports\n'
         f'{ports}:261: <channels>: more than 4096 sources and destinations in all\n',
         "more than 256 ports in a partition or 4096 channel ends is refused", err)

    test_messages(t, tmp, img)

    # A toolchain-built image, not just the ones this script writes by hand.
    if not have("gcc"):
        t.skip("a gcc -m32 image passes", "gcc not installed")
        return
    src = os.path.join(tmp, "hello.c")
    with open(src, "w") as f:
        f.write("int counter = 1;\nvoid _start(void) { for (;;) counter++; }\n")
    gimg = os.path.join(tmp, "gcc")
    os.makedirs(gimg)
    rc, msg = sh(["gcc", "-m32", "-ffreestanding", "-fno-pic", "-no-pie", "-nostdlib", "-static",
                  "-Wl,-n", "-Wl,--build-id=none", "-Wl,-Ttext=0x40000000",
                  "-Wl,-Tdata=0x40400000", "-o", os.path.join(gimg, "hello.elf"), src])
    if rc != 0:
        t.skip("a gcc -m32 image passes", "gcc -m32 cannot link: " + msg.splitlines()[0])
        return
    rc, _, err = run(["--check", "--image-dir", gimg, valid])
    t.ok(rc == 0 and err == "", "a gcc -m32 image passes", err)


def test_messages(t, tmp, img):
    """What the tool says about awkward but possible input."""
    with open(os.path.join(HERE, "valid", "minimal.xml")) as f:
        base = f.read()

    def check(name, text, want, what, args=()):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        rc, _, err = run(["--check", "--image-dir", img, *args, path])
        want = [w.replace("FILE", path) for w in want]
        t.ok(rc == (1 if want else 0) and err.splitlines() == want, what,
             f"rc={rc}\ngot:\n{err}want:\n" + "\n".join(want))
        return err

    part = '<partition name="hello" id="1" criticality="E" image="hello.elf">'
    check("doctype-comment.xml", base.replace("<!-- The least", "<!-- <!DOCTYPE x> The least"),
          [], "a <!DOCTYPE inside a comment is no DOCTYPE")
    check("doctype.xml", base.replace("<system", '<!DOCTYPE system [<!ENTITY a "b">]>\n<system'),
          ["FILE:4: DOCTYPE declarations are not allowed"], "a real DOCTYPE is refused at its line")
    check("multiline.xml", base.replace(part, part.replace('" ', '"\n      ').replace(
          'id="1"', 'id="4294967296"')),
          ['FILE:6: <partition name="hello">: id="4294967296" does not fit in 32 bits'],
          "an error in a tag that spans lines points at its first line")
    check("late.xml", base.replace("<system", "<!--" + "\n" * 70000 + "-->\n<system").replace(
          'id="1"', 'id="4294967296"'),
          ['FILE:70007: <partition name="hello">: id="4294967296" does not fit in 32 bits'],
          "line numbers past 65,535 are exact")
    check("digits.xml", base.replace('id="1"', 'id="12345678901234567890"').replace(
          'rights="rw"/>\n', 'rights="rw"/>\n<area name="x" virt="0x40800000" phys="0x02000000" '
          'size="123456789012345678901" rights="rw"/>\n', 1).replace(
          'major-frame="10ms"', 'major-frame="123456789012345678901ms"'),
          ['FILE:6: <partition name="hello">: id="12345678901234567890" does not fit in 32 bits',
           'FILE:9: <area name="x">: size="123456789012345678901" does not fit in 32 bits',
           'FILE:13: <plan name="only">: major-frame="123456789012345678901ms" does not fit in '
           '64 bits of nanoseconds'],
          "a number with too many digits does not fit; it is still a number")
    err = check("utf8.xml", base.replace('id="1"', 'id="' + "a" * 47 + "\u00e9" + "x" + '"'),
                ['FILE:6: <partition name="hello">: id="' + "a" * 47 + '..." is not a decimal '
                 "number"], "a quoted value is cut at a character boundary")
    err = check("bidi.xml", base.replace('id="1"', 'id="1\u202e2\u2066\u00853"'),
                ['FILE:6: <partition name="hello">: id="1?2??3" is not a decimal number'],
                "bidirectional and C1 control characters are not echoed")
    areas = "".join(f'<area name="x{i}" virt="0x{0x40800000 + i * 0x1000:x}" phys="0x02000000" '
                    'size="4KiB" rights="rw"/>\n' for i in range(4))
    check("one-page.xml", base.replace('rights="rw"/>\n', 'rights="rw"/>\n' + areas, 1),
          [f'FILE:{10 + i}: <area name="x{i + 1}">: physical [0x02000000, 0x02001000) overlaps '
              f'area "x0" of the same partition (line 9)' + ("" if i == 0 else
              f" and {i} more area" + ("" if i == 1 else "s")) for i in range(3)],
          "areas on one page: each reported once, with how many others it overlaps")
    big = os.path.join(tmp, "huge.xml")
    with open(big, "w") as f:
        f.write(" " * (16 * 1024 * 1024 + 1))
    rc, _, err = run(["--check", big])
    t.ok(rc == 1 and err == f"{big}: cannot read: larger than the limit of 16 MiB\n",
         "the size limit says what the limit is", err)
    first, second = os.path.join(tmp, "dir1"), os.path.join(tmp, "dir2")
    os.makedirs(first)
    os.makedirs(second)
    shutil.copy(os.path.join(img, "hello.elf"), second)
    os.symlink(os.path.join(tmp, "no-such-file"), os.path.join(first, "hello.elf"))
    rc, _, err = run(["--check", "--image-dir", first, "--image-dir", second,
                      os.path.join(HERE, "valid", "minimal.xml")])
    t.ok(rc == 1 and "is a symbolic link that points to nothing" in err,
         "a dangling symlink in the first --image-dir is reported, not passed over", err)


def test_schema_standalone(t):
    if not have("xmllint"):
        t.skip("valid files match config/tessera.xsd in xmllint", "xmllint not installed")
        return
    files = sorted(os.path.join(HERE, "valid", n) for n in os.listdir(os.path.join(HERE, "valid"))
                   if n.endswith(".xml"))
    rc, msg = sh(["xmllint", "--noout", "--schema", os.path.join(ROOT, "config", "tessera.xsd")]
                 + files)
    t.ok(rc == 0, "valid files match config/tessera.xsd in xmllint", msg)


def main():
    t = Tap()
    if not os.access(TOOL, os.X_OK):
        t.ok(False, f"{TOOL} exists (build it first)")
        return 1
    with tempfile.TemporaryDirectory(prefix="tessera-config-test.") as tmp:
        img = os.path.join(tmp, "images")
        os.makedirs(img)
        write_images(img)
        test_valid(t, tmp, img)
        test_invalid(t, tmp, img)
        test_cli(t, tmp, img)
        test_schema_standalone(t)
    print(f"1..{t.n}")
    return 1 if t.failed else 0


if __name__ == "__main__":
    sys.exit(main())
