/* pages: every handler, one file per feature. Each handler starts from a
 * request that already passed routing, limits, session, capability and
 * CSRF checks (see app.c). */
#ifndef TANDEM_PAGES_H
#define TANDEM_PAGES_H
#include "../core/db.h"
#include "../core/render.h"
#include "../http/request.h"
#include "../http/response.h"
#include "../http/validate.h"

extern const db_statement home_statements[];
void page_home_show(request *r);
void page_health_check(request *r);
void page_ping(request *r);
void page_too_large(request *r);

extern const db_statement account_statements[];
void page_account_login_form(request *r);
void page_account_login(request *r);
void page_account_logout(request *r);

#endif
