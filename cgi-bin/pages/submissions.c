/* submissions: handing a page or a collection to a tutor for assessment.
 * Submitting freezes a copy: HTML rendered once, at that moment, from the
 * same sanitised parts the page is shown with everywhere (page_view.c),
 * while submission_files keeps the files it shows alive, so the tutor
 * reviews exactly what was handed in and the owner goes on changing the
 * live page. A submission is seen only by its owner and its tutor, who talk
 * about it in its comments; for anyone else it does not exist (404). */
#include <stdio.h>
#include <string.h>

#include "../core/notify.h"
#include "../core/richtext.h"
#include "portfolio.h"

/* submission_page_rows and submission_collection_rows: what is submitted,
 * as PAGE_BLOCK_COLUMNS rows, then its title and an introduction (a
 * collection's description). */
enum { SR_TITLE = PB_N_COLUMNS, SR_INTRO_HTML, SUBMISSION_ROWS_COLUMNS };

/* submission_page_title and submission_collection_title. */
enum { STI_TITLE, SUBMISSION_TITLE_COLUMNS };
/* submission_tutors: one row a tutor. */
enum { STU_ID, STU_NAME, SUBMISSION_TUTORS_COLUMNS };
/* submission_insert: the submission saved. */
enum { SI_ID, SUBMISSION_INSERT_COLUMNS };
/* submission_list: one row a submission. */
enum { SL_ID, SL_TITLE, SL_MINE, SL_OTHER_NAME, SL_DATE, SL_REVIEWED, SUBMISSION_LIST_COLUMNS };
/* submission_show: the submission. */
enum {
    SS_ID,
    SS_TITLE,
    SS_OWNER_ID,
    SS_TUTOR_ID,
    SS_OWNER_NAME,
    SS_TUTOR_NAME,
    SS_PAGE_ID,
    SS_COLLECTION_ID,
    SS_NOTE_HTML,
    SS_SNAPSHOT_HTML,
    SS_SUBMITTED,
    SS_REVIEWED,
    SUBMISSION_SHOW_COLUMNS
};
/* submission_comment_insert: the comment saved, and who hears of it. */
enum { SCI_ID, SCI_OWNER_ID, SCI_TUTOR_ID, SCI_TITLE, SUBMISSION_COMMENT_INSERT_COLUMNS };
/* submission_review: the owner to tell, and whether this was the first time. */
enum { SRV_OWNER_ID, SRV_TITLE, SRV_FRESH, SUBMISSION_REVIEW_COLUMNS };

const db_statement submission_statements[] = {
    /* The owner's ($2) page or collection $1. */
    {"submission_page_title", "SELECT title FROM portfolio_pages WHERE id = $1 AND owner_id = $2",
     SUBMISSION_TITLE_COLUMNS},
    {"submission_collection_title", "SELECT title FROM collections WHERE id = $1 AND owner_id = $2",
     SUBMISSION_TITLE_COLUMNS},
    /* Whom $1 (at college $2) may submit to: the tutors at the college
     * who support them (supported_learners: their tutors, and a mentor in
     * force who tutors too). */
    {"submission_tutors",
     "SELECT u.id, u.display_name FROM users u"
     " WHERE u.institution_id = $2 AND u.id <> $1 AND u.status = 'active'"
     "   AND u.id IN (SELECT user_id FROM memberships WHERE institution_id = $2 AND role = 'tutor')"
     "   AND EXISTS (SELECT 1 FROM supported_learners(u.id) x WHERE x.learner_id = $1)"
     " ORDER BY u.display_name, u.id",
     SUBMISSION_TUTORS_COLUMNS},
    /* The owner's ($2) page $1 with its blocks in order. */
    {"submission_page_rows",
     "SELECT " PAGE_BLOCK_COLUMNS ", p.title, ''"
     "  FROM portfolio_pages p" PAGE_BLOCK_JOINS
     " WHERE p.id = $1 AND p.owner_id = $2 ORDER BY b.position",
     SUBMISSION_ROWS_COLUMNS},
    /* Every page of the owner's ($2) collection $1 in order, each with its
     * blocks in order; an empty collection gives one row of NULL pages. */
    {"submission_collection_rows",
     "SELECT " PAGE_BLOCK_COLUMNS ", c.title, c.description_html"
     "  FROM collections c LEFT JOIN collection_pages cp ON cp.collection_id = c.id"
     "  LEFT JOIN portfolio_pages p ON p.id = cp.page_id" PAGE_BLOCK_JOINS
     " WHERE c.id = $1 AND c.owner_id = $2 ORDER BY cp.position, b.position",
     SUBMISSION_ROWS_COLUMNS},
    /* Nothing is inserted unless the tutor ($3) supports the owner ($2)
     * now: a tutor id made up in the form saves nothing. */
    {"submission_insert",
     "INSERT INTO submissions (institution_id, owner_id, tutor_id, page_id, collection_id, title,"
     "  note_md, note_html, snapshot_html)"
     " SELECT $1, $2, u.id, NULLIF($4, '')::bigint, NULLIF($5, '')::bigint, $6, $7, $8, $9"
     "   FROM users u"
     "  WHERE u.id = $3 AND u.institution_id = $1 AND u.id <> $2 AND u.status = 'active'"
     "    AND EXISTS (SELECT 1 FROM supported_learners(u.id) x WHERE x.learner_id = $2)"
     " RETURNING id",
     SUBMISSION_INSERT_COLUMNS},
    {"submission_files_insert",
     "INSERT INTO submission_files (submission_id, file_id)"
     " SELECT DISTINCT $1::bigint, f FROM unnest($2::bigint[]) f",
     0},
    /* The route's prefetch ($1 the session token's hash): what the person
     * submitted and what was submitted to them, newest first, each with the
     * other party's name (readable_submissions). */
    {"submission_list",
     "SELECT s.id, s.title, s.owner_id = v.id, o.display_name,"
     "       to_char(s.submitted_at, '" SQL_DAY "'), s.reviewed_at IS NOT NULL"
     "  FROM session_viewer($1) v CROSS JOIN readable_submissions(v.id) s"
     "  JOIN users o ON o.id = CASE WHEN s.owner_id = v.id THEN s.tutor_id ELSE s.owner_id END"
     " ORDER BY s.submitted_at DESC, s.id DESC LIMIT 500",
     SUBMISSION_LIST_COLUMNS},
    /* Submission $1 if the viewer ($2) reads it: its owner or its tutor
     * (readable_submissions). */
    {"submission_show",
     "SELECT s.id, s.title, s.owner_id, s.tutor_id, o.display_name, t.display_name, s.page_id,"
     "       s.collection_id, s.note_html, s.snapshot_html,"
     "       to_char(s.submitted_at, '" SQL_DAY " \"at\" HH24:MI'),"
     "       to_char(s.reviewed_at, '" SQL_DAY " \"at\" HH24:MI')"
     "  FROM readable_submissions($2) s JOIN users o ON o.id = s.owner_id"
     "  JOIN users t ON t.id = s.tutor_id"
     " WHERE s.id = $1",
     SUBMISSION_SHOW_COLUMNS},
    /* In page_comments' columns, so that comments.c shows them the same
     * way: nothing is hidden or deleted here. */
    {"submission_comments",
     "SELECT c.id, a.display_name, c.body_html, c.is_feedback, false,"
     "       to_char(c.created_at, '" SQL_DAY " \"at\" HH24:MI'),"
     "       false, false, false"
     "  FROM readable_submissions($2) s"
     "  JOIN comments c ON c.submission_id = s.id"
     "  JOIN users a ON a.id = c.author_id"
     " WHERE s.id = $1"
     " ORDER BY c.created_at, c.id",
     PAGE_COMMENTS_COLUMNS},
    /* Only the owner and the tutor ($2) comment; the tutor's is feedback. */
    {"submission_comment_insert",
     "WITH s AS (SELECT id, institution_id, owner_id, tutor_id, title"
     "             FROM readable_submissions($2) WHERE id = $1),"
     "     c AS (INSERT INTO comments (institution_id, submission_id, author_id, body_md,"
     "                                 body_html, is_feedback)"
     "           SELECT institution_id, id, $2, $3, $4, tutor_id = $2 FROM s RETURNING id)"
     " SELECT c.id, s.owner_id, s.tutor_id, s.title FROM c, s",
     SUBMISSION_COMMENT_INSERT_COLUMNS},
    /* The tutor ($2) marks it reviewed; the first time is the one kept, and
     * fresh says whether this was it. */
    {"submission_review",
     "WITH s AS (SELECT x.id, x.owner_id, x.title, x.reviewed_at IS NULL AS fresh"
     "             FROM submissions x JOIN readable_submissions($2) r ON r.id = x.id"
     "            WHERE x.id = $1 AND x.tutor_id = $2 FOR UPDATE OF x)"
     " UPDATE submissions u SET reviewed_at = COALESCE(u.reviewed_at, now()) FROM s"
     "  WHERE u.id = s.id RETURNING s.owner_id, s.title, s.fresh",
     SUBMISSION_REVIEW_COLUMNS},
    {NULL, NULL},
};

#define FAILED "Sorry, something went wrong. Nothing was saved: try again."
#define NO_SUBMISSION "There is no such submission."

/* What can be submitted: a page or a collection, and where it lives. */
typedef struct {
    const char *noun; /* as people call it */
    const char *path; /* the owner's editor, before "/<id>" */
    const char *title_statement;
    const char *rows_statement;
    const char *not_found;
    bool collection;
} submittable;

static const submittable page_kind = {"page",
                                      "/portfolio/pages",
                                      "submission_page_title",
                                      "submission_page_rows",
                                      "There is no such page in your portfolio.",
                                      false};
static const submittable collection_kind = {"collection",
                                            "/portfolio/collections",
                                            "submission_collection_title",
                                            "submission_collection_rows",
                                            "There is no such collection in your portfolio.",
                                            true};

enum { S_TUTOR, S_NOTE, N_SUBMIT_FIELDS };
static const field_spec submit_fields[N_SUBMIT_FIELDS] = {
    [S_TUTOR] = {"tutor_id", "the tutor", FIELD_ID, false, 0, 0, NULL},
    [S_NOTE] = {"note", "your note", FIELD_STRING, false, 0, 20000, NULL},
};

/* The radio list of tutors (the one chosen before checked), the note as
 * typed and, after a refusal, why, next to the field it is about. */
static void fill_submit_form(request *r, tpl_dict *form, const PGresult *tutors,
                             const char *tutor_id, const char *note, const char *error)
{
    for (int i = 0; i < PQntuples(tutors); i++) {
        tpl_dict *t = tpl_add_section(form, "TUTOR");
        /* The first radio's id is the field's name, so that the error
         * summary's link lands on the list. */
        tpl_set(t, "HTML_ID", i ? arena_printf(r->mem, "tutor_id-%d", i + 1) : "tutor_id");
        tpl_set(t, "ID", db_text(tutors, i, STU_ID));
        tpl_set(t, "NAME", db_text(tutors, i, STU_NAME));
        if (strcmp(tutor_id, db_text(tutors, i, STU_ID)) == 0)
            tpl_show(t, "CHECKED");
    }
    tpl_set(form, "NOTE", note);
    if (error) {
        bool on_note = r->invalid_field && strcmp(r->invalid_field, "note") == 0;
        tpl_set(tpl_add_section(form, on_note ? "NOTE_ERROR" : "TUTOR_ERROR"), "MESSAGE", error);
    }
}

/* The form to submit what k names (the path's id) to one of the owner's
 * tutors. If the owner has no tutor, it says so and why, instead. */
static void show_submit_form(request *r, const submittable *k, int status, const char *tutor_id,
                             const char *note, const char *error)
{
    long long id = req_param_id(r, 0);
    if (!id) {
        render_error(r, 404, k->not_found);
        return;
    }
    const char *target[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    const char *person[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id)};
    db_call calls[] = {{k->title_statement, ARRAY_SIZE(target), target},
                       {"submission_tutors", ARRAY_SIZE(person), person}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
    } else if (PQntuples(res[0]) != 1) {
        render_error(r, 404, k->not_found);
    } else {
        const char *title = db_text(res[0], 0, STI_TITLE);
        tpl_dict *d = render_begin(
            r, arena_printf(r->mem, "%sSubmit “%s” for assessment", error ? "Error: " : "", title),
            "submissions/new.tpl");
        if (d) {
            tpl_set(d, "TITLE", title);
            tpl_set(d, "NOUN", k->noun);
            tpl_set(d, "BACK", arena_printf(r->mem, "%s/%lld", k->path, id));
            tpl_set(d, "ACTION", arena_printf(r->mem, "%s/%lld/submit", k->path, id));
            if (PQntuples(res[1]) == 0) {
                tpl_show(d, "NO_TUTORS");
            } else {
                fill_submit_form(r, tpl_add_section(d, "FORM"), res[1], tutor_id, note, error);
                if (error) {
                    tpl_dict *e = tpl_add_section(d, "ERROR");
                    tpl_set(e, "MESSAGE", error);
                    tpl_set(e, "FIELD",
                            r->invalid_field && strcmp(r->invalid_field, "note") == 0 ? "note"
                                                                                      : "tutor_id");
                }
            }
        }
        render_end(r, status);
    }
    PQclear(res[0]);
    PQclear(res[1]);
}

void page_submission_page_form(request *r)
{
    show_submit_form(r, &page_kind, 200, "", "", NULL);
}

void page_submission_collection_form(request *r)
{
    show_submit_form(r, &collection_kind, 200, "", "", NULL);
}

/* Each page of a collection's rows (grouped, in order) under its title. */
static bool fill_collection(request *r, tpl_dict *d, const PGresult *rows)
{
    static const block_style style = {"/files", false, 4};
    if (*db_text(rows, 0, SR_INTRO_HTML))
        tpl_set_html(tpl_add_section(d, "INTRO"), "INTRO_HTML",
                     html_from_db(db_text(rows, 0, SR_INTRO_HTML))); /* sanitised on save */
    if (PQgetisnull(rows, 0, PB_PAGE_ID)) {
        tpl_show(d, "NO_PAGES");
        return true;
    }
    /* The rows come page by page, each page's blocks in order. */
    for (int first = 0, next; first < PQntuples(rows); first = next) {
        const char *page_id = db_text(rows, first, PB_PAGE_ID);
        for (next = first + 1;
             next < PQntuples(rows) && strcmp(db_text(rows, next, PB_PAGE_ID), page_id) == 0;
             next++)
            ;
        int n = PQgetisnull(rows, first, PB_BLOCK_ID) ? 0 : next - first;
        const safe_html *blocks = page_blocks_html(r, rows, first, n, &style);
        if (!blocks)
            return false;
        tpl_dict *page = tpl_add_section(d, "PAGE");
        tpl_set(tpl_add_section(page, "HEADING"), "TITLE", db_text(rows, first, PB_TITLE));
        page_set_blocks(page, html_from_db(db_text(rows, first, PB_DESCRIPTION_HTML)), blocks);
    }
    return true;
}

/* The ids of the files the rows show, as a PostgreSQL array literal. */
static const char *shown_files(request *r, const PGresult *rows)
{
    buf ids = {0};
    bool ok = buf_puts(&ids, "{");
    for (int i = 0; i < PQntuples(rows); i++)
        if (!PQgetisnull(rows, i, PB_FILE_ID))
            ok = ok &&
                 buf_printf(&ids, "%s%s", ids.len > 1 ? "," : "", db_text(rows, i, PB_FILE_ID));
    ok = ok && buf_puts(&ids, "}");
    const char *out = ok ? arena_strdup(r->mem, ids.data) : NULL;
    buf_free(&ids);
    return out;
}

/* The frozen copy's HTML: the rows expanded with snapshot.tpl, the blocks
 * shown as everywhere else (portfolio_view/blocks.tpl). Every piece of it is
 * escaped by the template or was sanitised on save, so it may be emitted
 * unescaped later. NULL if expansion failed. */
static const char *render_snapshot(request *r, const submittable *k, const PGresult *rows)
{
    static const block_style page_style = {"/files", false, 3};
    tpl_dict *d = tpl_dict_new();
    if (!d)
        return NULL;
    bool filled;
    if (k->collection) {
        filled = fill_collection(r, d, rows);
    } else {
        const safe_html *blocks = page_blocks_html(r, rows, 0, page_block_count(rows), &page_style);
        if ((filled = blocks != NULL))
            page_set_blocks(tpl_add_section(d, "PAGE"),
                            html_from_db(db_text(rows, 0, PB_DESCRIPTION_HTML)), blocks);
    }
    if (!filled) {
        tpl_dict_free(d);
        return NULL;
    }
    return tpl_html_str(render_fragment(r, "submissions/snapshot.tpl", d));
}

enum freeze_result { FROZEN, FREEZE_DB_FAILED, FREEZE_NOT_FOUND, FREEZE_NOT_TUTOR, FREEZE_FAILED };

/* Inside the caller's transaction: reads what is submitted, renders its
 * snapshot, stores the submission with its files and tells the tutor.
 * *submission_id is set when FROZEN. */
static enum freeze_result freeze(request *r, const submittable *k, long long id,
                                 const field_value *v, const char *note_html,
                                 const char **submission_id)
{
    const char *target[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    PGresult *rows = db_run(r->db, k->rows_statement, ARRAY_SIZE(target), target);
    if (!rows)
        return FREEZE_DB_FAILED;
    enum freeze_result result = FREEZE_NOT_FOUND;
    const char *snapshot = NULL, *files = NULL, *title = NULL;
    if (PQntuples(rows) > 0) {
        title = arena_strdup(r->mem, db_text(rows, 0, SR_TITLE));
        snapshot = render_snapshot(r, k, rows);
        files = shown_files(r, rows);
        result = snapshot && files && title ? FROZEN : FREEZE_FAILED;
    }
    PQclear(rows);
    if (result != FROZEN)
        return result;
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            req_id_text(r, r->user->id),
                            v[S_TUTOR].str,
                            k->collection ? "" : target[0],
                            k->collection ? target[0] : "",
                            title,
                            v[S_NOTE].str,
                            note_html,
                            snapshot};
    PGresult *ins = db_run(r->db, "submission_insert", ARRAY_SIZE(params), params);
    if (!ins || PQntuples(ins) != 1) {
        PQclear(ins);
        return ins ? FREEZE_NOT_TUTOR : FREEZE_DB_FAILED;
    }
    *submission_id = arena_strdup(r->mem, db_text(ins, 0, SI_ID));
    PQclear(ins);
    const char *file_params[] = {*submission_id, files};
    PGresult *kept = db_run(r->db, "submission_files_insert", ARRAY_SIZE(file_params), file_params);
    PQclear(kept);
    if (!kept)
        return FREEZE_DB_FAILED;
    bool told = notify(
        r, v[S_TUTOR].num, "submission",
        arena_printf(r->mem, "%s submitted “%s” for assessment", r->user->display_name, title),
        arena_printf(r->mem, "/submissions/%s", *submission_id));
    return told ? FROZEN : FREEZE_DB_FAILED;
}

/* POST: submits what k names to the chosen tutor, all in one transaction,
 * and opens the submission. */
static void submit(request *r, const submittable *k)
{
    long long id = req_param_id(r, 0);
    field_value v[N_SUBMIT_FIELDS];
    const char *err;
    if (!id) {
        render_error(r, 404, k->not_found);
        return;
    }
    if (!form_validate(r, submit_fields, N_SUBMIT_FIELDS, v, &err)) {
        show_submit_form(r, k, 400, v[S_TUTOR].str, v[S_NOTE].str, err);
        return;
    }
    if (!v[S_TUTOR].present) {
        show_submit_form(r, k, 400, "", v[S_NOTE].str, "Choose who should assess it.");
        return;
    }
    const char *note_html = richtext_to_arena(r->mem, v[S_NOTE].str);
    if (!note_html) {
        render_error(r, 500, FAILED);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    const char *submission_id = NULL;
    enum freeze_result result = freeze(r, k, id, v, note_html, &submission_id);
    if (result == FROZEN && !db_commit(r->db))
        result = FREEZE_DB_FAILED;
    if (result != FROZEN)
        db_rollback(r->db);
    switch (result) {
    case FROZEN: resp_redirect(r, arena_printf(r->mem, "/submissions/%s", submission_id)); break;
    case FREEZE_NOT_FOUND: render_error(r, 404, k->not_found); break;
    case FREEZE_NOT_TUTOR:
        show_submit_form(r, k, 400, "", v[S_NOTE].str,
                         "The person chosen is not one of your tutors. Choose one of the "
                         "people listed.");
        break;
    case FREEZE_FAILED: render_error(r, 500, FAILED); break;
    case FREEZE_DB_FAILED: render_db_failed(r); break;
    }
}

void page_submission_page_create(request *r)
{
    submit(r, &page_kind);
}

void page_submission_collection_create(request *r)
{
    submit(r, &collection_kind);
}

/* One row of the list: title, the other party, date and status. */
static void fill_list_row(tpl_dict *row, const PGresult *res, int i)
{
    tpl_set(row, "ID", db_text(res, i, SL_ID));
    tpl_set(row, "TITLE", db_text(res, i, SL_TITLE));
    tpl_set(row, "WHO", db_text(res, i, SL_OTHER_NAME));
    tpl_set(row, "DATE", db_text(res, i, SL_DATE));
    tpl_show(row, strcmp(db_text(res, i, SL_REVIEWED), "t") == 0 ? "REVIEWED" : "SUBMITTED");
}

/* GET /submissions: what the person submitted and what was submitted to
 * them, each list shown only when it has something in it. */
void page_submission_list(request *r)
{
    const PGresult *res = r->prefetched;
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Submissions", "submissions/index.tpl");
    if (d) {
        tpl_dict *mine = NULL, *to_me = NULL;
        for (int i = 0; i < PQntuples(res); i++) {
            bool own = strcmp(db_text(res, i, SL_MINE), "t") == 0;
            tpl_dict **list = own ? &mine : &to_me;
            if (!*list)
                *list = tpl_add_section(d, own ? "MINE" : "TO_ME");
            fill_list_row(tpl_add_section(*list, "ROW"), res, i);
        }
        if (!PQntuples(res))
            tpl_show(d, "NONE");
    }
    render_end(r, 200);
}

/* Who the viewer is to the submission and what they may do: the owner
 * sees the way to the live page, the tutor the button to mark it reviewed. */
static void fill_roles(request *r, tpl_dict *d, const PGresult *s)
{
    bool owner = db_int(s, 0, SS_OWNER_ID) == r->user->id;
    bool reviewed = !PQgetisnull(s, 0, SS_REVIEWED);
    if (owner) {
        tpl_dict *o = tpl_add_section(d, "OWNER_VIEW");
        bool page = !PQgetisnull(s, 0, SS_PAGE_ID),
             collection = !PQgetisnull(s, 0, SS_COLLECTION_ID);
        tpl_set(o, "TUTOR", db_text(s, 0, SS_TUTOR_NAME));
        if (page || collection) {
            tpl_dict *live = tpl_add_section(o, "LIVE");
            tpl_set(live, "NOUN", page ? "page" : "collection");
            tpl_set(live, "HREF",
                    arena_printf(r->mem, "%s/%s", page ? page_kind.path : collection_kind.path,
                                 db_text(s, 0, page ? SS_PAGE_ID : SS_COLLECTION_ID)));
        } else {
            tpl_show(o, "GONE");
        }
    } else {
        tpl_set(tpl_add_section(d, "TUTOR_VIEW"), "OWNER", db_text(s, 0, SS_OWNER_NAME));
        if (!reviewed)
            tpl_set(tpl_add_section(d, "CAN_REVIEW"), "OWNER", db_text(s, 0, SS_OWNER_NAME));
    }
}

/* What was submitted, by whom, to whom, when, its status and note, and
 * the frozen copy itself. */
static void fill_submission(tpl_dict *d, const PGresult *s)
{
    tpl_set(d, "ID", db_text(s, 0, SS_ID));
    tpl_set(d, "TITLE", db_text(s, 0, SS_TITLE));
    tpl_set(d, "OWNER", db_text(s, 0, SS_OWNER_NAME));
    tpl_set(d, "TUTOR", db_text(s, 0, SS_TUTOR_NAME));
    tpl_set(d, "SUBMITTED", db_text(s, 0, SS_SUBMITTED));
    if (PQgetisnull(s, 0, SS_REVIEWED))
        tpl_show(d, "NOT_REVIEWED");
    else
        tpl_set(tpl_add_section(d, "REVIEWED"), "WHEN", db_text(s, 0, SS_REVIEWED));
    if (*db_text(s, 0, SS_NOTE_HTML)) /* sanitised on save */
        tpl_set_html(tpl_add_section(d, "NOTE"), "NOTE_HTML",
                     html_from_db(db_text(s, 0, SS_NOTE_HTML)));
    /* Built by snapshot.tpl from escaped and sanitised parts. */
    tpl_set_html(d, "SNAPSHOT_HTML", html_from_db(db_text(s, 0, SS_SNAPSHOT_HTML)));
}

/* The submission as frozen, with its comments and the form to add one;
 * error and draft come back from a refused comment. Whoever is neither its
 * owner nor its tutor gets 404. */
static void show_submission(request *r, int status, const char *error, const char *draft)
{
    long long id = req_param_id(r, 0);
    if (!id) {
        render_error(r, 404, NO_SUBMISSION);
        return;
    }
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    db_call calls[] = {{"submission_show", ARRAY_SIZE(params), params},
                       {"submission_comments", ARRAY_SIZE(params), params}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
    } else if (PQntuples(res[0]) != 1) {
        render_error(r, 404, NO_SUBMISSION);
    } else {
        const char *title = db_text(res[0], 0, SS_TITLE);
        tpl_dict *d = render_begin(
            r,
            arena_printf(r->mem, "%sSubmitted for assessment: %s", error ? "Error: " : "", title),
            "submissions/show.tpl");
        if (d) {
            fill_submission(d, res[0]);
            fill_roles(r, d, res[0]);
            bool owner = db_int(res[0], 0, SS_OWNER_ID) == r->user->id;
            const char *other = db_text(res[0], 0, owner ? SS_TUTOR_NAME : SS_OWNER_NAME);
            comments_fill(r, d, res[1],
                          &(comment_view){
                              arena_printf(r->mem, "/submissions/%lld", id), false, true,
                              arena_printf(r->mem, "Only you and %s can see comments here.", other),
                              error, draft});
            if (error)
                tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
        }
        render_end(r, status);
    }
    PQclear(res[0]);
    PQclear(res[1]);
}

void page_submission_show(request *r)
{
    show_submission(r, 200, NULL, "");
}

/* The comment's refusal in words: empty, too long, or the form is wrong. */
static const char *comment_problem(const request *r, const field_value *body, const char *err)
{
    if (!r->invalid_field)
        return err;
    return body->present ? "Your comment is too long: keep it under 20,000 characters."
                         : "Write your comment before posting it.";
}

/* Ends a change to a submission inside the caller's transaction: commits
 * and goes to where, or rolls back and says why (404 when the submission
 * is not this person's to change). */
static void finish_change(request *r, bool ok, bool found, const char *where)
{
    if (ok && found && db_commit(r->db)) {
        resp_redirect(r, where);
        return;
    }
    db_rollback(r->db);
    if (ok && !found)
        render_error(r, 404, NO_SUBMISSION);
    else
        render_db_failed(r);
}

/* POST /submissions/:id/comments: the owner or the tutor adds a comment
 * (the tutor's is feedback) and the other one hears of it. */
void page_submission_comment(request *r)
{
    long long id = req_param_id(r, 0);
    field_value v[1];
    const char *err;
    if (!id) {
        render_error(r, 404, NO_SUBMISSION);
        return;
    }
    if (!form_validate(r, comment_fields, 1, v, &err)) {
        show_submission(r, 400, comment_problem(r, &v[0], err), v[0].str);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[0].str);
    if (!html) {
        render_error(r, 500, FAILED);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id), v[0].str, html};
    PGresult *res = db_run(r->db, "submission_comment_insert", ARRAY_SIZE(params), params);
    bool found = res && PQntuples(res) == 1;
    bool ok = res != NULL;
    const char *comment_id = found ? arena_strdup(r->mem, db_text(res, 0, SCI_ID)) : NULL;
    if (found) {
        long long owner = db_int(res, 0, SCI_OWNER_ID), tutor = db_int(res, 0, SCI_TUTOR_ID);
        ok = notify(r, r->user->id == owner ? tutor : owner, "submission_comment",
                    arena_printf(r->mem, "%s commented on “%s”", r->user->display_name,
                                 db_text(res, 0, SCI_TITLE)),
                    arena_printf(r->mem, "/submissions/%lld#comment-%s", id, comment_id));
    }
    PQclear(res);
    finish_change(r, ok, found,
                  arena_printf(r->mem, "/submissions/%lld#comment-%s", id, comment_id));
}

/* POST /submissions/:id/reviewed: the tutor says they have reviewed it.
 * The first time is kept and the owner told; again changes nothing. */
void page_submission_reviewed(request *r)
{
    long long id = req_param_id(r, 0);
    const char *params[] = {req_id_text(r, id), req_id_text(r, r->user->id)};
    if (!id) {
        render_error(r, 404, NO_SUBMISSION);
        return;
    }
    if (!db_begin(r->db)) {
        render_db_failed(r);
        return;
    }
    PGresult *res = db_run(r->db, "submission_review", ARRAY_SIZE(params), params);
    bool found = res && PQntuples(res) == 1;
    bool ok = res != NULL;
    if (found && strcmp(db_text(res, 0, SRV_FRESH), "t") == 0)
        ok = notify(r, db_int(res, 0, SRV_OWNER_ID), "submission_reviewed",
                    arena_printf(r->mem, "%s reviewed “%s”", r->user->display_name,
                                 db_text(res, 0, SRV_TITLE)),
                    arena_printf(r->mem, "/submissions/%lld", id));
    PQclear(res);
    finish_change(r, ok, found, arena_printf(r->mem, "/submissions/%lld", id));
}
