/* utf8: the one place that decides which UTF-8 text may go into HTML or
 * XML as it is (used by the sanitiser and the feed writer). */
#ifndef TANDEM_UTF8_H
#define TANDEM_UTF8_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Length of the well-formed UTF-8 sequence at s (n bytes left), or 0:
 * overlong forms, surrogates and code points past U+10FFFF are not. */
size_t utf8_seq_len(const unsigned char *s, size_t n);

/* Whether the well-formed k-byte sequence at s (k from utf8_seq_len) is a
 * character XML 1.0 and libxml2 accept: not a control other than tab, LF
 * and CR, not DEL, not U+FFFE or U+FFFF. */
bool utf8_xml_char(const unsigned char *s, size_t k);

/* Appends the n bytes at s to b with every invalid byte, and every
 * character utf8_xml_char refuses, replaced by U+FFFD: visible that
 * something was there, the rest kept. false (b as it was, but for what was
 * appended) only when memory ran out. */
bool utf8_repair(const char *s, size_t n, buf *b);

#endif
