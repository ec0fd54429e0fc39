// Single sign-on with OpenID Connect, end to end: a real OpenID provider
// (npm oidc-provider, lib/oidc_provider.mjs) on loopback, started and
// stopped by this file, Chromium going through the whole redirect flow,
// and Tandem's C code checking every token itself. Each bad input gets a
// clear page, and password sign-in still works afterwards where the
// college allows it.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { psql } from './lib/db.mjs';
import { resign, signingKey, startProvider } from './lib/oidc_provider.mjs';

const h = harness(import.meta.url);

// This file's colleges' own email domains, so that finding a college by the
// address typed never meets another file's (or an earlier run's) copy.
const DOMAIN = `${college.tag}.example`;
const NORTH_DOMAIN = `north-${college.tag}.example`;
const CLIENT_ID = 'tandem-test';
const CLIENT_SECRET = `secret-${college.tag}-do-not-show`;
const PROVIDER_NAME = 'Test ID';

/** A loopback port nothing listens on: one the kernel gave and took back. */
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** The provider's accounts: sub -> claims. Tests change them. */
const accounts = {
  'amira-sub': { email: `amira@${DOMAIN}`, email_verified: true, name: 'Amira Hassan' },
  'priya-sub': { email: `priya@${DOMAIN}`, email_verified: true, name: 'Priya Shah' },
  'jack-sub': { email: `jack@${DOMAIN}`, email_verified: true, name: 'Jack' },
  'grace-sub': { email: `grace@${DOMAIN}`, email_verified: true, name: 'Grace' },
  'outsider-sub': { email: `amira@elsewhere.example`, email_verified: true, name: 'Amira elsewhere' },
  'nobody-sub': { email: `nobody@${DOMAIN}`, email_verified: true, name: 'Nobody' },
  'nadia-sub': { email: `nadia@${NORTH_DOMAIN}`, email_verified: true, name: 'Nadia' },
  'newcomer-sub': { email: `new.comer@${DOMAIN}`, email_verified: true, name: 'New Comer' },
};

let idp;
let deadPort;
before(async () => {
  await h.launch();
  for (const [slug, domain] of [[college.slug, DOMAIN], [college.northSlug, NORTH_DOMAIN]]) {
    psql(`UPDATE users SET email = split_part(username, '.', 1) || '@${domain}'
           WHERE institution_id = (SELECT id FROM institutions WHERE slug = '${slug}')`);
  }
  const [proxyPort, providerPort] = [await freePort(), await freePort()];
  deadPort = await freePort();
  idp = await startProvider({
    providerPort, proxyPort, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET,
    redirectUri: `${BASE_URL}/oidc/callback`, accounts,
  });
});
after(async () => {
  await idp?.stop();
  await h.close();
});

/** Fills and saves /admin/sign-in on page (signed in as an administrator). */
async function saveSettings(page, { issuer = idp.issuer, secret = CLIENT_SECRET, domains = DOMAIN, passwords = 'on', create = 'off' } = {}) {
  await h.visit(page, '/admin/sign-in');
  await page.getByLabel('Name on the sign-in button').fill(PROVIDER_NAME);
  await page.getByLabel('Issuer URL').fill(issuer);
  await page.getByLabel('Client ID').fill(CLIENT_ID);
  await page.getByLabel('Client secret').fill(secret);
  await page.getByLabel('Email domains').fill(domains);
  await page.getByLabel(/By email address/).check();
  await page.getByLabel(passwords === 'on' ? /can still sign in with a Tandem password/ : /Only single sign-on/).check();
  await page.getByLabel(create === 'on' ? /Gets a student account/ : /Is refused: add people first/).check();
  return h.click(page, page.getByRole('button', { name: 'Check and save' }), 'admin sign-in saved');
}

/**
 * Signs in through the provider on page as its account sub, starting from
 * the college's sign-in page: Tandem's button, the provider's own sign-in
 * and consent pages, and back. The response of the page it ends on (saved
 * for the Nu checker when it is Tandem's).
 */
async function ssoSignIn(page, sub, slug = college.slug) {
  await page.goto(`${BASE_URL}/login?college=${slug}`);
  const [first] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click()]);
  if (!new URL(page.url()).pathname.startsWith('/interaction/')) return keep(first, 'after the sign-in button');
  await page.locator('input[name=login]').fill(sub);
  await page.locator('input[name=password]').fill('any password: the test provider takes any');
  let [response] = await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
  if (await page.locator('input[name=prompt][value=consent]').count()) {
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
  }
  return keep(response, `after single sign-on as ${sub}`);
}

async function keep(response, label) {
  if (response.url().startsWith(BASE_URL)) h.saveHtml(label, await response.text());
  return response;
}

/** The refusal page says message (a RegExp), is accessible, and offers the ways back. */
async function assertRefused(page, response, status, message, label) {
  assert.equal(response.status(), status, `${label}: status`);
  assert.match(await page.locator('main').innerText(), message, label);
  assert.equal(await page.locator('form[action="/logout"]').count(), 0, `${label}: nobody is signed in`);
  await assertAccessible(page, label);
}

/** Password sign-in as name still works, in a browser of its own. */
async function passwordStillWorks(name = 'grace') {
  const page = await h.newPage();
  try {
    const response = await h.signIn(page, name, 'tandem-demo', { real: true });
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.locator('form[action="/logout"]').count(), 1, `${name} signed in with a password`);
  } finally {
    await page.context().close();
  }
}

/** A fresh page; the test closes its context. */
const withPage = async (fn, options) => {
  const page = await h.newPage(options);
  try { return await fn(page); } finally { await page.context().close(); }
};

describe('the college administrator sets single sign-on up', () => {
  let page;
  before(async () => { page = await h.newPage(); await h.signIn(page, 'admin'); });
  after(() => page.context().close());

  test('the page shows the redirect URI to register, and nothing is set up yet', async () => {
    await h.visit(page, '/admin/sign-in');
    assert.equal(await page.locator('#redirect-uri').innerText(), `${BASE_URL}/oidc/callback`);
    assert.match(await page.locator('main').innerText(), /not set up yet/);
  });

  test('an issuer that cannot be reached is refused when saved, with the reason', async () => {
    const response = await saveSettings(page, { issuer: `http://127.0.0.1:${deadPort}` });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /could not be reached/);
    assert.match(await page.locator('#issuer-error').innerText(), /could not be reached/);
    await assertAccessible(page, 'admin sign-in: unreachable issuer');
    assert.equal(psql(`SELECT count(*) FROM oidc_providers WHERE institution_id = (SELECT id FROM institutions WHERE slug = '${college.slug}')`), '0');
  });

  test('a discovery document that names another issuer is refused', async () => {
    const response = await saveSettings(page, { issuer: `${idp.issuer}/` });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /names the issuer "http:\/\/127\.0\.0\.1:\d+", not/);
  });

  test('an issuer that is not https (or this machine) is refused', async () => {
    const response = await saveSettings(page, { issuer: 'http://127.0.0.1.example.com' });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('#issuer-error').innerText(), /must start with https:\/\//);
  });

  test('bad domains are refused and named', async () => {
    const response = await saveSettings(page, { domains: 'not a domain' });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('#email_domains-error').innerText(), /is not a domain name/);
  });

  test('a working provider is saved, the secret is never shown again, and the change is audited', async () => {
    const response = await saveSettings(page);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Single sign-on is saved/);
    await assertAccessible(page, 'admin sign-in saved');
    const html = await page.content();
    assert.ok(!html.includes(CLIENT_SECRET), 'the client secret is in the page');
    assert.match(await page.locator('#client_secret-hint').innerText(), /A secret is set/);
    assert.equal(await page.getByLabel('Client secret').inputValue(), '');
    assert.equal(await page.getByLabel('Issuer URL').inputValue(), idp.issuer);
    const stored = psql(`SELECT encode(client_secret, 'escape') FROM oidc_providers p JOIN institutions i ON i.id = p.institution_id WHERE i.slug = '${college.slug}'`);
    assert.ok(!stored.includes(CLIENT_SECRET), 'the secret is stored in the clear');
    assert.match(psql(`SELECT detail FROM audit_log WHERE action = 'sign_in_settings' AND institution_id = (SELECT id FROM institutions WHERE slug = '${college.slug}')`),
      /issuer http:\/\/127\.0\.0\.1:\d+, client tandem-test, .*client secret replaced/);
  });

  test('saving again without a secret keeps the one set', async () => {
    await h.visit(page, '/admin/sign-in');
    await page.getByLabel('Email domains').fill(`${DOMAIN}, students.${DOMAIN}`);
    const response = await h.click(page, page.getByRole('button', { name: 'Check and save' }), 'admin sign-in saved again');
    assert.equal(response.status(), 200);
    assert.match(psql(`SELECT detail FROM audit_log WHERE action = 'sign_in_settings' AND institution_id = (SELECT id FROM institutions WHERE slug = '${college.slug}') ORDER BY id DESC LIMIT 1`),
      /client secret kept/);
  });

  test('another college\'s administrator sees only their own college\'s settings', async () => {
    await withPage(async (north) => {
      await h.signIn(north, 'northadmin');
      await h.visit(north, '/admin/sign-in', { axe: false });
      assert.match(await north.locator('main').innerText(), /not set up yet/);
      assert.equal(await north.getByLabel('Issuer URL').inputValue(), '');
    });
  });

  test('a student cannot open the page', async () => {
    await withPage(async (student) => {
      await h.signIn(student, 'jack');
      const response = await student.goto(`${BASE_URL}/admin/sign-in`);
      assert.ok([403, 404].includes(response.status()), `status ${response.status()}`);
    });
  });
});

describe('students and tutors sign in with their college account', () => {
  test('the sign-in page finds the college by the email address typed', async () => {
    await withPage(async (page) => {
      await h.visit(page, '/login');
      await page.getByLabel('College email address').fill(`amira@${DOMAIN}`);
      const response = await h.click(page, page.getByRole('button', { name: 'Continue' }), 'college found by email');
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).searchParams.get('college'), college.slug);
      assert.equal(await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).count(), 1);
      assert.equal(await page.getByLabel('Username').count(), 1, 'passwords still offered');
      await assertAccessible(page, 'sign-in page with the college\'s button');
    });
  });

  test('an address at a domain no college uses is explained', async () => {
    await withPage(async (page) => {
      await h.visit(page, '/login');
      await page.getByLabel('College email address').fill('someone@nowhere-at-all.example');
      const response = await h.click(page, page.getByRole('button', { name: 'Continue' }), 'no college for the domain');
      assert.equal(response.status(), 404);
      assert.match(await page.locator('#email-error').innerText(), /No college on this Tandem signs in addresses at nowhere-at-all\.example/);
      await assertAccessible(page, 'sign-in page: no college for the domain');
    });
  });

  test('a student signs in through the provider, without JavaScript, and lands where they were going', async () => {
    await withPage(async (page) => {
      await page.goto(`${BASE_URL}/login?college=${college.slug}&next=/portfolio`);
      const response = await ssoSignIn(page, 'amira-sub');
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('amira').replace(/\./g, '\\.')}\\)`));
      assert.equal(psql(`SELECT count(*) FROM oidc_links l JOIN users u ON u.id = l.user_id WHERE u.username = '${user('amira')}' AND l.subject = 'amira-sub'`), '1');
      assert.match(psql(`SELECT detail FROM audit_log WHERE action = 'sign_in' AND target_user_id = (SELECT id FROM users WHERE username = '${user('amira')}') ORDER BY id DESC LIMIT 1`), /signed in with Test ID/);
    }, { javaScriptEnabled: false });
  });

  test('"next" is kept through the provider', async () => {
    await withPage(async (page) => {
      await page.goto(`${BASE_URL}/login?college=${college.slug}&next=/portfolio`);
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click()]);
      await page.locator('input[name=login]').fill('priya-sub');
      await page.locator('input[name=password]').fill('x');
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/portfolio');
      assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('priya').replace(/\./g, '\\.')}\\)`));
    });
  });

  test('a tutor signs in through the provider', async () => {
    await withPage(async (page) => {
      const response = await ssoSignIn(page, 'priya-sub');
      assert.equal(response.status(), 200);
      assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('priya').replace(/\./g, '\\.')}\\)`));
    });
  });

  test('a second sign-in uses the stored link: a new address at the provider still signs in', async () => {
    accounts['amira-sub'].email = `amira.hassan@${DOMAIN}`; // matches no Tandem account's address
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'amira-sub');
        assert.equal(response.status(), 200);
        assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('amira').replace(/\./g, '\\.')}\\)`));
      });
    } finally {
      accounts['amira-sub'].email = `amira@${DOMAIN}`;
    }
  });

  test('the provider\'s keys rotated: Tandem fetches the new set once and signs in', async () => {
    const rotated = await signingKey('provider-key-2');
    idp.proxy.jwks = { keys: [idp.key.pub, rotated.pub] };
    idp.proxy.rewrite = (token) => resign(token, rotated);
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'grace-sub');
        assert.equal(response.status(), 200);
        assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('grace').replace(/\./g, '\\.')}\\)`));
      });
    } finally {
      idp.reset();
    }
  });
});

describe('bad input gets a clear page, and passwords still work', () => {
  /** Signs in as jack with the token rewritten by rewrite; the refusal. */
  const tampered = async (rewrite, message, label) => {
    idp.proxy.rewrite = rewrite;
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'jack-sub');
        await assertRefused(page, response, 401, message, label);
      });
    } finally {
      idp.reset();
    }
    await passwordStillWorks();
  };

  test('a token signed with a key not in the provider\'s JWKS', async () => {
    const forged = await signingKey('forged-key');
    await tampered((t) => resign(t, forged), /not signed with any of its keys/, 'token signed with an unknown key');
  });

  test('a token signed with another key under the provider\'s own key id', async () => {
    const forged = await signingKey(idp.key.kid);
    await tampered((t) => resign(t, forged), /not signed with any of its keys/, 'token signed with a forged key');
  });

  test('a token from another issuer', async () => {
    await tampered((t) => resign(t, idp.key, (c) => ({ ...c, iss: 'https://issuer.example' })), /issued by another service/, 'wrong issuer');
  });

  test('a token for another audience', async () => {
    await tampered((t) => resign(t, idp.key, (c) => ({ ...c, aud: 'someone-else' })), /issued for another application/, 'wrong audience');
  });

  test('a token for several audiences that does not say it is ours (azp)', async () => {
    await tampered((t) => resign(t, idp.key, (c) => ({ ...c, aud: [CLIENT_ID, 'someone-else'], azp: 'someone-else' })), /issued for another application/, 'wrong azp');
  });

  test('an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await tampered((t) => resign(t, idp.key, (c) => ({ ...c, iat: now - 7200, exp: now - 3600 })), /has expired/, 'expired token');
  });

  test('a token whose nonce is another sign-in\'s', async () => {
    await tampered((t) => resign(t, idp.key, (c) => ({ ...c, nonce: 'another-sign-in' })), /nonce does not match/, 'nonce mismatch');
  });

  test('a callback without state', async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${BASE_URL}/oidc/callback?code=abc`);
      h.saveHtml('callback without state', await response.text());
      await assertRefused(page, response, 400, /incomplete \(it has no state\)/, 'missing state');
    });
    await passwordStillWorks();
  });

  test('a replayed state: the callback address used a second time', async () => {
    let callback;
    await withPage(async (page) => {
      page.on('request', (req) => { if (req.url().startsWith(`${BASE_URL}/oidc/callback`)) callback = req.url(); });
      const response = await ssoSignIn(page, 'jack-sub');
      assert.equal(response.status(), 200);
    });
    assert.ok(callback, 'the callback address was seen');
    await withPage(async (page) => {
      // The same browser state as the first time: its state cookie too.
      const state = new URL(callback).searchParams.get('state');
      await page.context().addCookies([{ name: 'tandem_oidc', value: state, url: BASE_URL }]);
      const response = await page.goto(callback);
      h.saveHtml('replayed state', await response.text());
      await assertRefused(page, response, 400, /already been used or has expired/, 'replayed state');
    });
    await passwordStillWorks();
  });

  test('a callback in a browser that did not start the sign-in', async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${BASE_URL}/oidc/callback?code=abc&state=someone-elses-state`);
      await assertRefused(page, response, 400, /not started in this browser/, 'state of another browser');
    });
  });

  test('a provider that is down', async () => {
    idp.proxy.mode = 'down';
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'jack-sub');
        await assertRefused(page, response, 502, /could not be reached/, 'provider down');
        assert.match(await page.locator('main').innerText(), /Sign in with your Tandem username and password/);
      });
    } finally {
      idp.reset();
    }
    await passwordStillWorks();
  });

  test('a provider that answers too slowly', async () => {
    idp.proxy.mode = 'slow';
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'jack-sub');
        await assertRefused(page, response, 502, /did not answer within \d+ seconds/, 'provider slow');
      });
    } finally {
      idp.reset();
    }
    await passwordStillWorks();
  });

  test('an account at a domain the college does not allow', async () => {
    await withPage(async (page) => {
      const response = await ssoSignIn(page, 'outsider-sub');
      await assertRefused(page, response, 403, /amira@elsewhere\.example\) is not at one of .*email domains/, 'domain not allowed');
    });
    await passwordStillWorks();
  });

  test('no matching account', async () => {
    await withPage(async (page) => {
      const response = await ssoSignIn(page, 'nobody-sub');
      await assertRefused(page, response, 403, new RegExp(`no Tandem account at .* for nobody@${DOMAIN.replace(/\./g, '\\.')}`), 'no matching account');
    });
    await passwordStillWorks();
  });

  test('a suspended account', async () => {
    psql(`UPDATE users SET status = 'suspended' WHERE username = '${user('jack')}'`);
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'jack-sub');
        await assertRefused(page, response, 403, /Your account is suspended/, 'suspended account');
      });
    } finally {
      psql(`UPDATE users SET status = 'active' WHERE username = '${user('jack')}'`);
    }
    await passwordStillWorks();
  });
});

describe('a college that makes accounts at the first sign-in', () => {
  test('someone at its domains without an account gets a student account, linked', async () => {
    await withPage(async (admin) => {
      await h.signIn(admin, 'admin');
      const response = await saveSettings(admin, { secret: '', create: 'on' });
      assert.equal(response.status(), 200);
      assert.match(psql(`SELECT detail FROM audit_log WHERE action = 'sign_in_settings' AND institution_id = (SELECT id FROM institutions WHERE slug = '${college.slug}') ORDER BY id DESC LIMIT 1`),
        /new accounts on, client secret kept/);
    });
    try {
      await withPage(async (page) => {
        const response = await ssoSignIn(page, 'newcomer-sub');
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('form[action="/logout"]').count(), 1, 'signed in');
        const made = psql(`SELECT u.username || ' ' || u.roles || ' ' || u.display_name || ' ' || u.email
                             FROM oidc_links l JOIN users u ON u.id = l.user_id
                            WHERE l.subject = 'newcomer-sub' AND u.institution_id = (SELECT id FROM institutions WHERE slug = '${college.slug}')`);
        assert.match(made, new RegExp(`^new\\.comer(-\\d+)? 1 New Comer new\\.comer@${DOMAIN.replace(/\./g, '\\.')}$`));
        assert.match(await page.locator('footer').innerText(), /New Comer \(new\.comer/);
      });
      await withPage(async (page) => { // outside the domains: still refused
        const response = await ssoSignIn(page, 'outsider-sub');
        assert.equal(response.status(), 403);
      });
    } finally {
      await withPage(async (admin) => {
        await h.signIn(admin, 'admin');
        assert.equal((await saveSettings(admin, { secret: '', create: 'off' })).status(), 200);
      });
    }
  });
});

describe('a college that turns password sign-in off', () => {
  test('refuses passwords for its people, offers its provider, and signs them in with it', async () => {
    await withPage(async (admin) => {
      await h.signIn(admin, 'northadmin');
      const response = await saveSettings(admin, { domains: NORTH_DOMAIN, passwords: 'off' });
      assert.equal(response.status(), 200);
    });
    await withPage(async (page) => {
      const response = await h.signIn(page, 'nadia', 'tandem-demo', { real: true });
      assert.equal(response.status(), 403);
      assert.match(await page.locator('.govuk-error-summary').innerText(), /turned off signing in with a Tandem password/);
      assert.equal(await page.getByLabel('Password').count(), 0, 'no password form is offered');
      assert.equal(await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).count(), 1);
      await assertAccessible(page, 'password sign-in turned off');
      assert.equal(await page.locator('form[action="/logout"]').count(), 0);
    });
    await withPage(async (page) => {
      const response = await ssoSignIn(page, 'nadia-sub', college.northSlug);
      assert.equal(response.status(), 200);
      assert.match(await page.locator('footer').innerText(), new RegExp(`\\(${user('nadia').replace(/\./g, '\\.')}\\)`));
    });
    await passwordStillWorks('grace'); // Riverside keeps its passwords
  });
});
