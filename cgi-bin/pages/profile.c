/* profile: a person's page at /u/USERNAME, seen by people of their college,
 * and the form where they describe themselves. */
#include <stdio.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/session.h"
#include "pages.h"

/* The person and their groups in one round trip: one row a membership.
 * Only people of the viewer's college (college: its predicate, the college
 * being $2), or of every college for site administrators (auth_scoped). */
#define PROFILE_SHOW(college)                                                                      \
    "SELECT u.username, u.display_name, u.pronouns, u.bio, u.roles, i.name,"                       \
    "       c.code, c.name, string_agg(m.role, ',' ORDER BY m.role)"                               \
    "  FROM users u JOIN institutions i ON i.id = u.institution_id"                                \
    "  LEFT JOIN memberships m ON m.user_id = u.id AND m.institution_id = u.institution_id"        \
    "  LEFT JOIN cohorts c ON c.id = m.cohort_id AND c.institution_id = m.institution_id"          \
    " WHERE u.username = $1 AND u.status = 'active'" college                                       \
    " GROUP BY u.id, i.name, c.id ORDER BY c.code"

/* PROFILE_SHOW: the person on every row, then one group (GROUP_CODE NULL
 * when they are in none; GROUP_ROLES their roles in it). */
enum {
    PS_USERNAME,
    PS_DISPLAY_NAME,
    PS_PRONOUNS,
    PS_BIO,
    PS_ROLES,
    PS_COLLEGE,
    PS_GROUP_CODE,
    PS_GROUP_NAME,
    PS_GROUP_ROLES,
    PROFILE_SHOW_COLUMNS
};
enum { PO_DISPLAY_NAME, PO_PRONOUNS, PO_BIO, PROFILE_OWN_COLUMNS };

const db_statement profile_statements[] = {
    {"profile_show", PROFILE_SHOW(" AND u.institution_id = $2"), PROFILE_SHOW_COLUMNS},
    {"profile_show_all", PROFILE_SHOW(""), PROFILE_SHOW_COLUMNS},
    /* One's own profile: $1 oneself, $2 one's college. */
    {"profile_own",
     "SELECT display_name, pronouns, bio FROM users WHERE id = $1 AND institution_id = $2",
     PROFILE_OWN_COLUMNS},
    {"profile_save",
     "UPDATE users SET display_name = $3, pronouns = $4, bio = $5, updated_at = now()"
     " WHERE id = $1 AND institution_id = $2",
     0},
    {NULL, NULL},
};

/* roles: the person's roles in one group, sorted and comma-separated. */
static const char *membership_label(const char *roles)
{
    if (strstr(roles, "tutor"))
        return "Tutor";
    if (strcmp(roles, "learner,rep") == 0)
        return "Learner and student representative";
    if (strcmp(roles, "rep") == 0)
        return "Student representative";
    return "Learner";
}

/* Plain text keeps its line breaks: one LINE section a line, joined by <br>
 * in the template (ctemplate's HTML escaping turns newlines into spaces). */
static void add_lines(request *r, tpl_dict *d, const char *text)
{
    while (*text) {
        size_t n = strcspn(text, "\r\n");
        tpl_set(tpl_add_section(d, "LINE"), "TEXT", arena_strndup(r->mem, text, n));
        text += n;
        if (*text == '\r')
            text++;
        if (*text == '\n')
            text++;
    }
}

void page_profile_show(request *r)
{
    const char *params[] = {r->params[0]};
    db_call show = auth_scoped(r, "profile_show", ARRAY_SIZE(params), params);
    PGresult *res = db_run(r->db, show.statement, show.n, show.params);
    if (!res) {
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    if (PQntuples(res) == 0) {
        PQclear(res);
        render_error(r, 404, "There is nobody with that username at your college.");
        return;
    }
    tpl_dict *d = render_begin(r, db_text(res, 0, PS_DISPLAY_NAME), "profile/show.tpl");
    if (d) {
        tpl_set(d, "USERNAME", db_text(res, 0, PS_USERNAME));
        tpl_set(d, "DISPLAY_NAME", db_text(res, 0, PS_DISPLAY_NAME));
        if (*db_text(res, 0, PS_PRONOUNS))
            tpl_set(tpl_add_section(d, "PRONOUNS"), "PRONOUNS", db_text(res, 0, PS_PRONOUNS));
        if (*db_text(res, 0, PS_BIO))
            add_lines(r, tpl_add_section(d, "BIO"), db_text(res, 0, PS_BIO));
        tpl_set(d, "INSTITUTION", db_text(res, 0, PS_COLLEGE));
        unsigned roles = (unsigned)db_int(res, 0, PS_ROLES);
        tpl_set(d, "KIND",
                (roles & ROLE_STAFF)     ? "Staff"
                : (roles & ROLE_STUDENT) ? "Student"
                                         : "");
        tpl_dict *groups = PQgetisnull(res, 0, PS_GROUP_CODE) ? NULL : tpl_add_section(d, "GROUPS");
        for (int i = 0; groups && i < PQntuples(res); i++) {
            tpl_dict *g = tpl_add_section(groups, "GROUP");
            tpl_set(g, "CODE", db_text(res, i, PS_GROUP_CODE));
            tpl_set(g, "NAME", db_text(res, i, PS_GROUP_NAME));
            tpl_set(g, "ROLE", membership_label(db_text(res, i, PS_GROUP_ROLES)));
        }
        if (r->user && strcmp(r->user->username, db_text(res, 0, PS_USERNAME)) == 0)
            tpl_show(d, "MINE");
    }
    PQclear(res);
    render_end(r, 200);
}

static const field_spec profile_fields[] = {
    {"display_name", "your name", FIELD_STRING, true, 1, 200, NULL},
    {"pronouns", "your pronouns", FIELD_STRING, false, 0, 40, NULL},
    {"bio", "about you", FIELD_STRING, false, 0, 2000, NULL},
};

static void show_form(request *r, int status, const char *error, const field_value *typed)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id)};
    PGresult *res = typed ? NULL : db_run(r->db, "profile_own", ARRAY_SIZE(params), params);
    if (!typed && (!res || PQntuples(res) != 1)) {
        PQclear(res);
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Your profile" : "Your profile", "profile/edit.tpl");
    if (d) {
        /* After an error, what was typed; otherwise what is saved. */
        tpl_set(d, "DISPLAY_NAME", typed ? typed[0].str : db_text(res, 0, PO_DISPLAY_NAME));
        tpl_set(d, "PRONOUNS", typed ? typed[1].str : db_text(res, 0, PO_PRONOUNS));
        tpl_set(d, "BIO", typed ? typed[2].str : db_text(res, 0, PO_BIO));
        tpl_set(d, "USERNAME", r->user->username);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    PQclear(res);
    render_end(r, status);
}

void page_profile_edit(request *r)
{
    show_form(r, 200, NULL, NULL);
}

void page_profile_save(request *r)
{
    field_value v[3];
    const char *err;
    if (!form_validate(r, profile_fields, 3, v, &err)) {
        show_form(r, 400, err, v);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id),
                            v[0].str, v[1].str, v[2].str};
    if (!db_begin(r->db)) {
        render_error(r, 503, "The database is not answering. Try again in a minute.");
        return;
    }
    PGresult *res = db_run(r->db, "profile_save", ARRAY_SIZE(params), params);
    bool ok = res && audit(r, "profile_updated", r->user->id, 0, "changed their profile") &&
              db_commit(r->db);
    PQclear(res);
    if (!ok) {
        db_rollback(r->db);
        show_form(r, 503, "Your profile was not saved. Try again in a minute.", v);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/u/%s", r->user->username));
}
