/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tessera-xsdgen: copies an XSD to stdout with the enumerations of the
 * simple types that name ABI constants rewritten from pv/abi_list.h, their
 * one definition. The build embeds its output in tessera-config, so the
 * tool's schema always admits exactly the listed names;
 * tests/config/test_abi_lists.py checks that config/tessera.xsd, the copy
 * users give to xmllint, equals it (`make xsd-sync` rewrites it).
 *
 * `tessera-xsdgen --list` prints the lists instead, one "TYPE VALUE
 * XML-NAME" line per constant (error ids add their default action), for
 * tests that hold other copies (the docs' tables) against them.
 *
 * Line-based on purpose: the XSD keeps one element per line, and a type
 * this tool handles must look like
 *     <xs:simpleType name="NAME">
 *       <xs:restriction base="xs:string">
 *         <xs:enumeration value="..."/>   (any number, replaced)
 *       </xs:restriction>
 * A handled type missing from the input is an error, so that renaming one
 * in the XSD cannot silently stop its generation.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <pv/abi.h>

#define XML_NAME_(name, value, xml, ...) xml,

static const char *const hm_errors[] = {PV_HM_ERROR_LIST(XML_NAME_) NULL};
/* "module" (CFG_HM_DEFAULT, partition level: as the module's table says)
 * is the configuration's own value 0, not an ABI action. */
static const char *const hm_actions[] = {PV_HM_ACTION_LIST(XML_NAME_) "module", NULL};
static const char *const modes[] = {PV_MODE_LIST(XML_NAME_) NULL};
static const char *const port_kinds[] = {PV_PORT_KIND_LIST(XML_NAME_) NULL};
static const char *const directions[] = {PV_PORT_DIRECTION_LIST(XML_NAME_) NULL};

#define ACTION_NAME_(name, value, xml, ...) [value] = xml,
static const char *const action_names[] = {PV_HM_ACTION_LIST(ACTION_NAME_)};

static void list(void)
{
#define LIST_ERROR_(name, value, xml, action, ...)                                                 \
    printf("hm-error %d %s %s\n", value, xml, action_names[PV_HM_ACTION_##action]);
#define LIST_(type, value, xml)             printf("%s %d %s\n", type, value, xml);
#define LIST_ACTION_(name, value, xml, ...) LIST_("hm-action", value, xml)
#define LIST_MODE_(name, value, xml, ...)   LIST_("mode", value, xml)
#define LIST_KIND_(name, value, xml, ...)   LIST_("port-kind", value, xml)
#define LIST_DIR_(name, value, xml, ...)    LIST_("direction", value, xml)
    PV_HM_ERROR_LIST(LIST_ERROR_)
    PV_HM_ACTION_LIST(LIST_ACTION_)
    PV_MODE_LIST(LIST_MODE_)
    PV_PORT_KIND_LIST(LIST_KIND_)
    PV_PORT_DIRECTION_LIST(LIST_DIR_)
}

static const struct {
    const char *type;
    const char *const *values;
} types[] = {
    {"hm-error", hm_errors},   {"hm-action", hm_actions}, {"mode", modes},
    {"port-kind", port_kinds}, {"direction", directions},
};
#define NUM_TYPES (sizeof types / sizeof types[0])

/* The handled type that line opens, or NUM_TYPES. */
static size_t type_opened(const char *line)
{
    char want[64];
    for (size_t i = 0; i < NUM_TYPES; i++) {
        snprintf(want, sizeof want, "<xs:simpleType name=\"%s\">", types[i].type);
        if (strstr(line, want)) {
            return i;
        }
    }
    return NUM_TYPES;
}

static bool has(const char *line, const char *s)
{
    return strstr(line, s) != NULL;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--list")) {
        list();
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: tessera-xsdgen FILE.xsd > OUT.xsd | --list\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    bool done[NUM_TYPES] = {false};
    char line[1024];
    unsigned long n = 0;
    size_t cur = NUM_TYPES; /* the handled type being copied */
    bool written = false;   /* its generated enumerations are out */
    while (fgets(line, sizeof line, in)) {
        n++;
        if (!strchr(line, '\n') && !feof(in)) {
            fprintf(stderr, "%s:%lu: line too long\n", argv[1], n);
            return 1;
        }
        if (cur == NUM_TYPES) {
            cur = type_opened(line);
            written = false;
            fputs(line, stdout);
            continue;
        }
        if (has(line, "<xs:enumeration")) {
            if (!written) {
                int indent = (int)strspn(line, " ");
                for (const char *const *v = types[cur].values; *v; v++) {
                    printf("%*s<xs:enumeration value=\"%s\"/>\n", indent, "", *v);
                }
                written = true;
            }
            continue;
        }
        if (has(line, "</xs:simpleType>")) {
            if (!written) {
                fprintf(stderr, "%s:%lu: type \"%s\" has no <xs:enumeration>\n", argv[1], n,
                        types[cur].type);
                return 1;
            }
            done[cur] = true;
            cur = NUM_TYPES;
        } else if (!has(line, "xs:restriction")) {
            fprintf(stderr, "%s:%lu: type \"%s\": unexpected line in a generated enumeration\n",
                    argv[1], n, types[cur].type);
            return 1;
        }
        fputs(line, stdout);
    }
    fclose(in);
    for (size_t i = 0; i < NUM_TYPES; i++) {
        if (!done[i]) {
            fprintf(stderr, "%s: no simple type \"%s\" to generate\n", argv[1], types[i].type);
            return 1;
        }
    }
    return 0;
}
