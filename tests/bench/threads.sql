-- make bench's thread (scripts/bench.sh loads it): Priya and Amira, a
-- thread of 200 messages, every one read by both.
WITH t AS (INSERT INTO threads (institution_id, subject, created_by)
           SELECT institution_id, 'Two hundred messages', id FROM users WHERE username = 'priya'
           RETURNING id, institution_id),
     members AS (INSERT INTO thread_members (thread_id, user_id)
                 SELECT t.id, u.id FROM t, users u WHERE u.username IN ('priya', 'amira'))
INSERT INTO messages (thread_id, institution_id, author_id, body_md, body_html)
SELECT t.id, t.institution_id, u.id,
       'Message ' || n || ': how the week went, what is next, and a question.',
       '<p>Message ' || n || ': how the week went, what is next, and a <strong>question</strong>.</p>'
  FROM t, generate_series(1, 200) n
  JOIN users u ON u.username = CASE WHEN n % 2 = 0 THEN 'priya' ELSE 'amira' END
 ORDER BY n;
UPDATE thread_members SET last_read_id = (SELECT last_message_id FROM threads WHERE subject = 'Two hundred messages')
 WHERE thread_id = (SELECT id FROM threads WHERE subject = 'Two hundred messages');
