#include "render.h"

#include <string.h>

#include "../http/response.h"
#include "auth.h"
#include "db.h"
#include "fragment.h"
#include "log.h"
#include "once.h"
#include "session.h"

/* The header navigation: each entry shows only to people with its
 * capability. Features add their entry here as they are built. The
 * sections of the site make a line of their own (NAV_ITEM); the person's
 * own links (OWN_ITEM: what is shared with them, their account; with
 * Notifications and Sign out) sit on the service name's line, so that the
 * sections fit one line on a 1366-pixel screen with room for a few more
 * (templates/layout/page.tpl, tandem.scss .tandem-nav). */
static const struct {
    const char *href;
    const char *label;
    enum capability cap;
    unsigned roles; /* when not 0: only for people with one of these roles */
    bool own;       /* one of the person's own links, not a section */
} nav_items[] = {
    {"/", "Home", CAP_PUBLIC},
    {"/portfolio", "Portfolio", CAP_SIGNED_IN},
    {"/blog", "Blog", CAP_SIGNED_IN},
    {"/plans", "Plans", CAP_SIGNED_IN},
    {"/messages", "Messages", CAP_SIGNED_IN},
    {"/mentoring", "Mentoring", CAP_SIGNED_IN},
    {"/leadership", "Leadership", CAP_SIGNED_IN, LP_STAFF_ROLES},
    {"/voice", "Student voice", CAP_SIGNED_IN},
    {"/shared", "Shared with me", CAP_SIGNED_IN, 0, true},
    {"/account", "Your account", CAP_SIGNED_IN, 0, true},
    {"/admin", "Administration", CAP_ADMINISTER},
};

static bool nav_current(const char *href, const char *path)
{
    size_t n = strlen(href);
    if (n == 1)
        return strcmp(path, "/") == 0;
    return strncmp(path, href, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static void fill_layout(request *r, tpl_dict *page, const char *title)
{
    tpl_set(page, "PAGE_TITLE", title);
    for (size_t i = 0; i < sizeof nav_items / sizeof *nav_items; i++) {
        if (!auth_can(r->user, nav_items[i].cap) ||
            (nav_items[i].roles && !(r->user->roles & nav_items[i].roles)))
            continue;
        tpl_dict *item = tpl_add_section(page, nav_items[i].own ? "OWN_ITEM" : "NAV_ITEM");
        tpl_set(item, "HREF", nav_items[i].href);
        tpl_set(item, "LABEL", nav_items[i].label);
        if (nav_current(nav_items[i].href, r->path))
            tpl_show(item, "CURRENT");
    }
    if (r->user) {
        tpl_dict *n = tpl_add_section(page, "NOTIFICATIONS");
        if (r->user->unread)
            tpl_set(tpl_add_section(n, "UNREAD"), "N",
                    r->user->unread >= 100 ? "99+" : arena_printf(r->mem, "%d", r->user->unread));
        if (nav_current("/notifications", r->path))
            tpl_show(n, "CURRENT");
        tpl_dict *u = tpl_add_section(page, "SIGNED_IN");
        tpl_set(u, "DISPLAY_NAME", r->user->display_name);
        tpl_set(u, "USERNAME", r->user->username);
    } else if (strcmp(r->path, "/login") != 0) {
        tpl_show(page, "VISITOR");
    }
}

tpl_dict *render_begin(request *r, const char *title, const char *content_file)
{
    if (r->page_dict)
        tpl_dict_free(r->page_dict);
    tpl_dict *page = tpl_dict_new();
    r->page_dict = page;
    if (!page)
        return NULL;
    fill_layout(r, page, title);
    return tpl_include(page, "CONTENT", content_file);
}

void render_confirmation(request *r, const confirmation *c)
{
    tpl_dict *d = render_begin(r, c->question, "layout/confirm.tpl");
    if (d) {
        tpl_set(d, "CAPTION", c->caption);
        tpl_set(d, "QUESTION", c->question);
        tpl_set(d, "CONSEQUENCE", c->consequence);
        tpl_set(d, "ACTION", c->action);
        tpl_set(d, "BUTTON", c->button);
        tpl_set(d, "BACK", c->back);
        tpl_set(d, "KEEP", c->keep);
    }
    render_end(r, 200);
}

const char *render_code_as_words(request *r, const char *code)
{
    char *words = arena_strdup(r->mem, code);
    if (!words)
        return code;
    for (char *c = words; *c; c++)
        *c = *c == '_' ? ' ' : *c;
    if (*words >= 'a' && *words <= 'z')
        *words = (char)(*words - 'a' + 'A');
    return words;
}

void render_feed_link(request *r, const char *title, const char *href)
{
    if (!r->page_dict)
        return;
    tpl_dict *link = tpl_add_section(r->page_dict, "ALTERNATE");
    tpl_set(link, "TITLE", title);
    tpl_set(link, "HREF", href);
}

/* The two places that make a safe_html (tpl.h) from a string: the output of
 * one of our templates, which escaped all it was given, and the cache that
 * only render_fragment_keep fills, with such output. */
const safe_html *render_fragment(request *r, const char *file, tpl_dict *d)
{
    buf out = {0};
    const char *html = NULL;
    if (d && tpl_expand(file, d, &out) == 0)
        html = out.data ? arena_strndup(r->mem, out.data, out.len) : "";
    if (d && !html)
        log_error("req=%s rendering %s failed", r->id, file);
    buf_free(&out);
    tpl_dict_free(d);
    return (const safe_html *)html;
}

const safe_html *render_fragment_find(request *r, const char *key, long long version)
{
    return (const safe_html *)fragment_find(key, version, r->mem);
}

void render_fragment_keep(const char *key, long long version, const safe_html *html,
                          long long expires)
{
    if (html)
        fragment_keep(key, version, tpl_html_str(html), expires);
}

/* A third maker of safe_html: the pieces of one render_fragment output cut
 * at its holes. The template wrote every hole itself; what it was given
 * was escaped, so '<' from data is "&lt;" and cannot start one. The cuts
 * fall between the template's own markup, and the pieces are put back in
 * their order (render.h), so what the browser gets is the fragment again
 * with each hole filled by other safe HTML. */
size_t render_holes(request *r, const safe_html *html, render_hole **holes, const safe_html **rest)
{
    const char *s = tpl_html_str(html), *p;
    size_t n = 0;
    for (p = s; p && (p = strstr(p, RENDER_HOLE)); p += strlen(RENDER_HOLE))
        n++;
    *holes = n ? arena_alloc(r->mem, n * sizeof **holes) : NULL;
    if (n && !*holes)
        n = 0;
    size_t cut = 0;
    for (; cut < n; cut++) {
        p = strstr(s, RENDER_HOLE);
        const char *name = p + strlen(RENDER_HOLE), *end = strstr(name, "-->");
        if (!end)
            break;
        (*holes)[cut].before = (const safe_html *)arena_strndup(r->mem, s, (size_t)(p - s));
        (*holes)[cut].name = arena_strndup(r->mem, name, (size_t)(end - name));
        s = end + 3;
    }
    *rest = (const safe_html *)s;
    return cut;
}

/* Every form posts CSRF_TOKEN, set once for the layout and all includes. A
 * visitor's token lives in a cookie that is set only when a handler showing
 * a form asked for it (csrf_token), so most pages send no Set-Cookie. */
void render_end(request *r, int status)
{
    tpl_dict *page = r->page_dict;
    r->page_dict = NULL;
    buf_reset(r->body, (size_t)-1);
    r->status = status;
    r->content_type_out = "text/html; charset=utf-8";
    if (r->user || r->visitor_csrf)
        tpl_set_global(page, "CSRF_TOKEN", csrf_token(r));
    if (r->user) /* for the forms that make things: core/once.h */
        tpl_set_global(page, "FORM_KEY", once_key(r));
    if (!page || tpl_expand("layout/page.tpl", page, r->body) != 0) {
        log_error("req=%s rendering %s failed", r->id, r->path);
        r->status = 500;
        buf_reset(r->body, (size_t)-1);
        buf_puts(r->body, "<!DOCTYPE html><title>Error</title><p>Sorry, something went wrong.");
    }
    tpl_dict_free(page);
}

static const char *error_heading(int status)
{
    switch (status) {
    case 400: return "There is a problem with what was sent";
    case 401: return "You need to sign in";
    case 403: return "You cannot do that";
    case 404: return "Page not found";
    case 405: return "That action is not possible here";
    case 409: return "Someone else changed this first";
    case 410: return "This link no longer works";
    case 413: return "What you sent is too large";
    case 415: return "That kind of data is not accepted here";
    case 429: return "Too many attempts";
    case 503: return "Tandem is briefly unavailable";
    default: return "Sorry, something went wrong";
    }
}

void render_db_failed(request *r)
{
    bool away = db_unavailable(r->db);
    render_error(r, away ? 503 : 500,
                 away ? RENDER_DB_DOWN
                      : "Something went wrong on Tandem's side, and nothing was changed. Try "
                        "again; if it happens again, tell your college's Tandem administrator.");
}

bool render_found(request *r, const PGresult *res, const char *not_found)
{
    if (res && PQntuples(res) > 0)
        return true;
    if (res)
        render_error(r, 404, not_found);
    else
        render_db_failed(r);
    return false;
}

void render_error(request *r, int status, const char *message)
{
    tpl_dict *d = render_begin(r, error_heading(status), "errors/error.tpl");
    if (d) {
        tpl_set(d, "HEADING", error_heading(status));
        tpl_set(d, "MESSAGE", message);
        tpl_set_int(d, "STATUS", status);
    }
    render_end(r, status);
}
