/* leadership_profile: the psychometric profile of a leadership plan. The
 * owner records a result of one of the college's instruments (the date,
 * each scale's score or the type it gave, notes, the report it came
 * with); the plan's page shows each result as a bar chart drawn here in
 * SVG, with the same figures in a table for anyone who cannot see it. */
#include <stdlib.h>
#include <string.h>

#include "../core/audit.h"
#include "leadership.h"

#define MAX_ITEMS 40

/* lp_instruments: one row an instrument; lp_instrument_items: the same
 * columns of the instrument, then one of its items a row. */
enum { IN_ID, IN_NAME, IN_KIND, IN_DESCRIPTION, IN_MIN, IN_MAX, LP_INSTRUMENTS_COLUMNS };
enum { II_ITEM_ID = LP_INSTRUMENTS_COLUMNS, II_ITEM_NAME, LP_INSTRUMENT_ITEMS_COLUMNS };
/* lp_results: one row a score (one for a type) of a result. */
enum {
    PR_ID,
    PR_INSTRUMENT,
    PR_KIND,
    PR_TAKEN,
    PR_SOURCE,
    PR_ANSWERS,
    PR_NOTES,
    PR_FILE_ID,
    PR_FILENAME,
    PR_TYPE,
    PR_ITEM,
    PR_SCORE,
    PR_BAR,
    PR_MIN,
    PR_MAX,
    LP_RESULTS_COLUMNS
};
/* lp_result_insert: the new result. */
enum { RI_ID, LP_RESULT_INSERT_COLUMNS };

// clang-format off
const db_statement leadership_profile_statements[] = {
    /* The instruments results can be recorded with at college $1. */
    {"lp_instruments",
     "SELECT id, name, kind, description, coalesce(scale_min, 0), coalesce(scale_max, 0)"
     "  FROM instruments WHERE institution_id = $1 AND NOT archived ORDER BY name",
     LP_INSTRUMENTS_COLUMNS},
    /* Instrument $2 of college $1 with its items, one row each. */
    {"lp_instrument_items",
     "SELECT i.id, i.name, i.kind, i.description, coalesce(i.scale_min, 0),"
     "       coalesce(i.scale_max, 0), it.id, it.name"
     "  FROM instruments i JOIN instrument_items it ON it.instrument_id = i.id"
     " WHERE i.institution_id = $1 AND i.id = $2 AND NOT i.archived ORDER BY it.position",
     LP_INSTRUMENT_ITEMS_COLUMNS},
    /* The results of plan $1 with their scores, newest first, one row a
     * score (one row for a type): the bar's length out of 240. */
    {"lp_results",
     "SELECT r.id, i.name, i.kind, to_char(r.taken_on, '" SQL_DAY "'), r.source,"
     "       coalesce(r.answers, 0), r.notes, coalesce(f.id, 0), coalesce(f.filename, ''),"
     "       coalesce(t.name, ''), coalesce(it.name, ''),"
     "       coalesce(trim_scale(s.score)::text, ''),"
     "       coalesce(round((s.score - i.scale_min) * 240 / (i.scale_max - i.scale_min)), 0),"
     "       coalesce(i.scale_min, 0), coalesce(i.scale_max, 0)"
     "  FROM profile_results r JOIN instruments i ON i.id = r.instrument_id"
     "  LEFT JOIN files f ON f.id = r.report_file_id"
     "  LEFT JOIN instrument_items t ON t.id = r.type_item_id"
     "  LEFT JOIN profile_scores s ON s.result_id = r.id"
     "  LEFT JOIN instrument_items it ON it.id = s.item_id"
     " WHERE r.plan_id = $1 ORDER BY r.taken_on DESC, r.id DESC, it.position", LP_RESULTS_COLUMNS},
    /* A result of instrument $3 (of college $2, in use) in plan $1: taken
     * on $4, type $5 (or ''), notes $6, report file $7 (or ''). */
    {"lp_result_insert",
     "INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, type_item_id,"
     "                             notes, report_file_id)"
     " SELECT $1, $2, i.id, $4::date, nullif($5, '')::bigint, $6, nullif($7, '')::bigint"
     "   FROM instruments i WHERE i.id = $3 AND i.institution_id = $2 AND NOT i.archived"
     " RETURNING id", LP_RESULT_INSERT_COLUMNS},
    /* Scores $3 of items $2 for result $1. */
    {"lp_scores_insert",
     "INSERT INTO profile_scores (result_id, item_id, score)"
     " SELECT $1, s.item, s.score FROM unnest($2::bigint[], $3::numeric[]) AS s(item, score)", 0},
    {NULL, NULL},
};
// clang-format on

/* One result's head: what, when, from where; its chart (NULL for a
 * type). */
static tpl_dict *add_result(tpl_dict *d, const PGresult *res, int i)
{
    tpl_dict *g = tpl_add_section(d, "RESULT");
    tpl_set(g, "RESULT_ID", db_text(res, i, PR_ID));
    tpl_set(g, "INSTRUMENT", db_text(res, i, PR_INSTRUMENT));
    tpl_set(g, "TAKEN", db_text(res, i, PR_TAKEN));
    if (strcmp(db_text(res, i, PR_SOURCE), "feedback") == 0)
        tpl_set(tpl_add_section(g, "FEEDBACK"), "N", db_text(res, i, PR_ANSWERS));
    if (*db_text(res, i, PR_NOTES))
        tpl_set(tpl_add_section(g, "NOTES"), "TEXT", db_text(res, i, PR_NOTES));
    if (strcmp(db_text(res, i, PR_FILE_ID), "0") != 0) {
        tpl_dict *f = tpl_add_section(g, "REPORT");
        tpl_set(f, "FILE_ID", db_text(res, i, PR_FILE_ID));
        tpl_set(f, "FILENAME", db_text(res, i, PR_FILENAME));
    }
    if (strcmp(db_text(res, i, PR_KIND), "type") == 0) {
        tpl_set(tpl_add_section(g, "TYPE"), "NAME", db_text(res, i, PR_TYPE));
        return NULL;
    }
    return lp_chart(g, db_text(res, i, PR_ID), db_text(res, i, PR_MIN), db_text(res, i, PR_MAX));
}

tpl_dict *lp_chart(tpl_dict *d, const char *id, const char *min, const char *max)
{
    tpl_dict *c = tpl_include(d, "CHART", "leadership/chart.tpl");
    tpl_set(c, "CHART_ID", id);
    tpl_set(c, "MIN", min);
    tpl_set(c, "MAX", max);
    return c;
}

void lp_chart_bar(request *r, tpl_dict *chart, int n, const char *item, const char *score,
                  const char *length)
{
    long bar = strtol(length, NULL, 10);
    bar = bar > 0 ? bar : 1;
    tpl_dict *b = tpl_add_section(chart, "BAR");
    tpl_set(b, "ITEM", item);
    tpl_set(b, "SCORE", score);
    tpl_set(b, "Y", arena_printf(r->mem, "%d", n * 28));
    tpl_set(b, "TEXT_Y", arena_printf(r->mem, "%d", n * 28 + 18));
    tpl_set(b, "WIDTH", arena_printf(r->mem, "%ld", bar));
    tpl_set(b, "SCORE_X", arena_printf(r->mem, "%ld", 270 + bar + 8));
    tpl_dict *row = tpl_add_section(chart, "ROW");
    tpl_set(row, "ITEM", item);
    tpl_set(row, "SCORE", score);
    tpl_set(chart, "HEIGHT", arena_printf(r->mem, "%d", (n + 1) * 28));
}

void lp_fill_profile(request *r, tpl_dict *d, const PGresult *res)
{
    tpl_dict *chart = NULL;
    int bars = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        if (!i || strcmp(db_text(res, i, PR_ID), db_text(res, i - 1, PR_ID)) != 0)
            chart = add_result(d, res, i), bars = 0;
        if (chart && *db_text(res, i, PR_ITEM))
            lp_chart_bar(r, chart, bars++, db_text(res, i, PR_ITEM), db_text(res, i, PR_SCORE),
                         db_text(res, i, PR_BAR));
    }
    if (!PQntuples(res))
        tpl_show(d, "NO_RESULTS");
}

/* ------------------------------------------------------------ recording a result */

enum { F_INSTRUMENT, F_TAKEN, F_TYPE, F_NOTES, F_REPORT, F_ITEM, F_SCORE, N_FIELDS };
static const field_spec result_fields[N_FIELDS] = {
    [F_INSTRUMENT] = {"instrument", "the instrument", FIELD_ID, true, 0, 0, NULL},
    [F_TAKEN] = {"taken_on", "the date you took it", FIELD_DATE, true, 0, 0, NULL},
    [F_TYPE] = {"type", "your type", FIELD_ID, false, 0, 0, NULL},
    [F_NOTES] = {"notes", "the notes", FIELD_STRING, false, 0, 4000, NULL},
    [F_REPORT] = {"report", "the report", FIELD_FILE, false, 0, 1LL << 40, NULL},
    [F_ITEM] = {"item", "a scale", FIELD_ID, false, 0, 0, NULL},
    [F_SCORE] = {"score", "a score", FIELD_STRING, false, 0, 12, NULL},
};

/* What the form sent: the scores typed, by item, kept to show again. */
typedef struct {
    field_value v[N_FIELDS];
    int n;
    const char *item[MAX_ITEMS], *score[MAX_ITEMS];
} result_input;

static const char *typed_score(const result_input *in, const char *item)
{
    for (int i = 0; in && i < in->n; i++)
        if (strcmp(in->item[i], item) == 0)
            return in->score[i];
    return "";
}

/* The instrument chooser (no instrument yet), or the form for
 * instrument's items (lp_instrument_items rows). */
static void fill_result_form(request *r, tpl_dict *d, const PGresult *items, const result_input *in)
{
    const field_value *v = in ? in->v : NULL;
    tpl_set(d, "INSTRUMENT", db_text(items, 0, IN_NAME));
    tpl_set(d, "INSTRUMENT_ID", db_text(items, 0, IN_ID));
    if (*db_text(items, 0, IN_DESCRIPTION))
        tpl_set(tpl_add_section(d, "DESCRIPTION"), "TEXT", db_text(items, 0, IN_DESCRIPTION));
    tpl_set(d, "TAKEN", v ? v[F_TAKEN].str : "");
    tpl_set(d, "NOTES", v ? v[F_NOTES].str : "");
    bool scales = strcmp(db_text(items, 0, IN_KIND), "scales") == 0;
    tpl_dict *kind = tpl_add_section(d, scales ? "SCALES" : "TYPES");
    tpl_set(kind, "MIN", db_text(items, 0, IN_MIN));
    tpl_set(kind, "MAX", db_text(items, 0, IN_MAX));
    for (int i = 0; i < PQntuples(items); i++) {
        tpl_dict *it = tpl_add_section(kind, "ITEM");
        tpl_set(it, "ITEM_ID", db_text(items, i, II_ITEM_ID));
        tpl_set(it, "NAME", db_text(items, i, II_ITEM_NAME));
        tpl_set(it, "SCORE", typed_score(in, db_text(items, i, II_ITEM_ID)));
        tpl_set(it, "MIN", db_text(items, 0, IN_MIN));
        tpl_set(it, "MAX", db_text(items, 0, IN_MAX));
        if (v && strcmp(v[F_TYPE].str, db_text(items, i, II_ITEM_ID)) == 0)
            tpl_show(it, "SELECTED");
    }
    (void)r;
}

static void show_result_form(request *r, const PGresult *head, int status, const char *instrument,
                             const result_input *in, const char *error, const char *field)
{
    const char *college = req_id_text(r, r->user->institution_id);
    PGresult *res =
        instrument && *instrument
            ? db_run(r->db, "lp_instrument_items", 2, (const char *[]){college, instrument})
            : db_run(r->db, "lp_instruments", 1, (const char *[]){college});
    if (!res) {
        render_db_failed(r);
        return;
    }
    bool chosen = instrument && *instrument && PQntuples(res);
    tpl_dict *d =
        render_begin(r, error ? "Error: Record a result" : "Record a result",
                     chosen ? "leadership/result_form.tpl" : "leadership/result_choose.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, LH_ID));
        tpl_set(d, "YEAR", db_text(head, 0, LH_YEAR));
        if (chosen) {
            fill_result_form(r, d, res, in);
        } else {
            for (int i = 0; i < PQntuples(res); i++) {
                tpl_dict *o = tpl_add_section(d, "INSTRUMENT");
                tpl_set(o, "INSTRUMENT_ID", db_text(res, i, IN_ID));
                tpl_set(o, "NAME", db_text(res, i, IN_NAME));
                tpl_set(o, "DESCRIPTION", db_text(res, i, IN_DESCRIPTION));
            }
            if (!PQntuples(res))
                tpl_show(d, "NO_INSTRUMENTS");
        }
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "taken_on");
        }
    }
    render_end(r, status);
    PQclear(res);
}

/* GET /leadership/plans/:id/results/new[?instrument=N] */
void page_leadership_result_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head)) {
        const http_field *instrument = req_query(r, "instrument");
        show_result_form(r, head, 200, instrument ? instrument->value : NULL, NULL, NULL, NULL);
    }
    lp_release(r, head);
}

/* Checks the scores typed against instrument's items (rows of
 * lp_instrument_items): every scale scored, a whole number on its scale.
 * NULL, or the refusal. */
static const char *check_scores(request *r, const PGresult *items, const result_input *in,
                                const char **field)
{
    if (strcmp(db_text(items, 0, IN_KIND), "type") == 0) {
        *field = "type";
        for (int i = 0; i < PQntuples(items); i++)
            if (strcmp(in->v[F_TYPE].str, db_text(items, i, II_ITEM_ID)) == 0)
                return NULL;
        return "Choose the type the instrument gave you.";
    }
    long long min = db_int(items, 0, IN_MIN), max = db_int(items, 0, IN_MAX), n;
    if (in->n != PQntuples(items))
        return "Give a score for every scale.";
    for (int i = 0; i < in->n; i++) {
        *field = arena_printf(r->mem, "score-%s", in->item[i]);
        if (strcmp(in->item[i], db_text(items, i, II_ITEM_ID)) != 0)
            return "The scales sent are not this instrument's: reload the form.";
        if (!*in->score[i])
            return arena_printf(r->mem, "Give a score for %s.", db_text(items, i, II_ITEM_NAME));
        if (validate_int(in->score[i], min, max, &n))
            return arena_printf(r->mem,
                                "The score for %s must be a whole number from %lld to %lld.",
                                db_text(items, i, II_ITEM_NAME), min, max);
    }
    return NULL;
}

/* Saves the result, its file and its scores in one transaction: its id,
 * or NULL. */
static const char *save_result(request *r, const PGresult *head, const result_input *in,
                               const char *file_type)
{
    const char *file_id = "", *id = NULL;
    PGresult *res = NULL, *s = NULL;
    if (!db_begin(r->db))
        return NULL;
    if (in->v[F_REPORT].present &&
        !evidence_store_file(r, in->v[F_REPORT].file, file_type, &file_id))
        goto out;
    const char *params[] = {db_text(head, 0, LH_ID),
                            req_id_text(r, r->user->institution_id),
                            in->v[F_INSTRUMENT].str,
                            in->v[F_TAKEN].str,
                            in->v[F_TYPE].str,
                            in->v[F_NOTES].str,
                            file_id};
    if (!(res = db_run(r->db, "lp_result_insert", ARRAY_SIZE(params), params)) || !PQntuples(res))
        goto out;
    id = arena_strdup(r->mem, db_text(res, 0, RI_ID));
    const char *items = arena_pg_array(r->mem, in->item, (size_t)in->n);
    const char *scores = arena_pg_array(r->mem, in->score, (size_t)in->n);
    if (in->n && !(s = db_run(r->db, "lp_scores_insert", 3, (const char *[]){id, items, scores})))
        id = NULL;
out:
    if (id && audit(r, "leadership_result_recorded", r->user->id, 0, in->v[F_INSTRUMENT].str) &&
        db_commit(r->db))
        return PQclear(res), PQclear(s), id;
    db_rollback(r->db);
    PQclear(res), PQclear(s);
    return NULL;
}

/* POST /leadership/plans/:id/results: records a result (multipart, for
 * the report). A score off its scale, a missing one, a date to come or
 * a report that is not what it says: 400, everything typed kept. */
void page_leadership_result_create(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    result_input in = {0};
    const char *err = NULL, *field = NULL, *file_type = NULL;
    bool valid = form_validate(r, result_fields, N_FIELDS, in.v, &err);
    in.n = req_body_all(r, "item", in.item, MAX_ITEMS);
    int n_scores = req_body_all(r, "score", in.score, MAX_ITEMS);
    in.n = in.n < n_scores ? in.n : n_scores;
    const char *college = req_id_text(r, r->user->institution_id);
    PGresult *items = valid ? db_run(r->db, "lp_instrument_items", 2,
                                     (const char *[]){college, in.v[F_INSTRUMENT].str})
                            : NULL;
    if (!valid) {
        field = r->invalid_field;
    } else if (!items) {
        render_db_failed(r);
        goto out;
    } else if (!PQntuples(items)) {
        render_error(r, 404, "There is no such instrument in use at your college.");
        goto out;
    } else if (strcmp(in.v[F_TAKEN].str, db_text(head, 0, LH_TODAY)) > 0) {
        err = "The date you took it must be today or before.", field = "taken_on";
    } else if ((err = check_scores(r, items, &in, &field))) {
    } else if (in.v[F_REPORT].present &&
               !(file_type = evidence_upload_type(in.v[F_REPORT].file, &err))) {
        field = "report";
    }
    const char *id = err ? NULL : save_result(r, head, &in, file_type);
    if (err)
        show_result_form(r, head, 400, in.v[F_INSTRUMENT].str, &in, err, field);
    else if (!id)
        render_db_failed(r);
    else
        resp_redirect(r, lp_path(r, head, arena_printf(r->mem, "#result-%s", id)));
out:
    PQclear(items);
    lp_release(r, head);
}
