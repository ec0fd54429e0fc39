/* voice_issues: "you said, we did". A representative raises an issue for
 * a cohort they represent (a union officer, for the whole college), maybe
 * from a poll's results, with a member of staff responsible for it and a
 * date an answer is due. That person answers with a status and a written
 * response; every change is kept on the issue's timeline, the cohort reads
 * its board, and an issue with no decision by its due date is flagged on
 * the board and told to the responsible person and their line manager
 * (voice_notify_overdue, run by `tandem mail`). */
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/notify.h"
#include "../core/richtext.h"
#include "voice.h"

// clang-format off
#define STATUS_WORDS(col)                                                                          \
    "CASE " col " WHEN 'raised' THEN 'Raised' WHEN 'received' THEN 'Received'"                     \
    " WHEN 'considering' THEN 'Under consideration' WHEN 'accepted' THEN 'Accepted'"               \
    " WHEN 'not_possible' THEN 'Not possible' ELSE 'Done' END"
#define OVERDUE(i)                                                                                 \
    "(" i ".status IN ('raised', 'received', 'considering') AND " i ".due_on < current_date)"
#define ISSUE_ROW                                                                                  \
    "SELECT i.id, i.title, " STATUS_WORDS("i.status") ", to_char(i.due_on, '" SQL_DAY "'),"      \
    "       " OVERDUE("i") ", rs.display_name, i.status,"                                          \
    "       coalesce((SELECT e.response_html FROM voice_issue_events e"                            \
    "                  WHERE e.issue_id = i.id AND e.response_md <> ''"                            \
    "                  ORDER BY e.id DESC LIMIT 1), '')"                                           \
    "  FROM voice_issues i JOIN users rs ON rs.id = i.responsible_id"

/* The columns of an issue: the first seven, which fill_issue reads, are
 * ISSUE_ROW's and voice_issue_get's alike; then voice_issue_get's own. */
enum {
    IS_ID,
    IS_TITLE,
    IS_STATUS_WORDS,
    IS_DUE,
    IS_OVERDUE,
    IS_RESPONSIBLE,
    IS_STATUS,
    IS_BODY, /* voice_issue_get: from here on */
    IS_COHORT,
    IS_COHORT_ID,
    IS_RAISER,
    IS_MINE_TO_ANSWER,
    IS_POLL_ID,
    IS_POLL_TITLE,
    IS_RAISED_ON,
    IS_ON_BOARD,     /* the viewer may read the board the issue is on */
    IS_MAY_REDATE,   /* the viewer raised it and it awaits a decision */
    IS_DUE_ISO,      /* the due date as a date box holds it */
    VOICE_ISSUE_GET_COLUMNS
};
/* voice_board (ISSUE_ROW): the first seven, then the latest response. */
enum { IS_LATEST = IS_BODY, VOICE_BOARD_COLUMNS };
/* voice_staff: the member of staff. */
enum { SF_ID, VOICE_STAFF_COLUMNS };
/* voice_issue_insert: the issue raised. */
enum { II_ID, VOICE_ISSUE_INSERT_COLUMNS };
/* voice_issue_timeline: one row a change. */
enum { TL_STATUS_WORDS, TL_RESPONSE, TL_BY, TL_WHEN, VOICE_ISSUE_TIMELINE_COLUMNS };
/* voice_issue_respond: whom to tell, about what. */
enum { IR_RAISER, IR_TITLE, VOICE_ISSUE_RESPOND_COLUMNS };
/* voice_issue_redate: who answers it, its title, the old and new dates. */
enum { RD_RESPONSIBLE, RD_TITLE, RD_WAS, RD_NOW, VOICE_ISSUE_REDATE_COLUMNS };
/* voice_due_ok: whether a due date is after today. */
enum { DO_OK, VOICE_DUE_OK_COLUMNS };
/* voice_board_head: the board's name. */
enum { BH_NAME, VOICE_BOARD_HEAD_COLUMNS };

const db_statement voice_issue_statements[] = {
    /* The boards person $1 (at college $2) reads (issue_boards): each
     * cohort they belong to, then the college's, with how many issues
     * await a decision. */
    {"voice_boards",
     "SELECT coalesce(c.id::text, ''), coalesce(c.name, 'The whole college'),"
     "       CASE WHEN b.cohort_id IS NULL"
     "            THEN (SELECT count(*) FROM voice_issues i"
     "                   WHERE i.institution_id = $2::bigint AND i.cohort_id IS NULL"
     "                     AND i.status NOT IN ('done', 'not_possible'))"
     "            ELSE (SELECT count(*) FROM voice_issues i"
     "                   WHERE i.institution_id = $2::bigint AND i.cohort_id = b.cohort_id"
     "                     AND i.status NOT IN ('done', 'not_possible')) END,"
     "       (b.cohort_id IS NULL)::int"
     "  FROM (SELECT DISTINCT cohort_id FROM issue_boards($1::bigint)) b"
     "  LEFT JOIN cohorts c ON c.institution_id = $2::bigint AND c.id = b.cohort_id"
     " ORDER BY 4, 2",
     VOICE_BOARDS_COLUMNS},
    /* Issues awaiting a decision that person $1 answers, or whose answerer
     * $1 manages. */
    {"voice_answerable",
     "SELECT i.id, i.title, " STATUS_WORDS("i.status") ", to_char(i.due_on, '" SQL_DAY "'),"
     "       " OVERDUE("i") ", i.responsible_id = $1, rs.display_name"
     "  FROM voice_issues i JOIN users rs ON rs.id = i.responsible_id"
     " WHERE (i.responsible_id = $1 OR rs.line_manager_id = $1)"
     "   AND i.status NOT IN ('done', 'not_possible') ORDER BY i.due_on, i.id",
     VOICE_ANSWERABLE_COLUMNS},
    /* Active staff at college $1 with username $2. */
    {"voice_staff",
     "SELECT id FROM users WHERE institution_id = $1 AND username = lower($2)"
     "   AND status = 'active' AND roles & 30 <> 0",
     VOICE_STAFF_COLUMNS},
    /* A new issue; the poll only if it is $4's (poll_readers: mine), the
     * cohort only if $4 represents it (NULL for the college, which the
     * caller checked). */
    {"voice_issue_insert",
     "INSERT INTO voice_issues (institution_id, cohort_id, poll_id, raised_by, responsible_id,"
     "                          title, body_md, body_html, due_on)"
     " SELECT $1, c.id, (SELECT r.poll_id FROM poll_readers($4::bigint) r"
     "                    WHERE r.poll_id = nullif($3, '')::bigint AND r.mine),"
     "        $4, $5, $6, $7, $8, $9::date"
     "   FROM (SELECT NULL::bigint AS id WHERE $2 = ''"
     "         UNION ALL SELECT cohort_id FROM represented_cohorts($4::bigint)"
     "          WHERE $2 <> '' AND cohort_id = nullif($2, '')::bigint) c"
     " RETURNING id",
     VOICE_ISSUE_INSERT_COLUMNS},
    {"voice_issue_event",
     "INSERT INTO voice_issue_events (issue_id, institution_id, actor_id, status, response_md,"
     "                                response_html) VALUES ($1, $2, $3, $4, $5, $6)",
     0},
    /* Issue $1 as person $2 may read it (issue_readers), and whether they
     * read its board. */
    {"voice_issue_get",
     "SELECT i.id, i.title, " STATUS_WORDS("i.status") ", to_char(i.due_on, '" SQL_DAY "'),"
     "       " OVERDUE("i") ", rs.display_name, i.status, i.body_html,"
     "       coalesce(c.name, 'The whole college'), coalesce(c.id::text, ''), rb.display_name,"
     "       i.responsible_id = $2::bigint, coalesce(p.id::text, ''), coalesce(p.title, ''),"
     "       to_char(i.created_at, '" SQL_DAY "'), r.on_board,"
     "       i.raised_by = $2::bigint AND i.status IN ('raised', 'received', 'considering'),"
     "       i.due_on::text"
     "  FROM issue_readers($2::bigint) r"
     "  JOIN voice_issues i ON i.id = r.issue_id"
     "  JOIN users rs ON rs.id = i.responsible_id JOIN users rb ON rb.id = i.raised_by"
     "  LEFT JOIN cohorts c ON c.id = i.cohort_id LEFT JOIN polls p ON p.id = i.poll_id"
     " WHERE r.issue_id = $1",
     VOICE_ISSUE_GET_COLUMNS},
    {"voice_issue_timeline",
     "SELECT " STATUS_WORDS("e.status") ", e.response_html, u.display_name,"
     "       to_char(e.created_at, '" SQL_DAY ", HH24:MI')"
     "  FROM voice_issue_events e JOIN users u ON u.id = e.actor_id"
     " WHERE e.issue_id = $1 ORDER BY e.id",
     VOICE_ISSUE_TIMELINE_COLUMNS},
    /* The responsible person $2 answers issue $1 with status $3. */
    /* An answer is due after today: a date already past would make a new
     * issue overdue, and its manager told, at once. */
    {"voice_due_ok", "SELECT $1::date > current_date", VOICE_DUE_OK_COLUMNS},
    /* $2, who raised issue $1, moves its due date to $3 (after today)
     * while it awaits a decision; it may be told it is overdue again. */
    {"voice_issue_redate",
     "UPDATE voice_issues i SET due_on = $3::date, overdue_told_on = NULL, updated_at = now()"
     "  FROM voice_issues old"
     " WHERE i.id = $1 AND old.id = i.id AND i.raised_by = $2"
     "   AND i.status IN ('raised', 'received', 'considering') AND $3::date > current_date"
     " RETURNING i.responsible_id, i.title, to_char(old.due_on, '" SQL_DAY "'),"
     "           to_char(i.due_on, '" SQL_DAY "')",
     VOICE_ISSUE_REDATE_COLUMNS},
    {"voice_issue_respond",
     "UPDATE voice_issues SET status = $3, updated_at = now()"
     " WHERE id = $1 AND responsible_id = $2 RETURNING raised_by, title",
     VOICE_ISSUE_RESPOND_COLUMNS},
    /* The board of cohort $2 (the college's when $2 is '') if person $1
     * reads it (issue_boards): its name. */
    {"voice_board_head",
     "SELECT coalesce(c.name, 'The whole college') FROM issue_boards($1::bigint) b"
     "  LEFT JOIN cohorts c ON c.id = b.cohort_id"
     " WHERE b.cohort_id IS NOT DISTINCT FROM nullif($2, '')::bigint LIMIT 1",
     VOICE_BOARD_HEAD_COLUMNS},
    /* Its issues (shown only when voice_board_head, sent with it, found
     * the board for $1). */
    {"voice_board",
     ISSUE_ROW " JOIN users w ON w.id = $1 AND w.institution_id = i.institution_id"
     " WHERE i.cohort_id IS NOT DISTINCT FROM nullif($2, '')::bigint"
     " ORDER BY i.status IN ('done', 'not_possible'), i.updated_at DESC LIMIT 200",
     VOICE_BOARD_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define NO_ISSUE "There is no such issue, or it is not one you can see."

static void fill_issue(tpl_dict *d, const PGresult *res, int i)
{
    tpl_set(d, "ID", db_text(res, i, IS_ID));
    tpl_set(d, "TITLE", db_text(res, i, IS_TITLE));
    tpl_set(d, "STATUS", db_text(res, i, IS_STATUS_WORDS));
    static const char *const colours[][2] = {
        {"raised", "grey"},        {"received", "blue"},    {"considering", "yellow"},
        {"accepted", "turquoise"}, {"not_possible", "red"}, {"done", "green"},
    };
    for (size_t c = 0; c < sizeof colours / sizeof *colours; c++)
        if (strcmp(db_text(res, i, IS_STATUS), colours[c][0]) == 0)
            tpl_set(d, "COLOUR", colours[c][1]);
    tpl_set(d, "DUE", db_text(res, i, IS_DUE));
    tpl_set(d, "RESPONSIBLE", db_text(res, i, IS_RESPONSIBLE));
    if (strcmp(db_text(res, i, IS_OVERDUE), "t") == 0)
        tpl_show(d, "OVERDUE");
}

/* ------------------------------------------------------------ raising */

enum { F_COHORT, F_POLL, F_TITLE, F_BODY, F_RESPONSIBLE, F_DUE, N_FIELDS };
static const field_spec issue_fields[N_FIELDS] = {
    [F_COHORT] = {"cohort", "who it is for", FIELD_STRING, true, 1, 20, NULL},
    [F_POLL] = {"poll", "the poll", FIELD_ID, false, 0, 0, NULL},
    [F_TITLE] = {"title", "the title", FIELD_STRING, true, 1, 200, NULL},
    [F_BODY] = {"body", "what students said", FIELD_STRING, true, 1, 10000, NULL},
    [F_RESPONSIBLE] = {"responsible", "the responsible person's username", FIELD_STRING, true, 1,
                       64, NULL},
    [F_DUE] = {"due_on", "the date an answer is due", FIELD_DATE, true, 0, 0, NULL},
};

static void show_issue_form(request *r, int status, const field_value *v, const char *error,
                            const char *field)
{
    const char *me[] = {req_id_text(r, r->user->id)};
    PGresult *cohorts = db_run(r->db, "voice_rep_cohorts", ARRAY_SIZE(me), me);
    if (!cohorts) {
        render_db_failed(r);
        return;
    }
    const char *heading = "Raise an issue with the college";
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "voice/issue_form.tpl");
    if (d) {
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "title");
        }
        const http_field *poll = req_query(r, "poll");
        tpl_set(d, "POLL", v ? v[F_POLL].str : poll ? poll->value : "");
        tpl_set(d, "TITLE", v ? v[F_TITLE].str : "");
        tpl_set(d, "BODY", v ? v[F_BODY].str : "");
        tpl_set(d, "RESPONSIBLE", v ? v[F_RESPONSIBLE].str : "");
        tpl_set(d, "DUE", v ? v[F_DUE].str : "");
        for (int i = 0; i < PQntuples(cohorts); i++) {
            tpl_dict *c = tpl_add_section(d, "COHORT");
            tpl_set(c, "ID", db_text(cohorts, i, RC_ID));
            tpl_set(c, "NAME", db_text(cohorts, i, RC_NAME));
            if (v && strcmp(v[F_COHORT].str, db_text(cohorts, i, RC_ID)) == 0)
                tpl_show(c, "SELECTED");
        }
        if (r->user->roles & ROLE_UNION_OFFICER)
            tpl_show(d, "COLLEGE");
    }
    render_end(r, status);
    PQclear(cohorts);
}

/* GET /voice/issues/new[?poll=ID] */
void page_voice_issue_new(request *r)
{
    if (voice_may_run(r) > 0)
        show_issue_form(r, 200, NULL, NULL, NULL);
}

/* The id of the staff member named, 0 if none, -1 if the database failed. */
static long long staff_named(request *r, const char *username)
{
    const char *params[] = {req_id_text(r, r->user->institution_id), username};
    PGresult *res = db_run(r->db, "voice_staff", ARRAY_SIZE(params), params);
    long long id = !res ? -1 : PQntuples(res) ? db_int(res, 0, SF_ID) : 0;
    PQclear(res);
    return id;
}

/* Writes issue and its first event, tells the responsible person; in the
 * caller's transaction. Returns the issue's id, "" when the cohort is not
 * one I represent, NULL when the database failed. */
static const char *insert_issue(request *r, const field_value *v, long long responsible,
                                const char *html)
{
    bool college = strcmp(v[F_COHORT].str, "college") == 0;
    const char *inst = req_id_text(r, r->user->institution_id), *me = req_id_text(r, r->user->id);
    const char *params[] = {inst,
                            college ? "" : v[F_COHORT].str,
                            v[F_POLL].str,
                            me,
                            req_id_text(r, responsible),
                            v[F_TITLE].str,
                            v[F_BODY].str,
                            html,
                            v[F_DUE].str};
    PGresult *res = db_run(r->db, "voice_issue_insert", ARRAY_SIZE(params), params);
    const char *id = !res             ? NULL
                     : PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, II_ID))
                                      : "";
    PQclear(res);
    if (!id || !*id)
        return id;
    const char *ev[] = {id, inst, me, "raised", "", ""};
    PGresult *e = db_run(r->db, "voice_issue_event", ARRAY_SIZE(ev), ev);
    bool ok = e && notify(r, responsible, "voice_issue",
                          arena_printf(r->mem, "%s raised an issue with you: %s",
                                       r->user->display_name, v[F_TITLE].str),
                          arena_printf(r->mem, "/voice/issues/%s", id));
    PQclear(e);
    return ok ? id : NULL;
}

#define DUE_PAST "The date an answer is due must be after today."

/* Whether date (checked as a date) is after today: 1 or 0, -1 when the
 * database failed. */
static int due_after_today(request *r, const char *date)
{
    const char *params[] = {date};
    PGresult *res = db_run(r->db, "voice_due_ok", ARRAY_SIZE(params), params);
    int ok = !res ? -1 : strcmp(db_text(res, 0, DO_OK), "t") == 0;
    PQclear(res);
    return ok;
}

/* POST /voice/issues */
void page_voice_issue_create(request *r)
{
    field_value v[N_FIELDS];
    const char *err = NULL, *field = NULL;
    long long responsible = 0;
    int due_ok = 1;
    if (voice_may_run(r) <= 0)
        return;
    if (!form_validate(r, issue_fields, N_FIELDS, v, &err)) {
        show_issue_form(r, 400, v, err, r->invalid_field);
        return;
    }
    if (strcmp(v[F_COHORT].str, "college") == 0 && !(r->user->roles & ROLE_UNION_OFFICER))
        err = "Only union officers raise issues for the whole college.", field = "cohort";
    else if ((responsible = staff_named(r, v[F_RESPONSIBLE].str)) == 0)
        err = "There is no member of staff at your college with that username.",
        field = "responsible";
    else if (responsible > 0 && (due_ok = due_after_today(r, v[F_DUE].str)) == 0)
        err = DUE_PAST, field = "due_on";
    if (err || responsible < 0 || due_ok < 0) {
        show_issue_form(r, err ? 400 : 503, v, err ? err : RENDER_DB_DOWN, field);
        return;
    }
    const char *html = richtext_to_arena(r->mem, v[F_BODY].str);
    const char *id = html && db_begin(r->db) ? insert_issue(r, v, responsible, html) : NULL;
    /* By id only: the audit log is read by administrators, the issue by
     * those it is for. */
    if (id && *id &&
        audit(r, "voice_issue_raised", responsible, 0, arena_printf(r->mem, "issue %s", id)) &&
        db_commit(r->db)) {
        resp_redirect(r, arena_printf(r->mem, "/voice/issues/%s", id));
        return;
    }
    db_rollback(r->db);
    if (id && !*id)
        show_issue_form(r, 400, v, "You can raise issues only for cohorts you represent.",
                        "cohort");
    else
        render_db_failed(r);
}

/* ------------------------------------------------------------ one issue */

/* What the issue page shows again after a refusal: an answer refused
 * (its error, the status and response typed), or a new due date refused
 * (its error, the date typed). */
typedef struct {
    const char *error, *status, *response;
    const char *due_error, *due;
} issue_typed;

/* The form that moves the due date, for whoever raised the issue while it
 * awaits a decision. */
static void fill_redate(tpl_dict *d, const PGresult *issue, const issue_typed *typed)
{
    if (strcmp(db_text(issue, 0, IS_MAY_REDATE), "t") != 0)
        return;
    tpl_dict *f = tpl_add_section(d, "REDATE");
    if (typed && typed->due_error)
        tpl_set(tpl_add_section(f, "DUE_ERROR"), "MESSAGE", typed->due_error);
    tpl_set(f, "DUE_ON", typed && typed->due_error ? typed->due : db_text(issue, 0, IS_DUE_ISO));
}

/* The issue page (status 200, or a refusal's with what was typed). */
static void show_issue(request *r, int status, const issue_typed *typed)
{
    const char *error = typed ? typed->error : NULL;
    const char *id = req_id_text(r, req_param_id(r, 0)), *me = req_id_text(r, r->user->id);
    const char *a[] = {id, me}, *b[] = {id};
    const db_call calls[] = {{"voice_issue_get", ARRAY_SIZE(a), a},
                             {"voice_issue_timeline", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
        goto out;
    }
    if (!render_found(r, res[0], NO_ISSUE))
        goto out;
    const char *title = db_text(res[0], 0, IS_TITLE);
    bool refused = error || (typed && typed->due_error);
    tpl_dict *d = render_begin(r, refused ? arena_printf(r->mem, "Error: %s", title) : title,
                               "voice/issue.tpl");
    if (d) {
        fill_issue(d, res[0], 0);
        /* sanitised on save */
        tpl_set_html(d, "BODY_HTML", html_from_db(db_text(res[0], 0, IS_BODY)));
        tpl_set(d, "COHORT", db_text(res[0], 0, IS_COHORT));
        /* Back to the issue's board, for its readers; the member of staff
         * who answers it, or their manager, goes back to student voice. */
        const char *cohort = db_text(res[0], 0, IS_COHORT_ID);
        if (strcmp(db_text(res[0], 0, IS_ON_BOARD), "t") != 0) {
            tpl_set(d, "BACK", "/voice");
            tpl_set(d, "BACK_TO", "Student voice");
        } else {
            tpl_set(d, "BACK",
                    *cohort ? arena_printf(r->mem, "/voice/cohorts/%s", cohort) : "/voice/college");
            tpl_set(d, "BACK_TO",
                    arena_printf(r->mem, "You said, we did: %s", db_text(res[0], 0, IS_COHORT)));
        }
        tpl_set(d, "RAISER", db_text(res[0], 0, IS_RAISER));
        tpl_set(d, "RAISED_ON", db_text(res[0], 0, IS_RAISED_ON));
        if (*db_text(res[0], 0, IS_POLL_ID)) {
            tpl_dict *p = tpl_add_section(d, "POLL");
            tpl_set(p, "POLL_ID", db_text(res[0], 0, IS_POLL_ID));
            tpl_set(p, "POLL_TITLE", db_text(res[0], 0, IS_POLL_TITLE));
        }
        for (int i = 0; i < PQntuples(res[1]); i++) {
            tpl_dict *e = tpl_add_section(d, "EVENT");
            tpl_set(e, "STATUS", db_text(res[1], i, TL_STATUS_WORDS));
            if (*db_text(res[1], i, TL_RESPONSE)) /* sanitised on save */
                tpl_set_html(tpl_add_section(e, "SAID"), "RESPONSE_HTML",
                             html_from_db(db_text(res[1], i, TL_RESPONSE)));
            tpl_set(e, "BY", db_text(res[1], i, TL_BY));
            tpl_set(e, "WHEN", db_text(res[1], i, TL_WHEN));
        }
        if (strcmp(db_text(res[0], 0, IS_MINE_TO_ANSWER), "t") == 0) {
            tpl_dict *f = tpl_add_section(d, "RESPOND");
            if (error)
                tpl_set(tpl_add_section(f, "ERROR"), "MESSAGE", error);
            tpl_set(f, "RESPONSE", typed && typed->response ? typed->response : "");
            const char *current =
                typed && typed->status ? typed->status : db_text(res[0], 0, IS_STATUS);
            tpl_show(f, arena_printf(r->mem, "S_%s", current));
        }
        fill_redate(d, res[0], typed);
    }
    render_end(r, status);
out:
    PQclear(res[0]);
    PQclear(res[1]);
}

/* GET /voice/issues/:id */
void page_voice_issue_show(request *r)
{
    show_issue(r, 200, NULL);
}

enum { R_STATUS, R_RESPONSE, N_R };
static const char *const statuses[] = {"received",     "considering", "accepted",
                                       "not_possible", "done",        NULL};
static const field_spec respond_fields[N_R] = {
    [R_STATUS] = {"status", "the status", FIELD_ENUM, true, 0, 0, statuses},
    [R_RESPONSE] = {"response", "the response", FIELD_STRING, false, 0, 10000, NULL},
};

/* Records the answer in the caller's transaction and tells the raiser;
 * false when the database failed. res: voice_issue_respond's row. */
static bool record_answer(request *r, const char *id, const field_value *v, const PGresult *res,
                          const char *html)
{
    const char *ev[] = {id,
                        req_id_text(r, r->user->institution_id),
                        req_id_text(r, r->user->id),
                        statuses[v[R_STATUS].num],
                        v[R_RESPONSE].str,
                        html};
    PGresult *e = db_run(r->db, "voice_issue_event", ARRAY_SIZE(ev), ev);
    bool ok = e && notify(r, db_int(res, 0, IR_RAISER), "voice_issue",
                          arena_printf(r->mem, "%s answered the issue \"%s\"",
                                       r->user->display_name, db_text(res, 0, IR_TITLE)),
                          arena_printf(r->mem, "/voice/issues/%s", id));
    PQclear(e);
    return ok;
}

/* POST /voice/issues/:id/respond: only the person responsible (404 for
 * anyone else); "not possible" needs the reason. */
void page_voice_issue_respond(request *r)
{
    field_value v[N_R];
    const char *err = NULL;
    const char *id = req_id_text(r, req_param_id(r, 0));
    bool valid = form_validate(r, respond_fields, N_R, v, &err);
    if (valid && v[R_STATUS].num == 3 && !v[R_RESPONSE].present)
        valid = false, err = "Say why it is not possible: the reason is required.";
    const char *html = valid ? richtext_to_arena(r->mem, v[R_RESPONSE].str) : NULL;
    const char *params[] = {id, req_id_text(r, r->user->id),
                            valid ? statuses[v[R_STATUS].num] : NULL};
    PGresult *res = valid && html && db_begin(r->db)
                        ? db_run(r->db, "voice_issue_respond", ARRAY_SIZE(params), params)
                        : NULL;
    if (res && PQntuples(res) && record_answer(r, id, v, res, html) && db_commit(r->db)) {
        resp_redirect(r, arena_printf(r->mem, "/voice/issues/%s#timeline", id));
    } else if (valid) {
        db_rollback(r->db);
        if (res && !PQntuples(res))
            render_error(r, 404,
                         "There is no such issue for you to answer: only the person "
                         "responsible for an issue answers it.");
        else
            render_db_failed(r);
    } else {
        show_issue(r, 400,
                   &(issue_typed){.error = err,
                                  .status = v[R_STATUS].present ? v[R_STATUS].str : NULL,
                                  .response = v[R_RESPONSE].str});
    }
    PQclear(res);
}

/* POST /voice/issues/:id/due: whoever raised it moves the date its answer
 * is due, to a date after today, while it awaits a decision; the person
 * responsible is told. */
void page_voice_issue_redate(request *r)
{
    static const field_spec fields[] = {
        {"due_on", "the date an answer is due", FIELD_DATE, true, 0, 0, NULL}};
    field_value v[1];
    const char *err = NULL, *id = req_id_text(r, req_param_id(r, 0));
    int due_ok = 0;
    if (!form_validate(r, fields, 1, v, &err) || (due_ok = due_after_today(r, v[0].str)) == 0) {
        show_issue(r, 400, &(issue_typed){.due_error = err ? err : DUE_PAST, .due = v[0].str});
        return;
    }
    const char *params[] = {id, req_id_text(r, r->user->id), v[0].str};
    PGresult *res = due_ok > 0 && db_begin(r->db)
                        ? db_run(r->db, "voice_issue_redate", ARRAY_SIZE(params), params)
                        : NULL;
    bool ok =
        res && PQntuples(res) &&
        notify(r, db_int(res, 0, RD_RESPONSIBLE), "voice_issue",
               arena_printf(r->mem, "%s moved the date an answer to \"%s\" is due from %s to %s",
                            r->user->display_name, db_text(res, 0, RD_TITLE),
                            db_text(res, 0, RD_WAS), db_text(res, 0, RD_NOW)),
               arena_printf(r->mem, "/voice/issues/%s", id)) &&
        db_commit(r->db);
    if (ok) {
        resp_redirect(r, arena_printf(r->mem, "/voice/issues/%s", id));
    } else {
        db_rollback(r->db);
        if (res && !PQntuples(res))
            render_error(r, 404,
                         "There is no such issue for you to change: only whoever raised an issue "
                         "moves its date, and only until it is decided.");
        else
            render_db_failed(r);
    }
    PQclear(res);
}

/* ------------------------------------------------------------ boards */

static void show_board(request *r, const char *cohort)
{
    const char *params[] = {req_id_text(r, r->user->id), cohort};
    const db_call calls[] = {{"voice_board_head", ARRAY_SIZE(params), params},
                             {"voice_board", ARRAY_SIZE(params), params}};
    PGresult *res[2] = {NULL, NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res))
        render_db_failed(r);
    else if (render_found(r, res[0], "There is no such board, or it is not yours to read.")) {
        const char *name = db_text(res[0], 0, BH_NAME);
        tpl_dict *d =
            render_begin(r, arena_printf(r->mem, "You said, we did: %s", name), "voice/board.tpl");
        if (d) {
            tpl_set(d, "NAME", name);
            for (int i = 0; i < PQntuples(res[1]); i++) {
                tpl_dict *s = tpl_add_section(d, "ISSUE");
                fill_issue(s, res[1], i);
                if (*db_text(res[1], i, IS_LATEST)) /* sanitised on save */
                    tpl_set_html(tpl_add_section(s, "LATEST"), "RESPONSE_HTML",
                                 html_from_db(db_text(res[1], i, IS_LATEST)));
            }
            if (!PQntuples(res[1]))
                tpl_show(d, "NONE");
        }
        render_end(r, 200);
    }
    PQclear(res[0]);
    PQclear(res[1]);
}

/* GET /voice/cohorts/:id: a cohort's board, for its members. */
void page_voice_board(request *r)
{
    show_board(r, req_id_text(r, req_param_id(r, 0)));
}

/* GET /voice/college: the college-wide board. */
void page_voice_board_college(request *r)
{
    show_board(r, "");
}
