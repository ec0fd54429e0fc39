/* admin: the administration overview, the colleges themselves (site admins
 * only), and what every administration page shares (admin.h). People are in
 * admin_users.c, courses and cohorts in admin_cohorts.c, the audit log in
 * admin_audit.c. */
#include "admin.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"

/* The overview's counts; college: the predicate that keeps to one college,
 * name: that college's name. */
#define OVERVIEW(college, name)                                                                    \
    "SELECT count(*) FILTER (WHERE status = 'active'),"                                            \
    "       count(*) FILTER (WHERE status = 'suspended'),"                                         \
    "       (SELECT count(*) FROM courses" college "),"                                            \
    "       (SELECT count(*) FROM cohorts" college "),"                                            \
    "       (SELECT count(*) FROM institutions), " name "  FROM users" college

/* admin_overview, admin_overview_all: OVERVIEW's counts (COLLEGE_NAME ''
 * for every college). */
enum {
    OV_ACTIVE,
    OV_SUSPENDED,
    OV_COURSES,
    OV_COHORTS,
    OV_COLLEGES,
    OV_COLLEGE_NAME,
    ADMIN_OVERVIEW_COLUMNS
};
enum { AC_ID, AC_NAME, ADMIN_COLLEGES_COLUMNS };
/* admin_institutions_list: one row a college. */
enum { AIL_SLUG, AIL_NAME, AIL_DEMO, AIL_PEOPLE, AIL_CREATED, ADMIN_INSTITUTIONS_LIST_COLUMNS };
enum { AII_ID, ADMIN_INSTITUTION_INSERT_COLUMNS };

const db_statement admin_statements[] = {
    {"admin_overview",
     OVERVIEW(" WHERE institution_id = $1::bigint",
              "(SELECT name FROM institutions WHERE id = $1::bigint)"),
     ADMIN_OVERVIEW_COLUMNS},
    {"admin_overview_all", OVERVIEW("", "''"), ADMIN_OVERVIEW_COLUMNS},
    {"admin_colleges", "SELECT id, name FROM institutions ORDER BY name", ADMIN_COLLEGES_COLUMNS},
    {"admin_institutions_list",
     "SELECT i.slug, i.name, i.demo,"
     "       (SELECT count(*) FROM users u WHERE u.institution_id = i.id),"
     "       to_char(i.created_at, '" SQL_DAY "')"
     "  FROM institutions i ORDER BY i.name",
     ADMIN_INSTITUTIONS_LIST_COLUMNS},
    {"admin_institution_insert",
     "INSERT INTO institutions (slug, name) VALUES ($1, $2) RETURNING id",
     ADMIN_INSTITUTION_INSERT_COLUMNS},
    {NULL, NULL},
};

/* ---- shared (admin.h) ---- */

void admin_scope_of(request *r, admin_scope *s)
{
    s->site = auth_all_institutions(r->user);
}

PGresult *admin_run(request *r, const char *statement, int n, const char *const *params)
{
    db_call c = auth_scoped(r, statement, n, params);
    return db_run(r->db, c.statement, c.n, c.params);
}

PGresult *admin_run_planned(request *r, const char *statement, int n, const char *const *params)
{
    db_call c = auth_scoped(r, statement, n, params);
    return db_run_planned(r->db, c.statement, c.n, c.params);
}

long long admin_param_id(request *r, size_t i)
{
    long long id = 0;
    if (i >= r->n_params || validate_int(r->params[i], 1, 9007199254740991LL, &id))
        return 0;
    return id;
}

PGresult *admin_find(request *r, const char *statement, long long id)
{
    const char *params[] = {req_id_text(r, id)};
    PGresult *res = admin_run(r, statement, ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return NULL;
    }
    if (PQntuples(res) == 0) {
        PQclear(res);
        render_error(r, 404, ADMIN_NOT_FOUND);
        return NULL;
    }
    return res;
}

void admin_list_state(tpl_dict *d, int rows, long long total, bool filtered)
{
    if (rows)
        tpl_show(d, "RESULTS");
    else if (total)
        tpl_show(d, "PAST_END");
    else
        tpl_show(d, filtered ? "NO_MATCH" : "NO_RESULTS");
}

const char *admin_filter_link(request *r, const char *path, const field_spec *specs,
                              const field_value *v, size_t n)
{
    const char *out = arena_printf(r->mem, "%s?", path);
    for (size_t i = 0; i < n; i++)
        if (v[i].present)
            out = arena_printf(r->mem, "%s%s=%s&", out, specs[i].name,
                               http_percent_encode(r->mem, v[i].str, ""));
    return out;
}

/* form_validate names the failing field only in words: "Enter <label>." or
 * "<Label> <why>.". The longest label that the message starts with is the
 * field, so the error summary can link to it. */
bool admin_validate(request *r, const field_spec *specs, size_t n, field_value *out,
                    const char **err, int *bad)
{
    *bad = -1;
    if (form_validate(r, specs, n, out, err))
        return true;
    for (size_t i = 0; i < n && r->invalid_field; i++)
        if (strcmp(specs[i].name, r->invalid_field) == 0)
            *bad = (int)i;
    return false;
}

void admin_field_error(request *r, tpl_dict *d, const char *field, const char *message)
{
    tpl_dict *e = tpl_add_section(d, "ERROR");
    tpl_set(e, "FIELD", field);
    tpl_set(e, "MESSAGE", message);
    admin_inline_error(r, d, field, message);
}

void admin_inline_error(request *r, tpl_dict *d, const char *field, const char *message)
{
    char *section = arena_printf(r->mem, "%s_ERROR", field);
    if (!section)
        return;
    for (char *p = section; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    tpl_set(tpl_add_section(d, section), "MESSAGE", message);
}

void admin_show_done(request *r, tpl_dict *d, const admin_notice *messages)
{
    const http_field *done = req_query(r, "done");
    for (size_t i = 0; done && messages[i].key; i++)
        if (strcmp(done->value, messages[i].key) == 0) {
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", messages[i].message);
            return;
        }
}

static void page_link(request *r, tpl_dict *item, const char *base, long long n)
{
    tpl_set(item, "HREF", arena_printf(r->mem, "%spage=%lld", base, n));
    tpl_set_int(item, "NUMBER", n);
}

/* The GOV.UK pattern: first and last page, the current one and its
 * neighbours, and an ellipsis for each gap. */
void admin_paginate(request *r, tpl_dict *d, const char *base, long long page, long long total)
{
    long long pages = (total + ADMIN_PAGE_SIZE - 1) / ADMIN_PAGE_SIZE;
    if (pages <= 1)
        return;
    tpl_dict *p = tpl_include(d, "PAGINATION", "admin/pagination.tpl");
    if (!p)
        return;
    if (page > 1) /* from past the end (an old link), back to the last page */
        page_link(r, tpl_add_section(p, "PREVIOUS"), base, page - 1 < pages ? page - 1 : pages);
    if (page < pages)
        page_link(r, tpl_add_section(p, "NEXT"), base, page + 1);
    const long long shown[] = {1, page - 1, page, page + 1, pages};
    long long last = 0;
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++) {
        long long n = shown[i];
        if (n <= last || n > pages)
            continue;
        if (n > last + 1)
            tpl_show(tpl_add_section(p, "ITEM"), "ELLIPSIS");
        tpl_dict *item = tpl_add_section(p, "ITEM");
        tpl_dict *link = tpl_add_section(item, "LINK");
        page_link(r, link, base, n);
        if (n == page) {
            tpl_show(item, "CURRENT");
            tpl_show(link, "CURRENT");
        }
        last = n;
    }
}

bool admin_college_choices(request *r, tpl_dict *d, long long selected)
{
    PGresult *res = db_run(r->db, "admin_colleges", 0, NULL);
    if (!res)
        return false;
    tpl_dict *list = tpl_add_section(d, "COLLEGES");
    for (int i = 0; i < PQntuples(res); i++) {
        tpl_dict *c = tpl_add_section(list, "COLLEGE");
        tpl_set(c, "ID", db_text(res, i, AC_ID));
        tpl_set(c, "NAME", db_text(res, i, AC_NAME));
        if (db_int(res, i, AC_ID) == selected)
            tpl_show(c, "SELECTED");
    }
    PQclear(res);
    return true;
}

/* ---- GET /admin ---- */

void page_admin_overview(request *r)
{
    admin_scope s;
    admin_scope_of(r, &s);
    PGresult *res = admin_run(r, "admin_overview", 0, NULL);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Overview – Administration", "admin/index.tpl");
    if (d) {
        tpl_set(d, "SCOPE", s.site ? "All colleges" : db_text(res, 0, OV_COLLEGE_NAME));
        tpl_set(d, "ACTIVE", db_text(res, 0, OV_ACTIVE));
        tpl_set(d, "SUSPENDED", db_text(res, 0, OV_SUSPENDED));
        tpl_set(d, "COURSES", db_text(res, 0, OV_COURSES));
        tpl_set(d, "COHORTS", db_text(res, 0, OV_COHORTS));
        if (s.site)
            tpl_set(tpl_add_section(d, "SITE"), "COLLEGES", db_text(res, 0, OV_COLLEGES));
    }
    PQclear(res);
    render_end(r, 200);
}

/* ---- GET and POST /admin/institutions (CAP_SITE_ADMIN) ---- */

static const field_spec institution_fields[] = {
    {"slug", "the short name", FIELD_STRING, true, 2, 40, NULL},
    {"name", "the college's name", FIELD_STRING, true, 1, 200, NULL},
};

static const admin_notice institution_notices[] = {
    {"created", "The college has been added. Add its administrators from the people page."},
    {NULL, NULL},
};

/* The list of colleges and the form to add one; field and error set when a
 * submitted form is shown again. */
static void show_institutions(request *r, int status, const field_value *v, const char *field,
                              const char *error)
{
    PGresult *res = db_run(r->db, "admin_institutions_list", 0, NULL);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Colleges – Administration" : "Colleges – Administration",
                     "admin/institutions.tpl");
    if (d) {
        for (int i = 0; i < PQntuples(res); i++) {
            tpl_dict *row = tpl_add_section(d, "INSTITUTION");
            tpl_set(row, "SLUG", db_text(res, i, AIL_SLUG));
            tpl_set(row, "NAME", db_text(res, i, AIL_NAME));
            if (strcmp(db_text(res, i, AIL_DEMO), "t") == 0)
                tpl_show(row, "DEMO");
            tpl_set(row, "PEOPLE", db_text(res, i, AIL_PEOPLE));
            tpl_set(row, "CREATED", db_text(res, i, AIL_CREATED));
        }
        if (v) {
            tpl_set(d, "SLUG", v[0].str);
            tpl_set(d, "NAME", v[1].str);
        }
        if (error)
            admin_field_error(r, d, field, error);
        else
            admin_show_done(r, d, institution_notices);
    }
    PQclear(res);
    render_end(r, status);
}

void page_admin_institutions(request *r)
{
    show_institutions(r, 200, NULL, NULL, NULL);
}

static bool slug_ok(const char *s)
{
    if (!(islower((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
        return false;
    for (const char *p = s; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
            return false;
    return true;
}

void page_admin_institution_create(request *r)
{
    field_value v[2];
    const char *err;
    int bad;
    if (!admin_validate(r, institution_fields, 2, v, &err, &bad)) {
        show_institutions(r, 400, v, bad == 1 ? "name" : "slug", err);
        return;
    }
    if (!slug_ok(v[0].str)) {
        show_institutions(r, 400, v, "slug",
                          "The short name must use only lower-case letters, digits and hyphens, "
                          "and start with a letter or digit.");
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    bool ok = false;
    long long id;
    const char *params[] = {v[0].str, v[1].str};
    PGresult *res = db_run(r->db, "admin_institution_insert", ARRAY_SIZE(params), params);
    if (!res)
        goto out;
    id = db_int(res, 0, AII_ID);
    PQclear(res);
    ok = audit(r, "institution_created", 0, id,
               arena_printf(r->mem, "added the college %s (%s)", v[1].str, v[0].str)) &&
         db_commit(r->db);
out:
    if (ok) {
        resp_redirect(r, "/admin/institutions?done=created");
        return;
    }
    bool taken = strcmp(db_last_sqlstate(r->db), "23505") == 0;
    db_rollback(r->db);
    if (taken)
        show_institutions(r, 400, v, "slug",
                          arena_printf(r->mem,
                                       "The short name \"%s\" is already used by another "
                                       "college. Choose another.",
                                       v[0].str));
    else
        render_db_failed(r);
}
