/* SPDX-License-Identifier: BSD-2-Clause */
/* The <trace> element and --trace: which event classes the kernel records
 * and how many records its buffer holds (docs/configuration.md). */
#include <stdlib.h>
#include <string.h>

#include "tcfg.h"
#include "util.h"
#include "xmlmsg.h"

#include <pv/trace.h>

#define TRACE_NAME_(name, bit, xml, ...) {xml, bit},
static const struct {
    const char *name;
    unsigned bit;
} classes[] = {PV_TRACE_CLASS_LIST(TRACE_NAME_)};

static bool class_bits(const char *word, size_t len, uint32_t *mask)
{
    if (len == 3 && strncmp(word, "all", 3) == 0) {
        *mask |= PV_TRACE_CLASSES_ALL;
        return true;
    }
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) == len && strncmp(word, classes[i].name, len) == 0) {
            *mask |= 1u << classes[i].bit;
            return true;
        }
    }
    return false;
}

char *tcfg_trace_classes(const char *text, uint32_t *mask)
{
    static const char seps[] = " \t\r\n,";
    *mask = 0;
    for (const char *p = text + strspn(text, seps); *p; p += strspn(p, seps)) {
        size_t len = strcspn(p, seps);
        if (!class_bits(p, len, mask)) {
            char *bad = xcalloc(len + 1, 1);
            memcpy(bad, p, len);
            return bad;
        }
        p += len;
    }
    return NULL;
}

/* "window, hcall, ...": for the message about an unknown class. */
static char *class_names(void)
{
    size_t n = 4;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        n += strlen(classes[i].name) + 2;
    }
    char *s = xcalloc(n, 1);
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        strcat(s, classes[i].name);
        strcat(s, ", ");
    }
    strcat(s, "all");
    return s;
}

void tcfg_check_trace(const struct tcfg_options *opts, struct tcfg_diag *diag,
                      struct tcfg_system *sys)
{
    struct tcfg_trace *t = &sys->trace;
    const char *text = t->classes_text ? t->classes_text : "all";
    if (opts && opts->trace) {
        /* The command line's classes replace the XML's; its size stays. */
        t->on = true;
        text = opts->trace;
    }
    if (!t->on) {
        return;
    }
    char *bad = tcfg_trace_classes(text, &t->classes);
    if (bad) {
        char *q = tcfg_quote(bad), *names = class_names();
        if (t->classes_text && text == t->classes_text) {
            tcfg_error(diag, &t->at, "unknown trace class \"%s\" (the classes are %s)", q, names);
        } else {
            tcfg_error_line(diag, "--trace", 0, "unknown trace class \"%s\" (the classes are %s)",
                            q, names);
        }
        free(q);
        free(names);
        free(bad);
    } else if (t->classes == 0 && t->at.prefix) {
        char *q = tcfg_quote(text);
        tcfg_error(diag, &t->at, "classes=\"%s\" names no class: leave <trace> out instead", q);
        free(q);
    }
    if (t->records_bad) {
        return;
    }
    if (t->records == 0) {
        tcfg_error(diag, &t->at, "records=\"0\": a trace buffer holds at least one record");
    } else if (t->records > TCFG_TRACE_MAX_RECORDS) {
        tcfg_error(diag, &t->at,
                   "records=\"%u\" is more than the %u records (%u KiB) the kernel's memory holds",
                   t->records, TCFG_TRACE_MAX_RECORDS,
                   TCFG_TRACE_MAX_RECORDS * PV_TRACE_RECORD_SIZE / 1024u);
    }
}
