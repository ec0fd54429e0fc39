// Signing in and out, as a person does it in the browser, and the checks
// that protect it: CSRF, foreign origins, wrong passwords, rate limiting.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness, loginFormState, request } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { clearLoginFailures } from './lib/db.mjs';

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
    for (const [next, expected] of [['/healthz', '/healthz'], ['//evil.example/x', '/'], ['https://evil.example', '/']]) {
      const res = await request('POST', '/login', {
        headers: { ...form, cookie },
        body: `username=${encodeURIComponent(user('priya'))}&password=tandem-demo&next=${encodeURIComponent(next)}&csrf_token=${encodeURIComponent(csrf)}`,
      });
      assert.equal(res.status, 303, `next=${next}`);
      assert.equal(res.headers.location, expected, `next=${next}`);
    }
  });

  test('ten failures in a row lock the account for 15 minutes, whatever the password', async () => {
    clearLoginFailures();
    const { cookie, csrf } = await loginFormState();
    const attempt = (name, password) => request('POST', '/login', {
      headers: { ...form, cookie },
      body: `username=${encodeURIComponent(user(name))}&password=${encodeURIComponent(password)}&csrf_token=${encodeURIComponent(csrf)}`,
    });
    const assertLocked = (res, who) => {
      assert.equal(res.status, 429, who);
      assert.equal(res.headers['retry-after'], '900', who);
      assert.match(res.body, /Too many failed attempts/, who);
      assert.equal(res.headers['set-cookie']?.some((c) => c.startsWith('tandem_session=')) ?? false, false, who);
    };
    for (let i = 0; i < 10; i++) assert.equal((await attempt('david', 'wrong')).status, 401, `failure ${i + 1}`);
    assertLocked(await attempt('david', 'tandem-demo'), 'david, with his right password');
    // The lock is the account's, not the address's: someone else signs in
    // from the same address at once.
    const other = await attempt('priya', 'tandem-demo');
    assert.equal(other.status, 303, 'another account, from the same address');
    assert.equal(other.headers['set-cookie']?.some((c) => c.startsWith('tandem_session=')) ?? false, true);
    // An account that does not exist gets the same answer after ten
    // failures of its own name, so the lock tells no one which names exist.
    const ghost = 'nobody-here';
    for (let i = 0; i < 10; i++) assert.equal((await attempt(ghost, 'x')).status, 401, `ghost failure ${i + 1}`);
    assertLocked(await attempt(ghost, 'x'), 'an account that does not exist');
    // Twenty failures from this address, and still someone else gets in.
    assert.equal((await attempt('priya', 'tandem-demo')).status, 303, 'another account, after twenty failures');
  });
});
