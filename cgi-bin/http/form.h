/* form: parsers for query strings, urlencoded and multipart bodies.
 * Each returns 0, or an HTTP status (400 or 413) with *err set to a sentence
 * a person can act on. On error nothing is returned in *out. */
#ifndef TANDEM_FORM_H
#define TANDEM_FORM_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "request.h"

bool utf8_valid(const char *s, size_t n);

int form_parse_urlencoded(arena *a, const char *data, size_t len, const http_limits *lim,
                          http_field **out, size_t *n_out, const char **err);

int form_parse_multipart(arena *a, const char *data, size_t len, const char *content_type,
                         const http_limits *lim, http_field **out, size_t *n_out, const char **err);

#endif
