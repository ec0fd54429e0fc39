/* voice: student-voice polls (sql/0016_voice.sql). A cohort's student
 * representative writes a poll for one or more of the cohorts they
 * represent; a student-union officer writes one for the whole college.
 * While it is a draft (or scheduled and not yet open) its creator changes
 * its settings and questions; once open, its settings, anonymity above
 * all, are fixed, and it can only be closed early. Voting is in
 * voice_ballots.c, results in voice_results.c, issues in voice_issues.c. */
#include <string.h>

#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/config.h"
#include "../http/router.h"
#include "voice.h"
#include "voice_mix.h"

// clang-format off
/* Poll $2 (its id as it came in the path) for the session whose token
 * hash is $1, if they see it: the columns of enum PH_*. Who sees a poll,
 * who changes it and who votes in it is poll_readers in sql/policy.sql
 * (mine, eligible). */
#define POLL_HEAD                                                                                  \
    "SELECT p.id, p.title, p.description, p.anonymous, p.visibility, p.scope,"                    \
    "       coalesce(to_char(p.opens_at, '" SQL_DAY ", HH24:MI'), ''),"                         \
    "       to_char(p.closes_at, '" SQL_DAY ", HH24:MI'),"                                      \
    "       CASE WHEN p.opens_at IS NULL THEN 'draft' WHEN p.opens_at > now() THEN 'scheduled'"   \
    "            WHEN p.closes_at > now() THEN 'open' ELSE 'closed' END,"                         \
    "       r.mine, r.eligible,"                                                                   \
    "       coalesce(to_char(v.voted_on, '" SQL_DAY "'), ''), p.voters,"                        \
    "       CASE WHEN p.public_key IS NULL THEN i.voice_min_voters ELSE p.batch_size END,"        \
    "       coalesce(to_char(p.opens_at, 'YYYY-MM-DD\"T\"HH24:MI'), ''),"                         \
    "       to_char(p.closes_at, 'YYYY-MM-DD\"T\"HH24:MI'),"                                      \
    "       coalesce((SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM poll_cohorts pc"       \
    "                   JOIN cohorts c ON c.id = pc.cohort_id WHERE pc.poll_id = p.id),"          \
    "                'Everyone at ' || i.name), u.display_name,"                                  \
    "       coalesce(p.public_key::text, ''), p.counted, p.uncounted, p.final_at IS NOT NULL,"    \
    "       p.spoiled"                                                                            \
    "  FROM session_viewer($1) w"                                                                  \
    "  JOIN poll_readers(w.id) r ON r.poll_id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END" \
    "  JOIN polls p ON p.institution_id = w.institution_id AND p.id = r.poll_id"                  \
    "  JOIN institutions i ON i.id = p.institution_id JOIN users u ON u.id = p.created_by"        \
    "  LEFT JOIN poll_voters v ON v.poll_id = p.id AND v.user_id = w.id"

/* Poll $1 not yet open, if $2 may change it (poll_readers: its creator):
 * what may still change. For a statement on polls (as polls). */
#define EDITABLE                                                                                   \
    " polls.id = $1 AND (polls.opens_at IS NULL OR polls.opens_at > now())"                       \
    " AND EXISTS (SELECT 1 FROM poll_readers($2::bigint) r WHERE r.poll_id = $1 AND r.mine)"

/* voice_polls: one row a poll. */
enum { VP_ID, VP_TITLE, VP_STATE, VP_CLOSES, VP_MINE, VP_VOTED, VP_VOTERS, VOICE_POLLS_COLUMNS };
/* voice_poll_insert and voice_poll_update: the poll written. */
enum { PS_ID, VOICE_POLL_INSERT_COLUMNS };
/* voice_times_ahead: whether each time is to come. */
enum { TA_OPENS_OK, TA_CLOSES_OK, VOICE_TIMES_AHEAD_COLUMNS };
/* voice_question_insert: the question added. */
enum { QI_ID, VOICE_QUESTION_INSERT_COLUMNS };

const db_statement voice_statements[] = {
    {"voice_poll_head", POLL_HEAD, VOICE_POLL_HEAD_COLUMNS},
    /* The polls person $1 (at college $2) runs or sees (poll_readers),
     * open ones first. */
    {"voice_polls",
     "SELECT p.id, p.title,"
     "       CASE WHEN p.opens_at IS NULL THEN 'draft' WHEN p.opens_at > now() THEN 'scheduled'"
     "            WHEN p.closes_at > now() THEN 'open' ELSE 'closed' END,"
     "       to_char(p.closes_at, '" SQL_DAY ", HH24:MI'), r.mine,"
     "       v.user_id IS NOT NULL, p.voters"
     "  FROM poll_readers($1::bigint) r"
     "  JOIN polls p ON p.institution_id = $2::bigint AND p.id = r.poll_id"
     "  LEFT JOIN poll_voters v ON v.poll_id = p.id AND v.user_id = $1::bigint"
     " ORDER BY p.opens_at IS NOT NULL AND p.closes_at > now() DESC, p.closes_at DESC LIMIT 100",
     VOICE_POLLS_COLUMNS},
    /* The cohorts $1 represents (represented_cohorts). */
    {"voice_rep_cohorts",
     "SELECT c.id, c.name, c.code FROM represented_cohorts($1::bigint) m"
     "  JOIN cohorts c ON c.id = m.cohort_id ORDER BY c.name",
     VOICE_REP_COHORTS_COLUMNS},
    {"voice_poll_insert",
     "INSERT INTO polls (institution_id, created_by, scope, title, description, anonymous,"
     "                   visibility, opens_at, closes_at)"
     " VALUES ($1, $2, $3, $4, $5, $6, $7, nullif($8, '')::timestamptz, $9::timestamptz)"
     " RETURNING id",
     VOICE_POLL_INSERT_COLUMNS},
    /* Whether opening time $1 ('' for none) and closing time $2 are to come. */
    {"voice_times_ahead",
     "SELECT $1 = '' OR nullif($1, '')::timestamptz > now(), $2::timestamptz > now()",
     VOICE_TIMES_AHEAD_COLUMNS},
    {"voice_poll_update",
     "UPDATE polls SET scope = $3, title = $4, description = $5, anonymous = $6,"
     "       visibility = $7, opens_at = nullif($8, '')::timestamptz,"
     "       closes_at = $9::timestamptz"
     " WHERE" EDITABLE " RETURNING polls.id",
     VOICE_POLL_INSERT_COLUMNS},
    /* The cohorts of poll $1: those of $3 that $2 represents. */
    {"voice_poll_cohorts_clear", "DELETE FROM poll_cohorts WHERE poll_id = $1", 0},
    {"voice_poll_cohorts",
     "INSERT INTO poll_cohorts (poll_id, cohort_id, institution_id)"
     " SELECT $1, c.id, c.institution_id FROM represented_cohorts($2::bigint) m"
     "   JOIN cohorts c ON c.id = m.cohort_id"
     "  WHERE c.id = ANY ($3::bigint[]) RETURNING cohort_id",
     1},
    {"voice_question_insert",
     "INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,"
     "                            min_choices, max_choices)"
     " SELECT polls.id, polls.institution_id,"
     "        coalesce((SELECT max(position) FROM poll_questions WHERE poll_id = polls.id), 0) + 1,"
     "        $3, $4, $5, $6, $7"
     "   FROM polls WHERE" EDITABLE " RETURNING id",
     VOICE_QUESTION_INSERT_COLUMNS},
    {"voice_options_insert",
     "INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)"
     " SELECT q.id, q.poll_id, q.institution_id, o.n, o.label"
     "   FROM poll_questions q, unnest($2::text[]) WITH ORDINALITY o(label, n) WHERE q.id = $1",
     0},
    {"voice_question_delete",
     "DELETE FROM poll_questions WHERE id = $3"
     "   AND poll_id = (SELECT id FROM polls WHERE" EDITABLE ") RETURNING id",
     1},
    {"voice_poll_open",
     "UPDATE polls SET opens_at = now() WHERE" EDITABLE " AND closes_at > now()"
     "   AND EXISTS (SELECT 1 FROM poll_questions q WHERE q.poll_id = polls.id) RETURNING id",
     1},
    {"voice_poll_close",
     "UPDATE polls SET closes_at = now(), closed_early = true"
     " WHERE id = $1 AND opens_at <= now() AND closes_at > now()"
     "   AND EXISTS (SELECT 1 FROM poll_readers($2::bigint) r WHERE r.poll_id = $1 AND r.mine)"
     " RETURNING id",
     1},
    /* Every question of poll $1 with its options (enum VQ_*); votes: the
     * tally of the ballots counted so far (whole batches only). */
    {"voice_questions",
     "SELECT q.id, q.kind, q.prompt, q.required, q.min_choices, q.max_choices,"
     "       coalesce(o.id::text, ''), coalesce(o.label, ''), coalesce(o.votes, 0)"
     "  FROM poll_questions q LEFT JOIN poll_options o ON o.question_id = q.id"
     " WHERE q.poll_id = $1 ORDER BY q.position, o.position",
     VOICE_QUESTIONS_COLUMNS},
    {NULL, NULL},
};
// clang-format on

bool voice_flag(const PGresult *res, int col)
{
    return strcmp(db_text(res, 0, col), "t") == 0;
}

const PGresult *voice_poll(request *r, PGresult **owned)
{
    *owned = NULL;
    const PGresult *head = r->prefetched;
    if (!r->route->prefetch) {
        const char *params[] = {r->user->session_hash, r->n_params ? r->params[0] : ""};
        head = *owned = db_run(r->db, "voice_poll_head", ARRAY_SIZE(params), params);
    }
    return render_found(r, head, VOICE_NO_POLL) ? head : NULL;
}

static bool union_officer(request *r)
{
    return (r->user->roles & ROLE_UNION_OFFICER) != 0;
}

const char *voice_state_words(const char *state)
{
    return strcmp(state, "draft") == 0       ? "Draft"
           : strcmp(state, "scheduled") == 0 ? "Opens later"
           : strcmp(state, "open") == 0      ? "Open"
                                             : "Closed";
}

/* ------------------------------------------------------------ the index */

static void fill_polls(tpl_dict *d, const PGresult *res)
{
    tpl_dict *runs = NULL;
    bool any = false;
    for (int i = 0; i < PQntuples(res); i++) {
        bool mine = strcmp(db_text(res, i, VP_MINE), "t") == 0;
        if (mine && !runs)
            runs = tpl_add_section(d, "RUNS");
        tpl_dict *p = mine ? tpl_add_section(runs, "RUN") : tpl_add_section(d, "POLL");
        any = any || !mine;
        tpl_set(p, "ID", db_text(res, i, VP_ID));
        tpl_set(p, "TITLE", db_text(res, i, VP_TITLE));
        tpl_set(p, "STATE", voice_state_words(db_text(res, i, VP_STATE)));
        tpl_set(p, "CLOSE_WORD",
                strcmp(db_text(res, i, VP_STATE), "closed") == 0 ? "closed" : "closes");
        tpl_set(p, "CLOSES", db_text(res, i, VP_CLOSES));
        tpl_set(p, "VOTERS", db_text(res, i, VP_VOTERS));
        if (strcmp(db_text(res, i, VP_VOTED), "t") == 0)
            tpl_show(p, "VOTED");
        else if (strcmp(db_text(res, i, VP_STATE), "open") == 0)
            tpl_show(p, "CAN_VOTE");
    }
    if (!any)
        tpl_show(d, "NO_POLLS");
}

/* The issues I am to answer, or whose answerer I manage. */
static void fill_answerable(tpl_dict *d, const PGresult *res)
{
    tpl_dict *t = PQntuples(res) ? tpl_add_section(d, "ANSWERS") : NULL;
    for (int i = 0; i < PQntuples(res); i++) {
        tpl_dict *s = tpl_add_section(t, "ANSWER");
        tpl_set(s, "ID", db_text(res, i, AN_ID));
        tpl_set(s, "TITLE", db_text(res, i, AN_TITLE));
        tpl_set(s, "STATUS", db_text(res, i, AN_STATUS_WORDS));
        tpl_set(s, "DUE", db_text(res, i, AN_DUE));
        if (strcmp(db_text(res, i, AN_OVERDUE), "t") == 0)
            tpl_show(s, "OVERDUE");
        if (strcmp(db_text(res, i, AN_MINE), "t") != 0)
            tpl_set(tpl_add_section(s, "FOR"), "NAME", db_text(res, i, AN_RESPONSIBLE));
    }
}

/* GET /voice: polls for me, polls I run, the boards I may read and the
 * issues I am to answer. */
void page_voice_index(request *r)
{
    const char *me = req_id_text(r, r->user->id);
    const char *a[] = {me}, *b[] = {me, req_id_text(r, r->user->institution_id)};
    const db_call calls[] = {{"voice_polls", ARRAY_SIZE(b), b},
                             {"voice_rep_cohorts", ARRAY_SIZE(a), a},
                             {"voice_boards", ARRAY_SIZE(b), b},
                             {"voice_answerable", ARRAY_SIZE(a), a}};
    PGresult *res[4] = {NULL};
    if (!DB_RUN_PIPELINE(r->db, calls, res)) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d = render_begin(r, "Student voice", "voice/index.tpl");
    if (d) {
        fill_polls(d, res[0]);
        if (PQntuples(res[1]) || union_officer(r))
            tpl_show(d, "MAY_RUN");
        for (int i = 0; i < PQntuples(res[2]); i++) {
            tpl_dict *b = tpl_add_section(d, "BOARD");
            tpl_set(b, "HREF",
                    *db_text(res[2], i, BD_COHORT)
                        ? arena_printf(r->mem, "/voice/cohorts/%s", db_text(res[2], i, BD_COHORT))
                        : "/voice/college");
            tpl_set(b, "NAME", db_text(res[2], i, BD_NAME));
            tpl_set(b, "OPEN", db_text(res[2], i, BD_OPEN));
        }
        fill_answerable(d, res[3]);
    }
    render_end(r, 200);
out:
    for (int i = 0; i < 4; i++)
        PQclear(res[i]);
}

/* ------------------------------------------------------------ settings */

enum { F_TITLE, F_DESCRIPTION, F_AUDIENCE, F_ANONYMOUS, F_VISIBILITY, F_OPENS, F_CLOSES, N_FIELDS };
static const char *const yes_no[] = {"yes", "no", NULL};
static const char *const visibilities[] = {"live", "voted", "closed", NULL};
static const field_spec poll_fields[N_FIELDS] = {
    [F_TITLE] = {"title", "the title", FIELD_STRING, true, 1, 200, NULL},
    [F_DESCRIPTION] = {"description", "the description", FIELD_STRING, false, 0, 2000, NULL},
    [F_AUDIENCE] = {"audience", "who the poll is for", FIELD_STRING, true, 1, 20, NULL},
    [F_ANONYMOUS] = {"anonymous", "whether it is anonymous", FIELD_ENUM, true, 0, 0, yes_no},
    [F_VISIBILITY] = {"visibility", "when results show", FIELD_ENUM, true, 0, 0, visibilities},
    [F_OPENS] = {"opens_at", "the opening time", FIELD_STRING, false, 0, 16, NULL},
    [F_CLOSES] = {"closes_at", "the closing time", FIELD_STRING, true, 16, 16, NULL},
};

/* Whether s is a date and time as <input type="datetime-local"> sends it:
 * YYYY-MM-DDTHH:MM. */
static bool is_datetime(request *r, const char *s)
{
    if (strlen(s) != 16 || s[10] != 'T' || s[13] != ':')
        return false;
    if (validate_date(arena_strndup(r->mem, s, 10)))
        return false;
    long long h, m;
    return !validate_int(arena_strndup(r->mem, s + 11, 2), 0, 23, &h) &&
           !validate_int(s + 14, 0, 59, &m);
}

/* What the form asked the poll to be for: "college", or the cohort ids as
 * a PostgreSQL array literal (NULL when a value is neither). */
static const char *audience(request *r, bool *college)
{
    buf b = {0};
    *college = false;
    buf_append(&b, "{", 1);
    for (size_t i = 0; i < r->n_body_fields; i++) {
        const http_field *f = &r->body_fields[i];
        long long id;
        if (strcmp(f->name, "audience") != 0)
            continue;
        if (strcmp(f->value, "college") == 0) {
            *college = true;
        } else if (validate_int(f->value, 1, 999999999999LL, &id)) {
            buf_free(&b);
            return NULL;
        } else {
            if (b.len > 1)
                buf_append(&b, ",", 1);
            buf_printf(&b, "%lld", id);
        }
    }
    buf_append(&b, "}", 1);
    const char *out = arena_strdup(r->mem, b.data);
    buf_free(&b);
    return out;
}

/* The settings form (new poll, or a draft's settings), what was typed
 * kept; chosen: the cohort ids ticked, as "{1,2}". */
static void show_form(request *r, int status, const PGresult *head, const field_value *v,
                      const char *chosen, const char *error, const char *field)
{
    const char *me[] = {req_id_text(r, r->user->id)};
    PGresult *cohorts = db_run(r->db, "voice_rep_cohorts", ARRAY_SIZE(me), me);
    if (!cohorts) {
        render_db_failed(r);
        return;
    }
    const char *heading = head ? "Change the poll's settings" : "Create a poll";
    tpl_dict *d = render_begin(r, error ? arena_printf(r->mem, "Error: %s", heading) : heading,
                               "voice/poll_form.tpl");
    if (d) {
        tpl_set(d, "HEADING", heading);
        tpl_set(d, "ACTION",
                head ? arena_printf(r->mem, "/voice/polls/%s", db_text(head, 0, PH_ID))
                     : "/voice/polls");
        tpl_set(d, "BACK",
                head ? arena_printf(r->mem, "/voice/polls/%s", db_text(head, 0, PH_ID)) : "/voice");
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "title");
        }
        tpl_set(d, "TITLE", v ? v[F_TITLE].str : head ? db_text(head, 0, PH_TITLE) : "");
        tpl_set(d, "DESCRIPTION",
                v      ? v[F_DESCRIPTION].str
                : head ? db_text(head, 0, PH_DESCRIPTION)
                       : "");
        tpl_set(d, "OPENS", v ? v[F_OPENS].str : head ? db_text(head, 0, PH_OPENS_INPUT) : "");
        tpl_set(d, "CLOSES", v ? v[F_CLOSES].str : head ? db_text(head, 0, PH_CLOSES_INPUT) : "");
        bool anonymous = v ? v[F_ANONYMOUS].num == 0 || !v[F_ANONYMOUS].present
                           : !head || voice_flag(head, PH_ANONYMOUS);
        tpl_show(d, anonymous ? "ANONYMOUS_YES" : "ANONYMOUS_NO");
        const char *vis = v && v[F_VISIBILITY].present ? visibilities[v[F_VISIBILITY].num]
                          : head                       ? db_text(head, 0, PH_VISIBILITY)
                                                       : "closed";
        tpl_show(d, arena_printf(r->mem, "VISIBILITY_%s",
                                 strcmp(vis, "live") == 0    ? "LIVE"
                                 : strcmp(vis, "voted") == 0 ? "VOTED"
                                                             : "CLOSED"));
        for (int i = 0; i < PQntuples(cohorts); i++) {
            tpl_dict *c = tpl_add_section(d, "COHORT");
            tpl_set(c, "ID", db_text(cohorts, i, RC_ID));
            tpl_set(c, "NAME", db_text(cohorts, i, RC_NAME));
            tpl_set(c, "CODE", db_text(cohorts, i, RC_CODE));
            const char *needle = arena_printf(r->mem, ",%s,", db_text(cohorts, i, RC_ID));
            const char *set =
                chosen && strlen(chosen) >= 2
                    ? arena_printf(r->mem, ",%.*s,", (int)strlen(chosen) - 2, chosen + 1)
                    : "";
            if (strstr(set, needle) || (!chosen && PQntuples(cohorts) == 1))
                tpl_show(c, "CHECKED");
        }
        if (union_officer(r)) {
            tpl_dict *u = tpl_add_section(d, "COLLEGE");
            if (head && strcmp(db_text(head, 0, PH_SCOPE), "college") == 0)
                tpl_show(u, "CHECKED");
        }
    }
    render_end(r, status);
    PQclear(cohorts);
}

/* The settings as checked; NULL, or the refusal with *field. */
static const char *check_settings(request *r, const field_value *v, const char *cohorts,
                                  bool college, const char **field)
{
    *field = "audience";
    if (!cohorts)
        return "Choose who the poll is for from the list.";
    if (college && !union_officer(r))
        return "Only student-union officers run polls for the whole college.";
    if (college && strcmp(cohorts, "{}") != 0)
        return "A poll is either for the whole college or for cohorts: choose one or the other.";
    *field = "opens_at";
    if (v[F_OPENS].present && !is_datetime(r, v[F_OPENS].str))
        return "Enter the opening time as a date and a time, for example 2026-12-01 09:00.";
    *field = "closes_at";
    if (!is_datetime(r, v[F_CLOSES].str))
        return "Enter the closing time as a date and a time, for example 2026-12-08 17:00.";
    if (v[F_OPENS].present && strcmp(v[F_OPENS].str, v[F_CLOSES].str) >= 0)
        return "The poll must close after it opens.";
    const char *params[] = {v[F_OPENS].str, v[F_CLOSES].str};
    PGresult *res = db_run(r->db, "voice_times_ahead", ARRAY_SIZE(params), params);
    const char *refusal = !res ? RENDER_DB_DOWN
                          : strcmp(db_text(res, 0, TA_CLOSES_OK), "t") != 0
                              ? "The closing time has passed: choose a time to come."
                          : strcmp(db_text(res, 0, TA_OPENS_OK), "t") != 0
                              ? "The opening time has passed: choose a time to come, or leave it "
                                "empty and open the poll yourself when its questions are ready."
                              : NULL;
    *field = res && strcmp(db_text(res, 0, TA_CLOSES_OK), "t") == 0 ? "opens_at" : "closes_at";
    PQclear(res);
    return refusal;
}

/* Writes the settings of poll id (new when id is NULL) and its cohorts,
 * in the transaction the caller began. Returns the poll's id, NULL with
 * *refusal (a 400) when a cohort is not one I represent, or NULL when the
 * statement changed nothing (*refusal NULL, the database answered) or
 * failed (*failed). */
static const char *save_settings(request *r, const char *id, const field_value *v,
                                 const char *cohorts, bool college, const char **refusal,
                                 bool *failed)
{
    const char *params[] = {id ? id : req_id_text(r, r->user->institution_id),
                            req_id_text(r, r->user->id),
                            college ? "college" : "cohorts",
                            v[F_TITLE].str,
                            v[F_DESCRIPTION].str,
                            v[F_ANONYMOUS].num == 0 ? "true" : "false",
                            visibilities[v[F_VISIBILITY].num],
                            v[F_OPENS].str,
                            v[F_CLOSES].str};
    *refusal = NULL;
    *failed = false;
    PGresult *res =
        db_run(r->db, id ? "voice_poll_update" : "voice_poll_insert", ARRAY_SIZE(params), params);
    const char *poll = res && PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, PS_ID)) : NULL;
    *failed = !res;
    PQclear(res);
    if (!poll)
        return NULL;
    const char *cp[] = {poll, req_id_text(r, r->user->id), cohorts};
    PGresult *clear = db_run(r->db, "voice_poll_cohorts_clear", 1, cp);
    PGresult *added = clear ? db_run(r->db, "voice_poll_cohorts", ARRAY_SIZE(cp), cp) : NULL;
    int wanted = 0;
    for (const char *c = cohorts; *c; c++)
        wanted += *c == ',';
    wanted += strcmp(cohorts, "{}") != 0;
    *failed = !added;
    if (added && PQntuples(added) != wanted)
        *refusal = "You can choose only cohorts you represent.";
    else if (added && !wanted && !college)
        *refusal = "Choose at least one cohort the poll is for.";
    PQclear(clear);
    PQclear(added);
    return *failed || *refusal ? NULL : poll;
}

#define POLL_FIXED                                                                                 \
    "This poll has opened: its settings, and whether it is anonymous, are fixed now. Nothing "     \
    "was changed."

/* POST /voice/polls and POST /voice/polls/:id: a new poll, or a draft's
 * settings changed (409 once it has opened). */
static void save_poll(request *r, const PGresult *head)
{
    field_value v[N_FIELDS];
    const char *err, *field = NULL, *refusal = NULL;
    bool college, failed = true;
    const char *cohorts = audience(r, &college);
    const char *state = head ? db_text(head, 0, PH_STATE) : "draft";
    if (strcmp(state, "open") == 0 || strcmp(state, "closed") == 0) {
        render_error(r, 409, POLL_FIXED);
        return;
    }
    if (!form_validate(r, poll_fields, N_FIELDS, v, &err) ||
        (err = check_settings(r, v, cohorts, college, &field))) {
        show_form(r, 400, head, v, cohorts, err, field ? field : r->invalid_field);
        return;
    }
    const char *id = head ? db_text(head, 0, PH_ID) : NULL;
    const char *poll =
        db_begin(r->db) ? save_settings(r, id, v, cohorts, college, &refusal, &failed) : NULL;
    /* The audit log names the poll by its id: a draft's title is its
     * author's alone. A poll given an opening time gets its key pair now. */
    if (poll && voice_key_for_poll(r->db, tandem_config->keys_dir, poll) == 0 &&
        audit(r, head ? "poll_changed" : "poll_created", 0, 0,
              arena_printf(r->mem, "poll %s", poll)) &&
        db_commit(r->db)) {
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s", poll));
        return;
    }
    db_rollback(r->db);
    if (refusal)
        show_form(r, 400, head, v, cohorts, refusal, "audience");
    else if (poll || failed)
        render_db_failed(r);
    else if (!voice_flag(head, PH_MINE))
        render_error(r, 404, VOICE_NO_POLL);
    else
        render_error(r, 409, POLL_FIXED);
}

/* Whether I may run polls: 1 yes, 0 no (the 404 rendered), -1 the
 * database failed (rendered). */
int voice_may_run(request *r)
{
    const char *me[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "voice_rep_cohorts", ARRAY_SIZE(me), me);
    int may = !res ? -1 : PQntuples(res) || union_officer(r) ? 1 : 0;
    if (may < 0)
        render_db_failed(r);
    else if (!may)
        render_error(r, 404,
                     "Only student representatives and union officers run polls and "
                     "raise issues.");
    PQclear(res);
    return may;
}

void page_voice_poll_create(request *r)
{
    if (voice_may_run(r) > 0)
        save_poll(r, NULL);
}

/* GET /voice/polls/new */
void page_voice_poll_new(request *r)
{
    if (voice_may_run(r) > 0)
        show_form(r, 200, NULL, NULL, NULL, NULL, NULL);
}

/* Runs fn with poll :id when I created it; 404 for anyone else. */
static void with_my_poll(request *r, void (*fn)(request *, const PGresult *))
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    if (head && !voice_flag(head, PH_MINE))
        render_error(r, 404, VOICE_NO_POLL);
    else if (head)
        fn(r, head);
    PQclear(owned);
}

static void edit_form(request *r, const PGresult *head)
{
    show_form(r, 200, head, NULL, NULL, NULL, NULL);
}

/* POST /voice/polls/:id: a draft's settings (409 once it opened). */
void page_voice_poll_update(request *r)
{
    with_my_poll(r, save_poll);
}

/* GET /voice/polls/:id/edit */
void page_voice_poll_edit(request *r)
{
    with_my_poll(r, edit_form);
}

/* ------------------------------------------------------------ questions */

enum { Q_KIND, Q_PROMPT, Q_OPTIONS, Q_MIN, Q_MAX, Q_LOW, Q_HIGH, Q_OPTIONAL, N_Q };
static const char *const kinds[] = {"single", "multiple", "rating", "ranked", "text", NULL};
static const char *const checked[] = {"yes", NULL};
static const field_spec question_fields[N_Q] = {
    [Q_KIND] = {"kind", "the kind of question", FIELD_ENUM, true, 0, 0, kinds},
    [Q_PROMPT] = {"prompt", "the question", FIELD_STRING, true, 1, 500, NULL},
    [Q_OPTIONS] = {"options", "the options", FIELD_STRING, false, 0, 4200, NULL},
    [Q_MIN] = {"min_choices", "the fewest choices", FIELD_INT, false, 0, 20, NULL},
    [Q_MAX] = {"max_choices", "the most choices", FIELD_INT, false, 1, 20, NULL},
    [Q_LOW] = {"low_label", "the label of 1", FIELD_STRING, false, 0, 60, NULL},
    [Q_HIGH] = {"high_label", "the label of 5", FIELD_STRING, false, 0, 60, NULL},
    [Q_OPTIONAL] = {"optional", "whether it may be skipped", FIELD_ENUM, false, 0, 0, checked},
};

/* The options typed one a line into a PostgreSQL text[] literal; *n set
 * to how many; NULL with *err when one is too long. */
static const char *option_lines(request *r, const char *typed, int *n, const char **err)
{
    buf b = {0};
    *n = 0;
    *err = NULL;
    buf_append(&b, "{", 1);
    for (const char *line = typed; *line;) {
        size_t len = strcspn(line, "\r\n");
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        size_t lead = strspn(line, " \t");
        if (len > lead) {
            if (utf8_chars(line + lead, len - lead) > 200)
                *err = "Each option can be at most 200 characters long.";
            buf_append(&b, *n ? ",\"" : "\"", *n ? 2 : 1);
            for (size_t i = lead; i < len; i++) {
                if (line[i] == '"' || line[i] == '\\')
                    buf_append(&b, "\\", 1);
                buf_append(&b, &line[i], 1);
            }
            buf_append(&b, "\"", 1);
            ++*n;
        }
        line += strcspn(line, "\r\n");
        line += strspn(line, "\r\n");
    }
    buf_append(&b, "}", 1);
    const char *out = *err ? NULL : arena_strdup(r->mem, b.data);
    buf_free(&b);
    return out;
}

/* The rating scale's five options, its ends labelled. */
static const char *rating_options(request *r, const field_value *v)
{
    const char *low = v[Q_LOW].present ? v[Q_LOW].str : "Poor";
    const char *high = v[Q_HIGH].present ? v[Q_HIGH].str : "Excellent";
    return option_lines(r, arena_printf(r->mem, "1 – %s\n2\n3\n4\n5 – %s", low, high), &(int){0},
                        &(const char *){NULL});
}

/* Checks a question; NULL or the refusal. Sets the options literal, and
 * the fewest and most choices. */
static const char *check_question(request *r, const field_value *v, const char **options,
                                  long long *min, long long *max)
{
    const char *kind = kinds[v[Q_KIND].num], *err;
    int n = 0;
    *options = "{}";
    bool optional = v[Q_OPTIONAL].present;
    *min = optional ? 0 : 1;
    *max = 1;
    if (strcmp(kind, "text") == 0)
        return NULL;
    if (strcmp(kind, "rating") == 0) {
        *options = rating_options(r, v);
        return NULL;
    }
    if (!(*options = option_lines(r, v[Q_OPTIONS].str, &n, &err)))
        return err;
    if (n < 2 || n > 20)
        return "Give between 2 and 20 options, one a line.";
    if (strcmp(kind, "multiple") == 0 || strcmp(kind, "ranked") == 0) {
        *min = v[Q_MIN].present ? v[Q_MIN].num : strcmp(kind, "ranked") == 0 ? 1 : *min;
        *max = v[Q_MAX].present ? v[Q_MAX].num : n;
        if (optional)
            *min = 0;
        if (*max > n || *min > *max)
            return "The fewest choices must be no more than the most, and the most no more than "
                   "the number of options.";
    }
    return NULL;
}

/* A change to poll :id that changed nothing: 404 when it is not mine
 * (or not there), else 409 with refusal. */
static void refuse_change(request *r, const char *refusal)
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    if (head && !voice_flag(head, PH_MINE))
        render_error(r, 404, VOICE_NO_POLL);
    else if (head)
        render_error(r, 409, refusal);
    PQclear(owned);
}

/* POST /voice/polls/:id/questions: a question added to a poll not yet open. */
void page_voice_question_add(request *r)
{
    field_value v[N_Q];
    const char *err, *options;
    long long min, max;
    const char *id = req_id_text(r, req_param_id(r, 0));
    if (!form_validate(r, question_fields, N_Q, v, &err) ||
        (err = check_question(r, v, &options, &min, &max))) {
        render_error(r, 400,
                     arena_printf(r->mem, "%s Nothing was added: go back to change it.", err));
        return;
    }
    const char *params[] = {id,
                            req_id_text(r, r->user->id),
                            kinds[v[Q_KIND].num],
                            v[Q_PROMPT].str,
                            min > 0 ? "true" : "false",
                            req_id_text(r, min),
                            req_id_text(r, max)};
    PGresult *q =
        db_begin(r->db) ? db_run(r->db, "voice_question_insert", ARRAY_SIZE(params), params) : NULL;
    const char *op[] = {q && PQntuples(q) ? db_text(q, 0, QI_ID) : NULL, options};
    PGresult *o = op[0] ? db_run(r->db, "voice_options_insert", ARRAY_SIZE(op), op) : NULL;
    if (o && db_commit(r->db)) {
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s#questions", id));
    } else {
        db_rollback(r->db);
        if (q && !PQntuples(q))
            refuse_change(r, "Questions can be added only before the poll opens.");
        else
            render_db_failed(r);
    }
    PQclear(q);
    PQclear(o);
}

/* A change by its creator to poll :id not yet open (or, closing, open):
 * statement with (poll, me[, extra]); 409 with refusal when it changes
 * nothing. */
static void change_poll(request *r, const char *statement, const char *extra, const char *refusal)
{
    const char *id = req_id_text(r, req_param_id(r, 0));
    const char *params[] = {id, req_id_text(r, r->user->id), extra};
    PGresult *res = db_run(r->db, statement, extra ? 3 : 2, params);
    if (!res)
        render_db_failed(r);
    else if (PQntuples(res))
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s", id));
    else
        refuse_change(r, refusal);
    PQclear(res);
}

void page_voice_question_delete(request *r)
{
    change_poll(r, "voice_question_delete", req_id_text(r, req_param_id(r, 1)),
                "Questions can be removed only before the poll opens.");
}

/* POST /voice/polls/:id/open: the poll opens now, with its key pair. */
void page_voice_poll_open(request *r)
{
    const char *id = req_id_text(r, req_param_id(r, 0));
    const char *params[] = {id, req_id_text(r, r->user->id)};
    PGresult *res =
        db_begin(r->db) ? db_run(r->db, "voice_poll_open", ARRAY_SIZE(params), params) : NULL;
    if (res && PQntuples(res) && voice_key_for_poll(r->db, tandem_config->keys_dir, id) == 0 &&
        db_commit(r->db))
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s", id));
    else {
        db_rollback(r->db);
        if (res && !PQntuples(res))
            refuse_change(r, "This poll cannot be opened: it is open already, it has no "
                             "questions, or its closing time has passed.");
        else
            render_db_failed(r);
    }
    PQclear(res);
}

/* GET /voice/polls/:id/close: asks first, for its creator, while it is
 * open (a poll closed cannot be opened again). */
void page_voice_poll_confirm_close(request *r)
{
    PGresult *owned;
    const PGresult *head = voice_poll(r, &owned);
    if (!head)
        return;
    const char *id = db_text(head, 0, PH_ID);
    if (!voice_flag(head, PH_MINE))
        render_error(r, 404, VOICE_NO_POLL);
    else if (strcmp(db_text(head, 0, PH_STATE), "open") != 0)
        render_error(r, 409, "This poll is not open, so it cannot be closed.");
    else
        render_confirmation(
            r, &(confirmation){
                   .caption = db_text(head, 0, PH_TITLE),
                   .question = "Close this poll now?",
                   .consequence = arena_printf(
                       r->mem,
                       "No more votes will be taken, though it was to stay open until %s. The "
                       "votes cast so far are counted and the results shown as the poll says. "
                       "A closed poll cannot be opened again.",
                       db_text(head, 0, PH_CLOSES)),
                   .action = arena_printf(r->mem, "/voice/polls/%s/close", id),
                   .button = "Close the poll now",
                   .back = arena_printf(r->mem, "/voice/polls/%s", id),
                   .keep = "Keep it open"});
    PQclear(owned);
}

/* POST /voice/polls/:id/close: closes it early, then counts what is left
 * at once (the last batch) and destroys its key; if counting fails here,
 * `tandem mail` does it on its next pass. */
void page_voice_poll_close(request *r)
{
    const char *id = req_id_text(r, req_param_id(r, 0));
    const char *params[] = {id, req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "voice_poll_close", ARRAY_SIZE(params), params);
    if (!res)
        render_db_failed(r);
    else if (!PQntuples(res))
        refuse_change(r, "This poll is not open, so it cannot be closed.");
    else {
        voice_mix_poll(r->db, tandem_config->keys_dir, id);
        resp_redirect(r, arena_printf(r->mem, "/voice/polls/%s", id));
    }
    PQclear(res);
}
