/* comments: what people who can see a portfolio page say about it. A
 * comment from one of the owner's tutors or mentors is marked as feedback.
 * The owner may hide a comment from everyone else, show it again, or
 * delete it; its author may delete it. The owner hears of each new one. */
#include <stdio.h>
#include <string.h>

#include "../core/notify.h"
#include "../core/richtext.h"
#include "portfolio.h"

/* comment_insert: the comment saved, and whom to tell of it. */
enum { CI_ID, CI_FEEDBACK, CI_OWNER_ID, CI_TITLE, COMMENT_INSERT_COLUMNS };

const db_statement comment_statements[] = {
    /* The comments under page $2 that the viewer (whose session token's
     * hash is $1, or '' for a visitor) may see: only people signed in at
     * the page's college, as they were written for them, and hidden ones
     * only by the page's owner. Run beside page_view, in the same round
     * trip; shown only when page_view found the page readable
     * (readable_pages), so that the rule is asked once. */
    {"page_comments",
     "SELECT c.id, u.display_name, c.body_html, c.is_feedback, c.hidden_at IS NOT NULL,"
     "       to_char(c.created_at, '" SQL_DAY " \"at\" HH24:MI'), c.author_id = p.owner_id,"
     "       c.author_id = v.id, c.held"
     "  FROM session_viewer($1) v"
     "  JOIN portfolio_pages p ON p.institution_id = v.institution_id"
     "   AND p.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"
     "  JOIN comments c ON c.institution_id = p.institution_id AND c.page_id = p.id"
     "  JOIN users u ON u.id = c.author_id"
     " WHERE c.hidden_at IS NULL OR p.owner_id = v.id"
     " ORDER BY c.created_at, c.id",
     PAGE_COMMENTS_COLUMNS},
    /* Only someone at the page's college who reads it may comment; the
     * comment is feedback when they support its owner (supported_learners). */
    {"comment_insert",
     "WITH pg AS (SELECT p.id, p.institution_id, p.owner_id, p.title"
     "              FROM readable_pages($2, NULL) p"
     "              JOIN users u ON u.id = $2 AND u.institution_id = p.institution_id"
     "             WHERE p.id = $1),"
     "     ins AS (INSERT INTO comments (institution_id, page_id, author_id, body_md, body_html,"
     "                                   is_feedback)"
     "             SELECT institution_id, id, $2, $3, $4,"
     "                    EXISTS (SELECT 1 FROM supported_learners($2) x"
     "                             WHERE x.learner_id = pg.owner_id)"
     "               FROM pg RETURNING id, is_feedback)"
     " SELECT ins.id, ins.is_feedback, pg.owner_id, pg.title FROM ins, pg",
     COMMENT_INSERT_COLUMNS},
    {"comment_set_hidden",
     "UPDATE comments c SET hidden_at = CASE WHEN $4 = 'hide' THEN now() END"
     "  FROM portfolio_pages p"
     " WHERE c.id = $1 AND c.page_id = p.id AND p.id = $2 AND p.owner_id = $3 RETURNING c.id",
     1},
    {"comment_delete",
     "DELETE FROM comments c USING portfolio_pages p"
     " WHERE c.id = $1 AND c.page_id = p.id AND p.id = $2"
     "   AND (p.owner_id = $3 OR c.author_id = $3) RETURNING c.id",
     1},
    {NULL, NULL},
};

#define NO_COMMENT "There is no such comment on your page."

static void fill_comment(tpl_dict *c, const PGresult *res, int i, const comment_view *view)
{
    bool hidden = strcmp(db_text(res, i, CC_HIDDEN), "t") == 0;
    bool held = strcmp(db_text(res, i, CC_HELD), "t") == 0;
    tpl_set(c, "ID", db_text(res, i, CC_ID));
    tpl_set(c, "AUTHOR", db_text(res, i, CC_AUTHOR));
    /* sanitised on save */
    tpl_set_html(c, "COMMENT_HTML", html_from_db(db_text(res, i, CC_BODY_HTML)));
    tpl_set(c, "WHEN", db_text(res, i, CC_WHEN));
    if (strcmp(db_text(res, i, CC_FEEDBACK), "t") == 0)
        tpl_show(c, "FEEDBACK");
    if (hidden)
        tpl_show(c, "HIDDEN");
    if (held)
        tpl_show(c, "HELD");
    if (view->mine) {
        tpl_dict *a = tpl_add_section(c, "OWNER_ACTIONS");
        if (held)
            tpl_show(a, "APPROVE");
        tpl_set(a, "TOGGLE", hidden ? "show" : "hide");
        tpl_set(a, "TOGGLE_LABEL", hidden ? "Show" : "Hide");
    } else if (strcmp(db_text(res, i, CC_BY_VIEWER), "t") == 0) {
        tpl_show(c, "AUTHOR_ACTIONS");
    }
}

void comments_fill(request *r, tpl_dict *d, const PGresult *comments, const comment_view *view)
{
    tpl_dict *list =
        tpl_include(tpl_add_section(d, "COMMENTS"), "COMMENT_LIST", "portfolio_view/comments.tpl");
    tpl_set(list, "BASE", view->base);
    if (!view->at_college) {
        tpl_show(list, r->user ? "OTHER_COLLEGE" : "SIGN_IN");
        return;
    }
    int n = PQntuples(comments);
    if (n)
        tpl_set_int(tpl_add_section(list, "COUNT"), "N", n);
    else
        tpl_show(list, "NONE");
    for (int i = 0; i < n; i++)
        fill_comment(tpl_add_section(list, "COMMENT"), comments, i, view);
    if (view->closed) {
        tpl_show(list, "CLOSED");
        return;
    }
    tpl_dict *form = tpl_add_section(list, "FORM");
    tpl_set(form, "HINT", view->hint);
    tpl_set(form, "DRAFT", view->draft);
    if (view->error)
        tpl_set(tpl_add_section(form, "ERROR"), "MESSAGE", view->error);
}

const field_spec comment_fields[1] = {
    {"body", "your comment", FIELD_STRING, true, 1, 20000, NULL},
};

/* Tells the owner about a new comment: feedback from their tutor or mentor
 * is news of its own kind. */
static bool tell_owner(request *r, const PGresult *res)
{
    bool feedback = strcmp(db_text(res, 0, CI_FEEDBACK), "t") == 0;
    const char *subject =
        arena_printf(r->mem, "%s %s on your page “%s”", r->user->display_name,
                     feedback ? "gave feedback" : "commented", db_text(res, 0, CI_TITLE));
    const char *link =
        arena_printf(r->mem, "/pages/%lld#comment-%s", req_param_id(r, 0), db_text(res, 0, CI_ID));
    return notify(r, db_int(res, 0, CI_OWNER_ID), feedback ? "feedback" : "comment", subject, link);
}

/* POST /pages/:id/comments. A refused comment shows the page again with
 * the message and what was typed, so nothing is lost. */
void page_comment_add(request *r)
{
    long long page_id = req_param_id(r, 0);
    field_value v[1];
    const char *err;
    if (!form_validate(r, comment_fields, 1, v, &err)) {
        page_view_again(r, err, v[0].str);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[0].str);
    const char *params[] = {req_id_text(r, page_id), req_id_text(r, r->user->id), v[0].str, html};
    PGresult *res = NULL;
    bool ok = html && db_begin(r->db) &&
              (res = db_run(r->db, "comment_insert", ARRAY_SIZE(params), params)) &&
              PQntuples(res) == 1 && tell_owner(r, res) && db_commit(r->db);
    if (!ok) {
        db_rollback(r->db);
        if (res && PQntuples(res) == 0)
            render_error(r, 404, "There is no such page, or you cannot comment on it.");
        else
            render_db_failed(r);
        PQclear(res);
        return;
    }
    resp_redirect(r,
                  arena_printf(r->mem, "/pages/%lld#comment-%s", page_id, db_text(res, 0, CI_ID)));
    PQclear(res);
}

/* Runs one owner's statement on comment :comment of page :id. */
static void change_comment(request *r, const char *statement, const char *action)
{
    long long page_id = req_param_id(r, 0), comment_id = req_param_id(r, 1);
    const char *params[] = {req_id_text(r, comment_id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id), action};
    PGresult *res = db_run(r->db, statement, action ? 4 : 3, params);
    if (!render_found(r, res, NO_COMMENT)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/pages/%lld#comments", page_id));
}

void page_comment_hide(request *r)
{
    change_comment(r, "comment_set_hidden", "hide");
}

void page_comment_show(request *r)
{
    change_comment(r, "comment_set_hidden", "show");
}

void page_comment_delete(request *r)
{
    change_comment(r, "comment_delete", NULL);
}
