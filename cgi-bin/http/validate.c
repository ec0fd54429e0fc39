#include "validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_chars(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

/* Whether a code point is one HTML may not carry: a control character
 * other than tab and line breaks, or a noncharacter. Text holding one would
 * make every page that shows it invalid, and a feed that holds it
 * unreadable, so forms refuse it with a reason. */
static bool unshowable(unsigned long cp)
{
    bool control =
        (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0);
    bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    return control || noncharacter;
}

/* Valid UTF-8 text s of n bytes as it can be shown again in the form that
 * refuses it: s itself when it holds nothing unshowable, else a copy in a
 * with each such character replaced by U+FFFD, so the person sees where
 * the problem was and loses nothing else. */
const char *validate_showable(arena *a, const char *s, size_t n)
{
    buf out = {0};
    bool changed = false;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned long cp = len == 1 ? c : c & (0x7F >> len);
        for (size_t k = 1; k < len && i + k < n; k++)
            cp = cp << 6 | ((unsigned char)s[i + k] & 0x3F);
        bool bad = unshowable(cp);
        changed = changed || bad;
        buf_append(&out, bad ? "\xEF\xBF\xBD" : s + i, bad ? 3 : len);
        i += len;
    }
    const char *copy = changed && out.data ? arena_strndup(a, out.data, out.len) : NULL;
    buf_free(&out);
    return copy ? copy : s;
}

const char *validate_int(const char *v, long long min, long long max, long long *out)
{
    if (!*v || !(isdigit((unsigned char)*v) || (*v == '-' && isdigit((unsigned char)v[1]))))
        return "must be a whole number";
    errno = 0;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end)
        return "must be a whole number";
    if (errno == ERANGE || n < min || n > max)
        return "is out of range";
    *out = n;
    return NULL;
}

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

const char *validate_date(const char *v)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
        return "must be a date like 2027-03-31";
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
            return "must be a date like 2027-03-31";
    int y = atoi(v), m = atoi(v + 5), d = atoi(v + 8);
    if (y < 1900 || y > 2200 || m < 1 || m > 12)
        return "is not a real date";
    int dim = days[m - 1] + (m == 2 && leap_year(y));
    if (d < 1 || d > dim)
        return "is not a real date";
    return NULL;
}

const char *validate_email(const char *v)
{
    const char *at = strchr(v, '@');
    size_t len = strlen(v);
    if (len > 254 || !at || at == v || strchr(at + 1, '@'))
        return "must be an email address like name@example.ac.uk";
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',')
            return "must be an email address like name@example.ac.uk";
    const char *dot = strrchr(at, '.');
    if (!dot || dot == at + 1 || dot[1] == '\0')
        return "must be an email address like name@example.ac.uk";
    return NULL;
}

bool validate_academic_year(const char *y)
{
    for (int i = 0; i < 7; i++)
        if (i == 4 ? y[i] != '/' : !isdigit((unsigned char)y[i]))
            return false;
    return y[7] == '\0' && (atoi(y) + 1) % 100 == atoi(y + 5);
}

const char *validate_url(const char *v)
{
    size_t skip;
    if (strncmp(v, "https://", 8) == 0)
        skip = 8;
    else if (strncmp(v, "http://", 7) == 0)
        skip = 7;
    else
        return "must be a web address starting with https:// or http://";
    if (strlen(v) > 2000)
        return "is too long";
    if (!isalnum((unsigned char)v[skip]))
        return "must name a host after the //";
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == '\\')
            return "must not contain spaces, quotes or angle brackets";
    return NULL;
}

/* Trims ASCII whitespace at both ends of a text value, into the arena. */
static const char *trim(request *r, const char *s, size_t *len)
{
    size_t start = 0, end = *len;
    while (start < end && isspace((unsigned char)s[start]))
        start++;
    while (end > start && isspace((unsigned char)s[end - 1]))
        end--;
    *len = end - start;
    return arena_strndup(r->mem, s + start, *len);
}

static const char *check_value(const field_spec *s, field_value *v)
{
    switch (s->kind) {
    case FIELD_STRING: {
        size_t chars = utf8_chars(v->str, v->len);
        if ((long long)chars < s->min)
            return "is too short";
        if ((long long)chars > s->max)
            return "is too long";
        return NULL;
    }
    case FIELD_INT: return validate_int(v->str, s->min, s->max, &v->num);
    case FIELD_ID:
        return validate_int(v->str, 1, 9007199254740991LL, &v->num) ? "is not a valid id" : NULL;
    case FIELD_ENUM:
        for (long long i = 0; s->choices[i]; i++)
            if (strcmp(s->choices[i], v->str) == 0) {
                v->num = i;
                return NULL;
            }
        return "is not one of the choices offered";
    case FIELD_DATE: return validate_date(v->str);
    case FIELD_EMAIL: return validate_email(v->str);
    case FIELD_URL: return validate_url(v->str);
    case FIELD_FILE:
        if (!v->file->filename)
            return "must be a file";
        if ((long long)v->file->len > s->max)
            return "is too large";
        return NULL;
    }
    return "is not understood";
}

static const http_field *find(const http_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return &f[i];
    return NULL;
}

bool form_validate(request *r, const field_spec *specs, size_t n_specs, field_value *out,
                   const char **err)
{
    bool post = r->method == HTTP_POST;
    const http_field *fields = post ? r->body_fields : r->query_fields;
    size_t n_fields = post ? r->n_body_fields : r->n_query_fields;

    /* Every value is defined even when validation stops early, so that a
     * caller may redisplay what was typed. */
    for (size_t i = 0; i < n_specs; i++)
        out[i] = (field_value){.str = ""};
    for (size_t i = 0; i < n_fields; i++) {
        /* The two every form may carry: app.c and core/once.c read them. */
        bool known =
            strcmp(fields[i].name, "csrf_token") == 0 || strcmp(fields[i].name, "form_key") == 0;
        for (size_t j = 0; j < n_specs && !known; j++)
            known = strcmp(fields[i].name, specs[j].name) == 0;
        if (!known) {
            *err = arena_printf(r->mem, "The form sent a field this page does not know: \"%s\".",
                                fields[i].name);
            return false;
        }
    }
    /* First every value, so that a form shown again after an error keeps
     * everything that was typed (with what no page can show marked); then
     * the checks, first failure wins. */
    bool *marked = arena_alloc(r->mem, n_specs ? n_specs : 1);
    if (!marked) {
        *err = "The form could not be read. Try again.";
        return false;
    }
    for (size_t i = 0; i < n_specs; i++) {
        const http_field *f = find(fields, n_fields, specs[i].name);
        field_value *v = &out[i];
        if (f && specs[i].kind == FIELD_FILE) {
            v->file = f;
            v->present = f->filename && f->filename[0];
        } else if (f) {
            v->len = f->len;
            v->str = trim(r, f->value, &v->len);
            v->present = v->len > 0;
            /* Passwords are never shown, and refusing one would lock its
             * owner out: they are taken as they come. */
            bool password = strstr(specs[i].label, "password") != NULL;
            const char *shown = password ? v->str : validate_showable(r->mem, v->str, v->len);
            if ((marked[i] = shown != v->str)) {
                v->str = shown;
                v->len = strlen(shown);
            }
        }
    }
    for (size_t i = 0; i < n_specs; i++) {
        const field_spec *s = &specs[i];
        field_value *v = &out[i];
        if (!v->present) {
            if (s->required) {
                *err = arena_printf(r->mem, "Enter %s.", s->label);
                r->invalid_field = s->name;
                return false;
            }
            continue;
        }
        const char *why = marked[i] ? "holds a character that cannot be shown (marked �): remove it"
                                    : check_value(s, v);
        if (why) {
            r->invalid_field = s->name;
            char *msg = arena_printf(r->mem, "%s %s.", s->label, why);
            if (msg)
                msg[0] = (char)toupper((unsigned char)msg[0]);
            *err = msg;
            return false;
        }
    }
    return true;
}

const char *validate_tags(arena *a, const char *typed, const char **err)
{
    const char *seen[MAX_TAGS];
    size_t n = 0;
    for (const char *p = typed; *p;) {
        size_t len = strcspn(p, ",");
        const char *next = p[len] ? p + len + 1 : p + len;
        while (len && isspace((unsigned char)*p))
            p++, len--;
        while (len && isspace((unsigned char)p[len - 1]))
            len--;
        char *tag = arena_strndup(a, p, len);
        p = next;
        if (!len || !tag)
            continue;
        for (char *c = tag; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        bool dup = false;
        for (size_t i = 0; i < n; i++)
            dup = dup || strcmp(seen[i], tag) == 0;
        if (dup)
            continue;
        if (utf8_chars(tag, len) > MAX_TAG_CHARS || n == MAX_TAGS) {
            *err = n == MAX_TAGS ? "Use at most 20 tags."
                                 : "Each tag can be at most 40 characters long.";
            return NULL;
        }
        seen[n++] = tag;
    }
    return arena_pg_array(a, seen, n);
}
