/* SPDX-License-Identifier: BSD-2-Clause */
/* config/tessera.xsd as bytes; the build generates the definition. */
#ifndef TCFG_XSD_H
#define TCFG_XSD_H

#include <stddef.h>

extern const unsigned char tcfg_xsd[];
extern const size_t tcfg_xsd_len;

#endif
