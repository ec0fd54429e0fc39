// Every page as every role: each kind of person signs in and follows every
// link they are shown, from their home page outwards, as someone clicking
// around would. Every link must lead somewhere that works for the person
// shown it: 200, a page of the layout (or a download), never an error page
// or a page they may not open. Each kind of page (its address with ids and
// usernames taken out) is also opened in the browser once per person, so
// that axe-core checks it as that person sees it (once per distinct page
// and state in the run, lib/browser.mjs) and the Nu checker gets its HTML.
//
// Links are followed over plain HTTP with the person's session (quick: no
// browser), at most INSTANCES of each kind of page per person and PAGES in
// all, which reaches every kind of page the demo has. Every page's HTML
// goes to the Nu checker; the browser opens a page only when its skeleton
// (skeletonOf) is new in this file, since axe-core would find the same as
// on the page it was seen on. GET never changes
// anything in Tandem, so following every link is safe; were one to sign the
// person out, the crawl would notice at the next page.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { assertInLayout, harness } from './lib/browser.mjs';
import { user } from './lib/college.mjs';
import { PEOPLE, cookieOf, follow, isHtml, kindOf, linksIn, walk } from './lib/crawl.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const INSTANCES = 2;
const PAGES = 250;

/**
 * A page's skeleton: its address's kind and its HTML without its words,
 * numbers and the attribute values axe-core's checks do not read, and
 * without the header (the same on every page for one person, and checked
 * on each person's home). Two pages with one skeleton would have one key
 * for assertAccessible (lib/browser.mjs, pageKey, which looks at no more
 * than this) but for the header, so axe-core would find the same on both.
 */
function skeletonOf(path, html) {
  const bare = html.replace(/<header[\s\S]*?<\/header>/, '<header>')
    .replace(/>[^<]*</g, (m) => (m.slice(1, -1).trim() ? '>T<' : '><'))
    .replace(/\b(value|content|href|action|src|srcset|datetime|title|aria-label|placeholder)="[^"]*"/g, '$1')
    .replace(/\d+/g, '#');
  return createHash('sha256').update(`${kindOf(path).split('?')[0]}\n${bare}`).digest('hex');
}

/**
 * Whether the page at from (still) shows a link to path. Other files' tests
 * run beside this one and delete what they made (a person, a cohort), and
 * the site administrator sees every college's: a link to something deleted
 * between two fetches is not a broken link, and the page no longer shows it.
 */
async function stillLinks(from, path, cookie) {
  const { res } = await follow(from === 'home' ? '/' : from, cookie);
  return res.status !== 200 || linksIn(res.body).has(path);
}

describe('every page as every role', () => {
  const skeletons = new Set(); // of the pages the browser opened, for anyone
  for (const name of PEOPLE) {
    test(`${name}: every link shown leads to a page that works`, async (t) => {
      const page = await h.newPage();
      await h.signIn(page, name);
      const cookie = await cookieOf(page);
      const problems = [];
      const stats = {};
      let opened = 0;
      for await (const { path, from, at, res } of walk(cookie, { instances: INSTANCES, pages: PAGES }, stats)) {
        if (res.status !== 200) {
          if (await stillLinks(from, path, cookie)) problems.push(`${path} (linked from ${from}): ${res.status}${at === path ? '' : ` at ${at}`}`);
          continue;
        }
        if (!isHtml(res)) continue; // a download: CSV, a feed, a file
        assertInLayout(res.body, at);
        assert.ok(res.body.includes(`(${user(name)})`), `${at}: ${name} is no longer signed in`);
        const skeleton = skeletonOf(at, res.body);
        if (skeletons.has(skeleton) && stats.fetched > 1) { // a person's home always: their header
          h.saveHtml(`GET ${at}`, res.body); // for the Nu checker
        } else {
          skeletons.add(skeleton);
          await h.visit(page, at); // the browser: axe-core, and the Nu checker
          opened++;
        }
      }
      const { fetched, kinds: seenKinds } = stats;
      assert.deepEqual(problems, [], `links ${name} is shown that do not work for them`);
      assert.ok(seenKinds.size >= 5, `${name} reached only ${[...seenKinds.keys()].join(', ')}`);
      t.diagnostic(`${name}: ${fetched} addresses, ${seenKinds.size} kinds of page, ${opened} opened in the browser`);
      await page.context().close();
    });
  }
});
