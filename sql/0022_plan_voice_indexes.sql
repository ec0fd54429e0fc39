-- Indexes for the access rules of learning plans and student voice
-- (sql/policy.sql), each led by the college, as every query on a tenant
-- table names it.

-- A person's own plans (plan_sides, as the learner; plan_list_version).
CREATE INDEX plans_institution_learner ON plans (institution_id, learner_id);

-- A person's places in cohorts by role (a tutor's cohorts, a learner's,
-- a rep's: represented_cohorts; any: issue_boards; a learner's in a poll's
-- cohorts: eligible_voters), and a cohort's members by role: plan_tutees
-- both ways round (from the tutor to their learners, from a learner to
-- their tutors).
CREATE INDEX memberships_institution_user ON memberships (institution_id, user_id, role, cohort_id);
CREATE INDEX memberships_institution_cohort ON memberships (institution_id, cohort_id, role, user_id);

-- A board's issues, newest first, the college's own (cohort NULL) among
-- them: voice_board and voice_boards' counts.
CREATE INDEX voice_issues_institution_cohort ON voice_issues (institution_id, cohort_id, updated_at DESC);
