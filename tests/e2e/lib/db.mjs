// The test stack's database, for what a test must arrange or check there
// (the private cluster scripts/stack.sh started in TANDEM_VAR): every test
// file reaches it through these, never a psql of its own. Importing this
// fails at once when TANDEM_VAR is not set.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { college, user } from './college.mjs';
import { CONNECT, psql, run } from './psql.mjs';
export { psql, psqlResult } from './psql.mjs';

/**
 * Takes the row locks of `sql` (a SELECT … FOR UPDATE) in a transaction of
 * its own, left open on a psql session of its own: resolves, once they are
 * held, to release(), which rolls that transaction back and ends the session.
 * For a test that needs a statement of Tandem's to wait in the database.
 */
export function holdLocks(sql) {
  const p = spawn('psql', CONNECT, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '', err = '';
  const ended = new Promise((resolve) => p.on('close', resolve));
  const release = async () => { p.stdin.end('ROLLBACK;\n'); await ended; };
  return new Promise((resolve, reject) => {
    p.stdout.on('data', (c) => { out += c; if (/^held$/m.test(out)) resolve(release); });
    p.stderr.on('data', (c) => { err += c; });
    ended.then((code) => reject(new Error(`psql ended (${code}) before the locks were held: ${err}`)));
    p.stdin.write(`BEGIN;\n${sql};\nSELECT 'held';\n`);
  });
}

/**
 * Runs a long SQL script, sent on standard input rather than as an
 * argument, statement by statement, stopping at the first error; its output.
 */
export function psqlScript(sql) {
  const out = run([], sql);
  assert.equal(out.status, 0, out.stderr);
  return out.stdout.trim();
}

/** The rows of a query, as objects (through json_agg). */
export function rows(sql) {
  return JSON.parse(psql(`SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x`));
}

/** The ids an INSERT … RETURNING id gave, as strings. */
export const ids = (sql) => psql(sql).split('\n').filter((l) => /^\d+$/.test(l));

/** A person's id (a string), by their name in this file's college (user()). */
export const userId = (name) => psql(`SELECT id FROM users WHERE username = '${user(name)}'`);

/** This file's Riverside copy's id (a string). */
export const collegeId = () => psql(`SELECT id FROM institutions WHERE slug = '${college.slug}'`);

/** Forgets the failed sign-ins for this file's people, so that the lock-out counts from none. */
export const clearLoginFailures = () => psql(`DELETE FROM login_failures WHERE username LIKE '%.${college.tag}'`);

/**
 * A cohort of this file's Riverside's engineering course, code and name,
 * with learners (names, made this file's by user()) and rep, a learner who
 * represents it: each person with Amira's password (tandem-demo) and named
 * "Voter NAME".
 */
export function makeCohort({ code, name, rep, learners }) {
  const names = [rep, ...learners].map((n) => `'${user(n)}'`).join(', ');
  psql(`WITH i AS (SELECT id FROM institutions WHERE slug = '${college.slug}'),
             co AS (INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
                    SELECT i.id, (SELECT id FROM courses WHERE code = 'BTEC-ENG-L3' AND institution_id = i.id),
                           '${code}', '${name}', '2026/27'
                      FROM i RETURNING id, institution_id),
             u AS (INSERT INTO users (institution_id, username, display_name, email, roles, password_hash)
                   SELECT i.id, n, 'Voter ' || split_part(n, '.', 1), n || '@example.ac.uk', 1,
                          (SELECT password_hash FROM users WHERE username = '${user('amira')}')
                     FROM i, unnest(ARRAY[${names}]) n RETURNING id, username)
        INSERT INTO memberships (cohort_id, user_id, institution_id, role)
        SELECT co.id, u.id, co.institution_id, r FROM co, u, unnest(ARRAY['learner', 'rep']) r
         WHERE r = 'learner' OR u.username = '${user(rep)}'`);
}
