/* plan_progress: a learning plan in use. Once both sides have agreed a
 * version, each of its goals has a status (not started, in progress,
 * achieved: every change kept, with who and why) and evidence the learner
 * links to it (their own pieces, pages and posts; each reader sees a link
 * only to what its own sharing already shows them). Review meetings are
 * recorded by either side and countersigned by the other. Comments let
 * the two sides talk without making a new version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fragment.h"
#include "plans.h"

/* Goals of the version in force of plan $1, where each stands: its place,
 * title, target date, key, status, the latest update's note, author and
 * date, and whether it is past its target date and not achieved. */
// clang-format off
#define PROGRESS_GOALS                                                                             \
    "SELECT e.i, e.g->>'title', coalesce(to_char(nullif(e.g->>'target', '')::date, 'FMDD Mon "     \
    "YYYY'), ''),"                                                                                 \
    "       e.g->>'key', coalesce(u.status, 'not_started'), coalesce(u.note, ''),"                 \
    "       coalesce(a.display_name, ''), coalesce(to_char(u.created_at, 'FMDD Mon YYYY'), ''),"   \
    "       coalesce(nullif(e.g->>'target', '')::date < current_date"                              \
    "                AND u.status IS DISTINCT FROM 'achieved', false)"                             \
    "  FROM plans p"                                                                               \
    "  JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"                   \
    " CROSS JOIN LATERAL jsonb_array_elements(v.content->'goals') WITH ORDINALITY AS e(g, i)"      \
    "  LEFT JOIN LATERAL (SELECT status, note, author_id, created_at FROM plan_goal_updates"       \
    "                      WHERE plan_id = p.id AND goal_key = e.g->>'key'"                        \
    "                      ORDER BY id DESC LIMIT 1) u ON true"                                    \
    "  LEFT JOIN users a ON a.id = u.author_id"                                                    \
    " WHERE p.id = $1"
enum { GS_PLACE, GS_TITLE, GS_TARGET, GS_KEY, GS_STATUS, GS_NOTE, GS_BY, GS_WHEN, GS_OVERDUE };

/* Reviews of plan $1, newest first. */
#define PLAN_REVIEWS                                                                               \
    "SELECT r.id, to_char(r.held_on, 'FMDD Mon YYYY'), r.notes, r.next_steps,"                     \
    "       coalesce(to_char(r.next_review, 'FMDD Mon YYYY'), ''), a.display_name,"                \
    "       coalesce(ls.display_name, ''),"                                                        \
    "       coalesce(to_char(r.learner_signed_at, 'FMDD Mon YYYY'), ''),"                          \
    "       coalesce(ts.display_name, ''),"                                                        \
    "       coalesce(to_char(r.tutor_signed_at, 'FMDD Mon YYYY'), ''),"                            \
    "       coalesce(r.next_review < current_date, false)"                                         \
    "  FROM plan_reviews r JOIN users a ON a.id = r.author_id"                                     \
    "  LEFT JOIN users ls ON ls.id = r.learner_signed_by"                                          \
    "  LEFT JOIN users ts ON ts.id = r.tutor_signed_by"                                            \
    " WHERE r.plan_id = $1 ORDER BY r.held_on DESC, r.id DESC"
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
    RV_LATE
};

/* Where a plan can be worked on: once agreed, until finished. */
#define PLAN_IN_FORCE "p.state IN ('agreed', 'amendment')"

const db_statement plan_progress_statements[] = {
    {"plan_progress_goals", PROGRESS_GOALS " ORDER BY e.i"},
    {"plan_reviews", PLAN_REVIEWS},
    /* The links of plan $1's goals as viewer $2 may follow them: the
     * goal's key, then the item's title and address when the viewer may
     * see it (its owner; a page or post by its own rules; a piece of
     * evidence through a page showing it), else nulls. */
    {"plan_links",
     "SELECT l.id, l.goal_key, coalesce(ev.title, pg.title, po.title),"
     "       CASE WHEN l.evidence_id IS NOT NULL THEN 'Evidence'"
     "            WHEN l.page_id IS NOT NULL THEN 'Page' ELSE 'Blog post' END, h.href"
     "  FROM plan_goal_links l"
     "  LEFT JOIN evidence ev ON ev.id = l.evidence_id"
     "  LEFT JOIN portfolio_pages pg ON pg.id = l.page_id"
     "  LEFT JOIN posts po ON po.id = l.post_id"
     " CROSS JOIN LATERAL (SELECT CASE"
     "     WHEN ev.owner_id = $2 THEN '/portfolio/evidence/' || ev.id"
     "     WHEN ev.id IS NOT NULL THEN (SELECT '/pages/' || min(b.page_id) FROM page_blocks b"
     "                                   WHERE b.evidence_id = ev.id"
     "                                     AND page_visible(b.page_id, $2, NULL))"
     "     WHEN pg.id IS NOT NULL AND page_visible(pg.id, $2, NULL) THEN '/pages/' || pg.id"
     "     WHEN po.id IS NOT NULL AND post_visible(po.id, $2) THEN '/blog/posts/' || po.id"
     "   END AS href) h"
     " WHERE l.plan_id = $1 ORDER BY l.id"},
    /* What learner $1 can link: their own evidence, pages and posts,
     * newest first, each as kind:id. */
    {"plan_link_choices",
     "(SELECT 'evidence:' || id, 'Evidence', title FROM evidence WHERE owner_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)"
     " UNION ALL (SELECT 'page:' || id, 'Page', title FROM portfolio_pages WHERE owner_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)"
     " UNION ALL (SELECT 'post:' || id, 'Blog post', title FROM posts WHERE author_id = $1"
     "  ORDER BY updated_at DESC LIMIT 200)"},
    /* The summary the plan's page shows: goals in force, achieved, past
     * their date; when the next review is due and whether that is past;
     * reviews waiting for side $2's signature. */
    {"plan_summary",
     "SELECT count(g.*), count(*) FILTER (WHERE g.status = 'achieved'),"
     "       count(*) FILTER (WHERE g.overdue),"
     "       (SELECT coalesce(to_char(next_review, 'FMDD Mon YYYY'), '')"
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
     "          LEFT JOIN LATERAL (SELECT status FROM plan_goal_updates"
     "                              WHERE plan_id = p.id AND goal_key = e.g->>'key'"
     "                              ORDER BY id DESC LIMIT 1) u ON true"
     "         WHERE p.id = $1) g"},
    {"plan_comments", "SELECT c.id, u.display_name, c.side, c.version, c.body,"
                      "       to_char(c.created_at, 'FMDD Mon YYYY \"at\" HH24:MI')"
                      "  FROM plan_comments c JOIN users u ON u.id = c.author_id"
                      " WHERE c.plan_id = $1 ORDER BY c.id"},
    /* A status for goal $2 of plan $1's version in force. */
    {"plan_goal_status",
     "INSERT INTO plan_goal_updates (plan_id, goal_key, status, note, author_id, side)"
     " SELECT p.id, $2, $3, $4, $5, $6"
     "   FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"
     "  WHERE p.id = $1 AND " PLAN_IN_FORCE
     "    AND v.content->'goals' @> jsonb_build_array(jsonb_build_object('key', $2::text))"
     " RETURNING id"},
    /* Learner $5 links their own item ($3 a kind, $4 its id) to goal $2
     * of plan $1: how many were linked, and whether it was already. */
    {"plan_goal_link",
     "WITH ins AS ("
     " INSERT INTO plan_goal_links (plan_id, goal_key, evidence_id, page_id, post_id, added_by)"
     " SELECT p.id, $2, CASE WHEN $3 = 'evidence' THEN $4::bigint END,"
     "        CASE WHEN $3 = 'page' THEN $4::bigint END, CASE WHEN $3 = 'post' THEN $4::bigint END,"
     "        $5::bigint"
     "   FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.agreed_version"
     "  WHERE p.id = $1 AND p.learner_id = $5::bigint AND " PLAN_IN_FORCE
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
     "                              ELSE post_id END = $4::bigint)"},
    {"plan_goal_unlink", "DELETE FROM plan_goal_links l USING plans p"
                         " WHERE l.id = $2 AND l.plan_id = $1 AND p.id = l.plan_id"
                         "   AND p.learner_id = $3 AND " PLAN_IN_FORCE " RETURNING l.id"},
    /* Whether a review held on $1 (and next due on $2, or '') has dates
     * that can be true: held today or before, next due after today. */
    {"plan_review_dates",
     "SELECT $1::date <= current_date,"
     "       nullif($2, '')::date IS NULL OR nullif($2, '')::date > current_date"},
    /* A review of plan $1 recorded by $6, signed for their side $7. */
    {"plan_review_insert",
     "INSERT INTO plan_reviews (plan_id, institution_id, held_on, notes, next_steps, next_review,"
     "                          author_id, learner_signed_by, learner_signed_at, tutor_signed_by,"
     "                          tutor_signed_at)"
     " SELECT p.id, p.institution_id, $2::date, $3, $4, nullif($5, '')::date, $6,"
     "        CASE WHEN $7 = 'learner' THEN $6::bigint END,"
     "        CASE WHEN $7 = 'learner' THEN now() END,"
     "        CASE WHEN $7 = 'tutor' THEN $6::bigint END, CASE WHEN $7 = 'tutor' THEN now() END"
     "   FROM plans p WHERE p.id = $1 AND " PLAN_IN_FORCE " RETURNING id"},
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
     " RETURNING r.id"},
    /* A comment by $2 (side $3) on plan $1, about its latest version. */
    {"plan_comment_insert",
     "INSERT INTO plan_comments (plan_id, institution_id, author_id, side, version, body)"
     " SELECT p.id, p.institution_id, $2, $3, p.latest_version, $4 FROM plans p"
     "  WHERE p.id = $1 AND p.state NOT IN ('draft', 'completed', 'withdrawn') RETURNING id"},
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

static bool in_force(const PGresult *head)
{
    return plan_is(head, 0, PH_STATE, "agreed") || plan_is(head, 0, PH_STATE, "amendment");
}

/* ------------------------------------------------------------ the plan's page */

static void fill_summary(request *r, tpl_dict *d, const PGresult *head, const PGresult *sum)
{
    if (!PQntuples(sum) || plan_is(head, 0, PH_AGREED, "0"))
        return;
    tpl_dict *p = tpl_add_section(d, "PROGRESS");
    tpl_set(p, "GOALS", db_text(sum, 0, 0));
    tpl_set(p, "ACHIEVED", db_text(sum, 0, 1));
    if (!plan_is(sum, 0, 2, "0"))
        tpl_set(tpl_add_section(p, "OVERDUE"), "N", db_text(sum, 0, 2));
    const char *next = db_text(sum, 0, 3);
    size_t len = strlen(next);
    bool late = len > 5 && strcmp(next + len - 5, " late") == 0;
    if (len) {
        tpl_dict *n = tpl_add_section(p, "NEXT_REVIEW");
        tpl_set(n, "DATE", late ? arena_strndup(r->mem, next, len - 5) : next);
        if (late)
            tpl_show(n, "LATE");
    }
    if (!plan_is(sum, 0, 4, "0"))
        tpl_set(tpl_add_section(p, "TO_SIGN"), "N", db_text(sum, 0, 4));
}

static void fill_comments(tpl_dict *d, const PGresult *comments)
{
    for (int i = 0; i < PQntuples(comments); i++) {
        tpl_dict *c = tpl_add_section(d, "COMMENT");
        tpl_set(c, "AUTHOR", db_text(comments, i, 1));
        tpl_set(c, "SIDE", plan_is(comments, i, 2, "tutor") ? "tutor" : "learner");
        tpl_set(c, "VERSION", db_text(comments, i, 3));
        tpl_set(c, "BODY", db_text(comments, i, 4));
        tpl_set(c, "WHEN", db_text(comments, i, 5));
    }
    if (!PQntuples(comments))
        tpl_show(d, "NO_COMMENTS");
}

/* The progress summary and the comments, each rendered into *summary
 * and *comments: kept in memory under the plan's activity_version and
 * agreed version (whose goals it counts), the viewer's side (what waits
 * for their signature) and the date (what is overdue); else read in one
 * round trip. False if the database failed. */
bool plan_activity_html(request *r, const PGresult *head, const char **summary,
                        const char **comments)
{
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    const char *key =
        arena_printf(r->mem, "plan/%s/activity/%s/%s/%s/%s", id, db_text(head, 0, PH_ACTIVITY),
                     db_text(head, 0, PH_AGREED), side, db_text(head, 0, PH_TODAY));
    const char *key2 = key ? arena_printf(r->mem, "%s/comments", key) : NULL;
    *summary = key2 ? fragment_find(key, 0, r->mem) : NULL;
    *comments = *summary ? fragment_find(key2, 0, r->mem) : NULL;
    if (*comments)
        return true;
    const char *a[] = {id, side}, *b[] = {id};
    const db_call calls[] = {{"plan_summary", 2, a}, {"plan_comments", 1, b}};
    PGresult *res[2] = {NULL, NULL};
    if (db_run_pipeline(r->db, 2, calls, res)) {
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
            fragment_keep(key, 0, *summary, 0);
            fragment_keep(key2, 0, *comments, 0);
        }
    }
    PQclear(res[0]);
    PQclear(res[1]);
    return *summary && *comments;
}

/* ------------------------------------------------------------ the progress page */

/* The links of goal key into g: those the viewer may follow, and how many
 * they may not. */
static void fill_links(tpl_dict *g, const PGresult *links, const char *key, bool learner)
{
    int hidden = 0, shown = 0;
    tpl_dict *links_list = NULL;
    for (int i = 0; i < PQntuples(links); i++) {
        if (!plan_is(links, i, 1, key))
            continue;
        if (PQgetisnull(links, i, 4)) {
            hidden++;
            continue;
        }
        if (!shown++)
            links_list = tpl_add_section(g, "HAS_LINKS");
        tpl_dict *l = tpl_add_section(links_list, "LINK");
        tpl_set(l, "LINK_ID", db_text(links, i, 0));
        tpl_set(l, "TITLE", db_text(links, i, 2));
        tpl_set(l, "KIND", db_text(links, i, 3));
        tpl_set(l, "HREF", db_text(links, i, 4));
        if (learner)
            tpl_show(l, "CAN_UNLINK");
    }
    if (hidden)
        tpl_set_int(tpl_add_section(g, "HIDDEN"), "N", hidden);
    if (!shown && !hidden)
        tpl_show(g, "NO_LINKS");
}

static void fill_goals(request *r, tpl_dict *d, const PGresult *goals, const PGresult *links,
                       const PGresult *choices, bool open, bool learner)
{
    for (int i = 0; i < PQntuples(goals); i++) {
        tpl_dict *g = tpl_add_section(d, "GOAL");
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
        fill_links(g, links, db_text(goals, i, GS_KEY), learner && open);
        if (!open)
            continue;
        tpl_dict *f = tpl_add_section(g, "STATUS_FORM");
        for (int s = 0; statuses[s]; s++) {
            tpl_dict *o = tpl_add_section(f, "OPTION");
            tpl_set(o, "VALUE", statuses[s]);
            tpl_set(o, "LABEL", status_label(statuses[s]));
            if (strcmp(statuses[s], status) == 0)
                tpl_show(o, "SELECTED");
        }
        if (learner && PQntuples(choices)) {
            tpl_dict *c = tpl_add_section(g, "LINK_FORM");
            for (int k = 0; k < PQntuples(choices); k++) {
                tpl_dict *o = tpl_add_section(c, "CHOICE");
                tpl_set(o, "VALUE", db_text(choices, k, 0));
                tpl_set(
                    o, "LABEL",
                    arena_printf(r->mem, "%s: %s", db_text(choices, k, 1), db_text(choices, k, 2)));
            }
        }
    }
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

static const char *progress_done(const char *done)
{
    return strcmp(done, "status") == 0   ? "The goal's status was saved."
           : strcmp(done, "linked") == 0 ? "The evidence was linked to the goal."
           : strcmp(done, "unlinked") == 0
               ? "The link was taken off the goal. The item itself is kept."
           : strcmp(done, "review") == 0
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
    const char *id = db_text(head, 0, PH_ID), *side = db_text(head, 0, PH_SIDE);
    bool learner = strcmp(side, "learner") == 0, open = in_force(head);
    const char *a[] = {id}, *b[] = {id, req_id_text(r, r->user->id)};
    const char *c[] = {req_id_text(r, r->user->id)};
    const db_call calls[] = {{"plan_progress_goals", 1, a},
                             {"plan_reviews", 1, a},
                             {"plan_links", 2, b},
                             {"plan_link_choices", 1, c}};
    int n = learner && open ? 4 : 3;
    PGresult *res[4] = {NULL, NULL, NULL, NULL};
    if (!db_run_pipeline(r->db, n, calls, res)) {
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
            fill_goals(r, d, res[0], res[2], res[3], open, learner);
            fill_reviews(d, id, res[1], side, open);
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
    for (int i = 0; i < 4; i++)
        PQclear(res[i]);
}

/* GET /plans/:id/progress */
void page_plan_progress(request *r)
{
    PGresult *head = plan_find(r);
    if (!head)
        return;
    show_progress(r, 200, head, NULL, NULL, NULL);
    PQclear(head);
}

/* ------------------------------------------------------------ writing */

/* The plan for a change to its progress: found, and in force; else NULL
 * having answered why not. */
static PGresult *plan_in_force(request *r)
{
    PGresult *head = plan_find(r);
    if (head && !in_force(head)) {
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

static void back_to_progress(request *r, const char *id, const char *done, const char *anchor)
{
    resp_redirect(r, arena_printf(r->mem, "/plans/%s/progress?done=%s%s%s", id, done,
                                  anchor ? "#" : "", anchor ? anchor : ""));
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
    PGresult *head = plan_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    if (!form_validate(r, fields, 2, v, &err)) {
        show_progress(r, 400, head, err, arena_printf(r->mem, "goal-%s", r->params[1]), NULL);
        PQclear(head);
        return;
    }
    const char *params[] = {id,
                            r->params[1],
                            v[0].str,
                            v[1].str,
                            req_id_text(r, r->user->id),
                            db_text(head, 0, PH_SIDE)};
    PGresult *res = db_run(r->db, "plan_goal_status", 6, params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 404, "The plan in force has no such goal.");
    else
        back_to_progress(r, id, "status", arena_printf(r->mem, "goal-%s", r->params[1]));
    PQclear(res);
    PQclear(head);
}

/* POST /plans/:id/goals/:key/links: the learner links one of their own
 * items (item = kind:id) to goal :key. */
void page_plan_goal_link(request *r)
{
    static const field_spec fields[] = {{"item", "the item", FIELD_STRING, true, 3, 40, NULL}};
    field_value v[1];
    const char *err = NULL;
    PGresult *head = plan_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    char kind[16] = "";
    long long item = 0;
    if (!plan_is(head, 0, PH_SIDE, "learner"))
        err = "Only the learner links evidence to their goals.";
    else if (!form_validate(r, fields, 1, v, &err) ||
             sscanf(v[0].str, "%15[a-z]:%lld", kind, &item) != 2 || item <= 0 ||
             (strcmp(kind, "evidence") && strcmp(kind, "page") && strcmp(kind, "post")))
        err = err ? err : "Choose a piece of evidence, a page or a post of yours.";
    if (err) {
        show_progress(r, 400, head, err, arena_printf(r->mem, "item-%s", r->params[1]), NULL);
        PQclear(head);
        return;
    }
    const char *params[] = {id, r->params[1], kind, req_id_text(r, item),
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "plan_goal_link", 5, params);
    if (!res)
        render_db_failed(r);
    else if (plan_is(res, 0, 0, "1") || plan_is(res, 0, 1, "t"))
        back_to_progress(r, id, "linked", arena_printf(r->mem, "goal-%s", r->params[1]));
    else
        render_error(r, 404,
                     "There is no such goal in the plan in force, or that item is not yours.");
    PQclear(res);
    PQclear(head);
}

/* POST /plans/:id/links/:link/remove: the learner takes a link off. */
void page_plan_goal_unlink(request *r)
{
    PGresult *head = plan_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    const char *params[] = {id, req_id_text(r, req_param_id(r, 1)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "plan_goal_unlink", 3, params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 404, "There is no such link on your plan.");
    else
        back_to_progress(r, id, "unlinked", NULL);
    PQclear(res);
    PQclear(head);
}

/* Why a review's dates cannot be, or NULL; *field the box, *status the
 * answer's. */
static const char *review_dates_problem(request *r, const field_value *v, const char **field,
                                        int *status)
{
    const char *params[] = {v[0].str, v[3].str};
    PGresult *res = db_run(r->db, "plan_review_dates", 2, params);
    *status = res ? 400 : 503;
    const char *problem =
        !res ? RENDER_DB_DOWN
        : !plan_is(res, 0, 0, "t")
            ? "The meeting's date is in the future: record a review once it has been held."
        : !plan_is(res, 0, 1, "t") ? "The next review must be after today."
                                   : NULL;
    *field = problem && plan_is(res, 0, 0, "t") ? "next_review" : "held_on";
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
    PGresult *head = plan_in_force(r);
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
    bool ok = db_begin(r->db) && (res = db_run(r->db, "plan_review_insert", 7, params)) &&
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
    PGresult *head = plan_in_force(r);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    const char *params[] = {id, req_id_text(r, req_param_id(r, 1)), req_id_text(r, r->user->id),
                            db_text(head, 0, PH_SIDE)};
    PGresult *res = db_run(r->db, "plan_review_sign", 4, params);
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
        db_begin(r->db) && (res = db_run(r->db, "plan_comment_insert", 4, params)) &&
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
