/* leadership_college: the college's leadership view for senior leaders
 * (CAP_LEAD). Across every leadership plan of an academic year at the
 * viewer's college: plans, goals by status and how many are overdue,
 * activities and reviews held, by the department of each plan's owner,
 * and the development themes and kinds of activity. Only aggregates,
 * never one person's plan.
 *
 * Privacy, judged against this viewer: the plans she may read anyway
 * (lp_readers in sql/policy.sql: her own, those of the
 * people whose line manager she is, and those shared with her) tell her
 * nothing new, so only the others count towards a group's size. The page
 * promises that every figure it shows, and every figure that can be
 * worked out from them by adding or subtracting, is about at least
 * MIN_GROUP plans she may not read:
 * - A department is a row of its own only with MIN_GROUP such plans.
 *   The others are merged into one row, "Other departments", shown only
 *   when it has MIN_GROUP such plans; otherwise all of its plans (those
 *   she reads too) are left out of every figure on the page, the
 *   college's totals too, so that the totals are exactly the sum of the
 *   rows shown. The page says how many plans were left out and why.
 * - A theme (or "no theme given") is a row of the themes table only when
 *   goals of MIN_GROUP distinct such plans have it; the other themes are
 *   counted together in one row, "Other themes" (", or none given" when
 *   goals with no theme have no row, whether there are any or not: that
 *   too would be about fewer plans). When that row has fewer than
 *   MIN_GROUP such plans, the least common theme with a row of its own is
 *   counted in it too, which makes MIN_GROUP; when no theme has a row of
 *   its own, the themes table is left out and the page says why. So the
 *   table either counts every goal counted in the college's totals or is
 *   not shown: nothing in it can be worked out from the totals less the
 *   rows shown. The same holds for the kinds of activity ("Other kinds")
 *   and the college's activities.
 * - The most common theme and kind of a department, or of the college,
 *   are the table rows with the most goals and activities there ("Other
 *   themes" may be one, but not on a tie): a theme or kind of fewer plans
 *   is never named.
 * Not promised: comparing the page with itself over time, before and
 * after plans, shares or line managers change (a plan shared with her
 * today may have been in a row yesterday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"

/* The smallest group of plans whose figures are shown. */
#define MIN_GROUP 3

/* Columns of leadership_college_figures. C_THEME: the theme row's theme
 * (0: none given, -1: other themes, last), C_KIND: the kind row's kind
 * ("": other kinds); C_THEME_NAME: the theme row's name; C_TOP_THEME and
 * C_TOP_KIND: the most common theme and kind row (NULL: none shown). */
enum {
    C_SET,
    C_SMALL,
    C_DEPT,
    C_THEME,
    C_KIND,
    C_PLANS,
    C_NOT_STARTED,
    C_IN_PROGRESS,
    C_ACHIEVED,
    C_DROPPED,
    C_OVERDUE,
    C_ACTIVITIES,
    C_REVIEWS,
    C_GOALS,
    C_THEMED_GOALS,
    C_DISTINCT_PLANS,
    C_THEME_NAME,
    C_TOP_THEME,
    C_TOP_KIND,
    C_LEFT_OUT,
    LEADERSHIP_COLLEGE_FIGURES_COLUMNS
};
/* leadership_college_years: the college's name and its years with plans. */
enum { CY_COLLEGE, CY_YEARS, LEADERSHIP_COLLEGE_YEARS_COLUMNS };

// clang-format off
const db_statement leadership_college_statements[] = {
    /* Every figure in one statement. $3: the viewer; $4: MIN_GROUP. p
     * holds the year's plans, each with its owner's department and whether
     * the viewer reads it anyway (known: lp_readers). s: the plans that may be shown, small when in the merged
     * row. g and a: their goals (raw: the theme, 0 for none) and
     * activities; t and k count the plans the viewer does not read by
     * theme and by kind (u); tf and kf: how many themes (kinds) are under
     * $4 (small), the plans of those together (u) and the least common one
     * at or over it (extra); tb and kb give each theme and kind its row:
     * itself, -1 or '' for the "other" row, NULL for none (the table is
     * left out). e holds one row per plan, goal, activity and review, and
     * f counts them by department (set 3), for the college (15), by theme
     * row (13) and by kind row (14), with the most common theme and kind
     * row (goals with no theme aside; mode takes the first in its order of
     * those as common, and DESC puts "other" last). Themes' names are
     * joined last, to keep the rows e sorts narrow. The last column: plans
     * left out. */
    {"leadership_college_figures",
     "WITH p AS (SELECT lp.id, u.department AS dept, r.plan_id IS NOT NULL AS known"
     "             FROM leadership_plans lp JOIN users u ON u.id = lp.owner_id"
     "             LEFT JOIN lp_readers($3) r ON r.plan_id = lp.id"
     "            WHERE lp.institution_id = $1 AND lp.academic_year = $2),"
     " d AS (SELECT id, dept, known,"
     "              count(*) FILTER (WHERE NOT known) OVER (PARTITION BY dept) >= $4 AS own"
     "         FROM p),"
     " s AS (SELECT id, NOT own AS small, CASE WHEN own THEN dept END AS dept, known FROM d"
     "        WHERE own OR (SELECT count(*) FROM d WHERE NOT own AND NOT known) >= $4),"
     " g AS (SELECT s.small, s.dept, s.id AS plan, s.known, x.status, x.due_on,"
     "              coalesce(x.theme_id, 0) AS raw"
     "         FROM s JOIN leadership_goals x ON x.plan_id = s.id),"
     " a AS (SELECT s.small, s.dept, s.id AS plan, s.known, x.kind"
     "         FROM s JOIN leadership_activities x ON x.plan_id = s.id),"
     " t AS (SELECT raw, count(*) FILTER (WHERE NOT known) AS u, sum(n) AS n"
     "         FROM (SELECT raw, plan, known, count(*) AS n FROM g GROUP BY raw, plan, known) x"
     "        GROUP BY raw),"
     " k AS (SELECT kind, count(*) FILTER (WHERE NOT known) AS u, sum(n) AS n"
     "         FROM (SELECT kind, plan, known, count(*) AS n FROM a GROUP BY kind, plan, known) x"
     "        GROUP BY kind),"
     " tf AS MATERIALIZED ("
     "        SELECT (SELECT count(*) FROM t WHERE u < $4) AS small,"
     "               (SELECT count(DISTINCT plan) FROM g JOIN t USING (raw)"
     "                 WHERE t.u < $4 AND NOT g.known) AS u,"
     "               (SELECT raw FROM t WHERE u >= $4 ORDER BY u, n, raw LIMIT 1) AS extra),"
     " kf AS MATERIALIZED ("
     "        SELECT (SELECT count(*) FROM k WHERE u < $4) AS small,"
     "               (SELECT count(DISTINCT plan) FROM a JOIN k USING (kind)"
     "                 WHERE k.u < $4 AND NOT a.known) AS u,"
     "               (SELECT kind FROM k WHERE u >= $4 ORDER BY u, n, kind LIMIT 1) AS extra),"
     " tb AS (SELECT t.raw, CASE WHEN t.u >= $4 AND (t.raw IS DISTINCT FROM f.extra"
     "                                              OR f.small = 0 OR f.u >= $4) THEN t.raw"
     "                           WHEN f.u >= $4 OR f.extra IS NOT NULL THEN -1 END AS bucket"
     "          FROM t, tf f),"
     " kb AS (SELECT k.kind, CASE WHEN k.u >= $4 AND (k.kind IS DISTINCT FROM f.extra"
     "                                               OR f.small = 0 OR f.u >= $4) THEN k.kind"
     "                            WHEN f.u >= $4 OR f.extra IS NOT NULL THEN '' END AS bucket"
     "          FROM k, kf f),"
     " e (small, dept, plan, what, raw, theme, kind, due) AS ("
     "     SELECT small, dept, id, 'plan', NULL::bigint, NULL::bigint, NULL::text, NULL::date"
     "       FROM s"
     "     UNION ALL"
     "     SELECT g.small, g.dept, g.plan, g.status, g.raw, tb.bucket, NULL, g.due_on"
     "       FROM g JOIN tb USING (raw)"
     "     UNION ALL"
     "     SELECT a.small, a.dept, a.plan, 'activity', NULL, NULL, kb.bucket, NULL"
     "       FROM a JOIN kb USING (kind)"
     "     UNION ALL"
     "     SELECT s.small, s.dept, s.id, 'review', NULL, NULL, NULL, NULL"
     "       FROM s JOIN leadership_reviews r ON r.plan_id = s.id),"
     " f AS (SELECT GROUPING(small, dept, theme, kind) AS set, small, dept, theme, kind,"
     "              count(*) FILTER (WHERE what = 'plan') AS plans,"
     "              count(*) FILTER (WHERE what = 'not_started') AS not_started,"
     "              count(*) FILTER (WHERE what = 'in_progress') AS in_progress,"
     "              count(*) FILTER (WHERE what = 'achieved') AS achieved,"
     "              count(*) FILTER (WHERE what = 'dropped') AS dropped,"
     "              count(*) FILTER (WHERE what IN ('not_started', 'in_progress')"
     "                                 AND due < current_date) AS overdue,"
     "              count(*) FILTER (WHERE what = 'activity') AS activities,"
     "              count(*) FILTER (WHERE what = 'review') AS reviews,"
     "              count(*) FILTER (WHERE raw IS NOT NULL) AS goals,"
     "              count(*) FILTER (WHERE raw > 0) AS themed,"
     "              count(DISTINCT plan) AS distinct_plans,"
     "              mode() WITHIN GROUP (ORDER BY theme DESC) FILTER (WHERE raw > 0)"
     "                AS top_theme,"
     "              mode() WITHIN GROUP (ORDER BY kind DESC) AS top_kind"
     "         FROM e"
     "        GROUP BY GROUPING SETS ((small, dept), (), (theme), (kind))"
     "       HAVING (GROUPING(theme) = 1 OR theme IS NOT NULL)"
     "          AND (GROUPING(kind) = 1 OR kind IS NOT NULL))"
     "SELECT f.set, f.small, f.dept, f.theme, f.kind, f.plans, f.not_started, f.in_progress,"
     "       f.achieved, f.dropped, f.overdue, f.activities, f.reviews, f.goals, f.themed,"
     "       f.distinct_plans, th.name,"
     "       CASE WHEN f.top_theme = -1 THEN '' ELSE top.name END, f.top_kind,"
     "       (SELECT count(*) FROM p) - (SELECT count(*) FROM s)"
     "  FROM f LEFT JOIN leadership_themes th ON th.id = f.theme"
     "  LEFT JOIN leadership_themes top ON top.id = f.top_theme"
     " ORDER BY f.set, f.small, f.dept = '', lower(f.dept), f.theme = -1, f.theme = 0, f.kind = '',"
     "          f.goals + f.activities DESC, th.name, f.kind", LEADERSHIP_COLLEGE_FIGURES_COLUMNS},
    /* The college's name and the years that have plans, newest first. */
    {"leadership_college_years",
     "SELECT i.name,"
     "       coalesce((SELECT string_agg(y.academic_year, ',' ORDER BY y.academic_year DESC)"
     "                   FROM (SELECT DISTINCT academic_year FROM leadership_plans"
     "                          WHERE institution_id = i.id) y), '')"
     "  FROM institutions i WHERE i.id = $1", LEADERSHIP_COLLEGE_YEARS_COLUMNS},
    {NULL, NULL},
};
// clang-format on

/* GROUPING(small, dept, theme, kind) of each grouping set. */
#define SET_DEPARTMENT 3
#define SET_THEME 13
#define SET_KIND 14
#define SET_COLLEGE 15

static const struct {
    const char *kind, *label;
} kind_labels[] = {
    {"course", "Courses"},   {"coaching", "Coaching"}, {"shadowing", "Shadowing"},
    {"project", "Projects"}, {"reading", "Reading"},   {"other", "Other activities"},
};

static const char *kind_label(const char *kind)
{
    for (size_t i = 0; i < sizeof kind_labels / sizeof *kind_labels; i++)
        if (strcmp(kind_labels[i].kind, kind) == 0)
            return kind_labels[i].label;
    return kind;
}

/* The academic year under way: September starts the next. */
static const char *current_year(request *r)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int start = tm.tm_year + 1900 - (tm.tm_mon < 8);
    return arena_printf(r->mem, "%d/%02d", start, (start + 1) % 100);
}

static int newest_first(const void *a, const void *b)
{
    return strcmp(*(const char *const *)b, *(const char *const *)a);
}

/* The year <select>: every year with plans (list: "2026/27,2025/26"), the
 * current year and the one shown, newest first. */
#define MAX_YEARS 60
static void fill_years(request *r, tpl_dict *d, const char *list, const char *year)
{
    const char *years[MAX_YEARS + 2];
    size_t n = 0;
    for (const char *p = list; *p && n < MAX_YEARS;) {
        size_t len = strcspn(p, ",");
        const char *y = arena_strndup(r->mem, p, len);
        if (y)
            years[n++] = y;
        p += len + (p[len] == ',');
    }
    const char *extra[] = {current_year(r), year};
    for (size_t e = 0; e < 2; e++) {
        bool listed = false;
        for (size_t i = 0; i < n; i++)
            listed = listed || strcmp(years[i], extra[e]) == 0;
        if (!listed && extra[e])
            years[n++] = extra[e];
    }
    qsort(years, n, sizeof *years, newest_first);
    for (size_t i = 0; i < n; i++) {
        tpl_dict *o = tpl_add_section(d, "YEAR_OPTION");
        tpl_set(o, "YEAR", years[i]);
        if (strcmp(years[i], year) == 0)
            tpl_show(o, "SELECTED");
    }
}

/* The most common theme or kind row in column col of row i: its name,
 * other (the "other" row, named ""), "Not shown" when there are some
 * (how_many) but none in a row shown, or "None yet". */
static const char *top_row(const PGresult *res, int i, int col, long long how_many,
                           const char *other)
{
    if (PQgetisnull(res, i, col))
        return how_many ? "Not shown" : "None yet";
    const char *name = db_text(res, i, col);
    return name[0] ? name : other;
}

/* The figures of one department group (or of the college) as a row of
 * both department tables. */
static void fill_group(request *r, tpl_dict *d, const PGresult *res, int i, const char *name,
                       bool total)
{
    tpl_dict *goals = tpl_add_section(d, "GOAL_ROW");
    tpl_dict *dev = tpl_add_section(d, "DEVELOPMENT_ROW");
    tpl_set(goals, "NAME", name);
    tpl_set(dev, "NAME", name);
    if (total) {
        tpl_show(goals, "TOTAL");
        tpl_show(dev, "TOTAL");
    }
    tpl_set(goals, "PLANS", db_text(res, i, C_PLANS));
    tpl_set(goals, "NOT_STARTED", db_text(res, i, C_NOT_STARTED));
    tpl_set(goals, "IN_PROGRESS", db_text(res, i, C_IN_PROGRESS));
    tpl_set(goals, "ACHIEVED", db_text(res, i, C_ACHIEVED));
    tpl_set(goals, "DROPPED", db_text(res, i, C_DROPPED));
    tpl_set(goals, "OVERDUE", db_text(res, i, C_OVERDUE));
    tpl_set(dev, "ACTIVITIES", db_text(res, i, C_ACTIVITIES));
    tpl_set(dev, "REVIEWS", db_text(res, i, C_REVIEWS));
    tpl_set(dev, "TOP_THEME",
            top_row(res, i, C_TOP_THEME, db_int(res, i, C_THEMED_GOALS), "Other themes"));
    const char *kind = top_row(res, i, C_TOP_KIND, db_int(res, i, C_ACTIVITIES), "Other kinds");
    tpl_set(dev, "TOP_KIND", PQgetisnull(res, i, C_TOP_KIND) ? kind : kind_label(kind));
    (void)r;
}

/* The bar chart of the college's goals by status: bar lengths are
 * worked out here, the text alternative is the table beside it. */
#define CHART_BAR_MAX 400
static void fill_chart(request *r, tpl_dict *d, const PGresult *res, int i)
{
    static const struct {
        int col;
        const char *label, *colour;
    } bars[] = {
        {C_NOT_STARTED, "Not started", "#505a5f"}, {C_IN_PROGRESS, "In progress", "#1d70b8"},
        {C_ACHIEVED, "Achieved", "#00703c"},       {C_DROPPED, "Dropped", "#6f72af"},
        {C_OVERDUE, "Overdue", "#d4351c"},
    };
    long long most = 0;
    for (size_t b = 0; b < sizeof bars / sizeof *bars; b++)
        if (db_int(res, i, bars[b].col) > most)
            most = db_int(res, i, bars[b].col);
    if (!most)
        return;
    tpl_dict *c = tpl_add_section(d, "CHART");
    const char *summary = "";
    for (size_t b = 0; b < sizeof bars / sizeof *bars; b++) {
        long long n = db_int(res, i, bars[b].col);
        tpl_dict *bar = tpl_add_section(c, "BAR");
        tpl_set(bar, "LABEL", bars[b].label);
        tpl_set(bar, "COLOUR", bars[b].colour);
        tpl_set_int(bar, "COUNT", n);
        tpl_set_int(bar, "Y", 10 + (long long)b * 40);
        tpl_set_int(bar, "TEXT_Y", 10 + (long long)b * 40 + 20);
        long long w = n * CHART_BAR_MAX / most;
        tpl_set_int(bar, "WIDTH", n && w < 2 ? 2 : w);
        tpl_set_int(bar, "COUNT_X", 130 + (n && w < 2 ? 2 : w) + 8);
        summary = arena_printf(r->mem, "%s%s%s: %lld", summary, b ? ", " : "", bars[b].label, n);
    }
    tpl_set(c, "SUMMARY", summary);
}

static void fill_ranking(request *r, tpl_dict *d, const char *section, const char *name,
                         const char *count, const char *plans)
{
    (void)r;
    tpl_dict *row = tpl_add_section(d, section);
    tpl_set(row, "NAME", name);
    tpl_set(row, "COUNT", count);
    tpl_set(row, "PLANS", plans);
}

static const field_spec year_fields[] = {
    {"year", "the academic year", FIELD_STRING, false, 0, 7, NULL},
};

void page_leadership_college(request *r)
{
    field_value v[1];
    const char *err;
    if (!form_validate(r, year_fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *year = v[0].present ? v[0].str : current_year(r);
    if (!validate_academic_year(year)) {
        render_error(r, 400,
                     "The academic year must be two years that follow each other, like "
                     "2026/27. Choose one from the list.");
        return;
    }
    const char *college = req_id_text(r, r->user->institution_id);
    const char *figures_params[] = {college, year, req_id_text(r, r->user->id),
                                    req_id_text(r, MIN_GROUP)},
               *years_params[] = {college};
    const db_call calls[] = {
        {"leadership_college_figures", ARRAY_SIZE(figures_params), figures_params},
        {"leadership_college_years", ARRAY_SIZE(years_params), years_params}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res) || !PQntuples(res[1])) {
        PQclear(res[0]);
        PQclear(res[1]);
        render_db_failed(r);
        return;
    }
    const PGresult *f = res[0];
    tpl_dict *d =
        render_begin(r, arena_printf(r->mem, "Leadership plans across the college, %s", year),
                     "leadership/college.tpl");
    if (d) {
        tpl_set(d, "COLLEGE", db_text(res[1], 0, CY_COLLEGE));
        tpl_set(d, "YEAR", year);
        tpl_set_int(d, "MIN", MIN_GROUP);
        fill_years(r, d, db_text(res[1], 0, CY_YEARS), year);
        long long shown = 0, left_out = PQntuples(f) ? db_int(f, 0, C_LEFT_OUT) : 0;
        int college_row = -1, themes = 0, kinds = 0;
        bool no_theme_row = false;
        for (int i = 0; i < PQntuples(f); i++) {
            long long set = db_int(f, i, C_SET);
            if (set == SET_DEPARTMENT) {
                bool small = strcmp(db_text(f, i, C_SMALL), "t") == 0;
                const char *dept = db_text(f, i, C_DEPT);
                fill_group(r, d, f, i,
                           small     ? "Other departments"
                           : dept[0] ? dept
                                     : "No department given",
                           false);
            } else if (set == SET_COLLEGE) {
                college_row = i;
                shown = db_int(f, i, C_PLANS);
            } else if (set == SET_THEME) {
                /* Goals with no theme are in "other themes" unless they
                 * have a row (before it): the label does not say whether
                 * there are any, which could be about fewer plans. */
                long long theme = db_int(f, i, C_THEME);
                no_theme_row = no_theme_row || theme == 0;
                fill_ranking(r, d, "THEME",
                             theme == -1
                                 ? (no_theme_row ? "Other themes" : "Other themes, or none given")
                             : theme == 0 ? "No theme given"
                                          : db_text(f, i, C_THEME_NAME),
                             db_text(f, i, C_GOALS), db_text(f, i, C_DISTINCT_PLANS));
                themes++;
            } else if (set == SET_KIND) {
                const char *kind = db_text(f, i, C_KIND);
                fill_ranking(r, d, "KIND", kind[0] ? kind_label(kind) : "Other kinds",
                             db_text(f, i, C_ACTIVITIES), db_text(f, i, C_DISTINCT_PLANS));
                kinds++;
            }
        }
        if (shown && college_row >= 0) {
            fill_group(r, d, f, college_row, "All departments shown", true);
            fill_chart(r, d, f, college_row);
            tpl_show(d, "FIGURES");
            /* Tables with no row although there is something to count:
             * too few plans to show any (see the top of this file). */
            if (themes || kinds)
                tpl_show(d, "RANKINGS");
            if (themes)
                tpl_show(d, "THEMES");
            else if (db_int(f, college_row, C_GOALS))
                tpl_show(d, "NO_THEMES");
            if (kinds)
                tpl_show(d, "KINDS");
            else if (db_int(f, college_row, C_ACTIVITIES))
                tpl_show(d, "NO_KINDS");
        }
        if (left_out) {
            tpl_dict *l = tpl_add_section(d, "LEFT_OUT");
            tpl_set(l, "WHAT",
                    left_out == 1 ? "1 plan" : arena_printf(r->mem, "%lld plans", left_out));
            tpl_set(l, "VERB", left_out == 1 ? "is" : "are");
        }
        if (!shown && !left_out)
            tpl_show(d, "NO_PLANS");
    }
    PQclear(res[0]);
    PQclear(res[1]);
    render_end(r, 200);
}
