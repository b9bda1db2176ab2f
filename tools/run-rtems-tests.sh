#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
#
# Builds RTEMS test programs unmodified against an installed Tessera SDK
# (make install PREFIX=SDK) and runs each natively on x86 under QEMU
# -icount, comparing its output with its .scn the way docs/compatibility.md
# records results: banner (***), NOTE: and empty lines are left out.
#
#   tools/run-rtems-tests.sh RTEMS_SRC SDK OUT SUITE PROGRAM...
#   e.g. tools/run-rtems-tests.sh ~/rtems /tmp/sdk /tmp/out psxtests psx01 psxcancel
#
# RTEMS_SRC is a checkout of RTEMS's sources, which the user provides:
# nothing of RTEMS is part of this project or fetched by this script.
# One line per program: match, differs (N lines, see OUT/P.want and
# OUT/P.got), or BUILD FAILED (see OUT/P.build).
set -u
if [ $# -lt 5 ]; then
    sed -n '6,10p' "$0"
    exit 2
fi
SRC=$1 SDK=$2 OUT=$3 SUITE=$4
shift 4
export PKG_CONFIG_LIBDIR="$SDK/lib/pkgconfig"
PC=tessera-x86-native
CC=$(pkg-config --variable=cc $PC) || exit 1
TOP=$(pkg-config --variable=top $PC)
CFLAGS="$(pkg-config --cflags $PC) -O2 -g -I$SRC/testsuites/$SUITE/include"
LIBS="$TOP/lib/libtestsupport.a $(pkg-config --libs $PC)"
mkdir -p "$OUT"
for t in "$@"; do
    d=$SRC/testsuites/$SUITE/$t
    # shellcheck disable=SC2086 # the flags are lists
    if ! $CC $CFLAGS -I"$d" "$d"/*.c $LIBS -o "$OUT/$t.elf" >"$OUT/$t.build" 2>&1; then
        echo "$t: BUILD FAILED: $(grep -m3 'error' "$OUT/$t.build" | tr '\n' ' ' | cut -c1-300)"
        continue
    fi
    timeout 120 qemu-system-i386 -accel tcg -cpu qemu32,+umip -m 128M -nodefaults -no-reboot \
        -display none -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -bios /usr/share/qemu/qboot.rom -kernel "$OUT/$t.elf" -icount shift=0,sleep=off \
        </dev/null 2>&1 | tr -d '\r' >"$OUT/$t.out"
    grep -v '^\*\*\*\|^$\|^NOTE' "$OUT/$t.out" >"$OUT/$t.got"
    tr -d '\r' <"$d/$t.scn" | grep -v '^\*\*\*\|^$\|^NOTE' >"$OUT/$t.want"
    if cmp -s "$OUT/$t.got" "$OUT/$t.want"; then
        r=match
    else
        r="differs ($(diff "$OUT/$t.want" "$OUT/$t.got" | grep -c '^[<>]') lines)"
    fi
    echo "$t: $r, end: $(tail -1 "$OUT/$t.out" | cut -c1-70)"
done
