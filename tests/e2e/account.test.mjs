// Signing in and out, as a person does it in the browser, and the checks
// that protect it: CSRF, foreign origins, wrong passwords, rate limiting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness, loginFormState, request } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { clearLoginFailures, psql } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());
const form = { 'content-type': 'application/x-www-form-urlencoded' };

// Every test signs in from 127.0.0.1, so failures from one test count
// against the address in the next: the lock-out test starts from none of
// this file's people's (clearLoginFailures). Other files sign in from the
// same address at the same time; the address's own limit
// (TANDEM_LOGIN_ADDRESS_LIMIT) is tested alone, in alone/.
//
// The sign-ins here are the real thing every time ({real: true}): this file
// is where signing in with a password is tested; other files may reuse a
// session their first sign-in made (lib/browser.mjs, signIn).

describe('a student signs in and out', () => {
  let page;
  before(async () => { page = await h.newPage(); });
  after(() => page.context().close());

  test('the right password opens their home page', async () => {
    await h.visit(page, '/login'); // the sign-in page itself, checked by axe and the Nu checker
    const response = await h.signIn(page, 'amira', 'tandem-demo', { real: true });
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await page.locator('h1').innerText(), /Welcome back, Amira Hassan/);
    await assertAccessible(page, 'signed-in home');
  });

  test('the session cookie is HttpOnly and SameSite', async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tandem_session');
    assert.ok(cookie, 'no tandem_session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.value.length, 43);
  });

  test('visiting the sign-in page again goes home', async () => {
    await page.goto(BASE_URL + '/login');
    assert.equal(new URL(page.url()).pathname, '/');
  });

  test('signing out ends the session on the server', async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'tandem_session');
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: /Sign out/ }).click(),
    ]);
    assert.match(await page.locator('h1').innerText(), /Learning, planned together/);
    // The old token no longer works, even if someone kept a copy of it.
    const res = await request('GET', '/', { headers: { cookie: `tandem_session=${cookie.value}` } });
    assert.doesNotMatch(res.body, /Welcome back/);
  });
});

describe('sign-in refuses what it should', () => {
  let page;
  before(async () => { page = await h.newPage(); });
  after(async () => {
    await page.context().close();
    clearLoginFailures();
  });

  test('a wrong password is explained, keeps the username, and is accessible', async () => {
    const response = await h.signIn(page, 'jack', 'not-his-password', { real: true });
    assert.equal(response.status(), 401);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /username or password is not right/);
    assert.equal(await page.getByLabel('Username').inputValue(), user('jack'));
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is never sent back');
    await assertAccessible(page, 'wrong password');
  });

  test('an empty username is named in the error', async () => {
    await h.visit(page, '/login');
    await page.getByLabel('Password').fill('x');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter your username/);
  });

  test('a form without its CSRF token is refused with 403', async () => {
    const { cookie } = await loginFormState();
    const res = await request('POST', '/login', {
      headers: { ...form, cookie }, body: `username=${encodeURIComponent(user('amira'))}&password=tandem-demo`,
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers['set-cookie']?.some((c) => c.startsWith('tandem_session=')) ?? false, false);
  });

  test('a form posted from another site is refused with 403', async () => {
    const { cookie, csrf } = await loginFormState();
    const res = await request('POST', '/login', {
      headers: { ...form, cookie, origin: 'https://evil.example' },
      body: `username=${encodeURIComponent(user('amira'))}&password=tandem-demo&csrf_token=${encodeURIComponent(csrf)}`,
    });
    assert.equal(res.status, 403);
    h.saveHtml('foreign origin 403', res.body);
  });

  test('after sign-in, "next" returns to the page asked for, but never to another site', async () => {
    const { cookie, csrf } = await loginFormState();
    // Browsers read "\" as "/" and drop tabs and line breaks from an address:
    // "/\host" and "/<tab>/host" are both "//host", another site.
    const away = ['//evil.example/x', 'https://evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example'];
    for (const [next, expected] of [['/healthz', '/healthz'], ...away.map((a) => [a, '/'])]) {
      const res = await request('POST', '/login', {
        headers: { ...form, cookie },
        body: `username=${encodeURIComponent(user('priya'))}&password=tandem-demo&next=${encodeURIComponent(next)}&csrf_token=${encodeURIComponent(csrf)}`,
      });
      assert.equal(res.status, 303, `next=${next}`);
      assert.equal(res.headers.location, expected, `next=${next}`);
    }
  });

  test('failures slow an account down, growing, never locking it; the browser it signed in from before still gets in', async () => {
    clearLoginFailures();
    const { cookie, csrf } = await loginFormState();
    const attempt = (name, password, device = '') => request('POST', '/login', {
      headers: { ...form, cookie: device ? `${cookie}; tandem_device=${device}` : cookie },
      body: `username=${encodeURIComponent(user(name))}&password=${encodeURIComponent(password)}&csrf_token=${encodeURIComponent(csrf)}`,
    });
    const signsIn = (res) => [].concat(res.headers['set-cookie'] || []).some((c) => c.startsWith('tandem_session='));
    /** A 429 that says when to come back: Retry-After in (low, high] seconds, and the same in words. */
    const assertWaits = (res, low, high, words, who) => {
      assert.equal(res.status, 429, who);
      const wait = Number(res.headers['retry-after']);
      assert.ok(wait > low && wait <= high, `${who}: Retry-After ${wait}, expected (${low}, ${high}]`);
      assert.match(res.body, new RegExp(`Too many failed attempts\\. Try again in ${words}\\.`), who);
      assert.equal(signsIn(res), false, who);
    };
    /** Moves the name's failures back in time, as if that long had passed. */
    const later = (name, seconds) => psql(`UPDATE login_failures SET at = at - interval '${seconds} seconds' WHERE username = '${user(name)}'`);

    // David signs in once from his own browser, which keeps a device cookie.
    const mine = await attempt('david', 'tandem-demo');
    assert.equal(mine.status, 303);
    const device = [].concat(mine.headers['set-cookie']).find((c) => c.startsWith('tandem_device=')).split(';')[0].split('=')[1];
    assert.ok(device.length >= 40, 'a device cookie of a random token');

    // Someone else tries passwords for him: five free, then growing waits.
    for (let i = 0; i < 5; i++) assert.equal((await attempt('david', `guess ${i}`)).status, 401, `failure ${i + 1}`);
    assertWaits(await attempt('david', 'tandem-demo'), 0, 15, '\\d+ seconds?', 'the sixth try, even with the right password');
    later('david', 16);
    assert.equal((await attempt('david', 'guess 6')).status, 401, 'after 15 s, one more try');
    assertWaits(await attempt('david', 'guess 7'), 15, 30, '\\d+ seconds?', 'then 30 s');
    later('david', 31);
    assert.equal((await attempt('david', 'guess 8')).status, 401);
    assertWaits(await attempt('david', 'guess 9'), 30, 60, '(\\d+ seconds?|1 minute)', 'then a minute');
    psql(`INSERT INTO login_failures (username, address) SELECT '${user('david')}', '127.0.0.1' FROM generate_series(1, 6)`);
    assertWaits(await attempt('david', 'tandem-demo'), 840, 900, '15 minutes', 'twelve failures: 15 minutes, the most it grows to');

    // His own browser is not slowed down by them: he signs in at once.
    const again = await attempt('david', 'tandem-demo', device);
    assert.equal(again.status, 303, 'David, from the browser he signed in from before');
    assert.equal(signsIn(again), true);
    // Its own failures are counted apart, and slow down that browser alone.
    for (let i = 0; i < 5; i++) assert.equal((await attempt('david', `typo ${i}`, device)).status, 401, `his typo ${i + 1}`);
    assertWaits(await attempt('david', 'tandem-demo', device), 0, 15, '\\d+ seconds?', 'his own browser, after five typos of its own');
    // A device cookie is trusted only for the people it signed in.
    assertWaits(await attempt('david', 'tandem-demo', 'a'.repeat(43)), 840, 900, '15 minutes', 'a made-up device cookie');

    // The waits are the account's, not the address's: someone else signs in,
    // and a device cookie planted in her browser is replaced, never trusted.
    const planted = 'p'.repeat(43);
    const other = await attempt('priya', 'tandem-demo', planted);
    assert.equal(other.status, 303, 'another account, from the same address');
    assert.equal(signsIn(other), true);
    const given = [].concat(other.headers['set-cookie']).find((c) => c.startsWith('tandem_device='));
    assert.ok(given && !given.startsWith(`tandem_device=${planted};`), 'a new device cookie, not the one planted');
    // A name that is nobody's is answered alike, so waits tell no one which names exist.
    const ghost = 'nobody-here';
    for (let i = 0; i < 5; i++) assert.equal((await attempt(ghost, 'x')).status, 401, `ghost failure ${i + 1}`);
    assertWaits(await attempt(ghost, 'x'), 0, 15, '\\d+ seconds?', 'an account that does not exist');
    clearLoginFailures();
  });
});
