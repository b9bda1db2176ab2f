# SPDX-License-Identifier: BSD-2-Clause
# Test partitions, test systems and the system test programs.

TEST_PARTS := probe spinner faulter hcalls virq sysp echo fpu shm restarter ports portflood plans modes longtimer \
	hm hostile victim conflood winlat portcost resetcost nullhc scale tracer
# portcost and resetcost time the kernel with the benchmarks' clock.
$(PART_IMAGE_DIR)/obj/tests/system/parts/portcost.o: TP_CFLAGS += -Ibench
$(PART_IMAGE_DIR)/obj/tests/system/parts/resetcost.o: TP_CFLAGS += -Ibench
$(foreach p,$(TEST_PARTS),$(eval $(call bare_partition,$(p),tests/system/parts/$(p).c)))
TEST_PART_IMAGES := $(patsubst %,$(PART_IMAGE_DIR)/%.elf,$(TEST_PARTS))
# RISC-V so far builds only the partitions of its systems (below): the
# others hold x86 or SPARC assembly without a RISC-V branch yet.
ifeq ($(ARCH),riscv)
TEST_PART_IMAGES := $(patsubst %,$(PART_IMAGE_DIR)/%.elf,probe spinner hcalls sysp faulter virq fpu longtimer \
	echo shm restarter ports portflood plans modes hm conflood winlat nullhc hostile victim scale \
	portcost resetcost)
# The event trace's partitions (tests/system/test_trace.py).
TEST_PART_IMAGES += $(PART_IMAGE_DIR)/tracer.elf
# Bare partitions are built without F/D (mk/arch-riscv.mk); the FPU test's uses
# them, in the same lp64 calling convention.
$(PART_IMAGE_DIR)/obj/tests/system/parts/fpu.o: TP_CFLAGS += -march=rv64imafdc_zicsr
# The fuzzer's victim keeps an FPU accumulator live across switches.
$(PART_IMAGE_DIR)/obj/tests/system/parts/fuzzvictim.o: TP_CFLAGS += -march=rv64imafdc_zicsr
endif

TEST_SYSTEMS := sched spin faults-a faults-b hcalls virq sysp echo fpu-shared fpu-alone shm restart ports ports-flood plans modes \
	hm-errors hm-errors-quiet hm-actions hm-actions-quiet hm-module-halt hm-module-reset hm-flood \
	conlat-quiet conlat-cr conlat-lines conlat-edge conflood nullhc trace trace-off trace-noguest long-timer
$(foreach s,$(TEST_SYSTEMS),$(eval $(call tessera_system,$(s),tests/system/systems/$(s).xml,$(TEST_PART_IMAGES))))
TEST_TARGETS += $(foreach s,$(TEST_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_hypercalls.py tests/system/test_schedule.py \
	tests/system/test_faults.py tests/system/test_virq.py tests/system/test_partitions.py tests/system/test_console.py tests/system/test_fpu.py tests/system/test_shared.py tests/system/test_restart.py tests/system/test_ports.py tests/system/test_plans.py tests/system/test_modes.py tests/system/test_hm.py \
	tests/system/test_guard.py tests/system/test_null_hypercall.py \
	tests/system/test_console_isolation.py tests/system/test_trace.py tests/system/test_long_timer.py
HOST_TEST_PROGRAMS += tests/lint.py tests/lint_dialect.py

# The console against a serial line the host does not drain; not on SPARC,
# whose APBUART under QEMU never reports a busy transmitter.
ifneq ($(ARCH),sparc)
$(eval $(call bare_partition,conpress,tests/system/parts/conpress.c))
$(eval $(call tessera_system,conpress,tests/system/systems/conpress.xml,$(PART_IMAGE_DIR)/conpress.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/conpress/system.elf
TEST_PROGRAMS += tests/system/test_console_backpressure.py
endif

# The guard band against every hostile kind of tests/system/parts/hostile.c,
# in the largest configuration: the systems of the hostile-neighbour
# benchmark (bench/gen_hostile.py), with the test images.
# HOSTILE_SETS: the keys of SYSTEMS there (bench/bench.mk uses them too).
HOSTILE_SETS := a b c
$(B)/gen/guard-%.xml: bench/gen_hostile.py
	@mkdir -p $(@D)
	$(Q)$(PYTHON) $< $* > $@.tmp && mv $@.tmp $@
$(foreach s,$(HOSTILE_SETS),$(eval $(call tessera_system,guard-$(s),$(B)/gen/guard-$(s).xml,$(TEST_PART_IMAGES))))
TEST_TARGETS += $(foreach s,$(HOSTILE_SETS),$(SYSTEMS_DIR)/guard-$(s)/system.elf)
# Kept (not intermediate), so that a change of the generator rebuilds them.
.SECONDARY: $(foreach s,$(HOSTILE_SETS),$(B)/gen/guard-$(s).xml)

# The hypercall argument cases of pv/include/pv/hcall_args.h
# (tests/common/hcall_cases.c, shared with the host unit test) through the
# real trap.
ARGCHECK_OBJS := $(PART_IMAGE_DIR)/obj/tests/system/parts/argcheck.o \
	$(PART_IMAGE_DIR)/obj/tests/common/hcall_cases.o
$(ARGCHECK_OBJS): TP_CFLAGS += -Itests/common
$(ARGCHECK_OBJS): tests/common/hcall_cases.h pv/include/pv/hcall_args.h
$(PART_IMAGE_DIR)/argcheck.elf: $(ARGCHECK_OBJS) $(TP_LIB_OBJS) $(PV_START) $(PV_LIB) \
		$(PV_PARTITION_LDS)
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $@ $(PV_START) $(ARGCHECK_OBJS) \
		$(TP_LIB_OBJS) $(PV_LIB) $(TARGET_LIBGCC)
$(eval $(call tessera_system,hcall-args,tests/system/systems/hcall-args.xml,\
	$(PART_IMAGE_DIR)/argcheck.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/hcall-args/system.elf
TEST_PROGRAMS += tests/system/test_hcall_args.py
# Memory rights: read, write and execute of r, rw, rx and rwx areas.
$(eval $(call bare_partition,rights,tests/system/parts/rights.c))
$(eval $(call tessera_system,rights,tests/system/systems/rights.xml,\
	$(PART_IMAGE_DIR)/rights.elf $(PART_IMAGE_DIR)/probe.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/rights/system.elf
TEST_PROGRAMS += tests/system/test_rights.py

# The port hypercalls' costs in a small system and in the largest port
# configuration; both XML files are generated.
PORT_COST_SYSTEMS := ports-min ports-max
$(B)/gen/ports-%.xml: tests/system/gen_ports_max.py
	@mkdir -p $(@D)
	$(Q)python3 $< $* > $@.tmp && mv $@.tmp $@
$(foreach s,$(PORT_COST_SYSTEMS),$(eval $(call tessera_system,$(s),$(B)/gen/$(s).xml,$(TEST_PART_IMAGES))))
TEST_TARGETS += $(foreach s,$(PORT_COST_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_port_costs.py

# The largest system (#20): 64 partitions, 1,024 channels, 4,096 ports and
# a plan of 4,096 windows; the XML is generated.
$(B)/gen/scale.xml: tests/system/gen_scale.py
	@mkdir -p $(@D)
	$(Q)python3 $< > $@.tmp && mv $@.tmp $@
$(eval $(call tessera_system,scale,$(B)/gen/scale.xml,$(PART_IMAGE_DIR)/scale.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/scale/system.elf
TEST_PROGRAMS += tests/system/test_scale.py

# A module reset's kernel entry with 3 partitions and 4 channels, and with
# 16 partitions and 64 channels; both XML files are generated.
RESET_COST_SYSTEMS := reset-min reset-max
$(B)/gen/reset-%.xml: tests/system/gen_reset_cost.py
	@mkdir -p $(@D)
	$(Q)python3 $< $* > $@.tmp && mv $@.tmp $@
$(foreach s,$(RESET_COST_SYSTEMS),$(eval $(call tessera_system,$(s),$(B)/gen/$(s).xml,$(TEST_PART_IMAGES))))
TEST_TARGETS += $(foreach s,$(RESET_COST_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_module_reset_cost.py

# RTEMS applications (the executive on the pv port) as partitions: the
# rules exist for every arch, the tests run where the executive has its CPU
# port (ARCH_HAS_EXECUTIVE, mk/arch-$(ARCH).mk).
ifeq ($(ARCH_HAS_EXECUTIVE),yes)
RTEMS_TESTS := yes
endif
RTEMS_TEST_SYSTEMS := rtems-scenarios
$(eval $(call tessera_system,rtems-scenarios,tests/system/systems/rtems-scenarios.xml,\
	$(foreach s,hello01 task01 sem01 event01 msgq01 timer01 sched01 slice01,$(PV_APP_DIR)/$(s).elf)))
RTEMS_TEST_PROGRAMS := tests/system/test_rtems_scenarios.py tests/system/test_no_privileged.py
$(eval $(call pv_app,rtems-crash,tests/system/rtems/crash/init.c))
# The pv port's start built for the next ABI version, linked ahead of the
# port library (whose system.o it replaces) under hello01: its version check
# must stop it (tests/system/test_abi_version.py).
ABI_WRONG_OBJ := $(GUEST_PV_DIR)/abi-wrong/system.o
$(ABI_WRONG_OBJ): guest/port/pv/system.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) $(GUEST_PV_INCLUDES) -DCPU_STACK_GUARD \
		'-DPV_PORT_ABI_VERSION=(PV_ABI_VERSION + 1u)' -MMD -MP -c $< -o $@
-include $(ABI_WRONG_OBJ:.o=.d)
$(PV_APP_DIR)/rtems-abi-wrong.elf: $(PV_APP_DIR)/obj/apps/tests/hello01/init.o $(ABI_WRONG_OBJ) \
		$(PV_GUEST_START) $(GUEST_PV_LINK_LIBS) $(PV_PARTITION_LDS)
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $@ $(PV_GUEST_START) \
		$(PV_APP_DIR)/obj/apps/tests/hello01/init.o $(ABI_WRONG_OBJ) \
		--start-group $(GUEST_PV_LINK_LIBS) --end-group
RTEMS_TEST_SYSTEMS += rtems-abi
$(eval $(call tessera_system,rtems-abi,tests/system/systems/rtems-abi.xml,\
	$(PV_APP_DIR)/hello01.elf $(PV_APP_DIR)/rtems-abi-wrong.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_abi_version.py
# The executive's own trace events (CONFIGURE_TESSERA_TRACE), read by
# tests/system/test_trace.py.
$(eval $(call pv_app,rtems-tracetasks,tests/system/rtems/tracetasks/init.c))
RTEMS_TEST_SYSTEMS += trace-rtems
$(eval $(call tessera_system,trace-rtems,tests/system/systems/trace-rtems.xml,\
	$(PV_APP_DIR)/rtems-tracetasks.elf $(PV_APP_DIR)/hello01.elf))
RTEMS_TEST_SYSTEMS += trio trio-fault
$(eval $(call tessera_system,trio,tests/system/systems/trio.xml,\
	$(foreach a,nav fuel cabin,$(PV_APP_DIR)/demo-$(a).elf)))
$(eval $(call tessera_system,trio-fault,tests/system/systems/trio-fault.xml,\
	$(foreach a,nav fuel,$(PV_APP_DIR)/demo-$(a).elf) $(PV_APP_DIR)/rtems-crash.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_rtems_isolation.py
RTEMS_TEST_SYSTEMS += rtems-scenarios-b
$(eval $(call tessera_system,rtems-scenarios-b,tests/system/systems/rtems-scenarios-b.xml,\
	$(foreach s,rtmon01 part01 region01 barrier01 signal01 dpmem01 object01 ext01 fp01 io01,$(PV_APP_DIR)/$(s).elf)))
RTEMS_TEST_SYSTEMS += rtems-scenarios-c
$(eval $(call tessera_system,rtems-scenarios-c,tests/system/systems/rtems-scenarios-c.xml,\
	$(foreach s,compat01 stdio01,$(PV_APP_DIR)/$(s).elf)))
RTEMS_TEST_SYSTEMS += rtems-scenarios-d
$(eval $(call tessera_system,rtems-scenarios-d,tests/system/systems/rtems-scenarios-d.xml,\
	$(PV_APP_DIR)/compat02.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-e
$(eval $(call tessera_system,rtems-scenarios-e,tests/system/systems/rtems-scenarios-e.xml,\
	$(PV_APP_DIR)/order01.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-f
$(eval $(call tessera_system,rtems-scenarios-f,tests/system/systems/rtems-scenarios-f.xml,\
	$(PV_APP_DIR)/psx01.elf $(PV_APP_DIR)/psx02.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-g
$(eval $(call tessera_system,rtems-scenarios-g,tests/system/systems/rtems-scenarios-g.xml,\
	$(PV_APP_DIR)/compat03.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-h
$(eval $(call tessera_system,rtems-scenarios-h,tests/system/systems/rtems-scenarios-h.xml,\
	$(PV_APP_DIR)/psx03.elf $(PV_APP_DIR)/psx04.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-i
$(eval $(call tessera_system,rtems-scenarios-i,tests/system/systems/rtems-scenarios-i.xml,\
	$(PV_APP_DIR)/psx05.elf $(PV_APP_DIR)/psx06.elf))
RTEMS_TEST_SYSTEMS += rtems-scenarios-j
$(eval $(call tessera_system,rtems-scenarios-j,tests/system/systems/rtems-scenarios-j.xml,\
	$(PV_APP_DIR)/psx07.elf))
# The ARINC 653 APEX port services between two RTEMS partitions.
$(eval $(call pv_apex_app,apex-sender,tests/system/rtems/apex/sender.c))
$(eval $(call pv_apex_app,apex-receiver,tests/system/rtems/apex/receiver.c))
RTEMS_TEST_SYSTEMS += apex
$(eval $(call tessera_system,apex,tests/system/systems/apex.xml,\
	$(PV_APP_DIR)/apex-sender.elf $(PV_APP_DIR)/apex-receiver.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_apex.py tests/system/test_demo.py
# The ARINC 653 queuing discipline of tasks waiting on APEX queuing ports.
$(eval $(call pv_apex_app,apex-qsend,tests/system/rtems/apexq/sender.c))
$(eval $(call pv_apex_app,apex-qrecv,tests/system/rtems/apexq/receiver.c))
RTEMS_TEST_SYSTEMS += apex-queue
$(eval $(call tessera_system,apex-queue,tests/system/systems/apex-queue.xml,\
	$(PV_APP_DIR)/apex-qsend.elf $(PV_APP_DIR)/apex-qrecv.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_apex_queue.py
RTEMS_TEST_SYSTEMS += demo

# x86 only: breaches QEMU made possible (virtual-8086 mode from ring 3, MMX
# and SSE forms that run under CR0.TS).
ifeq ($(ARCH),x86)
$(eval $(call bare_partition,v86,tests/system/parts/v86.c))
$(eval $(call bare_partition,fpuwatch,tests/system/parts/fpuwatch.c))
$(eval $(call bare_partition,fpuscan,tests/system/parts/fpuscan.c))
$(eval $(call tessera_system,x86-v86,tests/system/systems/x86-v86.xml,\
	$(PART_IMAGE_DIR)/probe.elf $(PART_IMAGE_DIR)/v86.elf))
$(eval $(call tessera_system,x86-fpuscan,tests/system/systems/x86-fpuscan.xml,\
	$(PART_IMAGE_DIR)/fpuwatch.elf $(PART_IMAGE_DIR)/fpuscan.elf))
$(eval $(call bare_partition,v86timer,tests/system/parts/v86timer.c))
$(eval $(call tessera_system,x86-v86-timer,tests/system/systems/x86-v86-timer.xml,\
	$(PART_IMAGE_DIR)/probe.elf $(PART_IMAGE_DIR)/v86timer.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/x86-v86/system.elf $(SYSTEMS_DIR)/x86-fpuscan/system.elf \
	$(SYSTEMS_DIR)/x86-v86-timer/system.elf
TEST_PROGRAMS += tests/system/test_x86_breaches.py
# Every partition's page tables read through QEMU's monitor.
$(eval $(call bare_partition,ptspin,tests/system/parts/ptspin.c))
$(eval $(call tessera_system,pt-audit,tests/system/systems/pt-audit.xml,$(PART_IMAGE_DIR)/ptspin.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/pt-audit/system.elf
TEST_PROGRAMS += tests/system/test_x86_page_tables.py
# Multicore (issue 20): the other CPUs started, the schedule on CPU 0 as on one.
$(foreach s,smp2 smp4,$(eval $(call tessera_system,$(s),tests/system/systems/$(s).xml,\
	$(PART_IMAGE_DIR)/probe.elf)))
TEST_TARGETS += $(foreach s,smp2 smp4,$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_smp_boot.py
# Each CPU runs its own window table: partitions on CPU 1 (test_smp.py).
$(eval $(call bare_partition,cpuprobe,tests/system/parts/cpuprobe.c))
SMP_RUN_SYSTEMS := smp-run smp-moving
$(eval $(call tessera_system,smp-run,tests/system/systems/smp-run.xml,$(PART_IMAGE_DIR)/cpuprobe.elf))
# A partition whose windows alternate between CPU 0 and CPU 1 (step 3).
$(eval $(call bare_partition,moveprobe,tests/system/parts/moveprobe.c))
$(eval $(call tessera_system,smp-moving,tests/system/systems/smp-moving.xml,\
	$(PART_IMAGE_DIR)/moveprobe.elf))
# Moving partitions read the kernel after a handover to either CPU.
$(eval $(call bare_partition,movebreach,tests/system/parts/movebreach.c))
SMP_RUN_SYSTEMS += smp-moving-breach
$(eval $(call tessera_system,smp-moving-breach,tests/system/systems/smp-moving-breach.xml,\
	$(PART_IMAGE_DIR)/moveprobe.elf $(PART_IMAGE_DIR)/movebreach.elf))
# RTEMS partitions moving between CPUs keep their clock and tasks.
SMP_RUN_SYSTEMS += smp-rtems-moving
$(eval $(call tessera_system,smp-rtems-moving,tests/system/systems/smp-rtems-moving.xml,\
	$(PV_APP_DIR)/timer01.elf $(PV_APP_DIR)/task01.elf))
TEST_TARGETS += $(foreach s,$(SMP_RUN_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_smp.py
# A moving partition beside each hostile kind on the other CPU (test_smp_hostile.py).
SMP_HOSTILE_KINDS := 0 1 3 12 21
$(B)/gen/smp-hostile-%.xml: tests/system/gen_smp_hostile.py bench/gen_hostile.py
	@mkdir -p $(@D)
	$(Q)$(PYTHON) $< $* > $@.tmp && mv $@.tmp $@
$(foreach k,$(SMP_HOSTILE_KINDS),$(eval $(call tessera_system,smp-hostile-$(k),\
	$(B)/gen/smp-hostile-$(k).xml,$(PART_IMAGE_DIR)/victim.elf $(PART_IMAGE_DIR)/hostile.elf)))
TEST_TARGETS += $(foreach k,$(SMP_HOSTILE_KINDS),$(SYSTEMS_DIR)/smp-hostile-$(k)/system.elf)
.SECONDARY: $(foreach k,$(SMP_HOSTILE_KINDS),$(B)/gen/smp-hostile-$(k).xml)
TEST_PROGRAMS += tests/system/test_smp_hostile.py
# A plan switch taken by every CPU at the same frame start (test_smp_plans.py).
$(eval $(call bare_partition,planprobe,tests/system/parts/planprobe.c))
SMP_PLAN_SYSTEMS := smp-plans smp-plans4
$(foreach s,$(SMP_PLAN_SYSTEMS),$(eval $(call tessera_system,$(s),tests/system/systems/$(s).xml,\
	$(PART_IMAGE_DIR)/planprobe.elf)))
TEST_TARGETS += $(foreach s,$(SMP_PLAN_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_smp_plans.py
# A system partition on CPU 0 halts and restarts partitions of CPU 1 (test_smp_control.py).
$(eval $(call bare_partition,ctlprobe,tests/system/parts/ctlprobe.c))
$(eval $(call tessera_system,smp-control,tests/system/systems/smp-control.xml,\
	$(PART_IMAGE_DIR)/ctlprobe.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/smp-control/system.elf
TEST_PROGRAMS += tests/system/test_smp_control.py
# A module reset asked on CPU 1, taken by both CPUs at one frame start, with and
# without partitions that move between CPUs (test_smp_reset.py).
$(eval $(call bare_partition,rstprobe,tests/system/parts/rstprobe.c))
$(eval $(call tessera_system,smp-reset,tests/system/systems/smp-reset.xml,\
	$(PART_IMAGE_DIR)/rstprobe.elf))
$(eval $(call tessera_system,smp-reset-moving,tests/system/systems/smp-reset-moving.xml,\
	$(PART_IMAGE_DIR)/rstprobe.elf))
$(eval $(call tessera_system,smp-reset-trace,tests/system/systems/smp-reset-trace.xml,\
	$(PART_IMAGE_DIR)/rstprobe.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/smp-reset/system.elf $(SYSTEMS_DIR)/smp-reset-moving/system.elf \
	$(SYSTEMS_DIR)/smp-reset-trace/system.elf
TEST_PROGRAMS += tests/system/test_smp_reset.py tests/system/test_smp_trace.py
# Health-monitor actions for partitions on CPU 1, and a module halt (test_smp_hm.py).
$(eval $(call tessera_system,smp-hm,tests/system/systems/smp-hm.xml,$(PART_IMAGE_DIR)/hm.elf))
$(eval $(call tessera_system,smp-hm-halt,tests/system/systems/smp-hm-halt.xml,\
	$(PART_IMAGE_DIR)/hm.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/smp-hm/system.elf $(SYSTEMS_DIR)/smp-hm-halt/system.elf
TEST_PROGRAMS += tests/system/test_smp_hm.py
# Console input for a partition on CPU 1, raised there at its window start (test_smp_console.py).
$(eval $(call bare_partition,conprobe,tests/system/parts/conprobe.c))
$(eval $(call tessera_system,smp-console,tests/system/systems/smp-console.xml,\
	$(PART_IMAGE_DIR)/conprobe.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/smp-console/system.elf
TEST_PROGRAMS += tests/system/test_smp_console.py
# Ports between partitions of two CPUs (test_smp_ports.py); the same
# partitions with 10^6 messages for `make stress-smp` (xcpu-stress).
$(eval $(call bare_partition,xcpu,tests/system/parts/xcpu.c))
XCPU_SYSTEMS := xcpu xcpu-long xcpu-stress
$(foreach s,$(XCPU_SYSTEMS),$(eval $(call tessera_system,$(s),tests/system/systems/$(s).xml,\
	$(PART_IMAGE_DIR)/xcpu.elf)))
TEST_TARGETS += $(SYSTEMS_DIR)/xcpu/system.elf $(SYSTEMS_DIR)/xcpu-long/system.elf
TEST_PROGRAMS += tests/system/test_smp_ports.py
# The avionics pipeline on two CPUs (apps/demo-smp, `make run SYSTEM=...`).
TEST_TARGETS += $(SYSTEMS_DIR)/demo-smp/system.elf
TEST_PROGRAMS += tests/system/test_demo_smp.py
# The kernel entry fast paths: null hypercall, upcall return without a trap.
$(eval $(call bare_partition,fastpath,tests/system/parts/fastpath.c))
$(eval $(call tessera_system,x86-fastpath,tests/system/systems/x86-fastpath.xml,\
	$(PART_IMAGE_DIR)/fastpath.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/x86-fastpath/system.elf
TEST_PROGRAMS += tests/system/test_x86_fastpath.py
# A machine with less RAM than the system uses, refused at boot with exact figures.
TEST_PROGRAMS += tests/system/test_x86_boot_memory.py
endif

# SPARC only: register windows and SPARC traps from a partition.
ifeq ($(ARCH),sparc)
$(eval $(call bare_partition,sparc-traps,tests/system/parts/sparc_traps.c \
	tests/system/parts/sparc_traps_actions.c))
SPARC_TEST_IMAGES := $(PART_IMAGE_DIR)/sparc-traps.elf
SPARC_TEST_SYSTEMS := sparc-traps
$(eval $(call tessera_system,sparc-traps,tests/system/systems/sparc-traps.xml,\
	$(TEST_PART_IMAGES) $(SPARC_TEST_IMAGES)))
TEST_TARGETS += $(SYSTEMS_DIR)/sparc-traps/system.elf
SPARC_TEST_SYSTEMS += sparc-stacks sparc-traps-rwx
$(eval $(call tessera_system,sparc-stacks,tests/system/systems/sparc-stacks.xml,\
	$(SPARC_TEST_IMAGES)))
$(eval $(call tessera_system,sparc-traps-rwx,tests/system/systems/sparc-traps-rwx.xml,\
	$(TEST_PART_IMAGES) $(SPARC_TEST_IMAGES)))
TEST_TARGETS += $(SYSTEMS_DIR)/sparc-stacks/system.elf $(SYSTEMS_DIR)/sparc-traps-rwx/system.elf
TEST_PROGRAMS += tests/system/test_sparc_traps.py
# Every kernel entry in a hostile CPU state, beside the fuzzer's victim.
# Three sources: the checks (sparc_hostile.c), the hostile state set up and
# checked (sparc_hostile_state.c) and the assembly that enters the kernel in
# it (sparc_hostile_entry.c).
SPARC_HOSTILE_DIR := $(PART_IMAGE_DIR)/obj/sparc-hostile
$(SPARC_HOSTILE_DIR)/%.o: tests/system/parts/%.c tests/system/parts/sparc_hostile.h
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -Itests/system/parts -c $< -o $@
SPARC_HOSTILE_OBJS := $(SPARC_HOSTILE_DIR)/sparc_hostile.o $(SPARC_HOSTILE_DIR)/sparc_hostile_state.o \
	$(SPARC_HOSTILE_DIR)/sparc_hostile_entry.o
-include $(SPARC_HOSTILE_OBJS:.o=.d)
$(PART_IMAGE_DIR)/sparc-hostile.elf: $(SPARC_HOSTILE_OBJS) $(TP_LIB_OBJS) $(PV_START) $(PV_LIB) \
		$(PV_PARTITION_LDS)
	@mkdir -p $(@D)
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(PV_PARTITION_LDS) -o $@ $(PV_START) \
		$(SPARC_HOSTILE_OBJS) $(TP_LIB_OBJS) $(PV_LIB) $(TARGET_LIBGCC)
SPARC_HOSTILE_SYSTEMS := sparc-hostile sparc-hostile-ref sparc-hostile-stops
$(foreach s,$(SPARC_HOSTILE_SYSTEMS),$(eval $(call tessera_system,$(s),\
	tests/system/systems/$(s).xml,$(PART_IMAGE_DIR)/sparc-hostile.elf \
	$(PART_IMAGE_DIR)/fuzzvictim.elf $(PART_IMAGE_DIR)/probe.elf)))
TEST_TARGETS += $(foreach s,$(SPARC_HOSTILE_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += tests/system/test_sparc_hostile.py
endif
# x86 and SPARC: FPU registers kept across faults a partition handles itself
# (its health monitor's propagate), another FPU partition running in between.
ifneq ($(ARCH),riscv)
$(eval $(call bare_partition,fpu-fault,tests/system/parts/fpu_fault.c))
$(eval $(call tessera_system,fpu-fault,tests/system/systems/fpu-fault.xml,\
	$(PART_IMAGE_DIR)/fpu-fault.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/fpu-fault/system.elf
TEST_PROGRAMS += tests/system/test_fpu_fault.py
endif
# The APEX health-monitor services and the executive's health-monitor
# mapping: one RTEMS image in three partitions, plus hm.elf's log reader.
$(eval $(call pv_apex_app,apex-hm,tests/system/rtems/apexhm/init.c))
RTEMS_TEST_SYSTEMS += apex-hm
$(eval $(call tessera_system,apex-hm,tests/system/systems/apex-hm.xml,\
	$(PV_APP_DIR)/apex-hm.elf $(PART_IMAGE_DIR)/hm.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_apex_hm.py
# The APEX services by ARINC 653 Part 3 category: one image, one system per
# category (process, time, intra-partition, health monitor of processes).
$(eval $(call pv_apex_app,apex-svc,$(addprefix tests/system/rtems/apexsvc/,\
	main.c process.c time.c intra.c errors.c restart.c escalate.c)))
# The time role checks where releases fall in the major frame: it reads
# the frame's start and the wall clock from the control page (<pv/pv.h>).
$(PV_APP_DIR)/apexobj/tests/system/rtems/apexsvc/time.o: PV_APP_INCLUDES += $(PV_INCLUDES)
# The escalation role reads the control page's hm_ignored, mode and
# restarts (main.c: before any APEX service).
$(PV_APP_DIR)/apexobj/tests/system/rtems/apexsvc/escalate.o: PV_APP_INCLUDES += $(PV_INCLUDES)
$(PV_APP_DIR)/apexobj/tests/system/rtems/apexsvc/main.o: PV_APP_INCLUDES += $(PV_INCLUDES)
APEX_SVC_CATEGORIES := process time intra errors restart escalate
RTEMS_TEST_SYSTEMS += $(addprefix apex-,$(APEX_SVC_CATEGORIES))
$(foreach c,$(APEX_SVC_CATEGORIES),$(eval $(call tessera_system,apex-$(c),\
	tests/system/systems/apex-$(c).xml,$(PV_APP_DIR)/apex-svc.elf)))
RTEMS_TEST_PROGRAMS += $(foreach c,$(APEX_SVC_CATEGORIES),tests/system/test_apex_$(c).py)
# Debugging with gdb per partition: one image in two partitions
# (tools/gdb, docs/debugging.md).
$(eval $(call pv_direct_app,rtems-debug,tests/system/rtems/debug/init.c))
RTEMS_TEST_SYSTEMS += debug
$(eval $(call tessera_system,debug,tests/system/systems/debug.xml,$(PV_APP_DIR)/rtems-debug.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_debug.py
# Software interrupts raised in the partition (tessera/irq.h); the program
# reads the control page's kernel_entries.
$(eval $(call pv_app,rtems-softirq,tests/system/rtems/softirq/init.c))
$(PV_APP_DIR)/obj/tests/system/rtems/softirq/init.o: PV_APP_INCLUDES += $(PV_INCLUDES)
RTEMS_TEST_SYSTEMS += rtems-softirq
$(eval $(call tessera_system,rtems-softirq,tests/system/systems/rtems-softirq.xml,\
	$(PV_APP_DIR)/rtems-softirq.elf))
RTEMS_TEST_PROGRAMS += tests/system/test_rtems_softirq.py
# The APEX demo (apps/apps.mk builds it).
RTEMS_TEST_SYSTEMS += apex-demo
RTEMS_TEST_PROGRAMS += tests/system/test_apex_demo.py
# The SDK: make install, an application built out of tree, booted
# (mk/install.mk, apps/sdk); the install needs what `all` builds.
RTEMS_TEST_PROGRAMS += tests/system/test_sdk.py
ifeq ($(RTEMS_TESTS),yes)
TEST_TARGETS += $(foreach s,$(RTEMS_TEST_SYSTEMS),$(SYSTEMS_DIR)/$(s)/system.elf)
TEST_PROGRAMS += $(RTEMS_TEST_PROGRAMS)
endif
# Booting from a CD through the PC BIOS: x86 only.
ifeq ($(ARCH),x86)
TEST_PROGRAMS += tests/system/test_grub.py
# NMI, #MC and #DF through task gates (injected by QEMU and gdb).
TEST_PROGRAMS += tests/system/test_x86_fault_tasks.py
# The UMIP faults (sgdt, sidt, sldt, smsw, str), test_faults.py.
$(eval $(call tessera_system,faults-c,tests/system/systems/faults-c.xml,$(TEST_PART_IMAGES)))
TEST_TARGETS += $(SYSTEMS_DIR)/faults-c/system.elf
endif

# RISC-V's own: PMP behind a wrong page table (test_riscv_pmp.py) and the
# boot's refusals (test_riscv_boot.py); every other system and test above
# runs on riscv as on x86 and SPARC (docs/testing.md).
ifeq ($(ARCH),riscv)
$(eval $(call bare_partition,pmpprobe,tests/system/parts/pmpprobe.c))
$(eval $(call tessera_system,riscv-pmp,tests/system/systems/riscv-pmp.xml,\
	$(PART_IMAGE_DIR)/pmpprobe.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/riscv-pmp/system.elf
TEST_PROGRAMS += tests/system/test_riscv_boot.py tests/system/test_riscv_pmp.py
# Every partition's Sv39 tables read through QEMU's monitor.
$(eval $(call bare_partition,ptspin,tests/system/parts/ptspin.c))
$(eval $(call tessera_system,riscv-pt-audit,tests/system/systems/riscv-pt-audit.xml,\
	$(PART_IMAGE_DIR)/ptspin.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/riscv-pt-audit/system.elf
TEST_PROGRAMS += tests/system/test_riscv_page_tables.py
endif

# The timer interrupt fast path in a hostile state (x86: entry.S; RISC-V:
# timer_fast.c). SPARC's serves one-shot timers only: test_sparc_traps.
ifneq ($(ARCH),sparc)
$(eval $(call bare_partition,fasttimer,tests/system/parts/fasttimer.c))
$(eval $(call tessera_system,fasttimer,tests/system/systems/fasttimer.xml,\
	$(PART_IMAGE_DIR)/fasttimer.elf))
TEST_TARGETS += $(SYSTEMS_DIR)/fasttimer/system.elf
TEST_PROGRAMS += tests/system/test_fasttimer.py
endif

# The hypercall fuzzer (tests/system/parts/fuzzer.c with fuzz_gen.c and
# fuzz_faults.c, docs/testing.md) next to
# its victim, and the same system with a neighbour that only spins. One
# source, two images: fuzzer-short.elf with a fixed seed for `make test`,
# fuzzer-run.elf with SEED, CALLS and TRACE_FROM from the command line
# (make fuzz-hypercalls), through a header rewritten only when they change.
SEED ?= 1
CALLS ?= 1000000
TRACE_FROM ?= 4294967295
ICOUNT ?= yes
FUZZ_DIR := $(B)/$(ARCH)/fuzz
FUZZ_SHORT_CALLS := 20000
$(eval $(call bare_partition,fuzzvictim,tests/system/parts/fuzzvictim.c))

$(FUZZ_DIR)/short.o: tests/system/parts/fuzzer.c tests/system/parts/fuzzer.h
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -Itests/system/parts -DFUZZ_SEED=1u \
		-DFUZZ_CALLS=$(FUZZ_SHORT_CALLS)u -DFUZZ_TRACE_FROM=0xffffffffu -c $< -o $@

.PHONY: fuzz-params-force
$(FUZZ_DIR)/params.h: fuzz-params-force
	@mkdir -p $(@D)
	$(Q)printf '#define FUZZ_SEED %uu\n#define FUZZ_CALLS %uu\n#define FUZZ_TRACE_FROM %uu\n#define SPIN_WINDOWS %uu\n' \
		$(SEED) $(CALLS) $(TRACE_FROM) $$(( $(CALLS) / 50 + 2000 )) > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(FUZZ_DIR)/run.o: tests/system/parts/fuzzer.c tests/system/parts/fuzzer.h $(FUZZ_DIR)/params.h
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -Itests/system/parts -include $(FUZZ_DIR)/params.h -c $< -o $@

# The generator and the faults are the same in both images.
FUZZ_COMMON_OBJS := $(FUZZ_DIR)/fuzz_gen.o $(FUZZ_DIR)/fuzz_faults.o
$(FUZZ_DIR)/fuzz_%.o: tests/system/parts/fuzz_%.c tests/system/parts/fuzzer.h
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TP_CFLAGS) -Itests/system/parts -c $< -o $@

# $(call fuzz_image,NAME,OBJECT)
define fuzz_image
$(PART_IMAGE_DIR)/$(1).elf: $(2) $(FUZZ_COMMON_OBJS) $(TP_LIB_OBJS) $(PV_START) $(PV_LIB) \
		$(PV_PARTITION_LDS)
	@mkdir -p $$(@D)
	$$(Q)$$(TARGET_LD) $$(TARGET_LDEMU) -T $$(PV_PARTITION_LDS) -o $$@ $$(PV_START) $$< \
		$(FUZZ_COMMON_OBJS) $$(TP_LIB_OBJS) $$(PV_LIB) $$(TARGET_LIBGCC)
endef
$(eval $(call fuzz_image,fuzzer-short,$(FUZZ_DIR)/short.o))
$(eval $(call fuzz_image,fuzzer-run,$(FUZZ_DIR)/run.o))
# The headers each object read (-MMD in PART_CFLAGS), pv/ included: a new
# hypercall number must rebuild the fuzzer.
-include $(FUZZ_DIR)/short.d $(FUZZ_DIR)/run.d $(FUZZ_COMMON_OBJS:.o=.d)
FUZZ_SHORT_IMAGES := $(PART_IMAGE_DIR)/fuzzer-short.elf $(PART_IMAGE_DIR)/fuzzvictim.elf
$(eval $(call tessera_system,fuzz-short,tests/system/systems/fuzz-short.xml,$(FUZZ_SHORT_IMAGES)))
$(eval $(call tessera_system,fuzz-ref,tests/system/systems/fuzz-ref.xml,$(FUZZ_SHORT_IMAGES)))
FUZZ_RUN_IMAGES := $(PART_IMAGE_DIR)/fuzzer-run.elf $(PART_IMAGE_DIR)/fuzzvictim.elf
$(eval $(call tessera_system,fuzz-run,tests/system/systems/fuzz-run.xml,$(FUZZ_RUN_IMAGES)))
$(eval $(call tessera_system,fuzz-run-ref,tests/system/systems/fuzz-run-ref.xml,$(FUZZ_RUN_IMAGES)))
TEST_TARGETS += $(SYSTEMS_DIR)/fuzz-short/system.elf $(SYSTEMS_DIR)/fuzz-ref/system.elf
TEST_PROGRAMS += tests/system/test_fuzz.py

.PHONY: fuzz-hypercalls
fuzz-hypercalls: $(SYSTEMS_DIR)/fuzz-run/system.elf $(SYSTEMS_DIR)/fuzz-run-ref/system.elf
	$(Q)TESSERA_ARCH=$(ARCH) TESSERA_BUILD=$(abspath $(B)) $(PYTHON) tests/system/test_fuzz.py \
		--system fuzz-run --reference fuzz-run-ref --seed $(SEED) --calls $(CALLS) \
		--icount $(ICOUNT)

# Mutation testing (tests/mutate/run.py, docs/testing.md): MUTANTS per folder
# (or all), SEED, FILES; it works in its own copy of the tree under
# MUTATE_DIR (build-mutate/; a second one lets the other arch's run overlap:
# their tests still go one at a time) and takes newlib from $(B).
# MUTATE_ARGS: e.g. --retry-survivors after tests were added,
# --retry-timeouts after a run under load.
MUTANTS ?= 12
MUTATE_DIR ?= build-mutate
HOST_TEST_PROGRAMS += tests/mutate/test_mutants.py
# The ABI's numbers against the contract's (docs/pv-api.md).
HOST_TEST_PROGRAMS += tests/contract/test_abi_numbers.py
# Each arch's trap table against the fault mapping of docs/pv-api.md.
HOST_TEST_PROGRAMS += tests/contract/test_trap_tables.py
# bench/table.py's verdicts (the hostile rows when the quiet start reads 0).
HOST_TEST_PROGRAMS += tests/bench/test_table.py
# The host trace tool (tools/trace/, docs/tracing.md) on synthetic traces in
# both byte orders; the CTF test needs babeltrace2 (tools/install-deps.sh).
HOST_TEST_PROGRAMS += tests/tools/test_trace_json.py tests/tools/test_trace_ctf.py \
	tests/tools/test_trace_svg.py tests/tools/test_trace_summary.py tests/tools/test_trace_errors.py \
	tests/tools/test_gen_traced_directives.py tests/tools/test_trace_kinds.py
.PHONY: mutate
mutate:
	$(Q)$(PYTHON) tests/mutate/run.py --arch $(ARCH) --mutants $(MUTANTS) --seed $(SEED) \
		--files "$(FILES)" --dir $(MUTATE_DIR) --newlib-from $(B) $(MUTATE_ARGS)
