#define _GNU_SOURCE /* memmem */
#include "form.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        size_t extra;
        unsigned min;
        if (c < 0x80) {
            p++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3, min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)(end - p) <= extra)
            return false;
        unsigned cp = c & (0x3F >> extra);
        for (size_t i = 1; i <= extra; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

/* Field names are ours, never free text: a short run of [A-Za-z0-9_.-]. */
static bool name_valid(const char *s, size_t n)
{
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-' && s[i] != '.')
            return false;
    return true;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX and '+' into a new arena string; returns NULL on a bad escape. */
static char *url_decode(arena *a, const char *s, size_t n, size_t *out_len)
{
    char *out = arena_alloc(a, n + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            *o++ = ' ';
        } else if (s[i] == '%') {
            if (n - i < 3)
                return NULL;
            int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0)
                return NULL;
            *o++ = (char)(hi * 16 + lo);
            i += 2;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* Checks a decoded text value: UTF-8, no NUL, within the length limit. */
static int check_text(arena *a, const char *name, const char *v, size_t len, const http_limits *lim,
                      const char **err)
{
    if (len > lim->max_field_len) {
        *err = arena_printf(a, "The field \"%s\" is too long (at most %zu bytes).", name,
                            lim->max_field_len);
        return 413;
    }
    if (!utf8_valid(v, len) || memchr(v, '\0', len)) {
        *err = arena_printf(a, "The field \"%s\" is not valid UTF-8 text.", name);
        return 400;
    }
    return 0;
}

int form_parse_urlencoded(arena *a, const char *data, size_t len, const http_limits *lim,
                          http_field **out, size_t *n_out, const char **err)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += data[i] == '&';
    if (cap > lim->max_fields * 2 + 1) {
        *err = arena_printf(a, "Too many fields (at most %zu).", lim->max_fields);
        return 413;
    }
    http_field *fields = arena_alloc(a, cap * sizeof *fields);
    size_t n = 0;
    if (!fields) {
        *err = "Out of memory.";
        return 413;
    }
    for (const char *p = data, *end = data + len; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *pair_end = amp ? amp : end;
        if (pair_end > p) {
            const char *eq = memchr(p, '=', (size_t)(pair_end - p));
            const char *name_end = eq ? eq : pair_end;
            size_t nlen, vlen = 0;
            char *name = url_decode(a, p, (size_t)(name_end - p), &nlen);
            char *value = eq ? url_decode(a, eq + 1, (size_t)(pair_end - eq - 1), &vlen)
                             : arena_strdup(a, "");
            if (!name || !value || !name_valid(name, nlen)) {
                *err = "The form data is malformed.";
                return 400;
            }
            int st = check_text(a, name, value, vlen, lim, err);
            if (st)
                return st;
            if (n == lim->max_fields) {
                *err = arena_printf(a, "Too many fields (at most %zu).", lim->max_fields);
                return 413;
            }
            fields[n++] = (http_field){.name = name, .value = value, .len = vlen};
        }
        p = pair_end + 1;
    }
    *out = fields;
    *n_out = n;
    return 0;
}

/* Finds parameter `key` (e.g. boundary, name, filename) in a header value
 * such as `form-data; name="x"; filename="a b.txt"`. Quoted values may hold
 * escaped quotes. Returns an arena string, or NULL if absent. */
static char *header_param(arena *a, const char *v, size_t vlen, const char *key)
{
    size_t klen = strlen(key);
    const char *end = v + vlen, *p = v;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        if (!semi)
            return NULL;
        p = semi + 1;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if ((size_t)(end - p) > klen && strncasecmp(p, key, klen) == 0 && p[klen] == '=') {
            p += klen + 1;
            if (p < end && *p == '"') {
                char *val = arena_alloc(a, (size_t)(end - p)), *o = val;
                if (!val)
                    return NULL;
                for (p++; p < end && *p != '"'; p++) {
                    if (*p == '\\' && p + 1 < end)
                        p++;
                    *o++ = *p;
                }
                return p < end ? val : NULL;
            }
            const char *ve = p;
            while (ve < end && *ve != ';' && *ve != ' ')
                ve++;
            return arena_strndup(a, p, (size_t)(ve - p));
        }
    }
    return NULL;
}

typedef struct {
    char *name, *filename, *content_type;
} part_headers;

/* Parses the header block of one part (lines ending CRLF, without the blank
 * line). Returns false if it is not a form-data part with a valid name. */
static bool parse_part_headers(arena *a, const char *h, size_t len, part_headers *ph)
{
    *ph = (part_headers){0};
    for (const char *p = h, *end = h + len; p < end;) {
        const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
        const char *le = eol ? eol : end;
        const char *colon = memchr(p, ':', (size_t)(le - p));
        if (!colon)
            return false;
        size_t hn = (size_t)(colon - p);
        const char *v = colon + 1;
        while (v < le && (*v == ' ' || *v == '\t'))
            v++;
        if (hn == 19 && strncasecmp(p, "Content-Disposition", hn) == 0) {
            if ((size_t)(le - v) < 9 || strncasecmp(v, "form-data", 9) != 0)
                return false;
            ph->name = header_param(a, v, (size_t)(le - v), "name");
            ph->filename = header_param(a, v, (size_t)(le - v), "filename");
        } else if (hn == 12 && strncasecmp(p, "Content-Type", hn) == 0) {
            ph->content_type = arena_strndup(a, v, (size_t)(le - v));
        }
        p = eol ? eol + 2 : end;
    }
    return ph->name && name_valid(ph->name, strlen(ph->name));
}

/* Browsers send a bare file name, but some send a path: keep the last part. */
static const char *file_basename(const char *f)
{
    const char *slash = strrchr(f, '/'), *bslash = strrchr(f, '\\');
    const char *last = slash > bslash ? slash : bslash;
    return last ? last + 1 : f;
}

int form_parse_multipart(arena *a, const char *data, size_t len, const char *content_type,
                         const http_limits *lim, http_field **out, size_t *n_out, const char **err)
{
    *err = "The uploaded form data is malformed.";
    const char *b = header_param(a, content_type, strlen(content_type), "boundary");
    size_t blen = b ? strlen(b) : 0;
    if (blen == 0 || blen > 70)
        return 400;
    /* "\r\n--" + boundary; the body's first delimiter has no leading CRLF,
     * so parse as if the body began with one. */
    char *delim = arena_printf(a, "\r\n--%s", b);
    size_t dlen = blen + 4;
    if (!delim)
        return 413;
    if (len < dlen - 2 || memcmp(data, delim + 2, dlen - 2) != 0)
        return 400;
    http_field *fields = arena_alloc(a, (lim->max_fields + 1) * sizeof *fields);
    size_t n = 0;
    if (!fields)
        return 413;
    const char *p = data + dlen - 2, *end = data + len;
    for (;;) {
        if (end - p >= 2 && p[0] == '-' && p[1] == '-')
            break; /* closing delimiter; an epilogue may follow and is ignored */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return 400;
        p += 2;
        const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!hend)
            return 400;
        part_headers ph;
        if (!parse_part_headers(a, p, (size_t)(hend - p), &ph))
            return 400;
        const char *body = hend + 4;
        const char *next = memmem(body, (size_t)(end - body), delim, dlen);
        if (!next)
            return 400;
        size_t vlen = (size_t)(next - body);
        if (n == lim->max_fields) {
            *err = arena_printf(a, "Too many fields (at most %zu).", lim->max_fields);
            return 413;
        }
        http_field *f = &fields[n++];
        *f = (http_field){.name = ph.name,
                          .value = arena_strndup(a, body, vlen),
                          .len = vlen,
                          .content_type = ph.content_type};
        if (ph.filename) {
            f->filename = file_basename(ph.filename);
            if (!utf8_valid(f->filename, strlen(f->filename))) {
                *err =
                    arena_printf(a, "The name of the file in \"%s\" is not valid UTF-8.", ph.name);
                return 400;
            }
        } else {
            int st = check_text(a, ph.name, f->value, vlen, lim, err);
            if (st)
                return st;
        }
        p = next + dlen;
    }
    *out = fields;
    *n_out = n;
    return 0;
}
