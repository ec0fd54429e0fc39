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

extern const db_statement kept_form_statements[];
void page_kept_form(request *r);

extern const db_statement account_statements[];
void page_account_login_form(request *r);
void page_account_login(request *r);
void page_account_logout(request *r);
void page_account_show(request *r);
void page_account_password(request *r);
void page_account_session_end(request *r);
void page_account_sessions_end_others(request *r);
void page_account_reset_form(request *r);
void page_account_reset(request *r);

/* The sign-in page: error (NULL for none) shown against error_field
 * ("username" when NULL, or "email"), what was typed, the page to go to
 * afterwards, and the college (its slug) whose single sign-on to offer. */
typedef struct {
    const char *error, *error_field;
    const char *username, *email, *next, *college;
} login_view;
void account_show_login(request *r, int status, const login_view *v);
/* Signs in user_id (username), who proved who they are by how (a sentence
 * for the audit log): the same session, audit record and device trust as a
 * password sign-in. 0, or the HTTP status of the failure. */
int account_sign_in(request *r, const char *username, long long user_id, long long institution_id,
                    const char *how);

/* Single sign-on with OpenID Connect (oidc.c, admin_sign_in.c). */
extern const db_statement oidc_statements[];
extern const db_statement admin_sign_in_statements[];
/* Fills the sign-in page's single sign-on part: the button of the college
 * whose slug is college (when it has a provider; NULL for none), and the
 * form that finds a college by an email address. -1 when the database
 * failed. */
int oidc_login_choices(request *r, tpl_dict *d, const char *college, const char *next);
void page_oidc_find(request *r);
void page_oidc_start(request *r);
void page_oidc_callback(request *r);
void page_admin_sign_in(request *r);
void page_admin_sign_in_save(request *r);

extern const db_statement evidence_statements[];
void page_portfolio_index(request *r);
void page_evidence_new(request *r);
void page_evidence_create(request *r);
void page_evidence_show(request *r);
void page_evidence_edit(request *r);
void page_evidence_update(request *r);
void page_evidence_confirm_delete(request *r);
void page_evidence_delete(request *r);
void page_file_download(request *r);
/* An uploaded file's type to store: a claimed image must really be one
 * (else NULL and *err says so). */
const char *evidence_upload_type(const http_field *f, const char **err);
/* Stores uploaded file f (of type) as the signed-in person's, its id as
 * text into *file_id; inside the caller's transaction. */
bool evidence_store_file(request *r, const http_field *f, const char *type, const char **file_id);
void page_link_file_download(request *r);

/* a page as the people it is shared with see it, and its comments */
extern const db_statement page_view_statements[];
extern const db_statement comment_statements[];
void page_view_show(request *r);
void page_link_show(request *r);
void page_comment_add(request *r);
void page_comment_hide(request *r);
void page_comment_show(request *r);
void page_comment_delete(request *r);

/* blogs: writing and reading (blog.c), comments (blog_comments.c), feeds
 * (blog_feeds.c), cohorts' pages and search (blog_network.c) */
extern const db_statement blog_statements[];
extern const db_statement blog_comment_statements[];
extern const db_statement blog_feed_statements[];
extern const db_statement blog_network_statements[];
void page_blog_mine(request *r);
void page_blog_new(request *r);
void page_blog_create(request *r);
void page_blog_edit(request *r);
void page_blog_update(request *r);
void page_blog_confirm_delete(request *r);
void page_blog_delete(request *r);
void page_blog_settings(request *r);
void page_blog_index(request *r);
void page_blog_month(request *r);
void page_blog_post(request *r);
void page_blog_post_by_id(request *r);
void page_post_comment_add(request *r);
void page_post_comment_approve(request *r);
void page_post_comment_hide(request *r);
void page_post_comment_show(request *r);
void page_post_comment_delete(request *r);
void page_blog_feed(request *r);
void page_blog_private_feed(request *r);
void page_blog_feed_address(request *r);
void page_blog_cohort(request *r);
void page_blog_search(request *r);

/* negotiated learning plans (plans.c) */
extern const db_statement plan_statements[];
void page_plan_list(request *r);
void page_plan_new(request *r);
void page_plan_create(request *r);
void page_plan_show(request *r);
void page_plan_edit(request *r);
void page_plan_propose(request *r);
void page_plan_accept(request *r);
void page_plan_complete(request *r);
void page_plan_withdraw(request *r);
void page_plan_confirm_complete(request *r);
void page_plan_confirm_withdraw(request *r);
void page_plan_compare(request *r);
/* notifications.c */
extern const db_statement notification_statements[];
void page_notification_list(request *r);
void page_notification_open(request *r);
void page_notification_unread(request *r);
void page_notification_read_all(request *r);
void page_notification_prefs(request *r);
void page_notification_prefs_save(request *r);
void page_unsubscribe_confirm(request *r);
void page_unsubscribe(request *r);
/* mentoring.c */
extern const db_statement mentoring_statements[];
void page_mentoring_list(request *r);
void page_mentoring_new(request *r);
void page_mentoring_create(request *r);
void page_mentoring_show(request *r);
void page_mentoring_accept(request *r);
void page_mentoring_decline(request *r);
void page_mentoring_end(request *r);
void page_mentoring_confirm_end(request *r);
/* threads.c */
extern const db_statement thread_statements[];
void page_thread_list(request *r);
void page_thread_new(request *r);
void page_thread_create(request *r);
void page_thread_show(request *r);
void page_thread_reply(request *r);
void page_thread_admin_find(request *r);
void page_thread_admin(request *r);
void page_thread_admin_read(request *r);
/* plan_progress.c */
extern const db_statement plan_progress_statements[];
void page_plan_progress(request *r);
/* plan_goal.c */
extern const db_statement plan_goal_statements[];
void page_plan_goal(request *r);
void page_plan_goal_status(request *r);
void page_plan_goal_link(request *r);
void page_plan_goal_unlink(request *r);
void page_plan_review_add(request *r);
void page_plan_review_sign(request *r);
void page_plan_comment(request *r);
/* plan_templates.c */
extern const db_statement plan_template_statements[];
void page_template_list(request *r);
void page_template_new(request *r);
void page_template_create(request *r);
void page_template_edit(request *r);
void page_template_update(request *r);
void page_template_delete(request *r);

/* sharing a page or a collection, and what is shared with me */
extern const db_statement sharing_statements[];
void page_sharing_page(request *r);
void page_sharing_collection(request *r);
void page_share_add_page(request *r);
void page_share_add_collection(request *r);
void page_share_revoke_page(request *r);
void page_share_confirm_revoke_page(request *r);
void page_share_confirm_revoke_collection(request *r);
void page_share_revoke_collection(request *r);
void page_shared_with_me(request *r);

extern const db_statement portfolio_page_statements[];
void page_portfolio_page_new(request *r);
void page_portfolio_page_create(request *r);
void page_portfolio_page_show(request *r);
void page_portfolio_page_edit(request *r);
void page_portfolio_page_add(request *r);
void page_portfolio_page_update(request *r);
void page_portfolio_block_add(request *r);
void page_portfolio_block_edit(request *r);
void page_portfolio_block_update(request *r);
void page_portfolio_block_move(request *r);
void page_portfolio_block_delete(request *r);

/* collections of pages: the owner's editor and the read views (collections.c) */
extern const db_statement collection_statements[];
void page_collection_new(request *r);
void page_collection_create(request *r);
void page_collection_show(request *r);
void page_collection_edit(request *r);
void page_collection_update(request *r);
void page_collection_page_add(request *r);
void page_collection_page_move(request *r);
void page_collection_page_remove(request *r);
void page_collection_confirm_delete(request *r);
void page_collection_delete(request *r);
void page_collection_view(request *r);
void page_collection_view_page(request *r);
void page_link_collection_page(request *r);

/* submitting a page or a collection for assessment (submissions.c) */
extern const db_statement submission_statements[];
void page_submission_page_form(request *r);
void page_submission_page_create(request *r);
void page_submission_collection_form(request *r);
void page_submission_collection_create(request *r);
void page_submission_list(request *r);
void page_submission_show(request *r);
void page_submission_comment(request *r);
void page_submission_reviewed(request *r);

extern const db_statement profile_statements[];
void page_profile_show(request *r);
void page_profile_edit(request *r);
void page_profile_save(request *r);

/* leadership plans: the settings administrators keep (admin_leadership.c)
 * and the college's aggregated view for senior leaders (leadership_college.c) */
extern const db_statement admin_leadership_statements[];
extern const db_statement leadership_college_statements[];
void page_admin_leadership(request *r);
void page_admin_instrument_new(request *r);
void page_admin_instrument_create(request *r);
void page_admin_instrument_show(request *r);
void page_admin_instrument_items(request *r);
void page_admin_instrument_archive(request *r);
void page_admin_instrument_restore(request *r);
void page_admin_theme_create(request *r);
void page_admin_theme_archive(request *r);
void page_admin_theme_restore(request *r);
void page_leadership_college(request *r);
/* student voice: polls (voice.c, voice_ballots.c, voice_results.c) and
 * "you said, we did" (voice_issues.c); their statements in voice.h */
void page_voice_index(request *r);
void page_voice_poll_new(request *r);
void page_voice_poll_create(request *r);
void page_voice_poll_show(request *r);
void page_voice_poll_edit(request *r);
void page_voice_poll_update(request *r);
void page_voice_question_add(request *r);
void page_voice_question_delete(request *r);
void page_voice_poll_open(request *r);
void page_voice_poll_close(request *r);
void page_voice_poll_confirm_close(request *r);
void page_voice_vote(request *r);
void page_voice_results(request *r);
void page_voice_results_csv(request *r);
void page_voice_issue_new(request *r);
void page_voice_issue_create(request *r);
void page_voice_issue_show(request *r);
void page_voice_issue_respond(request *r);
void page_voice_issue_redate(request *r);
void page_voice_board(request *r);
void page_voice_board_college(request *r);

/* importing people */
extern const db_statement import_statements[];
void page_import_form(request *r);
void page_import_upload(request *r);

/* administration: people, courses, cohorts, the audit log, colleges
 * (admin.c, admin_users.c, admin_cohorts.c, admin_audit.c) */
extern const db_statement admin_statements[];
extern const db_statement admin_users_statements[];
extern const db_statement admin_cohorts_statements[];
extern const db_statement admin_audit_statements[];
void page_admin_overview(request *r);
void page_admin_users(request *r);
void page_admin_user_new(request *r);
void page_admin_user_create(request *r);
void page_admin_user_show(request *r);
void page_admin_user_update(request *r);
void page_admin_user_suspend(request *r);
void page_admin_user_confirm_suspend(request *r);
void page_admin_user_reactivate(request *r);
void page_admin_user_reset_link(request *r);
void page_admin_user_email_link(request *r);
void page_admin_courses(request *r);
void page_admin_course_create(request *r);
void page_admin_cohorts(request *r);
void page_admin_cohort_create(request *r);
void page_admin_cohort_show(request *r);
void page_admin_cohort_member_add(request *r);
void page_admin_cohort_member_remove(request *r);
void page_admin_audit(request *r);
void page_admin_institutions(request *r);
void page_admin_institution_create(request *r);

/* Personalised Leadership Plans (leadership.c and the leadership_*.c
 * beside it; leadership.h holds what they share) */
extern const db_statement leadership_statements[];
extern const db_statement leadership_profile_statements[];
extern const db_statement leadership_goal_statements[];
extern const db_statement leadership_review_statements[];
extern const db_statement leadership_feedback_statements[];
void page_leadership_home(request *r);
void page_leadership_start(request *r);
void page_leadership_team(request *r);
void page_leadership_plan(request *r);
void page_leadership_sharing(request *r);
void page_leadership_share(request *r);
void page_leadership_unshare(request *r);
void page_leadership_result_new(request *r);
void page_leadership_result_create(request *r);
void page_leadership_goal_new(request *r);
void page_leadership_goal_create(request *r);
void page_leadership_goal(request *r);
void page_leadership_goal_update(request *r);
void page_leadership_goal_edit(request *r);
void page_leadership_goal_status(request *r);
void page_leadership_evidence_add(request *r);
void page_leadership_evidence_remove(request *r);
void page_leadership_activity_new(request *r);
void page_leadership_activity_create(request *r);
void page_leadership_activity_status(request *r);
void page_leadership_reflection_new(request *r);
void page_leadership_reflection_create(request *r);
void page_leadership_review_new(request *r);
void page_leadership_review_create(request *r);
void page_leadership_review(request *r);
void page_leadership_review_sign(request *r);
void page_leadership_action_done(request *r);
void page_leadership_feedback_new(request *r);
void page_leadership_feedback_create(request *r);
void page_leadership_feedback_round(request *r);
void page_leadership_feedback_answer(request *r);
void page_leadership_feedback_close(request *r);

#endif
