/* router.c: the matcher, on a small table and on the app's real one. */
#include <string.h>

#include "../../cgi-bin/app.h"
#include "../../cgi-bin/http/router.h"
#include "unit.h"

static void h_home(request *r)
{
    (void)r;
}
static void h_user(request *r)
{
    (void)r;
}
static void h_user_post(request *r)
{
    (void)r;
}
static void h_plan(request *r)
{
    (void)r;
}
static void h_form(request *r)
{
    (void)r;
}

static const route TABLE[] = {
    {HTTP_GET, "/", h_home, 0},
    {HTTP_GET, "/users/:id", h_user, 1},
    {HTTP_POST, "/users/:id", h_user_post, 2},
    {HTTP_GET, "/users/:id/plans/:plan", h_plan, 3},
    {HTTP_GET | HTTP_POST, "/form", h_form, 4},
    {HTTP_POST, "/only-post", h_form, 5},
};
#define N (sizeof TABLE / sizeof *TABLE)

typedef struct {
    arena a;
    const route *found;
    const char *params[REQUEST_MAX_PARAMS];
    size_t n_params;
    unsigned allowed;
} rfx;

static int rfx_setup(void **state)
{
    static rfx x;
    memset(&x, 0, sizeof x);
    arena_init(&x.a, 1024);
    *state = &x;
    return 0;
}

static int rfx_teardown(void **state)
{
    rfx *x = *state;
    arena_free(&x->a);
    return 0;
}

static enum route_result match_in(rfx *x, const route *t, size_t n, enum http_method m,
                                  const char *path)
{
    x->found = NULL;
    x->n_params = 99;
    x->allowed = 0xdead;
    return route_match(t, n, m, path, &x->a, &x->found, x->params, &x->n_params, &x->allowed);
}
#define match(x, m, path) match_in(x, TABLE, N, m, path)

static void router_matches_exact_paths(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_GET, "/"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[0]);
    assert_int_equal(x->n_params, 0);
    assert_int_equal(match(x, HTTP_POST, "/form"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[4]);
    assert_int_equal(match(x, HTTP_GET, "/form"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[4]);
}

static void router_captures_params(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_GET, "/users/42"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[1]);
    assert_int_equal(x->n_params, 1);
    assert_string_equal(x->params[0], "42");
    assert_int_equal(match(x, HTTP_POST, "/users/alice"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[2]);
    assert_string_equal(x->params[0], "alice");
    assert_int_equal(match(x, HTTP_GET, "/users/7/plans/2027-spring"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[3]);
    assert_int_equal(x->n_params, 2);
    assert_string_equal(x->params[0], "7");
    assert_string_equal(x->params[1], "2027-spring");
}

static void router_reports_not_found(void **state)
{
    rfx *x = *state;
    const char *miss[] = {"",
                          "/nope",
                          "/users",
                          "/users/",
                          "/users//plans/1",
                          "/users/1/plans/",
                          "/users/1/plans",
                          "/users/1/x",
                          "/FORM",
                          "/form2",
                          "/for",
                          "//"};
    for (size_t i = 0; i < sizeof miss / sizeof *miss; i++) {
        enum route_result res = match(x, HTTP_GET, miss[i]);
        if (res != ROUTE_NOT_FOUND)
            fail_msg("\"%s\" gave %d, not ROUTE_NOT_FOUND", miss[i], (int)res);
        assert_null(x->found);
        assert_int_equal(x->allowed, 0);
    }
}

static void router_does_not_match_trailing_slash(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_GET, "/form/"), ROUTE_NOT_FOUND);
    assert_int_equal(match(x, HTTP_GET, "/users/1/"), ROUTE_NOT_FOUND);
    assert_int_equal(match(x, HTTP_GET, "/users/1/plans/2/"), ROUTE_NOT_FOUND);
}

static void router_refuses_empty_param_segments(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_GET, "/users/"), ROUTE_NOT_FOUND);
    assert_int_equal(match(x, HTTP_GET, "/users//plans/3"), ROUTE_NOT_FOUND);
    assert_int_equal(match(x, HTTP_GET, "/users/3/plans/"), ROUTE_NOT_FOUND);
}

static void router_reports_wrong_method_with_allowed_set(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_POST, "/"), ROUTE_WRONG_METHOD);
    assert_null(x->found);
    assert_int_equal(x->allowed, HTTP_GET);
    assert_int_equal(match(x, HTTP_GET, "/only-post"), ROUTE_WRONG_METHOD);
    assert_int_equal(x->allowed, HTTP_POST);
    assert_int_equal(match(x, HTTP_OTHER, "/users/1"), ROUTE_WRONG_METHOD);
    assert_int_equal(x->allowed, HTTP_GET | HTTP_POST); /* from two routes */
    assert_int_equal(match(x, HTTP_POST, "/users/1/plans/2"), ROUTE_WRONG_METHOD);
    assert_int_equal(x->allowed, HTTP_GET);
}

static void router_answers_head_with_get_routes(void **state)
{
    rfx *x = *state;
    assert_int_equal(match(x, HTTP_HEAD, "/"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[0]);
    assert_int_equal(match(x, HTTP_HEAD, "/users/9"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &TABLE[1]);
    assert_string_equal(x->params[0], "9");
    assert_int_equal(match(x, HTTP_HEAD, "/only-post"), ROUTE_WRONG_METHOD);
}

static void router_uses_table_order(void **state)
{
    rfx *x = *state;
    static const route t[] = {
        {HTTP_GET, "/a/new", h_form, 0},
        {HTTP_GET, "/a/:id", h_user, 0},
    };
    assert_int_equal(match_in(x, t, 2, HTTP_GET, "/a/new"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &t[0]);
    assert_int_equal(x->n_params, 0);
    assert_int_equal(match_in(x, t, 2, HTTP_GET, "/a/newer"), ROUTE_FOUND);
    assert_ptr_equal(x->found, &t[1]);
    assert_string_equal(x->params[0], "newer");
}

static void router_limits_params(void **state)
{
    rfx *x = *state;
    static const route t[] = {{HTTP_GET, "/:a/:b/:c/:d/:e", h_form, 0},
                              {HTTP_GET, "/:a/:b/:c/:d", h_form, 0}};
    assert_int_equal(match_in(x, t, 2, HTTP_GET, "/1/2/3/4/5"), ROUTE_NOT_FOUND);
    assert_int_equal(match_in(x, t, 2, HTTP_GET, "/1/2/3/4"), ROUTE_FOUND);
    assert_int_equal(x->n_params, 4);
    assert_string_equal(x->params[3], "4");
}

static void router_allow_header_text(void **state)
{
    rfx *x = *state;
    assert_string_equal(route_allow_header(&x->a, HTTP_GET), "GET, HEAD");
    assert_string_equal(route_allow_header(&x->a, HTTP_POST), "POST");
    assert_string_equal(route_allow_header(&x->a, HTTP_GET | HTTP_POST), "GET, HEAD, POST");
    assert_string_equal(route_allow_header(&x->a, HTTP_GET | HTTP_HEAD | HTTP_POST),
                        "GET, HEAD, POST");
}

static void router_app_table(void **state)
{
    rfx *x = *state;
    assert_true(app_routes_count > 0);
    assert_int_equal(match_in(x, app_routes, app_routes_count, HTTP_GET, "/"), ROUTE_FOUND);
    assert_string_equal(x->found->pattern, "/");
    assert_non_null(x->found->handler);
    assert_int_equal(match_in(x, app_routes, app_routes_count, HTTP_GET, "/healthz"), ROUTE_FOUND);
    assert_string_equal(x->found->pattern, "/healthz");
    assert_int_equal(match_in(x, app_routes, app_routes_count, HTTP_HEAD, "/healthz"), ROUTE_FOUND);
    assert_int_equal(match_in(x, app_routes, app_routes_count, HTTP_POST, "/healthz"),
                     ROUTE_WRONG_METHOD);
    assert_true(x->allowed & HTTP_GET);
    assert_false(x->allowed & HTTP_POST);
    assert_int_equal(match_in(x, app_routes, app_routes_count, HTTP_GET, "/no/such/page"),
                     ROUTE_NOT_FOUND);
    /* Every route is well formed: a handler, an absolute pattern, known methods. */
    for (size_t i = 0; i < app_routes_count; i++) {
        const route *r = &app_routes[i];
        assert_non_null(r->handler);
        assert_non_null(r->pattern);
        assert_int_equal(r->pattern[0], '/');
        assert_true(r->methods != 0);
        assert_int_equal(r->methods & ~(unsigned)(HTTP_GET | HTTP_HEAD | HTTP_POST), 0);
        /* No two routes share a method and the exact same pattern. */
        for (size_t j = 0; j < i; j++)
            if (strcmp(app_routes[j].pattern, r->pattern) == 0 &&
                (app_routes[j].methods & r->methods))
                fail_msg("routes %zu and %zu both answer %s", j, i, r->pattern);
    }
}

int run_router_tests(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(router_matches_exact_paths, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_captures_params, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_reports_not_found, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_does_not_match_trailing_slash, rfx_setup,
                                        rfx_teardown),
        cmocka_unit_test_setup_teardown(router_refuses_empty_param_segments, rfx_setup,
                                        rfx_teardown),
        cmocka_unit_test_setup_teardown(router_reports_wrong_method_with_allowed_set, rfx_setup,
                                        rfx_teardown),
        cmocka_unit_test_setup_teardown(router_answers_head_with_get_routes, rfx_setup,
                                        rfx_teardown),
        cmocka_unit_test_setup_teardown(router_uses_table_order, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_limits_params, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_allow_header_text, rfx_setup, rfx_teardown),
        cmocka_unit_test_setup_teardown(router_app_table, rfx_setup, rfx_teardown),
    };
    return cmocka_run_group_tests_name("router", tests, NULL, NULL);
}
