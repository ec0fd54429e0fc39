// Portfolio evidence: a student adds text, files and links, changes and
// deletes them; rich text is safe; nobody else can open them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, PNG, assertAccessible, harness, request } from './lib/browser.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

async function press(page, name) {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  h.saveHtml(`after ${name}`, await response.text());
  return response;
}

/**
 * Types text into a box. Megabytes are put there as the box's value, as a
 * paste would, and the box is then taken out of the layout (display: none;
 * a hidden control is still sent with its form): Playwright's fill() enters
 * them as one long edit, and Chromium lays out megabytes of text in a
 * textarea for seconds (7 s for 3 MB on a busy test machine), both of which
 * outlast the harness's 15 s timeouts when other test files run alongside.
 * What the form sends, and how, is the same as when a person presses its
 * button.
 */
async function fillText(box, text) {
  if (text.length < 100_000) return box.fill(text);
  await box.evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.style.display = 'none';
  }, text);
  assert.equal(await box.evaluate((el) => el.value.length), text.length, 'the whole text is in the box');
}

async function addEvidence(page, { kind = 'Something I wrote', title, body, url, file, reflection, tags }) {
  await h.visit(page, '/portfolio/evidence/new');
  await page.getByLabel(kind).check();
  if (title !== undefined) await page.getByLabel('Title').fill(title);
  if (body) await fillText(page.getByLabel(/^Text/), body);
  if (url) await page.getByLabel(/^Web address/).fill(url);
  if (file) await page.getByLabel(/^File/).setInputFiles(file);
  if (reflection) await page.getByLabel(/^Reflection/).fill(reflection);
  if (tags) await page.getByLabel(/^Tags/).fill(tags);
  return press(page, 'Save evidence');
}

const idOf = (page) => new URL(page.url()).pathname.split('/')[3];

describe('a student\'s evidence', () => {
  let page;
  before(async () => { page = await h.newPage(); await h.signIn(page, 'amira'); });
  after(() => page.context().close());

  test('the portfolio lists their evidence and filters by tag', async () => {
    await h.visit(page, '/portfolio');
    const main = await page.locator('main').innerText();
    assert.match(main, /Designing a bracket for the robot arm/);
    assert.match(main, /Our team's build log/);
    await h.visit(page, '/portfolio?tag=cad');
    const filtered = await page.locator('main table').innerText();
    assert.match(filtered, /Designing a bracket/);
    assert.doesNotMatch(filtered, /build log/);
  });

  test('written evidence keeps its Markdown and loses anything unsafe', async () => {
    const response = await addEvidence(page, {
      title: 'My reflection on <b>week 3</b>',
      body: '**Proud** of this:\n\n- one\n- two\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>',
      reflection: 'I learned *a lot*.', tags: 'Reflection, week 3, reflection',
    });
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /saved/);
    assert.equal(await page.locator('h1').innerText(), 'My reflection on <b>week 3</b>');
    assert.equal(await page.locator('main strong', { hasText: 'Proud' }).count(), 1);
    assert.equal(await page.locator('main li').count(), 2);
    assert.equal(await page.locator('main script').count(), 0);
    assert.equal(await page.locator('main [onerror]').count(), 0);
    for (const href of await page.locator('main .tandem-richtext a').evaluateAll((as) => as.map((a) => a.getAttribute('href') || ''))) {
      assert.doesNotMatch(href, /javascript:/i);
    }
    assert.match(await page.locator('main').innerText(), /Tags: reflection, week 3/);
    await assertAccessible(page, 'evidence page');
    await h.visit(page, `/portfolio/evidence/${idOf(page)}/edit`);
    assert.match(await page.getByLabel(/^Text/).inputValue(), /^\*\*Proud\*\* of this:\n\n- one\n- two\n/, 'the lines of the Markdown come back to edit');
    await press(page, 'Save evidence');
    assert.equal(await page.locator('main li').count(), 2, 'saving unchanged keeps the list');
  });

  test('a photo shows on the page and downloads as it was uploaded', async () => {
    await addEvidence(page, { kind: 'A file: a photo, a document, a recording', title: 'Finished bracket',
      file: { name: 'bracket photo.png', mimeType: 'image/png', buffer: PNG } });
    const img = page.locator('main img');
    assert.equal(await img.count(), 1);
    assert.equal(await img.evaluate((i) => i.naturalWidth), 1, 'the image did not load');
    const src = await img.getAttribute('src');
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await request('GET', src, { headers: { cookie: cookies } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-disposition'], /^inline; .*filename\*=UTF-8''bracket%20photo\.png/);
    assert.match([].concat(res.headers['content-security-policy']).join(','), /sandbox/);
    await assertAccessible(page, 'file evidence');
  });

  test('an HTML file is offered as a download, never shown as a page', async () => {
    await addEvidence(page, { kind: 'A file: a photo, a document, a recording', title: 'Sneaky',
      file: { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<script>alert(1)</script>') } });
    const href = await page.getByRole('link', { name: /Download page.html/ }).getAttribute('href');
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await request('GET', href, { headers: { cookie: cookies } });
    assert.match(res.headers['content-disposition'], /^attachment;/);
    assert.match([].concat(res.headers['content-security-policy']).join(','), /sandbox/);
  });

  test('several megabytes of Markdown are refused with a reason; deeply nested lists are kept safely', async () => {
    const huge = await addEvidence(page, { title: 'Huge', body: 'word '.repeat(600_000) });
    assert.ok([400, 413].includes(huge.status()), `a 3 MB text: ${huge.status()}`);
    assert.match(await page.locator('main').innerText(), /at most|too large|too long/i);
    await h.visit(page, '/portfolio');
    assert.doesNotMatch(await page.locator('main').innerText(), /\bHuge\b/, 'nothing was saved');
    const nested = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const deep = await addEvidence(page, { title: 'Deep lists', body: nested });
    assert.equal(deep.status(), 200);
    assert.match(await page.locator('main').innerText(), /level 0[\s\S]*level 1/);
    assert.equal(await page.locator('main script').count(), 0);
    await assertAccessible(page, 'deeply nested lists');
  });

  test('bad input is explained and what was typed is kept', async () => {
    let response = await addEvidence(page, { kind: 'A link to something on the web', title: 'A link', url: 'javascript:alert(1)' });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /web address must be a web address starting with https/i);
    assert.equal(await page.getByLabel('Title').inputValue(), 'A link');
    response = await addEvidence(page, { title: '', body: 'kept words' });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a title/);
    assert.equal(await page.getByLabel(/^Text/).inputValue(), 'kept words');
    response = await addEvidence(page, { title: 'Tagged', body: 'x', tags: 'x'.repeat(41) });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /at most 40 characters/);
    response = await addEvidence(page, { kind: 'A file: a photo, a document, a recording', title: 'Not a photo',
      file: { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is text, not a PNG') } });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /its content is not that kind of image/);
    response = await addEvidence(page, { title: 'Nothing written' });
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Write the text/);
    await assertAccessible(page, 'evidence form with an error');
  });

  test('changing evidence, and a change made meanwhile elsewhere is not overwritten', async () => {
    await addEvidence(page, { title: 'Draft title', body: 'first words' });
    const id = idOf(page);
    const other = await h.newPage();
    await h.signIn(other, 'amira');
    await h.visit(other, `/portfolio/evidence/${id}/edit`);
    await h.visit(page, `/portfolio/evidence/${id}/edit`);
    await page.getByLabel('Title').fill('Better title');
    await press(page, 'Save evidence');
    assert.equal(await page.locator('h1').innerText(), 'Better title');
    await other.getByLabel('Title').fill('Stale title');
    const stale = await press(other, 'Save evidence');
    assert.equal(stale.status(), 409);
    assert.equal(await other.getByLabel('Title').inputValue(), 'Stale title', 'what was typed is kept');
    assert.equal((await press(other, 'Save evidence')).status(), 200, 'saving again after reading works');
    await other.context().close();
  });

  test('deleting asks first, then removes the evidence and its file', async () => {
    await addEvidence(page, { kind: 'A file: a photo, a document, a recording', title: 'To delete',
      file: { name: 'x.png', mimeType: 'image/png', buffer: PNG } });
    const id = idOf(page);
    const src = await page.locator('main img').getAttribute('src');
    await page.getByRole('link', { name: 'Delete' }).click();
    await page.waitForLoadState();
    await assertAccessible(page, 'delete confirmation');
    await press(page, 'Delete evidence');
    assert.equal(new URL(page.url()).pathname, '/portfolio');
    await h.visit(page, `/portfolio/evidence/${id}`, { expectStatus: 404 });
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    assert.equal((await request('GET', src, { headers: { cookie: cookies } })).status, 404);
  });
});

describe('other people\'s evidence', () => {
  test('is 404 to everyone else, and files too', async () => {
    const amira = await h.newPage();
    await h.signIn(amira, 'amira');
    await addEvidence(amira, { kind: 'A file: a photo, a document, a recording', title: 'Private',
      file: { name: 'p.png', mimeType: 'image/png', buffer: PNG } });
    const id = idOf(amira);
    const src = await amira.locator('main img').getAttribute('src');
    await amira.context().close();
    const jack = await h.newPage();
    await h.signIn(jack, 'jack');
    for (const path of [`/portfolio/evidence/${id}`, `/portfolio/evidence/${id}/edit`, `/portfolio/evidence/${id}/delete`, src]) {
      const res = await jack.goto(BASE_URL + path);
      assert.equal(res.status(), 404, path);
    }
    await h.visit(jack, '/portfolio');
    assert.doesNotMatch(await jack.locator('main').innerText(), /Private/);
    await jack.context().close();
  });
});
