-- The college boundary in the indexes of the administration pages.
--
-- A college administrator's statements keep to their college with
-- "institution_id = $n" (a site administrator's have forms of their own:
-- cgi-bin/core/auth.h, auth_scoped). Each paged or ordered list reads its
-- college's rows through an index that leads with institution_id and then
-- gives the list's order, so a page is the first rows of one range of the
-- index however many people and events other colleges have.

-- People, by username (admin_users_list); also every other lookup of a
-- college's people, which the index on institution_id alone served.
CREATE INDEX users_institution_username ON users (institution_id, username);
DROP INDEX users_institution;

-- The audit log, newest first with the id to break ties (admin_audit_list).
-- It holds every column the list's filters read, so that counting what
-- they match is an index-only scan of the college's range: a generic plan
-- reckons each college at 1/N of the log (N colleges in it), and with few
-- colleges would otherwise read the whole table to count one college.
CREATE INDEX audit_log_institution_at_id ON audit_log (institution_id, at DESC, id DESC)
    INCLUDE (action, actor_id, target_user_id);
DROP INDEX audit_log_institution_at;
-- The same order across every college, for site administrators
-- (admin_audit_list_all), whose page would otherwise sort the whole log.
CREATE INDEX audit_log_at_id ON audit_log (at DESC, id DESC);

-- Cohorts, newest academic year first, then by code (admin_cohorts_list).
-- Courses by code have theirs already: UNIQUE (institution_id, code).
CREATE INDEX cohorts_institution_year ON cohorts (institution_id, academic_year DESC, code);
