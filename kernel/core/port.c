/* SPDX-License-Identifier: BSD-2-Clause */
#include "port.h"
#include "arch.h"
#include "hcall.h"
#include "hm.h"
#include "kprintf.h"
#include "kstring.h"
#include "partition.h"
#include "pv/abi.h"
#include "pv/port.h"
#include "uaccess.h"
#include "virq.h"

/* What the kernel knows about a channel beyond its configuration. */
struct channel_state {
    uint32_t head;        /* queuing: oldest message's slot */
    uint32_t count;       /* queuing: messages waiting; sampling: 1 once written */
    uint32_t refused;     /* queuing: sends refused because the queue was full */
    uint32_t current;     /* sampling: the slot (0 or 1) of the latest complete message */
    uint32_t seq[2];      /* sampling: bumped when a write begins to fill that slot */
    uint64_t resets_seen; /* module resets applied to it (channel_state_of()) */
};

/*
 * Messages are copied at most PORT_CHUNK bytes per kernel entry. When more
 * remains, the kernel keeps the progress here and rewinds the caller to its
 * trap instruction (arch_hcall_restart), so the partition issues the same
 * call again in its own time and the copy goes on where it stopped. The
 * progress is the caller's: it is dropped when the partition makes any
 * other call (hcall_dispatch -> ports_hcall_entry), calls with other
 * arguments, is restarted, or the module is reset (partition_sync). A
 * message becomes visible only once complete: a sampling channel has two
 * slots, and the write fills the one readers are not reading; a queuing
 * write fills the slot after the last message and counts it at the end.
 */
#define PORT_CHUNK 2048u

/* Which call it belongs to is the partition's port_call (PV_HC_PORT_WRITE
 * or _READ; 0 = none), which hcall_dispatch() checks on every entry. */
struct port_progress {
    arch_word_t args[4];
    uint32_t restarts; /* the partition's restart count when it began */
    uint32_t done;     /* bytes copied */
    uint32_t slot;     /* the slot being filled or read */
    uint32_t seq;      /* sampling read: seq of that slot when it began */
};

static struct port_progress progress[CFG_MAX_PARTITIONS];

/* The header of every message slot in a channel buffer. Packed: slots
 * follow each other at max_message_size + CFG_MESSAGE_HEADER, which need
 * not be a multiple of 8, and SPARC traps on misaligned accesses. */
struct slot_header {
    uint32_t length;
    uint32_t reserved;
    uint64_t written_ns;
} __attribute__((packed));

static struct channel_state channel_states[CFG_MAX_CHANNELS];

/* Per channel, the partitions that own one of its destination ports (bit =
 * partition index), computed once at boot. */
static uint32_t channel_readers[CFG_MAX_CHANNELS];

/* Partitions owed a PV_IRQ_PORT: a write only sets their bits, in constant
 * time however many destinations the channel has; each partition's line is
 * raised at the start of its next window (ports_window_start), in its own
 * time. A partition cannot run between the write and that window start
 * unless it is the writer, which is told at once. */
static uint32_t port_events;

_Static_assert(CFG_MAX_PARTITIONS <= 32, "one bit per partition");

_Static_assert(sizeof(struct slot_header) <= CFG_MESSAGE_HEADER, "slot header");

static struct slot_header *slot(const struct cfg_channel *c, uint32_t index)
{
    return (struct slot_header *)(void *)(c->buffer +
                                          index * (c->max_message_size + CFG_MESSAGE_HEADER));
}

/* Length of a configured port name, or 0 when it is empty or too long. */
static uint32_t name_length(const char *name)
{
    uint32_t n = 0;

    while (n <= PV_PORT_NAME_MAX && name[n])
        n++;
    return n <= PV_PORT_NAME_MAX ? n : 0;
}

/* Port index's slot in the name table, or CFG_PORT_SLOT_EMPTY. */
static uint32_t find_slot(uint32_t hash, uint32_t index)
{
    for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
        uint32_t i = (hash + k) & cfg_system.port_slot_mask;

        if (cfg_system.port_slots[i].port == index)
            return cfg_system.port_slots[i].tag == hash >> 16 ? i : CFG_PORT_SLOT_EMPTY;
    }
    return CFG_PORT_SLOT_EMPTY;
}

/* The name table must lead port_open to every port and to nothing else. */
static void check_name_table(void)
{
    uint32_t mask = cfg_system.port_slot_mask;

    if (cfg_system.num_ports == 0)
        return;
    /* At most 65,536 slots, a power of two; every port index fits in a slot. */
    if (!cfg_system.port_slots || mask > 0xffffu || (mask & (mask + 1)) ||
        cfg_system.num_ports >= CFG_PORT_SLOT_EMPTY)
        panic("port name table: bad size");
    for (uint32_t i = 0; i <= mask; i++) {
        uint32_t port = cfg_system.port_slots[i].port;

        if (port != CFG_PORT_SLOT_EMPTY && port >= cfg_system.num_ports)
            panic("port name table: slot %u names no port", i);
    }
    for (uint32_t i = 0; i < cfg_system.num_ports; i++) {
        const struct cfg_port *port = &cfg_system.ports[i];
        uint32_t len = name_length(port->name);

        if (len == 0 ||
            find_slot(cfg_port_hash(cfg_system.port_hash_seed, port->partition, port->name, len),
                      i) == CFG_PORT_SLOT_EMPTY)
            panic("port %u: bad name or not in the name table", i);
    }
}

void ports_init(void)
{
    if (cfg_system.num_channels > CFG_MAX_CHANNELS)
        panic("%u channels configured, this kernel supports %u", cfg_system.num_channels,
              CFG_MAX_CHANNELS);
    for (uint32_t i = 0; i < cfg_system.num_ports; i++) {
        const struct cfg_port *port = &cfg_system.ports[i];

        if (port->partition >= cfg_system.num_partitions ||
            port->channel >= cfg_system.num_channels)
            panic("port %s: bad partition or channel index", port->name);
    }
    check_name_table();
    for (uint32_t i = 0; i < cfg_system.num_channels; i++) {
        const struct cfg_channel *c = &cfg_system.channels[i];
        uint64_t need = (uint64_t)CFG_CHANNEL_SLOTS(c->kind, c->depth) *
                        (c->max_message_size + CFG_MESSAGE_HEADER);

        if (c->depth == 0 || c->max_message_size == 0 || c->buffer_size < need ||
            ((uintptr_t)c->buffer & 7) || c->source >= cfg_system.num_ports)
            panic("channel %s: inconsistent table", c->name);
        channel_readers[i] = 0;
        for (uint32_t d = 0; d < c->num_destinations; d++) {
            if (c->destinations[d] >= cfg_system.num_ports)
                panic("channel %s: bad destination", c->name);
            channel_readers[i] |= 1u << cfg_system.ports[c->destinations[d]].partition;
        }
    }
}

/* Module resets so far: a channel is emptied the first time a port
 * operation touches it after one (channel_state_of), so a reset costs the same
 * however many channels there are. */
static uint64_t channel_resets;

void ports_reset(void)
{
    channel_resets++;
    port_events = 0;
}

/* The state of channel index, emptied first if a module reset came since
 * it was last touched. Every port operation reaches a channel through it. */
static struct channel_state *channel_state_of(uint32_t index)
{
    struct channel_state *st = &channel_states[index];

    if (st->resets_seen != channel_resets) {
        memset(st, 0, sizeof(*st));
        st->resets_seen = channel_resets;
    }
    return st;
}

/* p's progress with the current call if it continues one, else a fresh one
 * (done = 0) for it. */
static struct port_progress *progress_of(struct partition *p, arch_word_t nr)
{
    struct port_progress *pr = &progress[p->index];
    int same = p->port_call == nr && pr->restarts == p->restarts;

    for (unsigned i = 0; i < 4; i++) {
        if (pr->args[i] != arch_hcall_arg(p, i))
            same = 0;
        pr->args[i] = arch_hcall_arg(p, i);
    }
    if (!same) {
        p->port_call = nr;
        pr->restarts = p->restarts;
        pr->done = 0;
    }
    return pr;
}

/* For a copy that fits in one chunk: a zeroed local, and p's progress with
 * any other copy dropped (a short write or read is "another call"). */
static struct port_progress *no_progress(struct partition *p, struct port_progress *once)
{
    p->port_call = 0;
    memset(once, 0, sizeof(*once));
    return once;
}

/* Copies the next chunk; true when the whole len is done. */
static int copy_chunk(struct port_progress *pr, void *dst, const void *src, uint32_t len)
{
    uint32_t n = len - pr->done < PORT_CHUNK ? len - pr->done : PORT_CHUNK;

    memcpy((uint8_t *)dst + pr->done, (const uint8_t *)src + pr->done, n);
    pr->done += n;
    return pr->done == len;
}

void ports_window_start(struct partition *p)
{
    uint32_t bit = 1u << p->index;

    if (port_events & bit) {
        port_events &= ~bit;
        virq_raise(p, PV_IRQ_PORT);
    }
}

/* The caller's port behind handle, or NULL with *err set. */
static const struct cfg_port *own_port(const struct partition *p, uint32_t handle, int32_t *err)
{
    const struct cfg_port *port;

    if (handle >= cfg_system.num_ports) {
        *err = PV_ENOENT;
        return 0;
    }
    port = &cfg_system.ports[handle];
    if (port->partition != p->index) {
        *err = PV_EPERM;
        return 0;
    }
    return port;
}

/* A queuing destination freed space: one partition, told at once. */
static void notify(uint32_t port_index)
{
    virq_raise(&partitions[cfg_system.ports[port_index].partition], PV_IRQ_PORT);
}

/* A message arrived in channel: constant time (port_events). */
static void notify_readers(struct partition *writer, uint32_t channel)
{
    port_events |= channel_readers[channel];
    ports_window_start(writer); /* a partition that reads its own channel */
}

/* Whether configured name (checked at boot: 1..PV_PORT_NAME_MAX characters)
 * is the len bytes at name; reads no byte past either. */
static int name_equal(const char *configured, const char *name, uint32_t len)
{
    uint32_t i = 0;

    while (i < len && configured[i] && configured[i] == name[i])
        i++;
    return i == len && configured[len] == 0;
}

/* At most CFG_PORT_PROBES slots, and a name comparison only where the
 * 16-bit tag matches, so the cost does not depend on the configuration. */
int32_t port_hc_open(struct partition *p)
{
    arch_addr_t va = arch_hcall_arg(p, 0);
    arch_size_t len = arch_hcall_arg(p, 1);
    const char *name;
    uint32_t hash;

    if (len == 0 || len > PV_PORT_NAME_MAX)
        return PV_EINVAL;
    name = uaccess_ptr(p->cfg, va, len, CFG_AREA_READ);
    if (!name)
        return PV_EFAULT;
    if (cfg_system.num_ports == 0)
        return PV_ENOENT;
    hash = cfg_port_hash(cfg_system.port_hash_seed, p->index, name, len);
    for (uint32_t k = 0; k < CFG_PORT_PROBES; k++) {
        const struct cfg_port_slot *s =
            &cfg_system.port_slots[(hash + k) & cfg_system.port_slot_mask];
        const struct cfg_port *port;

        if (s->tag != hash >> 16 || s->port == CFG_PORT_SLOT_EMPTY)
            continue;
        port = &cfg_system.ports[s->port];
        if (port->partition == p->index && name_equal(port->name, name, len))
            return (int32_t)s->port;
    }
    return PV_ENOENT;
}

int32_t port_hc_write(struct partition *p)
{
    int32_t err;
    const struct cfg_port *port = own_port(p, arch_hcall_arg(p, 0), &err);
    uint32_t len = arch_hcall_arg(p, 2);
    const struct cfg_channel *c;
    struct channel_state *st;
    struct port_progress *pr, once;
    struct slot_header *h;
    const void *msg;
    uint32_t target;

    if (!port)
        return err;
    if (port->direction != CFG_PORT_SOURCE || len == 0)
        return PV_EINVAL;
    if (len > port->max_message_size)
        return PV_ERANGE;
    msg = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), len, CFG_AREA_READ);
    if (!msg)
        return PV_EFAULT;
    c = &cfg_system.channels[port->channel];
    st = channel_state_of(port->channel);
    pr = len > PORT_CHUNK ? progress_of(p, PV_HC_PORT_WRITE) : no_progress(p, &once);
    if (c->kind == CFG_PORT_QUEUING) {
        if (st->count == c->depth) {
            struct hm_error e = {PV_HM_PORT_OVERFLOW, arch_hcall_arg(p, 0), 0, 0, 0};

            p->port_call = 0;
            st->refused++;
            hm_raise(p, &e);
            return PV_EAGAIN;
        }
        /* Reads keep head + count; a clear moves it: begin again there. */
        target = (st->head + st->count) % c->depth;
    } else {
        target = st->current ^ 1;
    }
    if (pr->done == 0 || pr->slot != target) {
        pr->done = 0;
        pr->slot = target;
        if (c->kind == CFG_PORT_SAMPLING)
            st->seq[target]++; /* a reader of this slot must begin again */
    }
    h = slot(c, target);
    if (!copy_chunk(pr, h + 1, msg, len))
        return HCALL_AGAIN;
    p->port_call = 0;
    h->length = len;
    h->written_ns = arch_time_ns();
    if (c->kind == CFG_PORT_QUEUING) {
        st->count++;
    } else {
        st->current = target;
        st->count = 1;
    }
    notify_readers(p, port->channel);
    return PV_OK;
}

int32_t port_hc_read(struct partition *p)
{
    int32_t err;
    const struct cfg_port *port = own_port(p, arch_hcall_arg(p, 0), &err);
    arch_size_t size = arch_hcall_arg(p, 2);
    arch_addr_t info_va = arch_hcall_arg(p, 3);
    struct pv_port_message_info info;
    const struct cfg_channel *c;
    struct channel_state *st;
    struct port_progress *pr, once;
    const struct slot_header *h;
    void *buf, *info_out = 0;
    uint32_t from;

    if (!port)
        return err;
    if (port->direction != CFG_PORT_DESTINATION)
        return PV_EINVAL;
    c = &cfg_system.channels[port->channel];
    st = channel_state_of(port->channel);
    if (info_va) {
        info_out = uaccess_ptr(p->cfg, info_va, sizeof(info), CFG_AREA_WRITE);
        if (!info_out)
            return PV_EFAULT;
    }
    if (st->count == 0)
        return PV_EAGAIN;
    /* Short messages (and nothing under way) need no progress. */
    h = slot(c, c->kind == CFG_PORT_QUEUING ? st->head : st->current);
    if (h->length <= PORT_CHUNK && p->port_call != PV_HC_PORT_READ)
        pr = no_progress(p, &once);
    else
        pr = progress_of(p, PV_HC_PORT_READ);
    if (c->kind == CFG_PORT_QUEUING) {
        /* Only this partition removes messages: the head stays. */
        from = st->head;
    } else if (pr->done && pr->seq == st->seq[pr->slot & 1]) {
        /* The message the read began with is intact, if no longer the newest. */
        from = pr->slot & 1;
    } else {
        /* A write began to refill that slot: the newest message, from its start. */
        from = st->current;
        pr->done = 0;
        pr->seq = st->seq[from];
    }
    if (pr->slot != from)
        pr->done = 0;
    pr->slot = from;
    h = slot(c, from);
    /* The message stays where it is if the caller's buffer cannot hold it. */
    if (size < h->length) {
        p->port_call = 0;
        return PV_ERANGE;
    }
    buf = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), h->length, CFG_AREA_WRITE);
    if (!buf) {
        p->port_call = 0;
        return PV_EFAULT;
    }
    if (!copy_chunk(pr, buf, h + 1, h->length))
        return HCALL_AGAIN;
    p->port_call = 0;
    memset(&info, 0, sizeof(info));
    info.written_ns = h->written_ns;
    info.valid = port->refresh_ns == 0 || arch_time_ns() - h->written_ns <= port->refresh_ns;
    if (info_out)
        memcpy(info_out, &info, sizeof(info));
    if (c->kind == CFG_PORT_QUEUING) {
        st->head = (st->head + 1) % c->depth;
        st->count--;
        notify(c->source); /* space freed */
    }
    return (int32_t)h->length;
}

int32_t port_hc_status(struct partition *p)
{
    int32_t err;
    const struct cfg_port *port = own_port(p, arch_hcall_arg(p, 0), &err);
    struct pv_port_status status;
    const struct channel_state *st;
    void *out;

    if (!port)
        return err;
    out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 1), sizeof(status), CFG_AREA_WRITE);
    if (!out)
        return PV_EFAULT;
    st = channel_state_of(port->channel);
    memset(&status, 0, sizeof(status));
    status.kind = port->kind;
    status.direction = port->direction;
    status.max_message_size = port->max_message_size;
    status.depth = port->depth;
    status.messages = st->count;
    status.refused = st->refused;
    status.refresh_ns = port->refresh_ns;
    if (port->kind == CFG_PORT_SAMPLING && st->count)
        status.last_write_ns = slot(&cfg_system.channels[port->channel], st->current)->written_ns;
    memcpy(out, &status, sizeof(status));
    return PV_OK;
}

int32_t port_hc_clear(struct partition *p)
{
    int32_t err;
    const struct cfg_port *port = own_port(p, arch_hcall_arg(p, 0), &err);
    struct channel_state *st;

    if (!port)
        return err;
    if (port->kind != CFG_PORT_QUEUING || port->direction != CFG_PORT_DESTINATION)
        return PV_EINVAL;
    st = channel_state_of(port->channel);
    st->head = 0;
    st->count = 0;
    notify(cfg_system.channels[port->channel].source);
    return PV_OK;
}
