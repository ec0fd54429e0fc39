/* sharing: the owner of a page or collection chooses who else sees it: a
 * named person, one of their cohorts, their tutors and mentors, everyone
 * at their college, the public, or whoever holds a secret link; each from
 * and until a date if they like, until they stop it. "Shared with me"
 * lists what others share with the viewer. What a share admits is decided
 * in the database (shares_admitting in sql/policy.sql), nowhere else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/audit.h"
#include "../core/notify.h"
#include "../core/session.h"
#include "portfolio.h"

/* A page or a collection: statements take the page id as $1 and the
 * collection id as $2, one of them empty. */
typedef struct {
    const char *noun;        /* "page", "collection" */
    const char *editor;      /* the owner's editor, "/portfolio/pages" */
    const char *reader_path; /* where others read it, "/pages" */
    bool collection;
} shareable;

static const shareable a_page = {"page", "/portfolio/pages", "/pages", false};
static const shareable a_collection = {"collection", "/portfolio/collections", "/collections",
                                       true};

#define TARGET_IDS "NULLIF($1, '')::bigint, NULLIF($2, '')::bigint"
#define SHARES_OF_TARGET                                                                           \
    "(s.page_id = NULLIF($1, '')::bigint OR s.collection_id = NULLIF($2, '')::bigint)"

/* share_target: the page or collection, and today. */
enum { ST_TITLE, ST_INSTITUTION_ID, ST_TODAY, SHARE_TARGET_COLUMNS };
/* share_list: one row a share in force, with the person or the cohort it
 * names, its dates and whether they are past, present or to come. */
enum {
    SL_ID,
    SL_AUDIENCE,
    SL_PERSON_NAME,
    SL_PERSON_USERNAME,
    SL_COHORT_NAME,
    SL_COHORT_CODE,
    SL_STARTS_ON,
    SL_ENDS_ON,
    SL_STATE,
    SHARE_LIST_COLUMNS
};
/* share_cohorts: one row a cohort of the owner's. */
enum { SC_ID, SC_NAME, SC_CODE, SHARE_COHORTS_COLUMNS };
/* share_person: the person found. */
enum { SP_ID, SHARE_PERSON_COLUMNS };
/* share_insert: whether the cohort was the owner's, whether the share was
 * there already, and the share added (or NULL). */
enum { SI_COHORT_OK, SI_DUPLICATE, SI_ID, SHARE_INSERT_COLUMNS };
/* share_revoke: the share stopped. */
enum { SR_ID, SR_AUDIENCE, SHARE_REVOKE_COLUMNS };
/* shared_with_me: one row a page or collection. */
enum {
    SW_KIND,
    SW_ID,
    SW_TITLE,
    SW_OWNER,
    SW_USERNAME,
    SW_AUDIENCE,
    SW_UPDATED,
    SHARED_WITH_ME_COLUMNS
};

const db_statement sharing_statements[] = {
    /* The owner's page or collection ($3 the owner), and today's date. */
    {"share_target",
     "SELECT t.title, t.institution_id, current_date::text FROM ("
     "  SELECT title, institution_id, owner_id FROM portfolio_pages"
     "   WHERE id = NULLIF($1, '')::bigint"
     "  UNION ALL SELECT title, institution_id, owner_id FROM collections"
     "   WHERE id = NULLIF($2, '')::bigint) t WHERE t.owner_id = $3",
     SHARE_TARGET_COLUMNS},
    {"share_list",
     "SELECT s.id, s.audience, u.display_name, u.username, c.name, c.code,"
     "       to_char(s.starts_on, '" SQL_DAY "'), to_char(s.ends_on, '" SQL_DAY "'),"
     "       CASE WHEN s.ends_on < current_date THEN 'ended'"
     "            WHEN s.starts_on > current_date THEN 'later' ELSE 'now' END"
     "  FROM shares s LEFT JOIN users u ON u.id = s.user_id"
     "  LEFT JOIN cohorts c ON c.id = s.cohort_id"
     " WHERE s.owner_id = $3 AND s.revoked_at IS NULL AND " SHARES_OF_TARGET
     " ORDER BY s.created_at, s.id",
     SHARE_LIST_COLUMNS},
    {"share_cohorts",
     "SELECT DISTINCT c.id, c.name, c.code FROM memberships m"
     "  JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1 ORDER BY c.name",
     SHARE_COHORTS_COLUMNS},
    /* Someone to share with: at the owner's college, not suspended. */
    {"share_person",
     "SELECT id FROM users WHERE institution_id = $1 AND status = 'active'"
     "   AND (lower(username) = lower($2) OR lower(email) = lower($2))",
     SHARE_PERSON_COLUMNS},
    /* Adds a share unless the same one is already in place (no row then). A
     * cohort must be one of the owner's. */
    /* Adds a share unless a cohort is not one of the owner's or the same
     * share is already in place (same people, same dates); says which. */
    {"share_insert",
     "WITH chk AS (SELECT (NULLIF($7, '') IS NULL OR EXISTS (SELECT 1 FROM memberships m"
     "                       WHERE m.user_id = $3 AND m.cohort_id = $7::bigint)) AS cohort_ok,"
     "                    ($5 <> 'link' AND EXISTS (SELECT 1 FROM shares s"
     "                       WHERE s.owner_id = $3 AND s.revoked_at IS NULL AND " SHARES_OF_TARGET
     "                         AND s.audience = $5"
     "                         AND s.user_id IS NOT DISTINCT FROM NULLIF($6, '')::bigint"
     "                         AND s.cohort_id IS NOT DISTINCT FROM NULLIF($7, '')::bigint"
     "                         AND s.starts_on IS NOT DISTINCT FROM NULLIF($9, '')::date"
     "                         AND s.ends_on IS NOT DISTINCT FROM NULLIF($10, '')::date))"
     "                      AS duplicate),"
     "     ins AS (INSERT INTO shares (institution_id, owner_id, page_id, collection_id, audience,"
     "                                 user_id, cohort_id, token_hash, starts_on, ends_on)"
     "             SELECT $4, $3, " TARGET_IDS ", $5, NULLIF($6, '')::bigint,"
     "                    NULLIF($7, '')::bigint, NULLIF($8, ''), NULLIF($9, '')::date,"
     "                    NULLIF($10, '')::date"
     "               FROM chk WHERE cohort_ok AND NOT duplicate RETURNING id)"
     " SELECT chk.cohort_ok, chk.duplicate, (SELECT id FROM ins) FROM chk",
     SHARE_INSERT_COLUMNS},
    {"share_revoke",
     "UPDATE shares s SET revoked_at = now()"
     " WHERE s.id = $4 AND s.owner_id = $3 AND s.revoked_at IS NULL"
     "   AND " SHARES_OF_TARGET " RETURNING s.id, s.audience",
     SHARE_REVOKE_COLUMNS},
    /* What others share with $1 at their college $2 (shares_admitting),
     * newest first; each thing once, however many of its shares admit the
     * viewer. */
    {"shared_with_me",
     "SELECT kind, id, title, owner, username, audience, to_char(updated, '" SQL_DAY "') FROM ("
     "  SELECT DISTINCT ON (kind, id) kind, id, title, owner, username, audience, updated FROM ("
     "    SELECT CASE WHEN s.page_id IS NULL THEN 'collection' ELSE 'page' END AS kind,"
     "           coalesce(p.id, c.id) AS id, coalesce(p.title, c.title) AS title,"
     "           u.display_name AS owner, u.username, s.audience,"
     "           coalesce(p.updated_at, c.updated_at) AS updated"
     "      FROM shares_admitting($1, NULL) s JOIN users u ON u.id = s.owner_id"
     "      LEFT JOIN portfolio_pages p ON p.id = s.page_id"
     "      LEFT JOIN collections c ON c.id = s.collection_id"
     "     WHERE s.institution_id = $2 AND s.owner_id <> $1) t"
     "  ORDER BY kind, id, audience = 'public', audience = 'college') d"
     " ORDER BY updated DESC LIMIT 500",
     SHARED_WITH_ME_COLUMNS},
    {NULL, NULL},
};

static const char *const audiences[] = {"person", "cohort", "supporters", "college",
                                        "public", "link",   NULL};
enum { A_PERSON, A_COHORT, A_SUPPORTERS, A_COLLEGE, A_PUBLIC, A_LINK };

enum { S_AUDIENCE, S_PERSON, S_COHORT, S_STARTS, S_ENDS, N_SHARE_FIELDS };
static const field_spec share_fields[N_SHARE_FIELDS] = {
    [S_AUDIENCE] = {"audience", "who to share with", FIELD_ENUM, true, 0, 0, audiences},
    [S_PERSON] = {"person", "the person's username or email address", FIELD_STRING, false, 0, 254,
                  NULL},
    [S_COHORT] = {"cohort_id", "the group", FIELD_ID, false, 0, 0, NULL},
    [S_STARTS] = {"starts_on", "the start date", FIELD_DATE, false, 0, 0, NULL},
    [S_ENDS] = {"ends_on", "the end date", FIELD_DATE, false, 0, 0, NULL},
};

/* The statement parameters naming the thing and its owner: $1..$3. */
typedef struct {
    const shareable *what;
    long long id;
    const char *ids[3];
} share_target;

static share_target target_from(request *r, const shareable *what)
{
    share_target t = {what, req_param_id(r, 0), {"", "", req_id_text(r, r->user->id)}};
    t.ids[what->collection ? 1 : 0] = req_id_text(r, t.id);
    return t;
}

/* The owner's page or collection, or NULL having said it is not there. */
static PGresult *find_target(request *r, const share_target *t)
{
    PGresult *res = db_run(r->db, "share_target", 3, t->ids);
    if (!render_found(
            r, res,
            arena_printf(r->mem, "There is no such %s in your portfolio.", t->what->noun))) {
        PQclear(res);
        return NULL;
    }
    return res;
}

/* Who a share admits, in words. */
static const char *audience_words(request *r, const PGresult *res, int i)
{
    const char *a = db_text(res, i, SL_AUDIENCE);
    if (strcmp(a, "person") == 0)
        return arena_printf(r->mem, "%s (%s)", db_text(res, i, SL_PERSON_NAME),
                            db_text(res, i, SL_PERSON_USERNAME));
    if (strcmp(a, "cohort") == 0)
        return arena_printf(r->mem, "Everyone in %s (%s)", db_text(res, i, SL_COHORT_NAME),
                            db_text(res, i, SL_COHORT_CODE));
    if (strcmp(a, "supporters") == 0)
        return "Your tutors and mentors";
    if (strcmp(a, "college") == 0)
        return arena_printf(r->mem, "Everyone at %s", r->user->institution_name);
    if (strcmp(a, "public") == 0)
        return "Anyone, on the internet";
    return "Anyone with the secret link";
}

/* When a share works, in words. */
static const char *period_words(request *r, const PGresult *res, int i)
{
    const char *from = db_text(res, i, SL_STARTS_ON), *until = db_text(res, i, SL_ENDS_ON),
               *state = db_text(res, i, SL_STATE);
    if (strcmp(state, "ended") == 0)
        return arena_printf(r->mem, "Ended on %s", until);
    if (*from && *until)
        return arena_printf(r->mem, "From %s until %s", from, until);
    if (*from)
        return arena_printf(r->mem, "From %s", from);
    if (*until)
        return arena_printf(r->mem, "Until %s", until);
    return "From now on";
}

/* What the form said, kept to show it again when it is refused. */
typedef struct {
    const field_value *v;
    const char *error;
    const char *new_link; /* a secret link just made, shown once */
} share_form;

static void fill_current_shares(request *r, tpl_dict *d, const PGresult *list)
{
    for (int i = 0; i < PQntuples(list); i++) {
        tpl_dict *s = tpl_add_section(d, "SHARE");
        tpl_set(s, "ID", db_text(list, i, SL_ID));
        tpl_set(s, "WHO", audience_words(r, list, i));
        tpl_set(s, "WHEN", period_words(r, list, i));
    }
    tpl_show(d, PQntuples(list) ? "HAS_SHARES" : "NO_SHARES");
}

/* Section names for the audience radios, in the order of audiences[]. */
static const char *const audience_checked[] = {"PERSON_CHECKED",     "COHORT_CHECKED",
                                               "SUPPORTERS_CHECKED", "COLLEGE_CHECKED",
                                               "PUBLIC_CHECKED",     "LINK_CHECKED"};

static void fill_form(request *r, tpl_dict *d, const PGresult *cohorts, const share_form *form)
{
    const field_value *v = form->v;
    if (v && v[S_AUDIENCE].present)
        tpl_show(d, audience_checked[v[S_AUDIENCE].num]);
    tpl_set(d, "PERSON", v ? v[S_PERSON].str : "");
    tpl_set(d, "STARTS_ON", v ? v[S_STARTS].str : "");
    tpl_set(d, "ENDS_ON", v ? v[S_ENDS].str : "");
    tpl_set(d, "COLLEGE", r->user->institution_name);
    tpl_dict *choice = PQntuples(cohorts) ? tpl_add_section(d, "COHORT_CHOICE") : NULL;
    for (int i = 0; choice && i < PQntuples(cohorts); i++) {
        tpl_dict *c = tpl_add_section(choice, "COHORT");
        tpl_set(c, "ID", db_text(cohorts, i, SC_ID));
        tpl_set(c, "NAME", db_text(cohorts, i, SC_NAME));
        tpl_set(c, "CODE", db_text(cohorts, i, SC_CODE));
        if (v && v[S_COHORT].present && v[S_COHORT].num == db_int(cohorts, i, SC_ID))
            tpl_show(c, "SELECTED");
    }
    if (form->error) {
        tpl_dict *e = tpl_add_section(d, "ERROR");
        tpl_set(e, "MESSAGE", form->error);
        tpl_set(e, "FIELD", r->invalid_field ? r->invalid_field : "audience");
    }
    if (form->new_link)
        tpl_set(tpl_add_section(d, "NEW_LINK"), "URL", form->new_link);
}

/* The sharing page of a thing whose share_target row is target. */
static void show_sharing(request *r, const share_target *t, const PGresult *target,
                         const share_form *form, int status)
{
    const char *me[] = {t->ids[2]};
    PGresult *list = db_run(r->db, "share_list", 3, t->ids);
    PGresult *cohorts = list ? db_run(r->db, "share_cohorts", ARRAY_SIZE(me), me) : NULL;
    if (!cohorts) {
        render_db_failed(r);
        PQclear(list);
        return;
    }
    const char *title = db_text(target, 0, ST_TITLE);
    tpl_dict *d = render_begin(
        r, arena_printf(r->mem, "%sWho can see “%s”", form->error ? "Error: " : "", title),
        "sharing/show.tpl");
    if (d) {
        tpl_set(d, "TITLE", title);
        tpl_set(d, "NOUN", t->what->noun);
        tpl_set(d, "EDITOR", arena_printf(r->mem, "%s/%lld", t->what->editor, t->id));
        tpl_set(d, "VIEWER", arena_printf(r->mem, "%s/%lld", t->what->reader_path, t->id));
        fill_current_shares(r, d, list);
        fill_form(r, d, cohorts, form);
    }
    PQclear(list);
    PQclear(cohorts);
    render_end(r, status);
}

static void sharing_page(request *r, const shareable *what)
{
    share_target t = target_from(r, what);
    PGresult *target = find_target(r, &t);
    if (!target)
        return;
    show_sharing(r, &t, target, &(share_form){0}, 200);
    PQclear(target);
}

void page_sharing_page(request *r)
{
    sharing_page(r, &a_page);
}

void page_sharing_collection(request *r)
{
    sharing_page(r, &a_collection);
}

/* Names the field a message is about, for the error summary's link. */
static const char *refuse(request *r, const char *field, const char *message)
{
    r->invalid_field = field;
    return message;
}

/* The checks the form's fields cannot make alone; the message, or NULL. */
static const char *check_share(request *r, field_value *v, const char *today)
{
    long long a = v[S_AUDIENCE].num;
    if (a == A_PERSON && !v[S_PERSON].present)
        return refuse(r, "person", "Enter the username or email address of the person.");
    if (a == A_COHORT && !v[S_COHORT].present)
        return refuse(r, "cohort_id", "Choose the group to share with.");
    if (v[S_ENDS].present && strcmp(v[S_ENDS].str, today) < 0)
        return refuse(r, "ends_on", "The end date is in the past: choose today or later.");
    if (v[S_ENDS].present && v[S_STARTS].present && strcmp(v[S_ENDS].str, v[S_STARTS].str) < 0)
        return refuse(r, "ends_on", "The end date must be on or after the start date.");
    if (a != A_PERSON)
        v[S_PERSON].str = "";
    if (a != A_COHORT)
        v[S_COHORT].str = "";
    return NULL;
}

/* The id of the person named in the form, or NULL with *err set. */
static const char *find_person(request *r, const char *institution, const char *named,
                               const char **err)
{
    const char *params[] = {institution, named};
    PGresult *res = db_run(r->db, "share_person", ARRAY_SIZE(params), params);
    const char *id =
        res && PQntuples(res) == 1 ? arena_strdup(r->mem, db_text(res, 0, SP_ID)) : NULL;
    if (!res)
        *err = RENDER_DB_DOWN;
    else if (!id)
        *err = refuse(r, "person",
                      "There is no one with that username or email address at your college.");
    else if (strcmp(id, req_id_text(r, r->user->id)) == 0)
        *err = refuse(r, "person", "That is you: you can always see your own work.");
    PQclear(res);
    return *err ? NULL : id;
}

/* Tells the person a page or collection was shared with them, and records
 * the share in the audit log: making work public or sending out a secret
 * link is something a college may need to look back on. */
static bool record_share(request *r, const share_target *t, const PGresult *target,
                         const field_value *v, const char *person)
{
    const char *title = db_text(target, 0, ST_TITLE);
    if (person && !notify(r, atoll(person), "share",
                          arena_printf(r->mem, "%s shared the %s “%s” with you",
                                       r->user->display_name, t->what->noun, title),
                          arena_printf(r->mem, "%s/%lld", t->what->reader_path, t->id)))
        return false;
    return audit(r, "share_added", person ? atoll(person) : 0, 0,
                 arena_printf(r->mem, "Shared the %s “%s” (%s %lld) with: %s", t->what->noun, title,
                              t->what->noun, t->id, v[S_AUDIENCE].str));
}

/* Inserts the share, in one transaction with what records it; a secret
 * link's address is returned in *link. The message if refused, or NULL. */
static const char *insert_share(request *r, const share_target *t, const PGresult *target,
                                const field_value *v, const char *person, const char **link)
{
    const char *token = v[S_AUDIENCE].num == A_LINK ? session_random_token(r->mem) : NULL;
    const char *params[] = {t->ids[0],         t->ids[1],
                            t->ids[2],         db_text(target, 0, ST_INSTITUTION_ID),
                            v[S_AUDIENCE].str, person ? person : "",
                            v[S_COHORT].str,   token ? session_token_hash(r->mem, token) : "",
                            v[S_STARTS].str,   v[S_ENDS].str};
    if (!db_begin(r->db))
        return RENDER_DB_DOWN;
    PGresult *res = db_run(r->db, "share_insert", ARRAY_SIZE(params), params);
    const char *err = NULL;
    if (!res)
        err = RENDER_DB_DOWN;
    else if (strcmp(db_text(res, 0, SI_COHORT_OK), "t") != 0)
        err = refuse(r, "cohort_id", "Choose one of your own groups.");
    else if (strcmp(db_text(res, 0, SI_DUPLICATE), "t") == 0)
        err = refuse(r, "audience", "It is already shared that way, for the same dates.");
    else if (!record_share(r, t, target, v, person) || !db_commit(r->db))
        err = RENDER_DB_DOWN;
    PQclear(res);
    if (err)
        db_rollback(r->db);
    else if (token)
        *link = arena_printf(r->mem, "%s/s/%s", http_own_origin(r), token);
    return err;
}

static void add_share(request *r, const shareable *what)
{
    share_target t = target_from(r, what);
    PGresult *target = find_target(r, &t);
    if (!target)
        return;
    field_value v[N_SHARE_FIELDS];
    const char *err = NULL, *person = NULL, *link = NULL;
    if (form_validate(r, share_fields, N_SHARE_FIELDS, v, &err) &&
        !(err = check_share(r, v, db_text(target, 0, ST_TODAY))) &&
        (v[S_AUDIENCE].num != A_PERSON ||
         (person = find_person(r, db_text(target, 0, ST_INSTITUTION_ID), v[S_PERSON].str, &err))))
        err = insert_share(r, &t, target, v, person, &link);
    if (err || link) {
        /* Refused: the form again with what was chosen. A new secret link:
         * shown this once, as only its hash is kept. */
        show_sharing(r, &t, target, &(share_form){err ? v : NULL, err, link}, err ? 400 : 200);
    } else {
        resp_redirect(r, arena_printf(r->mem, "%s/%lld/sharing#shares", what->editor, t.id));
    }
    PQclear(target);
}

void page_share_add_page(request *r)
{
    add_share(r, &a_page);
}

void page_share_add_collection(request *r)
{
    add_share(r, &a_collection);
}

/* Stops one share at once; the row stays, marked revoked, and the audit
 * log says so. */
static void revoke_share(request *r, const shareable *what)
{
    share_target t = target_from(r, what);
    long long share_id = req_param_id(r, 1);
    const char *params[] = {t.ids[0], t.ids[1], t.ids[2], req_id_text(r, share_id)};
    PGresult *res =
        db_begin(r->db) ? db_run(r->db, "share_revoke", ARRAY_SIZE(params), params) : NULL;
    bool done = res && PQntuples(res) == 1 &&
                audit(r, "share_revoked", 0, 0,
                      arena_printf(r->mem, "Stopped sharing the %s %lld with: %s", what->noun, t.id,
                                   db_text(res, 0, SR_AUDIENCE))) &&
                db_commit(r->db);
    bool missing = res && PQntuples(res) == 0;
    PQclear(res);
    if (!done) {
        db_rollback(r->db);
        if (missing)
            render_error(r, 404, "That share is not there any more.");
        else
            render_db_failed(r);
        return;
    }
    resp_redirect(r, arena_printf(r->mem, "%s/%lld/sharing#shares", what->editor, t.id));
}

/* Asks before a share is stopped: the owner's own, still in force. */
static void confirm_revoke(request *r, const shareable *what)
{
    share_target t = target_from(r, what);
    PGresult *target = find_target(r, &t);
    if (!target)
        return;
    PGresult *list = db_run(r->db, "share_list", 3, t.ids);
    const char *share = req_id_text(r, req_param_id(r, 1));
    int row = -1;
    for (int i = 0; list && i < PQntuples(list); i++)
        if (strcmp(db_text(list, i, SL_ID), share) == 0)
            row = i;
    const char *title = db_text(target, 0, ST_TITLE);
    const char *editor = arena_printf(r->mem, "%s/%lld", what->editor, t.id);
    if (!list)
        render_db_failed(r);
    else if (row < 0)
        render_error(r, 404, "That share is not there any more.");
    else
        render_confirmation(
            r, &(confirmation){
                   .caption = arena_printf(r->mem, "Who can see “%s”", title),
                   .question = arena_printf(r->mem, "Stop sharing this %s with %s?", what->noun,
                                            audience_words(r, list, row)),
                   .consequence =
                       "From now on they cannot open it, nor follow a link to it they were given. "
                       "What they wrote on it stays. To let them see it again, you would share it "
                       "with them again.",
                   .action = arena_printf(r->mem, "%s/shares/%s/revoke", editor, share),
                   .button = "Stop sharing",
                   .back = arena_printf(r->mem, "%s/sharing#shares", editor),
                   .keep = "Keep sharing it"});
    PQclear(list);
    PQclear(target);
}

void page_share_confirm_revoke_page(request *r)
{
    confirm_revoke(r, &a_page);
}

void page_share_confirm_revoke_collection(request *r)
{
    confirm_revoke(r, &a_collection);
}

void page_share_revoke_page(request *r)
{
    revoke_share(r, &a_page);
}

void page_share_revoke_collection(request *r)
{
    revoke_share(r, &a_collection);
}

/* How something came to be shared with the viewer, in words. */
static const char *shared_as(const char *audience)
{
    if (strcmp(audience, "person") == 0)
        return "With you";
    if (strcmp(audience, "cohort") == 0)
        return "With your group";
    if (strcmp(audience, "supporters") == 0)
        return "With their tutors and mentors";
    if (strcmp(audience, "college") == 0)
        return "With everyone at your college";
    return "With everyone";
}

/* GET /shared: pages and collections others share with the viewer. */
void page_shared_with_me(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id)};
    PGresult *res = db_run(r->db, "shared_with_me", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Shared with you", "sharing/shared.tpl");
    for (int i = 0; d && i < PQntuples(res); i++) {
        bool page = strcmp(db_text(res, i, SW_KIND), "page") == 0;
        tpl_dict *row = tpl_add_section(d, "ITEM");
        tpl_set(
            row, "HREF",
            arena_printf(r->mem, "/%s/%s", page ? "pages" : "collections", db_text(res, i, SW_ID)));
        tpl_set(row, "TITLE", db_text(res, i, SW_TITLE));
        tpl_set(row, "KIND", page ? "Page" : "Collection");
        tpl_set(row, "OWNER", db_text(res, i, SW_OWNER));
        tpl_set(row, "AS", shared_as(db_text(res, i, SW_AUDIENCE)));
        tpl_set(row, "UPDATED", db_text(res, i, SW_UPDATED));
    }
    if (d)
        tpl_show(d, PQntuples(res) ? "HAS_ITEMS" : "NO_ITEMS");
    PQclear(res);
    render_end(r, 200);
}
