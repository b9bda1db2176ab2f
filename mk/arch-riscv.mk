# SPDX-License-Identifier: BSD-2-Clause
# Toolchain for RISC-V 64 targets (QEMU virt): Debian's bare-metal
# riscv64-unknown-elf compiler (its libgcc is built for freestanding code).
# RV64IMAC without the F and D extensions for now: the kernel does not yet
# switch FPU state (mstatus.FS stays Off for partitions, docs/architecture.md).
# medany: the kernel lives at 0x80000000, beyond medlow's reach.

TARGET_CC := riscv64-unknown-elf-gcc
TARGET_LD := riscv64-unknown-elf-ld
TARGET_OBJCOPY := riscv64-unknown-elf-objcopy
TARGET_OBJDUMP := riscv64-unknown-elf-objdump
TARGET_ARCH_CFLAGS := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany -fno-pic -fno-pie
TARGET_LDEMU := -m elf64lriscv
TARGET_LIBGCC := $(shell $(TARGET_CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)

# Flags shared by everything that runs on the target (kernel and partitions).
TARGET_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common -Wall -Wextra -Werror \
	$(TARGET_ARCH_CFLAGS)

QEMU := qemu-system-riscv64

# No CPU port of the executive yet: `make test ARCH=riscv` builds the kernel,
# the bare test partitions and the systems RISCV_TEST_SYSTEMS names
# (tests/tests.mk), not the RTEMS partitions, newlib or the benchmarks.
ARCH_HAS_EXECUTIVE := no
ARCH_BUILD_GOAL := riscv-all
