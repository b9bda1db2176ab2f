/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libxml2 gives an element the line where its start tag ends, and past line
 * 65,535 one too many; a message about an element should point where the
 * element begins. Elements without a DTD are exactly the start tags of the
 * text, in the same order, so the text itself tells each one's line. The
 * same scan finds a DOCTYPE where one can be, and not inside a comment.
 */
#include "rawscan.h"

#include <string.h>

#include "util.h"

struct cursor {
    const char *p, *end;
    unsigned long line;
};

static bool at(const struct cursor *c, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(c->end - c->p) >= n && memcmp(c->p, s, n) == 0;
}

static void step(struct cursor *c)
{
    if (*c->p == '\n') {
        c->line++;
    }
    c->p++;
}

/* Moves past the next occurrence of s (or to the end). */
static void skip_past(struct cursor *c, const char *s)
{
    while (c->p < c->end && !at(c, s)) {
        step(c);
    }
    for (size_t n = strlen(s); n && c->p < c->end; n--) {
        step(c);
    }
}

/* Moves past the '>' that ends a tag, over quoted attribute values. */
static void skip_tag(struct cursor *c)
{
    char quote = 0;
    while (c->p < c->end) {
        char ch = *c->p;
        step(c);
        if (quote) {
            if (ch == quote) {
                quote = 0;
            }
        } else if (ch == '"' || ch == '\'') {
            quote = ch;
        } else if (ch == '>') {
            return;
        }
    }
}

void tcfg_rawscan(const char *xml, size_t len, struct tcfg_rawscan *out)
{
    struct cursor c = {xml, xml + len, 1};
    size_t cap = 64;
    memset(out, 0, sizeof *out);
    out->tag_lines = xmalloc(cap * sizeof *out->tag_lines);
    while (c.p < c.end) {
        if (*c.p != '<') {
            step(&c);
            continue;
        }
        if (at(&c, "<!--")) {
            skip_past(&c, "-->");
        } else if (at(&c, "<![CDATA[")) {
            skip_past(&c, "]]>");
        } else if (at(&c, "<?")) {
            skip_past(&c, "?>");
        } else if (at(&c, "<!")) {
            if (at(&c, "<!DOCTYPE") && !out->doctype_line) {
                out->doctype_line = c.line;
            }
            skip_tag(&c);
        } else if (at(&c, "</")) {
            skip_tag(&c);
        } else {
            if (out->num_tags == cap) {
                cap *= 2;
                out->tag_lines = xrealloc(out->tag_lines, cap * sizeof *out->tag_lines);
            }
            out->tag_lines[out->num_tags++] = c.line;
            skip_tag(&c);
        }
    }
}
