/* The route table: reading it tells the whole URL space. Each route names
 * the capability it needs; app.c checks it before the handler runs. */
#include "../app.h"
#include "../core/audit.h"
#include "../core/auth.h"
#include "../core/session.h"
#include "pages.h"

#define GET HTTP_GET
#define POST HTTP_POST

const route app_routes[] = {
    {GET, "/", page_home_show, CAP_PUBLIC},
    {GET, "/healthz", page_health_check, CAP_PUBLIC},
    {GET, "/ping", page_ping, CAP_PUBLIC},
    {GET, "/errors/413", page_too_large, CAP_PUBLIC},
    {GET, "/login", page_account_login_form, CAP_PUBLIC},
    {POST, "/login", page_account_login, CAP_PUBLIC},
    {POST, "/logout", page_account_logout, CAP_SIGNED_IN},
};
const size_t app_routes_count = sizeof app_routes / sizeof *app_routes;

/* Every prepared statement, prepared on each worker's connection. */
const db_statement *const app_statements[] = {
    session_statements,
    audit_statements,
    home_statements,
    account_statements,
    NULL,
};
