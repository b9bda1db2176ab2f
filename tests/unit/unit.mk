# SPDX-License-Identifier: BSD-2-Clause
# Host unit tests (cmocka) of the arch-neutral kernel core, built for the
# build machine against a stand-in architecture (tests/unit/kernel/host).

UNIT_DIR := $(B)/host/unit
UNIT_KERNEL_CFLAGS := $(HOST_CFLAGS) -Wno-format-truncation -Ikernel/core/include \
	-Itests/unit/kernel/host -Itests/unit/kernel -Itests/common -Ipv/include
UNIT_KERNEL_TESTS := sched sched_cpus uaccess idtable hcall hm hm_index hm_index_ops elf kformat port hcall_args trace cpu_plans \
	space_area

# Which core files each test links (with the stand-in architecture).
UNIT_SRCS_sched := kernel/core/sched.c kernel/core/sched_cpus.c
UNIT_SRCS_sched_cpus := $(UNIT_SRCS_sched)
UNIT_SRCS_uaccess := kernel/core/uaccess.c
UNIT_SRCS_space_area := kernel/core/space_area.c
UNIT_SRCS_idtable := kernel/core/idtable.c
UNIT_SRCS_hcall := kernel/core/hcall.c kernel/core/partition_hc.c kernel/core/schedule.c kernel/core/sched.c kernel/core/sched_cpus.c \
	kernel/core/hm.c kernel/core/hm_index.c kernel/core/uaccess.c kernel/core/console.c \
	kernel/core/idtable.c \
	kernel/core/virq.c kernel/core/vtimer.c kernel/core/partition.c kernel/core/elf.c \
	kernel/core/port.c kernel/core/port_names.c kernel/core/trace_hc.c kernel/core/cpu_plans.c \
	kernel/core/kprintf.c kernel/core/kformat.c
UNIT_SRCS_hm := $(UNIT_SRCS_hcall) kernel/core/handover.c
UNIT_SRCS_hm_index := $(UNIT_SRCS_hcall)
UNIT_SRCS_port := $(UNIT_SRCS_hcall)
# The index alone, in a system of 18 partitions (a half that ends on a
# bitmap word's end), under AddressSanitizer.
UNIT_SRCS_hm_index_ops := kernel/core/hm_index.c kernel/core/kprintf.c kernel/core/kformat.c
$(UNIT_DIR)/kernel-hm_index_ops: UNIT_KERNEL_CFLAGS += -DUNIT_STATE_PARTS=18u \
	-fsanitize=address,undefined -fno-sanitize-recover=all
# The argument cases generated from pv/include/pv/hcall_args.h.
UNIT_SRCS_hcall_args := $(UNIT_SRCS_hcall) tests/common/hcall_cases.c
# The same core with the event trace compiled in (kernel/core/include/trace.h).
UNIT_SRCS_trace := $(UNIT_SRCS_hcall) kernel/core/trace.c
$(UNIT_DIR)/kernel-trace: UNIT_KERNEL_CFLAGS += -DTESSERA_TRACE
UNIT_SRCS_elf := kernel/core/elf.c kernel/core/uaccess.c
UNIT_SRCS_kformat := kernel/core/kformat.c
UNIT_SRCS_cpu_plans := kernel/core/cpu_plans.c kernel/core/sched.c kernel/core/sched_cpus.c kernel/core/kprintf.c \
	kernel/core/kformat.c

# Every header the tests and the sources they link may include (one compile
# per test, no dependency files): an edit of the ABI rebuilds them too.
UNIT_KERNEL_HEADERS := $(wildcard kernel/core/include/*.h pv/include/pv/*.h tests/common/*.h \
	tests/unit/kernel/*.h tests/unit/kernel/host/*.h)

$(UNIT_DIR)/kernel-%: tests/unit/kernel/test_%.c tests/unit/kernel/fake_arch.c \
		tests/unit/kernel/state.c $$(UNIT_SRCS_$$*) $(UNIT_KERNEL_HEADERS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(UNIT_KERNEL_CFLAGS) -o $@ $< tests/unit/kernel/fake_arch.c \
		tests/unit/kernel/state.c $(UNIT_SRCS_$*) -lcmocka

UNIT_KERNEL_BINS := $(patsubst %,$(UNIT_DIR)/kernel-%,$(UNIT_KERNEL_TESTS))
HOST_TEST_TARGETS += $(UNIT_KERNEL_BINS)
HOST_TEST_PROGRAMS += $(UNIT_KERNEL_BINS)

# The same core sources on a 64-bit stand-in (tests/unit/kernel/host64 put
# before host: 64-bit words and addresses): a 64-bit arch needs no change in
# kernel/core or pv/include.
UNIT_WORDS64 := $(UNIT_DIR)/kernel-words64
$(UNIT_WORDS64): tests/unit/kernel/test_words64.c tests/unit/kernel/fake_arch.c \
		tests/unit/kernel/state.c $(UNIT_SRCS_hcall) \
		$(UNIT_KERNEL_HEADERS) $(wildcard tests/unit/kernel/host64/*.h tests/unit/kernel/host64/pv/*.h)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(subst -Itests/unit/kernel/host ,-Itests/unit/kernel/host64 -Itests/unit/kernel/host ,\
		$(UNIT_KERNEL_CFLAGS)) -o $@ $< tests/unit/kernel/fake_arch.c tests/unit/kernel/state.c \
		$(UNIT_SRCS_hcall) -lcmocka
HOST_TEST_TARGETS += $(UNIT_WORDS64)
HOST_TEST_PROGRAMS += $(UNIT_WORDS64)
# The argument cases on the 64-bit stand-in: the same contract and cases,
# with those only 64-bit registers have (a number or pointer 4 GiB up).
UNIT_HCALL_ARGS64 := $(UNIT_DIR)/kernel-hcall_args64
$(UNIT_HCALL_ARGS64): tests/unit/kernel/test_hcall_args.c tests/unit/kernel/fake_arch.c \
		tests/unit/kernel/state.c $(UNIT_SRCS_hcall_args) \
		$(UNIT_KERNEL_HEADERS) $(wildcard tests/unit/kernel/host64/*.h tests/unit/kernel/host64/pv/*.h)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(subst -Itests/unit/kernel/host ,-Itests/unit/kernel/host64 -Itests/unit/kernel/host ,\
		$(UNIT_KERNEL_CFLAGS)) -o $@ $< tests/unit/kernel/fake_arch.c tests/unit/kernel/state.c \
		$(UNIT_SRCS_hcall_args) -lcmocka
HOST_TEST_TARGETS += $(UNIT_HCALL_ARGS64)
HOST_TEST_PROGRAMS += $(UNIT_HCALL_ARGS64)

# SPARC's 64-bit division helpers, on the host under other names.
UNIT_DIVDI3 := $(UNIT_DIR)/pv-divdi3
$(UNIT_DIVDI3): tests/unit/pv/test_divdi3.c pv/arch/sparc/libgcc/divdi3.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -D__udivmoddi4=t_udivmoddi4 -D__udivdi3=t_udivdi3 \
		-D__umoddi3=t_umoddi3 -D__divdi3=t_divdi3 -D__moddi3=t_moddi3 -o $@ $^ -lcmocka
HOST_TEST_TARGETS += $(UNIT_DIVDI3)
HOST_TEST_PROGRAMS += $(UNIT_DIVDI3)

# x86's clock conversions (kernel/arch/x86/include/tsc_ns.h) against exact
# arithmetic, on an x86 host (their divl is inline assembly).
UNIT_X86_TSC_NS := $(UNIT_DIR)/x86-tsc_ns
$(UNIT_X86_TSC_NS): tests/unit/x86/test_tsc_ns.c kernel/arch/x86/include/tsc_ns.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ikernel/arch/x86/include -o $@ tests/unit/x86/test_tsc_ns.c -lcmocka
HOST_TEST_TARGETS += $(UNIT_X86_TSC_NS)
HOST_TEST_PROGRAMS += $(UNIT_X86_TSC_NS)
# RISC-V's FPU-instruction classifier (kernel/arch/riscv/insn.c) on the host.
UNIT_RISCV_INSN := $(UNIT_DIR)/riscv-insn
$(UNIT_RISCV_INSN): tests/unit/riscv/test_insn.c kernel/arch/riscv/insn.c \
		kernel/arch/riscv/include/riscv_insn.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ikernel/arch/riscv/include -o $@ tests/unit/riscv/test_insn.c \
		kernel/arch/riscv/insn.c -lcmocka
HOST_TEST_TARGETS += $(UNIT_RISCV_INSN)
HOST_TEST_PROGRAMS += $(UNIT_RISCV_INSN)
# RISC-V's device-tree reader (kernel/arch/riscv/fdt.c) on built trees.
UNIT_RISCV_FDT := $(UNIT_DIR)/riscv-fdt
$(UNIT_RISCV_FDT): tests/unit/riscv/test_fdt.c kernel/arch/riscv/fdt.c \
		kernel/arch/riscv/include/riscv.h kernel/arch/riscv/include/riscv_mstart.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ikernel/arch/riscv/include -o $@ tests/unit/riscv/test_fdt.c \
		kernel/arch/riscv/fdt.c -lcmocka
HOST_TEST_TARGETS += $(UNIT_RISCV_FDT)
HOST_TEST_PROGRAMS += $(UNIT_RISCV_FDT)
