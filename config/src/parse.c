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

#include "rawscan.h"
#include "schema.h"
#include "tcfg.h"
#include "units.h"
#include "util.h"
#include "xmlmsg.h"

/* Large enough for any real system, small enough to keep a run quick. */
#define MAX_XML_SIZE (16u << 20)

static size_t count(xmlNodePtr parent, const char *tag)
{
    size_t n = 0;
    for (xmlNodePtr k = parent ? parent->children : NULL; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, tag) == 0) {
            n++;
        }
    }
    return n;
}

static xmlNodePtr next_elem(xmlNodePtr k, const char *tag)
{
    for (; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, tag) == 0) {
            return k;
        }
    }
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
    char *v = tcfg_xml_get(n, name);
    bool ok = v && tcfg_parse_size(v, out);
    if (!ok) {
        char *q = tcfg_quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" does not fit in 32 bits", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool addr_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                      const char *name, uint32_t *out)
{
    char *v = tcfg_xml_get(n, name);
    bool ok = v && tcfg_parse_address(v, out);
    if (!ok) {
        char *q = tcfg_quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" does not fit in 32 bits", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool time_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                      const char *name, uint64_t *out)
{
    char *v = tcfg_xml_get(n, name);
    bool ok = v && tcfg_parse_time(v, out);
    if (!ok) {
        char *q = tcfg_quote(v ? v : "");
        tcfg_error(d, at, "%s=\"%s\" does not fit in 64 bits of nanoseconds", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static bool id_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at, uint32_t *out)
{
    char *v = tcfg_xml_get(n, "id");
    bool ok = v && tcfg_parse_u32(v, out);
    if (!ok) {
        char *q = tcfg_quote(v ? v : "");
        tcfg_error(d, at, "id=\"%s\" does not fit in 32 bits", q);
        free(q);
    }
    free(v);
    return ok;
}

/* An optional count; absent, it is dflt. */
static bool count_attr(struct tcfg_diag *d, xmlNodePtr n, const struct tcfg_where *at,
                       const char *name, uint32_t dflt, uint32_t *out)
{
    char *v = tcfg_xml_get(n, name);
    bool ok = !v || tcfg_parse_u32(v, out);
    if (!v) {
        *out = dflt;
    }
    if (!ok) {
        char *q = tcfg_quote(v);
        tcfg_error(d, at, "%s=\"%s\" does not fit in 32 bits", name, q);
        free(q);
    }
    free(v);
    return ok;
}

static char *name_attr(xmlNodePtr n, const char *name)
{
    char *v = tcfg_xml_get(n, name);
    return v ? v : xstrdup("");
}

static void parse_area(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_area *a)
{
    a->at = tcfg_xml_where(c, n);
    a->name = name_attr(n, "name");
    bool ok = addr_attr(c->diag, n, &a->at, "virt", &a->virt);
    ok &= addr_attr(c->diag, n, &a->at, "phys", &a->phys);
    ok &= size_attr(c->diag, n, &a->at, "size", &a->size);
    a->bad = !ok;
    char *r = tcfg_xml_get(n, "rights");
    a->rights = TCFG_R;
    if (r && strchr(r, 'w')) {
        a->rights |= TCFG_W;
    }
    if (r && strchr(r, 'x')) {
        a->rights |= TCFG_X;
    }
    free(r);
    char *sh = tcfg_xml_get(n, "shared");
    a->shared = is(sh, "yes");
    free(sh);
}

static void parse_port(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_port *p)
{
    p->at = tcfg_xml_where(c, n);
    p->name = name_attr(n, "name");
    p->channel = TCFG_NONE;
    char *v = tcfg_xml_get(n, "kind");
    p->queuing = is(v, "queuing");
    free(v);
    v = tcfg_xml_get(n, "direction");
    p->destination = is(v, "destination");
    free(v);
    p->size_bad = !size_attr(c->diag, n, &p->at, "max-message-size", &p->size);
    v = tcfg_xml_get(n, "depth");
    p->has_depth = v != NULL;
    if (v && !tcfg_parse_u32(v, &p->depth)) {
        char *q = tcfg_quote(v);
        tcfg_error(c->diag, &p->at, "depth=\"%s\" does not fit in 32 bits", q);
        free(q);
        p->depth_bad = true;
    }
    free(v);
    v = tcfg_xml_get(n, "refresh");
    p->has_refresh = v != NULL;
    if (v) {
        p->refresh_bad = !time_attr(c->diag, n, &p->at, "refresh", &p->refresh);
    }
    free(v);
}

/* The index of v in names, or n when it is not there. */
static size_t hm_lookup(const struct tcfg_hm_name *names, size_t n, const char *v)
{
    size_t i = 0;
    while (i < n && !is(v, names[i].xml)) {
        i++;
    }
    return i;
}

static void parse_hm_entry(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_hm_entry *e)
{
    e->at = tcfg_xml_where(c, n);
    char *v = tcfg_xml_get(n, "id");
    size_t i = hm_lookup(tcfg_hm_errors, TCFG_HM_ERRORS, v);
    e->error = (unsigned)i;
    e->bad = i == TCFG_HM_ERRORS;
    free(v);
    v = tcfg_xml_get(n, "action");
    i = hm_lookup(tcfg_hm_actions, TCFG_HM_ACTIONS, v);
    e->action = i < TCFG_HM_ACTIONS ? (enum tcfg_hm_action)i : TCFG_HM_MODULE;
    e->bad |= i == TCFG_HM_ACTIONS;
    free(v);
    /* "module" is not a value of unhandled (hm.c says so): absent is 0. */
    v = tcfg_xml_get(n, "unhandled");
    e->unhandled = TCFG_HM_MODULE;
    e->has_unhandled = v != NULL;
    if (v) {
        i = hm_lookup(tcfg_hm_actions, TCFG_HM_ACTIONS, v);
        e->unhandled = i < TCFG_HM_ACTIONS ? (enum tcfg_hm_action)i : TCFG_HM_MODULE;
        e->bad |= i == TCFG_HM_ACTIONS;
    }
    free(v);
}

/* A <health-monitor> of a partition or of the system; n may be NULL. */
static void parse_hm(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_hm *hm)
{
    if (!n) {
        return;
    }
    hm->at = tcfg_xml_where(c, n);
    char *v = tcfg_xml_get(n, "max-restarts");
    hm->has_max_restarts = v != NULL;
    if (v && !tcfg_parse_u32(v, &hm->max_restarts)) {
        char *q = tcfg_quote(v);
        tcfg_error(c->diag, &hm->at, "max-restarts=\"%s\" does not fit in 32 bits", q);
        free(q);
        hm->max_restarts_bad = true;
    }
    free(v);
    hm->num_entries = count(n, "error");
    hm->entries = xcalloc(hm->num_entries, sizeof *hm->entries);
    size_t i = 0;
    EACH(k, n, "error")
    parse_hm_entry(c, k, &hm->entries[i++]);
}

/* The schema admits only the names of PV_MODE_LIST; its default is
 * cold-start. */
static enum tcfg_mode mode_of(const char *m)
{
#define MODE_OF_(name, value, xml, ...)                                                            \
    if (is(m, xml))                                                                                \
        return TCFG_##name;
    PV_MODE_LIST(MODE_OF_)
#undef MODE_OF_
    return TCFG_COLD_START;
}

static void parse_partition(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_partition *p)
{
    p->at = tcfg_xml_where(c, n);
    p->name = name_attr(n, "name");
    p->id_bad = !id_attr(c->diag, n, &p->at, &p->id);
    char *v = tcfg_xml_get(n, "kind");
    p->system = is(v, "system");
    free(v);
    v = tcfg_xml_get(n, "fpu");
    p->fpu = is(v, "yes");
    free(v);
    v = tcfg_xml_get(n, "criticality");
    p->criticality = v && v[0] >= 'A' && v[0] <= 'E' ? (unsigned)(v[0] - 'A') : 4;
    free(v);
    v = tcfg_xml_get(n, "initial-mode");
    p->mode = mode_of(v);
    free(v);
    p->image = name_attr(n, "image");
    v = tcfg_xml_get(n, "entry");
    if (v) {
        p->has_entry = addr_attr(c->diag, n, &p->at, "entry", &p->entry);
    }
    free(v);
    p->num_areas = count(n, "area");
    p->areas = xcalloc(p->num_areas, sizeof *p->areas);
    size_t i = 0;
    EACH(k, n, "area")
    parse_area(c, k, &p->areas[i++]);
    p->num_ports = count(n, "port");
    p->ports = xcalloc(p->num_ports, sizeof *p->ports);
    i = 0;
    EACH(k, n, "port")
    parse_port(c, k, &p->ports[i++]);
    parse_hm(c, next_elem(n->children, "health-monitor"), &p->hm);
}

static void parse_window(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_window *w)
{
    w->at = tcfg_xml_where(c, n);
    w->partition_name = name_attr(n, "partition");
    w->partition = TCFG_NONE;
    bool ok = time_attr(c->diag, n, &w->at, "offset", &w->offset);
    ok &= time_attr(c->diag, n, &w->at, "duration", &w->duration);
    ok &= count_attr(c->diag, n, &w->at, "cpu", 0, &w->cpu);
    w->bad = !ok;
}

static void parse_plan(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_plan *p)
{
    p->at = tcfg_xml_where(c, n);
    p->name = name_attr(n, "name");
    p->id_bad = !id_attr(c->diag, n, &p->at, &p->id);
    p->bad = !time_attr(c->diag, n, &p->at, "major-frame", &p->major_frame);
    p->num_windows = count(n, "window");
    p->windows = xcalloc(p->num_windows, sizeof *p->windows);
    size_t i = 0;
    EACH(k, n, "window")
    parse_window(c, k, &p->windows[i++]);
}

static void parse_end(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_end *e)
{
    e->at = tcfg_xml_where(c, n);
    e->partition_name = name_attr(n, "partition");
    e->port_name = name_attr(n, "port");
    e->partition = e->port = TCFG_NONE;
}

static void parse_channel(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_channel *ch)
{
    ch->at = tcfg_xml_where(c, n);
    ch->name = name_attr(n, "name");
    /* The schema requires exactly one <source>. */
    parse_end(c, next_elem(n->children, "source"), &ch->source);
    ch->num_destinations = count(n, "destination");
    ch->destinations = xcalloc(ch->num_destinations, sizeof *ch->destinations);
    size_t i = 0;
    EACH(k, n, "destination")
    parse_end(c, k, &ch->destinations[i++]);
}

static void parse_system(struct tcfg_xml_ctx *c, xmlNodePtr n, struct tcfg_system *s)
{
    s->at = tcfg_xml_where(c, n);
    s->name = name_attr(n, "name");
    s->arch_name = tcfg_xml_get(n, "arch");
    s->ram_bad = !size_attr(c->diag, n, &s->at, "ram", &s->ram);
    s->cpus_bad = !count_attr(c->diag, n, &s->at, "cpus", 1, &s->cpus);

    xmlNodePtr parts = next_elem(n->children, "partitions");
    s->num_partitions = count(parts, "partition");
    s->partitions = xcalloc(s->num_partitions, sizeof *s->partitions);
    size_t i = 0;
    EACH(k, parts, "partition")
    parse_partition(c, k, &s->partitions[i++]);

    xmlNodePtr sched = next_elem(n->children, "schedule");
    s->initial_plan = TCFG_NONE;
    if (sched) {
        s->schedule_at = tcfg_xml_where(c, sched);
        s->initial_plan_name = name_attr(sched, "initial-plan");
        char *g = tcfg_xml_get(sched, "guard");
        s->has_guard = g && time_attr(c->diag, sched, &s->schedule_at, "guard", &s->guard);
        free(g);
    }
    s->num_plans = count(sched, "plan");
    s->plans = xcalloc(s->num_plans, sizeof *s->plans);
    i = 0;
    EACH(k, sched, "plan")
    parse_plan(c, k, &s->plans[i++]);

    xmlNodePtr chans = next_elem(n->children, "channels");
    if (chans) {
        s->channels_at = tcfg_xml_where(c, chans);
    }
    s->num_channels = count(chans, "channel");
    s->channels = xcalloc(s->num_channels, sizeof *s->channels);
    i = 0;
    EACH(k, chans, "channel")
    parse_channel(c, k, &s->channels[i++]);

    xmlNodePtr cons = next_elem(n->children, "console");
    s->console = TCFG_NONE;
    if (cons) {
        s->console_at = tcfg_xml_where(c, cons);
        s->console_name = tcfg_xml_get(cons, "input");
    }

    parse_hm(c, next_elem(n->children, "health-monitor"), &s->hm);

    xmlNodePtr trace = next_elem(n->children, "trace");
    s->trace.records = TCFG_TRACE_DEFAULT_RECORDS;
    if (trace) {
        s->trace.at = tcfg_xml_where(c, trace);
        s->trace.on = true;
        s->trace.classes_text = tcfg_xml_get(trace, "classes");
        char *r = tcfg_xml_get(trace, "records");
        if (r) {
            s->trace.records_bad =
                !size_attr(c->diag, trace, &s->trace.at, "records", &s->trace.records);
        }
        free(r);
    }
}

static bool validate(struct tcfg_xml_ctx *c, xmlDocPtr doc)
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
    xmlSchemaSetValidStructuredErrors(vc, tcfg_xml_error, c);
    size_t before = c->errors;
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    /* tcfg_xml_error() counts behind cppcheck's back. */
    // cppcheck-suppress knownConditionTrueFalse
    if (rc != 0 && c->errors == before) {
        tcfg_error_line(c->diag, c->file, 0, "does not match the schema");
    }
    return rc == 0;
}

bool tcfg_parse(const char *xml, size_t len, const char *file, struct tcfg_diag *diag,
                struct tcfg_system *sys)
{
    struct tcfg_xml_ctx c = {.file = file, .diag = diag};
    struct tcfg_rawscan scan;
    size_t before = diag->n;
    memset(sys, 0, sizeof *sys);
    sys->initial_plan = sys->console = TCFG_NONE;
    if (len > MAX_XML_SIZE || len > INT_MAX) {
        tcfg_error_line(diag, file, 0, "larger than %u MiB", MAX_XML_SIZE >> 20);
        return false;
    }
    /* Entity declarations live in a DTD; refusing DTDs rules out entity
     * bombs. */
    tcfg_rawscan(xml, len, &scan);
    if (scan.doctype_line) {
        tcfg_error_line(diag, file, scan.doctype_line, "DOCTYPE declarations are not allowed");
        free(scan.tag_lines);
        return false;
    }
    c.tag_lines = scan.tag_lines;
    c.num_tags = scan.num_tags;
    /* Deliberately without XML_PARSE_NOENT / DTDLOAD: nothing outside the
     * file is read, and the network never. */
    xmlSetStructuredErrorFunc(&c, tcfg_xml_error);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, file, NULL,
                                  XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc) {
        if (diag->n == before) {
            tcfg_error_line(diag, file, 0, "not well-formed XML");
        }
        free(scan.tag_lines);
        return false;
    }
    bool ok = diag->n == before;
    if (ok && doc->intSubset) {
        tcfg_error_line(diag, file, 1, "DOCTYPE declarations are not allowed");
        ok = false;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    tcfg_xml_number(&c, root);
    if (ok && (!root || strcmp((const char *)root->name, "system") != 0)) {
        if (root) {
            struct tcfg_where w = tcfg_xml_where(&c, root);
            tcfg_error(diag, &w, "the document element must be <system>");
            free(w.prefix);
        } else {
            tcfg_error_line(diag, file, 1, "no document element");
        }
        ok = false;
    }
    if (ok) {
        ok = validate(&c, doc);
    }
    if (ok) {
        parse_system(&c, root, sys);
    }
    xmlFreeDoc(doc);
    free(scan.tag_lines);
    return ok;
}
