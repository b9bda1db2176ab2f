/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * XML to model: well-formedness, schema validation, then a walk of the tree
 * that the schema has already shaped.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "schema.h"
#include "tcfg.h"
#include "units.h"
#include "util.h"

/* Large enough for any real system, small enough to keep a run quick. */
#define MAX_XML_SIZE (16u << 20)
/* Attribute values quoted in messages are cut to this many bytes. */
#define MAX_QUOTE 48

struct ctx {
    const char *file;
    struct tcfg_diag *diag;
    size_t errors;
};

/* A value from the input, safe to print on one line. */
static char *quote(const char *v)
{
    size_t n = strlen(v);
    bool cut = n > MAX_QUOTE;
    if (cut)
        n = MAX_QUOTE;
    char *q = xmalloc(n + 4);
    for (size_t i = 0; i < n; i++)
        q[i] = (unsigned char)v[i] < 0x20 || v[i] == 0x7f ? '?' : v[i];
    strcpy(q + n, cut ? "..." : "");
    return q;
}

static char *get(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static unsigned long line_of(xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    return l > 0 ? (unsigned long)l : 0;
}

/* Which attributes identify an element to a reader, in message order. */
static const char *const *key_attrs(const char *tag)
{
    static const char *const window[] = {"partition", "offset", NULL};
    static const char *const console[] = {"input", NULL};
    static const char *const schedule[] = {"initial-plan", NULL};
    static const char *const other[] = {"name", NULL};
    if (strcmp(tag, "window") == 0)
        return window;
    if (strcmp(tag, "console") == 0)
        return console;
    if (strcmp(tag, "schedule") == 0)
        return schedule;
    return other;
}

static struct tcfg_where where(const struct ctx *c, xmlNodePtr n)
{
    char *tag = quote((const char *)n->name);
    char *desc = xasprintf("<%s", tag);
    for (const char *const *a = key_attrs(tag); *a; a++) {
        char *v = get(n, *a);
        if (!v)
            continue;
        char *q = quote(v);
        char *d = xasprintf("%s %s=\"%s\"", desc, *a, q);
        free(q);
        free(v);
        free(desc);
        desc = d;
    }
    struct tcfg_where w = {.line = line_of(n)};
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
        {"id", "a decimal number"},
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
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcmp(attr, forms[i].attr) == 0)
            return forms[i].form;
    return NULL;
}

/* libxml2's text minus the element name (the prefix already says it). */
static char *clean_message(const char *m)
{
    if (!m)
        m = "error";
    if (strncmp(m, "Element '", 9) == 0) {
        const char *end = strchr(m + 9, '\'');
        if (end && (end[1] == ',' || end[1] == ':') && end[2] == ' ')
            m = end + 3;
    }
    char *s = xstrdup(m);
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20)
            s[i] = ' ';
    return s;
}

/* The attribute a schema message is about: libxml2 names it in the text. */
static char *attr_of(const char *msg)
{
    static const char tag[] = "attribute '";
    const char *a = msg ? strstr(msg, tag) : NULL;
    if (!a)
        return NULL;
    a += sizeof tag - 1;
    const char *e = strchr(a, '\'');
    if (!e)
        return NULL;
    char *name = xstrdup(a);
    name[e - a] = 0;
    return name;
}

static void on_error(void *user, xmlErrorPtr err)
{
    struct ctx *c = user;
    if (err->level == XML_ERR_WARNING)
        return;
    c->errors++;
    xmlNodePtr node = err->domain == XML_FROM_SCHEMASV ? err->node : NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE)
        node = node->parent;
    if (!node || node->type != XML_ELEMENT_NODE) {
        char *m = clean_message(err->message);
        tcfg_error_line(c->diag, c->file, err->line > 0 ? (unsigned long)err->line : 0, "%s", m);
        free(m);
        return;
    }
    struct tcfg_where w = where(c, node);
    char *attr = err->code == XML_SCHEMAV_CVC_PATTERN_VALID ? attr_of(err->message) : NULL;
    const char *form = attr ? expected_form(attr) : NULL;
    char *v = form ? get(node, attr) : NULL;
    if (v) {
        char *q = quote(v);
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

/* Entity declarations live in a DTD; refusing DTDs rules out entity bombs. */
static bool has_doctype(const char *xml, size_t len, unsigned long *line)
{
    static const char tag[] = "<!DOCTYPE";
    unsigned long l = 1;
    for (size_t i = 0; i < len; i++) {
        if (xml[i] == '\n')
            l++;
        if (len - i >= sizeof tag - 1 && memcmp(xml + i, tag, sizeof tag - 1) == 0) {
            *line = l;
            return true;
        }
    }
    return false;
}

static size_t count(xmlNodePtr parent, const char *tag)
{
    size_t n = 0;
    for (xmlNodePtr k = parent ? parent->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, tag) == 0)
            n++;
    return n;
}

static xmlNodePtr next_elem(xmlNodePtr k, const char *tag)
{
    for (; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, tag) == 0)
            return k;
    return NULL;
}

#define EACH(k, parent, tag)                                                                       \
    for (xmlNodePtr k = next_elem((parent) ? (parent)->children : NULL, tag); k;                   \
         k = next_elem(k->next, tag))

static bool is(const char *v, const char *want)
{
    return v && strcmp(v, want) == 0;
}

/* The parse helpers report overflow; the schema already vouched for shape. */
static bool size_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                      const char *name, uint32_t *out)
{
    char *v = get(n, name);
    bool ok = v && tcfg_parse_size(v, out);
    if (!ok) {
        char *q = quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" does not fit in 32 bits", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool addr_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                      const char *name, uint32_t *out)
{
    char *v = get(n, name);
    bool ok = v && tcfg_parse_address(v, out);
    if (!ok) {
        char *q = quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" is not a 32-bit address", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool time_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                      const char *name, uint64_t *out)
{
    char *v = get(n, name);
    bool ok = v && tcfg_parse_time(v, out);
    if (!ok) {
        char *q = quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" does not fit in 64 bits of nanoseconds", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool id_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at, uint32_t *out)
{
    char *v = get(n, "id");
    bool ok = v && tcfg_parse_u32(v, out);
    if (!ok) {
        char *q = quote(v ? v : "");
        tcfg_error(d, at, "id=\"%s\" does not fit in 32 bits", q);
        free(q);
    }
    free(v);
    return ok;
}

static char *name_attr(xmlNodePtr n, const char *name)
{
    char *v = get(n, name);
    return v ? v : xstrdup("");
}

static void parse_area(struct ctx *c, xmlNodePtr n, struct tcfg_area *a)
{
    a->at = where(c, n);
    a->name = name_attr(n, "name");
    bool ok = addr_attr(c->diag, n, &a->at, "virt", &a->virt);
    ok &= addr_attr(c->diag, n, &a->at, "phys", &a->phys);
    ok &= size_attr(c->diag, n, &a->at, "size", &a->size);
    a->bad = !ok;
    char *r = get(n, "rights");
    a->rights = TCFG_R;
    if (r && strchr(r, 'w'))
        a->rights |= TCFG_W;
    if (r && strchr(r, 'x'))
        a->rights |= TCFG_X;
    free(r);
    char *sh = get(n, "shared");
    a->shared = is(sh, "yes");
    free(sh);
}

static enum tcfg_mode mode_of(const char *m)
{
    if (is(m, "idle"))
        return TCFG_IDLE;
    if (is(m, "warm-start"))
        return TCFG_WARM_START;
    if (is(m, "normal"))
        return TCFG_NORMAL;
    return TCFG_COLD_START;
}

static void parse_partition(struct ctx *c, xmlNodePtr n, struct tcfg_partition *p)
{
    p->at = where(c, n);
    p->name = name_attr(n, "name");
    p->id_bad = !id_attr(c->diag, n, &p->at, &p->id);
    char *v = get(n, "kind");
    p->system = is(v, "system");
    free(v);
    v = get(n, "fpu");
    p->fpu = is(v, "yes");
    free(v);
    v = get(n, "criticality");
    p->criticality = v && v[0] >= 'A' && v[0] <= 'E' ? (unsigned)(v[0] - 'A') : 4;
    free(v);
    v = get(n, "initial-mode");
    p->mode = mode_of(v);
    free(v);
    p->image = name_attr(n, "image");
    v = get(n, "entry");
    if (v)
        p->has_entry = addr_attr(c->diag, n, &p->at, "entry", &p->entry);
    free(v);
    p->num_areas = count(n, "area");
    p->areas = xcalloc(p->num_areas, sizeof *p->areas);
    size_t i = 0;
    EACH(k, n, "area")
    parse_area(c, k, &p->areas[i++]);
}

static void parse_window(struct ctx *c, xmlNodePtr n, struct tcfg_window *w)
{
    w->at = where(c, n);
    w->partition_name = name_attr(n, "partition");
    w->partition = TCFG_NONE;
    bool ok = time_attr(c->diag, n, &w->at, "offset", &w->offset);
    ok &= time_attr(c->diag, n, &w->at, "duration", &w->duration);
    w->bad = !ok;
}

static void parse_plan(struct ctx *c, xmlNodePtr n, struct tcfg_plan *p)
{
    p->at = where(c, n);
    p->name = name_attr(n, "name");
    p->id_bad = !id_attr(c->diag, n, &p->at, &p->id);
    p->bad = !time_attr(c->diag, n, &p->at, "major-frame", &p->major_frame);
    p->num_windows = count(n, "window");
    p->windows = xcalloc(p->num_windows, sizeof *p->windows);
    size_t i = 0;
    EACH(k, n, "window")
    parse_window(c, k, &p->windows[i++]);
}

static void parse_system(struct ctx *c, xmlNodePtr n, struct tcfg_system *s)
{
    s->at = where(c, n);
    s->name = name_attr(n, "name");
    s->arch_name = get(n, "arch");
    s->ram_bad = !size_attr(c->diag, n, &s->at, "ram", &s->ram);

    xmlNodePtr parts = next_elem(n->children, "partitions");
    s->num_partitions = count(parts, "partition");
    s->partitions = xcalloc(s->num_partitions, sizeof *s->partitions);
    size_t i = 0;
    EACH(k, parts, "partition")
    parse_partition(c, k, &s->partitions[i++]);

    xmlNodePtr sched = next_elem(n->children, "schedule");
    s->initial_plan = TCFG_NONE;
    if (sched) {
        s->schedule_at = where(c, sched);
        s->initial_plan_name = name_attr(sched, "initial-plan");
    }
    s->num_plans = count(sched, "plan");
    s->plans = xcalloc(s->num_plans, sizeof *s->plans);
    i = 0;
    EACH(k, sched, "plan")
    parse_plan(c, k, &s->plans[i++]);

    xmlNodePtr cons = next_elem(n->children, "console");
    s->console = TCFG_NONE;
    if (cons) {
        s->console_at = where(c, cons);
        s->console_name = get(cons, "input");
    }
}

static bool validate(struct ctx *c, xmlDocPtr doc)
{
    xmlSchemaPtr schema = tcfg_schema();
    if (!schema) {
        tcfg_error_line(c->diag, c->file, 0, "the built-in schema does not compile");
        return false;
    }
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    if (!vc) {
        tcfg_error_line(c->diag, c->file, 0, "cannot create a schema validation context");
        return false;
    }
    xmlSchemaSetValidStructuredErrors(vc, on_error, c);
    size_t before = c->errors;
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    /* on_error() counts behind cppcheck's back. */
    // cppcheck-suppress knownConditionTrueFalse
    if (rc != 0 && c->errors == before)
        tcfg_error_line(c->diag, c->file, 0, "does not match the schema");
    return rc == 0;
}

bool tcfg_parse(const char *xml, size_t len, const char *file, struct tcfg_diag *diag,
                struct tcfg_system *sys)
{
    struct ctx c = {.file = file, .diag = diag};
    size_t before = diag->n;
    unsigned long line;
    memset(sys, 0, sizeof *sys);
    sys->initial_plan = sys->console = TCFG_NONE;
    if (len > MAX_XML_SIZE || len > INT_MAX) {
        tcfg_error_line(diag, file, 0, "larger than %u MiB", MAX_XML_SIZE >> 20);
        return false;
    }
    if (has_doctype(xml, len, &line)) {
        tcfg_error_line(diag, file, line, "DOCTYPE declarations are not allowed");
        return false;
    }
    /* Deliberately without XML_PARSE_NOENT / DTDLOAD: nothing outside the
     * file is read, and the network never. */
    xmlSetStructuredErrorFunc(&c, on_error);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, file, NULL,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc) {
        if (diag->n == before)
            tcfg_error_line(diag, file, 0, "not well-formed XML");
        return false;
    }
    bool ok = diag->n == before;
    if (ok && doc->intSubset) {
        tcfg_error_line(diag, file, 1, "DOCTYPE declarations are not allowed");
        ok = false;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (ok && (!root || strcmp((const char *)root->name, "system") != 0)) {
        if (root) {
            struct tcfg_where w = where(&c, root);
            tcfg_error(diag, &w, "the document element must be <system>");
            free(w.prefix);
        } else {
            tcfg_error_line(diag, file, 1, "no document element");
        }
        ok = false;
    }
    if (ok)
        ok = validate(&c, doc);
    if (ok)
        parse_system(&c, root, sys);
    xmlFreeDoc(doc);
    return ok;
}
