# SPDX-License-Identifier: BSD-2-Clause
# `make trace [SYSTEM=path.xml] [TRACE_CLASSES=all] [ARCH=...]`: builds the
# system with the event trace on (tessera-config --trace, whatever its XML
# says), boots it under QEMU -icount until it shuts down, extracts the dump
# from its console into $(B)/trace/NAME.bin (tools/trace/extract.py) and,
# when the host tool is there (tools/trace/tessera-trace.py), writes
# NAME.json (Perfetto), NAME.svg and the CTF folder NAME.ctf beside it.
# The partition images come from `make all` (the demos) or, for a test
# system, from `make test-build`.

SYSTEM ?= apps/demo/demo.xml
TRACE_CLASSES ?= all
TRACE_TIMEOUT ?= 600
TRACE_NAME := $(basename $(notdir $(SYSTEM)))
TRACE_OUT := $(B)/trace
TRACE_SYS := $(B)/$(ARCH)/trace-systems/$(TRACE_NAME)
TRACE_TOOL := tools/trace/tessera-trace.py

.PHONY: trace
trace: $(TESSERA_CONFIG) $(KERNEL_TRACE_LIB) $(KERNEL_LDS)
	$(Q)$(MAKE) --no-print-directory ARCH=$(ARCH) all
	$(Q)mkdir -p $(TRACE_SYS) $(TRACE_OUT)
	$(Q)$(TESSERA_CONFIG) --arch $(ARCH) --trace "$(TRACE_CLASSES)" --image-dir $(PART_IMAGE_DIR) \
		--image-dir $(PV_APP_DIR) --output-dir $(TRACE_SYS) $(SYSTEM)
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $(TRACE_SYS)/cfg_tables.c -o $(TRACE_SYS)/cfg_tables.o
	$(Q)$(TARGET_CC) $(KERNEL_CFLAGS) -c $(TRACE_SYS)/cfg_images.S -o $(TRACE_SYS)/cfg_images.o
	$(Q)$(TARGET_LD) $(TARGET_LDEMU) -T $(KERNEL_LDS) -o $(TRACE_SYS)/system.elf \
		$(TRACE_SYS)/cfg_tables.o $(TRACE_SYS)/cfg_images.o \
		--whole-archive $(KERNEL_TRACE_LIB) --no-whole-archive $(TARGET_LIBGCC)
	$(Q)echo "trace: booting $(SYSTEM) ($(ARCH), -icount)"
	$(Q)$(PYTHON) tools/qemu-run.py --arch $(ARCH) --icount --timeout $(TRACE_TIMEOUT) \
		$(TRACE_SYS)/system.elf > $(TRACE_OUT)/$(TRACE_NAME).console; \
	    rc=$$?; if [ $$rc -ne 0 ]; then echo "trace: the system did not shut down in order" \
	    "(status $$rc): see $(TRACE_OUT)/$(TRACE_NAME).console"; fi
	$(Q)$(PYTHON) tools/trace/extract.py $(TRACE_OUT)/$(TRACE_NAME).console \
		$(TRACE_OUT)/$(TRACE_NAME).bin
	$(Q)echo "trace: $(TRACE_OUT)/$(TRACE_NAME).bin (console: $(TRACE_OUT)/$(TRACE_NAME).console)"
	$(Q)if [ -f $(TRACE_TOOL) ]; then \
	    $(PYTHON) $(TRACE_TOOL) --system $(SYSTEM) --json $(TRACE_OUT)/$(TRACE_NAME).json \
	        --svg $(TRACE_OUT)/$(TRACE_NAME).svg --ctf $(TRACE_OUT)/$(TRACE_NAME).ctf \
	        $(TRACE_OUT)/$(TRACE_NAME).bin && \
	    echo "trace: $(TRACE_OUT)/$(TRACE_NAME).json (Perfetto), $(TRACE_OUT)/$(TRACE_NAME).svg," \
	        "$(TRACE_OUT)/$(TRACE_NAME).ctf/ (babeltrace2)"; \
	else echo "trace: $(TRACE_TOOL) is not there: only the .bin"; fi
