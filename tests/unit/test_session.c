/* session.c: tokens, their stored hash, and the CSRF check (the parts that
 * need no database). */
#include <string.h>

#include "../../cgi-bin/core/session.h"
#include "unit.h"

static int a_setup(void **state)
{
    static arena a;
    arena_init(&a, 4096);
    *state = &a;
    return 0;
}

static int a_teardown(void **state)
{
    arena_free(*state);
    return 0;
}

static void session_token_is_43_url_safe_chars(void **state)
{
    arena *a = *state;
    char *t1 = session_random_token(a), *t2 = session_random_token(a);
    assert_non_null(t1);
    assert_non_null(t2);
    assert_int_equal(strlen(t1), 43);
    assert_int_equal(strlen(t2), 43);
    assert_int_equal(strspn(t1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                     43);
    assert_string_not_equal(t1, t2);
    /* 100 more: all different, and together they use most of the alphabet. */
    char seen[256] = {0};
    const char *prev[100];
    for (int i = 0; i < 100; i++) {
        prev[i] = session_random_token(a);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(prev[i], prev[j]);
        for (const char *p = prev[i]; *p; p++)
            seen[(unsigned char)*p] = 1;
    }
    int distinct = 0;
    for (int i = 0; i < 256; i++)
        distinct += seen[i];
    assert_true(distinct > 60);
}

static void session_hash_is_hex_blake2b(void **state)
{
    arena *a = *state;
    char *h = session_token_hash(a, "abc");
    assert_non_null(h);
    assert_int_equal(strlen(h), 64);
    assert_int_equal(strspn(h, "0123456789abcdef"), 64);
    /* BLAKE2b-256 test vectors (Python: hashlib.blake2b(x, digest_size=32)). */
    assert_string_equal(h, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    assert_string_equal(session_token_hash(a, ""),
                        "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    char *t = session_random_token(a);
    assert_string_equal(session_token_hash(a, t), session_token_hash(a, t));
    assert_string_not_equal(session_token_hash(a, t), session_token_hash(a, "abc"));
}

/* ---- csrf_valid, for requests without an Origin header ---- */

static request *csrf_request(arena *a, const char *cookie, const char *sent)
{
    request *r = arena_alloc(a, sizeof *r);
    r->mem = a;
    r->method = HTTP_POST;
    r->method_name = "POST";
    r->path = r->query = r->content_type = r->origin = r->remote_addr = "";
    r->host = "localhost";
    r->cookie_header = cookie;
    if (sent) {
        http_field *f = arena_alloc(a, sizeof *f);
        *f = (http_field){.name = "csrf_token", .value = sent, .len = strlen(sent)};
        r->body_fields = f;
        r->n_body_fields = 1;
    }
    return r;
}

static void csrf_checks_visitor_double_submit(void **state)
{
    arena *a = *state;
    char *tok = session_random_token(a);
    char *cookie = arena_printf(a, "other=1; " VISITOR_CSRF_COOKIE "=%s; x=y", tok);
    assert_true(csrf_valid(csrf_request(a, cookie, tok)));
    /* Wrong, missing, or with no cookie to compare with. */
    char *other = session_random_token(a);
    assert_false(csrf_valid(csrf_request(a, cookie, other)));
    assert_false(csrf_valid(csrf_request(a, cookie, NULL)));
    assert_false(csrf_valid(csrf_request(a, cookie, "")));
    assert_false(csrf_valid(csrf_request(a, "", tok)));
    /* A prefix of the token is not the token. */
    char *prefix = arena_strndup(a, tok, 42);
    assert_false(csrf_valid(csrf_request(a, cookie, prefix)));
    /* A cookie that is not token-shaped is never trusted, even if echoed. */
    assert_false(csrf_valid(csrf_request(a, VISITOR_CSRF_COOKIE "=short", "short")));
}

static void csrf_checks_session_token(void **state)
{
    arena *a = *state;
    char *tok = session_random_token(a);
    session_user *u = arena_alloc(a, sizeof *u);
    u->csrf_token = tok;
    request *r = csrf_request(a, "", tok);
    r->user = u;
    assert_true(csrf_valid(r));
    /* A signed-in user's form must carry the session's token, not a visitor cookie. */
    char *vis = session_random_token(a);
    request *r2 = csrf_request(a, arena_printf(a, VISITOR_CSRF_COOKIE "=%s", vis), vis);
    r2->user = u;
    assert_false(csrf_valid(r2));
}

int run_session_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(session_token_is_43_url_safe_chars, a_setup, a_teardown),
        cmocka_unit_test_setup_teardown(session_hash_is_hex_blake2b, a_setup, a_teardown),
        cmocka_unit_test_setup_teardown(csrf_checks_visitor_double_submit, a_setup, a_teardown),
        cmocka_unit_test_setup_teardown(csrf_checks_session_token, a_setup, a_teardown),
    };
    return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
