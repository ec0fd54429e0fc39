// One-time password-reset links: they work once, within 24 hours, and say
// clearly when they no longer do. Also: the audit log cannot be rewritten.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = process.env.TANDEM_BIN || resolve(ROOT, 'cgi-bin/tandem');
const psql = (sql) => spawnSync('psql', ['-h', `${process.env.TANDEM_VAR}/pgrun`, '-U', 'tandem', '-d', 'tandem', '-tAc', sql], { encoding: 'utf8' });

// A new person made from the command line, without a password: the
// command prints their one-time link.
function newPersonLink(username) {
  const out = execFileSync(BIN, ['user', 'add', username, '--email', `${username}@reset.example`, '--name', 'Reset Tester',
    '--role', 'student', '--institution', 'riverside'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, TANDEM_VAR: process.env.TANDEM_VAR } });
  return out.match(/\/reset\/[A-Za-z0-9_-]{43}/)[0];
}

async function choosePassword(page, password, confirm = password) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(confirm);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Set password' }).click()]);
  return response;
}

describe('password-reset links', { skip: !process.env.TANDEM_VAR && 'TANDEM_VAR is not set' }, () => {
  const username = `reset-${Date.now() % 1e8}`;
  let link;
  let page;
  before(async () => { link = newPersonLink(username); page = await h.newPage(); });
  after(() => page.context().close());

  test('the link asks for a password, refusing ones that do not match', async () => {
    await h.visit(page, link);
    assert.match(await page.locator('main').innerText(), new RegExp(`as ${username}`));
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
    const response = await h.signIn(page, username, 'a fine long password');
    assert.equal(response.status(), 200);
    assert.match(psql(`SELECT action FROM audit_log a JOIN users u ON u.id = a.target_user_id WHERE u.username = '${username}' ORDER BY a.id`).stdout,
      /password_reset_used[\s\S]*sign_in/);
  });

  test('the same link a second time says it no longer works (410)', async () => {
    const p = await h.newPage();
    await h.visit(p, link, { expectStatus: 410 });
    assert.match(await p.locator('main').innerText(), /expired or has already been used/);
    await p.context().close();
  });

  test('an expired link and a made-up one get the same answer', async () => {
    const second = newPersonLink(`${username}-x`);
    psql(`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE username = '${username}-x')`);
    const p = await h.newPage();
    await h.visit(p, second, { expectStatus: 410 });
    await h.visit(p, '/reset/' + 'x'.repeat(43), { expectStatus: 410 });
    await h.visit(p, '/reset/short', { expectStatus: 410 });
    await p.context().close();
  });
});

describe('the audit log', { skip: !process.env.TANDEM_VAR && 'TANDEM_VAR is not set' }, () => {
  test('cannot be changed or emptied, even by the database owner', () => {
    for (const sql of ["UPDATE audit_log SET action = 'nothing'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      const r = psql(sql);
      assert.notEqual(r.status, 0, `${sql} was allowed`);
      assert.match(r.stderr, /the audit log cannot be changed/);
    }
    assert.ok(Number(psql('SELECT count(*) FROM audit_log').stdout) > 0);
  });
});
