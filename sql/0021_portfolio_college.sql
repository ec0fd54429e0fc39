-- The portfolio's and mentoring's indexes, led by the college: the access
-- rules in sql/policy.sql (shares_admitting, readable_pages,
-- readable_files, readable_submissions, mentorships_of) and the statements
-- that join them probe these with the college's id first, as every
-- tenant's index is to be (DESIGN.md, "Growing past one machine").

-- A page's or a collection's live shares, found from the thing's own row
-- (its college and id): the probe behind every shared page or collection
-- shown.
DROP INDEX shares_page;
DROP INDEX shares_collection;
CREATE INDEX shares_page ON shares (institution_id, page_id) WHERE revoked_at IS NULL;
CREATE INDEX shares_collection ON shares (institution_id, collection_id)
    WHERE revoked_at IS NULL;

-- The comments under a page, in order; the comments of posts and
-- submissions have their own indexes and are left out.
DROP INDEX comments_page;
CREATE INDEX comments_page ON comments (institution_id, page_id, created_at)
    WHERE page_id IS NOT NULL;

-- The evidence holding a file, and the profile results whose report it
-- is: who may download it (readable_files), and whether a file is still
-- used when a piece of evidence goes.
CREATE INDEX evidence_file ON evidence (institution_id, file_id) WHERE file_id IS NOT NULL;
CREATE INDEX profile_results_report ON profile_results (institution_id, report_file_id)
    WHERE report_file_id IS NOT NULL;

-- The tutors of a college: whom a learner may submit work to is found
-- among them (submission_tutors), not among all its people.
CREATE INDEX memberships_tutors ON memberships (institution_id, user_id) WHERE role = 'tutor';

-- Submissions by the person who made them and by their tutor, newest first.
DROP INDEX submissions_owner;
DROP INDEX submissions_tutor;
CREATE INDEX submissions_owner ON submissions (institution_id, owner_id, submitted_at DESC);
CREATE INDEX submissions_tutor ON submissions (institution_id, tutor_id, submitted_at DESC);

-- Mentorships by either of the two, and a mentorship's threads.
DROP INDEX mentorships_mentor;
DROP INDEX mentorships_mentee;
CREATE INDEX mentorships_mentor ON mentorships (institution_id, mentor_id);
CREATE INDEX mentorships_mentee ON mentorships (institution_id, mentee_id);
DROP INDEX threads_mentorship;
CREATE INDEX threads_mentorship ON threads (institution_id, mentorship_id);
