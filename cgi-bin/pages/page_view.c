/* page_view: a portfolio page as the people it is shared with see it, at
 * /pages/:id for whoever the share rules admit (the owner too, to see what
 * others see) and at /s/:token for whoever holds a secret link. Whether a
 * person may see a page is decided by readable_pages in sql/policy.sql,
 * the one place for it; a page someone may not see does not exist for
 * them (404). */
#include <stdio.h>
#include <string.h>

#include "../core/richtext.h"
#include "../core/session.h"
#include "portfolio.h"

/* The page $2 as a viewer sees it, if they read it (readable_pages, with
 * the secret link's hash link): the page's head (its blocks come from
 * page_blocks_current), then its owner, whether the viewer owns it, when
 * it last changed and whether the viewer is at its college. viewer is a
 * FROM item v holding the viewer's id and college, NULL for a visitor. */
#define PAGE_VIEW(viewer, link)                                                                    \
    "SELECT " PAGE_HEAD_COLUMNS ", o.display_name, o.username, p.owner_id = v.id,"                 \
    "       to_char(p.updated_at, '" SQL_DAY "'),"                                                 \
    "       coalesce(v.institution_id = p.institution_id, false)"                                  \
    "  FROM " viewer "  JOIN readable_pages(v.id, " link ") p"                                     \
    "    ON p.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"                             \
    "  JOIN users o ON o.id = p.owner_id"
/* PV_AT_COLLEGE: the viewer is signed in at the page's college, where
 * its comments are read and written. */
enum {
    PV_OWNER_NAME = PH_N_COLUMNS,
    PV_OWNER_USERNAME,
    PV_MINE,
    PV_UPDATED,
    PV_AT_COLLEGE,
    PAGE_VIEW_COLUMNS
};
/* page_blocks: PAGE_BLOCK_COLUMNS, then the version the blocks are at. */
enum { PBV_VERSION = PB_N_COLUMNS, PAGE_BLOCKS_COLUMNS };
/* link_lookup: what the link shares (one of the two ids), its state, and
 * the day it starts. */
enum { LL_PAGE_ID, LL_COLLECTION_ID, LL_STATE, LL_STARTS_ON, LINK_LOOKUP_COLUMNS };

const db_statement page_view_statements[] = {
    /* The route's prefetch: $1 the session token's hash (or '' for a
     * visitor, when the handler runs it), $2 the page id. */
    {"page_view", PAGE_VIEW("(SELECT 1) k LEFT JOIN session_viewer($1) v ON true", "NULL"),
     PAGE_VIEW_COLUMNS},
    /* Through a secret link: $1 the link's token hash, $2 the page id. */
    {"page_view_link",
     PAGE_VIEW("(SELECT NULL::bigint AS id, NULL::bigint AS institution_id) v", "$1"),
     PAGE_VIEW_COLUMNS},
    /* A page's blocks, for page_blocks_current, once the page's head row
     * said who may see them; with the version they are at now. */
    {"page_blocks",
     "SELECT " PAGE_BLOCK_COLUMNS ", p.blocks_version FROM portfolio_pages p" PAGE_BLOCK_JOINS
     " WHERE p.id = $1 ORDER BY b.position",
     PAGE_BLOCKS_COLUMNS},
    /* A secret link's share, whatever its state, to say why it stopped. */
    {"link_lookup",
     "SELECT page_id, collection_id,"
     "       CASE WHEN revoked_at IS NOT NULL THEN 'revoked'"
     "            WHEN ends_on < current_date THEN 'expired'"
     "            WHEN starts_on > current_date THEN 'early' ELSE 'ok' END,"
     "       to_char(starts_on, 'FMDD FMMonth YYYY')"
     "  FROM shares WHERE token_hash = $1 AND audience = 'link'",
     LINK_LOOKUP_COLUMNS},
    {NULL, NULL},
};

#define NOT_FOUND "There is no such page, or it has not been shared with you."

int page_block_count(const PGresult *res)
{
    return PQntuples(res) == 0 || PQgetisnull(res, 0, PB_BLOCK_ID) ? 0 : PQntuples(res);
}

bool inline_image(const char *type)
{
    return strcmp(type, "image/png") == 0 || strcmp(type, "image/jpeg") == 0 ||
           strcmp(type, "image/gif") == 0 || strcmp(type, "image/webp") == 0;
}

/* A piece of evidence in a block, shown as on its own page. Single
 * sections are shown, their values set on the block's dictionary: this
 * runs for every block of every page shown. */
static void fill_evidence(request *r, tpl_dict *c, const PGresult *res, int i,
                          const block_style *style)
{
    tpl_show(c, "EVIDENCE");
    tpl_set_int(c, "LEVEL", style->heading_level);
    tpl_show(c, style->editor ? "LINKED" : "PLAIN");
    tpl_set(c, "EVIDENCE_ID", db_text(res, i, PB_EVIDENCE_ID));
    tpl_set(c, "EVIDENCE_TITLE", db_text(res, i, PB_EVIDENCE_TITLE));
    if (*db_text(res, i, PB_BODY_HTML)) {
        tpl_show(c, "BODY");
        tpl_set_html(c, "BODY_HTML", html_from_db(db_text(res, i, PB_BODY_HTML)));
    }
    if (!PQgetisnull(res, i, PB_URL))
        tpl_set(tpl_add_section(c, "LINK"), "URL", db_text(res, i, PB_URL));
    if (!PQgetisnull(res, i, PB_FILE_ID)) {
        const char *name = db_text(res, i, PB_FILENAME);
        tpl_dict *f = tpl_add_section(c, "FILE");
        tpl_set(f, "HREF",
                arena_printf(r->mem, "%s/%s/%s", style->file_prefix, db_text(res, i, PB_FILE_ID),
                             http_percent_encode(r->mem, name, "")));
        tpl_set(f, "FILENAME", name);
        if (inline_image(db_text(res, i, PB_CONTENT_TYPE)))
            tpl_show(f, "IMAGE");
    }
    if (*db_text(res, i, PB_REFLECTION_HTML)) {
        tpl_show(c, "REFLECTION");
        tpl_set_html(c, "REFLECTION_HTML", html_from_db(db_text(res, i, PB_REFLECTION_HTML)));
    }
}

/* Row `row` of res as block number i + 1 of n. The HTML set here was
 * sanitised on save (core/richtext.c). */
static void add_block(request *r, tpl_dict *blocks, const PGresult *res, int row, int i, int n,
                      const block_style *style)
{
    tpl_dict *b = tpl_add_section(blocks, "BLOCK");
    tpl_show(b, style->editor ? "EDITING" : "READING");
    tpl_set(b, "BLOCK_ID", db_text(res, row, PB_BLOCK_ID));
    tpl_set_int(b, "NUMBER", i + 1);
    if (PQgetisnull(res, row, PB_EVIDENCE_ID)) {
        tpl_show(b, "TEXT");
        tpl_set_html(b, "TEXT_HTML", html_from_db(db_text(res, row, PB_TEXT_HTML)));
        if (style->editor)
            tpl_show(b, "CAN_EDIT"); /* evidence changes on its own page */
    } else {
        fill_evidence(r, b, res, row, style);
    }
    if (style->editor && i > 0)
        tpl_show(b, "CAN_MOVE_UP");
    if (style->editor && i < n - 1)
        tpl_show(b, "CAN_MOVE_DOWN");
}

const safe_html *page_blocks_html(request *r, const PGresult *res, int first, int n,
                                  const block_style *style)
{
    if (n == 0)
        return TPL_HTML_EMPTY;
    tpl_dict *d = tpl_dict_new();
    if (d) {
        tpl_set(d, "PAGE_ID", db_text(res, first, PB_PAGE_ID));
        for (int i = 0; i < n; i++)
            add_block(r, d, res, first + i, i, n, style);
    }
    return render_fragment(r, "portfolio_view/blocks.tpl", d);
}

/* Blocks are kept in memory for each way of showing them: the file prefix
 * of a secret link names it, so what one link shows is kept for it alone. */
const safe_html *page_blocks_current(request *r, const PGresult *head, const block_style *style)
{
    const char *page_id = db_text(head, 0, PB_PAGE_ID);
    const char *key =
        arena_printf(r->mem, "page/%s/%s/%d%s", page_id, style->editor ? "edit" : "read",
                     style->heading_level, style->file_prefix);
    const safe_html *html =
        key ? render_fragment_find(r, key, db_int(head, 0, PH_BLOCKS_VERSION)) : NULL;
    if (html)
        return html;
    const char *params[] = {page_id};
    PGresult *res = db_run(r->db, "page_blocks", ARRAY_SIZE(params), params);
    if (!res)
        return NULL;
    html = page_blocks_html(r, res, 0, page_block_count(res), style);
    if (html && key && PQntuples(res) > 0)
        render_fragment_keep(key, db_int(res, 0, PBV_VERSION), html, 0);
    PQclear(res);
    return html;
}

void page_set_blocks(tpl_dict *d, const safe_html *description_html, const safe_html *blocks_html)
{
    if (!tpl_html_is_empty(description_html))
        tpl_set_html(tpl_add_section(d, "DESCRIPTION"), "DESCRIPTION_HTML", description_html);
    if (!tpl_html_is_empty(blocks_html))
        tpl_set_html(tpl_add_section(d, "BLOCKS"), "BLOCKS_HTML", blocks_html);
    else
        tpl_show(d, "EMPTY");
}

/* How a page is being shown. */
typedef struct {
    const PGresult *comments; /* page_comments rows, or NULL: none shown */
    const char *link_token;   /* through a secret link: no comments there, they
                                 need a name to stand behind */
    const char *error;        /* a refused comment's message, and its text */
    const char *draft;
} view_state;

/* The page with its owner's name, its blocks and its comments. */
static void show_page(request *r, const PGresult *res, const view_state *state)
{
    const char *link_token = state->link_token;
    bool mine = strcmp(db_text(res, 0, PV_MINE), "t") == 0;
    const char *page_id = db_text(res, 0, PB_PAGE_ID);
    block_style style = {"/files", false, 2};
    if (link_token)
        style.file_prefix = arena_printf(r->mem, "/s/%s/files", link_token);
    const safe_html *blocks = page_blocks_current(r, res, &style);
    if (!blocks) {
        render_db_failed(r);
        return;
    }
    const char *title = db_text(res, 0, PB_TITLE);
    tpl_dict *d = render_begin(r, state->error ? arena_printf(r->mem, "Error: %s", title) : title,
                               "portfolio_view/page.tpl");
    if (d) {
        if (state->error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", state->error);
        tpl_set(d, "PAGE_ID", page_id);
        tpl_set(d, "TITLE", db_text(res, 0, PB_TITLE));
        tpl_set(d, "OWNER", db_text(res, 0, PV_OWNER_NAME));
        tpl_set(d, "UPDATED", db_text(res, 0, PV_UPDATED));
        if (r->user)
            tpl_set(tpl_add_section(d, "OWNER_LINK"), "USERNAME",
                    db_text(res, 0, PV_OWNER_USERNAME));
        else
            tpl_show(d, "OWNER_PLAIN");
        if (mine)
            tpl_show(d, "MINE");
        page_set_blocks(d, html_from_db(db_text(res, 0, PB_DESCRIPTION_HTML)), blocks);
        if (state->comments)
            comments_fill(r, d, state->comments,
                          &(comment_view){arena_printf(r->mem, "/pages/%s", page_id), mine,
                                          strcmp(db_text(res, 0, PV_AT_COLLEGE), "t") == 0,
                                          mine ? "Reply to what people said about your page."
                                               : "The owner of the page will see it, and so will "
                                                 "everyone at your college they share it with. "
                                                 "Be kind and be helpful.",
                                          state->error, state->draft});
    }
    render_end(r, state->error ? 400 : 200);
}

/* The page :id and its comments as the signed-in viewer may see them, in
 * one round trip: the same statements as GET /pages/:id's prefetches, for
 * the form that posts a comment. */
static bool fetch_page(request *r, const char *session_hash, PGresult **out)
{
    const char *params[] = {session_hash, r->params[0]};
    const db_call calls[] = {{"page_view", ARRAY_SIZE(params), params},
                             {"page_comments", ARRAY_SIZE(params), params}};
    return db_run_pipeline(r->db, ARRAY_SIZE(calls), calls, out);
}

/* Shows the fetched page, or says why not. */
static void show_fetched(request *r, const PGresult *page, view_state state)
{
    if (!state.comments)
        render_db_failed(r);
    else if (render_found(r, page, NOT_FOUND))
        show_page(r, page, &state);
}

/* GET /pages/:id: for a signed-in person the page came with the session;
 * a visitor sees it only if it is public. */
void page_view_show(request *r)
{
    PGresult *own[2];
    const PGresult *page, *comments;
    session_prefetched(r, own, &page, &comments);
    show_fetched(r, page, (view_state){.comments = comments});
    PQclear(own[0]);
    PQclear(own[1]);
}

void page_view_again(request *r, const char *error, const char *draft)
{
    PGresult *own[2] = {NULL, NULL};
    fetch_page(r, r->user->session_hash, own);
    show_fetched(r, own[0], (view_state){.comments = own[1], .error = error, .draft = draft});
    PQclear(own[0]);
    PQclear(own[1]);
}

const char *link_open(request *r, const char *token, long long *page_id, long long *collection_id)
{
    const char *hash = session_token_hash(r->mem, token);
    const char *params[] = {hash};
    PGresult *res = hash ? db_run(r->db, "link_lookup", ARRAY_SIZE(params), params) : NULL;
    if (!render_found(r, res,
                      "This link does not lead anywhere. Check that you copied all of it.")) {
        PQclear(res);
        return NULL;
    }
    const char *state = db_text(res, 0, LL_STATE);
    if (strcmp(state, "ok") != 0) {
        render_error(r, strcmp(state, "early") == 0 ? 404 : 410,
                     strcmp(state, "revoked") == 0 ? "Its owner has stopped sharing it."
                     : strcmp(state, "expired") == 0
                         ? "It was shared for a limited time, and that time is over."
                         : arena_printf(r->mem, "It is shared from %s. Come back then.",
                                        db_text(res, 0, LL_STARTS_ON)));
        PQclear(res);
        return NULL;
    }
    *page_id = PQgetisnull(res, 0, LL_PAGE_ID) ? 0 : db_int(res, 0, LL_PAGE_ID);
    *collection_id = PQgetisnull(res, 0, LL_COLLECTION_ID) ? 0 : db_int(res, 0, LL_COLLECTION_ID);
    PQclear(res);
    return hash;
}

/* GET /s/:token: a page or a collection shared by secret link. */
void page_link_show(request *r)
{
    long long page_id, collection_id;
    const char *hash = link_open(r, r->params[0], &page_id, &collection_id);
    if (!hash)
        return;
    if (collection_id) {
        collection_show_by_link(r, hash, collection_id);
        return;
    }
    const char *params[] = {hash, req_id_text(r, page_id)};
    PGresult *res = db_run(r->db, "page_view_link", ARRAY_SIZE(params), params);
    if (render_found(r, res, NOT_FOUND))
        show_page(r, res, &(view_state){.link_token = r->params[0]});
    PQclear(res);
}
