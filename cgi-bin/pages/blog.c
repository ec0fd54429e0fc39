/* blog: a learning log for each person at /u/USERNAME/blog. Posts are
 * written in Markdown, saved as drafts or published (now or at a time to
 * come), tagged, and read by the audience their author chooses for each:
 * only them, their groups, their college, or everyone. A post's address is
 * fixed when it is first saved and never follows a later title. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/richtext.h"
#include "../core/session.h"
#include "blog.h"
#include "portfolio.h"

/* A blog's owner for a viewer (BLOG_VIEWER): whose it is, whether it is
 * the viewer's, which visibilities of its posts the viewer reads
 * (post_audiences, sql/policy.sql: what its kept lists are kept under),
 * how its comments work, the version of its lists of posts
 * (sql/0008_blogs.sql), and whether there is anything at all the viewer
 * reads. A suspended person's blog is not found. */
#define BLOG_OWNER_COLUMNS                                                                         \
    "u.id, u.username, u.display_name, coalesce(v.id = u.id, false), aud.visibilities::text,"      \
    " coalesce(b.comments, 'open'), coalesce(b.posts_version, 0),"                                 \
    " EXISTS (SELECT 1 FROM readable_posts(v.id) p WHERE p.author_id = u.id)"
enum {
    BO_ID,
    BO_USERNAME,
    BO_NAME,
    BO_MINE,
    BO_AUDIENCE,
    BO_COMMENTS,
    BO_VERSION,
    BO_ANY_POSTS,
    BO_N_COLUMNS
};
/* blog_owner_month adds the month's name: NULL for no such month. */
enum { BOM_MONTH_NAME = BO_N_COLUMNS, BLOG_OWNER_MONTH_COLUMNS };
#define BLOG_OWNER_FROM                                                                            \
    " FROM" BLOG_VIEWER " JOIN users u ON u.username = $2"                                         \
    " JOIN post_audiences(v.id) aud ON aud.author_id = u.id"                                       \
    " LEFT JOIN blogs b ON b.owner_id = u.id"
/* What blog_post and blog_post_by_id give after POST_LIST_COLUMNS:
 * whether the viewer wrote it, how its comments work, whether the viewer
 * takes part in them (readable_posts' may_comment), and the evidence it
 * shows, only for a viewer who may see it. */
#define POST_PAGE_COLUMNS                                                                          \
    POST_LIST_COLUMNS ", p.author_id, coalesce(v.id = p.author_id, false),"                        \
    " coalesce(p.comments, b.comments, 'open'), p.may_comment,"                                    \
    " e.id, e.title, e.body_html, e.url, e.reflection_html, f.id, f.filename, f.content_type"
#define POST_PAGE_JOINS                                                                            \
    " LEFT JOIN blogs b ON b.owner_id = p.author_id"                                               \
    " LEFT JOIN readable_evidence(v.id, NULL) e ON e.id = p.evidence_id"                           \
    " LEFT JOIN files f ON f.id = e.file_id"
/* The columns blog_post and blog_post_by_id add after POST_LIST_COLUMNS. */
enum {
    BP_AUTHOR_ID = BL_N_COLUMNS,
    BP_MINE,
    BP_COMMENTS,
    BP_AT_COLLEGE,
    BP_EVIDENCE_ID,
    BP_EVIDENCE_TITLE,
    BP_EVIDENCE_BODY,
    BP_EVIDENCE_URL,
    BP_EVIDENCE_REFLECTION,
    BP_FILE_ID,
    BP_FILENAME,
    BP_CONTENT_TYPE,
    BLOG_POST_COLUMNS
};
/* blog_posts: POST_LIST_COLUMNS, then how many posts the list has in all. */
enum { BLP_TOTAL = BL_N_COLUMNS, BLOG_POSTS_COLUMNS };
/* blog_months: one row a month. */
enum { BM_YEAR, BM_MONTH, BM_NAME, BM_COUNT, BLOG_MONTHS_COLUMNS };
/* blog_next_due: seconds since 1970, or NULL. */
enum { BND_DUE, BLOG_NEXT_DUE_COLUMNS };
/* blog_post_own: the post as its form shows it, then its address. */
enum {
    BPO_TITLE,
    BPO_BODY,
    BPO_TAGS,
    BPO_STATUS,
    BPO_VISIBILITY,
    BPO_PUBLISH_AT,
    BPO_COMMENTS,
    BPO_EVIDENCE_ID,
    BPO_PATH,
    BLOG_POST_OWN_COLUMNS
};
/* blog_time_ahead: "t" when the time is still to come. */
enum { BTA_AHEAD, BLOG_TIME_AHEAD_COLUMNS };
/* blog_post_insert and blog_post_update: the post saved. */
enum { BPS_ID, BLOG_POST_SAVE_COLUMNS };
/* blog_path: the post's address. */
enum { BPA_PATH, BLOG_PATH_COLUMNS };
/* blog_evidence_choices: one row a piece of evidence. */
enum { BEC_ID, BEC_TITLE, BLOG_EVIDENCE_CHOICES_COLUMNS };

const db_statement blog_statements[] = {
    /* The routes' prefetch for a blog's index, tag and search pages. */
    {"blog_owner", "SELECT " BLOG_OWNER_COLUMNS BLOG_OWNER_FROM, BO_N_COLUMNS},
    /* For a month's archive ($3 the year, $4 the month): also its name. */
    {"blog_owner_month",
     "SELECT " BLOG_OWNER_COLUMNS ","
     "       CASE WHEN $3 ~ '^[1-9][0-9]{3}$' AND $4 ~ '^(0[1-9]|1[0-2])$'"
     "            THEN to_char(make_date($3::int, $4::int, 1), 'FMMonth YYYY') "
     "END" BLOG_OWNER_FROM,
     BLOG_OWNER_MONTH_COLUMNS},
    /* A page of author $1's posts that viewer $2 (NULL: a visitor) reads
     * (the author's own drafts and scheduled posts too): $3 a tag or '',
     * $4 and $5 a year and month or 0, $6 the offset. The last column
     * counts them all. The author's posts are found first, fenced off
     * (OFFSET 0), so that the planner, expecting as many as an author
     * writes rather than the one a tag and a month would leave, reads the
     * author and their audience once, before the posts. */
    {"blog_posts",
     "SELECT " POST_LIST_COLUMNS ", count(*) OVER ()"
     "  FROM (SELECT * FROM readable_posts($2::bigint) p WHERE p.author_id = $1::bigint"
     "        OFFSET 0) p"
     " WHERE ($3 = '' OR $3 = ANY (p.tags))"
     "   AND ($4::int = 0 OR date_trunc('month', coalesce(p.published_at, p.created_at))"
     "                         = make_timestamptz($4::int, $5::int, 1, 0, 0, 0))"
     " ORDER BY p.published_at DESC NULLS FIRST, p.id DESC"
     " LIMIT 20 OFFSET $6::int",
     BLOG_POSTS_COLUMNS},
    /* The months with posts viewer $2 reads, for the archive links: the
     * month each appeared (or was written, for a draft), in UK time. */
    {"blog_months",
     "SELECT to_char(m, 'YYYY'), to_char(m, 'MM'), to_char(m, 'FMMonth YYYY'), count(*)"
     "  FROM (SELECT date_trunc('month', coalesce(p.published_at, p.created_at)) AS m"
     "          FROM readable_posts($2::bigint) p WHERE p.author_id = $1::bigint) x"
     " GROUP BY m ORDER BY m DESC",
     BLOG_MONTHS_COLUMNS},
    /* When author $1's next scheduled post appears (seconds since 1970),
     * or NULL: a kept list of their posts is good until then. */
    {"blog_next_due",
     "SELECT extract(epoch FROM min(published_at))::bigint FROM posts"
     " WHERE author_id = $1 AND status = 'published' AND published_at > now()",
     BLOG_NEXT_DUE_COLUMNS},
    /* Author $1's posts that viewer $2 reads that match the words $3 (as
     * typed: websearch syntax), best first, with the matching words
     * marked (\x01 … \x02, turned into <mark> by the template). */
    {"blog_search",
     "SELECT " POST_LIST_COLUMNS ","
     "       ts_headline('english', p.body_text, q, 'StartSel=\x01, StopSel=\x02,"
     "                   MaxWords=35, MinWords=15, MaxFragments=2')"
     "  FROM readable_posts($2::bigint) p, websearch_to_tsquery('english', $3) q"
     " WHERE p.author_id = $1::bigint AND p.search @@ q"
     " ORDER BY ts_rank(p.search, q) DESC, p.id DESC LIMIT 20",
     BLOG_SEARCH_COLUMNS},
    /* A post and its author, if the viewer reads it: the prefetch of its
     * address. */
    {"blog_post",
     "SELECT " POST_PAGE_COLUMNS
     "  FROM" BLOG_VIEWER POST_AT POST_PAGE_JOINS,
     BLOG_POST_COLUMNS},
    /* The same, found by id ($2): for a comment refused, and /blog/posts/:id. */
    {"blog_post_by_id",
     "SELECT " POST_PAGE_COLUMNS
     "  FROM session_viewer($1) v"
     "  JOIN readable_posts(v.id) p ON p.id = $2::bigint" POST_PAGE_JOINS,
     BLOG_POST_COLUMNS},
    /* The author's own post $1 ($2 the author), as saved, for the form. */
    {"blog_post_own",
     "SELECT p.title, p.body_md, array_to_string(p.tags, ', '), p.status, p.visibility,"
     "       CASE WHEN p.published_at > now()"
     "            THEN to_char(p.published_at, 'YYYY-MM-DD\"T\"HH24:MI') ELSE '' END,"
     "       coalesce(p.comments, ''), coalesce(p.evidence_id::text, ''),"
     "       post_path(u.username, p.year, p.month, p.slug)"
     "  FROM posts p JOIN users u ON u.id = p.author_id"
     " WHERE p.id = $1 AND p.author_id = $2",
     BLOG_POST_OWN_COLUMNS},
    /* Whether a scheduled time ($1, as a datetime-local field sends it, in
     * the college's time) is still to come. */
    {"blog_time_ahead", "SELECT $1::timestamptz > now()", BLOG_TIME_AHEAD_COLUMNS},
    /* A new post. Its address is the month it is saved in, and its title
     * made into a slug, with -2, -3… after it when that is taken. The
     * evidence ($14, or '') must be the author's: else nothing is saved. */
    {"blog_post_insert",
     "WITH addr AS ("
     "  SELECT extract(year FROM now())::int AS y, extract(month FROM now())::int AS m,"
     "         coalesce(nullif(trim(both '-' FROM left(trim(both '-' FROM"
     "           regexp_replace(lower($3), '[^a-z0-9]+', '-', 'g')), 80)), ''), 'post') AS base),"
     " slug AS ("
     "  SELECT CASE WHEN n = 1 THEN a.base ELSE a.base || '-' || n END AS s"
     "    FROM addr a, generate_series(1, 1000) n"
     "   WHERE NOT EXISTS (SELECT 1 FROM posts q WHERE q.author_id = $2 AND q.year = a.y"
     "                        AND q.month = a.m"
     "                        AND q.slug = CASE WHEN n = 1 THEN a.base ELSE a.base || '-' || n END)"
     "   ORDER BY n LIMIT 1)"
     " INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,"
     "                    body_text, tags, status, visibility, published_at, comments, evidence_id)"
     " SELECT $1, $2, addr.y, addr.m, slug.s, $3, $4, $5, $6, $7::text[], $8, $9,"
     "        CASE WHEN $8 = 'published' THEN coalesce(nullif($10, '')::timestamptz, now()) END,"
     "        nullif($11, ''), nullif($12, '')::bigint"
     "   FROM addr, slug"
     "  WHERE $12 = '' OR EXISTS (SELECT 1 FROM evidence WHERE id = $12::bigint AND owner_id = $2)"
     " RETURNING id",
     BLOG_POST_SAVE_COLUMNS},
    /* A change to post $13 by its author $2 (at college $1). Published
     * again without a time, it keeps the time it first appeared. */
    {"blog_post_update",
     "UPDATE posts p SET title = $3, body_md = $4, body_html = $5, body_text = $6,"
     "       tags = $7::text[], status = $8, visibility = $9,"
     "       published_at = CASE WHEN $8 = 'draft' THEN p.published_at"
     "                           WHEN $10 <> '' THEN $10::timestamptz"
     "                           WHEN p.published_at > now() THEN now()"
     "                           ELSE coalesce(p.published_at, now()) END,"
     "       comments = nullif($11, ''), evidence_id = nullif($12, '')::bigint,"
     "       updated_at = now()"
     " WHERE p.id = $13 AND p.author_id = $2 AND p.institution_id = $1"
     "   AND ($12 = '' OR EXISTS (SELECT 1 FROM evidence WHERE id = $12::bigint"
     "                                AND owner_id = $2))"
     " RETURNING p.id",
     BLOG_POST_SAVE_COLUMNS},
    {"blog_post_delete", "DELETE FROM posts WHERE id = $1 AND author_id = $2 RETURNING id", 1},
    {"blog_path",
     "SELECT post_path(u.username, p.year, p.month, p.slug)"
     "  FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = $1",
     BLOG_PATH_COLUMNS},
    {"blog_evidence_choices",
     "SELECT id, title FROM evidence WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT 500",
     BLOG_EVIDENCE_CHOICES_COLUMNS},
    {"blog_settings_save",
     "INSERT INTO blogs (owner_id, institution_id, comments) VALUES ($1, $2, $3)"
     " ON CONFLICT (owner_id) DO UPDATE SET comments = EXCLUDED.comments",
     0},
    {NULL, NULL},
};

#define NO_POST "There is no such post, or you cannot read it."
#define NO_BLOG "There is no such blog, or nothing in it you can read."

static const char *const statuses[] = {"draft", "published", NULL};
static const char *const visibilities[] = {"private", "cohort", "institution", "public", NULL};
static const char *const comment_policies[] = {"open", "moderated", "closed", NULL};

const char *blog_visibility_label(const char *visibility)
{
    if (strcmp(visibility, "private") == 0)
        return "Only you";
    if (strcmp(visibility, "cohort") == 0)
        return "Your groups";
    if (strcmp(visibility, "institution") == 0)
        return "Your college";
    return "Everyone";
}

/* Tags stored joined by commas (they never hold one) into TAG sections,
 * each linking to its page of the author's blog. */
static void fill_tags(request *r, tpl_dict *d, const char *joined, const char *username)
{
    if (!*joined)
        return;
    tpl_dict *tags = tpl_add_section(d, "TAGS");
    for (const char *p = joined; *p;) {
        size_t n = strcspn(p, ",");
        const char *tag = arena_strndup(r->mem, p, n);
        tpl_dict *t = tpl_add_section(tags, "TAG");
        tpl_set(t, "NAME", tag);
        tpl_set(t, "HREF",
                arena_printf(r->mem, "/u/%s/blog?tag=%s", username,
                             http_percent_encode(r->mem, tag, "")));
        p += n + (p[n] == ',');
    }
}

/* What the author sees of a post's state: draft, scheduled, its audience. */
static void fill_state(tpl_dict *d, const PGresult *res, int i)
{
    const char *state = db_text(res, i, BL_STATE);
    if (strcmp(state, "draft") == 0)
        tpl_show(d, "DRAFT");
    else if (strcmp(state, "scheduled") == 0)
        tpl_show(d, "SCHEDULED");
    tpl_set(d, "AUDIENCE", blog_visibility_label(db_text(res, i, BL_VISIBILITY)));
}

/* Splits ts_headline's output (matches between \x01 and \x02) into PART
 * sections, each HIT or PLAIN, so the template escapes every word. */
static void fill_snippet(request *r, tpl_dict *d, const char *text)
{
    tpl_dict *s = tpl_add_section(d, "SNIPPET");
    bool hit = false;
    while (*text) {
        size_t n = strcspn(text, "\x01\x02");
        if (n)
            tpl_set(tpl_add_section(tpl_add_section(s, "PART"), hit ? "HIT" : "PLAIN"), "TEXT",
                    arena_strndup(r->mem, text, n));
        text += n;
        if (*text)
            hit = *text++ == '\x01';
    }
}

void blog_fill_posts(request *r, tpl_dict *d, const PGresult *res, const post_list_style *style)
{
    tpl_dict *list = tpl_include(d, "POSTS", "blog/posts.tpl");
    for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, BL_ID); i++) {
        tpl_dict *p = tpl_add_section(list, "POST");
        tpl_set_int(p, "LEVEL", style->heading);
        tpl_set(p, "HREF", db_text(res, i, BL_PATH));
        tpl_set(p, "TITLE", db_text(res, i, BL_TITLE));
        tpl_set(p, "DATE", db_text(res, i, BL_DATE));
        if (style->full) /* sanitised on save */
            tpl_set_html(tpl_add_section(p, "BODY"), "BODY_HTML",
                         html_from_db(db_text(res, i, BL_BODY_HTML)));
        else if (!style->snippet && *db_text(res, i, BL_EXCERPT))
            tpl_set(tpl_add_section(p, "EXCERPT"), "TEXT", db_text(res, i, BL_EXCERPT));
        if (style->show_author)
            tpl_set(tpl_add_section(p, "BY"), "NAME", db_text(res, i, BL_AUTHOR_NAME));
        if (style->mine)
            fill_state(tpl_add_section(p, "STATE"), res, i);
        fill_tags(r, p, db_text(res, i, BL_TAGS), db_text(res, i, BL_AUTHOR_USERNAME));
        if (style->snippet)
            fill_snippet(r, p, db_text(res, i, style->snippet));
    }
}

/* ------------------------------------------------------------ reading */

/* What a blog page asks for in its query string. */
enum { Q_PAGE, Q_TAG, Q_WORDS, Q_DONE, N_QUERY };
static const field_spec query_fields[N_QUERY] = {
    [Q_PAGE] = {"page", "the page number", FIELD_INT, false, 1, 10000, NULL},
    [Q_TAG] = {"tag", "the tag", FIELD_STRING, false, 0, MAX_TAG_CHARS, NULL},
    [Q_WORDS] = {"q", "the words to find", FIELD_STRING, false, 0, 200, NULL},
    [Q_DONE] = {"done", "what was done", FIELD_STRING, false, 0, 20, NULL},
};

/* The blog's header: whose it is, its feeds, and for its owner the way to
 * write and the setting for comments. */
static void fill_blog_head(request *r, tpl_dict *d, const PGresult *owner)
{
    const char *username = db_text(owner, 0, BO_USERNAME);
    tpl_set(d, "USERNAME", username);
    tpl_set(d, "NAME", db_text(owner, 0, BO_NAME));
    if (strcmp(db_text(owner, 0, BO_MINE), "t") == 0) {
        tpl_dict *m = tpl_add_section(d, "MINE");
        const char *policy = db_text(owner, 0, BO_COMMENTS);
        for (int i = 0; comment_policies[i]; i++)
            if (strcmp(policy, comment_policies[i]) == 0)
                tpl_show(m, arena_printf(r->mem, "COMMENTS_%d", i));
    }
    if (r->user)
        tpl_show(d, "PRIVATE_FEED");
}

/* The months with posts, linked to their archive pages. */
static void fill_months(request *r, tpl_dict *d, const PGresult *months, const char *username)
{
    if (!PQntuples(months))
        return;
    tpl_dict *list = tpl_add_section(d, "MONTHS");
    for (int i = 0; i < PQntuples(months); i++) {
        tpl_dict *m = tpl_add_section(list, "MONTH");
        tpl_set(m, "HREF",
                arena_printf(r->mem, "/u/%s/blog/%s/%s", username, db_text(months, i, BM_YEAR),
                             db_text(months, i, BM_MONTH)));
        tpl_set(m, "NAME", db_text(months, i, BM_NAME));
        tpl_set(m, "COUNT", db_text(months, i, BM_COUNT));
    }
}

/* Previous and next pages of a list, keeping its tag. */
static void fill_pagination(request *r, tpl_dict *d, const char *base, const char *tag,
                            long long page, long long total)
{
    long long pages = (total + BLOG_PAGE_SIZE - 1) / BLOG_PAGE_SIZE;
    if (pages <= 1)
        return;
    tpl_dict *nav = tpl_add_section(d, "PAGINATION");
    const char *tag_q =
        *tag ? arena_printf(r->mem, "tag=%s&", http_percent_encode(r->mem, tag, "")) : "";
    if (page > 1)
        tpl_set(tpl_add_section(nav, "PREVIOUS"), "HREF",
                arena_printf(r->mem, "%s?%spage=%lld", base, tag_q, page - 1));
    if (page < pages)
        tpl_set(tpl_add_section(nav, "NEXT"), "HREF",
                arena_printf(r->mem, "%s?%spage=%lld", base, tag_q, page + 1));
    tpl_set_int(nav, "PAGE", page);
    tpl_set_int(nav, "PAGES", pages);
}

/* What a list of a blog's posts shows: which page, tag, month or words. */
typedef struct {
    const PGresult *owner;                 /* the blog_owner row */
    const char *year, *month, *month_name; /* "0", "0", NULL: any month */
    const field_value *q;                  /* the query, query_fields */
    long long page;
} blog_list;

/* The list's posts (with the empty-list message and the links to other
 * pages) and its months, rendered. Read and rendered when not kept in
 * memory at the blog's version; results of searches are never kept. The
 * HTML goes to *list and *months; false if the database or rendering
 * failed. */
static bool render_lists(request *r, const blog_list *l, const safe_html **list,
                         const safe_html **months)
{
    const PGresult *owner = l->owner;
    const field_value *q = l->q;
    bool mine = strcmp(db_text(owner, 0, BO_MINE), "t") == 0;
    bool searching = q[Q_WORDS].present;
    long long version = db_int(owner, 0, BO_VERSION);
    const char *key = arena_printf(r->mem, "blog/%s/%s%s/%s/%s/%s/%lld", db_text(owner, 0, BO_ID),
                                   db_text(owner, 0, BO_AUDIENCE), mine ? "mine" : "", q[Q_TAG].str,
                                   l->year, l->month, l->page);
    const char *months_key = arena_printf(r->mem, "blog/%s/%s%s/months", db_text(owner, 0, BO_ID),
                                          db_text(owner, 0, BO_AUDIENCE), mine ? "mine" : "");
    if (!searching && key && months_key && (*list = render_fragment_find(r, key, version)) &&
        (*months = render_fragment_find(r, months_key, version)))
        return true;
    const char *params[] = {db_text(owner, 0, BO_ID),
                            r->user ? req_id_text(r, r->user->id) : NULL,
                            q[Q_TAG].str,
                            l->year,
                            l->month,
                            req_id_text(r, (l->page - 1) * BLOG_PAGE_SIZE)};
    const char *search_params[] = {params[0], params[1], q[Q_WORDS].str};
    const db_call calls[] = {
        searching ? (db_call){"blog_search", ARRAY_SIZE(search_params), search_params}
                  : (db_call){"blog_posts", ARRAY_SIZE(params), params},
        {"blog_months", 2, params},
        {"blog_next_due", 1, params}};
    PGresult *res[3] = {NULL, NULL, NULL};
    bool ok = DB_RUN_PIPELINE(r->db, calls, res);
    if (ok) {
        tpl_dict *d = tpl_dict_new();
        if (d) {
            blog_fill_posts(
                r, d, res[0],
                &(post_list_style){!searching, mine, false, searching ? BS_HEADLINE : 0, 2});
            if (!PQntuples(res[0]))
                tpl_show(d, searching                                     ? "NO_MATCHES"
                            : mine && !l->month_name && !q[Q_TAG].present ? "NOTHING_YET"
                                                                          : "NONE");
            if (!searching && PQntuples(res[0]))
                fill_pagination(r, d, r->path, q[Q_TAG].str, l->page,
                                atoll(db_text(res[0], 0, BLP_TOTAL)));
        }
        *list = render_fragment(r, "blog/list.tpl", d);
        tpl_dict *m = tpl_dict_new();
        if (m)
            fill_months(r, m, res[1], db_text(owner, 0, BO_USERNAME));
        *months = render_fragment(r, "blog/months.tpl", m);
        ok = *list && *months;
        long long due = PQgetisnull(res[2], 0, BND_DUE) ? 0 : db_int(res[2], 0, BND_DUE);
        if (ok && !searching && key && months_key) {
            render_fragment_keep(key, version, *list, due);
            render_fragment_keep(months_key, version, *months, due);
        }
    }
    for (int i = 0; i < 3; i++)
        PQclear(res[i]);
    return ok;
}

/* A list of the blog's posts: by page, by tag, for a month, or the ones
 * matching some words. The owner came with the session (the route's
 * prefetch); the lists come from memory while the blog has not changed,
 * else in a second round trip. */
static void show_blog(request *r, const PGresult *owner, const char *month_name, const char *year,
                      const char *month)
{
    field_value q[N_QUERY];
    const char *err;
    if (!form_validate(r, query_fields, N_QUERY, q, &err)) {
        render_error(r, 400, err);
        return;
    }
    bool mine = strcmp(db_text(owner, 0, BO_MINE), "t") == 0;
    bool everyone_else = !r->user || strcmp(db_text(owner, 0, BO_AUDIENCE), "{public}") == 0;
    if (strcmp(db_text(owner, 0, BO_ANY_POSTS), "t") != 0 && everyone_else && !mine) {
        render_error(r, 404, NO_BLOG); /* a stranger learns nothing of a blog they cannot read */
        return;
    }
    const blog_list l = {owner, year, month, month_name, q, q[Q_PAGE].present ? q[Q_PAGE].num : 1};
    const safe_html *list, *months;
    if (!render_lists(r, &l, &list, &months)) {
        render_db_failed(r);
        return;
    }
    const char *name = db_text(owner, 0, BO_NAME);
    bool searching = q[Q_WORDS].present;
    const char *title = searching    ? arena_printf(r->mem, "Search %s's blog", name)
                        : month_name ? arena_printf(r->mem, "%s's blog: %s", name, month_name)
                        : q[Q_TAG].present
                            ? arena_printf(r->mem, "%s's blog: posts tagged %s", name, q[Q_TAG].str)
                            : arena_printf(r->mem, "%s's blog", name);
    tpl_dict *d = render_begin(r, title, "blog/index.tpl");
    if (d) {
        fill_blog_head(r, d, owner);
        render_feed_link(r, arena_printf(r->mem, "%s's blog", name),
                         arena_printf(r->mem, "/u/%s/blog/feed", db_text(owner, 0, BO_USERNAME)));
        tpl_set(d, "HEADING", title);
        tpl_set(d, "WORDS", q[Q_WORDS].str);
        tpl_set_html(d, "LIST_HTML", list);     /* rendered from blog/list.tpl */
        tpl_set_html(d, "MONTHS_HTML", months); /* and blog/months.tpl */
        if (strcmp(q[Q_DONE].str, "deleted") == 0)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", "Your post was deleted.");
        else if (strcmp(q[Q_DONE].str, "settings") == 0)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", "Your blog's settings were saved.");
        if (q[Q_TAG].present)
            tpl_set(tpl_add_section(d, "TAG_FEED"), "TAG",
                    http_percent_encode(r->mem, q[Q_TAG].str, ""));
        if (month_name || q[Q_TAG].present || searching)
            tpl_show(d, "ALL_POSTS_LINK");
    }
    render_end(r, 200);
}

/* GET /u/:username/blog (?page, ?tag, ?q). */
void page_blog_index(request *r)
{
    PGresult *own[2];
    const PGresult *owner, *none;
    session_prefetched(r, own, &owner, &none);
    if (render_found(r, owner, NO_BLOG))
        show_blog(r, owner, NULL, "0", "0");
    PQclear(own[0]);
}

/* GET /u/:username/blog/:year/:month: the month's posts. */
void page_blog_month(request *r)
{
    PGresult *own[2];
    const PGresult *owner, *none;
    session_prefetched(r, own, &owner, &none);
    if (render_found(r, owner, NO_BLOG)) {
        if (PQgetisnull(owner, 0, BOM_MONTH_NAME))
            render_error(r, 404, "There is no such month.");
        else
            show_blog(r, owner, db_text(owner, 0, BOM_MONTH_NAME), r->params[1], r->params[2]);
    }
    PQclear(own[0]);
}

/* The evidence a post links to, when the viewer may see it. */
static void fill_post_evidence(request *r, tpl_dict *d, const PGresult *post)
{
    if (PQgetisnull(post, 0, BP_EVIDENCE_ID))
        return;
    tpl_dict *e = tpl_add_section(d, "EVIDENCE");
    tpl_set(e, "TITLE", db_text(post, 0, BP_EVIDENCE_TITLE));
    if (*db_text(post, 0, BP_EVIDENCE_BODY)) /* sanitised on save */
        tpl_set_html(tpl_add_section(e, "BODY"), "EVIDENCE_BODY_HTML",
                     html_from_db(db_text(post, 0, BP_EVIDENCE_BODY)));
    if (!PQgetisnull(post, 0, BP_EVIDENCE_URL))
        tpl_set(tpl_add_section(e, "LINK"), "URL", db_text(post, 0, BP_EVIDENCE_URL));
    if (!PQgetisnull(post, 0, BP_FILE_ID)) {
        const char *name = db_text(post, 0, BP_FILENAME);
        tpl_dict *f = tpl_add_section(e, "FILE");
        tpl_set(f, "HREF",
                arena_printf(r->mem, "/files/%s/%s", db_text(post, 0, BP_FILE_ID),
                             http_percent_encode(r->mem, name, "")));
        tpl_set(f, "FILENAME", name);
        if (inline_image(db_text(post, 0, BP_CONTENT_TYPE)))
            tpl_show(f, "IMAGE");
    }
    if (*db_text(post, 0, BP_EVIDENCE_REFLECTION)) /* sanitised on save */
        tpl_set_html(tpl_add_section(e, "REFLECTION"), "REFLECTION_HTML",
                     html_from_db(db_text(post, 0, BP_EVIDENCE_REFLECTION)));
}

/* A post with its evidence and its comments. */
static void show_post(request *r, const PGresult *post, const PGresult *comments, const char *error,
                      const char *draft)
{
    const char *title = db_text(post, 0, BL_TITLE);
    bool mine = strcmp(db_text(post, 0, BP_MINE), "t") == 0;
    tpl_dict *d =
        render_begin(r, error ? arena_printf(r->mem, "Error: %s", title) : title, "blog/post.tpl");
    if (d) {
        const http_field *done = req_query(r, "done");
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
        else if (mine && done && strcmp(done->value, "saved") == 0)
            tpl_show(d, "SAVED");
        else if (done && strcmp(done->value, "held") == 0)
            tpl_show(d, "HELD_NOTICE");
        tpl_set(d, "ID", db_text(post, 0, BL_ID));
        render_feed_link(
            r, arena_printf(r->mem, "%s's blog", db_text(post, 0, BL_AUTHOR_NAME)),
            arena_printf(r->mem, "/u/%s/blog/feed", db_text(post, 0, BL_AUTHOR_USERNAME)));
        tpl_set(d, "TITLE", title);
        tpl_set(d, "DATE", db_text(post, 0, BL_DATE));
        /* sanitised on save */
        tpl_set_html(d, "BODY_HTML", html_from_db(db_text(post, 0, BL_BODY_HTML)));
        tpl_set(d, "AUTHOR", db_text(post, 0, BL_AUTHOR_NAME));
        tpl_set(d, "USERNAME", db_text(post, 0, BL_AUTHOR_USERNAME));
        if (mine)
            fill_state(tpl_add_section(d, "MINE"), post, 0);
        fill_tags(r, d, db_text(post, 0, BL_TAGS), db_text(post, 0, BL_AUTHOR_USERNAME));
        fill_post_evidence(r, d, post);
        if (comments)
            blog_fill_comments(
                r, d, comments,
                &(post_comment_view){
                    db_int(post, 0, BL_ID), mine, strcmp(db_text(post, 0, BP_AT_COLLEGE), "t") == 0,
                    db_text(post, 0, BP_COMMENTS), db_text(post, 0, BL_AUTHOR_NAME), error, draft});
    }
    render_end(r, error ? 400 : 200);
}

/* GET /u/:username/blog/:year/:month/:slug: the post and its comments
 * came with the session, in one round trip. */
void page_blog_post(request *r)
{
    PGresult *own[2];
    const PGresult *post, *comments;
    session_prefetched(r, own, &post, &comments);
    if (!comments)
        render_db_failed(r);
    else if (render_found(r, post, NO_POST))
        show_post(r, post, comments, NULL, NULL);
    PQclear(own[0]);
    PQclear(own[1]);
}

void blog_post_again(request *r, long long post_id, const char *error, const char *draft)
{
    const char *params[] = {r->user->session_hash, req_id_text(r, post_id)};
    const db_call calls[] = {{"blog_post_by_id", ARRAY_SIZE(params), params},
                             {"post_comments_by_id", ARRAY_SIZE(params), params}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res))
        render_db_failed(r);
    else if (render_found(r, res[0], NO_POST))
        show_post(r, res[0], res[1], error, draft);
    PQclear(res[0]);
    PQclear(res[1]);
}

/* GET /blog: the signed-in person's own blog. */
void page_blog_mine(request *r)
{
    resp_redirect(r, arena_printf(r->mem, "/u/%s/blog", r->user->username));
}

/* GET /blog/posts/:id: the post's address, for whoever may read it. */
void page_blog_post_by_id(request *r)
{
    const char *params[] = {r->user->session_hash, req_id_text(r, req_param_id(r, 0))};
    PGresult *res = db_run(r->db, "blog_post_by_id", ARRAY_SIZE(params), params);
    if (render_found(r, res, NO_POST))
        resp_redirect(r, db_text(res, 0, BL_PATH));
    PQclear(res);
}

/* ------------------------------------------------------------ writing */

enum {
    F_TITLE,
    F_BODY,
    F_TAGS,
    F_STATUS,
    F_VISIBILITY,
    F_PUBLISH_AT,
    F_COMMENTS,
    F_EVIDENCE,
    N_FIELDS
};
static const field_spec post_fields[N_FIELDS] = {
    [F_TITLE] = {"title", "the title", FIELD_STRING, true, 1, 200, NULL},
    [F_BODY] = {"body", "the post", FIELD_STRING, false, 0, 100000, NULL},
    [F_TAGS] = {"tags", "the tags", FIELD_STRING, false, 0, 1000, NULL},
    [F_STATUS] = {"status", "whether to publish it", FIELD_ENUM, true, 0, 0, statuses},
    [F_VISIBILITY] = {"visibility", "who can read it", FIELD_ENUM, true, 0, 0, visibilities},
    [F_PUBLISH_AT] = {"publish_at", "the time to publish it", FIELD_STRING, false, 0, 16, NULL},
    [F_COMMENTS] = {"comments", "comments", FIELD_STRING, false, 0, 20, NULL},
    [F_EVIDENCE] = {"evidence_id", "the evidence", FIELD_ID, false, 0, 0, NULL},
};

/* The form, new (post_id 0) or for a post; values are what was typed, or
 * what is saved (saved: blog_post_own), or nothing. */
static void show_form(request *r, int status, long long post_id, const field_value *typed,
                      const PGresult *saved, const char *field, const char *error)
{
    /* Without the evidence to choose from (the database failing), the form
     * is still shown with what was typed: nothing is lost. */
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *choices = db_run(r->db, "blog_evidence_choices", ARRAY_SIZE(params), params);
    const char *heading = post_id ? "Change your post" : "Write a post";
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "blog/form.tpl");
    if (d) {
        tpl_set(d, "HEADING", heading);
        tpl_set(d, "ACTION", post_id ? arena_printf(r->mem, "/blog/posts/%lld", post_id) : "/blog");
        if (post_id)
            tpl_set(tpl_add_section(d, "EDITING"), "HREF",
                    saved ? db_text(saved, 0, BPO_PATH)
                          : arena_printf(r->mem, "/blog/posts/%lld", post_id));
        else /* a new post takes effect once (core/once.h); a change, every time */
            tpl_show(d, "CREATING");
        const char *v[N_FIELDS];
        for (int i = 0; i < N_FIELDS; i++) {
            static const int column[N_FIELDS] = {[F_TITLE] = BPO_TITLE,
                                                 [F_BODY] = BPO_BODY,
                                                 [F_TAGS] = BPO_TAGS,
                                                 [F_STATUS] = BPO_STATUS,
                                                 [F_VISIBILITY] = BPO_VISIBILITY,
                                                 [F_PUBLISH_AT] = BPO_PUBLISH_AT,
                                                 [F_COMMENTS] = BPO_COMMENTS,
                                                 [F_EVIDENCE] = BPO_EVIDENCE_ID};
            v[i] = typed ? typed[i].str : saved ? db_text(saved, 0, column[i]) : "";
        }
        tpl_set(d, "TITLE", v[F_TITLE]);
        tpl_set(d, "BODY", v[F_BODY]);
        tpl_set(d, "TAGS", v[F_TAGS]);
        tpl_set(d, "PUBLISH_AT", v[F_PUBLISH_AT]);
        /* Defaults for a new post: a draft, for the author's groups. */
        const char *status_v = *v[F_STATUS] ? v[F_STATUS] : "draft";
        const char *visibility_v = *v[F_VISIBILITY] ? v[F_VISIBILITY] : "cohort";
        tpl_show(d, arena_printf(r->mem, "STATUS_%s", status_v));
        tpl_show(d, arena_printf(r->mem, "VISIBILITY_%s", visibility_v));
        tpl_show(d, arena_printf(r->mem, "COMMENTS_%s", *v[F_COMMENTS] ? v[F_COMMENTS] : "blog"));
        for (int i = 0; choices && i < PQntuples(choices); i++) {
            tpl_dict *c = tpl_add_section(d, "CHOICE");
            tpl_set(c, "ID", db_text(choices, i, BEC_ID));
            tpl_set(c, "TITLE", db_text(choices, i, BEC_TITLE));
            if (strcmp(db_text(choices, i, BEC_ID), v[F_EVIDENCE]) == 0)
                tpl_show(c, "SELECTED");
        }
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "title");
        }
    }
    PQclear(choices);
    render_end(r, status);
}

/* What the form sent, checked as a whole. */
typedef struct {
    field_value v[N_FIELDS];
    const char *tags, *body_html, *body_text;
} post_input;

/* A datetime-local value: YYYY-MM-DDTHH:MM, a real date and time. */
static bool well_formed_time(const char *s)
{
    if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':')
        return false;
    for (int i = 11; i < 16; i++)
        if (i != 13 && !isdigit((unsigned char)s[i]))
            return false;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    int hh = (s[11] - '0') * 10 + (s[12] - '0'), mm = (s[14] - '0') * 10 + (s[15] - '0');
    return !validate_date(date) && hh < 24 && mm < 60;
}

/* Checks the form; *field and *err say what is wrong. */
static bool read_input(request *r, post_input *in, const char **err, const char **field)
{
    field_value *v = in->v;
    *field = NULL;
    if (!form_validate(r, post_fields, N_FIELDS, v, err)) {
        *field = r->invalid_field;
        return false;
    }
    bool comments_ok = !v[F_COMMENTS].present;
    for (int i = 0; comment_policies[i]; i++)
        comments_ok = comments_ok || strcmp(v[F_COMMENTS].str, comment_policies[i]) == 0;
    if (!comments_ok) {
        *err = "Choose who can comment from the list.", *field = "comments";
        return false;
    }
    if (!(in->tags = validate_tags(r->mem, v[F_TAGS].str, err))) {
        *field = "tags";
        return false;
    }
    if (v[F_PUBLISH_AT].present && v[F_STATUS].num == 1) {
        PGresult *ahead = NULL;
        *err = NULL;
        const char *params[] = {v[F_PUBLISH_AT].str};
        if (!well_formed_time(v[F_PUBLISH_AT].str))
            *err = "Enter the time to publish it as a date and a time, like 2026-12-01 09:00.";
        else if (!(ahead = db_run(r->db, "blog_time_ahead", ARRAY_SIZE(params), params)))
            *err = RENDER_DB_DOWN;
        else if (strcmp(db_text(ahead, 0, BTA_AHEAD), "t") != 0)
            *err = "The time to publish it has passed: choose a time to come, or leave it "
                   "empty to publish now.";
        PQclear(ahead);
        if (*err) {
            *field = "publish_at";
            return false;
        }
    }
    in->body_html = richtext_to_arena(r->mem, v[F_BODY].str);
    in->body_text = richtext_plain_to_arena(r->mem, v[F_BODY].str);
    if (!in->body_html || !in->body_text) {
        *err = "The post could not be read as Markdown.", *field = "body";
        return false;
    }
    return true;
}

/* Saves in as a new post (post_id 0) or a change; the post's id, 0 when
 * the evidence was not the author's (or the post not theirs), -1 when the
 * database failed. */
static long long save_post(request *r, const post_input *in, long long post_id)
{
    const field_value *v = in->v;
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            req_id_text(r, r->user->id),
                            v[F_TITLE].str,
                            v[F_BODY].str,
                            in->body_html,
                            in->body_text,
                            in->tags,
                            statuses[v[F_STATUS].num],
                            visibilities[v[F_VISIBILITY].num],
                            v[F_STATUS].num == 1 ? v[F_PUBLISH_AT].str : "",
                            v[F_COMMENTS].str,
                            v[F_EVIDENCE].present ? v[F_EVIDENCE].str : "",
                            req_id_text(r, post_id)};
    PGresult *res = post_id ? db_run(r->db, "blog_post_update", ARRAY_SIZE(params), params)
                            : db_run(r->db, "blog_post_insert", 12, params);
    /* Two saves of one title at once (a double click) race for its slug:
     * the loser picks the next one free. */
    if (!res && !post_id && strcmp(db_last_sqlstate(r->db), "23505") == 0)
        res = db_run(r->db, "blog_post_insert", 12, params);
    long long id = !res ? -1 : PQntuples(res) ? db_int(res, 0, BPS_ID) : 0;
    PQclear(res);
    return id;
}

/* After saving: to the post, at its address. */
static void go_to_post(request *r, long long id)
{
    const char *params[] = {req_id_text(r, id)};
    PGresult *res = db_run(r->db, "blog_path", ARRAY_SIZE(params), params);
    if (render_found(r, res, NO_POST))
        resp_redirect(r, arena_printf(r->mem, "%s?done=saved", db_text(res, 0, BPA_PATH)));
    PQclear(res);
}

/* Saves the form, or shows it again with what was typed and why not. */
static void submit_post(request *r, long long post_id)
{
    post_input in;
    const char *err, *field;
    if (!read_input(r, &in, &err, &field)) {
        show_form(r, 400, post_id, in.v, NULL, field, err);
        return;
    }
    long long id = save_post(r, &in, post_id);
    if (id > 0)
        go_to_post(r, id);
    else if (id == 0 && post_id && !in.v[F_EVIDENCE].present)
        render_error(r, 404, NO_POST);
    else if (id == 0)
        show_form(r, 400, post_id, in.v, NULL, "evidence_id",
                  "Choose a piece of your own evidence.");
    else
        show_form(r, 503, post_id, in.v, NULL, "title",
                  "Your post was not saved, because the database did not answer. What you "
                  "wrote is still here: try saving again in a minute.");
}

void page_blog_new(request *r)
{
    show_form(r, 200, 0, NULL, NULL, NULL, NULL);
}

void page_blog_create(request *r)
{
    submit_post(r, 0);
}

/* The signed-in author's post :id as saved, or NULL having said why not. */
static PGresult *find_own_post(request *r)
{
    const char *params[] = {req_id_text(r, req_param_id(r, 0)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "blog_post_own", ARRAY_SIZE(params), params);
    if (!render_found(r, res, NO_POST)) {
        PQclear(res);
        return NULL;
    }
    return res;
}

void page_blog_edit(request *r)
{
    PGresult *saved = find_own_post(r);
    if (saved)
        show_form(r, 200, req_param_id(r, 0), NULL, saved, NULL, NULL);
    PQclear(saved);
}

void page_blog_update(request *r)
{
    PGresult *saved = find_own_post(r);
    if (!saved)
        return;
    PQclear(saved);
    submit_post(r, req_param_id(r, 0));
}

void page_blog_confirm_delete(request *r)
{
    PGresult *saved = find_own_post(r);
    if (!saved)
        return;
    tpl_dict *d = render_begin(r, "Delete a post", "blog/delete.tpl");
    if (d) {
        tpl_set(d, "ID", req_id_text(r, req_param_id(r, 0)));
        tpl_set(d, "TITLE", db_text(saved, 0, BPO_TITLE));
        tpl_set(d, "HREF", db_text(saved, 0, BPO_PATH));
    }
    PQclear(saved);
    render_end(r, 200);
}

void page_blog_delete(request *r)
{
    const char *params[] = {req_id_text(r, req_param_id(r, 0)), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "blog_post_delete", ARRAY_SIZE(params), params);
    if (render_found(r, res, NO_POST))
        resp_redirect(r, arena_printf(r->mem, "/u/%s/blog?done=deleted", r->user->username));
    PQclear(res);
}

/* POST /blog/settings: how comments work on the whole blog. */
void page_blog_settings(request *r)
{
    static const field_spec fields[] = {
        {"comments", "who can comment", FIELD_ENUM, true, 0, 0, comment_policies}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id),
                            comment_policies[v[0].num]};
    PGresult *res = db_run(r->db, "blog_settings_save", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/u/%s/blog?done=settings", r->user->username));
}
