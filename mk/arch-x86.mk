# SPDX-License-Identifier: BSD-2-Clause
# Toolchain for 32-bit x86 targets: the host gcc in -m32 freestanding mode.

TARGET_CC := gcc
TARGET_LD := ld
TARGET_OBJCOPY := objcopy
TARGET_OBJDUMP := objdump
TARGET_ARCH_CFLAGS := -m32 -march=i686 -mno-sse -mno-mmx -mno-80387 -fno-pic -fno-pie
TARGET_LDEMU := -m elf_i386
TARGET_LIBGCC := $(shell $(TARGET_CC) -m32 -print-libgcc-file-name)

# Flags shared by everything that runs on the target (kernel and partitions).
TARGET_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common -Wall -Wextra -Werror \
	$(TARGET_ARCH_CFLAGS)

QEMU := qemu-system-i386

# The RTEMS executive has its CPU port here: RTEMS partitions, the demo and
# their tests build and run.
ARCH_HAS_EXECUTIVE := yes
# What `make test` builds for this arch besides the test targets.
ARCH_BUILD_GOAL := all
