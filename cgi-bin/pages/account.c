/* account: signing in and out, one's own password and sessions, and the
 * one-time links that set a password. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"
#include "../core/session.h"
#include "pages.h"

/* login_user: the account of a username, and whether its college lets it
 * sign in with a password (its slug, to offer its single sign-on). */
enum {
    LU_ID,
    LU_PASSWORD_HASH,
    LU_STATUS,
    LU_INSTITUTION_ID,
    LU_PASSWORDS_ALLOWED,
    LU_SLUG,
    LOGIN_USER_COLUMNS
};
/* login_throttle: whether the browser's device cookie is trusted for the
 * name, and the seconds to wait before the name, the address, may try. */
enum { LT_TRUSTED, LT_ACCOUNT_WAIT, LT_ADDRESS_WAIT, LOGIN_THROTTLE_COLUMNS };
/* account_show: one row a session (SESSION_ID NULL when there is none). */
enum {
    AS_USERNAME,
    AS_DISPLAY_NAME,
    AS_EMAIL,
    AS_ROLES,
    AS_SESSION_ID,
    AS_USER_AGENT,
    AS_CREATED,
    AS_SEEN,
    ACCOUNT_SHOW_COLUMNS
};
enum { APH_PASSWORD_HASH, ACCOUNT_PASSWORD_HASH_COLUMNS };
enum { RL_USERNAME, RL_DISPLAY_NAME, RESET_LOOKUP_COLUMNS };
enum { RU_USER_ID, RU_INSTITUTION_ID, RESET_USE_COLUMNS };

const db_statement account_statements[] = {
    {"login_user",
     "SELECT u.id, u.password_hash, u.status, u.institution_id,"
     "       coalesce(p.passwords_allowed, true), i.slug"
     "  FROM users u JOIN institutions i ON i.id = u.institution_id"
     "  LEFT JOIN oidc_providers p ON p.institution_id = u.institution_id"
     " WHERE u.username = lower($1)",
     LOGIN_USER_COLUMNS},
    /* How long name $1 must wait before it may be tried again from a
     * browser whose device cookie hashes to $3 ('' for none), and how long
     * address $2 must (its limit $4 failures in 15 minutes). A name's
     * failures in the last day are counted, those of a device trusted for
     * it apart from all others: the first five are free, then each waits
     * from the last one 15 s, doubling up to 15 minutes. An address at its
     * limit waits until the oldest of its last $4 failures is 15 minutes
     * old. A name that exists and one that does not are answered alike. */
    {"login_throttle",
     "WITH device AS (SELECT d.token_hash FROM sign_in_devices d JOIN users u ON u.id = d.user_id"
     "                 WHERE d.token_hash = $3 AND u.username = lower($1)),"
     "     account AS (SELECT count(*) AS n, max(f.at) AS last FROM login_failures f"
     "                  WHERE f.username = lower($1) AND f.at > now() - interval '1 day'"
     "                    AND f.device_hash IS NOT DISTINCT FROM (SELECT token_hash FROM device)),"
     "     address AS (SELECT f.at FROM login_failures f"
     "                  WHERE f.address = $2 AND f.at > now() - interval '15 minutes'"
     "                  ORDER BY f.at DESC OFFSET $4::int - 1 LIMIT 1)"
     " SELECT EXISTS (SELECT 1 FROM device),"
     "        CASE WHEN a.n < 5 THEN 0 ELSE greatest(0, ceil(extract(epoch FROM"
     "             a.last + least(900, 15 * 2 ^ least(a.n - 5, 6)) * interval '1 second' - now())))"
     "        END::int,"
     "        coalesce((SELECT ceil(extract(epoch FROM at + interval '15 minutes' - now()))::int"
     "                    FROM address), 0)"
     "   FROM account a",
     LOGIN_THROTTLE_COLUMNS},
    /* A failed sign-in as $1 from address $2, from device $3 when it is
     * trusted for the name (else NULL). */
    {"login_failure_record",
     "INSERT INTO login_failures (username, address, device_hash)"
     " VALUES (lower(left($1, 64)), $2, nullif($3, ''))",
     0},
    /* A sign-in as $1 succeeded: its failures from device $3 when trusted
     * for it, else those of every untrusted browser, are forgiven. */
    {"login_failures_clear",
     "DELETE FROM login_failures WHERE username = lower($1)"
     "   AND device_hash IS NOT DISTINCT FROM nullif($2, '')",
     0},
    /* Browser $1 (its device cookie's hash) has signed in as $2. */
    {"login_device_trust",
     "INSERT INTO sign_in_devices (token_hash, user_id, institution_id)"
     " SELECT $1, u.id, u.institution_id FROM users u WHERE u.id = $2"
     " ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = now()",
     0},
    /* The person and their sessions in one round trip: one row a session. */
    {"account_show",
     "SELECT u.username, u.display_name, u.email, u.roles, s.id, s.user_agent,"
     "       to_char(s.created_at, '" SQL_DAY ", HH24:MI'),"
     "       to_char(s.last_seen_at, '" SQL_DAY ", HH24:MI')"
     "  FROM users u LEFT JOIN sessions s ON s.user_id = u.id"
     " WHERE u.id = $1 ORDER BY s.last_seen_at DESC NULLS LAST",
     ACCOUNT_SHOW_COLUMNS},
    {"account_password_hash", "SELECT password_hash FROM users WHERE id = $1",
     ACCOUNT_PASSWORD_HASH_COLUMNS},
    {"account_password_set",
     "UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1", 0},
    /* Ending the others also stops any private feed address (blog_feeds.c):
     * it reads as the person does. */
    {"account_sessions_end_others",
     "WITH feeds AS (DELETE FROM feed_tokens WHERE user_id = $1)"
     " DELETE FROM sessions WHERE user_id = $1 AND id <> $2",
     0},
    {"account_session_end", "DELETE FROM sessions WHERE user_id = $1 AND id = $2 RETURNING id", 1},
    {"reset_lookup",
     "SELECT u.username, u.display_name FROM password_resets p JOIN users u ON u.id = p.user_id"
     " WHERE p.token_hash = $1 AND p.used_at IS NULL AND p.expires_at > now()",
     RESET_LOOKUP_COLUMNS},
    {"reset_use",
     "UPDATE password_resets SET used_at = now()"
     " WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()"
     " RETURNING user_id, institution_id",
     RESET_USE_COLUMNS},
    {"reset_sessions_end",
     "WITH feeds AS (DELETE FROM feed_tokens WHERE user_id = $1)"
     " DELETE FROM sessions WHERE user_id = $1",
     0},
    {NULL, NULL},
};

#define DB_DOWN "The database is not answering. Try again in a minute."

static const field_spec login_fields[] = {
    {"username", "your username", FIELD_STRING, true, 1, 64, NULL},
    {"password", "your password", FIELD_STRING, true, 1, 1024, NULL},
    {"next", "the page to return to", FIELD_STRING, false, 0, 2000, NULL},
};

/* The page to go back to: next when it is a path on this site. */
static const char *safe_next(const char *next)
{
    return resp_local_path(next) ? next : "/";
}

void account_show_login(request *r, int status, const login_view *v)
{
    const char *token = csrf_token(r);
    tpl_dict *d = render_begin(r, v->error ? "Error: Sign in to Tandem" : "Sign in to Tandem",
                               "account/login.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    const char *next = safe_next(v->next);
    tpl_set(d, "USERNAME", v->username ? v->username : "");
    tpl_set(d, "EMAIL", v->email ? v->email : "");
    tpl_set(d, "NEXT", next);
    tpl_set(d, "CSRF", token);
    if (v->error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "FIELD", v->error_field ? v->error_field : "username");
        tpl_set(e, "MESSAGE", v->error);
        if (v->error_field && strcmp(v->error_field, "email") == 0)
            tpl_set(tpl_add_section(d, "EMAIL_ERROR"), "MESSAGE", v->error);
    }
    const http_field *done = req_query(r, "done");
    if (!v->error && done && strcmp(done->value, "reset") == 0)
        tpl_show(d, "PASSWORD_SET");
    if (!v->error && strcmp(next, "/kept-form") == 0)
        tpl_show(d, "FORM_KEPT");
    if (oidc_login_choices(r, d, v->college, next) < 0) {
        render_db_failed(r);
        return;
    }
    render_end(r, status);
}

static void show_login(request *r, int status, const char *error, const char *username,
                       const char *next)
{
    const http_field *college = req_query(r, "college");
    login_view v = {.error = error,
                    .username = username,
                    .next = next,
                    .college = college ? college->value : NULL};
    account_show_login(r, status, &v);
}

void page_account_login_form(request *r)
{
    if (r->user) {
        resp_redirect(r, "/");
        return;
    }
    const http_field *next = req_query(r, "next");
    show_login(r, 200, NULL, "", next ? next->value : "/");
}

/* The device cookie: a random token a browser keeps for a year once it
 * has signed someone in, so that it can still sign them in while their
 * account is slowed down for every other browser. */
#define DEVICE_COOKIE "tandem_device"
#define DEVICE_COOKIE_SECONDS (365L * 24 * 3600)

/* A sign-in attempt: the browser's device cookie's hash ("" for none),
 * whether it is trusted for the name tried, and how long to wait first. */
typedef struct {
    const char *device;
    bool trusted;
    long wait;
} attempt;

/* Fills a for username: -1 when the database does not answer. Past the
 * name's free failures, or the address's limit, the answer is the same
 * whether or not the account exists. */
static int throttle(request *r, const char *username, attempt *a)
{
    const char *cookie = req_cookie(r, DEVICE_COOKIE);
    a->device = cookie && *cookie ? session_token_hash(r->mem, cookie) : "";
    const char *params[] = {username, r->remote_addr, a->device,
                            req_id_text(r, tandem_config->login_address_limit)};
    PGresult *res = db_run(r->db, "login_throttle", ARRAY_SIZE(params), params);
    if (!res)
        return -1;
    a->trusted = strcmp(db_text(res, 0, LT_TRUSTED), "t") == 0;
    long account = (long)db_int(res, 0, LT_ACCOUNT_WAIT);
    long address = (long)db_int(res, 0, LT_ADDRESS_WAIT);
    a->wait = account > address ? account : address;
    PQclear(res);
    return 0;
}

/* "Try again in 15 seconds." or "in 4 minutes", rounded up. */
static const char *wait_message(request *r, long seconds)
{
    long minutes = (seconds + 59) / 60;
    return seconds < 60 ? arena_printf(r->mem,
                                       "Too many failed attempts. Try again in %ld second%s.",
                                       seconds, seconds == 1 ? "" : "s")
                        : arena_printf(r->mem,
                                       "Too many failed attempts. Try again in %ld minute%s.",
                                       minutes, minutes == 1 ? "" : "s");
}

/* Counts the failure (the device's own when it is trusted for the name)
 * and records it in the audit log, under the account's college when the
 * account exists. */
static void record_failure(request *r, const char *username, const attempt *a, long long user_id,
                           long long institution_id, const char *why)
{
    const char *params[] = {username, r->remote_addr, a->trusted ? a->device : ""};
    PQclear(db_run(r->db, "login_failure_record", ARRAY_SIZE(params), params));
    audit(r, "sign_in_failed", user_id, institution_id,
          arena_printf(r->mem, "%s (username \"%s\")", why, username));
}

/* The browser's device token now trusted for user_id: the one it sent
 * when that was trusted for them already, else a new one (never one the
 * browser sent: a token planted in a victim's browser would otherwise
 * become trusted for the victim). Either is set again with the answer, so
 * that it lives a year from the last sign-in, as its row does
 * (housekeeping.c). NULL when none could be made. */
static const char *trust_device(request *r, const attempt *a, long long user_id)
{
    const char *cookie = a->trusted ? req_cookie(r, DEVICE_COOKIE) : session_random_token(r->mem);
    if (!cookie)
        return NULL;
    resp_cookie(r, DEVICE_COOKIE, cookie, DEVICE_COOKIE_SECONDS);
    const char *params[] = {session_token_hash(r->mem, cookie), req_id_text(r, user_id)};
    PGresult *res = db_run(r->db, "login_device_trust", ARRAY_SIZE(params), params);
    bool trusted = res != NULL;
    PQclear(res);
    return trusted ? cookie : NULL;
}

/* Signs user_id in: the session, its audit record (how: "signed in", or
 * with single sign-on), the failures forgiven and the browser trusted for
 * them, in one transaction. */
static int sign_in(request *r, const char *username, const attempt *a, long long user_id,
                   long long institution_id, const char *how)
{
    const char *params[] = {username, a->trusted ? a->device : ""};
    if (!db_begin(r->db))
        return 503;
    int st = session_start(r, user_id);
    if (!st && !audit_by(r, user_id, "sign_in", user_id, institution_id, how))
        st = 500;
    if (!st) {
        PGresult *cleared = db_run(r->db, "login_failures_clear", ARRAY_SIZE(params), params);
        st = cleared && trust_device(r, a, user_id) ? 0 : 500;
        PQclear(cleared);
    }
    if (!st && !db_commit(r->db))
        st = 503;
    if (st)
        db_rollback(r->db);
    return st;
}

int account_sign_in(request *r, const char *username, long long user_id, long long institution_id,
                    const char *how)
{
    attempt a;
    if (throttle(r, username, &a) < 0)
        return 503;
    return sign_in(r, username, &a, user_id, institution_id, how);
}

void page_account_login(request *r)
{
    field_value v[3];
    const char *err;
    if (!form_validate(r, login_fields, 3, v, &err)) {
        show_login(r, 400, err, v[0].str, v[2].str);
        return;
    }
    attempt a;
    if (throttle(r, v[0].str, &a) < 0) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    if (a.wait > 0) {
        audit(r, "sign_in_locked", 0, 0, arena_printf(r->mem, "username \"%s\"", v[0].str));
        resp_header(r, "Retry-After", arena_printf(r->mem, "%ld", a.wait));
        show_login(r, 429, wait_message(r, a.wait), v[0].str, v[2].str);
        return;
    }
    const char *params[] = {v[0].str};
    PGresult *res = db_run(r->db, "login_user", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    bool found = PQntuples(res) == 1;
    long long user_id = found ? db_int(res, 0, LU_ID) : 0;
    long long institution_id = found ? db_int(res, 0, LU_INSTITUTION_ID) : 0;
    bool suspended = found && strcmp(db_text(res, 0, LU_STATUS), "active") != 0;
    if (found && strcmp(db_text(res, 0, LU_PASSWORDS_ALLOWED), "t") != 0) {
        /* The college signs its people in with its provider only: the
         * password is not even checked, so it cannot be guessed here. */
        login_view view = {.error = "Your college has turned off signing in with a Tandem "
                                    "password. Use your college account instead.",
                           .error_field = "sso",
                           .username = v[0].str,
                           .next = v[2].str,
                           .college = arena_strdup(r->mem, db_text(res, 0, LU_SLUG))};
        PQclear(res);
        audit(r, "sign_in_failed", user_id, institution_id, "password sign-in is turned off");
        account_show_login(r, 403, &view);
        return;
    }
    bool ok = auth_check_password(v[1].str, found ? db_text(res, 0, LU_PASSWORD_HASH) : NULL);
    PQclear(res);
    if (!ok) {
        record_failure(r, v[0].str, &a, user_id, institution_id,
                       found ? "wrong password" : "no such account");
        show_login(r, 401, "The username or password is not right. Check them and try again.",
                   v[0].str, v[2].str);
        return;
    }
    if (suspended) {
        /* Only someone who knows the password learns this. */
        audit(r, "sign_in_failed", user_id, institution_id, "account suspended");
        show_login(r, 403, "Your account is suspended. Ask your college's Tandem administrator.",
                   v[0].str, v[2].str);
        return;
    }
    int st = sign_in(r, v[0].str, &a, user_id, institution_id, "signed in");
    if (st) {
        render_error(r, st, "Signing in did not work. Try again in a minute.");
        return;
    }
    resp_redirect(r, safe_next(v[2].str));
}

void page_account_logout(request *r)
{
    audit(r, "sign_out", r->user->id, 0, "signed out");
    int st = session_end(r);
    if (st) {
        render_error(r, st, "Signing out did not work. Try again in a minute.");
        return;
    }
    resp_redirect(r, "/");
}

/* The short name of a browser from its User-Agent, for the sessions list. */
static const char *browser_name(const char *agent)
{
    static const struct {
        const char *marker, *name;
    } known[] = {{"Edg/", "Microsoft Edge"}, {"OPR/", "Opera"},     {"Firefox/", "Firefox"},
                 {"Chrome/", "Chrome"},      {"Safari/", "Safari"}, {"curl/", "curl"}};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strstr(agent, known[i].marker))
            return known[i].name;
    return agent[0] ? "Another browser" : "Unknown browser";
}

static const char *device_name(const char *agent)
{
    if (strstr(agent, "iPhone") || strstr(agent, "Android"))
        return "phone";
    if (strstr(agent, "iPad"))
        return "tablet";
    if (strstr(agent, "Windows"))
        return "Windows";
    if (strstr(agent, "Mac OS"))
        return "Mac";
    if (strstr(agent, "CrOS"))
        return "Chromebook";
    if (strstr(agent, "Linux"))
        return "Linux";
    return "";
}

/* Messages after a redirect, chosen by a fixed key so that nothing from the
 * address is ever shown. */
static const char *done_message(request *r)
{
    const http_field *done = req_query(r, "done");
    if (!done)
        return NULL;
    if (strcmp(done->value, "password") == 0)
        return "Your password has been changed. Your other sessions have been signed out.";
    if (strcmp(done->value, "session") == 0)
        return "That session has been signed out.";
    if (strcmp(done->value, "others") == 0)
        return "All your other sessions have been signed out.";
    if (strcmp(done->value, "profile") == 0)
        return "Your profile has been saved.";
    return NULL;
}

static void show_account(request *r, int status, const char *error)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "account_show", ARRAY_SIZE(params), params);
    if (!res || PQntuples(res) == 0) {
        PQclear(res);
        render_error(r, 503, DB_DOWN);
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Your account" : "Your account", "account/index.tpl");
    if (d) {
        tpl_set(d, "USERNAME", db_text(res, 0, AS_USERNAME));
        tpl_set(d, "DISPLAY_NAME", db_text(res, 0, AS_DISPLAY_NAME));
        tpl_set(d, "EMAIL", db_text(res, 0, AS_EMAIL));
        tpl_set(d, "ROLES", auth_role_names(r->mem, (unsigned)db_int(res, 0, AS_ROLES)));
        const char *done = done_message(r);
        if (done && !error)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", done);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
        int others = 0;
        for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, AS_SESSION_ID); i++) {
            tpl_dict *s = tpl_add_section(d, "SESSION");
            const char *agent = db_text(res, i, AS_USER_AGENT);
            const char *device = device_name(agent);
            tpl_set(s, "ID", db_text(res, i, AS_SESSION_ID));
            tpl_set(s, "BROWSER",
                    device[0] ? arena_printf(r->mem, "%s on %s", browser_name(agent), device)
                              : browser_name(agent));
            tpl_set(s, "CREATED", db_text(res, i, AS_CREATED));
            tpl_set(s, "SEEN", db_text(res, i, AS_SEEN));
            if (db_int(res, i, AS_SESSION_ID) == r->user->session_id)
                tpl_show(s, "CURRENT");
            else
                tpl_show(s, "OTHER"), others++;
        }
        if (others > 0)
            tpl_show(d, "HAS_OTHERS");
    }
    PQclear(res);
    render_end(r, status);
}

void page_account_show(request *r)
{
    show_account(r, 200, NULL);
}

static const field_spec password_fields[] = {
    {"current", "your current password", FIELD_STRING, true, 1, 1024, NULL},
    {"password", "a new password", FIELD_STRING, true, 1, 1024, NULL},
    {"confirm", "the new password again", FIELD_STRING, true, 1, 1024, NULL},
};

/* The rules every new password meets; NULL when it does, else why not. */
static const char *password_problem(const char *password, const char *confirm, const char *username)
{
    size_t chars = utf8_chars(password, strlen(password));
    if (chars < 10)
        return "Your new password must have at least 10 characters.";
    if (strcmp(password, confirm) != 0)
        return "The two new passwords are not the same.";
    if (strcasecmp(password, username) == 0)
        return "Your new password must not be your username.";
    return NULL;
}

/* Hashes and stores password for user_id, ending every session but keep_id
 * (0: all), with its audit record, in one transaction. */
static int set_password(request *r, long long user_id, long long institution_id,
                        const char *password, long long keep_id, const char *action)
{
    char hash[crypto_pwhash_STRBYTES];
    if (auth_hash_password(password, hash) != 0)
        return 500;
    const char *set[] = {req_id_text(r, user_id), hash};
    const char *end[] = {req_id_text(r, user_id), req_id_text(r, keep_id)};
    if (!db_begin(r->db))
        return 503;
    PGresult *a = db_run(r->db, "account_password_set", ARRAY_SIZE(set), set);
    PGresult *b = a ? db_run(r->db, "account_sessions_end_others", ARRAY_SIZE(end), end) : NULL;
    bool ok =
        a && b && audit(r, action, user_id, institution_id, "password set") && db_commit(r->db);
    PQclear(a);
    PQclear(b);
    sodium_memzero(hash, sizeof hash);
    if (!ok)
        db_rollback(r->db);
    return ok ? 0 : 503;
}

void page_account_password(request *r)
{
    field_value v[3];
    const char *err;
    if (!form_validate(r, password_fields, 3, v, &err)) {
        show_account(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "account_password_hash", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    bool current_ok =
        PQntuples(res) == 1 && auth_check_password(v[0].str, db_text(res, 0, APH_PASSWORD_HASH));
    PQclear(res);
    const char *problem = current_ok ? password_problem(v[1].str, v[2].str, r->user->username)
                                     : "Your current password is not right.";
    if (problem) {
        show_account(r, 400, problem);
        return;
    }
    int st = set_password(r, r->user->id, 0, v[1].str, r->user->session_id, "password_changed");
    if (st) {
        render_error(r, st, "Your password was not changed. Try again in a minute.");
        return;
    }
    resp_redirect(r, "/account?done=password");
}

static const field_spec session_fields[] = {
    {"session_id", "the session", FIELD_ID, true, 0, 0, NULL},
};

void page_account_session_end(request *r)
{
    field_value v[1];
    const char *err;
    if (!form_validate(r, session_fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id), v[0].str};
    PGresult *res = db_run(r->db, "account_session_end", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    bool ended = PQntuples(res) == 1;
    PQclear(res);
    if (!ended) { /* not one of mine, or already gone */
        render_error(r, 404, "That session has already ended.");
        return;
    }
    audit(r, "session_ended", r->user->id, 0, "ended one of their sessions");
    resp_redirect(r, v[0].num == r->user->session_id ? "/" : "/account?done=session");
}

void page_account_sessions_end_others(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->session_id)};
    PGresult *res = db_run(r->db, "account_sessions_end_others", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    PQclear(res);
    audit(r, "session_ended", r->user->id, 0, "ended all their other sessions");
    resp_redirect(r, "/account?done=others");
}

/* ---- one-time password-reset links: /reset/TOKEN ---- */

static const char *reset_hash(request *r)
{
    const char *token = r->params[0];
    return strlen(token) == 43 ? session_token_hash(r->mem, token) : "";
}

#define RESET_GONE                                                                                 \
    "This link has expired or has already been used. Ask your college's Tandem administrator "     \
    "for a new one."

static void show_reset(request *r, int status, const char *error)
{
    const char *params[] = {reset_hash(r)};
    PGresult *res = db_run(r->db, "reset_lookup", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    if (PQntuples(res) != 1) {
        PQclear(res);
        render_error(r, 410, RESET_GONE);
        return;
    }
    const char *token = csrf_token(r);
    tpl_dict *d = render_begin(r, error ? "Error: Choose a password" : "Choose a password",
                               "account/reset.tpl");
    if (d) {
        tpl_set(d, "USERNAME", db_text(res, 0, RL_USERNAME));
        tpl_set(d, "DISPLAY_NAME", db_text(res, 0, RL_DISPLAY_NAME));
        tpl_set(d, "TOKEN", r->params[0]);
        tpl_set(d, "CSRF", token);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    PQclear(res);
    render_end(r, status);
}

void page_account_reset_form(request *r)
{
    show_reset(r, 200, NULL);
}

static const field_spec reset_fields[] = {
    {"password", "a new password", FIELD_STRING, true, 1, 1024, NULL},
    {"confirm", "the new password again", FIELD_STRING, true, 1, 1024, NULL},
    /* Sent only so that password managers file the new password under the
     * right name; the link, not this field, says whose password it is. */
    {"username", "your username", FIELD_STRING, false, 0, 64, NULL},
};

/* Uses the link (once: the UPDATE that marks it used is the check) and sets
 * the password, ending every session of the account, in one transaction. */
void page_account_reset(request *r)
{
    field_value v[3];
    const char *err;
    if (!form_validate(r, reset_fields, 3, v, &err)) {
        show_reset(r, 400, err);
        return;
    }
    const char *problem = password_problem(v[0].str, v[1].str, "");
    if (problem) {
        show_reset(r, 400, problem);
        return;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (auth_hash_password(v[0].str, hash) != 0) {
        render_error(r, 500, "Your password was not set. Try again.");
        return;
    }
    const char *params[] = {reset_hash(r)};
    if (!db_begin(r->db)) {
        render_error(r, 503, DB_DOWN);
        return;
    }
    PGresult *used = db_run(r->db, "reset_use", ARRAY_SIZE(params), params);
    if (!used || PQntuples(used) != 1) {
        PQclear(used);
        db_rollback(r->db);
        render_error(r, used ? 410 : 503, used ? RESET_GONE : DB_DOWN);
        return;
    }
    long long user_id = db_int(used, 0, RU_USER_ID),
              institution_id = db_int(used, 0, RU_INSTITUTION_ID);
    PQclear(used);
    const char *set[] = {req_id_text(r, user_id), hash};
    const char *end[] = {set[0]};
    PGresult *a = db_run(r->db, "account_password_set", ARRAY_SIZE(set), set);
    PGresult *b = a ? db_run(r->db, "reset_sessions_end", ARRAY_SIZE(end), end) : NULL;
    bool ok = a && b &&
              audit_by(r, user_id, "password_reset_used", user_id, institution_id,
                       "password set with a reset link") &&
              db_commit(r->db);
    PQclear(a);
    PQclear(b);
    if (!ok) {
        db_rollback(r->db);
        render_error(r, 503, DB_DOWN);
        return;
    }
    resp_redirect(r, "/login?done=reset");
}
