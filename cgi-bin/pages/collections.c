/* collections: an ordered set of a person's pages, read one after another
 * with previous and next links. The owner builds it at
 * /portfolio/collections/:id, reordering with buttons (no drag and drop),
 * so it works with a keyboard and without JavaScript. The people it is
 * shared with read it at /collections/:id, and whoever holds a secret link
 * at /s/:token. Whether someone may read a collection is decided by
 * readable_collections in sql/policy.sql, the one place for it; a
 * collection someone may not see does not exist for them (404). A collection holds pages, never
 * owns them: removing a page or deleting the collection leaves the pages as they were. */
#include <stdio.h>
#include <string.h>

#include "../core/richtext.h"
#include "../core/session.h"
#include "portfolio.h"

/* The path's ids ($2 the collection, $3 the page) as bigints: NULL
 * unless each is a whole number that fits, so a bad address finds nothing. */
#define COLLECTION_PARAM "CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"
#define PAGE_PARAM "CASE WHEN $3 ~ '^[0-9]{1,18}$' THEN $3::bigint END"

/* The collection as a reader sees it, if they read it
 * (readable_collections), its pages in order (one row with NULL page
 * columns when it is empty): viewer is a FROM item v holding the reader's
 * id (NULL for a visitor), link the secret link's token hash (or NULL). */
#define COLLECTION_VIEW(viewer, link)                                                              \
    "SELECT c.id, c.title, c.description_html, o.display_name, o.username,"                        \
    "       c.owner_id = v.id, p.id, p.title"                                                      \
    "  FROM " viewer "  JOIN readable_collections(v.id, " link ") c ON c.id = " COLLECTION_PARAM   \
    "  JOIN users o ON o.id = c.owner_id"                                                          \
    "  LEFT JOIN collection_pages cp ON cp.collection_id = c.id"                                   \
    "  LEFT JOIN portfolio_pages p ON p.id = cp.page_id"                                           \
    " ORDER BY cp.position"
enum {
    CV_ID,
    CV_TITLE,
    CV_DESCRIPTION_HTML,
    CV_OWNER_NAME,
    CV_OWNER_USERNAME,
    CV_MINE,
    CV_PAGE_ID,
    CV_PAGE_TITLE,
    COLLECTION_VIEW_COLUMNS
};

/* One page of a collection with its blocks, where it stands in the
 * collection and its neighbours, computed over the collection's pages by
 * window functions so that the whole view is one query. No rows when the
 * reader may not see the collection or the page is not in it. */
#define COLLECTION_PAGE_VIEW(viewer, link)                                                         \
    "WITH seq AS (SELECT cp.page_id, c.title AS collection_title, o.display_name, o.username,"     \
    "                    c.owner_id = v.id AS mine,"                                               \
    "                    row_number() OVER w AS number, count(*) OVER () AS total,"                \
    "                    lag(q.id) OVER w AS prev_id, lag(q.title) OVER w AS prev_title,"          \
    "                    lead(q.id) OVER w AS next_id, lead(q.title) OVER w AS next_title"         \
    "               FROM " viewer "               JOIN readable_collections(v.id, " link           \
    ") c ON c.id = " COLLECTION_PARAM "               JOIN users o ON o.id = c.owner_id"           \
    "               JOIN collection_pages cp ON cp.collection_id = c.id"                           \
    "               JOIN portfolio_pages q ON q.id = cp.page_id"                                   \
    "             WINDOW w AS (ORDER BY cp.position))"                                             \
    " SELECT " PAGE_BLOCK_COLUMNS ", s.collection_title, s.display_name, s.username, s.mine,"      \
    "        s.number, s.total, s.prev_id, s.prev_title, s.next_id, s.next_title"                  \
    "   FROM seq s JOIN portfolio_pages p ON p.id = s.page_id" PAGE_BLOCK_JOINS                    \
    "  WHERE s.page_id = " PAGE_PARAM " ORDER BY b.position"
enum {
    CP_COLLECTION_TITLE = PB_N_COLUMNS,
    CP_OWNER_NAME,
    CP_OWNER_USERNAME,
    CP_MINE,
    CP_NUMBER,
    CP_TOTAL,
    CP_PREV_ID,
    CP_PREV_TITLE,
    CP_NEXT_ID,
    CP_NEXT_TITLE,
    COLLECTION_PAGE_VIEW_COLUMNS
};

/* The reader: the session's person for the prefetches (NULL for a
 * visitor, when the handler runs them with $1 ''), nobody through a link. */
#define SESSION_READER "(SELECT 1) k LEFT JOIN session_viewer($1) v ON true"
#define LINK_READER "(SELECT NULL::bigint AS id) v"

/* collection_insert and collection_update: the collection saved. */
enum { CS_ID, COLLECTION_SAVE_COLUMNS };
/* collection_edit: one row a page of the owner's. */
enum {
    CE_ID,
    CE_TITLE,
    CE_DESCRIPTION_MD,
    CE_DESCRIPTION_HTML,
    CE_PAGE_ID,
    CE_PAGE_TITLE,
    CE_POSITION,
    COLLECTION_EDIT_COLUMNS
};
/* collection_page_add: how many of each there were (0 or 1). */
enum { CPA_COLLECTION, CPA_PAGE, CPA_ADDED, COLLECTION_PAGE_ADD_COLUMNS };

const db_statement collection_statements[] = {
    {"collection_insert",
     "INSERT INTO collections (institution_id, owner_id, title, description_md, description_html)"
     " VALUES ($1, $2, $3, $4, $5) RETURNING id",
     COLLECTION_SAVE_COLUMNS},
    {"collection_update",
     "UPDATE collections SET title = $3, description_md = $4, description_html = $5,"
     "  updated_at = now() WHERE id = $1 AND owner_id = $2 RETURNING id",
     COLLECTION_SAVE_COLUMNS},
    /* The editor's prefetch ($1 the session token's hash, $2 the id): the
     * owner's collection with every one of their pages, first those in it,
     * in order (position set), then the others, to choose from (position
     * NULL); one row with NULL page columns when they have no pages. */
    {"collection_edit",
     "SELECT c.id, c.title, c.description_md, c.description_html, p.id,"
     "       p.title, cp.position"
     "  FROM session_viewer($1) v"
     "  JOIN collections c ON c.institution_id = v.institution_id"
     "   AND c.owner_id = v.id AND c.id = " COLLECTION_PARAM
     "  LEFT JOIN portfolio_pages p ON p.owner_id = c.owner_id"
     "  LEFT JOIN collection_pages cp"
     "         ON cp.collection_id = c.id AND cp.page_id = p.id"
     " ORDER BY cp.position NULLS LAST, p.updated_at DESC, p.id",
     COLLECTION_EDIT_COLUMNS},
    /* Adds one of the owner's pages at the end. Says whether the collection
     * is theirs, whether the page is theirs, and whether it was added (not
     * when it was already there). */
    {"collection_page_add",
     "WITH mine AS (SELECT id FROM collections WHERE id = $1 AND owner_id = $2),"
     "     target AS (SELECT mine.id AS collection_id, p.id AS page_id FROM mine"
     "                  JOIN portfolio_pages p ON p.id = $3 AND p.owner_id = $2),"
     "     added AS (INSERT INTO collection_pages (collection_id, page_id, position)"
     "               SELECT collection_id, page_id,"
     "                      COALESCE((SELECT max(position) FROM collection_pages"
     "                                 WHERE collection_id = target.collection_id), 0) + 1"
     "                 FROM target ON CONFLICT (collection_id, page_id) DO NOTHING"
     "               RETURNING page_id)"
     " SELECT (SELECT count(*) FROM mine), (SELECT count(*) FROM target),"
     "        (SELECT count(*) FROM added)",
     COLLECTION_PAGE_ADD_COLUMNS},
    /* Swaps a page with its neighbour above or below in one statement (the
     * unique position is checked at its end); nothing moves at the top or
     * the bottom. Says whether the page is in the owner's collection. */
    {"collection_page_move",
     "WITH me AS (SELECT cp.collection_id, cp.page_id, cp.position FROM collection_pages cp"
     "              JOIN collections c ON c.id = cp.collection_id"
     "             WHERE cp.collection_id = $1 AND cp.page_id = $2 AND c.owner_id = $3),"
     "     other AS (SELECT cp.page_id, cp.position FROM collection_pages cp, me"
     "                WHERE cp.collection_id = me.collection_id AND CASE WHEN $4 = 'up'"
     "                      THEN cp.position < me.position ELSE cp.position > me.position END"
     "                ORDER BY CASE WHEN $4 = 'up' THEN -cp.position ELSE cp.position END"
     "                LIMIT 1),"
     "     moved AS (UPDATE collection_pages cp"
     "                  SET position = CASE WHEN cp.page_id = me.page_id THEN other.position"
     "                                      ELSE me.position END"
     "                 FROM me, other WHERE cp.collection_id = me.collection_id"
     "                  AND cp.page_id IN (me.page_id, other.page_id) RETURNING cp.page_id)"
     " SELECT 1 FROM me",
     1},
    {"collection_page_remove",
     "DELETE FROM collection_pages cp USING collections c"
     " WHERE cp.collection_id = $1 AND cp.page_id = $2 AND c.id = cp.collection_id"
     "   AND c.owner_id = $3 RETURNING cp.page_id",
     1},
    /* Its pages stay; its shares go with it (ON DELETE CASCADE). */
    {"collection_delete", "DELETE FROM collections WHERE id = $1 AND owner_id = $2 RETURNING id",
     1},
    /* The read views' prefetch: $1 the session token's hash (or '' for a
     * visitor, when the handler runs it), then the path's ids. */
    {"collection_view", COLLECTION_VIEW(SESSION_READER, "NULL"), COLLECTION_VIEW_COLUMNS},
    {"collection_page_view", COLLECTION_PAGE_VIEW(SESSION_READER, "NULL"),
     COLLECTION_PAGE_VIEW_COLUMNS},
    /* Through a secret link: $1 the link's token hash. */
    {"collection_view_link", COLLECTION_VIEW(LINK_READER, "$1"), COLLECTION_VIEW_COLUMNS},
    {"collection_page_view_link", COLLECTION_PAGE_VIEW(LINK_READER, "$1"),
     COLLECTION_PAGE_VIEW_COLUMNS},
    {NULL, NULL},
};

#define NOT_FOUND "There is no such collection in your portfolio."
#define NOT_IN_IT "That page is not in your collection."
#define NOT_SHARED "There is no such collection, or it has not been shared with you."
#define PAGE_NOT_SHARED                                                                            \
    "There is no such page in this collection, or it has not been shared with you."

enum { C_TITLE, C_DESCRIPTION, N_COLLECTION_FIELDS };
static const field_spec collection_fields[N_COLLECTION_FIELDS] = {
    [C_TITLE] = {"title", "a title", FIELD_STRING, true, 1, 200, NULL},
    [C_DESCRIPTION] = {"description", "the description", FIELD_STRING, false, 0, 20000, NULL},
};

static void show_collection_form(request *r, int status, long long id, const char *title,
                                 const char *description, const char *error)
{
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s%s", error ? "Error: " : "",
                                            id ? "Change collection" : "Create a collection"),
                               "collections/form.tpl");
    if (d) {
        if (id) {
            tpl_set(d, "ACTION", arena_printf(r->mem, "/portfolio/collections/%lld", id));
            tpl_set(tpl_add_section(d, "EDITING"), "ID", req_id_text(r, id));
        } else {
            tpl_set(d, "ACTION", "/portfolio/collections");
            tpl_show(d, "CREATING");
        }
        tpl_set(d, "TITLE", title);
        tpl_set(d, "DESCRIPTION", description);
        if (error)
            tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
    }
    render_end(r, status);
}

void page_collection_new(request *r)
{
    show_collection_form(r, 200, 0, "", "", NULL);
}

/* Creates (id 0) or changes a collection from the form, then shows it. */
static void save_collection(request *r, long long id)
{
    field_value v[N_COLLECTION_FIELDS];
    const char *err;
    if (!form_validate(r, collection_fields, N_COLLECTION_FIELDS, v, &err)) {
        show_collection_form(r, 400, id, v[C_TITLE].str, v[C_DESCRIPTION].str, err);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[C_DESCRIPTION].str);
    PGresult *res = NULL;
    if (html && id) {
        const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id), v[C_TITLE].str,
                                v[C_DESCRIPTION].str, html};
        res = db_run(r->db, "collection_update", ARRAY_SIZE(params), params);
    } else if (html) {
        const char *params[] = {req_id_text(r, r->user->institution_id),
                                req_id_text(r, r->user->id), v[C_TITLE].str, v[C_DESCRIPTION].str,
                                html};
        res = db_run(r->db, "collection_insert", ARRAY_SIZE(params), params);
    }
    if (!render_found(r, res, NOT_FOUND)) {
        PQclear(res);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/portfolio/collections/%s", db_text(res, 0, CS_ID)));
    PQclear(res);
}

void page_collection_create(request *r)
{
    save_collection(r, 0);
}

void page_collection_update(request *r)
{
    long long id = req_param_id(r, 0);
    if (!id) {
        render_error(r, 404, NOT_FOUND);
        return;
    }
    save_collection(r, id);
}

/* The prefetched collection_edit rows for the signed-in owner, or NULL
 * having rendered the error (404 for anything not theirs). */
static const PGresult *find_collection(request *r)
{
    const PGresult *res = r->prefetched;
    if (!render_found(r, res, NOT_FOUND)) {
        return NULL;
    }
    return res;
}

/* How many of the collection_edit rows are pages in the collection: they
 * come first, with a position. */
static int pages_in(const PGresult *res)
{
    int n = 0;
    while (n < PQntuples(res) && !PQgetisnull(res, n, CE_POSITION))
        n++;
    return n;
}

void page_collection_edit(request *r)
{
    const PGresult *res = find_collection(r);
    if (res)
        show_collection_form(r, 200, db_int(res, 0, CE_ID), db_text(res, 0, CE_TITLE),
                             db_text(res, 0, CE_DESCRIPTION_MD), NULL);
}

/* The pages in the collection, each with buttons to move it and remove it
 * that name the page for screen readers. */
static void fill_editor_pages(tpl_dict *d, const PGresult *res, int in)
{
    for (int i = 0; i < in; i++) {
        tpl_dict *p = tpl_add_section(d, "PAGE");
        tpl_set(p, "ID", db_text(res, 0, CE_ID));
        tpl_set(p, "PAGE_ID", db_text(res, i, CE_PAGE_ID));
        tpl_set(p, "TITLE", db_text(res, i, CE_PAGE_TITLE));
        tpl_set_int(p, "NUMBER", i + 1);
        if (i > 0)
            tpl_show(p, "CAN_MOVE_UP");
        if (i < in - 1)
            tpl_show(p, "CAN_MOVE_DOWN");
    }
    if (!in)
        tpl_show(d, "EMPTY");
}

/* The owner's editor: the collection, its pages in order with their
 * buttons, and the owner's other pages to add; one round trip with the
 * session (the route's prefetch). */
void page_collection_show(request *r)
{
    const PGresult *res = find_collection(r);
    if (!res)
        return;
    tpl_dict *d = render_begin(r, db_text(res, 0, CE_TITLE), "collections/show.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(res, 0, CE_ID));
        tpl_set(d, "TITLE", db_text(res, 0, CE_TITLE));
        /* Sanitised on save (core/richtext.c). */
        if (*db_text(res, 0, CE_DESCRIPTION_HTML))
            tpl_set_html(tpl_add_section(d, "DESCRIPTION"), "DESCRIPTION_HTML",
                         html_from_db(db_text(res, 0, CE_DESCRIPTION_HTML)));
        int in = pages_in(res);
        int all = PQgetisnull(res, 0, CE_PAGE_ID) ? 0 : PQntuples(res);
        fill_editor_pages(d, res, in);
        for (int i = in; i < all; i++) {
            tpl_dict *c = tpl_add_section(d, "CHOICE");
            tpl_set(c, "PAGE_ID", db_text(res, i, CE_PAGE_ID));
            tpl_set(c, "TITLE", db_text(res, i, CE_PAGE_TITLE));
        }
        tpl_show(d, all > in ? "HAS_CHOICES" : all ? "ALL_IN" : "NO_PAGES");
    }
    render_end(r, 200);
}

static const field_spec add_fields[] = {
    {"page_id", "the page to add", FIELD_ID, true, 0, 0, NULL},
};

/* Adds one of the owner's pages at the end of their collection. */
void page_collection_page_add(request *r)
{
    long long id = req_param_id(r, 0);
    field_value v[1];
    const char *err;
    if (!id) {
        render_error(r, 404, NOT_FOUND);
        return;
    }
    if (!form_validate(r, add_fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id), v[0].str};
    PGresult *res = db_run(r->db, "collection_page_add", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    bool collection = db_int(res, 0, CPA_COLLECTION), page = db_int(res, 0, CPA_PAGE),
         added = db_int(res, 0, CPA_ADDED);
    PQclear(res);
    if (!collection || !page)
        render_error(r, 404, collection ? "There is no such page in your portfolio." : NOT_FOUND);
    else if (!added)
        render_error(r, 400,
                     "That page is already in this collection: a page can be in a "
                     "collection only once. Go back and choose another.");
    else
        resp_redirect(r, arena_printf(r->mem, "/portfolio/collections/%lld#page-%s", id, v[0].str));
}

static const char *const directions[] = {"up", "down", NULL};
static const field_spec move_fields[] = {
    {"direction", "the direction", FIELD_ENUM, true, 0, 0, directions},
};

/* Moves a page one place up or down; at the top or bottom, nothing moves. */
void page_collection_page_move(request *r)
{
    long long id = req_param_id(r, 0), page_id = req_param_id(r, 1);
    field_value v[1];
    const char *err;
    if (!form_validate(r, move_fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id), v[0].str};
    PGresult *res = db_run(r->db, "collection_page_move", ARRAY_SIZE(params), params);
    if (!render_found(r, res, NOT_IN_IT)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/portfolio/collections/%lld#page-%lld", id, page_id));
}

/* Takes a page out of the collection; the page itself stays. */
void page_collection_page_remove(request *r)
{
    long long id = req_param_id(r, 0), page_id = req_param_id(r, 1);
    const char *params[] = {req_id_text(r, id), req_id_text(r, page_id),
                            req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "collection_page_remove", ARRAY_SIZE(params), params);
    if (!render_found(r, res, NOT_IN_IT)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, arena_printf(r->mem, "/portfolio/collections/%lld#pages", id));
}

void page_collection_confirm_delete(request *r)
{
    const PGresult *res = find_collection(r);
    if (!res)
        return;
    int in = pages_in(res);
    tpl_dict *d = render_begin(r, "Delete a collection", "collections/delete.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(res, 0, CE_ID));
        tpl_set(d, "TITLE", db_text(res, 0, CE_TITLE));
        if (in)
            tpl_set(tpl_add_section(d, "HAS_PAGES"), "NOTE",
                    in == 1 ? "Its page stays in your portfolio, as it is."
                            : arena_printf(
                                  r->mem, "Its %d pages stay in your portfolio, as they are.", in));
    }
    render_end(r, 200);
}

void page_collection_delete(request *r)
{
    long long id = req_param_id(r, 0);
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "collection_delete", ARRAY_SIZE(params), params);
    if (!render_found(r, res, NOT_FOUND)) {
        PQclear(res);
        return;
    }
    PQclear(res);
    resp_redirect(r, "/portfolio");
}

/* Who owns what is being read: a link to their profile for people signed
 * in at the college, their name alone through a secret link or for a
 * visitor (profiles are not public). */
static void fill_owner(request *r, tpl_dict *d, const char *name, const char *username,
                       bool by_link)
{
    tpl_set(d, "OWNER", name);
    if (r->user && !by_link)
        tpl_set(tpl_add_section(d, "OWNER_LINK"), "USERNAME", username);
    else
        tpl_show(d, "OWNER_PLAIN");
}

/* The collection and its pages in order, each linking to the page read in
 * the collection (under base: /collections/:id or /s/:token). */
static void show_collection(request *r, const PGresult *res, const char *link_token)
{
    const char *base = link_token ? arena_printf(r->mem, "/s/%s", link_token)
                                  : arena_printf(r->mem, "/collections/%s", db_text(res, 0, CV_ID));
    tpl_dict *d = render_begin(r, db_text(res, 0, CV_TITLE), "collections/view.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(res, 0, CV_ID));
        tpl_set(d, "TITLE", db_text(res, 0, CV_TITLE));
        fill_owner(r, d, db_text(res, 0, CV_OWNER_NAME), db_text(res, 0, CV_OWNER_USERNAME),
                   link_token);
        if (strcmp(db_text(res, 0, CV_MINE), "t") == 0)
            tpl_show(d, "MINE");
        /* Sanitised on save (core/richtext.c). */
        if (*db_text(res, 0, CV_DESCRIPTION_HTML))
            tpl_set_html(tpl_add_section(d, "DESCRIPTION"), "DESCRIPTION_HTML",
                         html_from_db(db_text(res, 0, CV_DESCRIPTION_HTML)));
        int n = PQgetisnull(res, 0, CV_PAGE_ID) ? 0 : PQntuples(res);
        for (int i = 0; i < n; i++) {
            tpl_dict *p = tpl_add_section(d, "PAGE");
            tpl_set(p, "HREF",
                    arena_printf(r->mem, "%s/pages/%s", base, db_text(res, i, CV_PAGE_ID)));
            tpl_set(p, "TITLE", db_text(res, i, CV_PAGE_TITLE));
        }
        if (n)
            tpl_set(tpl_add_section(d, "HAS_PAGES"), "START",
                    arena_printf(r->mem, "%s/pages/%s", base, db_text(res, 0, CV_PAGE_ID)));
        else
            tpl_show(d, "EMPTY");
    }
    render_end(r, 200);
}

/* GET /collections/:id: for a signed-in person the collection came with
 * the session; a visitor sees it only if it is public. */
void page_collection_view(request *r)
{
    PGresult *own[2];
    const PGresult *res, *none;
    session_prefetched(r, own, &res, &none);
    if (render_found(r, res, NOT_SHARED))
        show_collection(r, res, NULL);
    PQclear(own[0]);
}

void collection_show_by_link(request *r, const char *link, long long collection_id)
{
    const char *params[] = {link, req_id_text(r, collection_id)};
    PGresult *res = db_run(r->db, "collection_view_link", ARRAY_SIZE(params), params);
    if (render_found(r, res, NOT_SHARED))
        show_collection(r, res, r->params[0]);
    PQclear(res);
}

/* The previous or next page (section PREVIOUS or NEXT), when there is one:
 * the link names the page it leads to. */
static void fill_neighbour(request *r, tpl_dict *d, const char *section, const PGresult *res,
                           int id_column, const char *base)
{
    if (PQgetisnull(res, 0, id_column))
        return;
    tpl_dict *n = tpl_add_section(d, section);
    tpl_set(n, "HREF", arena_printf(r->mem, "%s/pages/%s", base, db_text(res, 0, id_column)));
    tpl_set(n, "TITLE", db_text(res, 0, id_column + 1));
}

/* A page read in its collection (base: /collections/:id, or /s/:token
 * through a secret link, where files come through the link too and there
 * are no comments: they need a name to stand behind). */
static void show_collection_page(request *r, const PGresult *res, const char *base, bool by_link)
{
    block_style style = {"/files", false, 2};
    if (by_link)
        style.file_prefix = arena_printf(r->mem, "%s/files", base);
    const safe_html *blocks = page_blocks_html(r, res, 0, page_block_count(res), &style);
    if (!blocks) {
        render_error(r, 500, "The page could not be shown. Try again in a minute.");
        return;
    }
    const char *title = db_text(res, 0, PB_TITLE);
    const char *collection = db_text(res, 0, CP_COLLECTION_TITLE);
    tpl_dict *d =
        render_begin(r, arena_printf(r->mem, "%s – %s", title, collection), "collections/page.tpl");
    if (d) {
        tpl_set(d, "COLLECTION_HREF", base);
        tpl_set(d, "COLLECTION_TITLE", collection);
        tpl_set(d, "PAGE_ID", db_text(res, 0, PB_PAGE_ID));
        tpl_set(d, "TITLE", title);
        tpl_set(d, "NUMBER", db_text(res, 0, CP_NUMBER));
        tpl_set(d, "TOTAL", db_text(res, 0, CP_TOTAL));
        fill_owner(r, d, db_text(res, 0, CP_OWNER_NAME), db_text(res, 0, CP_OWNER_USERNAME),
                   by_link);
        if (strcmp(db_text(res, 0, CP_MINE), "t") == 0)
            tpl_show(d, "MINE");
        page_set_blocks(d, html_from_db(db_text(res, 0, PB_DESCRIPTION_HTML)), blocks);
        if (!by_link)
            tpl_show(d, "COMMENTS_LINK");
        fill_neighbour(r, d, "PREVIOUS", res, CP_PREV_ID, base);
        fill_neighbour(r, d, "NEXT", res, CP_NEXT_ID, base);
        if (!PQgetisnull(res, 0, CP_PREV_ID) || !PQgetisnull(res, 0, CP_NEXT_ID))
            tpl_show(d, "PAGINATION");
    }
    render_end(r, 200);
}

/* GET /collections/:id/pages/:page: one round trip with the session for a
 * signed-in person (the route's prefetch), one query for a visitor. */
void page_collection_view_page(request *r)
{
    PGresult *own[2];
    const PGresult *res, *none;
    session_prefetched(r, own, &res, &none);
    if (render_found(r, res, PAGE_NOT_SHARED))
        show_collection_page(r, res, arena_printf(r->mem, "/collections/%s", r->params[0]), false);
    PQclear(own[0]);
}

/* GET /s/:token/pages/:page: a page of the collection a secret link
 * shares; the link is checked first (link_open says why one stopped). */
void page_link_collection_page(request *r)
{
    long long page_id, collection_id;
    const char *hash = link_open(r, r->params[0], &page_id, &collection_id);
    if (!hash)
        return;
    if (!collection_id) {
        render_error(r, 404, PAGE_NOT_SHARED);
        return;
    }
    const char *params[] = {hash, req_id_text(r, collection_id), r->params[1]};
    PGresult *res = db_run(r->db, "collection_page_view_link", ARRAY_SIZE(params), params);
    if (render_found(r, res, PAGE_NOT_SHARED))
        show_collection_page(r, res, arena_printf(r->mem, "/s/%s", r->params[0]), true);
    PQclear(res);
}
