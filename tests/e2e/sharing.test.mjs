// Sharing and feedback: a student builds a page with text, an image and a
// link; shares it with her tutor and by secret link; the tutor comments
// (marked as feedback); a third student cannot see it; the secret link stops
// working when revoked or expired; the owner hides and deletes comments.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, PNG, assertAccessible, harness, request } from './lib/browser.mjs';
import { college, literal, user } from './lib/college.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const press = h.click;
// Titles unique to this run: a stack may be reused between runs.
const RUN = Date.now().toString(36);
const button = (page, name) => page.getByRole('button', { name, exact: true });
// This file's Jack, as the sharing page names him: "Jack Thompson (jack.TAG)".
const JACK = `Jack Thompson \\(${literal(user('jack'))}\\)`;

async function addEvidence(page, kind, fields) {
  await h.visit(page, '/portfolio/evidence/new');
  await page.getByLabel(kind).check();
  await page.getByLabel('Title').fill(fields.title);
  if (fields.body) await page.getByLabel(/^Text/).fill(fields.body);
  if (fields.url) await page.getByLabel(/^Web address/).fill(fields.url);
  if (fields.file) await page.getByLabel(/^File/).setInputFiles(fields.file);
  await press(page, button(page, 'Save evidence'));
}

async function addToPage(page, pagePath, title) {
  await h.visit(page, `${pagePath}/add`);
  await page.getByLabel('A piece of your evidence').selectOption({ label: title });
  await press(page, button(page, 'Add evidence'));
}

async function share(page, pagePath, audience, fields = {}) {
  await h.visit(page, `${pagePath}/sharing`);
  await page.getByLabel(audience).check();
  if (fields.person) await page.getByLabel('Their username or email address').fill(fields.person);
  if (fields.until) await page.getByLabel('Until (optional)').fill(fields.until);
  return press(page, button(page, 'Share'));
}

describe('a page shared with a tutor and by secret link', () => {
  let amira, priya, jack, visitor;
  let editorPath, viewPath, secretLink, imageHref;
  before(async () => {
    [amira, priya, jack, visitor] = await Promise.all([h.newPage(), h.newPage(), h.newPage(), h.newPage()]);
    await h.signIn(amira, 'amira');
    await h.signIn(priya, 'priya');
    await h.signIn(jack, 'jack');
  });
  after(() => Promise.all([amira, priya, jack, visitor].map((p) => p.context().close())));

  test('the student builds a page with text, an image and a link', async () => {
    await addEvidence(amira, 'A file: a photo, a document, a recording', {
      title: `Sharing test: the finished gearbox ${RUN}`,
      file: { name: 'gearbox.png', mimeType: 'image/png', buffer: PNG },
    });
    await addEvidence(amira, 'A link to something on the web', {
      title: `Sharing test: gearbox datasheet ${RUN}`, url: 'https://example.org/gearbox',
    });
    await h.visit(amira, '/portfolio/pages/new');
    await amira.getByLabel('Title').fill(`My gearbox project ${RUN}`);
    await press(amira, button(amira, 'Save page'));
    editorPath = new URL(amira.url()).pathname;
    viewPath = editorPath.replace('/portfolio/pages/', '/pages/');
    await amira.getByLabel('Some words of your own').fill('How I **designed** the gearbox.');
    await press(amira, button(amira, 'Add text'));
    await addToPage(amira, editorPath, `Sharing test: the finished gearbox ${RUN}`);
    await addToPage(amira, editorPath, `Sharing test: gearbox datasheet ${RUN}`);
    assert.equal(await amira.locator('.tandem-block').count(), 3);
    imageHref = await amira.locator('.tandem-block img').getAttribute('src');
    assert.match(imageHref, /^\/files\/\d+\/gearbox\.png$/);
  });

  test('before sharing, only the owner sees the page, its image and its file', async () => {
    await h.visit(amira, viewPath);
    assert.match(await amira.locator('.govuk-inset-text').innerText(), /your page as the people you share it with see it/);
    for (const p of [priya, jack]) {
      await h.visit(p, viewPath, { expectStatus: 404 });
      assert.equal((await p.request.get(BASE_URL + imageHref)).status(), 404);
    }
    await h.visit(visitor, viewPath, { expectStatus: 404 });
    assert.equal((await visitor.request.get(BASE_URL + imageHref)).status(), 404);
    await h.visit(amira, `${editorPath}/sharing`);
    assert.match(await amira.locator('main').innerText(), /Nobody yet: only you can see this page/);
  });

  test('sharing with someone at another college, or with nobody named, is refused', async () => {
    const refused = await share(amira, editorPath, 'One person at your college', { person: user('nadia') });
    assert.equal(refused.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /no one with that username or email address at your college/);
    assert.equal(await amira.getByLabel('Their username or email address').inputValue(), user('nadia'), 'what was typed is kept');
    await assertAccessible(amira, 'a refused share');
    const empty = await share(amira, editorPath, 'One person at your college');
    assert.equal(empty.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /Enter the username or email address/);
    const past = await share(amira, editorPath, 'Your tutors and mentors', { until: '2020-01-31' });
    assert.equal(past.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /end date is in the past/);
    assert.equal(psql(`SELECT count(*) FROM shares WHERE page_id = ${viewPath.split('/')[2]}`), '0', 'nothing was saved');
  });

  test('shared with her tutors, the tutor sees it and a third student still does not', async () => {
    await share(amira, editorPath, 'Your tutors and mentors');
    assert.match(await amira.locator('#shares ~ dl').innerText(), /Your tutors and mentors\s+From now on/);
    await h.visit(amira, '/portfolio');
    assert.match(await amira.locator('main li', { hasText: `My gearbox project ${RUN}` }).innerText(), /\(3 blocks\) Shared$/);
    await h.visit(priya, viewPath);
    assert.equal(await priya.locator('h1').innerText(), `My gearbox project ${RUN}`);
    assert.match(await priya.locator('.govuk-caption-l').innerText(), /A page by Amira Hassan/);
    assert.equal(await priya.locator('main strong', { hasText: 'designed' }).count(), 1);
    assert.equal(await priya.locator('main a[href="https://example.org/gearbox"]').count(), 1);
    const img = priya.locator('main img');
    assert.equal(await img.getAttribute('alt'), `Sharing test: the finished gearbox ${RUN}`);
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth === 1), 'the image loads for the tutor');
    assert.equal(await priya.locator('main a[href^="/portfolio/evidence/"]').count(), 0, 'no links into the owner\'s own pages');
    assert.equal(await priya.locator('form[action*="/move"]').count(), 0, 'no editing buttons');
    await h.visit(jack, viewPath, { expectStatus: 404 });
    assert.equal((await jack.request.get(BASE_URL + imageHref)).status(), 404);
    await h.visit(jack, editorPath, { expectStatus: 404 });
    await h.visit(priya, '/shared');
    assert.match(await priya.locator("main table").innerText(), new RegExp(`My gearbox project ${RUN}\\s+Page\\s+Amira Hassan\\s+With their tutors and mentors`));
    await h.visit(jack, '/shared');
    assert.doesNotMatch(await jack.locator('main').innerText(), new RegExp(`My gearbox project ${RUN}`));
  });

  test('the tutor comments; it is marked as feedback and the owner is notified', async () => {
    await h.visit(priya, viewPath);
    const empty = await press(priya, button(priya, 'Post comment'));
    assert.equal(empty.status(), 400);
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /Enter your comment/);
    await assertAccessible(priya, 'a refused comment');
    await priya.getByLabel('Add a comment').fill('Great photo. *Now* explain the gear ratio.');
    await press(priya, button(priya, 'Post comment'));
    const comment = priya.locator('.tandem-comment');
    assert.equal(await comment.count(), 1);
    assert.match(await comment.innerText(), /Priya Sharma\s+Feedback[\s\S]*Great photo\. Now explain the gear ratio\./);
    assert.equal(await comment.locator('em', { hasText: 'Now' }).count(), 1);
    assert.equal(psql(`SELECT kind || ': ' || subject FROM notifications WHERE user_id = ${userId('amira')} ORDER BY id DESC LIMIT 1`),
      `feedback: Priya Sharma gave feedback on your page “My gearbox project ${RUN}”`);
    const forged = await request('POST', `${viewPath}/comments`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'body=hello' });
    assert.equal(forged.status, 403, 'a visitor cannot comment');
    assert.equal(psql(`SELECT count(*) FROM comments WHERE page_id = ${viewPath.split('/')[2]}`), '1');
  });

  test('a third student cannot comment on a page they cannot see', async () => {
    await h.visit(jack, '/shared');
    await h.submit(jack, `${viewPath}/comments`, { body: 'let me in', csrf_token: await jack.locator('input[name=csrf_token]').first().inputValue() }, { expectStatus: 404, axe: false });
    assert.equal(psql(`SELECT count(*) FROM comments WHERE page_id = ${viewPath.split('/')[2]}`), '1');
  });

  test('the owner hides, shows and deletes comments on her page', async () => {
    await h.visit(amira, viewPath);
    await press(amira, amira.getByRole('button', { name: /^Hide the comment by Priya Sharma/ }));
    assert.match(await amira.locator('.tandem-comment').innerText(), /Hidden from others/);
    await h.visit(priya, viewPath);
    assert.equal(await priya.locator('.tandem-comment').count(), 0, 'hidden from the tutor');
    await press(amira, amira.getByRole('button', { name: /^Show the comment by Priya Sharma/ }));
    await h.visit(priya, viewPath);
    assert.equal(await priya.locator('.tandem-comment').count(), 1);
    await priya.getByLabel('Add a comment').fill('A second thought.');
    await press(priya, button(priya, 'Post comment'));
    await h.visit(amira, viewPath);
    await press(amira, amira.getByRole('button', { name: /^Delete the comment by Priya Sharma/ }).last());
    assert.equal(await amira.locator('.tandem-comment').count(), 1);
    await h.visit(jack, viewPath, { expectStatus: 404 });
  });

  test('a secret link shows the page and its image to a visitor, until revoked', async () => {
    await share(amira, editorPath, 'Anyone with a secret link');
    secretLink = await amira.getByLabel(/Anyone who has this address/).inputValue();
    assert.match(secretLink, new RegExp(`^${BASE_URL}/s/[A-Za-z0-9_-]{43}$`));
    await assertAccessible(amira, 'a new secret link');
    const path = new URL(secretLink).pathname;
    await h.visit(visitor, path);
    assert.equal(await visitor.locator('h1').innerText(), `My gearbox project ${RUN}`);
    assert.equal(await visitor.locator('.tandem-comment').count(), 0, 'no comments through a link');
    const img = visitor.locator('main img');
    const linkedImage = await img.getAttribute('src');
    assert.match(linkedImage, new RegExp(`^${path}/files/\\d+/gearbox\\.png$`));
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth === 1), 'the image loads through the link');
    assert.equal((await visitor.request.get(BASE_URL + imageHref)).status(), 404, 'but not without it');
    await h.visit(visitor, `${path.slice(0, -4)}abcd`, { expectStatus: 404 });
    const log = readFileSync(join(process.env.TANDEM_VAR, 'log', 'tandem.log'), 'utf8');
    assert.ok(log.includes(`GET ${path.slice(0, 7)}… 200`), 'the log names the link by its first characters');
    assert.ok(!log.includes(path.slice(3)), 'but never holds the secret itself');
    await h.visit(amira, `${editorPath}/sharing`);
    await press(amira, amira.getByRole('button', { name: 'Stop sharing with Anyone with the secret link' }));
    assert.equal(await amira.locator('h1').innerText(), 'Stop sharing this page with Anyone with the secret link?', 'it asks first');
    await assertAccessible(amira, 'the question before stopping a share');
    await h.visit(visitor, path);
    await press(amira, amira.getByRole('button', { name: 'Stop sharing' }));
    const gone = await h.visit(visitor, path, { expectStatus: 410 });
    assert.match(await gone.text(), /stopped sharing it/);
    assert.equal((await visitor.request.get(BASE_URL + linkedImage)).status(), 410);
  });

  test('a secret link with an end date stops working after it', async () => {
    await share(amira, editorPath, 'Anyone with a secret link', { until: '2099-12-31' });
    const path = new URL(await amira.getByLabel(/Anyone who has this address/).inputValue()).pathname;
    await h.visit(visitor, path);
    psql(`UPDATE shares SET starts_on = current_date - 10, ends_on = current_date - 1 WHERE audience = 'link' AND revoked_at IS NULL AND page_id = ${viewPath.split('/')[2]}`);
    const expired = await h.visit(visitor, path, { expectStatus: 410 });
    assert.match(await expired.text(), /shared for a limited time, and that time is over/);
  });

  test('stopping the tutors\' share takes the page away from the tutor at once', async () => {
    await h.visit(amira, `${editorPath}/sharing`);
    await press(amira, amira.getByRole('button', { name: 'Stop sharing with Your tutors and mentors' }));
    await press(amira, amira.getByRole('button', { name: 'Stop sharing' }));
    await h.visit(priya, viewPath, { expectStatus: 404 });
    assert.equal((await priya.request.get(BASE_URL + imageHref)).status(), 404);
  });

  test('shared with everyone at the college, a visitor still cannot see it; shared publicly, they can', async () => {
    await share(amira, editorPath, /^Everyone at Riverside College/);
    await h.visit(jack, viewPath);
    await h.visit(visitor, viewPath, { expectStatus: 404 });
    await share(amira, editorPath, 'Anyone, on the internet');
    await h.visit(visitor, viewPath);
    assert.match(await visitor.locator('main').innerText(), /Comments are for people at the college\. Sign in to read them/);
    assert.equal(await visitor.locator('.tandem-comment').count(), 0, 'a classmate\'s comment is not put on the internet');
    const nadia = await h.newPage();
    await h.signIn(nadia, 'nadia');
    await h.visit(nadia, viewPath);
    assert.match(await nadia.locator('main').innerText(), /Comments here are for people at its owner's college/);
    assert.equal(await nadia.getByLabel('Add a comment').count(), 0, 'no form where posting would fail');
    await nadia.context().close();
    assert.equal((await visitor.request.get(BASE_URL + imageHref)).status(), 200);
    const again = await share(amira, editorPath, 'Anyone, on the internet');
    assert.equal(again.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /already shared that way/);
  });

  test('a person shared with is told; every share and its end are in the audit log', async () => {
    await share(amira, editorPath, 'One person at your college', { person: college.email('jack').toUpperCase() });
    assert.match(await amira.locator('#shares ~ dl').innerText(), new RegExp(`${JACK}\\s+From now on`));
    const pageId = viewPath.split('/')[2];
    assert.equal(psql(`SELECT kind || ' ' || link || ' ' || subject FROM notifications WHERE user_id = ${userId('jack')} ORDER BY id DESC LIMIT 1`),
      `share ${viewPath} Amira Hassan shared the page “My gearbox project ${RUN}” with you`);
    const again = await share(amira, editorPath, 'One person at your college', { person: user('jack') });
    assert.equal(again.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /already shared that way, for the same dates/);
    await share(amira, editorPath, 'One person at your college', { person: user('jack'), until: '2099-01-31' });
    assert.match(await amira.locator('#shares ~ dl').innerText(), new RegExp(`${JACK}\\s+Until 31 January 2099`), 'the same person for other dates is another share');
    const actions = psql(`SELECT string_agg(action, ',' ORDER BY id) FROM audit_log
                          WHERE institution_id = ${collegeId()} AND (detail LIKE '%(page ${pageId})%' OR detail LIKE '%page ${pageId} %')`);
    // tutors, link; link stopped; link with an end; tutors stopped; college, public, jack twice
    assert.equal(actions, "share_added,share_added,share_revoked,share_added,share_revoked,share_added,share_added,share_added,share_added");
  });
});

// Who each audience lets in, and when: a page with a file on it, shared one
// way at a time (made and changed here straight in the database), asked for
// by each kind of person. The page and its file answer alike.
describe('who a share lets in, and for how long', () => {
  const people = {};
  let pageId, fileId, title;
  before(async () => {
    for (const name of ['jack', 'priya', 'sofia', 'tom', 'david', 'nadia']) {
      people[name] = await h.newPage();
      await h.signIn(people[name], name);
    }
    const amira = userId('amira'), at = collegeId();
    title = `Who and when ${RUN}`;
    const sha = createHash('sha256').update(PNG).digest('hex');
    [pageId, fileId] = psql(`
      WITH f AS (INSERT INTO files (institution_id, owner_id, filename, content_type, size, sha256, bytes)
                 VALUES (${at}, ${amira}, 'window.png', 'image/png', ${PNG.length}, '${sha}',
                         decode('${PNG.toString('hex')}', 'hex')) RETURNING id),
           e AS (INSERT INTO evidence (institution_id, owner_id, kind, title, file_id)
                 SELECT ${at}, ${amira}, 'file', 'A window ${RUN}', id FROM f RETURNING id),
           p AS (INSERT INTO portfolio_pages (institution_id, owner_id, title)
                 VALUES (${at}, ${amira}, '${title}') RETURNING id),
           b AS (INSERT INTO page_blocks (page_id, institution_id, position, evidence_id)
                 SELECT p.id, ${at}, 1, e.id FROM p, e)
      SELECT p.id || ' ' || f.id FROM p, f`).split(' ');
  });
  after(() => Promise.all(Object.values(people).map((p) => p.context().close())));

  /** Shares the page with audience (and its columns), stopping every other share of it first. */
  function shareOnly(audience, columns = {}) {
    psql(`UPDATE shares SET revoked_at = now() WHERE page_id = ${pageId} AND revoked_at IS NULL`);
    const names = Object.keys(columns), values = Object.values(columns);
    return psql(`INSERT INTO shares (institution_id, owner_id, page_id, audience${names.map((n) => `, ${n}`).join('')})
                 SELECT institution_id, owner_id, id, '${audience}'${values.map((v) => `, ${v}`).join('')}
                   FROM portfolio_pages WHERE id = ${pageId} RETURNING id`);
  }

  /** Whether each person named (or 'visitor') gets the page and its file: true for 200, false for 404. */
  async function assertReads(expected, why) {
    for (const [who, reads] of Object.entries(expected)) {
      const get = async (path) => (who === 'visitor'
        ? (await request('GET', path)).status
        : (await people[who].request.get(BASE_URL + path)).status());
      const want = reads ? 200 : 404;
      assert.equal(await get(`/pages/${pageId}`), want, `${why}: ${who} and the page`);
      assert.equal(await get(`/files/${fileId}/window.png`), want, `${why}: ${who} and its file`);
    }
  }

  const listed = async (who) => (await (await people[who].request.get(`${BASE_URL}/shared`)).text()).includes(title);

  test('a share for one person works from its first day to its last, and not once revoked', async () => {
    const id = shareOnly('person', { user_id: userId('jack'), starts_on: 'current_date - 10', ends_on: 'current_date - 1' });
    await assertReads({ jack: false, priya: false, visitor: false }, 'ended yesterday');
    assert.equal(await listed('jack'), false, 'an ended share is not in "Shared with you"');
    psql(`UPDATE shares SET starts_on = current_date + 1, ends_on = current_date + 10 WHERE id = ${id}`);
    await assertReads({ jack: false }, 'starting tomorrow');
    psql(`UPDATE shares SET starts_on = current_date, ends_on = current_date WHERE id = ${id}`);
    await assertReads({ jack: true, priya: false, sofia: false, visitor: false }, 'today only');
    assert.equal(await listed('jack'), true);
    psql(`UPDATE shares SET revoked_at = now() WHERE id = ${id}`);
    await assertReads({ jack: false }, 'revoked');
  });

  test('everyone at the college means this college: not a person signed in at another one', async () => {
    shareOnly('college');
    await assertReads({ jack: true, sofia: true, priya: true, nadia: false, visitor: false }, 'college');
    assert.equal(await listed('nadia'), false);
  });

  test('a cohort share reaches its members only', async () => {
    const cohort = psql(`SELECT m.cohort_id FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
                          WHERE m.user_id = ${userId('amira')} AND m.role = 'learner' AND c.code = 'ENG3-A'`);
    shareOnly('cohort', { cohort_id: cohort });
    await assertReads({ jack: true, priya: true, sofia: false, tom: false, nadia: false, visitor: false }, 'cohort');
  });

  test("tutors and mentors: her tutor, and a mentor only while the mentorship is in force", async () => {
    shareOnly('supporters');
    await assertReads({ priya: true, tom: false, jack: false, nadia: false, visitor: false }, 'supporters');
    const mentorship = psql(`INSERT INTO mentorships (institution_id, mentor_id, mentee_id, purpose, starts_on, state, set_up_by)
                             SELECT institution_id, ${userId('tom')}, id, 'Window test ${RUN}', current_date, 'active', id
                               FROM users WHERE id = ${userId('amira')} RETURNING id`);
    await assertReads({ tom: true }, 'a mentor in force');
    assert.equal(await listed('tom'), true, 'her mentor finds it in "Shared with you"');
    psql(`UPDATE mentorships SET starts_on = current_date + 1 WHERE id = ${mentorship}`);
    await assertReads({ tom: false }, 'a mentorship not yet begun');
    psql(`UPDATE mentorships SET starts_on = current_date, state = 'ended', ended_at = now() WHERE id = ${mentorship}`);
    await assertReads({ tom: false, priya: true }, 'a mentorship ended');
    assert.equal(await listed('tom'), false);
  });

  test("a leadership plan's readers get the files of its evidence and reports; nobody else does", async () => {
    const at = collegeId(), tom = userId('tom');
    const sha = createHash('sha256').update(PNG).digest('hex');
    const files = psql(`
      WITH f AS (INSERT INTO files (institution_id, owner_id, filename, content_type, size, sha256, bytes)
                 SELECT ${at}, ${tom}, n || '.png', 'image/png', ${PNG.length}, '${sha}',
                        decode('${PNG.toString('hex')}', 'hex')
                   FROM unnest(ARRAY['evidence', 'report']) n RETURNING id, filename),
           pl AS (INSERT INTO leadership_plans (institution_id, owner_id, academic_year)
                  VALUES (${at}, ${tom}, '2019/20') RETURNING id),
           e AS (INSERT INTO evidence (institution_id, owner_id, kind, title, file_id)
                 SELECT ${at}, ${tom}, 'file', 'Plan evidence ${RUN}', f.id FROM f
                  WHERE f.filename = 'evidence.png' RETURNING id),
           le AS (INSERT INTO leadership_evidence (plan_id, institution_id, evidence_id)
                  SELECT pl.id, ${at}, e.id FROM pl, e),
           pr AS (INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on, report_file_id)
                  SELECT pl.id, ${at}, (SELECT min(id) FROM instruments WHERE institution_id = ${at}),
                         current_date, f.id
                    FROM pl, f WHERE f.filename = 'report.png'),
           sh AS (INSERT INTO leadership_shares (plan_id, user_id, institution_id)
                  SELECT pl.id, ${userId('priya')}, ${at} FROM pl)
      SELECT f.id || '/' || f.filename FROM f ORDER BY f.filename`).split('\n');
    assert.equal(files.length, 2);
    for (const file of files) {
      // Its owner, his line manager (the plan's manager) and the colleague he shared it with.
      for (const [who, status] of [['tom', 200], ['david', 200], ['priya', 200], ['jack', 404], ['sofia', 404], ['nadia', 404]]) {
        assert.equal((await people[who].request.get(`${BASE_URL}/files/${file}`)).status(), status, `${who} and ${file}`);
      }
      assert.equal((await request('GET', `/files/${file}`)).status, 404, `a visitor and ${file}`);
    }
  });

  test('public means anyone, signed in anywhere or not', async () => {
    shareOnly('public');
    await assertReads({ nadia: true, visitor: true, jack: true }, 'public');
    shareOnly('public', { ends_on: 'current_date - 1' });
    await assertReads({ nadia: false, visitor: false }, 'public, ended');
  });
});
