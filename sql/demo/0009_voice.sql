-- Demo student voice: Sofia is also a students' union officer; her
-- college-wide poll on enrichment week has closed with eight votes (past
-- the threshold of five); Amira's poll for ENG3-A on the workshop is open;
-- and the "you said, we did" boards hold issues in several states, one of
-- them overdue. Votes go through voice_cast, as the app casts them, and
-- are mixed as `tandem mail` mixes them. Safe to run again.
UPDATE users SET roles = roles | 64 WHERE username = 'sofia';

DO $$
DECLARE
    inst bigint := (SELECT id FROM institutions WHERE slug = 'riverside');
    sofia bigint := (SELECT id FROM users WHERE username = 'sofia');
    amira bigint := (SELECT id FROM users WHERE username = 'amira');
    poll bigint;
    q_day bigint; q_food bigint; q_rank bigint; q_text bigint;
    opt bigint[];
    food bigint[];
    rank bigint[];
    v record;
BEGIN
    IF inst IS NULL OR EXISTS (SELECT 1 FROM polls WHERE institution_id = inst) THEN
        RETURN;
    END IF;

    -- The closed, anonymous, college-wide poll.
    INSERT INTO polls (institution_id, created_by, scope, title, description, anonymous,
                       visibility, opens_at, closes_at)
    VALUES (inst, sofia, 'college', 'Enrichment week: what should we run?',
            'The students'' union is planning enrichment week in February. Tell us what you want.',
            true, 'closed', now() - interval '10 days', now() + interval '1 hour')
    RETURNING id INTO poll;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 1, 'single', 'Which day suits you best?', 1, 1) RETURNING id INTO q_day;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 2, 'rating', 'How good is the food in the canteen?', 1, 1)
    RETURNING id INTO q_food;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 3, 'ranked', 'Rank the activities you would most like', 1, 4)
    RETURNING id INTO q_rank;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,
                                min_choices, max_choices)
    VALUES (poll, inst, 4, 'text', 'Any other ideas?', false, 0, 1) RETURNING id INTO q_text;
    INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
    SELECT q, poll, inst, n, label
      FROM (VALUES (q_day, 1, 'Monday'), (q_day, 2, 'Wednesday'), (q_day, 3, 'Friday'),
                   (q_food, 1, '1 – Very poor'), (q_food, 2, '2'), (q_food, 3, '3'),
                   (q_food, 4, '4'), (q_food, 5, '5 – Excellent'),
                   (q_rank, 1, 'Climbing wall'), (q_rank, 2, 'Film club'),
                   (q_rank, 3, 'Volunteering day'), (q_rank, 4, 'Careers fair')) o(q, n, label);
    opt := ARRAY(SELECT id FROM poll_options WHERE question_id = q_day ORDER BY position);
    food := ARRAY(SELECT id FROM poll_options WHERE question_id = q_food ORDER BY position);
    rank := ARRAY(SELECT id FROM poll_options WHERE question_id = q_rank ORDER BY position);
    FOR v IN SELECT u.id, b.day, b.food, b.r1, b.r2, b.r3, b.idea
               FROM (VALUES ('amira', 3, 2, 1, 3, 2, 'A robotics challenge between colleges'),
                            ('jack', 3, 3, 1, 2, NULL, ''),
                            ('sofia', 2, 2, 3, 4, 1, 'Mock interviews with local employers'),
                            ('liam', 1, 4, 4, 3, NULL, 'Something in the evening for adult learners'),
                            ('priya', 2, 3, 2, 1, NULL, ''),
                            ('tom', 2, 2, 3, 1, 4, ''),
                            ('grace', 1, 3, 4, 3, 2, 'A first-aid course'),
                            ('david', 3, 1, 1, 3, 2, ''))
                    AS b(username, day, food, r1, r2, r3, idea)
               JOIN users u ON u.username = b.username
    LOOP
        PERFORM voice_cast(poll, v.id,
                           ARRAY[opt[v.day], food[v.food], rank[v.r1], rank[v.r2]]
                           || CASE WHEN v.r3 IS NULL THEN '{}'::bigint[] ELSE ARRAY[rank[v.r3]] END,
                           ARRAY[NULL, NULL, 1, 2]
                           || CASE WHEN v.r3 IS NULL THEN '{}'::int[] ELSE ARRAY[3] END,
                           CASE WHEN v.idea = '' THEN '{}'::bigint[] ELSE ARRAY[q_text] END,
                           CASE WHEN v.idea = '' THEN '{}'::text[] ELSE ARRAY[v.idea] END);
    END LOOP;
    UPDATE polls SET closes_at = now() - interval '3 days' WHERE id = poll;
    UPDATE poll_voters SET voted_on = current_date - 5 WHERE poll_id = poll;

    -- The open poll for ENG3-A.
    INSERT INTO polls (institution_id, created_by, scope, title, description, anonymous,
                       visibility, opens_at, closes_at)
    VALUES (inst, amira, 'cohorts', 'The engineering workshop',
            'I am meeting the head of department next week about the workshop.',
            true, 'voted', now() - interval '1 day', now() + interval '6 days')
    RETURNING id INTO poll;
    INSERT INTO poll_cohorts (poll_id, cohort_id, institution_id)
    SELECT poll, id, inst FROM cohorts WHERE code = 'ENG3-A';
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, min_choices,
                                max_choices)
    VALUES (poll, inst, 1, 'multiple', 'When would you use the workshop outside lessons?', 1, 2)
    RETURNING id INTO q_day;
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,
                                min_choices, max_choices)
    VALUES (poll, inst, 2, 'text', 'What would make the workshop better?', false, 0, 1)
    RETURNING id INTO q_text;
    INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
    SELECT q_day, poll, inst, n, label
      FROM (VALUES (1, 'Before 9'), (2, 'Lunchtime'), (3, 'After 4'), (4, 'Not at all')) o(n, label);
    PERFORM voice_cast(poll, (SELECT id FROM users WHERE username = 'jack'),
                       ARRAY(SELECT id FROM poll_options WHERE question_id = q_day
                                AND position IN (2, 3)), ARRAY[NULL, NULL]::int[],
                       ARRAY[q_text], ARRAY['More 3D printer time']);
    PERFORM voice_mix();
END $$;

-- "You said, we did": issues and their timelines.
DO $$
DECLARE
    inst bigint := (SELECT id FROM institutions WHERE slug = 'riverside');
    issue bigint;
    i record;
BEGIN
    IF inst IS NULL OR EXISTS (SELECT 1 FROM voice_issues WHERE institution_id = inst) THEN
        RETURN;
    END IF;
    FOR i IN SELECT * FROM (VALUES
        ('ENG3-A', 'amira', 'priya', 'Open the workshop at lunchtime',
         'Most of us want to finish **coursework builds** at lunchtime: the workshop is locked '
         || 'from 12 to 1.', 20, 10,
         ARRAY['received', 'accepted'],
         ARRAY['', 'From next Monday a technician will keep the workshop open 12:15 to 12:55, '
                   || 'Mondays to Thursdays.']),
        ('ENG3-A', 'amira', 'david', 'Replace the broken lathe',
         'The second lathe has been out of order since September.', 40, 25,
         ARRAY['considering', 'done'],
         ARRAY['We have asked for quotes.', 'A new lathe was installed on 10 November.']),
        ('ENG3-A', 'amira', 'priya', 'Deadlines for units 4 and 7 fall in the same week',
         'Could one of the two deadlines move?', 12, -3, ARRAY['received'], ARRAY['']),
        ('PSY-Y13', 'sofia', 'tom', 'Revision sessions before mocks',
         'The class would like two extra revision sessions before the January mocks.', 9, 7,
         ARRAY['not_possible'],
         ARRAY['The rooms are all booked for exams that week, so we cannot add sessions; the '
               || 'revision materials are now on the course page instead.']),
        (NULL, 'sofia', 'helen', 'Enrichment week in February',
         'Eight of us answered the union''s poll: a Wednesday or Friday, with a climbing wall '
         || 'and a film club, came top.', 3, 11, ARRAY['considering'],
         ARRAY['The senior team will look at dates at its next meeting.'])
        ) AS x(cohort, raiser, responsible, title, body, age, due, statuses, responses)
    LOOP
        INSERT INTO voice_issues (institution_id, cohort_id, raised_by, responsible_id, title,
                                  body_md, body_html, status, due_on, created_at, updated_at,
                                  overdue_told_on)
        SELECT inst, (SELECT id FROM cohorts WHERE code = i.cohort),
               (SELECT id FROM users WHERE username = i.raiser),
               (SELECT id FROM users WHERE username = i.responsible), i.title, i.body,
               '<p>' || replace(replace(i.body, '**coursework builds**',
                                        '<strong>coursework builds</strong>'), '''', '&#39;')
               || '</p>',
               i.statuses[cardinality(i.statuses)], current_date + i.due,
               now() - i.age * interval '1 day', now() - interval '1 day',
               CASE WHEN i.due < 0 THEN current_date END
        RETURNING id INTO issue;
        INSERT INTO voice_issue_events (issue_id, institution_id, actor_id, status, created_at)
        SELECT issue, inst, raised_by, 'raised', created_at FROM voice_issues WHERE id = issue;
        INSERT INTO voice_issue_events (issue_id, institution_id, actor_id, status, response_md,
                                        response_html, created_at)
        SELECT issue, inst, (SELECT id FROM users WHERE username = i.responsible), s.status,
               s.response, CASE WHEN s.response = '' THEN '' ELSE '<p>' || s.response || '</p>' END,
               now() - (i.age - 2 * s.n) * interval '1 day'
          FROM unnest(i.statuses, i.responses) WITH ORDINALITY s(status, response, n);
    END LOOP;
END $$;
