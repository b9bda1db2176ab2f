/* SPDX-License-Identifier: BSD-2-Clause */
/* Diagnostics about XML elements, and libxml2's errors turned into diagnostics. */
#ifndef TCFG_XMLMSG_H
#define TCFG_XMLMSG_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"

struct tcfg_xml_ctx {
    const char *file;
    struct tcfg_diag *diag;
    size_t errors; /* counted by tcfg_xml_error() */
};

/* A malloc'ed copy of v that prints on one line and is cut if long. */
char *tcfg_quote(const char *v);
/* A malloc'ed copy of attribute `name` of n, or NULL. */
char *tcfg_xml_get(xmlNodePtr n, const char *name);
/* The location and "<elem key=...>" prefix of element n. */
struct tcfg_where tcfg_xml_where(const struct tcfg_xml_ctx *c, xmlNodePtr n);
/* A libxml2 structured error handler; user is a struct tcfg_xml_ctx. */
void tcfg_xml_error(void *user, xmlErrorPtr err);

#endif
