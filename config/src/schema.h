/* SPDX-License-Identifier: BSD-2-Clause */
/* The schema (config/tessera.xsd), compiled from the copy built into the tool. */
#ifndef TCFG_SCHEMA_H
#define TCFG_SCHEMA_H

#include <libxml/xmlschemas.h>

/* Compiled on first use and kept; NULL only if the built-in copy is broken. */
xmlSchemaPtr tcfg_schema(void);
void tcfg_schema_release(void);

#endif
