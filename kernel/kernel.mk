# SPDX-License-Identifier: BSD-2-Clause
# The kernel library: arch-neutral core + kernel/arch/$(ARCH). A system image
# links it with the configuration tables and images of one system (mk/system.mk).

KERNEL_CORE_SRCS := $(wildcard kernel/core/*.c)
# asm_offsets.c is not part of the kernel: see ASM_OFFSETS_H below.
ASM_OFFSETS_SRC := kernel/arch/$(ARCH)/asm_offsets.c
KERNEL_ARCH_SRCS := $(filter-out $(ASM_OFFSETS_SRC),$(wildcard kernel/arch/$(ARCH)/*.c)) \
	$(wildcard kernel/arch/$(ARCH)/*.S)
KERNEL_OBJDIR := $(B)/$(ARCH)/kernel
KERNEL_OBJS := $(patsubst %,$(KERNEL_OBJDIR)/%.o,$(KERNEL_CORE_SRCS) $(KERNEL_ARCH_SRCS))
KERNEL_LIB := $(KERNEL_OBJDIR)/libkernel.a
# The same kernel with the event trace compiled in (-DTESSERA_TRACE,
# kernel/core/include/trace.h): linked only into systems whose XML has
# <trace> (mk/system.mk), so that tracing off costs nothing. trace.c is in
# that library alone.
KERNEL_TRACE_SRCS := kernel/core/trace.c
KERNEL_TRACE_OBJDIR := $(B)/$(ARCH)/kernel-trace
KERNEL_TRACE_OBJS := $(patsubst %,$(KERNEL_TRACE_OBJDIR)/%.o,$(KERNEL_CORE_SRCS) $(KERNEL_ARCH_SRCS))
KERNEL_TRACE_LIB := $(KERNEL_TRACE_OBJDIR)/libkernel.a
KERNEL_OBJS := $(filter-out $(patsubst %,$(KERNEL_OBJDIR)/%.o,$(KERNEL_TRACE_SRCS)),$(KERNEL_OBJS))
KERNEL_LDS := kernel/arch/$(ARCH)/linker.ld

KERNEL_INCLUDES := -Ikernel/core/include -Ikernel/arch/$(ARCH)/include -Ipv/include \
	-Ipv/arch/$(ARCH)/include -I$(KERNEL_OBJDIR)/gen
# Loop-to-memset conversion would turn kstring.c's memset into a call to itself.
KERNEL_CFLAGS := $(TARGET_CFLAGS) $(KERNEL_ARCH_CFLAGS) -fno-tree-loop-distribute-patterns -DTESSERA_KERNEL \
	$(KERNEL_INCLUDES) -MMD -MP

$(KERNEL_OBJDIR)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL_OBJDIR)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL_TRACE_OBJDIR)/%.c.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -DTESSERA_TRACE -c $< -o $@

$(KERNEL_TRACE_OBJDIR)/%.S.o: %.S
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -DTESSERA_TRACE -c $< -o $@

# The offsets and sizes of C structures that the assembly uses
# (kernel/core/include/asm_offset.h): asm_offsets.c compiled to assembly,
# each "@asm_offset NAME VALUE" marker made a #define.
ASM_OFFSETS_H := $(KERNEL_OBJDIR)/gen/asm_offsets.h
$(ASM_OFFSETS_H): $(ASM_OFFSETS_SRC)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -MF $@.d -MT $@ -S $< -o $@.s
	$(Q){ echo "/* Generated from $< by kernel/kernel.mk. */"; \
	  echo "#ifndef ASM_OFFSETS_H"; echo "#define ASM_OFFSETS_H"; \
	  sed -n 's/^[[:space:]]*@asm_offset \([A-Z0-9_]*\) \([0-9]*\)$$/#define \1 \2/p' $@.s; \
	  echo "#endif"; } > $@.tmp
	$(Q)test $$(grep -c '^#define [A-Z0-9_]* [0-9]' $@.tmp) -eq $$(grep -c '@asm_offset' $@.s) && mv $@.tmp $@
-include $(ASM_OFFSETS_H).d
$(filter %.S.o,$(KERNEL_OBJS) $(KERNEL_TRACE_OBJS)): $(ASM_OFFSETS_H)

$(KERNEL_LIB): $(KERNEL_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(KERNEL_TRACE_LIB): $(KERNEL_TRACE_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

-include $(KERNEL_OBJS:.o=.d) $(KERNEL_TRACE_OBJS:.o=.d)
ALL_TARGETS += $(KERNEL_LIB) $(KERNEL_TRACE_LIB)
