// The test stack's database, for what a test must arrange or check there
// (the private cluster scripts/stack.sh started in TANDEM_VAR).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs sql in psql; its output, unaligned, without headers, trimmed. */
export function psql(sql) {
  const out = spawnSync('psql', ['-h', `${process.env.TANDEM_VAR}/pgrun`, '-U', 'tandem', '-d', 'tandem', '-tAc', sql], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}

/**
 * A cohort of Riverside's engineering course, code and name, with learners
 * (usernames) and rep, a learner who represents it: each person with
 * Amira's password (tandem-demo) and named "Voter USERNAME".
 */
export function makeCohort({ code, name, rep, learners }) {
  psql(`WITH i AS (SELECT id FROM institutions WHERE slug = 'riverside'),
             co AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
                    SELECT i.id, (SELECT id FROM courses WHERE code = 'BTEC-ENG-L3'), '${code}', '${name}', '2026/27'
                      FROM i RETURNING id, institution_id),
             u AS (INSERT INTO users (institution_id, username, display_name, email, roles, password_hash)
                   SELECT i.id, n, 'Voter ' || n, n || '@example.ac.uk', 1,
                          (SELECT password_hash FROM users WHERE username = 'amira')
                     FROM i, unnest(ARRAY['${rep}', ${learners.map((l) => `'${l}'`).join(', ')}]) n RETURNING id, username)
        INSERT INTO memberships (cohort_id, user_id, institution_id, role)
        SELECT co.id, u.id, co.institution_id, r FROM co, u, unnest(ARRAY['learner', 'rep']) r
         WHERE r = 'learner' OR u.username = '${rep}'`);
}
