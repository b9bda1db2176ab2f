# SPDX-License-Identifier: BSD-2-Clause
# Building a bootable system image from an XML system description.
#   $(call tessera_system,NAME,XML,IMAGES)
# makes $(B)/$(ARCH)/systems/NAME/system.elf: tessera-config turns XML into
# configuration tables and an image blob, linked with the kernel library.
# IMAGES are the partition ELF files the XML names (for make's ordering);
# they are looked up in $(PART_IMAGE_DIR) (bare partitions), then in
# $(PV_APP_DIR) (RTEMS applications on the pv port). A system whose tables
# define a trace buffer (<trace>, or tessera-config --trace) links the
# kernel built with the trace (kernel/kernel.mk); every other, the one
# without.

SYSTEMS_DIR := $(B)/$(ARCH)/systems

define tessera_system
$(SYSTEMS_DIR)/$(1)/cfg_tables.c: $(2) $(3) $$(TESSERA_CONFIG)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(TESSERA_CONFIG) --arch $$(ARCH) --image-dir $$(PART_IMAGE_DIR) --image-dir $$(PV_APP_DIR) \
		--output-dir $(SYSTEMS_DIR)/$(1) $(2)

$(SYSTEMS_DIR)/$(1)/cfg_images.S: $(SYSTEMS_DIR)/$(1)/cfg_tables.c

$(SYSTEMS_DIR)/$(1)/system.elf: $(SYSTEMS_DIR)/$(1)/cfg_tables.c $(SYSTEMS_DIR)/$(1)/cfg_images.S \
		$$(KERNEL_LIB) $$(KERNEL_TRACE_LIB) $$(KERNEL_LDS)
	$$(Q)$$(TARGET_CC) $$(KERNEL_CFLAGS) -c $(SYSTEMS_DIR)/$(1)/cfg_tables.c \
		-o $(SYSTEMS_DIR)/$(1)/cfg_tables.o
	$$(Q)$$(TARGET_CC) $$(KERNEL_CFLAGS) -c $(SYSTEMS_DIR)/$(1)/cfg_images.S \
		-o $(SYSTEMS_DIR)/$(1)/cfg_images.o
	$$(Q)lib=$$(KERNEL_LIB); \
	if grep -q '^CFG_TRACE_DEFINE(' $(SYSTEMS_DIR)/$(1)/cfg_tables.c; then lib=$$(KERNEL_TRACE_LIB); fi; \
	$$(TARGET_LD) $$(TARGET_LDEMU) -T $$(KERNEL_LDS) -o $$@ \
		$(SYSTEMS_DIR)/$(1)/cfg_tables.o $(SYSTEMS_DIR)/$(1)/cfg_images.o \
		--whole-archive $$$$lib --no-whole-archive $$(TARGET_LIBGCC)

SYSTEM_IMAGES += $(SYSTEMS_DIR)/$(1)/system.elf
SYSTEM_NAMES += $(1)
SYSTEM_XML_$(1) := $(2)
-include $(SYSTEMS_DIR)/$(1)/cfg.d
endef
