# SPDX-License-Identifier: BSD-2-Clause
# Toolchain for RISC-V 64 targets (QEMU virt): Debian's bare-metal
# riscv64-unknown-elf compiler (its libgcc is built for freestanding code).
# Two ABIs. The kernel and the bare test partitions: RV64IMAC without the F
# and D extensions, lp64 (the kernel switches partitions' FPU state lazily,
# docs/architecture.md; the FPU test partition alone uses F/D). The guests -
# newlib, the executive, the pv and native ports, RTEMS applications - are
# RV64IMAFDC with hard float, lp64d, as RTEMS's riscv BSPs (docs/guest.md):
# GUEST_ARCH_CFLAGS below. The linker refuses to mix the two, so the pv
# start code and trampoline are built once for each (pv/pv.mk).
# medany: the kernel lives at 0x80000000, beyond medlow's reach.

TARGET_CC := riscv64-unknown-elf-gcc
TARGET_LD := riscv64-unknown-elf-ld
TARGET_OBJCOPY := riscv64-unknown-elf-objcopy
TARGET_OBJDUMP := riscv64-unknown-elf-objdump
TARGET_ARCH_CFLAGS := -march=rv64imac_zicsr -mabi=lp64 -mcmodel=medany -fno-pic -fno-pie
TARGET_LDEMU := -m elf64lriscv
# memset/memcpy for bare partitions (pv/arch/riscv/libgcc), then the
# compiler's libgcc: the link rules name TARGET_LIBGCC as files to link.
RISCV_HELPERS_DIR := $(B)/riscv/libgcc
RISCV_HELPERS_OBJS := $(patsubst pv/arch/riscv/libgcc/%.c,$(RISCV_HELPERS_DIR)/%.o,\
	$(wildcard pv/arch/riscv/libgcc/*.c))
RISCV_HELPERS := $(RISCV_HELPERS_DIR)/libhelpers.a
TARGET_LIBGCC := $(RISCV_HELPERS) \
	$(shell $(TARGET_CC) -march=rv64imac -mabi=lp64 -print-libgcc-file-name)
# The guests' flags in place of TARGET_ARCH_CFLAGS, and their libgcc: the
# compiler's rv64imafdc/lp64d multilib (its default one), named by path as
# the lp64 one. No memset/memcpy helpers: newlib has them.
GUEST_ARCH_CFLAGS := -march=rv64imafdc_zicsr -mabi=lp64d -mcmodel=medany -fno-pic -fno-pie
GUEST_LIBGCC := $(shell $(TARGET_CC) -march=rv64imafdc -mabi=lp64d -print-libgcc-file-name)
# newlib has its own directory per ABI: a tree that still holds the old
# lp64 build rebuilds it rather than linking mixed ABIs.
NEWLIB_ABI := lp64d
# The objects built with these flags are thrown away (all of build/riscv
# but newlib) when the flags differ from those they were built with:
# make's dependencies do not see flags, and objects of two ABIs do not
# link ("failed to merge target specific data").
RISCV_ABI_STAMP := $(B)/riscv/abi-flags
RISCV_ABI := $(TARGET_ARCH_CFLAGS) / $(GUEST_ARCH_CFLAGS)
ifneq ($(file <$(RISCV_ABI_STAMP)),$(RISCV_ABI))
$(shell mkdir -p $(B)/riscv && find $(B)/riscv -mindepth 1 -maxdepth 1 ! -name 'newlib*' \
	-exec rm -rf {} + && printf '%s\n' '$(RISCV_ABI)' > $(RISCV_ABI_STAMP))
endif

# Flags shared by everything that runs on the target (kernel and partitions).
TARGET_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common -Wall -Wextra -Werror \
	$(TARGET_ARCH_CFLAGS)

QEMU := qemu-system-riscv64

# The executive has its CPU port (guest/port/cpu/riscv), lp64d: threads
# created with RTEMS_FLOATING_POINT keep f0-f31 and fcsr.
ARCH_HAS_EXECUTIVE := yes
ARCH_BUILD_GOAL := all

$(RISCV_HELPERS_DIR)/%.o: pv/arch/riscv/libgcc/%.c
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -fno-tree-loop-distribute-patterns -MMD -MP -c $< -o $@

$(RISCV_HELPERS): $(RISCV_HELPERS_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

-include $(RISCV_HELPERS_OBJS:.o=.d)

# Made before anything links them (as on SPARC): every partition links the
# pv start code and every system the kernel library.
$(B)/riscv/pv/start.o $(B)/riscv/kernel/libkernel.a: | $(RISCV_HELPERS)
