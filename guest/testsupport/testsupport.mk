# SPDX-License-Identifier: BSD-2-Clause
# Test support for RTEMS test programs (tmacros.h, <rtems/test-info.h>,
# <rtems/btimer.h>, printers, rtems_error): Tessera's own code, built as a
# library per target arch and for the host port. Include after
# guest/guest.mk:
#     include guest/testsupport/testsupport.mk
# A test program compiles with $(TESTSUPPORT_INCLUDES) added to its flags and
# links $(TESTSUPPORT_TARGET_LIB) (or $(TESTSUPPORT_HOST_LIB)) ahead of the
# executive's libraries.

# The library is port-independent, like the core (TESSERA_EXEC_CORE hides
# the port's stack constants), so one build serves every port of an arch.
TESTSUPPORT_SRCS := $(wildcard guest/testsupport/*.c)
TESTSUPPORT_INCLUDES := -Iguest/testsupport/include

TESTSUPPORT_TARGET_OBJS := $(patsubst guest/testsupport/%.c,$(GUEST_TARGET_DIR)/testsupport/%.o,\
	$(TESTSUPPORT_SRCS))
TESTSUPPORT_TARGET_LIB := $(GUEST_TARGET_DIR)/libtestsupport.a
TESTSUPPORT_HOST_OBJS := $(patsubst guest/testsupport/%.c,$(GUEST_HOST_DIR)/testsupport/%.o,\
	$(TESTSUPPORT_SRCS))
TESTSUPPORT_HOST_LIB := $(GUEST_HOST_DIR)/libtestsupport.a

$(GUEST_TARGET_DIR)/testsupport/%.o: guest/testsupport/%.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) -DTESSERA_EXEC_CORE $(TESTSUPPORT_INCLUDES) -MMD -MP -c $< -o $@

$(TESTSUPPORT_TARGET_LIB): $(TESTSUPPORT_TARGET_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(GUEST_HOST_DIR)/testsupport/%.o: guest/testsupport/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_CFLAGS) -DTESSERA_EXEC_CORE $(TESTSUPPORT_INCLUDES) -MMD -MP -c $< -o $@

$(TESTSUPPORT_HOST_LIB): $(TESTSUPPORT_HOST_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

-include $(TESTSUPPORT_TARGET_OBJS:.o=.d) $(TESTSUPPORT_HOST_OBJS:.o=.d)

ALL_TARGETS += $(TESTSUPPORT_TARGET_LIB) $(TESTSUPPORT_HOST_LIB)

.PHONY: testsupport
testsupport: $(TESTSUPPORT_TARGET_LIB) $(TESTSUPPORT_HOST_LIB)
