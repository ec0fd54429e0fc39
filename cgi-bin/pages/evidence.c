/* evidence: the pieces a person collects in their portfolio to show their
 * learning: a text written in Markdown, an uploaded file, or a link; each
 * with a reflection on what it shows, tags and a date. Only the owner sees
 * a piece on its own; others see it on the pages it is shared on. */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/config.h"
#include "../core/richtext.h"
#include "portfolio.h"

/* evidence_list: one row a piece. */
enum {
    EL_ID,
    EL_KIND,
    EL_TITLE,
    EL_TAGS,
    EL_HAPPENED_ON,
    EL_UPDATED,
    EL_FILENAME,
    EVIDENCE_LIST_COLUMNS
};
/* evidence_pages: one row a page. */
enum { EP_ID, EP_TITLE, EP_BLOCKS, EP_SHARED, EVIDENCE_PAGES_COLUMNS };
/* evidence_collections: one row a collection. */
enum { EC_ID, EC_TITLE, EC_PAGES, EVIDENCE_COLLECTIONS_COLUMNS };
/* evidence_tags: one row a tag. */
enum { ET_TAG, ET_COUNT, EVIDENCE_TAGS_COLUMNS };
/* evidence_show: the piece as saved, and its file. */
enum {
    ES_ID,
    ES_KIND,
    ES_TITLE,
    ES_BODY_MD,
    ES_BODY_HTML,
    ES_URL,
    ES_REFLECTION_MD,
    ES_REFLECTION_HTML,
    ES_TAGS,
    ES_HAPPENED_ON, /* as the form takes it */
    ES_DATE,        /* as people read it */
    ES_VERSION,
    ES_FILE_ID,
    ES_FILENAME,
    ES_CONTENT_TYPE,
    ES_SIZE,
    ES_UPDATED,
    EVIDENCE_SHOW_COLUMNS
};
/* evidence_file_insert: the file stored. */
enum { EFI_ID, EVIDENCE_FILE_INSERT_COLUMNS };
/* evidence_insert and evidence_update: the piece saved. */
enum { EVS_ID, EVIDENCE_SAVE_COLUMNS };
/* evidence_delete: its file, or NULL. */
enum { ED_FILE_ID, EVIDENCE_DELETE_COLUMNS };
/* file_fetch: the file, its bytes in binary. */
enum { FF_FILENAME, FF_CONTENT_TYPE, FF_BYTES, FILE_FETCH_COLUMNS };

const db_statement evidence_statements[] = {
    /* The owner's ($1) own, with the tag $2 (or all). */
    {"evidence_list",
     "SELECT e.id, e.kind, e.title, array_to_string(e.tags, ', '),"
     "       to_char(e.happened_on, '" SQL_DAY "'),"
     "       to_char(e.updated_at, '" SQL_DAY "'), f.filename"
     "  FROM evidence e LEFT JOIN files f ON f.id = e.file_id"
     " WHERE e.owner_id = $1 AND ($2 = '' OR $2 = ANY (e.tags))"
     " ORDER BY e.updated_at DESC LIMIT 500",
     EVIDENCE_LIST_COLUMNS},
    /* Each page with its number of blocks, and whether any share of it
     * works today or later (so that the owner sees at a glance what is
     * not private). */
    {"evidence_pages",
     "SELECT p.id, p.title, (SELECT count(*) FROM page_blocks b WHERE b.page_id = p.id),"
     "       EXISTS (SELECT 1 FROM shares s"
     "                WHERE s.institution_id = p.institution_id AND s.page_id = p.id"
     "                  AND s.revoked_at IS NULL"
     "                  AND (s.ends_on IS NULL OR s.ends_on >= current_date))"
     "  FROM portfolio_pages p WHERE p.owner_id = $1 ORDER BY p.updated_at DESC",
     EVIDENCE_PAGES_COLUMNS},
    {"evidence_collections",
     "SELECT c.id, c.title,"
     "       (SELECT count(*) FROM collection_pages cp WHERE cp.collection_id = c.id)"
     "  FROM collections c WHERE c.owner_id = $1 ORDER BY c.updated_at DESC",
     EVIDENCE_COLLECTIONS_COLUMNS},
    {"evidence_tags",
     "SELECT t, count(*) FROM evidence, unnest(tags) t WHERE owner_id = $1"
     " GROUP BY t ORDER BY t",
     EVIDENCE_TAGS_COLUMNS},
    {"evidence_show",
     "SELECT e.id, e.kind, e.title, e.body_md, e.body_html, e.url, e.reflection_md,"
     "       e.reflection_html, array_to_string(e.tags, ', '), e.happened_on,"
     "       to_char(e.happened_on, '" SQL_DAY "'), e.version,"
     "       f.id, f.filename, f.content_type, f.size, to_char(e.updated_at, '" SQL_DAY "')"
     "  FROM evidence e LEFT JOIN files f ON f.id = e.file_id"
     " WHERE e.id = $1 AND e.owner_id = $2",
     EVIDENCE_SHOW_COLUMNS},
    {"evidence_file_insert",
     "INSERT INTO files (institution_id, owner_id, filename, content_type, size, sha256, bytes)"
     " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
     EVIDENCE_FILE_INSERT_COLUMNS},
    {"evidence_insert",
     "INSERT INTO evidence (institution_id, owner_id, kind, title, body_md, body_html, url,"
     "  file_id, reflection_md, reflection_html, tags, happened_on)"
     " VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, ''), NULLIF($8, '')::bigint, $9, $10,"
     "  $11::text[], NULLIF($12, '')::date) RETURNING id",
     EVIDENCE_SAVE_COLUMNS},
    {"evidence_update",
     "UPDATE evidence SET title = $3, body_md = $4, body_html = $5,"
     "  url = CASE WHEN kind = 'link' THEN $6 ELSE NULL END,"
     "  file_id = COALESCE(NULLIF($7, '')::bigint, file_id),"
     "  reflection_md = $8, reflection_html = $9, tags = $10::text[],"
     "  happened_on = NULLIF($11, '')::date, version = version + 1, updated_at = now()"
     " WHERE id = $1 AND owner_id = $2 AND version = $12 RETURNING id",
     EVIDENCE_SAVE_COLUMNS},
    {"evidence_delete", "DELETE FROM evidence WHERE id = $1 AND owner_id = $2 RETURNING file_id",
     EVIDENCE_DELETE_COLUMNS},
    {"evidence_file_delete",
     "DELETE FROM files f WHERE f.id = $1"
     "   AND NOT EXISTS (SELECT 1 FROM evidence e"
     "                    WHERE e.institution_id = f.institution_id AND e.file_id = f.id)"
     "   AND NOT EXISTS (SELECT 1 FROM submission_files WHERE file_id = $1)",
     0},
    /* Who may download a file is decided by readable_files (sql/policy.sql):
     * $2 the viewer ('' for a visitor), $3 a secret link's hash (or ''). */
    {"file_fetch",
     "SELECT f.filename, f.content_type, f.bytes"
     "  FROM readable_files(NULLIF($2, '')::bigint, NULLIF($3, '')) f"
     " WHERE f.id = $1",
     FILE_FETCH_COLUMNS},
    {NULL, NULL},
};

static const char *const kinds[] = {"text", "file", "link", NULL};
enum { KIND_TEXT, KIND_FILE, KIND_LINK };

enum { F_KIND, F_TITLE, F_BODY, F_FILE, F_URL, F_REFLECTION, F_TAGS, F_DATE, F_VERSION, N_FIELDS };
static const field_spec evidence_fields[N_FIELDS] = {
    [F_KIND] = {"kind", "what kind of evidence this is", FIELD_ENUM, true, 0, 0, kinds},
    [F_TITLE] = {"title", "a title", FIELD_STRING, true, 1, 200, NULL},
    [F_BODY] = {"body", "the text", FIELD_STRING, false, 0, 100000, NULL},
    [F_FILE] = {"file", "the file", FIELD_FILE, false, 0, 1LL << 40, NULL},
    [F_URL] = {"url", "the web address", FIELD_URL, false, 0, 0, NULL},
    [F_REFLECTION] = {"reflection", "the reflection", FIELD_STRING, false, 0, 20000, NULL},
    [F_TAGS] = {"tags", "the tags", FIELD_STRING, false, 0, 1000, NULL},
    [F_DATE] = {"happened_on", "the date", FIELD_DATE, false, 0, 0, NULL},
    [F_VERSION] = {"version", "the version", FIELD_INT, false, 0, 1000000000, NULL},
};

#define DB_DOWN "The database is not answering. Try again in a minute."
#define NOT_FOUND "There is no such evidence in your portfolio."

/* The index into kinds[] of a stored kind. */
static long long kind_index(const char *kind)
{
    for (long long k = 0; kinds[k]; k++)
        if (strcmp(kind, kinds[k]) == 0)
            return k;
    return KIND_TEXT;
}

/* The image type that bytes really are (by their signature), or NULL. */
static const char *sniffed_image_type(const unsigned char *b, size_t n)
{
    if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
        return "image/png";
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return "image/jpeg";
    if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0))
        return "image/gif";
    if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
        return "image/webp";
    return NULL;
}

/* The type to store for an upload: a claimed image must really be that
 * image (else *err), an unclaimed one is recognised; anything else keeps
 * the browser's word, which downloads never trust (see page_file_download). */
const char *evidence_upload_type(const http_field *f, const char **err)
{
    const char *claimed =
        f->content_type && *f->content_type ? f->content_type : "application/octet-stream";
    const char *real = sniffed_image_type((const unsigned char *)f->value, f->len);
    if (strncmp(claimed, "image/", 6) == 0 && (!real || strcmp(real, claimed) != 0) &&
        strcmp(claimed, "image/svg+xml") != 0) {
        *err = "The file says it is an image, but its content is not that kind of image. "
               "Check that you chose the right file.";
        return NULL;
    }
    return real ? real : claimed;
}

/* What the form sent, checked as a whole. On failure *err names the problem
 * and *field the field to link it to. */
typedef struct {
    field_value v[N_FIELDS];
    const char *tags;      /* array literal */
    const char *file_type; /* what an uploaded file really is */
    const char *body_html, *reflection_html;
    bool creating;
    long long saved_kind; /* when changing: the piece's kind, whatever the form says */
} evidence_input;

static bool read_input(request *r, evidence_input *in, const char **err, const char **field)
{
    *field = NULL;
    if (!form_validate(r, evidence_fields, N_FIELDS, in->v, err)) {
        *field = r->invalid_field;
        return false;
    }
    field_value *v = in->v;
    if (!in->creating)
        v[F_KIND].num = in->saved_kind, v[F_KIND].str = kinds[in->saved_kind];
    long long kind = v[F_KIND].num;
    if (kind == KIND_TEXT && !v[F_BODY].present)
        *err = "Write the text of your evidence.", *field = "body";
    else if (kind == KIND_LINK && !v[F_URL].present)
        *err = "Enter the web address of your evidence.", *field = "url";
    else if (kind == KIND_FILE && in->creating && !v[F_FILE].present)
        *err = "Choose the file to upload.", *field = "file";
    else if (v[F_FILE].present && v[F_FILE].file->len == 0)
        *err = "The file you chose is empty.", *field = "file";
    else if (v[F_FILE].present && !(in->file_type = evidence_upload_type(v[F_FILE].file, err)))
        *field = "file";
    else if (!(in->tags = validate_tags(r->mem, v[F_TAGS].str, err)))
        *field = "tags";
    if (*field)
        return false;
    in->body_html = richtext_to_arena(r->mem, v[F_BODY].str);
    in->reflection_html = richtext_to_arena(r->mem, v[F_REFLECTION].str);
    if (!in->body_html || !in->reflection_html) {
        *err = "The text could not be read as Markdown.", *field = "body";
        return false;
    }
    return true;
}

/* Stores an uploaded file; its id as text into *file_id. Inside the
 * caller's transaction. The bytes go to PostgreSQL in binary. */
bool evidence_store_file(request *r, const http_field *f, const char *type, const char **file_id)
{
    unsigned char sum[crypto_hash_sha256_BYTES];
    char hex[sizeof sum * 2 + 1];
    crypto_hash_sha256(sum, (const unsigned char *)f->value, f->len);
    sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            req_id_text(r, r->user->id),
                            f->filename,
                            type,
                            req_id_text(r, (long long)f->len),
                            hex,
                            f->value};
    int lengths[] = {0, 0, 0, 0, 0, 0, (int)f->len};
    int formats[] = {0, 0, 0, 0, 0, 0, 1};
    PGresult *res = db_run_binary(r->db, "evidence_file_insert", ARRAY_SIZE(params), params,
                                  lengths, formats, false);
    if (!res)
        return false;
    *file_id = arena_strdup(r->mem, db_text(res, 0, EFI_ID));
    PQclear(res);
    return true;
}

/* Saves in (a new piece, or a change to evidence_id at version) with its
 * file, in one transaction. Returns the evidence id, 0 when someone else
 * changed it first, -1 when the database failed. */
static long long save(request *r, const evidence_input *in, long long evidence_id)
{
    const field_value *v = in->v;
    const char *file_id = "";
    if (!db_begin(r->db))
        return -1;
    long long id = -1;
    PGresult *res = NULL;
    bool upload = v[F_FILE].present && v[F_KIND].num == KIND_FILE;
    if (upload && !evidence_store_file(r, v[F_FILE].file, in->file_type, &file_id))
        goto out;
    if (evidence_id) {
        const char *params[] = {req_id_text(r, evidence_id),
                                req_id_text(r, r->user->id),
                                v[F_TITLE].str,
                                v[F_BODY].str,
                                in->body_html,
                                v[F_URL].str,
                                file_id,
                                v[F_REFLECTION].str,
                                in->reflection_html,
                                in->tags,
                                v[F_DATE].str,
                                req_id_text(r, v[F_VERSION].num)};
        res = db_run(r->db, "evidence_update", ARRAY_SIZE(params), params);
    } else {
        const char *params[] = {req_id_text(r, r->user->institution_id),
                                req_id_text(r, r->user->id),
                                kinds[v[F_KIND].num],
                                v[F_TITLE].str,
                                v[F_BODY].str,
                                in->body_html,
                                v[F_URL].str,
                                file_id,
                                v[F_REFLECTION].str,
                                in->reflection_html,
                                in->tags,
                                v[F_DATE].str};
        res = db_run(r->db, "evidence_insert", ARRAY_SIZE(params), params);
    }
    if (res)
        id = PQntuples(res) ? db_int(res, 0, EVS_ID) : 0;
out:
    PQclear(res);
    if (id > 0 && db_commit(r->db))
        return id;
    db_rollback(r->db);
    return id > 0 ? -1 : id;
}

/* The form, new or for evidence_id; typed is what was sent (after an
 * error) or NULL; saved is the evidence_show row when editing. */
static void show_form(request *r, int status, long long evidence_id, const field_value *typed,
                      const PGresult *saved, const char *field, const char *error)
{
    bool editing = evidence_id != 0;
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s%s", error ? "Error: " : "",
                                            editing ? "Change evidence" : "Add evidence"),
                               "evidence/form.tpl");
    if (!d) {
        render_end(r, 500);
        return;
    }
    long long kind = saved   ? kind_index(db_text(saved, 0, ES_KIND))
                     : typed ? typed[F_KIND].num
                             : KIND_TEXT;
    tpl_set(d, "ACTION",
            editing ? arena_printf(r->mem, "/portfolio/evidence/%lld", evidence_id)
                    : "/portfolio/evidence");
    tpl_set(d, "KIND", kinds[kind]);
    tpl_show(d, editing ? "EDITING" : "CREATING");
    tpl_show(d, kind == KIND_TEXT   ? "TEXT_CHECKED"
                : kind == KIND_FILE ? "FILE_CHECKED"
                                    : "LINK_CHECKED");
    static const struct {
        const char *key;
        int field, column;
    } values[] = {{"TITLE", F_TITLE, ES_TITLE},
                  {"BODY", F_BODY, ES_BODY_MD},
                  {"URL", F_URL, ES_URL},
                  {"REFLECTION", F_REFLECTION, ES_REFLECTION_MD},
                  {"TAGS", F_TAGS, ES_TAGS},
                  {"HAPPENED_ON", F_DATE, ES_HAPPENED_ON},
                  {"VERSION", F_VERSION, ES_VERSION}};
    /* What was typed wins, except the version: after a conflict the form
     * carries the latest one, so that saving again is possible. */
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        bool from_saved = saved && (!typed || values[i].field == F_VERSION);
        tpl_set(d, values[i].key,
                from_saved ? db_text(saved, 0, values[i].column)
                : typed    ? typed[values[i].field].str
                           : "");
    }
    if (saved && !PQgetisnull(saved, 0, ES_FILE_ID))
        tpl_set(tpl_add_section(d, "CURRENT_FILE"), "FILENAME", db_text(saved, 0, ES_FILENAME));
    tpl_set_int(d, "MAX_MB", (long long)(tandem_config->limits.max_upload >> 20));
    if (error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "MESSAGE", error);
        tpl_set(e, "FIELD", field ? field : "title");
    }
    render_end(r, status);
}

/* The evidence named in the address (/portfolio/evidence/ID...) if it is
 * the signed-in person's, with its id in *id; else NULL having rendered the
 * error (404 for anything not theirs, as if it did not exist). */
static PGresult *find_mine(request *r, long long *id)
{
    if (!(*id = req_param_id(r, 0))) {
        render_error(r, 404, NOT_FOUND);
        return NULL;
    }
    const char *params[] = {req_id_text(r, *id), req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "evidence_show", ARRAY_SIZE(params), params);
    if (!res) {
        render_error(r, 503, DB_DOWN);
        return NULL;
    }
    if (PQntuples(res) != 1) {
        PQclear(res);
        render_error(r, 404, NOT_FOUND);
        return NULL;
    }
    return res;
}

void page_evidence_new(request *r)
{
    show_form(r, 200, 0, NULL, NULL, NULL, NULL);
}

void page_evidence_create(request *r)
{
    evidence_input in = {.creating = true};
    const char *err, *field;
    if (!read_input(r, &in, &err, &field)) {
        show_form(r, 400, 0, in.v, NULL, field, err);
        return;
    }
    long long id = save(r, &in, 0);
    if (id <= 0) {
        render_error(r, 503,
                     "Your evidence was not saved. Go back: what you wrote is still in "
                     "the form.");
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/portfolio/evidence/%lld?done=saved", id));
}

void page_evidence_edit(request *r)
{
    long long id;
    PGresult *res = find_mine(r, &id);
    if (!res)
        return;
    show_form(r, 200, id, NULL, res, NULL, NULL);
    PQclear(res);
}

void page_evidence_update(request *r)
{
    long long id;
    PGresult *saved = find_mine(r, &id);
    if (!saved)
        return;
    evidence_input in = {.creating = false, .saved_kind = kind_index(db_text(saved, 0, ES_KIND))};
    PQclear(saved);
    const char *err, *field;
    bool ok = read_input(r, &in, &err, &field);
    if (!ok) {
        show_form(r, 400, id, in.v, NULL, field, err);
        return;
    }
    long long saved_id = save(r, &in, id);
    if (saved_id == 0 && (saved = find_mine(r, &id))) {
        show_form(r, 409, id, in.v, saved, "title",
                  "This evidence was changed in another window after you opened this form. "
                  "Your changes are below: check them against the latest version, then save "
                  "again.");
        PQclear(saved);
        return;
    }
    if (saved_id == 0)
        return; /* it was deleted meanwhile: find_mine said so */
    if (saved_id < 0) {
        render_error(r, 503, "Your changes were not saved. Go back: they are still in the form.");
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "/portfolio/evidence/%lld?done=saved", id));
}

static const char *done_message(request *r)
{
    const http_field *done = req_query(r, "done");
    return done && strcmp(done->value, "saved") == 0 ? "Your evidence has been saved." : NULL;
}

static const char *human_size(request *r, long long bytes)
{
    if (bytes < 1024)
        return arena_printf(r->mem, "%lld bytes", bytes);
    if (bytes < 1024 * 1024)
        return arena_printf(r->mem, "%.0f KB", bytes / 1024.0);
    return arena_printf(r->mem, "%.1f MB", bytes / (1024.0 * 1024.0));
}

static void fill_file(request *r, tpl_dict *d, const PGresult *res)
{
    tpl_dict *f = tpl_add_section(d, "FILE");
    const char *name = db_text(res, 0, ES_FILENAME), *type = db_text(res, 0, ES_CONTENT_TYPE);
    const char *href = arena_printf(r->mem, "/files/%s/%s", db_text(res, 0, ES_FILE_ID),
                                    http_percent_encode(r->mem, name, ""));
    tpl_set(f, "HREF", href);
    tpl_set(f, "FILENAME", name);
    tpl_set(f, "TYPE", type);
    tpl_set(f, "SIZE", human_size(r, db_int(res, 0, ES_SIZE)));
    if (inline_image(type))
        tpl_set(tpl_add_section(f, "IMAGE"), "SRC", href);
}

void page_evidence_show(request *r)
{
    long long id;
    PGresult *res = find_mine(r, &id);
    if (!res)
        return;
    tpl_dict *d = render_begin(r, db_text(res, 0, ES_TITLE), "evidence/show.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(res, 0, ES_ID));
        tpl_set(d, "TITLE", db_text(res, 0, ES_TITLE));
        tpl_set(d, "UPDATED", db_text(res, 0, ES_UPDATED));
        const char *done = done_message(r);
        if (done)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE", done);
        /* body_html and reflection_html were rendered and sanitised on
         * save (core/richtext.c): the only user HTML emitted unescaped. */
        if (*db_text(res, 0, ES_BODY_HTML))
            tpl_set_html(tpl_add_section(d, "BODY"), "BODY_HTML",
                         html_from_db(db_text(res, 0, ES_BODY_HTML)));
        if (!PQgetisnull(res, 0, ES_URL))
            tpl_set(tpl_add_section(d, "LINK"), "URL", db_text(res, 0, ES_URL));
        if (!PQgetisnull(res, 0, ES_FILE_ID))
            fill_file(r, d, res);
        if (*db_text(res, 0, ES_REFLECTION_HTML))
            tpl_set_html(tpl_add_section(d, "REFLECTION"), "REFLECTION_HTML",
                         html_from_db(db_text(res, 0, ES_REFLECTION_HTML)));
        if (*db_text(res, 0, ES_TAGS))
            tpl_set(tpl_add_section(d, "TAGS"), "TAGS", db_text(res, 0, ES_TAGS));
        if (*db_text(res, 0, ES_DATE))
            tpl_set(tpl_add_section(d, "DATE"), "DATE", db_text(res, 0, ES_DATE));
    }
    PQclear(res);
    render_end(r, 200);
}

static const char *kind_label(const char *kind)
{
    return strcmp(kind, "file") == 0 ? "File" : strcmp(kind, "link") == 0 ? "Link" : "Text";
}

/* My evidence, newest first, optionally only that with one tag; and every
 * tag I use, to filter by. */
void page_portfolio_index(request *r)
{
    const http_field *tag = req_query(r, "tag");
    const char *params[] = {req_id_text(r, r->user->id), tag ? tag->value : ""};
    PGresult *list = db_run(r->db, "evidence_list", ARRAY_SIZE(params), params);
    PGresult *tags = list ? db_run(r->db, "evidence_tags", 1, params) : NULL;
    PGresult *pages = tags ? db_run(r->db, "evidence_pages", 1, params) : NULL;
    PGresult *collections = pages ? db_run(r->db, "evidence_collections", 1, params) : NULL;
    if (!collections) {
        PQclear(list);
        PQclear(tags);
        PQclear(pages);
        render_error(r, 503, DB_DOWN);
        return;
    }
    tpl_dict *d = render_begin(r, "Your portfolio", "evidence/index.tpl");
    if (d) {
        for (int i = 0; i < PQntuples(pages); i++) {
            tpl_dict *p = tpl_add_section(d, "PAGE");
            tpl_set(p, "ID", db_text(pages, i, EP_ID));
            tpl_set(p, "TITLE", db_text(pages, i, EP_TITLE));
            tpl_set(p, "BLOCKS",
                    db_int(pages, i, EP_BLOCKS) == 1
                        ? "1 block"
                        : arena_printf(r->mem, "%s blocks", db_text(pages, i, EP_BLOCKS)));
            if (strcmp(db_text(pages, i, EP_SHARED), "t") == 0)
                tpl_show(p, "SHARED");
        }
        tpl_show(d, PQntuples(pages) ? "HAS_PAGES" : "NO_PAGES");
        for (int i = 0; i < PQntuples(collections); i++) {
            tpl_dict *c = tpl_add_section(d, "COLLECTION");
            tpl_set(c, "ID", db_text(collections, i, EC_ID));
            tpl_set(c, "TITLE", db_text(collections, i, EC_TITLE));
            tpl_set(c, "PAGES",
                    db_int(collections, i, EC_PAGES) == 1
                        ? "1 page"
                        : arena_printf(r->mem, "%s pages", db_text(collections, i, EC_PAGES)));
        }
        tpl_show(d, PQntuples(collections) ? "HAS_COLLECTIONS" : "NO_COLLECTIONS");
        if (tag && *tag->value)
            tpl_set(tpl_add_section(d, "FILTERED"), "TAG", tag->value);
        for (int i = 0; i < PQntuples(tags); i++) {
            tpl_dict *t = tpl_add_section(d, "TAG_FILTER");
            tpl_set(t, "TAG", db_text(tags, i, ET_TAG));
            tpl_set(t, "COUNT", db_text(tags, i, ET_COUNT));
        }
        if (PQntuples(tags))
            tpl_show(d, "HAS_TAGS");
        tpl_dict *items = PQntuples(list) ? tpl_add_section(d, "ITEMS") : NULL;
        for (int i = 0; items && i < PQntuples(list); i++) {
            tpl_dict *e = tpl_add_section(items, "ITEM");
            tpl_set(e, "ID", db_text(list, i, EL_ID));
            tpl_set(e, "KIND", kind_label(db_text(list, i, EL_KIND)));
            tpl_set(e, "TITLE", db_text(list, i, EL_TITLE));
            tpl_set(e, "TAGS", db_text(list, i, EL_TAGS));
            tpl_set(e, "DATE",
                    *db_text(list, i, EL_HAPPENED_ON) ? db_text(list, i, EL_HAPPENED_ON)
                                                      : db_text(list, i, EL_UPDATED));
        }
        if (!items)
            tpl_show(d, tag && *tag->value ? "NO_MATCH" : "EMPTY");
    }
    PQclear(list);
    PQclear(tags);
    PQclear(pages);
    PQclear(collections);
    render_end(r, 200);
}

void page_evidence_confirm_delete(request *r)
{
    long long id;
    PGresult *res = find_mine(r, &id);
    if (!res)
        return;
    tpl_dict *d = render_begin(r, "Delete evidence", "evidence/delete.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(res, 0, ES_ID));
        tpl_set(d, "TITLE", db_text(res, 0, ES_TITLE));
    }
    PQclear(res);
    render_end(r, 200);
}

/* Deletes the evidence and, if nothing else uses it, its file. */
void page_evidence_delete(request *r)
{
    long long id = req_param_id(r, 0);
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    if (!id || !db_begin(r->db)) {
        render_error(r, id ? 503 : 404, id ? DB_DOWN : NOT_FOUND);
        return;
    }
    PGresult *res = db_run(r->db, "evidence_delete", ARRAY_SIZE(params), params);
    bool found = res && PQntuples(res) == 1;
    bool ok = res != NULL;
    if (found && !PQgetisnull(res, 0, ED_FILE_ID)) {
        const char *file[] = {db_text(res, 0, ED_FILE_ID)};
        PGresult *f = db_run(r->db, "evidence_file_delete", ARRAY_SIZE(file), file);
        ok = f != NULL;
        PQclear(f);
    }
    PQclear(res);
    if (!ok || !found || !db_commit(r->db)) {
        db_rollback(r->db);
        render_error(r, ok ? 404 : 503, ok ? NOT_FOUND : DB_DOWN);
        return;
    }
    resp_redirect(r, "/portfolio");
}

/* Sends file :id as it was uploaded to whoever may see it (link: a secret
 * link's hash, or ""): images inline, everything else as a download, never
 * interpreted by the browser as a page of Tandem. */
static void send_file(request *r, long long id, const char *link)
{
    const char *params[] = {req_id_text(r, id), r->user ? req_id_text(r, r->user->id) : "", link};
    PGresult *res =
        id ? db_run_binary(r->db, "file_fetch", ARRAY_SIZE(params), params, NULL, NULL, true)
           : NULL;
    if (!res || PQntuples(res) != 1) {
        render_error(r, res || !id ? 404 : 503, res || !id ? "There is no such file." : DB_DOWN);
        PQclear(res);
        return;
    }
    /* Copies: the response is written after res is cleared. */
    const char *name = arena_strdup(r->mem, PQgetvalue(res, 0, FF_FILENAME));
    const char *type = arena_strdup(r->mem, PQgetvalue(res, 0, FF_CONTENT_TYPE));
    bool image = inline_image(type);
    resp_header(r, "Content-Security-Policy", "sandbox; default-src 'none'");
    /* RFC 6266: filename* carries any name; the plain one is a safe fallback. */
    resp_header(r, "Content-Disposition",
                arena_printf(r->mem, "%s; filename=\"download\"; filename*=UTF-8''%s",
                             image ? "inline" : "attachment",
                             http_percent_encode(r->mem, name, "")));
    resp_bytes(r, 200, type, PQgetvalue(res, 0, FF_BYTES), (size_t)PQgetlength(res, 0, FF_BYTES));
    PQclear(res);
}

/* GET /files/:id/:name */
void page_file_download(request *r)
{
    send_file(r, req_param_id(r, 0), "");
}

/* GET /s/:token/files/:id/:name: a file on a page shared by secret link. */
void page_link_file_download(request *r)
{
    long long page_id, collection_id;
    const char *link = link_open(r, r->params[0], &page_id, &collection_id);
    if (link)
        send_file(r, req_param_id(r, 1), link);
}
