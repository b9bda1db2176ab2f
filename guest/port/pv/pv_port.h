/* SPDX-License-Identifier: BSD-2-Clause */
/* Internals shared by the files of the pv port. */
#ifndef TESSERA_PV_PORT_H
#define TESSERA_PV_PORT_H

#include <stdnoreturn.h>

/* Reports an impossible situation on the console and halts the partition. */
noreturn void pv_port_panic(const char *why);

#endif
