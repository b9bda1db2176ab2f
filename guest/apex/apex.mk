# SPDX-License-Identifier: BSD-2-Clause
# The ARINC 653 APEX port services (guest/apex) for RTEMS applications on
# the pv port: they call the kernel's port hypercalls, so pv partitions only.
# Deadline monitoring arms the executive's own tick watchdogs (guest/core).
# Include after guest/port/pv/pv_port.mk.

APEX_DIR := $(B)/$(ARCH)/guest/apex
APEX_INCLUDES := -Iguest/apex/include
APEX_SRCS := $(wildcard guest/apex/*.c)
APEX_OBJS := $(patsubst guest/apex/%.c,$(APEX_DIR)/%.o,$(APEX_SRCS))
APEX_LIB := $(APEX_DIR)/libapex.a

$(APEX_DIR)/%.o: guest/apex/%.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(APEX_INCLUDES) -Iguest/core $(GUEST_PV_INCLUDES) -MMD -MP -c $< -o $@

$(APEX_LIB): $(APEX_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# Applications that use <apex.h> see it and the pv port's headers.
$(PV_APP_DIR)/apexobj/%.o: %.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(APEX_INCLUDES) $(PV_APP_INCLUDES) -MMD -MP -c $< -o $@

# $(call pv_apex_app,NAME,SOURCES): pv_app with the APEX library linked.
define pv_apex_app
$(PV_APP_DIR)/$(1).elf: $(patsubst %.c,$(PV_APP_DIR)/apexobj/%.o,$(2)) $(PV_GUEST_START) \
		$(APEX_LIB) $$(GUEST_PV_LINK_LIBS) $$(GUEST_TRACE_LIB) $(PV_PARTITION_LDS)
	$$(Q)$$(call pv_pick_libs,$(patsubst %.c,$(PV_APP_DIR)/apexobj/%.o,$(2))); \
	$$(TARGET_LD) $$(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $$@ $(PV_GUEST_START) \
		$(patsubst %.c,$(PV_APP_DIR)/apexobj/%.o,$(2)) \
		--start-group $(APEX_LIB) $$$$libs --end-group
PV_APPS += $(PV_APP_DIR)/$(1).elf
endef

-include $(APEX_OBJS:.o=.d) $(shell find $(PV_APP_DIR)/apexobj -name '*.d' 2>/dev/null)
ALL_TARGETS += $(APEX_LIB)
