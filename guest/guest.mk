# SPDX-License-Identifier: BSD-2-Clause
# Guest executive: the arch-neutral core as a library for the host (unit and
# scenario tests) and for $(ARCH) (linked with a port and an application),
# the host port, the unit tests and the scenario programs in apps/tests/.

GUEST_CORE_SRCS := $(wildcard guest/core/*.c)
GUEST_HOST_PORT_SRCS := $(wildcard guest/port/host/*.c)
GUEST_INCLUDES := -Iguest/include -Iguest/port

# The core sees no port-specific header (TESSERA_EXEC_CORE hides them).
GUEST_HOST_CFLAGS := $(filter-out -std=c11,$(HOST_CFLAGS)) -std=gnu11 $(GUEST_INCLUDES)
GUEST_HOST_APP_CFLAGS := $(GUEST_HOST_CFLAGS) -Iguest/port/host/include
# ucontext needs the GNU/XSI interfaces.
GUEST_HOST_PORT_CFLAGS := $(GUEST_HOST_APP_CFLAGS) -D_GNU_SOURCE

# Target: the kernel's flags without its FPU/SIMD ban (RTEMS tasks may use
# floating point), against newlib's headers; on an arch whose guests have
# an ABI of their own (GUEST_ARCH_CFLAGS, riscv's lp64d), with its flags in
# place of the kernel's arch flags. GUEST_TARGET_CFLAGS is pv/pv.mk's.
GUEST_CFLAGS := $(GUEST_TARGET_CFLAGS) $(GUEST_INCLUDES) $(NEWLIB_CFLAGS)

GUEST_HOST_DIR := $(B)/host/guest
GUEST_TARGET_DIR := $(B)/$(ARCH)/guest

# ---- Core library, host ------------------------------------------------------
GUEST_HOST_CORE_OBJS := $(patsubst guest/core/%.c,$(GUEST_HOST_DIR)/core/%.o,$(GUEST_CORE_SRCS))
GUEST_HOST_LIB := $(GUEST_HOST_DIR)/libexec.a

$(GUEST_HOST_DIR)/core/%.o: guest/core/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_CFLAGS) -DTESSERA_EXEC_CORE -MMD -MP -c $< -o $@

$(GUEST_HOST_LIB): $(GUEST_HOST_CORE_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# ---- Host port ---------------------------------------------------------------
GUEST_HOST_PORT_OBJS := $(patsubst guest/port/host/%.c,$(GUEST_HOST_DIR)/port/host/%.o,\
	$(GUEST_HOST_PORT_SRCS))
GUEST_HOST_PORT_LIB := $(GUEST_HOST_DIR)/libport-host.a

$(GUEST_HOST_DIR)/port/host/%.o: guest/port/host/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_PORT_CFLAGS) -MMD -MP -c $< -o $@

$(GUEST_HOST_PORT_LIB): $(GUEST_HOST_PORT_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# ---- Core library, target ----------------------------------------------------
GUEST_TARGET_CORE_OBJS := $(patsubst guest/core/%.c,$(GUEST_TARGET_DIR)/core/%.o,\
	$(GUEST_CORE_SRCS))
GUEST_TARGET_LIB := $(GUEST_TARGET_DIR)/libexec.a

# newlib's headers must exist first (guest/libc/newlib.mk builds them).
$(GUEST_TARGET_DIR)/core/%.o: guest/core/%.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) -DTESSERA_EXEC_CORE -MMD -MP -c $< -o $@

$(GUEST_TARGET_LIB): $(GUEST_TARGET_CORE_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# ---- newlib system calls and locks, target (they use the core's internals) --
GUEST_TARGET_LIBC_OBJS := $(patsubst guest/libc/%.c,$(GUEST_TARGET_DIR)/libc/%.o,\
	$(wildcard guest/libc/*.c))
GUEST_TARGET_LIBC_LIB := $(GUEST_TARGET_DIR)/libexec-libc.a

$(GUEST_TARGET_DIR)/libc/%.o: guest/libc/%.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) -DTESSERA_EXEC_CORE -Iguest/core -MMD -MP -c $< -o $@

$(GUEST_TARGET_LIBC_LIB): $(GUEST_TARGET_LIBC_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# ---- Unit tests (cmocka) -----------------------------------------------------
GUEST_UNIT_SRCS := $(wildcard tests/unit/guest/test_*.c)
GUEST_UNIT_BINS := $(patsubst tests/unit/guest/%.c,$(B)/host/tests/unit/guest/%,$(GUEST_UNIT_SRCS))

$(B)/host/tests/unit/guest/%: tests/unit/guest/%.c $(GUEST_HOST_LIB)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_CFLAGS) -DTESSERA_EXEC_CORE -Iguest/core -MMD -MP $< \
	    $(GUEST_HOST_LIB) -lcmocka -o $@

# ---- Scenario programs: apps/tests/<name>/*.c on the host port ----------------
GUEST_SCENARIOS := $(patsubst apps/tests/%/expected.txt,%,$(wildcard apps/tests/*/expected.txt))
# A target-only.txt (its text says why) keeps a scenario off the host port,
# e.g. one that tests newlib, which the host port replaces by glibc.
GUEST_HOST_SCENARIOS := $(filter-out $(patsubst apps/tests/%/target-only.txt,%,\
	$(wildcard apps/tests/*/target-only.txt)),$(GUEST_SCENARIOS))
GUEST_SCENARIO_BINS := $(foreach s,$(GUEST_HOST_SCENARIOS),$(B)/host/apps/tests/$(s)/$(s))

define GUEST_SCENARIO_RULES
$(B)/host/apps/tests/$(1)/%.o: apps/tests/$(1)/%.c
	@mkdir -p $$(@D)
	$$(Q)$$(HOSTCC) $$(GUEST_HOST_APP_CFLAGS) -MMD -MP -c $$< -o $$@

$(B)/host/apps/tests/$(1)/$(1): $(patsubst apps/tests/$(1)/%.c,$(B)/host/apps/tests/$(1)/%.o,\
	$(wildcard apps/tests/$(1)/*.c)) $(GUEST_HOST_LIB) $(GUEST_HOST_PORT_LIB)
	$$(Q)$$(HOSTCC) $$(filter %.o,$$^) -Wl,--start-group $(GUEST_HOST_LIB) \
	    $(GUEST_HOST_PORT_LIB) -Wl,--end-group -o $$@
endef
$(foreach s,$(GUEST_HOST_SCENARIOS),$(eval $(call GUEST_SCENARIO_RULES,$(s))))

-include $(GUEST_HOST_CORE_OBJS:.o=.d) $(GUEST_HOST_PORT_OBJS:.o=.d) \
	$(GUEST_TARGET_CORE_OBJS:.o=.d) $(GUEST_TARGET_LIBC_OBJS:.o=.d) $(GUEST_UNIT_BINS:=.d) \
	$(wildcard $(B)/host/apps/tests/*/*.d)

ALL_TARGETS += $(GUEST_TARGET_LIB) $(GUEST_TARGET_LIBC_LIB)
HOST_TEST_TARGETS += $(GUEST_UNIT_BINS) $(GUEST_SCENARIO_BINS)
HOST_TEST_PROGRAMS += $(GUEST_UNIT_BINS) tests/unit/guest/run_scenarios.py
# The directive shape and module order of guest/core (docs/guest.md).
HOST_TEST_PROGRAMS += tests/unit/guest/check_shape.py

.PHONY: guest-host guest-target
guest-host: $(GUEST_HOST_LIB) $(GUEST_HOST_PORT_LIB) $(GUEST_UNIT_BINS) $(GUEST_SCENARIO_BINS)
guest-target: $(GUEST_TARGET_LIB) $(GUEST_TARGET_LIBC_LIB)
