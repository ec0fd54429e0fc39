/* portfolio_pages: pages a person builds from their evidence and their own
 * words, block by block, in the order they choose. Reordering uses buttons
 * (no drag and drop), so it works with a keyboard and without JavaScript.
 * Only the owner edits a page; page_view.c shows it to others. */
#include <stdio.h>
#include <string.h>

#include "../core/richtext.h"
#include "portfolio.h"

/* page_insert and page_update: the page saved. */
enum { PS_ID, PAGE_SAVE_COLUMNS };
/* page_evidence_choices: one row a piece of evidence. */
enum { PEC_ID, PEC_TITLE, PAGE_EVIDENCE_CHOICES_COLUMNS };
/* page_block_text: the block's text, and its page's title. */
enum { PBT_TEXT_MD, PBT_PAGE_TITLE, PAGE_BLOCK_TEXT_COLUMNS };

const db_statement portfolio_page_statements[] = {
    {"page_insert",
     "INSERT INTO portfolio_pages (institution_id, owner_id, title, description_md,"
     "  description_html) VALUES ($1, $2, $3, $4, $5) RETURNING id",
     PAGE_SAVE_COLUMNS},
    /* The page's own row if it is the signed-in person's (their own, as
     * sql/policy.sql says: owner_id): the routes' prefetch ($1 the session
     * token's hash, $2 the page id), so that the session and the page come
     * in one round trip. */
    {"page_show",
     "SELECT " PAGE_HEAD_COLUMNS "  FROM session_viewer($1) v JOIN portfolio_pages p"
     "    ON p.institution_id = v.institution_id AND p.owner_id = v.id"
     "   AND p.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END",
     PH_N_COLUMNS},
    {"page_evidence_choices",
     "SELECT id, title FROM evidence WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT 500",
     PAGE_EVIDENCE_CHOICES_COLUMNS},
    {"page_update",
     "UPDATE portfolio_pages SET title = $3, description_md = $4, description_html = $5,"
     "  updated_at = now() WHERE id = $1 AND owner_id = $2 RETURNING id",
     PAGE_SAVE_COLUMNS},
    /* A new block goes last. The evidence must be the page owner's. */
    {"page_block_insert",
     "INSERT INTO page_blocks (page_id, institution_id, position, evidence_id, text_md, text_html)"
     " SELECT p.id, p.institution_id,"
     "        COALESCE((SELECT max(position) FROM page_blocks WHERE page_id = p.id), 0) + 1,"
     "        NULLIF($3, '')::bigint, $4, $5"
     "   FROM portfolio_pages p"
     "  WHERE p.id = $1 AND p.owner_id = $2"
     "    AND (NULLIF($3, '') IS NULL"
     "         OR EXISTS (SELECT 1 FROM evidence e WHERE e.id = $3::bigint AND e.owner_id = $2))"
     " RETURNING id",
     1},
    /* Swaps a block with its neighbour above or below, in one statement
     * (the unique position is checked at its end). Nothing happens at the
     * top or the bottom. */
    {"page_block_move",
     "WITH me AS (SELECT b.id, b.position, b.page_id FROM page_blocks b"
     "             JOIN portfolio_pages p ON p.id = b.page_id"
     "            WHERE b.id = $1 AND p.id = $2 AND p.owner_id = $3),"
     "     other AS (SELECT b.id, b.position FROM page_blocks b, me"
     "                WHERE b.page_id = me.page_id AND CASE WHEN $4 = 'up'"
     "                      THEN b.position < me.position ELSE b.position > me.position END"
     "                ORDER BY CASE WHEN $4 = 'up' THEN -b.position ELSE b.position END LIMIT 1),"
     "     moved AS (UPDATE page_blocks b SET position = CASE WHEN b.id = me.id"
     "                                         THEN other.position ELSE me.position END"
     "                 FROM me, other WHERE b.id IN (me.id, other.id) RETURNING b.id)"
     " SELECT 1 FROM me",
     1},
    {"page_block_text",
     "SELECT b.text_md, p.title FROM page_blocks b"
     "  JOIN portfolio_pages p ON p.id = b.page_id"
     " WHERE b.id = $1 AND p.id = $2 AND p.owner_id = $3 AND b.evidence_id IS NULL",
     PAGE_BLOCK_TEXT_COLUMNS},
    {"page_block_update",
     "UPDATE page_blocks b SET text_md = $4, text_html = $5 FROM portfolio_pages p"
     " WHERE b.id = $1 AND b.page_id = p.id AND p.id = $2 AND p.owner_id = $3"
     "   AND b.evidence_id IS NULL RETURNING b.id",
     1},
    {"page_block_delete",
     "DELETE FROM page_blocks b USING portfolio_pages p"
     " WHERE b.id = $1 AND b.page_id = p.id AND p.id = $2 AND p.owner_id = $3 RETURNING b.id",
     1},
    {NULL, NULL},
};

#define NOT_FOUND "There is no such page in your portfolio."

enum { P_TITLE, P_DESCRIPTION, N_PAGE_FIELDS };
static const field_spec page_fields[N_PAGE_FIELDS] = {
    [P_TITLE] = {"title", "a title", FIELD_STRING, true, 1, 200, NULL},
    [P_DESCRIPTION] = {"description", "the description", FIELD_STRING, false, 0, 20000, NULL},
};

static void show_page_form(request *r, int status, long long page_id, const char *title,
                           const char *description, const char *error)
{
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s%s", error ? "Error: " : "",
                                            page_id ? "Change page" : "Create a page"),
                               "portfolio_pages/form.tpl");
    if (d) {
        tpl_set(d, "ACTION",
                page_id ? arena_printf(r->mem, "/portfolio/pages/%lld", page_id)
                        : "/portfolio/pages");
        tpl_show(d, page_id ? "EDITING" : "CREATING");
        tpl_set(d, "TITLE", title);
        tpl_set(d, "DESCRIPTION", description);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    render_end(r, status);
}

void page_portfolio_page_new(request *r)
{
    show_page_form(r, 200, 0, "", "", NULL);
}

/* Creates (page_id 0) or changes a page from the form. */
static void save_page(request *r, long long page_id)
{
    field_value v[N_PAGE_FIELDS];
    const char *err;
    if (!form_validate(r, page_fields, N_PAGE_FIELDS, v, &err)) {
        show_page_form(r, 400, page_id, v[P_TITLE].str, v[P_DESCRIPTION].str, err);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[P_DESCRIPTION].str);
    PGresult *res = NULL;
    if (html && page_id) {
        const char *params[] = {req_id_text(r, page_id), req_id_text(r, r->user->id),
                                v[P_TITLE].str, v[P_DESCRIPTION].str, html};
        res = db_run(r->db, "page_update", ARRAY_SIZE(params), params);
    } else if (html) {
        const char *params[] = {req_id_text(r, r->user->institution_id),
                                req_id_text(r, r->user->id), v[P_TITLE].str, v[P_DESCRIPTION].str,
                                html};
        res = db_run(r->db, "page_insert", ARRAY_SIZE(params), params);
    }
    if (!render_found(r, res, NOT_FOUND)) {
        PQclear(res);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/portfolio/pages/%s", db_text(res, 0, PS_ID)));
    PQclear(res);
}

void page_portfolio_page_create(request *r)
{
    save_page(r, 0);
}

void page_portfolio_page_update(request *r)
{
    long long id = req_param_id(r, 0);
    if (!id) {
        render_error(r, 404, NOT_FOUND);
        return;
    }
    save_page(r, id);
}

/* The prefetched page_show rows for the signed-in owner, or NULL having
 * rendered the error (404 for anything not theirs). Owned by the request. */
static const PGresult *find_page(request *r)
{
    const PGresult *res = r->prefetched;
    if (!render_found(r, res, NOT_FOUND)) {
        return NULL;
    }
    return res;
}

void page_portfolio_page_edit(request *r)
{
    const PGresult *res = find_page(r);
    if (res)
        show_page_form(r, 200, db_int(res, 0, PB_PAGE_ID), db_text(res, 0, PB_TITLE),
                       db_text(res, 0, PB_DESCRIPTION_MD), NULL);
}

/* The page with its blocks in order, each with buttons to move it up or
 * down or remove it, and a form to add words. The session and the page
 * come in one round trip (the route's prefetch); the blocks from memory
 * while the page has not changed, else in a second. */
void page_portfolio_page_show(request *r)
{
    const PGresult *res = find_page(r);
    if (!res)
        return;
    static const block_style style = {"/files", true, 3};
    const safe_html *blocks = page_blocks_current(r, res, &style);
    if (!blocks) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, db_text(res, 0, PB_TITLE), "portfolio_pages/show.tpl");
    if (d) {
        tpl_set(d, "PAGE_ID", db_text(res, 0, PB_PAGE_ID));
        tpl_set(d, "TITLE", db_text(res, 0, PB_TITLE));
        page_set_blocks(d, html_from_db(db_text(res, 0, PB_DESCRIPTION_HTML)), blocks);
    }
    render_end(r, 200);
}

/* Choosing a piece of evidence to add to the page. */
void page_portfolio_page_add(request *r)
{
    const PGresult *res = find_page(r);
    if (!res)
        return;
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *choices = db_run(r->db, "page_evidence_choices", ARRAY_SIZE(params), params);
    if (!choices) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Add evidence to a page", "portfolio_pages/add.tpl");
    if (d) {
        tpl_set(d, "PAGE_ID", db_text(res, 0, PB_PAGE_ID));
        tpl_set(d, "TITLE", db_text(res, 0, PB_TITLE));
        for (int i = 0; i < PQntuples(choices); i++) {
            tpl_dict *c = tpl_add_section(d, "CHOICE");
            tpl_set(c, "ID", db_text(choices, i, PEC_ID));
            tpl_set(c, "TITLE", db_text(choices, i, PEC_TITLE));
        }
        tpl_show(d, PQntuples(choices) ? "HAS_CHOICES" : "NO_CHOICES");
    }
    PQclear(choices);
    render_end(r, 200);
}

enum { B_EVIDENCE, B_TEXT, N_BLOCK_FIELDS };
static const field_spec block_fields[N_BLOCK_FIELDS] = {
    [B_EVIDENCE] = {"evidence_id", "the evidence", FIELD_ID, false, 0, 0, NULL},
    [B_TEXT] = {"text", "the text", FIELD_STRING, false, 0, 20000, NULL},
};

/* Adds one block at the end: a piece of evidence, or a text. */
void page_portfolio_block_add(request *r)
{
    long long page_id = req_param_id(r, 0);
    field_value v[N_BLOCK_FIELDS];
    const char *err;
    if (!form_validate(r, block_fields, N_BLOCK_FIELDS, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    if (v[B_EVIDENCE].present == v[B_TEXT].present) {
        render_error(r, 400,
                     "Choose a piece of evidence, or write a text: one of the two. Go "
                     "back and try again.");
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[B_TEXT].str);
    const char *params[] = {req_id_text(r, page_id), req_id_text(r, r->user->id), v[B_EVIDENCE].str,
                            v[B_TEXT].str, html ? html : ""};
    PGresult *res = html ? db_run(r->db, "page_block_insert", ARRAY_SIZE(params), params) : NULL;
    /* Not their page, or not their evidence: as if it did not exist. */
    if (!render_found(r, res, NOT_FOUND)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/portfolio/pages/%lld#blocks", page_id));
}

static const char *const directions[] = {"up", "down", NULL};
static const field_spec move_fields[] = {
    {"direction", "the direction", FIELD_ENUM, true, 0, 0, directions},
};

/* Moves a block one place up or down; at the top or bottom, nothing moves. */
void page_portfolio_block_move(request *r)
{
    long long page_id = req_param_id(r, 0), block_id = req_param_id(r, 1);
    field_value v[1];
    const char *err;
    if (!form_validate(r, move_fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, block_id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id), v[0].str};
    PGresult *res = db_run(r->db, "page_block_move", ARRAY_SIZE(params), params);
    bool found = render_found(r, res, "That block is not on your page.");
    PQclear(res);
    if (!found)
        return;
    resp_redirect(r, arena_printf(r->mem, "/portfolio/pages/%lld#block-%lld", page_id, block_id));
}

void page_portfolio_block_delete(request *r)
{
    long long page_id = req_param_id(r, 0), block_id = req_param_id(r, 1);
    const char *params[] = {req_id_text(r, block_id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "page_block_delete", ARRAY_SIZE(params), params);
    if (!render_found(r, res, "That block is not on your page.")) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/portfolio/pages/%lld#blocks", page_id));
}

#define NO_TEXT_BLOCK "That block is not a text on your page."

static void show_block_form(request *r, int status, const char *page_title, const char *text,
                            const char *error)
{
    tpl_dict *d = render_begin(r, error ? "Error: Change a text" : "Change a text",
                               "portfolio_pages/block_edit.tpl");
    if (d) {
        tpl_set(d, "PAGE_ID", r->params[0]);
        tpl_set(d, "BLOCK_ID", r->params[1]);
        tpl_set(d, "TITLE", page_title);
        tpl_set(d, "TEXT", text);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    render_end(r, status);
}

/* The text block :block of the owner's page :id, or NULL having said so. */
static PGresult *find_text_block(request *r)
{
    long long page_id = req_param_id(r, 0), block_id = req_param_id(r, 1);
    const char *params[] = {req_id_text(r, block_id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "page_block_text", ARRAY_SIZE(params), params);
    if (!render_found(r, res, NO_TEXT_BLOCK)) {
        PQclear(res);
        return NULL;
    }
    return res;
}

/* GET /portfolio/pages/:id/blocks/:block/edit: a text block, in place. */
void page_portfolio_block_edit(request *r)
{
    PGresult *res = find_text_block(r);
    if (res)
        show_block_form(r, 200, db_text(res, 0, PBT_PAGE_TITLE), db_text(res, 0, PBT_TEXT_MD),
                        NULL);
    PQclear(res);
}

static const field_spec block_text_fields[] = {
    {"text", "the text", FIELD_STRING, true, 1, 20000, NULL},
};

/* POST /portfolio/pages/:id/blocks/:block: the changed text. */
void page_portfolio_block_update(request *r)
{
    PGresult *block = find_text_block(r);
    if (!block)
        return;
    field_value v[1];
    const char *err;
    if (!form_validate(r, block_text_fields, 1, v, &err)) {
        show_block_form(r, 400, db_text(block, 0, PBT_PAGE_TITLE), v[0].str, err);
        PQclear(block);
        return;
    }
    PQclear(block);
    const char *html = richtext_to_arena(r->mem, v[0].str);
    const char *params[] = {r->params[1], r->params[0], req_id_text(r, r->user->id), v[0].str,
                            html};
    PGresult *res = html ? db_run(r->db, "page_block_update", ARRAY_SIZE(params), params) : NULL;
    if (!render_found(r, res, NO_TEXT_BLOCK)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r,
                  arena_printf(r->mem, "/portfolio/pages/%s#block-%s", r->params[0], r->params[1]));
}
