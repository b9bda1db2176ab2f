# SPDX-License-Identifier: BSD-2-Clause
# `make debug [SYSTEM=path.xml] [ARCH=..]`: the system under QEMU's gdbstub
# and gdb-multiarch with the tessera commands (docs/debugging.md). Included
# last: it looks for the system among those the other makefiles define.

ifneq ($(filter debug,$(MAKECMDGOALS))$(DEBUG_BUILD),)
SYSTEM ?= apps/demo/demo.xml
# The system defined with that XML; else one of its own, whose images are
# looked up among the partitions the build makes.
DEBUG_NAME := $(firstword $(foreach s,$(SYSTEM_NAMES),\
	$(if $(filter $(abspath $(SYSTEM)),$(abspath $(SYSTEM_XML_$(s)))),$(s))))
ifeq ($(DEBUG_NAME),)
DEBUG_NAME := debug-$(basename $(notdir $(SYSTEM)))
$(eval $(call tessera_system,$(DEBUG_NAME),$(SYSTEM),$(PV_APPS) $(TEST_PART_IMAGES)))
endif
DEBUG_IMAGE := $(SYSTEMS_DIR)/$(DEBUG_NAME)/system.elf
endif

.PHONY: debug
debug: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory SYSTEM=$(SYSTEM) DEBUG_BUILD=yes $(DEBUG_IMAGE)
	$(Q)$(PYTHON) tools/debug.py --arch $(ARCH) --icount --image-dir $(PART_IMAGE_DIR) \
		--image-dir $(PV_APP_DIR) --script $(SYSTEMS_DIR)/$(DEBUG_NAME)/debug.gdb \
		$(SYSTEM) $(DEBUG_IMAGE)
