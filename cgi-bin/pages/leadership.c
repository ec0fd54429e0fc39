/* leadership: Personalised Leadership Plans (sql/0015_leadership.sql). A
 * member of staff keeps a plan a year, private to them and their line
 * manager, and others they share it with; next year's starts from this
 * year's unfinished goals. The plan's page shows all of it and is kept
 * rendered in memory under the plan's revision (any change gives a new
 * one). A line manager's team page shows their reports' plans with what
 * is due. */
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/richtext.h"
#include "../core/notify.h"
#include "leadership.h"

// clang-format off
/* The team of $1 (their active reports) with this year's plan of each:
 * goals achieved and in all, goals past their date, the next review and
 * whether it is late, reviews waiting for the manager's signature, open
 * 360 rounds, review actions past their date. */
#define LP_TEAM                                                                                    \
    "SELECT u.id, u.display_name, u.department, coalesce(p.id, 0),"                               \
    "       coalesce(g.total, 0), coalesce(g.achieved, 0), coalesce(g.overdue, 0),"                \
    "       coalesce(to_char(rv.next_review, '" SQL_DAY "'), ''),"                               \
    "       coalesce(rv.next_review < current_date, false),"                                       \
    "       coalesce(to_char(rv.held_on, '" SQL_DAY "'), ''),"                                   \
    "       (SELECT count(*) FROM leadership_reviews x WHERE x.plan_id = p.id"                     \
    "           AND x.manager_signed_at IS NULL),"                                                 \
    "       (SELECT count(*) FROM feedback_rounds f WHERE f.plan_id = p.id"                        \
    "           AND f.closed_at IS NULL),"                                                         \
    "       (SELECT count(*) FROM leadership_review_actions x"                                     \
    "          JOIN leadership_reviews xr ON xr.id = x.review_id"                                  \
    "         WHERE xr.plan_id = p.id AND x.done_at IS NULL AND x.due_on < current_date)"          \
    "  FROM users u"                                                                               \
    "  LEFT JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = " LP_YEAR           \
    "  LEFT JOIN LATERAL (SELECT count(*) AS total,"                                               \
    "                            count(*) FILTER (WHERE status = 'achieved') AS achieved,"         \
    "                            count(*) FILTER (WHERE due_on < current_date"                     \
    "                                             AND status IN ('not_started', 'in_progress'))"  \
    "                              AS overdue"                                                     \
    "                       FROM leadership_goals WHERE plan_id = p.id) g ON true"                 \
    "  LEFT JOIN LATERAL (SELECT held_on, next_review FROM leadership_reviews"                     \
    "                      WHERE plan_id = p.id ORDER BY held_on DESC, id DESC LIMIT 1) rv ON true"\
    " WHERE u.line_manager_id = $1 AND u.status = 'active'"
/* LP_TEAM: one row a report. */
enum {
    TM_USER_ID,
    TM_NAME,
    TM_DEPARTMENT,
    TM_PLAN_ID, /* "0" when they have no plan this year */
    TM_GOALS,
    TM_ACHIEVED,
    TM_OVERDUE,
    TM_NEXT_REVIEW,
    TM_NEXT_LATE,
    TM_LAST_REVIEW,
    TM_TO_SIGN,
    TM_ROUNDS,
    TM_LATE_ACTIONS,
    LP_TEAM_COLUMNS
};

/* lp_mine: one row a plan of mine. */
enum { MI_ID, MI_YEAR, MI_GOALS, MI_ACHIEVED, MI_OPEN, LP_MINE_COLUMNS };
/* lp_shared_with: one row a plan shared with me. */
enum { SW_ID, SW_YEAR, SW_OWNER, LP_SHARED_WITH_COLUMNS };
/* lp_owed: one row a 360 round waiting for my answer. */
enum { OW_ROUND_ID, OW_OWNER, OW_INSTRUMENT, OW_OPENED, LP_OWED_COLUMNS };
/* lp_years: one row a year a plan can be started for. */
enum { YR_YEAR, YR_HAS_PLAN, YR_TO_CARRY, LP_YEARS_COLUMNS };
/* lp_insert: the new plan. */
enum { NP_ID, LP_INSERT_COLUMNS };
/* lp_team_version: what the team page is kept in memory under. */
enum { TV_REPORTS, TV_REVISIONS, TV_TODAY, LP_TEAM_VERSION_COLUMNS };
/* lp_reviews: one row a review meeting of the plan. */
enum {
    RL_ID,
    RL_HELD,
    RL_OWNER_SIGNED,
    RL_MANAGER_SIGNED,
    RL_MANAGER,
    RL_OPEN_ACTIONS,
    RL_NEXT,
    RL_NEXT_LATE,
    LP_REVIEWS_COLUMNS
};
/* lp_rounds: one row a 360 round of the plan. */
enum { RN_ID, RN_INSTRUMENT, RN_OPENED, RN_CLOSED, RN_INVITED, RN_ANSWERED, LP_ROUNDS_COLUMNS };
/* lp_shares: one row a person the plan is shared with. */
enum { SH_USER_ID, SH_NAME, SH_USERNAME, LP_SHARES_COLUMNS };
/* lp_share_add: the person it is now shared with. */
enum { SA_USER_ID, LP_SHARE_ADD_COLUMNS };

/* lp_has_team: whether the viewer line-manages anyone. */
enum { HT_HAS_TEAM, LP_HAS_TEAM_COLUMNS };

const db_statement leadership_statements[] = {
    {"lp_head", LP_HEAD, LP_HEAD_COLUMNS},
    /* The prefetch of a page under a plan with one more path parameter. */
    {"lp_head_sub", LP_HEAD " WHERE $3::text IS NOT NULL", LP_HEAD_COLUMNS},
    /* My plans, newest year first: goals achieved and in all. */
    {"lp_mine",
     "SELECT p.id, p.academic_year, count(g.id), count(g.id) FILTER (WHERE g.status = 'achieved'),"
     "       p.academic_year >= " LP_YEAR
     "  FROM leadership_plans p LEFT JOIN leadership_goals g ON g.plan_id = p.id"
     " WHERE p.owner_id = $1 GROUP BY p.id ORDER BY p.academic_year DESC", LP_MINE_COLUMNS},
    /* Plans others shared with $1. */
    {"lp_shared_with",
     "SELECT p.id, p.academic_year, o.display_name FROM leadership_shares s"
     "  JOIN leadership_plans p ON p.id = s.plan_id JOIN users o ON o.id = p.owner_id"
     " WHERE s.user_id = $1 ORDER BY p.academic_year DESC, o.display_name", LP_SHARED_WITH_COLUMNS},
    /* 360 rounds waiting for $1's answer. */
    {"lp_owed",
     "SELECT r.id, o.display_name, i.name, to_char(r.opened_at, '" SQL_DAY "')"
     "  FROM feedback_invitations fi JOIN feedback_rounds r ON r.id = fi.round_id"
     "  JOIN leadership_plans p ON p.id = r.plan_id JOIN users o ON o.id = p.owner_id"
     "  JOIN instruments i ON i.id = r.instrument_id"
     " WHERE fi.invitee_id = $1 AND NOT fi.answered AND r.closed_at IS NULL ORDER BY r.opened_at",
     LP_OWED_COLUMNS},
    /* The years $1 can start a plan for (this one and the next) with
     * whether they have one, and their latest earlier plan's unfinished
     * goals to carry. */
    /* Whether $1 line-manages anyone active: whether "Your team" is theirs. */
    {"lp_has_team",
     "SELECT EXISTS (SELECT 1 FROM users WHERE line_manager_id = $1 AND status = 'active')",
     LP_HAS_TEAM_COLUMNS},
    {"lp_years",
     "SELECT y.year, EXISTS (SELECT 1 FROM leadership_plans WHERE owner_id = $1"
     "                        AND academic_year = y.year),"
     "       coalesce((SELECT count(*) FROM leadership_goals g WHERE g.plan_id = ("
     "                   SELECT id FROM leadership_plans WHERE owner_id = $1"
     "                      AND academic_year < y.year ORDER BY academic_year DESC LIMIT 1)"
     "                   AND g.status IN ('not_started', 'in_progress')), 0)"
     "  FROM (SELECT " LP_YEAR " AS year UNION ALL"
     "        SELECT to_char(current_date + interval '4 months', 'YYYY') || '/'"
     "               || to_char(current_date + interval '16 months', 'YY')) y ORDER BY 1",
     LP_YEARS_COLUMNS},
    {"lp_insert",
     "INSERT INTO leadership_plans (institution_id, owner_id, academic_year, aspiration)"
     " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id", LP_INSERT_COLUMNS},
    /* Carries the unfinished goals of $2's latest plan before plan $1. */
    {"lp_carry",
     "SELECT leadership_carry(prev.id, $1) FROM leadership_plans p"
     "  JOIN LATERAL (SELECT id FROM leadership_plans WHERE owner_id = $2"
     "                   AND academic_year < p.academic_year"
     "                 ORDER BY academic_year DESC LIMIT 1) prev ON true WHERE p.id = $1", 1},
    /* The team page's prefetch: how many reports $1's session has and the
     * sum of their plans' revisions (which any change moves), to find
     * the page kept in memory. */
    {"lp_team_version",
     "SELECT count(u.id), coalesce(sum(p.revision), 0), to_char(current_date, 'YYYY-MM-DD')"
     "  FROM session_viewer($1) v"
     "  JOIN users u ON u.institution_id = v.institution_id AND u.line_manager_id = v.id"
     "  LEFT JOIN leadership_plans p ON p.owner_id = u.id AND p.academic_year = " LP_YEAR
     " WHERE u.status = 'active'", LP_TEAM_VERSION_COLUMNS},
    {"lp_team", LP_TEAM " ORDER BY p.id IS NULL, u.display_name", LP_TEAM_COLUMNS},
    /* The plan's page: goals, activities, reflections, evidence, reviews,
     * 360 rounds (plan $1, already checked; its profile is lp_results). */
    {"lp_goals", LP_GOAL_COLUMNS " WHERE g.plan_id = $1"
                 " ORDER BY g.status IN ('achieved', 'dropped'), g.due_on, g.id", GC_N_COLUMNS},
    {"lp_activities",
     "SELECT a.id, coalesce(a.goal_id, 0), a.kind, a.title, a.details, a.status,"
     "       coalesce(to_char(a.starts_on, '" SQL_DAY "'), ''),"
     "       coalesce(to_char(a.ends_on, '" SQL_DAY "'), ''),"
     "       coalesce(a.ends_on < current_date AND a.status IN ('planned', 'in_progress'), false)"
     "  FROM leadership_activities a WHERE a.plan_id = $1"
     " ORDER BY a.status IN ('done', 'cancelled'), a.starts_on NULLS LAST, a.id",
     LP_ACTIVITIES_COLUMNS},
    {"lp_reflections",
     "SELECT f.id, to_char(f.written_on, '" SQL_DAY "'), coalesce(g.title, ''),"
     "       coalesce(a.title, ''), f.body_html"
     "  FROM leadership_reflections f"
     "  LEFT JOIN leadership_goals g ON g.id = f.goal_id"
     "  LEFT JOIN leadership_activities a ON a.id = f.activity_id"
     " WHERE f.plan_id = $1 ORDER BY f.written_on DESC, f.id DESC LIMIT 10",
     LP_REFLECTIONS_COLUMNS},
    {"lp_reviews",
     "SELECT r.id, to_char(r.held_on, '" SQL_DAY "'), r.owner_signed_at IS NOT NULL,"
     "       r.manager_signed_at IS NOT NULL, m.display_name,"
     "       (SELECT count(*) FROM leadership_review_actions x"
     "         WHERE x.review_id = r.id AND x.done_at IS NULL),"
     "       coalesce(to_char(r.next_review, '" SQL_DAY "'), ''),"
     "       coalesce(r.next_review < current_date, false)"
     "  FROM leadership_reviews r JOIN users m ON m.id = r.manager_id"
     " WHERE r.plan_id = $1 ORDER BY r.held_on DESC, r.id DESC", LP_REVIEWS_COLUMNS},
    {"lp_rounds",
     "SELECT f.id, i.name, to_char(f.opened_at, '" SQL_DAY "'),"
     "       coalesce(to_char(f.closed_at, '" SQL_DAY "'), ''),"
     "       (SELECT count(*) FROM feedback_invitations fi WHERE fi.round_id = f.id),"
     "       f.answer_count"
     "  FROM feedback_rounds f JOIN instruments i ON i.id = f.instrument_id"
     " WHERE f.plan_id = $1 ORDER BY f.opened_at DESC", LP_ROUNDS_COLUMNS},
    {"lp_shares",
     "SELECT u.id, u.display_name, u.username FROM leadership_shares s"
     "  JOIN users u ON u.id = s.user_id WHERE s.plan_id = $1 ORDER BY u.display_name",
     LP_SHARES_COLUMNS},
    /* Shares plan $1 with the active person called $3 at college $2
     * (not its owner); nothing when there is no such person. */
    {"lp_share_add",
     "INSERT INTO leadership_shares (plan_id, user_id, institution_id)"
     " SELECT p.id, u.id, p.institution_id FROM leadership_plans p JOIN users u"
     "     ON u.institution_id = $2 AND u.username = lower($3) AND u.status = 'active'"
     "  WHERE p.id = $1 AND u.id <> p.owner_id"
     " ON CONFLICT DO NOTHING RETURNING user_id", LP_SHARE_ADD_COLUMNS},
    {"lp_share_remove",
     "DELETE FROM leadership_shares WHERE plan_id = $1 AND user_id = $2 RETURNING user_id", 1},
    {NULL, NULL},
};
// clang-format on

/* ------------------------------------------------------------ shared by the files */

const PGresult *lp_find(request *r)
{
    if (r->prefetched)
        return render_found(r, r->prefetched, NO_LP) ? r->prefetched : NULL;
    const char *params[] = {r->user->session_hash, r->params[0]};
    PGresult *head = db_run(r->db, "lp_head", ARRAY_SIZE(params), params);
    if (!render_found(r, head, NO_LP)) {
        PQclear(head);
        return NULL;
    }
    return head;
}

void lp_release(request *r, const PGresult *head)
{
    if (head != r->prefetched)
        PQclear((PGresult *)head);
}

bool lp_side(const PGresult *head, const char *side)
{
    return strcmp(db_text(head, 0, LH_SIDE), side) == 0;
}

bool lp_owner_may_write(request *r, const PGresult *head)
{
    if (!lp_side(head, "owner")) {
        render_error(r, 404, LP_OWNER_ONLY);
        return false;
    }
    if (strcmp(db_text(head, 0, LH_OPEN), "t") != 0) {
        render_error(r, 409, LP_CLOSED);
        return false;
    }
    return true;
}

const char *lp_path(request *r, const PGresult *head, const char *under)
{
    return arena_printf(r->mem, "/leadership/plans/%s%s", db_text(head, 0, LH_ID),
                        under ? under : "");
}

bool lp_notify_other(request *r, const PGresult *head, const char *kind, const char *subject,
                     const char *link)
{
    long long other =
        lp_side(head, "owner") ? db_int(head, 0, LH_MANAGER_ID) : db_int(head, 0, LH_OWNER_ID);
    return !other || notify(r, other, kind, subject, link);
}

static const char *label(const char *value, const char *const pairs[][2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(value, pairs[i][0]) == 0)
            return pairs[i][1];
    return value;
}

/* What the audit log calls the change each of lp_change's statements makes. */
static const char *audit_action(const char *statement)
{
    static const char *const actions[][2] = {
        {"lp_share_remove", "leadership_plan_unshared"},
        {"lp_goal_status", "leadership_goal_status_changed"},
        {"lp_evidence_add", "leadership_evidence_added"},
        {"lp_evidence_remove", "leadership_evidence_removed"},
        {"lp_activity_insert", "leadership_activity_added"},
        {"lp_activity_status", "leadership_activity_status_changed"},
        {"lp_reflection_insert", "leadership_reflection_written"},
        {"lp_action_done", "leadership_action_done"}};
    return label(statement, actions, sizeof actions / sizeof *actions);
}

void lp_change(request *r, const PGresult *head, const char *statement, int n_extra,
               const char *const *extra, const char *refusal, const char *to)
{
    const char *params[8] = {db_text(head, 0, LH_ID)};
    for (int i = 0; i < n_extra && i < 7; i++)
        params[i + 1] = extra[i];
    PGresult *res = NULL;
    bool ok = db_begin(r->db) && (res = db_run(r->db, statement, n_extra + 1, params));
    if (ok && !PQntuples(res)) {
        db_rollback(r->db);
        render_error(r, 404, refusal);
    } else if (ok &&
               audit(r, audit_action(statement), db_int(head, 0, LH_OWNER_ID), 0,
                     arena_printf(r->mem, "leadership plan %s", params[0])) &&
               db_commit(r->db)) {
        resp_redirect(r, to ? to : lp_path(r, head, NULL));
    } else {
        db_rollback(r->db);
        render_db_failed(r);
    }
    PQclear(res);
}

const char *lp_goal_status_label(const char *status)
{
    static const char *const names[][2] = {{"not_started", "Not started"},
                                           {"in_progress", "In progress"},
                                           {"achieved", "Achieved"},
                                           {"dropped", "Dropped"}};
    return label(status, names, sizeof names / sizeof *names);
}

const char *lp_activity_status_label(const char *status)
{
    static const char *const names[][2] = {{"planned", "Planned"},
                                           {"in_progress", "In progress"},
                                           {"done", "Done"},
                                           {"cancelled", "Cancelled"}};
    return label(status, names, sizeof names / sizeof *names);
}

const char *lp_activity_kind_label(const char *kind)
{
    static const char *const names[][2] = {{"course", "Course"},       {"coaching", "Coaching"},
                                           {"shadowing", "Shadowing"}, {"project", "Project"},
                                           {"reading", "Reading"},     {"other", "Other"}};
    return label(kind, names, sizeof names / sizeof *names);
}

/* ------------------------------------------------------------ my plans */

static void fill_mine(tpl_dict *d, const PGresult *mine, const PGresult *shared,
                      const PGresult *owed)
{
    for (int i = 0; i < PQntuples(mine); i++) {
        tpl_dict *p = tpl_add_section(d, "PLAN");
        tpl_set(p, "ID", db_text(mine, i, MI_ID));
        tpl_set(p, "YEAR", db_text(mine, i, MI_YEAR));
        tpl_set(p, "GOALS", db_text(mine, i, MI_GOALS));
        tpl_set(p, "ACHIEVED", db_text(mine, i, MI_ACHIEVED));
        tpl_set(p, "STANDING", strcmp(db_text(mine, i, MI_OPEN), "t") == 0 ? "In use" : "Kept");
    }
    if (!PQntuples(mine))
        tpl_show(d, "NO_PLANS");
    for (int i = 0; i < PQntuples(shared); i++) {
        tpl_dict *p = tpl_add_section(d, "SHARED");
        tpl_set(p, "ID", db_text(shared, i, SW_ID));
        tpl_set(p, "YEAR", db_text(shared, i, SW_YEAR));
        tpl_set(p, "OWNER", db_text(shared, i, SW_OWNER));
    }
    if (PQntuples(shared))
        tpl_show(d, "ANY_SHARED");
    for (int i = 0; i < PQntuples(owed); i++) {
        tpl_dict *o = tpl_add_section(d, "OWED");
        tpl_set(o, "ID", db_text(owed, i, OW_ROUND_ID));
        tpl_set(o, "OWNER", db_text(owed, i, OW_OWNER));
        tpl_set(o, "INSTRUMENT", db_text(owed, i, OW_INSTRUMENT));
        tpl_set(o, "OPENED", db_text(owed, i, OW_OPENED));
    }
    if (PQntuples(owed))
        tpl_show(d, "ANY_OWED");
}

/* The years a plan can be started for, as radio choices (chosen, or the
 * first without a plan, checked), keeping what was typed. */
static void fill_start(tpl_dict *d, const PGresult *years, const char *chosen, bool carry,
                       const char *aspiration)
{
    tpl_dict *form = NULL;
    for (int i = 0; i < PQntuples(years); i++) {
        if (strcmp(db_text(years, i, YR_HAS_PLAN), "t") == 0)
            continue;
        const char *choice = i ? "next" : "current";
        bool first = !form;
        if (first)
            form = tpl_add_section(d, "START");
        tpl_dict *y = tpl_add_section(form, "YEAR");
        tpl_set(y, "YEAR", db_text(years, i, YR_YEAR));
        tpl_set(y, "CHOICE", choice);
        if (chosen ? strcmp(chosen, choice) == 0 : first)
            tpl_show(y, "CHECKED");
        if (strcmp(db_text(years, i, YR_TO_CARRY), "0") != 0)
            tpl_set(tpl_add_section(y, "CARRY"), "N", db_text(years, i, YR_TO_CARRY));
    }
    if (form) {
        tpl_set(form, "ASPIRATION", aspiration ? aspiration : "");
        if (carry)
            tpl_show(form, "CARRY_CHECKED");
    }
}

static void show_home(request *r, int status, const char *error, const field_value *v)
{
    const char *me = req_id_text(r, r->user->id);
    const char *a[] = {me};
    const db_call calls[] = {{"lp_mine", ARRAY_SIZE(a), a},
                             {"lp_shared_with", ARRAY_SIZE(a), a},
                             {"lp_owed", ARRAY_SIZE(a), a},
                             {"lp_years", ARRAY_SIZE(a), a},
                             {"lp_has_team", ARRAY_SIZE(a), a}};
    PGresult *res[ARRAY_SIZE(calls)] = {NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
    } else {
        tpl_dict *d = render_begin(r, error ? "Error: Leadership plans" : "Leadership plans",
                                   "leadership/home.tpl");
        if (d) {
            fill_mine(d, res[0], res[1], res[2]);
            if (r->user->roles & LP_STAFF_ROLES)
                fill_start(d, res[3], v ? v[0].str : NULL, v && v[1].present, v ? v[2].str : NULL);
            else
                tpl_show(d, "NOT_STAFF");
            if (error)
                tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
            if (r->user->roles & ROLE_LEADER)
                tpl_show(d, "LEADER");
            if (strcmp(db_text(res[4], 0, HT_HAS_TEAM), "t") == 0)
                tpl_show(d, "HAS_TEAM");
        }
        render_end(r, status);
    }
    for (size_t i = 0; i < ARRAY_SIZE(res); i++)
        PQclear(res[i]);
}

/* GET /leadership: my plans, plans shared with me, feedback asked of me,
 * and starting this year's (or next year's) plan. */
void page_leadership_home(request *r)
{
    show_home(r, 200, NULL, NULL);
}

static const char *const year_choices[] = {"current", "next", NULL};
enum { F_YEAR, F_CARRY, F_ASPIRATION, N_START };
static const field_spec start_fields[N_START] = {
    [F_YEAR] = {"year", "the year", FIELD_ENUM, true, 0, 0, year_choices},
    [F_CARRY] = {"carry", "carrying goals", FIELD_STRING, false, 0, 3, NULL},
    [F_ASPIRATION] = {"aspiration", "your aspiration", FIELD_STRING, false, 0, 2000, NULL},
};

/* POST /leadership/plans: starts my plan for this year or the next,
 * carrying the unfinished goals of my latest plan when asked. */
void page_leadership_start(request *r)
{
    field_value v[N_START];
    const char *err;
    if (!(r->user->roles & LP_STAFF_ROLES)) {
        render_error(r, 404, "Leadership plans are kept by members of staff.");
        return;
    }
    if (!form_validate(r, start_fields, N_START, v, &err)) {
        show_home(r, 400, err, v);
        return;
    }
    const char *me = req_id_text(r, r->user->id);
    PGresult *years = db_run(r->db, "lp_years", 1, (const char *[]){me}), *res = NULL;
    if (!years || PQntuples(years) != 2) {
        PQclear(years);
        render_db_failed(r);
        return;
    }
    const char *year = db_text(years, (int)v[F_YEAR].num, YR_YEAR);
    const char *params[] = {req_id_text(r, r->user->institution_id), me, year, v[F_ASPIRATION].str};
    bool ok = db_begin(r->db) && (res = db_run(r->db, "lp_insert", ARRAY_SIZE(params), params));
    if (ok && !PQntuples(res)) {
        db_rollback(r->db);
        show_home(r, 409, arena_printf(r->mem, "You already have a plan for %s.", year), v);
        PQclear(res), PQclear(years);
        return;
    }
    const char *id = ok ? arena_strdup(r->mem, db_text(res, 0, NP_ID)) : NULL;
    PGresult *carried = NULL;
    ok = ok &&
         (!v[F_CARRY].present ||
          (carried = db_run(r->db, "lp_carry", 2, (const char *[]){id, me}))) &&
         audit(r, "leadership_plan_started", r->user->id, 0, year) && db_commit(r->db);
    if (ok) {
        resp_redirect(r, arena_printf(r->mem, "/leadership/plans/%s", id));
    } else {
        db_rollback(r->db);
        render_db_failed(r);
    }
    PQclear(carried), PQclear(res), PQclear(years);
}

/* ------------------------------------------------------------ the plan's page */

void lp_fill_activity(request *r, tpl_dict *a, const PGresult *res, int i)
{
    tpl_set(a, "ACTIVITY_ID", db_text(res, i, AC_ID));
    tpl_set(a, "KIND", lp_activity_kind_label(db_text(res, i, AC_KIND)));
    tpl_set(a, "TITLE", db_text(res, i, AC_TITLE));
    if (*db_text(res, i, AC_DETAILS))
        tpl_set(tpl_add_section(a, "DETAILS"), "TEXT", db_text(res, i, AC_DETAILS));
    tpl_set(a, "STATUS_CODE", db_text(res, i, AC_STATUS));
    tpl_set(a, "STATUS", lp_activity_status_label(db_text(res, i, AC_STATUS)));
    const char *starts = db_text(res, i, AC_STARTS), *ends = db_text(res, i, AC_ENDS);
    if (*starts || *ends)
        tpl_set(tpl_add_section(a, "WHEN"), "TEXT",
                *starts && *ends ? arena_printf(r->mem, "%s to %s", starts, ends)
                : *starts        ? arena_printf(r->mem, "From %s", starts)
                                 : arena_printf(r->mem, "Until %s", ends));
    if (strcmp(db_text(res, i, AC_LATE), "t") == 0)
        tpl_show(a, "LATE");
}

void lp_fill_goal(tpl_dict *g, const PGresult *res, int i)
{
    static const char *const names[] = {[GC_ID] = "GOAL_ID",
                                        [GC_TITLE] = "TITLE",
                                        [GC_STATUS] = "STATUS_CODE",
                                        [GC_DUE] = "DUE",
                                        [GC_THEME] = "THEME",
                                        [GC_SPECIFIC] = "SPECIFIC",
                                        [GC_MEASURABLE] = "MEASURABLE",
                                        [GC_ACHIEVABLE] = "ACHIEVABLE",
                                        [GC_RELEVANT] = "RELEVANT",
                                        [GC_RESPONDS_TO] = "RESPONDS_TO"};
    for (int c = 0; c < (int)(sizeof names / sizeof *names); c++)
        if (names[c])
            tpl_set(g, names[c], db_text(res, i, c));
    tpl_set(g, "STATUS", lp_goal_status_label(db_text(res, i, GC_STATUS)));
    if (strcmp(db_text(res, i, GC_OVERDUE), "t") == 0)
        tpl_show(g, "OVERDUE");
    if (*db_text(res, i, GC_THEME))
        tpl_show(g, "HAS_THEME");
    if (*db_text(res, i, GC_RESPONDS_TO))
        tpl_show(g, "HAS_RESULTS");
    if (strcmp(db_text(res, i, GC_CARRIED), "t") == 0)
        tpl_show(g, "CARRIED");
}

void lp_fill_choices(tpl_dict *d, const char *const *values, const char *(*label)(const char *),
                     const char *current)
{
    for (int i = 0; values[i]; i++) {
        tpl_dict *c = tpl_add_section(d, "STATUS_CHOICE");
        tpl_set(c, "VALUE", values[i]);
        tpl_set(c, "LABEL", label(values[i]));
        if (strcmp(current, values[i]) == 0)
            tpl_show(c, "SELECTED");
    }
}

/* The goals, one row each: their SMART parts are on each goal's page. */
static void fill_goals(tpl_dict *d, const PGresult *goals)
{
    for (int i = 0; i < PQntuples(goals); i++)
        lp_fill_goal(tpl_add_section(d, "GOAL"), goals, i);
    tpl_show(d, PQntuples(goals) ? "ANY_GOALS" : "NO_GOALS");
}

static void fill_activities(request *r, tpl_dict *d, const PGresult *activities,
                            const PGresult *goals)
{
    for (int i = 0; i < PQntuples(activities); i++) {
        tpl_dict *a = tpl_add_section(d, "ACTIVITY");
        lp_fill_activity(r, a, activities, i);
        for (int g = 0; g < PQntuples(goals); g++)
            if (strcmp(db_text(goals, g, GC_ID), db_text(activities, i, AC_GOAL)) == 0)
                tpl_set(tpl_add_section(a, "FOR_GOAL"), "GOAL", db_text(goals, g, GC_TITLE));
    }
    if (!PQntuples(activities))
        tpl_show(d, "NO_ACTIVITIES");
}

void lp_fill_reflections(tpl_dict *d, const PGresult *res)
{
    for (int i = 0; i < PQntuples(res); i++) {
        tpl_dict *f = tpl_add_section(d, "REFLECTION");
        tpl_set(f, "WRITTEN", db_text(res, i, RF_WRITTEN));
        if (*db_text(res, i, RF_GOAL))
            tpl_set(tpl_add_section(f, "ON_GOAL"), "GOAL", db_text(res, i, RF_GOAL));
        if (*db_text(res, i, RF_ACTIVITY))
            tpl_set(tpl_add_section(f, "ON_ACTIVITY"), "ACTIVITY", db_text(res, i, RF_ACTIVITY));
        /* sanitised on save */
        tpl_set_html(f, "BODY_HTML", html_from_db(db_text(res, i, RF_BODY_HTML)));
    }
    if (!PQntuples(res))
        tpl_show(d, "NO_REFLECTIONS");
}

static void fill_reviews(tpl_dict *d, const PGresult *reviews, const char *side)
{
    for (int i = 0; i < PQntuples(reviews); i++) {
        tpl_dict *v = tpl_add_section(d, "REVIEW");
        tpl_set(v, "REVIEW_ID", db_text(reviews, i, RL_ID));
        tpl_set(v, "HELD", db_text(reviews, i, RL_HELD));
        tpl_set(v, "MANAGER", db_text(reviews, i, RL_MANAGER));
        bool owner = strcmp(db_text(reviews, i, RL_OWNER_SIGNED), "t") == 0;
        bool manager = strcmp(db_text(reviews, i, RL_MANAGER_SIGNED), "t") == 0;
        tpl_set(v, "SIGNED",
                owner && manager ? "Signed by both"
                : owner          ? "Waiting for the line manager's signature"
                                 : "Waiting for the plan owner's signature");
        if ((strcmp(side, "owner") == 0 && !owner) || (strcmp(side, "manager") == 0 && !manager))
            tpl_show(v, "YOURS_TO_SIGN");
        const char *open = db_text(reviews, i, RL_OPEN_ACTIONS);
        if (strcmp(open, "0") != 0) {
            tpl_dict *a = tpl_add_section(v, "OPEN_ACTIONS");
            tpl_set(a, "N", open);
            if (strcmp(open, "1") != 0)
                tpl_show(a, "PLURAL");
        }
    }
    if (PQntuples(reviews) && *db_text(reviews, 0, RL_NEXT)) {
        tpl_dict *n = tpl_add_section(d, "NEXT_REVIEW");
        tpl_set(n, "DATE", db_text(reviews, 0, RL_NEXT));
        if (strcmp(db_text(reviews, 0, RL_NEXT_LATE), "t") == 0)
            tpl_show(n, "LATE");
    }
    if (!PQntuples(reviews))
        tpl_show(d, "NO_REVIEWS");
}

static void fill_rounds(tpl_dict *d, const PGresult *rounds)
{
    for (int i = 0; i < PQntuples(rounds); i++) {
        tpl_dict *f = tpl_add_section(d, "ROUND");
        tpl_set(f, "ROUND_ID", db_text(rounds, i, RN_ID));
        tpl_set(f, "INSTRUMENT", db_text(rounds, i, RN_INSTRUMENT));
        tpl_set(f, "OPENED", db_text(rounds, i, RN_OPENED));
        tpl_set(f, "INVITED", db_text(rounds, i, RN_INVITED));
        tpl_set(f, "ANSWERED", db_text(rounds, i, RN_ANSWERED));
        if (*db_text(rounds, i, RN_CLOSED))
            tpl_set(tpl_add_section(f, "CLOSED"), "DATE", db_text(rounds, i, RN_CLOSED));
        else
            tpl_show(f, "OPEN");
    }
    if (!PQntuples(rounds))
        tpl_show(d, "NO_ROUNDS");
}

/* The plan's body: everything on its page but the layout, the same for
 * everyone on one side of it on one day. */
static const safe_html *plan_body(request *r, const PGresult *head)
{
    const char *id = db_text(head, 0, LH_ID), *side = db_text(head, 0, LH_SIDE);
    const char *key = arena_printf(r->mem, "lp/%s/%s/%s/%s", id, db_text(head, 0, LH_REVISION),
                                   side, db_text(head, 0, LH_TODAY));
    const safe_html *html = key ? render_fragment_find(r, key, 0) : NULL;
    if (html)
        return html;
    const char *a[] = {id};
    const db_call calls[] = {
        {"lp_goals", ARRAY_SIZE(a), a},       {"lp_activities", ARRAY_SIZE(a), a},
        {"lp_reflections", ARRAY_SIZE(a), a}, {"lp_reviews", ARRAY_SIZE(a), a},
        {"lp_rounds", ARRAY_SIZE(a), a},      {"lp_results", ARRAY_SIZE(a), a},
        {"lp_evidence", ARRAY_SIZE(a), a}};
    enum { N = sizeof calls / sizeof *calls };
    PGresult *res[N] = {NULL};
    tpl_dict *d = NULL;
    if (db_run_pipeline(r->db, N, calls, res) && (d = tpl_dict_new())) {
        tpl_set(d, "ID", id);
        bool owner = strcmp(side, "owner") == 0, open = strcmp(db_text(head, 0, LH_OPEN), "t") == 0;
        if (owner && open)
            tpl_show(d, "CAN_WRITE");
        if (open && (owner || strcmp(side, "manager") == 0))
            tpl_show(d, "CAN_REVIEW");
        fill_goals(d, res[0]);
        fill_activities(r, d, res[1], res[0]);
        lp_fill_reflections(d, res[2]);
        fill_reviews(d, res[3], side);
        fill_rounds(d, res[4]);
        lp_fill_evidence(d, res[6], NULL, false);
        lp_fill_profile(r, d, res[5]);
    }
    html = d ? render_fragment(r, "leadership/plan_body.tpl", d) : NULL;
    if (html && key)
        render_fragment_keep(key, 0, html, 0);
    for (int i = 0; i < N; i++)
        PQclear(res[i]);
    return html;
}

/* GET /leadership/plans/:id: the whole plan, for its owner, their line
 * manager and whoever it is shared with. */
void page_leadership_plan(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head)
        return;
    const safe_html *body = plan_body(r, head);
    if (!body) {
        render_db_failed(r);
        lp_release(r, head);
        return;
    }
    const char *owner = db_text(head, 0, LH_OWNER), *year = db_text(head, 0, LH_YEAR);
    tpl_dict *d = render_begin(r, arena_printf(r->mem, "%s's leadership plan %s", owner, year),
                               "leadership/plan.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, LH_ID));
        tpl_set(d, "OWNER", owner);
        tpl_set(d, "YEAR", year);
        tpl_set_html(d, "BODY_HTML", body); /* rendered from leadership/plan_body.tpl */
        if (*db_text(head, 0, LH_MANAGER))
            tpl_set(tpl_add_section(d, "MANAGER"), "NAME", db_text(head, 0, LH_MANAGER));
        if (*db_text(head, 0, LH_DEPARTMENT))
            tpl_set(tpl_add_section(d, "DEPARTMENT"), "NAME", db_text(head, 0, LH_DEPARTMENT));
        if (*db_text(head, 0, LH_ASPIRATION))
            tpl_set(tpl_add_section(d, "ASPIRATION"), "TEXT", db_text(head, 0, LH_ASPIRATION));
        if (strcmp(db_text(head, 0, LH_OPEN), "t") != 0)
            tpl_show(d, "KEPT");
        if (lp_side(head, "owner"))
            tpl_show(d, "OWNER_VIEW");
        else if (lp_side(head, "manager"))
            tpl_show(d, "MANAGER_VIEW");
        else
            tpl_show(d, "READER_VIEW");
    }
    render_end(r, 200);
    lp_release(r, head);
}

/* ------------------------------------------------------------ sharing */

/* GET /leadership/plans/:id/sharing: who else reads the plan (owner). */
static void show_sharing(request *r, const PGresult *head, int status, const char *error,
                         const char *typed)
{
    const char *a[] = {db_text(head, 0, LH_ID)};
    PGresult *shares = db_run(r->db, "lp_shares", ARRAY_SIZE(a), a);
    if (!shares) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, error ? "Error: Who reads your plan" : "Who reads your plan",
                               "leadership/sharing.tpl");
    if (d) {
        tpl_set(d, "ID", a[0]);
        tpl_set(d, "YEAR", db_text(head, 0, LH_YEAR));
        tpl_set(d, "USERNAME", typed ? typed : "");
        if (*db_text(head, 0, LH_MANAGER))
            tpl_set(tpl_add_section(d, "MANAGER"), "NAME", db_text(head, 0, LH_MANAGER));
        for (int i = 0; i < PQntuples(shares); i++) {
            tpl_dict *s = tpl_add_section(d, "SHARE");
            tpl_set(s, "USER_ID", db_text(shares, i, SH_USER_ID));
            tpl_set(s, "NAME", db_text(shares, i, SH_NAME));
            tpl_set(s, "USERNAME", db_text(shares, i, SH_USERNAME));
        }
        if (!PQntuples(shares))
            tpl_show(d, "NO_SHARES");
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    render_end(r, status);
    PQclear(shares);
}

void page_leadership_sharing(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_side(head, "owner"))
        show_sharing(r, head, 200, NULL, NULL);
    else if (head)
        render_error(r, 404, LP_OWNER_ONLY);
    lp_release(r, head);
}

static const field_spec share_fields[] = {
    {"username", "the username", FIELD_STRING, true, 1, 64, NULL},
};

/* POST /leadership/plans/:id/shares: lets one more person read it; they
 * are told. */
void page_leadership_share(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[1];
    const char *err;
    PGresult *res = NULL;
    if (!form_validate(r, share_fields, 1, v, &err)) {
        show_sharing(r, head, 400, err, v[0].str);
    } else {
        const char *params[] = {db_text(head, 0, LH_ID), req_id_text(r, r->user->institution_id),
                                v[0].str};
        bool ok =
            db_begin(r->db) && (res = db_run(r->db, "lp_share_add", ARRAY_SIZE(params), params));
        if (ok && !PQntuples(res)) {
            db_rollback(r->db);
            show_sharing(r, head, 400,
                         "There is nobody else at your college with that username who does not "
                         "already read this plan.",
                         v[0].str);
        } else if (ok &&
                   notify(r, db_int(res, 0, SA_USER_ID), "plan_leadership_shared",
                          arena_printf(r->mem, "%s shared their leadership plan with you.",
                                       r->user->display_name),
                          lp_path(r, head, NULL)) &&
                   audit(r, "leadership_plan_shared", db_int(res, 0, SA_USER_ID), 0, params[0]) &&
                   db_commit(r->db)) {
            resp_redirect(r, lp_path(r, head, "/sharing"));
        } else {
            db_rollback(r->db);
            render_db_failed(r);
        }
    }
    PQclear(res);
    lp_release(r, head);
}

/* POST /leadership/plans/:id/shares/:user/remove */
void page_leadership_unshare(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head)) {
        const char *extra[] = {req_id_text(r, req_param_id(r, 1))};
        lp_change(r, head, "lp_share_remove", ARRAY_SIZE(extra), extra,
                  "They do not read this plan.", lp_path(r, head, "/sharing"));
    }
    lp_release(r, head);
}

/* ------------------------------------------------------------ the team */

static void fill_team(tpl_dict *d, const PGresult *team)
{
    for (int i = 0; i < PQntuples(team); i++) {
        tpl_dict *m = tpl_add_section(d, "MEMBER");
        tpl_set(m, "NAME", db_text(team, i, TM_NAME));
        tpl_set(m, "DEPARTMENT", db_text(team, i, TM_DEPARTMENT));
        if (strcmp(db_text(team, i, TM_PLAN_ID), "0") == 0) {
            tpl_show(m, "NO_PLAN");
            continue;
        }
        tpl_dict *p = tpl_add_section(m, "PLAN");
        tpl_set(p, "PLAN_ID", db_text(team, i, TM_PLAN_ID));
        tpl_set(p, "GOALS", db_text(team, i, TM_GOALS));
        tpl_set(p, "ACHIEVED", db_text(team, i, TM_ACHIEVED));
        if (strcmp(db_text(team, i, TM_OVERDUE), "0") != 0)
            tpl_set(tpl_add_section(p, "OVERDUE"), "N", db_text(team, i, TM_OVERDUE));
        if (*db_text(team, i, TM_NEXT_REVIEW)) {
            tpl_dict *n = tpl_add_section(p, "NEXT_REVIEW");
            tpl_set(n, "DATE", db_text(team, i, TM_NEXT_REVIEW));
            if (strcmp(db_text(team, i, TM_NEXT_LATE), "t") == 0)
                tpl_show(n, "LATE");
        } else {
            tpl_show(p, "NO_NEXT_REVIEW");
        }
        tpl_set(p, "LAST_REVIEW",
                *db_text(team, i, TM_LAST_REVIEW) ? db_text(team, i, TM_LAST_REVIEW) : "None yet");
        if (strcmp(db_text(team, i, TM_TO_SIGN), "0") != 0)
            tpl_set(tpl_add_section(p, "TO_SIGN"), "N", db_text(team, i, TM_TO_SIGN));
        if (strcmp(db_text(team, i, TM_ROUNDS), "0") != 0)
            tpl_set(tpl_add_section(p, "ROUNDS"), "N", db_text(team, i, TM_ROUNDS));
        if (strcmp(db_text(team, i, TM_LATE_ACTIONS), "0") != 0)
            tpl_set(tpl_add_section(p, "LATE_ACTIONS"), "N", db_text(team, i, TM_LATE_ACTIONS));
    }
    if (!PQntuples(team))
        tpl_show(d, "NO_TEAM");
}

/* The team table, kept in memory under the reports' count, their plans'
 * revisions and the date (what is overdue). */
static const safe_html *team_html(request *r)
{
    const PGresult *v = r->prefetched;
    const char *key =
        arena_printf(r->mem, "lpt/%lld/%s/%s/%s", r->user->id, db_text(v, 0, TV_REPORTS),
                     db_text(v, 0, TV_REVISIONS), db_text(v, 0, TV_TODAY));
    const safe_html *html = key ? render_fragment_find(r, key, 0) : NULL;
    if (html)
        return html;
    PGresult *team = db_run(r->db, "lp_team", 1, (const char *[]){req_id_text(r, r->user->id)});
    tpl_dict *d = team ? tpl_dict_new() : NULL;
    if (d)
        fill_team(d, team);
    html = d ? render_fragment(r, "leadership/team_table.tpl", d) : NULL;
    if (html && key)
        render_fragment_keep(key, 0, html, 0);
    PQclear(team);
    return html;
}

/* GET /leadership/team: the line manager's overview of their reports'
 * plans this year, with what is due. */
void page_leadership_team(request *r)
{
    const safe_html *html = r->prefetched && PQntuples(r->prefetched) ? team_html(r) : NULL;
    if (!html) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Your team's leadership plans", "leadership/team.tpl");
    if (d)
        tpl_set_html(d, "TABLE_HTML", html); /* rendered from leadership/team_table.tpl */
    render_end(r, 200);
}
