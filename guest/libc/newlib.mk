# SPDX-License-Identifier: BSD-2-Clause
# newlib for the guests: built once per ARCH from Debian's newlib-source
# tarball by tools/build-newlib.sh into a flat sysroot under $(B)/$(ARCH)/newlib
# (see docs/newlib.md). Include after mk/arch-$(ARCH).mk (needs TARGET_CC).
#
# Use:
#   compile  $(NEWLIB_CFLAGS), and order-only prerequisite | $(NEWLIB_INCLUDE)
#   link     $(NEWLIB_LIBS) (wrapped in --start-group/--end-group with the
#            executive's syscall layer and libgcc or the sparc helpers)

# An arch whose guests have an ABI of their own names it (NEWLIB_ABI,
# mk/arch-riscv.mk): another ABI, another directory, another build.
NEWLIB_DIR := $(B)/$(ARCH)/newlib$(if $(NEWLIB_ABI),-$(NEWLIB_ABI))
NEWLIB_INCLUDE := $(NEWLIB_DIR)/include
NEWLIB_LIBC := $(NEWLIB_DIR)/lib/libc.a
NEWLIB_LIBM := $(NEWLIB_DIR)/lib/libm.a
NEWLIB_LIBS := $(NEWLIB_LIBC) $(NEWLIB_LIBM)
NEWLIB_TARBALL := $(wildcard /usr/src/newlib/newlib-*.tar.xz)

# Only newlib's headers and the compiler's own (stddef.h, stdarg.h, float.h...):
# -nostdinc keeps the build host's glibc headers out of guest code. Guest code
# must see newlib's headers as newlib was built, without the Linux compiler's
# __linux__ & co. (tools/build-newlib.sh removes them the same way): with
# them, <sys/config.h> turns on __LARGE64_FILES and __DYNAMIC_REENT__, and
# FILE gets another layout than libc.a's (its _lock, for one, moves).
# A bare-metal compiler (riscv) has its limits.h in include-fixed.
NEWLIB_CFLAGS := -nostdinc -isystem $(NEWLIB_INCLUDE) \
	-isystem $(shell $(TARGET_CC) -print-file-name=include) \
	$(addprefix -isystem ,$(wildcard $(shell $(TARGET_CC) -print-file-name=include-fixed))) \
	-U__linux__ -U__gnu_linux__ -Ulinux -U__unix__ -Uunix

# libc.a is written last by the script, so it stands for the whole sysroot.
# The script logs to $(NEWLIB_DIR)/build.log and prints its tail on failure.
$(NEWLIB_LIBC): tools/build-newlib.sh $(NEWLIB_TARBALL)
	$(Q)./tools/build-newlib.sh $(ARCH) $(NEWLIB_DIR)

$(NEWLIB_LIBM) $(NEWLIB_INCLUDE): $(NEWLIB_LIBC) ;
