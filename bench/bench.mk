# SPDX-License-Identifier: BSD-2-Clause
# Benchmarks (`make bench [ARCH=sparc]`, not part of `make test`): bare pv
# partitions, RTEMS programs built for both the pv and (x86, riscv) the
# native port, the systems that host them, and bench/run.py, which boots
# each under QEMU -icount and prints the table (docs/performance.md).
# Included by the top Makefile after tests/unit/unit.mk:
#     include bench/bench.mk

BENCH_OUT := $(B)/bench
BENCH_LIB_SRCS := bench/lib/samples.c
BENCH_LIB_OBJS := $(patsubst %.c,$(PART_IMAGE_DIR)/obj/%.o,$(BENCH_LIB_SRCS))

# $(call bench_partition,NAME,SOURCE.c): a bare partition like
# bare_partition, plus the sample reporting library.
define bench_partition
$(PART_IMAGE_DIR)/$(1).elf: $(PART_IMAGE_DIR)/obj/$(2:.c=.o) $(BENCH_LIB_OBJS) $(TP_LIB_OBJS) \
		$(PV_START) $(PV_LIB) $(PV_PARTITION_LDS)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $$(PV_PARTITION_LDS) -o $$@ $$(PV_START) $$< \
		$(BENCH_LIB_OBJS) $$(TP_LIB_OBJS) $$(PV_LIB) $$(TARGET_LIBGCC)
BENCH_PART_IMAGES += $(PART_IMAGE_DIR)/$(1).elf
endef

BENCH_PARTS := micro spin switch virq flood scale
$(foreach p,$(BENCH_PARTS),$(eval $(call bench_partition,bench-$(p),bench/$(p).c)))
# The hostile-neighbour benchmark runs the guard test's partitions.
$(foreach p,hostile victim,$(eval $(call bench_partition,bench-$(p),tests/system/parts/$(p).c)))

# RTEMS programs: the same sources with the pv port (a partition image) and
# the native port (a bootable image); bench_port.h's two sides differ.
# The pv images are linked like pv_app's (guest/port/pv/pv_port.mk), but
# into $(PART_IMAGE_DIR) with the bare bench partitions rather than into
# $(PV_APP_DIR), whose images the tests scan as RTEMS applications
# (tests/system/test_no_privileged.py): the benchmarks use the kernel's
# benchmark clock trap on SPARC (bench/lib/tsc.h), which is no application's
# business.
BENCH_RTEMS := tm tmtick
BENCH_RTEMS_SRCS = bench/rtems/$(1).c bench/lib/samples.c
define bench_pv_app
$(PART_IMAGE_DIR)/$(1).elf: $(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) $(PV_GUEST_START) \
		$$(GUEST_PV_LINK_LIBS) $(PV_PARTITION_LDS)
	@mkdir -p $$(@D)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $$@ $(PV_GUEST_START) \
		$(patsubst %.c,$(PV_APP_DIR)/obj/%.o,$(2)) \
		--start-group $$(GUEST_PV_LINK_LIBS) --end-group
endef
$(foreach p,$(BENCH_RTEMS),$(eval $(call bench_pv_app,bench-$(p),\
	$(call BENCH_RTEMS_SRCS,$(p)) bench/rtems/port_pv.c)))
# The native ports are x86 and riscv (guest/port/native.mk, NATIVE_ARCHES;
# bench_port.h's native side: port_native.c and the arch's
# native/ARCH/extras.c): on SPARC the RTEMS programs run on the pv port
# alone.
# native_app also lists its image in NATIVE_IMAGES, which `make test`
# builds; the benchmarks are not part of the tests, so the list is put back.
ifneq ($(filter $(ARCH),$(NATIVE_ARCHES)),)
BENCH_PORT_NATIVE := bench/rtems/port_native.c bench/rtems/native/$(ARCH)/extras.c
BENCH_NATIVE_IMAGES_BEFORE := $(NATIVE_IMAGES)
$(foreach p,$(BENCH_RTEMS),$(call native_app,bench-$(p),\
	$(call BENCH_RTEMS_SRCS,$(p)) $(BENCH_PORT_NATIVE)))
NATIVE_IMAGES := $(BENCH_NATIVE_IMAGES_BEFORE)
BENCH_NATIVE := $(foreach p,$(BENCH_RTEMS),$(NATIVE_DIR)/bench-$(p).elf)
endif
# The directive trace's price (bench/rtems/tmtrace.c, pv port only): the
# same source with CONFIGURE_TESSERA_TRACE and the traced executive library
# (guest/port/pv/pv_port.mk), and with neither.
$(eval $(call bench_pv_app,bench-tmtrace-off,bench/rtems/tmtrace.c bench/lib/samples.c))
$(PV_APP_DIR)/obj-trace/bench/rtems/tmtrace.o: bench/rtems/tmtrace.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(PV_APP_INCLUDES) -DCONFIGURE_TESSERA_TRACE -MMD -MP \
	    -c $< -o $@
-include $(PV_APP_DIR)/obj-trace/bench/rtems/tmtrace.d
$(PART_IMAGE_DIR)/bench-tmtrace.elf: $(PV_APP_DIR)/obj-trace/bench/rtems/tmtrace.o \
		$(PV_APP_DIR)/obj/bench/lib/samples.o $(PV_GUEST_START) $(GUEST_PV_LINK_LIBS) \
		$(GUEST_TRACE_LIB) $(PV_PARTITION_LDS)
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $@ $(PV_GUEST_START) \
		$(filter %.o,$(wordlist 1,2,$^)) --start-group $(GUEST_PV_TRACE_LINK_LIBS) --end-group
BENCH_TMTRACE_IMAGES := $(PART_IMAGE_DIR)/bench-tmtrace.elf $(PART_IMAGE_DIR)/bench-tmtrace-off.elf
# The pv side of bench_port.h reads the control page.
$(PV_APP_DIR)/obj/bench/rtems/port_pv.o: GUEST_CFLAGS += $(PV_INCLUDES)

BENCH_SYSTEMS := micro micro-trace switch virq-alone virq-flood tm tmtick tmtrace tmtrace-off
$(foreach s,$(BENCH_SYSTEMS),$(eval $(call tessera_system,bench-$(s),bench/systems/$(s).xml,\
	$(BENCH_PART_IMAGES) $(foreach p,$(BENCH_RTEMS),$(PART_IMAGE_DIR)/bench-$(p).elf) \
	$(BENCH_TMTRACE_IMAGES))))
# The hostile-neighbour systems (bench/gen_hostile.py, HOSTILE_SETS of
# tests/tests.mk): the victim's window starts after each hostile kind, the
# largest configuration; each also without the guard band (-noguard): what
# each kind's longest kernel path does to the next window start, i.e. what
# the guard time must cover.
$(B)/gen/bench-hostile-%-noguard.xml: bench/gen_hostile.py
	@mkdir -p $(@D)
	$(Q)$(PYTHON) $< $* --noguard --prefix bench- > $@.tmp && mv $@.tmp $@
$(B)/gen/bench-hostile-%.xml: bench/gen_hostile.py
	@mkdir -p $(@D)
	$(Q)$(PYTHON) $< $* --prefix bench- > $@.tmp && mv $@.tmp $@
BENCH_HOSTILE := $(foreach s,$(HOSTILE_SETS),hostile-$(s) hostile-$(s)-noguard)
.SECONDARY: $(foreach s,$(BENCH_HOSTILE),$(B)/gen/bench-$(s).xml)
$(foreach s,$(BENCH_HOSTILE),$(eval $(call tessera_system,bench-$(s),$(B)/gen/bench-$(s).xml,\
	$(BENCH_PART_IMAGES))))
# The scale systems (#20, bench/gen_scaling.py): PARTITIONS-WINDOWS, the
# SYSTEMS listed there.
BENCH_SCALE := 2-4 16-16 64-64 2-4096 64-4096
$(B)/gen/bench-scale-%.xml: bench/gen_scaling.py
	@mkdir -p $(@D)
	$(Q)$(PYTHON) $< $(subst -, ,$*) > $@.tmp && mv $@.tmp $@
.SECONDARY: $(foreach s,$(BENCH_SCALE),$(B)/gen/bench-scale-$(s).xml)
$(foreach s,$(BENCH_SCALE),$(eval $(call tessera_system,bench-scale-$(s),$(B)/gen/bench-scale-$(s).xml,\
	$(BENCH_PART_IMAGES))))
BENCH_IMAGES := $(foreach s,$(BENCH_SYSTEMS) $(BENCH_HOSTILE),$(SYSTEMS_DIR)/bench-$(s)/system.elf) \
	$(foreach s,$(BENCH_SCALE),$(SYSTEMS_DIR)/bench-scale-$(s)/system.elf) $(BENCH_NATIVE)
# Multicore (#20, x86): the frame-start timer of CPUs 1-3 against the grid,
# in the test system smp4 (three schedule probes on CPU 0), on -smp 4.
ifeq ($(ARCH),x86)
$(eval $(call tessera_system,bench-smp4,tests/system/systems/smp4.xml,$(PART_IMAGE_DIR)/probe.elf))
BENCH_IMAGES += $(SYSTEMS_DIR)/bench-smp4/system.elf
# The frame-start skew between CPU 0 and CPU 1 (bench/skew.c, -smp 2).
$(eval $(call bench_partition,bench-skew,bench/skew.c))
$(eval $(call tessera_system,bench-skew,bench/systems/skew.xml,$(PART_IMAGE_DIR)/bench-skew.elf))
BENCH_IMAGES += $(SYSTEMS_DIR)/bench-skew/system.elf
# The handover of a moving partition, and the same window start without
# one (bench/handover.c, -smp 2).
$(eval $(call bench_partition,bench-handover,bench/handover.c))
$(foreach s,handover handover-fixed,$(eval $(call tessera_system,bench-$(s),\
	bench/systems/$(s).xml,$(PART_IMAGE_DIR)/bench-handover.elf)))
BENCH_IMAGES += $(foreach s,handover handover-fixed,$(SYSTEMS_DIR)/bench-$(s)/system.elf)
endif

# The sub-make reads the same makefiles as this one (the top Makefile, or a
# wrapper that includes this file).
# bench/charts.py draws the SVGs next to the JSON with Debian's
# python3-matplotlib (tools/install-deps.sh --bench), so with Debian's
# python3, whatever python3 comes first on the PATH.
CHART_PYTHON ?= /usr/bin/python3
BENCH_JSON = $(BENCH_OUT)/results$(if $(filter-out x86,$(ARCH)),-$(ARCH)).json
bench: deps bench-deps
	$(Q)$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) $(BENCH_IMAGES)
	$(Q)$(PYTHON) bench/run.py --arch $(ARCH) --build $(B) --out $(BENCH_JSON)
	$(Q)$(CHART_PYTHON) bench/charts.py $(BENCH_JSON) --out $(BENCH_OUT)
