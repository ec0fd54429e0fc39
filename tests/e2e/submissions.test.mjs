// Submission for assessment: a student submits a page (and a collection) to
// their tutor, which freezes a copy; the student goes on changing the live
// page and even deletes evidence, while the tutor reviews the frozen copy,
// comments and marks it reviewed. Nobody else sees it; a made-up tutor is
// refused and saves nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PNG, assertAccessible, harness, request } from './lib/browser.mjs';
import { collegeId, psql, userId } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const STAMP = Date.now().toString(36);
const PAGE_TITLE = `Robot arm for assessment ${STAMP}`;
const PHOTO_TITLE = `Photo of the finished arm ${STAMP}`;

const press = h.click;
const button = (page, name) => press(page, page.getByRole('button', { name, exact: true }));
const cookiesOf = async (page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
const mainText = (page) => page.locator('main').innerText();
const snapshotText = (page) => page.locator('.tandem-snapshot').innerText();

// Posts a form from the page as its own scripts would, with its CSRF token: the status.
const post = async (page, path, fields) => (await h.post(page, path, fields)).status;

describe('submitting a page for assessment', () => {
  let amira;
  let priya;
  let pageUrl;
  let photoId;
  let submissionUrl;
  let imageSrc;
  before(async () => {
    amira = await h.newPage();
    await h.signIn(amira, 'amira');
    priya = await h.newPage();
    await h.signIn(priya, 'priya');
  });
  after(async () => {
    await amira.context().close();
    await priya.context().close();
  });

  test('amira builds a page with words and a photo', async () => {
    await h.visit(amira, '/portfolio/evidence/new');
    await amira.getByLabel('A file: a photo, a document, a recording').check();
    await amira.getByLabel('Title').fill(PHOTO_TITLE);
    await amira.getByLabel(/^File/).setInputFiles({ name: 'arm.png', mimeType: 'image/png', buffer: PNG });
    await button(amira, 'Save evidence');
    photoId = new URL(amira.url()).pathname.split('/')[3];

    await h.visit(amira, '/portfolio/pages/new');
    await amira.getByLabel('Title').fill(PAGE_TITLE);
    await button(amira, 'Save page');
    pageUrl = new URL(amira.url()).pathname;
    await amira.getByLabel('Some words of your own').fill('Words **before** submitting.');
    await button(amira, 'Add text');
    await press(amira, amira.getByRole('link', { name: 'Add a piece of evidence' }));
    await amira.getByLabel('A piece of your evidence').selectOption({ label: PHOTO_TITLE });
    await button(amira, 'Add evidence');
    assert.equal(await amira.locator('.tandem-block').count(), 2);
  });

  test('the submit form lists her tutors only, and is accessible', async () => {
    await press(amira, amira.getByRole('link', { name: 'Submit for assessment' }));
    assert.equal(new URL(amira.url()).pathname, `${pageUrl}/submit`);
    await assertAccessible(amira, 'the submit form');
    assert.equal(await amira.getByRole('radio', { name: 'Priya Sharma' }).count(), 1);
    // Whoever teaches her (this file's copy's tutors), and only they.
    const tutors = psql(`SELECT string_agg(display_name, '|' ORDER BY display_name) FROM users WHERE supports(id, ${userId('amira')})`);
    const offered = await amira.locator('.govuk-radios__label').evaluateAll((ls) => ls.map((l) => l.innerText.trim()).sort());
    assert.deepEqual(offered, tutors.split('|').sort(), 'only her tutors are offered');
    assert.ok(!offered.includes('Jack Thompson'));
    // Nobody chosen: refused, the note kept.
    await amira.getByLabel('A note for your tutor (optional)').fill('Please look at the *bracket*.');
    const refused = await button(amira, 'Submit for assessment');
    assert.equal(refused.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /Choose who should assess it/);
    assert.equal(await amira.getByLabel('A note for your tutor (optional)').inputValue(), 'Please look at the *bracket*.');
    await assertAccessible(amira, 'the submit form with an error');
  });

  test('submitting freezes a copy and tells the tutor', async () => {
    await amira.getByRole('radio', { name: 'Priya Sharma' }).check();
    await button(amira, 'Submit for assessment');
    submissionUrl = new URL(amira.url()).pathname;
    assert.match(submissionUrl, /^\/submissions\/\d+$/);
    await assertAccessible(amira, 'a submission, as its owner');
    assert.equal(await amira.locator('h1').innerText(), PAGE_TITLE);
    assert.match(await amira.locator('.govuk-summary-list').innerText(), /Priya Sharma[\s\S]*Status\s+Submitted/);
    assert.equal(await amira.locator('.govuk-summary-list em', { hasText: 'bracket' }).count(), 1, 'the note is rendered Markdown');
    assert.match(await snapshotText(amira), /Words before submitting[\s\S]*Photo of the finished arm/);
    assert.equal(await amira.getByRole('link', { name: 'Go to your page' }).getAttribute('href'), pageUrl);
    imageSrc = await amira.locator('.tandem-snapshot img').getAttribute('src');
    const id = submissionUrl.split('/')[2];
    assert.equal(psql(`SELECT count(*) FROM submission_files sf JOIN evidence e ON e.file_id = sf.file_id WHERE sf.submission_id = ${id} AND e.id = ${photoId}`), '1');
    assert.equal(psql(`SELECT kind || ' ' || link || ' ' || subject FROM notifications WHERE user_id = ${userId('priya')} AND link = '${submissionUrl}'`),
      `submission ${submissionUrl} Amira Hassan submitted “${PAGE_TITLE}” for assessment`);
  });

  test('amira goes on changing the live page; priya still sees what was submitted', async () => {
    await h.visit(amira, pageUrl);
    await amira.getByLabel('Some words of your own').fill('Added after submitting.');
    await button(amira, 'Add text');
    await h.visit(priya, '/submissions');
    assert.match(await mainText(priya), /Submitted to you/);
    assert.doesNotMatch(await mainText(priya), /Your submissions/);
    await press(priya, priya.getByRole('link', { name: PAGE_TITLE }));
    await assertAccessible(priya, 'a submission, as its tutor');
    const frozen = await snapshotText(priya);
    assert.match(frozen, /Words before submitting/);
    assert.doesNotMatch(frozen, /Added after submitting/);
    assert.equal(await priya.locator('.tandem-snapshot img').evaluate((i) => i.naturalWidth), 1, 'the image loads for the tutor');
    assert.equal(await priya.getByRole('link', { name: 'Go to your page' }).count(), 0, 'the live page is the owner\'s');
  });

  test('deleting the evidence leaves the submitted file for the tutor', async () => {
    await h.visit(amira, `/portfolio/evidence/${photoId}/delete`);
    await button(amira, 'Delete evidence');
    assert.equal(psql(`SELECT count(*) FROM evidence WHERE id = ${photoId}`), '0');
    const res = await request('GET', imageSrc, { headers: { cookie: await cookiesOf(priya) } });
    assert.equal(res.status, 200, 'priya can still download the frozen image');
    assert.equal(res.headers['content-type'], 'image/png');
    await h.visit(priya, submissionUrl);
    assert.match(await snapshotText(priya), /Photo of the finished arm/);
    assert.equal(await priya.locator('.tandem-snapshot img').evaluate((i) => i.naturalWidth), 1);
  });

  test('a comment must be written and not too long; nothing is saved otherwise', async () => {
    const id = submissionUrl.split('/')[2];
    const before = psql(`SELECT count(*) FROM comments WHERE submission_id = ${id}`);
    let res = await button(priya, 'Post comment');
    assert.equal(res.status(), 400);
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /Write your comment/);
    await assertAccessible(priya, 'a submission with a comment error');
    await priya.getByLabel('Add a comment').fill('x'.repeat(20001));
    res = await button(priya, 'Post comment');
    assert.equal(res.status(), 400);
    assert.match(await priya.locator('.govuk-error-summary').innerText(), /too long/);
    assert.equal((await priya.getByLabel('Add a comment').inputValue()).length, 20001, 'what was typed is kept');
    assert.equal(psql(`SELECT count(*) FROM comments WHERE submission_id = ${id}`), before);
  });

  test('priya comments (as feedback) and marks it reviewed', async () => {
    await h.visit(priya, submissionUrl);
    assert.match(await priya.locator('#comment-hint').innerText(), /^Only you and Amira Hassan can see comments here\./);
    await priya.getByLabel('Add a comment').fill('Good photo. Now **explain** the hole spacing.');
    await button(priya, 'Post comment');
    const comment = priya.locator('.tandem-comment').last();
    assert.match(await comment.innerText(), /Priya Sharma\s*Feedback[\s\S]*Now explain the hole spacing/);
    await button(priya, 'Mark as reviewed');
    assert.match(await priya.locator('.govuk-summary-list').innerText(), /Status\s+Reviewed/);
    assert.equal(await priya.getByRole('button', { name: 'Mark as reviewed' }).count(), 0);
    await assertAccessible(priya, 'a reviewed submission');
  });

  test('amira sees the feedback and the Reviewed status, and answers', async () => {
    await h.visit(amira, '/submissions');
    const row = amira.locator('tr', { hasText: PAGE_TITLE });
    assert.match(await row.innerText(), /Priya Sharma[\s\S]*Reviewed/);
    await press(amira, row.getByRole('link', { name: PAGE_TITLE }));
    assert.match(await amira.locator('.govuk-summary-list').innerText(), /Status\s+Reviewed/);
    assert.match(await amira.locator('.tandem-comment').first().innerText(), /Priya Sharma\s*Feedback[\s\S]*hole spacing/);
    await amira.getByLabel('Add a comment').fill('Thank you, I will add that.');
    await button(amira, 'Post comment');
    const mine = amira.locator('.tandem-comment').last();
    assert.match(await mine.innerText(), /Amira Hassan[\s\S]*I will add that/);
    assert.equal(await mine.locator('.govuk-tag').count(), 0, 'the owner\'s comment is not feedback');
    assert.equal(await amira.getByRole('button', { name: 'Mark as reviewed' }).count(), 0);
    assert.equal(await post(amira, `${submissionUrl}/reviewed`, {}), 404, 'only the tutor marks it reviewed');
  });

  test('each party was told: notifications are stored', async () => {
    const kinds = (who) => psql(`SELECT string_agg(kind, ',' ORDER BY id) FROM notifications WHERE user_id = ${userId(who)} AND link LIKE '${submissionUrl}%'`);
    assert.equal(kinds('priya'), 'submission,submission_comment');
    assert.equal(kinds('amira'), 'submission_comment,submission_reviewed');
  });

  test('nobody else can see it, comment on it or submit her page', async () => {
    const jack = await h.newPage();
    await h.signIn(jack, 'jack');
    await h.visit(jack, submissionUrl, { expectStatus: 404 });
    assert.match(await mainText(jack), /There is no such submission/);
    await h.visit(jack, '/submissions/not-a-number', { expectStatus: 404 });
    await h.visit(jack, `${pageUrl}/submit`, { expectStatus: 404 });
    await h.visit(jack, '/submissions');
    assert.doesNotMatch(await mainText(jack), new RegExp(PAGE_TITLE));
    assert.equal(await post(jack, `${submissionUrl}/comments`, { body: 'graffiti' }), 404);
    assert.equal(await post(jack, `${submissionUrl}/reviewed`, {}), 404);
    assert.equal(await post(jack, `${pageUrl}/submit`, { tutor_id: userId('priya') }), 404);
    assert.equal(psql(`SELECT count(*) FROM comments WHERE body_md = 'graffiti' AND (institution_id = ${collegeId()} OR author_id = ${userId('jack')})`), '0');
    assert.equal((await request('GET', imageSrc, { headers: { cookie: await cookiesOf(jack) } })).status, 404,
      'nor download the file it froze');
    await jack.context().close();
    const nadia = await h.newPage();
    await h.signIn(nadia, 'nadia');
    await h.visit(nadia, submissionUrl, { expectStatus: 404, axe: false });
    assert.equal((await request('GET', imageSrc, { headers: { cookie: await cookiesOf(nadia) } })).status, 404,
      'nor someone at another college');
    await nadia.context().close();
  });

  test('a made-up tutor is refused and nothing is saved', async () => {
    const count = () => psql(`SELECT count(*) FROM submissions WHERE page_id = ${pageUrl.split('/')[3]}`);
    const before = count();
    await h.visit(amira, `${pageUrl}/submit`);
    await h.submit(amira, `${pageUrl}/submit`, {
      csrf_token: await amira.locator('input[name=csrf_token]').first().inputValue(),
      tutor_id: userId('jack'), note: 'forged',
    }, { expectStatus: 400 });
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /not one of your tutors/);
    assert.equal(count(), before);
    assert.equal(psql(`SELECT count(*) FROM notifications WHERE user_id = ${userId('jack')} AND kind = 'submission'`), '0');
  });
});

describe('submitting a collection', () => {
  test('every page is frozen in order, each under its title', async () => {
    const amira = await h.newPage();
    await h.signIn(amira, 'amira');
    const owner = userId('amira');
    const page = (title, words) => psql(`WITH p AS (INSERT INTO portfolio_pages (institution_id, owner_id, title)
        SELECT institution_id, id, '${title}' FROM users WHERE id = ${owner} RETURNING id, institution_id)
      INSERT INTO page_blocks (page_id, institution_id, position, text_md, text_html)
        SELECT id, institution_id, 1, '${words}', '<p>${words}</p>' FROM p RETURNING page_id`);
    const first = page(`Week one ${STAMP}`, 'Planning the arm');
    const second = page(`Week two ${STAMP}`, 'Building the arm');
    const collection = psql(`INSERT INTO collections (institution_id, owner_id, title, description_md, description_html)
      SELECT institution_id, id, 'My term ${STAMP}', 'The whole term', '<p>The whole term</p>' FROM users WHERE id = ${owner} RETURNING id`);
    psql(`INSERT INTO collection_pages (collection_id, page_id, position) VALUES (${collection}, ${second}, 2), (${collection}, ${first}, 1)`);
    await h.visit(amira, `/portfolio/collections/${collection}/submit`);
    await amira.getByRole('radio', { name: 'Priya Sharma' }).check();
    await button(amira, 'Submit for assessment');
    assert.match(new URL(amira.url()).pathname, /^\/submissions\/\d+$/);
    await assertAccessible(amira, 'a submitted collection');
    assert.equal(await amira.locator('h1').innerText(), `My term ${STAMP}`);
    assert.deepEqual(await amira.locator('.tandem-snapshot h3').allInnerTexts(), [`Week one ${STAMP}`, `Week two ${STAMP}`]);
    assert.match(await snapshotText(amira), /The whole term[\s\S]*Planning the arm[\s\S]*Building the arm/);
    assert.equal(await amira.getByRole('link', { name: 'Go to your collection' }).getAttribute('href'), `/portfolio/collections/${collection}`);
    await amira.context().close();
  });
});

describe('a learner with no tutor', () => {
  test('is told why there is nobody to submit to', async () => {
    const nadia = await h.newPage();
    await h.signIn(nadia, 'nadia');
    await h.visit(nadia, '/portfolio/pages/new');
    await nadia.getByLabel('Title').fill(`Vectors ${STAMP}`);
    await button(nadia, 'Save page');
    const pageUrl = new URL(nadia.url()).pathname;
    await h.visit(nadia, `${pageUrl}/submit`);
    const text = await mainText(nadia);
    assert.match(text, /You have no tutor to submit it to yet/);
    assert.match(text, /Your college adds you to your teaching groups/);
    assert.equal(await nadia.getByRole('button', { name: 'Submit for assessment' }).count(), 0);
    await h.visit(nadia, '/submissions');
    assert.match(await mainText(nadia), /Nothing here yet/);
    await nadia.context().close();
  });
});

test('the dashboard and the portfolio lead to submissions', async () => {
  const page = await h.newPage();
  await h.signIn(page, 'amira');
  await h.visit(page, '/');
  assert.equal(await page.getByRole('link', { name: /^Submissions for assessment/ }).getAttribute('href'), '/submissions');
  await h.visit(page, '/portfolio');
  assert.equal(await page.getByRole('link', { name: /^Submissions for assessment/ }).getAttribute('href'), '/submissions');
  await page.context().close();
});
