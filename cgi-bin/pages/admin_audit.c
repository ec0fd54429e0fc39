/* admin_audit: the audit log of the viewer's scope, newest first, to read
 * and filter. Nothing here changes it; the database refuses that anyway. */
#include <stdio.h>
#include <string.h>

#include "admin.h"

// clang-format off
/* The events the filters match ($1 action, $2 username, $3 and $4 first
 * and last date), from audit_log a; college: the predicate that keeps to
 * one college. The person filter matches whoever acted or was acted on. */
#define AUDIT_MATCH(college)                                                                       \
    " WHERE ($1::text IS NULL OR a.action = $1)"                                                   \
    "   AND ($2::text IS NULL OR a.actor_id IN (SELECT id FROM who)"                               \
    "        OR a.target_user_id IN (SELECT id FROM who))"                                         \
    "   AND ($3::date IS NULL OR a.at >= $3::date)"                                                \
    "   AND ($4::date IS NULL OR a.at < $4::date + 1)"                                             \
    college
/* A page of events, newest first, and the count of all that match: the
 * count row always exists, the page may be empty. The page is read in
 * order from the index, only as far as it goes, and only its rows look up
 * the people and the college they name. */
#define AUDIT_LIST(college)                                                                        \
    "WITH who AS (SELECT id FROM users WHERE username = lower($2))"                                \
    "SELECT t.total, to_char(p.at, '" SQL_DAY ", HH24:MI:SS'),"                                  \
    "       to_char(p.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), p.action,"         \
    "       p.actor_name, p.actor, p.target_name, p.target, p.target_id, p.detail, p.address,"     \
    "       p.college"                                                                             \
    "  FROM (SELECT count(*) AS total FROM audit_log a"                                            \
    AUDIT_MATCH(college) ") t"                                                                     \
    "  LEFT JOIN LATERAL (SELECT a.id, a.at, a.action, a.detail, a.address,"                       \
    "                            coalesce(ac.display_name, '') AS actor_name,"                     \
    "                            coalesce(ac.username, '') AS actor,"                              \
    "                            coalesce(tg.display_name, '') AS target_name,"                    \
    "                            coalesce(tg.username, '') AS target,"                             \
    "                            coalesce(tg.id, 0) AS target_id,"                                 \
    "                            coalesce(i.name, '') AS college"                                  \
    "                       FROM audit_log a LEFT JOIN users ac ON ac.id = a.actor_id"             \
    "                       LEFT JOIN users tg ON tg.id = a.target_user_id"                        \
    "                       LEFT JOIN institutions i ON i.id = a.institution_id"                   \
    AUDIT_MATCH(college)                                                                           \
    "                      ORDER BY a.at DESC, a.id DESC LIMIT $5::int OFFSET $6::int) p ON true"  \
    " ORDER BY p.at DESC, p.id DESC"
// clang-format on

/* admin_audit_list, admin_audit_list_all: AUDIT_LIST's rows (the count on
 * each; a lone count row, AT NULL, when the page is empty). */
enum {
    AL_TOTAL,
    AL_AT,
    AL_DATETIME,
    AL_ACTION,
    AL_ACTOR_NAME,
    AL_ACTOR,
    AL_TARGET_NAME,
    AL_TARGET,
    AL_TARGET_ID,
    AL_DETAIL,
    AL_ADDRESS,
    AL_COLLEGE,
    ADMIN_AUDIT_LIST_COLUMNS
};

/* For one college (the college its last parameter) and, _all, for site
 * administrators (auth_scoped). */
const db_statement admin_audit_statements[] = {
    {"admin_audit_list", AUDIT_LIST(" AND a.institution_id = $7"), ADMIN_AUDIT_LIST_COLUMNS},
    {"admin_audit_list_all", AUDIT_LIST(""), ADMIN_AUDIT_LIST_COLUMNS},
    {NULL, NULL},
};

/* Every action Tandem records, as the filter offers them. A feature that
 * records a new action adds it here; until then its rows still show, its
 * name made into words (action_label). */
#define KNOWN_ACTIONS                                                                              \
    X("sign_in", "Signed in")                                                                      \
    X("sign_in_failed", "Sign-in failed")                                                          \
    X("sign_in_locked", "Sign-in refused: too many attempts")                                      \
    X("sign_out", "Signed out")                                                                    \
    X("session_ended", "Ended a session")                                                          \
    X("password_changed", "Changed their password")                                                \
    X("password_reset_issued", "Issued a password reset link")                                     \
    X("password_link_emailed", "Emailed a password link")                                          \
    X("password_reset_used", "Used a password reset link")                                         \
    X("profile_updated", "Changed their profile")                                                  \
    X("user_created", "Added a person")                                                            \
    X("user_updated", "Changed a person's details")                                                \
    X("roles_changed", "Changed a person's roles")                                                 \
    X("user_suspended", "Suspended an account")                                                    \
    X("user_reactivated", "Reactivated an account")                                                \
    X("course_created", "Added a course")                                                          \
    X("cohort_created", "Added a cohort")                                                          \
    X("cohort_member_added", "Added a cohort member")                                              \
    X("cohort_member_removed", "Removed a cohort member")                                          \
    X("institution_created", "Added a college")                                                    \
    X("sign_in_settings", "Changed single sign-on")                                                \
    X("instrument_created", "Added a leadership instrument")                                       \
    X("instrument_archived", "Archived a leadership instrument")                                   \
    X("instrument_restored", "Restored a leadership instrument")                                   \
    X("instrument_items_added", "Added scales or types to an instrument")                          \
    X("theme_created", "Added a development theme")                                                \
    X("theme_archived", "Archived a development theme")                                            \
    X("theme_restored", "Restored a development theme")                                            \
    X("leadership_plan_started", "Started a leadership plan")                                      \
    X("leadership_plan_shared", "Shared a leadership plan")                                        \
    X("leadership_plan_unshared", "Stopped sharing a leadership plan")                             \
    X("leadership_result_recorded", "Recorded a profile result")                                   \
    X("leadership_goal_set", "Set a development goal")                                             \
    X("leadership_goal_changed", "Changed a development goal")                                     \
    X("leadership_goal_status_changed", "Changed where a development goal stands")                 \
    X("leadership_activity_added", "Added a development activity")                                 \
    X("leadership_activity_status_changed", "Changed where a development activity stands")         \
    X("leadership_reflection_written", "Wrote a leadership reflection")                            \
    X("leadership_evidence_added", "Put evidence in a leadership plan")                            \
    X("leadership_evidence_removed", "Took evidence out of a leadership plan")                     \
    X("leadership_review_recorded", "Recorded a leadership review")                                \
    X("leadership_review_signed", "Signed a leadership review")                                    \
    X("leadership_action_done", "Marked a review action done")                                     \
    X("leadership_feedback_opened", "Asked colleagues for 360-degree feedback")                    \
    X("leadership_feedback_closed", "Closed a 360-degree feedback round")                          \
    X("users_imported", "Imported people from a file")                                             \
    X("share_added", "Shared a page or collection")                                                \
    X("share_revoked", "Stopped sharing a page or collection")                                     \
    X("mentorship_set_up", "Set up a mentorship")                                                  \
    X("mentorship_requested", "Asked for a mentor")                                                \
    X("thread_read_for_safeguarding", "Read a private thread for safeguarding")                    \
    X("poll_created", "Created a poll")                                                            \
    X("poll_changed", "Changed a poll")                                                            \
    X("voice_issue_raised", "Raised a student-voice issue")

#define X(action, label) action,
static const char *const action_names[] = {KNOWN_ACTIONS NULL};
#undef X
#define X(action, label) label,
static const char *const action_labels[] = {KNOWN_ACTIONS};
#undef X
#define N_ACTIONS (sizeof action_labels / sizeof *action_labels)

/* What an action is called: its label, or for one not listed (a row
 * written by a newer feature) its name in words, "some_thing" as "Some
 * thing", never the code itself. */
static const char *action_label(request *r, const char *action)
{
    for (size_t i = 0; i < N_ACTIONS; i++)
        if (strcmp(action_names[i], action) == 0)
            return action_labels[i];
    return render_code_as_words(r, action);
}

static const field_spec audit_fields[] = {
    {"action", "the action", FIELD_ENUM, false, 0, 0, action_names},
    {"user", "the username", FIELD_STRING, false, 0, 64, NULL},
    {"from", "the first date", FIELD_DATE, false, 0, 0, NULL},
    {"to", "the last date", FIELD_DATE, false, 0, 0, NULL},
    {"page", "the page number", FIELD_INT, false, 1, 100000, NULL},
};

void page_admin_audit(request *r)
{
    field_value v[5];
    const char *err;
    if (!form_validate(r, audit_fields, 5, v, &err)) {
        render_error(r, 400, err);
        return;
    }
    if (v[2].present && v[3].present && strcmp(v[2].str, v[3].str) > 0) {
        render_error(r, 400, "The first date must be on or before the last date.");
        return;
    }
    admin_scope s;
    admin_scope_of(r, &s);
    long long page = v[4].present ? v[4].num : 1;
    const char *params[] = {
        v[0].present ? v[0].str : NULL,  v[1].present ? v[1].str : NULL,
        v[2].present ? v[2].str : NULL,  v[3].present ? v[3].str : NULL,
        req_id_text(r, ADMIN_PAGE_SIZE), req_id_text(r, (page - 1) * ADMIN_PAGE_SIZE)};
    PGresult *res = admin_run(r, "admin_audit_list", ARRAY_SIZE(params), params);
    if (!res) {
        render_db_failed(r);
        return;
    }
    long long total = db_int(res, 0, AL_TOTAL);
    tpl_dict *d = render_begin(r, "Audit log – Administration", "admin/audit.tpl");
    if (d) {
        for (size_t i = 0; i < N_ACTIONS; i++) {
            tpl_dict *o = tpl_add_section(d, "ACTION_OPTION");
            tpl_set(o, "VALUE", action_names[i]);
            tpl_set(o, "LABEL", action_labels[i]);
            if (strcmp(v[0].str, action_names[i]) == 0)
                tpl_show(o, "SELECTED");
        }
        tpl_set(d, "USER", v[1].str);
        tpl_set(d, "FROM", v[2].str);
        tpl_set(d, "TO", v[3].str);
        if (s.site)
            tpl_show(d, "SITE");
        bool filtered = v[0].present || v[1].present || v[2].present || v[3].present;
        if (filtered)
            tpl_show(d, "FILTERED");
        tpl_set(d, "TOTAL", total == 1 ? "1 event" : arena_printf(r->mem, "%lld events", total));
        int rows = 0;
        for (int i = 0; i < PQntuples(res) && !PQgetisnull(res, i, AL_AT); i++, rows++) {
            tpl_dict *e = tpl_add_section(d, "EVENT");
            tpl_set(e, "AT", db_text(res, i, AL_AT));
            tpl_set(e, "DATETIME", db_text(res, i, AL_DATETIME));
            tpl_set(e, "ACTION", action_label(r, db_text(res, i, AL_ACTION)));
            if (db_text(res, i, AL_ACTOR)[0]) {
                tpl_dict *a = tpl_add_section(e, "ACTOR");
                tpl_set(a, "NAME", db_text(res, i, AL_ACTOR_NAME));
                tpl_set(a, "USERNAME", db_text(res, i, AL_ACTOR));
            } else {
                /* Sign-ins and reset links are used before anyone is signed in. */
                tpl_set(tpl_add_section(e, "NO_ACTOR"), "WHO",
                        strcmp(db_text(res, i, AL_ADDRESS), "command line") == 0 ? "Command line"
                                                                                 : "Visitor");
            }
            if (db_int(res, i, AL_TARGET_ID)) {
                tpl_dict *t = tpl_add_section(e, "TARGET");
                tpl_set(t, "NAME", db_text(res, i, AL_TARGET_NAME));
                tpl_set(t, "USERNAME", db_text(res, i, AL_TARGET));
                tpl_set(t, "ID", db_text(res, i, AL_TARGET_ID));
            }
            tpl_set(e, "DETAIL", db_text(res, i, AL_DETAIL));
            tpl_set(e, "ADDRESS", db_text(res, i, AL_ADDRESS));
            if (s.site)
                tpl_set(tpl_add_section(e, "SITE"), "COLLEGE", db_text(res, i, AL_COLLEGE));
        }
        admin_list_state(d, rows, total, filtered);
        admin_paginate(r, d, admin_filter_link(r, "/admin/audit", audit_fields, v, 4), page, total);
    }
    PQclear(res);
    render_end(r, 200);
}
