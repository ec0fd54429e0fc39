// Each kind of person signs in and finds what they may use, and nothing
// else: other people's and other colleges' things answer 404 whatever the
// address typed. Also the self-service pages: profile, password, sessions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness, request } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { psql } from './lib/db.mjs';
import { tandem } from './lib/env.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

async function signedIn(username, password = 'tandem-demo') {
  const page = await h.newPage();
  await h.signIn(page, username, password);
  assert.equal(new URL(page.url()).pathname, '/', `${username} did not reach home`);
  return page;
}

const navLabels = (page) => page.locator('header nav a, header nav button').allInnerTexts();

describe('what each role sees and reaches', () => {
  const cases = [
    { user: 'amira', admin: false, groups: /Engineering Level 3, group A[\s\S]*learner and the student representative/ },
    { user: 'priya', admin: false, groups: /Engineering Level 3, group A[\s\S]*You teach this group/ },
    { user: 'david', admin: false, groups: /not in any teaching group/ },
    { user: 'helen', admin: false, groups: /not in any teaching group/ },
    { user: 'admin', admin: true, groups: /not in any teaching group/ },
    { user: 'siteadmin', admin: true, groups: /not in any teaching group/ },
  ];
  for (const c of cases) {
    test(`${c.user}: home, navigation, and administration ${c.admin ? 'open' : 'closed'}`, async () => {
      const page = await signedIn(c.user);
      try {
        await assertAccessible(page, `home as ${c.user}`);
        assert.match(await page.locator('main').innerText(), c.groups);
        const nav = (await navLabels(page)).join(' | ');
        assert.match(nav, /Your account/);
        assert.match(nav, /Sign out/);
        assert.equal(/Administration/.test(nav), c.admin, `nav for ${c.user}: ${nav}`);
        const res = await page.goto(BASE_URL + '/admin');
        assert.equal(res.status(), c.admin ? 200 : 404, `/admin as ${c.user}`);
      } finally {
        await page.context().close();
      }
    });
  }

  test('a visitor asking for a signed-in page is sent to sign in, then back', async () => {
    const page = await h.newPage();
    await page.goto(BASE_URL + `/u/${user('priya')}`);
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.getByLabel('Username').fill(user('jack'));
    await page.getByLabel('Password').fill('tandem-demo');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
    assert.equal(new URL(page.url()).pathname, `/u/${user('priya')}`);
    assert.match(await page.locator('h1').innerText(), /Priya Sharma/);
    await page.context().close();
  });
});

describe('profiles', () => {
  let page;
  before(async () => { page = await signedIn('jack'); });
  after(() => page.context().close());

  test('a classmate\'s profile shows their name, pronouns, bio and groups', async () => {
    await h.visit(page, `/u/${user('amira')}`);
    const main = await page.locator('main').innerText();
    assert.match(main, /Amira Hassan/);
    assert.match(main, /Engineering Level 3, group A/);
    assert.match(main, /Learner and student representative/);
  });

  test('someone at another college does not exist for me (404), nor does a made-up name', async () => {
    await h.visit(page, `/u/${user('nadia')}`, { expectStatus: 404 });
    await h.visit(page, `/u/${user('no-such-person')}`, { expectStatus: 404 });
  });

  test('I edit my profile; the page keeps line breaks and shows markup as text', async () => {
    await h.visit(page, '/account/profile');
    await page.getByLabel('Pronouns (optional)').fill('he/him');
    await page.getByLabel('About you (optional)').fill('Line one <b>not bold</b>\nLine two');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save profile' }).click()]);
    assert.equal(new URL(page.url()).pathname, `/u/${user('jack')}`);
    await assertAccessible(page, 'own profile');
    assert.equal(await page.locator('main b').count(), 0, 'user text was rendered as HTML');
    assert.match(await page.locator('main').innerText(), /Line one <b>not bold<\/b>\nLine two/);
    assert.equal(psql(`SELECT count(*) > 0 FROM audit_log a JOIN users u ON u.id = a.actor_id
                        WHERE a.action = 'profile_updated' AND u.username = '${user('jack')}'`), 't');
  });

  test('an empty name is refused and what I typed is kept', async () => {
    await h.visit(page, '/account/profile');
    await page.getByLabel('Your name').fill('   ');
    await page.getByLabel('About you (optional)').fill('kept text');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter your name/);
    assert.equal(await page.getByLabel('About you (optional)').inputValue(), 'kept text');
    assert.equal(psql(`SELECT display_name FROM users WHERE username = '${user('jack')}'`), 'Jack Thompson');
  });
});

describe('my password and my sessions', () => {
  // This suite changes liam's password: start from the demo one, so that
  // it can run again against the same database.
  before(() => {
    const r = tandem(['set-password', user('liam')], { input: 'tandem-demo\n' });
    assert.equal(r.code, 0, r.err);
  });
  test('changing the password ends my other sessions and the new one works', async () => {
    const first = await signedIn('liam');
    const second = await signedIn('liam');
    try {
      await h.visit(second, '/account');
      assert.equal(await second.locator('text=This browser').count(), 1);
      await second.getByLabel('Current password').fill('tandem-demo');
      await second.getByLabel('New password', { exact: true }).fill('a much longer secret');
      await second.getByLabel('New password again').fill('a much longer secret');
      await Promise.all([second.waitForNavigation(), second.getByRole('button', { name: 'Change password' }).click()]);
      assert.match(await second.locator('.govuk-notification-banner').innerText(), /password has been changed/);
      await assertAccessible(second, 'password changed');
      // The other browser is signed out.
      await first.goto(BASE_URL + '/account');
      assert.equal(new URL(first.url()).pathname, '/login');
      const hash = psql(`SELECT password_hash FROM users WHERE username = '${user('liam')}'`);
      assert.match(hash, /^\$argon2id\$/);
      // This file's people's sessions (other files' come and go meanwhile).
      const tokens = psql(`SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
                            WHERE u.username LIKE '%.${college.tag}'`).split('\n');
      assert.ok(tokens.length >= 1 && tokens[0] !== '', 'this file\'s people have sessions');
      for (const t of tokens) assert.match(t, /^[0-9a-f]{64}$/, 'sessions hold hashed tokens only');
      (await signedIn('liam', 'a much longer secret')).context().close();
    } finally {
      await first.context().close();
      await second.context().close();
    }
  });

  test('a wrong current password or a short new one changes nothing', async () => {
    const page = await signedIn('sofia');
    try {
      const before = psql(`SELECT password_hash FROM users WHERE username = '${user('sofia')}'`);
      for (const [current, fresh, message] of [['wrong-password', 'a long enough one', /current password is not right/],
        ['tandem-demo', 'short', /at least 10 characters/]]) {
        await h.visit(page, '/account');
        await page.getByLabel('Current password').fill(current);
        await page.getByLabel('New password', { exact: true }).fill(fresh);
        await page.getByLabel('New password again').fill(fresh);
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.waitForLoadState();
        assert.match(await page.locator('.govuk-error-summary').innerText(), message);
      }
      assert.equal(psql(`SELECT password_hash FROM users WHERE username = '${user('sofia')}'`), before);
    } finally {
      await page.context().close();
    }
  });

  test('I can sign out another session, but not someone else\'s', async () => {
    const a = await signedIn('tom');
    const b = await signedIn('tom');
    try {
      await h.visit(b, '/account');
      await b.getByRole('button', { name: /^Sign out Chrome/ }).first().click();
      await b.waitForLoadState();
      assert.match(await b.locator('.govuk-notification-banner').innerText(), /session has been signed out/);
      await a.goto(BASE_URL + '/account');
      assert.equal(new URL(a.url()).pathname, '/login', 'the ended session still works');
      // Someone else's session id: refused as if it did not exist, and it survives.
      const grace = await signedIn('grace');
      const graceSession = psql(`SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '${user('grace')}' ORDER BY s.id DESC LIMIT 1`);
      const res = await b.evaluate(async (id) => {
        const body = new URLSearchParams({ session_id: id, csrf_token: document.querySelector('input[name=csrf_token]').value });
        return (await fetch('/account/sessions/end', { method: 'POST', body })).status;
      }, graceSession);
      assert.equal(res, 404);
      await grace.goto(BASE_URL + '/account');
      assert.equal(new URL(grace.url()).pathname, '/account');
      await grace.context().close();
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test('sessions end after the idle time and after the absolute time, used or not', async () => {
    const page = await signedIn('grace');
    try {
      const mine = `(SELECT id FROM users WHERE username = '${user('grace')}')`;
      // Idle for longer than TANDEM_SESSION_IDLE_MINUTES (120 by default).
      psql(`UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE user_id = ${mine}`);
      await page.goto(BASE_URL + '/account');
      assert.equal(new URL(page.url()).pathname, '/login', 'an idle session still worked');
      // In use, but signed in longer ago than TANDEM_SESSION_MAX_HOURS (12).
      await h.signIn(page, 'grace');
      psql(`UPDATE sessions SET created_at = now() - interval '13 hours', last_seen_at = now() WHERE user_id = ${mine}`);
      await page.goto(BASE_URL + '/account');
      assert.equal(new URL(page.url()).pathname, '/login', 'a session past its absolute lifetime still worked');
    } finally {
      await page.context().close();
    }
  });

  test('signing in always issues a new token: a planted one is never adopted', async () => {
    const page = await h.newPage();
    const planted = 'P'.repeat(43);
    await page.context().addCookies([{ name: 'tandem_session', value: planted, url: BASE_URL }]);
    await h.signIn(page, 'jack', 'tandem-demo', { real: true });
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tandem_session');
    assert.notEqual(cookie.value, planted);
    assert.match(await page.locator('h1').innerText(), /Welcome back, Jack/);
    await page.context().close();
  });

  test('a tampered session cookie is just a visitor', async () => {
    const res = await request('GET', '/account', { headers: { cookie: 'tandem_session=' + 'A'.repeat(43) } });
    assert.equal(res.status, 303);
    assert.match(res.headers.location, /^\/login\?next=/);
  });
});
