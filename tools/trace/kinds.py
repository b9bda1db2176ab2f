# SPDX-License-Identifier: BSD-2-Clause
"""The record kinds of trace formats 2 and 1 and their decoding into named,
typed fields: one table that the JSON, CTF and summary outputs share.
A kind the table does not know is decoded as "unknown kind N" with its
raw fields, never dropped."""
from dataclasses import dataclass

from tracefile import NO_PARTITION

WINDOW_START, WINDOW_END, PART_SWITCH = 1, 2, 3
HCALL = 16
VIRQ_RAISE, VIRQ_DELIVER = 32, 33
HM_EVENT, HM_DETAIL = 48, 49
PORT_WRITE, PORT_READ, PORT_OVERFLOW = 64, 65, 66
PLAN_SWITCH = 80
MODE_CHANGE, RESTART = 96, 97
TASK_SWITCH, IRQ_ENTRY, IRQ_EXIT = 256, 257, 258
DIRECTIVE_ENTRY, DIRECTIVE_EXIT, TASK_NAME, USER = 259, 260, 261, 262

# kind: (name, class name)
KINDS = {
    WINDOW_START: ("WINDOW_START", "window"), WINDOW_END: ("WINDOW_END", "window"),
    PART_SWITCH: ("PART_SWITCH", "window"), HCALL: ("HCALL", "hcall"),
    VIRQ_RAISE: ("VIRQ_RAISE", "virq"), VIRQ_DELIVER: ("VIRQ_DELIVER", "virq"),
    HM_EVENT: ("HM_EVENT", "hm"), HM_DETAIL: ("HM_DETAIL", "hm"), PORT_WRITE: ("PORT_WRITE", "port"),
    PORT_READ: ("PORT_READ", "port"), PORT_OVERFLOW: ("PORT_OVERFLOW", "port"),
    PLAN_SWITCH: ("PLAN_SWITCH", "plan"), MODE_CHANGE: ("MODE_CHANGE", "mode"),
    RESTART: ("RESTART", "mode"), TASK_SWITCH: ("TASK_SWITCH", "guest"),
    IRQ_ENTRY: ("IRQ_ENTRY", "guest"), IRQ_EXIT: ("IRQ_EXIT", "guest"),
    DIRECTIVE_ENTRY: ("DIRECTIVE_ENTRY", "guest"), DIRECTIVE_EXIT: ("DIRECTIVE_EXIT", "guest"),
    TASK_NAME: ("TASK_NAME", "guest"), USER: ("USER", "guest"),
}
CLASS_BITS = ["window", "hcall", "virq", "hm", "port", "plan", "mode", "guest"]


def kind_name(kind):
    return KINDS[kind][0] if kind in KINDS else f"unknown kind {kind}"


def task_name_text(b):
    """The 4 ASCII characters of an RTEMS name (first in the top byte)."""
    raw = (b & 0xFFFFFFFF).to_bytes(4, "big")
    return "".join(chr(c) if 32 <= c < 127 else "?" for c in raw).rstrip()


def i64(v):
    """v clamped to a signed 64-bit field (a corrupt planned time may be
    anything)."""
    return max(-(1 << 63), min(v, (1 << 63) - 1))


def s16(v):
    return v - 0x10000 if v & 0x8000 else v


@dataclass
class Event:
    record: object
    name: str
    cls: str
    partition: str  # name, "kernel" or "idle"
    fields: list  # (field name, type, value): u8 u16 u32 u64 i16 i64 x32 (hex) str


class Decoder:
    def __init__(self, system, abi, version=2):
        self.system = system
        self.abi = abi
        self.version = version  # the dump's format version (tracefile.VERSIONS)

    def part_name(self, part, none="kernel"):
        if part == NO_PARTITION:
            return none
        names = self.system.partitions
        return names[part] if part < len(names) else f"partition {part}"

    def plan_name(self, plan):
        plans = self.system.plans
        return plans[plan].name if plan < len(plans) else f"plan {plan}"

    def port_name(self, port):
        ports = self.system.ports
        if port < len(ports):
            return f"{self.system.partitions[ports[port].partition]}.{ports[port].name}"
        return f"port {port}"

    def _fields(self, r):
        a, b, k = r.a, r.b, r.kind
        if k in (WINDOW_START, WINDOW_END):
            return [("window", "u16", a & 0xFFFF), ("plan", "u16", a >> 16),
                    ("plan_name", "str", self.plan_name(a >> 16)),
                    ("planned_ns", "u64", b), ("late_ns", "i64", i64(r.ts - b))]
        if k == PART_SWITCH:
            return [("previous", "str", self.part_name(a & 0xFF, "idle"))]
        if k == HCALL:
            st = s16(a >> 16)
            return [("number", "u16", a & 0xFFFF), ("call", "str", self.abi.hcall(a & 0xFFFF)),
                    ("status", "i16", st), ("status_name", "str", self.abi.status_name(st)),
                    ("entry_ns", "u64", b), ("duration_ns", "u64", max(0, r.ts - b))]
        if k in (VIRQ_RAISE, VIRQ_DELIVER):
            return [("line", "u32", a)]
        if k == HM_EVENT:
            fields = [("error", "u16", a & 0xFFFF),
                      ("error_name", "str", self.abi.hm_error(a & 0xFFFF)),
                      ("action", "u16", a >> 16),
                      ("action_name", "str", self.abi.hm_action(a >> 16))]
            if self.version == 1:  # 32 bits of each
                return fields + [("pc", "u64", b & 0xFFFFFFFF), ("detail", "u64", b >> 32)]
            return fields + [("pc", "u64", b)]
        if k == HM_DETAIL:
            return [("error", "u16", a & 0xFFFF), ("error_name", "str", self.abi.hm_error(a & 0xFFFF)),
                    ("detail", "u64", b)]
        if k in (PORT_WRITE, PORT_READ, PORT_OVERFLOW):
            return [("port", "u32", a), ("port_name", "str", self.port_name(a)), ("length", "u64", b)]
        if k == PLAN_SWITCH:
            return [("new_plan", "u16", a & 0xFFFF), ("new_plan_name", "str", self.plan_name(a & 0xFFFF)),
                    ("old_plan", "u16", a >> 16), ("old_plan_name", "str", self.plan_name(a >> 16))]
        if k == MODE_CHANGE:
            return [("new_mode", "u16", a & 0xFFFF), ("new_mode_name", "str", self.abi.mode(a & 0xFFFF)),
                    ("old_mode", "u16", a >> 16), ("old_mode_name", "str", self.abi.mode(a >> 16))]
        if k == RESTART:
            return [("warm", "u32", a), ("how", "str", "warm" if a else "cold")]
        if k == TASK_SWITCH:
            return [("new_task", "x32", a), ("old_task", "x32", b & 0xFFFFFFFF)]
        if k in (IRQ_ENTRY, IRQ_EXIT):
            return [("vector", "u32", a)]
        if k == DIRECTIVE_ENTRY:
            return [("directive", "u32", a), ("name", "str", self.abi.directive(a))]
        if k == DIRECTIVE_EXIT:
            return [("directive", "u32", a), ("name", "str", self.abi.directive(a)),
                    ("status", "u64", b), ("status_name", "str", self.abi.rtems_status_name(b))]
        if k == TASK_NAME:
            return [("task", "x32", a), ("name", "str", task_name_text(b))]
        if k == USER:
            return [("code", "u32", a), ("value", "u64", b)]
        return [("kind", "u16", k), ("a", "u32", a), ("b", "u64", b)]

    def decode(self, r):
        name, cls = KINDS.get(r.kind, (kind_name(r.kind), "unknown"))
        idle = "idle" if r.kind in (WINDOW_START, WINDOW_END, PART_SWITCH) else "kernel"
        return Event(r, name, cls, self.part_name(r.part, idle), self._fields(r))
