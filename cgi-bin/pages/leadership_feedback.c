/* leadership_feedback: 360-degree feedback rounds. A plan's owner invites
 * colleagues by name to answer one of the college's feedback instruments
 * about them; each invitee sees what they owe and answers once. The
 * answer is sealed here to the round's own key and stored in the register
 * of who answered (feedback_invitations): nothing in plaintext is written
 * in the answerer's transaction. The mixer (voice_mix.c) opens answers
 * only in batches of at least three, keeping the newest three sealed
 * while the round is open, and writes them to feedback_answers (no
 * person, no time, a random order). The plan's readers see only the
 * aggregate of what was counted, once at least three are (checked in
 * SQL, so no page can show less); closing the round counts the rest, puts
 * the aggregate on the profile as a result and destroys the key. README.md
 * ("Anonymity: the threat model") is the contract. */
#include <stdlib.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"
#include "../core/log.h"
#include "../core/notify.h"
#include "leadership.h"
#include "voice_mix.h"

#define MIN_ANSWERS "3"
#define MAX_INVITEES 30
#define MAX_ITEMS 40

// clang-format off
/* The items of round $1's instrument, numbered k from 1 in their order:
 * an answer's scores are in that order. */
#define ROUND_ITEMS                                                                                \
    "(SELECT it.id, it.name, row_number() OVER (ORDER BY it.position) AS k"                        \
    "   FROM feedback_rounds r JOIN instrument_items it ON it.instrument_id = r.instrument_id"     \
    "  WHERE r.id = $1)"

/* lp_feedback_instruments: one row an instrument to choose. */
enum { FI_ID, FI_NAME, LP_FEEDBACK_INSTRUMENTS_COLUMNS };
/* lp_people_named: one row a person found. */
enum { PN_USERNAME, PN_ID, LP_PEOPLE_NAMED_COLUMNS };
/* lp_round_insert: the new round. */
enum { NR_ID, LP_ROUND_INSERT_COLUMNS };
/* lp_round: the round and the viewer's standing in it. */
enum {
    RD_ID,
    RD_PLAN,
    RD_OWNER,
    RD_YEAR,
    RD_INSTRUMENT,
    RD_MIN,
    RD_MAX,
    RD_PROMPT,
    RD_OPENED,
    RD_CLOSED,
    RD_ANSWERS,
    RD_INVITED,
    RD_READER,
    RD_OWNER_VIEWS,
    RD_ANSWERED, /* "t", "f", or "" when not invited */
    RD_OPEN_YEAR,
    RD_PUBLIC_KEY, /* "" for a round from before sealing */
    RD_COUNTED,    /* answers opened and counted, by batches of at least three */
    RD_FINAL,      /* closed, counted and its key destroyed */
    LP_ROUND_COLUMNS
};
/* lp_round_items: one row an item, in the order of an answer's scores. */
enum { IT_ID, IT_NAME, LP_ROUND_ITEMS_COLUMNS };
/* lp_round_invitees: one row a person asked. */
enum { INV_NAME, LP_ROUND_INVITEES_COLUMNS };
/* lp_round_means: one row an item of the aggregate. */
enum { MN_ITEM, MN_MEAN, MN_BAR, LP_ROUND_MEANS_COLUMNS };
/* lp_round_comments: one row a comment. */
enum { CM_TEXT, LP_ROUND_COMMENTS_COLUMNS };
/* lp_round_lock: whether the round is open and whether they answered. */
enum { LK_OPEN, LK_ANSWERED, LP_ROUND_LOCK_COLUMNS };

const db_statement leadership_feedback_statements[] = {
    /* The feedback instruments in use at college $1. */
    {"lp_feedback_instruments",
     "SELECT id, name FROM instruments WHERE institution_id = $1 AND feedback AND NOT archived"
     " ORDER BY name", LP_FEEDBACK_INSTRUMENTS_COLUMNS},
    /* The active people at college $1 named in $2 (usernames), with id. */
    {"lp_people_named",
     "SELECT u.username, u.id FROM users u WHERE u.institution_id = $1"
     "   AND u.username = ANY($2::text[]) AND u.status = 'active'"
     "   AND (u.roles & $3::int) <> 0", LP_PEOPLE_NAMED_COLUMNS},
    /* A round of instrument $3 (a feedback one of college $2) in plan $1. */
    {"lp_round_insert",
     "INSERT INTO feedback_rounds (plan_id, institution_id, instrument_id, prompt)"
     " SELECT $1, $2, i.id, $4 FROM instruments i"
     "  WHERE i.id = $3 AND i.institution_id = $2 AND i.feedback AND NOT i.archived"
     " RETURNING id", LP_ROUND_INSERT_COLUMNS},
    {"lp_invite",
     "INSERT INTO feedback_invitations (round_id, invitee_id, institution_id)"
     " SELECT $1, unnest($2::bigint[]), $3", 0},
    /* Round $1 for viewer $2: readable by the plan's readers and its
     * invitees; the viewer's standing in it. */
    {"lp_round",
     "SELECT r.id, p.id, o.display_name, p.academic_year, i.name, i.scale_min, i.scale_max,"
     "       r.prompt, to_char(r.opened_at, '" SQL_DAY "'),"
     "       coalesce(to_char(r.closed_at, '" SQL_DAY "'), ''), r.answer_count,"
     "       (SELECT count(*) FROM feedback_invitations x WHERE x.round_id = r.id),"
     "       lr.plan_id IS NOT NULL, p.owner_id = $2::bigint,"
     "       CASE fi.answered WHEN true THEN 't' WHEN false THEN 'f' ELSE '' END,"
     "       p.academic_year >= " LP_YEAR ", coalesce(r.public_key::text, ''), r.counted,"
     "       r.final_at IS NOT NULL"
     "  FROM feedback_rounds r JOIN leadership_plans p ON p.id = r.plan_id"
     "  JOIN users o ON o.id = p.owner_id JOIN instruments i ON i.id = r.instrument_id"
     "  LEFT JOIN feedback_invitations fi ON fi.round_id = r.id AND fi.invitee_id = $2::bigint"
     "  LEFT JOIN lp_readers($2::bigint) lr ON lr.plan_id = p.id"
     " WHERE r.id = CASE WHEN $1 ~ '^[0-9]{1,18}$' THEN $1::bigint END"
     "   AND (fi.invitee_id IS NOT NULL OR lr.plan_id IS NOT NULL)", LP_ROUND_COLUMNS},
    {"lp_round_items", "SELECT id, name FROM " ROUND_ITEMS " items ORDER BY k",
     LP_ROUND_ITEMS_COLUMNS},
    {"lp_round_invitees",
     "SELECT u.display_name FROM feedback_invitations fi JOIN users u ON u.id = fi.invitee_id"
     " WHERE fi.round_id = $1 ORDER BY u.display_name", LP_ROUND_INVITEES_COLUMNS},
    /* The aggregate: each item's mean and its bar out of 240, only once
     * the round has at least three answers. */
    {"lp_round_means",
     "SELECT it.name, trim_scale(round(avg(a.scores[it.k]), 2))::text,"
     "       round((avg(a.scores[it.k]) - i.scale_min) * 240 / (i.scale_max - i.scale_min))"
     "  FROM " ROUND_ITEMS " it"
     "  JOIN feedback_rounds r ON r.id = $1 AND r.counted >= " MIN_ANSWERS
     "  JOIN instruments i ON i.id = r.instrument_id"
     "  JOIN feedback_answers a ON a.round_id = r.id"
     " GROUP BY it.id, it.name, it.k, i.scale_min, i.scale_max ORDER BY it.k",
     LP_ROUND_MEANS_COLUMNS},
    /* The comments, in the order of their words (never of their writing),
     * once there are three answers. */
    {"lp_round_comments",
     "SELECT a.comment FROM feedback_answers a JOIN feedback_rounds r ON r.id = a.round_id"
     " WHERE a.round_id = $1 AND r.counted >= " MIN_ANSWERS " AND a.comment <> ''"
     " ORDER BY a.comment", LP_ROUND_COMMENTS_COLUMNS},
    /* Locks round $1 for invitee $2's answer: whether it is open and
     * whether they answered (no row: not invited). */
    {"lp_round_lock",
     "SELECT r.closed_at IS NULL, fi.answered FROM feedback_rounds r"
     "  JOIN feedback_invitations fi ON fi.round_id = r.id AND fi.invitee_id = $2"
     " WHERE r.id = $1 FOR UPDATE OF r", LP_ROUND_LOCK_COLUMNS},
    /* The answer, sealed ($3), goes into the register with the mark
     * that $2 answered and its place in the order of answering (seq: the
     * mixer opens the oldest, and keeps the newest sealed). */
    {"lp_register_answer",
     "UPDATE feedback_invitations SET answered = true, sealed = $3::bytea, seq = DEFAULT"
     " WHERE round_id = $1 AND invitee_id = $2 AND NOT answered RETURNING round_id", 1},
    {"lp_round_count",
     "UPDATE feedback_rounds SET answer_count = answer_count + 1 WHERE id = $1"
     " RETURNING answer_count, plan_id", 2},
    /* The owner $2 closes round $1; the mixer then counts the rest. */
    {"lp_round_close",
     "UPDATE feedback_rounds r SET closed_at = now() FROM leadership_plans p"
     " WHERE r.id = $1 AND p.id = r.plan_id AND p.owner_id = $2 AND r.closed_at IS NULL"
     " RETURNING r.answer_count, r.plan_id", 2},
    {NULL, NULL},
};
// clang-format on

#define NO_ROUND "There is no such feedback round, or you were not asked to answer it."
#define ANSWERED "You have answered already: each colleague answers once."
#define CLOSED "This round has been closed: answers are no longer taken."

/* ------------------------------------------------------------ starting a round */

enum { F_INSTRUMENT, F_PROMPT, F_PEOPLE, N_START };
static const field_spec start_fields[N_START] = {
    [F_INSTRUMENT] = {"instrument", "the instrument", FIELD_ID, true, 0, 0, NULL},
    [F_PROMPT] = {"prompt", "your note to them", FIELD_STRING, false, 0, 2000, NULL},
    [F_PEOPLE] = {"people", "the colleagues to ask", FIELD_STRING, true, 1, 2000, NULL},
};

static void show_start(request *r, const PGresult *head, int status, const field_value *v,
                       const char *error, const char *field)
{
    PGresult *res = db_run(r->db, "lp_feedback_instruments", 1,
                           (const char *[]){req_id_text(r, r->user->institution_id)});
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(
        r, error ? "Error: Ask for 360-degree feedback" : "Ask for 360-degree feedback",
        "leadership/feedback_form.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, LH_ID));
        tpl_set(d, "PROMPT", v ? v[F_PROMPT].str : "");
        tpl_set(d, "PEOPLE", v ? v[F_PEOPLE].str : "");
        for (int i = 0; i < PQntuples(res); i++) {
            tpl_dict *o = tpl_add_section(d, "INSTRUMENT");
            tpl_set(o, "INSTRUMENT_ID", db_text(res, i, FI_ID));
            tpl_set(o, "NAME", db_text(res, i, FI_NAME));
            if (v && strcmp(v[F_INSTRUMENT].str, db_text(res, i, FI_ID)) == 0)
                tpl_show(o, "SELECTED");
        }
        if (!PQntuples(res))
            tpl_show(d, "NO_INSTRUMENTS");
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "people");
        }
    }
    render_end(r, status);
    PQclear(res);
}

/* GET /leadership/plans/:id/feedback/new */
void page_leadership_feedback_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && lp_owner_may_write(r, head))
        show_start(r, head, 200, NULL, NULL, NULL);
    lp_release(r, head);
}

/* The usernames typed (separated by commas, spaces or lines), lower case,
 * each once, into names; how many, or -1 when there are too many. */
static int split_people(request *r, const char *typed, const char **names)
{
    int n = 0;
    const char *p = typed;
    while (*p) {
        size_t skip = strspn(p, ", \t\r\n"), len;
        p += skip;
        if (!*p)
            break;
        len = strcspn(p, ", \t\r\n");
        char *name = arena_strndup(r->mem, p, len);
        for (char *c = name; *c; c++)
            *c = (*c >= 'A' && *c <= 'Z') ? (char)(*c - 'A' + 'a') : *c;
        p += len;
        bool seen = false;
        for (int i = 0; i < n; i++)
            seen = seen || strcmp(names[i], name) == 0;
        if (seen)
            continue;
        if (n == MAX_INVITEES)
            return -1;
        names[n++] = name;
    }
    return n;
}

/* The people named, checked: their ids into ids (in names' order), or
 * the refusal. */
static const char *resolve_people(request *r, const PGresult *head, const char **names, int n,
                                  const char **ids)
{
    if (n < 0)
        return "Ask at most 30 colleagues in one round.";
    if (n < 3)
        return "Ask at least three colleagues: answers are shown only once three have answered, "
               "so that nobody's can be told apart.";
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            arena_pg_array(r->mem, names, (size_t)n),
                            req_id_text(r, LP_STAFF_ROLES)};
    PGresult *res = db_run(r->db, "lp_people_named", ARRAY_SIZE(params), params);
    if (!res)
        return RENDER_DB_DOWN;
    const char *refusal = NULL;
    for (int i = 0; i < n && !refusal; i++) {
        ids[i] = NULL;
        for (int k = 0; k < PQntuples(res); k++)
            if (strcmp(db_text(res, k, PN_USERNAME), names[i]) == 0)
                ids[i] = arena_strdup(r->mem, db_text(res, k, PN_ID));
        if (!ids[i])
            refusal = arena_printf(r->mem,
                                   "There is no member of staff at your college with the "
                                   "username “%s”: check it on their profile.",
                                   names[i]);
        else if (strcmp(ids[i], db_text(head, 0, LH_OWNER_ID)) == 0)
            refusal = "Ask colleagues, not yourself: your own view goes in your profile.";
    }
    PQclear(res);
    return refusal;
}

/* Opens the round and invites everyone, telling each: its id, or NULL
 * ("" when the instrument is not one for feedback). */
static const char *open_round(request *r, const PGresult *head, const field_value *v,
                              const char **ids, int n)
{
    const char *college = req_id_text(r, r->user->institution_id);
    const char *params[] = {db_text(head, 0, LH_ID), college, v[F_INSTRUMENT].str, v[F_PROMPT].str};
    PGresult *res = NULL, *inv = NULL;
    const char *id = NULL;
    if (!db_begin(r->db) || !(res = db_run(r->db, "lp_round_insert", ARRAY_SIZE(params), params)))
        goto out;
    if (!PQntuples(res)) {
        id = "";
        goto out;
    }
    id = arena_strdup(r->mem, db_text(res, 0, NR_ID));
    const char *link = arena_printf(r->mem, "/leadership/feedback/%s", id);
    const char *subject = arena_printf(r->mem, "%s asks for your feedback on their leadership.",
                                       r->user->display_name);
    const char *x[] = {id, arena_pg_array(r->mem, ids, (size_t)n), college};
    bool ok = (inv = db_run(r->db, "lp_invite", ARRAY_SIZE(x), x)) != NULL &&
              voice_key_for_round(r->db, tandem_config->keys_dir, id) == 0;
    for (int i = 0; ok && i < n; i++)
        ok = notify(r, strtoll(ids[i], NULL, 10), "plan_leadership_feedback", subject, link);
    if (!ok || !audit(r, "leadership_feedback_opened", r->user->id, 0, id) || !db_commit(r->db))
        id = NULL;
out:
    if (!id || !*id)
        db_rollback(r->db);
    PQclear(res), PQclear(inv);
    return id;
}

/* POST /leadership/plans/:id/feedback: a round, with at least three
 * colleagues named by username. */
void page_leadership_feedback_create(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !lp_owner_may_write(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[N_START];
    const char *err = NULL, *field = "people", *names[MAX_INVITEES], *ids[MAX_INVITEES];
    int n = 0;
    if (!form_validate(r, start_fields, N_START, v, &err))
        field = r->invalid_field;
    else
        err = resolve_people(r, head, names, n = split_people(r, v[F_PEOPLE].str, names), ids);
    const char *id = err ? NULL : open_round(r, head, v, ids, n);
    if (!err && id && !*id)
        err = "Choose one of the instruments in the list.", field = "instrument";
    if (err)
        show_start(r, head, 400, v, err, field);
    else if (!id)
        render_db_failed(r);
    else
        resp_redirect(r, arena_printf(r->mem, "/leadership/feedback/%s", id));
    lp_release(r, head);
}

/* ------------------------------------------------------------ a round's page */

static bool is(const PGresult *res, int col, const char *value)
{
    return strcmp(db_text(res, 0, col), value) == 0;
}

/* The invitee's form: each item scored on the scale, and a comment. */
static void fill_answer_form(request *r, tpl_dict *d, const PGresult *round, const PGresult *items,
                             const char **typed, const char *comment)
{
    tpl_dict *f = tpl_add_section(d, "ANSWER");
    tpl_set(f, "ROUND_ID", db_text(round, 0, RD_ID));
    tpl_set(f, "COMMENT", comment ? comment : "");
    long long min = db_int(round, 0, RD_MIN), max = db_int(round, 0, RD_MAX);
    for (int i = 0; i < PQntuples(items); i++) {
        tpl_dict *it = tpl_add_section(f, "ITEM");
        tpl_set(it, "ITEM_ID", db_text(items, i, IT_ID));
        tpl_set(it, "NAME", db_text(items, i, IT_NAME));
        for (long long s = min; s <= max && max - min <= 10; s++) {
            tpl_dict *c = tpl_add_section(it, "CHOICE");
            const char *value = arena_printf(r->mem, "%lld", s);
            tpl_set(c, "ITEM_ID", db_text(items, i, IT_ID));
            tpl_set(c, "VALUE", value);
            if (typed && typed[i] && strcmp(typed[i], value) == 0)
                tpl_show(c, "CHECKED");
        }
        if (max - min > 10) {
            tpl_dict *c = tpl_add_section(it, "NUMBER");
            tpl_set(c, "ITEM_ID", db_text(items, i, IT_ID));
            tpl_set(c, "VALUE", typed && typed[i] ? typed[i] : "");
        }
    }
    tpl_set(f, "MIN", db_text(round, 0, RD_MIN));
    tpl_set(f, "MAX", db_text(round, 0, RD_MAX));
}

/* What the plan's readers see: who was asked, how many answered, and the
 * aggregate once there are enough answers. */
static void fill_readers_view(request *r, tpl_dict *d, const PGresult *round, PGresult **res)
{
    tpl_dict *v = tpl_add_section(d, "READER");
    for (int i = 0; i < PQntuples(res[0]); i++)
        tpl_set(tpl_add_section(v, "INVITEE"), "NAME", db_text(res[0], i, INV_NAME));
    long long counted = db_int(round, 0, RD_COUNTED);
    bool final = is(round, RD_FINAL, "t"), closed = *db_text(round, 0, RD_CLOSED);
    tpl_set(v, "COUNTED",
            final && counted < 3 ? "Fewer than three colleagues answered, so no answer was opened: "
                                   "with so few, each could be told apart."
            : final              ? arena_printf(r->mem, "All %lld answers are counted.", counted)
            : closed ? "The round has closed and its last answers are being counted. Reload this "
                       "page in a moment."
                     : arena_printf(r->mem,
                                    "%lld answer%s counted so far. Answers are counted in groups "
                                    "of at least three, and the newest three always wait for the "
                                    "next group, so that the means never change by one answer: "
                                    "they first show once six have answered, or when the round "
                                    "is closed with three or more.",
                                    counted, counted == 1 ? " is" : "s are"));
    if (!PQntuples(res[1]))
        return;
    tpl_dict *c = lp_chart(v, arena_printf(r->mem, "round-%s", db_text(round, 0, RD_ID)),
                           db_text(round, 0, RD_MIN), db_text(round, 0, RD_MAX));
    for (int i = 0; i < PQntuples(res[1]); i++)
        lp_chart_bar(r, c, i, db_text(res[1], i, MN_ITEM), db_text(res[1], i, MN_MEAN),
                     db_text(res[1], i, MN_BAR));
    for (int i = 0; i < PQntuples(res[2]); i++)
        tpl_set(tpl_add_section(v, "COMMENT"), "TEXT", db_text(res[2], i, CM_TEXT));
}

static void show_round(request *r, int status, const char **typed, const char *comment,
                       const char *error, const char *field)
{
    const char *me = req_id_text(r, r->user->id);
    const char *a[] = {r->params[0], me};
    PGresult *round = db_run(r->db, "lp_round", ARRAY_SIZE(a), a);
    PGresult *res[4] = {NULL};
    if (!render_found(r, round, NO_ROUND))
        goto out;
    const char *id = db_text(round, 0, RD_ID), *b[] = {id};
    const db_call calls[] = {{"lp_round_invitees", ARRAY_SIZE(b), b},
                             {"lp_round_means", ARRAY_SIZE(b), b},
                             {"lp_round_comments", ARRAY_SIZE(b), b},
                             {"lp_round_items", ARRAY_SIZE(b), b}};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d = render_begin(r,
                               arena_printf(r->mem, "%s360-degree feedback for %s",
                                            error ? "Error: " : "", db_text(round, 0, RD_OWNER)),
                               "leadership/feedback.tpl");
    if (d) {
        static const char *const names[] = {
            [RD_ID] = "ROUND_ID",   [RD_PLAN] = "PLAN_ID",          [RD_OWNER] = "OWNER",
            [RD_YEAR] = "YEAR",     [RD_INSTRUMENT] = "INSTRUMENT", [RD_MIN] = "MIN",
            [RD_MAX] = "MAX",       [RD_PROMPT] = "PROMPT",         [RD_OPENED] = "OPENED",
            [RD_CLOSED] = "CLOSED", [RD_ANSWERS] = "ANSWERS",       [RD_INVITED] = "INVITED"};
        for (int c = 0; c < (int)(sizeof names / sizeof *names); c++)
            tpl_set(d, names[c], db_text(round, 0, c));
        bool open = !*db_text(round, 0, RD_CLOSED);
        tpl_show(d, open ? "OPEN" : "IS_CLOSED");
        if (*db_text(round, 0, RD_PROMPT))
            tpl_show(d, "HAS_PROMPT");
        if (is(round, RD_ANSWERED, "f") && open)
            fill_answer_form(r, d, round, res[3], typed, comment);
        else if (is(round, RD_ANSWERED, "t"))
            tpl_show(d, "THANKS");
        if (is(round, RD_READER, "t"))
            fill_readers_view(r, d, round, res);
        if (is(round, RD_OWNER_VIEWS, "t") && open && is(round, RD_OPEN_YEAR, "t"))
            tpl_show(d, "CAN_CLOSE");
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "comment");
        }
    }
    render_end(r, status);
out:
    PQclear(round);
    for (int i = 0; i < 4; i++)
        PQclear(res[i]);
}

/* GET /leadership/feedback/:round: the form for an invitee, the standing
 * and aggregate for the plan's readers. */
void page_leadership_feedback_round(request *r)
{
    show_round(r, 200, NULL, NULL, NULL, NULL);
}

/* ------------------------------------------------------------ answering */

/* The scores sent, checked against the round's items and scale, as an
 * array literal into *scores; NULL, or the refusal (*field the box). */
static const char *read_scores(request *r, const PGresult *round, const PGresult *items,
                               const char **typed, const char **scores, const char **field)
{
    long long min = db_int(round, 0, RD_MIN), max = db_int(round, 0, RD_MAX), n;
    const char *values[MAX_ITEMS];
    for (int i = 0; i < PQntuples(items) && i < MAX_ITEMS; i++) {
        const http_field *f =
            req_body(r, arena_printf(r->mem, "score-%s", db_text(items, i, IT_ID)));
        typed[i] = values[i] = f ? f->value : "";
    }
    for (int i = 0; i < PQntuples(items) && i < MAX_ITEMS; i++) {
        *field = arena_printf(r->mem, "score-%s", db_text(items, i, IT_ID));
        if (!*values[i])
            return arena_printf(r->mem, "Give a score for %s.", db_text(items, i, IT_NAME));
        if (validate_int(values[i], min, max, &n))
            return arena_printf(r->mem,
                                "The score for %s must be a whole number from %lld to %lld.",
                                db_text(items, i, IT_NAME), min, max);
    }
    /* Whole numbers, checked: the plain literal {4,2,5} that the mixer
     * reads back. */
    buf b = {0};
    for (int i = 0; i < PQntuples(items) && i < MAX_ITEMS; i++) {
        validate_int(values[i], min, max, &n);
        buf_printf(&b, "%s%lld", i ? "," : "{", n);
    }
    buf_puts(&b, "}");
    *scores = b.data ? arena_strdup(r->mem, b.data) : NULL;
    buf_free(&b);
    return *scores ? NULL : "Your answer could not be read. Try again.";
}

/* The answer as voice_mix.c reads it once opened (its scores and its
 * comment), sealed to the round's key and padded to the one size of every
 * answer of the round; NULL when the round has no key file (503) or out
 * of memory. */
static const char *seal_answer(request *r, const PGresult *round, int n_items, const char *scores,
                               const char *comment)
{
    unsigned char pk[SEALED_KEY_BYTES];
    const char *id = db_text(round, 0, RD_ID);
    if (!sealed_key_parse(db_text(round, 0, RD_PUBLIC_KEY), pk) ||
        !voice_key_present(tandem_config->keys_dir, "round", id)) {
        log_error("leadership: round %s has no key in %s: answers refused", id,
                  tandem_config->keys_dir);
        return NULL;
    }
    const char *plain = arena_printf(r->mem, "s%s\nc%zu\n%s", scores, strlen(comment), comment);
    const char *sealed =
        plain ? sealed_seal_hex(r->mem, pk, plain, strlen(plain), voice_answer_size(n_items))
              : NULL;
    if (plain)
        sodium_memzero((char *)plain, strlen(plain));
    return sealed;
}

/* Records the sealed answer in one transaction: the register (locking the
 * round, so answers and closing take turns) and the count of answers.
 * 0 when saved, else the status with *refusal. */
static int save_answer(request *r, const char *round, const char *sealed, const char **refusal)
{
    const char *me = req_id_text(r, r->user->id), *a[] = {round, me};
    const char *b[] = {round, me, sealed}, *c[] = {round};
    PGresult *lock = NULL, *reg = NULL, *count = NULL;
    int status = 503;
    *refusal = RENDER_DB_DOWN;
    if (!db_begin(r->db) || !(lock = db_run(r->db, "lp_round_lock", ARRAY_SIZE(a), a)))
        goto out;
    if (!PQntuples(lock))
        status = 404, *refusal = NO_ROUND;
    else if (strcmp(db_text(lock, 0, LK_OPEN), "t") != 0)
        status = 409, *refusal = CLOSED;
    else if (!(reg = db_run(r->db, "lp_register_answer", ARRAY_SIZE(b), b)))
        goto out;
    else if (!PQntuples(reg))
        status = 409, *refusal = ANSWERED;
    else if ((count = db_run(r->db, "lp_round_count", ARRAY_SIZE(c), c)) && db_commit(r->db))
        status = 0;
out:
    if (status)
        db_rollback(r->db);
    PQclear(lock), PQclear(reg), PQclear(count);
    return status;
}

static const field_spec comment_spec = {"comment", "your comment", FIELD_STRING, false,
                                        0,         4000,           NULL};

/* POST /leadership/feedback/:round/answers: an invitee's answer, once,
 * while the round is open. No audit entry: it would say who answered
 * when, next to the moment the answers changed. */
void page_leadership_feedback_answer(request *r)
{
    const char *me = req_id_text(r, r->user->id), *a[] = {r->params[0], me};
    PGresult *round = db_run(r->db, "lp_round", ARRAY_SIZE(a), a), *items = NULL;
    const char *typed[MAX_ITEMS] = {NULL}, *scores = NULL, *err = NULL, *field = NULL;
    if (!render_found(r, round, NO_ROUND))
        goto out;
    const char *id = db_text(round, 0, RD_ID);
    if (!*db_text(round, 0, RD_ANSWERED)) {
        render_error(r, 404, NO_ROUND);
        goto out;
    }
    if (is(round, RD_ANSWERED, "t") || *db_text(round, 0, RD_CLOSED)) {
        render_error(r, 409, is(round, RD_ANSWERED, "t") ? ANSWERED : CLOSED);
        goto out;
    }
    if (!(items = db_run(r->db, "lp_round_items", 1, (const char *[]){id}))) {
        render_db_failed(r);
        goto out;
    }
    const http_field *comment = req_body(r, "comment");
    const char *text = comment ? comment->value : "";
    if (comment && validate_showable(r->mem, text, comment->len) != text)
        err = "Your comment holds characters a page cannot show.", field = "comment";
    else if (utf8_chars(text, strlen(text)) > (size_t)comment_spec.max)
        err = "Your comment can be at most 4000 characters.", field = "comment";
    else
        err = read_scores(r, round, items, typed, &scores, &field);
    const char *sealed = err ? NULL : seal_answer(r, round, PQntuples(items), scores, text);
    int status = err ? 400 : !sealed ? 503 : save_answer(r, id, sealed, &err);
    if (!err && !sealed)
        err = "Answers cannot be taken in this round just now: the key that keeps answers "
              "secret is missing on the server. Nothing was recorded. Please tell the "
              "college's IT team; try again later.";
    if (status == 400)
        show_round(r, 400, typed, text, err, field);
    else if (status)
        render_error(r, status, err);
    else
        resp_redirect(r, arena_printf(r->mem, "/leadership/feedback/%s", id));
out:
    PQclear(round), PQclear(items);
}

/* POST /leadership/feedback/:round/close: the owner closes the round;
 * the answers still sealed are counted at once (if counting fails here,
 * `tandem mail` does it on its next pass), and with three answers or more
 * the aggregate joins the profile. */
void page_leadership_feedback_close(request *r)
{
    const char *id = req_id_text(r, req_param_id(r, 0)), *me = req_id_text(r, r->user->id);
    const char *a[] = {id, me};
    PGresult *closed = NULL;
    bool ok = db_begin(r->db) && (closed = db_run(r->db, "lp_round_close", ARRAY_SIZE(a), a));
    if (ok && !PQntuples(closed)) {
        db_rollback(r->db);
        render_error(r, 404, "There is no open round of yours here to close.");
    } else if (ok && audit(r, "leadership_feedback_closed", r->user->id, 0, id) &&
               db_commit(r->db)) {
        voice_mix_round(r->db, tandem_config->keys_dir, id);
        resp_redirect(r, arena_printf(r->mem, "/leadership/feedback/%s", id));
    } else {
        db_rollback(r->db);
        render_db_failed(r);
    }
    PQclear(closed);
}
