# SPDX-License-Identifier: BSD-2-Clause
# Tessera top-level build. Everything is built out of tree under $(B).
#   make            build everything for ARCH (default x86)
#   make run        build and boot the demo system under QEMU (SYSTEM=path.xml: another)
#   make run-apex   build and boot the APEX demo (apps/apexdemo)
#   make debug      boot a system (SYSTEM=path.xml, default the demo) under gdb
#   make test       build and run the whole test suite
#   make bench      build and run the benchmarks (not part of test)
#   make install PREFIX=DIR   install the SDK (mk/install.mk, docs/guest.md)

ARCH ?= x86
B ?= build
# Keep the build reproducible and quiet unless V=1.
ifeq ($(V),1)
Q :=
else
Q := @
endif

HOSTCC ?= gcc
HOST_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
PYTHON ?= python3

.PHONY: all run run-apex test test-build stress-smp bench deps fuzz-deps bench-deps clean format check-format check-dialect fix-dialect cppcheck fuzz
all:

# Keep intermediate objects: they are what incremental builds reuse.
.SECONDARY:

deps:
	$(Q)./tools/install-deps.sh

fuzz-deps:
	$(Q)./tools/install-deps.sh --fuzz

bench-deps:
	$(Q)./tools/install-deps.sh --bench

# Unit test rules name their sources through per-test variables.
.SECONDEXPANSION:

include mk/arch-$(ARCH).mk
include guest/libc/newlib.mk
include config/config.mk
include kernel/kernel.mk
include pv/pv.mk
include guest/guest.mk
include guest/posix/posix.mk
include guest/testsupport/testsupport.mk
include guest/port/native.mk
include guest/port/pv/pv_port.mk
include guest/apex/apex.mk
include apps/apps.mk
include tests/tests.mk
include tests/unit/unit.mk
include bench/bench.mk
include mk/debug.mk
include mk/run.mk
include mk/trace.mk
include mk/install.mk

all: $(ALL_TARGETS)

# `make run [SYSTEM=path.xml]`: the demo, or the system of that XML (on as
# many CPUs as it names, mk/run.mk).
run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory SYSTEM=$(RUN_SYSTEM) RUN_BUILD=yes $(RUN_IMAGE)
	$(Q)$(PYTHON) tools/qemu-run.py --arch $(ARCH) --icount --system $(RUN_SYSTEM) $(RUN_IMAGE)

run-apex: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(PYTHON) tools/qemu-run.py --arch $(ARCH) --icount $(B)/$(ARCH)/systems/apex-demo/system.elf

# `make test` tests x86, sparc and riscv; `make test ARCH=a` only arch a.
# Each arch's pass builds its test targets and appends its test programs to
# $(B)/test-programs as ARCH:PROGRAM; the first pass adds the host's tests
# (unit tests, configuration corpus, lint). One run.py sums them all up.
ifeq ($(origin ARCH),command line)
TEST_ARCHES := $(ARCH)
else
TEST_ARCHES := x86 sparc riscv
endif

test: deps
	$(Q)mkdir -p $(B) && rm -f $(B)/test-programs
	$(Q)host=yes; for a in $(TEST_ARCHES); do \
	    $(MAKE) --no-print-directory ARCH=$$a HOST_TESTS=$$host test-build || exit 1; \
	    host=no; done
	$(Q)$(PYTHON) tests/run.py --build $(B) $$(cat $(B)/test-programs)

ifeq ($(HOST_TESTS),yes)
TEST_TARGETS += $(HOST_TEST_TARGETS)
TEST_PROGRAMS += $(HOST_TEST_PROGRAMS)
endif
.PHONY: test-build
test-build:
	$(Q)$(MAKE) $(if $(filter 1,$(V)),,-s) --no-print-directory ARCH=$(ARCH) $(ARCH_BUILD_GOAL) \
		$(TEST_TARGETS)
	$(Q)for p in $(TEST_PROGRAMS); do echo $(ARCH):$$p; done >> $(B)/test-programs

# Issue 20's stress test: 10^6 messages between partitions on two CPUs,
# QEMU without -icount (a host thread per CPU); prints how long it took.
stress-smp: deps
	$(Q)$(MAKE) --no-print-directory ARCH=x86 $(B)/x86/systems/xcpu-stress/system.elf
	$(Q)TESSERA_ARCH=x86 TESSERA_BUILD=$(abspath $(B)) $(PYTHON) tests/system/test_smp_ports.py --stress

clean:
	rm -rf $(B)

SOURCES_C = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(SOURCES_C)
check-format:
	clang-format --dry-run --Werror $(SOURCES_C)
# The one C dialect (docs/style.md): braces on every body, NULL for the null
# pointer; checked by clang with each file's build flags (after a build).
check-dialect:
	$(PYTHON) tools/style/dialect.py --build $(B)
fix-dialect:
	$(PYTHON) tools/style/dialect.py --fix --build $(B)
# The same checks as `make test` runs (tests/lint.py: SPDX lines,
# clang-format, cppcheck with the project's options).
cppcheck:
	$(PYTHON) tests/lint.py
