#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
    arena_chunk *next;
    size_t size, used;
    max_align_t data[];
};

static arena_chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(arena_chunk))
        return NULL;
    arena_chunk *c = malloc(sizeof *c + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

void arena_init(arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size;
}

void *arena_alloc(arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    if (n > SIZE_MAX - align)
        return NULL;
    n = (n + align - 1) & ~(align - 1);
    if (!a->head || a->head->size - a->head->used < n) {
        /* Large requests get a chunk of their own, placed behind the current
         * one so the current chunk's free space is not wasted. */
        size_t size = n > a->chunk_size ? n : a->chunk_size;
        arena_chunk *c = chunk_new(size);
        if (!c)
            return NULL;
        if (a->head && n > a->chunk_size) {
            c->next = a->head->next;
            a->head->next = c;
            c->used = n;
            memset(c->data, 0, n);
            return c->data;
        }
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)a->head->data + a->head->used;
    a->head->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_reset(arena *a)
{
    if (!a->head)
        return;
    /* Keep the oldest ordinary-sized chunk: it is the one every request needs. */
    arena_chunk *keep = NULL;
    for (arena_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (!keep && !next && c->size == a->chunk_size)
            keep = c;
        else
            free(c);
    }
    a->head = keep;
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
}

void arena_free(arena *a)
{
    for (arena_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
}

char *arena_pg_array(arena *a, const char *const *values, size_t n)
{
    size_t len = 3;                /* {} and the NUL */
    for (size_t i = 0; i < n; i++) /* quotes and a comma, and each byte escaped at worst */
        len += 3 + 2 * strlen(values[i]);
    char *out = arena_alloc(a, len), *o = out;
    if (!out)
        return NULL;
    *o++ = '{';
    for (size_t i = 0; i < n; i++) {
        if (i)
            *o++ = ',';
        *o++ = '"';
        for (const char *c = values[i]; *c; c++) {
            if (*c == '"' || *c == '\\')
                *o++ = '\\';
            *o++ = *c;
        }
        *o++ = '"';
    }
    *o++ = '}';
    *o = '\0';
    return out;
}
