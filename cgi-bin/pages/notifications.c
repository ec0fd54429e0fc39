/* notifications: what features told someone (core/notify.c stores them,
 * in the transaction of the change they describe), listed newest first.
 * The header of every page counts the unread ones (core/session.c reads
 * the count with the session). Opening one marks it read and goes to what
 * it is about; all can be marked read at once, or one unread again. Each
 * person chooses, for each sort of news, whether it is also emailed at
 * once or in a daily digest (core/mail.c sends them); every mail's
 * unsubscribe link stops its sort with one click. */
#include <string.h>

#include "../core/mail.h"
#include "pages.h"

/* Notifications shown at a time. */
#define NOTIFICATIONS_PAGE 50

/* notification_list: one row a notification (UNREAD: not read yet). */
enum { NT_ID, NT_SUBJECT, NT_LINK, NT_UNREAD, NT_ACTOR, NT_WHEN, NOTIFICATION_LIST_COLUMNS };
enum { OP_LINK, NOTIFICATION_OPEN_COLUMNS };
/* notification_prefs: one row a sort of news, with how it is delivered. */
enum { NP_CATEGORY, NP_DELIVERY, NOTIFICATION_PREFS_COLUMNS };

const db_statement notification_statements[] = {
    /* $1's notifications older than $2 (0 for the newest), a page and one
     * more (to know whether there are older ones). */
    {"notification_list",
     "SELECT n.id, n.subject, n.link, n.read_at IS NULL, coalesce(a.display_name, ''),"
     "       to_char(n.created_at, '" SQL_DAY " \"at\" HH24:MI')"
     "  FROM notifications n LEFT JOIN users a ON a.id = n.actor_id"
     " WHERE n.user_id = $1 AND ($2::bigint = 0 OR n.id < $2::bigint)"
     " ORDER BY n.id DESC LIMIT 51",
     NOTIFICATION_LIST_COLUMNS},
    /* Notification $2 of $1's marked read: where it leads. */
    {"notification_open",
     "UPDATE notifications SET read_at = coalesce(read_at, now())"
     " WHERE id = $2 AND user_id = $1 RETURNING link",
     NOTIFICATION_OPEN_COLUMNS},
    {"notification_unread",
     "UPDATE notifications SET read_at = NULL"
     " WHERE id = $2 AND user_id = $1 RETURNING id",
     1},
    {"notification_read_all",
     "UPDATE notifications SET read_at = now()"
     " WHERE user_id = $1 AND read_at IS NULL",
     0},
    /* $1's choices of how to hear of each sort of news. */
    {"notification_prefs",
     "SELECT c, notification_delivery($1, c)"
     "  FROM unnest(ARRAY['messages', 'mentoring', 'plans', 'comments', 'sharing', 'other']) c",
     NOTIFICATION_PREFS_COLUMNS},
    {"notification_prefs_save",
     "INSERT INTO notification_prefs (user_id, category, delivery)"
     " SELECT $1, c, d FROM unnest($2::text[], $3::text[]) AS x(c, d)"
     " ON CONFLICT (user_id, category) DO UPDATE SET delivery = EXCLUDED.delivery",
     0},
    /* $1 stops emails of category $2 ('digest': every sort they take as
     * a digest): in the app only from now on. */
    {"notification_unsubscribe",
     "INSERT INTO notification_prefs (user_id, category, delivery)"
     " SELECT $1::bigint, c, 'app'"
     "   FROM unnest(ARRAY['messages', 'mentoring', 'plans', 'comments', 'sharing', 'other']) c"
     "  WHERE c = $2 OR ($2 = 'digest' AND notification_delivery($1::bigint, c) = 'digest')"
     " ON CONFLICT (user_id, category) DO UPDATE SET delivery = 'app'",
     0},
    {NULL, NULL},
};

static void fill_notifications(tpl_dict *d, const PGresult *res)
{
    int shown = PQntuples(res) > NOTIFICATIONS_PAGE ? NOTIFICATIONS_PAGE : PQntuples(res);
    tpl_dict *list = shown ? tpl_add_section(d, "LIST") : NULL;
    for (int i = 0; i < shown; i++) {
        tpl_dict *n = tpl_add_section(list, "NOTIFICATION");
        tpl_set(n, "ID", db_text(res, i, NT_ID));
        tpl_set(n, "SUBJECT", db_text(res, i, NT_SUBJECT));
        tpl_set(n, "WHEN", db_text(res, i, NT_WHEN));
        tpl_show(n, strcmp(db_text(res, i, NT_UNREAD), "t") == 0 ? "UNREAD" : "READ");
    }
    if (!shown)
        tpl_show(d, "NONE");
    if (PQntuples(res) > NOTIFICATIONS_PAGE)
        tpl_set(tpl_add_section(d, "OLDER"), "BEFORE", db_text(res, shown - 1, NT_ID));
}

/* GET /notifications (?before=ID for older ones) */
void page_notification_list(request *r)
{
    static const field_spec fields[] = {{"before", "the page", FIELD_ID, false, 0, 0, NULL},
                                        {"done", "the message", FIELD_STRING, false, 0, 20, NULL}};
    field_value v[2];
    const char *err;
    if (!form_validate(r, fields, 2, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id), v[0].present ? v[0].str : "0"};
    PGresult *res = db_run(r->db, "notification_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Notifications", "notifications/list.tpl");
    if (d) {
        fill_notifications(d, res);
        if (r->user->unread)
            tpl_show(d, "CAN_READ_ALL");
        if (strcmp(v[1].str, "read") == 0)
            tpl_show(d, "ALL_READ");
    }
    render_end(r, 200);
    PQclear(res);
}

/* GET /notifications/:id: marks it read and goes where it leads. (A GET
 * that changes something, as a link must: marking one's own notification
 * read is all it can do.) */
void page_notification_open(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, req_param_id(r, 0))};
    PGresult *res = db_run(r->db, "notification_open", ARRAY_SIZE(params), params);
    if (render_found(r, res, "There is no such notification.")) {
        /* Links are paths on this site; one that could leave it is not
         * followed (the table only insists on a leading slash). */
        const char *link = db_text(res, 0, OP_LINK);
        resp_redirect(r, resp_local_path(link) ? link : "/notifications");
    }
    PQclear(res);
}

/* POST /notifications/:id/unread */
void page_notification_unread(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, req_param_id(r, 0))};
    PGresult *res = db_run(r->db, "notification_unread", ARRAY_SIZE(params), params);
    if (render_found(r, res, "There is no such notification."))
        resp_redirect(r, "/notifications");
    PQclear(res);
}

/* POST /notifications/read */
void page_notification_read_all(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "notification_read_all", ARRAY_SIZE(params), params);
    if (res)
        resp_redirect(r, "/notifications?done=read");
    else
        render_db_failed(r);
    PQclear(res);
}

/* ------------------------------------------------------------ email */

/* The sorts of news people choose for (sql/0014_email.sql), in order. */
static const struct {
    const char *category, *label, *hint;
} categories[] = {
    {"messages", "Messages", "A new message in one of your threads."},
    {"mentoring", "Mentoring", "Requests, answers and endings of mentoring."},
    {"plans", "Learning plans", "Versions waiting for your answer, agreements, reviews to sign."},
    {"comments", "Comments and feedback", "On your pages, posts and submissions."},
    {"sharing", "Sharing and submissions", "Things shared with you, work handed in or reviewed."},
    {"other", "Everything else", ""},
};
#define N_CATEGORIES (sizeof categories / sizeof *categories)
static const char *const deliveries[] = {"app", "now", "digest", NULL};

/* GET /account/notifications: how I hear of each sort of news. */
void page_notification_prefs(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "notification_prefs", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    tpl_dict *d = render_begin(r, "Email and notifications", "notifications/prefs.tpl");
    for (size_t i = 0; d && i < N_CATEGORIES; i++) {
        tpl_dict *c = tpl_add_section(d, "CATEGORY");
        tpl_set(c, "NAME", categories[i].category);
        tpl_set(c, "LABEL", categories[i].label);
        if (*categories[i].hint)
            tpl_set(tpl_add_section(c, "HAS_HINT"), "HINT", categories[i].hint);
        for (int k = 0; k < PQntuples(res); k++)
            if (strcmp(db_text(res, k, NP_CATEGORY), categories[i].category) == 0)
                tpl_show(c, strcmp(db_text(res, k, NP_DELIVERY), "app") == 0   ? "APP"
                            : strcmp(db_text(res, k, NP_DELIVERY), "now") == 0 ? "NOW"
                                                                               : "DIGEST");
    }
    const http_field *done = req_query(r, "done");
    if (d && done)
        tpl_show(d, "SAVED");
    render_end(r, 200);
    PQclear(res);
}

/* POST /account/notifications: every sort's choice at once. */
void page_notification_prefs_save(request *r)
{
    field_spec fields[N_CATEGORIES];
    field_value v[N_CATEGORIES];
    for (size_t i = 0; i < N_CATEGORIES; i++)
        fields[i] = (field_spec){
            categories[i].category, categories[i].label, FIELD_ENUM, true, 0, 0, deliveries};
    const char *err;
    if (!form_validate(r, fields, N_CATEGORIES, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *cats[N_CATEGORIES], *choices[N_CATEGORIES];
    for (size_t i = 0; i < N_CATEGORIES; i++) {
        cats[i] = categories[i].category;
        choices[i] = v[i].str;
    }
    const char *params[] = {req_id_text(r, r->user->id), arena_pg_array(r->mem, cats, N_CATEGORIES),
                            arena_pg_array(r->mem, choices, N_CATEGORIES)};
    PGresult *res = params[1] && params[2]
                        ? db_run(r->db, "notification_prefs_save", ARRAY_SIZE(params), params)
                        : NULL;
    if (res)
        resp_redirect(r, "/account/notifications?done=saved");
    else
        render_db_failed(r);
    PQclear(res);
}

/* The unsubscribe link's person and sort (:person/:category/:sig), if
 * its signature is good; else NULL having answered why not. */
static const char *unsubscribe_category(request *r, long long *person)
{
    *person = req_param_id(r, 0);
    const char *category = r->params[1], *sig = r->params[2];
    bool known = strcmp(category, "digest") == 0;
    for (size_t i = 0; i < N_CATEGORIES && !known; i++)
        known = strcmp(category, categories[i].category) == 0;
    PGresult *res = known && *person > 0
                        ? db_run_binary(r->db, "mail_secret", 0, NULL, NULL, NULL, true)
                        : NULL;
    bool valid = res && PQntuples(res) == 1 && PQgetlength(res, 0, MK_KEY) == 32 &&
                 mail_unsubscribe_valid((const unsigned char *)PQgetvalue(res, 0, MK_KEY), *person,
                                        category, sig);
    PQclear(res);
    if (!valid)
        render_error(r, 404,
                     "This unsubscribe link is not valid: it may have been copied wrongly. You "
                     "can choose which emails you get in Your account, Email and notifications.");
    return valid ? category : NULL;
}

static const char *category_label(const char *category)
{
    for (size_t i = 0; i < N_CATEGORIES; i++)
        if (strcmp(category, categories[i].category) == 0)
            return categories[i].label;
    return "The daily digest";
}

/* GET /unsubscribe/:person/:category/:sig: what the link stops, and a
 * button to stop it (a link followed must not change anything). */
void page_unsubscribe_confirm(request *r)
{
    long long person;
    const char *category = unsubscribe_category(r, &person);
    if (!category)
        return;
    tpl_dict *d = render_begin(r, "Stop these emails", "notifications/unsubscribe.tpl");
    if (d) {
        tpl_set(d, "LABEL", category_label(category));
        tpl_set(d, "ACTION", r->path);
    }
    render_end(r, 200);
}

/* POST /unsubscribe/:person/:category/:sig: that sort of news (or every
 * sort taken as a digest) only in the app from now on. One click from a
 * mail program (RFC 8058) or the button above. */
void page_unsubscribe(request *r)
{
    long long person;
    const char *category = unsubscribe_category(r, &person);
    if (!category)
        return;
    const char *params[] = {req_id_text(r, person), category};
    PGresult *res = db_run(r->db, "notification_unsubscribe", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    PQclear(res);
    tpl_dict *d =
        render_begin(r, "You will not get these emails", "notifications/unsubscribed.tpl");
    if (d)
        tpl_set(d, "LABEL", category_label(category));
    render_end(r, 200);
}
