#include "utf8.h"

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0], lo = 0x80, hi = 0xbf;
    size_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, lo = c == 0xe0 ? 0xa0 : lo, hi = c == 0xed ? 0x9f : hi; /* overlong, surrogates */
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, lo = c == 0xf0 ? 0x90 : lo, hi = c == 0xf4 ? 0x8f : hi; /* overlong, > U+10FFFF */
    else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

bool utf8_xml_char(const unsigned char *s, size_t k)
{
    if (k == 0)
        return false;
    if (k == 1)
        return s[0] >= 0x20 ? s[0] != 0x7f : (s[0] == '\t' || s[0] == '\n' || s[0] == '\r');
    return !(k == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe);
}

bool utf8_repair(const char *s, size_t n, buf *b)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, start = 0;
    while (i < n) {
        size_t k = utf8_seq_len(p + i, n - i);
        if (utf8_xml_char(p + i, k)) {
            i += k;
            continue;
        }
        if (!buf_append(b, s + start, i - start) || !buf_append(b, "\xef\xbf\xbd", 3))
            return false;
        i += k ? k : 1;
        start = i;
    }
    return buf_append(b, s + start, n - start);
}
