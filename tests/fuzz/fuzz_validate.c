/* libFuzzer target for cgi-bin/http/validate.c. The input is parsed as an
 * urlencoded body; whatever parses is validated against a spec with one
 * field of each kind, and each value also goes through the single-value
 * validators directly. Checks: no sanitizer report, and what form_validate
 * promises (an error message on refusal; on success every required field
 * present, numbers in range, enum indexes in bounds). */
#include <stdint.h>
#include <string.h>

#include "../../cgi-bin/http/form.h"
#include "../../cgi-bin/http/validate.h"

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            __builtin_trap();                                                                      \
    } while (0)

static const http_limits LIM = {
    .max_form_body = 1 << 16, .max_upload = 1 << 16, .max_fields = 16, .max_field_len = 512};

static const char *const CHOICES[] = {"draft", "submitted", "approved", NULL};
static const field_spec SPECS[] = {
    {"s", "the title", FIELD_STRING, true, 2, 10, NULL},
    {"i", "the hours", FIELD_INT, false, -5, 40, NULL},
    {"id", "the record", FIELD_ID, false, 0, 0, NULL},
    {"e", "the status", FIELD_ENUM, false, 0, 0, CHOICES},
    {"d", "the date", FIELD_DATE, false, 0, 0, NULL},
    {"m", "the email", FIELD_EMAIL, false, 0, 0, NULL},
    {"u", "the link", FIELD_URL, false, 0, 0, NULL},
};
#define N_SPECS (sizeof SPECS / sizeof *SPECS)

static arena mem;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!mem.chunk_size)
        arena_init(&mem, 16 * 1024);
    request r = {0};
    r.mem = &mem;
    r.method = HTTP_POST;
    const char *err = NULL;
    if (form_parse_urlencoded(&mem, (const char *)data, size, &LIM, &r.body_fields,
                              &r.n_body_fields, &err) == 0) {
        for (size_t i = 0; i < r.n_body_fields; i++) {
            const char *v = r.body_fields[i].value;
            long long num = 0;
            if (!validate_int(v, -1000, 1000, &num))
                CHECK(num >= -1000 && num <= 1000);
            validate_date(v);
            validate_email(v);
            validate_url(v);
            CHECK(utf8_chars(v, r.body_fields[i].len) <= r.body_fields[i].len);
        }
        field_value out[N_SPECS];
        err = NULL;
        if (form_validate(&r, SPECS, N_SPECS, out, &err)) {
            CHECK(out[0].present);
            size_t chars = utf8_chars(out[0].str, out[0].len);
            CHECK(chars >= 2 && chars <= 10);
            CHECK(strlen(out[0].str) == out[0].len);
            if (out[1].present)
                CHECK(out[1].num >= -5 && out[1].num <= 40);
            if (out[2].present)
                CHECK(out[2].num >= 1);
            if (out[3].present)
                CHECK(out[3].num >= 0 && out[3].num < 3);
            if (out[4].present)
                CHECK(strlen(out[4].str) == 10);
            if (out[6].present)
                CHECK(strncmp(out[6].str, "http", 4) == 0);
        } else {
            CHECK(err && *err);
        }
    }
    arena_reset(&mem);
    return 0;
}
