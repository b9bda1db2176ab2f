/* SPDX-License-Identifier: BSD-2-Clause */
/* What tessera-config reads from the XML text itself, before and beside
 * libxml2: where each start tag begins, and whether there is a DOCTYPE. */
#ifndef TCFG_RAWSCAN_H
#define TCFG_RAWSCAN_H

#include <stdbool.h>
#include <stddef.h>

struct tcfg_rawscan {
    unsigned long *tag_lines; /* line of the '<' of each start tag, in document order */
    size_t num_tags;
    unsigned long doctype_line; /* 0: none outside comments, PIs and CDATA */
};

/* Scans xml[0, len). The result's tag_lines is malloc'ed. */
void tcfg_rawscan(const char *xml, size_t len, struct tcfg_rawscan *out);

#endif
