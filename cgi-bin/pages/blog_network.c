/* blog_network: blogs read together. A cohort's page gathers what its
 * members share with it, newest first, so learners see each other's
 * learning and help; a person's home page shows the same from all their
 * cohorts; and search finds posts across every blog the reader may read. */
#include <stdio.h>
#include <string.h>

#include "blog.h"

/* Everyone in a cohort may read what its members publish for their
 * groups, their college or everyone (blog_audience says so for any two
 * people sharing a cohort): so these lists need only leave out private
 * posts, drafts and posts still to come. */
#define SHARED_POST                                                                                \
    "p.status = 'published' AND p.visibility <> 'private' AND p.published_at <= now()"

const db_statement blog_network_statements[] = {
    /* The prefetch of /cohorts/:id/blog ($2): the cohort, for its members
     * only, with the version of its list of posts (sql/0008_blogs.sql). */
    {"cohort_head",
     "SELECT c.id, c.name, c.code, c.posts_version"
     "  FROM (SELECT (SELECT user_id FROM sessions WHERE token_hash = $1) AS uid) v"
     "  JOIN cohorts c ON c.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"
     "   AND EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = c.id AND m.user_id = v.uid)"},
    /* Cohort $1's newest shared posts: found walking posts_shared newest
     * first, keeping members' posts, stopping at 20. */
    {"cohort_posts",
     "SELECT " POST_LIST_COLUMNS
     "  FROM (SELECT p.id, p.author_id, p.year, p.month, p.slug, p.title, p.body_html,"
     "               p.body_text, p.tags, p.status, p.visibility, p.published_at, p.created_at"
     "          FROM posts p WHERE " SHARED_POST
     "           AND EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = $1::bigint"
     "                          AND m.user_id = p.author_id)"
     "         ORDER BY p.published_at DESC, p.id DESC LIMIT 20) p"
     /* 20 index probes, never a hash of every user: OFFSET 0 keeps the
      * planner from flattening this into a join it would hash. */
     "  CROSS JOIN LATERAL (SELECT username, display_name FROM users"
     "                       WHERE id = p.author_id AND status = 'active' OFFSET 0) u"
     " ORDER BY p.published_at DESC, p.id DESC"},
    /* When the next scheduled post by one of cohort $1 appears, or NULL. */
    {"cohort_next_due",
     "SELECT extract(epoch FROM min(p.published_at))::bigint FROM posts p"
     " WHERE p.status = 'published' AND p.visibility <> 'private' AND p.published_at > now()"
     "   AND EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = $1::bigint"
     "                  AND m.user_id = p.author_id)"},
    /* The home page's prefetch_also: the newest posts others in the
     * viewer's cohorts share. */
    {"home_posts", "SELECT " POST_LIST_COLUMNS
                   "  FROM (SELECT (SELECT user_id FROM sessions WHERE token_hash = $1) AS uid) v"
                   "  JOIN posts p ON " SHARED_POST " AND p.author_id <> v.uid"
                   /* Probed post by post, newest first, until five: never a
                    * hash of everyone in the viewer's cohorts (thousands). */
                   "   AND EXISTS (SELECT 1 FROM memberships o"
                   "                 JOIN memberships me ON me.cohort_id = o.cohort_id"
                   "                WHERE o.user_id = p.author_id AND me.user_id = v.uid)"
                   "  CROSS JOIN LATERAL (SELECT username, display_name FROM users"
                   "                       WHERE id = p.author_id AND status = 'active' OFFSET 0) u"
                   " ORDER BY p.published_at DESC, p.id DESC LIMIT 5"},
    /* Posts in every blog the viewer ($1, NULL for a visitor) may read
     * that match the words $2, best first, the matches marked as in
     * blog_search. */
    {"blog_search_all",
     "SELECT " POST_LIST_COLUMNS ","
     "       ts_headline('english', p.body_text, q, 'StartSel=\x01, StopSel=\x02,"
     "                   MaxWords=35, MinWords=15, MaxFragments=2')"
     "  FROM websearch_to_tsquery('english', $2) q, posts p"
     "  JOIN users u ON u.id = p.author_id AND u.status = 'active'"
     " WHERE p.search @@ q"
     "   AND (p.author_id = $1::bigint"
     "        OR (p.status = 'published' AND p.published_at <= now()"
     "            AND p.visibility = ANY (blog_audience($1::bigint, p.author_id))))"
     " ORDER BY ts_rank(p.search, q) DESC, p.id DESC LIMIT 20"},
    {NULL, NULL},
};

/* The cohort's list of posts, rendered: kept in memory at the cohort's
 * version until its next scheduled post is due, else read (a second round
 * trip) and rendered. Every member sees the same list. NULL if the
 * database or rendering failed. */
static const safe_html *cohort_list(request *r, const PGresult *head)
{
    long long version = db_int(head, 0, 3);
    const char *key = arena_printf(r->mem, "cohort/%s", db_text(head, 0, 0));
    const safe_html *html = key ? render_fragment_find(r, key, version) : NULL;
    if (html)
        return html;
    const char *params[] = {db_text(head, 0, 0)};
    const db_call calls[] = {{"cohort_posts", 1, params}, {"cohort_next_due", 1, params}};
    PGresult *res[2] = {NULL, NULL};
    if (db_run_pipeline(r->db, 2, calls, res)) {
        tpl_dict *d = tpl_dict_new();
        if (d && PQntuples(res[0]))
            blog_fill_posts(r, d, res[0], &(post_list_style){false, false, true, 0, 2});
        else if (d)
            tpl_show(d, "NONE");
        html = render_fragment(r, "blog/cohort_list.tpl", d);
        if (html && key)
            render_fragment_keep(key, version, html,
                                 PQgetisnull(res[1], 0, 0) ? 0 : db_int(res[1], 0, 0));
    }
    PQclear(res[0]);
    PQclear(res[1]);
    return html;
}

/* GET /cohorts/:id/blog: the cohort came with the session (the route's
 * prefetch); its posts from memory, or in a second round trip. */
void page_blog_cohort(request *r)
{
    const PGresult *head = r->prefetched;
    if (!render_found(r, head, "There is no such group, or you are not in it."))
        return;
    const safe_html *list = cohort_list(r, head);
    if (!list) {
        render_db_failed(r);
        return;
    }
    const char *name = db_text(head, 0, 1);
    tpl_dict *d = render_begin(r, arena_printf(r->mem, "%s: blogs", name), "blog/cohort.tpl");
    if (d) {
        tpl_set(d, "NAME", name);
        tpl_set(d, "CODE", db_text(head, 0, 2));
        tpl_set_html(d, "LIST_HTML", list); /* rendered from blog/cohort_list.tpl */
    }
    render_end(r, 200);
}

/* GET /blog/search?q=: across every blog the reader may read. */
void page_blog_search(request *r)
{
    static const field_spec fields[] = {
        {"q", "the words to find", FIELD_STRING, false, 0, 200, NULL}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    PGresult *res = NULL;
    if (v[0].present) {
        const char *params[] = {r->user ? req_id_text(r, r->user->id) : NULL, v[0].str};
        if (!(res = db_run(r->db, "blog_search_all", 2, params))) {
            render_db_failed(r);
            return;
        }
    }
    tpl_dict *d = render_begin(
        r, v[0].present ? arena_printf(r->mem, "Search blogs: %s", v[0].str) : "Search blogs",
        "blog/search.tpl");
    if (d) {
        tpl_set(d, "WORDS", v[0].str);
        if (res && PQntuples(res)) {
            tpl_dict *list = tpl_add_section(d, "RESULTS");
            tpl_set_int(list, "COUNT", PQntuples(res));
            blog_fill_posts(r, list, res, &(post_list_style){false, false, true, BL_N_COLUMNS, 2});
        } else if (res) {
            tpl_show(d, "NO_MATCHES");
        }
    }
    PQclear(res);
    render_end(r, 200);
}
