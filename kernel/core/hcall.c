/* SPDX-License-Identifier: BSD-2-Clause */
#include "hcall.h"
#include "arch.h"
#include "console.h"
#include "kstring.h"
#include "partition.h"
#include "pv/abi.h"
#include "uaccess.h"

typedef int32_t (*hcall_fn)(struct partition *p);

static int32_t hc_console_write(struct partition *p)
{
    uint32_t va = arch_hcall_arg(p, 0), len = arch_hcall_arg(p, 1);
    const char *buf;

    if (len > PV_CONSOLE_WRITE_MAX)
        return PV_ERANGE;
    if (len == 0)
        return 0;
    buf = uaccess_ptr(p->cfg, va, len, CFG_AREA_READ);
    if (!buf)
        return PV_EFAULT;
    console_partition_write(p, buf, len);
    return (int32_t)len;
}

static int32_t hc_time_get(struct partition *p)
{
    uint64_t now = arch_time_ns();
    void *out = uaccess_ptr(p->cfg, arch_hcall_arg(p, 0), sizeof(now), CFG_AREA_WRITE);

    if (!out)
        return PV_EFAULT;
    memcpy(out, &now, sizeof(now));
    return PV_OK;
}

static int32_t hc_idle(struct partition *p)
{
    p->state = PART_WAIT_WINDOW;
    return PV_OK;
}

static int32_t hc_halt_self(struct partition *p)
{
    console_partition_flush(p);
    p->state = PART_HALTED;
    return PV_OK;
}

static const hcall_fn hcall_table[PV_HC_COUNT] = {
    [PV_HC_CONSOLE_WRITE] = hc_console_write,
    [PV_HC_TIME_GET] = hc_time_get,
    [PV_HC_IDLE] = hc_idle,
    [PV_HC_HALT_SELF] = hc_halt_self,
};

void hcall_dispatch(struct partition *p)
{
    uint32_t nr = arch_hcall_number(p);

    if (nr >= PV_HC_COUNT || !hcall_table[nr]) {
        arch_hcall_return(p, PV_ENOSYS);
        return;
    }
    arch_hcall_return(p, hcall_table[nr](p));
}
