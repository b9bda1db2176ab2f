/* SPDX-License-Identifier: BSD-2-Clause */
#include <stddef.h>
#include "hcall_cases.h"
#include <pv/hcall_args.h>

int hc_result_ok(const struct hc_case *c, int32_t result)
{
    if (c->expect != HC_ACCEPTED) {
        return result == c->expect;
    }
    return result != PV_EFAULT && result != PV_EINVAL && result != PV_ERANGE &&
           result != PV_EPERM && result != PV_ENOSYS;
}

/* 2^32 where register words are wider than 32 bits, else 0 (no such cases). */
#define HC_WIDE ((pv_word_t)((uint64_t)1 << 32))

struct gen {
    const struct hc_env *env;
    const struct pv_hcall_contract *hc;
    pv_word_t nr;
    void (*run)(const struct hc_case *c, void *ctx);
    void *ctx;
    unsigned count;
};

static pv_word_t number_max(const struct gen *g, const struct pv_arg_contract *a)
{
    return (a->flags & PV_ARG_PORT_MAX) ? g->env->port_max : a->max;
}

/* The bytes pointer argument i covers with the arguments args. */
static pv_word_t pointer_len(const struct gen *g, unsigned i, const pv_word_t *args)
{
    const struct pv_arg_contract *a = &g->hc->args[i];
    const struct pv_arg_contract *n;
    pv_word_t units;

    if (a->flags & PV_ARG_ARCH_SIZE) {
        return g->env->frame_size;
    }
    if (a->len_arg == PV_ARG_FIXED) {
        return a->size;
    }
    n = &g->hc->args[a->len_arg];
    units = args[a->len_arg];
    if ((n->flags & PV_ARG_CLAMP) && units > number_max(g, n)) {
        units = number_max(g, n);
    }
    /* Bounded by the arguments' own bounds: no product beyond 2^32 here. */
    return units > g->env->buf_size / (a->size ? a->size : 1) ? g->env->buf_size : units * a->size;
}

/* The arguments of a call whose every argument is valid: pointers at the
 * start of the read-write area (code: of the code area). */
static void baseline(const struct gen *g, pv_word_t *args)
{
    for (unsigned i = 0; i < 5; i++) {
        const struct pv_arg_contract *a = &g->hc->args[i];

        switch (a->kind) {
        case PV_ARG_IN:
        case PV_ARG_OUT:
            args[i] = g->env->buf;
            break;
        case PV_ARG_CODE:
            args[i] = g->env->code;
            break;
        case PV_ARG_PEER:
            args[i] = g->env->peer_id;
            break;
        case PV_ARG_PORT_SRC:
            args[i] = g->env->port_src;
            break;
        case PV_ARG_PORT_DST:
            args[i] = g->env->port_dst;
            break;
        default:
            args[i] = a->valid;
            break;
        }
    }
}

/* Where a call with args may write: the first output pointer's range
 * (every other output is then at a bad address or also in buf). */
static void allow_writes(const struct gen *g, struct hc_case *c)
{
    pv_word_t lo = 0, hi = 0;

    c->write_va = 0;
    c->write_len = 0;
    for (unsigned i = 0; i < g->hc->nargs; i++) {
        pv_word_t len, va = c->args[i];

        if (g->hc->args[i].kind != PV_ARG_OUT || va == 0) {
            continue;
        }
        len = pointer_len(g, i, c->args);
        if (lo == hi) {
            lo = va;
            hi = va + len;
        } else {
            lo = va < lo ? va : lo;
            hi = va + len > hi ? va + len : hi;
        }
    }
    if (c->expect == HC_ACCEPTED) {
        c->write_va = lo;
        c->write_len = hi - lo;
    }
}

static void emit(struct gen *g, const pv_word_t *args, unsigned arg, const char *what,
                 int32_t expect)
{
    struct hc_case c;

    c.nr = g->nr;
    for (unsigned i = 0; i < 5; i++) {
        c.args[i] = args[i];
    }
    c.expect = expect;
    c.call = g->hc->name;
    c.arg = arg;
    c.what = what;
    allow_writes(g, &c);
    g->count++;
    g->run(&c, g->ctx);
}

static void pointer_cases(struct gen *g, unsigned i)
{
    const struct hc_env *env = g->env;
    const struct pv_arg_contract *a = &g->hc->args[i];
    pv_word_t args[5], len, end;
    int32_t bad = PV_EFAULT;

    if ((a->flags & PV_ARG_ARCH_SIZE) && env->skip_arch) {
        return;
    }
    baseline(g, args);
    len = pointer_len(g, i, args);
    end = a->kind == PV_ARG_CODE ? env->code + env->code_size : env->buf + env->buf_size;

    args[i] = 0;
    emit(g, args, i, "NULL", (a->flags & PV_ARG_NULL_OK) ? HC_ACCEPTED : bad);
    args[i] = env->kernel;
    emit(g, args, i, "kernel address", bad);
    args[i] = env->peer;
    emit(g, args, i, "another partition's area", bad);
    args[i] = env->control;
    emit(g, args, i, "control page", bad);
    if (a->kind == PV_ARG_OUT) {
        args[i] = env->ro;
        emit(g, args, i, "own area without w", bad);
    } else if (a->kind == PV_ARG_CODE) {
        args[i] = env->buf;
        emit(g, args, i, "own area without x", bad);
    }
    /* Last byte one past the end; then the last bytes exactly. */
    args[i] = end - len + 1;
    emit(g, args, i, "straddling the area end", bad);
    if (!(a->flags & PV_ARG_NO_VALID)) {
        args[i] = a->kind == PV_ARG_CODE ? end - env->insn_align : end - len;
        emit(g, args, i, "at the area end", HC_ACCEPTED);
    }
    if (len >= 2) {
        args[i] = (pv_word_t)0 - len / 2;
        emit(g, args, i, "wrapping", bad);
    }
    /* Wide registers: what their low 32 bits alone would make valid. */
    if (HC_WIDE) {
        args[i] = (a->kind == PV_ARG_CODE ? env->code : env->buf) + HC_WIDE;
        emit(g, args, i, "own area 4 GiB up", bad);
        args[i] = env->control + HC_WIDE;
        emit(g, args, i, "control page 4 GiB up", bad);
    }
    for (unsigned k = 0; k < env->num_arch_bad; k++) {
        args[i] = env->arch_bad[k].va;
        emit(g, args, i, env->arch_bad[k].what, bad);
    }
    /* A zero-length range is no memory at all, wherever it points. */
    if (a->len_arg != PV_ARG_FIXED && !(a->flags & PV_ARG_ARCH_SIZE) &&
        g->hc->args[a->len_arg].min == 0) {
        args[i] = env->kernel;
        args[a->len_arg] = 0;
        emit(g, args, i, "zero length at a kernel address", HC_ACCEPTED);
    }
}

static void number_cases(struct gen *g, unsigned i)
{
    const struct pv_arg_contract *a = &g->hc->args[i];
    pv_word_t args[5], max = number_max(g, a);

    baseline(g, args);
    args[i] = max;
    emit(g, args, i, "at max", HC_ACCEPTED);
    if (max != PV_ARG_WORD_MAX) {
        args[i] = max + 1;
        if (a->flags & PV_ARG_CLAMP) {
            /* The call must use only max units: its buffers end exactly
             * there, at the end of the area. */
            for (unsigned j = 0; j < g->hc->nargs; j++) {
                if ((g->hc->args[j].kind == PV_ARG_IN || g->hc->args[j].kind == PV_ARG_OUT) &&
                    g->hc->args[j].len_arg == i) {
                    args[j] = g->env->buf + g->env->buf_size - pointer_len(g, j, args);
                }
            }
            emit(g, args, i, "above max (clamped)", HC_ACCEPTED);
        } else {
            emit(g, args, i, "above max", a->err_above);
        }
    }
    baseline(g, args);
    if (a->min > 0) {
        args[i] = a->min;
        emit(g, args, i, "at min", HC_ACCEPTED);
        args[i] = a->min - 1;
        emit(g, args, i, "below min",
             (a->flags & PV_ARG_ZERO_OK) && a->min == 1 ? HC_ACCEPTED : a->err_below);
    }
    if ((a->flags & PV_ARG_ZERO_OK) && a->min > 1) {
        args[i] = 0;
        emit(g, args, i, "zero", HC_ACCEPTED);
    }
    /* Wide registers: the valid value with a bit set above the low 32. */
    if (HC_WIDE && !(a->flags & PV_ARG_CLAMP) && max != PV_ARG_WORD_MAX) {
        baseline(g, args);
        args[i] = a->valid + HC_WIDE;
        emit(g, args, i, "valid value 4 GiB up", args[i] <= max ? HC_ACCEPTED : a->err_above);
    }
}

/* Wide registers: a partition id or port handle 4 GiB up names none. */
static void id_cases(struct gen *g, unsigned i)
{
    pv_word_t args[5];

    if (!HC_WIDE) {
        return;
    }
    baseline(g, args);
    args[i] += HC_WIDE;
    emit(g, args, i, "id 4 GiB up", PV_ENOENT);
}

/* Wide registers: the call's number 4 GiB up is no call, with arguments
 * the call itself would take. */
static void number_of_call_case(struct gen *g)
{
    pv_word_t args[5];

    if (!HC_WIDE) {
        return;
    }
    baseline(g, args);
    g->nr += HC_WIDE;
    emit(g, args, 0, "call number 4 GiB up", PV_ENOSYS);
    g->nr -= HC_WIDE;
}

unsigned hc_generate(const struct hc_env *env, uint32_t nr,
                     void (*run)(const struct hc_case *c, void *ctx), void *ctx)
{
    struct gen g = {env, NULL, 0, run, ctx, 0};

    for (g.nr = 0; g.nr < PV_HC_COUNT; g.nr++) {
        g.hc = &pv_hcall_contracts[g.nr];
        if ((nr != HC_ALL && nr != g.nr) || !g.hc->name) {
            continue;
        }
        number_of_call_case(&g);
        for (unsigned i = 0; i < g.hc->nargs; i++) {
            switch (g.hc->args[i].kind) {
            case PV_ARG_IN:
            case PV_ARG_OUT:
            case PV_ARG_CODE:
                pointer_cases(&g, i);
                break;
            case PV_ARG_NUMBER:
                number_cases(&g, i);
                break;
            case PV_ARG_PEER:
            case PV_ARG_PORT_SRC:
            case PV_ARG_PORT_DST:
                id_cases(&g, i);
                break;
            default:
                break;
            }
        }
    }
    return g.count;
}
