// A connection that breaks under Tandem (PostgreSQL restarts, or ends one
// backend): what was only read is asked again on a new connection, and the
// page answers as if nothing happened; a statement that writes is not
// repeated, since it may have been done before the link broke, and the
// request answers 503 (core/db.h).
//
// In tests/e2e/alone/ because it restarts the database and ends backends of
// the server, which no other file may meet.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { loginFormState, request } from '../lib/browser.mjs';
import { user } from '../lib/college.mjs';
import { holdLocks, psql, userId } from '../lib/db.mjs';
import { stackVar } from '../lib/env.mjs';

const VAR = stackVar();
const PGBIN = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`;
const restartPostgres = () => execFileSync('runuser',
  ['-u', 'postgres', '--', `${PGBIN}/pg_ctl`, '-D', `${VAR}/pg`, '-l', `${VAR}/log/postgresql.log`, '-m', 'fast', '-w', 'restart'],
  { stdio: 'ignore' });
const serverLog = () => readFileSync(`${VAR}/log/tandem.log`, 'utf8');

/** Jack's session cookie (for the pages that read the session and their
 *  first query in one pipelined round trip) and its CSRF token. */
async function signIn() {
  const { cookie, csrf } = await loginFormState();
  const res = await request('POST', '/login', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: `username=${encodeURIComponent(user('jack'))}&password=tandem-demo&csrf_token=${encodeURIComponent(csrf)}`,
  });
  const session = [].concat(res.headers['set-cookie']).find((c) => c.startsWith('tandem_session=')).split(';')[0];
  const page = await request('GET', '/notifications', { headers: { cookie: session } });
  const token = page.body.match(/name="csrf_token" value="([^"]+)"/);
  assert.ok(token, 'no CSRF token on /notifications');
  return { cookie: session, csrf: token[1] };
}

/**
 * The first non-empty answer of `read`: a wait for a state to be reached (a
 * request blocked on its lock), not a measure of speed; the bound on the
 * number of looks (about a minute's worth) only stops a test that would
 * otherwise hang.
 */
async function waitFor(read, what) {
  for (let look = 0; look < 1200; look++) {
    const value = read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not reached after 1,200 looks: ${what}`);
}

describe('a connection that breaks under the server', () => {
  let jack, jackId;
  const unread = () => Number(psql(`SELECT count(*) FROM notifications WHERE user_id = ${jackId} AND read_at IS NULL`));
  const markAllRead = () => request('POST', '/notifications/read', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jack.cookie },
    body: `csrf_token=${encodeURIComponent(jack.csrf)}`,
  });

  before(async () => {
    jack = await signIn();
    jackId = userId('jack');
    psql(`INSERT INTO notifications (institution_id, user_id, kind, subject, link)
          SELECT institution_id, id, 'test', 'Something to read', '/' FROM users WHERE id = ${jackId}`);
  });

  test('a write cut off with its connection is not repeated on the next one', async () => {
    assert.ok(unread() > 0, 'Jack has unread notifications to begin with');
    // The UPDATE waits on a lock; its backend is ended while it waits: the
    // server cannot tell that from a write done just before the link broke.
    const release = await holdLocks(`SELECT id FROM notifications WHERE user_id = ${jackId} AND read_at IS NULL FOR UPDATE`);
    const answer = markAllRead();
    try {
      const pid = await waitFor(() => psql(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                                              AND query LIKE 'UPDATE notifications SET read_at = now()%'`),
      'the UPDATE waiting on the lock');
      psql(`SELECT pg_terminate_backend(${pid})`);
    } finally {
      await release();
    }
    const res = await answer;
    assert.equal(res.status, 503, 'the cut-off write is answered as the database not answering');
    assert.match(res.body, /The database is not answering/);
    assert.ok(unread() > 0, 'the write was done again on the new connection');
    assert.match(serverLog(), /statement notification_read_all was cut off .* not repeated/);
    // Asked again, on the new connection, it is done once.
    assert.equal((await markAllRead()).status, 303);
    assert.equal(unread(), 0);
  });

  test('a read is asked again on a new connection after PostgreSQL restarts', async () => {
    // /healthz reads with one statement (db_run); the signed-in home reads
    // the session and the page in one pipeline (db_run_pipeline). Every
    // worker's connection is broken by each restart.
    restartPostgres();
    const health = await request('GET', '/healthz');
    assert.equal(health.status, 200, `first /healthz after a restart: ${health.body}`);
    restartPostgres();
    const home = await request('GET', '/', { headers: { cookie: jack.cookie } });
    assert.equal(home.status, 200, 'first signed-in page after a restart');
    assert.match(home.body, /Welcome back/);
    restartPostgres();
    const results = await Promise.all(Array.from({ length: 48 }, (_, i) =>
      request('GET', ['/healthz', '/', '/notifications'][i % 3], i % 3 ? { headers: { cookie: jack.cookie } } : {})));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200], 'every worker\'s first pages after a restart');
  });
});
