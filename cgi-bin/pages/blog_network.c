/* blog_network: blogs read together. A cohort's page gathers what its
 * members share with it, newest first, so learners see each other's
 * learning and help; a person's home page shows the same from all their
 * cohorts; and search finds posts across the blogs the reader reads. */
#include <stdio.h>
#include <string.h>

#include "blog.h"

/* What a list across blogs shows: posts shared beyond their author,
 * published and their time come. Who reads them is readable_posts
 * (sql/policy.sql), which every statement here joins; everyone in a
 * cohort reads what its members share, so a cohort's list is the same for
 * each of them. The index posts_college_shared (sql/0020_blog_college.sql)
 * holds these posts a college at a time, newest first. */
#define SHARED_POST                                                                                \
    "p.status = 'published' AND p.visibility <> 'private' AND p.published_at <= now()"
/* A search's results, best first. c: the candidate posts (id and words,
 * from candidates) whose words match, ranked (narrow rows) and fenced off
 * (OFFSET 0); then whether the viewer (an SQL expression) reads each
 * (readable_posts, as p) is asked of the best ones only, in order, until
 * 20 are found: never of every match. The matching words are marked as in
 * blog_search. */
#define SEARCH_RESULTS(words, viewer, candidates)                                                  \
    "SELECT " POST_LIST_COLUMNS ","                                                                \
    "       ts_headline('english', p.body_text, websearch_to_tsquery('english', " words "),"       \
    "                   'StartSel=\x01, StopSel=\x02, MaxWords=35, MinWords=15, MaxFragments=2')"  \
    "  FROM (SELECT c.id, ts_rank(c.search, websearch_to_tsquery('english', " words ")) AS rank,"   \
    "               " viewer " AS viewer"                                                          \
    "          FROM (" candidates ") c ORDER BY rank DESC, c.id DESC OFFSET 0) m"                  \
    "  CROSS JOIN LATERAL (SELECT p.* FROM readable_posts(m.viewer) p"                             \
    "                       WHERE p.id = m.id OFFSET 0) p"                                         \
    " ORDER BY m.rank DESC, m.id DESC LIMIT 20"
/* The posts of the college of session $1 whose words match $2 that a
 * signed-in search ranks: the newest 500 its people share (walking
 * posts_college_shared newest first when the words are common, the index
 * of the college's words, posts_college_search, when they are rare), and
 * the viewer's own that they do not share. Ranking every match of a
 * common word (a college's 100,000 posts) read and weighed every one of
 * them; the best of the newest 500 are what a reader of blogs is after. */
#define COLLEGE_CANDIDATES                                                                         \
    "(SELECT m.id, m.search FROM posts m"                                                          \
    "  WHERE m.institution_id = (SELECT s.institution_id FROM session_viewer($1) s)"               \
    "    AND m.status = 'published' AND m.visibility <> 'private'"                                 \
    "    AND m.search @@ websearch_to_tsquery('english', $2)"                                      \
    "  ORDER BY m.published_at DESC, m.id DESC LIMIT 500)"                                         \
    " UNION ALL"                                                                                   \
    " SELECT m.id, m.search FROM posts m"                                                          \
    "  WHERE m.author_id = (SELECT s.id FROM session_viewer($1) s)"                                \
    "    AND NOT (m.status = 'published' AND m.visibility <> 'private')"                           \
    "    AND m.search @@ websearch_to_tsquery('english', $2)"

/* cohort_head: the cohort and the version of its list of posts. */
enum { CH_ID, CH_NAME, CH_CODE, CH_VERSION, COHORT_HEAD_COLUMNS };
/* cohort_next_due: seconds since 1970, or NULL. */
enum { CND_DUE, COHORT_NEXT_DUE_COLUMNS };

const db_statement blog_network_statements[] = {
    /* The prefetch of /cohorts/:id/blog ($2): the cohort, for its members
     * only (one probe: OFFSET 0 keeps it from becoming a join that reads
     * the cohort's members), with the version of its list of posts
     * (sql/0008_blogs.sql). */
    {"cohort_head",
     "SELECT c.id, c.name, c.code, c.posts_version"
     "  FROM session_viewer($1) v"
     "  JOIN cohorts c ON c.institution_id = v.institution_id"
     "   AND c.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"
     "   AND EXISTS (SELECT 1 FROM memberships m"
     "                WHERE m.cohort_id = c.id AND m.user_id = v.id OFFSET 0)",
     COHORT_HEAD_COLUMNS},
    /* Cohort $1's newest shared posts, read by its member $2: found
     * walking the cohort's college's shared posts newest first, keeping
     * members' posts (a probe each: OFFSET 0 keeps the planner from
     * turning it into a join that reads every member's every post),
     * stopping at 20. */
    {"cohort_posts",
     "SELECT " POST_LIST_COLUMNS
     "  FROM cohorts c"
     "  CROSS JOIN LATERAL ("
     "        SELECT p.* FROM readable_posts($2::bigint) p"
     "         WHERE p.institution_id = c.institution_id AND " SHARED_POST
     "           AND EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = c.id"
     "                          AND m.user_id = p.author_id OFFSET 0)"
     "         ORDER BY p.published_at DESC, p.id DESC LIMIT 20) p"
     " WHERE c.id = $1::bigint"
     " ORDER BY p.published_at DESC, p.id DESC",
     BL_N_COLUMNS},
    /* When the next scheduled post by one of cohort $1 appears, or NULL:
     * the college's shared posts still to come, each author probed. */
    {"cohort_next_due",
     "SELECT extract(epoch FROM min(p.published_at))::bigint"
     "  FROM cohorts c JOIN posts p ON p.institution_id = c.institution_id"
     "   AND p.status = 'published' AND p.visibility <> 'private' AND p.published_at > now()"
     " WHERE c.id = $1::bigint"
     "   AND EXISTS (SELECT 1 FROM memberships m WHERE m.cohort_id = c.id"
     "                  AND m.user_id = p.author_id OFFSET 0)",
     COHORT_NEXT_DUE_COLUMNS},
    /* The home page's prefetch_also: the newest posts others in the
     * viewer's cohorts share (people whose posts for their groups the
     * viewer reads: their audience holds 'cohort'), found walking the
     * college's shared posts newest first, each author asked about in
     * turn until five: never a hash of everyone in the viewer's cohorts
     * (thousands). */
    {"home_posts",
     "SELECT " POST_LIST_COLUMNS
     "  FROM session_viewer($1) v"
     "  CROSS JOIN LATERAL ("
     "        SELECT p.* FROM readable_posts(v.id) p"
     "         WHERE p.institution_id = v.institution_id AND " SHARED_POST
     "           AND p.author_id <> v.id AND 'cohort' = ANY (p.audience)"
     "         ORDER BY p.published_at DESC, p.id DESC LIMIT 5) p"
     " ORDER BY p.published_at DESC, p.id DESC",
     BL_N_COLUMNS},
    /* A signed-in person's search across blogs ($1 the session token's
     * hash, $2 the words): the posts of their own college they read. A
     * college's blogs are its learners' and staff's conversation, and what
     * a student searching from their college's Tandem means by "blogs";
     * another college's public posts are open to anyone at their
     * addresses and in a visitor's search, but are not mixed into this
     * one. So the search reads one college's rows (COLLEGE_CANDIDATES),
     * however large other colleges grow. Planned for its words each time
     * (db_run_planned): a common word is best found walking the
     * newest posts, a rare one in the index of words. */
    {"blog_search_all",
     SEARCH_RESULTS("$2", "(SELECT s.id FROM session_viewer($1) s)", COLLEGE_CANDIDATES),
     BLOG_SEARCH_COLUMNS},
    /* A visitor's search ($1 the words): public posts of every college.
     * readable_posts(NULL) holds only those; the matches are sought among
     * them alone, in the index of public posts' words
     * (posts_public_search). */
    {"blog_search_public",
     SEARCH_RESULTS("$1", "NULL::bigint",
                    "SELECT m.id, m.search FROM posts m"
                    " WHERE m.status = 'published' AND m.visibility = 'public'"
                    "   AND m.search @@ websearch_to_tsquery('english', $1)"),
     BLOG_SEARCH_COLUMNS},
    {NULL, NULL},
};

/* The cohort's list of posts, rendered: kept in memory at the cohort's
 * version until its next scheduled post is due, else read (a second round
 * trip) and rendered. Every member sees the same list. NULL if the
 * database or rendering failed. */
static const safe_html *cohort_list(request *r, const PGresult *head)
{
    long long version = db_int(head, 0, CH_VERSION);
    const char *key = arena_printf(r->mem, "cohort/%s", db_text(head, 0, CH_ID));
    const safe_html *html = key ? render_fragment_find(r, key, version) : NULL;
    if (html)
        return html;
    const char *params[] = {db_text(head, 0, CH_ID), req_id_text(r, r->user->id)};
    const db_call calls[] = {{"cohort_posts", ARRAY_SIZE(params), params},
                             {"cohort_next_due", 1, params}};
    PGresult *res[2] = {NULL, NULL};
    if (DB_RUN_PIPELINE(r->db, calls, res)) {
        tpl_dict *d = tpl_dict_new();
        if (d && PQntuples(res[0]))
            blog_fill_posts(r, d, res[0], &(post_list_style){false, false, true, 0, 2});
        else if (d)
            tpl_show(d, "NONE");
        html = render_fragment(r, "blog/cohort_list.tpl", d);
        if (html && key)
            render_fragment_keep(key, version, html,
                                 PQgetisnull(res[1], 0, CND_DUE) ? 0 : db_int(res[1], 0, CND_DUE));
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
    const char *name = db_text(head, 0, CH_NAME);
    tpl_dict *d = render_begin(r, arena_printf(r->mem, "%s: blogs", name), "blog/cohort.tpl");
    if (d) {
        tpl_set(d, "NAME", name);
        tpl_set(d, "CODE", db_text(head, 0, CH_CODE));
        tpl_set_html(d, "LIST_HTML", list); /* rendered from blog/cohort_list.tpl */
    }
    render_end(r, 200);
}

/* GET /blog/search?q=: across the blogs of the reader's college (a
 * visitor's: public posts), the reasons at blog_search_all. */
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
        const char *params[] = {r->user ? r->user->session_hash : NULL, v[0].str};
        res = r->user ? db_run_planned(r->db, "blog_search_all", ARRAY_SIZE(params), params)
                      : db_run_planned(r->db, "blog_search_public", 1, params + 1);
        if (!res) {
            render_db_failed(r);
            return;
        }
    }
    tpl_dict *d = render_begin(
        r, v[0].present ? arena_printf(r->mem, "Search blogs: %s", v[0].str) : "Search blogs",
        "blog/search.tpl");
    if (d) {
        tpl_set(d, "WORDS", v[0].str);
        if (r->user)
            tpl_set(tpl_add_section(d, "COLLEGE"), "NAME", r->user->institution_name);
        else
            tpl_show(d, "EVERYONE");
        if (res && PQntuples(res)) {
            tpl_dict *list = tpl_add_section(d, "RESULTS");
            tpl_set_int(list, "COUNT", PQntuples(res));
            blog_fill_posts(r, list, res, &(post_list_style){false, false, true, BS_HEADLINE, 2});
        } else if (res) {
            tpl_show(d, "NO_MATCHES");
        }
    }
    PQclear(res);
    render_end(r, 200);
}
