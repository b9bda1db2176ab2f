# SPDX-License-Identifier: BSD-2-Clause
"""Reads a Tessera trace dump (docs/trace-format.md): the header and the
records, in either byte order. Shared by tests/system/test_trace.py and the
host tools; it knows the format only, not any system."""
import struct
from collections import namedtuple

MAGIC = b"TSTRACE1"
ORDER = 0x01020304
HEADER_SIZE = 48
RECORD_SIZE = 24

# Class bits (PV_TRACE_CLASS_LIST of pv/abi_list.h).
CLASSES = {"window": 0, "hcall": 1, "virq": 2, "hm": 3, "port": 4, "plan": 5, "mode": 6,
           "guest": 7}

# Kinds (pv/trace.h): name and class.
KINDS = {
    1: ("WINDOW_START", "window"), 2: ("WINDOW_END", "window"), 3: ("PART_SWITCH", "window"),
    16: ("HCALL", "hcall"),
    32: ("VIRQ_RAISE", "virq"), 33: ("VIRQ_DELIVER", "virq"),
    48: ("HM_EVENT", "hm"),
    64: ("PORT_WRITE", "port"), 65: ("PORT_READ", "port"), 66: ("PORT_OVERFLOW", "port"),
    80: ("PLAN_SWITCH", "plan"),
    96: ("MODE_CHANGE", "mode"), 97: ("RESTART", "mode"),
    256: ("TASK_SWITCH", "guest"), 257: ("IRQ_ENTRY", "guest"), 258: ("IRQ_EXIT", "guest"),
    259: ("DIRECTIVE_ENTRY", "guest"), 260: ("DIRECTIVE_EXIT", "guest"),
    261: ("TASK_NAME", "guest"), 262: ("USER", "guest"),
}
KIND = {name: k for k, (name, _) in KINDS.items()}
NO_PART = 0xFF
GAP = 0xFFFF            # window index of an idle gap's WINDOW_START/END
STATUS_AGAIN = 0x8000   # HCALL status of a call that goes on in the next entry

Header = namedtuple("Header", "order version header_size record_size count lost classes "
                              "partitions t0")
Record = namedtuple("Record", "ts kind part cpu a b")


class FormatError(Exception):
    pass


def kind_name(kind):
    """The name of a kind; unknown ones are named, never dropped."""
    return KINDS[kind][0] if kind in KINDS else f"unknown kind {kind}"


def parse(data):
    """(Header, [Record]) of a dump; the byte order is the order field's."""
    if len(data) < HEADER_SIZE or data[:8] != MAGIC:
        raise FormatError("not a Tessera trace (magic TSTRACE1)")
    for bo in ("<", ">"):
        if struct.unpack_from(bo + "I", data, 8)[0] == ORDER:
            break
    else:
        raise FormatError("order field is neither byte order of 0x01020304")
    h = Header(bo, *struct.unpack_from(bo + "7IQ", data, 12))
    if h.version != 1 or h.header_size != HEADER_SIZE or h.record_size != RECORD_SIZE:
        raise FormatError(f"version {h.version}, header {h.header_size}, record {h.record_size}: "
                          "only version 1 (48, 24) is known")
    if len(data) != HEADER_SIZE + h.count * RECORD_SIZE:
        raise FormatError(f"{len(data)} bytes for {h.count} records")
    recs = [Record(*struct.unpack_from(bo + "QHBBIQ", data, HEADER_SIZE + i * RECORD_SIZE))
            for i in range(h.count)]
    return h, recs


def parse_records(data, order):
    """Records alone (as PV_HC_TRACE_READ copies them), byte order '<' or '>'."""
    if len(data) % RECORD_SIZE:
        raise FormatError(f"{len(data)} bytes is no whole number of records")
    return [Record(*struct.unpack_from(order + "QHBBIQ", data, i))
            for i in range(0, len(data), RECORD_SIZE)]


def describe(r):
    """One line for a record, for humans and test diagnostics."""
    part = "-" if r.part == NO_PART else str(r.part)
    return f"{r.ts:>14} {kind_name(r.kind):<16} part {part:>2} a 0x{r.a:08x} b 0x{r.b:x}"
