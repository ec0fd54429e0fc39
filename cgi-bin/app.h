/* app: the cross-cutting checks every request passes, once, in a fixed
 * order, before its handler runs. */
#ifndef TANDEM_APP_H
#define TANDEM_APP_H
#include <stdbool.h>

#include "http/request.h"
#include "core/db.h"
#include "http/router.h"

extern const route app_routes[];
extern const size_t app_routes_count;
extern const db_statement *const app_statements[];

/* Handles r: method → route → query and body limits → session →
 * capability → CSRF → handler. body is what arrived (NULL when the body was
 * over the limit, which body_too_large then says). Fills r's response; the
 * caller ends the request's use of the database afterwards
 * (db_request_end), which clears r->prefetched. */
void app_handle(request *r, const char *body, size_t body_len, bool body_too_large);

/* pages/kept_form.c: keeps the form r brought after its session ended,
 * for the person whose session it was, and sets the cookie that finds it
 * again; false when it cannot be theirs (no such session, or not its CSRF
 * token) or the database failed. */
bool kept_form_keep(request *r);

#endif
