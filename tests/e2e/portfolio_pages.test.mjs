// Portfolio pages: a student builds a page from evidence and words of their
// own, reorders it with buttons (keyboard, no JavaScript needed), removes a
// block; nobody else can see or change it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, assertAccessible, harness } from './lib/browser.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

async function press(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  h.saveHtml('after a button', await response.text());
  return response;
}

const blockTitles = (page) => page.locator('.tandem-block').evaluateAll((bs) => bs.map((b) => b.innerText.split('\n')[0].trim()));

describe('a student builds a page', () => {
  let page;
  let pageUrl;
  before(async () => { page = await h.newPage(); await h.signIn(page, 'amira'); });
  after(() => page.context().close());

  test('a new page is created with a title and description', async () => {
    await h.visit(page, '/portfolio/pages/new');
    await page.getByLabel('Title').fill('My robot arm project');
    await page.getByLabel('Description (optional)').fill('How we built it, **week by week**.');
    await press(page, page.getByRole('button', { name: 'Save page' }));
    pageUrl = new URL(page.url()).pathname;
    assert.match(pageUrl, /^\/portfolio\/pages\/\d+$/);
    assert.equal(await page.locator('h1').innerText(), 'My robot arm project');
    assert.equal(await page.locator('main strong', { hasText: 'week by week' }).count(), 1);
    assert.match(await page.locator('main').innerText(), /Nothing yet/);
  });

  test('words and evidence are added in order', async () => {
    await page.getByLabel('Some words of your own').fill('## Introduction\n\nThis is what I did.');
    await press(page, page.getByRole('button', { name: 'Add text' }));
    for (const title of ['Designing a bracket for the robot arm', "Our team's build log"]) {
      await press(page, page.getByRole('link', { name: 'Add a piece of evidence' }));
      await assertAccessible(page, 'choosing evidence for a page');
      await page.getByLabel('A piece of your evidence').selectOption({ label: title });
      await press(page, page.getByRole('button', { name: 'Add evidence' }));
    }
    assert.deepEqual(await blockTitles(page), ['Introduction', 'Designing a bracket for the robot arm', "Our team's build log"]);
    assert.match(await page.locator('.tandem-block').nth(1).innerText(), /Reflection[\s\S]*hole spacing/);
    await assertAccessible(page, 'a page with blocks');
  });

  test('blocks move up and down with buttons, by keyboard', async () => {
    const moveUp = page.getByRole('button', { name: 'Move up block 3' });
    await moveUp.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.deepEqual(await blockTitles(page), ['Introduction', "Our team's build log", 'Designing a bracket for the robot arm']);
    await press(page, page.getByRole('button', { name: 'Move down block 1' }));
    assert.deepEqual(await blockTitles(page), ["Our team's build log", 'Introduction', 'Designing a bracket for the robot arm']);
    assert.equal(await page.getByRole('button', { name: 'Move up block 1' }).count(), 0, 'the first block cannot move up');
    assert.equal(await page.getByRole('button', { name: 'Move down block 3' }).count(), 0, 'the last block cannot move down');
  });

  test('a block is removed; its evidence stays in the portfolio', async () => {
    await press(page, page.getByRole('button', { name: 'Remove block 1' }));
    assert.deepEqual(await blockTitles(page), ['Introduction', 'Designing a bracket for the robot arm']);
    await h.visit(page, '/portfolio');
    assert.match(await page.locator('main').innerText(), /Our team's build log/);
    assert.match(await page.locator('main').innerText(), /My robot arm project \(2 blocks\)/);
  });

  test('the title can be changed; an empty one is refused', async () => {
    await h.visit(page, `${pageUrl}/edit`);
    await page.getByLabel('Title').fill('');
    const bad = await press(page, page.getByRole('button', { name: 'Save page' }));
    assert.equal(bad.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a title/);
    await page.getByLabel('Title').fill('Robot arm: the whole story');
    await press(page, page.getByRole('button', { name: 'Save page' }));
    assert.equal(await page.locator('h1').innerText(), 'Robot arm: the whole story');
  });

  test('a text block is changed in place; an empty text is refused and kept as typed', async () => {
    await h.visit(page, pageUrl);
    await press(page, page.getByRole('link', { name: 'Change block 1' }));
    await assertAccessible(page, 'changing a text block');
    assert.equal(await page.getByLabel('Your words').inputValue(), '## Introduction\n\nThis is what I did.');
    await page.getByLabel('Your words').fill('   ');
    const bad = await press(page, page.getByRole('button', { name: 'Save text' }));
    assert.equal(bad.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the text/);
    await page.getByLabel('Your words').fill('## Introduction\n\nWhat I did, and **why**.');
    await press(page, page.getByRole('button', { name: 'Save text' }));
    assert.match(await page.locator('.tandem-block').first().innerText(), /What I did, and why\./);
    assert.equal(await page.getByRole('link', { name: 'Change block 2' }).count(), 0, 'evidence is changed on its own page');
  });

  // Rendered blocks are kept in memory by the server (core/fragment.c): each
  // view here follows one that has just filled that memory.
  test('a page always shows its evidence as it is now, to its owner and its readers', async () => {
    const stamp = Date.now();
    await h.visit(page, '/portfolio/evidence/new');
    await page.getByLabel('Something I wrote').check();
    await page.getByLabel('Title').fill(`Notes ${stamp}`);
    await page.getByLabel(/^Text/).fill('First thoughts.');
    await press(page, page.getByRole('button', { name: 'Save evidence' }));
    const evidenceUrl = new URL(page.url()).pathname;
    await h.visit(page, `${pageUrl}/add`);
    await page.getByLabel('A piece of your evidence').selectOption({ label: `Notes ${stamp}` });
    await press(page, page.getByRole('button', { name: 'Add evidence' }));
    const readerUrl = pageUrl.replace('/portfolio', '');
    const mainText = async (path) => { await h.visit(page, path); return page.locator('main').innerText(); };
    for (const path of [pageUrl, readerUrl]) assert.match(await mainText(path), new RegExp(`Notes ${stamp}[\\s\\S]*First thoughts`));

    await h.visit(page, `${evidenceUrl}/edit`);
    await page.getByLabel('Title').fill(`Better notes ${stamp}`);
    await page.getByLabel(/^Text/).fill('Second thoughts.');
    await press(page, page.getByRole('button', { name: 'Save evidence' }));
    for (const path of [pageUrl, readerUrl]) {
      const text = await mainText(path);
      assert.match(text, new RegExp(`Better notes ${stamp}[\\s\\S]*Second thoughts`), `${path} shows the evidence as edited`);
      assert.doesNotMatch(text, /First thoughts/);
    }

    await h.visit(page, `${evidenceUrl}/delete`);
    await press(page, page.getByRole('button', { name: 'Delete evidence' }));
    for (const path of [pageUrl, readerUrl]) {
      assert.doesNotMatch(await mainText(path), new RegExp(`notes ${stamp}`, 'i'), `${path} no longer shows deleted evidence`);
    }
    assert.deepEqual(await blockTitles(page), ['Introduction', 'Designing a bracket for the robot arm']);
  });

  test('someone else cannot see the page, change it, or put their evidence on it', async () => {
    const jack = await h.newPage();
    await h.signIn(jack, 'jack');
    await h.visit(jack, pageUrl, { expectStatus: 404 });
    await h.visit(jack, `${pageUrl}/edit`, { expectStatus: 404 });
    await h.visit(jack, `${pageUrl}/add`, { expectStatus: 404 });
    await h.visit(jack, '/portfolio/pages/not-a-number', { expectStatus: 404 });
    await h.visit(jack, '/portfolio');
    const csrf = await jack.locator('input[name=csrf_token]').first().inputValue();
    const post = (path, fields) => jack.evaluate(async ([p, f]) =>
      (await fetch(p, { method: 'POST', body: new URLSearchParams(f) })).status, [path, { csrf_token: csrf, ...fields }]);
    assert.equal(await post(`${pageUrl}/blocks`, { text: 'graffiti' }), 404);
    assert.equal(await post(`${pageUrl}/blocks/1/move`, { direction: 'up' }), 404);
    assert.equal(await post(`${pageUrl}/blocks/1/delete`, {}), 404);
    const firstBlock = (await page.locator('.tandem-block').first().getAttribute('id')).replace('block-', '');
    assert.equal(await post(`${pageUrl}/blocks/${firstBlock}`, { text: 'graffiti' }), 404);
    await h.visit(jack, `${pageUrl}/blocks/${firstBlock}/edit`, { expectStatus: 404 });
    await h.visit(jack, '/portfolio');
    // jack's own evidence, which amira must not be able to put on her page.
    const jacksEvidence = (await jack.getByRole('link', { name: /Welding practice/ }).getAttribute('href')).split('/').pop();
    await jack.context().close();
    await h.visit(page, pageUrl);
    const csrfA = await page.locator('input[name=csrf_token]').first().inputValue();
    const status = await page.evaluate(async ([p, c, e]) =>
      (await fetch(p, { method: 'POST', body: new URLSearchParams({ csrf_token: c, evidence_id: e }) })).status,
    [`${pageUrl}/blocks`, csrfA, jacksEvidence]);
    assert.equal(status, 404);
    assert.equal(await page.locator('.tandem-block').count(), 2, 'the page is unchanged');
  });
});
