/* leadership_reviews: review meetings between a plan's owner and their
 * line manager. Either of the two records the meeting (date, agenda,
 * notes, the actions agreed with who does each and by when), which signs
 * it for their side; the other reads it and countersigns. A record signed
 * by both no longer changes; its actions are marked done by whoever owns
 * each. */
#include <string.h>

#include "../core/audit.h"
#include "../core/richtext.h"
#include "leadership.h"

#define MAX_ACTIONS 12

/* lp_review_insert: the new review. */
enum { NR_ID, LP_REVIEW_INSERT_COLUMNS };
/* lp_review: the review meeting's record (dates as shown, "" for none). */
enum {
    RV_ID,
    RV_HELD,
    RV_AGENDA,
    RV_NOTES_HTML,
    RV_NEXT,
    RV_AUTHOR,
    RV_MANAGER,
    RV_OWNER_SIGNED,
    RV_MANAGER_SIGNED,
    LP_REVIEW_COLUMNS
};
/* lp_review_actions: one row an action agreed. */
enum { AX_ID, AX_WHAT, AX_WHO, AX_DUE, AX_DONE, AX_LATE, AX_MINE, LP_REVIEW_ACTIONS_COLUMNS };

// clang-format off
const db_statement leadership_review_statements[] = {
    /* A review of plan $1 (college $2) recorded by $3 on side $4, with
     * the owner's line manager $5. */
    {"lp_review_insert",
     "INSERT INTO leadership_reviews (plan_id, institution_id, held_on, agenda, notes_md,"
     "                                notes_html, next_review, author_id, manager_id,"
     "                                owner_signed_at, manager_signed_at)"
     " VALUES ($1, $2, $6::date, $7, $8, $9, nullif($10, '')::date, $3, $5,"
     "         CASE WHEN $4 = 'owner' THEN now() END, CASE WHEN $4 = 'manager' THEN now() END)"
     " RETURNING id", LP_REVIEW_INSERT_COLUMNS},
    /* Its actions: descriptions $2, who ($3: 'owner' or 'manager'), due
     * dates $4; $5 the owner, $6 the line manager. */
    {"lp_review_actions_insert",
     "INSERT INTO leadership_review_actions (review_id, institution_id, position, description,"
     "                                       owner_id, due_on)"
     " SELECT $1, r.institution_id, a.i, a.d, CASE a.w WHEN 'owner' THEN $5::bigint"
     "                                           ELSE $6::bigint END, a.due::date"
     "   FROM leadership_reviews r,"
     "        unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS a(d, w, due, i)"
     "  WHERE r.id = $1", 0},
    {"lp_review",
     "SELECT r.id, to_char(r.held_on, '" SQL_DAY "'), r.agenda, r.notes_html,"
     "       coalesce(to_char(r.next_review, '" SQL_DAY "'), ''), a.display_name,"
     "       m.display_name, coalesce(to_char(r.owner_signed_at, '" SQL_DAY "'), ''),"
     "       coalesce(to_char(r.manager_signed_at, '" SQL_DAY "'), '')"
     "  FROM leadership_reviews r JOIN users a ON a.id = r.author_id"
     "  JOIN users m ON m.id = r.manager_id"
     " WHERE r.plan_id = $1 AND r.id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END",
     LP_REVIEW_COLUMNS},
    {"lp_review_actions",
     "SELECT x.id, x.description, u.display_name, to_char(x.due_on, '" SQL_DAY "'),"
     "       x.done_at IS NOT NULL, x.due_on < current_date AND x.done_at IS NULL,"
     "       x.owner_id = $3::bigint"
     "  FROM leadership_review_actions x JOIN users u ON u.id = x.owner_id"
     " WHERE x.review_id = $1 AND $2::text IS NOT NULL ORDER BY x.position",
     LP_REVIEW_ACTIONS_COLUMNS},
    /* Side $3 signs review $2 of plan $1, once. */
    {"lp_review_sign",
     "UPDATE leadership_reviews"
     "   SET owner_signed_at = CASE WHEN $3 = 'owner' THEN now() ELSE owner_signed_at END,"
     "       manager_signed_at = CASE WHEN $3 = 'manager' THEN now() ELSE manager_signed_at END"
     " WHERE plan_id = $1 AND id = $2"
     "   AND CASE $3 WHEN 'owner' THEN owner_signed_at IS NULL"
     "               WHEN 'manager' THEN manager_signed_at IS NULL ELSE false END"
     " RETURNING id", 1},
    /* Action $2 of a review in plan $1, done by its owner $3. */
    {"lp_action_done",
     "UPDATE leadership_review_actions x SET done_at = now()"
     "  FROM leadership_reviews r"
     " WHERE x.id = $2 AND r.id = x.review_id AND r.plan_id = $1 AND x.owner_id = $3"
     "   AND x.done_at IS NULL RETURNING x.review_id", 1},
    {NULL, NULL},
};
// clang-format on

#define NO_REVIEW "There is no such review in this plan."

enum { F_HELD, F_AGENDA, F_NOTES, F_NEXT, F_ACTION, F_WHO, F_DUE, N_FIELDS };
static const char *const who_choices[] = {"owner", "manager", NULL};
static const field_spec review_fields[N_FIELDS] = {
    [F_HELD] = {"held_on", "the date of the meeting", FIELD_DATE, true, 0, 0, NULL},
    [F_AGENDA] = {"agenda", "the agenda", FIELD_STRING, true, 1, 4000, NULL},
    [F_NOTES] = {"notes", "the notes", FIELD_STRING, true, 1, 20000, NULL},
    [F_NEXT] = {"next_review", "the next review's date", FIELD_DATE, false, 0, 0, NULL},
    [F_ACTION] = {"action", "an action", FIELD_STRING, false, 0, 500, NULL},
    [F_WHO] = {"action_who", "who does an action", FIELD_ENUM, false, 0, 0, who_choices},
    [F_DUE] = {"action_due", "an action's date", FIELD_STRING, false, 0, 10, NULL},
};

/* The actions as typed: three lists, rows left empty dropped. */
typedef struct {
    int n;
    const char *what[MAX_ACTIONS], *who[MAX_ACTIONS], *due[MAX_ACTIONS];
} actions_input;

/* Whether the review's side may record reviews: the owner and their line
 * manager, while the plan's year lasts (else the refusal has been
 * shown). */
static bool may_review(request *r, const PGresult *head)
{
    if (lp_side(head, "reader")) {
        render_error(r, 404, "Only the plan's owner and their line manager hold its reviews.");
        return false;
    }
    if (strcmp(db_text(head, 0, LH_OPEN), "t") != 0) {
        render_error(r, 409, LP_CLOSED);
        return false;
    }
    if (strcmp(db_text(head, 0, LH_MANAGER_ID), "0") == 0) {
        render_error(r, 409,
                     "No line manager is recorded for this plan's owner: ask your college's "
                     "administrator to add one, then record the review.");
        return false;
    }
    return true;
}

static void show_form(request *r, const PGresult *head, int status, const field_value *v,
                      const actions_input *a, const char *error, const char *field)
{
    tpl_dict *d =
        render_begin(r, error ? "Error: Record a review meeting" : "Record a review meeting",
                     "leadership/review_form.tpl");
    if (d) {
        tpl_set(d, "ID", db_text(head, 0, LH_ID));
        tpl_set(d, "OWNER", db_text(head, 0, LH_OWNER));
        tpl_set(d, "MANAGER", db_text(head, 0, LH_MANAGER));
        tpl_set(d, "HELD", v ? v[F_HELD].str : db_text(head, 0, LH_TODAY));
        tpl_set(d, "AGENDA", v ? v[F_AGENDA].str : "");
        tpl_set(d, "NOTES", v ? v[F_NOTES].str : "");
        tpl_set(d, "NEXT", v ? v[F_NEXT].str : "");
        int rows = (a ? a->n : 0) + 3;
        for (int i = 0; i < rows && i < MAX_ACTIONS; i++) {
            tpl_dict *x = tpl_add_section(d, "ACTION");
            bool typed = a && i < a->n;
            tpl_set(x, "N", arena_printf(r->mem, "%d", i + 1));
            tpl_set(x, "OWNER", db_text(head, 0, LH_OWNER));
            tpl_set(x, "MANAGER", db_text(head, 0, LH_MANAGER));
            tpl_set(x, "WHAT", typed ? a->what[i] : "");
            tpl_set(x, "DUE", typed ? a->due[i] : "");
            tpl_show(x, typed && strcmp(a->who[i], "manager") == 0 ? "BY_MANAGER" : "BY_OWNER");
        }
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "held_on");
        }
    }
    render_end(r, status);
}

/* GET /leadership/plans/:id/reviews/new */
void page_leadership_review_new(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && may_review(r, head))
        show_form(r, head, 200, NULL, NULL, NULL, NULL);
    lp_release(r, head);
}

/* Reads the action rows into a: each filled row needs a description, a
 * real date today or later and who does it. NULL, or the refusal. */
static const char *read_actions(request *r, const PGresult *head, actions_input *a,
                                const char **field)
{
    const char *what[MAX_ACTIONS + 1], *who[MAX_ACTIONS + 1], *due[MAX_ACTIONS + 1];
    int n = req_body_all(r, "action", what, MAX_ACTIONS + 1);
    int n_who = req_body_all(r, "action_who", who, MAX_ACTIONS + 1);
    int n_due = req_body_all(r, "action_due", due, MAX_ACTIONS + 1);
    a->n = 0;
    for (int i = 0; i < n && i < n_who && i < n_due && a->n < MAX_ACTIONS; i++) {
        if (!*what[i] && !*due[i])
            continue;
        a->what[a->n] = what[i], a->who[a->n] = who[i], a->due[a->n] = due[i];
        a->n++;
        *field = arena_printf(r->mem, "action-%d", a->n);
        if (!*what[i])
            return arena_printf(r->mem, "Say what action %d is.", a->n);
        if (strcmp(who[i], "owner") != 0 && strcmp(who[i], "manager") != 0)
            return arena_printf(r->mem, "Choose who does action %d.", a->n);
        if (!*due[i] || validate_date(due[i]))
            return arena_printf(r->mem, "Give action %d a date, like 2027-01-31.", a->n);
        if (strcmp(due[i], db_text(head, 0, LH_TODAY)) < 0)
            return arena_printf(r->mem, "Action %d's date must be today or later.", a->n);
    }
    if (n > MAX_ACTIONS)
        return arena_printf(r->mem, "A review can agree at most %d actions.", MAX_ACTIONS);
    return NULL;
}

/* Saves the review and its actions in one transaction, tells the other
 * of the two: the review's id, or NULL. */
static const char *save_review(request *r, const PGresult *head, const field_value *v,
                               const char *html, const actions_input *a)
{
    const char *plan = db_text(head, 0, LH_ID), *side = db_text(head, 0, LH_SIDE);
    const char *owner = db_text(head, 0, LH_OWNER_ID), *manager = db_text(head, 0, LH_MANAGER_ID);
    const char *params[] = {plan,
                            req_id_text(r, r->user->institution_id),
                            req_id_text(r, r->user->id),
                            side,
                            manager,
                            v[F_HELD].str,
                            v[F_AGENDA].str,
                            v[F_NOTES].str,
                            html,
                            v[F_NEXT].str};
    PGresult *res = NULL, *acts = NULL;
    const char *id = NULL;
    if (!db_begin(r->db) || !(res = db_run(r->db, "lp_review_insert", ARRAY_SIZE(params), params)))
        goto out;
    id = arena_strdup(r->mem, db_text(res, 0, NR_ID));
    const char *x[] = {id,
                       arena_pg_array(r->mem, a->what, (size_t)a->n),
                       arena_pg_array(r->mem, a->who, (size_t)a->n),
                       arena_pg_array(r->mem, a->due, (size_t)a->n),
                       owner,
                       manager};
    const char *link = lp_path(r, head, arena_printf(r->mem, "/reviews/%s", id));
    if ((a->n && !(acts = db_run(r->db, "lp_review_actions_insert", ARRAY_SIZE(x), x))) ||
        !lp_notify_other(r, head, "plan_leadership_review",
                         arena_printf(r->mem, "%s recorded your review meeting: read and sign it.",
                                      r->user->display_name),
                         link) ||
        !audit(r, "leadership_review_recorded", db_int(head, 0, LH_OWNER_ID), 0, plan) ||
        !db_commit(r->db))
        id = NULL;
out:
    if (!id)
        db_rollback(r->db);
    PQclear(res), PQclear(acts);
    return id;
}

/* POST /leadership/plans/:id/reviews: the owner or their line manager
 * records a meeting, signing it for their side. */
void page_leadership_review_create(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !may_review(r, head)) {
        lp_release(r, head);
        return;
    }
    field_value v[N_FIELDS];
    actions_input a = {0};
    const char *err = NULL, *field = NULL, *html = NULL;
    const char *today = db_text(head, 0, LH_TODAY);
    if (!form_validate(r, review_fields, N_FIELDS, v, &err))
        field = r->invalid_field;
    else if (strcmp(v[F_HELD].str, today) > 0)
        err = "The meeting's date must be today or before: record a review once it is held.",
        field = "held_on";
    else if (v[F_NEXT].present && strcmp(v[F_NEXT].str, today) <= 0)
        err = "The next review's date must be after today.", field = "next_review";
    if (!err)
        err = read_actions(r, head, &a, &field);
    if (!err && !(html = richtext_to_arena(r->mem, v[F_NOTES].str)))
        err = "The notes could not be read as Markdown.", field = "notes";
    const char *id = err ? NULL : save_review(r, head, v, html, &a);
    if (err)
        show_form(r, head, 400, v, &a, err, field);
    else if (!id)
        render_db_failed(r);
    else
        resp_redirect(r, lp_path(r, head, arena_printf(r->mem, "/reviews/%s", id)));
    lp_release(r, head);
}

static void fill_actions(tpl_dict *d, const PGresult *acts, bool open)
{
    for (int i = 0; i < PQntuples(acts); i++) {
        tpl_dict *x = tpl_add_section(d, "ACTION");
        tpl_set(x, "ACTION_ID", db_text(acts, i, AX_ID));
        tpl_set(x, "WHAT", db_text(acts, i, AX_WHAT));
        tpl_set(x, "WHO", db_text(acts, i, AX_WHO));
        tpl_set(x, "DUE", db_text(acts, i, AX_DUE));
        if (strcmp(db_text(acts, i, AX_DONE), "t") == 0)
            tpl_show(x, "DONE");
        else if (open && strcmp(db_text(acts, i, AX_MINE), "t") == 0)
            tpl_show(x, "MINE");
        else
            tpl_show(x, "TO_DO");
        if (strcmp(db_text(acts, i, AX_LATE), "t") == 0)
            tpl_show(x, "LATE");
    }
    if (!PQntuples(acts))
        tpl_show(d, "NO_ACTIONS");
}

/* GET /leadership/plans/:id/reviews/:review: the record, who signed it,
 * and the signature or actions waiting for the viewer. */
void page_leadership_review(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head)
        return;
    const char *me = req_id_text(r, r->user->id);
    const char *a[] = {db_text(head, 0, LH_ID), r->params[1]};
    PGresult *rev = db_run(r->db, "lp_review", ARRAY_SIZE(a), a), *acts = NULL;
    if (!render_found(r, rev, NO_REVIEW))
        goto out;
    const char *b[] = {db_text(rev, 0, RV_ID), "", me};
    if (!(acts = db_run(r->db, "lp_review_actions", ARRAY_SIZE(b), b))) {
        render_db_failed(r);
        goto out;
    }
    tpl_dict *d =
        render_begin(r, arena_printf(r->mem, "Review meeting, %s", db_text(rev, 0, RV_HELD)),
                     "leadership/review.tpl");
    if (d) {
        static const char *const names[] = {[RV_ID] = "REVIEW_ID",
                                            [RV_HELD] = "HELD",
                                            [RV_AGENDA] = "AGENDA",
                                            [RV_NEXT] = "NEXT",
                                            [RV_AUTHOR] = "AUTHOR",
                                            [RV_MANAGER] = "MANAGER",
                                            [RV_OWNER_SIGNED] = "OWNER_SIGNED",
                                            [RV_MANAGER_SIGNED] = "MANAGER_SIGNED"};
        for (int c = 0; c < (int)(sizeof names / sizeof *names); c++)
            if (names[c])
                tpl_set(d, names[c], db_text(rev, 0, c));
        /* notes_html, sanitised on save */
        tpl_set_html(d, "NOTES_HTML", html_from_db(db_text(rev, 0, RV_NOTES_HTML)));
        tpl_set(d, "ID", a[0]);
        tpl_set(d, "OWNER", db_text(head, 0, LH_OWNER));
        tpl_show(d, *db_text(rev, 0, RV_OWNER_SIGNED) ? "OWNER_HAS_SIGNED" : "OWNER_TO_SIGN");
        tpl_show(d, *db_text(rev, 0, RV_MANAGER_SIGNED) ? "MANAGER_HAS_SIGNED" : "MANAGER_TO_SIGN");
        if (*db_text(rev, 0, RV_NEXT))
            tpl_show(d, "HAS_NEXT");
        bool open = strcmp(db_text(head, 0, LH_OPEN), "t") == 0;
        int col = lp_side(head, "owner")     ? RV_OWNER_SIGNED
                  : lp_side(head, "manager") ? RV_MANAGER_SIGNED
                                             : -1;
        if (open && col > 0 && !*db_text(rev, 0, col))
            tpl_show(d, "SIGN");
        fill_actions(d, acts, open);
    }
    render_end(r, 200);
out:
    PQclear(rev), PQclear(acts);
    lp_release(r, head);
}

/* POST /leadership/plans/:id/reviews/:review/sign: the viewer's side
 * signs, once; the other is told. */
void page_leadership_review_sign(request *r)
{
    const PGresult *head = lp_find(r);
    if (!head || !may_review(r, head)) {
        lp_release(r, head);
        return;
    }
    const char *review = req_id_text(r, req_param_id(r, 1));
    const char *params[] = {db_text(head, 0, LH_ID), review, db_text(head, 0, LH_SIDE)};
    const char *link = lp_path(r, head, arena_printf(r->mem, "/reviews/%s", review));
    PGresult *res = NULL;
    bool ok =
        db_begin(r->db) && (res = db_run(r->db, "lp_review_sign", ARRAY_SIZE(params), params));
    if (ok && !PQntuples(res)) {
        db_rollback(r->db);
        render_error(r, 409, "You have signed this review already, or there is no such review.");
    } else if (ok &&
               lp_notify_other(r, head, "plan_leadership_review",
                               arena_printf(r->mem, "%s signed your review meeting's record.",
                                            r->user->display_name),
                               link) &&
               audit(r, "leadership_review_signed", db_int(head, 0, LH_OWNER_ID), 0, review) &&
               db_commit(r->db)) {
        resp_redirect(r, link);
    } else {
        db_rollback(r->db);
        render_db_failed(r);
    }
    PQclear(res);
    lp_release(r, head);
}

/* POST /leadership/plans/:id/actions/:action/done: the action's owner
 * marks it done. */
void page_leadership_action_done(request *r)
{
    const PGresult *head = lp_find(r);
    if (head && may_review(r, head)) {
        const char *extra[] = {req_id_text(r, req_param_id(r, 1)), req_id_text(r, r->user->id)};
        lp_change(r, head, "lp_action_done", ARRAY_SIZE(extra), extra,
                  "That action is not yours, is done already, or is not in this plan.", NULL);
    }
    lp_release(r, head);
}
