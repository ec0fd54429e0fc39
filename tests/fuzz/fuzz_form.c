/* libFuzzer target for the body parsers in cgi-bin/http/form.c: every input
 * goes to form_parse_urlencoded, and to form_parse_multipart with the fixed
 * content type below. If the input's first line (up to 100 bytes) looks like
 * a content type, the rest is also parsed with that one, so the boundary
 * parsing is fuzzed too. Besides the sanitizers, it checks what the parsers
 * promise: on success every field has a valid name, a NUL-terminated value
 * and, unless it is a file, valid UTF-8 text within the limit; on failure a
 * 400 or 413 with a message and nothing returned. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/http/form.h"

static const http_limits LIM = {
    .max_form_body = 1 << 16, .max_upload = 1 << 16, .max_fields = 8, .max_field_len = 256};

static arena mem;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static void check_result(int st, http_field *f, size_t n, const char *err, bool multipart)
{
    if (st != 0) {
        CHECK(st == 400 || st == 413);
        CHECK(err && *err);
        CHECK(f == (http_field *)&mem && n == 12345); /* untouched */
        return;
    }
    CHECK(n <= LIM.max_fields);
    CHECK(n == 0 || f);
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(f[i].name);
        CHECK(nl > 0 && nl <= 64);
        for (size_t j = 0; j < nl; j++) {
            unsigned char c = (unsigned char)f[i].name[j];
            CHECK((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.');
        }
        CHECK(f[i].value && f[i].value[f[i].len] == '\0');
        if (f[i].filename) {
            CHECK(multipart);
            CHECK(!strchr(f[i].filename, '/') && !strchr(f[i].filename, '\\'));
            CHECK(utf8_valid(f[i].filename, strlen(f[i].filename)));
        } else {
            CHECK(f[i].len <= LIM.max_field_len);
            CHECK(memchr(f[i].value, '\0', f[i].len) == NULL);
            CHECK(utf8_valid(f[i].value, f[i].len));
        }
    }
}

static void parse_multipart(const char *data, size_t len, const char *ctype)
{
    http_field *f = (http_field *)&mem;
    size_t n = 12345;
    const char *err = NULL;
    int st = form_parse_multipart(&mem, data, len, ctype, &LIM, &f, &n, &err);
    check_result(st, f, n, err, true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!mem.chunk_size)
        arena_init(&mem, 16 * 1024);
    const char *d = (const char *)data;

    http_field *f = (http_field *)&mem;
    size_t n = 12345;
    const char *err = NULL;
    int st = form_parse_urlencoded(&mem, d, size, &LIM, &f, &n, &err);
    check_result(st, f, n, err, false);
    arena_reset(&mem);

    parse_multipart(d, size, "multipart/form-data; boundary=xYz");
    arena_reset(&mem);

    const char *nl = memchr(d, '\n', size < 100 ? size : 100);
    if (nl) {
        char ctype[101];
        size_t cl = (size_t)(nl - d);
        memcpy(ctype, d, cl);
        ctype[cl] = '\0';
        parse_multipart(nl + 1, size - cl - 1, ctype);
        arena_reset(&mem);
    }
    return 0;
}
