/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The in-memory model of a system description and the entry points that the
 * command-line tool and the fuzz harness share.
 *
 * tcfg_load() does everything except writing files: parse, schema
 * validation, semantic checks and image checks. It never prints; every
 * problem becomes a diagnostic, so a harness can run it on arbitrary input.
 */
#ifndef TCFG_H
#define TCFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch.h"
#include "cfg.h"
#include "diag.h"

/* Marks an unresolved reference (unknown name). */
#define TCFG_NONE ((size_t)-1)

/* Rights bits: CFG_AREA_* of kernel/core/include/cfg.h. */
#define TCFG_R CFG_AREA_READ
#define TCFG_W CFG_AREA_WRITE
#define TCFG_X CFG_AREA_EXEC

struct tcfg_area {
    struct tcfg_where at;
    char *name;
    uint32_t virt, phys, size, rights;
    bool shared;
    bool bad; /* a value did not parse; skip range checks */
};

/* ARINC 653 start modes: TCFG_IDLE .. TCFG_NORMAL, PV_MODE_* of
 * pv/abi_list.h (= enum cfg_start_mode). */
#define TCFG_MODE_(name, value, ...) TCFG_##name = PV_MODE_##name,
enum tcfg_mode { PV_MODE_LIST(TCFG_MODE_) };

/* Bytes the kernel keeps with each message slot. */
#define TCFG_MESSAGE_HEADER CFG_MESSAGE_HEADER

/* An ARINC 653 port of a partition. */
struct tcfg_port {
    struct tcfg_where at;
    char *name;
    bool queuing;     /* else sampling */
    bool destination; /* else source */
    uint32_t size;    /* max-message-size, bytes */
    bool size_bad;
    bool has_depth;
    uint32_t depth;
    bool depth_bad;
    bool has_refresh;
    uint64_t refresh; /* ns */
    bool refresh_bad;
    /* Filled in by the port checks: the channel end that names this port. */
    size_t channel; /* index or TCFG_NONE */
    const struct tcfg_where *connected_at;
};

/* Health monitor. Error ids are the values of PV_HM_* (pv/abi_list.h),
 * actions those of PV_HM_ACTION_* (TCFG_HM_IGNORE .. TCFG_HM_RESET_MODULE),
 * and 0 is CFG_HM_DEFAULT of kernel/core/include/cfg.h ("module": as the
 * module's table says). */
#define TCFG_HM_ERRORS       ((unsigned)PV_HM_ERROR_COUNT)
#define TCFG_HM_RESTART_LOOP ((unsigned)PV_HM_RESTART_LOOP)
#define TCFG_HM_ACTIONS      (1u + PV_HM_ACTION_COUNT) /* "module" and the actions */
#define TCFG_HM_MAX_RESTARTS 1000u                     /* the largest max-restarts */

#define TCFG_HM_ACTION_(name, value, ...) TCFG_HM_##name = PV_HM_ACTION_##name,
enum tcfg_hm_action { TCFG_HM_MODULE = CFG_HM_DEFAULT, PV_HM_ACTION_LIST(TCFG_HM_ACTION_) };

/* The XML name and the C constant of an error id or action, indexed by value. */
struct tcfg_hm_name {
    const char *xml, *c;
};
extern const struct tcfg_hm_name tcfg_hm_errors[TCFG_HM_ERRORS];
extern const struct tcfg_hm_name tcfg_hm_actions[TCFG_HM_ACTIONS];

/* An <error> of a health-monitor table. */
struct tcfg_hm_entry {
    struct tcfg_where at;
    unsigned error;             /* index into tcfg_hm_errors */
    enum tcfg_hm_action action; /* index into tcfg_hm_actions */
    /* unhandled="...": what the kernel does when the partition reports that
     * no handler took the propagated error; TCFG_HM_MODULE when absent. */
    enum tcfg_hm_action unhandled;
    bool has_unhandled;
    bool bad; /* a name the tables do not know (the schema prevents it) */
};

/* A <health-monitor> of a partition or of the system. */
struct tcfg_hm {
    struct tcfg_where at; /* prefix NULL: no <health-monitor> */
    struct tcfg_hm_entry *entries;
    size_t num_entries;
    bool has_max_restarts; /* partition level only */
    uint32_t max_restarts;
    bool max_restarts_bad; /* does not fit in 32 bits */
};

struct tcfg_partition {
    struct tcfg_where at;
    char *name;
    uint32_t id;
    bool id_bad;
    bool system, fpu;
    unsigned criticality; /* 0 = A */
    enum tcfg_mode mode;
    char *image; /* as written in the XML */
    bool has_entry;
    uint32_t entry; /* explicit, or from the ELF header once loaded */
    struct tcfg_area *areas;
    size_t num_areas;
    struct tcfg_port *ports;
    size_t num_ports;
    struct tcfg_hm hm;
    /* Filled in by the image check. */
    char *image_path; /* absolute */
    uint32_t image_size;
};

struct tcfg_window {
    struct tcfg_where at;
    char *partition_name;
    size_t partition;          /* index or TCFG_NONE */
    uint64_t offset, duration; /* ns */
    uint32_t cpu;              /* the processor the window is on */
    bool bad;
};

struct tcfg_plan {
    struct tcfg_where at;
    char *name;
    uint32_t id;
    bool id_bad;
    uint64_t major_frame; /* ns */
    bool bad;
    struct tcfg_window *windows; /* sorted by offset after the checks */
    size_t num_windows;
};

/* A <source> or <destination> of a channel. */
struct tcfg_end {
    struct tcfg_where at;
    char *partition_name, *port_name;
    size_t partition; /* index or TCFG_NONE */
    size_t port;      /* index within the partition's ports, or TCFG_NONE */
};

struct tcfg_channel {
    struct tcfg_where at;
    char *name;
    struct tcfg_end source;
    struct tcfg_end *destinations;
    size_t num_destinations;
};

/* The kernel's event trace: <trace classes="..." records="N"/>, or the
 * command line's --trace (docs/configuration.md). */
#define TCFG_TRACE_DEFAULT_RECORDS 4096u
#define TCFG_TRACE_MAX_RECORDS     65536u /* 1.5 MiB of the kernel's 16 MiB */

struct tcfg_trace {
    struct tcfg_where at; /* prefix NULL: no <trace> */
    bool on;              /* a trace buffer is built (<trace> or --trace) */
    char *classes_text;   /* the classes attribute, or NULL: every class */
    uint32_t classes;     /* PV_TRACE_CLASS_* bits, once checked */
    uint32_t records;
    bool records_bad; /* does not fit in 32 bits */
};

/* Parses a list of class names (PV_TRACE_CLASS_LIST's, or "all") separated
 * by blanks or commas into *mask. Returns NULL, or the first word that is
 * no class (malloc'ed). */
char *tcfg_trace_classes(const char *text, uint32_t *mask);

struct tcfg_system {
    struct tcfg_where at;
    char *name;
    char *arch_name; /* the arch attribute, or NULL */
    const struct tcfg_arch *arch;
    uint32_t ram;
    bool ram_bad;
    uint32_t cpus; /* processors (<system cpus=...>), >= 1 */
    bool cpus_bad;
    struct tcfg_partition *partitions;
    size_t num_partitions;
    struct tcfg_plan *plans;
    size_t num_plans;
    struct tcfg_where schedule_at;
    char *initial_plan_name;
    bool has_guard; /* <schedule guard=...> given; else the arch's default */
    uint64_t guard; /* ns, G (docs/configuration.md) */
    size_t initial_plan;
    struct tcfg_where channels_at; /* prefix NULL: no <channels> */
    struct tcfg_channel *channels;
    size_t num_channels;
    struct tcfg_where console_at;
    char *console_name; /* NULL: no console input */
    size_t console;
    struct tcfg_hm hm; /* the module's table */
    struct tcfg_trace trace;
    bool too_big; /* beyond the tool's limits: later checks are skipped */
};

/* A partition image as read by a loader. */
struct tcfg_image {
    uint8_t *data; /* malloc'ed; freed by the caller */
    size_t size;
    char *path; /* malloc'ed absolute path; freed by the caller */
};

/*
 * Finds and reads the image named in the XML. Returns NULL on success, or a
 * message that says why not (static storage).
 */
typedef const char *(*tcfg_image_loader)(void *ctx, const char *name, struct tcfg_image *out);

struct tcfg_options {
    const char *arch;  /* from the command line, or NULL */
    const char *trace; /* --trace CLASSES: tracing on whatever the XML says, or NULL */
    tcfg_image_loader load_image;
    void *loader_ctx;
};

/*
 * Loads and checks the description in xml[0..len). file names it in
 * diagnostics. Returns true when the system is consistent; *sys is filled in
 * as far as parsing got in every case and must be freed with tcfg_free().
 */
bool tcfg_load(const char *xml, size_t len, const char *file, const struct tcfg_options *opts,
               struct tcfg_diag *diag, struct tcfg_system *sys);
void tcfg_free(struct tcfg_system *sys);

/* Stages of tcfg_load(), in the order it runs them. tcfg_parse() returns
 * whether a model was built (values that overflow are reported and marked
 * bad, and the checks go on). */
bool tcfg_parse(const char *xml, size_t len, const char *file, struct tcfg_diag *diag,
                struct tcfg_system *sys);
void tcfg_check_system(const struct tcfg_options *opts, struct tcfg_diag *diag,
                       struct tcfg_system *sys);
void tcfg_check_memory(struct tcfg_diag *diag, const struct tcfg_system *sys);
/* The kernel's page-table pool against every partition's areas (memory.c calls it). */
void tcfg_check_page_tables(struct tcfg_diag *diag, const struct tcfg_system *sys);
/* The page tables the kernel takes from its pool for all partitions: the
 * size of the pool that the generated tables define (emit.c). */
uint64_t tcfg_page_tables_used(const struct tcfg_system *sys);
void tcfg_check_schedule(struct tcfg_diag *diag, struct tcfg_system *sys);
/* The multicore rules of the schedule (schedule.c calls it with more than one CPU). */
void tcfg_check_cpus(struct tcfg_diag *diag, const struct tcfg_system *sys);
void tcfg_check_ports(struct tcfg_diag *diag, struct tcfg_system *sys);
void tcfg_check_hm(struct tcfg_diag *diag, struct tcfg_system *sys);
void tcfg_check_trace(const struct tcfg_options *opts, struct tcfg_diag *diag,
                      struct tcfg_system *sys);
void tcfg_check_images(const struct tcfg_options *opts, struct tcfg_diag *diag,
                       struct tcfg_system *sys);

#endif
