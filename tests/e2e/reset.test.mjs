// One-time password-reset links: they work once, within 24 hours, and say
// clearly when they no longer do. Also: the audit log cannot be rewritten.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { psql, psqlResult } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());


// A new person of this file's Riverside made from the command line, without
// a password: the command prints their one-time link.
function newPersonLink(username) {
  const r = tandem(['user', 'add', username, '--email', `${username}@reset.example`, '--name', 'Reset Tester',
    '--role', 'student', '--institution', college.slug]);
  assert.equal(r.code, 0, r.err);
  return r.out.match(/\/reset\/[A-Za-z0-9_-]{43}/)[0];
}

async function choosePassword(page, password, confirm = password) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(confirm);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Set password' }).click()]);
  return response;
}

describe('password-reset links', () => {
  const stem = `reset-${Date.now() % 1e8}`;
  const username = user(stem);
  let link;
  let page;
  before(async () => { link = newPersonLink(username); page = await h.newPage(); });
  after(() => page.context().close());

  test('the link asks for a password, refusing ones that do not match', async () => {
    await h.visit(page, link);
    assert.match(await page.locator('main').innerText(), new RegExp(`as ${literal(username)}`));
    const response = await choosePassword(page, 'a fine long password', 'a different one');
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /not the same/);
    await assertAccessible(page, 'reset with mismatched passwords');
  });

  test('a good password is set, and the person can sign in with it', async () => {
    await h.visit(page, link);
    await choosePassword(page, 'a fine long password');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /password is set/);
    // The real form, always: this is where signing in after a reset link is tested.
    const response = await h.signIn(page, username, 'a fine long password', { real: true });
    assert.equal(response.status(), 200);
    assert.match(psql(`SELECT action FROM audit_log a JOIN users u ON u.id = a.target_user_id WHERE u.username = '${username}' ORDER BY a.id`),
      /password_reset_used[\s\S]*sign_in/);
  });

  test('the same link a second time says it no longer works (410)', async () => {
    const p = await h.newPage();
    await h.visit(p, link, { expectStatus: 410 });
    assert.match(await p.locator('main').innerText(), /expired or has already been used/);
    await p.context().close();
  });

  test('an expired link and a made-up one get the same answer', async () => {
    const other = user(`${stem}-x`);
    const second = newPersonLink(other);
    psql(`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE username = '${other}')`);
    const p = await h.newPage();
    await h.visit(p, second, { expectStatus: 410 });
    await h.visit(p, '/reset/' + 'x'.repeat(43), { expectStatus: 410 });
    await h.visit(p, '/reset/short', { expectStatus: 410 });
    await p.context().close();
  });
});

describe('the audit log', () => {
  // Other test files write to the same log at the same time: the rows tried
  // here are this file's people's, and the emptying is tried inside a
  // transaction rolled back, so that if the guard were gone this test would
  // fail without taking anyone else's log with it.
  const mine = `(SELECT id FROM users WHERE username LIKE '%.${college.tag}')`;
  const ours = `(actor_id IN ${mine} OR target_user_id IN ${mine})`;
  test('cannot be changed or emptied, even by the database owner', () => {
    const count = () => Number(psql(`SELECT count(*) FROM audit_log WHERE ${ours}`));
    const before = count();
    assert.ok(before > 0, 'this file\'s people have nothing in the audit log to try to change');
    for (const sql of [`UPDATE audit_log SET action = 'nothing' WHERE ${ours}`, `DELETE FROM audit_log WHERE ${ours}`,
      'TRUNCATE audit_log']) {
      const r = psqlResult(`BEGIN; ${sql}; ROLLBACK;`);
      assert.notEqual(r.status, 0, `${sql} was allowed`);
      assert.match(r.stderr, /the audit log cannot be changed/);
    }
    assert.equal(count(), before);
    assert.equal(psql(`SELECT count(*) FROM audit_log WHERE ${ours} AND action = 'nothing'`), '0');
  });
});
