/* SPDX-License-Identifier: BSD-2-Clause */
/* The kernel's own console output. */
#ifndef TESSERA_KPRINTF_H
#define TESSERA_KPRINTF_H

#include "kformat.h"

void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the message and ends the system with a failure status. */
__attribute__((noreturn)) void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
