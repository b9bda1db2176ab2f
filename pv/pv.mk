# SPDX-License-Identifier: BSD-2-Clause
# The guest side of the para-virtualization API: headers (pv/include), the
# arch binding (pv/arch/$(ARCH)) and the partition start code.

PV_INCLUDES := -Ipv/include -Ipv/arch/$(ARCH)/include
PV_OBJDIR := $(B)/$(ARCH)/pv
PV_START := $(PV_OBJDIR)/start.o
PV_PARTITION_LDS := pv/arch/$(ARCH)/partition.ld

# Partition code may use the FPU, unlike the kernel.
PART_CFLAGS := $(filter-out -mno-80387 -mno-sse -mno-mmx,$(TARGET_CFLAGS)) $(PV_INCLUDES) -MMD -MP

# The guest library's out-of-line parts: the upcall trampoline.
PV_LIB := $(PV_OBJDIR)/libpv.a
PV_LIB_OBJS := $(PV_OBJDIR)/upcall.o

$(PV_OBJDIR)/%.o: pv/arch/$(ARCH)/%.S
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(PART_CFLAGS) -c $< -o $@

$(PV_LIB): $(PV_LIB_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# The guests' flags (the executive, RTEMS applications: guest/guest.mk) and
# the start code and trampoline they link (PV_GUEST_START, PV_GUEST_LIB).
# Where the guests have an ABI of their own (GUEST_ARCH_CFLAGS, riscv's
# lp64d) the same sources are built a second time with it, since the
# linker does not mix float ABIs; elsewhere they are the bare partitions'.
ifneq ($(GUEST_ARCH_CFLAGS),)
GUEST_TARGET_CFLAGS := $(filter-out $(TARGET_ARCH_CFLAGS),$(TARGET_CFLAGS)) $(GUEST_ARCH_CFLAGS)
PV_GUEST_OBJDIR := $(PV_OBJDIR)/guest
PV_GUEST_START := $(PV_GUEST_OBJDIR)/start.o
PV_GUEST_LIB := $(PV_GUEST_OBJDIR)/libpv.a
PV_GUEST_LIB_OBJS := $(PV_GUEST_OBJDIR)/upcall.o

$(PV_GUEST_OBJDIR)/%.o: pv/arch/$(ARCH)/%.S
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(GUEST_TARGET_CFLAGS) $(PV_INCLUDES) -MMD -MP -c $< -o $@

$(PV_GUEST_LIB): $(PV_GUEST_LIB_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^
-include $(PV_GUEST_START:.o=.d) $(PV_GUEST_LIB_OBJS:.o=.d)
ALL_TARGETS += $(PV_GUEST_START) $(PV_GUEST_LIB)
else
GUEST_TARGET_CFLAGS := $(filter-out -mno-80387 -mno-sse -mno-mmx,$(TARGET_CFLAGS))
GUEST_LIBGCC := $(TARGET_LIBGCC)
PV_GUEST_START := $(PV_START)
PV_GUEST_LIB := $(PV_LIB)
endif
# The headers they read (-MMD): pv/arch.h's frame offsets and flags.
-include $(PV_START:.o=.d) $(PV_LIB_OBJS:.o=.d)

ALL_TARGETS += $(PV_START) $(PV_LIB)
