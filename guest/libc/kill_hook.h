/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * kill() of the C library (syscalls.c) hands signals to the POSIX API when
 * that runs (guest/posix/signal.c sets the hook at its start); without it
 * a signal ends the application as a fatal error, as before POSIX.
 */
#ifndef TESSERA_LIBC_KILL_HOOK_H
#define TESSERA_LIBC_KILL_HOOK_H

extern int (*exec_libc_kill_hook)(int pid, int sig);

#endif
