#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Builds newlib (libc.a, libm.a and headers) for Tessera guests from the
# tarball of Debian's newlib-source package.
#
#   tools/build-newlib.sh ARCH OUTDIR        ARCH is x86, sparc or riscv
#
# Result, a flat sysroot:  OUTDIR/include/...  OUTDIR/lib/libc.a  OUTDIR/lib/libm.a
# The build itself happens in OUTDIR/.build and its log is OUTDIR/build.log.
# Nothing happens when OUTDIR/lib/libc.a is newer than both the tarball and
# this script. The configuration choices are explained in docs/newlib.md.
set -eu

die() {
    echo "build-newlib: $*" >&2
    exit 1
}

[ $# -eq 2 ] || die "usage: $0 ARCH OUTDIR"
ARCH=$1
OUTDIR=$2

# The surrounding make must not leak into ours (jobserver, V=1, overrides),
# nor the caller's compiler flags into configure.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL GNUMAKEFLAGS
unset CC CFLAGS CPPFLAGS LDFLAGS CONFIG_SITE

# Freestanding target flags shared by both architectures. newlib must not see
# the host's Linux/glibc world: the compilers are Linux-targeted, so their
# predefined __linux__ & co. are removed, and -nostdinc keeps /usr/include out
# (only the compiler's own headers, plus newlib's own, are searched).
COMMON_CFLAGS="-O2 -g -fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables \
-ffunction-sections -fdata-sections -Wa,--noexecstack -U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix"

ARCH_CFLAGS=
case $ARCH in
x86)
    TARGET=i386-elf
    TCC="gcc -m32 -march=i686 -mno-sse -mno-mmx"
    TAR_="ar"
    TRANLIB="ranlib"
    TNM="nm"
    TAS="as --32"
    TLD="ld -m elf_i386"
    ;;
sparc)
    TARGET=sparc-elf
    TCC="sparc64-linux-gnu-gcc -m32 -mcpu=leon3 -mlong-double-64"
    TAR_=sparc64-linux-gnu-ar
    TRANLIB=sparc64-linux-gnu-ranlib
    TNM=sparc64-linux-gnu-nm
    TAS="sparc64-linux-gnu-as -32"
    TLD="sparc64-linux-gnu-ld -m elf32_sparc"
    ;;
riscv)
    # The executive's ABI, hard float lp64d as RTEMS's riscv BSPs
    # (docs/newlib.md); the kernel and bare partitions stay lp64.
    TARGET=riscv64-unknown-elf
    TCC="riscv64-unknown-elf-gcc -march=rv64imafdc_zicsr -mabi=lp64d -mcmodel=medany"
    TAR_=riscv64-unknown-elf-ar
    TRANLIB=riscv64-unknown-elf-ranlib
    TNM=riscv64-unknown-elf-nm
    TAS=riscv64-unknown-elf-as
    TLD=riscv64-unknown-elf-ld
    # newlib's riscv configuration has its reentrant layer call _write &
    # co.; the executive supplies write & co. (guest/libc/syscalls.c), the
    # names newlib's i386-elf and sparc-elf configurations call.
    ARCH_CFLAGS=-DMISSING_SYSCALL_NAMES
    ;;
*)
    die "unknown ARCH '$ARCH' (x86, sparc or riscv)"
    ;;
esac

# The compiler name is the first word of $TCC (split on purpose).
# shellcheck disable=SC2086
set -- $TCC
command -v "$1" >/dev/null 2>&1 || die "compiler '$1' not found (make deps)"
GCC_INC=$($TCC -print-file-name=include)
[ -f "$GCC_INC/stddef.h" ] || die "cannot find $1's own headers ($GCC_INC)"
TCC="$TCC -nostdinc -isystem $GCC_INC"
# A bare-metal compiler (riscv64-unknown-elf) keeps limits.h in
# include-fixed; the Linux ones have none.
GCC_FIXED=$($TCC -print-file-name=include-fixed)
[ -d "$GCC_FIXED" ] && TCC="$TCC -isystem $GCC_FIXED"

TARBALL=
for t in /usr/src/newlib/newlib-*.tar.xz; do
    [ -f "$t" ] && TARBALL=$t
done
[ -n "$TARBALL" ] || die "no /usr/src/newlib/newlib-*.tar.xz: install package newlib-source (make deps)"

case $OUTDIR in
/*) ;;
*) OUTDIR=$(pwd)/$OUTDIR ;;
esac
SCRIPT=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")

if [ -f "$OUTDIR/lib/libc.a" ] &&
    [ -z "$(find "$TARBALL" "$SCRIPT" -newer "$OUTDIR/lib/libc.a")" ]; then
    exit 0
fi

WORK=$OUTDIR/.build
LOG=$OUTDIR/build.log
mkdir -p "$OUTDIR"
rm -rf "$WORK" "${OUTDIR:?}/include" "${OUTDIR:?}/lib"
mkdir -p "$WORK/src" "$WORK/obj" "$WORK/stage"
: >"$LOG"

phase() {
    echo "=== build-newlib: $1 at +$(($(date +%s) - start)) s" >>"$LOG"
}

fail() {
    echo "build-newlib: $ARCH: $1 failed; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
}

echo "  NEWLIB  $ARCH ($(basename "$TARBALL"), log in $LOG)"
start=$(date +%s)

phase "unpack"
tar -xJf "$TARBALL" -C "$WORK/src" >>"$LOG" 2>&1 || fail "unpacking $TARBALL"
SRC=$(find "$WORK/src" -mindepth 2 -maxdepth 2 -name configure -path '*/configure' | head -n 1)
[ -n "$SRC" ] || fail "finding configure in the tarball"
SRC=$(dirname "$SRC")

# Speed: every one of newlib's nine nested configure scripts starts with
# automake's unconditional "sleep 1" (a file-timestamp sanity check) and runs
# ~700 short processes. Drop the sleeps in this private copy (keeping the
# files' timestamps, so make never wants to regenerate them) and run the
# scripts with dash, which forks faster than bash.
grep -rl --include=configure '^sleep 1$' "$SRC" >"$WORK/sleepers" || fail "finding configure scripts"
while read -r f; do
    if ! { sed 's/^sleep 1$/: no sleep/' "$f" >"$f.tmp" && touch -r "$f" "$f.tmp" &&
        chmod +x "$f.tmp" && mv "$f.tmp" "$f"; }; then
        fail "patching $f"
    fi
done <"$WORK/sleepers"
CONFIG_SHELL=/bin/sh
[ -x /bin/dash ] && CONFIG_SHELL=/bin/dash
export CONFIG_SHELL

# Only target-newlib is configured and built: libgloss (board support and
# its syscalls) is never built, because the executive supplies the syscalls.
phase "configure"
(
    cd "$WORK/obj" &&
        $CONFIG_SHELL "$SRC/configure" \
            --target=$TARGET \
            --prefix=/newlib \
            --disable-nls \
            --disable-multilib \
            --disable-newlib-supplied-syscalls \
            --enable-newlib-io-long-long \
            --enable-newlib-io-c99-formats \
            --enable-newlib-retargetable-locking \
            CC_FOR_TARGET="$TCC" \
            AR_FOR_TARGET="$TAR_" \
            RANLIB_FOR_TARGET="$TRANLIB" \
            NM_FOR_TARGET="$TNM" \
            AS_FOR_TARGET="$TAS" \
            LD_FOR_TARGET="$TLD" \
            CFLAGS_FOR_TARGET="$COMMON_CFLAGS $ARCH_CFLAGS"
) >>"$LOG" 2>&1 || fail "configure"

phase "make (including newlib's nested configure scripts)"
make -C "$WORK/obj" -j2 all-target-newlib >>"$LOG" 2>&1 || fail "make"
phase "install"
make -C "$WORK/obj" install-target-newlib DESTDIR="$WORK/stage" >>"$LOG" 2>&1 ||
    fail "make install"

# Flatten <prefix>/<target>/{include,lib} into OUTDIR; libc.a comes last, since
# its presence means "done".
STAGE=$WORK/stage/newlib/$TARGET
if [ ! -f "$STAGE/lib/libc.a" ] || [ ! -f "$STAGE/lib/libm.a" ]; then
    fail "installing (no libc.a/libm.a)"
fi
mkdir -p "$OUTDIR/lib"
cp -R "$STAGE/include" "$OUTDIR/include"
cp "$STAGE/lib/libm.a" "$OUTDIR/lib/libm.a"
cp "$STAGE/lib/libc.a" "$OUTDIR/lib/libc.a.tmp"
mv "$OUTDIR/lib/libc.a.tmp" "$OUTDIR/lib/libc.a"
rm -rf "$WORK"
phase "done"

echo "  NEWLIB  $ARCH done in $(($(date +%s) - start)) s"
