/* oidc: signing in with the college's own accounts (OpenID Connect,
 * authorization code flow with PKCE, state and nonce). The sign-in page
 * offers a college's provider when the address names the college
 * (/login?college=SLUG) or once the person has typed an email address at
 * one of its domains (/login/sso). /oidc/start sends the browser to the
 * provider; /oidc/callback takes it back, checks everything (core/
 * oidc_client.c), finds the account and signs it in exactly as a password
 * does (account_sign_in). The college's settings are admin_sign_in.c. */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"
#include "../core/oidc_client.h"
#include "../core/session.h"
#include "pages.h"

/* The provider of one college, as every statement below reads it. */
#define PROVIDER_COLUMNS                                                                           \
    "SELECT i.id, i.slug, i.name, p.display_name, p.issuer, p.client_id, p.client_secret,"         \
    "       p.match_claim, p.passwords_allowed, array_to_string(p.email_domains, ' '),"            \
    "       p.create_accounts"                                                                     \
    "  FROM oidc_providers p JOIN institutions i ON i.id = p.institution_id"
enum {
    OP_ID,
    OP_SLUG,
    OP_COLLEGE,
    OP_NAME,
    OP_ISSUER,
    OP_CLIENT_ID,
    OP_SECRET,
    OP_MATCH_CLAIM,
    OP_PASSWORDS,
    OP_DOMAINS,
    OP_CREATE,
    OIDC_PROVIDER_COLUMNS
};
enum {
    RT_INSTITUTION_ID,
    RT_NONCE,
    RT_VERIFIER,
    RT_NEXT,
    RT_TOKEN_ENDPOINT,
    RT_JWKS_URI,
    RT_SECRET_POST,
    RT_FRESH,
    OIDC_REQUEST_TAKE_COLUMNS
};
enum { AM_ID, AM_USERNAME, AM_STATUS, OIDC_ACCOUNT_COLUMNS };

const db_statement oidc_statements[] = {
    {"oidc_provider_by_slug", PROVIDER_COLUMNS " WHERE i.slug = $1", OIDC_PROVIDER_COLUMNS},
    {"oidc_provider_by_id", PROVIDER_COLUMNS " WHERE p.institution_id = $1", OIDC_PROVIDER_COLUMNS},
    /* At most two: a domain two colleges claim finds neither. */
    {"oidc_provider_by_domain",
     PROVIDER_COLUMNS " WHERE p.email_domains @> ARRAY[lower($1)] LIMIT 2", OIDC_PROVIDER_COLUMNS},
    {"oidc_request_insert",
     "INSERT INTO oidc_requests (state_hash, institution_id, nonce, verifier, next_path,"
     "                           token_endpoint, jwks_uri, secret_post)"
     " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
     0},
    /* Used once: the row goes as it is read. FRESH: younger than 10
     * minutes (housekeeping deletes the older ones). */
    {"oidc_request_take",
     "DELETE FROM oidc_requests WHERE state_hash = $1"
     " RETURNING institution_id, nonce, verifier, next_path, token_endpoint, jwks_uri, secret_post,"
     "           created_at > now() - interval '10 minutes'",
     OIDC_REQUEST_TAKE_COLUMNS},
    {"oidc_link_find",
     "SELECT u.id, u.username, u.status FROM oidc_links l"
     "  JOIN users u ON u.id = l.user_id AND u.institution_id = l.institution_id"
     " WHERE l.issuer = $1 AND l.subject = $2 AND l.institution_id = $3",
     OIDC_ACCOUNT_COLUMNS},
    /* The accounts of college $3 that claim $2 of kind $1 names: by email
     * address, or by username (a claim such as Entra's preferred_username,
     * "amira@college.ac.uk", also by the part before the @). At most two:
     * two accounts with one address match neither. */
    {"oidc_account_match",
     "SELECT id, username, status FROM users"
     " WHERE institution_id = $3 AND CASE WHEN $1 = 'email' THEN lower(email) = lower($2)"
     "       ELSE username IN (lower($2), lower(split_part($2, '@', 1))) END"
     " ORDER BY id LIMIT 2",
     OIDC_ACCOUNT_COLUMNS},
    /* A student account for someone who has none, at their first sign-in
     * (where the college allows it): the name $2, or the first of name-2,
     * name-3, … that is free; the display name $3 (else the name), the
     * address $4. */
    {"oidc_account_create",
     "INSERT INTO users (institution_id, username, display_name, email, roles)"
     " SELECT $1, c.name, left(coalesce(nullif($3, ''), $2), 200), $4, $5::int"
     "   FROM (SELECT n, CASE WHEN n = 1 THEN $2 ELSE left($2, 58) || '-' || n END AS name"
     "           FROM generate_series(1, 99) n) c"
     "  WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = c.name)"
     "  ORDER BY c.n LIMIT 1"
     " RETURNING id, username, status",
     OIDC_ACCOUNT_COLUMNS},
    {"oidc_link_insert",
     "INSERT INTO oidc_links (issuer, subject, user_id, institution_id) VALUES ($1, $2, $3, $4)"
     " ON CONFLICT (issuer, subject) DO UPDATE SET last_used_at = now()"
     "  WHERE oidc_links.user_id = excluded.user_id",
     0},
    {NULL, NULL},
};

#define OIDC_COOKIE "tandem_oidc"
#define OIDC_COOKIE_SECONDS 600

/* ---- the sign-in page's part ---- */

int oidc_login_choices(request *r, tpl_dict *d, const char *college, const char *next)
{
    if (!college || !*college || strlen(college) > 40) {
        tpl_show(d, "PASSWORD_FORM");
        tpl_set(tpl_add_section(d, "SSO_FIND"), "NEXT", next);
        return 0;
    }
    const char *params[] = {college};
    PGresult *res = db_run(r->db, "oidc_provider_by_slug", ARRAY_SIZE(params), params);
    if (!res)
        return -1;
    if (PQntuples(res) == 1) {
        tpl_dict *sso = tpl_add_section(d, "SSO");
        tpl_set(sso, "NAME", db_text(res, 0, OP_NAME));
        tpl_set(sso, "COLLEGE", db_text(res, 0, OP_COLLEGE));
        tpl_set(sso, "HREF",
                arena_printf(r->mem, "/oidc/start?college=%s&next=%s",
                             http_percent_encode(r->mem, college, ""),
                             http_percent_encode(r->mem, next, "")));
        /* A college that turned passwords off is offered no password form. */
        if (strcmp(db_text(res, 0, OP_PASSWORDS), "t") == 0) {
            tpl_show(sso, "OR_PASSWORD");
            tpl_show(d, "PASSWORD_FORM");
        } else {
            tpl_show(sso, "NO_PASSWORD");
        }
    } else {
        tpl_show(d, "PASSWORD_FORM");
        tpl_set(tpl_add_section(d, "SSO_FIND"), "NEXT", next);
    }
    PQclear(res);
    return 0;
}

/* ---- GET /login/sso?email=…: which college signs this address in ---- */

static const field_spec find_fields[] = {
    {"email", "your college email address", FIELD_EMAIL, true, 3, 254, NULL},
    {"next", "the page to return to", FIELD_STRING, false, 0, 2000, NULL},
};

void page_oidc_find(request *r)
{
    field_value v[2];
    const char *err;
    login_view view = {.error_field = "email"};
    if (!form_validate(r, find_fields, 2, v, &err)) {
        view.error = err, view.email = v[0].str, view.next = v[1].str;
        account_show_login(r, 400, &view);
        return;
    }
    const char *params[] = {strrchr(v[0].str, '@') + 1};
    PGresult *res = db_run(r->db, "oidc_provider_by_domain", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    bool one = PQntuples(res) == 1;
    const char *slug = one ? arena_strdup(r->mem, db_text(res, 0, OP_SLUG)) : NULL;
    PQclear(res);
    if (!one) {
        view.error = arena_printf(r->mem,
                                  "No college on this Tandem signs in addresses at %s with its "
                                  "own accounts. Sign in with your Tandem username and password.",
                                  params[0]);
        view.email = v[0].str, view.next = v[1].str;
        account_show_login(r, 404, &view);
        return;
    }
    /* To the college's sign-in page, not straight to its provider: the
     * page's form-action 'self' forbids a form leading to another site. */
    resp_redirect(r, arena_printf(r->mem, "/login?college=%s&next=%s",
                                  http_percent_encode(r->mem, slug, ""),
                                  http_percent_encode(r->mem, v[1].present ? v[1].str : "/", "")));
}

/* ---- refusals: a page that says what happened and what to do ---- */

/* The refusal page: title, message, and the ways to sign in that remain
 * (the college's provider again; a password where its college allows). */
static void refuse(request *r, int status, const char *title, const char *message, const char *slug,
                   bool passwords)
{
    tpl_dict *d = render_begin(r, title, "account/sso_refused.tpl");
    if (d) {
        tpl_set(d, "TITLE", title);
        tpl_set(d, "MESSAGE", message);
        tpl_set(d, "AGAIN",
                slug && *slug ? arena_printf(r->mem, "/login?college=%s",
                                             http_percent_encode(r->mem, slug, ""))
                              : "/login");
        if (passwords)
            tpl_show(d, "PASSWORDS");
    }
    render_end(r, status);
}

#define NOT_SIGNED_IN "Signing in with your college account did not work"

/* ---- GET /oidc/start?college=SLUG&next=PATH ---- */

static const field_spec start_fields[] = {
    {"college", "the college", FIELD_STRING, true, 1, 40, NULL},
    {"next", "the page to return to", FIELD_STRING, false, 0, 2000, NULL},
};

/* The address of the provider's authorization endpoint for this request. */
static const char *authorize_url(request *r, const oidc_provider *p, const char *client_id,
                                 const char *state, const char *nonce, const char *verifier)
{
    const char *redirect = arena_printf(r->mem, "%s/oidc/callback", http_own_origin(r));
    return arena_printf(
        r->mem,
        "%s%cresponse_type=code&client_id=%s&redirect_uri=%s&scope=openid%%20email%%20profile"
        "&state=%s&nonce=%s&code_challenge=%s&code_challenge_method=S256",
        p->authorization_endpoint, strchr(p->authorization_endpoint, '?') ? '&' : '?',
        http_percent_encode(r->mem, client_id, ""), http_percent_encode(r->mem, redirect, ""),
        state, nonce, oidc_pkce_challenge(r->mem, verifier));
}

void page_oidc_start(request *r)
{
    field_value v[2];
    const char *err;
    if (!form_validate(r, start_fields, 2, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {v[0].str};
    PGresult *res = db_run(r->db, "oidc_provider_by_slug", ARRAY_SIZE(params), params);
    if (!render_found(r, res,
                      "This college does not sign in with its own accounts. Sign in with your "
                      "Tandem username and password."))
        return;
    bool passwords = strcmp(db_text(res, 0, OP_PASSWORDS), "t") == 0;
    const char *institution_id = arena_strdup(r->mem, db_text(res, 0, OP_ID));
    const char *issuer = arena_strdup(r->mem, db_text(res, 0, OP_ISSUER));
    const char *client_id = arena_strdup(r->mem, db_text(res, 0, OP_CLIENT_ID));
    PQclear(res);
    oidc_provider p;
    const char *problem = oidc_discover(r->mem, issuer, &p);
    if (problem) {
        refuse(r, 502, "Your college's sign-in service is not answering",
               arena_printf(r->mem, "%s Try again in a few minutes.", problem), v[0].str,
               passwords);
        return;
    }
    const char *state = session_random_token(r->mem), *nonce = session_random_token(r->mem),
               *verifier = session_random_token(r->mem);
    const char *next = v[1].present && resp_local_path(v[1].str) ? v[1].str : "/";
    const char *row[] = {session_token_hash(r->mem, state),
                         institution_id,
                         nonce,
                         verifier,
                         next,
                         p.token_endpoint,
                         p.jwks_uri,
                         p.secret_post ? "true" : "false"};
    res = db_run(r->db, "oidc_request_insert", ARRAY_SIZE(row), row);
    if (!res) {
        render_db_failed(r);
        return;
    }
    PQclear(res);
    /* The state also rides in a cookie: the callback takes it only from the
     * browser that started, so nobody can sign a victim in as themselves
     * by sending them a callback address. */
    resp_cookie(r, OIDC_COOKIE, state, OIDC_COOKIE_SECONDS);
    resp_redirect(r, authorize_url(r, &p, client_id, state, nonce, verifier));
}

/* ---- GET /oidc/callback?code=…&state=… ---- */

/* What the callback has learnt so far. */
typedef struct {
    const char *slug, *college, *name, *issuer, *client_id, *secret_hex, *match_claim, *domains;
    long long institution_id;
    bool passwords, create_accounts;
    const char *nonce, *verifier, *next;
    oidc_provider provider; /* as its discovery document said at the start */
} flow;

/* The pending request of the state in the address, used up; 0, or the
 * refusal already rendered. */
static int take_request(request *r, flow *f)
{
    const http_field *state = req_query(r, "state");
    const char *cookie = req_cookie(r, OIDC_COOKIE);
    resp_cookie(r, OIDC_COOKIE, "", 0);
    if (!state || !*state->value) {
        refuse(r, 400, NOT_SIGNED_IN,
               "The address the sign-in service sent you back with is incomplete (it has no "
               "state).",
               NULL, true);
        return -1;
    }
    if (!cookie || strlen(cookie) != strlen(state->value) ||
        sodium_memcmp(cookie, state->value, strlen(cookie)) != 0) {
        refuse(r, 400, NOT_SIGNED_IN,
               "This sign-in was not started in this browser, or it has already been used.", NULL,
               true);
        return -1;
    }
    const char *params[] = {session_token_hash(r->mem, state->value)};
    PGresult *res = db_run(r->db, "oidc_request_take", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return -1;
    }
    bool fresh = PQntuples(res) == 1 && strcmp(db_text(res, 0, RT_FRESH), "t") == 0;
    if (fresh) {
        f->institution_id = db_int(res, 0, RT_INSTITUTION_ID);
        f->nonce = arena_strdup(r->mem, db_text(res, 0, RT_NONCE));
        f->verifier = arena_strdup(r->mem, db_text(res, 0, RT_VERIFIER));
        f->next = arena_strdup(r->mem, db_text(res, 0, RT_NEXT));
        f->provider.token_endpoint = arena_strdup(r->mem, db_text(res, 0, RT_TOKEN_ENDPOINT));
        f->provider.jwks_uri = arena_strdup(r->mem, db_text(res, 0, RT_JWKS_URI));
        f->provider.secret_post = strcmp(db_text(res, 0, RT_SECRET_POST), "t") == 0;
    }
    PQclear(res);
    if (!fresh)
        refuse(r, 400, NOT_SIGNED_IN, "This sign-in has already been used or has expired.", NULL,
               true);
    return fresh ? 0 : -1;
}

/* The college's provider settings into f; 0, or the refusal rendered. */
static int load_provider(request *r, flow *f)
{
    const char *params[] = {req_id_text(r, f->institution_id)};
    PGresult *res = db_run(r->db, "oidc_provider_by_id", ARRAY_SIZE(params), params);
    if (!render_found(r, res, "Your college no longer signs in with its own accounts."))
        return -1;
    f->slug = arena_strdup(r->mem, db_text(res, 0, OP_SLUG));
    f->college = arena_strdup(r->mem, db_text(res, 0, OP_COLLEGE));
    f->name = arena_strdup(r->mem, db_text(res, 0, OP_NAME));
    f->issuer = arena_strdup(r->mem, db_text(res, 0, OP_ISSUER));
    f->provider.issuer = f->issuer; /* what the token's iss must be now */
    f->client_id = arena_strdup(r->mem, db_text(res, 0, OP_CLIENT_ID));
    f->secret_hex = arena_strdup(r->mem, db_text(res, 0, OP_SECRET));
    f->match_claim = arena_strdup(r->mem, db_text(res, 0, OP_MATCH_CLAIM));
    f->domains = arena_strdup(r->mem, db_text(res, 0, OP_DOMAINS));
    f->passwords = strcmp(db_text(res, 0, OP_PASSWORDS), "t") == 0;
    f->create_accounts = strcmp(db_text(res, 0, OP_CREATE), "t") == 0;
    PQclear(res);
    return 0;
}

/* Whether address is at one of domains (space-separated, lower case). */
static bool domain_allowed(request *r, const char *address, const char *domains)
{
    const char *at = strrchr(address, '@');
    if (!at || !at[1])
        return false;
    const char *wanted = arena_printf(r->mem, " %s ", domains);
    const char *domain = arena_printf(r->mem, " %s ", at + 1);
    for (char *p = (char *)domain; *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    return wanted && domain && strstr(wanted, domain) != NULL;
}

/* The provider's word on who this is: the code exchanged, the ID token
 * checked. 0, or the refusal rendered. */
static int identify(request *r, const flow *f, const char *code, oidc_identity *id)
{
    const char *secret = oidc_secret_open(r->mem, tandem_config->keys_dir, f->secret_hex);
    if (!secret) {
        refuse(r, 500, NOT_SIGNED_IN,
               "Tandem cannot read the client secret it keeps for your college. Ask your "
               "college's Tandem administrator to enter it again.",
               f->slug, f->passwords);
        return -1;
    }
    const char *id_token = NULL;
    const char *problem = oidc_exchange_code(
        r->mem, &f->provider, f->client_id, secret, code,
        arena_printf(r->mem, "%s/oidc/callback", http_own_origin(r)), f->verifier, &id_token);
    if (problem) {
        refuse(r, 502, "Your college's sign-in service is not answering",
               arena_printf(r->mem, "%s Try again in a few minutes.", problem), f->slug,
               f->passwords);
        return -1;
    }
    problem = oidc_verify_id_token(r->mem, &f->provider, f->client_id, f->nonce, id_token,
                                   f->match_claim, id);
    if (problem) {
        audit(r, "sign_in_failed", 0, f->institution_id,
              arena_printf(r->mem, "single sign-on refused: %s", problem));
        refuse(r, 401, NOT_SIGNED_IN, problem, f->slug, f->passwords);
        return -1;
    }
    return 0;
}

/* Why this identity may not sign in at the college at all, or NULL. The
 * address checked against the college's domains: the email claim, or the
 * matched claim when the provider sends no email. A matched claim that is
 * an address (Entra's preferred_username) must be at one of them too,
 * since an account is found by its part before the @. */
static const char *identity_problem(request *r, const flow *f, const oidc_identity *id)
{
    const char *address = *id->email ? id->email : id->matched;
    if (strchr(id->matched, '@') && !domain_allowed(r, id->matched, f->domains))
        address = id->matched;
    if (!domain_allowed(r, address, f->domains))
        return arena_printf(r->mem,
                            "Your account at the sign-in service (%s) is not at one of %s's "
                            "email domains, so it cannot sign in to Tandem here.",
                            *address ? address : "no email address", f->college);
    if (strcmp(f->match_claim, "email") == 0 && id->email_verified == 0)
        return "The sign-in service says your email address is not verified yet.";
    return NULL;
}

/* The account of the identity: by its link, else by the college's claim.
 * A result with one row (OIDC_ACCOUNT_COLUMNS), or NULL for none; *failed
 * when the database did not answer. */
static PGresult *lookup_account(request *r, const flow *f, const oidc_identity *id, bool *failed)
{
    const char *link[] = {f->issuer, id->sub, req_id_text(r, f->institution_id)};
    const char *match[] = {f->match_claim, id->matched, link[2]};
    PGresult *res = db_run(r->db, "oidc_link_find", ARRAY_SIZE(link), link);
    if (res && PQntuples(res) != 1 && *id->matched) {
        PQclear(res);
        res = db_run(r->db, "oidc_account_match", ARRAY_SIZE(match), match);
    }
    *failed = !res;
    if (res && PQntuples(res) != 1) {
        PQclear(res);
        res = NULL;
    }
    return res;
}

/* A username made from the claim: the part before any @, lower case, any
 * character a username may not have made a hyphen (users.username's
 * rule, ^[a-z0-9][a-z0-9._-]{1,63}$, with room for "-99"). */
static const char *username_from(request *r, const char *claim)
{
    size_t n = strcspn(claim, "@");
    if (n == 0)
        claim = "user", n = 4;
    char *name = arena_printf(r->mem, "u%.*s", (int)(n > 58 ? 58 : n), claim);
    if (!name)
        return NULL;
    for (char *p = name + 1; *p; p++) {
        char c = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        *p = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("._-", c) ? c : '-';
    }
    /* The "u" stays only when the claim's own first character may not
     * start a username, or the name would be one character long. */
    bool keep_u = !((name[1] >= 'a' && name[1] <= 'z') || (name[1] >= '0' && name[1] <= '9')) ||
                  strlen(name) < 3;
    return keep_u ? name : name + 1;
}

/* A student account for the identity, linked to it, with its audit record,
 * in one transaction: as lookup_account's result, or NULL when it could
 * not be made (*failed). */
static PGresult *create_account(request *r, const flow *f, const oidc_identity *id, bool *failed)
{
    const char *email = *id->email ? id->email : id->matched;
    const char *name = id->name;
    const char *params[] = {
        req_id_text(r, f->institution_id), username_from(r, *id->matched ? id->matched : email),
        validate_showable(r->mem, name, strlen(name)),
        strlen(email) <= 254 && strchr(email, '@') ? email : "", req_id_text(r, ROLE_STUDENT)};
    *failed = true;
    if (!params[1] || !db_begin(r->db))
        return NULL;
    PGresult *res = db_run(r->db, "oidc_account_create", ARRAY_SIZE(params), params);
    bool ok = res && PQntuples(res) == 1;
    if (ok) {
        long long user_id = db_int(res, 0, AM_ID);
        const char *row[] = {f->issuer, id->sub, req_id_text(r, user_id), params[0]};
        PGresult *linked = db_run(r->db, "oidc_link_insert", ARRAY_SIZE(row), row);
        ok = linked &&
             audit_by(r, user_id, "user_created", user_id, f->institution_id,
                      arena_printf(r->mem, "student account made at the first sign-in with %s",
                                   f->name)) &&
             db_commit(r->db);
        PQclear(linked);
    }
    if (!ok) {
        PQclear(res);
        db_rollback(r->db);
        return NULL;
    }
    *failed = false;
    return res;
}

/* The account the identity is (lookup_account, else a new one where the
 * college allows it), linked to it for the next time. Its id and username
 * into *user_id, *username; 0, or the refusal rendered. */
static int find_account(request *r, const flow *f, const oidc_identity *id, long long *user_id,
                        const char **username)
{
    const char *why = identity_problem(r, f, id);
    PGresult *res = NULL;
    bool failed = false;
    if (!why) {
        res = lookup_account(r, f, id, &failed);
        if (!res && !failed && f->create_accounts)
            res = create_account(r, f, id, &failed);
        if (failed) {
            render_db_failed(r);
            return -1;
        }
    }
    if (!why && !res)
        why = arena_printf(r->mem,
                           "There is no Tandem account at %s for %s (matched by %s). Ask your "
                           "college's Tandem administrator to add you.",
                           f->college, *id->matched ? id->matched : "you", f->match_claim);
    else if (!why && strcmp(db_text(res, 0, AM_STATUS), "active") != 0)
        why = "Your account is suspended. Ask your college's Tandem administrator.";
    if (why) {
        PQclear(res);
        audit(r, "sign_in_failed", 0, f->institution_id,
              arena_printf(r->mem, "single sign-on refused: %s", why));
        refuse(r, 403, NOT_SIGNED_IN, why, f->slug, f->passwords);
        return -1;
    }
    *user_id = db_int(res, 0, AM_ID);
    *username = arena_strdup(r->mem, db_text(res, 0, AM_USERNAME));
    PQclear(res);
    const char *row[] = {f->issuer, id->sub, req_id_text(r, *user_id),
                         req_id_text(r, f->institution_id)};
    res = db_run(r->db, "oidc_link_insert", ARRAY_SIZE(row), row);
    if (!res) {
        render_db_failed(r);
        return -1;
    }
    PQclear(res);
    return 0;
}

/* What a provider's error code means to the person (RFC 6749 4.1.2.1,
 * OpenID Connect Core 3.1.2.6); nothing of the provider's text is shown. */
static const char *provider_error(const char *code)
{
    if (strcmp(code, "access_denied") == 0)
        return "You did not allow Tandem to sign you in, or your college's sign-in service "
               "refused it.";
    if (strcmp(code, "login_required") == 0 || strcmp(code, "interaction_required") == 0)
        return "Your college's sign-in service needs you to sign in there first.";
    return "Your college's sign-in service could not sign you in.";
}

void page_oidc_callback(request *r)
{
    const http_field *error = req_query(r, "error");
    const http_field *code = req_query(r, "code");
    flow f = {0};
    if (take_request(r, &f) || load_provider(r, &f))
        return;
    if (error || !code || !*code->value) {
        refuse(r, 401, NOT_SIGNED_IN, provider_error(error ? error->value : ""), f.slug,
               f.passwords);
        return;
    }
    oidc_identity id;
    long long user_id;
    const char *username;
    if (identify(r, &f, code->value, &id) || find_account(r, &f, &id, &user_id, &username))
        return;
    int st = account_sign_in(r, username, user_id, f.institution_id,
                             arena_printf(r->mem, "signed in with %s", f.name));
    if (st) {
        render_error(r, st, "Signing in did not work. Try again in a minute.");
        return;
    }
    resp_redirect(r, resp_local_path(f.next) ? f.next : "/");
}
