/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The signal interface of RTEMS's newlib on the executive's *-elf newlib:
 * RTEMS's numbers (SIGUSR1 25, SIGUSR2 26, SIGRTMIN 27 .. SIGRTMAX 31),
 * struct sigaction with sa_sigaction and SA_SIGINFO, and sigemptyset & co.
 * as functions (guest/posix/sigset.c: bit signo - 1, EINVAL for a bad
 * number) where *-elf has macros over bit signo. newlib's <sys/signal.h>
 * chooses all of that on __rtems__ alone, which the *-elf compilers do not
 * define, and on _POSIX_REALTIME_SIGNALS for sa_sigaction: both are
 * defined here around that one header. The headers it includes come first,
 * without them, so no other type changes (newlib's libc.a was built
 * without __rtems__; docs/guest.md, "Signals"). Every port and arch
 * compiles the executive and its applications with this header, so all
 * use the same numbers.
 */
#ifndef TESSERA_SYS_SIGNAL_H
#define TESSERA_SYS_SIGNAL_H

#ifdef __rtems__
#include_next <sys/signal.h>
#else
#include <_ansi.h>
#include <sys/cdefs.h>
#include <sys/features.h>
#include <sys/types.h>
#include <sys/_sigset.h>
#include <sys/_timespec.h>

#define __rtems__ 1
#ifndef _POSIX_REALTIME_SIGNALS
#define _POSIX_REALTIME_SIGNALS 200112L
#define TESSERA_UNDEF_REALTIME_SIGNALS
#endif
#include_next <sys/signal.h>
#undef __rtems__
#ifdef TESSERA_UNDEF_REALTIME_SIGNALS
/* Queued signals are not done (docs/compatibility.md): not announced. */
#undef _POSIX_REALTIME_SIGNALS
#undef TESSERA_UNDEF_REALTIME_SIGNALS
#endif
#endif

#endif
