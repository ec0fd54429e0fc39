/* leadership_college: the college's leadership view for senior leaders
 * (CAP_LEAD). Across every leadership plan of an academic year at the
 * viewer's college: plans, goals by status and how many are overdue,
 * activities and reviews held, by the department of each plan's owner,
 * and the most common development themes and kinds of activity. Only
 * aggregates, never one person's plan.
 *
 * Privacy: a department with fewer than 3 plans is merged with the other
 * such departments into one row; when that row itself has fewer than 3
 * plans, those plans are left out of every figure on the page (the totals
 * too, so that nothing can be worked out by subtraction), and the page
 * says how many were left out and why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"

/* The smallest group of plans whose figures are shown. */
#define MIN_GROUP 3

// clang-format off
const db_statement leadership_college_statements[] = {
    /* Every figure in one statement. e holds one row per plan, goal,
     * activity and review of the plans that may be shown (s), each with its
     * plan's department group; the grouping sets then count them by
     * department (set 3), for the college (15), by theme (13) and by kind
     * of activity (14). The last column: plans left out (see above). */
    {"leadership_college_figures",
     "WITH p AS (SELECT lp.id, u.department AS dept,"
     "                  count(*) OVER (PARTITION BY u.department) AS n"
     "             FROM leadership_plans lp JOIN users u ON u.id = lp.owner_id"
     "            WHERE lp.institution_id = $1 AND lp.academic_year = $2),"
     " s AS (SELECT id, n < 3 AS small, CASE WHEN n >= 3 THEN dept END AS dept FROM p"
     "        WHERE n >= 3 OR (SELECT count(*) FROM p WHERE n < 3) >= 3),"
     " e (small, dept, plan, what, theme, kind, due) AS ("
     "     SELECT small, dept, id, 'plan', NULL, NULL, NULL::date FROM s"
     "     UNION ALL"
     "     SELECT s.small, s.dept, s.id, g.status, coalesce(t.name, ''), NULL, g.due_on"
     "       FROM s JOIN leadership_goals g ON g.plan_id = s.id"
     "       LEFT JOIN leadership_themes t ON t.id = g.theme_id"
     "     UNION ALL"
     "     SELECT s.small, s.dept, s.id, 'activity', NULL, a.kind, NULL"
     "       FROM s JOIN leadership_activities a ON a.plan_id = s.id"
     "     UNION ALL"
     "     SELECT s.small, s.dept, s.id, 'review', NULL, NULL, NULL"
     "       FROM s JOIN leadership_reviews r ON r.plan_id = s.id)"
     "SELECT GROUPING(small, dept, theme, kind), small, dept, theme, kind,"
     "       count(*) FILTER (WHERE what = 'plan'),"
     "       count(*) FILTER (WHERE what = 'not_started'),"
     "       count(*) FILTER (WHERE what = 'in_progress'),"
     "       count(*) FILTER (WHERE what = 'achieved'),"
     "       count(*) FILTER (WHERE what = 'dropped'),"
     "       count(*) FILTER (WHERE what IN ('not_started', 'in_progress')"
     "                          AND due < current_date),"
     "       count(*) FILTER (WHERE what = 'activity'),"
     "       count(*) FILTER (WHERE what = 'review'),"
     "       count(*) FILTER (WHERE theme IS NOT NULL),"
     "       count(DISTINCT plan),"
     "       coalesce(mode() WITHIN GROUP (ORDER BY theme) FILTER (WHERE theme <> ''), ''),"
     "       coalesce(mode() WITHIN GROUP (ORDER BY kind), ''),"
     "       (SELECT count(*) FROM p WHERE n < 3) - (SELECT count(*) FROM s WHERE small)"
     "  FROM e"
     " GROUP BY GROUPING SETS ((small, dept), (), (theme), (kind))"
     "HAVING (GROUPING(theme) = 1 OR theme IS NOT NULL)"
     "   AND (GROUPING(kind) = 1 OR kind IS NOT NULL)"
     " ORDER BY 1, small, dept = '', lower(dept), theme = '', count(*) DESC, theme, kind"},
    /* The college's name and the years that have plans, newest first. */
    {"leadership_college_years",
     "SELECT i.name,"
     "       coalesce((SELECT string_agg(y.academic_year, ',' ORDER BY y.academic_year DESC)"
     "                   FROM (SELECT DISTINCT academic_year FROM leadership_plans"
     "                          WHERE institution_id = i.id) y), '')"
     "  FROM institutions i WHERE i.id = $1"},
    {NULL, NULL},
};
// clang-format on

/* Columns of leadership_college_figures. */
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
    C_DISTINCT_PLANS,
    C_TOP_THEME,
    C_TOP_KIND,
    C_LEFT_OUT
};
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
    const char *theme = db_text(res, i, C_TOP_THEME), *kind = db_text(res, i, C_TOP_KIND);
    tpl_set(dev, "TOP_THEME", theme[0] ? theme : "None yet");
    tpl_set(dev, "TOP_KIND", kind[0] ? kind_label(kind) : "None yet");
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
    const char *figures_params[] = {college, year}, *years_params[] = {college};
    const db_call calls[] = {{"leadership_college_figures", 2, figures_params},
                             {"leadership_college_years", 1, years_params}};
    PGresult *res[2] = {NULL, NULL};
    if (!db_run_pipeline(r->db, 2, calls, res) || !PQntuples(res[1])) {
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
        tpl_set(d, "COLLEGE", db_text(res[1], 0, 0));
        tpl_set(d, "YEAR", year);
        fill_years(r, d, db_text(res[1], 0, 1), year);
        long long shown = 0, left_out = PQntuples(f) ? db_int(f, 0, C_LEFT_OUT) : 0;
        int college_row = -1;
        for (int i = 0; i < PQntuples(f); i++) {
            long long set = db_int(f, i, C_SET);
            if (set == SET_DEPARTMENT) {
                bool small = strcmp(db_text(f, i, C_SMALL), "t") == 0;
                const char *dept = db_text(f, i, C_DEPT);
                fill_group(r, d, f, i,
                           small     ? "Departments with fewer than 3 plans"
                           : dept[0] ? dept
                                     : "No department given",
                           false);
            } else if (set == SET_COLLEGE) {
                college_row = i;
                shown = db_int(f, i, C_PLANS);
            } else if (set == SET_THEME) {
                const char *theme = db_text(f, i, C_THEME);
                fill_ranking(r, d, "THEME", theme[0] ? theme : "No theme given",
                             db_text(f, i, C_GOALS), db_text(f, i, C_DISTINCT_PLANS));
            } else if (set == SET_KIND) {
                fill_ranking(r, d, "KIND", kind_label(db_text(f, i, C_KIND)),
                             db_text(f, i, C_ACTIVITIES), db_text(f, i, C_DISTINCT_PLANS));
            }
        }
        if (shown && college_row >= 0) {
            fill_group(r, d, f, college_row, "All departments shown", true);
            fill_chart(r, d, f, college_row);
            tpl_show(d, "FIGURES");
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
