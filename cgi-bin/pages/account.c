/* account: signing in and out. */
#include <string.h>

#include "../core/auth.h"
#include "../core/session.h"
#include "pages.h"

const db_statement account_statements[] = {
    {"login_user",
     "SELECT id, password_hash FROM users WHERE username = lower($1) AND status = 'active'"},
    {"login_recent_failures",
     "SELECT (SELECT count(*) FROM login_failures"
     "         WHERE username = lower($1) AND at > now() - interval '15 minutes'),"
     "       (SELECT count(*) FROM login_failures"
     "         WHERE address = $2 AND at > now() - interval '15 minutes')"},
    {"login_failure_record",
     "INSERT INTO login_failures (username, address) VALUES (lower(left($1, 64)), $2)"},
    {"login_failures_clear", "DELETE FROM login_failures WHERE username = lower($1)"},
    {NULL, NULL},
};

#define MAX_FAILURES 10

static const field_spec login_fields[] = {
    {"username", "your username", FIELD_STRING, true, 1, 64, NULL},
    {"password", "your password", FIELD_STRING, true, 1, 1024, NULL},
    {"next", "the page to return to", FIELD_STRING, false, 0, 2000, NULL},
};

/* Only a path on this site: "/x", never "//host" or "/\host", which
 * browsers would treat as another site. */
static const char *safe_next(const char *next)
{
    if (next && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !strpbrk(next, "\r\n"))
        return next;
    return "/";
}

static void show_form(request *r, int status, const char *error, const char *username,
                      const char *next)
{
    const char *token = csrf_token(r);
    tpl_dict *d = render_begin(r, error ? "Error: Sign in to Tandem" : "Sign in to Tandem",
                               "account/login.tpl");
    if (d) {
        tpl_set(d, "USERNAME", username);
        tpl_set(d, "NEXT", safe_next(next));
        tpl_set(d, "CSRF", token);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    render_end(r, status);
}

void page_account_login_form(request *r)
{
    if (r->user) {
        resp_redirect(r, "/");
        return;
    }
    const http_field *next = req_query(r, "next");
    show_form(r, 200, NULL, "", next ? next->value : "/");
}

/* Failures are counted per account name and per address over 15 minutes;
 * past the limit the answer is the same whether or not the account exists. */
static int too_many_failures(request *r, const char *username)
{
    const char *params[] = {username, r->remote_addr};
    PGresult *res = db_run(r->db, "login_recent_failures", 2, params);
    if (!res)
        return -1;
    int over = db_int(res, 0, 0) >= MAX_FAILURES || db_int(res, 0, 1) >= MAX_FAILURES;
    PQclear(res);
    return over;
}

static void record_failure(request *r, const char *username)
{
    const char *params[] = {username, r->remote_addr};
    PQclear(db_run(r->db, "login_failure_record", 2, params));
}

void page_account_login(request *r)
{
    field_value v[3];
    const char *err;
    if (!form_validate(r, login_fields, 3, v, &err)) {
        show_form(r, 400, err, v[0].str, v[2].str);
        return;
    }
    int over = too_many_failures(r, v[0].str);
    if (over < 0) {
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    if (over) {
        resp_header(r, "Retry-After", "900");
        show_form(r, 429, "Too many failed attempts. Wait 15 minutes, then try again.",
                  v[0].str, v[2].str);
        return;
    }
    const char *params[] = {v[0].str};
    PGresult *res = db_run(r->db, "login_user", 1, params);
    if (!res) {
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    bool found = PQntuples(res) == 1;
    long long user_id = found ? db_int(res, 0, 0) : 0;
    bool ok = auth_check_password(v[1].str, found ? db_text(res, 0, 1) : NULL);
    PQclear(res);
    if (!ok) {
        record_failure(r, v[0].str);
        show_form(r, 401, "The username or password is not right. Check them and try again.",
                  v[0].str, v[2].str);
        return;
    }
    PQclear(db_run(r->db, "login_failures_clear", 1, params));
    int st = session_start(r, user_id);
    if (st) {
        render_error(r, st, "Signing in did not work. Try again in a minute.");
        return;
    }
    resp_redirect(r, safe_next(v[2].str));
}

void page_account_logout(request *r)
{
    int st = session_end(r);
    if (st) {
        render_error(r, st, "Signing out did not work. Try again in a minute.");
        return;
    }
    resp_redirect(r, "/");
}
