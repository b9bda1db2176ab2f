# SPDX-License-Identifier: BSD-2-Clause
# Test partitions, test systems and the test programs that `make test` runs.

PART_IMAGE_DIR := $(B)/$(ARCH)/parts
TP_LIB_SRCS := tests/system/parts/lib/tp.c kernel/core/kformat.c
TP_CFLAGS := $(PART_CFLAGS) -Itests/system/parts/lib -Ikernel/core/include \
	-fno-tree-loop-distribute-patterns
TEST_PARTS := probe spinner faulter hcalls

$(PART_IMAGE_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -c $< -o $@

TP_LIB_OBJS := $(patsubst %.c,$(PART_IMAGE_DIR)/obj/%.o,$(TP_LIB_SRCS))

# A test partition image: one program + the test helpers + the start code.
$(PART_IMAGE_DIR)/%.elf: $(PART_IMAGE_DIR)/obj/tests/system/parts/%.o $(TP_LIB_OBJS) $(PV_START) \
		$(PV_PARTITION_LDS)
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $@ $(PV_START) $< $(TP_LIB_OBJS) \
		$(TARGET_LIBGCC)

TEST_PART_IMAGES := $(patsubst %,$(PART_IMAGE_DIR)/%.elf,$(TEST_PARTS))
-include $(wildcard $(PART_IMAGE_DIR)/obj/*/*/*/*.d $(PART_IMAGE_DIR)/obj/*/*/*/*/*.d)
ALL_TARGETS += $(TEST_PART_IMAGES)

include mk/system.mk
TEST_SYSTEMS := sched spin faults-a faults-b hcalls
$(foreach s,$(TEST_SYSTEMS),$(eval $(call tessera_system,$(s),tests/system/systems/$(s).xml,$(TEST_PART_IMAGES))))
TEST_TARGETS += $(foreach s,$(TEST_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_hypercalls.py tests/system/test_schedule.py \
	tests/system/test_faults.py
