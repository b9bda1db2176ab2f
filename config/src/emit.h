/* SPDX-License-Identifier: BSD-2-Clause */
/* Writing the generated files: all of them, or none. */
#ifndef TCFG_EMIT_H
#define TCFG_EMIT_H

#include <stdbool.h>

#include "tcfg.h"

/*
 * Writes DIR/cfg_tables.c, DIR/cfg_images.S and DIR/cfg.d for a system that
 * passed tcfg_load(). Each goes to a temporary file first and all are renamed
 * at the end, so a failure leaves no half-written output. xml_path names the
 * input in cfg.d. Prints what went wrong to stderr; returns success.
 */
bool tcfg_emit(const struct tcfg_system *sys, const char *xml_path, const char *dir);

#endif
