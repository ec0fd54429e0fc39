-- Sealed ballots and 360 answers, opened only in batches (README,
-- "Anonymity: the threat model").
--
-- A vote writes the register row, holding the ballot sealed to the poll's
-- own public key (libsodium crypto_box_seal, done by the web server), and
-- the poll's count of voters: nothing in plaintext about what was chosen.
-- The mixer (cgi-bin/pages/voice_mix.c: `tandem count-ballots`, and every
-- pass of `tandem mail`) opens the oldest sealed ballots once at least 2k
-- wait, keeping the newest k sealed, and counts them here (voice_count) in
-- one transaction: tallies, rankings and written answers in a random
-- order. At close it opens the rest and destroys the key. 360 answers
-- follow the same rule with k = 3 (feedback_count).

-- Fold in any ballot not yet mixed under the old scheme, so that nothing a
-- voter cast is lost, then retire that scheme.
SELECT voice_mix();
DROP FUNCTION voice_mix();
DROP FUNCTION voice_cast(bigint, bigint, bigint[], int[], bigint[], text[]);

-- public_key: set when the poll opens (its private key is the file
--   $TANDEM_KEYS/poll-ID.key). batch_size: k, fixed then.
-- counted: ballots opened and counted; spoiled: ballots that did not
--   open or did not fit the poll; uncounted: ballots never opened because
--   fewer than k were cast in all.
-- counted_at: when the last batch was counted; final_at: when the last
--   batch was opened at close and the key destroyed.
ALTER TABLE polls
    ADD COLUMN public_key bytea CHECK (octet_length(public_key) = 32),
    ADD COLUMN batch_size int NOT NULL DEFAULT 5 CHECK (batch_size BETWEEN 1 AND 1000),
    ADD COLUMN counted int NOT NULL DEFAULT 0,
    ADD COLUMN spoiled int NOT NULL DEFAULT 0,
    ADD COLUMN uncounted int NOT NULL DEFAULT 0,
    ADD COLUMN counted_at timestamptz,
    ADD COLUMN final_at timestamptz;

-- Polls from before: every ballot was mixed above, and counted.
UPDATE polls p SET counted = p.voters,
       batch_size = (SELECT voice_min_voters FROM institutions i WHERE i.id = p.institution_id),
       final_at = CASE WHEN p.closes_at <= now() THEN now() END;

-- The mixer looks for polls with ballots to open.
CREATE INDEX polls_sealing ON polls (closes_at) WHERE final_at IS NULL AND public_key IS NOT NULL;

-- The register: seq is the order votes were cast (the mixer opens the
-- oldest first); sealed the ballot until it is opened; opened once it was.
ALTER TABLE poll_voters
    ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN sealed bytea,
    ADD COLUMN opened boolean NOT NULL DEFAULT false;
UPDATE poll_voters SET opened = true;
-- Sealed bytes are random: compressing them gains nothing.
ALTER TABLE poll_voters ALTER COLUMN sealed SET STORAGE EXTERNAL;
CREATE INDEX poll_voters_sealed ON poll_voters (poll_id, seq) WHERE sealed IS NOT NULL;

-- Plaintext is now written only by the mixer, in batches: the per-ballot
-- choice rows served only the old mixing, and go.
DROP TABLE poll_choices;
DROP TABLE poll_ballots;
ALTER TABLE poll_texts DROP COLUMN mixed;
DROP INDEX IF EXISTS poll_named_poll;
CREATE INDEX poll_named_poll ON poll_named (poll_id);

-- Small tables are never autovacuumed by default (50 dead rows first):
-- these are, after any change at all, so no dead version lingers even
-- if a pass's own VACUUM could not run.
ALTER TABLE poll_voters SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0,
                             autovacuum_vacuum_insert_threshold = 0);
ALTER TABLE poll_texts SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE poll_options SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE poll_rankings SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE poll_named SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);

-- Casts person's ballot in poll, sealed to its public key pk: the
-- register row with the sealed ballot, and the count of voters. Nothing
-- else is written. Returns 'voted', or why not: 'not_found' (no such
-- poll for this person), 'not_open', 'closed', 'twice', 'no_key' (the
-- poll has no key, or another than pk).
CREATE FUNCTION voice_cast(poll bigint, person bigint, pk bytea, ballot bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    p polls;
BEGIN
    -- The poll row is locked: a vote and closing it early do not cross.
    SELECT * INTO p FROM polls WHERE id = poll FOR UPDATE;
    IF NOT FOUND OR NOT poll_eligible(p, person) THEN
        RETURN 'not_found';
    ELSIF p.opens_at IS NULL OR p.opens_at > now() THEN
        RETURN 'not_open';
    ELSIF p.closes_at <= now() THEN
        RETURN 'closed';
    ELSIF p.public_key IS DISTINCT FROM pk THEN
        RETURN 'no_key';
    END IF;
    INSERT INTO poll_voters (poll_id, user_id, institution_id, sealed)
    VALUES (poll, person, p.institution_id, ballot) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 'twice';
    END IF;
    UPDATE polls SET voters = voters + 1 WHERE id = poll;
    RETURN 'voted';
END $$;

-- Counts one batch of poll's ballots, opened by the mixer: the register
-- rows seqs are marked opened and their sealed ballots cleared; n ballots
-- opened, numbered 1..n in the random order the mixer chose, and failed
-- did not open at all. Ballot b chose the options c_option where c_ballot
-- = b (with c_rank, NULL for unranked questions), wrote t_body to the
-- questions t_question where t_ballot = b, and, in a named poll, was cast
-- by u_user where u_ballot = b. A ballot naming an option or question not
-- of this poll, a bad rank or a written answer of a wrong length is
-- spoiled: not counted. Written answers are stored in ballot order under
-- new random keys; the tallies and rankings grow by the batch's totals.
-- Returns the ballots counted.
CREATE FUNCTION voice_count(poll bigint, seqs bigint[], n int, failed int,
                            c_ballot int[], c_option bigint[], c_rank int[],
                            t_ballot int[], t_question bigint[], t_body text[],
                            u_ballot int[], u_user bigint[]) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    p polls;
    bad int[];
BEGIN
    SELECT * INTO p FROM polls WHERE id = poll FOR UPDATE;
    bad := ARRAY(
        SELECT c.b FROM unnest(c_ballot, c_option, c_rank) c(b, o, r)
          LEFT JOIN poll_options o ON o.id = c.o AND o.poll_id = poll
          LEFT JOIN poll_questions q ON q.id = o.question_id
         WHERE o.id IS NULL OR (q.kind = 'ranked') <> (c.r IS NOT NULL)
            OR coalesce(c.r NOT BETWEEN 1 AND 20, false)
        UNION
        SELECT t.b FROM unnest(t_ballot, t_question, t_body) t(b, q, body)
          LEFT JOIN poll_questions q ON q.id = t.q AND q.poll_id = poll AND q.kind = 'text'
         WHERE q.id IS NULL OR length(t.body) NOT BETWEEN 1 AND 2000
        UNION
        SELECT b FROM unnest(c_ballot || t_ballot || u_ballot) b WHERE b NOT BETWEEN 1 AND n);
    WITH k AS (SELECT b, gen_random_uuid() AS ballot FROM generate_series(1, n) b
                WHERE b <> ALL (bad)),
    texts AS (
        INSERT INTO poll_texts (ballot, poll_id, question_id, institution_id, body)
        SELECT k.ballot, poll, t.q, p.institution_id, t.body
          FROM unnest(t_ballot, t_question, t_body) WITH ORDINALITY t(b, q, body, i)
          JOIN k USING (b) ORDER BY t.i),
    named AS (
        INSERT INTO poll_named (ballot, poll_id, user_id)
        SELECT k.ballot, poll, u.person
          FROM unnest(u_ballot, u_user) WITH ORDINALITY u(b, person, i)
          JOIN k USING (b) WHERE NOT p.anonymous ORDER BY u.i),
    chosen AS (
        SELECT c.b, c.o, c.r, o.question_id
          FROM unnest(c_ballot, c_option, c_rank) c(b, o, r) JOIN k USING (b)
          JOIN poll_options o ON o.id = c.o),
    tally AS (
        UPDATE poll_options o SET votes = o.votes + t.n
          FROM (SELECT chosen.o, count(*) AS n FROM chosen
                 WHERE chosen.r IS NULL OR chosen.r = 1 GROUP BY chosen.o) t
         WHERE o.id = t.o)
    INSERT INTO poll_rankings (question_id, ranking, ballots)
    SELECT question_id, ranking, count(*)
      FROM (SELECT question_id, array_agg(o ORDER BY r) AS ranking
              FROM chosen WHERE r IS NOT NULL GROUP BY question_id, b) x
     GROUP BY question_id, ranking
    ON CONFLICT (question_id, ranking)
    DO UPDATE SET ballots = poll_rankings.ballots + EXCLUDED.ballots;
    UPDATE poll_voters SET sealed = NULL, opened = true
     WHERE poll_id = poll AND seq = ANY (seqs);
    UPDATE polls SET counted = counted + n - cardinality(bad),
                     spoiled = spoiled + cardinality(bad) + failed, counted_at = now()
     WHERE id = poll;
    RETURN n - cardinality(bad);
END $$;

-- 360-degree rounds: the same, with k = 3.
ALTER TABLE feedback_rounds
    ADD COLUMN public_key bytea CHECK (octet_length(public_key) = 32),
    ADD COLUMN counted int NOT NULL DEFAULT 0,
    ADD COLUMN spoiled int NOT NULL DEFAULT 0,
    ADD COLUMN uncounted int NOT NULL DEFAULT 0,
    ADD COLUMN final_at timestamptz;
UPDATE feedback_rounds SET counted = answer_count,
       final_at = CASE WHEN closed_at IS NOT NULL THEN closed_at END;
CREATE INDEX feedback_rounds_sealing ON feedback_rounds (id)
    WHERE final_at IS NULL AND public_key IS NOT NULL;

-- seq: renewed when the colleague answers (the order of answering).
ALTER TABLE feedback_invitations
    ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN sealed bytea,
    ADD COLUMN opened boolean NOT NULL DEFAULT false;
UPDATE feedback_invitations SET opened = answered;
ALTER TABLE feedback_invitations ALTER COLUMN sealed SET STORAGE EXTERNAL;
CREATE INDEX feedback_invitations_sealed ON feedback_invitations (round_id, seq)
    WHERE sealed IS NOT NULL;
ALTER TABLE feedback_invitations SET (autovacuum_vacuum_threshold = 0,
                                      autovacuum_vacuum_scale_factor = 0,
                                      autovacuum_vacuum_insert_threshold = 0);
ALTER TABLE feedback_answers SET (autovacuum_vacuum_threshold = 0,
                                  autovacuum_vacuum_scale_factor = 0);

-- Counts one batch of round's answers, as voice_count does for a poll:
-- answer b (1..n, in the mixer's random order) gave scores[b] (a numeric
-- array literal, one score per item of the instrument, in their order)
-- and comments[b]. An answer with the wrong number of scores, a score off
-- the scale or a comment too long is spoiled.
CREATE FUNCTION feedback_count(round bigint, seqs bigint[], failed int, scores text[],
                               comments text[]) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    r feedback_rounds;
    good int;
BEGIN
    SELECT * INTO r FROM feedback_rounds WHERE id = round FOR UPDATE;
    WITH items AS (SELECT count(*) AS n FROM instrument_items it
                    WHERE it.instrument_id = r.instrument_id),
    scale AS (SELECT scale_min, scale_max FROM instruments WHERE id = r.instrument_id),
    given AS (SELECT a.s::numeric[] AS s, a.c, a.i
                FROM unnest(scores, comments) WITH ORDINALITY a(s, c, i)
               WHERE a.s ~ '^\{[0-9]+(\.[0-9]+)?(,[0-9]+(\.[0-9]+)?)*\}$'),
    fit AS (SELECT g.* FROM given g, items, scale
             WHERE cardinality(g.s) = items.n AND length(g.c) <= 4000
               AND scale.scale_min <= ALL (g.s) AND scale.scale_max >= ALL (g.s)),
    saved AS (INSERT INTO feedback_answers (round_id, institution_id, scores, comment)
              SELECT round, r.institution_id, fit.s, fit.c FROM fit ORDER BY fit.i
              RETURNING 1)
    SELECT count(*) INTO good FROM saved;
    UPDATE feedback_invitations SET sealed = NULL, opened = true
     WHERE round_id = round AND seq = ANY (seqs);
    UPDATE feedback_rounds
       SET counted = counted + good,
           spoiled = spoiled + failed + cardinality(scores) - good
     WHERE id = round;
    RETURN good;
END $$;

-- The audit log named polls and voice issues by their titles, so that
-- administrators read drafts only their authors should see; from now on
-- it names them by id (cgi-bin/pages/voice.c, voice_issues.c). The titles
-- already written are removed: the one change ever made to the log,
-- with its append-only triggers set aside for this statement alone.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET detail = 'title removed: the audit log names polls and issues by id'
 WHERE action IN ('poll_created', 'poll_changed', 'voice_issue_raised') AND detail <> '';
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
