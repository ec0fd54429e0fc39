/* blog: what the blog's files share (blog.c writes and reads posts,
 * blog_comments.c holds their comments, blog_feeds.c their Atom feeds,
 * blog_network.c the cohort pages and search across blogs). Who reads a
 * post is decided in the database, once: readable_posts(viewer) and
 * post_audiences(viewer) in sql/policy.sql. Every statement that reads
 * posts joins one of them. */
#ifndef TANDEM_BLOG_H
#define TANDEM_BLOG_H
#include "pages.h"

/* The viewer of a page that visitors open too, as v (id, institution_id;
 * both NULL for a visitor): $1 the session token's hash, '' for none. */
#define BLOG_VIEWER " (SELECT) one LEFT JOIN session_viewer($1) v ON true"
/* The post at /u/$2/blog/$3/$4/$5 (year, month, slug as typed) that the
 * viewer v reads, as p (readable_posts), its author as u. */
#define POST_AT                                                                                    \
    " JOIN users u ON u.username = $2"                                                             \
    " JOIN readable_posts(v.id) p ON p.author_id = u.id AND p.slug = $5"                           \
    "  AND p.year = CASE WHEN $3 ~ '^[1-9][0-9]{3}$' THEN $3::int END"                             \
    "  AND p.month = CASE WHEN $4 ~ '^[0-9]{2}$' THEN $4::int END"

/* Posts a blog page shows at a time, and a feed holds. */
#define BLOG_PAGE_SIZE 20

/* The columns every list of posts gives, in this order (statements add
 * their own after BL_N_COLUMNS). Statements hold the post as p, from
 * readable_posts, which names its author. */
#define POST_LIST_COLUMNS                                                                          \
    "p.id, post_path(p.author_username, p.year, p.month, p.slug), p.title, p.body_html,"          \
    " array_to_string(p.tags, ','),"                                                               \
    " to_char(coalesce(p.published_at, p.created_at), 'FMDD FMMonth YYYY'),"                       \
    " CASE WHEN p.status = 'draft' THEN 'draft' WHEN p.published_at > now() THEN 'scheduled'"      \
    "      ELSE 'published' END,"                                                                  \
    " p.visibility, p.author_name, p.author_username,"                                             \
    " CASE WHEN length(p.body_text) > 240 THEN rtrim(left(p.body_text, 240)) || '…'"             \
    "      ELSE p.body_text END"
enum {
    BL_ID,
    BL_PATH,
    BL_TITLE,
    BL_BODY_HTML,
    BL_TAGS,
    BL_DATE,
    BL_STATE,
    BL_VISIBILITY,
    BL_AUTHOR_NAME,
    BL_AUTHOR_USERNAME,
    BL_EXCERPT, /* the start of its plain words */
    BL_N_COLUMNS
};
/* A search's results (blog_search, blog_search_all, blog_search_public):
 * POST_LIST_COLUMNS, then the post's matching words marked (ts_headline). */
enum { BS_HEADLINE = BL_N_COLUMNS, BLOG_SEARCH_COLUMNS };

/* How a list shows its posts. */
typedef struct {
    bool full;        /* each post's whole text, else the start of its words */
    bool mine;        /* the author's own list: drafts and audiences shown */
    bool show_author; /* posts by several people */
    int snippet;      /* a search's ts_headline (BS_HEADLINE), or 0 */
    int heading;      /* the level of each post's title */
} post_list_style;

/* Fills the {{>POSTS}} include of d (blog/posts.tpl) with each row of res
 * (POST_LIST_COLUMNS) that holds a post. */
void blog_fill_posts(request *r, tpl_dict *d, const PGresult *res, const post_list_style *style);
/* What a visibility means, for people: "Only you", "Your groups", … */
const char *blog_visibility_label(const char *visibility);

/* blog_comments.c: the post comments' rows (post_comments, the route's
 * prefetch_also) into d, as comments_fill shows them. */
typedef struct {
    long long post_id;
    bool mine;          /* the viewer wrote the post */
    bool at_college;    /* the viewer is at the post's college */
    const char *policy; /* open, moderated or closed */
    const char *author_name;
    const char *error, *draft; /* a refused comment's message and text */
} post_comment_view;
void blog_fill_comments(request *r, tpl_dict *d, const PGresult *comments,
                        const post_comment_view *view);

/* blog.c: the post :id shown again to its viewer with a refused comment. */
void blog_post_again(request *r, long long post_id, const char *error, const char *draft);

#endif
