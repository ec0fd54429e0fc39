/* leadership: what the Personalised Leadership Plan's files share
 * (sql/0015_leadership.sql). leadership.c holds the plans (the list,
 * starting one, the plan's page, sharing, the team overview),
 * leadership_profile.c the psychometric profile, leadership_goals.c
 * goals, activities, reflections and evidence, leadership_reviews.c the
 * review meetings, leadership_feedback.c the 360-degree rounds. */
#ifndef TANDEM_LEADERSHIP_H
#define TANDEM_LEADERSHIP_H
#include "pages.h"

/* The academic year today, as "2026/27": a year starts in September. */
#define LP_YEAR                                                                                    \
    "(to_char(current_date - interval '8 months', 'YYYY') || '/'"                                  \
    " || to_char(current_date + interval '4 months', 'YY'))"

/* Plan $2 (text from the path) for the session whose token hash is $1,
 * if they read it (lp_readers in sql/policy.sql says who does and as
 * whom). */
#define LP_HEAD                                                                                    \
    "SELECT p.id, p.academic_year, o.display_name, o.username, p.owner_id, r.side,"                \
    "       p.revision, to_char(current_date, 'YYYY-MM-DD'), coalesce(m.display_name, ''),"        \
    "       coalesce(o.line_manager_id, 0), p.aspiration, o.department,"                           \
    "       p.academic_year >= " LP_YEAR ", p.institution_id"                                      \
    "  FROM session_viewer($1) v"                                                                  \
    "  JOIN leadership_plans p ON p.institution_id = v.institution_id"                             \
    "   AND p.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"                             \
    "  JOIN lp_readers(v.id) r ON r.plan_id = p.id"                                                \
    "  JOIN users o ON o.id = p.owner_id LEFT JOIN users m ON m.id = o.line_manager_id"
enum {
    LH_ID,
    LH_YEAR,
    LH_OWNER,
    LH_OWNER_USERNAME,
    LH_OWNER_ID,
    LH_SIDE, /* the viewer's: "owner", "manager" or "reader" */
    LH_REVISION,
    LH_TODAY,
    LH_MANAGER,
    LH_MANAGER_ID, /* "0" when the owner has no line manager */
    LH_ASPIRATION,
    LH_DEPARTMENT,
    LH_OPEN, /* "t" while the plan's year has not ended: it can be written in */
    LH_INSTITUTION,
    LP_HEAD_COLUMNS
};

/* A goal's columns as its page and the plan's page show it: id, title,
 * status, due date, whether it is past it, theme, the four SMART parts,
 * the results it responds to, whether it was carried from last year. */
#define LP_GOAL_COLUMNS                                                                            \
    "SELECT g.id, g.title, g.status, to_char(g.due_on, '" SQL_DAY "'),"                            \
    "       g.due_on < current_date AND g.status IN ('not_started', 'in_progress'),"               \
    "       coalesce(t.name, ''), g.specific, g.measurable, g.achievable, g.relevant,"             \
    "       coalesce((SELECT string_agg(i.name || ' ('"                                            \
    "                                   || to_char(r.taken_on, '" SQL_DAY "') || ')', '; '"        \
    "                                   ORDER BY r.taken_on)"                                      \
    "                   FROM leadership_goal_results gr"                                           \
    "                   JOIN profile_results r ON r.id = gr.result_id"                             \
    "                   JOIN instruments i ON i.id = r.instrument_id"                              \
    "                  WHERE gr.goal_id = g.id), ''),"                                             \
    "       g.carried_from IS NOT NULL"                                                            \
    "  FROM leadership_goals g LEFT JOIN leadership_themes t ON t.id = g.theme_id"
enum {
    GC_ID,
    GC_TITLE,
    GC_STATUS,
    GC_DUE,
    GC_OVERDUE,
    GC_THEME,
    GC_SPECIFIC,
    GC_MEASURABLE,
    GC_ACHIEVABLE,
    GC_RELEVANT,
    GC_RESPONDS_TO,
    GC_CARRIED,
    GC_N_COLUMNS
};

/* lp_activities (leadership.c) and lp_goal_activities (leadership_goals.c),
 * one row an activity, as lp_fill_activity reads them. */
enum {
    AC_ID,
    AC_GOAL, /* "0" for none */
    AC_KIND,
    AC_TITLE,
    AC_DETAILS,
    AC_STATUS,
    AC_STARTS,
    AC_ENDS,
    AC_LATE,
    LP_ACTIVITIES_COLUMNS
};

/* lp_reflections (leadership.c) and lp_goal_reflections
 * (leadership_goals.c), as lp_fill_reflections reads them. */
enum { RF_ID, RF_WRITTEN, RF_GOAL, RF_ACTIVITY, RF_BODY_HTML, LP_REFLECTIONS_COLUMNS };

#define NO_LP "There is no such leadership plan, or it is not yours to see."
#define LP_CLOSED "This plan's year has ended: it is kept as it was. Start this year's plan."
#define LP_OWNER_ONLY "Only the plan's owner can change this part of it."

/* The plan :id (r->params[0]) for the signed-in person: the route's
 * prefetch when it has one, else read now; NULL having answered 404 when
 * they may not read it. The caller PQclears what it did not get from
 * r->prefetched (lp_release does the right thing). */
const PGresult *lp_find(request *r);
void lp_release(request *r, const PGresult *head);
/* Whether head's viewer is on the given side. */
bool lp_side(const PGresult *head, const char *side);
/* For a change only the owner makes in an open plan: true, or false
 * having answered (404 for a reader, 409 once the year ended). */
bool lp_owner_may_write(request *r, const PGresult *head);
/* The path of plan head's page, and of something under it. */
const char *lp_path(request *r, const PGresult *head, const char *under);
/* Tells the other of the two (the owner, or their line manager) about a
 * change to plan head: kind and subject as for notify(). Inside the
 * change's transaction. */
bool lp_notify_other(request *r, const PGresult *head, const char *kind, const char *subject,
                     const char *link);
/* Runs statement (params: the plan id, then extra), in a transaction with
 * an audit entry, and redirects to the plan's page (or to, when not
 * NULL); refusal (404) when it changes no row. */
void lp_change(request *r, const PGresult *head, const char *statement, int n_extra,
               const char *const *extra, const char *refusal, const char *to);

/* What people call each status and kind. */
const char *lp_goal_status_label(const char *status);
const char *lp_activity_status_label(const char *status);
const char *lp_activity_kind_label(const char *kind);

/* Row i of a statement with LP_GOAL_COLUMNS into g. */
void lp_fill_goal(tpl_dict *g, const PGresult *res, int i);
/* The choices of a status select (values, a NULL-terminated list, each
 * named by label) into d's STATUS_CHOICE sections, current selected. */
void lp_fill_choices(tpl_dict *d, const char *const *values, const char *(*label)(const char *),
                     const char *current);
/* A row of lp_activities into a, shared by the plan's and a goal's page. */
void lp_fill_activity(request *r, tpl_dict *a, const PGresult *res, int i);
/* Rows of lp_reflections (or statements with its columns) into d's
 * REFLECTION sections. */
void lp_fill_reflections(tpl_dict *d, const PGresult *res);
/* Rows of lp_evidence into d's EVIDENCE sections: all of them, or those
 * of goal_id; with a remove button when removable (leadership_goals.c). */
void lp_fill_evidence(tpl_dict *d, const PGresult *res, const char *goal_id, bool removable);

/* A bar chart (leadership/chart.tpl) of scores on a scale from min to
 * max, included in d as CHART; id names it in the page. lp_chart_bar adds
 * bar n: item, its score, the bar's length out of 240. The same figures
 * go in a table beside it, for anyone who cannot see the chart. */
tpl_dict *lp_chart(tpl_dict *d, const char *id, const char *min, const char *max);
void lp_chart_bar(request *r, tpl_dict *chart, int n, const char *item, const char *score,
                  const char *length);

/* The profile's results (rows of lp_results, in leadership_profile.c) into
 * d's RESULT sections, with their charts. */
void lp_fill_profile(request *r, tpl_dict *d, const PGresult *res);

#endif
