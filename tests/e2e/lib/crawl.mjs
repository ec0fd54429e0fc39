// Walking the site as a signed-in person does, by following the links they
// are shown: shared by crawl.test.mjs (every link works, every page passes
// axe-core) and phone.test.mjs (no page is wider than a phone).
//
// Links are followed over plain HTTP with the person's session cookie
// (quick: no browser), breadth first from their home page, at most
// `instances` addresses of each kind of page (kindOf) and `pages` in all.
// GET never changes anything in Tandem, so following every link is safe.
import { BASE_URL, request } from './browser.mjs';

/** The demo's people, one of each kind (sql/demo): learners (one a cohort's
 *  rep and a mentee, one a students' union officer), tutors (one a mentor),
 *  a manager with reports, a leader, the college's administrator, the site
 *  administrator, and a learner at the other college. */
export const PEOPLE = ['amira', 'jack', 'sofia', 'priya', 'tom', 'david', 'helen', 'admin', 'siteadmin', 'nadia'];

/** The kind of page an address is: ids, tokens and usernames taken out. */
export function kindOf(path) {
  const [p, query = ''] = path.split('?');
  const segments = p.split('/').map((seg, i, all) =>
    (/\d/.test(seg) || seg.length >= 20 || (i > 0 && all[i - 1] === 'u') ? ':x' : seg));
  const keys = [...new URLSearchParams(query).keys()].sort().join('&');
  return segments.join('/') + (keys ? `?${keys}` : '');
}

/** The same-site addresses an HTML page links to, as their paths and queries. */
export function linksIn(html) {
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
export async function follow(path, cookie) {
  for (let hops = 0; ; hops++) {
    const res = await request('GET', path, { headers: { cookie } });
    const to = res.headers.location && new URL(res.headers.location, BASE_URL + path);
    if (!(res.status >= 301 && res.status <= 308 && to?.origin === BASE_URL && hops < 5)) return { path, res };
    path = to.pathname + to.search;
  }
}

/** Whether a response is an HTML page (not a download: CSV, a feed, a file). */
export const isHtml = (res) => /^text\/html/.test(res.headers['content-type'] ?? '');

/**
 * Every address the person with this session cookie reaches from their
 * home page, in the order reached: yields {path, from, at, res} for each
 * fetched (path as linked, from the page that linked it or 'home', at where
 * it ended after redirects, res its response). The links of a 200 HTML
 * page are followed once the caller has taken it. `stats` gets `fetched`
 * (addresses fetched) and `kinds` (kind -> how many of it fetched).
 */
export async function* walk(cookie, { instances = 2, pages = 250 } = {}, stats = {}) {
  stats.fetched = 0;
  stats.kinds = new Map();
  const queue = [['/', 'home']];
  const visited = new Set(['/']);
  while (queue.length && stats.fetched < pages) {
    const [path, from] = queue.shift();
    const kind = kindOf(path);
    const n = stats.kinds.get(kind) ?? 0;
    if (n >= instances) continue;
    stats.kinds.set(kind, n + 1);
    stats.fetched++;
    const { path: at, res } = await follow(path, cookie);
    yield { path, from, at, res };
    if (res.status !== 200 || !isHtml(res)) continue;
    for (const link of linksIn(res.body)) {
      if (visited.has(link) || link === '/logout') continue;
      visited.add(link);
      queue.push([link, at]);
    }
  }
}

/** The cookie header of the session signed in on `page`. */
export async function cookieOf(page) {
  return (await page.context().cookies(BASE_URL)).map((c) => `${c.name}=${c.value}`).join('; ');
}
