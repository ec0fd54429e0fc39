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
    {GET, "/", page_home_show, CAP_PUBLIC, .prefetch = "home_groups"},
    {GET, "/healthz", page_health_check, CAP_PUBLIC},
    {GET, "/ping", page_ping, CAP_PUBLIC},
    {GET, "/errors/413", page_too_large, CAP_PUBLIC},
    {GET, "/login", page_account_login_form, CAP_PUBLIC},
    {POST, "/login", page_account_login, CAP_PUBLIC},
    {POST, "/logout", page_account_logout, CAP_SIGNED_IN},
    {GET, "/reset/:token", page_account_reset_form, CAP_PUBLIC},
    {POST, "/reset/:token", page_account_reset, CAP_PUBLIC},
    {GET, "/account", page_account_show, CAP_SIGNED_IN},
    {POST, "/account/password", page_account_password, CAP_SIGNED_IN},
    {POST, "/account/sessions/end", page_account_session_end, CAP_SIGNED_IN},
    {POST, "/account/sessions/end-others", page_account_sessions_end_others, CAP_SIGNED_IN},
    {GET, "/account/profile", page_profile_edit, CAP_SIGNED_IN},
    {POST, "/account/profile", page_profile_save, CAP_SIGNED_IN},
    {GET, "/u/:username", page_profile_show, CAP_SIGNED_IN},
    {GET, "/portfolio", page_portfolio_index, CAP_SIGNED_IN},
    {GET, "/portfolio/evidence/new", page_evidence_new, CAP_SIGNED_IN},
    {POST, "/portfolio/evidence", page_evidence_create, CAP_SIGNED_IN},
    {GET, "/portfolio/evidence/:id", page_evidence_show, CAP_SIGNED_IN},
    {POST, "/portfolio/evidence/:id", page_evidence_update, CAP_SIGNED_IN},
    {GET, "/portfolio/evidence/:id/edit", page_evidence_edit, CAP_SIGNED_IN},
    {GET, "/portfolio/evidence/:id/delete", page_evidence_confirm_delete, CAP_SIGNED_IN},
    {POST, "/portfolio/evidence/:id/delete", page_evidence_delete, CAP_SIGNED_IN},
    {GET, "/portfolio/pages/new", page_portfolio_page_new, CAP_SIGNED_IN},
    {POST, "/portfolio/pages", page_portfolio_page_create, CAP_SIGNED_IN},
    {GET, "/portfolio/pages/:id", page_portfolio_page_show, CAP_SIGNED_IN, .prefetch = "page_show"},
    {POST, "/portfolio/pages/:id", page_portfolio_page_update, CAP_SIGNED_IN},
    {GET, "/portfolio/pages/:id/edit", page_portfolio_page_edit, CAP_SIGNED_IN,
     .prefetch = "page_show"},
    {GET, "/portfolio/pages/:id/add", page_portfolio_page_add, CAP_SIGNED_IN,
     .prefetch = "page_show"},
    {POST, "/portfolio/pages/:id/blocks", page_portfolio_block_add, CAP_SIGNED_IN},
    {POST, "/portfolio/pages/:id/blocks/:block/move", page_portfolio_block_move, CAP_SIGNED_IN},
    {POST, "/portfolio/pages/:id/blocks/:block/delete", page_portfolio_block_delete, CAP_SIGNED_IN},
    {GET, "/files/:id/:name", page_file_download, CAP_SIGNED_IN},
    /* importing people */
    {GET, "/admin/import", page_import_form, CAP_ADMINISTER},
    {POST, "/admin/import", page_import_upload, CAP_ADMINISTER},
    /* administration */
    {GET, "/admin", page_admin_overview, CAP_ADMINISTER},
    {GET, "/admin/users", page_admin_users, CAP_ADMINISTER},
    {POST, "/admin/users", page_admin_user_create, CAP_ADMINISTER},
    {GET, "/admin/users/new", page_admin_user_new, CAP_ADMINISTER},
    {GET, "/admin/users/:id", page_admin_user_show, CAP_ADMINISTER},
    {POST, "/admin/users/:id", page_admin_user_update, CAP_ADMINISTER},
    {POST, "/admin/users/:id/suspend", page_admin_user_suspend, CAP_ADMINISTER},
    {POST, "/admin/users/:id/reactivate", page_admin_user_reactivate, CAP_ADMINISTER},
    {POST, "/admin/users/:id/reset-link", page_admin_user_reset_link, CAP_ADMINISTER},
    {GET, "/admin/courses", page_admin_courses, CAP_ADMINISTER},
    {POST, "/admin/courses", page_admin_course_create, CAP_ADMINISTER},
    {GET, "/admin/cohorts", page_admin_cohorts, CAP_ADMINISTER},
    {POST, "/admin/cohorts", page_admin_cohort_create, CAP_ADMINISTER},
    {GET, "/admin/cohorts/:id", page_admin_cohort_show, CAP_ADMINISTER},
    {POST, "/admin/cohorts/:id/members", page_admin_cohort_member_add, CAP_ADMINISTER},
    {POST, "/admin/cohorts/:id/members/remove", page_admin_cohort_member_remove, CAP_ADMINISTER},
    {GET, "/admin/audit", page_admin_audit, CAP_ADMINISTER},
    {GET, "/admin/institutions", page_admin_institutions, CAP_SITE_ADMIN},
    {POST, "/admin/institutions", page_admin_institution_create, CAP_SITE_ADMIN},
};
const size_t app_routes_count = sizeof app_routes / sizeof *app_routes;

/* Every prepared statement, prepared on each worker's connection. */
/* One array a line reads better than clang-format's packing. */
// clang-format off
const db_statement *const app_statements[] = {
    session_statements,
    audit_statements,
    home_statements,
    account_statements,
    profile_statements,
    evidence_statements,
    portfolio_page_statements,
    import_statements,
    admin_statements,
    admin_users_statements,
    admin_cohorts_statements,
    admin_audit_statements,
    NULL,
};
// clang-format on
