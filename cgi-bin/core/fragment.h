/* fragment: pieces of HTML rendered once and kept in memory, for parts of
 * pages that are the same for everyone who may see them and cost the most
 * to build (a portfolio page's blocks). A piece is kept under a key and the
 * version of the data it was made from. The request that wants it reads the
 * current version from the database anyway, with the row it checks
 * permission on, so an out-of-date piece is never shown: it is not found,
 * and the caller renders it afresh. Shared by the server's threads. */
#ifndef TANDEM_FRAGMENT_H
#define TANDEM_FRAGMENT_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* The largest piece kept: bigger ones are rendered every time. With
 * FRAGMENT_SLOTS this bounds the memory the cache can hold (16 MB). */
#define FRAGMENT_MAX_BYTES (64 * 1024)
#define FRAGMENT_SLOTS 256

/* The piece kept under key at exactly this version and not expired,
 * copied into mem, or NULL. */
const char *fragment_find(const char *key, long long version, arena *mem);
/* Keeps html under key and version, replacing whatever shared its slot,
 * until expires (a time(2) value; 0 for as long as the version holds: for
 * a piece that changes with the clock as well as the data). Keys longer
 * than 127 bytes and pieces over FRAGMENT_MAX_BYTES are not kept. */
void fragment_keep(const char *key, long long version, const char *html, long long expires);

#endif
