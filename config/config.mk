# SPDX-License-Identifier: BSD-2-Clause
# tessera-config, the host tool that turns a system's XML into kernel tables,
# plus its corpus test and its libFuzzer harness (`make fuzz`, not in test).

TESSERA_CONFIG := $(B)/host/tessera-config
CONFIG_OBJDIR := $(B)/host/config
CONFIG_XSD_C := $(CONFIG_OBJDIR)/xsd_data.c
CONFIG_XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0)
CONFIG_XML_LIBS := $(shell pkg-config --libs libxml-2.0)

# The core shared by the tool and the fuzz harness; main.c, emit.c, link.c
# (--image: the SDK's link step) and porthash.c (the port-name table, hashed
# as the kernel's cfg.h does) are the tool's own.
CONFIG_CORE_SRCS := $(addprefix config/src/,arch.c arch_x86.c arch_sparc.c arch_riscv.c check.c diag.c elf.c files.c hm.c idtable.c \
	images.c load.c memory.c pagetables.c parse.c rawscan.c ports.c schedule.c schedule_cpus.c schema.c trace.c units.c util.c xmlmsg.c)
CONFIG_TOOL_SRCS := $(CONFIG_CORE_SRCS) config/src/emit.c config/src/link.c config/src/main.c \
	config/src/porthash.c
CONFIG_OBJS := $(patsubst config/src/%.c,$(CONFIG_OBJDIR)/%.o,$(CONFIG_TOOL_SRCS)) \
	$(CONFIG_OBJDIR)/xsd_data.o

ALL_TARGETS += $(TESSERA_CONFIG)
TEST_TARGETS += $(TESSERA_CONFIG)
HOST_TEST_PROGRAMS += tests/config/test_config.py tests/config/test_config_trace.py \
	tests/config/test_boot_refusals.py

$(TESSERA_CONFIG): $(CONFIG_OBJS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $^ $(CONFIG_XML_LIBS)

$(CONFIG_OBJDIR)/%.o: config/src/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(CONFIG_XML_CFLAGS) -Iconfig/src -Ikernel/core/include -Ipv/include -MMD -MP -c $< -o $@

$(CONFIG_OBJDIR)/xsd_data.o: $(CONFIG_XSD_C)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Iconfig/src -c $< -o $@

# The enumerations of ABI constants in the schema come from
# pv/include/pv/abi_list.h: tessera-xsdgen rewrites them into the schema the
# tool embeds. tests/config/test_abi_lists.py checks that config/tessera.xsd
# equals it; `make xsd-sync` writes it back there.
TESSERA_XSDGEN := $(B)/host/tessera-xsdgen
CONFIG_XSD := $(CONFIG_OBJDIR)/tessera.xsd
TEST_TARGETS += $(TESSERA_XSDGEN) $(CONFIG_XSD)
HOST_TEST_PROGRAMS += tests/config/test_abi_lists.py

$(TESSERA_XSDGEN): config/src/xsdgen.c pv/include/pv/abi_list.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Ipv/include -o $@ $<

$(CONFIG_XSD): config/tessera.xsd $(TESSERA_XSDGEN)
	@mkdir -p $(@D)
	$(Q)$(TESSERA_XSDGEN) $< > $@.tmp
	$(Q)mv $@.tmp $@

xsd-sync: $(CONFIG_XSD)
	$(Q)cmp -s $< config/tessera.xsd || cp $< config/tessera.xsd
.PHONY: xsd-sync

# The schema is built into the tool so that it needs no data files. od and
# sed are POSIX, unlike xxd.
$(CONFIG_XSD_C): $(CONFIG_XSD) config/config.mk
	@mkdir -p $(@D)
	$(Q){ echo '/* Generated from config/tessera.xsd and pv/abi_list.h: do not edit. */'; \
	  echo '#include "xsd.h"'; \
	  echo 'const unsigned char tcfg_xsd[] = {'; \
	  od -An -v -tx1 $< | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; \
	  echo 'const size_t tcfg_xsd_len = sizeof tcfg_xsd;'; } > $@.tmp
	$(Q)mv $@.tmp $@

-include $(CONFIG_OBJS:.o=.d)

# libFuzzer over parse + checks, with ASan and UBSan. Seeds are the test
# corpus; FUZZ_SECONDS bounds the run.
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 120
CONFIG_FUZZER := $(B)/host/fuzz/config-fuzzer
CONFIG_FUZZ_CORPUS := $(B)/host/fuzz/config-corpus

$(CONFIG_FUZZER): $(CONFIG_CORE_SRCS) config/fuzz/fuzz_config.c $(CONFIG_XSD_C) \
		$(wildcard config/src/*.h) | fuzz-deps
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) -std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -Iconfig/src -Ikernel/core/include -Ipv/include $(CONFIG_XML_CFLAGS) -o $@ \
	    $(CONFIG_CORE_SRCS) config/fuzz/fuzz_config.c $(CONFIG_XSD_C) $(CONFIG_XML_LIBS)

fuzz: $(CONFIG_FUZZER)
	@mkdir -p $(CONFIG_FUZZ_CORPUS)
	$(Q)cp tests/config/valid/*.xml tests/config/invalid/*.xml $(CONFIG_FUZZ_CORPUS)/
	$(Q)$(CONFIG_FUZZER) -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 \
	    -dict=config/fuzz/tessera.dict -print_final_stats=1 \
	    -artifact_prefix=$(B)/host/fuzz/ $(CONFIG_FUZZ_CORPUS)
