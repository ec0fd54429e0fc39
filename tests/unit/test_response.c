/* response.c and request.c: the response head every answer carries, and
 * reading cookies. */
#include <string.h>

#include "../../cgi-bin/core/config.h"
#include "../../cgi-bin/http/response.h"
#include "unit.h"

typedef struct {
    arena a;
    buf headers, body, out;
    request r;
} qfx;

static int q_setup(void **state)
{
    static qfx x;
    memset(&x, 0, sizeof x);
    arena_init(&x.a, 4096);
    x.r.mem = &x.a;
    x.r.headers = &x.headers;
    x.r.body = &x.body;
    x.r.status = 200;
    x.r.cookie_header = "";
    *state = &x;
    return 0;
}

static int q_teardown(void **state)
{
    qfx *x = *state;
    buf_free(&x->headers);
    buf_free(&x->body);
    buf_free(&x->out);
    arena_free(&x->a);
    return 0;
}

static const char *head(qfx *x)
{
    buf_reset(&x->out, (size_t)-1);
    resp_write_head(&x->r, &x->out);
    return x->out.data;
}

static void response_head_has_status_and_security_headers(void **state)
{
    qfx *x = *state;
    buf_puts(&x->body, "hello");
    const char *h = head(x);
    assert_true(strncmp(h, "Status: 200 OK\r\n", 16) == 0);
    assert_contains(h, "\r\nContent-Type: text/html; charset=utf-8\r\n");
    assert_contains(h, "\r\nContent-Length: 5\r\n");
    assert_contains(h, "\r\nContent-Security-Policy: default-src 'self'; ");
    assert_contains(h, "frame-ancestors 'none'");
    assert_contains(h, "script-src 'self';");
    assert_not_contains(h, "unsafe-inline");
    assert_contains(h, "\r\nX-Content-Type-Options: nosniff\r\n");
    assert_contains(h, "\r\nReferrer-Policy: ");
    assert_contains(h, "\r\nCache-Control: no-store\r\n");
    /* Ends with exactly one blank line. */
    size_t n = strlen(h);
    assert_true(n > 4);
    assert_string_equal(h + n - 4, "\r\n\r\n");
    assert_ptr_equal(strstr(h, "\r\n\r\n"), h + n - 4);
}

static void response_head_status_and_type(void **state)
{
    qfx *x = *state;
    resp_text(&x->r, 404, "text/plain; charset=utf-8", "gone");
    const char *h = head(x);
    assert_true(strncmp(h, "Status: 404 Not Found\r\n", 23) == 0);
    assert_contains(h, "\r\nContent-Type: text/plain; charset=utf-8\r\n");
    assert_contains(h, "\r\nContent-Length: 4\r\n");
    x->r.status = 413;
    assert_contains(head(x), "Status: 413 ");
    assert_string_equal(http_reason(405), "Method Not Allowed");
}

static void response_header_refuses_line_breaks(void **state)
{
    qfx *x = *state;
    resp_header(&x->r, "X-Good", "fine");
    resp_header(&x->r, "X-Evil", "a\r\nSet-Cookie: pwned=1");
    resp_header(&x->r, "X-Evil2", "a\nb");
    resp_header(&x->r, "X-Evil3", "a\rb");
    resp_header(&x->r, "X-Bad\r\nName", "v");
    resp_header(&x->r, "X-Colon: injected", "v");
    const char *h = head(x);
    assert_contains(h, "\r\nX-Good: fine\r\n");
    assert_not_contains(h, "X-Evil");
    assert_not_contains(h, "pwned");
    assert_not_contains(h, "Name");
    assert_not_contains(h, "injected");
}

static void response_redirect_is_303(void **state)
{
    qfx *x = *state;
    resp_redirect(&x->r, "/plans/3");
    const char *h = head(x);
    assert_true(strncmp(h, "Status: 303 See Other\r\n", 23) == 0);
    assert_contains(h, "\r\nLocation: /plans/3\r\n");
}

static void response_local_path_only_this_site(void **state)
{
    (void)state;
    /* An encoded line break is part of a path, not a break: it stays. */
    static const char *const local[] = {"/",      "/plans/3",      "/blog/search?q=a%2F%2Fb",
                                        "/%0a/x", "/u/amy/blog#x", "/caf\xc3\xa9"};
    static const char *const away[] = {NULL,
                                       "",
                                       "plans",
                                       "//evil.example",
                                       "/\\evil.example",
                                       "/\t/evil.example",
                                       "/\n/evil.example",
                                       "/\r\n/x",
                                       "/ /x",
                                       "/x\\y",
                                       "/\x7f/x",
                                       "https://evil.example/",
                                       "\\\\evil.example"};
    for (size_t i = 0; i < sizeof local / sizeof *local; i++)
        assert_true(resp_local_path(local[i]));
    for (size_t i = 0; i < sizeof away / sizeof *away; i++)
        assert_false(resp_local_path(away[i]));
}

static void response_cookie_attributes(void **state)
{
    qfx *x = *state;
    const config *saved = tandem_config;
    config c = *saved;
    tandem_config = &c;
    c.secure_cookies = false;
    resp_cookie(&x->r, "c", "v1", -1);
    resp_cookie(&x->r, "d", "", 0);
    c.secure_cookies = true;
    resp_cookie(&x->r, "e", "v3", 3600);
    tandem_config = saved;
    const char *h = head(x);
    assert_contains(h, "\r\nSet-Cookie: c=v1; Path=/; HttpOnly; SameSite=Lax\r\n");
    assert_contains(h, "\r\nSet-Cookie: d=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0\r\n");
    assert_contains(
        h, "\r\nSet-Cookie: e=v3; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure\r\n");
}

static void request_reads_cookies(void **state)
{
    qfx *x = *state;
    x->r.cookie_header = "a=1; tandem_session=abc;b=\"quoted\";  c=; tandem=no";
    assert_string_equal(req_cookie(&x->r, "a"), "1");
    assert_string_equal(req_cookie(&x->r, "tandem_session"), "abc");
    assert_string_equal(req_cookie(&x->r, "b"), "quoted");
    assert_string_equal(req_cookie(&x->r, "c"), "");
    assert_string_equal(req_cookie(&x->r, "tandem"), "no");
    assert_null(req_cookie(&x->r, "tandem_"));
    assert_null(req_cookie(&x->r, "missing"));
    x->r.cookie_header = "";
    assert_null(req_cookie(&x->r, "a"));
    assert_int_equal(http_method_from("GET"), HTTP_GET);
    assert_int_equal(http_method_from("HEAD"), HTTP_HEAD);
    assert_int_equal(http_method_from("POST"), HTTP_POST);
    assert_int_equal(http_method_from("get"), HTTP_OTHER);
    assert_int_equal(http_method_from("PUT"), HTTP_OTHER);
}

int run_response_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(response_head_has_status_and_security_headers, q_setup,
                                        q_teardown),
        cmocka_unit_test_setup_teardown(response_head_status_and_type, q_setup, q_teardown),
        cmocka_unit_test_setup_teardown(response_header_refuses_line_breaks, q_setup, q_teardown),
        cmocka_unit_test_setup_teardown(response_redirect_is_303, q_setup, q_teardown),
        cmocka_unit_test_setup_teardown(response_local_path_only_this_site, q_setup, q_teardown),
        cmocka_unit_test_setup_teardown(response_cookie_attributes, q_setup, q_teardown),
        cmocka_unit_test_setup_teardown(request_reads_cookies, q_setup, q_teardown),
    };
    return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
