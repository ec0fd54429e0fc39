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
import { BASE_URL, assertInLayout, harness, request } from './lib/browser.mjs';
import { user } from './lib/college.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const INSTANCES = 2;
const PAGES = 250;

// The demo's people, one of each kind (sql/demo): learners (one a cohort's
// rep and a mentee, one a students' union officer), tutors (one a mentor),
// a manager with reports, a leader, the college's administrator, the site
// administrator, and a learner at the other college.
const PEOPLE = ['amira', 'jack', 'sofia', 'priya', 'tom', 'david', 'helen', 'admin', 'siteadmin', 'nadia'];

/** The kind of page an address is: ids, tokens and usernames taken out. */
function kindOf(path) {
  const [p, query = ''] = path.split('?');
  const segments = p.split('/').map((seg, i, all) =>
    (/\d/.test(seg) || seg.length >= 20 || (i > 0 && all[i - 1] === 'u') ? ':x' : seg));
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return segments.join('/') + (keys ? `?${keys}` : '');
}

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

/** The same-site addresses an HTML page links to, as their paths and queries. */
function linksIn(html) {
  const out = new Set();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
    const href = m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    if (/^(mailto|tel):/.test(href)) continue;
    const url = new URL(href, BASE_URL + '/');
    if (url.origin !== BASE_URL || url.pathname.startsWith('/static/')) continue;
    out.add(url.pathname + url.search);
  }
  return out;
}

/**
 * GET path with the cookie, following the site's own redirects (/blog is
 * one's own blog, say): {path, res} of where it ended, or of the first
 * redirect away from the site.
 */
async function follow(path, cookie) {
  for (let hops = 0; ; hops++) {
    const res = await request('GET', path, { headers: { cookie } });
    const to = res.headers.location && new URL(res.headers.location, BASE_URL + path);
    if (!(res.status >= 301 && res.status <= 308 && to?.origin === BASE_URL && hops < 5)) return { path, res };
    path = to.pathname + to.search;
  }
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
      const cookie = (await page.context().cookies(BASE_URL)).map((c) => `${c.name}=${c.value}`).join('; ');
      const seenKinds = new Map(); // kind -> how many of it fetched
      const queue = [['/', 'home']];
      const visited = new Set(['/']);
      const problems = [];
      let fetched = 0, opened = 0;
      while (queue.length && fetched < PAGES) {
        const [path, from] = queue.shift();
        const kind = kindOf(path);
        const n = seenKinds.get(kind) ?? 0;
        if (n >= INSTANCES) continue;
        seenKinds.set(kind, n + 1);
        fetched++;
        const { path: at, res } = await follow(path, cookie);
        if (res.status !== 200) {
          if (await stillLinks(from, path, cookie)) problems.push(`${path} (linked from ${from}): ${res.status}${at === path ? '' : ` at ${at}`}`);
          continue;
        }
        if (!/^text\/html/.test(res.headers['content-type'] ?? '')) continue; // a download: CSV, a feed, a file
        assertInLayout(res.body, at);
        assert.ok(res.body.includes(`(${user(name)})`), `${at}: ${name} is no longer signed in`);
        const skeleton = skeletonOf(at, res.body);
        if (skeletons.has(skeleton) && fetched > 1) { // a person's home always: their header
          h.saveHtml(`GET ${at}`, res.body); // for the Nu checker
        } else {
          skeletons.add(skeleton);
          await h.visit(page, at); // the browser: axe-core, and the Nu checker
          opened++;
        }
        for (const link of linksIn(res.body)) {
          if (visited.has(link) || link === '/logout') continue;
          visited.add(link);
          queue.push([link, at]);
        }
      }
      assert.deepEqual(problems, [], `links ${name} is shown that do not work for them`);
      assert.ok(seenKinds.size >= 5, `${name} reached only ${[...seenKinds.keys()].join(', ')}`);
      t.diagnostic(`${name}: ${fetched} addresses, ${seenKinds.size} kinds of page, ${opened} opened in the browser`);
      await page.context().close();
    });
  }
});
