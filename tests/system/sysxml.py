# SPDX-License-Identifier: BSD-2-Clause
"""A test system's memory areas as its XML gives them, for the tests that
compare what the MMU walks with the configuration (test_x86_page_tables,
test_riscv_page_tables)."""
import re
import xml.etree.ElementTree as ET

UNITS = {"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}


def size_of(text):
    """A size attribute ("64KiB", "4MiB", "4096") in bytes."""
    m = re.fullmatch(r"(\d+)(KiB|MiB|GiB)?", text)
    return int(m.group(1)) * UNITS.get(m.group(2), 1)


def areas(path):
    """partition name -> [(virt, phys, size, rights)] from the XML at path;
    phys counted from the start of RAM, as the configuration counts it."""
    parts = {}
    for p in ET.parse(path).getroot().iter("partition"):
        parts[p.get("name")] = [(int(a.get("virt"), 0), int(a.get("phys"), 0), size_of(a.get("size")),
                                 a.get("rights")) for a in p.iter("area")]
    return parts
