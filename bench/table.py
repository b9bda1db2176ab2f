# SPDX-License-Identifier: BSD-2-Clause
"""The one table of `make bench`: which measure of which run goes in which
row, the targets of the benchmark issue, and plain-text rendering."""
import gen_hostile
import gen_scaling

# The goals of the benchmark issues (instructions; max over all samples).
SWITCH_TARGET = 800     # partition switch
VIRQ_TARGET = 600       # virtual interrupt: deadline or window start -> handler
RATIO_TARGET = 1.02     # pv / native, RTEMS directives (medians)
FLOOD_TARGET = 1.1      # window start next to a hostile neighbour / next to a quiet one
# Multicore (#20): how far apart CPU 0 and CPU 1 start one frame, ns (max).
# Half the x86 guard time G (10 us): a partition handed over between CPUs
# with the smallest gap the tool allows, G, keeps half of it for the giving
# CPU's last kernel path even when the CPUs start the frame this far apart.
SKEW_TARGET = 5000
# The handover of a moving partition (x86, -smp 2): its windows on two CPUs
# are G apart (the least tessera-config allows), and G covers the giving
# CPU's last kernel path, so the context is free when the window on the
# other CPU starts: the window end -> first instruction there may take G
# plus what the same window start takes for a partition that does not move,
# with the 1.1x any neighbour may add (FLOOD_TARGET).
HANDOVER_GUARD_NS = 10000
# Scale rows (#20): each system's max against the smallest system's (2
# partitions, 4 windows); "flat" allows this many instructions more (the
# busy partner's loop position at the timer interrupt, SPARC's and RISC-V's
# clock tick).
FLAT_SLACK = {"x86": 8, "sparc": 25, "riscv": 100}
SCALE_MEASURES = [("partition switch, outgoing busy", "scale_switch"),
                  ("null hypercall IRQ_SYNC", "scale_null_hcall"),
                  ("port write 8 bytes (sampling)", "scale_port_write"),
                  ("port read 8 bytes (sampling)", "scale_port_read")]

# Issue 17 (kernel entry fast paths): a target is ("max", N) for the
# largest sample, ("ratio", X) for the pv/native median ratio ("shown",
# None: the ratio printed, not judged), ("traps", N)
# for kernel entries per operation; the verdict prints the target beside it.
# RISC-V, which no issue gives targets of its own: SPARC's figures for the
# null hypercall (a load/store ISA saving its general registers on entry)
# and for the upcall return: the guest cannot restore the frame itself,
# since a jump to the interrupted pc needs a register that must hold its
# interrupted value too (RISC-V has no memory-indirect jump and no iret):
# the trigger's entry and one short `ecall`, served in entry.S.
NULL_HC_TARGET = {"x86": 60, "sparc": 100, "riscv": 100}
# Software interrupt round trip, pv / native: issue 17's goal, for the
# interrupt RTEMS raises itself (tm27; the pv port raises it without the
# kernel). The same handler reached through a kernel-raised line (a
# timer_set in the past, KERNEL_RAISED_LABEL) is a full hypercall entry, an
# upcall push and its return, whose floor alone is over 2x native's `int`:
# its ratio printed, not judged (docs/performance.md, "Latest table").
SWI_RATIO_TARGET = 2.0
KERNEL_RAISED_LABEL = "sw interrupt round trip, kernel-raised line (timer_set in the past)"
TICK_RATIO_TARGET = 1.3    # RTEMS tick path, pv / native
# The trigger's own, plus SPARC's and RISC-V's one short trap.
UPCALL_RETURN_TRAPS = {"x86": 1, "sparc": 2, "riscv": 2}
HANDOVER_TARGET = 1000     # SPARC thread hand-over (its entries: docs/performance.md)

# The event trace (#19): instructions to record one event, the guest
# trace_event of a system that traces the guest class less the same call
# where nothing is traced (PV_ENOENT); means, for SPARC's 25 ns clock.
TRACE_EVENT_TARGET = {"x86": 150, "sparc": 150, "riscv": 150}
# The drift row: the mean lateness of the last 1,000 window starts less the
# first 1,000's must be 0; on RISC-V a sample is 500 or 600 (whole 100 ns
# counts) as the busy partner's loop position moves the switch across a
# count, so the means may differ by a few ns without any drift: there the
# row allows half a count either way (a drift of the schedule would also
# show as planned starts off the grid, which must stay 0).
DRIFT_SLACK = {"x86": 0, "sparc": 0, "riscv": 100}

# The hostile-neighbour rows: the victim's window after each hostile kind
# of tests/system/parts/hostile.c in the systems of bench/gen_hostile.py
# (runs hostile-KEY and hostile-KEY-noguard); in each system the window
# after the quiet spinner is the reference.

# (label, pv (run, measure), native (run, measure), target)
# target: "no-trap" (pv traps 0), "latency" (max < LATENCY_TARGET),
# "ratio" (median ratio <= RATIO_TARGET and no extra entries), "ratio-only"
# (the entries belong to the trigger, not to the measured part), None.
SWI_FAST_LABEL = "sw interrupt round trip, raised in the partition (no kernel)"
API = [
    ("null trap: hypercall IRQ_SYNC | int $0x3e;iret", ("micro", "hc_irq_sync"),
     ("tm-native", "int_bare"), ("max", NULL_HC_TARGET["x86"])),
    ("unknown hypercall -> PV_ENOSYS", ("micro", "hc_enosys"), None, None),
    ("clock by hypercall: time_get", ("micro", "pv_time_get"), None, None),
    ("mask pair: pv_irq_disable+restore | cli;sti", ("micro", "pv_irq_pair"),
     ("tm-native", "cli_sti"), "no-trap"),
    ("clock read: pv_clock_ns | rdtsc ring 0", ("micro", "pv_clock_ns"),
     ("tm-native", "rdtsc_ring0"), "no-trap"),
    ("rdtsc in ring 3", ("micro", "rdtsc_user"), None, None),
    ("trace_event, no trace in the system -> PV_ENOENT", ("micro", "hc_trace_event"), None, None),
    ("trace_event, guest class traced: one record", ("micro-trace", "hc_trace_event"), None,
     None),
    ("unknown hypercall, traced system (guest class only)", ("micro-trace", "hc_enosys"), None,
     None),
    ("trace_read, 64 records and the status", ("micro-trace", "hc_trace_read"), None, None),
    *[(f"{label}, {how}", (run, measure), None, None)
      for label, measure in (("rtems_semaphore_release (no waiter)", "sem_release"),
                             ("rtems_semaphore_obtain (available)", "sem_obtain"))
      for how, run in (("untraced executive", "tmtrace-off"),
                       ("traced executive: entry and exit recorded", "tmtrace"))],
    (KERNEL_RAISED_LABEL, ("tm-pv", "isr_null"), ("tm-native", "isr_null"), ("shown", None)),
    # The same interrupt raised by the port itself, no kernel (tessera/irq.h).
    (SWI_FAST_LABEL, ("tm-pv", "isr_null_fast"), ("tm-native", "isr_null"),
     ("ratio", SWI_RATIO_TARGET)),
    # Traps include the timer_set that raises the upcall.
    ("upcall return: handler's end -> interrupted code", ("micro", "upcall_return"), None,
     ("traps", UPCALL_RETURN_TRAPS["x86"])),
]
SCHEDULE = [
    ("partition switch, outgoing partition busy", ("switch", "switch_from_busy"), None,
     "switch"),
    ("partition switch, outgoing idle (+-poll loop)", ("switch", "switch_from_idle"), None,
     "switch"),
    ("virq: timer deadline -> upcall handler, alone", ("virq-alone", "virq_timer"), None,
     "virq"),
    ("virq: timer deadline -> upcall handler, flood", ("virq-flood", "virq_timer"), None,
     "virq"),
    ("window start -> upcall handler, after idle", ("virq-alone", "virq_window_start"), None,
     "virq"),
    # The native column holds the reference: the same after idle time.
    ("window start -> upcall handler, after flooder", ("virq-flood", "virq_window_start"),
     ("virq-alone", "virq_window_start"), "flood"),
]
RTEMS_NAMES = [
    ("rtems_interrupt_local_disable+enable", "irq_pair", "no-trap"),
    ("rtems_clock_get_uptime_nanoseconds", "clock_uptime", "no-trap"),
    ("semaphore release (no waiter)", "sem_release", "ratio"),
    ("semaphore obtain (available)", "sem_obtain", "ratio"),
    ("message send (no waiter)", "msg_send", "ratio"),
    ("message receive (available)", "msg_receive", "ratio"),
    ("event send (self)", "event_send", "ratio"),
    ("event receive (pending)", "event_receive", "ratio"),
    ("timer fire_after", "timer_fire_after", "ratio"),
    ("timer cancel", "timer_cancel", "ratio"),
    ("rtems_clock_tick (directive)", "clock_tick", "ratio"),
    ("sem release -> waiter runs (switch)", "sem_release_switch", "ratio"),
    ("sem obtain blocks -> other runs", "sem_obtain_block_switch", "ratio"),
    ("msg send -> receiver runs (switch)", "msg_send_switch", "ratio"),
    ("msg receive blocks -> other runs", "msg_receive_block_switch", "ratio"),
    ("event send -> receiver runs (switch)", "event_send_switch", "ratio"),
    ("event receive blocks -> other runs", "event_receive_block_switch", "ratio"),
    ("sw interrupt (raised in the partition): trigger -> ISR entry", "isr_entry", None),
    ("ISR event send -> task runs (tm27-style)", "isr_to_task", "ratio-only"),
]
RTEMS = [(label, ("tm-pv", m), ("tm-native", m), t) for label, m, t in RTEMS_NAMES]
RTEMS.append(("clock tick interrupt path (tick ISR)", ("tmtick-pv", "tick_isr"),
              ("tmtick-native", "tick_isr"), ("ratio", TICK_RATIO_TARGET)))

# LEON3 (docs/performance.md, "LEON3"): no native port, so no native column
# and no ratio; no counter readable in user mode, so there is no rdtsc row
# and the clock read is the kernel's trap-table clock (ta 0x43, no kernel
# entry: target "no-trap", as the RTEMS directives that do not block).
SPARC_API = [
    ("null trap: hypercall IRQ_SYNC (ta 0x40)", ("micro", "hc_irq_sync"), None,
     ("max", NULL_HC_TARGET["sparc"])),
    ("unknown hypercall -> PV_ENOSYS", ("micro", "hc_enosys"), None, None),
    ("clock by hypercall: time_get", ("micro", "pv_time_get"), None, None),
    ("mask pair: pv_irq_disable+restore", ("micro", "pv_irq_pair"), None, "no-trap"),
    ("clock read: pv_clock_ns (ta 0x43 in the trap table)", ("micro", "pv_clock_ns"), None,
     "no-trap"),
    ("trace_event, no trace in the system -> PV_ENOENT", ("micro", "hc_trace_event"), None, None),
    ("trace_event, guest class traced: one record", ("micro-trace", "hc_trace_event"), None,
     None),
    ("unknown hypercall, traced system (guest class only)", ("micro-trace", "hc_enosys"), None,
     None),
    ("trace_read, 64 records and the status", ("micro-trace", "hc_trace_read"), None, None),
    *[(f"{label}, {how}", (run, measure), None, None)
      for label, measure in (("rtems_semaphore_release (no waiter)", "sem_release"),
                             ("rtems_semaphore_obtain (available)", "sem_obtain"))
      for how, run in (("untraced executive", "tmtrace-off"),
                       ("traced executive: entry and exit recorded", "tmtrace"))],
    (KERNEL_RAISED_LABEL, ("tm-pv", "isr_null"), None, None),
    (SWI_FAST_LABEL, ("tm-pv", "isr_null_fast"), None, "no-trap"),
    # PV_HC_UPCALL_RETURN served in the trap table (trap_fast.S, upcall_fast).
    ("upcall return (short upcall_return trap)", ("micro", "upcall_return"), None,
     ("traps", UPCALL_RETURN_TRAPS["sparc"])),
]
SPARC_SCHEDULE = SCHEDULE
SPARC_TARGETS = {"ratio": "no-trap", "ratio-only": None}
SPARC_RTEMS = [(label, ("tm-pv", m), None, SPARC_TARGETS.get(m, SPARC_TARGETS.get(t, t)))
               for label, m, t in RTEMS_NAMES]
SPARC_RTEMS.append(("clock tick interrupt path (tick ISR)", ("tmtick-pv", "tick_isr"), None,
                    None))
# The blocking hand-overs switch threads, which on SPARC flushes register
# windows: not a "no trap" operation. Issue 17's target is on their length;
# their window traps are served in the trap table and still counted.
for _i, (_label, _pv, _nat, _t) in enumerate(SPARC_RTEMS):
    if _pv[1].endswith("_switch") or _pv[1] == "isr_to_task":
        SPARC_RTEMS[_i] = (_label, _pv, _nat, ("max", HANDOVER_TARGET))

# RISC-V (docs/performance.md, "RISC-V"): the native port (S-mode on QEMU
# virt, guest/port/native/riscv) where its images are built, so the native
# column of x86 with RISC-V's instructions; the clock is the time CSR, 100
# instructions a count, so ratios are of means (exact to about one
# instruction, bench/run.py's correct_means), not of medians.
RISCV_API = [
    ("null trap: hypercall IRQ_SYNC (ecall) | csrs sip;sret round trip", ("micro", "hc_irq_sync"),
     ("tm-native", "ssip_bare"), ("max", NULL_HC_TARGET["riscv"])),
    ("unknown hypercall -> PV_ENOSYS", ("micro", "hc_enosys"), None, None),
    ("clock by hypercall: time_get", ("micro", "pv_time_get"), None, None),
    ("mask pair: pv_irq_disable+restore | csrci;csrsi sstatus.SIE", ("micro", "pv_irq_pair"),
     ("tm-native", "sie_off_on"), "no-trap"),
    ("clock read: pv_clock_ns | rdtime in S-mode", ("micro", "pv_clock_ns"),
     ("tm-native", "rdtime_smode"), "no-trap"),
    ("rdtime in U-mode", ("micro", "rdtsc_user"), None, None),
    *[r for r in API if r[1][0] in ("micro-trace", "tmtrace", "tmtrace-off")
      or r[1][1] == "hc_trace_event"],
    (KERNEL_RAISED_LABEL, ("tm-pv", "isr_null"), ("tm-native", "isr_null"), ("shown", None)),
    (SWI_FAST_LABEL, ("tm-pv", "isr_null_fast"), ("tm-native", "isr_null"),
     ("ratio", SWI_RATIO_TARGET)),
    ("upcall return: handler's end -> interrupted code (short ecall)",
     ("micro", "upcall_return"), None, ("traps", UPCALL_RETURN_TRAPS["riscv"])),
]
RISCV_RTEMS = RTEMS

SECTIONS = {
    "x86": (("pv API", API), ("schedule and virtual interrupts", SCHEDULE),
            ("RTEMS directives (same source, pv vs native)", RTEMS)),
    "sparc": (("pv API", SPARC_API), ("schedule and virtual interrupts", SPARC_SCHEDULE),
              ("RTEMS directives (pv port only: no native port on LEON3)", SPARC_RTEMS)),
    "riscv": (("pv API", RISCV_API), ("schedule and virtual interrupts", SCHEDULE),
              ("RTEMS directives (same source, pv vs native; ratios of means)", RISCV_RTEMS)),
}
# What a pv / native ratio divides: medians where every sample is exact
# (x86's TSC), means where the clock is coarse (RISC-V's 100 ns counts).
RATIO_OF = {"x86": "median", "sparc": "median", "riscv": "mean"}
METHOD = {
    "x86": "qemu-system-i386 -icount shift=0,sleep=off: 1 instruction = 1 virtual ns = 1 TSC tick",
    "sparc": "qemu-system-sparc -M leon3_generic -icount shift=0,sleep=off: 1 instruction = "
             "1 virtual ns; clock = the GPTIMER (25 ns ticks) read by ta 0x42",
    "riscv": "qemu-system-riscv64 -M virt -icount shift=0,sleep=off: 1 instruction = 1 virtual ns; "
             "clock = the time CSR (CLINT mtime, 100 ns counts) by rdtime",
}
TITLE = {
    "x86": "Tessera benchmarks: instructions per operation under QEMU -icount "
           "(1 instruction = 1 ns at the 1 GHz virtual TSC)",
    "sparc": "Tessera benchmarks, LEON3: instructions per operation under QEMU -icount "
             "(1 instruction = 1 ns; clock = GPTIMER by ta 0x42, 25 ns ticks)",
    "riscv": "Tessera benchmarks, RISC-V 64: instructions per operation under QEMU -icount "
             "(1 instruction = 1 ns; clock = rdtime, 100 ns counts)",
}
NOTES = {
    "x86": [],
    "sparc": ["clock: GPTIMER read by `ta 0x42` (no kernel entry); min/med/p99/max in whole "
              "25 ns ticks, mean exact to ~1 (docs/performance.md)"],
    "riscv": ["clock: the time CSR read by rdtime (no kernel entry); min/med/p99/max in whole "
              "100 ns counts, mean exact to ~1; pv/nat and ratio targets on means "
              "(docs/performance.md)"],
}


def _get(results, ref):
    if ref is None:
        return None
    return results.get(ref[0], {}).get(ref[1])


def _native_per_op(s):
    """Interrupts per operation on native: the software interrupts the
    program raised (entries), or for the tick measure the ticks."""
    if s is None:
        return None
    n = s.get("ticks", s.get("entries", 0))
    return n / s["ops"] if s.get("ops") else 0.0


def _issue17_verdict(target, pv, native, key="median"):
    kind, limit = target
    if kind == "max":
        ok = pv["max"] <= limit
        return f"target <= {limit} " + ("ok" if ok else "MISSED")
    if kind == "traps":
        ok = pv.get("traps_per_op", 0) <= limit
        return f"target <= {limit} traps " + ("ok" if ok else "MISSED")
    if native is None or not native[key]:
        return ""
    ratio = pv[key] / native[key]
    if kind == "shown":
        return f"{ratio:.2f}x, no target"
    return f"{ratio:.2f}x, target <= {limit}x " + ("ok" if ratio <= limit else "MISSED")


def _verdict(target, pv, native, key="median"):
    """The row's verdict; key: what a pv / native ratio divides (RATIO_OF)."""
    if target is None or pv is None:
        return ""
    if isinstance(target, tuple):
        return _issue17_verdict(target, pv, native, key)
    if target == "no-trap":
        return "ok" if pv.get("traps_per_op", 0) == 0 else "MISSED: traps"
    if target in ("switch", "virq"):
        limit = SWITCH_TARGET if target == "switch" else VIRQ_TARGET
        return "ok" if pv["max"] <= limit else f"MISSED: max > {limit}"
    if target == "flood":
        if native is None or not native["max"]:
            return ""
        ratio = pv["max"] / native["max"]
        return f"{ratio:.2f}x ok" if ratio <= FLOOD_TARGET else \
            f"{ratio:.2f}x MISSED: > {FLOOD_TARGET}x"
    if native is None:
        return ""
    ratio = pv[key] / native[key] if native[key] else float("inf")
    extra = target == "ratio" and pv.get("traps_per_op", 0) > _native_per_op(native)
    if ratio <= RATIO_TARGET and not extra:
        return "ok"
    return "MISSED: " + ", ".join(w for w, bad in (("ratio", ratio > RATIO_TARGET),
                                                    ("traps", extra)) if bad)


def rows(results, fp, arch="x86"):
    out = []
    for section, spec in SECTIONS[arch]:
        for label, pref, nref, target in spec:
            pv, native = _get(results, pref), _get(results, nref)
            key = RATIO_OF[arch]
            row = {"section": section, "measure": label, "pv": pv, "native": native,
                   "target": target, "verdict": _verdict(target, pv, native, key)}
            if nref is not None and native is None and pv is not None and not row["verdict"]:
                row["verdict"] = "no native run: pv alone"
            # A ratio only where both sides run the same code; the pv API
            # rows compare different mechanisms (docs/performance.md).
            if spec is SECTIONS[arch][2][1] and pv and native and native[key]:
                row["ratio"] = pv[key] / native[key]
            if native is not None:
                row["native_interrupts_per_op"] = _native_per_op(native)
            out.append(row)
        if spec is SECTIONS[arch][0][1]:
            out.extend(_trace_row(results, section, arch))
        if spec is SECTIONS[arch][1][1]:
            out.extend(_drift_row(results, arch))
            out.extend(_hostile_rows(results, arch))
            out.extend(_scale_rows(results, arch))
            out.extend(_smp_rows(results))
    for key, value in fp.items():
        out.append({"section": "footprint (bytes)", "measure": key, "bytes": value})
    return out


def hostile_ratio(worst, quiet):
    """The victim's worst start over the quiet neighbour's. Where the
    window start is prepared (RISC-V's reads as 0: under one 100 ns count)
    the quiet max can be 0: equal is then 1.00x, anything more unbounded."""
    if quiet:
        return worst / quiet
    return 1.0 if worst <= quiet else float("inf")


def _hostile_rows(results, arch):
    """One row per hostile kind: the victim's worst window-start latency,
    its ratio to the quiet neighbour's of the same system and the target
    beside it; then the same without the guard band (G = 0), which shows
    the longest kernel path each kind can start - what the guard time must
    cover (no target)."""
    out = []
    for suffix, section, judged in (
            ("", "hostile neighbour: next window start -> upcall handler", True),
            ("-noguard", "the same without the guard band (G = 0): what G must cover", False)):
        for key in sorted(gen_hostile.SYSTEMS):
            runs = results.get(f"hostile-{key}{suffix}", {})
            kinds = gen_hostile.rows(key, arch)
            quiet = runs.get(f"window {kinds[0][1]}")
            for i, (label, w) in enumerate(kinds):
                r = runs.get(f"window {w}")
                if r is None or quiet is None:
                    continue
                ratio = hostile_ratio(r["max"], quiet["max"])
                if judged:
                    verdict = f"<= {FLOOD_TARGET}x ok" if ratio <= FLOOD_TARGET \
                        else f"<= {FLOOD_TARGET}x MISSED"
                else:
                    verdict = f"+{r['max'] - quiet['max']} past quiet"
                if i == 0:
                    label = f"{key}: {label}"
                out.append({"section": section, "measure": label, "hostile": r, "ratio": ratio,
                            "verdict": verdict})
    return out


def _scale_rows(results, arch):
    """Per measure, one row per scale system (bench/gen_scaling.py); the
    target is flat: max within FLAT_SLACK of the smallest system's. (The
    switch here is not the switch row's setup - its partition has a port
    and its partners differ - so SWITCH_TARGET is that row's alone.)"""
    out = []
    section = "scale: 2, 16 and 64 partitions, 4 to 4,096 windows a frame (target: flat)"
    p0, w0 = gen_scaling.SYSTEMS[0]
    for label, measure in SCALE_MEASURES:
        ref = _get(results, (f"scale-{p0}-{w0}", measure))
        for p, w in gen_scaling.SYSTEMS:
            pv = _get(results, (f"scale-{p}-{w}", measure))
            if pv is None or ref is None:
                continue
            verdict = "flat ok" if pv["max"] <= ref["max"] + FLAT_SLACK[arch] else \
                f"MISSED: +{pv['max'] - ref['max']}"
            out.append({"section": section, "measure": f"{label}: {p} partitions, {w} windows",
                        "pv": pv, "native": None, "target": "flat", "verdict": verdict})
    return out


def _trace_row(results, section, arch):
    """The instructions one recorded event costs: the traced trace_event's
    mean less the untraced one's (the same call, the same checks)."""
    on = _get(results, ("micro-trace", "hc_trace_event"))
    off = _get(results, ("micro", "hc_trace_event"))
    if not (on and off):
        return []
    cost = on["mean"] - off["mean"]
    target = TRACE_EVENT_TARGET[arch]
    return [{"section": section, "measure": "trace: one recorded event (traced - untraced, mean)",
             "event_cost": cost,
             "verdict": f"<= {target} " + ("ok" if cost <= target else "MISSED")}] + \
        _directive_trace_rows(results, section)


def _directive_trace_rows(results, section):
    """What the traced executive library adds to a directive: the same
    program's calls linked traced less untraced (bench/rtems/tmtrace.c),
    means; no target (the issue gives none)."""
    out = []
    for label, measure in (("rtems_semaphore_release", "sem_release"),
                           ("rtems_semaphore_obtain", "sem_obtain")):
        on = _get(results, ("tmtrace", measure))
        off = _get(results, ("tmtrace-off", measure))
        if on and off:
            out.append({"section": section,
                        "measure": f"directive trace: {label} (traced - untraced, mean)",
                        "event_cost": on["mean"] - off["mean"], "verdict": ""})
    return out


def _drift_row(results, arch):
    sw = _get(results, ("switch", "switch_from_busy"))
    drift = results.get("switch", {}).get("drift", {})
    if not (sw and drift):
        return []
    return [{"section": "schedule and virtual interrupts",
                    "measure": f"window start over {drift['frames']} frames of "
                               f"{drift['major_frame_ns'] // 1000} us",
                    "jitter_ns": sw["max"] - sw["min"],
                    "drift_ns": drift["mean_tail_ns"] - drift["mean_head_ns"],
                    "planned_starts_off_grid": drift["off_grid"],
                    "verdict": "ok" if abs(drift["mean_tail_ns"] - drift["mean_head_ns"])
                    <= DRIFT_SLACK[arch] // 2 and drift["off_grid"] == 0 else "MISSED: drift"}]


def _smp_rows(results):
    """Multicore (#20, x86): how long after each frame start the timer
    interrupt of CPUs 1-3 came (smp4 on -smp 4, -icount: QEMU runs the CPUs
    round-robin; docs/performance.md, "Multicore"), no target; then the
    frame-start skew between CPU 0 and CPU 1 (bench/skew.c), against
    SKEW_TARGET."""
    runs = results.get("smp4", {})
    out = [{"section": "multicore: frame start on CPUs 1-3 (smp4, -smp 4)",
            "measure": f"{key}: timer interrupt after the frame start (ns)", "smp": r,
            "verdict": ""} for key, r in sorted(runs.items())]
    # bench/skew.c: per frame, |CPU 0's window start - CPU 1's| (ns), and
    # each CPU's own lateness beside it.
    section = ("multicore: frame-start skew, CPU 0 / CPU 1 (skew.xml, -smp 2; "
               f"target <= {SKEW_TARGET} ns)")
    for measure, label in (("skew", "skew: the two CPUs' starts of one frame apart (ns)"),
                           ("late_cpu0", "CPU 0: window start after the frame start (ns)"),
                           ("late_cpu1", "CPU 1: window start after the frame start (ns)")):
        pv = _get(results, ("smp2-skew", measure))
        if pv is None:
            continue
        verdict = ""
        if measure == "skew":
            verdict = "ok" if pv["max"] <= SKEW_TARGET else f"MISSED: {pv['max']} ns"
        out.append({"section": section, "measure": label, "pv": pv, "native": None,
                    "target": SKEW_TARGET if measure == "skew" else None, "verdict": verdict})
    return out + _handover_rows(results)


def _handover_rows(results):
    """bench/handover.c: a moving partition's window end on CPU 0 -> its
    first instruction on CPU 1 (windows G apart), and its window start on
    CPU 1 against a partition's that does not move (handover-fixed.xml).
    Target: G + FLOOD_TARGET x the fixed one's worst window start; the
    window start itself within FLOOD_TARGET of the fixed one's."""
    moving = results.get("smp2-handover", {})
    fixed = _get(results, ("smp2-handover-fixed", "start_cpu1"))
    ho, start = moving.get("handover"), moving.get("start_cpu1")
    if not (ho and start and fixed):
        return []
    limit = HANDOVER_GUARD_NS + int(FLOOD_TARGET * fixed["max"])
    section = (f"multicore: handover of a moving partition (handover.xml, -smp 2; "
               f"G = {HANDOVER_GUARD_NS} ns)")
    ratio = start["max"] / fixed["max"]
    added = start["median"] - fixed["median"]
    return [
        {"section": section, "measure": "window end on CPU 0 -> first instruction on CPU 1 (ns)",
         "pv": ho, "native": None, "target": limit,
         "verdict": f"<= {limit} ok" if ho["max"] <= limit else f"MISSED: {ho['max']} > {limit}"},
        {"section": section, "measure": "window start on CPU 1 after the handover (ns)",
         "pv": start, "native": fixed, "target": None,
         "verdict": f"{added:+d} median, max {ratio:.2f}x not moving, <= {FLOOD_TARGET}x "
                    + ("ok" if ratio <= FLOOD_TARGET else "MISSED")},
        {"section": section, "measure": "window start on CPU 0 after the handover (ns)",
         "pv": moving.get("start_cpu0"), "native": None, "target": None, "verdict": ""},
    ]


def _fmt_stats(s):
    if s is None:
        return ""
    return f"{s['min']}/{s['median']}/{s['p99']}/{s['max']}"


def _fmt_num(x, digits=2):
    return "" if x is None else f"{x:.{digits}f}"


def render(rows, arch="x86"):
    # LEON3: no native columns (there is no native port), a mean column.
    # RISC-V: both, each with its mean (the coarse clock's exact figure).
    sparc, riscv = arch == "sparc", arch == "riscv"
    if sparc:
        head = ("measure", "pv min/med/p99/max", "mean", "traps", "target")
    elif riscv:
        head = ("measure", "pv min/med/p99/max", "mean", "traps", "native min/med/p99/max",
                "mean", "ints", "pv/nat", "target")
    else:
        head = ("measure", "pv min/med/p99/max", "traps", "native min/med/p99/max", "ints",
                "pv/nat", "target")
    lines, section = [], None
    body = []
    for r in rows:
        if r["section"] != section:
            section = r["section"]
            body.append(("-- " + section + " --",) + ("",) * (len(head) - 1))
        if "bytes" in r:
            body.append((r["measure"], str(r["bytes"])) + ("",) * (len(head) - 2))
        elif "hostile" in r:
            h = r["hostile"]
            body.append((r["measure"], f"{h['min']}/{h['max']} (min/max, {h['n']} starts), "
                         f"{r['ratio']:.2f}x quiet") + ("",) * (len(head) - 3) + (r["verdict"],))
        elif "smp" in r:
            s = r["smp"]
            body.append((r["measure"], f"{s['min']}/{s['max']} (min/max, {s['n']} starts)")
                        + ("",) * (len(head) - 3) + (r["verdict"],))
        elif "event_cost" in r:
            body.append((r["measure"], f"{r['event_cost']:.1f} instructions")
                        + ("",) * (len(head) - 3) + (r["verdict"],))
        elif "drift_ns" in r:
            body.append((r["measure"], f"jitter {r['jitter_ns']} ns, drift {r['drift_ns']} ns, "
                         f"off-grid {r['planned_starts_off_grid']}") + ("",) * (len(head) - 3)
                        + (r["verdict"],))
        elif sparc:
            pv = r["pv"]
            body.append((r["measure"], _fmt_stats(pv), _fmt_num(pv.get("mean") if pv else None, 1),
                         _fmt_num(pv.get("traps_per_op") if pv else None), r["verdict"]))
        elif riscv:
            pv, nat = r["pv"], r["native"]
            body.append((r["measure"], _fmt_stats(pv), _fmt_num(pv.get("mean") if pv else None, 1),
                         _fmt_num(pv.get("traps_per_op") if pv else None), _fmt_stats(nat),
                         _fmt_num(nat.get("mean") if nat else None, 1),
                         _fmt_num(r.get("native_interrupts_per_op")), _fmt_num(r.get("ratio")),
                         r["verdict"]))
        else:
            pv, nat = r["pv"], r["native"]
            body.append((r["measure"], _fmt_stats(pv),
                         _fmt_num(pv.get("traps_per_op") if pv else None),
                         _fmt_stats(nat), _fmt_num(r.get("native_interrupts_per_op")),
                         _fmt_num(r.get("ratio")), r["verdict"]))
    widths = [max(len(x[i]) for x in body + [head]) for i in range(len(head))]
    widths[0] = min(widths[0], 50)
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    lines.append(TITLE[arch])
    lines.append(fmt.format(*head))
    for b in body:
        if b[0].startswith("-- "):
            lines.append(b[0])
        else:
            lines.append(fmt.format(*b).rstrip())
    lines.extend(NOTES[arch])
    return "\n".join(lines)
