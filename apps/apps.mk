# SPDX-License-Identifier: BSD-2-Clause
# Applications: bare pv partitions (apps/lib/tp, no RTOS) and demo systems.

PART_IMAGE_DIR := $(B)/$(ARCH)/parts
TP_LIB_SRCS := apps/lib/tp/tp.c kernel/core/kformat.c
TP_CFLAGS := $(PART_CFLAGS) -Iapps/lib/tp -Ikernel/core/include \
	-fno-tree-loop-distribute-patterns
TP_LIB_OBJS := $(patsubst %.c,$(PART_IMAGE_DIR)/obj/%.o,$(TP_LIB_SRCS))

$(PART_IMAGE_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -c $< -o $@

# $(call bare_partition,IMAGE-NAME,SOURCES): a bare partition image of one C
# file or several (space-separated).
define bare_partition
$(PART_IMAGE_DIR)/$(1).elf: $(addprefix $(PART_IMAGE_DIR)/obj/,$(2:.c=.o)) $(TP_LIB_OBJS) \
		$(PV_START) $(PV_LIB) $(PV_PARTITION_LDS)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $$(PV_PARTITION_LDS) -o $$@ $$(PV_START) \
		$(addprefix $(PART_IMAGE_DIR)/obj/,$(2:.c=.o)) $$(TP_LIB_OBJS) $$(PV_LIB) $$(TARGET_LIBGCC)
ALL_TARGETS += $(PART_IMAGE_DIR)/$(1).elf
endef

-include $(shell find $(PART_IMAGE_DIR)/obj -name '*.d' 2>/dev/null)

include mk/system.mk

# RTEMS applications that also call the pv API directly, for what no RTEMS
# or APEX service covers (a system partition's plan switch and HM log).
$(PV_APP_DIR)/pvobj/%.o: %.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(GUEST_PV_INCLUDES) -MMD -MP -c $< -o $@

# $(call pv_direct_app,NAME,SOURCES): pv_app whose sources see <pv/pv.h>.
define pv_direct_app
$(PV_APP_DIR)/$(1).elf: $(patsubst %.c,$(PV_APP_DIR)/pvobj/%.o,$(2)) $(PV_GUEST_START) \
		$$(GUEST_PV_LINK_LIBS) $$(GUEST_TRACE_LIB) $(PV_PARTITION_LDS)
	$$(Q)$$(call pv_pick_libs,$(patsubst %.c,$(PV_APP_DIR)/pvobj/%.o,$(2))); \
	$$(TARGET_LD) $$(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $$@ $(PV_GUEST_START) \
		$(patsubst %.c,$(PV_APP_DIR)/pvobj/%.o,$(2)) \
		--start-group $$$$libs --end-group
PV_APPS += $(PV_APP_DIR)/$(1).elf
endef
-include $(shell find $(PV_APP_DIR)/pvobj -name '*.d' 2>/dev/null)

# Three independent RTEMS applications (used by the isolation tests).
DEMO_APPS := nav fuel cabin
$(foreach a,$(DEMO_APPS),$(eval $(call pv_app,demo-$(a),apps/demo/$(a)/init.c)))

# The demo of `make run`: the avionics pipeline over ports (APEX).
PIPELINE_APPS := sensor control monitor
$(foreach a,$(PIPELINE_APPS),$(eval $(call pv_apex_app,pipeline-$(a),\
	apps/pipeline/$(a)/init.c apps/pipeline/common/bit.c)))
$(eval $(call pv_direct_app,pipeline-gyro,apps/pipeline/gyro/init.c))
$(eval $(call pv_direct_app,pipeline-supervisor,apps/pipeline/supervisor/init.c))
$(eval $(call tessera_system,demo,apps/demo/demo.xml,\
	$(foreach a,$(PIPELINE_APPS) gyro supervisor,$(PV_APP_DIR)/pipeline-$(a).elf)))
ALL_TARGETS += $(SYSTEMS_DIR)/demo/system.elf
# The same pipeline on two CPUs (x86: the other arches run one CPU).
ifeq ($(ARCH),x86)
$(eval $(call tessera_system,demo-smp,apps/demo-smp/demo-smp.xml,\
	$(foreach a,$(PIPELINE_APPS) gyro,$(PV_APP_DIR)/pipeline-$(a).elf)))
ALL_TARGETS += $(SYSTEMS_DIR)/demo-smp/system.elf
endif

# The APEX demo (`make run-apex`): flight-control processes on ARINC 653
# APEX alone, a missed deadline handled by the error handler process.
$(eval $(call pv_apex_app,apexdemo-fcs,apps/apexdemo/fcs/init.c))
$(eval $(call tessera_system,apex-demo,apps/apexdemo/apexdemo.xml,$(PV_APP_DIR)/apexdemo-fcs.elf))
ALL_TARGETS += $(SYSTEMS_DIR)/apex-demo/system.elf
