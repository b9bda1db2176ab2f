/* SPDX-License-Identifier: BSD-2-Clause */
/* Reading the inputs from disk: the XML file and partition images. */
#ifndef TCFG_FILES_H
#define TCFG_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "tcfg.h"

/* The largest partition image the tool accepts. */
#define TCFG_MAX_IMAGE (64u << 20)

/*
 * Reads a regular file of at most max bytes into a malloc'ed buffer with a
 * NUL after the last byte. Returns NULL, or why not.
 */
const char *tcfg_read_file(const char *path, size_t max, uint8_t **data, size_t *size);

/* Where images are searched: each --image-dir in order, then the XML's folder. */
struct tcfg_search {
    const char *const *dirs;
    size_t num_dirs;
    const char *xml_dir;
    char why[160];
};

/* A tcfg_image_loader over a struct tcfg_search. */
const char *tcfg_load_image_file(void *search, const char *name, struct tcfg_image *out);

#endif
