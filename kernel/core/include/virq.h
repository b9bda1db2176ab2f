/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Virtual interrupts. A line becomes pending in the partition's control
 * page; it is delivered by upcall only while the partition runs, has
 * virtual interrupts enabled and the line unmasked. Masking and enabling
 * are plain stores by the guest: the kernel reads them when it is entered
 * anyway (timer, hypercall), so they cost no trap.
 */
#ifndef TESSERA_VIRQ_H
#define TESSERA_VIRQ_H

#include <stdint.h>

struct partition;

/* Marks line pending for p and wakes p if it idles waiting for one. */
void virq_raise(struct partition *p, unsigned line);

/* If p has deliverable lines, redirects p's context into its upcall entry
 * with the lines and the interrupted context on p's stack. Returns 0, or -1
 * when p's stack cannot take the frame (p must then be stopped). */
int virq_deliver(struct partition *p);

/* Lines pending and not masked. */
uint32_t virq_unmasked_pending(const struct partition *p);

#endif
