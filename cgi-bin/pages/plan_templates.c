/* plan_templates: course templates for learning plans. A tutor writes
 * the common core of a cohort's plans (support and goals); each learner
 * of the cohort starts their plan from it and makes it their own. A plan
 * keeps the template as it was when it started (its version 0), so a
 * template changed or deleted later changes no plan, and what a learner
 * made of it can always be compared with it. Any tutor of the cohort may
 * change a template. */
#include <string.h>

#include "plans.h"

/* template_list: one row a template. */
enum {
    TL_ID,
    TL_TITLE,
    TL_COHORT,
    TL_AUTHOR,
    TL_UPDATED,
    TL_PLANS,
    TL_GOALS,
    TEMPLATE_LIST_COLUMNS
};
/* template_cohorts: one row a cohort. */
enum { CO_ID, CO_NAME, TEMPLATE_COHORTS_COLUMNS };
/* template_get: the template's fields, then from TG_GOALS plan_goals'
 * columns (PG_*). */
enum {
    TG_TITLE,
    TG_COHORT,
    TG_SUPPORT,
    TG_GOALS,
    TEMPLATE_GET_COLUMNS = TG_GOALS + PLAN_GOALS_COLUMNS
};
/* template_dates_ok: whether the dates may be. */
enum { TD_OK, TEMPLATE_DATES_OK_COLUMNS };

// clang-format off
const db_statement plan_template_statements[] = {
    /* The templates of the cohorts $1 teaches, with how many plans each
     * started. */
    {"template_list",
     "SELECT t.id, t.title, c.name, u.display_name, to_char(t.updated_at, '" SQL_DAY "'),"
     "       (SELECT count(*) FROM plans p WHERE p.template_id = t.id),"
     "       jsonb_array_length(t.content->'goals')"
     "  FROM plan_templates t JOIN cohorts c ON c.id = t.cohort_id"
     "  JOIN users u ON u.id = t.author_id"
     " WHERE t.cohort_id IN (SELECT cohort_id FROM memberships"
     "                        WHERE user_id = $1 AND role = 'tutor')"
     " ORDER BY c.name, t.title",
     TEMPLATE_LIST_COLUMNS},
    /* The cohorts $1 teaches, to write a template for. */
    {"template_cohorts", "SELECT c.id, c.name FROM cohorts c JOIN memberships m"
                         "    ON m.cohort_id = c.id AND m.user_id = $1 AND m.role = 'tutor'"
                         " ORDER BY c.name",
     TEMPLATE_COHORTS_COLUMNS},
    /* Template $1 to edit, if $2 teaches its cohort: its fields, then its
     * goals as plan_goals gives a version's (from column 4). */
    {"template_get",
     "SELECT t.title, t.cohort_id, t.content->>'support', 0, e.i, e.g->>'title',"
     "       e.g->>'criteria', e.g->>'target', e.g->>'activities', e.g->>'assessment', e.g->>'key'"
     "  FROM plan_templates t JOIN memberships m ON m.cohort_id = t.cohort_id"
     "   AND m.user_id = $2 AND m.role = 'tutor'"
     "  LEFT JOIN LATERAL jsonb_array_elements(t.content->'goals') WITH ORDINALITY AS e(g, i)"
     "    ON true"
     " WHERE t.id = $1 ORDER BY e.i",
     TEMPLATE_GET_COLUMNS},
    /* A template for cohort $3 by $2, if they teach it ($1 is '': the
     * parameters are those of template_update). */
    {"template_insert",
     "INSERT INTO plan_templates (institution_id, cohort_id, title, content, author_id)"
     " SELECT c.institution_id, c.id, $4, jsonb_build_object('support', $5::text, 'goals', "
     PLAN_GOALS_JSON("$6", "$7", "$8", "$9", "$10", "$11") "), $2"
     "   FROM cohorts c JOIN memberships m ON m.cohort_id = c.id AND m.user_id = $2"
     "    AND m.role = 'tutor' WHERE c.id = $3 AND $1 = '' RETURNING id",
     1},
    /* Template $1 rewritten by $2, a tutor of its cohort (which may
     * become $3, another they teach). */
    {"template_update",
     "UPDATE plan_templates t SET title = $4, updated_at = now(), author_id = $2, cohort_id = $3,"
     "       content = jsonb_build_object('support', $5::text, 'goals', "
     PLAN_GOALS_JSON("$6", "$7", "$8", "$9", "$10", "$11") ")"
     "  FROM memberships m, memberships n"
     " WHERE t.id = $1::bigint"
     "   AND m.cohort_id = t.cohort_id AND m.user_id = $2 AND m.role = 'tutor'"
     "   AND n.cohort_id = $3 AND n.user_id = $2 AND n.role = 'tutor' RETURNING t.id",
     1},
    {"template_delete", "DELETE FROM plan_templates t USING memberships m"
                        " WHERE t.id = $1 AND m.cohort_id = t.cohort_id AND m.user_id = $2"
                        "   AND m.role = 'tutor' RETURNING t.id",
     1},
    /* Whether every target date ($1) is today or later. */
    {"template_dates_ok", "SELECT coalesce(bool_and(d >= current_date), true)"
                          "  FROM unnest($1::date[]) d",
     TEMPLATE_DATES_OK_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define NO_TEMPLATE "There is no such template, or it is not for a group you teach."

enum { F_TITLE, F_COHORT, F_SUPPORT, F_GOALS, N_FIELDS = F_GOALS + N_GOAL_FIELDS + 1 };
static const field_spec template_fields[N_FIELDS] = {
    [F_TITLE] = {"title", "the template's name", FIELD_STRING, true, 1, 200, NULL},
    [F_COHORT] = {"cohort", "the group", FIELD_ID, true, 0, 0, NULL},
    [F_SUPPORT] = {"support", "the support", FIELD_STRING, false, 0, 5000, NULL},
    PLAN_GOAL_FIELD_SPECS,
};

/* GET /plans/templates: the templates of the groups I teach. */
void page_template_list(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "template_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Course templates", "plans/templates.tpl");
    const http_field *done = req_query(r, "done");
    if (d && done)
        tpl_set(tpl_add_section(d, "DONE"), "MESSAGE",
                strcmp(done->value, "deleted") == 0
                    ? "The template was deleted. Plans started from it keep their copy."
                    : "The template was saved. Plans started from it before keep the copy they "
                      "started from.");
    if (d) {
        tpl_dict *table = PQntuples(res) ? tpl_add_section(d, "TABLE") : NULL;
        for (int i = 0; i < PQntuples(res); i++) {
            tpl_dict *t = tpl_add_section(table, "TEMPLATE");
            static const char *const names[TEMPLATE_LIST_COLUMNS] = {
                [TL_ID] = "ID",         [TL_TITLE] = "TITLE",     [TL_COHORT] = "COHORT",
                [TL_AUTHOR] = "AUTHOR", [TL_UPDATED] = "UPDATED", [TL_PLANS] = "PLANS",
                [TL_GOALS] = "GOALS"};
            for (int k = 0; k < TEMPLATE_LIST_COLUMNS; k++)
                tpl_set(t, names[k], db_text(res, i, k));
        }
        if (!PQntuples(res))
            tpl_show(d, "NONE");
    }
    render_end(r, 200);
    PQclear(res);
}

/* What the form shows: a new template (id NULL) or one being changed,
 * from the database (saved: template_get) or as typed. */
typedef struct {
    const char *id;
    const PGresult *saved;
    const field_value *typed;
    const goal_input *typed_goals;
    const char *error, *field;
} template_form;

static void fill_cohorts(request *r, tpl_dict *d, const char *chosen)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *cohorts = db_run(r->db, "template_cohorts", ARRAY_SIZE(params), params);
    for (int i = 0; cohorts && i < PQntuples(cohorts); i++) {
        tpl_dict *c = tpl_add_section(d, "COHORT");
        tpl_set(c, "ID", db_text(cohorts, i, CO_ID));
        tpl_set(c, "NAME", db_text(cohorts, i, CO_NAME));
        if (strcmp(chosen, db_text(cohorts, i, CO_ID)) == 0)
            tpl_show(c, "SELECTED");
    }
    PQclear(cohorts);
}

static void show_template_form(request *r, int status, const template_form *f)
{
    const char *heading = f->id ? "Change a course template" : "Write a course template";
    tpl_dict *d = render_begin(r, f->error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "plans/template_form.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    tpl_set(d, "HEADING", heading);
    if (f->error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "MESSAGE", f->error);
        tpl_set(e, "FIELD", f->field ? f->field : "title");
    }
    const field_value *t = f->typed;
    const PGresult *s = f->saved;
    tpl_set(d, "ACTION",
            f->id ? arena_printf(r->mem, "/plans/templates/%s", f->id) : "/plans/templates");
    if (f->id)
        tpl_set(tpl_add_section(d, "EDITING"), "ID", f->id);
    tpl_set(d, "TITLE", t ? t[F_TITLE].str : s ? db_text(s, 0, TG_TITLE) : "");
    tpl_set(d, "SUPPORT", t ? t[F_SUPPORT].str : s ? db_text(s, 0, TG_SUPPORT) : "");
    fill_cohorts(r, d, t ? t[F_COHORT].str : s ? db_text(s, 0, TG_COHORT) : "");
    /* template_get's goal columns start at TG_GOALS, laid out as
     * plan_goals': read them through a result offset by hand. */
    goal_input saved = {0};
    for (int i = 0; s && !t && i < PQntuples(s); i++) {
        if (PQgetisnull(s, i, TG_GOALS + PG_INDEX))
            continue;
        for (int k = 0; k < N_GOAL_FIELDS; k++)
            saved.v[k][saved.n] = db_text(s, i, TG_GOALS + PG_TITLE + k);
        saved.key[saved.n++] = db_text(s, i, TG_GOALS + PG_KEY);
    }
    plan_fill_goal_fields(tpl_include(d, "GOAL_FIELDS", "plans/goal_fields.tpl"),
                          t ? f->typed_goals : &saved, NULL, "0");
    render_end(r, status);
}

void page_template_new(request *r)
{
    show_template_form(r, 200, &(template_form){0});
}

void page_template_edit(request *r)
{
    const char *params[] = {req_id_text(r, req_param_id(r, 0)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "template_get", ARRAY_SIZE(params), params);
    if (render_found(r, res, NO_TEMPLATE))
        show_template_form(r, 200, &(template_form){.id = params[0], .saved = res});
    PQclear(res);
}

/* Reads and checks the template form; *err and *field say what is wrong. */
static bool read_template(request *r, field_value *v, goal_input *g, const char **err,
                          const char **field, int *status)
{
    *status = 400;
    bool goals_ok = plan_read_goals(r, g, err, field);
    if (!form_validate(r, template_fields, N_FIELDS, v, err)) {
        *field = r->invalid_field;
        return false;
    }
    if (!goals_ok)
        return false;
    const char *params[] = {plan_targets_literal(r, g)};
    PGresult *res =
        params[0] ? db_run(r->db, "template_dates_ok", ARRAY_SIZE(params), params) : NULL;
    bool ok = res && plan_is(res, 0, TD_OK, "t");
    if (!ok) {
        *err = !res ? RENDER_DB_DOWN : "A target date is in the past: choose a date to come.";
        *field = "goal_target-1";
        *status = res ? 400 : 503;
    }
    PQclear(res);
    return ok;
}

/* POST /plans/templates (id NULL) or /plans/templates/:id: saves the
 * template, or shows the form again with everything typed. */
static void save_template(request *r, const char *id)
{
    field_value v[N_FIELDS];
    goal_input g = {0};
    const char *err, *field;
    if (id) { /* someone else's template: as if there were none */
        const char *params[] = {id, req_id_text(r, r->user->id)};
        PGresult *mine = db_run(r->db, "template_get", ARRAY_SIZE(params), params);
        bool found = render_found(r, mine, NO_TEMPLATE);
        PQclear(mine);
        if (!found)
            return;
    }
    int status;
    if (!read_template(r, v, &g, &err, &field, &status)) {
        show_template_form(r, status, &(template_form){id, NULL, v, &g, err, field});
        return;
    }
    const char *params[11] = {id ? id : "", req_id_text(r, r->user->id), v[F_COHORT].str,
                              v[F_TITLE].str, v[F_SUPPORT].str};
    PGresult *res = NULL;
    if (plan_goal_params(r, &g, params, 5))
        res = db_run(r->db, id ? "template_update" : "template_insert", ARRAY_SIZE(params), params);
    if (res && PQntuples(res))
        resp_redirect(r, "/plans/templates?done=saved");
    else
        show_template_form(
            r, res ? 400 : 503,
            &(template_form){id, NULL, v, &g,
                             res ? "Choose one of the groups you teach." : RENDER_DB_DOWN,
                             "cohort"});
    PQclear(res);
}

void page_template_create(request *r)
{
    save_template(r, NULL);
}

void page_template_update(request *r)
{
    save_template(r, req_id_text(r, req_param_id(r, 0)));
}

/* POST /plans/templates/:id/delete: plans started from it keep their
 * copy (their version 0). */
void page_template_delete(request *r)
{
    const char *params[] = {req_id_text(r, req_param_id(r, 0)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "template_delete", ARRAY_SIZE(params), params);
    if (render_found(r, res, NO_TEMPLATE))
        resp_redirect(r, "/plans/templates?done=deleted");
    PQclear(res);
}
