/* import: people in bulk from a CSV file (/admin/import), for a college's
 * admins; site admins choose the college. core/import.c does the work, and
 * `tandem import-users` shares it. */
#include <stdio.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"
#include "../core/import.h"
#include "../core/log.h"
#include "admin.h"
#include "pages.h"

enum { IC_NAME, IMPORT_COLLEGE_COLUMNS };

const db_statement import_statements[] = {
    {"import_college", "SELECT name FROM institutions WHERE id = $1::bigint",
     IMPORT_COLLEGE_COLUMNS},
    {NULL, NULL},
};

#define DB_DOWN "The database is not answering. Try again in a minute."

/* The name of college id into *name ("" when there is none). Returns 0 or
 * the status for a failed database. */
static int college_name(request *r, long long id, const char **name)
{
    const char *params[] = {req_id_text(r, id)};
    PGresult *res = db_run(r->db, "import_college", ARRAY_SIZE(params), params);
    if (!res)
        return db_unavailable(r->db) ? 503 : 500;
    *name = arena_strdup(r->mem, PQntuples(res) ? db_text(res, 0, IC_NAME) : "");
    PQclear(res);
    return 0;
}

static void fill_problems(tpl_dict *d, const char *filename, const import_result *res)
{
    tpl_dict *p = tpl_add_section(d, "PROBLEMS");
    tpl_set(p, "FILENAME", filename);
    for (size_t i = 0; i < res->n_problems; i++) {
        const import_problem *pr = &res->problems[i];
        tpl_dict *row = tpl_add_section(p, "PROBLEM");
        tpl_set_int(row, "LINE", pr->line);
        tpl_set(row, "FIELD", pr->field);
        tpl_set(row, "MESSAGE", pr->message);
    }
    if (res->problems_total > res->n_problems)
        tpl_set_int(tpl_add_section(p, "MORE"), "COUNT",
                    (long long)(res->problems_total - res->n_problems));
}

/* The upload form, alone or with what went wrong: a message about the form
 * itself (error), or the problems of an uploaded file (res), in the GOV.UK
 * error pattern (summary at the top, message at the file input). */
static void show_form(request *r, int status, long long college, const char *error,
                      const char *filename, const import_result *res)
{
    bool site = auth_all_institutions(r->user);
    const char *name = "";
    int st = site ? 0 : college_name(r, college, &name);
    if (st) {
        render_error(r, st, DB_DOWN);
        return;
    }
    bool failed = error || res;
    tpl_dict *d =
        render_begin(r, failed ? "Error: Import people" : "Import people", "import/form.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    tpl_set_int(d, "MAX_MB", (long long)(tandem_config->limits.max_upload >> 20));
    /* A site admin chooses the college; anyone else sees which one it is. */
    if (!site) {
        tpl_set(tpl_add_section(d, "CAPTION"), "COLLEGE", name);
    } else if (!admin_college_choices(r, d, college)) {
        render_error(r, db_unavailable(r->db) ? 503 : 500, DB_DOWN);
        return;
    }
    if (res) {
        size_t n = res->problems_total;
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "HREF", "#problems");
        tpl_set(e, "SUMMARY",
                arena_printf(r->mem,
                             "%s has %zu problem%s, so nothing was "
                             "imported",
                             filename, n, n == 1 ? "" : "s"));
        tpl_set(e, "MESSAGE", "Correct the problems listed above, then upload the file again");
        fill_problems(d, filename, res);
    } else if (error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "HREF", "#file");
        tpl_set(e, "SUMMARY", error);
        tpl_set(e, "MESSAGE", error);
    }
    render_end(r, status);
}

void page_import_form(request *r)
{
    show_form(r, 200, r->user->institution_id, NULL, NULL, NULL);
}

static void show_report(request *r, const char *college, const char *filename,
                        const import_result *res)
{
    tpl_dict *d = render_begin(r, "People imported", "import/report.tpl");
    if (d) {
        tpl_set(d, "COLLEGE", college);
        tpl_set(d, "FILENAME", filename);
        tpl_set_int(d, "CREATED", res->created);
        tpl_set_int(d, "UPDATED", res->updated);
        tpl_set_int(d, "UNCHANGED", res->unchanged);
        tpl_set_int(d, "MEMBERSHIPS", res->memberships);
        const char *origin = http_own_origin(r);
        tpl_dict *links = res->n_links ? tpl_add_section(d, "LINKS") : NULL;
        if (links)
            tpl_set(links, "COUNT",
                    arena_printf(r->mem, "%zu new %s", res->n_links,
                                 res->n_links == 1 ? "person" : "people"));
        for (size_t i = 0; links && i < res->n_links; i++) {
            tpl_dict *l = tpl_add_section(links, "LINK");
            tpl_set(l, "NAME", res->links[i].display_name);
            tpl_set(l, "USERNAME", res->links[i].username);
            tpl_set(l, "ORIGIN", origin);
            tpl_set(l, "TOKEN", res->links[i].token);
        }
    }
    /* The page holds one-time links: no copy of it may be kept anywhere. */
    resp_header(r, "Cache-Control", "no-store");
    render_end(r, 200);
}

/* Why the import failed, as a page: someone else creating the same people
 * at the same moment (a unique violation) is worth a retry. */
static void import_failed(request *r, const import_result *res)
{
    log_error("req=%s import: %s", r->id, res->error);
    if (strcmp(res->sqlstate, "23505") == 0)
        render_error(r, 409,
                     "Someone else added some of these people at the same moment. "
                     "Nothing was imported: upload the file again.");
    else
        render_error(r, PQstatus(db_conn(r->db)) == CONNECTION_OK ? 500 : 503,
                     "The import did not work, and nothing was imported. Try again in a minute.");
}

void page_import_upload(request *r)
{
    field_spec specs[] = {
        {"file", "the CSV file", FIELD_FILE, true, 0, (long long)tandem_config->limits.max_upload,
         NULL},
        {"institution", "the college", FIELD_ID, false, 0, 0, NULL},
    };
    field_value v[2];
    const char *err;
    long long college = r->user->institution_id;
    bool site = auth_all_institutions(r->user);
    if (!form_validate(r, specs, 2, v, &err)) {
        show_form(r, 400, college, v[0].present ? err : "Choose a CSV file to import", NULL, NULL);
        return;
    }
    /* Only a site admin's choice of college counts: anyone else imports
     * into their own, whatever the form says. */
    if (site && v[1].present)
        college = v[1].num;
    const char *name = "";
    int st = college_name(r, college, &name);
    if (st || !*name) {
        if (st)
            render_error(r, st, DB_DOWN);
        else
            show_form(r, 400, r->user->institution_id, "Choose a college from the list", NULL,
                      NULL);
        return;
    }
    const http_field *file = v[0].file;
    import_result res;
    import_init(&res);
    import_scope scope = {college, r->user->id, site};
    if (!db_begin(r->db)) {
        render_error(r, db_unavailable(r->db) ? 503 : 500, DB_DOWN);
        goto out;
    }
    enum import_status outcome = import_run(db_conn(r->db), file->value, file->len, &scope, &res);
    if (outcome == IMPORT_OK &&
        !audit(r, "users_imported", 0, college,
               arena_printf(r->mem, "%s; file %s", import_summary(&res), file->filename))) {
        outcome = IMPORT_FAILED;
        snprintf(res.error, sizeof res.error, "writing the audit row failed");
    }
    if (outcome == IMPORT_OK && !db_commit(r->db)) {
        outcome = IMPORT_FAILED;
        snprintf(res.error, sizeof res.error, "COMMIT failed");
    }
    if (outcome != IMPORT_OK)
        db_rollback(r->db);
    if (outcome == IMPORT_OK)
        show_report(r, name, file->filename, &res);
    else if (outcome == IMPORT_PROBLEMS)
        show_form(r, 400, college, NULL, file->filename, &res);
    else
        import_failed(r, &res);
out:
    import_free(&res);
}
