/* leadership_goals: the development side of a leadership plan. Goals in
 * SMART form, each linked to the profile results it responds to and
 * given a theme; development activities (courses, coaching, shadowing,
 * projects, reading) with status and dates; dated reflections in
 * Markdown; evidence from the owner's portfolio, which the plan's readers
 * then see. Only the owner writes them, while the plan's year lasts. */
#include <stdlib.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/richtext.h"
#include "leadership.h"

#define MAX_LINKED 40
#define ACTIVITY_FORM "leadership/activity_form.tpl"

// clang-format off
/* The goal $2 of plan $1 belongs to it ($2 '' for none): a WHERE part. */
#define GOAL_OF_PLAN(goal)                                                                         \
    "(" goal " = '' OR EXISTS (SELECT 1 FROM leadership_goals"                                     \
    "  WHERE id = nullif(" goal ", '')::bigint AND plan_id = $1))"

/* lp_themes: one row a theme to choose. */
enum { TH_ID, TH_NAME, LP_THEMES_COLUMNS };
/* lp_result_choices: one row a result to choose. */
enum { RC_ID, RC_NAME, LP_RESULT_CHOICES_COLUMNS };
/* lp_goal_insert and lp_goal_update: the goal. */
enum { GI_ID, LP_GOAL_INSERT_COLUMNS };
/* lp_goal_values: the goal's fields as its form has them (GV_TITLE to
 * GV_THEME in the order of the form's G_TITLE to G_THEME), one row a
 * linked result. */
enum {
    GV_ID,
    GV_TITLE,
    GV_SPECIFIC,
    GV_MEASURABLE,
    GV_ACHIEVABLE,
    GV_RELEVANT,
    GV_DUE,
    GV_THEME, /* "" for none */
    GV_RESULT, /* "" for none */
    LP_GOAL_VALUES_COLUMNS
};
/* lp_evidence: one row a piece of evidence in the plan. */
enum {
    EV_ID,
    EV_GOAL_ID, /* "0" for none */
    EV_TITLE,
    EV_KIND,
    EV_BODY_HTML,
    EV_URL,
    EV_FILE_ID, /* "0" for none */
    EV_FILENAME,
    EV_GOAL,
    LP_EVIDENCE_COLUMNS
};
/* lp_my_evidence: one row a piece of the owner's evidence to choose. */
enum { ME_ID, ME_TITLE, LP_MY_EVIDENCE_COLUMNS };
/* lp_activity_choices: one row an activity to choose. */
enum { AH_ID, AH_TITLE, LP_ACTIVITY_CHOICES_COLUMNS };

const db_statement leadership_goal_statements[] = {
    {"lp_themes",
     "SELECT id, name FROM leadership_themes WHERE institution_id = $1 AND NOT archived"
     " ORDER BY name", LP_THEMES_COLUMNS},
    /* The results of plan $1 a goal may respond to. */
    {"lp_result_choices",
     "SELECT r.id, i.name || ', ' || to_char(r.taken_on, '" SQL_DAY "')"
     "  FROM profile_results r JOIN instruments i ON i.id = r.instrument_id"
     " WHERE r.plan_id = $1 ORDER BY r.taken_on DESC, r.id DESC", LP_RESULT_CHOICES_COLUMNS},
    /* A goal in plan $1 (college $2): title, the SMART parts, due date,
     * theme (one of the college's in use, or ''). */
    {"lp_goal_insert",
     "INSERT INTO leadership_goals (plan_id, institution_id, title, specific, measurable,"
     "                              achievable, relevant, due_on, theme_id)"
     " SELECT $1, $2, $3, $4, $5, $6, $7, $8::date, nullif($9, '')::bigint"
     "  WHERE $9 = '' OR EXISTS (SELECT 1 FROM leadership_themes WHERE id = nullif($9, '')::bigint"
     "                             AND institution_id = $2 AND NOT archived)"
     " RETURNING id", LP_GOAL_INSERT_COLUMNS},
    /* Goal $2 of plan $1 changed: as lp_goal_insert, $10 the goal. */
    {"lp_goal_update",
     "UPDATE leadership_goals SET title = $3, specific = $4, measurable = $5, achievable = $6,"
     "       relevant = $7, due_on = $8::date, theme_id = nullif($9, '')::bigint,"
     "       updated_at = now()"
     " WHERE plan_id = $1 AND id = $10::bigint AND $2::bigint IS NOT NULL"
     "   AND ($9 = '' OR EXISTS (SELECT 1 FROM leadership_themes"
     "                            WHERE id = nullif($9, '')::bigint AND institution_id = $2"
     "                              AND (NOT archived OR id = leadership_goals.theme_id)))"
     " RETURNING id", LP_GOAL_INSERT_COLUMNS},
    /* Goal $2's fields as its form shows them, one row a linked result. */
    {"lp_goal_values",
     "SELECT g.id, g.title, g.specific, g.measurable, g.achievable, g.relevant,"
     "       to_char(g.due_on, 'YYYY-MM-DD'), coalesce(g.theme_id::text, ''),"
     "       coalesce(gr.result_id::text, '')"
     "  FROM leadership_goals g LEFT JOIN leadership_goal_results gr ON gr.goal_id = g.id"
     " WHERE g.plan_id = $1 AND g.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END",
     LP_GOAL_VALUES_COLUMNS},
    {"lp_goal_unlink_results",
     "DELETE FROM leadership_goal_results gr USING leadership_goals g"
     " WHERE gr.goal_id = $2::bigint AND g.id = gr.goal_id AND g.plan_id = $1", 0},
    /* Links goal $2 to results $3 of plan $1: those that are the plan's. */
    {"lp_goal_link_results",
     "INSERT INTO leadership_goal_results (goal_id, result_id)"
     " SELECT $2, r.id FROM profile_results r WHERE r.plan_id = $1 AND r.id = ANY($3::bigint[])"
     " RETURNING result_id", 1},
    {"lp_goal", LP_GOAL_COLUMNS
     " WHERE g.plan_id = $1 AND g.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END",
     GC_N_COLUMNS},
    {"lp_goal_activities",
     "SELECT a.id, coalesce(a.goal_id, 0), a.kind, a.title, a.details, a.status,"
     "       coalesce(to_char(a.starts_on, '" SQL_DAY "'), ''),"
     "       coalesce(to_char(a.ends_on, '" SQL_DAY "'), ''),"
     "       coalesce(a.ends_on < current_date AND a.status IN ('planned', 'in_progress'), false)"
     "  FROM leadership_activities a WHERE a.plan_id = $1 AND a.goal_id = $2::bigint"
     " ORDER BY a.starts_on NULLS LAST, a.id", LP_ACTIVITIES_COLUMNS},
    {"lp_goal_reflections",
     "SELECT f.id, to_char(f.written_on, '" SQL_DAY "'), '', coalesce(a.title, ''), f.body_html"
     "  FROM leadership_reflections f LEFT JOIN leadership_activities a ON a.id = f.activity_id"
     " WHERE f.plan_id = $1 AND (f.goal_id = $2::bigint OR a.goal_id = $2::bigint)"
     " ORDER BY f.written_on DESC, f.id DESC", LP_REFLECTIONS_COLUMNS},
    {"lp_goal_status",
     "UPDATE leadership_goals SET status = $3, updated_at = now()"
     " WHERE plan_id = $1 AND id = $2::bigint RETURNING id", 1},
    /* Evidence in plan $1: its link, goal, the piece and its file. */
    {"lp_evidence",
     "SELECT le.id, coalesce(le.goal_id, 0), e.title, e.kind, e.body_html, coalesce(e.url, ''),"
     "       coalesce(f.id, 0), coalesce(f.filename, ''), coalesce(g.title, '')"
     "  FROM leadership_evidence le JOIN evidence e ON e.id = le.evidence_id"
     "  LEFT JOIN files f ON f.id = e.file_id"
     "  LEFT JOIN leadership_goals g ON g.id = le.goal_id"
     " WHERE le.plan_id = $1 ORDER BY le.id", LP_EVIDENCE_COLUMNS},
    /* The owner $1's evidence, to choose from. */
    {"lp_my_evidence",
     "SELECT id, title FROM evidence WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT 200",
     LP_MY_EVIDENCE_COLUMNS},
    /* Puts evidence $3 of the plan's owner $4 in plan $1 for goal $2. */
    {"lp_evidence_add",
     "INSERT INTO leadership_evidence (plan_id, institution_id, goal_id, evidence_id)"
     " SELECT $1, e.institution_id, nullif($2, '')::bigint, e.id FROM evidence e"
     "  WHERE e.id = $3 AND e.owner_id = $4 AND " GOAL_OF_PLAN("$2")
     " ON CONFLICT DO NOTHING RETURNING id", 1},
    {"lp_evidence_remove",
     "DELETE FROM leadership_evidence WHERE plan_id = $1 AND id = $2 RETURNING id", 1},
    /* An activity in plan $1 (college $2), for goal $3 or none. */
    {"lp_activity_insert",
     "INSERT INTO leadership_activities (plan_id, institution_id, goal_id, kind, title, details,"
     "                                   starts_on, ends_on)"
     " SELECT $1, $2, nullif($3, '')::bigint, $4, $5, $6, nullif($7, '')::date,"
     "        nullif($8, '')::date WHERE " GOAL_OF_PLAN("$3") " RETURNING id", 1},
    {"lp_activity_status",
     "UPDATE leadership_activities SET status = $3, updated_at = now()"
     " WHERE plan_id = $1 AND id = $2 RETURNING coalesce(goal_id, 0)", 1},
    /* The activities of plan $1, to write a reflection on. */
    {"lp_activity_choices",
     "SELECT id, title FROM leadership_activities WHERE plan_id = $1 ORDER BY id",
     LP_ACTIVITY_CHOICES_COLUMNS},
    /* A reflection in plan $1 (college $2) on goal $3 and/or activity $4. */
    {"lp_reflection_insert",
     "INSERT INTO leadership_reflections (plan_id, institution_id, goal_id, activity_id,"
     "                                    written_on, body_md, body_html)"
     " SELECT $1, $2, nullif($3, '')::bigint, nullif($4, '')::bigint, $5::date, $6, $7"
     "  WHERE " GOAL_OF_PLAN("$3")
     "    AND ($4 = '' OR EXISTS (SELECT 1 FROM leadership_activities"
     "                             WHERE id = nullif($4, '')::bigint AND plan_id = $1))"
     " RETURNING id", 1},
    {NULL, NULL},
};
// clang-format on

#define NO_GOAL "There is no such goal in this plan."

/* ------------------------------------------------------------ evidence */

void lp_fill_evidence(tpl_dict *d, const PGresult *res, const char *goal_id, bool removable)
{
    int n = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        if (goal_id && strcmp(db_text(res, i, EV_GOAL_ID), goal_id) != 0)
            continue;
        tpl_dict *e = tpl_add_section(d, "EVIDENCE");
        tpl_set(e, "LINK_ID", db_text(res, i, EV_ID));
        tpl_set(e, "TITLE", db_text(res, i, EV_TITLE));
        /* body_html was sanitised when the evidence was saved (richtext). */
        tpl_set_html(e, "BODY_HTML", html_from_db(db_text(res, i, EV_BODY_HTML)));
        if (*db_text(res, i, EV_URL))
            tpl_set(tpl_add_section(e, "URL"), "HREF", db_text(res, i, EV_URL));
        if (strcmp(db_text(res, i, EV_FILE_ID), "0") != 0) {
            tpl_dict *f = tpl_add_section(e, "FILE");
            tpl_set(f, "FILE_ID", db_text(res, i, EV_FILE_ID));
            tpl_set(f, "FILENAME", db_text(res, i, EV_FILENAME));
        }
        if (!goal_id && *db_text(res, i, EV_GOAL))
            tpl_set(tpl_add_section(e, "FOR_GOAL"), "GOAL", db_text(res, i, EV_GOAL));
        if (removable)
            tpl_show(e, "REMOVABLE");
        n++;
    }
    if (!n)
        tpl_show(d, "NO_EVIDENCE");
}

/* ------------------------------------------------------------ goals */

enum {
    G_TITLE,
    G_SPECIFIC,
    G_MEASURABLE,
    G_ACHIEVABLE,
    G_RELEVANT,
    G_DUE,
    G_THEME,
    G_RESULT,
    G_WAS_DUE,
    N_GOAL
};
static const field_spec goal_fields[N_GOAL] = {
    [G_TITLE] = {"title", "the goal", FIELD_STRING, true, 1, 200, NULL},
    [G_SPECIFIC] = {"specific", "what exactly you will do (specific)", FIELD_STRING, true, 1, 2000,
                    NULL},
    [G_MEASURABLE] = {"measurable", "how you will know (measurable)", FIELD_STRING, true, 1, 2000,
                      NULL},
    [G_ACHIEVABLE] = {"achievable", "why it is within reach (achievable)", FIELD_STRING, true, 1,
                      2000, NULL},
    [G_RELEVANT] = {"relevant", "why it matters (relevant)", FIELD_STRING, true, 1, 2000, NULL},
    [G_DUE] = {"due_on", "the date to achieve it by (time-bound)", FIELD_DATE, true, 0, 0, NULL},
    [G_THEME] = {"theme", "the theme", FIELD_ID, false, 0, 0, NULL},
    [G_RESULT] = {"result", "a result", FIELD_ID, false, 0, 0, NULL},
    [G_WAS_DUE] = {"was_due", "the date it had", FIELD_DATE, false, 0, 0, NULL},
};

static bool chosen(const char *id, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(id, list[i]) == 0)
            return true;
    return false;
}

/* The form for a new goal (goal NULL) or a change to goal, with what was
 * typed (v, results) or, for a change not yet sent, what it holds. */
static void show_goal_form(request *r, const PGresult *head, int status, const char *goal,
                           const field_value *v, const char *const *results, int n_results,
                           const char *error, const char *field)
{
    const char *a[] = {req_id_text(r, r->user->institution_id)}, *b[] = {db_text(head, 0, LH_ID)};
    const db_call calls[] = {{"lp_themes", ARRAY_SIZE(a), a},
                             {"lp_result_choices", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
        goto out;
    }
    const char *heading = goal ? "Change the goal" : "Set a development goal";
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "leadership/goal_form.tpl");
    if (d) {
        tpl_set(d, "ID", b[0]);
        tpl_set(d, "HEADING", heading);
        tpl_set(d, "ACTION", goal ? arena_printf(r->mem, "/goals/%s", goal) : "/goals");
        tpl_set(d, "BUTTON", goal ? "Save the goal" : "Set the goal");
        tpl_set(d, "BACK", goal ? arena_printf(r->mem, "/goals/%s", goal) : "#goals");
        if (goal)
            tpl_set(tpl_add_section(d, "CHANGE"), "WAS_DUE", v ? v[G_WAS_DUE].str : "");
        static const char *const names[] = {"TITLE",      "SPECIFIC", "MEASURABLE",
                                            "ACHIEVABLE", "RELEVANT", "DUE"};
        for (int i = 0; i < 6; i++)
            tpl_set(d, names[i], v ? v[i].str : "");
        for (int i = 0; i < PQntuples(res[0]); i++) {
            tpl_dict *t = tpl_add_section(d, "THEME");
            tpl_set(t, "THEME_ID", db_text(res[0], i, TH_ID));
            tpl_set(t, "NAME", db_text(res[0], i, TH_NAME));
            if (v && strcmp(v[G_THEME].str, db_text(res[0], i, TH_ID)) == 0)
                tpl_show(t, "SELECTED");
        }
        for (int i = 0; i < PQntuples(res[1]); i++) {
            tpl_dict *o = tpl_add_section(d, "RESULT");
            tpl_set(o, "RESULT_ID", db_text(res[1], i, RC_ID));
            tpl_set(o, "NAME", db_text(res[1], i, RC_NAME));
            if (chosen(db_text(res[1], i, RC_ID), results, n_results))
                tpl_show(o, "CHECKED");
        }
        if (PQntuples(res[1]))
            tpl_show(d, "ANY_RESULTS");
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "title");
        }
    }
    render_end(r, status);
out:
    PQclear(res[0]);
    PQclear(res[1]);
}

/* GET /leadership/plans/:id/goals/new */
void page_leadership_goal_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head))
        show_goal_form(r, head, 200, NULL, NULL, NULL, 0, NULL, NULL);
    lp_release(r, head);
}

/* GET /leadership/plans/:id/goals/:goal/edit: the goal as it stands. */
void page_leadership_goal_edit(request *r)
{
    const PGresult *head = lp_find(r);
    PGresult *g = NULL;
    if (head && lp_owner_may_write(r, head) &&
        render_found(r,
                     g = db_run(r->db, "lp_goal_values", 2,
                                (const char *[]){db_text(head, 0, LH_ID), r->params[1]}),
                     NO_GOAL)) {
        field_value v[N_GOAL] = {{0}};
        _Static_assert(G_TITLE == 0 && GV_THEME - GV_TITLE == G_THEME - G_TITLE,
                       "lp_goal_values has the form's fields in its order");
        for (int i = 0; i <= G_THEME; i++)
            v[i].str = db_text(g, 0, i + GV_TITLE), v[i].present = *v[i].str != '\0';
        v[G_RESULT].str = "", v[G_WAS_DUE] = v[G_DUE];
        const char *results[MAX_LINKED];
        int n = 0;
        for (int i = 0; i < PQntuples(g) && n < MAX_LINKED; i++)
            if (*db_text(g, i, GV_RESULT))
                results[n++] = db_text(g, i, GV_RESULT);
        show_goal_form(r, head, 200, db_text(g, 0, GV_ID), v, results, n, NULL, NULL);
    }
    PQclear(g);
    lp_release(r, head);
}

/* Saves goal v (new, or a change to goal) linked to results: its id, ""
 * when a theme or result is not one it may use (or the goal is not the
 * plan's), NULL when the database failed. */
static const char *save_goal(request *r, const PGresult *head, const char *goal,
                             const field_value *v, const char *const *results, int n_results)
{
    const char *plan = db_text(head, 0, LH_ID);
    const char *params[] = {plan,
                            req_id_text(r, r->user->institution_id),
                            v[G_TITLE].str,
                            v[G_SPECIFIC].str,
                            v[G_MEASURABLE].str,
                            v[G_ACHIEVABLE].str,
                            v[G_RELEVANT].str,
                            v[G_DUE].str,
                            v[G_THEME].str,
                            goal};
    PGresult *res = NULL, *links = NULL, *old = NULL;
    const char *id = NULL;
    if (!db_begin(r->db) ||
        !(res = db_run(r->db, goal ? "lp_goal_update" : "lp_goal_insert", goal ? 10 : 9, params)))
        goto out;
    id = PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, GI_ID)) : "";
    const char *l[] = {plan, id, arena_pg_array(r->mem, results, (size_t)n_results)};
    if (*id && goal && !(old = db_run(r->db, "lp_goal_unlink_results", 2, l)))
        id = NULL;
    else if (*id && n_results && !(links = db_run(r->db, "lp_goal_link_results", ARRAY_SIZE(l), l)))
        id = NULL;
    else if (*id && n_results && PQntuples(links) != n_results)
        id = "";
out:
    if (id && *id &&
        audit(r, goal ? "leadership_goal_changed" : "leadership_goal_set", r->user->id, 0, plan) &&
        db_commit(r->db)) {
        PQclear(res), PQclear(links), PQclear(old);
        return id;
    }
    db_rollback(r->db);
    PQclear(res), PQclear(links), PQclear(old);
    return id && !*id ? "" : NULL;
}

/* A new SMART goal, or a change to goal: every part asked for, a date
 * today or later (a change may keep the date it had), results of this
 * plan; else 400 with everything typed kept. */
static void goal_post(request *r, const char *goal)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[N_GOAL];
    const char *err = NULL, *field = NULL, *results[MAX_LINKED];
    int n_results = req_body_all(r, "result", results, MAX_LINKED);
    const http_field *was = req_body(r, "was_due");
    if (!form_validate(r, goal_fields, N_GOAL, v, &err))
        field = r->invalid_field;
    else if (strcmp(v[G_DUE].str, db_text(head, 0, LH_TODAY)) < 0 &&
             !(goal && was && strcmp(was->value, v[G_DUE].str) == 0))
        err = "The date to achieve it by must be today or later.", field = "due_on";
    const char *id = err ? NULL : save_goal(r, head, goal, v, results, n_results);
    if (!err && id && !*id)
        err = "Choose a theme and results from the lists: one of them is not this plan's.",
        field = "theme";
    if (err)
        show_goal_form(r, head, 400, goal, v, results, n_results, err, field);
    else if (!id)
        render_db_failed(r);
    else
        resp_redirect(r, lp_path(r, head, arena_printf(r->mem, "/goals/%s", id)));
    lp_release(r, head);
}

/* POST /leadership/plans/:id/goals */
void page_leadership_goal_create(request *r)
{
    goal_post(r, NULL);
}

/* POST /leadership/plans/:id/goals/:goal: the goal changed. */
void page_leadership_goal_update(request *r)
{
    goal_post(r, req_id_text(r, req_param_id(r, 1)));
}

static const char *const goal_statuses[] = {"not_started", "in_progress", "achieved", "dropped",
                                            NULL};
static const char *const activity_statuses[] = {"planned", "in_progress", "done", "cancelled",
                                                NULL};

/* GET /leadership/plans/:id/goals/:goal: the goal, its activities,
 * reflections and evidence; the owner changes them here. */
void page_leadership_goal(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head)
        return;
    const char *plan = db_text(head, 0, LH_ID), *goal = r->params[1];
    bool writer = lp_side(head, "owner") && strcmp(db_text(head, 0, LH_OPEN), "t") == 0;
    const char *a[] = {plan, goal}, *b[] = {plan}, *c[] = {req_id_text(r, r->user->id)};
    const db_call calls[] = {{"lp_goal", ARRAY_SIZE(a), a},
                             {"lp_evidence", ARRAY_SIZE(b), b},
                             {"lp_my_evidence", ARRAY_SIZE(c), c}};
    PGresult *res[5] = {NULL};
    bool ok = db_run_pipeline(r->db, writer ? 3 : 2, calls, res);
    if (ok && !PQntuples(res[0])) {
        render_error(r, 404, NO_GOAL);
        goto out;
    }
    const char *id = ok ? db_text(res[0], 0, GC_ID) : NULL;
    const char *g[] = {plan, id};
    const db_call more[] = {{"lp_goal_activities", ARRAY_SIZE(g), g},
                            {"lp_goal_reflections", ARRAY_SIZE(g), g}};
    if (!ok || !db_run_pipeline(r->db, 2, more, res + 3)) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d = render_begin(r, db_text(res[0], 0, GC_TITLE), "leadership/goal.tpl");
    if (d) {
        tpl_set(d, "ID", plan);
        tpl_set(d, "OWNER", db_text(head, 0, LH_OWNER));
        tpl_set(d, "YEAR", db_text(head, 0, LH_YEAR));
        lp_fill_goal(d, res[0], 0);
        if (writer)
            lp_fill_choices(d, goal_statuses, lp_goal_status_label, db_text(res[0], 0, GC_STATUS));
        for (int i = 0; i < PQntuples(res[3]); i++) {
            tpl_dict *act = tpl_add_section(d, "ACTIVITY");
            lp_fill_activity(r, act, res[3], i);
            if (writer)
                lp_fill_choices(tpl_add_section(act, "CHANGE"), activity_statuses,
                                lp_activity_status_label, db_text(res[3], i, AC_STATUS));
        }
        if (!PQntuples(res[3]))
            tpl_show(d, "NO_ACTIVITIES");
        lp_fill_reflections(d, res[4]);
        lp_fill_evidence(d, res[1], id, writer);
        if (writer) {
            tpl_dict *w = tpl_add_section(d, "WRITER");
            tpl_set(w, "ID", plan);
            tpl_set(w, "GOAL_ID", id);
            for (int i = 0; i < PQntuples(res[2]); i++) {
                tpl_dict *e = tpl_add_section(w, "MY_EVIDENCE");
                tpl_set(e, "EVIDENCE_ID", db_text(res[2], i, ME_ID));
                tpl_set(e, "TITLE", db_text(res[2], i, ME_TITLE));
            }
            tpl_show(w, PQntuples(res[2]) ? "ANY_EVIDENCE" : "NO_PORTFOLIO");
        }
    }
    render_end(r, 200);
out:
    for (int i = 0; i < 5; i++)
        PQclear(res[i]);
    lp_release(r, head);
}

/* Where a change made on a goal's page goes back to: the goal named in
 * the form's address (?goal=N), else the plan's page (NULL). */
static const char *back_to_goal(request *r, const PGresult *head)
{
    const http_field *goal = req_query(r, "goal");
    long long id = goal ? strtoll(goal->value, NULL, 10) : 0;
    return id > 0 ? lp_path(r, head, arena_printf(r->mem, "/goals/%lld", id)) : NULL;
}

/* A change the owner makes with one field of the form (spec): statement
 * runs with the path's second id and the field's value, and refusal answers
 * when it changes nothing; the browser goes back to `to` (NULL: the plan). */
static void one_field_change(request *r, const field_spec *spec, const char *statement,
                             const char *refusal, const char *to)
{
    const PGresult *head = lp_find(r);
    field_value v[1];
    const char *err;
    if (head && lp_owner_may_write(r, head)) {
        if (!form_validate(r, spec, 1, v, &err)) {
            render_error(r, 400, err);
        } else {
            const char *extra[] = {req_id_text(r, req_param_id(r, 1)), v[0].str};
            lp_change(r, head, statement, ARRAY_SIZE(extra), extra, refusal,
                      to ? lp_path(r, head, to) : back_to_goal(r, head));
        }
    }
    lp_release(r, head);
}

static const field_spec status_fields[] = {
    {"status", "the status", FIELD_ENUM, true, 0, 0, goal_statuses},
};

/* POST /leadership/plans/:id/goals/:goal/status */
void page_leadership_goal_status(request *r)
{
    one_field_change(r, status_fields, "lp_goal_status", NO_GOAL,
                     arena_printf(r->mem, "/goals/%lld", req_param_id(r, 1)));
}

/* ------------------------------------------------------------ evidence */

static const field_spec evidence_fields[] = {
    {"evidence", "the evidence", FIELD_ID, true, 0, 0, NULL},
};

/* POST /leadership/plans/:id/goals/:goal/evidence: one of my pieces of
 * evidence, shown with the goal to the plan's readers. */
void page_leadership_evidence_add(request *r)
{
    const PGresult *head = lp_find(r);
    field_value v[1];
    const char *err;
    if (head && lp_owner_may_write(r, head)) {
        if (!form_validate(r, evidence_fields, 1, v, &err)) {
            render_error(r, 400, err);
        } else {
            const char *goal = req_id_text(r, req_param_id(r, 1));
            const char *extra[] = {goal, v[0].str, req_id_text(r, r->user->id)};
            lp_change(r, head, "lp_evidence_add", ARRAY_SIZE(extra), extra,
                      "That evidence is not in your portfolio, or is with this goal already.",
                      lp_path(r, head, arena_printf(r->mem, "/goals/%s", goal)));
        }
    }
    lp_release(r, head);
}

/* POST /leadership/plans/:id/evidence/:link/remove */
void page_leadership_evidence_remove(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head)) {
        const char *extra[] = {req_id_text(r, req_param_id(r, 1))};
        lp_change(r, head, "lp_evidence_remove", ARRAY_SIZE(extra), extra,
                  "That evidence is not in this plan.", back_to_goal(r, head));
    }
    lp_release(r, head);
}

/* ------------------------------------------------------------ activities */

static const char *const activity_kinds[] = {"course",  "coaching", "shadowing", "project",
                                             "reading", "other",    NULL};
enum { A_GOAL, A_KIND, A_TITLE, A_DETAILS, A_STARTS, A_ENDS, N_ACTIVITY };
static const field_spec activity_fields[N_ACTIVITY] = {
    [A_GOAL] = {"goal", "the goal", FIELD_ID, false, 0, 0, NULL},
    [A_KIND] = {"kind", "the kind of activity", FIELD_ENUM, true, 0, 0, activity_kinds},
    [A_TITLE] = {"title", "the activity", FIELD_STRING, true, 1, 200, NULL},
    [A_DETAILS] = {"details", "the details", FIELD_STRING, false, 0, 2000, NULL},
    [A_STARTS] = {"starts_on", "the start date", FIELD_DATE, false, 0, 0, NULL},
    [A_ENDS] = {"ends_on", "the end date", FIELD_DATE, false, 0, 0, NULL},
};

/* The form for an activity or a reflection, with the plan's goals (and
 * activities) to choose from: template file, title, what was typed. */
static void show_choice_form(request *r, const PGresult *head, int status, const char *file,
                             const char *title, const char *const *typed, int n_typed,
                             const char *goal, const char *activity, const char *error,
                             const char *field)
{
    const char *a[] = {db_text(head, 0, LH_ID)};
    const db_call calls[] = {{"lp_goals", ARRAY_SIZE(a), a},
                             {"lp_activity_choices", ARRAY_SIZE(a), a}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", title) : title, file);
    if (d) {
        tpl_set(d, "ID", a[0]);
        tpl_set(d, "TODAY", db_text(head, 0, LH_TODAY));
        for (int i = 0; i < n_typed; i++)
            tpl_set(d, arena_printf(r->mem, "F%d", i), typed ? typed[i] : "");
        for (int i = 0; strcmp(file, ACTIVITY_FORM) == 0 && activity_kinds[i]; i++) {
            tpl_dict *k = tpl_add_section(d, "KIND");
            tpl_set(k, "VALUE", activity_kinds[i]);
            tpl_set(k, "LABEL", lp_activity_kind_label(activity_kinds[i]));
            if (strcmp(typed[1], activity_kinds[i]) == 0)
                tpl_show(k, "SELECTED");
        }
        for (int i = 0; i < PQntuples(res[0]); i++) {
            tpl_dict *g = tpl_add_section(d, "GOAL_CHOICE");
            tpl_set(g, "GOAL_ID", db_text(res[0], i, GC_ID));
            tpl_set(g, "TITLE", db_text(res[0], i, GC_TITLE));
            if (goal && strcmp(goal, db_text(res[0], i, GC_ID)) == 0)
                tpl_show(g, "SELECTED");
        }
        for (int i = 0; i < PQntuples(res[1]); i++) {
            tpl_dict *c = tpl_add_section(d, "ACTIVITY_CHOICE");
            tpl_set(c, "ACTIVITY_ID", db_text(res[1], i, AH_ID));
            tpl_set(c, "TITLE", db_text(res[1], i, AH_TITLE));
            if (activity && strcmp(activity, db_text(res[1], i, AH_ID)) == 0)
                tpl_show(c, "SELECTED");
        }
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "title");
        }
    }
    render_end(r, status);
out:
    PQclear(res[0]);
    PQclear(res[1]);
}

static const char *query_value(request *r, const char *name)
{
    const http_field *f = req_query(r, name);
    return f ? f->value : NULL;
}

/* GET /leadership/plans/:id/activities/new[?goal=N] */
void page_leadership_activity_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head)) {
        const char *kind[] = {"", "course"};
        show_choice_form(r, head, 200, ACTIVITY_FORM, "Add a development activity", kind, 2,
                         query_value(r, "goal"), NULL, NULL, NULL);
    }
    lp_release(r, head);
}

/* The typed activity, to show again: F0 goal, F1 kind, F2… the rest. */
static void activity_typed(const field_value *v, const char **typed)
{
    for (int i = 0; i < N_ACTIVITY; i++)
        typed[i] = v[i].str;
}

/* POST /leadership/plans/:id/activities */
void page_leadership_activity_create(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[N_ACTIVITY];
    const char *err = NULL, *field = NULL, *typed[N_ACTIVITY];
    if (!form_validate(r, activity_fields, N_ACTIVITY, v, &err))
        field = r->invalid_field;
    else if (v[A_STARTS].present && v[A_ENDS].present && strcmp(v[A_ENDS].str, v[A_STARTS].str) < 0)
        err = "The end date must be on or after the start date.", field = "ends_on";
    activity_typed(v, typed);
    if (err) {
        show_choice_form(r, head, 400, ACTIVITY_FORM, "Add a development activity", typed,
                         N_ACTIVITY, v[A_GOAL].str, NULL, err, field);
    } else {
        const char *extra[] = {req_id_text(r, r->user->institution_id),
                               v[A_GOAL].str,
                               v[A_KIND].str,
                               v[A_TITLE].str,
                               v[A_DETAILS].str,
                               v[A_STARTS].str,
                               v[A_ENDS].str};
        lp_change(r, head, "lp_activity_insert", ARRAY_SIZE(extra), extra, NO_GOAL,
                  v[A_GOAL].present
                      ? lp_path(r, head, arena_printf(r->mem, "/goals/%s", v[A_GOAL].str))
                      : lp_path(r, head, "#activities"));
    }
    lp_release(r, head);
}

static const field_spec activity_status_fields[] = {
    {"status", "the status", FIELD_ENUM, true, 0, 0, activity_statuses},
};

/* POST /leadership/plans/:id/activities/:activity/status */
void page_leadership_activity_status(request *r)
{
    one_field_change(r, activity_status_fields, "lp_activity_status",
                     "There is no such activity here.", NULL);
}

/* ------------------------------------------------------------ reflections */

enum { R_GOAL, R_ACTIVITY, R_WRITTEN, R_BODY, N_REFLECTION };
static const field_spec reflection_fields[N_REFLECTION] = {
    [R_GOAL] = {"goal", "the goal", FIELD_ID, false, 0, 0, NULL},
    [R_ACTIVITY] = {"activity", "the activity", FIELD_ID, false, 0, 0, NULL},
    [R_WRITTEN] = {"written_on", "the date", FIELD_DATE, true, 0, 0, NULL},
    [R_BODY] = {"body", "your reflection", FIELD_STRING, true, 1, 20000, NULL},
};

/* GET /leadership/plans/:id/reflections/new[?goal=N&activity=N] */
void page_leadership_reflection_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head)) {
        const char *typed[] = {"", "", db_text(head, 0, LH_TODAY), ""};
        show_choice_form(r, head, 200, "leadership/reflection_form.tpl", "Write a reflection",
                         typed, N_REFLECTION, query_value(r, "goal"), query_value(r, "activity"),
                         NULL, NULL);
    }
    lp_release(r, head);
}

/* POST /leadership/plans/:id/reflections: dated (today or before),
 * Markdown kept with its sanitised HTML. */
void page_leadership_reflection_create(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[N_REFLECTION];
    const char *err = NULL, *field = NULL, *html = NULL;
    if (!form_validate(r, reflection_fields, N_REFLECTION, v, &err))
        field = r->invalid_field;
    else if (strcmp(v[R_WRITTEN].str, db_text(head, 0, LH_TODAY)) > 0)
        err = "The date must be today or before.", field = "written_on";
    else if (!(html = richtext_to_arena(r->mem, v[R_BODY].str)))
        err = "Your reflection could not be read as Markdown.", field = "body";
    if (err) {
        const char *typed[] = {v[0].str, v[1].str, v[2].str, v[3].str};
        show_choice_form(r, head, 400, "leadership/reflection_form.tpl", "Write a reflection",
                         typed, N_REFLECTION, v[R_GOAL].str, v[R_ACTIVITY].str, err, field);
    } else {
        const char *extra[] = {req_id_text(r, r->user->institution_id),
                               v[R_GOAL].str,
                               v[R_ACTIVITY].str,
                               v[R_WRITTEN].str,
                               v[R_BODY].str,
                               html};
        lp_change(r, head, "lp_reflection_insert", ARRAY_SIZE(extra), extra,
                  "There is no such goal or activity in this plan.",
                  v[R_GOAL].present
                      ? lp_path(r, head, arena_printf(r->mem, "/goals/%s", v[R_GOAL].str))
                      : lp_path(r, head, "#reflections"));
    }
    lp_release(r, head);
}
