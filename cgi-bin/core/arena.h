/* arena: per-request bump allocator. Everything a request allocates lives here
 * and is released at once by arena_reset, so a worker's memory stays flat
 * however many requests it serves. */
#ifndef TANDEM_ARENA_H
#define TANDEM_ARENA_H
#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct {
    arena_chunk *head; /* current chunk (newest first) */
    size_t chunk_size; /* size of ordinary chunks */
} arena;

void arena_init(arena *a, size_t chunk_size);
/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena; NULL on failure. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The n strings as a PostgreSQL array literal ({"a","b \"c\""}), to bind
 * as a text[] parameter; NULL when out of memory. */
char *arena_pg_array(arena *a, const char *const *values, size_t n);
/* Frees all but the first chunk, and empties that one. */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
