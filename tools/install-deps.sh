#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Installs the Debian 12 packages that building, running and testing Tessera
# need, and only those that are missing. Called by `make run` and `make test`
# (and with --fuzz by `make fuzz`).
set -eu

# gcc-multilib is deliberately absent: on Debian it conflicts with the SPARC
# cross compiler, and the freestanding -m32 builds need only lib32gcc-12-dev.
PACKAGES="make gcc libc6-dev clang-format cppcheck git lib32gcc-12-dev libcmocka-dev libxml2-dev libxml2-utils \
pkg-config python3 qemu-system-x86 qemu-system-data qemu-system-sparc \
gcc-sparc64-linux-gnu binutils-sparc64-linux-gnu newlib-source xz-utils \
grub-pc-bin grub-common xorriso mtools gdb gdb-multiarch babeltrace2 \
qemu-system-misc gcc-riscv64-unknown-elf"

# babeltrace2 reads the CTF that tools/trace/tessera-trace.py writes
# (tests/tools/test_trace_ctf.py).

# RISC-V: qemu-system-misc has qemu-system-riscv64; gcc-riscv64-unknown-elf is
# the bare-metal compiler (its libgcc is built for freestanding rv64 code, no
# glibc assumptions), and the kernel starts in M-mode itself (-bios none), so
# no opensbi package.

# `make fuzz` (not part of make test) also needs clang's libFuzzer runtime.
if [ "${1:-}" = "--fuzz" ]; then
    PACKAGES="$PACKAGES clang-14 libclang-rt-14-dev"
fi
# `make bench` (not part of make test) draws its SVG charts with matplotlib
# (bench/charts.py).
if [ "${1:-}" = "--bench" ]; then
    PACKAGES="$PACKAGES python3-matplotlib"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
if [ "$(id -u)" != 0 ]; then
    echo "install-deps: these packages are missing and installing them needs root:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
