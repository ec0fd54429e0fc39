/* threads: private conversations (sql/0013_mentoring.sql), inside a
 * mentorship or directly between a tutor and a learner. Only a thread's
 * members read it; each has their own place in it (the newest message
 * they have read), so lists show what is new and a thread opens at the
 * first message not yet read. Messages are Markdown through the shared
 * rich-text pipeline, and may point at something of the sender's the
 * other person may see. An administrator reads a thread only for
 * safeguarding, giving a reason that is audited and told to its members
 * (admin side: thread_access). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/audit.h"
#include "../core/notify.h"
#include "../core/richtext.h"
#include "pages.h"

// clang-format off
/* The thread $2 for the session whose token hash is $1, if they are in it
 * (thread_members in sql/policy.sql): its id, subject, mentorship, newest
 * message, the first one the viewer has not read (0 for none), whether
 * they may write in it now, and the other member's name and id (a thread
 * has two members, thread_insert). */
#define THREAD_HEAD                                                                                \
    "SELECT w.thread_id, w.subject, coalesce(w.mentorship_id, 0), w.last_message_id,"             \
    "       coalesce((SELECT min(x.id) FROM messages x WHERE x.thread_id = w.thread_id"           \
    "                    AND x.id > w.last_read_id AND x.author_id <> v.id), 0),"                 \
    "       w.may_write, o.display_name, o.id"                                                     \
    "  FROM session_viewer($1) v"                                                                  \
    "  JOIN thread_members(v.id) w ON w.institution_id = v.institution_id"                        \
    "   AND w.thread_id = CASE WHEN $2 ~ '^[0-9]{1,18}$' THEN $2::bigint END"                      \
    "  JOIN thread_members om ON om.thread_id = w.thread_id AND om.user_id <> v.id"               \
    "  JOIN users o ON o.id = om.user_id"

/* Everything sender may point a message to other at, a row each: their
 * evidence and posts the other may see (by those items' own rules:
 * readable_evidence, post_visible), and the goals of agreed plans between
 * the two (the learner's, with the other teaching them: teaching_partners,
 * as the plan's tutor side; a mentor is not one). Each as the form's
 * choice, its label, the address a message links to, its title, and how
 * new it is. The one statement of what may be linked: offered and checked
 * alike. */
#define LINKABLE(sender, other)                                                                    \
    "(SELECT 'evidence:' || e.id AS choice, 'Evidence: ' || e.title AS label,"                     \
    "        '/portfolio/evidence/' || e.id AS path, e.title, e.updated_at AS at"                  \
    "   FROM readable_evidence(" other ", NULL) e WHERE e.owner_id = " sender                      \
    " UNION ALL"                                                                                   \
    " SELECT 'post:' || p.id, 'Blog post: ' || p.title, '/blog/posts/' || p.id, p.title,"          \
    "        p.updated_at"                                                                         \
    "   FROM readable_posts(" other ") p WHERE p.author_id = " sender                              \
    " UNION ALL"                                                                                   \
    " SELECT 'goal:' || pl.id || ':' || (g->>'key'),"                                              \
    "        'Plan goal: ' || (g->>'title') || ' (' || pl.title || ')',"                           \
    "        '/plans/' || pl.id || '/goals/' || (g->>'key'), g->>'title', pl.updated_at"          \
    "   FROM plans pl"                                                                             \
    "   JOIN plan_versions v ON v.plan_id = pl.id AND v.number = pl.agreed_version"               \
    "  CROSS JOIN LATERAL jsonb_array_elements(v.content->'goals') g"                              \
    "  WHERE (pl.learner_id = " sender " OR pl.learner_id = " other ")"                            \
    "    AND EXISTS (SELECT 1 FROM teaching_partners(" sender ") k"                                \
    "                 WHERE k.institution_id = pl.institution_id AND k.person_id = " other         \
    "                   AND k.viewer_role = CASE WHEN pl.learner_id = " sender                      \
    "                                            THEN 'learner' ELSE 'tutor' END)) AS linkable"

/* Who viewer $1 may start a thread with: the live mentorships they are
 * in (mentorships_of), and (for direct threads) the tutors who teach them
 * and the learners they teach (teaching_partners). Each as a choice
 * (mentorship:ID or person:ID), its label, the mentorship (or 0) and the
 * other person. */
#define THREAD_PARTNERS                                                                            \
    "SELECT 'mentorship:' || m.mentorship_id, 'Mentoring: ' || u.display_name, m.mentorship_id,"  \
    "       m.other_id"                                                                            \
    "  FROM mentorships_of($1) m JOIN users u ON u.id = m.other_id"                                \
    " WHERE m.live"                                                                                \
    " UNION ALL"                                                                                   \
    " SELECT DISTINCT 'person:' || u.id, CASE WHEN k.viewer_role = 'tutor' THEN 'Your learner: '"  \
    "                 ELSE 'Your tutor: ' END || u.display_name, 0, u.id"                          \
    "  FROM teaching_partners($1) k"                                                               \
    "  JOIN users u ON u.id = k.person_id AND u.status = 'active'"                                 \
    " WHERE k.person_id <> $1"

/* thread_list: one row a thread (WITH: the other members' names; UNREAD:
 * messages not read yet; MENTORING: it belongs to a mentorship). */
enum {
    TL_ID,
    TL_SUBJECT,
    TL_WITH,
    TL_WHEN,
    TL_UNREAD,
    TL_COUNT,
    TL_MENTORING,
    THREAD_LIST_COLUMNS
};
/* thread_head: THREAD_HEAD's columns. */
enum {
    TH_ID,
    TH_SUBJECT,
    TH_MENTORSHIP,
    TH_LAST,
    TH_FIRST_UNREAD,
    TH_OPEN,
    TH_OTHERS,
    TH_OTHER,
    THREAD_HEAD_COLUMNS
};
/* thread_messages: one row a message. */
enum {
    MG_ID,
    MG_AUTHOR,
    MG_HTML,
    MG_LINK_PATH,
    MG_LINK_TITLE,
    MG_WHEN,
    THREAD_MESSAGES_COLUMNS
};
/* thread_partners: THREAD_PARTNERS's columns. */
enum { TP_CHOICE, TP_LABEL, TP_MENTORSHIP, TP_OTHER, THREAD_PARTNERS_COLUMNS };
enum { PA_OTHER, PA_MENTORSHIP, THREAD_PARTNER_COLUMNS };
enum { TI_THREAD_ID, THREAD_INSERT_COLUMNS };
enum { LC_CHOICE, LC_LABEL, MESSAGE_LINK_CHOICES_COLUMNS };
enum { LK_PATH, LK_TITLE, MESSAGE_LINK_CHECK_COLUMNS };
enum { MI_ID, MESSAGE_INSERT_COLUMNS };
/* thread_admin_head: the thread's members and dates, not its words. */
enum { TAH_ID, TAH_MEMBERS, TAH_SINCE, TAH_COUNT, THREAD_ADMIN_HEAD_COLUMNS };
/* thread_admin_find: one row a thread, members and dates. */
enum { TAF_ID, TAF_MEMBERS, TAF_SINCE, TAF_LATEST, TAF_COUNT, THREAD_ADMIN_FIND_COLUMNS };
enum { TM_USER_ID, THREAD_MEMBER_IDS_COLUMNS };

const db_statement thread_statements[] = {
    /* Viewer $1's threads at their college $2 (thread_members), latest
     * activity first, with how many messages in each they have not read. */
    {"thread_list",
     "SELECT w.thread_id, w.subject, o.names, to_char(w.last_message_at, '" SQL_DAY "'),"
     "       (SELECT count(*) FROM messages x WHERE x.thread_id = w.thread_id"
     "           AND x.id > w.last_read_id AND x.author_id <> $1),"
     "       w.message_count, w.mentorship_id IS NOT NULL"
     "  FROM thread_members($1) w"
     " CROSS JOIN LATERAL (SELECT string_agg(u.display_name, ', ') AS names"
     "                       FROM thread_members om JOIN users u ON u.id = om.user_id"
     "                      WHERE om.thread_id = w.thread_id AND om.user_id <> $1) o"
     " WHERE w.institution_id = $2 ORDER BY w.last_message_at DESC LIMIT 200",
     THREAD_LIST_COLUMNS},
    /* The prefetch of /messages/:id, and what a reply checks first. */
    {"thread_head", THREAD_HEAD, THREAD_HEAD_COLUMNS},
    /* Every message of thread $1 (already checked), oldest first; dates
     * without the year when it is this year's. */
    {"thread_messages",
     "SELECT m.id, u.display_name, m.body_html, coalesce(m.link_path, ''),"
     "       coalesce(m.link_title, ''),"
     "       to_char(m.created_at, CASE WHEN date_trunc('year', m.created_at)"
     "                                       = date_trunc('year', now())"
     "                                  THEN 'FMDD FMMonth, HH24:MI' ELSE '" SQL_DAY ", HH24:MI' END)"
     "  FROM messages m JOIN users u ON u.id = m.author_id"
     " WHERE m.thread_id = $1 ORDER BY m.id",
     THREAD_MESSAGES_COLUMNS},
    /* Member $2 has read thread $1 up to message $3. */
    {"thread_mark_read", "UPDATE thread_members SET last_read_id = $3"
                         " WHERE thread_id = $1 AND user_id = $2 AND last_read_id < $3",
     0},
    {"thread_partners", THREAD_PARTNERS, THREAD_PARTNERS_COLUMNS},
    /* Whether $1 may start a thread with choice $2 (as THREAD_PARTNERS
     * gives it): the other person's id and the mentorship's (or 0). */
    {"thread_partner",
     "SELECT c.other, c.m FROM (" THREAD_PARTNERS ") AS c(choice, label, m, other)"
     " WHERE c.choice = $2",
     THREAD_PARTNER_COLUMNS},
    {"thread_insert",
     "WITH t AS (INSERT INTO threads (institution_id, mentorship_id, subject, created_by)"
     "           VALUES ($1, nullif($2, 0::bigint), $3, $4) RETURNING id)"
     " INSERT INTO thread_members (thread_id, user_id)"
     " SELECT t.id, x FROM t, unnest(ARRAY[$4::bigint, $5::bigint]) x RETURNING thread_id",
     THREAD_INSERT_COLUMNS},
    /* What sender $1 may point a message to $2 at, newest first. */
    {"message_link_choices",
     "SELECT choice, label FROM " LINKABLE("$1::bigint", "$2::bigint")
     " ORDER BY at DESC LIMIT 200",
     MESSAGE_LINK_CHOICES_COLUMNS},
    /* The address and title of what sender $1 points a message to $3
     * at (choice $2), if it is one of message_link_choices. */
    {"message_link_check",
     "SELECT path, title FROM " LINKABLE("$1::bigint", "$3::bigint") " WHERE choice = $2",
     MESSAGE_LINK_CHECK_COLUMNS},
    /* A message by member $2 in thread $1, if they may write in it
     * (thread_members). */
    {"message_insert",
     "INSERT INTO messages (thread_id, institution_id, author_id, body_md, body_html, link_path,"
     "                      link_title)"
     " SELECT w.thread_id, w.institution_id, $2, $3, $4, nullif($5, ''), nullif($6, '')"
     "   FROM thread_members($2) w WHERE w.thread_id = $1 AND w.may_write RETURNING id",
     MESSAGE_INSERT_COLUMNS},
    /* For an administrator of college $2: thread $1's members and dates
     * (not its words), to decide whether to read it. */
    {"thread_admin_head",
     "SELECT t.id, (SELECT string_agg(u.display_name || ' (' || u.username || ')', ', '"
     "                                 ORDER BY u.display_name)"
     "                FROM thread_members m JOIN users u ON u.id = m.user_id"
     "               WHERE m.thread_id = t.id),"
     "       to_char(t.created_at, '" SQL_DAY "'), t.message_count"
     "  FROM threads t WHERE t.id = $1 AND t.institution_id = $2",
     THREAD_ADMIN_HEAD_COLUMNS},
    /* The threads of the person with username $2 at college $1: members
     * and dates, never subjects or words. */
    {"thread_admin_find",
     "SELECT t.id, (SELECT string_agg(u.display_name || ' (' || u.username || ')', ', '"
     "                                 ORDER BY u.display_name)"
     "                FROM thread_members m JOIN users u ON u.id = m.user_id"
     "               WHERE m.thread_id = t.id),"
     "       to_char(t.created_at, '" SQL_DAY "'), to_char(t.last_message_at, '" SQL_DAY "'),"
     "       t.message_count"
     "  FROM users p JOIN thread_members pm ON pm.user_id = p.id"
     "  JOIN threads t ON t.id = pm.thread_id"
     " WHERE p.institution_id = $1 AND p.username = lower($2)"
     " ORDER BY t.last_message_at DESC LIMIT 200",
     THREAD_ADMIN_FIND_COLUMNS},
    {"thread_access_insert", "INSERT INTO thread_access (thread_id, admin_id, reason)"
                             " VALUES ($1, $2, $3) RETURNING id",
     1},
    {"thread_member_ids", "SELECT user_id FROM thread_members WHERE thread_id = $1",
     THREAD_MEMBER_IDS_COLUMNS},
    {NULL, NULL},
};
// clang-format on

#define NO_THREAD "There is no such thread, or you are not in it."

/* ------------------------------------------------------------ the list */

/* GET /messages: my threads, latest activity first, what is new marked. */
void page_thread_list(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, r->user->institution_id)};
    PGresult *res = db_run(r->db, "thread_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Messages", "messages/list.tpl");
    if (d) {
        tpl_dict *list = PQntuples(res) ? tpl_add_section(d, "LIST") : NULL;
        for (int i = 0; i < PQntuples(res); i++) {
            tpl_dict *t = tpl_add_section(list, "THREAD");
            tpl_set(t, "ID", db_text(res, i, TL_ID));
            tpl_set(t, "SUBJECT", db_text(res, i, TL_SUBJECT));
            tpl_set(t, "WITH", db_text(res, i, TL_WITH));
            tpl_set(t, "WHEN", db_text(res, i, TL_WHEN));
            tpl_set(t, "COUNT", db_text(res, i, TL_COUNT));
            if (strcmp(db_text(res, i, TL_UNREAD), "0") != 0)
                tpl_set(tpl_add_section(t, "UNREAD"), "N", db_text(res, i, TL_UNREAD));
            if (strcmp(db_text(res, i, TL_MENTORING), "t") == 0)
                tpl_show(t, "MENTORING");
        }
        if (!PQntuples(res))
            tpl_show(d, "NONE");
    }
    render_end(r, 200);
    PQclear(res);
}

/* ------------------------------------------------------------ a thread */

static void fill_message(tpl_dict *m, const PGresult *res, int i)
{
    tpl_set(m, "ID", db_text(res, i, MG_ID));
    tpl_set(m, "AUTHOR", db_text(res, i, MG_AUTHOR));
    tpl_set(m, "WHEN", db_text(res, i, MG_WHEN));
    tpl_set_html(m, "BODY_HTML", html_from_db(db_text(res, i, MG_HTML))); /* sanitised on save */
    if (*db_text(res, i, MG_LINK_PATH)) {
        tpl_dict *l = tpl_add_section(m, "LINK");
        tpl_set(l, "PATH", db_text(res, i, MG_LINK_PATH));
        tpl_set(l, "TITLE", db_text(res, i, MG_LINK_TITLE));
    }
}

/* Thread id's messages, rendered: kept in memory under its newest
 * message, last (messages never change once sent) and the year, else
 * read in one round trip; last NULL: read, not kept. NULL if that
 * failed. */
static const safe_html *messages_html(request *r, const char *id, const char *last)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm); /* the year is in the key: dates say it from January */
    const char *key = last ? arena_printf(r->mem, "thread/%s/%s/%d", id, last, tm.tm_year) : NULL;
    const safe_html *html = key ? render_fragment_find(r, key, 0) : NULL;
    if (html)
        return html;
    const char *params[] = {id};
    PGresult *res = db_run(r->db, "thread_messages", ARRAY_SIZE(params), params);
    if (res) {
        tpl_dict *d = tpl_dict_new();
        for (int i = 0; d && i < PQntuples(res); i++)
            fill_message(tpl_add_section(d, "MESSAGE"), res, i);
        html = render_fragment(r, "messages/messages.tpl", d);
        if (html && key)
            render_fragment_keep(key, 0, html, 0);
    }
    PQclear(res);
    return html;
}

/* The options of things of the sender's the other member may see, to
 * point a message at, rendered. Working that out asks each item's own
 * sharing rules, so the options are kept in memory for a minute: one
 * that went stale is refused when sent (check_link), with the reason. */
static const safe_html *link_choices_html(request *r, const char *other)
{
    const char *key = arena_printf(r->mem, "thread-links/%lld/%s", r->user->id, other);
    const safe_html *html = key ? render_fragment_find(r, key, 0) : NULL;
    if (html)
        return html;
    const char *params[] = {req_id_text(r, r->user->id), other};
    PGresult *res = db_run(r->db, "message_link_choices", ARRAY_SIZE(params), params);
    tpl_dict *d = res ? tpl_dict_new() : NULL;
    for (int i = 0; d && i < PQntuples(res); i++) {
        tpl_dict *c = tpl_add_section(d, "CHOICE");
        tpl_set(c, "VALUE", db_text(res, i, LC_CHOICE));
        tpl_set(c, "LABEL", db_text(res, i, LC_LABEL));
    }
    html = d ? render_fragment(r, "messages/link_choices.tpl", d) : NULL;
    if (html && key)
        render_fragment_keep(key, 0, html, time(NULL) + 60);
    PQclear(res);
    return html;
}

/* The reply form, what was typed kept after a refusal. */
static void fill_reply(request *r, tpl_dict *d, const PGresult *head, const char *body,
                       const char *error)
{
    tpl_dict *f = tpl_add_section(d, "REPLY");
    tpl_set(f, "BODY", body ? body : "");
    if (error)
        tpl_set(tpl_add_section(f, "REPLY_ERROR"), "MESSAGE", error);
    const safe_html *choices = link_choices_html(r, db_text(head, 0, TH_OTHER));
    tpl_set_html(f, "CHOICES_HTML", choices); /* messages/link_choices.tpl */
}

/* The thread's page for head: every message, the first new one marked by
 * the address (#m…), and a reply form while it is open. */
static void show_thread(request *r, int status, const PGresult *head, const char *body,
                        const char *error)
{
    const char *id = db_text(head, 0, TH_ID);
    const safe_html *html = messages_html(r, id, db_text(head, 0, TH_LAST));
    if (!html) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d =
        render_begin(r,
                     error ? arena_printf(r->mem, "Error: %s", db_text(head, 0, TH_SUBJECT))
                           : db_text(head, 0, TH_SUBJECT),
                     "messages/thread.tpl");
    if (d) {
        tpl_set(d, "ID", id);
        tpl_set(d, "SUBJECT", db_text(head, 0, TH_SUBJECT));
        tpl_set(d, "WITH", db_text(head, 0, TH_OTHERS));
        tpl_set_html(d, "MESSAGES_HTML", html); /* rendered from messages/messages.tpl */
        if (strcmp(db_text(head, 0, TH_MENTORSHIP), "0") != 0)
            tpl_set(tpl_add_section(d, "MENTORSHIP"), "MENTORSHIP_ID",
                    db_text(head, 0, TH_MENTORSHIP));
        if (strcmp(db_text(head, 0, TH_OPEN), "t") == 0)
            fill_reply(r, d, head, body, error);
        else
            tpl_show(d, "CLOSED");
    }
    render_end(r, status);
}

/* GET /messages/:id: with messages not yet read, marks them read and
 * goes to the first of them (#m…: the address keeps it marked); else the
 * thread. The head comes with the session; the messages from memory, or
 * in one more round trip. */
void page_thread_show(request *r)
{
    const PGresult *head = r->prefetched;
    if (!render_found(r, head, NO_THREAD))
        return;
    const char *first = db_text(head, 0, TH_FIRST_UNREAD);
    if (strcmp(first, "0") != 0) {
        const char *params[] = {db_text(head, 0, TH_ID), req_id_text(r, r->user->id),
                                db_text(head, 0, TH_LAST)};
        PGresult *res = db_run(r->db, "thread_mark_read", ARRAY_SIZE(params), params);
        if (res)
            resp_redirect(r, arena_printf(r->mem, "/messages/%s#m%s", params[0], first));
        else
            render_db_failed(r);
        PQclear(res);
        return;
    }
    show_thread(r, 200, head, NULL, NULL);
}

/* ------------------------------------------------------------ writing */

/* The thing a message points at (link, a choice of LINKABLE's) for the
 * thread's other member: *path and *title, or a refusal. */
static const char *check_link(request *r, const char *link, const char *other, const char **path,
                              const char **title)
{
    *path = *title = "";
    if (!*link)
        return NULL;
    const char *params[] = {req_id_text(r, r->user->id), link, other};
    PGresult *res = db_run(r->db, "message_link_check", ARRAY_SIZE(params), params);
    const char *refusal = !res ? RENDER_DB_DOWN
                          : !PQntuples(res)
                              ? "The other person cannot see that, or it is not yours: share it "
                                "with them first, or point at something else."
                              : NULL;
    if (!refusal) {
        *path = arena_strdup(r->mem, db_text(res, 0, LK_PATH));
        *title = arena_strdup(r->mem, db_text(res, 0, LK_TITLE));
    }
    PQclear(res);
    return refusal;
}

/* A message from the signed-in person into thread id (whose other
 * member is other), the other told; inside the caller's transaction.
 * Returns the message's id, NULL when they may not write in it now, or
 * "" when the database failed. */
static const char *send_message(request *r, const char *id, const char *other, const char *subject,
                                const char *body, const char *path, const char *title)
{
    const char *html = richtext_to_arena(r->mem, body);
    if (!html)
        return "";
    const char *params[] = {id, req_id_text(r, r->user->id), body, html, path, title};
    PGresult *res = db_run(r->db, "message_insert", ARRAY_SIZE(params), params);
    const char *message = !res             ? ""
                          : PQntuples(res) ? arena_strdup(r->mem, db_text(res, 0, MI_ID))
                                           : NULL;
    PQclear(res);
    if (message && *message &&
        !notify(r, atoll(other), "message",
                arena_printf(r->mem, "%s wrote in “%s”.", r->user->display_name, subject),
                arena_printf(r->mem, "/messages/%s", id)))
        return "";
    return message;
}

static const field_spec reply_fields[] = {
    {"body", "your message", FIELD_STRING, true, 1, 20000, NULL},
    {"link", "what the message points at", FIELD_STRING, false, 0, 60, NULL}};

/* POST /messages/:id: a reply. Refused, with the words kept, when it is
 * empty or too long, points at what the other cannot see, or the thread
 * is closed (its mentorship ended). */
void page_thread_reply(request *r)
{
    const char *hp[] = {r->user->session_hash, r->params[0]};
    PGresult *head = db_run(r->db, "thread_head", ARRAY_SIZE(hp), hp);
    if (!render_found(r, head, NO_THREAD)) {
        PQclear(head);
        return;
    }
    field_value v[2];
    const char *err, *path, *title;
    const char *id = db_text(head, 0, TH_ID), *other = db_text(head, 0, TH_OTHER);
    if (!form_validate(r, reply_fields, 2, v, &err) ||
        (err = check_link(r, v[1].str, other, &path, &title))) {
        show_thread(r, 400, head, v[0].str, err);
        PQclear(head);
        return;
    }
    const char *message = NULL;
    bool ok = db_begin(r->db) &&
              (message = send_message(r, id, other, db_text(head, 0, TH_SUBJECT), v[0].str, path,
                                      title)) &&
              *message && db_commit(r->db);
    if (!ok)
        db_rollback(r->db);
    if (ok)
        resp_redirect(r, arena_printf(r->mem, "/messages/%s#m%s", id, message));
    else if (!message)
        render_error(r, 409,
                     "This thread is closed: its mentorship has ended, or you no longer teach "
                     "each other. It stays here to read.");
    else
        show_thread(r, 503, head, v[0].str, RENDER_DB_DOWN);
    PQclear(head);
}

/* ------------------------------------------------------------ starting */

enum { N_TO, N_SUBJECT, N_BODY, N_FIELDS };
static const field_spec new_fields[N_FIELDS] = {
    [N_TO] = {"to", "who the thread is with", FIELD_STRING, true, 1, 40, NULL},
    [N_SUBJECT] = {"subject", "the subject", FIELD_STRING, true, 1, 200, NULL},
    [N_BODY] = {"body", "your message", FIELD_STRING, true, 1, 20000, NULL},
};

static void show_new(request *r, int status, const char *chosen, const field_value *v,
                     const char *error, const char *field)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "thread_partners", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d =
        render_begin(r, error ? "Error: Start a thread" : "Start a thread", "messages/new.tpl");
    if (d) {
        if (error) {
            tpl_dict *e = tpl_add_section(d, "ERROR");
            tpl_set(e, "MESSAGE", error);
            tpl_set(e, "FIELD", field ? field : "to");
        }
        for (int i = 0; i < PQntuples(res); i++) {
            tpl_dict *o = tpl_add_section(d, "PARTNER");
            tpl_set(o, "VALUE", db_text(res, i, TP_CHOICE));
            tpl_set(o, "LABEL", db_text(res, i, TP_LABEL));
            if (chosen && strcmp(chosen, db_text(res, i, TP_CHOICE)) == 0)
                tpl_show(o, "SELECTED");
        }
        if (!PQntuples(res))
            tpl_show(d, "NOBODY");
        tpl_set(d, "SUBJECT", v ? v[N_SUBJECT].str : "");
        tpl_set(d, "BODY", v ? v[N_BODY].str : "");
    }
    render_end(r, status);
    PQclear(res);
}

/* GET /messages/new (?mentorship=ID to choose that one) */
void page_thread_new(request *r)
{
    const http_field *m = req_query(r, "mentorship");
    show_new(r, 200, m ? arena_printf(r->mem, "mentorship:%s", m->value) : NULL, NULL, NULL, NULL);
}

/* POST /messages: a thread with one of my partners, and its first
 * message. */
void page_thread_create(request *r)
{
    field_value v[N_FIELDS];
    const char *err;
    if (!form_validate(r, new_fields, N_FIELDS, v, &err)) {
        show_new(r, 400, v[N_TO].str, v, err, r->invalid_field);
        return;
    }
    const char *pp[] = {req_id_text(r, r->user->id), v[N_TO].str};
    PGresult *partner = db_run(r->db, "thread_partner", ARRAY_SIZE(pp), pp);
    if (!partner || !PQntuples(partner)) {
        show_new(r, partner ? 400 : 503, v[N_TO].str, v,
                 partner ? "Choose someone from the list: your mentor or mentee, a tutor of "
                           "yours or a learner you teach."
                         : RENDER_DB_DOWN,
                 "to");
        PQclear(partner);
        return;
    }
    const char *other = arena_strdup(r->mem, db_text(partner, 0, PA_OTHER));
    const char *ip[] = {req_id_text(r, r->user->institution_id), db_text(partner, 0, PA_MENTORSHIP),
                        v[N_SUBJECT].str, req_id_text(r, r->user->id), other};
    PGresult *thread = NULL;
    const char *message = NULL;
    bool ok = db_begin(r->db) && (thread = db_run(r->db, "thread_insert", ARRAY_SIZE(ip), ip)) &&
              PQntuples(thread) &&
              (message = send_message(r, db_text(thread, 0, TI_THREAD_ID), other, v[N_SUBJECT].str,
                                      v[N_BODY].str, "", "")) &&
              *message && db_commit(r->db);
    if (ok) {
        resp_redirect(r, arena_printf(r->mem, "/messages/%s", db_text(thread, 0, TI_THREAD_ID)));
    } else {
        db_rollback(r->db);
        show_new(r, 503, v[N_TO].str, v, RENDER_DB_DOWN, "to");
    }
    PQclear(thread);
    PQclear(partner);
}

/* ------------------------------------------------------------ safeguarding */

/* GET /admin/threads (?user=USERNAME): someone's threads, by who is in
 * them and when, to choose the one a safeguarding concern is about. */
void page_thread_admin_find(request *r)
{
    static const field_spec fields[] = {{"user", "the username", FIELD_STRING, false, 0, 60, NULL}};
    field_value v[1];
    const char *err;
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->institution_id), v[0].str};
    PGresult *res =
        v[0].present ? db_run(r->db, "thread_admin_find", ARRAY_SIZE(params), params) : NULL;
    if (v[0].present && !res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Safeguarding: private threads", "messages/admin_find.tpl");
    if (d) {
        tpl_set(d, "USER", v[0].str);
        tpl_dict *table = res && PQntuples(res) ? tpl_add_section(d, "TABLE") : NULL;
        for (int i = 0; res && i < PQntuples(res); i++) {
            tpl_dict *t = tpl_add_section(table, "THREAD");
            static const char *const names[THREAD_ADMIN_FIND_COLUMNS] = {"ID", "MEMBERS", "SINCE",
                                                                         "LATEST", "COUNT"};
            for (int k = 0; k < THREAD_ADMIN_FIND_COLUMNS; k++)
                tpl_set(t, names[k], db_text(res, i, k));
        }
        if (res && !PQntuples(res))
            tpl_show(d, "NONE");
    }
    render_end(r, 200);
    PQclear(res);
}

/* GET /admin/threads/:id: who is in the thread and since when, and the
 * form to read it, which asks why. */
void page_thread_admin(request *r)
{
    const char *params[] = {req_id_text(r, req_param_id(r, 0)),
                            req_id_text(r, r->user->institution_id)};
    PGresult *res = db_run(r->db, "thread_admin_head", ARRAY_SIZE(params), params);
    if (render_found(r, res, "There is no such thread at your college.")) {
        tpl_dict *d = render_begin(r, "Read a thread for safeguarding", "messages/admin.tpl");
        if (d) {
            tpl_set(d, "ID", db_text(res, 0, TAH_ID));
            tpl_set(d, "MEMBERS", db_text(res, 0, TAH_MEMBERS));
            tpl_set(d, "SINCE", db_text(res, 0, TAH_SINCE));
            tpl_set(d, "COUNT", db_text(res, 0, TAH_COUNT));
        }
        render_end(r, 200);
    }
    PQclear(res);
}

/* Tells every member of thread id that an administrator read it, why. */
static bool tell_members(request *r, const char *id, const char *reason)
{
    const char *params[] = {id};
    PGresult *res = db_run(r->db, "thread_member_ids", ARRAY_SIZE(params), params);
    bool ok = res != NULL;
    for (int i = 0; ok && i < PQntuples(res); i++)
        ok = notify(r, db_int(res, i, TM_USER_ID), "safeguarding",
                    arena_printf(r->mem,
                                 "%s, an administrator, read one of your threads for "
                                 "safeguarding. The reason given: %s",
                                 r->user->display_name, reason),
                    arena_printf(r->mem, "/messages/%s", id));
    PQclear(res);
    return ok;
}

/* POST /admin/threads/:id: the reason recorded (thread_access and the
 * audit log) and told to the members, then the thread shown, read only.
 * Each reading asks again. */
void page_thread_admin_read(request *r)
{
    static const field_spec fields[] = {
        {"reason", "the reason", FIELD_STRING, true, 10, 2000, NULL}};
    field_value v[1];
    const char *err;
    const char *id = req_id_text(r, req_param_id(r, 0));
    const char *hp[] = {id, req_id_text(r, r->user->institution_id)};
    PGresult *head = db_run(r->db, "thread_admin_head", ARRAY_SIZE(hp), hp);
    if (!render_found(r, head, "There is no such thread at your college.")) {
        PQclear(head);
        return;
    }
    if (!form_validate(r, fields, 1, v, &err)) {
        render_error(r, 400, "Say why you need to read this thread, in at least ten characters.");
        PQclear(head);
        return;
    }
    const char *ap[] = {id, req_id_text(r, r->user->id), v[0].str};
    PGresult *access = NULL;
    bool ok = db_begin(r->db) &&
              (access = db_run(r->db, "thread_access_insert", ARRAY_SIZE(ap), ap)) &&
              audit(r, "thread_read_for_safeguarding", 0, 0,
                    arena_printf(r->mem, "thread %s: %s", id, v[0].str)) &&
              tell_members(r, id, v[0].str) && db_commit(r->db);
    const safe_html *html = ok ? messages_html(r, id, NULL) : NULL;
    if (!ok)
        db_rollback(r->db);
    if (!html) {
        render_db_failed(r);
    } else {
        tpl_dict *d = render_begin(r, "A thread read for safeguarding", "messages/admin_read.tpl");
        if (d) {
            tpl_set(d, "MEMBERS", db_text(head, 0, TAH_MEMBERS));
            tpl_set_html(d, "MESSAGES_HTML", html); /* rendered from messages/messages.tpl */
        }
        render_end(r, 200);
    }
    PQclear(access);
    PQclear(head);
}
