# SPDX-License-Identifier: BSD-2-Clause
# `make run [SYSTEM=path.xml]`: the system of that XML (the demo by default)
# under QEMU, as mk/debug.mk finds it: a system the other makefiles define
# (apps/demo-smp/demo-smp.xml is demo-smp), else one of its own whose
# images are looked up among the partitions the build makes. Included
# last, after the makefiles that define systems.

ifneq ($(filter run,$(MAKECMDGOALS))$(RUN_BUILD),)
RUN_SYSTEM := $(if $(SYSTEM),$(SYSTEM),apps/demo/demo.xml)
RUN_NAME := $(firstword $(foreach s,$(SYSTEM_NAMES),\
	$(if $(filter $(abspath $(RUN_SYSTEM)),$(abspath $(SYSTEM_XML_$(s)))),$(s))))
ifeq ($(RUN_NAME),)
RUN_NAME := run-$(basename $(notdir $(RUN_SYSTEM)))
$(eval $(call tessera_system,$(RUN_NAME),$(RUN_SYSTEM),$(PV_APPS) $(TEST_PART_IMAGES)))
endif
RUN_IMAGE := $(SYSTEMS_DIR)/$(RUN_NAME)/system.elf
endif
