/* libFuzzer target for cgi-bin/core/richtext.c: every input goes to
 * richtext_sanitize (as HTML) and richtext_render (as Markdown). Besides the
 * sanitizers, it checks what the output promises, independently of the
 * sanitiser's own code: it is valid UTF-8; '<', '>' and '"' occur only as tag
 * and attribute syntax and '&' only in the four escapes we write; every tag
 * is an allowed element with allowed attribute names; no URL has a scheme
 * other than http, https or mailto; and sanitising it again passes the same
 * checks. (Not byte-for-byte idempotence: libxml2's HTML4 parser builds some
 * odd trees from malformed input, e.g. a tbody inside a thead, which a second
 * parse straightens out. Harmless, since every output is built from the allow
 * list; the unit tests check idempotence on well-formed input.) */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../cgi-bin/core/richtext.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static const char *const ELEMENTS[] = {
    "p",   "br", "hr", "h1",      "h2",  "h3",  "h4",   "h5",    "h6",         "strong", "em",
    "b",   "i",  "u",  "s",       "del", "ins", "sub",  "sup",   "blockquote", "pre",    "code",
    "kbd", "ul", "ol", "li",      "dl",  "dt",  "dd",   "table", "thead",      "tbody",  "tfoot",
    "tr",  "th", "td", "caption", "a",   "img", "span", "div",   "input",      NULL};
static const char *const ATTRS[] = {"href",   "title",   "rel",      "src",     "alt",   "width",
                                    "height", "align",   "colspan",  "rowspan", "start", "class",
                                    "type",   "checked", "disabled", NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return true;
    return false;
}

static bool utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80                 ? 1
                   : c >= 0xc2 && c <= 0xdf ? 2
                   : c >= 0xe0 && c <= 0xef ? 3
                   : c >= 0xf0 && c <= 0xf4 ? 4
                                            : 0;
        if (!k || i + k > n)
            return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xc0) != 0x80)
                return false;
        if ((c == 0xe0 && s[i + 1] < 0xa0) || (c == 0xed && s[i + 1] > 0x9f) ||
            (c == 0xf0 && s[i + 1] < 0x90) || (c == 0xf4 && s[i + 1] > 0x8f))
            return false;
        i += k;
    }
    return true;
}

/* A URL value (still escaped; only &amp; matters for a scheme) must not
 * carry a scheme other than ours, whitespace and controls ignored. */
static void check_url(const char *v, size_t n)
{
    size_t end = strcspn(v, ":/?#"); /* stops at the closing quote at worst */
    if (end >= n || v[end] != ':')
        return; /* no scheme: relative */
    char scheme[8];
    size_t k = 0;
    for (size_t i = 0; i < end; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c <= 0x20 || c == 0x7f)
            continue;
        CHECK(k + 1 < sizeof scheme);
        scheme[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    scheme[k] = '\0';
    CHECK(!strcmp(scheme, "http") || !strcmp(scheme, "https") || !strcmp(scheme, "mailto"));
}

/* Checks one tag at s (after '<'); returns the length up to and with '>'. */
static size_t check_tag(const char *s, size_t n)
{
    const char *end = memchr(s, '>', n);
    CHECK(end);
    size_t i = s[0] == '/', len = (size_t)(end - s);
    size_t name = strspn(s + i, "abcdefghijklmnopqrstuvwxyz0123456789");
    CHECK(name <= len - i && in_list(ELEMENTS, s + i, name));
    for (i += name; i < len;) {
        CHECK(s[i] == ' ' && s[0] != '/');
        size_t an = strspn(s + i + 1, "abcdefghijklmnopqrstuvwxyz");
        CHECK(in_list(ATTRS, s + i + 1, an));
        i += 1 + an;
        if (i < len && s[i] == '=') {
            CHECK(s[i + 1] == '"');
            const char *q = memchr(s + i + 2, '"', len - i - 2);
            CHECK(q);
            size_t vn = (size_t)(q - (s + i + 2));
            if ((an == 4 && !memcmp(s + i - 4, "href", 4)) ||
                (an == 3 && !memcmp(s + i - 3, "src", 3)))
                check_url(s + i + 2, vn);
            i += 2 + vn + 1;
        }
    }
    return len + 1;
}

static void check_grammar(const buf *b)
{
    CHECK(b->data && b->data[b->len] == '\0');
    CHECK(utf8_ok((const unsigned char *)b->data, b->len));
    for (size_t i = 0; i < b->len;) {
        const char *s = b->data + i;
        if (*s == '<') {
            i += 1 + check_tag(s + 1, b->len - i - 1);
            continue;
        }
        CHECK(*s != '>' && *s != '"' && *s != '\0');
        if (*s == '&')
            CHECK(!strncmp(s, "&amp;", 5) || !strncmp(s, "&lt;", 4) || !strncmp(s, "&gt;", 4) ||
                  !strncmp(s, "&quot;", 6));
        i++;
    }
}

static void check_output(const buf *b)
{
    check_grammar(b);
    buf again = {0};
    CHECK(richtext_sanitize(b->data, b->len, &again) == 0);
    check_grammar(&again);
    buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    buf out = {0};
    CHECK(richtext_sanitize((const char *)data, size, &out) == 0);
    check_output(&out);
    buf_reset(&out, 0);
    CHECK(richtext_render((const char *)data, size, &out) == 0);
    check_output(&out);
    buf_free(&out);
    return 0;
}
