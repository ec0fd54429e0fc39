/* plans: what the learning plan's files share. plans.c negotiates the
 * plan (versions proposed, signed, compared), plan_progress.c follows it
 * once agreed (the progress page, reviews, comments), plan_goal.c each
 * goal in use (its status and evidence), plan_templates.c holds the course
 * templates plans start from, plan_goal_fields.c the goals part of their
 * forms. Who may open a plan, and on which side, is plan_sides in
 * sql/policy.sql: every statement that decides it joins that, most
 * through plan_find (the plan_head statement). */
#ifndef TANDEM_PLANS_H
#define TANDEM_PLANS_H
#include "pages.h"

/* The columns of a plan's head (plan_head, plan_head_goal). */
enum {
    PH_ID,
    PH_TITLE,
    PH_STATE,
    PH_AWAITING,
    PH_LATEST,
    PH_AGREED, /* "0" when never agreed */
    PH_SIDE,   /* the viewer's: "learner" or "tutor" */
    PH_LEARNER,
    PH_LEARNER_USERNAME,
    PH_LATEST_SIDE,
    PH_LATEST_AUTHOR,
    PH_LATEST_WHEN,
    PH_LATEST_NOTE,
    PH_SIGNED_LATEST,
    PH_ACTIVITY,     /* activity_version: progress, reviews, comments */
    PH_STARTED_FROM, /* the course template's title, or "" */
    PH_TODAY,        /* the college's date, YYYY-MM-DD */
    PLAN_HEAD_COLUMNS
};
/* The columns of plan_goals: a version's goals, one row each (and the
 * first of plan_template_start's and template_get's goal columns). */
enum {
    PG_NUMBER,
    PG_INDEX,
    PG_TITLE,
    PG_CRITERIA,
    PG_TARGET,
    PG_ACTIVITIES,
    PG_ASSESSMENT,
    PG_KEY,
    PLAN_GOALS_COLUMNS
};
/* plan_goals' own last column: the target date in words. */
enum { PG_TARGET_WORDS = PLAN_GOALS_COLUMNS, PLAN_GOALS_SHOWN_COLUMNS };

/* Goals as a jsonb array from six text[] statement parameters, as
 * plan_goal_params gives them: title, criteria, target, activities,
 * assessment, key. */
#define PLAN_GOALS_JSON(t, c, d, a, m, k)                                                          \
    "(SELECT coalesce(jsonb_agg(jsonb_build_object('title', g.t, 'criteria', g.c, 'target', g.d,"  \
    "   'activities', g.a, 'assessment', g.m, 'key', g.k) ORDER BY g.i), '[]'::jsonb)"             \
    "  FROM unnest(" t "::text[], " c "::text[], " d "::text[], " a "::text[], " m "::text[], " k  \
    "::text[]) WITH ORDINALITY AS g(t, c, d, a, m, k, i))"

#define NO_PLAN "There is no such plan, or it is not yours to see."
#define PLAN_CLOSED "This plan is finished: it is kept as it was and no longer changes."

/* Whether res's value at row, col is value. */
bool plan_is(const PGresult *res, int row, int col, const char *value);
/* The plan :id (r->params[0]) for the signed-in person, or NULL having
 * answered why not (404 for anyone not on a side of it). */
PGresult *plan_find(request *r);
bool plan_is_closed(const PGresult *head);
/* Tells the other side of plan id than side (the learner, or each of
 * their tutors) what the signed-in person did: kind and subject as for
 * notify(), about link. Inside the change's transaction. */
bool plan_notify(request *r, const char *id, const char *side, const char *kind,
                 const char *subject, const char *link);
/* The plan's page for head (plans.c), with status; comment_error and
 * comment, when not NULL, a refused comment and its text, kept. */
void plan_render_page(request *r, int status, const PGresult *head, const char *comment_error,
                      const char *comment);
/* What people call a plan's state: "Draft", "Change proposed", … */
const char *plan_state_label(const char *state);

/* Goals as a form sends them: five parallel lists and each goal's key,
 * which names it across versions (sql/0011_plan_progress.sql). A form
 * holds 30 goals and two empty rows to add more. */
#define MAX_GOALS 32
#define N_GOAL_FIELDS 5
typedef struct {
    int n;
    const char *v[N_GOAL_FIELDS][MAX_GOALS]; /* title, criteria, target, activities, assessment */
    const char *key[MAX_GOALS];
} goal_input;

/* The specs of the goal fields (five and the key), for the field_spec
 * array of a form that holds goals: form_validate checks the first of
 * each, plan_read_goals every one. */
#define PLAN_GOAL_FIELD_SPECS                                                                      \
    {"goal_title", "a goal", FIELD_STRING, false, 0, 500, NULL},                                   \
        {"goal_criteria", "a goal's success criteria", FIELD_STRING, false, 0, 2000, NULL},        \
        {"goal_target", "a goal's target date", FIELD_STRING, false, 0, 10, NULL},                 \
        {"goal_activities", "a goal's activities", FIELD_STRING, false, 0, 4000, NULL},            \
        {"goal_assessment", "how a goal is assessed", FIELD_STRING, false, 0, 2000, NULL},         \
    {                                                                                              \
        "goal_key", "a goal's key", FIELD_STRING, false, 0, 12, NULL                               \
    }

/* Reads and checks the goals of r's form into g (plan_goal_fields.c); false
 * with *err set (naming the goal) and *field its first box if one is
 * wrong. Every goal typed is in g either way, so that a form shown again
 * keeps them all. */
bool plan_read_goals(request *r, goal_input *g, const char **err, const char **field);
/* The goals' target dates (those given) as a date[] literal. */
const char *plan_targets_literal(request *r, const goal_input *g);
/* The goals' lists as PostgreSQL array literals into params from index
 * at: the five fields, then the keys. */
bool plan_goal_params(request *r, const goal_input *g, const char **params, int at);
/* The form's goal rows into d (plans/goal_fields.tpl's GOAL sections):
 * those of g, or those of version number in goals (plan_goals rows), then
 * two empty rows for new goals. */
void plan_fill_goal_fields(tpl_dict *d, const goal_input *g, const PGresult *goals,
                           const char *number);

/* ------------------------------------------------ a plan in use */

/* Where a plan can be worked on: once agreed, until finished. */
#define PLAN_IN_FORCE "p.state IN ('agreed', 'amendment')"

/* Where goal `key` of plan `plan` stands: its latest change (status,
 * note, author_id, created_at), a probe of the index (plan_id, goal_key,
 * id DESC); for a LEFT JOIN LATERAL ... ON true. (One walk of the index for
 * all of a plan's goals, DISTINCT ON goal_key, read a fifth of the buffers
 * for 30 goals and was no faster: the probes are cheap, parsing the goals
 * is not.) */
#define GOAL_LATEST(plan, key)                                                                     \
    "(SELECT status, note, author_id, created_at FROM plan_goal_updates"                           \
    "  WHERE plan_id = " plan " AND goal_key = " key " ORDER BY id DESC LIMIT 1)"

/* Goals of the version in force of plan $1, where each stands: its place,
 * title, target date, key, status, the latest change's note, author and
 * date, whether it is past its target date and not achieved, and what it
 * says (criteria, activities, assessment). */
// clang-format off
#define PLAN_GOALS_IN_FORCE                                                                        \
    "SELECT e.i, e.g->>'title',"                                                                   \
    "       coalesce(to_char(nullif(e.g->>'target', '')::date, '" SQL_DAY "'), ''),"             \
    "       e.g->>'key', coalesce(u.status, 'not_started'), coalesce(u.note, ''),"                 \
    "       coalesce(a.display_name, ''), coalesce(to_char(u.created_at, '" SQL_DAY "'), ''),"   \
    "       coalesce(nullif(e.g->>'target', '')::date < current_date"                              \
    "                AND u.status IS DISTINCT FROM 'achieved', false),"                            \
    "       e.g->>'criteria', e.g->>'activities', e.g->>'assessment'"                              \
    "  FROM plans p"                                                                               \
    "  JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"                   \
    " CROSS JOIN LATERAL jsonb_array_elements(v.content->'goals') WITH ORDINALITY AS e(g, i)"      \
    "  LEFT JOIN LATERAL " GOAL_LATEST("p.id", "e.g->>'key'") " u ON true"                        \
    "  LEFT JOIN users a ON a.id = u.author_id"                                                    \
    " WHERE p.id = $1"
// clang-format on
enum {
    GS_PLACE,
    GS_TITLE,
    GS_TARGET,
    GS_KEY,
    GS_STATUS,
    GS_NOTE,
    GS_BY,
    GS_WHEN,
    GS_OVERDUE,
    GS_CRITERIA,
    GS_ACTIVITIES,
    GS_ASSESSMENT,
    PLAN_GOALS_IN_FORCE_COLUMNS
};

/* The plan at address $2 (its id as text) when the person of session $1
 * (its token's hash) may open it (plan_sides), else NULL: for statements
 * that run beside plan_head, in the session's round trip, and must check
 * for themselves. */
#define PLAN_OF_SESSION                                                                            \
    "(SELECT s.plan_id FROM session_viewer($1) v"                                                  \
    "   JOIN plan_sides(v.id) s ON s.plan_id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint "    \
    "END)"

/* The evidence linked to the goals of the plan at address $2 (those with
 * the condition `links` on plan_goal_links adds) as the person of session
 * $1 may follow it (PLAN_OF_SESSION): the link's id, its goal's key, then
 * the item's title, kind and address when the viewer may see it (its
 * owner; a page or post by its own rules; a piece of evidence through a
 * page showing it), else nulls. Whether the viewer may see an item is
 * asked once an item, however many goals it is linked to. */
// clang-format off
#define PLAN_LINKS(links)                                                                          \
    "WITH l AS (SELECT id, goal_key, coalesce(evidence_id, page_id, post_id) AS item,"             \
    "                  CASE WHEN evidence_id IS NOT NULL THEN 'Evidence'"                          \
    "                       WHEN page_id IS NOT NULL THEN 'Page' ELSE 'Blog post' END AS kind"     \
    "             FROM plan_goal_links WHERE plan_id = " PLAN_OF_SESSION links "),"               \
    " h AS MATERIALIZED (SELECT i.kind, i.item, coalesce(ev.title, pg.title, po.title) AS title,"  \
    "   CASE"                                                                                      \
    "     WHEN ev.owner_id = w.id THEN '/portfolio/evidence/' || ev.id"                            \
    "     WHEN ev.id IS NOT NULL THEN (SELECT '/pages/' || min(b.page_id) FROM page_blocks b"      \
    "                                    JOIN readable_pages(w.id, NULL) rp"                       \
    "                                      ON rp.id = b.page_id"                                   \
    "                                   WHERE b.evidence_id = ev.id)"                              \
    "     WHEN pg.id IS NOT NULL AND EXISTS (SELECT 1 FROM readable_pages(w.id, NULL) rp"          \
    "                                         WHERE rp.id = pg.id) THEN '/pages/' || pg.id"        \
    "     WHEN po.id IS NOT NULL AND EXISTS (SELECT 1 FROM readable_posts(w.id) rp"                \
    "                                         WHERE rp.id = po.id) THEN '/blog/posts/' || po.id"   \
    "   END AS href"                                                                               \
    "          FROM (SELECT DISTINCT kind, item FROM l) i"                                         \
    "         CROSS JOIN session_viewer($1) w"                                                     \
    "          LEFT JOIN evidence ev ON i.kind = 'Evidence' AND ev.id = i.item"                    \
    "          LEFT JOIN portfolio_pages pg ON i.kind = 'Page' AND pg.id = i.item"                 \
    "          LEFT JOIN posts po ON i.kind = 'Blog post' AND po.id = i.item)"                     \
    "SELECT l.id, l.goal_key, h.title, h.kind, h.href"                                             \
    "  FROM l JOIN h ON h.kind = l.kind AND h.item = l.item"
// clang-format on
/* The columns of PLAN_LINKS: the link, its goal, and the item (LN_HREF
 * null when the viewer may not see it). */
enum { LN_ID, LN_KEY, LN_TITLE, LN_KIND, LN_HREF, PLAN_LINKS_COLUMNS };

/* plan_goal.c: whether the plan whose head is head is in force; the plan
 * :id for a change to its progress (found and in force, else NULL having
 * answered why not); a goal's place, title, status and latest change (row
 * i of PLAN_GOALS_IN_FORCE) into g; the links of goal key (PLAN_LINKS
 * rows) into g, with buttons to take them off when can_unlink. */
bool plan_in_force(const PGresult *head);
PGresult *plan_find_in_force(request *r);
void plan_fill_goal(tpl_dict *g, const PGresult *goals, int i);
void plan_fill_links(tpl_dict *g, const PGresult *links, const char *key, bool can_unlink);

/* plan_progress.c: the summary of a plan's progress and its comments for
 * the plan's page, rendered (kept in memory under the plan's
 * activity_version); false if the database failed. */
bool plan_activity_html(request *r, const PGresult *head, const safe_html **summary,
                        const safe_html **comments);

#endif
