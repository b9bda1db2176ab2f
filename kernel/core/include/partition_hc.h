/* SPDX-License-Identifier: BSD-2-Clause */
/* The partition hypercalls (partition_hc.c), for the dispatch table: each
 * reads its arguments from p's saved context and returns PV_OK, a PV_E*
 * error or, for upcall_return, writes the whole context itself. */
#ifndef TESSERA_PARTITION_HC_H
#define TESSERA_PARTITION_HC_H

#include <stdint.h>

struct partition;

int32_t partition_hc_time_get(struct partition *p);
int32_t partition_hc_idle(struct partition *p);
int32_t partition_hc_halt_self(struct partition *p);
int32_t partition_hc_upcall_set(struct partition *p);
int32_t partition_hc_upcall_return(struct partition *p);
int32_t partition_hc_irq_sync(struct partition *p);
int32_t partition_hc_timer_set(struct partition *p);
int32_t partition_hc_restart_self(struct partition *p);
int32_t partition_hc_mode_set(struct partition *p);
int32_t partition_hc_status(struct partition *p);
int32_t partition_hc_control(struct partition *p);

#endif
