# SPDX-License-Identifier: BSD-2-Clause
# The POSIX API (guest/posix) on the executive, for both ports: a library
# that every guest application links (an archive: only what it calls comes
# in) and the compile flags that make newlib's headers declare it.
# Include after guest/guest.mk and before the ports' .mk files.

POSIX_DIR := $(B)/$(ARCH)/guest/posix
POSIX_SRCS := $(wildcard guest/posix/*.c)
POSIX_OBJS := $(patsubst guest/posix/%.c,$(POSIX_DIR)/%.o,$(POSIX_SRCS))
POSIX_LIB := $(POSIX_DIR)/libposix.a

# newlib (built for *-elf, not RTEMS) declares the POSIX interfaces only
# under these feature macros; <sys/features.h> sets them for __rtems__
# alone. Only what guest/posix implements is announced. Defining them
# changes no type that libc.a itself uses (docs/guest.md, "POSIX API").
POSIX_FEATURE_CFLAGS := -D_POSIX_THREADS=1 -D_POSIX_THREAD_PRIORITY_SCHEDULING=1 \
	-D_POSIX_THREAD_PRIO_INHERIT=1 -D_POSIX_THREAD_PRIO_PROTECT=1 \
	-D_POSIX_THREAD_ATTR_STACKSIZE=1 -D_POSIX_THREAD_PROCESS_SHARED=1 \
	-D_UNIX98_THREAD_MUTEX_ATTRIBUTES=1 -D_POSIX_TIMEOUTS=1 -D_POSIX_TIMERS=1 \
	-D_POSIX_MONOTONIC_CLOCK=200112L -D_POSIX_CLOCK_SELECTION=200112L \
	-D_POSIX_BARRIERS=200112L -D_POSIX_SPIN_LOCKS=200112L \
	-D_POSIX_READER_WRITER_LOCKS=200112L -D_POSIX_PRIORITY_SCHEDULING=1 \
	-D_POSIX_SEMAPHORES=1 -D_POSIX_MESSAGE_PASSING=1
# <semaphore.h> and <mqueue.h>, which newlib leaves to the system (RTEMS
# has its own).
POSIX_INCLUDES := -Iguest/posix/include
GUEST_CFLAGS += $(POSIX_FEATURE_CFLAGS) $(POSIX_INCLUDES)

# guest/libc for kill_hook.h: kill() hands signals to signal.c.
$(POSIX_DIR)/%.o: guest/posix/%.c | $(NEWLIB_INCLUDE)
	@mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(GUEST_CFLAGS) -DTESSERA_EXEC_CORE -Iguest/core -Iguest/libc -MMD -MP -c $< -o $@

$(POSIX_LIB): $(POSIX_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

# The time and priority arithmetic and the thread name text are pure C: its host unit test links it
# besides the core (the pattern rule in guest/guest.mk links the core only).
$(B)/host/tests/unit/guest/test_posix: tests/unit/guest/test_posix.c guest/posix/posix_time.c \
		guest/posix/posix_time.h guest/posix/posix_name.c guest/posix/posix_name.h \
		$(GUEST_HOST_LIB)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_CFLAGS) -DTESSERA_EXEC_CORE -Iguest/core -Iguest/posix $< \
	    guest/posix/posix_time.c guest/posix/posix_name.c $(GUEST_HOST_LIB) -lcmocka -o $@

# The message store of message queues, pure C as well.
$(B)/host/tests/unit/guest/test_posix_mq: tests/unit/guest/test_posix_mq.c \
		guest/posix/posix_mq_buffers.c guest/posix/posix_mq_buffers.h $(GUEST_HOST_LIB)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(GUEST_HOST_CFLAGS) -DTESSERA_EXEC_CORE -Iguest/core -Iguest/posix $< \
	    guest/posix/posix_mq_buffers.c $(GUEST_HOST_LIB) -lcmocka -o $@

-include $(POSIX_OBJS:.o=.d)
ALL_TARGETS += $(POSIX_LIB)
