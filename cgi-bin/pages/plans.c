/* plans: negotiated learning plans. A learner and their tutors write the
 * plan together: either side proposes a version, the other accepts it (and
 * the plan is agreed, in force) or proposes changes (a new version). An
 * agreed plan is changed by an amendment, negotiated the same way while
 * the agreed version stays in force. Every version is kept, with who
 * proposed it, when and why, and any two can be compared. Who may open a
 * plan, and on which side, is plan_sides in sql/policy.sql. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/auth.h"
#include "../core/diff.h"
#include "plans.h"

/* The plan $2 (text from the path) for the session whose token hash is
 * $1, if they may open it (plan_sides in sql/policy.sql says who may, on
 * which side, and that a draft is only for the side writing it): its row,
 * their side, the learner, who proposed the latest version, when and why,
 * and whether the viewer's side signed it. Every part is a lookup by key:
 * the id asked for reaches both branches of plan_sides as a parameter,
 * and OFFSET 0 keeps the latest version and its author's name each a
 * probe of its key, made once the plan is found (not a scan of every
 * version of the plan, joined back). */
// clang-format off
#define PLAN_HEAD                                                                                  \
    "SELECT p.id, p.title, p.state, coalesce(p.awaiting, ''), p.latest_version,"                   \
    "       coalesce(p.agreed_version, 0), s.side, l.display_name, l.username,"                    \
    "       lv.side, a.display_name, to_char(lv.created_at, '" SQL_DAY " \"at\" HH24:MI'),"      \
    "       lv.note, g.plan_id IS NOT NULL, p.activity_version, coalesce(p.started_from, ''),"    \
    "       current_date"                                                                          \
    "  FROM session_viewer($1) v"                                                                  \
    "  JOIN plan_sides(v.id) s ON s.plan_id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"  \
    "  JOIN plans p ON p.institution_id = v.institution_id AND p.id = s.plan_id"                   \
    "  JOIN users l ON l.id = p.learner_id"                                                        \
    "  CROSS JOIN LATERAL (SELECT side, author_id, created_at, note FROM plan_versions"            \
    "                       WHERE plan_id = p.id AND number = p.latest_version OFFSET 0) lv"       \
    "  CROSS JOIN LATERAL (SELECT display_name FROM users WHERE id = lv.author_id OFFSET 0) a"     \
    "  LEFT JOIN plan_signatures g"                                                                \
    "    ON g.plan_id = p.id AND g.number = p.latest_version AND g.side = s.side"
// clang-format on

/* A version's content from statement parameters: the two accounts (each
 * side writes its own; the other's is carried from the version before),
 * the support agreed, and the goals (PLAN_GOALS_JSON). */
#define PLAN_CONTENT(learner, tutor, support, goals)                                               \
    " jsonb_build_object('learner_account', " learner ", 'tutor_account', " tutor ","              \
    "   'support', " support "::text, 'goals', " goals ")"
/* The account of side, from the form ($param) if the author is on that
 * side, else as it was in the base version bv. */
#define OWN_ACCOUNT(side, param)                                                                   \
    "CASE WHEN $3 = '" side "' THEN " param "::text ELSE bv.content->>'" side "_account' END"

/* The content a side writes ($3 its side, $6 its account, $7 the support,
 * $8-$13 the goals), on top of base version bv: plan_version_insert's and
 * plan_draft_update's. */
#define WRITTEN_CONTENT                                                                            \
    PLAN_CONTENT(OWN_ACCOUNT("learner", "$6"), OWN_ACCOUNT("tutor", "$6"), "$7",                   \
                 PLAN_GOALS_JSON("$8", "$9", "$10", "$11", "$12", "$13"))

/* The goals of versions of plan $2, one row each, in order: the version,
 * then the goal's fields (the target date as the form's date box holds
 * it), then the target date in words. */
#define PLAN_GOALS                                                                                 \
    "SELECT pv.number, e.i, e.g->>'title', e.g->>'criteria', e.g->>'target',"                      \
    "       e.g->>'activities', e.g->>'assessment', e.g->>'key',"                                  \
    "       coalesce(to_char(nullif(e.g->>'target', '')::date, '" SQL_DAY "'), '')"                \
    "  FROM plan_versions pv,"                                                                     \
    "       jsonb_array_elements(pv.content->'goals') WITH ORDINALITY AS e(g, i)"

/* plan_list: one row a plan. */
enum {
    PL_ID,
    PL_TITLE,
    PL_STATE,
    PL_AWAITING,
    PL_LEARNER,
    PL_SIDE, /* the viewer's */
    PL_UPDATED,
    PL_VERSION,
    PL_GOALS, /* in force */
    PL_ACHIEVED,
    PL_OVERDUE,
    PL_NEXT_REVIEW,
    PL_REVIEW_LATE,
    PL_TO_SIGN, /* reviews waiting for the viewer's signature */
    PLAN_LIST_COLUMNS
};
/* plan_list_version: the viewer, and the version of their list. */
enum { LV_VIEWER, LV_VERSION, PLAN_LIST_VERSION_COLUMNS };
/* plan_version: one version's own fields. */
enum {
    PV_NUMBER,
    PV_LEARNER_ACCOUNT,
    PV_TUTOR_ACCOUNT,
    PV_SUPPORT,
    PV_SIDE,
    PV_AUTHOR,
    PV_NOTE,
    PV_WHEN,
    PLAN_VERSION_COLUMNS
};
/* plan_history: one row a version. */
enum { HI_NUMBER, HI_SIDE, HI_AUTHOR, HI_WHEN, HI_NOTE, HI_SIGNED, PLAN_HISTORY_COLUMNS };
/* plan_learners: one row a learner. */
enum { LR_ID, LR_NAME, LR_USERNAME, PLAN_LEARNERS_COLUMNS };
/* plan_dates_ok: whether the dates may be. */
enum { DO_OK, PLAN_DATES_OK_COLUMNS };
/* plan_insert: the new plan. */
enum { PI_ID, PLAN_INSERT_COLUMNS };
/* plan_version_insert and plan_draft_update: the version written. */
enum { VI_NUMBER, PLAN_VERSION_INSERT_COLUMNS };
/* plan_may_start: whether the side, and the template, may be. */
enum { MS_SIDE_OK, MS_TEMPLATE_OK, PLAN_MAY_START_COLUMNS };
/* plan_template_choices: one row a template. */
enum { TC_ID, TC_TITLE, TC_COHORT, PLAN_TEMPLATE_CHOICES_COLUMNS };
/* plan_template_start: plan_goals' columns, then the template's own. */
enum { TS_TITLE = PLAN_GOALS_COLUMNS, TS_SUPPORT, PLAN_TEMPLATE_START_COLUMNS };
/* plan_lock: where the plan stands. */
enum { LK_STATE, LK_LATEST, PLAN_LOCK_COLUMNS };
/* plan_settle: the plan's new state. */
enum { SE_STATE, PLAN_SETTLE_COLUMNS };

const db_statement plan_statements[] = {
    // clang-format off
    /* The plans viewer $1 (at college $3) may open (plan_sides: called
     * with the parameter, so that their learners are gathered once, and
     * worked out first, so that only their plans are counted): their own
     * and their learners', what waits for them first; $2 a state,
     * 'overdue' (a goal past its date or a review past due) or ''.
     * With each, how its goals in force stand, when its next review is
     * due and how many reviews wait for the viewer's signature. */
    {"plan_list",
     "WITH s AS MATERIALIZED (SELECT plan_id, side FROM plan_sides($1::bigint))"
     "SELECT p.id, p.title, p.state, coalesce(p.awaiting, ''), l.display_name, s.side,"
     "       to_char(p.updated_at, '" SQL_DAY "'), p.latest_version,"
     "       gs.goals, gs.achieved, gs.overdue,"
     "       coalesce(to_char(rv.next_review, '" SQL_DAY "'), ''),"
     "       coalesce(rv.next_review < current_date, false), ts.to_sign"
     "  FROM s JOIN plans p ON p.institution_id = $3::bigint AND p.id = s.plan_id"
     "  JOIN users l ON l.id = p.learner_id"
     "  CROSS JOIN LATERAL ("
     "       SELECT count(*) AS goals, count(*) FILTER (WHERE u.status = 'achieved') AS achieved,"
     "              count(*) FILTER (WHERE nullif(e.g->>'target', '')::date < current_date"
     "                                 AND u.status IS DISTINCT FROM 'achieved') AS overdue"
     "         FROM plan_versions av"
     "        CROSS JOIN LATERAL jsonb_array_elements(av.content->'goals') AS e(g)"
     "         LEFT JOIN LATERAL " GOAL_LATEST("p.id", "e.g->>'key'") " u ON true"
     "        WHERE av.plan_id = p.id AND av.number = p.agreed_version) gs"
     "  LEFT JOIN LATERAL (SELECT next_review FROM plan_reviews WHERE plan_id = p.id"
     "                      ORDER BY held_on DESC, id DESC LIMIT 1) rv ON true"
     "  CROSS JOIN LATERAL (SELECT count(*) AS to_sign FROM plan_reviews"
     "                       WHERE plan_id = p.id AND CASE s.side"
     "                             WHEN 'learner' THEN learner_signed_by IS NULL"
     "                             ELSE tutor_signed_by IS NULL END) ts"
     " WHERE ($2 = '' OR p.state = $2"
     "        OR ($2 = 'overdue' AND p.state IN ('agreed', 'amendment')"
     "            AND (gs.overdue > 0 OR rv.next_review < current_date)))"
     " ORDER BY p.awaiting IS NOT DISTINCT FROM s.side OR ts.to_sign > 0 DESC,"
     "          p.updated_at DESC, p.id DESC"
     " LIMIT 500",
     PLAN_LIST_COLUMNS},
    // clang-format on
    /* The route's prefetch for /plans ($1 the session token's hash): what
     * the viewer's list of plans is made from, as one version: the
     * plans_version of every cohort they are in, their own plans' latest
     * change, and the date (what is overdue changes with it). */
    {"plan_list_version",
     "SELECT v.id, (SELECT count(*) || '.' || coalesce(sum(c.plans_version), 0) || '.'"
     "                     || coalesce(max(c.plans_version), 0)"
     "                FROM memberships m JOIN cohorts c ON c.id = m.cohort_id"
     "               WHERE m.institution_id = v.institution_id AND m.user_id = v.id)"
     "       || '.' || (SELECT count(*) || '.' || coalesce(extract(epoch FROM max(updated_at)), 0)"
     "                    FROM plans"
     "                   WHERE institution_id = v.institution_id AND learner_id = v.id)"
     "       || '.' || current_date"
     "  FROM session_viewer($1) v",
     PLAN_LIST_VERSION_COLUMNS},
    {"plan_head", PLAN_HEAD, PLAN_HEAD_COLUMNS},
    /* The prefetch of a goal's page, given the route's two parameters:
     * the head alone (the goal $3 is read with the rest of the page). */
    {"plan_head_goal", PLAN_HEAD " WHERE $3::text IS NOT NULL", PLAN_HEAD_COLUMNS},
    /* The goals of versions $3 and $4 of plan $1 (already checked). */
    {"plan_goals",
     PLAN_GOALS " WHERE pv.plan_id = $1 AND pv.number IN ($2, $3)"
                " ORDER BY pv.number DESC, e.i",
     PLAN_GOALS_SHOWN_COLUMNS},
    /* One version's own fields. */
    {"plan_version",
     "SELECT pv.number, pv.content->>'learner_account', pv.content->>'tutor_account',"
     "       pv.content->>'support', pv.side, u.display_name, pv.note,"
     "       to_char(pv.created_at, '" SQL_DAY " \"at\" HH24:MI')"
     "  FROM plan_versions pv JOIN users u ON u.id = pv.author_id"
     " WHERE pv.plan_id = $1 AND pv.number = $2",
     PLAN_VERSION_COLUMNS},
    /* Every version of plan $1 (already checked), newest first, with who
     * signed it. */
    {"plan_history",
     "SELECT pv.number, pv.side, u.display_name,"
     "       to_char(pv.created_at, '" SQL_DAY " \"at\" HH24:MI'), pv.note,"
     "       (SELECT string_agg(g.side, ',' ORDER BY g.side) FROM plan_signatures g"
     "         WHERE g.plan_id = pv.plan_id AND g.number = pv.number)"
     "  FROM plan_versions pv JOIN users u ON u.id = pv.author_id"
     " WHERE pv.plan_id = $1 ORDER BY pv.number DESC",
     PLAN_HISTORY_COLUMNS},
    /* The learners $1 teaches (plan_tutees), to start a plan for. */
    {"plan_learners",
     "SELECT DISTINCT u.id, u.display_name, u.username FROM plan_tutees($1) k"
     "  JOIN users u ON u.id = k.learner_id AND u.institution_id = k.institution_id"
     "   AND u.status = 'active'"
     " WHERE k.learner_id <> $1 ORDER BY u.display_name",
     PLAN_LEARNERS_COLUMNS},
    /* Whether every target date ($1) is today or later, or was in the
     * version the change started from (plan $2, version $3): a plan
     * amended months later keeps its old dates. */
    {"plan_dates_ok",
     "SELECT coalesce(bool_and(d >= current_date OR d::text IN ("
     "         SELECT g->>'target' FROM plan_versions pv, "
     "jsonb_array_elements(pv.content->'goals') g"
     "          WHERE pv.plan_id = $2::bigint AND pv.number = $3::int)), true)"
     "  FROM unnest($1::date[]) d",
     PLAN_DATES_OK_COLUMNS},
    // clang-format off
    /* A new plan for learner $2 by $3 (on side $4), its first version;
     * started from course template $16 (or '' for none), which becomes
     * its version 0 as the template stands now. */
    {"plan_insert",
     "WITH t AS (SELECT id, title, author_id, content FROM plan_templates"
     "            WHERE id = nullif($16, '')::bigint),"
     " p AS (INSERT INTO plans (institution_id, learner_id, title, created_by, template_id,"
     "                          started_from)"
     "       SELECT $1, $2, $5, $3, (SELECT id FROM t), (SELECT title FROM t) RETURNING id),"
     " z AS (INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, content)"
     "       SELECT p.id, 0, $1, t.author_id, 'tutor',"
     "              t.content || '{\"learner_account\": \"\", \"tutor_account\": \"\"}'"
     "         FROM p, t)"
     " INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, note, content)"
     " SELECT p.id, 1, $1, $3, $4, $6,"
     PLAN_CONTENT("$7::text", "$8::text", "$9",
                  PLAN_GOALS_JSON("$10", "$11", "$12", "$13", "$14", "$15"))
     "   FROM p RETURNING plan_id",
     PLAN_INSERT_COLUMNS},
    /* The next version of plan $1 from $2 (side $3), proposed on top of
     * version $4: nothing happens unless $4 is still the latest. */
    {"plan_version_insert",
     "INSERT INTO plan_versions (plan_id, number, institution_id, author_id, side, note, content)"
     " SELECT p.id, p.latest_version + 1, p.institution_id, $2, $3, $5,"
     WRITTEN_CONTENT
     "   FROM plans p JOIN plan_versions bv ON bv.plan_id = p.id AND bv.number = p.latest_version"
     "  WHERE p.id = $1 AND p.latest_version = $4::int"
     "    AND p.state NOT IN ('completed', 'withdrawn')"
     " RETURNING number",
     PLAN_VERSION_INSERT_COLUMNS},
    /* A draft's only version rewritten by its author's side. */
    {"plan_draft_update",
     "UPDATE plan_versions pv SET note = $5, author_id = $2, created_at = now(), content ="
     WRITTEN_CONTENT
     "  FROM plans p, plan_versions bv WHERE p.id = $1 AND pv.plan_id = p.id AND pv.number = 1"
     "   AND bv.plan_id = p.id AND bv.number = 1"
     "   AND p.state = 'draft' AND pv.side = $3 AND p.latest_version = $4::int"
     " RETURNING pv.number",
     PLAN_VERSION_INSERT_COLUMNS},
    /* Whether $1 may start a plan for learner $2 on side $3: the side
     * plan_sides would give them on it (their own plan as the learner;
     * one of their learners' as a tutor, plan_tutees); and whether
     * template $4 (or '') is one of the learner's cohorts'. */
    {"plan_may_start",
     "SELECT CASE WHEN p.learner_id = $1::bigint THEN 'learner'"
     "            WHEN EXISTS (SELECT 1 FROM plan_tutees($1::bigint) k"
     "                          WHERE k.learner_id = p.learner_id) THEN 'tutor' END = $3,"
     "       $4 = '' OR EXISTS (SELECT 1 FROM plan_templates t"
     "                            JOIN memberships m ON m.cohort_id = t.cohort_id"
     "                           WHERE t.id = nullif($4, '')::bigint AND m.user_id = p.learner_id"
     "                             AND m.role = 'learner')"
     "  FROM (SELECT $2::bigint AS learner_id) p",
     PLAN_MAY_START_COLUMNS},
    /* The course templates of the cohorts learner $1 is in (for a tutor
     * $2 starting a plan: every learner they teach, $1 = 0). */
    {"plan_template_choices",
     "SELECT DISTINCT t.id, t.title, c.name"
     "  FROM plan_templates t JOIN cohorts c ON c.id = t.cohort_id"
     "  JOIN memberships m ON m.cohort_id = t.cohort_id AND m.role = 'learner'"
     " WHERE m.user_id = $1"
     "    OR ($1 = 0 AND t.cohort_id IN (SELECT cohort_id FROM memberships"
     "                                   WHERE user_id = $2 AND role = 'tutor'))"
     " ORDER BY c.name, t.title",
     PLAN_TEMPLATE_CHOICES_COLUMNS},
    /* Template $1's goals, to start a plan from, as plan_goals gives a
     * version's (number 0), then its title and support: if viewer $2 is
     * in its cohort. A template without goals gives one row, its goal
     * columns null. */
    {"plan_template_start",
     "SELECT 0, e.i, e.g->>'title', e.g->>'criteria', e.g->>'target', e.g->>'activities',"
     "       e.g->>'assessment', e.g->>'key', t.title, t.content->>'support'"
     "  FROM plan_templates t"
     "  LEFT JOIN LATERAL jsonb_array_elements(t.content->'goals') WITH ORDINALITY AS e(g, i)"
     "    ON true"
     " WHERE t.id = $1 AND t.cohort_id IN (SELECT cohort_id FROM memberships WHERE user_id = $2)"
     " ORDER BY e.i",
     PLAN_TEMPLATE_START_COLUMNS},
    // clang-format on
    /* Tells the other side of plan $1 than $2's (the learner, or every
     * active tutor of theirs: plan_tutees, from the learner to each o who
     * teaches them) what $3 did: kind $4, subject $5, link $6. */
    {"plan_notify",
     "INSERT INTO notifications (institution_id, user_id, actor_id, kind, subject, link)"
     " SELECT DISTINCT p.institution_id, o.id, $3::bigint, $4, left($5, 300), $6"
     "   FROM plans p"
     "   JOIN users o ON o.institution_id = p.institution_id AND o.status = 'active'"
     "   JOIN plan_tutees(o.id) k"
     "     ON k.institution_id = p.institution_id AND k.learner_id = p.learner_id"
     "  WHERE p.id = $1 AND $2 = 'learner' AND o.id <> $3::bigint AND o.id <> p.learner_id"
     " UNION"
     " SELECT p.institution_id, p.learner_id, $3::bigint, $4, left($5, 300), $6 FROM plans p"
     "  WHERE p.id = $1 AND $2 = 'tutor' AND p.learner_id <> $3::bigint",
     0},
    {"plan_lock", "SELECT state, latest_version FROM plans WHERE id = $1 FOR UPDATE",
     PLAN_LOCK_COLUMNS},
    {"plan_sign",
     "INSERT INTO plan_signatures (plan_id, number, side, user_id)"
     " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING number",
     1},
    /* After a version is proposed or signed: where the plan stands. Both
     * sides signed the latest version: agreed, it is in force. Else it
     * waits for the side that has not signed it; a proposal on top of an
     * agreed version is an amendment. */
    {"plan_settle",
     "UPDATE plans p SET latest_version = lv.number, updated_at = now(),"
     "       agreed_version = CASE WHEN lv.signed = 2 THEN lv.number ELSE p.agreed_version END,"
     "       state = CASE WHEN $2 AND lv.signed < 2 THEN 'draft'"
     "                    WHEN lv.signed = 2 THEN 'agreed'"
     "                    WHEN p.agreed_version IS NOT NULL THEN 'amendment' ELSE 'proposed' END,"
     "       awaiting = CASE WHEN ($2 AND lv.signed < 2) OR lv.signed = 2 THEN NULL"
     "                       WHEN lv.side = 'learner' THEN 'tutor' ELSE 'learner' END"
     "  FROM (SELECT v.number, v.side, (SELECT count(*) FROM plan_signatures g"
     "         WHERE g.plan_id = v.plan_id AND g.number = v.number) AS signed"
     "          FROM plan_versions v WHERE v.plan_id = $1 ORDER BY v.number DESC LIMIT 1) lv"
     " WHERE p.id = $1 AND p.state NOT IN ('completed', 'withdrawn') RETURNING p.state",
     PLAN_SETTLE_COLUMNS},
    {"plan_finish",
     "UPDATE plans SET state = $2, awaiting = NULL, updated_at = now()"
     " WHERE id = $1 AND state NOT IN ('completed', 'withdrawn')"
     "   AND ($2 <> 'completed' OR agreed_version IS NOT NULL) RETURNING id",
     1},
    {NULL, NULL},
};

/* ------------------------------------------------------------ reading */

/* What people call each state, and what it asks of whom. */
const char *plan_state_label(const char *state)
{
    return strcmp(state, "draft") == 0       ? "Draft"
           : strcmp(state, "proposed") == 0  ? "Proposed"
           : strcmp(state, "agreed") == 0    ? "Agreed"
           : strcmp(state, "amendment") == 0 ? "Change proposed"
           : strcmp(state, "completed") == 0 ? "Completed"
                                             : "Withdrawn";
}

bool plan_is(const PGresult *res, int row, int col, const char *value)
{
    return strcmp(db_text(res, row, col), value) == 0;
}

/* A version's fields (a plan_version row) and its goals (rows of
 * plan_goals for that number) into v, for plans/version.tpl. */
static void fill_version_body(tpl_dict *v, const PGresult *fields, int row, const PGresult *goals)
{
    const char *number = db_text(fields, row, PV_NUMBER);
    tpl_set(v, "LEARNER_ACCOUNT", db_text(fields, row, PV_LEARNER_ACCOUNT));
    tpl_set(v, "TUTOR_ACCOUNT", db_text(fields, row, PV_TUTOR_ACCOUNT));
    tpl_set(v, "SUPPORT", db_text(fields, row, PV_SUPPORT));
    int n = 0;
    for (int i = 0; goals && i < PQntuples(goals); i++) {
        if (!plan_is(goals, i, PG_NUMBER, number))
            continue;
        tpl_dict *g = tpl_add_section(v, "GOAL");
        tpl_set_int(g, "N", ++n);
        tpl_set(g, "TITLE", db_text(goals, i, PG_TITLE));
        tpl_set(g, "CRITERIA", db_text(goals, i, PG_CRITERIA));
        tpl_set(g, "TARGET", db_text(goals, i, PG_TARGET_WORDS));
        tpl_set(g, "ACTIVITIES", db_text(goals, i, PG_ACTIVITIES));
        tpl_set(g, "ASSESSMENT", db_text(goals, i, PG_ASSESSMENT));
    }
    if (!n)
        tpl_show(v, "NO_GOALS");
}

/* The same into section's {{>VERSION_BODY}}, with its NUMBER. */
static void fill_version(tpl_dict *section, const PGresult *fields, int row, const PGresult *goals)
{
    tpl_set(section, "NUMBER", db_text(fields, row, PV_NUMBER));
    fill_version_body(tpl_include(section, "VERSION_BODY", "plans/version.tpl"), fields, row,
                      goals);
}

/* Version number of the plan whose head is head, rendered. A proposed
 * version never changes, so it is kept in memory for good
 * (core/fragment.c); a draft's is rewritten until proposed, so it is not.
 * Read in one round trip when not kept; NULL if that failed. */
static const safe_html *version_html(request *r, const PGresult *head, const char *number)
{
    const char *id = db_text(head, 0, PH_ID);
    bool draft = plan_is(head, 0, PH_STATE, "draft");
    const char *key = arena_printf(r->mem, "plan/%s/%s", id, number);
    const safe_html *html = draft || !key ? NULL : render_fragment_find(r, key, 0);
    if (html)
        return html;
    const char *a[] = {id, number}, *b[] = {id, number, number};
    const db_call calls[] = {{"plan_version", ARRAY_SIZE(a), a}, {"plan_goals", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (DB_RUN_PIPELINE(r->db, calls, res) && PQntuples(res[0])) {
        tpl_dict *d = tpl_dict_new();
        if (d)
            fill_version_body(d, res[0], 0, res[1]);
        html = render_fragment(r, "plans/version.tpl", d);
        if (html && !draft && key)
            render_fragment_keep(key, 0, html, 0);
    }
    PQclear(res[0]);
    PQclear(res[1]);
    return html;
}

/* What the viewer's side can do now, and what the plan waits for. */
static void fill_actions(tpl_dict *d, const PGresult *head)
{
    const char *state = db_text(head, 0, PH_STATE);
    bool open = strcmp(state, "completed") != 0 && strcmp(state, "withdrawn") != 0;
    bool mine_to_answer = plan_is(head, 0, PH_AWAITING, db_text(head, 0, PH_SIDE));
    tpl_set(d, "STATE", plan_state_label(state));
    if (mine_to_answer && !plan_is(head, 0, PH_SIGNED_LATEST, "t")) {
        tpl_dict *turn = tpl_add_section(d, "YOUR_TURN");
        if (strcmp(db_text(head, 0, PH_AGREED), "0") != 0)
            tpl_set(tpl_add_section(turn, "COMPARE_AGREED"), "NUMBER", db_text(head, 0, PH_AGREED));
        if (*db_text(head, 0, PH_LATEST_NOTE))
            tpl_set(tpl_add_section(turn, "NOTE"), "TEXT", db_text(head, 0, PH_LATEST_NOTE));
    } else if (*db_text(head, 0, PH_AWAITING))
        tpl_set(tpl_add_section(d, "THEIR_TURN"), "SIDE",
                plan_is(head, 0, PH_AWAITING, "learner") ? db_text(head, 0, PH_LEARNER)
                                                         : "the tutor");
    if (open)
        tpl_show(d, "OPEN");
    if (open && strcmp(state, "draft") != 0)
        tpl_show(d, "CAN_WITHDRAW");
    if (open && plan_is(head, 0, PH_STATE, "draft") &&
        plan_is(head, 0, PH_LATEST_SIDE, db_text(head, 0, PH_SIDE)))
        tpl_show(d, "CAN_PROPOSE_DRAFT");
    if (strcmp(db_text(head, 0, PH_AGREED), "0") != 0)
        tpl_set(tpl_add_section(d, "AGREED"), "NUMBER", db_text(head, 0, PH_AGREED));
    if (open && plan_is(head, 0, PH_SIDE, "tutor") && strcmp(db_text(head, 0, PH_AGREED), "0") != 0)
        tpl_show(d, "CAN_COMPLETE");
}

/* A shown version: its number, its rendering and where it stands. */
static void add_version(tpl_dict *d, const char *section, const char *number, const safe_html *html,
                        const char *standing)
{
    tpl_dict *v = tpl_add_section(d, section);
    tpl_set(v, "NUMBER", number);
    tpl_set_html(v, "VERSION_HTML", html); /* rendered from plans/version.tpl */
    tpl_set(v, "STANDING", standing);
}

/* What people call version number: "the course template" for 0. */
static const char *version_name(request *r, const char *number, bool capital)
{
    return strcmp(number, "0") == 0
               ? (capital ? "The course template" : "the course template")
               : arena_printf(r->mem, "%s %s", capital ? "Version" : "version", number);
}

static void fill_history(request *r, tpl_dict *d, const PGresult *history, const char *started_from)
{
    for (int i = 0; i < PQntuples(history); i++) {
        tpl_dict *h = tpl_add_section(d, "HISTORY");
        const char *n = db_text(history, i, HI_NUMBER);
        tpl_set(h, "NUMBER", n);
        if (strcmp(n, "0") == 0)
            tpl_set(tpl_add_section(h, "TEMPLATE"), "NAME", started_from);
        else
            tpl_set(tpl_add_section(h, "VERSION"), "NUMBER", n);
        tpl_set(h, "AUTHOR", db_text(history, i, HI_AUTHOR));
        tpl_set(h, "WHEN", db_text(history, i, HI_WHEN));
        if (*db_text(history, i, HI_NOTE))
            tpl_set(tpl_add_section(h, "HNOTE"), "TEXT", db_text(history, i, HI_NOTE));
        const char *signed_by = db_text(history, i, HI_SIGNED);
        tpl_set(h, "SIGNED",
                strcmp(signed_by, "learner,tutor") == 0 ? "Signed by both."
                : *signed_by ? arena_printf(r->mem, "Signed by the %s.", signed_by)
                             : "");
        if (atoll(n) > 1 || (atoll(n) == 1 && *started_from)) {
            tpl_dict *c = tpl_add_section(h, "COMPARE");
            tpl_set(c, "FROM", req_id_text(r, atoll(n) - 1));
            tpl_set(c, "FROM_NAME", version_name(r, req_id_text(r, atoll(n) - 1), false));
        }
    }
}

/* The list of every version, rendered: kept in memory while the plan's
 * latest and agreed versions and its state stay as they are (nothing else
 * changes it: versions are never rewritten, except a draft's, which is not
 * kept). Read in one round trip when not kept; NULL if that failed. */
static const safe_html *history_html(request *r, const PGresult *head)
{
    const char *id = db_text(head, 0, PH_ID);
    bool draft = plan_is(head, 0, PH_STATE, "draft");
    const char *key =
        arena_printf(r->mem, "plan/%s/history/%s/%s/%s", id, db_text(head, 0, PH_LATEST),
                     db_text(head, 0, PH_AGREED), db_text(head, 0, PH_STATE));
    const safe_html *html = draft || !key ? NULL : render_fragment_find(r, key, 0);
    if (html)
        return html;
    const char *params[] = {id};
    PGresult *res = db_run(r->db, "plan_history", ARRAY_SIZE(params), params);
    if (res) {
        tpl_dict *d = tpl_dict_new();
        if (d) {
            tpl_set(d, "ID", id);
            fill_history(r, d, res, db_text(head, 0, PH_STARTED_FROM));
        }
        html = render_fragment(r, "plans/history.tpl", d);
        if (html && !draft && key)
            render_fragment_keep(key, 0, html, 0);
    }
    PQclear(res);
    return html;
}

static const char *done_message(const char *done)
{
    return strcmp(done, "agreed") == 0    ? "You both agreed this plan. It is in force."
           : strcmp(done, "signed") == 0  ? "You accepted this version."
           : strcmp(done, "comment") == 0 ? "Your comment was added. The other side has been told."
           : strcmp(done, "proposed") == 0
               ? "Your version was proposed. The other side has been asked to respond."
               : "Your draft was saved.";
}

/* The plan's page: what waits for whom, the latest version (and the
 * agreed one in force, when a change waits), progress and comments, and
 * every version. The head comes with the session (one round trip); the
 * versions, their list and the activity from memory, or each read in one
 * more. */
void plan_render_page(request *r, int status, const PGresult *head, const char *comment_error,
                      const char *comment)
{
    const char *latest = db_text(head, 0, PH_LATEST), *agreed = db_text(head, 0, PH_AGREED);
    bool both = strcmp(agreed, "0") != 0 && strcmp(agreed, latest) != 0;
    bool draft = plan_is(head, 0, PH_STATE, "draft");
    const safe_html *latest_html = version_html(r, head, latest);
    const safe_html *agreed_html = both ? version_html(r, head, agreed) : NULL;
    const safe_html *history = latest_html ? history_html(r, head) : NULL;
    const safe_html *summary = NULL, *comments = NULL; /* none for a draft */
    if (!latest_html || (both && !agreed_html) || !history ||
        (!draft && !plan_activity_html(r, head, &summary, &comments))) {
        render_db_failed(r);
        return;
    }
    const char *title = db_text(head, 0, PH_TITLE);
    tpl_dict *d = render_begin(r, comment_error ? arena_printf(r->mem, "Error: %s", title) : title,
                               "plans/show.tpl");
    if (d) {
        const http_field *done = req_query(r, "done");
        if (done && !comment_error)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", done_message(done->value));
        tpl_set(d, "ID", db_text(head, 0, PH_ID));
        tpl_set(d, "TITLE", title);
        tpl_set(d, "LEARNER", db_text(head, 0, PH_LEARNER));
        tpl_set(d, "LATEST", latest);
        tpl_set(d, "LATEST_AUTHOR", db_text(head, 0, PH_LATEST_AUTHOR));
        tpl_set(d, "LATEST_WHEN", db_text(head, 0, PH_LATEST_WHEN));
        if (*db_text(head, 0, PH_STARTED_FROM))
            tpl_set(tpl_add_section(d, "STARTED_FROM"), "NAME", db_text(head, 0, PH_STARTED_FROM));
        fill_actions(d, head);
        add_version(d, "LATEST_VERSION", latest, latest_html,
                    strcmp(agreed, latest) == 0 ? "agreed"
                    : draft                     ? "draft"
                                                : "proposed, not agreed");
        if (both)
            add_version(d, "AGREED_VERSION", agreed, agreed_html, "agreed");
        tpl_set_html(d, "HISTORY_HTML", history);   /* rendered from plans/history.tpl */
        tpl_set_html(d, "SUMMARY_HTML", summary);   /* rendered from plans/summary.tpl */
        tpl_set_html(d, "COMMENTS_HTML", comments); /* rendered from plans/comments.tpl */
        if (!draft && !plan_is_closed(head)) {
            tpl_dict *c = tpl_add_section(d, "COMMENT_FORM");
            tpl_set(c, "BODY", comment ? comment : "");
            if (comment_error)
                tpl_set(tpl_add_section(c, "COMMENT_ERROR"), "MESSAGE", comment_error);
        }
    }
    render_end(r, status);
}

/* GET /plans/:id */
void page_plan_show(request *r)
{
    if (render_found(r, r->prefetched, NO_PLAN))
        plan_render_page(r, 200, r->prefetched, NULL, NULL);
}

/* One side of a comparison being built: its pieces of one kind are
 * gathered until the kind changes, then added as a PART section. */
typedef struct {
    tpl_dict *row;
    const char *section; /* "A_PART" or "B_PART" */
    const char *changed; /* "GONE" or "NEW" */
    buf text;
    int kind; /* of what text holds; -1 for nothing yet */
} compare_side;

static void flush_side(compare_side *c)
{
    if (c->kind >= 0 && c->text.len) {
        tpl_dict *part = tpl_add_section(c->row, c->section);
        tpl_set(tpl_add_section(part, c->kind == DIFF_SAME ? "SAME" : c->changed), "TEXT",
                c->text.data);
    }
    buf_reset(&c->text, 4096);
    c->kind = -1;
}

static void add_to_side(compare_side *c, int kind, const char *text, size_t len)
{
    if (kind != c->kind)
        flush_side(c);
    c->kind = kind;
    buf_append(&c->text, text, len);
}

/* diff_words' pieces to the two sides: kept words to both, gone ones to
 * the first, new ones to the second. */
static void add_piece(void *ctx, diff_kind kind, const char *text, size_t len)
{
    compare_side *sides = ctx;
    if (kind != DIFF_NEW)
        add_to_side(&sides[0], kind, text, len);
    if (kind != DIFF_GONE)
        add_to_side(&sides[1], kind, text, len);
}

/* One row of a comparison: a field's text in the two versions, with the
 * words that went and came marked when it changed. */
static void compare_row(tpl_dict *d, const char *label, const char *a, const char *b)
{
    tpl_dict *row = tpl_add_section(d, "ROW");
    tpl_set(row, "LABEL", label);
    compare_side sides[2] = {{row, "A_PART", "GONE", {0}, -1}, {row, "B_PART", "NEW", {0}, -1}};
    bool changed = strcmp(a, b) != 0;
    if (changed && diff_words(a, b, add_piece, sides) == 0) {
        flush_side(&sides[0]);
        flush_side(&sides[1]);
    } else { /* unchanged, or too long to compare word by word: whole */
        tpl_set(tpl_add_section(tpl_add_section(row, "A_PART"), changed ? "GONE" : "SAME"), "TEXT",
                a);
        tpl_set(tpl_add_section(tpl_add_section(row, "B_PART"), changed ? "NEW" : "SAME"), "TEXT",
                b);
    }
    buf_free(&sides[0].text);
    buf_free(&sides[1].text);
    if (changed)
        tpl_show(row, "CHANGED");
}

/* The row of goals holding version number's goal with key, or -1. */
static int goal_row(const PGresult *goals, const char *number, const char *key)
{
    for (int k = 0; k < PQntuples(goals); k++)
        if (plan_is(goals, k, PG_NUMBER, number) && plan_is(goals, k, PG_KEY, key))
            return k;
    return -1;
}

/* The rows comparing goal ga of one version with gb of the other (either
 * -1 when the goal is not in that version), labelled label. */
static void compare_goal(request *r, tpl_dict *d, const char *label, const PGresult *goals, int ga,
                         int gb)
{
    static const struct {
        const char *label;
        int column;
    } goal_fields[] = {{"title", PG_TITLE},
                       {"success criteria", PG_CRITERIA},
                       {"target date", PG_TARGET_WORDS},
                       {"activities", PG_ACTIVITIES},
                       {"assessment", PG_ASSESSMENT}};
    for (size_t f = 0; f < sizeof goal_fields / sizeof *goal_fields; f++)
        compare_row(d, arena_printf(r->mem, "%s: %s", label, goal_fields[f].label),
                    ga < 0 ? "" : db_text(goals, ga, goal_fields[f].column),
                    gb < 0 ? "" : db_text(goals, gb, goal_fields[f].column));
}

/* The goals of versions na and nb compared, each with the same goal in
 * the other (by key, however reworded or moved): in nb's order, then
 * those nb no longer has. */
static void compare_goals(request *r, tpl_dict *d, const PGresult *goals, const char *na,
                          const char *nb)
{
    int n = 0;
    for (int k = 0; k < PQntuples(goals); k++)
        if (plan_is(goals, k, PG_NUMBER, nb))
            compare_goal(r, d, arena_printf(r->mem, "Goal %d", ++n), goals,
                         goal_row(goals, na, db_text(goals, k, PG_KEY)), k);
    for (int k = 0; k < PQntuples(goals); k++)
        if (plan_is(goals, k, PG_NUMBER, na) && goal_row(goals, nb, db_text(goals, k, PG_KEY)) < 0)
            compare_goal(r, d, "Goal taken out", goals, k, -1);
}

static void plan_render_compare(request *r, const PGresult *head, const PGresult *a,
                                const PGresult *b, const PGresult *goals)
{
    const char *na = db_text(a, 0, PV_NUMBER), *nb = db_text(b, 0, PV_NUMBER);
    tpl_dict *d = render_begin(
        r,
        arena_printf(r->mem, "%s: version %s and version %s", db_text(head, 0, PH_TITLE), na, nb),
        "plans/compare.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, PH_ID));
        tpl_set(d, "TITLE", db_text(head, 0, PH_TITLE));
        tpl_set(d, "A", na);
        tpl_set(d, "A_NAME", version_name(r, na, true));
        tpl_set(d, "B", nb);
        tpl_set(d, "A_BY",
                arena_printf(r->mem, "%s, %s", db_text(a, 0, PV_AUTHOR), db_text(a, 0, PV_WHEN)));
        tpl_set(d, "B_BY",
                arena_printf(r->mem, "%s, %s", db_text(b, 0, PV_AUTHOR), db_text(b, 0, PV_WHEN)));
        compare_row(d, "In the learner's words", db_text(a, 0, PV_LEARNER_ACCOUNT),
                    db_text(b, 0, PV_LEARNER_ACCOUNT));
        compare_row(d, "The tutor's view", db_text(a, 0, PV_TUTOR_ACCOUNT),
                    db_text(b, 0, PV_TUTOR_ACCOUNT));
        compare_goals(r, d, goals, na, nb);
        compare_row(d, "Support agreed", db_text(a, 0, PV_SUPPORT), db_text(b, 0, PV_SUPPORT));
    }
    render_end(r, 200);
}

/* GET /plans/:id/compare?from=N&to=M: two versions side by side, field by
 * field, what changed marked. */
void page_plan_compare(request *r)
{
    static const field_spec fields[] = {
        {"from", "the first version", FIELD_INT, true, 0, 100000, NULL},
        {"to", "the second version", FIELD_INT, true, 1, 100000, NULL}};
    field_value v[2];
    const char *err;
    if (!form_validate(r, fields, 2, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    PGresult *head = plan_find(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    const char *a[] = {id, v[0].str}, *b[] = {id, v[1].str}, *g[] = {id, v[0].str, v[1].str};
    const db_call calls[] = {{"plan_version", ARRAY_SIZE(a), a},
                             {"plan_version", ARRAY_SIZE(b), b},
                             {"plan_goals", ARRAY_SIZE(g), g}};
    PGresult *res[3] = {NULL, NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res))
        render_db_failed(r);
    else if (!PQntuples(res[0]) || !PQntuples(res[1]))
        render_error(r, 404, "This plan has no such version.");
    else
        plan_render_compare(r, head, res[0], res[1], res[2]);
    for (int i = 0; i < 3; i++)
        PQclear(res[i]);
    PQclear(head);
}

/* ------------------------------------------------------------ writing */

enum {
    F_TITLE,
    F_LEARNER,
    F_OWN_ACCOUNT,
    F_SUPPORT,
    F_NOTE,
    F_BASE,
    F_ACTION,
    F_TEMPLATE,
    F_GOALS, /* the goal fields, PLAN_GOAL_FIELD_SPECS, from here */
    N_FIELDS = F_GOALS + N_GOAL_FIELDS + 1
};
static const char *const actions[] = {"propose", "draft", NULL};
static const field_spec plan_fields[N_FIELDS] = {
    [F_TITLE] = {"title", "the plan's name", FIELD_STRING, false, 1, 200, NULL},
    [F_LEARNER] = {"learner", "the learner", FIELD_ID, false, 0, 0, NULL},
    [F_OWN_ACCOUNT] = {"account", "your account", FIELD_STRING, false, 0, 10000, NULL},
    [F_SUPPORT] = {"support", "the support agreed", FIELD_STRING, false, 0, 5000, NULL},
    [F_NOTE] = {"note", "what you changed and why", FIELD_STRING, false, 0, 2000, NULL},
    [F_BASE] = {"base", "the version you started from", FIELD_INT, false, 1, 100000, NULL},
    [F_ACTION] = {"action", "what to do", FIELD_ENUM, true, 0, 0, actions},
    [F_TEMPLATE] = {"template", "the course template", FIELD_ID, false, 0, 0, NULL},
    PLAN_GOAL_FIELD_SPECS,
};

/* The side someone starting a plan is on: staff start plans for their
 * learners, everyone else their own. */
static const char *plan_starter_side(request *r)
{
    return r->user->roles & ROLE_STAFF ? "tutor" : "learner";
}

/* What the form shows: a new plan (head NULL) or the next version of one;
 * filled from a version (fields, goals) or from what was typed. */
typedef struct {
    const PGresult *head;   /* plan_head, or NULL for a new plan */
    const PGresult *fields; /* plan_version of the version it starts from */
    const PGresult *goals;  /* its plan_goals */
    const field_value *typed;
    const goal_input *typed_goals;
    const char *error, *field;
    bool conflict;            /* someone proposed meanwhile: their version is the base now */
    const PGresult *template; /* plan_template_start: a new plan from a course template */
    const char *template_id;
} plan_form;

/* On the form for a new plan: the course templates to start from, or the
 * one chosen, whose support and goals fill the form. */
static void fill_template_choice(request *r, tpl_dict *d, const plan_form *f, bool tutor)
{
    const char *chosen = f->typed ? f->typed[F_TEMPLATE].str : "";
    if (f->template || *chosen) {
        tpl_dict *t = tpl_add_section(d, "FROM_TEMPLATE");
        tpl_set(t, "ID", f->template ? f->template_id : chosen);
        tpl_set(t, "NAME",
                f->template ? db_text(f->template, 0, TS_TITLE) : "the course template you chose");
        return;
    }
    const char *params[] = {tutor ? "0" : req_id_text(r, r->user->id), req_id_text(r, r->user->id)};
    PGresult *choices = db_run(r->db, "plan_template_choices", ARRAY_SIZE(params), params);
    if (choices && PQntuples(choices)) {
        tpl_dict *c = tpl_add_section(d, "TEMPLATES");
        for (int i = 0; i < PQntuples(choices); i++) {
            tpl_dict *o = tpl_add_section(c, "TEMPLATE");
            tpl_set(o, "ID", db_text(choices, i, TC_ID));
            tpl_set(o, "NAME",
                    arena_printf(r->mem, "%s (%s)", db_text(choices, i, TC_TITLE),
                                 db_text(choices, i, TC_COHORT)));
        }
    }
    PQclear(choices);
}

static void show_form(request *r, int status, const plan_form *f)
{
    const char *side = f->head ? db_text(f->head, 0, PH_SIDE) : plan_starter_side(r);
    bool tutor = strcmp(side, "tutor") == 0;
    const char *heading = f->head ? "Propose a version of the plan" : "Start a learning plan";
    tpl_dict *d = render_begin(r, f->error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "plans/form.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    tpl_set(d, "HEADING", heading);
    if (f->error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "MESSAGE", f->error);
        tpl_set(e, "FIELD", f->field ? f->field : "account");
    }
    tpl_show(d, tutor ? "TUTOR" : "LEARNER");
    const field_value *t = f->typed;
    if (f->head) {
        tpl_set(d, "ACTION",
                arena_printf(r->mem, "/plans/%s/versions", db_text(f->head, 0, PH_ID)));
        tpl_set(d, "TITLE", db_text(f->head, 0, PH_TITLE));
        tpl_set(d, "PLAN_ID", db_text(f->head, 0, PH_ID));
        tpl_set(tpl_add_section(d, "EDITING"), "BASE", db_text(f->fields, 0, PV_NUMBER));
        tpl_set(tpl_add_section(d, "OTHER_ACCOUNT"), "TEXT",
                db_text(f->fields, 0, tutor ? PV_LEARNER_ACCOUNT : PV_TUTOR_ACCOUNT));
        if (plan_is(f->head, 0, PH_STATE, "draft") && plan_is(f->head, 0, PH_LATEST_SIDE, side))
            tpl_show(d, "CAN_DRAFT");
    } else {
        tpl_set(d, "ACTION", "/plans");
        tpl_set(tpl_add_section(d, "CREATING"), "TITLE", t ? t[F_TITLE].str : "");
        tpl_show(d, "CAN_DRAFT");
        fill_template_choice(r, d, f, tutor);
    }
    if (f->conflict) /* their version beside the form, to merge from */
        fill_version(tpl_add_section(d, "CONFLICT"), f->fields, 0, f->goals);
    tpl_set(d, "ACCOUNT",
            t           ? t[F_OWN_ACCOUNT].str
            : f->fields ? db_text(f->fields, 0, tutor ? PV_TUTOR_ACCOUNT : PV_LEARNER_ACCOUNT)
                        : "");
    tpl_set(d, "SUPPORT",
            t             ? t[F_SUPPORT].str
            : f->fields   ? db_text(f->fields, 0, PV_SUPPORT)
            : f->template ? db_text(f->template, 0, TS_SUPPORT)
                          : "");
    tpl_set(d, "NOTE", t ? t[F_NOTE].str : "");
    plan_fill_goal_fields(tpl_include(d, "GOAL_FIELDS", "plans/goal_fields.tpl"), f->typed_goals,
                          f->template ? f->template : f->goals,
                          f->fields ? db_text(f->fields, 0, PV_NUMBER) : "0");
    if (tutor && !f->head) {
        const char *params[] = {req_id_text(r, r->user->id)};
        PGresult *learners = db_run(r->db, "plan_learners", ARRAY_SIZE(params), params);
        tpl_dict *choose = tpl_add_section(d, "CHOOSE_LEARNER");
        for (int i = 0; learners && i < PQntuples(learners); i++) {
            tpl_dict *l = tpl_add_section(choose, "LEARNER_CHOICE");
            tpl_set(l, "ID", db_text(learners, i, LR_ID));
            tpl_set(l, "NAME", db_text(learners, i, LR_NAME));
            if (t && strcmp(t[F_LEARNER].str, db_text(learners, i, LR_ID)) == 0)
                tpl_show(l, "SELECTED");
        }
        PQclear(learners);
    }
    render_end(r, status);
}

/* Checks the whole form; on a problem fills *err and *field. The goals
 * are read first, so that whatever fails, the form keeps every one. */
static bool read_plan(request *r, field_value *v, goal_input *g, const char *plan_id,
                      const char *base, const char **err, const char **field)
{
    bool goals_ok = plan_read_goals(r, g, err, field);
    if (!form_validate(r, plan_fields, N_FIELDS, v, err)) {
        *field = r->invalid_field;
        return false;
    }
    if (!goals_ok)
        return false;
    const char *params[] = {plan_targets_literal(r, g), plan_id, base};
    PGresult *res = params[0] ? db_run(r->db, "plan_dates_ok", ARRAY_SIZE(params), params) : NULL;
    bool ok = res && strcmp(db_text(res, 0, DO_OK), "t") == 0;
    if (!ok) {
        *err = !res ? RENDER_DB_DOWN : "A target date is in the past: choose a date to come.";
        *field = "goal_target-1";
    }
    PQclear(res);
    return ok;
}

/* Where the plan stands now, after a version was written or signed:
 * *state set to its new state. Inside the transaction. */
static bool settle(request *r, const char *plan_id, bool draft, const char **state)
{
    const char *params[] = {plan_id, draft ? "t" : "f"};
    PGresult *res = db_run(r->db, "plan_settle", ARRAY_SIZE(params), params);
    if (res && PQntuples(res))
        *state = arena_strdup(r->mem, db_text(res, 0, SE_STATE));
    PQclear(res);
    return res != NULL;
}

bool plan_notify(request *r, const char *id, const char *side, const char *kind,
                 const char *subject, const char *link)
{
    const char *params[] = {id, side, req_id_text(r, r->user->id), kind, subject, link};
    PGresult *res = db_run(r->db, "plan_notify", ARRAY_SIZE(params), params);
    PQclear(res);
    return res != NULL;
}

/* Tells the other side that version number awaits them, or that it was
 * agreed. */
static bool tell_other_side(request *r, const char *plan_id, const char *number, const char *side,
                            const char *state)
{
    bool agreed = state && strcmp(state, "agreed") == 0;
    return plan_notify(
        r, plan_id, side, agreed ? "plan_agreed" : "plan_proposal",
        arena_printf(r->mem,
                     agreed
                         ? "%s accepted version %s: your learning plan is agreed."
                         : "%s proposed version %s of a learning plan: it waits for your answer.",
                     r->user->display_name, number),
        arena_printf(r->mem, "/plans/%s", plan_id));
}

/* After a version was written by side: signs it for that side (unless it
 * is a draft), settles the plan's state and tells the other side.
 * Inside the transaction. */
static bool sign_and_settle(request *r, const char *plan_id, const char *number, const char *side,
                            bool draft, const char **state)
{
    const char *sign[] = {plan_id, number, side, req_id_text(r, r->user->id)};
    PGresult *s = draft ? NULL : db_run(r->db, "plan_sign", ARRAY_SIZE(sign), sign);
    if (!draft && !s)
        return false;
    PQclear(s);
    return settle(r, plan_id, draft, state) &&
           (draft || tell_other_side(r, plan_id, number, side, *state));
}

void page_plan_new(request *r)
{
    static const field_spec fields[] = {
        {"template", "the course template", FIELD_ID, false, 0, 0, NULL}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    if (!v[0].present) {
        show_form(r, 200, &(plan_form){0});
        return;
    }
    const char *params[] = {v[0].str, req_id_text(r, r->user->id)};
    PGresult *template = db_run(r->db, "plan_template_start", ARRAY_SIZE(params), params);
    if (template && PQntuples(template))
        show_form(r, 200, &(plan_form){.template = template, .template_id = v[0].str});
    else if (template)
        render_error(r, 404, "There is no such course template, or it is not for your groups.");
    else
        render_db_failed(r);
    PQclear(template);
}

/* Why the signed-in person may not start a plan for learner from
 * template (an id or ""), or NULL if they may. */
static const char *may_start(request *r, const char *learner, bool tutor, const char *template,
                             int *status)
{
    const char *check[] = {req_id_text(r, r->user->id), learner, tutor ? "tutor" : "learner",
                           template};
    PGresult *res = db_run(r->db, "plan_may_start", ARRAY_SIZE(check), check);
    const char *refusal = !res                                ? RENDER_DB_DOWN
                          : !plan_is(res, 0, MS_SIDE_OK, "t") ? "Choose one of your own learners."
                          : !plan_is(res, 0, MS_TEMPLATE_OK, "t")
                              ? "That course template is not for this learner's group: start "
                                "from a blank plan, or from their group's template."
                              : NULL;
    *status = res ? 400 : 503;
    PQclear(res);
    return refusal;
}

/* POST /plans: a new plan, as a draft or proposed at once. A tutor names
 * the learner, who must be one of theirs; a learner's plan is their own. */
void page_plan_create(request *r)
{
    field_value v[N_FIELDS];
    goal_input g = {0};
    const char *err, *field;
    bool tutor = strcmp(plan_starter_side(r), "tutor") == 0;
    if (!read_plan(r, v, &g, "0", "0", &err, &field)) {
        show_form(r, 400,
                  &(plan_form){.typed = v, .typed_goals = &g, .error = err, .field = field});
        return;
    }
    if (!v[F_TITLE].present || (tutor && !v[F_LEARNER].present)) {
        show_form(r, 400,
                  &(plan_form){.typed = v,
                               .typed_goals = &g,
                               .error = !v[F_TITLE].present ? "Give the plan a name."
                                                            : "Choose the learner.",
                               .field = !v[F_TITLE].present ? "title" : "learner"});
        return;
    }
    const char *learner = tutor ? v[F_LEARNER].str : req_id_text(r, r->user->id);
    bool draft = v[F_ACTION].num == 1;
    const char *params[16] = {req_id_text(r, r->user->institution_id),
                              learner,
                              req_id_text(r, r->user->id),
                              tutor ? "tutor" : "learner",
                              v[F_TITLE].str,
                              v[F_NOTE].str,
                              tutor ? "" : v[F_OWN_ACCOUNT].str,
                              tutor ? v[F_OWN_ACCOUNT].str : "",
                              v[F_SUPPORT].str,
                              [15] = v[F_TEMPLATE].str};
    PGresult *res = NULL;
    const char *state = NULL;
    int status;
    const char *refusal = may_start(r, learner, tutor, v[F_TEMPLATE].str, &status);
    if (refusal) {
        show_form(
            r, status,
            &(plan_form){.typed = v, .typed_goals = &g, .field = "learner", .error = refusal});
        return;
    }
    bool ok = plan_goal_params(r, &g, params, 9) && db_begin(r->db) &&
              (res = db_run(r->db, "plan_insert", ARRAY_SIZE(params), params)) &&
              sign_and_settle(r, db_text(res, 0, PI_ID), "1", params[3], draft, &state) &&
              db_commit(r->db);
    if (!ok) {
        db_rollback(r->db);
        PQclear(res);
        show_form(r, 503, &(plan_form){.typed = v, .typed_goals = &g, .error = RENDER_DB_DOWN});
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/plans/%s?done=%s", db_text(res, 0, PI_ID),
                                  draft ? "draft" : "proposed"));
    PQclear(res);
}

/* The plan :id for the signed-in person, or NULL having said why not. */
PGresult *plan_find(request *r)
{
    const char *params[] = {r->user->session_hash, r->params[0]};
    PGresult *head = db_run(r->db, "plan_head", ARRAY_SIZE(params), params);
    if (!render_found(r, head, NO_PLAN)) {
        PQclear(head);
        return NULL;
    }
    return head;
}

bool plan_is_closed(const PGresult *head)
{
    return plan_is(head, 0, PH_STATE, "completed") || plan_is(head, 0, PH_STATE, "withdrawn");
}

/* The form for the next version, starting from the latest; after a
 * refused save, what was typed is shown instead (with the latest as the
 * new base when someone proposed meanwhile). */
static void show_version_form(request *r, int status, const PGresult *head, const field_value *v,
                              const goal_input *g, const char *error, const char *field,
                              bool conflict)
{
    const char *latest = db_text(head, 0, PH_LATEST);
    const char *a[] = {db_text(head, 0, PH_ID), latest}, *b[] = {a[0], latest, latest};
    const db_call calls[] = {{"plan_version", ARRAY_SIZE(a), a}, {"plan_goals", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res) || !PQntuples(res[0]))
        render_db_failed(r);
    else
        show_form(r, status, &(plan_form){head, res[0], res[1], v, g, error, field, conflict});
    PQclear(res[0]);
    PQclear(res[1]);
}

void page_plan_edit(request *r)
{
    PGresult *head = plan_find(r);
    if (!head)
        return;
    if (plan_is_closed(head))
        render_error(r, 409, PLAN_CLOSED);
    else
        show_version_form(r, 200, head, NULL, NULL, NULL, NULL, false);
    PQclear(head);
}

/* Locks plan id for the rest of the transaction and reads where it stands
 * (state, latest version): every change to a plan is made under this lock,
 * so two people acting at once are taken one after the other, the second
 * seeing what the first did. NULL if the database failed. */
static PGresult *lock_plan(request *r, const char *id)
{
    const char *params[] = {id};
    PGresult *res = db_run(r->db, "plan_lock", ARRAY_SIZE(params), params);
    if (res && PQntuples(res) == 1)
        return res;
    PQclear(res);
    return NULL;
}

/* Writes the version proposed (or the draft kept) inside a transaction,
 * the plan locked. Returns the plan's new state, "stale" when the version
 * it started from is no longer the latest, "closed" when the plan is
 * finished, or NULL when the database failed. */
static const char *write_version(request *r, const char *id, const char *side, const field_value *v,
                                 const goal_input *g, bool draft, bool rewrite)
{
    PGresult *lock = NULL, *res = NULL;
    const char *outcome = NULL;
    const char *params[13] = {id,
                              req_id_text(r, r->user->id),
                              side,
                              v[F_BASE].str,
                              v[F_NOTE].str,
                              v[F_OWN_ACCOUNT].str,
                              v[F_SUPPORT].str};
    if (!plan_goal_params(r, g, params, 7) || !db_begin(r->db) || !(lock = lock_plan(r, id)))
        goto out;
    if (strcmp(db_text(lock, 0, LK_STATE), "completed") == 0 ||
        strcmp(db_text(lock, 0, LK_STATE), "withdrawn") == 0) {
        outcome = "closed";
    } else if (strcmp(db_text(lock, 0, LK_LATEST), v[F_BASE].str) != 0) {
        outcome = "stale";
    } else if ((res = db_run(r->db, rewrite ? "plan_draft_update" : "plan_version_insert",
                             ARRAY_SIZE(params), params)) &&
               PQntuples(res) == 1 &&
               sign_and_settle(r, id, db_text(res, 0, VI_NUMBER), side, draft, &outcome) &&
               db_commit(r->db)) {
        PQclear(lock);
        PQclear(res);
        return outcome ? outcome : "proposed";
    } else {
        outcome = NULL;
    }
out:
    db_rollback(r->db);
    PQclear(lock);
    PQclear(res);
    return outcome;
}

/* POST /plans/:id/versions: the next version, proposed (or a draft kept).
 * Refused, with everything typed kept and the newer version shown beside
 * it, when it does not start from the latest version: someone proposed
 * meanwhile, and overwriting them silently is what this must never do. */
void page_plan_propose(request *r)
{
    PGresult *head = plan_find(r);
    if (!head)
        return;
    field_value v[N_FIELDS];
    goal_input g = {0};
    const char *err, *field;
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    bool ok = read_plan(r, v, &g, id, db_text(head, 0, PH_LATEST), &err, &field);
    bool stale = !v[F_BASE].present || strcmp(v[F_BASE].str, db_text(head, 0, PH_LATEST)) != 0;
    bool own_draft = plan_is(head, 0, PH_STATE, "draft") && plan_is(head, 0, PH_LATEST_SIDE, side);
    const char *outcome =
        ok && !stale && !plan_is_closed(head)
            ? write_version(r, id, side, v, &g, own_draft && v[F_ACTION].num == 1, own_draft)
            : NULL;
    if (plan_is_closed(head) || (outcome && strcmp(outcome, "closed") == 0)) {
        render_error(r, 409, PLAN_CLOSED);
    } else if (!ok) {
        show_version_form(r, 400, head, v, &g, err, field, stale);
    } else if (stale || (outcome && strcmp(outcome, "stale") == 0)) {
        PQclear(head); /* read it again: someone proposed meanwhile */
        if ((head = plan_find(r)))
            show_version_form(r, 409, head, v, &g,
                              arena_printf(r->mem,
                                           "%s proposed version %s while you were writing. What "
                                           "you wrote is kept below: bring in what you want to "
                                           "keep from their version, then propose again.",
                                           db_text(head, 0, PH_LATEST_AUTHOR),
                                           db_text(head, 0, PH_LATEST)),
                              "account", true);
    } else if (!outcome) {
        show_version_form(r, 503, head, v, &g, RENDER_DB_DOWN, "account", false);
    } else {
        resp_redirect(r, arena_printf(r->mem, "/plans/%s?done=%s", id,
                                      own_draft && v[F_ACTION].num == 1 ? "draft"
                                      : strcmp(outcome, "agreed") == 0  ? "agreed"
                                                                        : "proposed"));
    }
    PQclear(head);
}

/* POST /plans/:id/accept (version): the viewer's side signs the latest
 * version, under the plan's lock; when both sides have, it is agreed and
 * in force. */
void page_plan_accept(request *r)
{
    static const field_spec fields[] = {
        {"version", "the version", FIELD_INT, true, 1, 100000, NULL}};
    field_value v[1];
    const char *err;
    PGresult *head = plan_find(r);
    if (!head)
        return;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        PQclear(head);
        return;
    }
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    const char *params[] = {id, v[0].str, side, req_id_text(r, r->user->id)};
    const char *state = NULL, *refusal = NULL;
    PGresult *lock = NULL, *sign = NULL;
    bool ok = db_begin(r->db) && (lock = lock_plan(r, id));
    if (ok && strcmp(db_text(lock, 0, LK_STATE), "proposed") != 0 &&
        strcmp(db_text(lock, 0, LK_STATE), "amendment") != 0)
        refusal = "There is no proposal waiting to be accepted on this plan.";
    else if (ok && strcmp(db_text(lock, 0, LK_LATEST), v[0].str) != 0)
        refusal = arena_printf(r->mem,
                               "Version %s is no longer the latest: version %s was proposed "
                               "since. Read it, then accept it or propose changes.",
                               v[0].str, db_text(lock, 0, LK_LATEST));
    else if (ok && (ok = (sign = db_run(r->db, "plan_sign", ARRAY_SIZE(params), params)) != NULL) &&
             PQntuples(sign) == 0)
        refusal = "You have already accepted this version. It waits for the other side.";
    ok =
        ok && !refusal && settle(r, id, false, &state) &&
        (!state || strcmp(state, "agreed") != 0 || tell_other_side(r, id, v[0].str, side, state)) &&
        db_commit(r->db);
    if (!ok)
        db_rollback(r->db);
    if (refusal)
        render_error(r, 409, refusal);
    else if (!ok)
        render_db_failed(r);
    else
        resp_redirect(r, arena_printf(r->mem, "/plans/%s?done=%s", id,
                                      state && strcmp(state, "agreed") == 0 ? "agreed" : "signed"));
    PQclear(sign);
    PQclear(lock);
    PQclear(head);
}

/* Ends a plan: completed (a tutor, once agreed) or withdrawn (either). */
/* Why the viewer cannot end plan head as state (completed or withdrawn)
 * now, with the answer's status in *status; NULL when they can. */
#define FINISH_REFUSED                                                                             \
    "This plan cannot be ended that way now: it is finished already, or not yet agreed."
static const char *finish_refusal(const PGresult *head, const char *state, int *status)
{
    *status = 409;
    if (strcmp(state, "completed") == 0 && !plan_is(head, 0, PH_SIDE, "tutor")) {
        *status = 403;
        return "Only a tutor marks a plan as completed.";
    }
    if (plan_is(head, 0, PH_STATE, "draft"))
        return "A draft has not been shown to anyone yet: propose it, or leave it.";
    if (plan_is_closed(head) ||
        (strcmp(state, "completed") == 0 && plan_is(head, 0, PH_AGREED, "0")))
        return FINISH_REFUSED;
    return NULL;
}

static void finish(request *r, const char *state)
{
    PGresult *head = plan_find(r);
    if (!head)
        return;
    const char *params[] = {db_text(head, 0, PH_ID), state};
    const char *refusal;
    int status;
    PGresult *res = NULL;
    if ((refusal = finish_refusal(head, state, &status)))
        render_error(r, status, refusal);
    else if (!(res = db_run(r->db, "plan_finish", ARRAY_SIZE(params), params)))
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 409, FINISH_REFUSED);
    else
        resp_redirect(r, arena_printf(r->mem, "/plans/%s", params[0]));
    PQclear(res);
    PQclear(head);
}

/* GET /plans/:id/complete and /withdraw: asks first (both are for good). */
static void confirm_finish(request *r, const char *state)
{
    const PGresult *head = r->prefetched;
    if (!render_found(r, head, NO_PLAN))
        return;
    const char *refusal, *id = db_text(head, 0, PH_ID);
    int status;
    bool complete = strcmp(state, "completed") == 0;
    if ((refusal = finish_refusal(head, state, &status))) {
        render_error(r, status, refusal);
        return;
    }
    render_confirmation(
        r,
        &(confirmation){
            .caption = arena_printf(r->mem, "%s's learning plan: %s", db_text(head, 0, PH_LEARNER),
                                    db_text(head, 0, PH_TITLE)),
            .question = complete ? "Mark this plan as completed?" : "Withdraw this plan?",
            .consequence =
                complete ? "Its goals stay as they are and nothing more can be proposed, "
                           "reviewed or changed. Every version stays readable. This cannot be "
                           "undone: a new plan would have to be started."
                         : "The plan stops for both of you: nothing more can be proposed, "
                           "agreed, reviewed or changed. Every version stays readable. This "
                           "cannot be undone: a new plan would have to be started.",
            .action = arena_printf(r->mem, "/plans/%s/%s", id, complete ? "complete" : "withdraw"),
            .button = complete ? "Mark the plan as completed" : "Withdraw the plan",
            .back = arena_printf(r->mem, "/plans/%s", id),
            .keep = "Keep the plan going"});
}

void page_plan_complete(request *r)
{
    finish(r, "completed");
}

void page_plan_withdraw(request *r)
{
    finish(r, "withdrawn");
}

void page_plan_confirm_complete(request *r)
{
    confirm_finish(r, "completed");
}

void page_plan_confirm_withdraw(request *r)
{
    confirm_finish(r, "withdrawn");
}

/* How row i of plan_list's goals in force stand, and its next review. */
static void fill_plan_standing(request *r, tpl_dict *p, const PGresult *res, int i)
{
    if (!plan_is(res, i, PL_GOALS, "0")) {
        tpl_set(p, "GOALS",
                arena_printf(r->mem, "%s of %s", db_text(res, i, PL_ACHIEVED),
                             db_text(res, i, PL_GOALS)));
        if (!plan_is(res, i, PL_OVERDUE, "0"))
            tpl_set(tpl_add_section(p, "OVERDUE"), "N", db_text(res, i, PL_OVERDUE));
    }
    if (*db_text(res, i, PL_NEXT_REVIEW)) {
        tpl_dict *n = tpl_add_section(p, "NEXT_REVIEW");
        tpl_set(n, "DATE", db_text(res, i, PL_NEXT_REVIEW));
        if (plan_is(res, i, PL_REVIEW_LATE, "t"))
            tpl_show(n, "LATE");
    }
}

/* The rows of plan_list as the list's HTML (plans/list_items.tpl). */
static const safe_html *render_plan_list(request *r, const PGresult *res)
{
    tpl_dict *d = tpl_dict_new();
    if (!d)
        return NULL;
    int waiting = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        bool to_answer = plan_is(res, i, PL_AWAITING, db_text(res, i, PL_SIDE));
        bool mine = to_answer || !plan_is(res, i, PL_TO_SIGN, "0");
        waiting += mine;
        tpl_dict *p = tpl_add_section(d, mine ? "WAITING" : "PLAN");
        tpl_set(p, "ID", db_text(res, i, PL_ID));
        tpl_set(p, "TITLE", db_text(res, i, PL_TITLE));
        tpl_set(p, "STATE",
                mine && !to_answer ? "A review to sign"
                                   : plan_state_label(db_text(res, i, PL_STATE)));
        tpl_set(p, "LEARNER", db_text(res, i, PL_LEARNER));
        tpl_set(p, "UPDATED", db_text(res, i, PL_UPDATED));
        tpl_set(p, "VERSION", db_text(res, i, PL_VERSION));
        fill_plan_standing(r, p, res, i);
    }
    if (waiting)
        tpl_set_int(tpl_add_section(d, "HAS_WAITING"), "N", waiting);
    if (PQntuples(res) > waiting)
        tpl_show(d, "HAS_PLANS");
    else if (!PQntuples(res))
        tpl_show(d, "NONE");
    return render_fragment(r, "plans/list_items.tpl", d);
}

/* The viewer's plans, rendered: kept in memory under the list's version
 * (the route's prefetch), else read in a second round trip. */
static const safe_html *plan_list_html(request *r, const char *state)
{
    const PGresult *version = r->prefetched;
    const char *key = PQntuples(version)
                          ? arena_printf(r->mem, "plans/%s/%s/%s", db_text(version, 0, LV_VIEWER),
                                         state, db_text(version, 0, LV_VERSION))
                          : NULL;
    const safe_html *html = key ? render_fragment_find(r, key, 0) : NULL;
    if (html)
        return html;
    const char *params[] = {req_id_text(r, r->user->id), state,
                            req_id_text(r, r->user->institution_id)};
    PGresult *res = db_run(r->db, "plan_list", ARRAY_SIZE(params), params);
    if (res && (html = render_plan_list(r, res)) && key)
        render_fragment_keep(key, 0, html, 0);
    PQclear(res);
    return html;
}

/* GET /plans (?state=): the plans I am on a side of, what waits for me
 * first. For a tutor, all their learners' plans. */
void page_plan_list(request *r)
{
    static const char *const states[] = {"draft",     "proposed",  "agreed",  "amendment",
                                         "completed", "withdrawn", "overdue", NULL};
    static const field_spec fields[] = {{"state", "the state", FIELD_ENUM, false, 0, 0, states}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const safe_html *list = r->prefetched ? plan_list_html(r, v[0].str) : NULL;
    if (!list) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Learning plans", "plans/list.tpl");
    if (d) {
        tpl_set_html(d, "LIST_HTML", list); /* rendered from plans/list_items.tpl */
        if (r->user->roles & ROLE_STAFF)
            tpl_show(d, "STAFF");
        for (int i = 0; states[i]; i++) {
            tpl_dict *f = tpl_add_section(d, "FILTER");
            tpl_set(f, "VALUE", states[i]);
            tpl_set(f, "LABEL",
                    strcmp(states[i], "overdue") == 0
                        ? "Overdue: a goal past its date or a review past due"
                        : plan_state_label(states[i]));
            if (strcmp(v[0].str, states[i]) == 0)
                tpl_show(f, "SELECTED");
        }
    }
    render_end(r, 200);
}
