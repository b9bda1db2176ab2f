# SPDX-License-Identifier: BSD-2-Clause
# The executive's pv port (guest/port/pv, arch-neutral on the pv API) plus
# the unprivileged CPU code it shares with the native port
# (guest/port/cpu/$(ARCH)), and RTEMS applications linked as partitions.

GUEST_PV_DIR := $(B)/$(ARCH)/guest/pv
GUEST_PV_INCLUDES := -Iguest/port/pv/include $(PV_INCLUDES)
GUEST_PV_SRCS := $(wildcard guest/port/pv/*.c) $(wildcard guest/port/cpu/$(ARCH)/*.c) \
	$(wildcard guest/port/cpu/$(ARCH)/*.S)
GUEST_PV_OBJS := $(patsubst guest/port/%,$(GUEST_PV_DIR)/port/%.o,$(GUEST_PV_SRCS))
GUEST_PV_LIB := $(GUEST_PV_DIR)/libport-pv.a
PV_APP_DIR := $(B)/$(ARCH)/pvapps

# CPU_STACK_GUARD: thread contexts keep a guard below each stack, checked at
# every switch (guest/port/cpu/$(ARCH)); the port reports an overrun.
$(GUEST_PV_DIR)/port/%.o: guest/port/% | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(GUEST_PV_INCLUDES) -DCPU_STACK_GUARD -MMD -MP -c $< -o $@

$(GUEST_PV_LIB): $(GUEST_PV_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# Application objects: RTEMS sources see the pv port's headers (limits,
# tessera/hm.h) and pv/include for the ABI lists that tessera/hm.h includes.
PV_APP_INCLUDES := -Iguest/port/pv/include -Ipv/include
$(PV_APP_DIR)/obj/%.o: %.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(PV_APP_INCLUDES) -MMD -MP -c $< -o $@

# The libc glue goes in as objects, ahead of libc.a: its malloc lock must win
# over newlib's default one.
GUEST_PV_LINK_LIBS = $(GUEST_TARGET_LIBC_OBJS) $(POSIX_LIB) $(GUEST_PV_LIB) $(GUEST_TARGET_LIB) $(PV_LIB) \
	$(NEWLIB_LIBS) $(TARGET_LIBGCC)

# $(call pv_app,NAME,SOURCES): an RTEMS application as a partition image,
# $(PV_APP_DIR)/NAME.elf.
define pv_app
$(PV_APP_DIR)/$(1).elf: $(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) $(PV_START) \
		$$(GUEST_PV_LINK_LIBS) $(PV_PARTITION_LDS)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $$@ $(PV_START) \
		$(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) \
		--start-group $$(GUEST_PV_LINK_LIBS) --end-group
PV_APPS += $(PV_APP_DIR)/$(1).elf
endef

-include $(GUEST_PV_OBJS:.o=.d) $(shell find $(PV_APP_DIR)/obj -name '*.d' 2>/dev/null)
ALL_TARGETS += $(GUEST_PV_LIB)

# Every scenario program also runs as a partition (tests/system/test_rtems_scenarios.py).
$(foreach s,$(GUEST_SCENARIOS),$(eval $(call pv_app,$(s),$(wildcard apps/tests/$(s)/*.c))))
