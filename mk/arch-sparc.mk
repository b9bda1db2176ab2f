# SPDX-License-Identifier: BSD-2-Clause
# Toolchain for SPARC V8 / LEON3 targets: Debian's sparc64 cross compiler in
# 32-bit mode.

TARGET_CC := sparc64-linux-gnu-gcc
TARGET_LD := sparc64-linux-gnu-ld
TARGET_OBJCOPY := sparc64-linux-gnu-objcopy
TARGET_OBJDUMP := sparc64-linux-gnu-objdump
TARGET_ARCH_CFLAGS := -m32 -mcpu=leon3 -fno-pic -fno-pie
TARGET_LDEMU := -m elf32_sparc

# Flags shared by everything that runs on the target (kernel and partitions).
# The kernel uses no floating point and runs with PSR.EF clear, so an FPU
# instruction in it would trap (and panic) rather than corrupt a partition's
# FPU state.
TARGET_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common -Wall -Wextra -Werror \
	$(TARGET_ARCH_CFLAGS)
# The kernel itself: no compiler-generated FPU code (it runs with PSR.EF
# clear; fpu.c switches the partitions' state with inline assembly).
KERNEL_ARCH_CFLAGS := -mno-fpu

# Debian's 32-bit sparc libgcc is built for v8plus (64-bit registers) and
# does not run on LEON3: the few helpers the kernel and the partitions need
# (64-bit division; memcpy/memset for code without a C library) come from
# pv/arch/sparc/libgcc, built here and linked wherever the x86 build links
# libgcc. No loop-to-memcpy conversion there: memcpy would call itself.
SPARC_HELPERS_DIR := $(B)/sparc/libgcc
SPARC_HELPERS_SRCS := $(wildcard pv/arch/sparc/libgcc/*.c)
SPARC_HELPERS_OBJS := $(patsubst pv/arch/sparc/libgcc/%.c,$(SPARC_HELPERS_DIR)/%.o,\
	$(SPARC_HELPERS_SRCS))
TARGET_LIBGCC := $(SPARC_HELPERS_DIR)/libhelpers.a

$(SPARC_HELPERS_DIR)/%.o: pv/arch/sparc/libgcc/%.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -fno-tree-loop-distribute-patterns -MMD -MP -c $< -o $@

$(TARGET_LIBGCC): $(SPARC_HELPERS_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

-include $(SPARC_HELPERS_OBJS:.o=.d)

# The link rules name TARGET_LIBGCC as a file to link, not as a
# prerequisite (on x86 it is the compiler's): every partition links the pv
# start code and every system the kernel library, so the helpers are made
# before those.
$(B)/sparc/pv/start.o $(B)/sparc/kernel/libkernel.a: | $(TARGET_LIBGCC)

QEMU := qemu-system-sparc

# The RTEMS executive has its CPU port here (guest/port/cpu/sparc).
ARCH_HAS_EXECUTIVE := yes
ARCH_BUILD_GOAL := all
