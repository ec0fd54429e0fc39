// Collections: a student puts pages in order, reorders them with buttons
// (keyboard, no JavaScript needed), and people the collection is shared
// with read it page by page with previous and next links. Nobody else can
// see or change it, and bad input changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, harness } from './lib/browser.mjs';
import { literal, user } from './lib/college.mjs';
import { psql } from './lib/db.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const press = h.click;
// A POST from inside the signed-in page, with its CSRF token: answers the status and the page's text.
const post = h.post;

// Titles are unique to the run, so that choosing a page by its title is unambiguous.
const run = Date.now() % 1e6;
const titles = [`Week 1: sketches ${run}`, `Week 2: the bracket ${run}`, `Week 3: testing ${run}`];
const [A, B, C] = titles;
const collectionTitle = `My robot arm, start to finish ${run}`;

const editorTitles = (page) => page.locator('#pages ~ ol .tandem-block h3 a').allInnerTexts();
const idOf = (url) => new URL(url).pathname.split('/').pop();
// The pagination's link names the page it leads to ("Next page: Week 2 …").
const neighbour = (page, which, title) => page.getByRole('link', { name: new RegExp(`^${which} page\\s*:\\s*${literal(title)}$`) });

describe('collections', () => {
  let amira;
  const pageIds = {};
  let collectionUrl; // the owner's editor
  let readUrl; // what others see
  let id;

  before(async () => { amira = await h.newPage(); await h.signIn(amira, 'amira'); });
  after(() => amira.context().close());

  test('three pages are made to go in the collection', async () => {
    for (const title of titles) {
      await h.visit(amira, '/portfolio/pages/new');
      await amira.getByLabel('Title').fill(title);
      await press(amira, amira.getByRole('button', { name: 'Save page' }));
      pageIds[title] = idOf(amira.url());
      await amira.getByLabel('Some words of your own').fill(`What I did in ${title.split(':')[0]}.`);
      await press(amira, amira.getByRole('button', { name: 'Add text' }));
    }
  });

  test('a collection is created from the portfolio; an empty title is refused', async () => {
    await h.visit(amira, '/portfolio');
    await press(amira, amira.getByRole('link', { name: 'Create a collection' }));
    await assertAccessible(amira, 'a new collection');
    const bad = await press(amira, amira.getByRole('button', { name: 'Save collection' }));
    assert.equal(bad.status(), 400);
    assert.match(await amira.locator('.govuk-error-summary').innerText(), /Enter a title/);
    await assertAccessible(amira, 'a collection without a title');
    await amira.getByLabel('Title').fill(collectionTitle);
    await amira.getByLabel('Description (optional)').fill('Three weeks of **building**.');
    await press(amira, amira.getByRole('button', { name: 'Save collection' }));
    collectionUrl = new URL(amira.url()).pathname;
    assert.match(collectionUrl, /^\/portfolio\/collections\/\d+$/);
    id = idOf(amira.url());
    readUrl = `/collections/${id}`;
    assert.equal(await amira.locator('h1').innerText(), collectionTitle);
    assert.equal(await amira.locator('main strong', { hasText: 'building' }).count(), 1);
    assert.match(await amira.locator('main').innerText(), /No pages yet/);
    await assertAccessible(amira, 'an empty collection');
  });

  test('pages are added at the end; adding one twice is refused', async () => {
    for (const title of titles) {
      await amira.getByLabel('One of your pages').selectOption({ label: title });
      await press(amira, amira.getByRole('button', { name: 'Add page' }));
    }
    assert.deepEqual(await editorTitles(amira), [A, B, C]);
    assert.equal(await amira.locator('#page_id option', { hasText: A }).count(), 0, 'a page in it is no longer offered');
    await assertAccessible(amira, 'a collection of three pages');
    const again = await post(amira, `${collectionUrl}/pages`, { page_id: pageIds[A] });
    assert.equal(again.status, 400);
    assert.match(again.text, /already in this collection/);
    await h.visit(amira, collectionUrl);
    assert.deepEqual(await editorTitles(amira), [A, B, C]);
  });

  test('pages move up and down with buttons, by keyboard', async () => {
    const up = amira.getByRole('button', { name: `Move up ${C}` });
    await up.focus();
    await Promise.all([amira.waitForNavigation(), amira.keyboard.press('Enter')]);
    assert.deepEqual(await editorTitles(amira), [A, C, B]);
    await amira.getByRole('button', { name: `Move down ${A}` }).focus();
    await Promise.all([amira.waitForNavigation(), amira.keyboard.press('Enter')]);
    assert.deepEqual(await editorTitles(amira), [C, A, B]);
    assert.equal(await amira.getByRole('button', { name: `Move up ${C}` }).count(), 0, 'the first page cannot move up');
    assert.equal(await amira.getByRole('button', { name: `Move down ${B}` }).count(), 0, 'the last page cannot move down');
    await assertAccessible(amira, 'a reordered collection');
  });

  test('the portfolio lists the collection with its number of pages', async () => {
    await h.visit(amira, '/portfolio');
    assert.match(await amira.locator('main').innerText(), new RegExp(`${collectionTitle} \\(3 pages\\)`));
    await h.visit(amira, `${collectionUrl}/edit`);
    assert.equal(await amira.getByLabel('Title').inputValue(), collectionTitle);
  });

  // Reads the collection as `page` and walks it from the first page to the
  // last and back one, checking "Page n of 3" and the neighbours' links.
  async function walk(page, mine) {
    await h.visit(page, readUrl);
    assert.equal(await page.locator('h1').innerText(), collectionTitle);
    assert.match(await page.locator('.govuk-caption-l').innerText(), /A collection by Amira/);
    assert.deepEqual(await page.locator('main ol li a').allInnerTexts(), [C, A, B]);
    assert.equal(await page.locator('.govuk-inset-text').count(), mine ? 1 : 0);
    await press(page, page.getByRole('link', { name: 'Start reading' }));
    await assertAccessible(page, 'the first page of a collection');
    const caption = () => page.locator('.govuk-caption-l').innerText();
    assert.equal(await page.locator('h1').innerText(), C);
    assert.match(await caption(), /^Page 1 of 3/);
    assert.match(await page.locator('main').innerText(), /What I did in Week 3\./);
    assert.equal(await page.locator('a[rel=prev]').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Comments on this page' }).getAttribute('href'), `/pages/${pageIds[C]}#comments`);
    await press(page, neighbour(page, 'Next', A));
    assert.equal(new URL(page.url()).pathname, `${readUrl}/pages/${pageIds[A]}`);
    assert.match(await caption(), /^Page 2 of 3/);
    assert.match(await page.locator('a[rel=prev]').innerText(), new RegExp(C));
    assert.match(await page.locator('a[rel=next]').innerText(), new RegExp(B));
    await assertAccessible(page, 'a page in the middle of a collection');
    await press(page, page.locator('a[rel=next]'));
    assert.equal(await page.locator('h1').innerText(), B);
    assert.match(await caption(), /^Page 3 of 3/);
    assert.equal(await page.locator('a[rel=next]').count(), 0);
    await press(page, neighbour(page, 'Previous', A));
    assert.equal(await page.locator('h1').innerText(), A);
    await press(page, page.getByRole('link', { name: collectionTitle }));
    assert.equal(new URL(page.url()).pathname, readUrl);
  }

  test('the owner sees it as others do, and walks it with next and previous', async () => {
    await h.visit(amira, collectionUrl);
    await press(amira, amira.getByRole('link', { name: 'See it as others do' }));
    await walk(amira, true);
  });

  test('someone it is not shared with cannot see it, read its pages, or change it', async () => {
    const jack = await h.newPage();
    await h.signIn(jack, 'jack');
    const none = await h.visit(jack, readUrl, { expectStatus: 404 });
    assert.match(await none.text(), /There is no such collection, or it has not been shared with you\./);
    await h.visit(jack, `${readUrl}/pages/${pageIds[A]}`, { expectStatus: 404 });
    await h.visit(jack, `/pages/${pageIds[A]}`, { expectStatus: 404, axe: false });
    const notMine = await h.visit(jack, collectionUrl, { expectStatus: 404 });
    assert.match(await notMine.text(), /There is no such collection in your portfolio\./);
    await h.visit(jack, `${collectionUrl}/edit`, { expectStatus: 404, axe: false });
    await h.visit(jack, `${collectionUrl}/delete`, { expectStatus: 404, axe: false });
    await h.visit(jack, '/portfolio/collections/not-a-number', { expectStatus: 404, axe: false });
    await h.visit(jack, '/collections/not-a-number', { expectStatus: 404, axe: false });
    await h.visit(jack, `${readUrl}/pages/not-a-number`, { expectStatus: 404, axe: false });
    await h.visit(jack, '/portfolio');
    assert.equal((await post(jack, collectionUrl, { title: 'Mine now' })).status, 404);
    assert.equal((await post(jack, `${collectionUrl}/pages/${pageIds[A]}/move`, { direction: 'down' })).status, 404);
    assert.equal((await post(jack, `${collectionUrl}/pages/${pageIds[A]}/remove`, {})).status, 404);
    assert.equal((await post(jack, `${collectionUrl}/delete`, {})).status, 404);
    // jack makes a page of his own, which amira must not put in her collection.
    await h.visit(jack, '/portfolio/pages/new');
    await jack.getByLabel('Title').fill(`Jack's welding ${run}`);
    await press(jack, jack.getByRole('button', { name: 'Save page' }));
    pageIds.jack = idOf(jack.url());
    assert.equal((await post(jack, `${collectionUrl}/pages`, { page_id: pageIds.jack })).status, 404);
    await jack.context().close();
    await h.visit(amira, collectionUrl);
    assert.deepEqual(await editorTitles(amira), [C, A, B], 'nothing changed');
    assert.equal(await amira.locator('h1').innerText(), collectionTitle);
  });

  test('bad input from the owner gets a clear answer and changes nothing', async () => {
    await h.visit(amira, collectionUrl);
    const theirs = await post(amira, `${collectionUrl}/pages`, { page_id: pageIds.jack });
    assert.equal(theirs.status, 404);
    assert.match(theirs.text, /There is no such page in your portfolio\./);
    const notIn = await post(amira, `${collectionUrl}/pages/${pageIds.jack}/move`, { direction: 'up' });
    assert.equal(notIn.status, 404);
    assert.match(notIn.text, /That page is not in your collection\./);
    assert.equal((await post(amira, `${collectionUrl}/pages/${pageIds.jack}/remove`, {})).status, 404);
    const sideways = await post(amira, `${collectionUrl}/pages/${pageIds[A]}/move`, { direction: 'sideways' });
    assert.equal(sideways.status, 400);
    assert.match(sideways.text, /direction/);
    const word = await post(amira, `${collectionUrl}/pages`, { page_id: 'first' });
    assert.equal(word.status, 400);
    assert.match(word.text, /page/);
    // A collection of a classmate's, at her own college: not hers to open.
    const other = psql(`INSERT INTO collections (institution_id, owner_id, title, description_md, description_html)
                        SELECT institution_id, id, 'Jack''s own ${run}', '', '' FROM users
                         WHERE username = '${user('jack')}' RETURNING id`);
    assert.match(other, /^\d+$/);
    await h.visit(amira, `/portfolio/collections/${other}`, { expectStatus: 404, axe: false });
    await h.visit(amira, `/collections/${other}`, { expectStatus: 404, axe: false });
    await h.visit(amira, '/portfolio/collections/99999999999', { expectStatus: 404, axe: false });
    await h.visit(amira, `/collections/${id}/pages/${pageIds.jack}`, { expectStatus: 404, axe: false });
    await h.visit(amira, collectionUrl);
    assert.deepEqual(await editorTitles(amira), [C, A, B], 'nothing changed');
  });

  test('shared with her tutor, she reads it until the share is revoked', async () => {
    psql(`INSERT INTO shares (institution_id, owner_id, collection_id, audience, user_id)
          SELECT c.institution_id, c.owner_id, c.id, 'person', u.id
            FROM collections c, users u WHERE c.id = ${id} AND u.username = '${user('priya')}'`);
    const priya = await h.newPage();
    await h.signIn(priya, 'priya');
    await walk(priya, false);
    await h.visit(priya, `/pages/${pageIds[A]}`, { axe: false });
    await h.visit(priya, collectionUrl, { expectStatus: 404, axe: false });
    psql(`UPDATE shares SET revoked_at = now() WHERE collection_id = ${id} AND revoked_at IS NULL`);
    await h.visit(priya, readUrl, { expectStatus: 404 });
    await h.visit(priya, `${readUrl}/pages/${pageIds[A]}`, { expectStatus: 404, axe: false });
    await priya.context().close();
  });

  test('shared with her group from the sharing page, a classmate reads it until she stops it', async () => {
    const jack = await h.newPage();
    await h.signIn(jack, 'jack');
    await h.visit(jack, readUrl, { expectStatus: 404, axe: false });
    await h.visit(amira, `${collectionUrl}/sharing`);
    await amira.getByLabel('Everyone in one of your groups').check();
    await amira.getByLabel('Group', { exact: true }).selectOption({ label: 'Engineering Level 3, group A (ENG3-A)' });
    await press(amira, amira.getByRole('button', { name: 'Share', exact: true }));
    assert.match(await amira.locator('#shares ~ dl').innerText(), /Everyone in Engineering Level 3, group A \(ENG3-A\)/);
    await h.visit(jack, readUrl);
    await h.visit(jack, `${readUrl}/pages/${pageIds[A]}`);
    await h.visit(jack, '/shared');
    assert.match(await jack.locator('main table').innerText(), new RegExp(`${collectionTitle}\\s+Collection\\s+Amira Hassan\\s+With your group`));
    await h.visit(amira, `${collectionUrl}/sharing`);
    await press(amira, amira.getByRole('button', { name: /^Stop sharing with Everyone in Engineering/ }));
    await press(amira, amira.getByRole('button', { name: 'Stop sharing' }));
    await h.visit(jack, readUrl, { expectStatus: 404, axe: false });
    await jack.context().close();
  });

  test('shared with the public, a visitor reads it without signing in, until it stops', async () => {
    const visitor = await h.newPage();
    await h.visit(visitor, readUrl, { expectStatus: 404, axe: false });
    psql(`INSERT INTO shares (institution_id, owner_id, collection_id, audience)
          SELECT institution_id, owner_id, id, 'public' FROM collections WHERE id = ${id}`);
    await h.visit(visitor, readUrl);
    await h.visit(visitor, `${readUrl}/pages/${pageIds[A]}`);
    assert.match(await visitor.locator('.govuk-caption-l').innerText(), /^Page 2 of 3/);
    psql(`UPDATE shares SET revoked_at = now() WHERE collection_id = ${id} AND revoked_at IS NULL`);
    await h.visit(visitor, `${readUrl}/pages/${pageIds[A]}`, { expectStatus: 404, axe: false });
    await visitor.context().close();
  });

  test('a secret link opens the collection and its pages, and nothing else', async () => {
    await h.visit(amira, `${collectionUrl}/sharing`);
    await amira.locator('#audience-link').check();
    await press(amira, amira.getByRole('button', { name: 'Share', exact: true }));
    const link = new URL(await amira.locator('#new-link').inputValue()).pathname;
    const visitor = await h.newPage();
    await h.visit(visitor, link);
    assert.equal(await visitor.locator('h1').innerText(), collectionTitle);
    assert.match(await visitor.locator('.govuk-caption-l').innerText(), /A collection by Amira/);
    await press(visitor, visitor.getByRole('link', { name: A }));
    assert.equal(new URL(visitor.url()).pathname, `${link}/pages/${pageIds[A]}`);
    assert.match(await visitor.locator('.govuk-caption-l').innerText(), /^Page 2 of 3/);
    assert.equal(await visitor.getByRole('link', { name: 'Comments on this page' }).count(), 0);
    assert.equal(await visitor.locator('a[rel=next]').getAttribute('href'), `${link}/pages/${pageIds[B]}`);
    await assertAccessible(visitor, 'a page through a secret link');
    await h.visit(visitor, `${link}/pages/${pageIds.jack}`, { expectStatus: 404, axe: false });
    await h.visit(visitor, `${link}/pages/not-a-number`, { expectStatus: 404, axe: false });
    await h.visit(visitor, readUrl, { expectStatus: 404, axe: false });
    psql(`UPDATE shares SET revoked_at = now() WHERE collection_id = ${id} AND revoked_at IS NULL`);
    await h.visit(visitor, `${link}/pages/${pageIds[A]}`, { expectStatus: 410, axe: false });
    await visitor.context().close();
  });

  test('a page is removed, then the collection is deleted; the pages stay', async () => {
    await h.visit(amira, collectionUrl);
    await press(amira, amira.getByRole('button', { name: `Remove ${A} from the collection` }));
    assert.deepEqual(await editorTitles(amira), [C, B]);
    await press(amira, amira.getByRole('link', { name: 'Delete this collection' }));
    await assertAccessible(amira, 'deleting a collection');
    assert.match(await amira.locator('main').innerText(), /Its 2 pages stay in your portfolio/);
    await press(amira, amira.getByRole('button', { name: 'Delete collection' }));
    assert.equal(new URL(amira.url()).pathname, '/portfolio');
    const text = await amira.locator('main').innerText();
    assert.doesNotMatch(text, new RegExp(collectionTitle));
    for (const title of titles) assert.match(text, new RegExp(title));
    await h.visit(amira, collectionUrl, { expectStatus: 404, axe: false });
    await h.visit(amira, readUrl, { expectStatus: 404, axe: false });
  });
});
