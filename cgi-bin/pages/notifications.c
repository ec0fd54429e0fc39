/* notifications: what features told someone (core/notify.c stores them,
 * in the transaction of the change they describe), listed newest first.
 * The header of every page counts the unread ones (core/session.c reads
 * the count with the session). Opening one marks it read and goes to what
 * it is about; all can be marked read at once, or one unread again. */
#include <string.h>

#include "pages.h"

/* Notifications shown at a time. */
#define NOTIFICATIONS_PAGE 50

const db_statement notification_statements[] = {
    /* $1's notifications older than $2 (0 for the newest), a page and one
     * more (to know whether there are older ones). */
    {"notification_list",
     "SELECT n.id, n.subject, n.link, n.read_at IS NULL, coalesce(a.display_name, ''),"
     "       to_char(n.created_at, 'FMDD Mon YYYY \"at\" HH24:MI')"
     "  FROM notifications n LEFT JOIN users a ON a.id = n.actor_id"
     " WHERE n.user_id = $1 AND ($2::bigint = 0 OR n.id < $2::bigint)"
     " ORDER BY n.id DESC LIMIT 51"},
    /* Notification $2 of $1's marked read: where it leads. */
    {"notification_open", "UPDATE notifications SET read_at = coalesce(read_at, now())"
                          " WHERE id = $2 AND user_id = $1 RETURNING link"},
    {"notification_unread", "UPDATE notifications SET read_at = NULL"
                            " WHERE id = $2 AND user_id = $1 RETURNING id"},
    {"notification_read_all", "UPDATE notifications SET read_at = now()"
                              " WHERE user_id = $1 AND read_at IS NULL"},
    {NULL, NULL},
};

enum { NT_ID, NT_SUBJECT, NT_LINK, NT_UNREAD, NT_ACTOR, NT_WHEN };

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
    static const field_spec fields[] = {
        {"before", "the page", FIELD_ID, false, 0, 0, NULL},
        {"done", "the message", FIELD_STRING, false, 0, 20, NULL}};
    field_value v[2];
    const char *err;
    if (!form_validate(r, fields, 2, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    const char *params[] = {req_id_text(r, r->user->id), v[0].present ? v[0].str : "0"};
    PGresult *res = db_run(r->db, "notification_list", 2, params);
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
    PGresult *res = db_run(r->db, "notification_open", 2, params);
    if (render_found(r, res, "There is no such notification.")) {
        /* Links are paths on this site; one that could leave it is not
         * followed (the table only insists on a leading slash). */
        const char *link = db_text(res, 0, 0);
        bool local = link[0] == '/' && link[1] != '/' && !strchr(link, '\\');
        resp_redirect(r, local ? link : "/notifications");
    }
    PQclear(res);
}

/* POST /notifications/:id/unread */
void page_notification_unread(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id), req_id_text(r, req_param_id(r, 0))};
    PGresult *res = db_run(r->db, "notification_unread", 2, params);
    if (render_found(r, res, "There is no such notification."))
        resp_redirect(r, "/notifications");
    PQclear(res);
}

/* POST /notifications/read */
void page_notification_read_all(request *r)
{
    const char *params[] = {req_id_text(r, r->user->id)};
    PGresult *res = db_run(r->db, "notification_read_all", 1, params);
    if (res)
        resp_redirect(r, "/notifications?done=read");
    else
        render_db_failed(r);
    PQclear(res);
}
