#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tessera-trace: turns a Tessera trace dump (docs/trace-format.md) into
Perfetto/Chrome JSON, CTF for babeltrace2, an SVG schedule and a text
summary (docs/tracing.md). A bad dump or XML is an error line and exit
status 1."""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import abinames  # noqa: E402
import ctf  # noqa: E402
import kinds  # noqa: E402
import perfetto  # noqa: E402
import summary  # noqa: E402
import svg  # noqa: E402
import sysxml  # noqa: E402
import timeline  # noqa: E402
import tracefile  # noqa: E402


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="tessera-trace",
                                 description="Convert a Tessera trace dump.")
    ap.add_argument("--system", required=True, help="the system XML the kernel was built from")
    ap.add_argument("--json", metavar="OUT.json", help="Perfetto / Chrome trace-event JSON")
    ap.add_argument("--svg", metavar="OUT.svg", help="the schedule as SVG")
    ap.add_argument("--ctf", metavar="OUTDIR", help="CTF 1.8 folder for babeltrace2")
    ap.add_argument("--summary", action="store_true",
                    help="a text table per partition (the default without another output)")
    ap.add_argument("--from", dest="t_from", metavar="T",
                    help="SVG start: ns, or a unit (us, ms, s) or f (major frames) from t0")
    ap.add_argument("--to", dest="t_to", metavar="T", help="SVG end, as --from")
    ap.add_argument("dump", metavar="IN.bin")
    return ap.parse_args(argv)


def run(args):
    header, records = tracefile.read(args.dump)
    system = sysxml.load(args.system)
    if header.partitions != len(system.partitions):
        raise tracefile.TraceError(
            f"the trace has {header.partitions} partitions, {args.system} has "
            f"{len(system.partitions)}: not the system that made this trace?")
    decoder = kinds.Decoder(system, abinames.AbiNames(), header.version)
    events = [decoder.decode(r) for r in records]
    tl = timeline.build(header, events, system)
    if args.json:
        perfetto.write(args.json, header, system, tl)
    if args.ctf:
        ctf.write(args.ctf, header, system, events)
    if args.svg:
        t_from = svg.parse_bound(args.t_from, header, system, tl.begin)
        t_to = svg.parse_bound(args.t_to, header, system, tl.end)
        svg.write(args.svg, header, system, tl, t_from, t_to)
    if args.summary or not (args.json or args.ctf or args.svg):
        sys.stdout.write(summary.text(header, system, events, tl))


def main(argv=None):
    args = parse_args(argv)
    try:
        run(args)
    except tracefile.TraceError as e:
        print(f"tessera-trace: {args.dump}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"tessera-trace: error: {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
