# SPDX-License-Identifier: BSD-2-Clause
"""Reads a Tessera trace dump (format version 2 or 1, docs/trace-format.md) in
either byte order into a header and a list of records. Anything that does
not match the format raises TraceError with a message for the user: the
tool turns it into an error line and exit status 1, never a traceback."""
import struct
from dataclasses import dataclass

MAGIC = b"TSTRACE1"
ORDER_MARK = 0x01020304
VERSION = 2
# Version 1 differs only in HM_EVENT: b held pc | detail << 32, 32 bits of
# each (kinds.py decodes both).
VERSIONS = (1, 2)
HEADER_SIZE = 48
RECORD_SIZE = 24
NO_PARTITION = 0xFF
GAP = 0xFFFF  # window index of an idle gap's WINDOW_START/END
STATUS_AGAIN = 0x8000  # HCALL status of a call that goes on in the next entry

# magic, order, version, header size, record size, count, lost, classes,
# partition count, t0
HEADER_LAYOUT = "8sIIIIIIIIQ"
# ts, kind, part, cpu, a, b
RECORD_LAYOUT = "QHBBIQ"


class TraceError(Exception):
    """The dump is not a valid trace; the message says why."""


@dataclass
class Header:
    byte_order: str  # "little" or "big"
    version: int
    count: int
    lost: int
    classes: int
    partitions: int
    t0: int


@dataclass
class Record:
    index: int  # position in the dump, 0 = oldest
    ts: int
    kind: int
    part: int
    cpu: int
    a: int
    b: int


def _byte_order(data):
    (little,) = struct.unpack_from("<I", data, 8)
    if little == ORDER_MARK:
        return "little", "<"
    if little == 0x04030201:
        return "big", ">"
    raise TraceError(f"bad byte-order mark 0x{little:08x} at offset 8 "
                     f"(expected 0x{ORDER_MARK:08x} in either byte order)")


def parse(data):
    """The header and records of the dump `data` (bytes)."""
    if len(data) < HEADER_SIZE:
        raise TraceError(f"truncated: {len(data)} bytes, shorter than the "
                         f"{HEADER_SIZE}-byte header")
    if data[:8] != MAGIC:
        raise TraceError(f"not a Tessera trace: magic {data[:8]!r}, expected {MAGIC!r}")
    order, prefix = _byte_order(data)
    (_, _, version, hsize, rsize, count, lost, classes, parts,
     t0) = struct.unpack_from(prefix + HEADER_LAYOUT, data, 0)
    if version not in VERSIONS:
        raise TraceError(f"unsupported format version {version} (this tool reads "
                         f"{' and '.join(map(str, VERSIONS))})")
    if hsize != HEADER_SIZE or rsize != RECORD_SIZE:
        raise TraceError(f"bad sizes: header {hsize}, record {rsize} "
                         f"(version {version} has {HEADER_SIZE} and {RECORD_SIZE})")
    want = HEADER_SIZE + count * RECORD_SIZE
    if len(data) < want:
        have = (len(data) - HEADER_SIZE) / RECORD_SIZE
        raise TraceError(f"truncated: the header says {count} records ({want} bytes), "
                         f"the file has {len(data)} bytes ({have:g} records)")
    if len(data) > want:
        raise TraceError(f"corrupt: {len(data) - want} bytes after the {count} records "
                         f"the header announces")
    header = Header(order, version, count, lost, classes, parts, t0)
    records = []
    for i in range(count):
        ts, kind, part, cpu, a, b = struct.unpack_from(prefix + RECORD_LAYOUT, data,
                                                       HEADER_SIZE + i * RECORD_SIZE)
        if part != NO_PARTITION and part >= parts:
            raise TraceError(f"corrupt: record {i} (kind {kind}) names partition {part}, "
                             f"the header counts {parts}")
        records.append(Record(i, ts, kind, part, cpu, a, b))
    return header, records


def read(path):
    """parse() of the file at `path`; an unreadable file is a TraceError."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise TraceError(f"cannot read {path}: {e.strerror}") from None
    return parse(data)
