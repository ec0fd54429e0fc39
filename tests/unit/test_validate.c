/* validate.c: the single-value validators and form_validate. */
#include <string.h>

#include "../../cgi-bin/http/validate.h"
#include "unit.h"

static void int_accepts_numbers_in_range(void **state)
{
    (void)state;
    long long n = -1;
    assert_null(validate_int("0", 0, 10, &n));
    assert_int_equal(n, 0);
    assert_null(validate_int("10", 0, 10, &n));
    assert_int_equal(n, 10);
    assert_null(validate_int("-5", -10, 10, &n));
    assert_int_equal(n, -5);
    assert_null(validate_int("007", 0, 10, &n));
    assert_int_equal(n, 7);
    assert_null(validate_int("9223372036854775807", 0, 9223372036854775807LL, &n));
    assert_int_equal(n, 9223372036854775807LL);
}

static void int_refuses_out_of_range_and_overflow(void **state)
{
    (void)state;
    long long n = 42;
    assert_string_equal(validate_int("11", 0, 10, &n), "is out of range");
    assert_string_equal(validate_int("-1", 0, 10, &n), "is out of range");
    assert_string_equal(validate_int("99999999999999999999", 0, 9223372036854775807LL, &n),
                        "is out of range");
    assert_string_equal(validate_int("-99999999999999999999", -9223372036854775807LL - 1, 0, &n),
                        "is out of range");
    /* 2^63 clamps to LLONG_MAX in strtoll: still refused. */
    assert_non_null(validate_int("9223372036854775808", 0, 9223372036854775807LL, &n));
    assert_int_equal(n, 42); /* untouched on failure */
}

static void int_refuses_non_numbers(void **state)
{
    (void)state;
    long long n = 42;
    const char *bad[] = {"",    "-",   "12a",  "a12", " 12", "12 ",         "+12",
                         "1.5", "1e3", "0x10", "--1", "- 1", "\xef\xbc\x91"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *why = validate_int(bad[i], -100, 100, &n);
        if (!why)
            fail_msg("validate_int accepted \"%s\"", bad[i]);
        assert_string_equal(why, "must be a whole number");
    }
    assert_int_equal(n, 42);
}

static void date_checks_the_calendar(void **state)
{
    (void)state;
    assert_null(validate_date("2024-02-29")); /* leap year */
    assert_null(validate_date("2000-02-29")); /* divisible by 400 */
    assert_null(validate_date("2027-12-31"));
    assert_null(validate_date("2027-01-01"));
    assert_non_null(validate_date("2023-02-29"));
    assert_non_null(validate_date("1900-02-29")); /* divisible by 100 */
    assert_non_null(validate_date("2027-13-01"));
    assert_non_null(validate_date("2027-00-10"));
    assert_non_null(validate_date("2027-04-31"));
    assert_non_null(validate_date("2027-01-00"));
    assert_non_null(validate_date("2027-01-32"));
}

static void date_checks_the_shape(void **state)
{
    (void)state;
    const char *bad[] = {"",
                         "2027-1-1",
                         "2027-01-1",
                         "27-01-01",
                         "2027/01/01",
                         "2027-01-01 ",
                         " 2027-01-01",
                         "2027-01-01T00:00",
                         "20270101",
                         "2027-0a-01",
                         "+027-01-01",
                         "2027--1-01",
                         "２０２７-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (!validate_date(bad[i]))
            fail_msg("validate_date accepted \"%s\"", bad[i]);
}

static void email_accepts_plausible_addresses(void **state)
{
    (void)state;
    assert_null(validate_email("name@example.ac.uk"));
    assert_null(validate_email("first.last+tag@sub.example.com"));
    assert_null(validate_email("x@y.io"));
}

static void email_refuses_the_rest(void **state)
{
    (void)state;
    const char *bad[] = {"",          "name",          "@example.com", "name@",     "name@example",
                         "name@.com", "name@example.", "a@b@c.com",    "a b@c.com", "a@c.com ",
                         "<a@c.com>", "\"a\"@c.com",   "a,b@c.com",    "a@c.com\n", "a\t@c.com"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (!validate_email(bad[i]))
            fail_msg("validate_email accepted \"%s\"", bad[i]);
    char longaddr[300];
    memset(longaddr, 'a', sizeof longaddr);
    memcpy(longaddr + 250, "@b.co", 6); /* 255 characters */
    assert_non_null(validate_email(longaddr));
}

static void url_accepts_http_and_https(void **state)
{
    (void)state;
    assert_null(validate_url("https://example.com"));
    assert_null(validate_url("http://example.com/a/b?c=d&e=f#g"));
    assert_null(validate_url("https://1.2.3.4:8443/x"));
}

static void url_refuses_other_schemes_and_spaces(void **state)
{
    (void)state;
    const char *bad[] = {"javascript:alert(1)",
                         "JAVASCRIPT:alert(1)",
                         "data:text/html,x",
                         "ftp://example.com",
                         "//example.com",
                         "example.com",
                         "https://",
                         "http:///etc/passwd",
                         "https://exa mple.com",
                         "https://example.com/ x",
                         "https://example.com/\"onmouseover=x",
                         "https://example.com/<script>",
                         "https://example.com/\\x",
                         "https://example.com\t",
                         " https://example.com",
                         ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (!validate_url(bad[i]))
            fail_msg("validate_url accepted \"%s\"", bad[i]);
    char longurl[2100] = "https://e.co/";
    memset(longurl + 13, 'a', 2000);
    longurl[2013] = '\0';
    assert_string_equal(validate_url(longurl), "is too long");
}

static void utf8_chars_counts_characters(void **state)
{
    (void)state;
    assert_int_equal(utf8_chars("", 0), 0);
    assert_int_equal(utf8_chars("abc", 3), 3);
    assert_int_equal(utf8_chars("caf\xc3\xa9", 5), 4);
    assert_int_equal(utf8_chars("\xf0\x9f\x98\x80\xe2\x82\xac", 7), 2);
}

/* ---- form_validate on a request built by hand ---- */

typedef struct {
    arena a;
    request r;
    field_value v[8];
    const char *err;
} vfx;

static int vfx_setup(void **state)
{
    static vfx x;
    memset(&x, 0, sizeof x);
    arena_init(&x.a, 4096);
    x.r.mem = &x.a;
    x.r.method = HTTP_POST;
    *state = &x;
    return 0;
}

static int vfx_teardown(void **state)
{
    vfx *x = *state;
    arena_free(&x->a);
    return 0;
}

#define FIELD(n, v)                                                                                \
    {                                                                                              \
        .name = (n), .value = (v), .len = sizeof(v) - 1                                            \
    }
#define SET_BODY(x, arr)                                                                           \
    do {                                                                                           \
        (x)->r.body_fields = (arr);                                                                \
        (x)->r.n_body_fields = sizeof(arr) / sizeof *(arr);                                        \
    } while (0)
#define VALIDATE(x, specs)                                                                         \
    form_validate(&(x)->r, specs, sizeof(specs) / sizeof *(specs), (x)->v, &(x)->err)

static const char *const COLOURS[] = {"red", "green", "blue", NULL};
static const field_spec SPECS[] = {
    {"title", "the title", FIELD_STRING, true, 1, 5, NULL},
    {"count", "the number of hours", FIELD_INT, false, 0, 40, NULL},
    {"colour", "a colour", FIELD_ENUM, false, 0, 0, COLOURS},
    {"due", "the due date", FIELD_DATE, false, 0, 0, NULL},
};

static void form_validate_fills_values(void **state)
{
    vfx *x = *state;
    http_field body[] = {FIELD("csrf_token", "tok"), FIELD("title", "  Hi \t\r\n"),
                         FIELD("count", " 12 "), FIELD("colour", "blue"),
                         FIELD("due", "2024-02-29")};
    SET_BODY(x, body);
    assert_true(VALIDATE(x, SPECS));
    assert_true(x->v[0].present);
    assert_string_equal(x->v[0].str, "Hi");
    assert_int_equal(x->v[0].len, 2);
    assert_true(x->v[1].present);
    assert_int_equal(x->v[1].num, 12);
    assert_int_equal(x->v[2].num, 2); /* index into COLOURS */
    assert_string_equal(x->v[3].str, "2024-02-29");
}

/* A failure on the first field still leaves every value defined, holding
 * what was typed, so a handler can redisplay the form (an undefined value
 * once crashed the sign-in page). */
static void form_validate_defines_all_values_on_early_failure(void **state)
{
    vfx *x = *state;
    memset(x->v, 0xA5, sizeof x->v);
    http_field body[] = {FIELD("count", " 7 ")};
    SET_BODY(x, body);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "Enter the title.");
    for (size_t i = 0; i < sizeof SPECS / sizeof *SPECS; i++)
        assert_non_null(x->v[i].str);
    assert_false(x->v[0].present);
    assert_string_equal(x->v[1].str, "7"); /* kept, trimmed */
    assert_false(x->v[2].present);
}

static void form_validate_asks_for_required_fields(void **state)
{
    vfx *x = *state;
    http_field none[] = {FIELD("count", "3")};
    SET_BODY(x, none);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "Enter the title.");
    /* Only whitespace counts as missing. */
    http_field blank[] = {FIELD("title", " \t ")};
    SET_BODY(x, blank);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "Enter the title.");
}

static void form_validate_leaves_optional_fields_absent(void **state)
{
    vfx *x = *state;
    http_field body[] = {FIELD("title", "x"), FIELD("count", "")};
    SET_BODY(x, body);
    assert_true(VALIDATE(x, SPECS));
    assert_false(x->v[1].present);
    assert_string_equal(x->v[1].str, "");
    assert_false(x->v[2].present);
    assert_non_null(x->v[3].str);
}

static void form_validate_refuses_unknown_fields(void **state)
{
    vfx *x = *state;
    http_field body[] = {FIELD("title", "x"), FIELD("is_admin", "1")};
    SET_BODY(x, body);
    assert_false(VALIDATE(x, SPECS));
    assert_contains(x->err, "\"is_admin\"");
}

static void form_validate_names_the_field_and_reason(void **state)
{
    vfx *x = *state;
    http_field big[] = {FIELD("title", "x"), FIELD("count", "41")};
    SET_BODY(x, big);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "The number of hours is out of range.");
    http_field nan[] = {FIELD("title", "x"), FIELD("count", "12a")};
    SET_BODY(x, nan);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "The number of hours must be a whole number.");
    http_field colour[] = {FIELD("title", "x"), FIELD("colour", "Blue")};
    SET_BODY(x, colour);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "A colour is not one of the choices offered.");
    http_field date[] = {FIELD("title", "x"), FIELD("due", "2023-02-29")};
    SET_BODY(x, date);
    assert_false(VALIDATE(x, SPECS));
    assert_contains(x->err, "The due date ");
}

static void form_validate_counts_characters_not_bytes(void **state)
{
    vfx *x = *state;
    http_field five[] = {FIELD("title", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9")};
    SET_BODY(x, five);
    assert_true(VALIDATE(x, SPECS));
    assert_int_equal(x->v[0].len, 10);
    http_field six[] = {FIELD("title", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9")};
    SET_BODY(x, six);
    assert_false(VALIDATE(x, SPECS));
    assert_string_equal(x->err, "The title is too long.");
    http_field emoji[] = {FIELD("title", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
                                         "\xf0\x9f\x98\x80\xf0\x9f\x98\x80")};
    SET_BODY(x, emoji);
    assert_true(VALIDATE(x, SPECS));
    static const field_spec min3[] = {{"title", "the title", FIELD_STRING, true, 3, 10, NULL}};
    http_field two[] = {FIELD("title", "ab")};
    SET_BODY(x, two);
    assert_false(VALIDATE(x, min3));
    assert_string_equal(x->err, "The title is too short.");
}

static void form_validate_refuses_characters_html_cannot_show(void **state)
{
    vfx *x = *state;
    static const char *const bad[] = {"a\x01b",       "a\x0b!",       "x\x7f",           "\xc2\x85",
                                      "\xef\xbf\xbe", "\xef\xb7\x90", "\xf0\x9f\xbf\xbf"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        http_field f[] = {{.name = "title", .value = bad[i], .len = strlen(bad[i])}};
        SET_BODY(x, f);
        assert_false(VALIDATE(x, SPECS));
        assert_string_equal(x->err, "The title holds a character that cannot be shown (marked "
                                    "\xef\xbf\xbd): remove it.");
        assert_non_null(strstr(x->v[0].str, "\xef\xbf\xbd"));
    }
    static const char *const good[] = {"a\tb\nc", "a\r\nb", "x\xc2\xa0y\xef\xbf\xbd"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        http_field f[] = {{.name = "title", .value = good[i], .len = strlen(good[i])}};
        SET_BODY(x, f);
        assert_true(VALIDATE(x, SPECS));
    }
}

static void form_validate_reads_query_for_get(void **state)
{
    vfx *x = *state;
    static const field_spec q[] = {{"page", "the page", FIELD_INT, true, 1, 100, NULL}};
    http_field body[] = {FIELD("page", "7")};
    http_field query[] = {FIELD("page", "3")};
    SET_BODY(x, body);
    x->r.query_fields = query;
    x->r.n_query_fields = 1;
    x->r.method = HTTP_GET;
    assert_true(VALIDATE(x, q));
    assert_int_equal(x->v[0].num, 3);
    x->r.method = HTTP_POST;
    assert_true(VALIDATE(x, q));
    assert_int_equal(x->v[0].num, 7);
}

static void form_validate_checks_ids_emails_urls_and_files(void **state)
{
    vfx *x = *state;
    static const field_spec s[] = {
        {"id", "the record", FIELD_ID, true, 0, 0, NULL},
        {"email", "your email address", FIELD_EMAIL, false, 0, 0, NULL},
        {"site", "your website", FIELD_URL, false, 0, 0, NULL},
        {"file", "the file", FIELD_FILE, false, 0, 4, NULL},
    };
    http_field ok[] = {FIELD("id", "5"),
                       FIELD("email", "a@b.co"),
                       FIELD("site", "https://x.io"),
                       {.name = "file", .value = "abcd", .len = 4, .filename = "a.txt"}};
    SET_BODY(x, ok);
    assert_true(VALIDATE(x, s));
    assert_int_equal(x->v[0].num, 5);
    assert_true(x->v[3].present);
    assert_ptr_equal(x->v[3].file, &ok[3]);

    http_field zero[] = {FIELD("id", "0")};
    SET_BODY(x, zero);
    assert_false(VALIDATE(x, s));
    assert_string_equal(x->err, "The record is not a valid id.");
    http_field js[] = {FIELD("id", "1"), FIELD("site", "javascript:alert(1)")};
    SET_BODY(x, js);
    assert_false(VALIDATE(x, s));
    assert_contains(x->err, "Your website ");
    http_field big[] = {FIELD("id", "1"),
                        {.name = "file", .value = "abcde", .len = 5, .filename = "a.txt"}};
    SET_BODY(x, big);
    assert_false(VALIDATE(x, s));
    assert_string_equal(x->err, "The file is too large.");
    /* No file chosen: the part arrives with an empty filename. */
    http_field empty[] = {FIELD("id", "1"),
                          {.name = "file", .value = "", .len = 0, .filename = ""}};
    SET_BODY(x, empty);
    assert_true(VALIDATE(x, s));
    assert_false(x->v[3].present);
}

int run_validate_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(int_accepts_numbers_in_range),
        cmocka_unit_test(int_refuses_out_of_range_and_overflow),
        cmocka_unit_test(int_refuses_non_numbers),
        cmocka_unit_test(date_checks_the_calendar),
        cmocka_unit_test(date_checks_the_shape),
        cmocka_unit_test(email_accepts_plausible_addresses),
        cmocka_unit_test(email_refuses_the_rest),
        cmocka_unit_test(url_accepts_http_and_https),
        cmocka_unit_test(url_refuses_other_schemes_and_spaces),
        cmocka_unit_test(utf8_chars_counts_characters),
        cmocka_unit_test_setup_teardown(form_validate_fills_values, vfx_setup, vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_defines_all_values_on_early_failure,
                                        vfx_setup, vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_asks_for_required_fields, vfx_setup,
                                        vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_leaves_optional_fields_absent, vfx_setup,
                                        vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_refuses_unknown_fields, vfx_setup,
                                        vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_names_the_field_and_reason, vfx_setup,
                                        vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_counts_characters_not_bytes, vfx_setup,
                                        vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_refuses_characters_html_cannot_show,
                                        vfx_setup, vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_reads_query_for_get, vfx_setup, vfx_teardown),
        cmocka_unit_test_setup_teardown(form_validate_checks_ids_emails_urls_and_files, vfx_setup,
                                        vfx_teardown),
    };
    return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
