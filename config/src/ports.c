/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Port and channel checks: each port on its own, then each channel against
 * the ports it connects, then the memory all channels need together.
 */
#include <inttypes.h>
#include <string.h>

#include "tcfg.h"

/* Every message slot lives in a static kernel buffer, so these bound the
 * kernel's memory and the time it spends copying one message. */
#define MAX_MESSAGE_SIZE (64u << 10)
#define MAX_DEPTH        1024u
/* The buffers share the kernel's 16 MiB reserved region with its code, data
 * and stacks; a quarter of it is what ports may take. */
#define MAX_BUFFERS (4u << 20)

static const char *kind_name(const struct tcfg_port *p)
{
    return p->queuing ? "queuing" : "sampling";
}

static void check_port(struct tcfg_diag *d, const struct tcfg_partition *part, size_t i)
{
    const struct tcfg_port *p = &part->ports[i];
    for (size_t k = 0; k < i; k++) {
        if (strcmp(part->ports[k].name, p->name) == 0) {
            tcfg_error(d, &p->at,
                       "duplicate port name in partition \"%s\" (first used on line %lu)",
                       part->name, part->ports[k].at.line);
            break; /* once, against the first: n equal names, n - 1 lines */
        }
    }
    if (!p->size_bad && p->size == 0) {
        tcfg_error(d, &p->at, "max-message-size is zero");
    } else if (!p->size_bad && p->size > MAX_MESSAGE_SIZE) {
        tcfg_error(d, &p->at, "max-message-size %" PRIu32 " exceeds the limit of %u bytes (64 KiB)",
                   p->size, MAX_MESSAGE_SIZE);
    }
    if (!p->queuing && p->has_depth) {
        tcfg_error(d, &p->at, "depth is only for queuing ports; a sampling port holds one message");
    } else if (p->queuing && !p->has_depth) {
        tcfg_error(d, &p->at, "a queuing port needs a depth");
    } else if (p->queuing && !p->depth_bad && p->depth == 0) {
        tcfg_error(d, &p->at, "depth is zero");
    } else if (p->queuing && !p->depth_bad && p->depth > MAX_DEPTH) {
        tcfg_error(d, &p->at, "depth %" PRIu32 " exceeds the limit of %u messages", p->depth,
                   MAX_DEPTH);
    }
    /* Only a reader can find a message stale, and a queue never holds one
     * message long enough for that to mean anything. */
    if (p->has_refresh && (p->queuing || !p->destination)) {
        tcfg_error(d, &p->at, "refresh is only for sampling destination ports");
    }
}

static size_t find_partition(const struct tcfg_system *s, const char *name)
{
    for (size_t i = 0; i < s->num_partitions; i++) {
        if (strcmp(s->partitions[i].name, name) == 0) {
            return i;
        }
    }
    return TCFG_NONE;
}

static size_t find_port(const struct tcfg_partition *p, const char *name)
{
    for (size_t i = 0; i < p->num_ports; i++) {
        if (strcmp(p->ports[i].name, name) == 0) {
            return i;
        }
    }
    return TCFG_NONE;
}

/*
 * Resolves one end of channel ci and claims its port. Returns the port when
 * it can be compared with the rest of the channel, or NULL once an error has
 * been reported (further messages about the same end would only repeat it).
 */
static struct tcfg_port *resolve_end(struct tcfg_diag *d, struct tcfg_system *s, size_t ci,
                                     struct tcfg_end *e, bool destination)
{
    e->partition = find_partition(s, e->partition_name);
    if (e->partition == TCFG_NONE) {
        tcfg_error(d, &e->at, "partition \"%s\" is not defined", e->partition_name);
        return NULL;
    }
    const struct tcfg_partition *part = &s->partitions[e->partition];
    e->port = find_port(part, e->port_name);
    if (e->port == TCFG_NONE) {
        tcfg_error(d, &e->at, "partition \"%s\" has no port \"%s\"", part->name, e->port_name);
        return NULL;
    }
    struct tcfg_port *p = &part->ports[e->port];
    if (p->connected_at) {
        tcfg_error(d, &e->at,
                   "port \"%s\" of partition \"%s\" is already connected by channel \"%s\" "
                   "(line %lu)",
                   p->name, part->name, s->channels[p->channel].name, p->connected_at->line);
        return NULL;
    }
    p->channel = ci;
    p->connected_at = &e->at;
    if (p->destination != destination) {
        tcfg_error(d, &e->at,
                   "port \"%s\" of partition \"%s\" (line %lu) is a %s port; a channel's %s "
                   "must be a %s port",
                   p->name, part->name, p->at.line, p->destination ? "destination" : "source",
                   destination ? "destination" : "source", destination ? "destination" : "source");
        return NULL;
    }
    return p;
}

/* The channel takes kind, size and depth from its source; every
 * destination must agree, since they all use the one buffer. */
static void match(struct tcfg_diag *d, const struct tcfg_system *s, const struct tcfg_end *src_end,
                  const struct tcfg_port *src, const struct tcfg_end *dst_end,
                  const struct tcfg_port *dst)
{
    const char *dpart = s->partitions[dst_end->partition].name;
    const char *spart = s->partitions[src_end->partition].name;
    if (src->queuing != dst->queuing) {
        tcfg_error(d, &dst_end->at,
                   "port \"%s\" of partition \"%s\" (line %lu) is a %s port but the source port "
                   "\"%s\" of partition \"%s\" is a %s port",
                   dst->name, dpart, dst->at.line, kind_name(dst), src->name, spart,
                   kind_name(src));
        return;
    }
    if (!src->size_bad && !dst->size_bad && src->size != dst->size) {
        tcfg_error(d, &dst_end->at,
                   "port \"%s\" of partition \"%s\" (line %lu) has max-message-size %" PRIu32
                   " but the source port \"%s\" of partition \"%s\" has %" PRIu32
                   "; they must be equal",
                   dst->name, dpart, dst->at.line, dst->size, src->name, spart, src->size);
    }
    if (src->queuing && src->has_depth && dst->has_depth && !src->depth_bad && !dst->depth_bad &&
        src->depth != dst->depth) {
        tcfg_error(d, &dst_end->at,
                   "port \"%s\" of partition \"%s\" (line %lu) has depth %" PRIu32
                   " but the source port \"%s\" of partition \"%s\" has %" PRIu32
                   "; they must be equal",
                   dst->name, dpart, dst->at.line, dst->depth, src->name, spart, src->depth);
    }
}

/* Bytes of the channel's buffer (CFG_CHANNEL_SLOTS of cfg.h), or 0 when its source has no usable
 * values (that has been reported already). */
static uint64_t buffer_bytes(const struct tcfg_port *src)
{
    if (!src || src->size_bad || src->size > MAX_MESSAGE_SIZE) {
        return 0;
    }
    uint64_t depth = 2; /* sampling: two slots (CFG_CHANNEL_SLOTS) */
    if (src->queuing) {
        if (!src->has_depth || src->depth_bad || src->depth > MAX_DEPTH) {
            return 0;
        }
        depth = src->depth;
    }
    return depth * (src->size + TCFG_MESSAGE_HEADER);
}

static uint64_t check_channel(struct tcfg_diag *d, struct tcfg_system *s, size_t ci)
{
    struct tcfg_channel *c = &s->channels[ci];
    for (size_t k = 0; k < ci; k++) {
        if (strcmp(s->channels[k].name, c->name) == 0) {
            tcfg_error(d, &c->at, "duplicate channel name (first used on line %lu)",
                       s->channels[k].at.line);
            break; /* once, against the first */
        }
    }
    const struct tcfg_port *src = resolve_end(d, s, ci, &c->source, false);
    if (c->num_destinations == 0) {
        tcfg_error(d, &c->at, "has no destination");
    } else if (src && src->queuing && c->num_destinations > 1) {
        tcfg_error(d, &c->at, "a queuing channel has exactly one destination; this one has %zu",
                   c->num_destinations);
    }
    for (size_t k = 0; k < c->num_destinations; k++) {
        const struct tcfg_port *dst = resolve_end(d, s, ci, &c->destinations[k], true);
        if (src && dst) {
            match(d, s, &c->source, src, &c->destinations[k], dst);
        }
    }
    return buffer_bytes(src);
}

void tcfg_check_ports(struct tcfg_diag *diag, struct tcfg_system *sys)
{
    for (size_t i = 0; i < sys->num_partitions; i++) {
        for (size_t k = 0; k < sys->partitions[i].num_ports; k++) {
            check_port(diag, &sys->partitions[i], k);
        }
    }
    uint64_t total = 0;
    for (size_t i = 0; i < sys->num_channels; i++) {
        total += check_channel(diag, sys, i);
    }
    if (total > MAX_BUFFERS) {
        tcfg_error(diag, &sys->channels_at,
                   "channel buffers need %" PRIu64 " bytes in all, more than the limit of %u "
                   "bytes (4 MiB)",
                   total, MAX_BUFFERS);
    }
    /* A port in no channel could never send or receive: a configuration
     * slip, not a design. */
    for (size_t i = 0; i < sys->num_partitions; i++) {
        for (size_t k = 0; k < sys->partitions[i].num_ports; k++) {
            if (!sys->partitions[i].ports[k].connected_at) {
                tcfg_error(diag, &sys->partitions[i].ports[k].at,
                           "is not connected to any channel");
            }
        }
    }
}
