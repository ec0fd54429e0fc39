/* mentoring: relationships between a mentor and a mentee
 * (sql/0013_mentoring.sql). A mentee asks someone at their college to
 * mentor them, with the purpose they want; the mentor accepts or
 * declines. An administrator, or a tutor of the mentee, sets one up
 * directly. Either of the two ends it; its threads (threads.c) stay
 * readable. Only the two see a mentorship. */
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/notify.h"
#include "pages.h"

// clang-format off
/* The columns of a mentorship viewer $1 is in (mentorships_of in
 * sql/policy.sql: only its two people see one): id, the other person's
 * name and username, the viewer's role in it, purpose, state, dates,
 * whether it is in force today. */
#define MENTORSHIP_SELECT                                                                          \
    "SELECT m.id, o.display_name, o.username, w.role, m.purpose, m.state,"                         \
    "       to_char(m.starts_on, '" SQL_DAY "'),"                                                \
    "       coalesce(to_char(m.ends_on, '" SQL_DAY "'), ''),"                                    \
    "       w.live, m.mentor_id, m.mentee_id"                                                      \
    "  FROM mentorships_of($1) w JOIN mentorships m ON m.id = w.mentorship_id"                     \
    "  JOIN users o ON o.id = w.other_id"
/* mentorship_list, mentorship_get: MENTORSHIP_SELECT's columns. */
enum {
    MS_ID,
    MS_OTHER,
    MS_OTHER_USERNAME,
    MS_ROLE,
    MS_PURPOSE,
    MS_STATE,
    MS_STARTS,
    MS_ENDS,
    MS_LIVE,
    MS_MENTOR_ID,
    MS_MENTEE_ID,
    MENTORSHIP_COLUMNS
};
enum { MP_ID, MP_DISPLAY_NAME, MENTORING_PERSON_COLUMNS };
enum { MMS_MAY, MENTORING_MAY_SET_UP_COLUMNS };
enum { MI_ID, MENTORSHIP_INSERT_COLUMNS };
/* mentorship_answer, mentorship_end: the other of the two, to be told. */
enum { MC_OTHER_ID, MENTORSHIP_CHANGE_COLUMNS };
/* mentorship_threads: one row a thread (UNREAD: messages of the other's
 * since the member last read it). */
enum { MT_THREAD_ID, MT_SUBJECT, MT_COUNT, MT_WHEN, MT_UNREAD, MENTORSHIP_THREADS_COLUMNS };

const db_statement mentoring_statements[] = {
    {"mentorship_list", MENTORSHIP_SELECT
     " ORDER BY m.state = 'requested' DESC, w.live DESC, m.created_at DESC",
     MENTORSHIP_COLUMNS},
    {"mentorship_get", MENTORSHIP_SELECT " WHERE w.mentorship_id = $2", MENTORSHIP_COLUMNS},
    /* The active person at college $1 with username $2. */
    {"mentoring_person", "SELECT id, display_name FROM users"
                         " WHERE institution_id = $1 AND username = lower($2)"
                         "   AND status = 'active'",
     MENTORING_PERSON_COLUMNS},
    /* Whether $1 (roles $3) may set up a mentorship for mentee $2: an
     * administrator of the college, or one of the mentee's tutors
     * (teaching_partners). */
    {"mentoring_may_set_up",
     "SELECT ($3::int & 16) <> 0 OR EXISTS (SELECT 1 FROM teaching_partners($1) k"
     "                                       WHERE k.person_id = $2 AND k.viewer_role = 'tutor')",
     MENTORING_MAY_SET_UP_COLUMNS},
    /* A mentorship: requested (by its mentee) or set up active. */
    {"mentorship_insert",
     "INSERT INTO mentorships (institution_id, mentor_id, mentee_id, purpose, starts_on, ends_on,"
     "                         state, set_up_by, answered_at)"
     " VALUES ($1, $2, $3, $4, coalesce(nullif($5, '')::date, current_date), nullif($6, '')::date,"
     "         $7, $8, CASE WHEN $7 = 'active' THEN now() END)"
     " ON CONFLICT DO NOTHING RETURNING id",
     MENTORSHIP_INSERT_COLUMNS},
    /* The mentor $2 answers request $1: $3 'active' or 'declined'. */
    {"mentorship_answer",
     "UPDATE mentorships m SET state = $3, answered_at = now() FROM mentorships_of($2) w"
     " WHERE m.id = $1 AND w.mentorship_id = m.id AND w.role = 'mentor'"
     "   AND m.state = 'requested' RETURNING m.mentee_id",
     MENTORSHIP_CHANGE_COLUMNS},
    /* Either of the two ends mentorship $1 (or withdraws a request). */
    {"mentorship_end",
     "UPDATE mentorships m SET state = 'ended', ended_at = now(), ended_by = $2"
     "  FROM mentorships_of($2) w"
     " WHERE m.id = $1 AND w.mentorship_id = m.id AND m.state IN ('requested', 'active')"
     " RETURNING w.other_id",
     MENTORSHIP_CHANGE_COLUMNS},
    /* The threads of mentorship $1 that member $2 is in (thread_members),
     * newest first. */
    {"mentorship_threads",
     "SELECT w.thread_id, w.subject, w.message_count,"
     "       to_char(w.last_message_at, '" SQL_DAY "'),"
     "       (SELECT count(*) FROM messages x WHERE x.thread_id = w.thread_id"
     "           AND x.id > w.last_read_id AND x.author_id <> $2)"
     "  FROM thread_members($2) w"
     " WHERE w.mentorship_id = $1 ORDER BY w.last_message_at DESC",
     MENTORSHIP_THREADS_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define NO_MENTORSHIP "There is no such mentorship, or it is not yours."

static const char *mentorship_state(const PGresult *res, int i)
{
    const char *state = db_text(res, i, MS_STATE);
    return strcmp(state, "requested") == 0              ? "Waiting for the mentor"
           : strcmp(state, "declined") == 0             ? "Declined"
           : strcmp(state, "ended") == 0                ? "Ended"
           : strcmp(db_text(res, i, MS_LIVE), "t") == 0 ? "Active"
                                                        : "Not in force today";
}

/* Row i of a mentorship statement into d. */
static void fill_mentorship(tpl_dict *d, const PGresult *res, int i)
{
    bool mentor = strcmp(db_text(res, i, MS_ROLE), "mentor") == 0;
    tpl_set(d, "ID", db_text(res, i, MS_ID));
    tpl_set(d, "OTHER", db_text(res, i, MS_OTHER));
    tpl_set(d, "OTHER_USERNAME", db_text(res, i, MS_OTHER_USERNAME));
    tpl_set(d, "ROLE", mentor ? "You mentor" : "Your mentor");
    tpl_set(d, "PURPOSE", db_text(res, i, MS_PURPOSE));
    tpl_set(d, "STATE", mentorship_state(res, i));
    tpl_set(d, "STARTS", db_text(res, i, MS_STARTS));
    if (*db_text(res, i, MS_ENDS))
        tpl_set(tpl_add_section(d, "ENDS"), "DATE", db_text(res, i, MS_ENDS));
}

/* GET /mentoring: my mentorships, requests waiting for me first. */
void page_mentoring_list(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "mentorship_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Mentoring", "mentoring/list.tpl");
    if (d) {
        tpl_dict *table = PQntuples(res) ? tpl_add_section(d, "TABLE") : NULL;
        for (int i = 0; i < PQntuples(res); i++)
            fill_mentorship(tpl_add_section(table, "MENTORSHIP"), res, i);
        if (!PQntuples(res))
            tpl_show(d, "NONE");
        const http_field *done = req_query(r, "done");
        if (done)
            tpl_set(tpl_add_section(d, "DONE"), "MESSAGE",
                    strcmp(done->value, "requested") == 0
                        ? "Your request was sent. You will be told when they answer."
                        : "The mentorship was set up. Both of you have been told.");
    }
    render_end(r, 200);
    PQclear(res);
}

/* ------------------------------------------------------------ starting */

enum { F_MENTOR, F_MENTEE, F_PURPOSE, F_STARTS, F_ENDS, N_FIELDS };
static const field_spec mentorship_fields[N_FIELDS] = {
    [F_MENTOR] = {"mentor", "the mentor's username", FIELD_STRING, true, 1, 60, NULL},
    [F_MENTEE] = {"mentee", "the mentee's username", FIELD_STRING, false, 0, 60, NULL},
    [F_PURPOSE] = {"purpose", "the purpose", FIELD_STRING, true, 1, 2000, NULL},
    [F_STARTS] = {"starts_on", "the start date", FIELD_DATE, false, 0, 0, NULL},
    [F_ENDS] = {"ends_on", "the end date", FIELD_DATE, false, 0, 0, NULL},
};

/* Staff set mentorships up for others; everyone else asks for a mentor. */
static bool sets_up(request *r)
{
    return (r->user->roles & (ROLE_STAFF | ROLE_INSTITUTION_ADMIN)) != 0;
}

/* Whether this form sets one up for a mentee it names; staff who leave the
 * mentee out ask for a mentor for themselves, as anyone does. */
static bool setting_up(request *r, const field_value *v)
{
    return sets_up(r) && v[F_MENTEE].present;
}

static void show_form(request *r, int status, const field_value *v, const char *error,
                      const char *field)
{
    bool staff = sets_up(r);
    const char *heading = staff ? "Set up a mentorship" : "Ask someone to mentor you";
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "mentoring/form.tpl");
    if (d) {
        tpl_set(d, "HEADING", heading);
        tpl_show(d, staff ? "STAFF" : "MENTEE");
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "mentor");
        }
        static const char *const names[N_FIELDS] = {"MENTOR", "MENTEE", "PURPOSE", "STARTS",
                                                    "ENDS"};
        for (int i = 0; i < N_FIELDS; i++)
            tpl_set(d, names[i], v ? v[i].str : "");
    }
    render_end(r, status);
}

void page_mentoring_new(request *r)
{
    show_form(r, 200, NULL, NULL, NULL);
}

/* The id of the active person at my college with username, or 0 (-1 if
 * the database failed). */
static long long person_named(request *r, const char *username)
{
    const char *params[] = {req_id_text(r, r->user->institution_id), username};
    PGresult *res = db_run(r->db, "mentoring_person", ARRAY_SIZE(params), params);
    long long id = !res ? -1 : PQntuples(res) ? db_int(res, 0, MP_ID) : 0;
    PQclear(res);
    return id;
}

/* Who the new mentorship joins, checked: *mentor and *mentee set, or the
 * refusal (and *field the box it is about). */
static const char *choose_people(request *r, const field_value *v, long long *mentor,
                                 long long *mentee, const char **field)
{
    *field = "mentor";
    *mentor = person_named(r, v[F_MENTOR].str);
    *mentee = setting_up(r, v) ? person_named(r, v[F_MENTEE].str) : r->user->id;
    if (*mentor < 0 || *mentee < 0)
        return RENDER_DB_DOWN;
    if (!*mentor)
        return "There is nobody at your college with that username: check it on their profile.";
    if (!*mentee) {
        *field = "mentee";
        return "There is no learner at your college with that username.";
    }
    if (*mentor == *mentee)
        return "The mentor and the mentee must be two different people.";
    if (!setting_up(r, v))
        return NULL;
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, *mentee),
                            req_id_text(r, r->user->roles)};
    PGresult *res = db_run(r->db, "mentoring_may_set_up", ARRAY_SIZE(params), params);
    bool may = res && strcmp(db_text(res, 0, MMS_MAY), "t") == 0;
    const char *refusal = !res   ? RENDER_DB_DOWN
                          : !may ? "You can set up mentoring only for learners you teach."
                                 : NULL;
    *field = "mentee";
    PQclear(res);
    return refusal;
}

/* POST /mentoring: a request to a mentor, or (by staff) a mentorship set
 * up at once; both people are told. */
void page_mentoring_create(request *r)
{
    field_value v[N_FIELDS];
    const char *err, *field = NULL;
    long long mentor = 0, mentee = 0;
    if (!form_validate(r, mentorship_fields, N_FIELDS, v, &err) ||
        (err = choose_people(r, v, &mentor, &mentee, &field))) {
        show_form(r, 400, v, err, field ? field : r->invalid_field);
        return;
    }
    bool staff = setting_up(r, v);
    const char *params[] = {req_id_text(r, r->user->institution_id),
                            req_id_text(r, mentor),
                            req_id_text(r, mentee),
                            v[F_PURPOSE].str,
                            v[F_STARTS].str,
                            v[F_ENDS].str,
                            staff ? "active" : "requested",
                            req_id_text(r, r->user->id)};
    PGresult *res = NULL;
    bool ok =
        db_begin(r->db) && (res = db_run(r->db, "mentorship_insert", ARRAY_SIZE(params), params));
    if (ok && !PQntuples(res)) {
        db_rollback(r->db);
        show_form(r, 409, v, "These two already have a mentorship, or a request waiting.",
                  "mentor");
        PQclear(res);
        return;
    }
    const char *link = ok ? arena_printf(r->mem, "/mentoring/%s", db_text(res, 0, MI_ID)) : NULL;
    ok =
        ok &&
        notify(r, mentor, "mentorship",
               arena_printf(r->mem,
                            staff ? "%s set up a mentorship: you mentor someone now."
                                  : "%s asked you to be their mentor.",
                            r->user->display_name),
               link) &&
        (!staff ||
         notify(r, mentee, "mentorship",
                arena_printf(r->mem, "%s set up a mentorship for you.", r->user->display_name),
                link)) &&
        audit(r, staff ? "mentorship_set_up" : "mentorship_requested", mentee, 0, "a mentorship") &&
        db_commit(r->db);
    if (!ok) {
        db_rollback(r->db);
        show_form(r, 503, v, RENDER_DB_DOWN, "mentor");
    } else {
        resp_redirect(r, staff ? "/mentoring?done=set-up" : "/mentoring?done=requested");
    }
    PQclear(res);
}

/* ------------------------------------------------------------ one mentorship */

/* GET /mentoring/:id: the mentorship, what can be done with it, and its
 * threads. */
void page_mentoring_show(request *r)
{
    const char *me = req_id_text(r, r->user->id), *id = req_id_text(r, req_param_id(r, 0));
    const char *a[] = {me, id}, *b[] = {id, me};
    const db_call calls[] = {{"mentorship_get", ARRAY_SIZE(a), a},
                             {"mentorship_threads", ARRAY_SIZE(b), b}};
    PGresult *res[2] = {NULL, NULL};
    if (!db_run_pipeline(r->db, ARRAY_SIZE(calls), calls, res)) {
        render_db_failed(r);
    } else if (!PQntuples(res[0])) {
        render_error(r, 404, NO_MENTORSHIP);
    } else {
        tpl_dict *d =
            render_begin(r, arena_printf(r->mem, "Mentoring: %s", db_text(res[0], 0, MS_OTHER)),
                         "mentoring/show.tpl");
        if (d) {
            fill_mentorship(d, res[0], 0);
            const char *state = db_text(res[0], 0, MS_STATE);
            bool mentor = strcmp(db_text(res[0], 0, MS_ROLE), "mentor") == 0;
            if (strcmp(state, "requested") == 0 && mentor)
                tpl_show(d, "CAN_ANSWER");
            if (strcmp(state, "requested") == 0 || strcmp(state, "active") == 0)
                tpl_show(d, "CAN_END");
            if (strcmp(db_text(res[0], 0, MS_LIVE), "t") == 0)
                tpl_show(d, "CAN_WRITE");
            for (int i = 0; i < PQntuples(res[1]); i++) {
                tpl_dict *t = tpl_add_section(d, "THREAD");
                tpl_set(t, "THREAD_ID", db_text(res[1], i, MT_THREAD_ID));
                tpl_set(t, "SUBJECT", db_text(res[1], i, MT_SUBJECT));
                tpl_set(t, "COUNT", db_text(res[1], i, MT_COUNT));
                tpl_set(t, "WHEN", db_text(res[1], i, MT_WHEN));
                if (strcmp(db_text(res[1], i, MT_UNREAD), "0") != 0)
                    tpl_set(tpl_add_section(t, "UNREAD"), "N", db_text(res[1], i, MT_UNREAD));
            }
            if (!PQntuples(res[1]))
                tpl_show(d, "NO_THREADS");
        }
        render_end(r, 200);
    }
    PQclear(res[0]);
    PQclear(res[1]);
}

/* A change to mentorship :id by statement (params: the id, me, extra),
 * which returns the other person: they are told subject (a format for my
 * name); refused with refusal when the statement changes nothing. */
static void change_mentorship(request *r, const char *statement, const char *extra,
                              const char *refusal, const char *subject)
{
    const char *id = req_id_text(r, req_param_id(r, 0));
    const char *params[] = {id, req_id_text(r, r->user->id), extra};
    PGresult *res = NULL;
    bool ok = db_begin(r->db) && (res = db_run(r->db, statement, extra ? 3 : 2, params));
    if (ok && !PQntuples(res)) {
        db_rollback(r->db);
        render_error(r, 409, refusal);
        PQclear(res);
        return;
    }
    ok = ok &&
         notify(r, db_int(res, 0, MC_OTHER_ID), "mentorship",
                arena_printf(r->mem, subject, r->user->display_name),
                arena_printf(r->mem, "/mentoring/%s", id)) &&
         db_commit(r->db);
    if (ok) {
        resp_redirect(r, arena_printf(r->mem, "/mentoring/%s", id));
    } else {
        db_rollback(r->db);
        render_db_failed(r);
    }
    PQclear(res);
}

#define NO_REQUEST "There is no request waiting for your answer here."

/* POST /mentoring/:id/accept and /decline: the mentor answers a request. */
void page_mentoring_accept(request *r)
{
    change_mentorship(r, "mentorship_answer", "active", NO_REQUEST, "%s agreed to mentor you.");
}

void page_mentoring_decline(request *r)
{
    change_mentorship(r, "mentorship_answer", "declined", NO_REQUEST, "%s declined to mentor you.");
}

/* GET /mentoring/:id/end: asks first, while it can be ended. */
void page_mentoring_confirm_end(request *r)
{
    const char *me = req_id_text(r, r->user->id), *id = req_id_text(r, req_param_id(r, 0));
    const char *params[] = {me, id};
    PGresult *res = db_run(r->db, "mentorship_get", ARRAY_SIZE(params), params);
    const char *state = res && PQntuples(res) ? db_text(res, 0, MS_STATE) : "";
    bool requested = strcmp(state, "requested") == 0;
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        render_error(r, 404, NO_MENTORSHIP);
    else if (!requested && strcmp(state, "active") != 0)
        render_error(r, 409, "This mentorship has ended already.");
    else
        render_confirmation(
            r, &(confirmation){
                   .caption = arena_printf(r->mem, "Mentoring: %s", db_text(res, 0, MS_OTHER)),
                   .question = requested ? "Withdraw this mentoring request?"
                                         : arena_printf(r->mem, "End your mentorship with %s?",
                                                        db_text(res, 0, MS_OTHER)),
                   .consequence = arena_printf(
                       r->mem,
                       "%s will be told. Your threads stay readable to both of you, but no new "
                       "messages can be sent. A mentorship that has ended cannot be started "
                       "again: a new one would have to be asked for.",
                       db_text(res, 0, MS_OTHER)),
                   .action = arena_printf(r->mem, "/mentoring/%s/end", id),
                   .button = requested ? "Withdraw the request" : "End the mentorship",
                   .back = arena_printf(r->mem, "/mentoring/%s", id),
                   .keep = requested ? "Keep the request" : "Keep the mentorship"});
    PQclear(res);
}

/* POST /mentoring/:id/end: either of the two ends it (or withdraws a
 * request); the other is told. Its threads stay readable. */
void page_mentoring_end(request *r)
{
    change_mentorship(r, "mentorship_end", NULL,
                      "This mentorship is not one you can end: it has ended already, or it is "
                      "not yours.",
                      "%s ended your mentorship. Its messages stay readable.");
}
