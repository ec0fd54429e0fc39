-- make bench's poll (scripts/bench.sh loads it): "Ten thousand voices", an
-- anonymous, closed poll by bench-rep (signed in as Amira is: password
-- tandem-demo; not Amira herself, so that her other pages stay as they
-- were) for a cohort of 10,000 learners, bench-rep one of them, all of whom voted: one choice of three, two to three choices of
-- five, a rating, a ranking of four (instant run-off over every ranking)
-- and a written answer from one in ten. The ballots are counted by
-- voice_count as the mixer counts opened batches (here one batch of all,
-- as at close), so the results page reads the tallies as it does in
-- production. tests/bench/mixer.mjs measures opening sealed ballots.
WITH i AS (SELECT institution_id AS id FROM users WHERE username = 'amira'),
     c AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
           SELECT i.id, (SELECT id FROM courses WHERE code = 'BTEC-ENG-L3'), 'BENCH-VOICE',
                  'Ten thousand voices', '2026/27' FROM i RETURNING id, institution_id),
     r AS (INSERT INTO users (institution_id, username, display_name, email, password_hash)
           SELECT i.id, 'bench-rep', 'Bench Rep', 'rep@bench.example',
                  (SELECT password_hash FROM users WHERE username = 'amira') FROM i RETURNING id),
     u AS (INSERT INTO users (institution_id, username, display_name, email)
           SELECT i.id, 'bench-voter-' || n, 'Bench voter ' || n, 'voter' || n || '@bench.example'
             FROM i, generate_series(1, 9999) n RETURNING id)
INSERT INTO memberships (cohort_id, user_id, institution_id, role)
SELECT c.id, u.id, c.institution_id, 'learner' FROM c, u
UNION ALL
SELECT c.id, r.id, c.institution_id, role FROM c, r, unnest(ARRAY['learner', 'rep']) role;

DO $$
DECLARE
    a users := (SELECT u FROM users u WHERE username = 'bench-rep');
    poll bigint;
    q bigint[] := '{}';
BEGIN
    INSERT INTO polls (institution_id, created_by, scope, title, anonymous, visibility, opens_at,
                       closes_at)
    VALUES (a.institution_id, a.id, 'cohorts', 'Ten thousand voices', true, 'closed',
            now() - interval '8 days', now() + interval '1 day')
    RETURNING id INTO poll;
    INSERT INTO poll_cohorts (poll_id, cohort_id, institution_id)
    SELECT poll, id, a.institution_id FROM cohorts WHERE code = 'BENCH-VOICE';
    INSERT INTO poll_questions (poll_id, institution_id, position, kind, prompt, required,
                                min_choices, max_choices)
    SELECT poll, a.institution_id, n, kind, prompt, n <> 5, min, max
      FROM (VALUES (1, 'single', 'Which campus do you use most?', 1, 1),
                   (2, 'multiple', 'Which services have you used this term?', 2, 3),
                   (3, 'rating', 'How satisfied are you with your course?', 1, 1),
                   (4, 'ranked', 'Rank the improvements you want', 1, 4),
                   (5, 'text', 'Anything else?', 0, 1)) x(n, kind, prompt, min, max);
    q := ARRAY(SELECT id FROM poll_questions WHERE poll_id = poll ORDER BY position);
    INSERT INTO poll_options (question_id, poll_id, institution_id, position, label)
    SELECT q[x.qn], poll, a.institution_id, x.n, x.label
      FROM (VALUES (1, 1, 'North campus'), (1, 2, 'South campus'), (1, 3, 'Online'),
                   (2, 1, 'Library'), (2, 2, 'Careers'), (2, 3, 'Wellbeing'), (2, 4, 'Canteen'),
                   (2, 5, 'Learning support'),
                   (3, 1, '1 – Very unhappy'), (3, 2, '2'), (3, 3, '3'), (3, 4, '4'),
                   (3, 5, '5 – Very happy'),
                   (4, 1, 'Longer library hours'), (4, 2, 'More study rooms'),
                   (4, 3, 'Cheaper food'), (4, 4, 'Better wifi')) x(qn, n, label);
    -- Every member votes: the register, then an anonymous ballot each.
    INSERT INTO poll_voters (poll_id, user_id, institution_id, voted_on)
    SELECT poll, m.user_id, a.institution_id, current_date - 8 + (hashtext(m.user_id::text) & 7)
      FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
     WHERE c.code = 'BENCH-VOICE' AND m.role = 'learner';
    UPDATE polls SET voters = (SELECT count(*) FROM poll_voters WHERE poll_id = poll)
     WHERE id = poll;
    CREATE TEMP TABLE bench_ballots ON COMMIT DROP AS
    SELECT n::int AS b, random() AS r1, random() AS r2, random() AS r3,
           n % 24 AS perm, 1 + n % 4 AS ranked
      FROM generate_series(1, (SELECT voters FROM polls WHERE id = poll)) n;
    CREATE TEMP TABLE bench_choices ON COMMIT DROP AS
    SELECT b.b, o.id AS o, NULL::int AS r
      FROM bench_ballots b JOIN poll_options o ON o.poll_id = poll
     WHERE (o.question_id = q[1] AND o.position = 1 + floor(b.r1 * b.r1 * 3)::int)
        OR (o.question_id = q[2] AND (o.position + floor(b.r2 * 5)::int) % 5 < 2 + (b.perm % 2))
        OR (o.question_id = q[3] AND o.position = 5 - floor(b.r3 * b.r3 * 5)::int)
    UNION ALL
    SELECT b.b, o.id, p.rank::int
      FROM bench_ballots b
      JOIN LATERAL (SELECT x.pos, row_number() OVER (ORDER BY hashtext(b.perm || ':' || x.pos)) AS rank
                      FROM generate_series(1, 4) x(pos)) p ON p.rank <= b.ranked
      JOIN poll_options o ON o.question_id = q[4] AND o.position = p.pos;
    PERFORM voice_count(poll, ARRAY(SELECT seq FROM poll_voters WHERE poll_id = poll),
                        (SELECT count(*)::int FROM bench_ballots), 0,
                        ARRAY(SELECT b FROM bench_choices), ARRAY(SELECT o FROM bench_choices),
                        ARRAY(SELECT r FROM bench_choices),
                        ARRAY(SELECT b FROM bench_ballots WHERE r1 < 0.1 ORDER BY b),
                        ARRAY(SELECT q[5] FROM bench_ballots WHERE r1 < 0.1 ORDER BY b),
                        ARRAY(SELECT 'The ' || (ARRAY['library', 'canteen', 'wifi', 'buses'])[1 + perm % 4]
                                     || ' could be better, in my view (' || b || ').'
                                FROM bench_ballots WHERE r1 < 0.1 ORDER BY b),
                        '{}', '{}');
    UPDATE polls SET closes_at = now() - interval '1 day', final_at = now() WHERE id = poll;
END $$;
