/* SPDX-License-Identifier: BSD-2-Clause */
#include "virq.h"
#include "arch.h"
#include "partition.h"
#include "trace.h"

uint32_t virq_unmasked_pending(const struct partition *p)
{
    return p->shared->irq_pending & ~p->shared->irq_mask;
}

void virq_raise(struct partition *p, unsigned line)
{
    trace_event(PV_TRACE_CLASS_VIRQ, PV_TRACE_VIRQ_RAISE, p->index, line, 0);
    p->shared->irq_pending |= 1u << line;
    if (p->state == PART_IDLE && virq_unmasked_pending(p)) {
        p->state = PART_READY;
    }
}

__attribute__((noinline)) static int deliver(struct partition *p, uint32_t lines)
{
    trace_virq_deliver(p, lines);
    p->shared->irq_pending &= ~lines;
    p->shared->irq_level = 1;
    return arch_upcall_push(p, lines);
}

/* Called on the way out of every kernel entry: the usual answer (nothing
 * to deliver) is kept short. */
int virq_deliver(struct partition *p)
{
    const struct pv_shared *s = p->shared;
    uint32_t lines = s->irq_pending & ~s->irq_mask;

    if (!lines || s->irq_level || !p->upcall_entry) {
        return 0;
    }
    return deliver(p, lines);
}
