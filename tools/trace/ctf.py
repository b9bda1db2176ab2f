# SPDX-License-Identifier: BSD-2-Clause
"""CTF 1.8 for babeltrace2 and Trace Compass: a folder with the TSDL
`metadata` and one binary stream of one packet, in the trace's own byte
order. One event class per kind (its id is the kind number, an unknown
kind gets "unknown kind N"), the partition name and the kind's fields
named; timestamps are the kernel's ns clock (`tessera`, 1 GHz)."""
import os
import struct

CTF_MAGIC = 0xC1FC1FC1
# CTF type -> (TSDL type name, struct format)
TYPES = {"u8": ("uint8_t", "B"), "u16": ("uint16_t", "H"), "u32": ("uint32_t", "I"),
         "u64": ("uint64_t", "Q"), "i16": ("int16_t", "h"), "i64": ("int64_t", "q"),
         "x32": ("hex32_t", "I")}
# TSDL declaration of each integer alias: (name, bits, signed)
ALIASES = [("uint8_t", 8, "false"), ("uint16_t", 16, "false"), ("uint32_t", 32, "false"),
           ("uint64_t", 64, "false"), ("int16_t", 16, "true"), ("int64_t", 64, "true")]
# RTEMS object ids read best in hex
HEX_ALIASES = [("hex32_t", 32)]


def _tsdl_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def metadata(header, system, classes):
    """The TSDL text; `classes` maps event id -> (name, [(field, type)])."""
    order = "le" if header.byte_order == "little" else "be"
    out = ["/* CTF 1.8 */", ""]
    for name, bits, signed in ALIASES:
        out.append(f"typealias integer {{ size = {bits}; align = 8; signed = {signed}; }} "
                   f":= {name};")
    for name, bits in HEX_ALIASES:
        out.append(f"typealias integer {{ size = {bits}; align = 8; signed = false; base = 16; }} "
                   f":= {name};")
    out += ["", "trace {", "    major = 1;", "    minor = 8;", f"    byte_order = {order};",
            "    packet.header := struct {", "        uint32_t magic;",
            "        uint32_t stream_id;", "    };", "};", "",
            "env {", f"    system = {_tsdl_string(system.name)};",
            f"    lost_records = {header.lost};", f"    classes = {header.classes};",
            f"    t0_ns = {header.t0};", "};", "",
            "clock {", "    name = tessera;",
            '    description = "Tessera kernel clock, ns (the trace\'s timestamps)";',
            "    freq = 1000000000;", "    offset = 0;", "};", "",
            "typealias integer { size = 64; align = 8; signed = false; "
            "map = clock.tessera.value; } := tessera_clock_t;", "",
            "stream {", "    id = 0;", "    packet.context := struct {",
            "        tessera_clock_t timestamp_begin;", "        tessera_clock_t timestamp_end;",
            "        uint64_t content_size;", "        uint64_t packet_size;", "    };",
            "    event.header := struct {", "        uint16_t id;",
            "        tessera_clock_t timestamp;", "    };", "};", ""]
    for eid in sorted(classes):
        name, fields = classes[eid]
        out += ["event {", f"    name = {_tsdl_string(name)};", f"    id = {eid};",
                "    stream_id = 0;", "    fields := struct {", "        string partition;",
                "        uint8_t cpu;"]
        for fname, ftype in fields:
            tname = "string" if ftype == "str" else TYPES[ftype][0]
            out.append(f"        {tname} {fname};")
        out += ["    };", "};", ""]
    return "\n".join(out)


def _payload(prefix, ev):
    parts = [ev.partition.encode("utf-8") + b"\0", struct.pack(prefix + "B", ev.record.cpu)]
    for _, ftype, value in ev.fields:
        if ftype == "str":
            parts.append(str(value).encode("utf-8") + b"\0")
        else:
            parts.append(struct.pack(prefix + TYPES[ftype][1], value))
    return b"".join(parts)


def write(outdir, header, system, events):
    """Writes OUTDIR/metadata and OUTDIR/stream_0 for the decoded events."""
    prefix = "<" if header.byte_order == "little" else ">"
    classes = {}
    body = []
    # CTF wants a stream's clock monotonic: a (corrupt or multi-CPU) dump
    # out of order is sorted, stably, so equal times keep the dump's order.
    for ev in sorted(events, key=lambda e: e.record.ts):
        eid = ev.record.kind
        classes.setdefault(eid, (ev.name, [(f[0], f[1]) for f in ev.fields]))
        body.append(struct.pack(prefix + "HQ", eid, ev.record.ts) + _payload(prefix, ev))
    body = b"".join(body)
    head_len = 8 + 32
    bits = (head_len + len(body)) * 8
    begin = min((e.record.ts for e in events), default=header.t0)
    end = max((e.record.ts for e in events), default=header.t0)
    head = struct.pack(prefix + "IIQQQQ", CTF_MAGIC, 0, begin, end, bits, bits)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "metadata"), "w", encoding="utf-8") as f:
        f.write(metadata(header, system, classes))
    with open(os.path.join(outdir, "stream_0"), "wb") as f:
        f.write(head + body)
