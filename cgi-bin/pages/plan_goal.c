/* plan_goal: one goal of a plan in use, on its own page: what it says
 * (from the version in force), where it stands now and every change of
 * its status before (with who and why), and the evidence linked to it.
 * Either side says where it stands; the learner links their own pieces of
 * evidence, pages and posts to it. Each reader sees a link only to what
 * its own sharing already shows them: linking shares nothing. */
#include <stdio.h>
#include <string.h>

#include "plans.h"

/* plan_goal_history: one row a change, newest first. */
enum { GH_STATUS, GH_NOTE, GH_BY, GH_SIDE, GH_WHEN, PLAN_GOAL_HISTORY_COLUMNS };
/* plan_link_choices: one row an item (kind:id, its kind's name, title). */
enum { LC_VALUE, LC_KIND, LC_TITLE, PLAN_LINK_CHOICES_COLUMNS };
/* plan_goal_link: how many were linked, and whether it was already. */
enum { GL_LINKED, GL_ALREADY, PLAN_GOAL_LINK_COLUMNS };
/* plan_goal_unlink: the goal the link was on. */
enum { GU_KEY, PLAN_GOAL_UNLINK_COLUMNS };

// clang-format off
const db_statement plan_goal_statements[] = {
    /* Goal $2 of plan $1's version in force. */
    {"plan_goal", PLAN_GOALS_IN_FORCE " AND e.g->>'key' = $2", PLAN_GOALS_IN_FORCE_COLUMNS},
    /* Every change of goal $2's status, newest first. */
    {"plan_goal_history",
     "SELECT u.status, u.note, a.display_name, u.side,"
     "       to_char(u.created_at, '" SQL_DAY " \"at\" HH24:MI')"
     "  FROM plan_goal_updates u JOIN users a ON a.id = u.author_id"
     " WHERE u.plan_id = $1 AND u.goal_key = $2 ORDER BY u.id DESC",
     PLAN_GOAL_HISTORY_COLUMNS},
    {"plan_goal_links", PLAN_LINKS(" AND goal_key = $3") " ORDER BY l.id", PLAN_LINKS_COLUMNS},
    /* What learner $1 can link: their own evidence, pages and posts,
     * newest first, each as kind:id. */
    {"plan_link_choices",
     "(SELECT 'evidence:' || id, 'Evidence', title FROM evidence WHERE owner_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)"
     " UNION ALL (SELECT 'page:' || id, 'Page', title FROM portfolio_pages WHERE owner_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)"
     " UNION ALL (SELECT 'post:' || id, 'Blog post', title FROM posts WHERE author_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)",
     PLAN_LINK_CHOICES_COLUMNS},
    /* A status for goal $2 of plan $1's version in force. */
    {"plan_goal_status",
     "INSERT INTO plan_goal_updates (plan_id, goal_key, status, note, author_id, side)"
     " SELECT p.id, $2, $3, $4, $5, $6"
     "   FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"
     "  WHERE p.id = $1 AND " PLAN_IN_FORCE
     "    AND v.content->'goals' @> jsonb_build_array(jsonb_build_object('key', $2::text))"
     " RETURNING id",
     1},
    /* Learner $5 (the learner's side of plan $1: plan_sides) links their
     * own item ($3 a kind, $4 its id) to goal $2 of plan $1: how many
     * were linked, and whether it was already. */
    {"plan_goal_link",
     "WITH ins AS ("
     " INSERT INTO plan_goal_links (plan_id, goal_key, evidence_id, page_id, post_id, added_by)"
     " SELECT p.id, $2, CASE WHEN $3 = 'evidence' THEN $4::bigint END,"
     "        CASE WHEN $3 = 'page' THEN $4::bigint END,"
     "        CASE WHEN $3 = 'post' THEN $4::bigint END, $5::bigint"
     "   FROM plan_sides($5::bigint) s JOIN plans p ON p.id = s.plan_id"
     "   JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"
     "  WHERE s.plan_id = $1 AND s.side = 'learner' AND " PLAN_IN_FORCE
     "    AND v.content->'goals' @> jsonb_build_array(jsonb_build_object('key', $2::text))"
     "    AND CASE $3 WHEN 'evidence' THEN EXISTS (SELECT 1 FROM evidence"
     "                                       WHERE id = $4::bigint AND owner_id = $5::bigint)"
     "                WHEN 'page' THEN EXISTS (SELECT 1 FROM portfolio_pages"
     "                                   WHERE id = $4::bigint AND owner_id = $5::bigint)"
     "                ELSE EXISTS (SELECT 1 FROM posts"
     "                              WHERE id = $4::bigint AND author_id = $5::bigint) END"
     " ON CONFLICT DO NOTHING RETURNING id)"
     " SELECT (SELECT count(*) FROM ins),"
     "        EXISTS (SELECT 1 FROM plan_goal_links WHERE plan_id = $1 AND goal_key = $2"
     "                  AND CASE $3 WHEN 'evidence' THEN evidence_id WHEN 'page' THEN page_id"
     "                              ELSE post_id END = $4::bigint)",
     PLAN_GOAL_LINK_COLUMNS},
    /* Learner $3 (the learner's side of plan $1: plan_sides) takes link
     * $2 off a goal of plan $1: which goal. */
    {"plan_goal_unlink",
     "DELETE FROM plan_goal_links l USING plan_sides($3::bigint) s, plans p"
     " WHERE l.id = $2 AND l.plan_id = $1 AND s.plan_id = $1 AND s.side = 'learner'"
     "   AND p.id = s.plan_id AND " PLAN_IN_FORCE " RETURNING l.goal_key",
     PLAN_GOAL_UNLINK_COLUMNS},
    {NULL, NULL},
};
// clang-format on

static const char *const statuses[] = {"not_started", "in_progress", "achieved", NULL};

static const char *status_label(const char *status)
{
    return strcmp(status, "achieved") == 0      ? "Achieved"
           : strcmp(status, "in_progress") == 0 ? "In progress"
                                                : "Not started";
}

static const char *status_tag(const char *status)
{
    return strcmp(status, "achieved") == 0      ? "govuk-tag--green"
           : strcmp(status, "in_progress") == 0 ? "govuk-tag--blue"
                                                : "govuk-tag--grey";
}

bool plan_in_force(const PGresult *head)
{
    return plan_is(head, 0, PH_STATE, "agreed") || plan_is(head, 0, PH_STATE, "amendment");
}

PGresult *plan_find_in_force(request *r)
{
    PGresult *head = plan_find(r);
    if (head && !plan_in_force(head)) {
        render_error(r, 409,
                     plan_is_closed(head)
                         ? PLAN_CLOSED
                         : "Progress is kept once both of you have agreed the plan: agree a "
                           "version first.");
        PQclear(head);
        return NULL;
    }
    return head;
}

void plan_fill_goal(tpl_dict *g, const PGresult *goals, int i)
{
    const char *status = db_text(goals, i, GS_STATUS);
    tpl_set(g, "N", db_text(goals, i, GS_PLACE));
    tpl_set(g, "TITLE", db_text(goals, i, GS_TITLE));
    tpl_set(g, "KEY", db_text(goals, i, GS_KEY));
    tpl_set(g, "STATUS", status_label(status));
    tpl_set(g, "TAG", status_tag(status));
    if (*db_text(goals, i, GS_TARGET))
        tpl_set(tpl_add_section(g, "TARGET"), "DATE", db_text(goals, i, GS_TARGET));
    if (plan_is(goals, i, GS_OVERDUE, "t"))
        tpl_show(g, "OVERDUE");
    if (*db_text(goals, i, GS_BY)) {
        tpl_dict *u = tpl_add_section(g, "UPDATED");
        tpl_set(u, "BY", db_text(goals, i, GS_BY));
        tpl_set(u, "WHEN", db_text(goals, i, GS_WHEN));
        if (*db_text(goals, i, GS_NOTE))
            tpl_set(tpl_add_section(u, "NOTE"), "TEXT", db_text(goals, i, GS_NOTE));
    }
}

void plan_fill_links(tpl_dict *g, const PGresult *links, const char *key, bool can_unlink)
{
    int hidden = 0, shown = 0;
    tpl_dict *list = NULL;
    for (int i = 0; i < PQntuples(links); i++) {
        if (!plan_is(links, i, LN_KEY, key))
            continue;
        if (PQgetisnull(links, i, LN_HREF)) {
            hidden++;
            continue;
        }
        if (!shown++)
            list = tpl_add_section(g, "HAS_LINKS");
        tpl_dict *l = tpl_add_section(list, "LINK");
        tpl_set(l, "LINK_ID", db_text(links, i, LN_ID));
        tpl_set(l, "TITLE", db_text(links, i, LN_TITLE));
        tpl_set(l, "KIND", db_text(links, i, LN_KIND));
        tpl_set(l, "HREF", db_text(links, i, LN_HREF));
        if (can_unlink)
            tpl_show(l, "CAN_UNLINK");
    }
    if (hidden)
        tpl_set_int(tpl_add_section(g, "HIDDEN"), "N", hidden);
    if (!shown && !hidden)
        tpl_show(g, "NO_LINKS");
}

/* ------------------------------------------------------------ the goal's page */

static void fill_history(tpl_dict *d, const PGresult *history)
{
    for (int i = 0; i < PQntuples(history); i++) {
        tpl_dict *h = tpl_add_section(d, "CHANGE");
        tpl_set(h, "STATUS", status_label(db_text(history, i, GH_STATUS)));
        tpl_set(h, "BY", db_text(history, i, GH_BY));
        tpl_set(h, "SIDE", db_text(history, i, GH_SIDE));
        tpl_set(h, "WHEN", db_text(history, i, GH_WHEN));
        if (*db_text(history, i, GH_NOTE))
            tpl_set(tpl_add_section(h, "NOTE"), "TEXT", db_text(history, i, GH_NOTE));
    }
    if (!PQntuples(history))
        tpl_show(d, "NO_CHANGES");
}

/* The forms: where the goal stands (its status chosen), and for the
 * learner, their items to link. */
static void fill_forms(request *r, tpl_dict *d, const char *status, const PGresult *choices,
                       const char *note)
{
    tpl_dict *f = tpl_add_section(d, "STATUS_FORM");
    tpl_set(f, "NOTE", note ? note : "");
    for (int s = 0; statuses[s]; s++) {
        tpl_dict *o = tpl_add_section(f, "OPTION");
        tpl_set(o, "VALUE", statuses[s]);
        tpl_set(o, "LABEL", status_label(statuses[s]));
        tpl_set_int(o, "I", s);
        if (strcmp(statuses[s], status) == 0)
            tpl_show(o, "CHECKED");
    }
    if (!choices)
        return;
    tpl_dict *c = tpl_add_section(d, "LINK_FORM");
    tpl_dict *list = PQntuples(choices) ? tpl_add_section(c, "HAS_CHOICES") : NULL;
    for (int k = 0; k < PQntuples(choices); k++) {
        tpl_dict *o = tpl_add_section(list, "CHOICE");
        tpl_set(o, "VALUE", db_text(choices, k, LC_VALUE));
        tpl_set(o, "LABEL",
                arena_printf(r->mem, "%s: %s", db_text(choices, k, LC_KIND),
                             db_text(choices, k, LC_TITLE)));
    }
    if (!PQntuples(choices))
        tpl_show(c, "NOTHING_TO_LINK");
}

static const char *goal_done(const char *done)
{
    return strcmp(done, "status") == 0   ? "Where the goal stands was saved."
           : strcmp(done, "linked") == 0 ? "The evidence was linked to the goal."
                                         : "The link was taken off the goal. The item is kept.";
}

/* The goal's page (status 200, or a refusal's, with its error, the box
 * it is about and the note typed). */
static void show_goal(request *r, int status, const PGresult *head, const char *error,
                      const char *field, const char *note)
{
    const char *id = db_text(head, 0, PH_ID), *key = r->params[1];
    bool open = plan_in_force(head), learner = plan_is(head, 0, PH_SIDE, "learner");
    const char *a[] = {id, key}, *b[] = {r->user->session_hash, id, key};
    const char *c[] = {req_id_text(r, r->user->id)};
    const db_call calls[] = {{"plan_goal", ARRAY_SIZE(a), a},
                             {"plan_goal_history", ARRAY_SIZE(a), a},
                             {"plan_goal_links", ARRAY_SIZE(b), b},
                             {"plan_link_choices", ARRAY_SIZE(c), c}};
    PGresult *res[4] = {NULL, NULL, NULL, NULL};
    if (!db_run_pipeline(r->db, open && learner ? 4 : 3, calls, res))
        render_db_failed(r);
    else if (!PQntuples(res[0]))
        render_error(r, 404, "The plan in force has no such goal.");
    else {
        tpl_dict *d =
            render_begin(r,
                         arena_printf(r->mem, "%sGoal %s: %s", error ? "Error: " : "",
                                      db_text(res[0], 0, GS_PLACE), db_text(res[0], 0, GS_TITLE)),
                         "plans/goal.tpl");
        if (d) {
            tpl_set(d, "ID", id);
            tpl_set(d, "PLAN_TITLE", db_text(head, 0, PH_TITLE));
            tpl_set(d, "LEARNER", db_text(head, 0, PH_LEARNER));
            const http_field *done = req_query(r, "done");
            if (done && !error)
                tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", goal_done(done->value));
            if (error) {
                tpl_dict *e = tpl_add_section(d, "ERROR");
                tpl_set(e, "MESSAGE", error);
                tpl_set(e, "FIELD", field);
            }
            plan_fill_goal(d, res[0], 0);
            tpl_set(d, "CRITERIA", db_text(res[0], 0, GS_CRITERIA));
            tpl_set(d, "ACTIVITIES", db_text(res[0], 0, GS_ACTIVITIES));
            tpl_set(d, "ASSESSMENT", db_text(res[0], 0, GS_ASSESSMENT));
            fill_history(d, res[1]);
            plan_fill_links(d, res[2], key, open && learner);
            if (open)
                fill_forms(r, d, db_text(res[0], 0, GS_STATUS), res[3], note);
        }
        render_end(r, status);
    }
    for (int i = 0; i < 4; i++)
        PQclear(res[i]);
}

/* GET /plans/:id/goals/:key: the head comes with the session (one round
 * trip), the rest in one more. */
void page_plan_goal(request *r)
{
    if (render_found(r, r->prefetched, NO_PLAN))
        show_goal(r, 200, r->prefetched, NULL, NULL, NULL);
}

/* ------------------------------------------------------------ writing */

static void back_to_goal(request *r, const char *id, const char *key, const char *done)
{
    resp_redirect(r, arena_printf(r->mem, "/plans/%s/goals/%s?done=%s", id, key, done));
}

/* POST /plans/:id/goals/:key/status: where goal :key stands now, and why
 * (either side). */
void page_plan_goal_status(request *r)
{
    static const field_spec fields[] = {
        {"status", "where the goal stands", FIELD_ENUM, true, 0, 0, statuses},
        {"note", "the note", FIELD_STRING, false, 0, 2000, NULL}};
    field_value v[2];
    const char *err;
    PGresult *head = plan_find_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    if (!form_validate(r, fields, 2, v, &err)) {
        show_goal(r, 400, head, err, r->invalid_field ? r->invalid_field : "status-0", v[1].str);
        PQclear(head);
        return;
    }
    const char *params[] = {id,
                            r->params[1],
                            v[0].str,
                            v[1].str,
                            req_id_text(r, r->user->id),
                            db_text(head, 0, PH_SIDE)};
    PGresult *res = db_run(r->db, "plan_goal_status", ARRAY_SIZE(params), params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 404, "The plan in force has no such goal.");
    else
        back_to_goal(r, id, r->params[1], "status");
    PQclear(res);
    PQclear(head);
}

/* Reads the item to link (kind:id) into kind and *item; the refusal if
 * it is none of the learner's kinds of thing. */
static const char *read_item(request *r, char kind[16], long long *item)
{
    static const field_spec fields[] = {{"item", "the item", FIELD_STRING, true, 3, 40, NULL}};
    field_value v[1];
    const char *err = NULL;
    if (!form_validate(r, fields, 1, v, &err))
        return err;
    if (sscanf(v[0].str, "%15[a-z]:%lld%c", kind, item, &(char){0}) != 2 || *item <= 0 ||
        (strcmp(kind, "evidence") && strcmp(kind, "page") && strcmp(kind, "post")))
        return "Choose a piece of evidence, a page or a post of yours.";
    return NULL;
}

/* POST /plans/:id/goals/:key/links: the learner links one of their own
 * items to goal :key. */
void page_plan_goal_link(request *r)
{
    PGresult *head = plan_find_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    char kind[16] = "";
    long long item = 0;
    const char *err = !plan_is(head, 0, PH_SIDE, "learner")
                          ? "Only the learner links evidence to their goals."
                          : read_item(r, kind, &item);
    if (err) {
        show_goal(r, 400, head, err, "item", NULL);
        PQclear(head);
        return;
    }
    const char *params[] = {id, r->params[1], kind, req_id_text(r, item),
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "plan_goal_link", ARRAY_SIZE(params), params);
    if (!res)
        render_db_failed(r);
    else if (plan_is(res, 0, GL_LINKED, "1") || plan_is(res, 0, GL_ALREADY, "t"))
        back_to_goal(r, id, r->params[1], "linked");
    else
        render_error(r, 404,
                     "There is no such goal in the plan in force, or that item is not yours.");
    PQclear(res);
    PQclear(head);
}

/* POST /plans/:id/links/:link/remove: the learner takes a link off. */
void page_plan_goal_unlink(request *r)
{
    PGresult *head = plan_find_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    const char *params[] = {id, req_id_text(r, req_param_id(r, 1)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "plan_goal_unlink", ARRAY_SIZE(params), params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 404, "There is no such link on your plan.");
    else
        back_to_goal(r, id, db_text(res, 0, GU_KEY), "unlinked");
    PQclear(res);
    PQclear(head);
}
