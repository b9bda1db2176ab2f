/* SPDX-License-Identifier: BSD-2-Clause */
/* I/O manager: initialization of the configured device drivers. */
#ifndef TESSERA_EXEC_IO_IMPL_H
#define TESSERA_EXEC_IO_IMPL_H

/*
 * Calls the initialization entry of every driver in the table (minor 0,
 * argument NULL), in major number order; from then on a newly registered
 * driver is initialized when it is registered.
 */
void exec_io_initialize_all(void);

#endif
