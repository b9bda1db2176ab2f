/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The APEX service tests (tests/system/test_apex_{process,time,intra,
 * errors}.py), one image, one ARINC 653 Part 3 service category per
 * partition id. Every line starts with the role's name; "ROLE rc CALL =
 * CODE" lines are the return codes the tests check, the first of each CALL.
 */
#ifndef APEX_SVC_H
#define APEX_SVC_H

#include <apex.h>
#include <stdbool.h>

extern const char *role;

/* Prints "ROLE rc what = CODE". */
void rc(const char *what, RETURN_CODE_TYPE code);
const char *rc_name(RETURN_CODE_TYPE code);

/* An aperiodic process without deadline, or a periodic one. */
PROCESS_ID_TYPE make_process(const char *name, void (*entry)(void), PRIORITY_TYPE priority,
                             SYSTEM_TIME_TYPE period, SYSTEM_TIME_TYPE capacity);
/* GET_TIME in ns. */
SYSTEM_TIME_TYPE now(void);
/* Runs for ns without blocking. */
void spin_ns(SYSTEM_TIME_TYPE ns);

#define MS(n) ((SYSTEM_TIME_TYPE)(n)*1000000)

/* Each role: its COLD_START part (Init), which starts its processes. */
void process_role(void);
void time_role(void);
void intra_role(void);
void errors_role(void);
void restart_role(void);
void nohandler_role(void);
void escalate_role(void);
/* Before any APEX service (partition 7 only). */
void escalate_early(void);

#endif
