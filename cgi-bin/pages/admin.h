/* admin: what the administration pages (admin.c, admin_users.c,
 * admin_cohorts.c, admin_audit.c) share. Every one of them works inside the
 * viewer's scope: their own college, or every college for a site admin. */
#ifndef TANDEM_PAGES_ADMIN_H
#define TANDEM_PAGES_ADMIN_H
#include <stdbool.h>

#include "pages.h"

#define ADMIN_PAGE_SIZE 50
#define ADMIN_NOT_FOUND "Check the address, or go back to the administration pages."

typedef struct {
    bool site; /* the viewer administers every college */
} admin_scope;

void admin_scope_of(request *r, admin_scope *s);

/* Runs statement with params[0 .. n-1] in the viewer's scope: its form for
 * their college, or for every college (see auth_scoped). As db_run. */
PGresult *admin_run(request *r, const char *statement, int n, const char *const *params);
/* admin_run, planned for its parameters (db_run_planned). */
PGresult *admin_run_planned(request *r, const char *statement, int n, const char *const *params);

/* The id in the address (r->params[i]) as a positive number, or 0 when it
 * is not one; such an address answers 404 like a missing object. */
long long admin_param_id(request *r, size_t i);

/* Runs statement (id) for one object in the viewer's scope (admin_run).
 * Returns its result, or NULL having rendered the error: 503/500 when the
 * database failed, 404 when there is no such object in scope (the same
 * answer either way, so that other colleges' ids do not leak). */
PGresult *admin_find(request *r, const char *statement, long long id);

/* Shows which of a paginated list's states applies: RESULTS when the page
 * has rows, PAST_END for a page past the last (an old link), else NO_MATCH
 * (filters found nothing) or NO_RESULTS (there is nothing yet). */
void admin_list_state(tpl_dict *d, int rows, long long total, bool filtered);

/* Validates like form_validate and also says which field failed: *bad is
 * the index into specs (or -1 when the form sent an unknown field). */
bool admin_validate(request *r, const field_spec *specs, size_t n, field_value *out,
                    const char **err, int *bad);

/* Shows an error against one field: the page's error summary links to
 * #field, and the template's section <FIELD>_ERROR (the field's name in
 * capitals) shows the message beside it. */
void admin_field_error(request *r, tpl_dict *d, const char *field, const char *message);
/* Only the message beside the field, for a field in an included template. */
void admin_inline_error(request *r, tpl_dict *d, const char *field, const char *message);

/* A notice after a redirect, chosen from messages[] by the fixed key in
 * ?done=, so that nothing from the address is ever shown. */
typedef struct {
    const char *key;
    const char *message;
} admin_notice;
void admin_show_done(request *r, tpl_dict *d, const admin_notice *messages);

/* The address of a filtered list with the page number still to add:
 * path?name=value&… for each of the first n fields that is present. */
const char *admin_filter_link(request *r, const char *path, const field_spec *specs,
                              const field_value *v, size_t n);

/* Fills the admin/pagination.tpl include PAGINATION for page of pages;
 * links are base ("/admin/users?q=x&") followed by "page=N". Nothing when
 * there is only one page. */
void admin_paginate(request *r, tpl_dict *d, const char *base, long long page, long long total);

/* The <select> of colleges for site admins (section COLLEGES, one COLLEGE
 * each with ID, NAME, SELECTED). Returns false when the database failed. */
bool admin_college_choices(request *r, tpl_dict *d, long long selected);

#endif
