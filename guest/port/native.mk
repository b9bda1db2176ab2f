# SPDX-License-Identifier: BSD-2-Clause
# The guest executive's native ports: an RTEMS application + the executive
# alone on the bare machine. x86 (guest/port/native/x86/): ring 0, booted
# by QEMU -kernel (Multiboot). riscv (guest/port/native/riscv/): S-mode on
# QEMU virt, booted by -bios none -kernel with its own M-mode start.
# Include after guest/guest.mk (and guest/libc/newlib.mk):
#     include guest/port/native.mk
#
#   $(call native_app,NAME,SOURCES)   builds $(B)/$(ARCH)/native/NAME.elf
#
# Every apps/tests/<name>/ scenario is built this way and checked by
# tests/system/test_native_scenarios.py against the same expected.txt as on
# the host port.

NATIVE_ARCHES := x86 riscv
ifneq ($(filter $(ARCH),$(NATIVE_ARCHES)),)

NATIVE_PORT_DIR := guest/port/native/$(ARCH)
NATIVE_DIR := $(B)/$(ARCH)/native
NATIVE_LDS := $(NATIVE_PORT_DIR)/linker.ld
# The port's own files plus the unprivileged CPU code it shares with the pv
# port (thread contexts).
NATIVE_CPU_DIR := guest/port/cpu/$(ARCH)
NATIVE_PORT_SRCS := $(wildcard $(NATIVE_PORT_DIR)/*.c $(NATIVE_PORT_DIR)/*.S)
# What is the same on every arch (the 16550 console over the port's
# register access, the ways out and the heap over its exit device).
NATIVE_COMMON_DIR := guest/port/native/common
NATIVE_COMMON_SRCS := $(wildcard $(NATIVE_COMMON_DIR)/*.c)
NATIVE_CPU_SRCS := $(wildcard $(NATIVE_CPU_DIR)/*.c $(NATIVE_CPU_DIR)/*.S)
NATIVE_PORT_OBJS := $(patsubst $(NATIVE_PORT_DIR)/%,$(NATIVE_DIR)/port/%.o,$(NATIVE_PORT_SRCS)) \
	$(patsubst $(NATIVE_CPU_DIR)/%,$(NATIVE_DIR)/cpu/%.o,$(NATIVE_CPU_SRCS)) \
	$(patsubst $(NATIVE_COMMON_DIR)/%,$(NATIVE_DIR)/common/%.o,$(NATIVE_COMMON_SRCS))

# newlib.mk defines these; the defaults keep this file usable without it.
NEWLIB_INCLUDE ?= $(B)/$(ARCH)/newlib/include
NEWLIB_LIBC ?= $(B)/$(ARCH)/newlib/lib/libc.a
NEWLIB_LIBM ?= $(B)/$(ARCH)/newlib/lib/libm.a

# Applications see the executive's headers and this port's stack limits.
NATIVE_CFLAGS := $(GUEST_CFLAGS) -I$(NATIVE_PORT_DIR)/include
# The libc glue goes in as objects, ahead of libc.a: its malloc lock must win
# over newlib's default one.
NATIVE_LIBS := $(GUEST_TARGET_LIBC_OBJS) $(POSIX_LIB) $(GUEST_TARGET_LIB) $(NEWLIB_LIBC) $(NEWLIB_LIBM) \
	$(GUEST_LIBGCC)

$(NATIVE_DIR)/port/%.o: $(NATIVE_PORT_DIR)/% | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(NATIVE_CFLAGS) -MMD -MP -c $< -o $@

$(NATIVE_DIR)/cpu/%.o: $(NATIVE_CPU_DIR)/% | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(NATIVE_CFLAGS) -MMD -MP -c $< -o $@

$(NATIVE_DIR)/common/%.o: $(NATIVE_COMMON_DIR)/% | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(NATIVE_CFLAGS) -I$(NATIVE_PORT_DIR) -MMD -MP -c $< -o $@

$(NATIVE_DIR)/obj/%.o: %.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(NATIVE_CFLAGS) -MMD -MP -c $< -o $@

define NATIVE_APP_RULES
$(NATIVE_DIR)/$(1).elf: $(patsubst %.c,$(NATIVE_DIR)/obj/%.o,$(2)) $(NATIVE_PORT_OBJS) \
	$(NATIVE_LIBS) $(NATIVE_LDS)
	@mkdir -p $$(@D)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $(NATIVE_LDS) --gc-sections -o $$@ \
	    $(patsubst %.c,$(NATIVE_DIR)/obj/%.o,$(2)) $(NATIVE_PORT_OBJS) \
	    --start-group $(NATIVE_LIBS) --end-group

NATIVE_IMAGES += $(NATIVE_DIR)/$(1).elf
NATIVE_APP_OBJS += $(patsubst %.c,$(NATIVE_DIR)/obj/%.o,$(2))
endef
native_app = $(eval $(call NATIVE_APP_RULES,$(1),$(2)))

# The port's objects as one archive, for the SDK (mk/install.mk), which
# links it whole as the rule above links the objects.
NATIVE_PORT_LIB := $(NATIVE_DIR)/libport-native.a
$(NATIVE_PORT_LIB): $(NATIVE_PORT_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^
ALL_TARGETS += $(NATIVE_PORT_LIB)

$(foreach s,$(GUEST_SCENARIOS),$(call native_app,$(s),$(wildcard apps/tests/$(s)/*.c)))
# The port's own checks (FP per task, caught vectors, exit code), same format:
# one program for every arch over the port's selftest/selftest_arch.h.
$(call native_app,native-selftest,$(wildcard $(NATIVE_COMMON_DIR)/selftest/*.c))
$(NATIVE_DIR)/obj/$(NATIVE_COMMON_DIR)/selftest/%.o: NATIVE_CFLAGS += -I$(NATIVE_PORT_DIR)/selftest

-include $(NATIVE_PORT_OBJS:.o=.d) $(sort $(NATIVE_APP_OBJS:.o=.d))

# On riscv, whose suite is partial, tests/tests.mk lists the images and
# the test with the arch's own.
TEST_TARGETS += $(NATIVE_IMAGES)
TEST_PROGRAMS += tests/system/test_native_scenarios.py

.PHONY: native
native: $(NATIVE_IMAGES)

endif
