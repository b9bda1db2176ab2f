/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Turning libxml2's view of the document into tessera-config's messages:
 * naming elements the way docs/configuration.md promises, and rewording
 * schema errors about a value's form.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xmlmsg.h"

/* Attribute values quoted in messages are cut to this many bytes. */
#define MAX_QUOTE 48

/* The length of the UTF-8 character at v that a terminal would act on
 * rather than show: C0 and C1 controls, DEL, and the bidirectional
 * controls that reorder what follows (U+061C, U+200E-200F, U+202A-202E,
 * U+2066-2069) - a name must not make a message read otherwise; 0 if none. */
static size_t control_at(const unsigned char *v)
{
    if (v[0] < 0x20 || v[0] == 0x7f) {
        return 1;
    }
    if (v[0] == 0xc2 && v[1] >= 0x80 && v[1] <= 0x9f) {
        return 2;
    }
    if (v[0] == 0xd8 && v[1] == 0x9c) {
        return 2;
    }
    if (v[0] == 0xe2 && v[1] == 0x80 &&
        (v[2] == 0x8e || v[2] == 0x8f || (v[2] >= 0xaa && v[2] <= 0xae))) {
        return 3;
    }
    if (v[0] == 0xe2 && v[1] == 0x81 && v[2] >= 0xa6 && v[2] <= 0xa9) {
        return 3;
    }
    return 0;
}

/* A value from the input, safe to print on one line: controls become '?',
 * and a long value is cut at a character boundary (libxml2 gives UTF-8). */
char *tcfg_quote(const char *v)
{
    const unsigned char *u = (const unsigned char *)v;
    size_t n = strlen(v);
    bool cut = n > MAX_QUOTE;
    if (cut) {
        n = MAX_QUOTE;
        while (n > 0 && (u[n] & 0xc0) == 0x80) {
            n--; /* u[n] continues the character before it */
        }
    }
    char *q = xmalloc(n + 4);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t k = control_at(u + i);
        if (k) {
            q[out++] = '?';
            i += k;
        } else {
            q[out++] = v[i++];
        }
    }
    strcpy(q + out, cut ? "..." : "");
    return q;
}

char *tcfg_xml_get(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) {
        return NULL;
    }
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static unsigned long line_of(const struct tcfg_xml_ctx *c, xmlNodePtr n)
{
    size_t k = (size_t)(uintptr_t)n->_private;
    if (k && k <= c->num_tags) {
        return c->tag_lines[k - 1];
    }
    long l = xmlGetLineNo(n);
    return l > 0 ? (unsigned long)l : 0;
}

static size_t number(xmlNodePtr n, size_t next, bool set)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        next++;
        if (set) {
            n->_private = (void *)(uintptr_t)next;
        }
        next = number(n->children, next, set);
    }
    return next;
}

bool tcfg_xml_number(const struct tcfg_xml_ctx *c, xmlNodePtr root)
{
    if (!root || number(root, 0, false) != c->num_tags) {
        return false;
    }
    number(root, 0, true);
    return true;
}

/* Which attributes identify an element to a reader, in message order. */
static const char *const *key_attrs(const char *tag)
{
    static const char *const window[] = {"partition", "offset", NULL};
    static const char *const console[] = {"input", NULL};
    static const char *const schedule[] = {"initial-plan", NULL};
    static const char *const end[] = {"partition", "port", NULL};
    static const char *const error[] = {"id", NULL};
    static const char *const other[] = {"name", NULL};
    if (strcmp(tag, "source") == 0 || strcmp(tag, "destination") == 0) {
        return end;
    }
    if (strcmp(tag, "error") == 0) {
        return error;
    }
    if (strcmp(tag, "window") == 0) {
        return window;
    }
    if (strcmp(tag, "console") == 0) {
        return console;
    }
    if (strcmp(tag, "schedule") == 0) {
        return schedule;
    }
    return other;
}

struct tcfg_where tcfg_xml_where(const struct tcfg_xml_ctx *c, xmlNodePtr n)
{
    char *tag = tcfg_quote((const char *)n->name);
    char *desc = xasprintf("<%s", tag);
    for (const char *const *a = key_attrs(tag); *a; a++) {
        char *v = tcfg_xml_get(n, *a);
        if (!v) {
            continue;
        }
        char *q = tcfg_quote(v);
        char *d = xasprintf("%s %s=\"%s\"", desc, *a, q);
        free(q);
        free(v);
        free(desc);
        desc = d;
    }
    struct tcfg_where w = {.line = line_of(c, n)};
    w.prefix = xasprintf("%s:%lu: %s>", c->file, w.line, desc);
    free(desc);
    free(tag);
    return w;
}

/* What a pattern failure means, by attribute name (each has one type). */
static const char *expected_form(const char *attr)
{
    static const struct {
        const char *attr, *form;
    } forms[] = {
        {"name", "a name (a letter or _, then letters, digits, _ . -)"},
        {"partition", "a name (a letter or _, then letters, digits, _ . -)"},
        {"input", "a name (a letter or _, then letters, digits, _ . -)"},
        {"initial-plan", "a name (a letter or _, then letters, digits, _ . -)"},
        {"port", "a name (a letter or _, then letters, digits, _ . -)"},
        {"id", "a decimal number"},
        {"depth", "a decimal number"},
        {"max-restarts", "a decimal number"},
        {"cpus", "a decimal number"},
        {"cpu", "a decimal number"},
        {"max-message-size", "a size (decimal or 0x hex bytes, or a number with KiB, MiB or GiB)"},
        {"refresh", "a time (a whole number with unit ns, us, ms or s)"},
        {"ram", "a size (decimal or 0x hex bytes, or a number with KiB, MiB or GiB)"},
        {"size", "a size (decimal or 0x hex bytes, or a number with KiB, MiB or GiB)"},
        {"virt", "an address (0x and up to 8 hex digits)"},
        {"phys", "an address (0x and up to 8 hex digits)"},
        {"entry", "an address (0x and up to 8 hex digits)"},
        {"offset", "a time (a whole number with unit ns, us, ms or s)"},
        {"duration", "a time (a whole number with unit ns, us, ms or s)"},
        {"major-frame", "a time (a whole number with unit ns, us, ms or s)"},
        {"image", "a file name (without control characters)"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (strcmp(attr, forms[i].attr) == 0) {
            return forms[i].form;
        }
    }
    return NULL;
}

/* libxml2's text minus the element name (the prefix already says it). */
static char *clean_message(const char *m)
{
    if (!m) {
        m = "error";
    }
    if (strncmp(m, "Element '", 9) == 0) {
        const char *end = strchr(m + 9, '\'');
        if (end && (end[1] == ',' || end[1] == ':') && end[2] == ' ') {
            m = end + 3;
        }
    }
    char *s = xstrdup(m);
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ')) {
        s[--n] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x20) {
            s[i] = ' ';
        }
    }
    return s;
}

/* The attribute a schema message is about: libxml2 names it in the text. */
static char *attr_of(const char *msg)
{
    static const char tag[] = "attribute '";
    const char *a = msg ? strstr(msg, tag) : NULL;
    if (!a) {
        return NULL;
    }
    a += sizeof tag - 1;
    const char *e = strchr(a, '\'');
    if (!e) {
        return NULL;
    }
    char *name = xstrdup(a);
    name[e - a] = 0;
    return name;
}

void tcfg_xml_error(void *user, xmlErrorPtr err)
{
    struct tcfg_xml_ctx *c = user;
    if (err->level == XML_ERR_WARNING) {
        return;
    }
    c->errors++;
    xmlNodePtr node = err->domain == XML_FROM_SCHEMASV ? err->node : NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE) {
        node = node->parent;
    }
    if (!node || node->type != XML_ELEMENT_NODE) {
        char *m = clean_message(err->message);
        tcfg_error_line(c->diag, c->file, err->line > 0 ? (unsigned long)err->line : 0, "%s", m);
        free(m);
        return;
    }
    struct tcfg_where w = tcfg_xml_where(c, node);
    char *attr = err->code == XML_SCHEMAV_CVC_PATTERN_VALID ? attr_of(err->message) : NULL;
    const char *form = attr ? expected_form(attr) : NULL;
    char *v = form ? tcfg_xml_get(node, attr) : NULL;
    if (v) {
        char *q = tcfg_quote(v);
        tcfg_error(c->diag, &w, "%s=\"%s\" is not %s", attr, q, form);
        free(q);
    } else {
        char *m = clean_message(err->message);
        tcfg_error(c->diag, &w, "%s", m);
        free(m);
    }
    free(v);
    free(attr);
    free(w.prefix);
}
