/* SPDX-License-Identifier: BSD-2-Clause */
#include "posix_name.h"

#include <string.h>

size_t posix_name_copy(char *dst, const char *src, size_t size)
{
    size_t length = strlen(src);
    size_t n = length < size - 1 ? length : size - 1;

    memcpy(dst, src, n);
    dst[n] = '\0';
    return length;
}

size_t posix_object_name_to_string(uint32_t name, char *buffer, size_t size)
{
    char chars[5];
    size_t length = 0;

    for (int shift = 24; shift >= 0; shift -= 8) {
        char c = (char)((name >> shift) & 0xffu);

        if (c == '\0') {
            break;
        }
        chars[length++] = c >= ' ' && c <= '~' ? c : '*';
    }
    chars[length] = '\0';
    return size > 0 ? posix_name_copy(buffer, chars, size) : length;
}
