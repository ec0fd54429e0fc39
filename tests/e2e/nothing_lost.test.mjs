// Nothing typed is lost, nothing is posted twice.
// - When a session ends while someone writes, the form that arrives after
//   it is kept, the browser goes to sign in, and after signing in the same
//   person sees what they wrote and sends it on. Kept only for the person
//   whose session it was, and only for a form that session could have sent
//   (its own CSRF token), so a form planted by another site, or a person
//   signing in next on the same computer, gets nothing.
// - A form that makes something carries a one-time key: sent again (Back
//   and send again, a double click), it makes nothing new.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);
const BODY = `Today we tested the bridge ${RUN}.\n\nIt held 5 kg & bent at 6 — "not bad".`;

/** Ends every session of name (as 3 hours idle would). */
const endSessions = (name) =>
  psql(`UPDATE sessions SET last_seen_at = now() - interval '3 hours' WHERE user_id = ${userId(name)}`);

async function writePost(page, title) {
  await h.visit(page, '/blog/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Your post').fill(BODY);
}

async function save(page) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save post' }).click()]);
  h.saveHtml('after Save post', await response.text());
  return response;
}

test('a post written as the session ended is kept through signing in, then sent as written', async () => {
  const amira = await h.newPage();
  await h.signIn(amira, 'amira', undefined, { real: true });
  await writePost(amira, `Bridge ${RUN}`);
  endSessions('amira');
  await save(amira);
  assert.equal(new URL(amira.url()).pathname, '/login');
  assert.match(await amira.locator('main').innerText(), /what you wrote has been kept/);
  assert.equal(psql(`SELECT count(*) FROM posts WHERE title = 'Bridge ${RUN}'`), '0', 'nothing saved yet');
  await amira.getByLabel('Username').fill(user('amira'));
  await amira.getByLabel('Password').fill('tandem-demo');
  await Promise.all([amira.waitForNavigation(), amira.getByRole('button', { name: 'Sign in' }).click()]);
  assert.equal(new URL(amira.url()).pathname, '/kept-form');
  assert.equal(await amira.locator('h1').innerText(), 'Send what you wrote?');
  assert.match(await amira.locator('main').innerText(), /It held 5 kg & bent at 6/);
  await assertAccessible(amira, 'a form kept through signing in');
  const [sent] = await Promise.all([amira.waitForNavigation(), amira.getByRole('button', { name: 'Send it now' }).click()]);
  assert.equal(sent.status(), 200);
  assert.equal(psql(`SELECT replace(body_md, E'\\r', '') FROM posts WHERE title = 'Bridge ${RUN}'`), BODY,
    'the post, exactly as written, line breaks and all');
  await h.visit(amira, '/kept-form', { expectStatus: 404, axe: false });
  await amira.context().close();
});

test('a form with another session\'s token, or none, is not kept', async () => {
  const amira = await h.newPage();
  await h.signIn(amira, 'amira', undefined, { real: true });
  endSessions('amira');
  for (const fields of [{ csrf_token: 'planted-by-another-site', title: `Planted ${RUN}`, body: 'x' },
                        { title: `Tokenless ${RUN}`, body: 'x' }]) {
    const res = await amira.request.post(`${BASE_URL}/blog`, { form: fields, maxRedirects: 0 });
    assert.equal(res.status(), 403, 'the old answer: sign in again');
  }
  assert.equal(psql(`SELECT count(*) FROM kept_forms WHERE user_id = ${userId('amira')}`), '0');
  await amira.context().close();
});

test('whoever signs in next on the same computer is not shown it', async () => {
  const page = await h.newPage();
  await h.signIn(page, 'amira', undefined, { real: true });
  await writePost(page, `Shared computer ${RUN}`);
  endSessions('amira');
  await save(page);
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.getByLabel('Username').fill(user('jack'));
  await page.getByLabel('Password').fill('tandem-demo');
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  assert.equal(response.status(), 404, 'Jack lands on nothing kept');
  assert.doesNotMatch(await page.locator('main').innerText(), /bridge/);
  assert.equal(psql(`SELECT count(*) FROM kept_forms WHERE user_id = ${userId('amira')}`), '1', 'still Amira\'s');
  await page.context().close();
});

test('a comment sent twice, or with a double click, is posted once', async () => {
  const post = psql(`INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                                        body_text, status, visibility, published_at)
                     SELECT institution_id, id, 2026, 11, 'twice-${RUN}', 'Twice ${RUN}', 'x', '<p>x</p>', 'x',
                            'published', 'institution', now() - interval '1 hour'
                       FROM users WHERE username = '${user('amira')}' RETURNING id`).split('\n')[0];
  const count = () => psql(`SELECT count(*) FROM comments WHERE post_id = ${post}`);
  const jack = await h.newPage();
  await h.signIn(jack, 'jack');
  await h.visit(jack, `/blog/posts/${post}`);
  await jack.getByLabel('Add a comment').fill(`Once ${RUN}`);
  const fields = {
    csrf_token: await jack.locator('form:has(#comment) input[name=csrf_token]').inputValue(),
    form_key: await jack.locator('form:has(#comment) input[name=form_key]').inputValue(),
    body: `Once ${RUN}`,
  };
  assert.ok(fields.form_key, 'the form carries a one-time key');
  const [first] = await Promise.all([jack.waitForNavigation(), jack.getByRole('button', { name: 'Post comment' }).click()]);
  assert.equal(first.status(), 200);
  const landed = new URL(jack.url()).pathname;
  assert.equal(count(), '1');
  // The same form again, as Back and send again would send it.
  const again = await h.submit(jack, `/blog/posts/${post}/comments`, fields);
  assert.equal(again.status(), 200);
  assert.equal(new URL(jack.url()).pathname, landed, 'shown where the first sending led');
  assert.equal(count(), '1', 'nothing new');
  // Two clicks as one.
  await h.visit(jack, `/blog/posts/${post}`);
  await jack.getByLabel('Add a comment').fill(`Double ${RUN}`);
  // The second click sends the form again while the first is on its way
  // (the browser drops the first answer): each sending either makes the
  // comment or finds the key taken.
  await jack.getByRole('button', { name: 'Post comment' }).dblclick();
  await jack.waitForLoadState('load');
  let made = count();
  for (let i = 0; i < 40 && made === '1'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    made = count();
  }
  assert.equal(made, '2', 'one comment for two clicks');
  // A change is applied each time it is sent: only forms that make
  // something carry a key (a page restored by Back must not drop an edit).
  const amira = await h.newPage();
  await h.signIn(amira, 'amira');
  await h.visit(amira, '/blog/new');
  assert.equal(await amira.locator('input[name=form_key]').count(), 1);
  await h.visit(amira, `/blog/posts/${post}/edit`);
  assert.equal(await amira.locator('input[name=form_key]').count(), 0);
  await amira.context().close();
  assert.equal(psql(`SELECT count(*) FROM comments WHERE post_id = ${post} AND body_md = 'Double ${RUN}'`), '1');
  await jack.context().close();
});
