/* request: one HTTP request as the app sees it, and the response it builds.
 * Everything hangs off the request's arena and is freed together. */
#ifndef TANDEM_REQUEST_H
#define TANDEM_REQUEST_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/buf.h"

enum http_method {
    HTTP_GET = 1,
    HTTP_HEAD = 2,
    HTTP_POST = 4,
    HTTP_OTHER = 8,
};

/* One form or query field. value is NUL-terminated, but a file's bytes may
 * contain NULs, so len is authoritative. */
typedef struct {
    const char *name;
    const char *value;
    size_t len;
    const char *filename;     /* set only for multipart file parts */
    const char *content_type; /* set only for multipart parts that declare one */
} http_field;

typedef struct {
    size_t max_form_body; /* urlencoded bodies */
    size_t max_upload;    /* multipart bodies (files included) */
    size_t max_fields;    /* fields per query string or body */
    size_t max_field_len; /* any non-file field's value */
} http_limits;

typedef struct {
    long long id;
    long long institution_id;
    const char *institution_name;
    const char *username;
    const char *display_name;
    unsigned roles; /* bit set of enum role, see core/auth.h */
    const char *csrf_token;
    const char *session_hash; /* hex hash of the session token, to end it */
    long long session_id;     /* the session's plain id, to mark "this device" */
    int unread;               /* notifications not yet read */
} session_user;

struct db;
struct route;

#define REQUEST_MAX_PARAMS 4
/* The most statements a route has run beside its prefetch (router.h). */
#define PREFETCH_MAX_ALSO 2

typedef struct request {
    arena *mem;
    struct db *db;

    /* What arrived. Strings are never NULL (empty when absent). */
    enum http_method method;
    const char *method_name;
    const char *path; /* decoded and normalised by nginx */
    const char *query;
    const char *content_type;
    size_t content_length;
    const char *cookie_header;
    const char *origin;
    const char *host; /* without the port (nginx's $host) */
    const char *port; /* the port the request came to */
    const char *remote_addr;
    const char *user_agent;
    bool https;
    char id[17]; /* request id for the log */

    http_field *query_fields;
    size_t n_query_fields;
    http_field *body_fields;
    size_t n_body_fields;

    const struct route *route;
    const char *params[REQUEST_MAX_PARAMS];
    size_t n_params;

    const session_user *user;     /* NULL for a visitor */
    struct pg_result *prefetched; /* the route's prefetch for a signed-in person, or NULL */
    /* its further prefetches, in the route's order, or NULLs */
    struct pg_result *prefetched_also[PREFETCH_MAX_ALSO];
    const char *invalid_field; /* the field form_validate refused, to link its message to it */
    const char *visitor_csrf;  /* a visitor's CSRF token (double-submit cookie) */

    /* The response. */
    void *page_dict; /* layout dictionary between render_begin and render_end */
    int status;
    const char *location; /* where a redirect sends the browser, or NULL */
    buf *headers;         /* extra header lines, each ending in \r\n */
    buf *body;
    const char *content_type_out;
} request;

/* Value of a cookie, or NULL. */
const char *req_cookie(request *r, const char *name);
/* First query or body field with that name, or NULL. */
const http_field *req_query(const request *r, const char *name);
const http_field *req_body(const request *r, const char *name);
/* Every value of the body field name, in order, at most max, into out;
 * how many. For fields a form repeats. */
int req_body_all(const request *r, const char *name, const char **out, int max);
enum http_method http_method_from(const char *name);
/* n as decimal text in the arena: a statement parameter. */
const char *req_id_text(request *r, long long n);
/* The n-th captured path segment as a database id, or 0 when there is no
 * such segment or it is not a positive whole number. */
long long req_param_id(const request *r, size_t n);

#endif
