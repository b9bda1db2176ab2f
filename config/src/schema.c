/* SPDX-License-Identifier: BSD-2-Clause */
#include "schema.h"

#include <stdio.h>

#include "xsd.h"

static xmlSchemaPtr schema;

/* The built-in schema is part of the tool: a problem here is a build bug. */
static void schema_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    fprintf(stderr, "tessera-config: built-in schema: line %d: %s", err->line,
            err->message ? err->message : "error\n");
}

xmlSchemaPtr tcfg_schema(void)
{
    if (schema) {
        return schema;
    }
    xmlSchemaParserCtxtPtr pc =
        xmlSchemaNewMemParserCtxt((const char *)tcfg_xsd, (int)tcfg_xsd_len);
    if (!pc) {
        return NULL;
    }
    xmlSchemaSetParserStructuredErrors(pc, schema_error, NULL);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    return schema;
}

void tcfg_schema_release(void)
{
    if (schema) {
        xmlSchemaFree(schema);
    }
    schema = NULL;
}
