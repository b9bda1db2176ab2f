/* SPDX-License-Identifier: BSD-2-Clause */
/* Diagnostics about XML elements, and libxml2's errors turned into diagnostics. */
#ifndef TCFG_XMLMSG_H
#define TCFG_XMLMSG_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "diag.h"

struct tcfg_xml_ctx {
    const char *file;
    struct tcfg_diag *diag;
    size_t errors; /* counted by tcfg_xml_error() */
    /* Line of each element's start tag, by the element's document-order
     * number + 1 in its _private field (tcfg_xml_number); else libxml2's. */
    const unsigned long *tag_lines;
    size_t num_tags;
};

/* A malloc'ed copy of v that prints on one line and is cut if long. */
char *tcfg_quote(const char *v);
/* A malloc'ed copy of attribute `name` of n, or NULL. */
char *tcfg_xml_get(xmlNodePtr n, const char *name);
/* The location and "<elem key=...>" prefix of element n. */
struct tcfg_where tcfg_xml_where(const struct tcfg_xml_ctx *c, xmlNodePtr n);
/* Numbers the elements under root in document order, for c->tag_lines;
 * returns false (and numbers none) if they are not as many as the tags. */
bool tcfg_xml_number(const struct tcfg_xml_ctx *c, xmlNodePtr root);
/* A libxml2 structured error handler; user is a struct tcfg_xml_ctx. */
void tcfg_xml_error(void *user, xmlErrorPtr err);

#endif
