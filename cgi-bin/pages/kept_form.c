/* kept_form: nothing typed is lost when a session ends mid-sentence. A
 * form that arrives after its sender's session has ended is kept (for an
 * hour, for that person, in that browser: sql/0026_kept_forms.sql), the
 * browser goes to sign in, and after signing in it is shown what was
 * written with one button that sends it on, as it would have gone.
 *
 * Only a form the ended session itself could have sent is kept: it must
 * carry that session's CSRF token (the row outlives the session for a day,
 * core/housekeeping.c). So another site cannot plant a form to be "sent
 * on" after the next sign-in, and only the person whose session it was
 * sees it again, never whoever signs in next on a shared computer. */
#include <string.h>

#include "../app.h"
#include "../core/session.h"
#include "pages.h"

#define KEPT_COOKIE "tandem_kept"
#define KEPT_SECONDS 3600

/* kept_form_take: one row a field (a row with NAME null for a form of
 * none): where it was going, whether a file was left, the field. */
enum { KT_PATH, KT_HAD_FILE, KT_NAME, KT_VALUE, KEPT_FORM_TAKE_COLUMNS };

// clang-format off
const db_statement kept_form_statements[] = {
    /* The form for path $3 (fields: names $4, values $5; $6 whether a file
     * was left out) kept under key hash $2 for the person of the ended
     * session $1 whose CSRF token it carries ($7). Nothing when the session
     * is not known or the token is not its own. */
    {"kept_form_insert",
     "INSERT INTO kept_forms (token_hash, user_id, institution_id, path, fields, had_file)"
     " SELECT $2, s.user_id, s.institution_id, $3,"
     "        (SELECT coalesce(jsonb_agg(jsonb_build_array(f.name, f.value) ORDER BY f.i), '[]')"
     "           FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS f(name, value, i)),"
     "        $6::boolean"
     "   FROM sessions s JOIN users u ON u.id = s.user_id AND u.status = 'active'"
     "  WHERE s.token_hash = $1 AND s.csrf_token = $7"
     " RETURNING 1",
     1},
    /* The form kept under key hash $1 for person $2, taken (shown once). */
    {"kept_form_take",
     "WITH k AS (DELETE FROM kept_forms WHERE token_hash = $1 AND user_id = $2"
     "            AND created_at > now() - interval '1 hour' RETURNING path, fields, had_file)"
     " SELECT k.path, k.had_file, f.v->>0, f.v->>1"
     "   FROM k LEFT JOIN LATERAL jsonb_array_elements(k.fields) WITH ORDINALITY AS f(v, i) ON true"
     "  ORDER BY f.i",
     KEPT_FORM_TAKE_COLUMNS},
    {NULL, NULL},
};
// clang-format on

/* The fields of r's form to keep: every one but the CSRF token and files,
 * as two Postgres arrays; *had_file when a file was left out. */
static bool form_arrays(request *r, const char **names, const char **values, bool *had_file)
{
    const char **n = arena_alloc(r->mem, (r->n_body_fields + 1) * sizeof *n);
    const char **v = arena_alloc(r->mem, (r->n_body_fields + 1) * sizeof *v);
    size_t kept = 0;
    *had_file = false;
    for (size_t i = 0; n && v && i < r->n_body_fields; i++) {
        const http_field *f = &r->body_fields[i];
        if (f->filename)
            *had_file = *had_file || f->len > 0;
        else if (strcmp(f->name, "csrf_token") != 0)
            n[kept] = f->name, v[kept++] = f->value;
    }
    *names = n && v ? arena_pg_array(r->mem, n, kept) : NULL;
    *values = *names ? arena_pg_array(r->mem, v, kept) : NULL;
    return *values != NULL;
}

bool kept_form_keep(request *r)
{
    const char *session = req_cookie(r, SESSION_COOKIE);
    const http_field *csrf = req_body(r, "csrf_token");
    const char *names, *values;
    bool had_file;
    if (!session || !csrf || !form_arrays(r, &names, &values, &had_file))
        return false;
    const char *token = session_random_token(r->mem);
    const char *params[] = {session_token_hash(r->mem, session),
                            session_token_hash(r->mem, token),
                            r->path,
                            names,
                            values,
                            had_file ? "true" : "false",
                            csrf->value};
    PGresult *res = db_run(r->db, "kept_form_insert", ARRAY_SIZE(params), params);
    bool kept = res && PQntuples(res) == 1;
    PQclear(res);
    if (kept)
        resp_cookie(r, KEPT_COOKIE, token, KEPT_SECONDS);
    return kept;
}

/* Whether a field's value is what the person wrote, to show them, rather
 * than the form's own workings: its one-time key, or a choice's code
 * ("draft", "cohort"), which is sent on all the same. */
static bool written(const char *name, const char *value)
{
    if (!*value || strcmp(name, "form_key") == 0)
        return false;
    size_t n = strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789_-");
    return value[n] != '\0' || n > 20;
}

static void fill_kept(request *r, tpl_dict *d, const PGresult *res)
{
    tpl_set(d, "ACTION", db_text(res, 0, KT_PATH));
    for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, KT_NAME); i++) {
        const char *name = db_text(res, i, KT_NAME), *value = db_text(res, i, KT_VALUE);
        tpl_dict *f = tpl_add_section(d, "FIELD");
        tpl_set(f, "NAME", name);
        tpl_set(f, "VALUE", value);
        if (written(name, value)) {
            tpl_dict *shown = tpl_add_section(d, "SHOWN");
            tpl_set(shown, "HEADING", render_code_as_words(r, name));
            tpl_set(shown, "TEXT", value);
        }
    }
    if (strcmp(db_text(res, 0, KT_HAD_FILE), "t") == 0)
        tpl_show(d, "HAD_FILE");
}

/* GET /kept-form: after signing in again, what was written, to send on. */
void page_kept_form(request *r)
{
    const char *token = req_cookie(r, KEPT_COOKIE);
    const char *params[] = {token ? session_token_hash(r->mem, token) : "",
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "kept_form_take", ARRAY_SIZE(params), params);
    if (token)
        resp_cookie(r, KEPT_COOKIE, "", 0);
    if (!res) {
        render_db_failed(r);
    } else if (!PQntuples(res)) {
        render_error(r, 404,
                     "Nothing you wrote is waiting to be sent: it was sent, or it was kept for "
                     "an hour only.");
    } else {
        tpl_dict *d = render_begin(r, "Send what you wrote?", "account/kept_form.tpl");
        if (d)
            fill_kept(r, d, res);
        render_end(r, 200);
    }
    PQclear(res);
}
