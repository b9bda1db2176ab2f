/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * newlib's system calls, provided by the executive on top of the port:
 * console output, the heap (sbrk over port_heap_area), exit, time, and a
 * malloc lock. Files other than the console do not exist.
 */
#include <rtems.h>

#include "kill_hook.h"

#include <port.h>

#include <errno.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>

struct _reent;

/*
 * newlib for *-elf is built with MISSING_SYSCALL_NAMES: its reentrant
 * wrappers (_write_r, ...) call these plain names and then copy the global
 * errno variable into the calling task's reent structure. So the calls below
 * set that global, not the per-task errno the <errno.h> macro names.
 */
#undef errno
extern int errno;

/* Declared here: newlib has no header for its system call layer. */
int write(int fd, const void *buf, size_t count);
int read(int fd, void *buf, size_t count);
int close(int fd);
int fstat(int fd, struct stat *st);
int isatty(int fd);
off_t lseek(int fd, off_t offset, int whence);
void *sbrk(ptrdiff_t increment);
_Noreturn void _exit(int status);
int kill(int pid, int sig);
int getpid(void);
int fsync(int fd);
int gettimeofday(struct timeval *tv, void *tz);
void __malloc_lock(struct _reent *r);
void __malloc_unlock(struct _reent *r);

static int is_console(int fd)
{
    return fd >= 0 && fd <= 2;
}

int write(int fd, const void *buf, size_t count)
{
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    port_console_write(buf, count);
    return (int)count;
}

int read(int fd, void *buf, size_t count)
{
    (void)buf;
    (void)count;
    if (fd != 0) {
        errno = EBADF;
        return -1;
    }
    return 0; /* no console input yet: end of file */
}

int close(int fd)
{
    (void)fd;
    errno = EBADF;
    return -1;
}

int fstat(int fd, struct stat *st)
{
    if (!is_console(fd)) {
        errno = EBADF;
        return -1;
    }
    st->st_mode = S_IFCHR;
    return 0;
}

int isatty(int fd)
{
    if (!is_console(fd)) {
        errno = EBADF;
        return 0;
    }
    return 1;
}

off_t lseek(int fd, off_t offset, int whence)
{
    (void)offset;
    (void)whence;
    errno = is_console(fd) ? ESPIPE : EBADF;
    return (off_t)-1;
}

void *sbrk(ptrdiff_t increment)
{
    static uintptr_t heap_end;
    static uintptr_t current;
    uintptr_t begin;
    uintptr_t previous;
    port_isr_level level = port_interrupt_disable();

    if (current == 0) {
        port_heap_area(&begin, &heap_end);
        current = begin;
    }
    previous = current;
    if ((increment > 0 && (uintptr_t)increment > heap_end - current) ||
        (increment < 0 && (uintptr_t)-increment > current)) {
        port_interrupt_restore(level);
        errno = ENOMEM;
        return (void *)-1;
    }
    current += (uintptr_t)increment;
    port_interrupt_restore(level);
    return (void *)previous;
}

/* malloc may be entered by several tasks: keep the others out meanwhile. */
static uint32_t malloc_nest;
static port_isr_level malloc_level;

void __malloc_lock(struct _reent *r)
{
    port_isr_level level = port_interrupt_disable();

    (void)r;
    if (malloc_nest++ == 0) {
        malloc_level = level;
    }
}

void __malloc_unlock(struct _reent *r)
{
    (void)r;
    if (--malloc_nest == 0) {
        port_interrupt_restore(malloc_level);
    }
}

_Noreturn void _exit(int status)
{
    rtems_shutdown_executive((uint32_t)status);
}

int (*exec_libc_kill_hook)(int pid, int sig);

int kill(int pid, int sig)
{
    if (exec_libc_kill_hook != NULL) {
        return exec_libc_kill_hook(pid, sig);
    }
    (void)pid;
    if (sig != 0) {
        rtems_fatal(RTEMS_FATAL_SOURCE_APPLICATION, (rtems_fatal_code)sig);
    }
    return 0;
}

/* The console writes through at once: nothing to flush below stdio. */
int fsync(int fd)
{
    if (fd < 0 || fd > 2) {
        errno = EBADF;
        return -1;
    }
    return 0;
}

int getpid(void)
{
    return 1;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    if (tv != NULL) {
        rtems_clock_get_realtime_timeval(tv);
    }
    return 0;
}
