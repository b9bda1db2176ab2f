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
GUEST_PV_LINK_LIBS = $(GUEST_TARGET_LIBC_OBJS) $(POSIX_LIB) $(GUEST_PV_LIB) $(GUEST_TARGET_LIB) \
	$(PV_GUEST_LIB) $(NEWLIB_LIBS) $(GUEST_LIBGCC)

# ---- The traced executive library (docs/tracing.md, "Directive calls") ----
# libexec.a itself is never rebuilt for the trace: libexec-trace.a is a copy
# of it whose directives are renamed tessera_untraced_* (objcopy), plus
# generated wrappers under the directives' own names that record
# DIRECTIVE_ENTRY / DIRECTIVE_EXIT around a call of the renamed body. Calls
# inside the executive name the renamed bodies and stay unrecorded; the
# application's (and the other libraries') calls reach the wrappers.
GUEST_TRACE_DIR := $(B)/$(ARCH)/guest/trace
GUEST_TRACE_LIB := $(GUEST_TRACE_DIR)/libexec-trace.a
GUEST_TRACE_IDS := guest/port/pv/include/tessera/trace_directives.h
GUEST_TRACE_GEN := guest/port/pv/gen_traced_directives.py
TARGET_NM := $(patsubst %objcopy,%nm,$(TARGET_OBJCOPY))

# <rtems.h> as the compiler sees it: the generator reads the prototypes there.
$(GUEST_TRACE_DIR)/rtems.i: guest/include/rtems.h | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(GUEST_PV_INCLUDES) -E -P -MMD -MP -MT $@ $< -o $@

# One wrapper a file (wrappers/rtems_*.c), compiled here in one go: their
# names come from the list, which make does not read.
$(GUEST_TRACE_DIR)/traced_directives.syms: $(GUEST_TRACE_DIR)/rtems.i $(GUEST_TRACE_IDS) \
		$(GUEST_TRACE_GEN) guest/port/pv/include/tessera/trace.h
	$(Q)$(PYTHON) $(GUEST_TRACE_GEN) --ids $(GUEST_TRACE_IDS) --decls $< \
	    --outdir $(GUEST_TRACE_DIR)/wrappers --syms $@.tmp
	$(Q)rm -f $(GUEST_TRACE_DIR)/wrappers/*.o && for c in $(GUEST_TRACE_DIR)/wrappers/*.c; do \
	    $(TARGET_CC) $(GUEST_CFLAGS) $(GUEST_PV_INCLUDES) -c $$c -o $${c%.c}.o || exit 1; done
	$(Q)mv $@.tmp $@

$(GUEST_TRACE_LIB): $(GUEST_TARGET_LIB) $(GUEST_TRACE_DIR)/traced_directives.syms
	$(Q)rm -f $@ && $(TARGET_OBJCOPY) --redefine-syms=$(GUEST_TRACE_DIR)/traced_directives.syms \
	    $(GUEST_TARGET_LIB) $@ && ar rs $@ $(GUEST_TRACE_DIR)/wrappers/*.o

GUEST_PV_TRACE_LINK_LIBS = $(subst $(GUEST_TARGET_LIB),$(GUEST_TRACE_LIB),$(GUEST_PV_LINK_LIBS))
# $(call pv_pick_libs,OBJECTS): shell text that sets $$libs to the link
# libraries, the traced executive when the application's objects name the
# trace extension (CONFIGURE_TESSERA_TRACE, <rtems/confdefs.h>).
pv_pick_libs = libs='$(GUEST_PV_LINK_LIBS)'; \
	if $(TARGET_NM) -u $(1) | grep -qw tessera_trace_thread_create; then \
	    libs='$(GUEST_PV_TRACE_LINK_LIBS)'; fi

# $(call pv_app,NAME,SOURCES): an RTEMS application as a partition image,
# $(PV_APP_DIR)/NAME.elf.
define pv_app
$(PV_APP_DIR)/$(1).elf: $(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) $(PV_GUEST_START) \
		$$(GUEST_PV_LINK_LIBS) $$(GUEST_TRACE_LIB) $(PV_PARTITION_LDS)
	$$(Q)$$(call pv_pick_libs,$(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2))); \
	$$(TARGET_LD) $$(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $$@ $(PV_GUEST_START) \
		$(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) \
		--start-group $$$$libs --end-group
PV_APPS += $(PV_APP_DIR)/$(1).elf
endef

-include $(GUEST_PV_OBJS:.o=.d) $(wildcard $(GUEST_TRACE_DIR)/*.d) \
	$(shell find $(PV_APP_DIR)/obj -name '*.d' 2>/dev/null)
ALL_TARGETS += $(GUEST_PV_LIB) $(GUEST_TRACE_LIB)

# Every scenario program also runs as a partition (tests/system/test_rtems_scenarios.py).
$(foreach s,$(GUEST_SCENARIOS),$(eval $(call pv_app,$(s),$(wildcard apps/tests/$(s)/*.c))))
