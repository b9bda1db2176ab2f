/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linking a bootable system image from the generated files, with the kernel
 * library of an installed SDK (mk/install.mk): tessera-config --image.
 */
#ifndef TCFG_LINK_H
#define TCFG_LINK_H

#include <stdbool.h>

/*
 * The kernel folder of the SDK that this program belongs to:
 * BINDIR/../lib/tessera/ARCH/kernel, BINDIR being the folder of the running
 * executable. Returns a string to free, or NULL (with a message on stderr)
 * when the executable cannot be found.
 */
char *tcfg_link_default_kernel_dir(const char *arch);

/*
 * Runs KERNEL_DIR/link-system on the cfg_tables.c and cfg_images.S in
 * out_dir, writing image. Prints what went wrong; returns success.
 */
bool tcfg_link_image(const char *kernel_dir, const char *out_dir, const char *image);

/* A fresh private folder for the generated files; NULL on failure. */
char *tcfg_link_temp_dir(void);

/* Removes what tcfg_link_image and tcfg_emit left in a tcfg_link_temp_dir
 * folder, and the folder. */
void tcfg_link_remove_temp_dir(char *dir);

#endif
