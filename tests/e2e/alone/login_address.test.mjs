// The sign-in limit per address (TANDEM_LOGIN_ADDRESS_LIMIT): a whole
// college may sign in from behind one NAT address, so failures there slow
// nobody else down until far more than one account's five free failures;
// past the address's own limit, every sign-in from it waits, the right
// password too, and is told for how long.
//
// In tests/e2e/alone/ because it fills the limit of 127.0.0.1, the address
// every test signs in from: scripts/test.sh runs this folder's files one at
// a time on a stack of their own, started with a low limit so that filling
// it is quick.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { loginFormState, request } from '../lib/browser.mjs';
import { user } from '../lib/college.mjs';
import { clearLoginFailures, psql } from '../lib/db.mjs';
import { need } from '../lib/env.mjs';

const LIMIT = Number(need('TANDEM_LOGIN_ADDRESS_LIMIT',
  'the stack this file runs on refuses an address after that many failures; the test fills it'));
const form = { 'content-type': 'application/x-www-form-urlencoded' };

let state;
const signIn = (name, password) => request('POST', '/login', {
  headers: { ...form, cookie: state.cookie },
  body: `username=${encodeURIComponent(user(name))}&password=${encodeURIComponent(password)}` +
    `&csrf_token=${encodeURIComponent(state.csrf)}`,
});
/** Failed sign-ins from 127.0.0.1 that still count (the last 15 minutes). */
const addressFailures = () =>
  Number(psql("SELECT count(*) FROM login_failures WHERE address = '127.0.0.1' AND at > now() - interval '15 minutes'"));

describe('one address in front of a whole college', () => {
  before(async () => {
    assert.ok(LIMIT > 12, `TANDEM_LOGIN_ADDRESS_LIMIT is ${LIMIT}: the test needs more than one account's 5`);
    clearLoginFailures();
    assert.equal(addressFailures(), 0, 'this stack has failures from 127.0.0.1 that are not this file\'s');
    state = await loginFormState();
  });

  test('one account slowed down by its failures slows nobody else down', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await signIn('david', 'wrong password')).status, 401);
    assert.equal((await signIn('david', 'tandem-demo')).status, 429, 'David\'s account waits');
    const jack = await signIn('jack', 'tandem-demo');
    assert.equal(jack.status, 303, 'Jack, from the same address, signs in');
  });

  test('past the address\'s own limit every sign-in from it waits, and is told how long', async () => {
    // Mistyped passwords of many people (and names that are nobody's), up to the limit.
    let n = addressFailures();
    const people = ['amira', 'sofia', 'liam', 'priya'];
    for (let i = 0; n < LIMIT; i++, n++) {
      const name = i % 2 ? `nobody${i}` : people[(i / 2) % people.length];
      assert.equal((await signIn(name, `not it ${i}`)).status, 401, `failure ${n + 1} of ${LIMIT}`);
    }
    const refused = await signIn('jack', 'tandem-demo');
    assert.equal(refused.status, 429, 'the right password waits too, once the address is over its limit');
    const wait = Number(refused.headers['retry-after']);
    assert.ok(wait > 840 && wait <= 900, `until the oldest of the last ${LIMIT} failures is 15 minutes old (${wait} s)`);
    assert.match(refused.body, /Too many failed attempts\. Try again in 15 minutes\./);
    clearLoginFailures();
    assert.equal((await signIn('jack', 'tandem-demo')).status, 303, 'and signs in once the failures have gone');
  });
});
