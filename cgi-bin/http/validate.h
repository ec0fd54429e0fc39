/* validate: every input field is declared with a typed validator, and
 * handlers read only the values that passed. */
#ifndef TANDEM_VALIDATE_H
#define TANDEM_VALIDATE_H
#include <stdbool.h>
#include <stddef.h>

#include "request.h"

enum field_kind {
    FIELD_STRING, /* UTF-8 text, length in characters within [min, max] */
    FIELD_INT,    /* decimal integer within [min, max] */
    FIELD_ID,     /* positive database id */
    FIELD_ENUM,   /* one of choices */
    FIELD_DATE,   /* YYYY-MM-DD, a real calendar date */
    FIELD_EMAIL,  /* a plausible address: local@domain.tld, no spaces */
    FIELD_URL,    /* absolute http or https URL */
    FIELD_FILE,   /* a multipart file part, size within [min, max] bytes */
};

typedef struct {
    const char *name;  /* form field name */
    const char *label; /* what the person calls it, for messages */
    enum field_kind kind;
    bool required;
    long long min, max;
    const char *const *choices; /* FIELD_ENUM: NULL-terminated */
} field_spec;

typedef struct {
    bool present;           /* non-empty after trimming */
    const char *str;        /* trimmed text (empty string when absent) */
    size_t len;             /* bytes of str */
    long long num;          /* FIELD_INT, FIELD_ID; index for FIELD_ENUM */
    const http_field *file; /* FIELD_FILE */
} field_value;

/* Validates fields (body for POST, query otherwise) against specs, filling
 * out[i] for specs[i]. Fields not declared are refused, except csrf_token,
 * which the dispatcher checks. Returns true, or false with *err naming the
 * field and what is wrong with it, and r->invalid_field set to the field's
 * name (NULL when the form as a whole is wrong); out[] is fully defined
 * either way, holding what was typed. */
bool form_validate(request *r, const field_spec *specs, size_t n_specs, field_value *out,
                   const char **err);

/* The single-value validators, exposed for unit tests and other callers.
 * Each returns NULL when v is acceptable, else the reason. */
const char *validate_int(const char *v, long long min, long long max, long long *out);
const char *validate_date(const char *v);
const char *validate_email(const char *v);
const char *validate_url(const char *v);
/* Whether y is an academic year as colleges write it: two years that
 * follow each other, "2026/27". */
bool validate_academic_year(const char *y);
size_t utf8_chars(const char *s, size_t n);
/* Valid UTF-8 text s of n bytes as it can be shown in a page: s itself
 * when it holds no character HTML may not carry (controls other than tab
 * and line breaks, noncharacters), else a copy in a with each replaced by
 * U+FFFD. form_validate refuses such text; callers reading repeated fields
 * themselves use this to do the same. */
const char *validate_showable(arena *a, const char *s, size_t n);

#define MAX_TAGS 20
#define MAX_TAG_CHARS 40
/* Tags as typed ("Maths, group work") into a PostgreSQL array literal of
 * lower-case, trimmed, distinct tags, in a. Tags never hold a comma, so
 * array_to_string(tags, ',') splits back safely. Returns NULL with *err set
 * when a tag is too long or there are too many. */
const char *validate_tags(arena *a, const char *typed, const char **err);

#endif
