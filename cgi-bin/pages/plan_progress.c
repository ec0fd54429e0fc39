/* plan_progress: a learning plan in use. Once both sides have agreed a
 * version, its progress page shows where each goal stands and the
 * evidence linked to it (each goal's own page, plan_goal.c, changes
 * them). Review meetings are recorded by either side and countersigned by
 * the other. Comments let the two sides talk without making a new
 * version; the plan's page shows them, and a summary of the progress. */
#include <string.h>

#include "plans.h"

// clang-format off
/* Reviews of the plan at address $2, newest first, for the person of
 * session $1 (PLAN_OF_SESSION). */
#define PLAN_REVIEWS                                                                               \
    "SELECT r.id, to_char(r.held_on, '" SQL_DAY "'), r.notes, r.next_steps,"                     \
    "       coalesce(to_char(r.next_review, '" SQL_DAY "'), ''), a.display_name,"                \
    "       coalesce(ls.display_name, ''),"                                                        \
    "       coalesce(to_char(r.learner_signed_at, '" SQL_DAY "'), ''),"                          \
    "       coalesce(ts.display_name, ''),"                                                        \
    "       coalesce(to_char(r.tutor_signed_at, '" SQL_DAY "'), ''),"                            \
    "       coalesce(r.next_review < current_date, false)"                                         \
    "  FROM plan_reviews r JOIN users a ON a.id = r.author_id"                                     \
    "  LEFT JOIN users ls ON ls.id = r.learner_signed_by"                                          \
    "  LEFT JOIN users ts ON ts.id = r.tutor_signed_by"                                            \
    " WHERE r.plan_id = " PLAN_OF_SESSION " ORDER BY r.held_on DESC, r.id DESC"
enum {
    RV_ID,
    RV_HELD,
    RV_NOTES,
    RV_NEXT_STEPS,
    RV_NEXT_REVIEW,
    RV_AUTHOR,
    RV_LEARNER_SIGNER,
    RV_LEARNER_SIGNED,
    RV_TUTOR_SIGNER,
    RV_TUTOR_SIGNED,
    RV_LATE,
    PLAN_REVIEWS_COLUMNS
};
/* plan_summary: goals in force, achieved, past their date; the next
 * review's date (" late" after it when past); reviews to sign. */
enum { SU_GOALS, SU_ACHIEVED, SU_OVERDUE, SU_NEXT_REVIEW, SU_TO_SIGN, PLAN_SUMMARY_COLUMNS };
/* plan_comments: one row a comment. */
enum { CM_ID, CM_AUTHOR, CM_SIDE, CM_VERSION, CM_BODY, CM_WHEN, PLAN_COMMENTS_COLUMNS };
/* plan_review_dates: whether each date can be. */
enum { RD_HELD_OK, RD_NEXT_OK, PLAN_REVIEW_DATES_COLUMNS };

const db_statement plan_progress_statements[] = {
    {"plan_progress_goals", PLAN_GOALS_IN_FORCE " ORDER BY e.i", PLAN_GOALS_IN_FORCE_COLUMNS},
    /* The progress page's reviews and evidence, beside plan_head in the
     * session's round trip (routes.c). */
    {"plan_reviews", PLAN_REVIEWS, PLAN_REVIEWS_COLUMNS},
    {"plan_links", PLAN_LINKS("") " ORDER BY l.id", PLAN_LINKS_COLUMNS},
    /* The summary the plan's page shows: goals in force, achieved, past
     * their date; when the next review is due and whether that is past;
     * reviews waiting for side $2's signature. */
    {"plan_summary",
     "SELECT count(g.*), count(*) FILTER (WHERE g.status = 'achieved'),"
     "       count(*) FILTER (WHERE g.overdue),"
     "       (SELECT coalesce(to_char(next_review, '" SQL_DAY "'), '')"
     "               || CASE WHEN next_review < current_date THEN ' late' ELSE '' END"
     "          FROM plan_reviews WHERE plan_id = $1 ORDER BY held_on DESC, id DESC LIMIT 1),"
     "       (SELECT count(*) FROM plan_reviews WHERE plan_id = $1 AND CASE $2"
     "          WHEN 'learner' THEN learner_signed_by IS NULL ELSE tutor_signed_by IS NULL END)"
     "  FROM (SELECT e.g->>'key' AS key, u.status,"
     "               nullif(e.g->>'target', '')::date < current_date"
     "               AND u.status IS DISTINCT FROM 'achieved' AS overdue"
     "          FROM plans p"
     "          JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"
     "         CROSS JOIN LATERAL jsonb_array_elements(v.content->'goals') AS e(g)"
     "          LEFT JOIN LATERAL " GOAL_LATEST("p.id", "e.g->>'key'") " u ON true"
     "         WHERE p.id = $1) g",
     PLAN_SUMMARY_COLUMNS},
    {"plan_comments", "SELECT c.id, u.display_name, c.side, c.version, c.body,"
                      "       to_char(c.created_at, '" SQL_DAY " \"at\" HH24:MI')"
                      "  FROM plan_comments c JOIN users u ON u.id = c.author_id"
                      " WHERE c.plan_id = $1 ORDER BY c.id",
     PLAN_COMMENTS_COLUMNS},
    /* Whether a review held on $1 (and next due on $2, or '') has dates
     * that can be true: held today or before, next due after today. */
    {"plan_review_dates",
     "SELECT $1::date <= current_date,"
     "       nullif($2, '')::date IS NULL OR nullif($2, '')::date > current_date",
     PLAN_REVIEW_DATES_COLUMNS},
    /* A review of plan $1 recorded by $6, signed for their side $7. */
    {"plan_review_insert",
     "INSERT INTO plan_reviews (plan_id, institution_id, held_on, notes, next_steps, next_review,"
     "                          author_id, learner_signed_by, learner_signed_at, tutor_signed_by,"
     "                          tutor_signed_at)"
     " SELECT p.id, p.institution_id, $2::date, $3, $4, nullif($5, '')::date, $6,"
     "        CASE WHEN $7 = 'learner' THEN $6::bigint END,"
     "        CASE WHEN $7 = 'learner' THEN now() END,"
     "        CASE WHEN $7 = 'tutor' THEN $6::bigint END, CASE WHEN $7 = 'tutor' THEN now() END"
     "   FROM plans p WHERE p.id = $1 AND " PLAN_IN_FORCE " RETURNING id",
     1},
    /* $3 countersigns review $2 of plan $1 for their side $4. */
    {"plan_review_sign",
     "UPDATE plan_reviews r"
     "   SET learner_signed_by = CASE WHEN $4 = 'learner' THEN $3::bigint"
     "                                ELSE learner_signed_by END,"
     "       learner_signed_at = CASE WHEN $4 = 'learner' THEN now() ELSE learner_signed_at END,"
     "       tutor_signed_by = CASE WHEN $4 = 'tutor' THEN $3::bigint ELSE tutor_signed_by END,"
     "       tutor_signed_at = CASE WHEN $4 = 'tutor' THEN now() ELSE tutor_signed_at END"
     "  FROM plans p"
     " WHERE r.id = $2 AND r.plan_id = $1 AND p.id = r.plan_id AND " PLAN_IN_FORCE
     "   AND CASE $4 WHEN 'learner' THEN r.learner_signed_by IS NULL"
     "               ELSE r.tutor_signed_by IS NULL END"
     " RETURNING r.id",
     1},
    /* A comment by $2 (side $3) on plan $1, about its latest version. */
    {"plan_comment_insert",
     "INSERT INTO plan_comments (plan_id, institution_id, author_id, side, version, body)"
     " SELECT p.id, p.institution_id, $2, $3, p.latest_version, $4 FROM plans p"
     "  WHERE p.id = $1 AND p.state NOT IN ('draft', 'completed', 'withdrawn') RETURNING id",
     1},
    {NULL, NULL},
};
// clang-format on

/* ------------------------------------------------------------ the plan's page */

static void fill_summary(request *r, tpl_dict *d, const PGresult *head, const PGresult *sum)
{
    if (!PQntuples(sum) || plan_is(head, 0, PH_AGREED, "0"))
        return;
    tpl_dict *p = tpl_add_section(d, "PROGRESS");
    tpl_set(p, "GOALS", db_text(sum, 0, SU_GOALS));
    tpl_set(p, "ACHIEVED", db_text(sum, 0, SU_ACHIEVED));
    if (!plan_is(sum, 0, SU_OVERDUE, "0"))
        tpl_set(tpl_add_section(p, "OVERDUE"), "N", db_text(sum, 0, SU_OVERDUE));
    const char *next = db_text(sum, 0, SU_NEXT_REVIEW);
    size_t len = strlen(next);
    bool late = len > 5 && strcmp(next + len - 5, " late") == 0;
    if (len) {
        tpl_dict *n = tpl_add_section(p, "NEXT_REVIEW");
        tpl_set(n, "DATE", late ? arena_strndup(r->mem, next, len - 5) : next);
        if (late)
            tpl_show(n, "LATE");
    }
    if (!plan_is(sum, 0, SU_TO_SIGN, "0"))
        tpl_set(tpl_add_section(p, "TO_SIGN"), "N", db_text(sum, 0, SU_TO_SIGN));
}

static void fill_comments(tpl_dict *d, const PGresult *comments)
{
    for (int i = 0; i < PQntuples(comments); i++) {
        tpl_dict *c = tpl_add_section(d, "COMMENT");
        tpl_set(c, "AUTHOR", db_text(comments, i, CM_AUTHOR));
        tpl_set(c, "SIDE", plan_is(comments, i, CM_SIDE, "tutor") ? "tutor" : "learner");
        tpl_set(c, "VERSION", db_text(comments, i, CM_VERSION));
        tpl_set(c, "BODY", db_text(comments, i, CM_BODY));
        tpl_set(c, "WHEN", db_text(comments, i, CM_WHEN));
    }
    if (!PQntuples(comments))
        tpl_show(d, "NO_COMMENTS");
}

/* The progress summary and the comments, each rendered into *summary
 * and *comments: kept in memory under the plan's activity_version and
 * agreed version (whose goals it counts), the viewer's side (what waits
 * for their signature) and the date (what is overdue); else read in one
 * round trip. False if the database failed. */
bool plan_activity_html(request *r, const PGresult *head, const safe_html **summary,
                        const safe_html **comments)
{
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    const char *key =
        arena_printf(r->mem, "plan/%s/activity/%s/%s/%s/%s", id, db_text(head, 0, PH_ACTIVITY),
                     db_text(head, 0, PH_AGREED), side, db_text(head, 0, PH_TODAY));
    const char *key2 = key ? arena_printf(r->mem, "%s/comments", key) : NULL;
    *summary = key2 ? render_fragment_find(r, key, 0) : NULL;
    *comments = *summary ? render_fragment_find(r, key2, 0) : NULL;
    if (*comments)
        return true;
    const char *a[] = {id, side}, *b[] = {id};
    const db_call calls[] = {{"plan_summary", ARRAY_SIZE(a), a},
                             {"plan_comments", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (DB_RUN_PIPELINE(r->db, calls, res)) {
        tpl_dict *d = tpl_dict_new(), *c = tpl_dict_new();
        if (d) {
            tpl_set(d, "ID", id);
            fill_summary(r, d, head, res[0]);
        }
        if (c)
            fill_comments(c, res[1]);
        *summary = render_fragment(r, "plans/summary.tpl", d);
        *comments = render_fragment(r, "plans/comments.tpl", c);
        if (*summary && *comments && key2) {
            render_fragment_keep(key, 0, *summary, 0);
            render_fragment_keep(key2, 0, *comments, 0);
        }
    }
    PQclear(res[0]);
    PQclear(res[1]);
    return *summary && *comments;
}

/* ------------------------------------------------------------ the progress page */

/* The goals in force, rendered with a hole (render.h) where each one's
 * evidence goes: what evidence is shown depends on who looks, the rest
 * only on the plan. Kept in memory under the plan's activity_version
 * (every change of status moves it), its agreed version and today's date
 * (what is past its target date). */
static const char *goals_key(request *r, const PGresult *head)
{
    return arena_printf(r->mem, "plan/%s/goals/%s/%s/%s", db_text(head, 0, PH_ID),
                        db_text(head, 0, PH_ACTIVITY), db_text(head, 0, PH_AGREED),
                        db_text(head, 0, PH_TODAY));
}

static const safe_html *render_goals(request *r, const char *key, const char *plan_id,
                                     const PGresult *goals)
{
    tpl_dict *d = tpl_dict_new();
    if (d) {
        tpl_set(d, "ID", plan_id);
        for (int i = 0; i < PQntuples(goals); i++)
            plan_fill_goal(tpl_add_section(d, "GOAL"), goals, i);
    }
    const safe_html *html = render_fragment(r, "plans/progress_goals.tpl", d);
    if (html && key)
        render_fragment_keep(key, 0, html, 0);
    return html;
}

/* Each goal in force (goals_html) with the evidence linked to it that the
 * viewer may see; its title links to its own page (plan_goal.c). */
static void fill_goals(request *r, tpl_dict *d, const safe_html *goals_html, const PGresult *links)
{
    render_hole *goal;
    const safe_html *rest;
    size_t n = render_holes(r, goals_html, &goal, &rest);
    for (size_t i = 0; i < n; i++) {
        tpl_dict *g = tpl_add_section(d, "GOAL");
        tpl_set_html(g, "BEFORE_HTML", goal[i].before);
        plan_fill_links(g, links, goal[i].name, false);
    }
    tpl_set_html(d, "GOALS_REST_HTML", rest);
}

/* The review records, rendered with a hole where each signing form's CSRF
 * token goes (the rest is the same for everyone on the viewer's side).
 * Kept in memory under the plan's activity_version (every review given or
 * signed moves it), the side, whether the plan is in force (who may sign)
 * and today's date (whether the next review is late). */
static const char *reviews_key(request *r, const PGresult *head)
{
    return arena_printf(r->mem, "plan/%s/reviews/%s/%s/%s/%s", db_text(head, 0, PH_ID),
                        db_text(head, 0, PH_ACTIVITY), db_text(head, 0, PH_SIDE),
                        plan_in_force(head) ? "open" : "closed", db_text(head, 0, PH_TODAY));
}

static void fill_reviews(tpl_dict *d, const char *plan_id, const PGresult *reviews,
                         const char *side, bool open)
{
    for (int i = 0; i < PQntuples(reviews); i++) {
        tpl_dict *v = tpl_add_section(d, "REVIEW");
        tpl_set(v, "ID", db_text(reviews, i, RV_ID));
        tpl_set(v, "PLAN_ID", plan_id);
        tpl_set(v, "HELD", db_text(reviews, i, RV_HELD));
        tpl_set(v, "NOTES", db_text(reviews, i, RV_NOTES));
        tpl_set(v, "AUTHOR", db_text(reviews, i, RV_AUTHOR));
        if (*db_text(reviews, i, RV_NEXT_STEPS))
            tpl_set(tpl_add_section(v, "NEXT_STEPS"), "TEXT", db_text(reviews, i, RV_NEXT_STEPS));
        if (*db_text(reviews, i, RV_NEXT_REVIEW)) {
            tpl_dict *n = tpl_add_section(v, "NEXT_REVIEW");
            tpl_set(n, "DATE", db_text(reviews, i, RV_NEXT_REVIEW));
            if (i == 0 && plan_is(reviews, i, RV_LATE, "t"))
                tpl_show(n, "LATE");
        }
        static const struct {
            const char *side, *section;
            int signer, signed_at;
        } sides[] = {{"learner", "LEARNER_SIGNED", RV_LEARNER_SIGNER, RV_LEARNER_SIGNED},
                     {"tutor", "TUTOR_SIGNED", RV_TUTOR_SIGNER, RV_TUTOR_SIGNED}};
        bool both = true;
        for (size_t s = 0; s < 2; s++) {
            bool signed_it = *db_text(reviews, i, sides[s].signer);
            both = both && signed_it;
            if (signed_it) {
                tpl_dict *x = tpl_add_section(v, sides[s].section);
                tpl_set(x, "BY", db_text(reviews, i, sides[s].signer));
                tpl_set(x, "WHEN", db_text(reviews, i, sides[s].signed_at));
            } else if (strcmp(side, sides[s].side) == 0 && open) {
                tpl_show(v, "CAN_SIGN");
            } else {
                tpl_set(v, "WAITS_FOR",
                        strcmp(sides[s].side, "tutor") == 0 ? "the tutor" : "the learner");
            }
        }
        tpl_show(v, both ? "AGREED" : "UNSIGNED");
    }
    if (!PQntuples(reviews))
        tpl_show(d, "NO_REVIEWS");
}

static const safe_html *render_reviews(request *r, const char *key, const PGresult *head,
                                       const PGresult *reviews)
{
    tpl_dict *d = tpl_dict_new();
    if (d)
        fill_reviews(d, db_text(head, 0, PH_ID), reviews, db_text(head, 0, PH_SIDE),
                     plan_in_force(head));
    const safe_html *html = render_fragment(r, "plans/progress_reviews.tpl", d);
    if (html && key)
        render_fragment_keep(key, 0, html, 0);
    return html;
}

/* The review records (reviews_html) with the viewer's CSRF token in each
 * signing form. */
static void fill_review_forms(request *r, tpl_dict *d, const safe_html *reviews_html)
{
    render_hole *form;
    const safe_html *rest;
    size_t n = render_holes(r, reviews_html, &form, &rest);
    for (size_t i = 0; i < n; i++)
        tpl_set_html(tpl_add_section(d, "REVIEWS_PART"), "BEFORE_HTML", form[i].before);
    tpl_set_html(d, "REVIEWS_REST_HTML", rest);
}

/* What the progress page shows besides its head: the evidence each viewer
 * may see (read every time), and the goals and reviews (kept rendered). */
typedef struct {
    const PGresult *links;
    const safe_html *goals, *reviews;
} progress_parts;

/* Reads, in one round trip, the parts not in hand: on GET the evidence
 * came with the session (routes.c); the goals and reviews only when they
 * are not kept. res holds what was read, for the caller to clear. False if
 * the database failed. */
static bool read_parts(request *r, const PGresult *head, progress_parts *p, PGresult *res[3])
{
    const char *goals = goals_key(r, head), *reviews = reviews_key(r, head);
    p->links = r->prefetched_also[0];
    p->goals = goals ? render_fragment_find(r, goals, 0) : NULL;
    p->reviews = reviews ? render_fragment_find(r, reviews, 0) : NULL;
    const char *id = db_text(head, 0, PH_ID);
    const char *a[] = {id}, *b[] = {r->user->session_hash, id};
    db_call calls[3];
    size_t n = 0;
    if (!p->links)
        calls[n++] = (db_call){"plan_links", ARRAY_SIZE(b), b};
    if (!p->goals)
        calls[n++] = (db_call){"plan_progress_goals", ARRAY_SIZE(a), a};
    if (!p->reviews)
        calls[n++] = (db_call){"plan_reviews", ARRAY_SIZE(b), b};
    if (n && !db_run_pipeline(r->db, n, calls, res))
        return false;
    size_t at = 0;
    if (!p->links)
        p->links = res[at++];
    if (!p->goals)
        p->goals = render_goals(r, goals, id, res[at++]);
    if (!p->reviews)
        p->reviews = render_reviews(r, reviews, head, res[at++]);
    return true;
}

static const char *progress_done(const char *done)
{
    return strcmp(done, "review") == 0
               ? "The review was recorded and signed for your side. The other side has been asked "
                 "to sign it."
           : strcmp(done, "signed") == 0 ? "You signed the review record."
                                         : "Saved.";
}

/* What the review form shows again after a refusal. */
typedef struct {
    const char *held_on, *notes, *next_steps, *next_review;
} review_typed;

/* The progress page (status 200, or the refusal's, with its error and
 * what was typed in the review form). */
static void show_progress(request *r, int status, const PGresult *head, const char *error,
                          const char *field, const review_typed *typed)
{
    const char *id = db_text(head, 0, PH_ID);
    bool open = plan_in_force(head);
    progress_parts parts;
    PGresult *res[3] = {NULL, NULL, NULL};
    if (!read_parts(r, head, &parts, res)) {
        render_db_failed(r);
    } else {
        tpl_dict *d = render_begin(r,
                                   arena_printf(r->mem, "%sProgress: %s", error ? "Error: " : "",
                                                db_text(head, 0, PH_TITLE)),
                                   "plans/progress.tpl");
        if (d) {
            tpl_set(d, "ID", id);
            tpl_set(d, "TITLE", db_text(head, 0, PH_TITLE));
            tpl_set(d, "LEARNER", db_text(head, 0, PH_LEARNER));
            const http_field *done = req_query(r, "done");
            if (done && !error)
                tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", progress_done(done->value));
            if (error) {
                tpl_dict *e = tpl_add_section(d, "ERROR");
                tpl_set(e, "MESSAGE", error);
                tpl_set(e, "FIELD", field);
            }
            if (plan_is(head, 0, PH_AGREED, "0"))
                tpl_show(d, "NOT_AGREED");
            else
                tpl_set(tpl_add_section(d, "AGREED"), "NUMBER", db_text(head, 0, PH_AGREED));
            fill_goals(r, d, parts.goals, parts.links);
            fill_review_forms(r, d, parts.reviews);
            if (open) {
                tpl_dict *f = tpl_add_section(d, "REVIEW_FORM");
                tpl_set(f, "HELD_ON", typed ? typed->held_on : db_text(head, 0, PH_TODAY));
                tpl_set(f, "NOTES", typed ? typed->notes : "");
                tpl_set(f, "NEXT_STEPS", typed ? typed->next_steps : "");
                tpl_set(f, "NEXT_REVIEW", typed ? typed->next_review : "");
            }
        }
        render_end(r, status);
    }
    for (size_t i = 0; i < ARRAY_SIZE(res); i++)
        PQclear(res[i]);
}

/* GET /plans/:id/progress: the head comes with the session (one round
 * trip), the rest in one more. */
void page_plan_progress(request *r)
{
    if (render_found(r, r->prefetched, NO_PLAN))
        show_progress(r, 200, r->prefetched, NULL, NULL, NULL);
}

/* ------------------------------------------------------------ writing */

static void back_to_progress(request *r, const char *id, const char *done, const char *anchor)
{
    resp_redirect(r, arena_printf(r->mem, "/plans/%s/progress?done=%s%s%s", id, done,
                                  anchor ? "#" : "", anchor ? anchor : ""));
}

/* Why a review's dates cannot be, or NULL; *field the box, *status the
 * answer's. */
static const char *review_dates_problem(request *r, const field_value *v, const char **field,
                                        int *status)
{
    const char *params[] = {v[0].str, v[3].str};
    PGresult *res = db_run(r->db, "plan_review_dates", ARRAY_SIZE(params), params);
    *status = res ? 400 : 503;
    const char *problem =
        !res ? RENDER_DB_DOWN
        : !plan_is(res, 0, RD_HELD_OK, "t")
            ? "The meeting's date is in the future: record a review once it has been held."
        : !plan_is(res, 0, RD_NEXT_OK, "t") ? "The next review must be after today."
                                            : NULL;
    *field = res && plan_is(res, 0, RD_HELD_OK, "t") ? "next_review" : "held_on";
    PQclear(res);
    return problem;
}

/* POST /plans/:id/reviews: a review meeting recorded by either side and
 * signed for it; the other side is asked to sign. */
void page_plan_review_add(request *r)
{
    static const field_spec fields[] = {
        {"held_on", "the date of the meeting", FIELD_DATE, true, 0, 0, NULL},
        {"notes", "what was said", FIELD_STRING, true, 1, 10000, NULL},
        {"next_steps", "the next steps agreed", FIELD_STRING, false, 0, 5000, NULL},
        {"next_review", "the date of the next review", FIELD_DATE, false, 0, 0, NULL}};
    field_value v[4];
    const char *err, *field = NULL;
    PGresult *head = plan_find_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    int status = 400;
    bool valid = form_validate(r, fields, 4, v, &err);
    if (!valid || (err = review_dates_problem(r, v, &field, &status))) {
        show_progress(r, status, head, err,
                      valid              ? field
                      : r->invalid_field ? r->invalid_field
                                         : "notes",
                      &(review_typed){v[0].str, v[1].str, v[2].str, v[3].str});
        PQclear(head);
        return;
    }
    const char *params[] = {
        id, v[0].str, v[1].str, v[2].str, v[3].str, req_id_text(r, r->user->id), side};
    PGresult *res = NULL;
    bool ok = db_begin(r->db) &&
              (res = db_run(r->db, "plan_review_insert", ARRAY_SIZE(params), params)) &&
              PQntuples(res) &&
              plan_notify(r, id, side, "plan_review",
                          arena_printf(r->mem,
                                       "%s recorded a review of your learning plan: it "
                                       "waits for your signature.",
                                       r->user->display_name),
                          arena_printf(r->mem, "/plans/%s/progress#reviews", id)) &&
              db_commit(r->db);
    if (!ok)
        db_rollback(r->db);
    if (ok)
        back_to_progress(r, id, "review", "reviews");
    else if (res && !PQntuples(res))
        render_error(r, 409, "This plan is not in force now: the review was not recorded.");
    else
        render_db_failed(r);
    PQclear(res);
    PQclear(head);
}

/* POST /plans/:id/reviews/:review/sign: the other side countersigns. */
void page_plan_review_sign(request *r)
{
    PGresult *head = plan_find_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    const char *params[] = {id, req_id_text(r, req_param_id(r, 1)), req_id_text(r, r->user->id),
                            db_text(head, 0, PH_SIDE)};
    PGresult *res = db_run(r->db, "plan_review_sign", ARRAY_SIZE(params), params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 409,
                     "There is no such review waiting for your side's signature: it may be "
                     "signed already.");
    else
        back_to_progress(r, id, "signed", "reviews");
    PQclear(res);
    PQclear(head);
}

/* POST /plans/:id/comments: a comment on the plan, about its latest
 * version, with no new version made; the other side is told. */
void page_plan_comment(request *r)
{
    static const field_spec fields[] = {
        {"body", "your comment", FIELD_STRING, true, 1, 5000, NULL}};
    field_value v[1];
    const char *err;
    PGresult *head = plan_find(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    PGresult *res = NULL;
    if (!form_validate(r, fields, 1, v, &err)) {
        plan_render_page(r, 400, head, err, v[0].str);
        goto out;
    }
    const char *params[] = {id, req_id_text(r, r->user->id), side, v[0].str};
    bool ok =
        db_begin(r->db) &&
        (res = db_run(r->db, "plan_comment_insert", ARRAY_SIZE(params), params)) &&
        PQntuples(res) &&
        plan_notify(r, id, side, "plan_comment",
                    arena_printf(r->mem, "%s commented on a learning plan.", r->user->display_name),
                    arena_printf(r->mem, "/plans/%s#comments", id)) &&
        db_commit(r->db);
    if (!ok)
        db_rollback(r->db);
    if (ok)
        resp_redirect(r, arena_printf(r->mem, "/plans/%s?done=comment#comments", id));
    else if (res && !PQntuples(res))
        render_error(r, 409,
                     plan_is(head, 0, PH_STATE, "draft")
                         ? "A draft has not been shown to the other side yet: propose it first."
                         : PLAN_CLOSED);
    else
        render_db_failed(r);
out:
    PQclear(res);
    PQclear(head);
}
