-- Demo mentoring: Tom mentors Sofia (getting ready for university
-- interviews), and they have a thread; Priya has written to Amira
-- directly about her report.
WITH m AS (
    INSERT INTO mentorships (institution_id, mentor_id, mentee_id, purpose, starts_on, state,
                             set_up_by, answered_at)
    SELECT t.institution_id, t.id, s.id, 'Getting ready for university interviews in psychology',
           current_date - 14, 'active', s.id, now() - interval '13 days'
      FROM users t, users s
     WHERE t.username = 'tom' AND s.username = 'sofia'
       AND NOT EXISTS (SELECT 1 FROM mentorships x WHERE x.mentor_id = t.id AND x.mentee_id = s.id)
    RETURNING id, institution_id, mentor_id, mentee_id),
t AS (
    INSERT INTO threads (institution_id, mentorship_id, subject, created_by)
    SELECT institution_id, id, 'Mock interview', mentee_id FROM m RETURNING id, mentorship_id),
members AS (
    INSERT INTO thread_members (thread_id, user_id)
    SELECT t.id, x FROM t JOIN m ON m.id = t.mentorship_id, unnest(ARRAY[m.mentor_id, m.mentee_id]) x)
INSERT INTO messages (thread_id, institution_id, author_id, body_md, body_html, created_at)
SELECT t.id, m.institution_id, CASE WHEN w.n % 2 = 1 THEN m.mentee_id ELSE m.mentor_id END, w.md, w.html,
       now() - (10 - w.n) * interval '1 day'
  FROM t JOIN m ON m.id = t.mentorship_id,
       (VALUES (1, 'Could we do a mock interview before my Oxford one?',
                '<p>Could we do a mock interview before my Oxford one?</p>'),
               (2, 'Yes. Read two recent papers on memory first, and we will talk about them.',
                '<p>Yes. Read two recent papers on memory first, and we will talk about them.</p>'),
               (3, 'Done: **Baddeley** on working memory and one on sleep.',
                '<p>Done: <strong>Baddeley</strong> on working memory and one on sleep.</p>')) AS w(n, md, html)
 ORDER BY w.n;
