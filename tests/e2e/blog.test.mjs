// Blogs: a student writes a post, keeps it as a draft, publishes it for
// their group with comments held for approval; a classmate reads and
// comments; people outside the group never see it; the feeds are valid
// Atom with only what they may hold; search finds what the reader may read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness, request } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const RUN = Date.now().toString(36);

const TITLE = `Testing the gearbox ${RUN}`;

// This file's Amira and her blog's address (her username is this copy's).
const AMIRA = user('amira');
const BLOG = `/u/${AMIRA}/blog`;

async function press(page, name) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  h.saveHtml(`after ${name}`, await response.text());
  return response;
}

async function fillPost(page, { title, body, tags, status, visibility }) {
  if (title !== undefined) await page.getByLabel('Title').fill(title);
  if (body !== undefined) await page.getByLabel('Your post').fill(body);
  if (tags !== undefined) await page.getByLabel(/^Tags/).fill(tags);
  if (visibility) await page.getByLabel(visibility, { exact: true }).check();
  if (status) await page.getByLabel(status, { exact: true }).check();
}

// An Atom feed parsed by the browser's XML parser: what a feed reader sees.
async function readFeed(page, path) {
  const res = await request('GET', path);
  assert.equal(res.status, 200, `GET ${path}`);
  assert.match(res.headers['content-type'], /^application\/atom\+xml/);
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return { error: doc.documentElement.textContent };
    const ns = 'http://www.w3.org/2005/Atom';
    const root = doc.documentElement;
    const child = (el, name) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
    const text = (el, name) => child(el, name)[0]?.textContent;
    return {
      root: `${root.namespaceURI} ${root.localName}`,
      id: text(root, 'id'), title: text(root, 'title'), updated: text(root, 'updated'),
      author: child(root, 'author')[0] && text(child(root, 'author')[0], 'name'),
      self: child(root, 'link').some((l) => l.getAttribute('rel') === 'self'),
      entries: child(root, 'entry').map((e) => ({
        id: text(e, 'id'), title: text(e, 'title'), updated: text(e, 'updated'),
        link: child(e, 'link').find((l) => l.getAttribute('rel') === 'alternate')?.getAttribute('href'),
        content: text(e, 'content'),
      })),
    };
  }, res.body);
}

// RFC 4287's rules for what every feed and entry must carry.
function assertValidAtom(feed, label) {
  assert.equal(feed.error, undefined, `${label}: not well-formed XML`);
  assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed', label);
  const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
  assert.ok(feed.id && feed.title !== undefined && feed.author !== undefined && feed.self, `${label}: feed id, title, author, self link`);
  assert.match(feed.updated, rfc3339, `${label}: feed updated`);
  for (const e of feed.entries) {
    assert.ok(e.id && e.title !== undefined && e.link, `${label}: entry id, title, link`);
    assert.match(e.updated, rfc3339, `${label}: entry updated`);
  }
}

describe('a learning log', () => {
  let amira, jack, postUrl, postId, groupUrl;
  before(async () => {
    amira = await h.newPage(); await h.signIn(amira, 'amira');
    jack = await h.newPage(); await h.signIn(jack, 'jack');
  });
  after(async () => { await amira.context().close(); await jack.context().close(); });

  test('a bad post is refused with a reason and nothing typed is lost', async () => {
    await h.visit(amira, '/blog/new');
    await fillPost(amira, { title: '', body: 'Words I do not want to lose.' });
    assert.equal((await press(amira, 'Save post')).status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /Enter the title/i);
    assert.equal(await amira.getByLabel('Your post').inputValue(), 'Words I do not want to lose.');
    await assertAccessible(amira, 'the post form with an error');

    await fillPost(amira, { title: TITLE, tags: `ok, ${'x'.repeat(500)}` });
    assert.equal((await press(amira, 'Save post')).status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /at most 40 characters/);
    assert.equal(await amira.getByLabel('Your post').inputValue(), 'Words I do not want to lose.');

    await fillPost(amira, { tags: 'ok', status: 'Publish it' });
    await amira.getByLabel(/Publish it later/).fill('2020-01-01T09:00');
    assert.equal((await press(amira, 'Save post')).status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /time to publish it has passed/);
    await amira.getByLabel(/Publish it later/).fill('');
  });

  test('a draft is saved, and only its author can see it', async () => {
    await h.visit(amira, '/blog/new');
    await fillPost(amira, { title: TITLE, body: 'We measured the **backlash** in the gearbox.', tags: 'Unit 6, gearbox', visibility: 'People in my groups (classmates and tutors)' });
    const saved = await press(amira, 'Save post');
    assert.equal(saved.status(), 200);
    postUrl = new URL(amira.url()).pathname;
    assert.match(postUrl, new RegExp(`^${literal(BLOG)}/\\d{4}/\\d\\d/testing-the-gearbox-${RUN}$`));
    assert.match(await amira.locator('.govuk-notification-banner').innerText(), /saved/);
    assert.match(await amira.locator('main').innerText(), /Draft/);
    assert.equal(await amira.locator('main strong', { hasText: 'backlash' }).count(), 1);
    await assertAccessible(amira, 'a draft post');
    postId = (await amira.getByRole('link', { name: 'Change this post' }).getAttribute('href')).split('/')[3];
    await h.visit(jack, postUrl, { expectStatus: 404 });
    await h.visit(jack, BLOG);
    assert.doesNotMatch(await jack.locator('main').innerText(), new RegExp(TITLE));
    assert.doesNotMatch(await (await request('GET', `${BLOG}/feed`)).body, new RegExp(TITLE));
  });

  test('published for the group, with comments held: classmates read it, nobody else does', async () => {
    await h.visit(amira, `/blog/posts/${postId}/edit`);
    await fillPost(amira, { title: `${TITLE} (renamed)`, status: 'Publish it' });
    await amira.getByLabel('Shown when I approve them').check();
    await press(amira, 'Save post');
    assert.equal(new URL(amira.url()).pathname, postUrl, 'the address stays when the title changes');
    assert.match(await amira.locator('main').innerText(), /Your groups/);

    await h.visit(jack, postUrl);
    assert.equal(await jack.locator('h1').innerText(), `${TITLE} (renamed)`);
    // The blog's index, seen by jack before it was published, shows it now.
    await h.visit(jack, BLOG);
    assert.match(await jack.locator('main').innerText(), new RegExp(`${TITLE} \\(renamed\\)`));
    for (const who of ['sofia', 'nadia']) {
      const other = await h.newPage(); await h.signIn(other, who);
      await h.visit(other, postUrl, { expectStatus: 404 });
      await h.visit(other, BLOG);
      assert.doesNotMatch(await other.locator('main').innerText(), new RegExp(TITLE));
      await other.context().close();
    }
    const visitor = await h.newPage();
    await h.visit(visitor, postUrl, { expectStatus: 404 });
    await visitor.context().close();
  });

  test('the group page and the home page show it to classmates', async () => {
    await h.visit(jack, '/');
    assert.match(await jack.locator('main').innerText(), new RegExp(TITLE));
    await jack.getByRole('link', { name: /What Engineering Level 3, group A is writing/ }).click();
    await jack.waitForLoadState();
    await assertAccessible(jack, 'the group blog page');
    groupUrl = new URL(jack.url()).pathname;
    assert.match(groupUrl, /^\/cohorts\/\d+\/blog$/);
    const groupPage = await jack.locator('main').innerText();
    assert.match(groupPage, new RegExp(`${TITLE}[\\s\\S]*Amira Hassan`));
    assert.doesNotMatch(groupPage, /Notes for our group presentation/, 'drafts stay out');
    const sofia = await h.newPage(); await h.signIn(sofia, 'sofia');
    await h.visit(sofia, groupUrl, { expectStatus: 404 });
    await sofia.context().close();
  });

  test('a comment waits for approval, then everyone who can read the post sees it', async () => {
    await h.visit(jack, postUrl);
    await jack.getByLabel('Add a comment').fill(`Did you grease it first? ${RUN}`);
    await press(jack, 'Post comment');
    assert.match(await jack.locator('main').innerText(), /approves it/);
    assert.match(await jack.locator('.tandem-comment').last().innerText(), /Waiting for approval/);

    const priya = await h.newPage(); await h.signIn(priya, 'priya');
    await h.visit(priya, postUrl);
    assert.doesNotMatch(await priya.locator('main').innerText(), new RegExp(`grease it first\\? ${RUN}`));

    await h.visit(amira, postUrl);
    assert.match(await amira.locator('main').innerText(), new RegExp(`grease it first\\? ${RUN}`));
    await press(amira, /^Approve the comment by Jack Thompson/);
    await h.visit(priya, postUrl);
    assert.match(await priya.locator('main').innerText(), new RegExp(`grease it first\\? ${RUN}`));
    await priya.context().close();
  });

  test('closed comments refuse a new one and keep what was typed', async () => {
    await h.visit(amira, `/blog/posts/${postId}/edit`);
    await amira.getByLabel('Closed').check();
    await press(amira, 'Save post');
    await h.visit(jack, postUrl);
    assert.equal(await jack.getByLabel('Add a comment').count(), 0, 'no form on a closed post');
    const csrf = await jack.locator('input[name=csrf_token]').first().inputValue();
    const refused = await h.submit(jack, `/blog/posts/${postId}/comments`, { csrf_token: csrf, body: 'Sneaking one in' }, { expectStatus: 400 });
    assert.match(await refused.text(), /Comments on this post are closed/);
    assert.match(await jack.locator('main').innerText(), /Comments are closed/);
  });

  test('two posts with the same title get their own addresses', async () => {
    const urls = [];
    for (let i = 0; i < 2; i++) {
      await h.visit(amira, '/blog/new');
      await fillPost(amira, { title: `Same title ${RUN}`, body: `Number ${i}`, visibility: 'Only me' });
      await press(amira, 'Save post');
      urls.push(new URL(amira.url()).pathname);
    }
    assert.notEqual(urls[0], urls[1]);
    assert.match(urls[1], new RegExp(`same-title-${RUN}-2$`));
    await h.visit(amira, urls[0]);
    assert.match(await amira.locator('main').innerText(), /Number 0/);
  });

  test('tags, months and search find posts; search marks the words', async () => {
    await h.visit(amira, `${BLOG}?tag=gearbox`);
    const tagged = await amira.locator('main').innerText();
    assert.match(tagged, new RegExp(TITLE));
    assert.doesNotMatch(tagged, /Building the base/);
    const month = postUrl.split('/').slice(0, 6).join('/');
    await h.visit(amira, month);
    assert.match(await amira.locator('main').innerText(), new RegExp(TITLE));
    await h.visit(amira, `${BLOG}/2019/13`, { expectStatus: 404 });

    await h.visit(jack, `${BLOG}?q=backlash`);
    assert.equal(await jack.locator('main mark', { hasText: /backlash/i }).count() > 0, true);
    await h.visit(jack, '/blog/search?q=backlash');
    assert.match(await jack.locator('main').innerText(), new RegExp(TITLE));
    const nadia = await h.newPage(); await h.signIn(nadia, 'nadia');
    await h.visit(nadia, '/blog/search?q=backlash');
    assert.doesNotMatch(await nadia.locator('main').innerText(), new RegExp(TITLE));
    await nadia.context().close();
  });

  test('the public feed is valid Atom with public posts only; a private one shows more until replaced', async () => {
    const open = await readFeed(amira, `${BLOG}/feed`);
    assertValidAtom(open, 'public feed');
    const titles = open.entries.map((e) => e.title);
    assert.ok(titles.includes('Building the base of the robot arm'), 'the public demo post is in it');
    assert.ok(!titles.some((t) => t.includes(TITLE) || t.includes('bracket failed') || t.includes('Same title')), 'no post for a group, a draft or a private one');
    assertValidAtom(await readFeed(amira, `${BLOG}/feed?tag=workshop`), 'tag feed');
    assert.equal((await request('GET', BLOG)).body.includes('application/atom+xml'), true, 'feed autodiscovery');

    await h.visit(jack, BLOG);
    await press(jack, 'Get your private feed address');
    const address = new URL(await jack.getByLabel('Private feed address').inputValue());
    const mine = await readFeed(jack, address.pathname);
    assertValidAtom(mine, 'private feed');
    assert.ok(mine.entries.some((e) => e.title.includes(TITLE)), 'the group post is in the private feed');
    assert.ok(!mine.entries.some((e) => e.title.includes('Same title')), 'private posts are not');

    await h.visit(jack, BLOG);
    await press(jack, 'Get your private feed address');
    assert.equal((await request('GET', address.pathname)).status, 404, 'the replaced address stops working');
  });

  test('feeds stay well-formed whatever a post holds; characters no page can show are refused', async () => {
    await h.visit(amira, '/blog/new');
    await fillPost(amira, { title: `Bell \u0007 ${RUN}`, body: 'Fine words.', visibility: 'Anyone on the internet', status: 'Publish it' });
    assert.equal((await press(amira, 'Save post')).status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /cannot be shown/);
    await fillPost(amira, { title: `Odd ]]> <b>chars</b> & "quotes" 😀 ${RUN}`, body: 'Text with <script>alert(1)</script>, ]]> and &amp; in it.' });
    await press(amira, 'Save post');
    const feed = await readFeed(amira, `${BLOG}/feed`);
    assertValidAtom(feed, 'feed with odd characters');
    const odd = feed.entries.find((e) => e.title.includes(RUN));
    assert.equal(odd?.title, `Odd ]]> <b>chars</b> & "quotes" 😀 ${RUN}`, 'the title comes through as typed');
    assert.doesNotMatch(odd.content, /<script/);
    assert.match(odd.content, /\]\]&gt;|\]\]>/);
  });

  test('a scheduled post appears only when its time comes', async () => {
    await h.visit(amira, '/blog/new');
    await fillPost(amira, { title: `Later ${RUN}`, body: 'Out next week.', visibility: 'People in my groups (classmates and tutors)', status: 'Publish it' });
    const nextWeek = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 16);
    await amira.getByLabel(/Publish it later/).fill(nextWeek);
    await press(amira, 'Save post');
    const laterUrl = new URL(amira.url()).pathname;
    assert.match(await amira.locator('main').innerText(), /Scheduled/);
    await h.visit(jack, laterUrl, { expectStatus: 404 });
    await h.visit(jack, BLOG);
    assert.doesNotMatch(await jack.locator('main').innerText(), new RegExp(`Later ${RUN}`));
    // Its time comes (as if a week had passed).
    psql(`UPDATE posts SET published_at = now() - interval '1 minute' WHERE title = 'Later ${RUN}' AND author_id = ${userId('amira')}`);
    await h.visit(jack, laterUrl);
    await h.visit(jack, BLOG);
    assert.match(await jack.locator('main').innerText(), new RegExp(`Later ${RUN}`));
  });

  test('the author deletes a post: its address stops working and the lists forget it', async () => {
    await h.visit(jack, groupUrl);
    assert.match(await jack.locator('main').innerText(), new RegExp(TITLE));
    await h.visit(amira, `/blog/posts/${postId}/delete`);
    await press(amira, 'Delete the post');
    assert.match(await amira.locator('.govuk-notification-banner').innerText(), /deleted/);
    await h.visit(amira, postUrl, { expectStatus: 404 });
    await h.visit(jack, `/blog/posts/${postId}/edit`, { expectStatus: 404 });
    for (const path of [groupUrl, BLOG]) {
      await h.visit(jack, path);
      assert.doesNotMatch(await jack.locator('main').innerText(), new RegExp(TITLE), `${path} forgets it`);
    }
  });
});

describe('what a post shows and who hears of it', () => {
  let amira, jack, priya, postUrl;
  before(async () => {
    amira = await h.newPage(); await h.signIn(amira, 'amira');
    jack = await h.newPage(); await h.signIn(jack, 'jack');
    priya = await h.newPage(); await h.signIn(priya, 'priya');
  });
  after(async () => { for (const p of [amira, jack, priya]) await p.context().close(); });

  test('evidence shows with a post only to readers who may see that evidence', async () => {
    // "Designing a bracket" is on Amira's robot arm page, shared with her tutors only.
    await h.visit(amira, '/blog/new');
    await fillPost(amira, { title: `With evidence ${RUN}`, body: 'See my bracket design.', visibility: 'People in my groups (classmates and tutors)', status: 'Publish it' });
    await amira.getByLabel(/Show a piece of your evidence/).selectOption({ label: 'Designing a bracket for the robot arm' });
    await press(amira, 'Save post');
    postUrl = new URL(amira.url()).pathname;
    assert.match(await amira.locator('aside').innerText(), /From the portfolio: Designing a bracket/);
    await h.visit(priya, postUrl);
    assert.match(await priya.locator('aside').innerText(), /Designing a bracket[\s\S]*Reflection/);
    await h.visit(jack, postUrl);
    assert.equal(await jack.locator('aside').count(), 0, 'a classmate reads the post but not the evidence');
    assert.match(await jack.locator('main').innerText(), /See my bracket design/);
  });

  test('someone else\'s evidence cannot be put on a post', async () => {
    await h.visit(jack, '/portfolio');
    const jacksEvidence = (await jack.getByRole('link', { name: /Welding practice/ }).getAttribute('href')).split('/').pop();
    await h.visit(amira, '/blog/new');
    const csrf = await amira.locator('input[name=csrf_token]').first().inputValue();
    const res = await h.submit(amira, '/blog', { csrf_token: csrf, title: `Borrowed ${RUN}`, body: 'x', tags: '', status: 'published', visibility: 'cohort', evidence_id: jacksEvidence }, { expectStatus: 400 });
    assert.match(await res.text(), /Choose a piece of your own evidence/);
    assert.equal(psql(`SELECT count(*) FROM posts WHERE title = 'Borrowed ${RUN}' AND institution_id = ${collegeId()}`), '0');
  });

  test('the blog-wide setting holds comments; the author and the writer hear of them', async () => {
    await h.visit(amira, BLOG);
    await amira.getByLabel('Shown when I approve them').check();
    await press(amira, 'Save comment setting');
    assert.match(await amira.locator('.govuk-notification-banner').innerText(), /settings were saved/);
    await h.visit(jack, postUrl);
    await jack.getByLabel('Add a comment').fill(`Nice design ${RUN}`);
    await press(jack, 'Post comment');
    assert.match(await jack.locator('main').innerText(), /approves it/);
    assert.equal(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE u.username = '${AMIRA}' AND n.subject LIKE '%With evidence ${RUN}%approve it%'`), '1');
    await h.visit(amira, postUrl);
    await press(amira, /^Approve the comment by Jack Thompson/);
    assert.equal(psql(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                        WHERE u.username = '${user('jack')}' AND n.kind = 'comment_approved' AND n.subject LIKE '%With evidence ${RUN}%'`), '1');
    await h.visit(amira, BLOG);
    await amira.getByLabel('Shown at once').check();
    await press(amira, 'Save comment setting');
  });

  test('several megabytes of Markdown are refused with a reason, and the saved post is unchanged', async () => {
    await h.visit(amira, '/blog/new');
    const csrf = await amira.locator('input[name=csrf_token]').first().inputValue();
    const res = await request('POST', '/blog', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: (await amira.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '), origin: new URL(amira.url()).origin },
      body: new URLSearchParams({ csrf_token: csrf, title: `Huge ${RUN}`, body: '- item\n'.repeat(800_000), tags: '', status: 'published', visibility: 'public' }).toString(),
    });
    assert.equal(res.status, 413);
    assert.match(res.body, /The most this form accepts is/);
    assert.equal(psql(`SELECT count(*) FROM posts WHERE title = 'Huge ${RUN}' AND institution_id = ${collegeId()}`), '0');
    await h.visit(jack, postUrl);
    assert.match(await jack.locator('main').innerText(), /See my bracket design/);
  });
});

describe('a suspended author', () => {
  test('their posts leave the lists and their addresses at once', async () => {
    const local = `gone${RUN}`.toLowerCase();
    const name = user(local);
    psql(`WITH u AS (INSERT INTO users (institution_id, username, display_name, email)
                     SELECT institution_id, '${name}', 'Gone ${RUN}', '${college.email(local)}'
                       FROM users WHERE username = '${user('jack')}' RETURNING id, institution_id),
               m AS (INSERT INTO memberships (cohort_id, user_id, institution_id, role)
                     SELECT c.id, u.id, u.institution_id, 'learner' FROM u, cohorts c
                      WHERE c.code = 'ENG3-A' AND c.institution_id = u.institution_id)
          INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html, body_text, status, visibility, published_at)
          SELECT institution_id, id, 2026, 11, 'soon-gone', 'Soon gone ${RUN}', 'x', '<p>x</p>', 'x', 'published', 'cohort', now() FROM u`);
    const jack = await h.newPage(); await h.signIn(jack, 'jack');
    await h.visit(jack, '/');
    await jack.getByRole('link', { name: /What Engineering Level 3, group A is writing/ }).click();
    await jack.waitForLoadState();
    const groupUrl = new URL(jack.url()).pathname;
    assert.match(await jack.locator('main').innerText(), new RegExp(`Soon gone ${RUN}`));
    await h.visit(jack, `/u/${name}/blog/2026/11/soon-gone`);
    psql(`UPDATE users SET status = 'suspended' WHERE username = '${name}'`);
    await h.visit(jack, groupUrl);
    assert.doesNotMatch(await jack.locator('main').innerText(), new RegExp(`Soon gone ${RUN}`));
    await h.visit(jack, `/u/${name}/blog/2026/11/soon-gone`, { expectStatus: 404 });
    await jack.context().close();
  });
});

// Who reads what across the two colleges (readable_posts, sql/policy.sql).
// A signed-in person searches their own college's blogs; a visitor every
// public post; another college's public post is open at its address, but
// its comments are for people at its author's college.
describe('across colleges', () => {
  const WORD = `quokka${RUN}`;
  let posts;
  before(() => {
    // Amira's public post, Jack's for his college (Riverside); Nadia's
    // public post and one for her college (Northgate).
    posts = Object.fromEntries(psql(`
      INSERT INTO posts (institution_id, author_id, year, month, slug, title, body_md, body_html,
                         body_text, status, visibility, published_at)
      SELECT u.institution_id, u.id, 2026, 11, x.slug, x.title || ' ${WORD}', '${WORD}',
             '<p>${WORD}</p>', '${WORD}', x.status, x.visibility, now() - interval '1 hour'
        FROM (VALUES ('${user('amira')}', 'open-${RUN}', 'Open', 'public', 'published'),
                     ('${user('jack')}', 'college-${RUN}', 'River college', 'institution', 'published'),
                     ('${user('nadia')}', 'north-open-${RUN}', 'North open', 'public', 'published'),
                     ('${user('nadia')}', 'north-college-${RUN}', 'North college', 'institution', 'published'),
                     ('${user('amira')}', 'mine-${RUN}', 'Amira private', 'private', 'published'),
                     ('${user('amira')}', 'draft-${RUN}', 'Amira draft', 'institution', 'draft'))
             AS x(username, slug, title, visibility, status)
        JOIN users u ON u.username = x.username
      RETURNING slug, id`).split('\n').filter((l) => l.includes('|')).map((l) => l.split('|')));
  });

  const found = async (page) => {
    const text = await page.locator('main').innerText();
    return ['Open', 'River college', 'North open', 'North college', 'Amira private', 'Amira draft']
      .filter((t) => text.includes(`${t} ${WORD}`));
  };

  test('search: one\'s own college\'s posts one reads; a visitor, every public post', async () => {
    for (const [who, expected] of [['jack', ['Open', 'River college']], ['sofia', ['Open', 'River college']],
                                   ['amira', ['Open', 'River college', 'Amira private', 'Amira draft']],
                                   ['nadia', ['North open', 'North college']]]) {
      const page = await h.newPage(); await h.signIn(page, who);
      await h.visit(page, `/blog/search?q=${WORD}`);
      assert.deepEqual(await found(page), expected, `${who}'s search`);
      await page.context().close();
    }
    const visitor = await h.newPage();
    await h.visit(visitor, `/blog/search?q=${WORD}`);
    assert.deepEqual(await found(visitor), ['Open', 'North open'], 'a visitor\'s search');
    await visitor.context().close();
  });

  test('another college\'s public post is open at its address, its comments are not; nothing else is', async () => {
    const nadia = await h.newPage(); await h.signIn(nadia, 'nadia');
    await h.visit(nadia, `/blog/posts/${posts[`open-${RUN}`]}`);
    assert.equal(await nadia.locator('h1').innerText(), `Open ${WORD}`);
    assert.match(await nadia.locator('main').innerText(), /Comments here are for people at its owner's college/);
    assert.equal(await nadia.getByLabel('Add a comment').count(), 0);
    const csrf = await nadia.locator('input[name=csrf_token]').first().inputValue();
    await h.submit(nadia, `/blog/posts/${posts[`open-${RUN}`]}/comments`, { csrf_token: csrf, body: 'From Northgate' }, { expectStatus: 404 });
    await h.visit(nadia, `/blog/posts/${posts[`college-${RUN}`]}`, { expectStatus: 404 });
    await h.visit(nadia, `/u/${user('jack')}/blog/2026/11/college-${RUN}`, { expectStatus: 404 });
    // Amira's blog shows her public posts to Nadia, and nothing for her groups.
    await h.visit(nadia, BLOG);
    const blog = await nadia.locator('main').innerText();
    assert.match(blog, new RegExp(`Open ${WORD}`));
    assert.match(blog, /Building the base of the robot arm/);
    assert.doesNotMatch(blog, /Why my bracket failed/);
    // A Riverside group's page is not hers to open.
    const group = psql(`SELECT id FROM cohorts WHERE code = 'ENG3-A' AND institution_id = ${collegeId()}`);
    await h.visit(nadia, `/cohorts/${group}/blog`, { expectStatus: 404 });
    await nadia.context().close();

    // Jack, at Riverside, takes part in the conversation under Amira's post.
    const jack = await h.newPage(); await h.signIn(jack, 'jack');
    await h.visit(jack, `/blog/posts/${posts[`open-${RUN}`]}`);
    assert.equal(await jack.getByLabel('Add a comment').count(), 1);
    await jack.context().close();
  });
});
