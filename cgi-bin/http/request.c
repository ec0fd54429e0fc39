#include "request.h"

#include <string.h>

#include "validate.h"

enum http_method http_method_from(const char *name)
{
    if (strcmp(name, "GET") == 0)
        return HTTP_GET;
    if (strcmp(name, "HEAD") == 0)
        return HTTP_HEAD;
    if (strcmp(name, "POST") == 0)
        return HTTP_POST;
    return HTTP_OTHER;
}

/* Cookie header: "a=1; b=2". Returns the first value for name, unquoted. */
const char *req_cookie(request *r, const char *name)
{
    size_t nlen = strlen(name);
    const char *p = r->cookie_header;
    while (p && *p) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
            const char *v = p + nlen + 1;
            size_t vlen = len - nlen - 1;
            if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
                v++;
                vlen -= 2;
            }
            return arena_strndup(r->mem, v, vlen);
        }
        p = end;
    }
    return NULL;
}

static const http_field *find_field(const http_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return &f[i];
    return NULL;
}

const http_field *req_query(const request *r, const char *name)
{
    return find_field(r->query_fields, r->n_query_fields, name);
}

const http_field *req_body(const request *r, const char *name)
{
    return find_field(r->body_fields, r->n_body_fields, name);
}

int req_body_all(const request *r, const char *name, const char **out, int max)
{
    int n = 0;
    for (size_t i = 0; i < r->n_body_fields && n < max; i++)
        if (strcmp(r->body_fields[i].name, name) == 0)
            out[n++] = r->body_fields[i].value;
    return n;
}

const char *req_id_text(request *r, long long n)
{
    return arena_printf(r->mem, "%lld", n);
}

long long req_param_id(const request *r, size_t n)
{
    long long id = 0;
    if (n >= r->n_params || validate_int(r->params[n], 1, 9007199254740991LL, &id))
        return 0;
    return id;
}
