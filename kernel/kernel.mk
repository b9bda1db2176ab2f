# SPDX-License-Identifier: BSD-2-Clause
# The kernel library: arch-neutral core + kernel/arch/$(ARCH). A system image
# links it with the configuration tables and images of one system (mk/system.mk).

KERNEL_CORE_SRCS := $(wildcard kernel/core/*.c)
KERNEL_ARCH_SRCS := $(wildcard kernel/arch/$(ARCH)/*.c) $(wildcard kernel/arch/$(ARCH)/*.S)
KERNEL_OBJDIR := $(B)/$(ARCH)/kernel
KERNEL_OBJS := $(patsubst %,$(KERNEL_OBJDIR)/%.o,$(KERNEL_CORE_SRCS) $(KERNEL_ARCH_SRCS))
KERNEL_LIB := $(KERNEL_OBJDIR)/libkernel.a
KERNEL_LDS := kernel/arch/$(ARCH)/linker.ld

KERNEL_INCLUDES := -Ikernel/core/include -Ikernel/arch/$(ARCH)/include -Ipv/include \
	-Ipv/arch/$(ARCH)/include
# Loop-to-memset conversion would turn kstring.c's memset into a call to itself.
KERNEL_CFLAGS := $(TARGET_CFLAGS) $(KERNEL_ARCH_CFLAGS) -fno-tree-loop-distribute-patterns \
	$(KERNEL_INCLUDES) -MMD -MP

$(KERNEL_OBJDIR)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL_OBJDIR)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL_LIB): $(KERNEL_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

-include $(KERNEL_OBJS:.o=.d)
ALL_TARGETS += $(KERNEL_LIB)
