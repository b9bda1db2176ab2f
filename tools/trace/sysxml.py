# SPDX-License-Identifier: BSD-2-Clause
"""The names a trace does not carry, from the system XML that
tessera-config compiled (docs/configuration.md): partitions, plans with
their windows, ports and channels, numbered as the kernel's tables number
them: partitions, plans and ports in document order (ports partition by
partition), a plan's windows sorted by offset (config/src/schedule.c)."""
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from tracefile import TraceError

TIME_UNITS = {"ns": 1, "us": 1000, "ms": 1000000, "s": 1000000000}


@dataclass
class Window:
    partition: int  # index
    offset: int  # ns from the frame start
    duration: int


@dataclass
class Plan:
    name: str
    ident: int
    major_frame: int
    windows: list = field(default_factory=list)  # sorted by offset


@dataclass
class Port:
    partition: int
    name: str
    kind: str
    direction: str


@dataclass
class System:
    name: str
    partitions: list  # names, by index
    plans: list
    initial_plan: int
    ports: list  # by global index
    # source port index -> destination port indexes
    channels: dict = field(default_factory=dict)


def parse_time(text, what):
    m = re.fullmatch(r"(\d+)(ns|us|ms|s)", text or "")
    if not m:
        raise TraceError(f"system XML: {what}: bad time {text!r}")
    return int(m.group(1)) * TIME_UNITS[m.group(2)]


def _plans(sched, names):
    plans = []
    for p in sched.findall("plan"):
        plan = Plan(p.get("name"), int(p.get("id", "0")),
                    parse_time(p.get("major-frame"), f"plan {p.get('name')}"))
        for w in p.findall("window"):
            part = w.get("partition")
            if part not in names:
                raise TraceError(f"system XML: plan {plan.name}: unknown partition {part!r}")
            plan.windows.append(Window(names.index(part),
                                       parse_time(w.get("offset"), "window offset"),
                                       parse_time(w.get("duration"), "window duration")))
        plan.windows.sort(key=lambda w: w.offset)
        plans.append(plan)
    return plans


def load(path):
    """The System described by the XML file at `path`."""
    try:
        root = ET.parse(path).getroot()
    except OSError as e:
        raise TraceError(f"cannot read the system XML {path}: {e.strerror}") from None
    except ET.ParseError as e:
        raise TraceError(f"system XML {path}: {e}") from None
    if root.tag != "system":
        raise TraceError(f"system XML {path}: the document element is <{root.tag}>, not <system>")
    names, ports, port_at = [], [], {}
    for i, p in enumerate(root.findall("./partitions/partition")):
        names.append(p.get("name"))
        for q in p.findall("port"):
            port_at[(p.get("name"), q.get("name"))] = len(ports)
            ports.append(Port(i, q.get("name"), q.get("kind"), q.get("direction")))
    sched = root.find("schedule")
    if sched is None:
        raise TraceError(f"system XML {path}: no <schedule>")
    plans = _plans(sched, names)
    initial = [i for i, p in enumerate(plans) if p.name == sched.get("initial-plan")]
    system = System(root.get("name", "system"), names, plans, initial[0] if initial else 0, ports)
    for c in root.findall("./channels/channel"):
        src = c.find("source")
        if src is None:
            continue
        s = port_at.get((src.get("partition"), src.get("port")))
        dests = [port_at.get((d.get("partition"), d.get("port"))) for d in c.findall("destination")]
        if s is not None:
            system.channels[s] = [d for d in dests if d is not None]
    return system
