/* admin_sign_in: a college administrator's settings for single sign-on
 * (/admin/sign-in): the provider's issuer, the client id and secret Tandem
 * was registered with, the email domains, the claim that names the
 * account, whether passwords still work, and whether someone without an
 * account gets a student account at their first sign-in (off by default). Always the
 * administrator's own college (a site administrator's too): no college configures another's
 * sign-in. Saving fetches the issuer's discovery document first and refuses, saying why, one that
 * cannot be reached or names another issuer. The client secret is written once: the page only says
 * it is set. */
#include <ctype.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/config.h"
#include "../core/oidc_client.h"
#include "../core/session.h"
#include "admin.h"

enum {
    SS_NAME,
    SS_ISSUER,
    SS_CLIENT_ID,
    SS_DOMAINS,
    SS_MATCH_CLAIM,
    SS_PASSWORDS,
    SS_CREATE,
    SS_UPDATED,
    ADMIN_SIGN_IN_SHOW_COLUMNS
};

const db_statement admin_sign_in_statements[] = {
    {"admin_sign_in_show",
     "SELECT display_name, issuer, client_id, array_to_string(email_domains, ', '), match_claim,"
     "       passwords_allowed, create_accounts, to_char(updated_at, '" SQL_DAY ", HH24:MI')"
     "  FROM oidc_providers WHERE institution_id = $1",
     ADMIN_SIGN_IN_SHOW_COLUMNS},
    /* $5 NULL keeps the secret already sealed (there must be one: NOT
     * NULL is checked on the row to insert, before any conflict). */
    {"admin_sign_in_save",
     "INSERT INTO oidc_providers (institution_id, display_name, issuer, client_id, client_secret,"
     "                            email_domains, match_claim, passwords_allowed, create_accounts,"
     "                            updated_by)"
     " VALUES ($1, $2, $3, $4,"
     "         coalesce($5::bytea, (SELECT client_secret FROM oidc_providers WHERE institution_id "
     "= $1)),"
     "         $6::text[], $7, $8::boolean, $10::boolean, $9)"
     " ON CONFLICT (institution_id) DO UPDATE SET display_name = excluded.display_name,"
     "   issuer = excluded.issuer, client_id = excluded.client_id,"
     "   client_secret = excluded.client_secret,"
     "   email_domains = excluded.email_domains, match_claim = excluded.match_claim,"
     "   passwords_allowed = excluded.passwords_allowed,"
     "   create_accounts = excluded.create_accounts, updated_at = now(),"
     "   updated_by = excluded.updated_by",
     0},
    {NULL, NULL},
};

static const char *const claim_kinds[] = {"email", "preferred_username", "other", NULL};
static const char *const on_off[] = {"on", "off", NULL};

enum {
    F_NAME,
    F_ISSUER,
    F_CLIENT_ID,
    F_SECRET,
    F_DOMAINS,
    F_CLAIM,
    F_CLAIM_NAME,
    F_PASSWORDS,
    F_CREATE
};
static const field_spec fields[] = {
    {"display_name", "the name on the sign-in button", FIELD_STRING, true, 1, 60, NULL},
    {"issuer", "the issuer URL", FIELD_URL, true, 8, 500, NULL},
    {"client_id", "the client ID", FIELD_STRING, true, 1, 500, NULL},
    {"client_secret", "the client secret", FIELD_STRING, false, 0, 500, NULL},
    {"email_domains", "the email domains", FIELD_STRING, true, 1, 1000, NULL},
    {"match_claim", "the claim that matches an account", FIELD_ENUM, true, 0, 0, claim_kinds},
    {"claim_name", "the claim's name", FIELD_STRING, false, 0, 64, NULL},
    {"passwords", "whether passwords still work", FIELD_ENUM, true, 0, 0, on_off},
    {"create_accounts", "whether to make accounts", FIELD_ENUM, true, 0, 0, on_off},
};
#define N_FIELDS (sizeof fields / sizeof *fields)

static const admin_notice notices[] = {
    {"saved", "Single sign-on is saved. People at your college can now use the sign-in button."},
    {NULL, NULL},
};

/* What the form shows: the settings saved, or what was typed. */
typedef struct {
    const char *name, *issuer, *client_id, *domains, *claim, *claim_name, *passwords, *create;
    const char *updated;
    bool configured;
} settings;

static void set_choice(tpl_dict *d, const char *section, bool on)
{
    if (on)
        tpl_show(d, section);
}

static void show(request *r, int status, const settings *s, const char *field, const char *error)
{
    tpl_dict *d = render_begin(
        r, error ? "Error: Single sign-on – Administration" : "Single sign-on – Administration",
        "admin/sign_in.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    tpl_set(d, "REDIRECT_URI", arena_printf(r->mem, "%s/oidc/callback", http_own_origin(r)));
    tpl_set(d, "CSRF_TOKEN", csrf_token(r));
    tpl_set(d, "DISPLAY_NAME", s->name);
    tpl_set(d, "ISSUER", s->issuer);
    tpl_set(d, "CLIENT_ID", s->client_id);
    tpl_set(d, "EMAIL_DOMAINS", s->domains);
    tpl_set(d, "CLAIM_NAME", s->claim_name);
    set_choice(d, "CLAIM_EMAIL", strcmp(s->claim, "email") == 0);
    set_choice(d, "CLAIM_USERNAME", strcmp(s->claim, "preferred_username") == 0);
    set_choice(d, "CLAIM_OTHER", strcmp(s->claim, "other") == 0);
    set_choice(d, "PASSWORDS_ON", strcmp(s->passwords, "off") != 0);
    set_choice(d, "PASSWORDS_OFF", strcmp(s->passwords, "off") == 0);
    set_choice(d, "CREATE_ON", strcmp(s->create, "on") == 0);
    set_choice(d, "CREATE_OFF", strcmp(s->create, "on") != 0);
    if (s->configured) {
        tpl_set(tpl_add_section(d, "CONFIGURED"), "UPDATED", s->updated);
        tpl_show(d, "SECRET_SET");
    } else {
        tpl_show(d, "NOT_CONFIGURED");
        tpl_show(d, "SECRET_UNSET");
    }
    if (error)
        admin_field_error(r, d, field, error);
    else
        admin_show_done(r, d, notices);
    render_end(r, status);
}

/* The college's saved settings into s (defaults when none): false when
 * the database failed. */
static bool load(request *r, settings *s)
{
    const char *params[] = {req_id_text(r, r->user->institution_id)};
    PGresult *res = db_run(r->db, "admin_sign_in_show", ARRAY_SIZE(params), params);
    if (!res)
        return false;
    *s = (settings){"", "", "", "", "email", "", "on", "off", "", false};
    if (PQntuples(res) == 1) {
        const char *claim = db_text(res, 0, SS_MATCH_CLAIM);
        bool named = strcmp(claim, "email") != 0 && strcmp(claim, "preferred_username") != 0;
        s->name = arena_strdup(r->mem, db_text(res, 0, SS_NAME));
        s->issuer = arena_strdup(r->mem, db_text(res, 0, SS_ISSUER));
        s->client_id = arena_strdup(r->mem, db_text(res, 0, SS_CLIENT_ID));
        s->domains = arena_strdup(r->mem, db_text(res, 0, SS_DOMAINS));
        s->claim = named ? "other" : arena_strdup(r->mem, claim);
        s->claim_name = named ? arena_strdup(r->mem, claim) : "";
        s->passwords = strcmp(db_text(res, 0, SS_PASSWORDS), "t") == 0 ? "on" : "off";
        s->create = strcmp(db_text(res, 0, SS_CREATE), "t") == 0 ? "on" : "off";
        s->updated = arena_strdup(r->mem, db_text(res, 0, SS_UPDATED));
        s->configured = true;
    }
    PQclear(res);
    return true;
}

void page_admin_sign_in(request *r)
{
    settings s;
    if (!load(r, &s)) {
        render_db_failed(r);
        return;
    }
    show(r, 200, &s, NULL, NULL);
}

/* The domains typed ("college.ac.uk, students.college.ac.uk") as a
 * PostgreSQL array literal of lower-case names, or NULL with *err. */
static const char *parse_domains(request *r, const char *typed, const char **err)
{
    const char *names[20];
    size_t n = 0;
    char *copy = arena_strdup(r->mem, typed), *save = NULL;
    for (char *p = copy; p && *p; p++)
        *p = (char)tolower((unsigned char)*p);
    for (char *t = copy ? strtok_r(copy, ", \t\r\n", &save) : NULL; t;
         t = strtok_r(NULL, ", \t\r\n", &save)) {
        bool ok = strchr(t, '.') && t[0] != '.' && t[0] != '-' && strlen(t) <= 253;
        for (const char *c = t; ok && *c; c++)
            ok = isalnum((unsigned char)*c) || *c == '.' || *c == '-';
        if (!ok) {
            *err = arena_printf(r->mem, "\"%s\" is not a domain name such as college.ac.uk.", t);
            return NULL;
        }
        if (n == ARRAY_SIZE(names)) {
            *err = "Enter at most 20 email domains.";
            return NULL;
        }
        names[n++] = t;
    }
    if (!n) {
        *err = "Enter the email domains of your college, such as college.ac.uk.";
        return NULL;
    }
    return arena_pg_array(r->mem, names, n);
}

/* The claim name an administrator typed: letters, digits and _ . : -. */
static bool claim_name_ok(const char *s)
{
    if (!isalpha((unsigned char)s[0]) || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("_.:-", *s))
            return false;
    return true;
}

/* Plain http only for a provider on this machine (a test's); https else. */
static bool issuer_scheme_ok(const char *issuer)
{
    static const char *const loopback[] = {"http://127.0.0.1", "http://localhost"};
    if (strncmp(issuer, "https://", 8) == 0)
        return true;
    for (size_t i = 0; i < ARRAY_SIZE(loopback); i++) {
        size_t n = strlen(loopback[i]);
        /* The host must end there: not http://127.0.0.1.example.com. */
        if (strncmp(issuer, loopback[i], n) == 0 && strchr(":/", issuer[n]))
            return true;
    }
    return false;
}

void page_admin_sign_in_save(request *r)
{
    field_value v[N_FIELDS];
    const char *err;
    int bad;
    settings saved;
    if (!load(r, &saved)) {
        render_db_failed(r);
        return;
    }
    bool ok = admin_validate(r, fields, N_FIELDS, v, &err, &bad);
    settings typed = {v[F_NAME].str,
                      v[F_ISSUER].str,
                      v[F_CLIENT_ID].str,
                      v[F_DOMAINS].str,
                      ok ? claim_kinds[v[F_CLAIM].num] : "email",
                      v[F_CLAIM_NAME].str,
                      ok ? on_off[v[F_PASSWORDS].num] : "on",
                      ok ? on_off[v[F_CREATE].num] : "off",
                      saved.updated,
                      saved.configured};
    if (!ok) {
        show(r, 400, &typed, bad < 0 ? "display_name" : fields[bad].name, err);
        return;
    }
    const char *domains = parse_domains(r, v[F_DOMAINS].str, &err);
    const char *claim = strcmp(typed.claim, "other") == 0 ? v[F_CLAIM_NAME].str : typed.claim;
    const char *field = NULL;
    if (!domains)
        field = "email_domains";
    else if (!claim_name_ok(claim))
        field = "claim_name", err = "Enter the claim's name: letters, digits and _ . : - only, "
                                    "starting with a letter.";
    else if (!saved.configured && !v[F_SECRET].present)
        field = "client_secret", err = "Enter the client secret.";
    else if (!issuer_scheme_ok(v[F_ISSUER].str))
        field = "issuer", err = "The issuer URL must start with https://.";
    oidc_provider p;
    if (!field && (err = oidc_discover(r->mem, v[F_ISSUER].str, &p)))
        field = "issuer", err = arena_printf(r->mem, "%s Nothing was saved.", err);
    const char *sealed = NULL;
    if (!field && v[F_SECRET].present &&
        !(sealed = oidc_secret_seal(r->mem, tandem_config->keys_dir, v[F_SECRET].str))) {
        render_error(r, 500, "Tandem could not seal the client secret. See its log.");
        return;
    }
    if (field) {
        show(r, 400, &typed, field, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            v[F_NAME].str,
                            v[F_ISSUER].str,
                            v[F_CLIENT_ID].str,
                            sealed,
                            domains,
                            claim,
                            strcmp(typed.passwords, "on") == 0 ? "true" : "false",
                            req_id_text(r, r->user->id),
                            strcmp(typed.create, "on") == 0 ? "true" : "false"};
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    PGresult *res = db_run(r->db, "admin_sign_in_save", ARRAY_SIZE(params), params);
    bool done =
        res &&
        audit(r, "sign_in_settings", 0, r->user->institution_id,
              arena_printf(r->mem,
                           "single sign-on with %s: issuer %s, client %s, domains %s, "
                           "matched by %s, passwords %s, new accounts %s, client secret %s",
                           v[F_NAME].str, v[F_ISSUER].str, v[F_CLIENT_ID].str, v[F_DOMAINS].str,
                           claim, typed.passwords, typed.create, sealed ? "replaced" : "kept")) &&
        db_commit(r->db);
    PQclear(res);
    if (!done) {
        db_rollback(r->db);
        render_db_failed(r);
        return;
    }
    resp_redirect(r, "/admin/sign-in?done=saved");
}
