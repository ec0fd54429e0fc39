/* form.c: strict UTF-8, urlencoded and multipart parsing, and their limits. */
#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/http/form.h"
#include "unit.h"

static const http_limits LIM = {
    .max_form_body = 1 << 20, .max_upload = 1 << 20, .max_fields = 4, .max_field_len = 32};

typedef struct {
    arena a;
    http_field *f;
    size_t n;
    const char *err;
} fx;

static int fx_setup(void **state)
{
    static fx x;
    arena_init(&x.a, 4096);
    x.f = NULL;
    x.n = 0;
    x.err = NULL;
    *state = &x;
    return 0;
}

static int fx_teardown(void **state)
{
    fx *x = *state;
    arena_free(&x->a);
    return 0;
}

#define UTF8(lit) utf8_valid(lit, sizeof(lit) - 1)

static void utf8_accepts_valid_text(void **state)
{
    (void)state;
    assert_true(UTF8(""));
    assert_true(UTF8("plain ASCII ~\x7f"));
    assert_true(UTF8("caf\xc3\xa9"));      /* U+00E9, 2 bytes */
    assert_true(UTF8("\xc2\x80"));         /* U+0080, smallest 2-byte */
    assert_true(UTF8("\xe2\x82\xac"));     /* U+20AC euro, 3 bytes */
    assert_true(UTF8("\xe0\xa0\x80"));     /* U+0800, smallest 3-byte */
    assert_true(UTF8("\xed\x9f\xbf"));     /* U+D7FF, just below surrogates */
    assert_true(UTF8("\xee\x80\x80"));     /* U+E000, just above them */
    assert_true(UTF8("\xef\xbf\xbf"));     /* U+FFFF */
    assert_true(UTF8("\xf0\x9f\x98\x80")); /* U+1F600, 4 bytes */
    assert_true(UTF8("\xf4\x8f\xbf\xbf")); /* U+10FFFF, the last */
    assert_true(utf8_valid("a\0b", 3));    /* NUL is valid UTF-8 */
}

static void utf8_refuses_overlong_forms(void **state)
{
    (void)state;
    assert_false(UTF8("\xc0\xaf")); /* '/' in 2 bytes */
    assert_false(UTF8("\xc1\xbf"));
    assert_false(UTF8("\xe0\x80\xaf"));     /* '/' in 3 bytes */
    assert_false(UTF8("\xe0\x9f\xbf"));     /* U+07FF in 3 bytes */
    assert_false(UTF8("\xf0\x80\x80\xaf")); /* '/' in 4 bytes */
    assert_false(UTF8("\xf0\x8f\xbf\xbf")); /* U+FFFF in 4 bytes */
}

static void utf8_refuses_surrogates_and_beyond(void **state)
{
    (void)state;
    assert_false(UTF8("\xed\xa0\x80"));             /* U+D800 */
    assert_false(UTF8("\xed\xbf\xbf"));             /* U+DFFF */
    assert_false(UTF8("\xed\xa0\xbd\xed\xb8\x80")); /* CESU-8 pair */
    assert_false(UTF8("\xf4\x90\x80\x80"));         /* U+110000 */
    assert_false(UTF8("\xf5\x80\x80\x80"));
    assert_false(UTF8("\xf8\x88\x80\x80\x80")); /* 5-byte form */
    assert_false(UTF8("\xff"));
    assert_false(UTF8("\xfe"));
}

static void utf8_refuses_truncated_and_stray_bytes(void **state)
{
    (void)state;
    assert_false(UTF8("\xc3")); /* lead byte at the end */
    assert_false(UTF8("caf\xc3"));
    assert_false(UTF8("\xe2\x82"));
    assert_false(UTF8("\xf0\x9f\x98"));
    assert_false(UTF8("\x80")); /* lone continuation */
    assert_false(UTF8("a\xbf"
                      "b"));
    assert_false(UTF8("\xc3"
                      "A")); /* continuation missing */
    assert_false(UTF8("\xe2\x28\xa1"));
    /* n is authoritative: a valid sequence cut by n is truncated. */
    assert_false(utf8_valid("\xc3\xa9", 1));
    assert_true(utf8_valid("\xc3\xa9\xff", 2));
}

/* ---- urlencoded ---- */

static int url(fx *x, const char *body)
{
    x->f = NULL;
    x->n = 0;
    x->err = NULL;
    return form_parse_urlencoded(&x->a, body, strlen(body), &LIM, &x->f, &x->n, &x->err);
}

static void urlencoded_decodes_plus_and_escapes(void **state)
{
    fx *x = *state;
    assert_int_equal(url(x, "title=Hello+world%21&note=caf%C3%A9&empty=&flag"), 0);
    assert_int_equal(x->n, 4);
    assert_string_equal(x->f[0].name, "title");
    assert_string_equal(x->f[0].value, "Hello world!");
    assert_int_equal(x->f[0].len, 12);
    assert_string_equal(x->f[1].name, "note");
    assert_string_equal(x->f[1].value, "caf\xc3\xa9");
    assert_int_equal(x->f[1].len, 5);
    assert_string_equal(x->f[2].value, "");
    assert_int_equal(x->f[2].len, 0);
    assert_string_equal(x->f[3].name, "flag");
    assert_string_equal(x->f[3].value, "");
    assert_null(x->f[0].filename);
    /* Escaped '+', '&' and '=' are data, not syntax; lowercase hex works. */
    assert_int_equal(url(x, "a=1%2b1%3d2%26b%3dc"), 0);
    assert_int_equal(x->n, 1);
    assert_string_equal(x->f[0].value, "1+1=2&b=c");
    /* '=' after the first belongs to the value. */
    assert_int_equal(url(x, "a=b=c"), 0);
    assert_string_equal(x->f[0].value, "b=c");
}

static void urlencoded_skips_empty_pairs(void **state)
{
    fx *x = *state;
    assert_int_equal(url(x, ""), 0);
    assert_int_equal(x->n, 0);
    assert_int_equal(url(x, "&&a=1&&&b=2&"), 0);
    assert_int_equal(x->n, 2);
    assert_string_equal(x->f[0].name, "a");
    assert_string_equal(x->f[1].name, "b");
    assert_string_equal(x->f[1].value, "2");
    /* Empty pairs do not count as fields (max_fields is 4)... */
    assert_int_equal(url(x, "a=1&&b=2&&c=3&&d=4&"), 0);
    assert_int_equal(x->n, 4);
    /* ...but separators beyond twice the field limit are refused up front. */
    assert_int_equal(url(x, "a=1&&&&b=2&&&&c=3&&&&d=4"), 413);
}

static void urlencoded_refuses_bad_escapes(void **state)
{
    fx *x = *state;
    const char *bad[] = {"a=%", "a=%4", "a=%zz", "a=%4g", "a=x%", "a=%%41", "a%=1", "a=%-1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(url(x, bad[i]), 400);
        assert_non_null(x->err);
        assert_int_equal(x->n, 0);
        assert_null(x->f);
    }
}

static void urlencoded_refuses_invalid_utf8_naming_the_field(void **state)
{
    fx *x = *state;
    assert_int_equal(url(x, "ok=1&bio=caf%C3"), 400);
    assert_contains(x->err, "\"bio\"");
    assert_contains(x->err, "UTF-8");
    assert_null(x->f);
    assert_int_equal(url(x, "bio=%ED%A0%80"), 400); /* a surrogate */
    assert_int_equal(url(x, "bio=%C0%AF"), 400);    /* overlong '/' */
    assert_int_equal(url(x, "bio=\xff"), 400);      /* raw, not escaped */
    assert_contains(x->err, "\"bio\"");
}

static void urlencoded_refuses_nul(void **state)
{
    fx *x = *state;
    assert_int_equal(url(x, "name=ab%00cd"), 400);
    assert_contains(x->err, "\"name\"");
    assert_int_equal(url(x, "na%00me=x"), 400); /* in a name too */
}

static void urlencoded_limits_fields(void **state)
{
    fx *x = *state;
    assert_int_equal(url(x, "a=1&b=2&c=3&d=4"), 0);
    assert_int_equal(x->n, 4);
    assert_int_equal(url(x, "a=1&b=2&c=3&d=4&e=5"), 413);
    assert_contains(x->err, "at most 4");
    assert_null(x->f);
    /* A flood of separators is refused before any work. */
    char flood[200];
    memset(flood, '&', sizeof flood - 1);
    flood[sizeof flood - 1] = '\0';
    assert_int_equal(url(x, flood), 413);
}

static void urlencoded_limits_field_length(void **state)
{
    fx *x = *state;
    char body[64];
    /* max_field_len is 32 bytes, counted after decoding. */
    snprintf(body, sizeof body, "f=%s", "0123456789012345678901234567890123");
    assert_int_equal(url(x, body), 413);
    assert_contains(x->err, "\"f\"");
    snprintf(body, sizeof body, "f=%s", "01234567890123456789012345678901");
    assert_int_equal(url(x, body), 0);
    assert_int_equal(x->f[0].len, 32);
    /* 33 raw bytes that decode to 11: fine. */
    assert_int_equal(url(x, "f=%41%41%41%41%41%41%41%41%41%41%41"), 0);
    assert_int_equal(x->f[0].len, 11);
}

static void urlencoded_refuses_invalid_names(void **state)
{
    fx *x = *state;
    const char *bad[] = {"=1",    "a b=1", "a+b=1",       "a%20b=1",
                         "<x>=1", "a/b=1", "caf%C3%A9=1", "a[]=1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(url(x, bad[i]), 400);
        assert_null(x->f);
    }
    char longname[80];
    memset(longname, 'n', 65);
    strcpy(longname + 65, "=1");
    assert_int_equal(url(x, longname), 400);
    longname[64] = '=';
    longname[65] = '1';
    longname[66] = '\0';
    assert_int_equal(url(x, longname), 0); /* 64 is the longest */
    assert_int_equal(url(x, "csrf_token=x&a.b-c_9=1"), 0);
}

/* ---- multipart ---- */

static int mp(fx *x, const char *body, size_t len, const char *ctype)
{
    x->f = NULL;
    x->n = 0;
    x->err = NULL;
    return form_parse_multipart(&x->a, body, len, ctype, &LIM, &x->f, &x->n, &x->err);
}
#define MP(x, lit, ctype) mp(x, lit, sizeof(lit) - 1, ctype)
static const char *CT = "multipart/form-data; boundary=XyZ";

static void multipart_parses_text_and_binary_file(void **state)
{
    fx *x = *state;
    static const char body[] =
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"title\"\r\n"
        "\r\n"
        "My caf\xc3\xa9\r\n"
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"evidence\"; filename=\"photo.png\"\r\n"
        "Content-Type: image/png\r\n"
        "\r\n"
        "\x89PNG\r\n\x1a\n\0\0\xff\xfe\r\n\r\nx--XyZ\r\n-\r\nend\r\n"
        "--XyZ\r\n"
        "content-disposition: FORM-DATA; name=empty\r\n"
        "\r\n"
        "\r\n"
        "--XyZ--\r\n";
    assert_int_equal(mp(x, body, sizeof body - 1, CT), 0);
    assert_int_equal(x->n, 3);
    assert_string_equal(x->f[0].name, "title");
    assert_string_equal(x->f[0].value, "My caf\xc3\xa9");
    assert_int_equal(x->f[0].len, 8);
    assert_null(x->f[0].filename);
    assert_null(x->f[0].content_type);

    static const char data[] = "\x89PNG\r\n\x1a\n\0\0\xff\xfe\r\n\r\nx--XyZ\r\n-\r\nend";
    assert_string_equal(x->f[1].name, "evidence");
    assert_string_equal(x->f[1].filename, "photo.png");
    assert_string_equal(x->f[1].content_type, "image/png");
    assert_int_equal(x->f[1].len, sizeof data - 1);
    assert_memory_equal(x->f[1].value, data, sizeof data - 1);
    assert_int_equal(x->f[1].value[x->f[1].len], '\0');

    assert_string_equal(x->f[2].name, "empty");
    assert_int_equal(x->f[2].len, 0);
    assert_string_equal(x->f[2].value, "");
}

static void multipart_keeps_basename_of_filename(void **state)
{
    fx *x = *state;
    static const char unix_path[] =
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"f\"; filename=\"/etc/cron.d/evil.sh\"\r\n"
        "\r\n"
        "x\r\n--XyZ--";
    assert_int_equal(MP(x, unix_path, CT), 0);
    assert_string_equal(x->f[0].filename, "evil.sh");
    static const char windows_path[] = "--XyZ\r\n"
                                       "Content-Disposition: form-data; name=\"f\"; "
                                       "filename=\"C:\\\\Users\\\\me\\\\..\\\\cv.pdf\"\r\n"
                                       "\r\n"
                                       "x\r\n--XyZ--";
    assert_int_equal(MP(x, windows_path, CT), 0);
    assert_string_equal(x->f[0].filename, "cv.pdf");
    static const char relative[] =
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"f\"; filename=\"../../a b.txt\"\r\n"
        "\r\n"
        "x\r\n--XyZ--";
    assert_int_equal(MP(x, relative, CT), 0);
    assert_string_equal(x->f[0].filename, "a b.txt");
    /* No file chosen: browsers send an empty filename, still a file part. */
    static const char none[] = "--XyZ\r\n"
                               "Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
                               "Content-Type: application/octet-stream\r\n"
                               "\r\n"
                               "\r\n--XyZ--";
    assert_int_equal(MP(x, none, CT), 0);
    assert_non_null(x->f[0].filename);
    assert_string_equal(x->f[0].filename, "");
    assert_int_equal(x->f[0].len, 0);
}

static void multipart_accepts_quoted_boundary_and_ignores_epilogue(void **state)
{
    fx *x = *state;
    static const char body[] = "--a b:c\r\n"
                               "Content-Disposition: form-data; name=\"x\"\r\n"
                               "\r\n"
                               "1\r\n"
                               "--a b:c--\r\n"
                               "this epilogue is ignored, even --a b:c\r\n\xff\xfe";
    assert_int_equal(MP(x, body, "multipart/form-data; boundary=\"a b:c\""), 0);
    assert_int_equal(x->n, 1);
    assert_string_equal(x->f[0].value, "1");
    /* Parameter order and case do not matter. */
    static const char body2[] =
        "--q\r\nContent-Disposition: form-data; name=\"y\"\r\n\r\n2\r\n--q--";
    assert_int_equal(MP(x, body2, "Multipart/Form-Data; charset=utf-8; BOUNDARY=q"), 0);
    assert_string_equal(x->f[0].name, "y");
}

static void multipart_refuses_missing_or_bad_boundary(void **state)
{
    fx *x = *state;
    static const char body[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, body, "multipart/form-data"), 400);
    assert_non_null(x->err);
    assert_int_equal(MP(x, body, "multipart/form-data; boundary="), 400);
    assert_int_equal(MP(x, body, "multipart/form-data; boundary=\"XyZ"), 400);
    assert_int_equal(MP(x, body, "multipart/form-data; boundary=Other"), 400);
    char longb[120];
    snprintf(longb, sizeof longb, "multipart/form-data; boundary=%071d", 0);
    assert_int_equal(MP(x, body, longb), 400);
    assert_null(x->f);
}

static void multipart_refuses_missing_closing_delimiter(void **state)
{
    fx *x = *state;
    static const char unclosed[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n";
    assert_int_equal(MP(x, unclosed, CT), 400);
    assert_null(x->f);
    static const char cut[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ";
    assert_int_equal(MP(x, cut, CT), 400);
    static const char no_header_end[] = "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n";
    assert_int_equal(MP(x, no_header_end, CT), 400);
    static const char only_open[] = "--XyZ";
    assert_int_equal(MP(x, only_open, CT), 400);
    assert_int_equal(mp(x, "", 0, CT), 400);
    /* Browsers never send a preamble; Tandem does not accept one. */
    static const char preamble[] =
        "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, preamble, CT), 400);
    static const char junk_after[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZjunk\r\n--XyZ--";
    /* A delimiter must be followed by CRLF or "--" (RFC 2046 forbids it in data). */
    assert_int_equal(MP(x, junk_after, CT), 400);
}

static void multipart_refuses_parts_without_disposition(void **state)
{
    fx *x = *state;
    static const char no_cd[] = "--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, no_cd, CT), 400);
    static const char not_form_data[] =
        "--XyZ\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, not_form_data, CT), 400);
    static const char no_name[] =
        "--XyZ\r\nContent-Disposition: form-data; filename=\"a.txt\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, no_name, CT), 400);
    static const char bad_name[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"a b\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, bad_name, CT), 400);
    static const char no_colon[] =
        "--XyZ\r\nContent-Disposition form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, no_colon, CT), 400);
    static const char no_headers[] = "--XyZ\r\n\r\n1\r\n--XyZ--";
    assert_int_equal(MP(x, no_headers, CT), 400);
    assert_null(x->f);
}

static void multipart_limits_parts(void **state)
{
    fx *x = *state;
#define PART(n) "--XyZ\r\nContent-Disposition: form-data; name=\"" n "\"\r\n\r\nv\r\n"
    static const char four[] = PART("a") PART("b") PART("c") PART("d") "--XyZ--";
    assert_int_equal(MP(x, four, CT), 0);
    assert_int_equal(x->n, 4);
    static const char five[] = PART("a") PART("b") PART("c") PART("d") PART("e") "--XyZ--";
    assert_int_equal(MP(x, five, CT), 413);
    assert_contains(x->err, "at most 4");
    assert_null(x->f);
#undef PART
}

static void multipart_checks_text_parts(void **state)
{
    fx *x = *state;
    static const char bad_utf8[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"bio\"\r\n\r\ncaf\xc3\r\n--XyZ--";
    assert_int_equal(MP(x, bad_utf8, CT), 400);
    assert_contains(x->err, "\"bio\"");
    static const char nul[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"bio\"\r\n\r\na\0b\r\n--XyZ--";
    assert_int_equal(MP(x, nul, CT), 400);
    assert_contains(x->err, "\"bio\"");
    static const char too_long[] = "--XyZ\r\nContent-Disposition: form-data; name=\"bio\"\r\n\r\n"
                                   "0123456789012345678901234567890123\r\n--XyZ--";
    assert_int_equal(MP(x, too_long, CT), 413);
    /* The same bytes in a file part are data, not text: no limit, no check. */
    static const char file[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\n\r\n"
        "\xc3\0\xff"
        "0123456789012345678901234567890123\r\n--XyZ--";
    assert_int_equal(MP(x, file, CT), 0);
    assert_int_equal(x->f[0].len, 37);
    static const char bad_filename[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\xff.txt\"\r\n\r\n"
        "x\r\n--XyZ--";
    assert_int_equal(MP(x, bad_filename, CT), 400);
    assert_contains(x->err, "\"f\"");
}

int run_form_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_accepts_valid_text),
        cmocka_unit_test(utf8_refuses_overlong_forms),
        cmocka_unit_test(utf8_refuses_surrogates_and_beyond),
        cmocka_unit_test(utf8_refuses_truncated_and_stray_bytes),
        cmocka_unit_test_setup_teardown(urlencoded_decodes_plus_and_escapes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_skips_empty_pairs, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_refuses_bad_escapes, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_refuses_invalid_utf8_naming_the_field, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_refuses_nul, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_limits_fields, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_limits_field_length, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(urlencoded_refuses_invalid_names, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_parses_text_and_binary_file, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_keeps_basename_of_filename, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_accepts_quoted_boundary_and_ignores_epilogue,
                                        fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_refuses_missing_or_bad_boundary, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_refuses_missing_closing_delimiter, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_refuses_parts_without_disposition, fx_setup,
                                        fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_limits_parts, fx_setup, fx_teardown),
        cmocka_unit_test_setup_teardown(multipart_checks_text_parts, fx_setup, fx_teardown),
    };
    return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
