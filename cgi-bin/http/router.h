/* router: the one route table (in pages/routes.c) and its matcher. */
#ifndef TANDEM_ROUTER_H
#define TANDEM_ROUTER_H
#include <stddef.h>

#include "request.h"

typedef void (*route_handler)(request *r);

/* A route: methods (bit set of enum http_method; GET implies HEAD), a path
 * pattern whose ":name" segments capture one path segment each into
 * r->params in order, a handler and the capability it needs. prefetch
 * optionally names a prepared statement, taking the session token's hash as
 * $1 and the captured path segments as $2, $3, …, that is the signed-in
 * person's first query on this page: it runs in the same round trip as the
 * session lookup and reaches the handler as r->prefetched. prefetch_also
 * names up to PREFETCH_MAX_ALSO more such statements, for a page that needs
 * more queries, which join the same round trip (r->prefetched_also). Each
 * checks for itself that the session's person may read what it reads. */
typedef struct route {
    unsigned methods;
    const char *pattern;
    route_handler handler;
    int capability;
    const char *prefetch;
    const char *prefetch_also[PREFETCH_MAX_ALSO];
    /* The address carries its own signature (an unsubscribe link): a POST
     * to it needs no CSRF token, as mail programs send one-click
     * unsubscribes (RFC 8058) without one, and it can do nothing the
     * address itself does not already allow. */
    bool signed_url;
} route;

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_WRONG_METHOD };

/* Finds the route for method and path. On ROUTE_FOUND sets *found and the
 * captured params; on ROUTE_WRONG_METHOD sets *allowed to the methods that
 * the path does accept. Patterns are matched in table order. */
enum route_result route_match(const route *table, size_t n, enum http_method method,
                              const char *path, arena *a, const route **found, const char **params,
                              size_t *n_params, unsigned *allowed);

/* "GET, HEAD, POST" for a method set, into the arena. */
const char *route_allow_header(arena *a, unsigned methods);

#endif
