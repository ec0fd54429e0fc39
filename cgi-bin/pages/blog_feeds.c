/* blog_feeds: Atom feeds (RFC 4287) of a blog and of one of its tags, so
 * people can follow a learning log in a feed reader. The open feed holds
 * only public posts. A reader who may read more (a classmate, a tutor) gets
 * a private feed address holding a secret of theirs; only its hash is
 * kept, so making a new one is the way to see it again, and it stops the
 * old one at once. */
#include <stdio.h>
#include <string.h>

#include "../core/atom.h"
#include "../core/session.h"
#include "blog.h"

#define RFC3339(t) "to_char((" t ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
/* A blog's newest posts for a feed, one row for the author even when there
 * are none: the author's name, then each post (a scheduled post counts as
 * updated when it appears, so that readers polling the feed see it).
 * from holds the author as u; reader is the one the feed is for (an SQL
 * expression, NULL for anyone): the blog is there for them and its posts
 * are those they read (post_audiences, readable_posts), published and
 * their time come, even their own. $2 is a tag or ''. */
#define FEED_POSTS(from, reader)                                                                   \
    "SELECT u.display_name, u.username, p.id, post_path(u.username, p.year, p.month, p.slug),"     \
    "       p.title, p.body_html, left(p.body_text, 400), array_to_string(p.tags, ','),"           \
    "       " RFC3339("p.published_at") ", " RFC3339(                                              \
        "greatest(p.updated_at, p.published_at)") ","                                              \
                                                  "       " RFC3339("u.created_at") from           \
        " JOIN post_audiences(" reader ") aud ON aud.author_id = u.id"                             \
        " LEFT JOIN LATERAL (SELECT * FROM readable_posts(" reader ") p WHERE p.author_id = u.id"  \
        "       AND p.status = 'published' AND p.published_at <= now()"                            \
        "       AND ($2 = '' OR $2 = ANY (p.tags))"                                                \
        "     ORDER BY p.published_at DESC, p.id DESC LIMIT 20) p ON true"
enum {
    FP_NAME,
    FP_USERNAME,
    FP_ID,
    FP_PATH,
    FP_TITLE,
    FP_HTML,
    FP_SUMMARY,
    FP_TAGS,
    FP_PUBLISHED,
    FP_UPDATED,
    FP_JOINED,
    FEED_POSTS_COLUMNS
};

const db_statement blog_feed_statements[] = {
    /* $1 the author's username. */
    {"feed_public", FEED_POSTS(" FROM users u", "NULL::bigint") " WHERE u.username = $1",
     FEED_POSTS_COLUMNS},
    /* $1 a private feed token's hash, $3 the author's username. */
    {"feed_private",
     FEED_POSTS(" FROM feed_tokens t"
                " JOIN users reader ON reader.id = t.user_id"
                "  AND reader.status = 'active'"
                " JOIN users u ON u.username = $3",
                "t.user_id") " WHERE t.token_hash = $1",
     FEED_POSTS_COLUMNS},
    {"feed_token_set",
     "INSERT INTO feed_tokens (user_id, institution_id, token_hash)"
     " VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE"
     " SET token_hash = EXCLUDED.token_hash, created_at = now()",
     0},
    {NULL, NULL},
};

/* A row's tags as a NULL-terminated list, in the arena. */
static const char *const *tag_list(request *r, const char *joined)
{
    size_t n = 1;
    for (const char *p = joined; *p; p++)
        n += *p == ',';
    const char **tags = arena_alloc(r->mem, (n + 1) * sizeof *tags);
    if (!tags)
        return NULL;
    size_t i = 0;
    for (const char *p = joined; *p && i < n;) {
        size_t len = strcspn(p, ",");
        tags[i++] = arena_strndup(r->mem, p, len);
        p += len + (p[len] == ',');
    }
    tags[i] = NULL;
    return tags;
}

/* Writes the feed of res's rows into the response. self: the feed's own
 * path; tag: the tag it is for, or "". */
static void send_feed(request *r, const PGresult *res, const char *self, const char *tag)
{
    const char *origin = http_own_origin(r);
    const char *blog = arena_printf(r->mem, "%s/u/%s/blog", origin, db_text(res, 0, FP_USERNAME));
    const char *alternate =
        *tag ? arena_printf(r->mem, "%s?tag=%s", blog, http_percent_encode(r->mem, tag, "")) : blog;
    /* The feed changed when its newest change did (RFC 3339 in UTC sorts
     * as text); an empty one when its author joined. */
    const char *updated = db_text(res, 0, FP_JOINED);
    for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, FP_ID); i++)
        if (strcmp(db_text(res, i, FP_UPDATED), updated) > 0)
            updated = db_text(res, i, FP_UPDATED);
    const char *name = db_text(res, 0, FP_NAME);
    atom_feed *f = atom_begin(
        &(atom_feed_head){.id = alternate,
                          .title = *tag ? arena_printf(r->mem, "%s's blog: %s", name, tag)
                                        : arena_printf(r->mem, "%s's blog", name),
                          .updated = updated,
                          .self_href = arena_printf(r->mem, "%s%s", origin, self),
                          .alternate_href = alternate,
                          .author_name = name});
    bool ok = f != NULL;
    for (int i = 0; ok && i < PQntuples(res) && !PQgetisnull(res, i, FP_ID); i++) {
        const char *href = arena_printf(r->mem, "%s%s", origin, db_text(res, i, FP_PATH));
        ok = atom_add(f, &(atom_entry){.id = href,
                                       .title = db_text(res, i, FP_TITLE),
                                       .updated = db_text(res, i, FP_UPDATED),
                                       .published = db_text(res, i, FP_PUBLISHED),
                                       .href = href,
                                       .summary = db_text(res, i, FP_SUMMARY),
                                       .content_html = db_text(res, i, FP_HTML),
                                       .categories = tag_list(r, db_text(res, i, FP_TAGS))});
    }
    buf_reset(r->body, (size_t)-1);
    if (!ok || !atom_finish(f, r->body)) {
        if (ok == false)
            atom_abandon(f);
        render_error(r, 500, "The feed could not be written. Try again in a minute.");
        return;
    }
    r->status = 200;
    r->content_type_out = "application/atom+xml; charset=utf-8";
}

/* The tag a feed is for (?tag=), or "" for all; NULL having said why not. */
static const char *feed_tag(request *r)
{
    static const field_spec fields[] = {
        {"tag", "the tag", FIELD_STRING, false, 0, MAX_TAG_CHARS, NULL}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return NULL;
    }
    return v[0].str;
}

/* GET /u/:username/blog/feed (?tag=): the public posts. */
void page_blog_feed(request *r)
{
    const char *tag = feed_tag(r);
    if (!tag)
        return;
    const char *params[] = {r->params[0], tag};
    PGresult *res = db_run(r->db, "feed_public", ARRAY_SIZE(params), params);
    if (render_found(r, res, "There is no such blog."))
        send_feed(r, res, r->path, tag);
    PQclear(res);
}

/* GET /feeds/:token/:username (?tag=): what the token's owner may read. */
void page_blog_private_feed(request *r)
{
    const char *tag = feed_tag(r);
    if (!tag)
        return;
    const char *hash = session_token_hash(r->mem, r->params[0]);
    const char *params[] = {hash, tag, r->params[1]};
    PGresult *res = hash ? db_run(r->db, "feed_private", ARRAY_SIZE(params), params) : NULL;
    if (render_found(r, res,
                     "This feed address does not work: it was replaced by a newer one, or the "
                     "blog does not exist. Get a new address from the blog's page."))
        send_feed(r, res, arena_printf(r->mem, "/feeds/%s/%s", r->params[0], r->params[1]), tag);
    PQclear(res);
}

/* POST /blog/feed-address (username: the blog it was asked from): a new
 * private feed address, shown once. */
void page_blog_feed_address(request *r)
{
    static const field_spec fields[] = {{"username", "the blog", FIELD_STRING, true, 1, 64, NULL}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *token = session_random_token(r->mem);
    const char *hash = token ? session_token_hash(r->mem, token) : NULL;
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id),
                            hash};
    PGresult *res = hash ? db_run(r->db, "feed_token_set", ARRAY_SIZE(params), params) : NULL;
    if (!res) {
        render_db_failed(r);
        return;
    }
    PQclear(res);
    tpl_dict *d = render_begin(r, "Your private feed address", "blog/feed_address.tpl");
    if (d) {
        const char *username = http_percent_encode(r->mem, v[0].str, "");
        tpl_set(d, "USERNAME", username);
        tpl_set(d, "ADDRESS",
                arena_printf(r->mem, "%s/feeds/%s/%s", http_own_origin(r), token, username));
    }
    render_end(r, 200);
}
