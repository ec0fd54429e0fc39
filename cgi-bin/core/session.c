#include "session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../http/response.h"
#include "../http/router.h"
#include "config.h"

/* session_lookup: the signed-in person's row (STALE: the session was last
 * seen over a minute ago, so worth touching). */
enum {
    SL_USER_ID,
    SL_INSTITUTION_ID,
    SL_USERNAME,
    SL_DISPLAY_NAME,
    SL_ROLES,
    SL_CSRF_TOKEN,
    SL_STALE,
    SL_SESSION_ID,
    SL_INSTITUTION_NAME,
    SL_UNREAD,
    SESSION_LOOKUP_COLUMNS
};

const db_statement session_statements[] = {
    /* The signed-in person, and how many notifications they have not read
     * (for the header on every page: kept on their row, sql/0012). */
    {"session_lookup",
     "SELECT u.id, u.institution_id, u.username, u.display_name, u.roles, s.csrf_token,"
     "       s.last_seen_at < now() - interval '1 minute', s.id, i.name, u.unread_notifications"
     "  FROM sessions s JOIN users u ON u.id = s.user_id"
     "  JOIN institutions i ON i.id = u.institution_id"
     " WHERE s.token_hash = $1 AND u.status = 'active'"
     "   AND s.last_seen_at > now() - make_interval(mins => $2::int)"
     "   AND s.created_at > now() - make_interval(hours => $3::int)",
     SESSION_LOOKUP_COLUMNS},
    {"session_touch", "UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1", 0},
    {"session_insert",
     "INSERT INTO sessions (token_hash, user_id, institution_id, csrf_token, user_agent)"
     " SELECT $1, id, institution_id, $3, left($4, 200) FROM users WHERE id = $2",
     0},
    {"session_delete", "DELETE FROM sessions WHERE token_hash = $1", 0},
    {NULL, NULL},
};

char *session_random_token(arena *a)
{
    unsigned char raw[32];
    char *out = arena_alloc(
        a, sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING));
    if (!out)
        return NULL;
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(
        out, sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING), raw,
        sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

char *session_token_hash(arena *a, const char *token)
{
    unsigned char h[32];
    char *hex = arena_alloc(a, sizeof h * 2 + 1);
    if (!hex)
        return NULL;
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    return sodium_bin2hex(hex, sizeof h * 2 + 1, h, sizeof h);
}

/* A session token is exactly 43 URL-safe base64 characters: anything else
 * is not worth a database round trip. */
static bool token_shaped(const char *t)
{
    if (!t || strlen(t) != 43)
        return false;
    for (const char *p = t; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return false;
    return true;
}

/* The route's prefetch and the statements beside it, each given params,
 * into calls; returns how many. */
static size_t prefetch_calls(const request *r, const char **params, db_call *calls)
{
    const route *route = r->route;
    if (!route || !route->prefetch)
        return 0;
    int n = 1 + (int)r->n_params;
    size_t count = 0;
    calls[count++] = (db_call){route->prefetch, n, params};
    for (size_t i = 0; i < PREFETCH_MAX_ALSO && route->prefetch_also[i]; i++)
        calls[count++] = (db_call){route->prefetch_also[i], n, params};
    return count;
}

int session_load(request *r)
{
    const char *token = req_cookie(r, SESSION_COOKIE);
    if (!token_shaped(token))
        return 0;
    char idle[16], max[16];
    snprintf(idle, sizeof idle, "%d", tandem_config->session_idle_minutes);
    snprintf(max, sizeof max, "%d", tandem_config->session_max_hours);
    const char *hash = session_token_hash(r->mem, token);
    const char *params[] = {hash, idle, max};
    /* The page's own first queries ride along in the same round trip. */
    const char *prefetch_params[1 + REQUEST_MAX_PARAMS] = {hash};
    for (size_t i = 0; i < r->n_params; i++)
        prefetch_params[1 + i] = r->params[i];
    db_call calls[2 + PREFETCH_MAX_ALSO] = {{"session_lookup", ARRAY_SIZE(params), params}};
    size_t n_calls = 1 + prefetch_calls(r, prefetch_params, calls + 1);
    PGresult *results[ARRAY_SIZE(calls)] = {NULL};
    /* A failed prefetch leaves the session valid: the handler then finds
     * r->prefetched NULL and says the database did not answer. */
    if (!db_run_pipeline(r->db, n_calls, calls, results) && !results[0])
        return 503;
    PGresult *res = results[0];
    if (PQntuples(res) == 1) {
        session_user *u = arena_alloc(r->mem, sizeof *u);
        if (u) {
            u->id = db_int(res, 0, SL_USER_ID);
            u->institution_id = db_int(res, 0, SL_INSTITUTION_ID);
            u->username = arena_strdup(r->mem, db_text(res, 0, SL_USERNAME));
            u->display_name = arena_strdup(r->mem, db_text(res, 0, SL_DISPLAY_NAME));
            u->roles = (unsigned)db_int(res, 0, SL_ROLES);
            u->csrf_token = arena_strdup(r->mem, db_text(res, 0, SL_CSRF_TOKEN));
            u->session_hash = hash;
            u->session_id = db_int(res, 0, SL_SESSION_ID);
            u->institution_name = arena_strdup(r->mem, db_text(res, 0, SL_INSTITUTION_NAME));
            u->unread = (int)db_int(res, 0, SL_UNREAD);
            r->user = u;
            /* All or none: a handler never sees part of a page. */
            size_t got = 1;
            while (got < n_calls && results[got])
                got++;
            if (n_calls > 1 && got == n_calls) {
                r->prefetched = results[1];
                for (size_t i = 2; i < n_calls; i++)
                    r->prefetched_also[i - 2] = results[i];
                n_calls = 1;
            }
        }
        if (strcmp(db_text(res, 0, SL_STALE), "t") == 0) {
            PQclear(res);
            res = db_run(r->db, "session_touch", 1, params);
        }
    }
    /* Without a valid session the prefetches are never looked at. */
    for (size_t i = 1; i < n_calls; i++)
        PQclear(results[i]);
    PQclear(res);
    return 0;
}

void session_prefetched(request *r, PGresult *own[2], const PGresult **first, const PGresult **also)
{
    own[0] = own[1] = NULL;
    if (r->user || !r->route || !r->route->prefetch) {
        *first = r->prefetched;
        *also = r->prefetched_also[0];
        return;
    }
    const char *params[1 + REQUEST_MAX_PARAMS] = {""};
    for (size_t i = 0; i < r->n_params; i++)
        params[1 + i] = r->params[i];
    db_call calls[1 + PREFETCH_MAX_ALSO];
    /* A public page has at most one statement beside its prefetch. */
    size_t n = prefetch_calls(r, params, calls);
    db_run_pipeline(r->db, n < 2 ? n : 2, calls, own);
    *first = own[0];
    *also = own[1];
}

static void set_session_cookie(request *r, const char *value, long max_age)
{
    resp_cookie(r, SESSION_COOKIE, value, max_age);
}

int session_start(request *r, long long user_id)
{
    char *token = session_random_token(r->mem);
    char *csrf = session_random_token(r->mem);
    char id[24];
    snprintf(id, sizeof id, "%lld", user_id);
    if (!token || !csrf)
        return 500;
    const char *params[] = {session_token_hash(r->mem, token), id, csrf,
                            r->user_agent ? r->user_agent : ""};
    PGresult *res = db_run(r->db, "session_insert", ARRAY_SIZE(params), params);
    if (!res)
        return db_unavailable(r->db) ? 503 : 500;
    PQclear(res);
    set_session_cookie(r, token, (long)tandem_config->session_max_hours * 3600);
    resp_cookie(r, VISITOR_CSRF_COOKIE, "", 0);
    return 0;
}

int session_end(request *r)
{
    if (r->user) {
        const char *params[] = {r->user->session_hash};
        PGresult *res = db_run(r->db, "session_delete", ARRAY_SIZE(params), params);
        if (!res)
            return db_unavailable(r->db) ? 503 : 500;
        PQclear(res);
    }
    set_session_cookie(r, "", 0);
    return 0;
}

const char *csrf_token(request *r)
{
    if (r->user)
        return r->user->csrf_token;
    if (r->visitor_csrf)
        return r->visitor_csrf;
    const char *cookie = req_cookie(r, VISITOR_CSRF_COOKIE);
    if (token_shaped(cookie)) {
        r->visitor_csrf = cookie;
    } else {
        r->visitor_csrf = session_random_token(r->mem);
        /* A session cookie (no Max-Age): it lives as long as the browser. */
        resp_cookie(r, VISITOR_CSRF_COOKIE, r->visitor_csrf, -1);
    }
    return r->visitor_csrf;
}

static bool same_origin(request *r)
{
    if (!r->origin[0])
        return true; /* old browsers and non-browser clients send none */
    const char *own = http_own_origin(r);
    return own && strcmp(r->origin, own) == 0;
}

bool csrf_valid(request *r)
{
    if (!same_origin(r))
        return false;
    const http_field *sent = req_body(r, "csrf_token");
    const char *expected = r->user ? r->user->csrf_token : req_cookie(r, VISITOR_CSRF_COOKIE);
    if (!sent || !expected || !token_shaped(expected) || sent->len != strlen(expected))
        return false;
    return sodium_memcmp(sent->value, expected, sent->len) == 0;
}
