// PostgreSQL stops while Tandem runs: pages answer 503 at once (no hang),
// and service comes back by itself when the database returns.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { assertInLayout, harness, loginFormState, request } from '../lib/browser.mjs';
import { user } from '../lib/college.mjs';
import { stackVar } from '../lib/env.mjs';

const h = harness(import.meta.url);
const VAR = stackVar();
const PGBIN = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`;
const pgctl = (...args) => execFileSync('runuser', ['-u', 'postgres', '--', `${PGBIN}/pg_ctl`, '-D', `${VAR}/pg`, ...args], { stdio: 'ignore' });

// A signed-in person's cookie, for the pages that look the session up
// together with their first query (one pipelined round trip).
async function sessionCookie() {
  const { cookie, csrf } = await loginFormState();
  const res = await request('POST', '/login', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: `username=${encodeURIComponent(user('jack'))}&password=tandem-demo&csrf_token=${encodeURIComponent(csrf)}`,
  });
  return [].concat(res.headers['set-cookie']).find((c) => c.startsWith('tandem_session=')).split(';')[0];
}

describe('a database outage', () => {
  let signedIn;
  after(() => { try { pgctl('-l', `${VAR}/log/postgresql.log`, '-w', 'start'); } catch { /* already running */ } });

  test('pages answer 503 quickly while PostgreSQL is down', async () => {
    assert.equal((await request('GET', '/')).status, 200);
    signedIn = { cookie: await sessionCookie() };
    assert.match((await request('GET', '/', { headers: signedIn })).body, /Welcome back/);
    pgctl('-m', 'fast', '-w', 'stop');
    const mine = await request('GET', '/', { headers: signedIn });
    assert.equal(mine.status, 503, 'signed-in home during the outage');
    for (const path of ['/healthz', '/', '/healthz']) {
      const started = Date.now();
      const res = await request('GET', path);
      const ms = Date.now() - started;
      assert.equal(res.status, 503, `GET ${path} during the outage`);
      assert.ok(ms < 1000, `GET ${path} took ${ms} ms during the outage`);
      if (path === '/') {
        assertInLayout(res.body, '503 page');
        assert.match(res.body, /briefly unavailable/);
        h.saveHtml('503 during outage', res.body);
      }
    }
    // Liveness does not depend on the database.
    assert.equal((await request('GET', '/ping')).status, 200);
  });

  test('service comes back by itself within seconds of PostgreSQL returning', async () => {
    pgctl('-l', `${VAR}/log/postgresql.log`, '-w', 'start');
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 10_000) {
      status = (await request('GET', '/healthz')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 200, 'not back 10 s after PostgreSQL started');
    // Every worker thread reconnects: many requests in a row all succeed.
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => request('GET', '/', i % 2 ? { headers: signedIn } : {})));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
    assert.ok(results.filter((r) => /Welcome back/.test(r.body)).length === 32, 'signed-in pages after the outage');
  });
});
