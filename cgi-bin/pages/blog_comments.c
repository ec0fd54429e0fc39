/* blog_comments: what readers say under a post. The author chooses, for the
 * whole blog or one post, whether comments appear at once (open), wait for
 * their approval (moderated), or are not taken (closed). Only people at the
 * author's college who can read the post comment and read comments, as on
 * portfolio pages (comments.c shows both). The author approves, hides, shows
 * or deletes any comment; its writer may delete it. */
#include <stdio.h>
#include <string.h>

#include "../core/notify.h"
#include "../core/richtext.h"
#include "blog.h"
#include "portfolio.h"

/* The comments on post p (from readable_posts) that the viewer sees, if
 * they take part in its comments (may_comment), in page_comments'
 * columns: held and hidden ones only by the author, and a held one by its
 * writer too. $1 the session token's hash: a visitor sees none. */
#define POST_COMMENTS(post)                                                                        \
    "SELECT c.id, w.display_name, c.body_html, c.is_feedback, c.hidden_at IS NOT NULL,"            \
    "       to_char(c.created_at, '" SQL_DAY " \"at\" HH24:MI'), c.author_id = p.author_id,"       \
    "       c.author_id = v.id, c.held"                                                            \
    "  FROM session_viewer($1) v" post " AND p.may_comment"                                        \
    "  JOIN comments c ON c.post_id = p.id JOIN users w ON w.id = c.author_id"                     \
    " WHERE (c.hidden_at IS NULL AND NOT c.held) OR p.author_id = v.id"                            \
    "    OR (c.held AND c.author_id = v.id)"                                                       \
    " ORDER BY c.created_at, c.id"

/* post_comment_insert: the policy, then the comment if saved (NULL when
 * comments are closed), and what its author hears of it. */
enum {
    PC_POLICY,
    PC_ID,
    PC_FEEDBACK,
    PC_HELD,
    PC_AUTHOR_ID,
    PC_TITLE,
    PC_PATH,
    POST_COMMENT_INSERT_COLUMNS
};
/* post_comment_approve: the comment's writer, and the post. */
enum { PCA_AUTHOR_ID, PCA_TITLE, PCA_PATH, POST_COMMENT_APPROVE_COLUMNS };

const db_statement blog_comment_statements[] = {
    /* The prefetch_also of a post's address: $2 username, $3 year, $4
     * month, $5 slug. */
    {"post_comments", POST_COMMENTS(POST_AT), PAGE_COMMENTS_COLUMNS},
    {"post_comments_by_id", POST_COMMENTS(" JOIN readable_posts(v.id) p ON p.id = $2::bigint"),
     PAGE_COMMENTS_COLUMNS},
    /* A comment by $2 on post $1, if they take part in its comments
     * (readable_posts' may_comment), unless comments are closed. Held for approval
     * when the author asks so (their own never are). Returns the policy
     * and, when saved, the comment. */
    {"post_comment_insert",
     "WITH pt AS (SELECT p.id, p.institution_id, p.author_id, p.title,"
     "                   post_path(p.author_username, p.year, p.month, p.slug) AS path,"
     "                   coalesce(p.comments, b.comments, 'open') AS policy"
     "              FROM readable_posts($2::bigint) p"
     "              LEFT JOIN blogs b ON b.owner_id = p.author_id"
     "             WHERE p.id = $1::bigint AND p.may_comment),"
     "     ins AS (INSERT INTO comments (institution_id, post_id, author_id, body_md, body_html,"
     "                                   is_feedback, held)"
     "             SELECT institution_id, id, $2, $3, $4,"
     "                    EXISTS (SELECT 1 FROM supported_learners($2::bigint) s"
     "                             WHERE s.learner_id = pt.author_id),"
     "                    policy = 'moderated' AND author_id <> $2"
     "               FROM pt WHERE policy <> 'closed'"
     "             RETURNING id, is_feedback, held)"
     " SELECT pt.policy, ins.id, ins.is_feedback, ins.held, pt.author_id, pt.title, pt.path"
     "   FROM pt LEFT JOIN ins ON true",
     POST_COMMENT_INSERT_COLUMNS},
    /* The author's changes: $1 the comment, $2 the post, $3 the author. */
    {"post_comment_approve",
     "UPDATE comments c SET held = false FROM posts p"
     " WHERE c.id = $1 AND c.post_id = p.id AND p.id = $2 AND p.author_id = $3 AND c.held"
     " RETURNING c.author_id, p.title, post_path((SELECT username FROM users WHERE id = $3),"
     "           p.year, p.month, p.slug)",
     POST_COMMENT_APPROVE_COLUMNS},
    {"post_comment_set_hidden",
     "UPDATE comments c SET hidden_at = CASE WHEN $4 = 'hide' THEN now() END FROM posts p"
     " WHERE c.id = $1 AND c.post_id = p.id AND p.id = $2 AND p.author_id = $3 RETURNING c.id",
     1},
    {"post_comment_delete",
     "DELETE FROM comments c USING posts p"
     " WHERE c.id = $1 AND c.post_id = p.id AND p.id = $2"
     "   AND (p.author_id = $3 OR c.author_id = $3) RETURNING c.id",
     1},
    {NULL, NULL},
};

void blog_fill_comments(request *r, tpl_dict *d, const PGresult *comments,
                        const post_comment_view *view)
{
    const char *hint = view->mine ? "Reply to what people said about your post."
                       : strcmp(view->policy, "moderated") == 0
                           ? arena_printf(r->mem, "%s reads comments before anyone else sees them.",
                                          view->author_name)
                           : "Everyone who can read this post will see it. Be kind and be helpful.";
    comments_fill(r, d, comments,
                  &(comment_view){arena_printf(r->mem, "/blog/posts/%lld", view->post_id),
                                  view->mine, view->at_college, hint, view->error, view->draft,
                                  strcmp(view->policy, "closed") == 0});
}

/* Tells the post's author of a new comment, and whether it waits for them. */
static bool tell_author(request *r, const PGresult *res)
{
    bool held = strcmp(db_text(res, 0, PC_HELD), "t") == 0;
    bool feedback = strcmp(db_text(res, 0, PC_FEEDBACK), "t") == 0;
    const char *subject =
        arena_printf(r->mem,
                     held ? "%s commented on your post “%s”: approve it to show it"
                          : "%s commented on your post “%s”",
                     r->user->display_name, db_text(res, 0, PC_TITLE));
    const char *link =
        arena_printf(r->mem, "%s#comment-%s", db_text(res, 0, PC_PATH), db_text(res, 0, PC_ID));
    return notify(r, db_int(res, 0, PC_AUTHOR_ID), feedback ? "feedback" : "comment", subject,
                  link);
}

/* POST /blog/posts/:id/comments. A refused comment shows the post again
 * with the message and what was typed. */
void page_post_comment_add(request *r)
{
    long long post_id = req_param_id(r, 0);
    field_value v[1];
    const char *err;
    if (!form_validate(r, comment_fields, 1, v, &err)) {
        blog_post_again(r, post_id, err, v[0].str);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[0].str);
    const char *params[] = {req_id_text(r, post_id), req_id_text(r, r->user->id), v[0].str, html};
    PGresult *res = NULL;
    bool saved = html && db_begin(r->db) &&
                 (res = db_run(r->db, "post_comment_insert", ARRAY_SIZE(params), params)) &&
                 PQntuples(res) == 1 && !PQgetisnull(res, 0, PC_ID) && tell_author(r, res) &&
                 db_commit(r->db);
    if (!saved) {
        db_rollback(r->db);
        if (res && PQntuples(res) == 0)
            render_error(r, 404, "There is no such post, or you cannot comment on it.");
        else if (res && PQgetisnull(res, 0, PC_ID))
            blog_post_again(r, post_id, "Comments on this post are closed.", v[0].str);
        else
            render_db_failed(r);
        PQclear(res);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "%s%s#comment-%s", db_text(res, 0, PC_PATH),
                                  strcmp(db_text(res, 0, PC_HELD), "t") == 0 ? "?done=held" : "",
                                  db_text(res, 0, PC_ID)));
    PQclear(res);
}

/* Back to the post's comments after a change. */
static void back_to_comments(request *r, long long post_id)
{
    resp_redirect(r, arena_printf(r->mem, "/blog/posts/%lld#comments", post_id));
}

/* Runs one of the author's statements on comment :comment of post :id. */
static void change_comment(request *r, const char *statement, const char *action)
{
    long long post_id = req_param_id(r, 0);
    const char *params[] = {req_id_text(r, req_param_id(r, 1)), req_id_text(r, post_id),
                            req_id_text(r, r->user->id), action};
    PGresult *res = db_run(r->db, statement, action ? 4 : 3, params);
    if (render_found(r, res, "There is no such comment on your post."))
        back_to_comments(r, post_id);
    PQclear(res);
}

/* The writer of an approved comment hears that it is shown now. */
void page_post_comment_approve(request *r)
{
    long long post_id = req_param_id(r, 0);
    const char *params[] = {req_id_text(r, req_param_id(r, 1)), req_id_text(r, post_id),
                            req_id_text(r, r->user->id)};
    PGresult *res = NULL;
    bool ok = db_begin(r->db) &&
              (res = db_run(r->db, "post_comment_approve", ARRAY_SIZE(params), params)) &&
              (PQntuples(res) == 0 ||
               notify(r, db_int(res, 0, PCA_AUTHOR_ID), "comment_approved",
                      arena_printf(r->mem, "%s approved your comment on “%s”",
                                   r->user->display_name, db_text(res, 0, PCA_TITLE)),
                      arena_printf(r->mem, "%s#comment-%lld", db_text(res, 0, PCA_PATH),
                                   req_param_id(r, 1)))) &&
              db_commit(r->db);
    if (!ok) {
        db_rollback(r->db);
        render_db_failed(r);
    } else if (render_found(r, res, "There is no such comment waiting on your post.")) {
        back_to_comments(r, post_id);
    }
    PQclear(res);
}

void page_post_comment_hide(request *r)
{
    change_comment(r, "post_comment_set_hidden", "hide");
}

void page_post_comment_show(request *r)
{
    change_comment(r, "post_comment_set_hidden", "show");
}

void page_post_comment_delete(request *r)
{
    change_comment(r, "post_comment_delete", NULL);
}
