# SPDX-License-Identifier: BSD-2-Clause
# The SDK: `make install PREFIX=DIR` installs what an application built out
# of tree needs, for the arches `make test` takes without ARCH (TEST_ARCHES
# of the Makefile; `make install ARCH=a PREFIX=DIR`: arch a only, riscv
# included), laid out as docs/guest.md ("Build your own application")
# describes:
#   DIR/bin/tessera-config
#   DIR/lib/pkgconfig/tessera-ARCH-PORT.pc      cc, Cflags, Libs (PORT pv,
#                                               pv-trace, native)
#   DIR/lib/tessera/ARCH/{include,newlib,lib}   executive, POSIX, newlib
#   DIR/lib/tessera/ARCH/PORT/{include,lib}     a port: its headers, start,
#                                               linker script, library
#   DIR/lib/tessera/ARCH/kernel/                the kernel library, its linker
#                                               script and link-system, which
#                                               tessera-config --image runs
# The .pc files and link-system name the tree relative to themselves
# (pkg-config's ${pcfiledir}, the script's own folder): the installed tree
# may be moved, and it names no file of the source tree.
# Include last: it uses the variables of every other fragment.

# Deferred (=): the Makefile sets TEST_ARCHES after including this file.
INSTALL_ARCHES = $(TEST_ARCHES)

.PHONY: install install-arch
install:
	$(Q)test -n "$(PREFIX)" || { echo "make install: give PREFIX=DIR" >&2; exit 1; }
	$(Q)for a in $(INSTALL_ARCHES); do \
	    $(MAKE) --no-print-directory ARCH=$$a PREFIX='$(PREFIX)' install-arch || exit 1; done

SDK_PREFIX = $(abspath $(PREFIX))
SDK_TOP = $(SDK_PREFIX)/lib/tessera/$(ARCH)
SDK_PC_DIR = $(SDK_PREFIX)/lib/pkgconfig
SDK_STAGE := $(B)/$(ARCH)/sdk

# What an application is compiled with: the guest's flags without warnings,
# optimization or the source tree's include paths; every path is below
# ${top} (the pc file's own variable for DIR/lib/tessera/ARCH) or the
# compiler's (a bare-metal one, riscv's, has limits.h in include-fixed, as
# guest/libc/newlib.mk says).
SDK_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common \
	$(if $(GUEST_ARCH_CFLAGS),$(GUEST_ARCH_CFLAGS),\
	    $(filter-out -mno-80387 -mno-sse -mno-mmx,$(TARGET_ARCH_CFLAGS))) \
	-nostdinc -isystem $${top}/newlib/include -isystem $(shell $(TARGET_CC) -print-file-name=include) \
	$(addprefix -isystem ,$(wildcard $(shell $(TARGET_CC) -print-file-name=include-fixed))) \
	-U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix $(POSIX_FEATURE_CFLAGS) \
	-I$${top}/include
# The compiler driver links: no start files or libraries of the host, no
# PIE, no build-id note; libgcc is the compiler's on x86, the 64-bit division
# helpers on sparc (mk/arch-sparc.mk), on riscv the compiler's libgcc of the
# guests' rv64imafdc/lp64d multilib, named by its path (GUEST_LIBGCC,
# mk/arch-riscv.mk), as the kernel's link names the memset/memcpy helpers
# and the rv64imac/lp64 one: the driver's -lgcc picks a multilib by the
# flags of its own command line, which the SDK's link does not repeat.
SDK_LINK_FLAGS := -nostdlib -nostartfiles -static -no-pie -Wl,--build-id=none
ifeq ($(ARCH),sparc)
SDK_LIBGCC := $${top}/lib/libhelpers.a
SDK_KERNEL_LIBGCC := $$here/../lib/libhelpers.a
else ifeq ($(ARCH),riscv)
SDK_LIBGCC := $(GUEST_LIBGCC)
SDK_KERNEL_LIBGCC := $$here/../lib/libhelpers.a $(filter-out $(RISCV_HELPERS),$(TARGET_LIBGCC))
else
SDK_LIBGCC := -lgcc
SDK_KERNEL_LIBGCC := $(TARGET_LIBGCC)
endif
# The libc glue and a port's objects go in whole, as the in-tree links name
# them as objects (guest/port/pv/pv_port.mk).
SDK_COMMON_LIBS := $${top}/lib/libposix.a $${top}/lib/libexec.a $${top}/lib/libc.a \
	$${top}/lib/libm.a
SDK_PV_LIBS := $(SDK_LINK_FLAGS) -Wl,-T,$${top}/pv/lib/partition.ld $${top}/pv/lib/start.o \
	-Wl,--whole-archive $${top}/lib/libexec-libc.a -Wl,--no-whole-archive \
	-Wl,--start-group $${top}/pv/lib/libport-pv.a $${top}/pv/lib/libpv.a \
	$(SDK_COMMON_LIBS) -Wl,--end-group $(SDK_LIBGCC)
# tessera-ARCH-pv-trace.pc: the same with the executive's trace on
# (docs/tracing.md): CONFIGURE_TESSERA_TRACE defined for confdefs, and the
# traced executive library, which records every directive call.
SDK_PV_TRACE_LIBS := $(subst $${top}/lib/libexec.a,$${top}/pv/lib/libexec-trace.a,$(SDK_PV_LIBS))
SDK_NATIVE_LIBS := $(SDK_LINK_FLAGS) -Wl,-T,$${top}/native/lib/linker.ld -Wl,--gc-sections \
	-Wl,--whole-archive $${top}/native/lib/libport-native.a $${top}/lib/libexec-libc.a \
	-Wl,--no-whole-archive -Wl,--start-group $(SDK_COMMON_LIBS) -Wl,--end-group $(SDK_LIBGCC)

# $(call sdk_pc,PORT,PORT CFLAGS,LIBS): the text of tessera-ARCH-PORT.pc.
sdk_pc = printf '%s\n' '\# SPDX-License-Identifier: BSD-2-Clause' \
	'\# Tessera SDK: RTEMS applications for the $(1) port on $(ARCH) (docs/guest.md).' \
	'prefix=$${pcfiledir}/../..' 'top=$${prefix}/lib/tessera/$(ARCH)' \
	'cc=$(TARGET_CC)' 'arch=$(ARCH)' 'port=$(1)' \
	'Name: tessera-$(ARCH)-$(1)' \
	'Description: RTEMS Classic and POSIX API on Tessera, $(1) port, $(ARCH)' \
	'Version: 1' 'Cflags: $(SDK_CFLAGS) $(2)' 'Libs: $(3)'

$(SDK_STAGE)/tessera-$(ARCH)-pv.pc: mk/install.mk $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)$(call sdk_pc,pv,-I$${top}/pv/include,$(SDK_PV_LIBS)) > $@
$(SDK_STAGE)/tessera-$(ARCH)-pv-trace.pc: mk/install.mk $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)$(call sdk_pc,pv-trace,-I$${top}/pv/include -DCONFIGURE_TESSERA_TRACE,$(SDK_PV_TRACE_LIBS)) > $@
$(SDK_STAGE)/tessera-$(ARCH)-native.pc: mk/install.mk $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)$(call sdk_pc,native,-I$${top}/native/include,$(SDK_NATIVE_LIBS)) > $@

# link-system OUTDIR IMAGE: compiles tessera-config's tables and images in
# OUTDIR and links them with the kernel, as mk/system.mk does in the tree
# (the kernel with the event trace when the tables define a trace buffer).
SDK_KERNEL_CFLAGS := $(TARGET_CFLAGS) $(KERNEL_ARCH_CFLAGS) -fno-tree-loop-distribute-patterns \
	-DTESSERA_KERNEL
$(SDK_STAGE)/link-system: mk/install.mk $(MAKEFILE_LIST)
	@mkdir -p $(@D)
	$(Q)printf '%s\n' '#!/bin/sh' '# SPDX-License-Identifier: BSD-2-Clause' \
	    '# Generated by mk/install.mk: links a $(ARCH) system image from tessera-config'"'"'s' \
	    '# output (OUTDIR/cfg_tables.c, cfg_images.S) and this folder'"'"'s kernel library.' \
	    'set -e' '[ $$# -eq 2 ] || { echo "usage: link-system OUTDIR IMAGE" >&2; exit 2; }' \
	    'here=$$(cd "$$(dirname "$$0")" && pwd)' \
	    'cflags="$(SDK_KERNEL_CFLAGS) -I$$here/include/core -I$$here/include/arch -I$$here/include"' \
	    '$(TARGET_CC) $$cflags -c "$$1/cfg_tables.c" -o "$$1/cfg_tables.o"' \
	    '$(TARGET_CC) $$cflags -c "$$1/cfg_images.S" -o "$$1/cfg_images.o"' \
	    'lib=libkernel.a; if grep -q "^CFG_TRACE_DEFINE(" "$$1/cfg_tables.c"; then lib=libkernel-trace.a; fi' \
	    '$(TARGET_LD) $(TARGET_LDEMU) -T "$$here/linker.ld" -o "$$2" "$$1/cfg_tables.o" \' \
	    '    "$$1/cfg_images.o" --whole-archive "$$here/$$lib" --no-whole-archive \' \
	    '    $(SDK_KERNEL_LIBGCC)' > $@
	$(Q)chmod +x $@

SDK_PORTS := pv pv-trace
# The arches with a native port (guest/port/native.mk): x86 and riscv.
ifneq ($(filter $(ARCH),$(NATIVE_ARCHES)),)
SDK_PORTS += native
endif
SDK_STAGED := $(SDK_STAGE)/link-system $(foreach p,$(SDK_PORTS),$(SDK_STAGE)/tessera-$(ARCH)-$(p).pc)

# install -D makes the folders; headers keep their place below include/.
sdk_headers = (cd $(1) && find . -name '*.h' -exec install -D -m 644 {} $(2)/{} \;)

# What install-arch copies, built first: that alone, not everything `all`
# builds, so that an arch whose suite is partial (riscv) installs too.
SDK_BUILT := $(TESSERA_CONFIG) $(NEWLIB_INCLUDE) $(GUEST_TARGET_LIB) $(POSIX_LIB) $(NEWLIB_LIBC) \
	$(NEWLIB_LIBM) $(TESTSUPPORT_TARGET_LIB) $(GUEST_TARGET_LIBC_OBJS) $(PV_GUEST_START) \
	$(PV_PARTITION_LDS) $(GUEST_PV_LIB) $(PV_GUEST_LIB) $(APEX_LIB) $(GUEST_TRACE_LIB) $(KERNEL_LIB) \
	$(KERNEL_LDS) $(KERNEL_TRACE_LIB) $(if $(filter sparc,$(ARCH)),$(TARGET_LIBGCC)) \
	$(if $(filter riscv,$(ARCH)),$(RISCV_HELPERS)) \
	$(if $(filter native,$(SDK_PORTS)),$(NATIVE_LDS) $(NATIVE_PORT_LIB))

install-arch: $(SDK_BUILT) $(SDK_STAGED)
	$(Q)test -n "$(PREFIX)" || { echo "make install: give PREFIX=DIR" >&2; exit 1; }
	$(Q)install -D -m 755 $(TESSERA_CONFIG) $(SDK_PREFIX)/bin/tessera-config
	$(Q)rm -rf $(SDK_TOP) && mkdir -p $(SDK_TOP)/lib $(SDK_TOP)/newlib $(SDK_TOP)/kernel/include \
	    $(SDK_PC_DIR)
	$(Q)$(call sdk_headers,guest/include,$(SDK_TOP)/include)
	$(Q)$(call sdk_headers,guest/posix/include,$(SDK_TOP)/include)
	$(Q)$(call sdk_headers,guest/testsupport/include,$(SDK_TOP)/include)
	$(Q)$(call sdk_headers,guest/apex/include,$(SDK_TOP)/pv/include)
	$(Q)$(call sdk_headers,pv/include,$(SDK_TOP)/pv/include)
	$(Q)$(call sdk_headers,guest/port/pv/include,$(SDK_TOP)/pv/include)
	$(Q)cp -R $(NEWLIB_INCLUDE) $(SDK_TOP)/newlib/include
	$(Q)install -m 644 $(GUEST_TARGET_LIB) $(POSIX_LIB) $(NEWLIB_LIBC) $(NEWLIB_LIBM) \
	    $(TESTSUPPORT_TARGET_LIB) $(SDK_TOP)/lib
	$(Q)rm -f $(SDK_TOP)/lib/libexec-libc.a && ar rcs $(SDK_TOP)/lib/libexec-libc.a \
	    $(GUEST_TARGET_LIBC_OBJS)
	$(Q)install -D -m 644 -t $(SDK_TOP)/pv/lib $(PV_GUEST_START) $(PV_PARTITION_LDS) $(GUEST_PV_LIB) \
	    $(PV_GUEST_LIB) $(APEX_LIB) $(GUEST_TRACE_LIB)
	$(Q)$(if $(filter native,$(SDK_PORTS)),$(call sdk_headers,$(NATIVE_PORT_DIR)/include,\
	    $(SDK_TOP)/native/include) && install -D -m 644 -t $(SDK_TOP)/native/lib $(NATIVE_LDS) \
	    $(NATIVE_PORT_LIB),:)
	$(Q)$(call sdk_headers,kernel/core/include,$(SDK_TOP)/kernel/include/core)
	$(Q)$(call sdk_headers,kernel/arch/$(ARCH)/include,$(SDK_TOP)/kernel/include/arch)
	$(Q)$(call sdk_headers,pv/include,$(SDK_TOP)/kernel/include)
	$(Q)$(call sdk_headers,pv/arch/$(ARCH)/include,$(SDK_TOP)/kernel/include)
	$(Q)install -m 644 $(KERNEL_LIB) $(KERNEL_LDS) $(SDK_TOP)/kernel
	$(Q)install -m 644 $(KERNEL_TRACE_LIB) $(SDK_TOP)/kernel/libkernel-trace.a
	$(Q)install -m 755 $(SDK_STAGE)/link-system $(SDK_TOP)/kernel
	$(Q)$(if $(filter sparc,$(ARCH)),install -m 644 $(TARGET_LIBGCC) $(SDK_TOP)/lib,:)
	$(Q)$(if $(filter riscv,$(ARCH)),install -m 644 $(RISCV_HELPERS) $(SDK_TOP)/lib,:)
	$(Q)install -m 644 $(foreach p,$(SDK_PORTS),$(SDK_STAGE)/tessera-$(ARCH)-$(p).pc) $(SDK_PC_DIR)
