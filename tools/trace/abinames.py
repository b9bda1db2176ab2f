# SPDX-License-Identifier: BSD-2-Clause
"""Names for the ABI numbers a trace records (hypercalls, status codes,
health-monitor errors and actions, modes), read from the guest ABI's
headers in this tree (pv/include/pv/abi.h and abi_list.h, the one
definition), and for the executive's directive ids and RTEMS status codes
(guest/port/pv/include/tessera/trace_directives.h,
guest/include/rtems/rtems/status.h), so the tool never holds a second copy
that could drift. A number without a name is shown as the number."""
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PV_DIR = os.path.join(ROOT, "pv", "include", "pv")
DIRECTIVES_H = os.path.join(ROOT, "guest", "port", "pv", "include", "tessera",
                            "trace_directives.h")
RTEMS_STATUS_H = os.path.join(ROOT, "guest", "include", "rtems", "rtems", "status.h")


def _read(name):
    try:
        with open(os.path.join(PV_DIR, name), encoding="utf-8") as f:
            return re.sub(r"\\\n\s*", " ", f.read())
    except OSError:
        return ""


def _x_list(text, macro):
    """{value: "xml-name"} of the X-macro list `macro` in abi_list.h."""
    m = re.search(r"#define\s+" + macro + r"\(X\)(.*)", text)
    if not m:
        return {}
    return {int(v, 0): n for v, n in
            re.findall(r"\bX\(\w+,\s*(-?(?:0x[0-9a-fA-F]+|\d+)),\s*\"([a-z-]+)\"", m.group(1))}


class AbiNames:
    def __init__(self):
        lists = _read("abi_list.h")
        abi = _read("abi.h")
        self.hm_errors = _x_list(lists, "PV_HM_ERROR_LIST")
        self.hm_actions = _x_list(lists, "PV_HM_ACTION_LIST")
        self.modes = _x_list(lists, "PV_MODE_LIST")
        self.hcalls = {int(v): n.lower() for n, v in
                       re.findall(r"^#define\s+PV_HC_(\w+)\s+(\d+)\b", abi, re.M)
                       if n != "COUNT"}
        self.status = {int(v): "PV_" + n for n, v in
                       re.findall(r"^#define\s+PV_(E[A-Z]+)\s+\((-\d+)\)", abi, re.M)}
        self.directives = {int(i): n for i, n in
                           re.findall(r"\bX\((\d+),\s*(rtems_\w+)\)", _read(DIRECTIVES_H))}
        self.rtems_status = {int(v): n for n, v in
                             re.findall(r"\b(RTEMS_[A-Z_]+)\s*=\s*(\d+)", _read(RTEMS_STATUS_H))}

    @staticmethod
    def _name(table, value):
        return table.get(value, str(value))

    def hcall(self, nr):
        return self._name(self.hcalls, nr)

    def hm_error(self, code):
        return self._name(self.hm_errors, code)

    def hm_action(self, action):
        return self._name(self.hm_actions, action)

    def mode(self, mode):
        return self._name(self.modes, mode)

    def directive(self, directive_id):
        return self._name(self.directives, directive_id)

    def rtems_status_name(self, status):
        return self._name(self.rtems_status, status)

    def status_name(self, status):
        return "ok" if status >= 0 else self._name(self.status, status)
