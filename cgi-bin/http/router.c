#include "router.h"

#include <string.h>

/* Matches one pattern against a path, capturing ":x" segments. Captured
 * segments must be non-empty and are copied into the arena. */
static bool pattern_match(const char *pat, const char *path, arena *a, const char **params,
                          size_t *n_params)
{
    size_t n = 0;
    while (*pat && *path) {
        if (*pat == ':') {
            const char *pend = strchr(pat, '/');
            const char *send = strchr(path, '/');
            size_t slen = send ? (size_t)(send - path) : strlen(path);
            if (slen == 0 || n == REQUEST_MAX_PARAMS)
                return false;
            params[n++] = arena_strndup(a, path, slen);
            pat = pend ? pend : pat + strlen(pat);
            path += slen;
        } else if (*pat++ != *path++) {
            return false;
        }
    }
    if (*pat || *path)
        return false;
    *n_params = n;
    return true;
}

enum route_result route_match(const route *table, size_t n, enum http_method method,
                              const char *path, arena *a, const route **found, const char **params,
                              size_t *n_params, unsigned *allowed)
{
    unsigned want = method == HTTP_HEAD ? HTTP_GET : method;
    *allowed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t np = 0;
        if (!pattern_match(table[i].pattern, path, a, params, &np))
            continue;
        if (table[i].methods & want) {
            *found = &table[i];
            *n_params = np;
            return ROUTE_FOUND;
        }
        *allowed |= table[i].methods;
    }
    return *allowed ? ROUTE_WRONG_METHOD : ROUTE_NOT_FOUND;
}

const char *route_allow_header(arena *a, unsigned methods)
{
    return arena_printf(a, "%s%s", (methods & HTTP_GET) ? "GET, HEAD" : "",
                        (methods & HTTP_POST) ? ((methods & HTTP_GET) ? ", POST" : "POST") : "");
}
