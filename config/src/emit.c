/* SPDX-License-Identifier: BSD-2-Clause */
#include <stddef.h>
#include "emit.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg.h"
#include "idtable.h"
#include "porthash.h"
#include "util.h"

enum { TABLES, IMAGES, DEPS, NUM_OUTPUTS };
static const char *const output_names[NUM_OUTPUTS] = {"cfg_tables.c", "cfg_images.S", "cfg.d"};

/* Names are restricted by the schema; escaping anyway keeps the C valid. */
static void c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '.' || c == '-') {
            fputc(c, f);
        } else {
            fprintf(f, "\\%03o", c);
        }
    }
    fputc('"', f);
}

static void rights(FILE *f, uint32_t r, bool shared)
{
    fputs("CFG_AREA_READ", f);
    if (r & TCFG_W) {
        fputs(" | CFG_AREA_WRITE", f);
    }
    if (r & TCFG_X) {
        fputs(" | CFG_AREA_EXEC", f);
    }
    if (shared) {
        fputs(" | CFG_AREA_SHARED", f);
    }
}

static const char *mode_name(enum tcfg_mode m)
{
#define MODE_NAME_(name, value, ...) [value] = "CFG_MODE_" #name,
    static const char *const names[] = {PV_MODE_LIST(MODE_NAME_)};
#undef MODE_NAME_
    return names[m];
}

static void partition_flags(FILE *f, const struct tcfg_partition *p)
{
    if (p->system && p->fpu) {
        fputs("CFG_PART_SYSTEM | CFG_PART_FPU", f);
    } else if (p->system) {
        fputs("CFG_PART_SYSTEM", f);
    } else if (p->fpu) {
        fputs("CFG_PART_FPU", f);
    } else {
        fputs("0u", f);
    }
}

/* The table's first good entry for each error id into by_id; returns
 * whether one exists (with an unhandled="..." action if that is asked). */
static bool hm_by_id(const struct tcfg_hm *hm, const struct tcfg_hm_entry **by_id,
                     bool with_unhandled)
{
    bool any = false;
    for (size_t i = 0; i < hm->num_entries; i++) {
        const struct tcfg_hm_entry *e = &hm->entries[i];
        if (!e->bad && !by_id[e->error]) {
            by_id[e->error] = e;
            any |= !with_unhandled || e->has_unhandled;
        }
    }
    return any;
}

/* A health-monitor table as designated initializers in error-id order,
 * after `field = `; errors the XML does not list stay 0 (CFG_HM_DEFAULT).
 * Writes nothing for a table without entries. */
static void hm_table(FILE *f, const char *indent, const char *field, const struct tcfg_hm *hm)
{
    const struct tcfg_hm_entry *by_id[TCFG_HM_ERRORS] = {NULL};
    if (!hm_by_id(hm, by_id, false)) {
        return;
    }
    fprintf(f, "%s%s = {\n", indent, field);
    for (unsigned k = 0; k < TCFG_HM_ERRORS; k++) {
        if (by_id[k]) {
            fprintf(f, "%s    [%s] = %s,\n", indent, tcfg_hm_errors[k].c,
                    tcfg_hm_actions[by_id[k]->action].c);
        }
    }
    fprintf(f, "%s},\n", indent);
}

/* The unhandled="..." actions of a partition's table, as hm_table does
 * the actions; nothing when there are none. */
static void hm_unhandled_table(FILE *f, const struct tcfg_hm *hm)
{
    const struct tcfg_hm_entry *by_id[TCFG_HM_ERRORS] = {NULL};
    if (!hm_by_id(hm, by_id, true)) {
        return;
    }
    fputs("        .hm_unhandled = {\n", f);
    for (unsigned k = 0; k < TCFG_HM_ERRORS; k++) {
        if (by_id[k] && by_id[k]->has_unhandled) {
            fprintf(f, "            [%s] = %s,\n", tcfg_hm_errors[k].c,
                    tcfg_hm_actions[by_id[k]->unhandled].c);
        }
    }
    fputs("        },\n", f);
}

/* Ports are numbered partition by partition, in document order. */
static size_t port_index(const struct tcfg_system *s, size_t part, size_t k)
{
    for (size_t i = 0; i < part; i++) {
        k += s->partitions[i].num_ports;
    }
    return k;
}

static size_t num_ports(const struct tcfg_system *s)
{
    return port_index(s, s->num_partitions, 0);
}

static const struct tcfg_port *end_port(const struct tcfg_system *s, const struct tcfg_end *e)
{
    return &s->partitions[e->partition].ports[e->port];
}

static void write_port_table(FILE *f, const struct tcfg_system *s)
{
    fputs("\nstatic const struct cfg_port cfg_ports[] = {\n", f);
    for (size_t i = 0; i < s->num_partitions; i++) {
        for (size_t k = 0; k < s->partitions[i].num_ports; k++) {
            const struct tcfg_port *p = &s->partitions[i].ports[k];
            fputs("    {\n        .name = ", f);
            c_string(f, p->name);
            fprintf(f,
                    ",\n        .partition = %zuu,\n        .kind = %s,\n"
                    "        .direction = %s,\n        .max_message_size = %" PRIu32 "u,\n"
                    "        .depth = %" PRIu32 "u,\n        .refresh_ns = %" PRIu64 "ull,\n"
                    "        .channel = %zuu,\n    },\n",
                    i, p->queuing ? "CFG_PORT_QUEUING" : "CFG_PORT_SAMPLING",
                    p->destination ? "CFG_PORT_DESTINATION" : "CFG_PORT_SOURCE", p->size,
                    p->queuing ? p->depth : 1u, p->has_refresh ? p->refresh : 0u, p->channel);
        }
    }
    fputs("};\n", f);
}

/* One buffer per channel, zeroed, writable, in the kernel's own memory;
 * 8-byte alignment keeps the 64-bit time stamps in the slot headers
 * naturally aligned. */
static void write_channel_table(FILE *f, const struct tcfg_system *s)
{
    for (size_t i = 0; i < s->num_channels; i++) {
        const struct tcfg_channel *c = &s->channels[i];
        const struct tcfg_port *src = end_port(s, &c->source);
        fprintf(f, "\nstatic const uint32_t cfg_channel_destinations_%zu[] = {", i);
        for (size_t k = 0; k < c->num_destinations; k++) {
            fprintf(f, "%s%zuu", k ? ", " : "",
                    port_index(s, c->destinations[k].partition, c->destinations[k].port));
        }
        fprintf(f,
                "};\nstatic uint8_t cfg_channel_buffer_%zu[%" PRIu32 "u * (%" PRIu32
                "u + CFG_MESSAGE_HEADER)] __attribute__((aligned(8)));\n",
                i, src->queuing ? src->depth : 2u, src->size);
    }
    fputs("\nstatic const struct cfg_channel cfg_channels[] = {\n", f);
    for (size_t i = 0; i < s->num_channels; i++) {
        const struct tcfg_channel *c = &s->channels[i];
        const struct tcfg_port *src = end_port(s, &c->source);
        uint32_t depth = src->queuing ? src->depth : 1u;
        fputs("    {\n        .name = ", f);
        c_string(f, c->name);
        /* The checks bound depth and size, so the product fits in 32 bits. */
        fprintf(f,
                ",\n        .kind = %s,\n        .max_message_size = %" PRIu32 "u,\n"
                "        .depth = %" PRIu32 "u,\n        .source = %zuu,\n"
                "        .destinations = cfg_channel_destinations_%zu,\n"
                "        .num_destinations = %zuu,\n        .buffer = cfg_channel_buffer_%zu,\n"
                "        .buffer_size = %" PRIu32 "u,\n    },\n",
                src->queuing ? "CFG_PORT_QUEUING" : "CFG_PORT_SAMPLING", src->size, depth,
                port_index(s, c->source.partition, c->source.port), i, c->num_destinations, i,
                (src->queuing ? depth : 2u) * (src->size + TCFG_MESSAGE_HEADER));
    }
    fputs("};\n", f);
}

/* The port-name table (cfg_port_slot); empty slots stay zero but for
 * their port. */
static void write_port_slots(FILE *f, const struct tcfg_port_table *t)
{
    fprintf(f, "\nstatic const struct cfg_port_slot cfg_port_slots[%" PRIu32 "] = {\n", t->size);
    for (uint32_t i = 0; i < t->size; i++) {
        if (t->port[i] == CFG_PORT_SLOT_EMPTY) {
            fprintf(f, "    {0, CFG_PORT_SLOT_EMPTY},\n");
        } else {
            fprintf(f, "    {0x%04xu, %uu},\n", (unsigned)t->tag[i], (unsigned)t->port[i]);
        }
    }
    fputs("};\n", f);
}

/* The partition and plan id tables (cfg_id_table). */
struct id_tables {
    struct tcfg_id_table partitions, plans;
};

static void write_id_slots(FILE *f, const char *what, const struct tcfg_id_table *t)
{
    fprintf(f, "\nstatic const uint8_t cfg_%s_id_slots[%" PRIu32 "] = {", what, t->size);
    for (uint32_t i = 0; i < t->size; i++) {
        fprintf(f, "%s%uu", i == 0 ? "\n    " : i % 16 ? ", " : ",\n    ", (unsigned)t->slots[i]);
    }
    fputs("\n};\n", f);
}

static void write_id_table(FILE *f, const char *field, const char *what,
                           const struct tcfg_id_table *t)
{
    fprintf(f, "    .%s = {cfg_%s_id_slots, %" PRIu32 "u, %" PRIu32 "u},\n", field, what,
            t->size - 1, t->seed);
}

/* The kernel finds the area of a pointer by binary search (uaccess.c):
 * a partition's areas go out sorted by virtual address (the checks made
 * them disjoint). */
static const struct tcfg_area *sort_base;
static int by_virt(const void *a, const void *b)
{
    uint32_t va = sort_base[*(const size_t *)a].virt, vb = sort_base[*(const size_t *)b].virt;
    return va < vb ? -1 : va > vb;
}

static void write_areas(FILE *f, const struct tcfg_system *s, size_t i)
{
    const struct tcfg_partition *p = &s->partitions[i];
    size_t *order = xcalloc(p->num_areas + 1, sizeof(*order));
    for (size_t k = 0; k < p->num_areas; k++) {
        order[k] = k;
    }
    sort_base = p->areas;
    qsort(order, p->num_areas, sizeof(*order), by_virt);
    fprintf(f, "\nstatic const struct cfg_area cfg_areas_%zu[] = {\n", i);
    for (size_t k = 0; k < p->num_areas; k++) {
        const struct tcfg_area *a = &p->areas[order[k]];
        fputs("    {.name = ", f);
        c_string(f, a->name);
        fprintf(f,
                ", .phys = 0x%08" PRIx32 "u, .virt = 0x%08" PRIx32 "u, .size = 0x%08" PRIx32
                "u, .rights = ",
                (uint32_t)(a->phys + s->arch->phys_base), a->virt, a->size);
        rights(f, a->rights, a->shared);
        fputs("},\n", f);
    }
    fputs("};\n", f);
    free(order);
}

/* The windows of CPU c in plan i (sorted by CPU, then offset: one run),
 * as cfg_windows_I (CPU 0, the name one CPU has always used) or
 * cfg_windows_I_cpuC; nothing when the CPU has none. */
static void window_table_name(FILE *f, size_t i, uint32_t c)
{
    fprintf(f, c ? "cfg_windows_%zu_cpu%" PRIu32 : "cfg_windows_%zu", i, c);
}

static size_t cpu_windows(const struct tcfg_plan *p, uint32_t c)
{
    size_t n = 0;
    for (size_t k = 0; k < p->num_windows; k++) {
        n += p->windows[k].cpu == c;
    }
    return n;
}

static void write_windows(FILE *f, const struct tcfg_plan *p, size_t i, uint32_t c)
{
    if (!cpu_windows(p, c)) {
        return;
    }
    fputs("\nstatic const struct cfg_window ", f);
    window_table_name(f, i, c);
    fputs("[] = {\n", f);
    for (size_t k = 0; k < p->num_windows; k++) {
        const struct tcfg_window *w = &p->windows[k];
        if (w->cpu == c) {
            fprintf(f,
                    "    {.partition = %zuu, .offset_ns = %" PRIu64 "ull, .duration_ns = %" PRIu64
                    "ull},\n",
                    w->partition, w->offset, w->duration);
        }
    }
    fputs("};\n", f);
}

/* CPU c's view of every plan: cfg_plans (CPU 0) or cfg_plans_cpuC. */
static void write_plans(FILE *f, const struct tcfg_system *s, uint32_t c)
{
    fprintf(f,
            c ? "\nstatic const struct cfg_plan cfg_plans_cpu%" PRIu32 "[] = {\n"
              : "\nstatic const struct cfg_plan cfg_plans[] = {\n",
            c);
    for (size_t i = 0; i < s->num_plans; i++) {
        const struct tcfg_plan *p = &s->plans[i];
        size_t n = cpu_windows(p, c);
        fputs("    {.name = ", f);
        c_string(f, p->name);
        fprintf(f, ", .id = %" PRIu32 "u, .major_frame_ns = %" PRIu64 "ull, .windows = ", p->id,
                p->major_frame);
        if (n) {
            window_table_name(f, i, c);
        } else {
            fputs("0", f);
        }
        fprintf(f, ", .num_windows = %zuu},\n", n);
    }
    fputs("};\n", f);
}

static void write_tables(FILE *f, const struct tcfg_system *s, const struct tcfg_port_table *t,
                         const struct id_tables *ids)
{
    fputs("/* Generated by tessera-config: do not edit. */\n#include \"cfg.h\"\n"
          "#include \"pv/abi.h\"\n\n",
          f);
    for (size_t i = 0; i < s->num_partitions; i++) {
        fprintf(f, "extern const uint8_t cfg_image_%zu[];\n", i);
    }
    for (size_t i = 0; i < s->num_partitions; i++) {
        write_areas(f, s, i);
    }
    fputs("\nstatic const struct cfg_partition cfg_partitions[] = {\n", f);
    for (size_t i = 0; i < s->num_partitions; i++) {
        const struct tcfg_partition *p = &s->partitions[i];
        fputs("    {\n        .name = ", f);
        c_string(f, p->name);
        fprintf(f, ",\n        .id = %" PRIu32 "u,\n        .flags = ", p->id);
        partition_flags(f, p);
        fprintf(f,
                ",\n        .criticality = %uu,\n        .initial_mode = %s,\n"
                "        .entry = 0x%08" PRIx32 "u,\n        .areas = cfg_areas_%zu,\n"
                "        .num_areas = %zuu,\n        .image = cfg_image_%zu,\n"
                "        .image_size = %" PRIu32 "u,\n",
                p->criticality, mode_name(p->mode), p->entry, i, p->num_areas, i, p->image_size);
        hm_table(f, "        ", ".hm", &p->hm);
        hm_unhandled_table(f, &p->hm);
        if (p->hm.has_max_restarts) {
            fprintf(f, "        .hm_max_restarts = %" PRIu32 "u,\n    },\n", p->hm.max_restarts);
        } else {
            fputs("        .hm_max_restarts = CFG_HM_DEFAULT_MAX_RESTARTS,\n    },\n", f);
        }
    }
    fputs("};\n", f);
    uint32_t cpus = s->cpus ? s->cpus : 1;
    for (size_t i = 0; i < s->num_plans; i++) {
        for (uint32_t c = 0; c < cpus; c++) {
            write_windows(f, &s->plans[i], i, c);
        }
    }
    for (uint32_t c = 0; c < cpus; c++) {
        write_plans(f, s, c);
    }
    fputs("\nstatic const struct cfg_plan *const cfg_cpu_plans[] = {", f);
    for (uint32_t c = 0; c < cpus; c++) {
        fprintf(f, c ? ", cfg_plans_cpu%" PRIu32 : "cfg_plans", c);
    }
    fputs("};\n", f);
    write_id_slots(f, "partition", &ids->partitions);
    write_id_slots(f, "plan", &ids->plans);
    size_t ports = num_ports(s);
    if (ports) {
        write_port_table(f, s);
        write_channel_table(f, s);
        write_port_slots(f, t);
    }
    fputs("\nconst struct cfg_system cfg_system = {\n    .name = ", f);
    c_string(f, s->name);
    fprintf(f,
            ",\n    .ram_size = 0x%08" PRIx32 "u,\n    .partitions = cfg_partitions,\n"
            "    .num_partitions = %zuu,\n    .plans = cfg_plans,\n    .num_plans = %zuu,\n"
            "    .initial_plan = %zuu,\n    .guard_ns = %" PRIu64 "u,\n"
            "    .num_cpus = %" PRIu32 "u,\n    .cpu_plans = cfg_cpu_plans,\n",
            s->ram, s->num_partitions, s->num_plans, s->initial_plan, s->guard, cpus);
    if (s->console == TCFG_NONE) {
        fputs("    .console_input = CFG_NO_PARTITION,\n", f);
    } else {
        fprintf(f, "    .console_input = %zuu,\n", s->console);
    }
    /* Without ports the fields are left out: C makes them NULL and 0 all
     * the same, and such tables also build against a cfg.h older than ports. */
    if (ports) {
        fprintf(f,
                "    .ports = cfg_ports,\n    .num_ports = %zuu,\n"
                "    .channels = cfg_channels,\n    .num_channels = %zuu,\n"
                "    .port_slots = cfg_port_slots,\n    .port_slot_mask = %" PRIu32 "u,\n"
                "    .port_hash_seed = %" PRIu32 "u,\n",
                ports, s->num_channels, t->size - 1, t->seed);
    }
    write_id_table(f, "partition_ids", "partition", &ids->partitions);
    write_id_table(f, "plan_ids", "plan", &ids->plans);
    hm_table(f, "    ", ".hm_module", &s->hm);
    fputs("};\n", f);
    /* The kernel's state, sized for this system (kernel/core/include/
     * cfg_state.h); left out when the tables are built on their own. */
    fprintf(f,
            "\n#ifdef TESSERA_KERNEL\n#include \"cfg_state.h\"\n"
            "CFG_STATE_DEFINE(%zuu, %zuu, %" PRIu64 "u)\nCFG_CPU_STATE_DEFINE(%" PRIu32
            "u)\n#endif\n",
            s->num_partitions, ports ? s->num_channels : 0, tcfg_page_tables_used(s), cpus);
    /* The trace buffer; its presence makes the build link the kernel that
     * records (mk/system.mk greps for the line). */
    if (s->trace.on) {
        fprintf(f,
                "\n#ifdef TESSERA_KERNEL\n#include \"trace.h\"\n"
                "CFG_TRACE_DEFINE(%" PRIu32 "u, 0x%" PRIx32 "u)\n#endif\n",
                s->trace.records, s->trace.classes);
    }
}

/* A string for the assembler; it goes through cpp too, which leaves string
 * literals alone. */
static void asm_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') {
            fputc('\\', f);
        }
        fputc(*s, f);
    }
    fputc('"', f);
}

/* %object and %progbits are the spellings both x86 and SPARC gas accept. */
static void write_images(FILE *f, const struct tcfg_system *s)
{
    fputs("/* Generated by tessera-config: do not edit. */\n", f);
    for (size_t i = 0; i < s->num_partitions; i++) {
        const struct tcfg_partition *p = &s->partitions[i];
        fprintf(f,
                "\n\t.section .rodata.images, \"a\"\n\t.balign 16\n\t.globl cfg_image_%zu\n"
                "\t.type cfg_image_%zu, %%object\n\t.size cfg_image_%zu, %" PRIu32
                "\ncfg_image_%zu:\n\t.incbin ",
                i, i, i, p->image_size, i);
        asm_string(f, p->image_path);
        fputc('\n', f);
    }
    fputs("\n\t.section .note.GNU-stack, \"\", %progbits\n", f);
}

static void make_name(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '$') {
            fputc('$', f);
        } else if (*s == ' ' || *s == '\t' || *s == '#' || *s == ':' || *s == '\\') {
            fputc('\\', f);
        }
        fputc(*s, f);
    }
}

/* Partitions often share an image; each file is listed once. */
static bool first_use(const struct tcfg_system *s, size_t i)
{
    for (size_t k = 0; k < i; k++) {
        if (strcmp(s->partitions[k].image_path, s->partitions[i].image_path) == 0) {
            return false;
        }
    }
    return true;
}

/* Like gcc -MP: an empty rule per input, so deleting one does not wedge make. */
static void write_deps(FILE *f, const struct tcfg_system *s, const char *xml_path,
                       const char *tables)
{
    make_name(f, tables);
    fputs(": ", f);
    make_name(f, xml_path);
    for (size_t i = 0; i < s->num_partitions; i++) {
        if (!first_use(s, i)) {
            continue;
        }
        fputs(" \\\n ", f);
        make_name(f, s->partitions[i].image_path);
    }
    fputs("\n\n", f);
    make_name(f, xml_path);
    fputs(":\n", f);
    for (size_t i = 0; i < s->num_partitions; i++) {
        if (!first_use(s, i)) {
            continue;
        }
        make_name(f, s->partitions[i].image_path);
        fputs(":\n", f);
    }
}

static bool mkdirs(const char *dir)
{
    char *p = xstrdup(dir);
    bool ok = true;
    for (char *c = p + 1; ok; c++) {
        if (*c != '/' && *c) {
            continue;
        }
        char was = *c;
        *c = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            ok = false;
        }
        *c = was;
        if (!was) {
            break;
        }
    }
    free(p);
    return ok;
}

/* The id tables of a checked system; the checks made sure they exist. */
static bool build_id_tables(const struct tcfg_system *s, struct id_tables *t)
{
    size_t n = s->num_partitions > s->num_plans ? s->num_partitions : s->num_plans;
    uint32_t *ids = xcalloc(n + 1, sizeof(*ids));
    bool ok;
    for (size_t i = 0; i < s->num_partitions; i++) {
        ids[i] = s->partitions[i].id;
    }
    ok = tcfg_id_table(ids, s->num_partitions, &t->partitions);
    for (size_t i = 0; i < s->num_plans; i++) {
        ids[i] = s->plans[i].id;
    }
    ok = tcfg_id_table(ids, s->num_plans, &t->plans) && ok;
    free(ids);
    if (!ok) {
        fprintf(stderr, "tessera-config: no perfect hash of the partition or plan ids\n");
    }
    return ok;
}

bool tcfg_emit(const struct tcfg_system *sys, const char *xml_path, const char *dir)
{
    char *final[NUM_OUTPUTS] = {NULL}, *tmp[NUM_OUTPUTS] = {NULL};
    struct tcfg_port_table names = {0};
    struct id_tables ids = {0};
    /* Never seen to fail: the table has room for four times the ports. */
    if (num_ports(sys) && !tcfg_port_table(sys, &names)) {
        fprintf(stderr, "tessera-config: no seed places all %zu port names within %u probes\n",
                num_ports(sys), CFG_PORT_PROBES);
        return false;
    }
    if (!build_id_tables(sys, &ids)) {
        tcfg_port_table_free(&names);
        tcfg_id_table_free(&ids.partitions);
        tcfg_id_table_free(&ids.plans);
        return false;
    }
    bool ok = mkdirs(dir);
    if (!ok) {
        fprintf(stderr, "tessera-config: cannot create %s: %s\n", dir, strerror(errno));
    }
    mode_t mask = umask(0);
    umask(mask);
    size_t n = strlen(dir);
    const char *sep = n && dir[n - 1] == '/' ? "" : "/";
    for (int i = 0; i < NUM_OUTPUTS && ok; i++) {
        final[i] = xasprintf("%s%s%s", dir, sep, output_names[i]);
        tmp[i] = xasprintf("%s%s.%s.XXXXXX", dir, sep, output_names[i]);
        int fd = mkstemp(tmp[i]);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!f) {
            fprintf(stderr, "tessera-config: cannot create %s: %s\n", tmp[i], strerror(errno));
            if (fd >= 0) {
                close(fd);
            } else {
                tmp[i][0] = 0; /* nothing to remove */
            }
            ok = false;
            break;
        }
        /* mkstemp makes files private; outputs should look like any other. */
        if (fchmod(fd, 0666 & ~mask) != 0) {
            ok = false;
        }
        if (i == TABLES) {
            write_tables(f, sys, &names, &ids);
        } else if (i == IMAGES) {
            write_images(f, sys);
        } else {
            write_deps(f, sys, xml_path, final[TABLES]);
        }
        if (ferror(f)) {
            ok = false;
        }
        if (fclose(f) != 0) {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "tessera-config: cannot write %s: %s\n", tmp[i], strerror(errno));
        }
    }
    for (int i = 0; i < NUM_OUTPUTS && ok; i++) {
        if (rename(tmp[i], final[i]) != 0) {
            fprintf(stderr, "tessera-config: cannot rename %s to %s: %s\n", tmp[i], final[i],
                    strerror(errno));
            ok = false;
        } else {
            tmp[i][0] = 0;
        }
    }
    tcfg_port_table_free(&names);
    tcfg_id_table_free(&ids.partitions);
    tcfg_id_table_free(&ids.plans);
    for (int i = 0; i < NUM_OUTPUTS; i++) {
        if (tmp[i] && tmp[i][0]) {
            unlink(tmp[i]);
        }
        free(tmp[i]);
        free(final[i]);
    }
    return ok;
}
