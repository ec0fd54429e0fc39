#include "app.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/auth.h"
#include "core/config.h"
#include "core/once.h"
#include "core/render.h"
#include "core/session.h"
#include "http/form.h"
#include "http/response.h"

static bool path_acceptable(const char *p)
{
    size_t n = strlen(p);
    if (n == 0 || p[0] != '/' || n > 2048 || !utf8_valid(p, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
            return false;
    return true;
}

static bool has_media_type(const char *ct, const char *type)
{
    size_t n = strlen(type);
    return strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Parses the body of a POST by its Content-Type. Returns 0 or a status,
 * with *err saying why. */
static int parse_body(request *r, const char *body, size_t len, bool too_large, const char **err)
{
    const http_limits *lim = &tandem_config->limits;
    bool multipart = has_media_type(r->content_type, "multipart/form-data");
    size_t limit = multipart ? lim->max_upload : lim->max_form_body;
    if (too_large || len > limit) {
        *err = arena_printf(r->mem, "The most this form accepts is %zu KB.", limit / 1024);
        return 413;
    }
    if (len == 0)
        return 0;
    if (multipart)
        return form_parse_multipart(r->mem, body, len, r->content_type, lim, &r->body_fields,
                                    &r->n_body_fields, err);
    if (has_media_type(r->content_type, "application/x-www-form-urlencoded"))
        return form_parse_urlencoded(r->mem, body, len, lim, &r->body_fields, &r->n_body_fields,
                                     err);
    *err = "Tandem accepts forms sent by a web browser only.";
    return 415;
}

/* A visitor asking for a page that needs an account goes to sign in and
 * comes back afterwards; a form sent as its session ended is kept, to be
 * sent on after signing in (pages/kept_form.c). */
static void redirect_to_login(request *r)
{
    if (r->method != HTTP_GET && kept_form_keep(r)) {
        resp_redirect(r, "/login?next=/kept-form");
        return;
    }
    if (r->method != HTTP_GET) {
        render_error(r, 403, "Your session has ended. Sign in again, then repeat what you did.");
        return;
    }
    const char *q = r->query[0] ? "?" : "";
    char *back = arena_printf(r->mem, "%s%s%s", r->path, q, r->query);
    const char *enc = http_percent_encode(r->mem, back, "/");
    resp_redirect(r, arena_printf(r->mem, "/login?next=%s", enc));
}

void app_handle(request *r, const char *body, size_t body_len, bool body_too_large)
{
    const char *err = "";
    if (!path_acceptable(r->path)) {
        render_error(r, 400, "The address is not valid.");
        return;
    }
    unsigned allowed = 0;
    switch (route_match(app_routes, app_routes_count, r->method, r->path, r->mem, &r->route,
                        r->params, &r->n_params, &allowed)) {
    case ROUTE_NOT_FOUND:
        render_error(r, 404, "Check the address, or go back to the home page.");
        return;
    case ROUTE_WRONG_METHOD:
        resp_header(r, "Allow", route_allow_header(r->mem, allowed));
        render_error(r, 405,
                     "This address cannot be used that way. Use the links and buttons "
                     "on the page instead.");
        return;
    case ROUTE_FOUND: break;
    }
    int st = form_parse_urlencoded(r->mem, r->query, strlen(r->query), &tandem_config->limits,
                                   &r->query_fields, &r->n_query_fields, &err);
    if (!st && r->method == HTTP_POST)
        st = parse_body(r, body, body_len, body_too_large, &err);
    if (st) {
        render_error(r, st, err);
        return;
    }
    st = session_load(r);
    if (st) {
        render_error(r, st, "The database is not answering. Try again in a minute.");
        return;
    }
    if (!auth_can(r->user, (enum capability)r->route->capability)) {
        if (!r->user)
            redirect_to_login(r);
        else /* what someone may not use, they are not told exists */
            render_error(r, 404, "Check the address, or go back to the home page.");
        return;
    }
    if (r->method == HTTP_POST && !r->route->signed_url && !csrf_valid(r)) {
        render_error(r, 403,
                     "This form has expired or did not come from Tandem. Go back, "
                     "reload the page and try again.");
        return;
    }
    /* A form that makes something takes effect once (core/once.c). */
    bool post = r->method == HTTP_POST;
    if (post && !once_begin(r))
        return;
    r->route->handler(r);
    if (post)
        once_end(r);
}
