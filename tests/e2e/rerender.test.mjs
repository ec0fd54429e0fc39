// `tandem rerender`: stored rich text made again from its Markdown through
// today's sanitiser, so that a fix to the sanitiser reaches old content.
// A second tandem, built with <strong> taken off the sanitiser's
// allow-list (RICHTEXT_TEST_DISALLOW, core/richtext.c; test builds only),
// stands for such a fix: run over content saved before it, it changes that
// content as people see it, and running it again writes nothing; the real
// tandem's rerender then puts everything back.
//
// Everything here happens in a college of this file's own, made with the
// documented commands and named with this file's tag (lib/college.mjs), as
// is its one person, and rerender is told to keep to it (--institution), so
// that files running beside this one (and this file's copy of the demo
// colleges) never see their content change.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { harness } from './lib/browser.mjs';
import { college, user } from './lib/college.mjs';
import { psql } from './lib/db.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = process.env.TANDEM_BIN || join(ROOT, 'cgi-bin/tandem');
const TEST_BUILD = 'build/rerender-test';
const TEST_BIN = join(ROOT, TEST_BUILD, 'tandem');
const SLUG = `${college.tag}-rr`;
const PERSON = user('kim');
const PASSWORD = 'rerender-test-password';

const h = harness(import.meta.url);

/** Runs a tandem program in the stack's environment (TANDEM_VAR, sanitizer options). */
function tandem(bin, args, input) {
  const r = spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8', input, env: process.env });
  return { code: r.status, out: (r.stdout || '') + (r.stderr || ''), stdout: r.stdout || '' };
}

/** `rerender --institution SLUG` with bin, which must succeed: its counts by table. */
function rerender(bin) {
  const r = tandem(bin, ['rerender', '--institution', SLUG]);
  assert.equal(r.code, 0, `${bin} rerender failed:\n${r.out}`);
  const counts = {};
  for (const line of r.stdout.trim().split('\n')) {
    const m = line.match(/^(\w+): (\d+) rendered, (\d+) changed$/);
    assert.ok(m, `a line of rerender's report that does not read "TABLE: N rendered, M changed": ${line}`);
    counts[m[1]] = { rendered: Number(m[2]), changed: Number(m[3]) };
  }
  return counts;
}

/** Asserts that exactly the tables in `changed` changed, that many rows each. */
function assertChanged(counts, changed, label) {
  for (const table of ['evidence', 'portfolio_pages', 'page_blocks', 'comments', 'posts', 'messages']) {
    assert.ok(counts[table], `${label}: rerender says nothing about ${table}`);
  }
  for (const [table, c] of Object.entries(counts)) {
    assert.equal(c.changed, changed[table] || 0, `${label}: rows of ${table} changed`);
  }
}

/**
 * The test build: today's tandem with <strong> off the allow-list, in a
 * folder of its own (made again only when sources change). Under a lock,
 * in case two runs share the checkout.
 */
function buildTestTandem() {
  const env = { ...process.env, SANITIZE: '0', CFLAGS: '-DRICHTEXT_TEST_DISALLOW=strong' };
  delete env.MAKEFLAGS; // not the outer make's jobserver, which this make cannot reach
  delete env.MAKELEVEL;
  mkdirSync(join(ROOT, TEST_BUILD), { recursive: true });
  const r = spawnSync('flock', [join(ROOT, TEST_BUILD, '.lock'),
    'make', '-s', '-j2', `BUILD=${TEST_BUILD}`, `BIN=${TEST_BIN}`, TEST_BIN], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(r.status, 0, `building the test tandem failed: ${r.error ?? ''}\n${r.stdout}${r.stderr}`);
}

describe('tandem rerender', () => {
  let page, evidenceId, pageId, savedBody;

  before(async () => {
    assert.ok(process.env.TANDEM_VAR, 'TANDEM_VAR is not set: this test reaches the stack\'s database through it');
    assert.ok(existsSync(BIN), `${BIN} does not exist: build it (make) or set TANDEM_BIN`);
    const added = tandem(BIN, ['institution', 'add', SLUG, 'Rerender Test College']);
    assert.equal(added.code, 0, added.out);
    const person = tandem(BIN, ['user', 'add', PERSON, '--email', college.email('kim', 'rerender.example'), '--name', 'Kim Rerender',
      '--role', 'student', '--institution', SLUG, '--password-stdin'], `${PASSWORD}\n`);
    assert.equal(person.code, 0, person.out);
    await h.launch();
    page = await h.newPage();
    await h.signIn(page, PERSON, PASSWORD);
  });
  after(async () => {
    await page?.context().close();
    await h.close();
  });

  test('content saved before a sanitiser change changes once rerender runs, and only once', async () => {
    // Evidence written through the web form, rendered by the server on save.
    await h.visit(page, '/portfolio/evidence/new');
    await page.getByLabel('Something I wrote').check();
    await page.getByLabel('Title').fill('Load test notes');
    await page.getByLabel(/^Text/).fill('Passed the **load test** at "2 kg" (log in C:\\temp\\arm).');
    await page.getByLabel(/^Reflection/).fill('Next time a *thicker* section.');
    await h.press(page, 'Save evidence');
    evidenceId = new URL(page.url()).pathname.split('/')[3];
    assert.match(evidenceId, /^\d+$/, `after saving, not on the evidence's page: ${page.url()}`);
    assert.equal(await page.locator('main .tandem-richtext strong', { hasText: 'load test' }).count(), 1);
    savedBody = psql(`SELECT body_html FROM evidence WHERE id = ${evidenceId}`);
    assert.match(savedBody, /<strong>load test<\/strong>/);

    // A portfolio page written in SQL as Markdown only, with the evidence
    // below its text, changed long ago: the real rerender renders it.
    pageId = psql(`WITH p AS (INSERT INTO portfolio_pages (institution_id, owner_id, title, updated_at)
                              SELECT institution_id, id, 'Arm project', '2026-01-05 10:00+00' FROM users WHERE username = '${PERSON}'
                              RETURNING id, institution_id)
                   INSERT INTO page_blocks (page_id, institution_id, position, evidence_id, text_md)
                   SELECT p.id, p.institution_id, n, CASE WHEN n = 2 THEN ${evidenceId} END,
                          CASE WHEN n = 1 THEN 'The **bracket** held.' ELSE '' END
                     FROM p, generate_series(1, 2) n RETURNING page_id`).split('\n')[0];
    psql(`UPDATE portfolio_pages SET updated_at = '2026-01-05 10:00+00' WHERE id = ${pageId}`);
    const first = rerender(BIN);
    assertChanged(first, { page_blocks: 1 }, 'the real tandem, first');
    assert.deepEqual(first.evidence, { rendered: 1, changed: 0 }, 'what the server saved is what rerender makes');
    await h.visit(page, `/portfolio/pages/${pageId}`);
    assert.equal(await page.locator('main .tandem-richtext strong').count(), 2, 'both blocks show their bold words');
    const stamp = () => psql(`SELECT updated_at = '2026-01-05 10:00+00', blocks_version FROM portfolio_pages WHERE id = ${pageId}`).split('|');
    const was = stamp();
    assert.equal(was[0], 't', 'rendering a block is no change to the page: its "last changed" stays');

    // The sanitiser "fix": <strong> is no longer allowed.
    buildTestTandem();
    const changed = rerender(TEST_BIN);
    assertChanged(changed, { evidence: 1, page_blocks: 1 }, 'the test tandem, first');
    const [body, reflection] = psql(`SELECT body_html, reflection_html FROM evidence WHERE id = ${evidenceId}`).split('|');
    assert.equal(body, '<p>Passed the load test at &quot;2 kg&quot; (log in C:\\temp\\arm).</p>\n');
    assert.equal(reflection, '<p>Next time a <em>thicker</em> section.</p>', 'what is still allowed stays'); // psql trims its output's last newline
    assert.equal(psql(`SELECT text_html FROM page_blocks WHERE page_id = ${pageId} AND position = 1`), '<p>The bracket held.</p>');
    const now = stamp();
    assert.equal(now[0], 't', 'the page\'s "last changed" stays');
    assert.ok(Number(now[1]) > Number(was[1]), 'the page\'s blocks have a new version, so no kept copy is shown');

    // What people see changed: the evidence, and the page the server had kept in memory.
    await h.visit(page, `/portfolio/evidence/${evidenceId}`);
    assert.match(await page.locator('main').innerText(), /Passed the load test at "2 kg"/);
    assert.equal(await page.locator('main strong').count(), 0, 'no bold words on the evidence');
    assert.equal(await page.locator('main .tandem-richtext em', { hasText: 'thicker' }).count(), 1);
    await h.visit(page, `/portfolio/pages/${pageId}`);
    assert.match(await page.locator('main').innerText(), /The bracket held\./);
    assert.equal(await page.locator('main .tandem-richtext strong').count(), 0, 'no bold words on the page');

    // Again: nothing to change, and nothing is written.
    const rows = () => psql(`SELECT (SELECT xmin FROM evidence WHERE id = ${evidenceId}) || ' ' ||
                                    (SELECT string_agg(xmin::text, ' ' ORDER BY id) FROM page_blocks WHERE page_id = ${pageId})`);
    const written = rows();
    assertChanged(rerender(TEST_BIN), {}, 'the test tandem, again');
    assert.equal(rows(), written, 'the rows were not written again');

    // The real tandem puts back what it saved.
    assertChanged(rerender(BIN), { evidence: 1, page_blocks: 1 }, 'the real tandem, after the test one');
    assert.equal(psql(`SELECT body_html FROM evidence WHERE id = ${evidenceId}`), savedBody);
    await h.visit(page, `/portfolio/pages/${pageId}`);
    assert.equal(await page.locator('main .tandem-richtext strong').count(), 2, 'the bold words are back');
    assertChanged(rerender(BIN), {}, 'the real tandem, again');
  });

  test('a college that does not exist is refused, naming the ones that do', () => {
    const r = tandem(BIN, ['rerender', '--institution', `${SLUG}-nowhere`]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, new RegExp(`there is no college "${SLUG}-nowhere"; the colleges are:\n  `));
    assert.equal(tandem(BIN, ['rerender', '--frobnicate']).code, 2);
    assert.match(tandem(BIN, ['rerender', '--help']).out, /usage: tandem rerender/);
  });
});
