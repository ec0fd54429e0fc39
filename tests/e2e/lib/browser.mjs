// Shared end-to-end harness: Debian's Chromium driven by playwright-core,
// axe-core run inside visited pages (once per template and state in a run,
// see assertAccessible), every visited page's HTML saved for the Nu HTML
// checker (run once, last, by last/vnu.test.mjs, on all saved pages in one
// batch), sign-in once per person per file (see signIn), and raw HTTP
// requests for input a browser would never send.
//
// Contract: the whole stack (nginx -> tandem -> PostgreSQL) is already running
// at $TANDEM_URL; nginx serves public/ under /static/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import { user } from './college.mjs';

if (!process.env.TANDEM_URL) {
  throw new Error('TANDEM_URL is not set: start the stack and set TANDEM_URL, e.g. http://127.0.0.1:18080');
}
export const BASE_URL = process.env.TANDEM_URL.replace(/\/+$/, '');

/** Where screenshots and saved pages go; shared by all test files of a run. */
export const OUT_DIR = process.env.TANDEM_E2E_OUT || join(tmpdir(), 'tandem-e2e');
/** Saved HTML, one sub-directory per test file; last/vnu.test.mjs checks them all. */
export const HTML_DIR = join(OUT_DIR, 'html');

/** Tandem's header colour (public/scss/tandem.scss $tandem-brand, #0b5d5e). */
export const BRAND_RGB = 'rgb(11, 93, 94)';

/** A 1×1 PNG, for uploads. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2ff1c4d0000000049454e44ae426082', 'hex');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM = process.env.TANDEM_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // Without these Chromium keeps trying to reach Google's servers.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-domain-reliability', '--metrics-recording-only',
];

const SESSION_COOKIE = 'tandem_session'; // cgi-bin/core/session.h
const VIEWPORT = { width: 1200, height: 900 }; // a desktop, unless a test says otherwise
const VISITOR_CSRF_COOKIE = 'tandem_csrf'; // a visitor's CSRF token, dropped at sign-in

// ------------------------------------------------------------ one run
//
// `node --test` runs each test file in a process of its own, all children of
// the runner: a run is that parent process (its pid and start time, so that a
// reused pid is another run). A file started on its own is a run by itself.
// What the files of a run share lives in RUN_DIR: the pages accessibility
// checks already passed (axe/, see assertAccessible) and a log of checks and
// sign-ins (events.log), one line each: "axe checked|skipped FILE KEY PATH
// LABEL" and "sign-in real|reused FILE USERNAME". The folder stays after the
// run, to be read, until the next run starts.

function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, starttime
  } catch {
    return null;
  }
}

function runId() {
  const pid = process.env.NODE_TEST_CONTEXT ? process.ppid : process.pid;
  return `${pid}-${startTime(pid) ?? Date.now()}`;
}

const RUNS_DIR = join(OUT_DIR, 'runs');
/** What the files of this run share. */
export const RUN_DIR = join(RUNS_DIR, runId());
const AXE_SEEN_DIR = join(RUN_DIR, 'axe');
// Runs that are over (their process gone) leave their folder: remove it.
mkdirSync(RUNS_DIR, { recursive: true });
for (const name of readdirSync(RUNS_DIR)) {
  const [pid, start] = name.split('-');
  if (join(RUNS_DIR, name) !== RUN_DIR && startTime(pid) !== start) rmSync(join(RUNS_DIR, name), { recursive: true, force: true });
}
mkdirSync(AXE_SEEN_DIR, { recursive: true });

let currentFile = 'unknown'; // the test file, set by harness()
/** One line in the run's events.log: what, how, this file, then details. */
function logEvent(what, how, detail) {
  appendFileSync(join(RUN_DIR, 'events.log'), `${what} ${how} ${currentFile} ${String(detail).replace(/\s+/g, ' ')}\n`);
}

/**
 * Starts a harness for one test file. `fileUrl` is the test file's
 * import.meta.url: its saved pages go to HTML_DIR/<file name>/, which is
 * emptied now so a run never checks stale pages from an earlier run.
 */
export function harness(fileUrl) {
  currentFile = basename(new URL(fileUrl).pathname);
  const dir = join(HTML_DIR, currentFile.replace(/\.m?js$/, ''));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let saved = 0;
  let browser;

  // Sign-in once per person per file. A real sign-in costs the sign-in
  // page, an Argon2id hash on the server and the page it leads to; the
  // session cookie it leaves (all of the browser's storage state the app
  // uses) lets a later sign-in of the same person (and password) in this
  // file open that last page alone. The page a test passes in already has
  // its context, so the cookie is added to it rather than to a new context
  // made with storageState: to the test it is the same page, signed in.
  // Each open context holds a session of its own, as with real
  // sign-ins: a session goes back to `sessions` only when the context that
  // held it closes still holding it (not signed out, not signed in again as
  // someone else), and a later sign-in takes it, checks it still opens the
  // page the real sign-in led to as that person (a test may have ended it:
  // signed out everywhere, suspended, changed the password), and falls back
  // to the real form if not. A context that already has a session cookie
  // (someone signed in, or a planted one) signs in for real.
  /** username + '\n' + password -> {landing: address after sign-in, free: [session cookie]} */
  const sessions = new Map();
  /** context -> {pool, cookie}: the session it took or made at its last sign-in */
  const holding = new WeakMap();

  const sessionCookieOf = async (context) =>
    (await context.cookies(BASE_URL)).find((c) => c.name === SESSION_COOKIE && c.value);

  /** The page says it is signed in as username (the layout's footer). */
  const signedInAs = async (page, username) => {
    if (await page.locator('form[action="/logout"]').count() === 0) return false;
    const footer = (await page.locator('footer').allInnerTexts()).join(' ');
    return footer.toLowerCase().includes(`(${username.toLowerCase()})`);
  };

  /** Back to the pool: the session context held, if it still holds it. */
  const giveBack = async (context) => {
    const held = holding.get(context);
    if (!held) return;
    holding.delete(context);
    try {
      const now = await sessionCookieOf(context);
      if (now && now.value === held.cookie.value) held.pool.free.push(held.cookie);
    } catch { /* the browser is gone: so is the pool's use */ }
  };

  /** Pages of closed contexts, made new for the next newPage() (below). */
  const spare = [];
  /** Makes context's one page as new, into spare: whether it could. */
  const recycled = async (context) => {
    const pages = context.pages();
    if (spare.includes(pages[0])) return true; // closed twice
    if (pages.length !== 1) return false;
    try {
      await pages[0].goto('about:blank');
      await context.clearCookies();
      await context.clearPermissions();
      await pages[0].setViewportSize(VIEWPORT);
    } catch {
      return false; // the browser is going: close it the usual way
    }
    spare.push(pages[0]);
    return true;
  };

  const h = {
    /** Launches Chromium; call from before(). */
    async launch() {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
      return browser;
    },
    /** Closes Chromium; call from after(). */
    async close() {
      spare.length = 0;
      if (browser) await browser.close();
      browser = undefined;
    },
    /**
     * A fresh page in a fresh context (own cookies), English, desktop width.
     * Closing its context (page.context().close()) gives the session it
     * holds back for the next sign-in of the same person in this file.
     *
     * A page with the default options is recycled when its context is
     * closed: its cookies and permissions cleared, its width set back and
     * the page left on about:blank, it is the next such newPage(). To the
     * app it is a new visitor (Tandem keeps nothing in the browser but
     * cookies, and every page it serves is no-store), and Chromium is
     * spared a renderer process: half a second of CPU each, which with
     * several files at once is what the suite waits for.
     */
    async newPage(options = {}) {
      const plain = Object.keys(options).length === 0;
      if (plain && spare.length) return spare.pop();
      const context = await browser.newContext({ locale: 'en-GB', viewport: VIEWPORT, ...options });
      context.setDefaultTimeout(15_000);
      // A page's load waits on Chromium's own share of two busy cores: twice
      // seen past 15 s for a page the server answered in under a second.
      context.setDefaultNavigationTimeout(30_000);
      const close = context.close.bind(context);
      context.close = async (...args) => {
        await giveBack(context);
        if (plain && await recycled(context)) return;
        await close(...args);
      };
      return context.newPage();
    },
    /**
     * Signs in the person this file's college calls `name` (user(name):
     * 'amira' is this file's Amira) on `page` and returns the response of the page it
     * leads to (saved for the Nu checker). The first time in this file (and
     * with {real: true}: the tests of signing in itself) through the real
     * form, as a person does; after that with a session this file already
     * made for the same person, when one is free and still valid (above).
     */
    async signIn(page, name, password = 'tandem-demo', { real = false } = {}) {
      const username = user(name);
      const context = page.context();
      const key = `${username}\n${password}`;
      const pool = sessions.get(key) ?? { landing: null, free: [] };
      if (!real && pool.free.length && !(await sessionCookieOf(context))) {
        while (pool.free.length) {
          const cookie = pool.free.pop();
          // As a real sign-in does, the visitor's CSRF cookie goes.
          await context.clearCookies({ name: VISITOR_CSRF_COOKIE });
          await context.addCookies([cookie]);
          const response = await page.goto(pool.landing, { waitUntil: 'load' });
          if (response?.status() === 200 && await signedInAs(page, username)) {
            holding.set(context, { pool, cookie });
            logEvent('sign-in', 'reused', username);
            h.saveHtml(`after sign-in as ${username}`, await response.text());
            return response;
          }
          await context.clearCookies({ name: SESSION_COOKIE }); // ended: try the next, or the form
        }
      }
      await page.goto(BASE_URL + '/login', { waitUntil: 'load' });
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      const [response] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      logEvent('sign-in', 'real', username);
      h.saveHtml(`after sign-in as ${username}`, await response.text());
      const cookie = response.status() === 200 && await signedInAs(page, username) && await sessionCookieOf(context);
      if (cookie) {
        pool.landing = page.url();
        sessions.set(key, pool);
        holding.set(context, { pool, cookie });
      }
      return response;
    },
    /** Saves an HTML document for the Nu HTML checker under a readable name. */
    saveHtml(name, html) {
      const file = join(dir, `${String(++saved).padStart(3, '0')}-${slug(name)}.html`);
      writeFileSync(file, html);
      return file;
    },
    /**
     * Opens BASE_URL+path in `page`, asserts the HTTP status (default 200),
     * saves the response body for the Nu checker, and asserts that axe-core
     * finds no WCAG 2.0/2.1/2.2 A or AA violation (assertAccessible: once per
     * template and state in a run; never with {axe:false}).
     * Returns the playwright Response.
     */
    async visit(page, path, { expectStatus = 200, axe: runAxe = true } = {}) {
      const response = await page.goto(BASE_URL + path, { waitUntil: 'load' });
      assert.ok(response, `no response for GET ${path}`);
      assert.equal(response.status(), expectStatus, `GET ${path}: HTTP status`);
      h.saveHtml(`GET ${path}`, await response.text());
      if (runAxe) await assertAccessible(page, `GET ${path}`);
      return response;
    },
    /**
     * Presses the (first) button called name on page, as a person would, and
     * returns the response of the page it leads to, checking its status and
     * saving its HTML for the Nu checker.
     */
    async press(page, name, { expectStatus = 200 } = {}) {
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).first().click()]);
      h.saveHtml(`after ${name}`, await response.text());
      assert.equal(response.status(), expectStatus, `${name}: status`);
      return response;
    },
    /**
     * Clicks `locator` (a button or link) on page and waits for the page it
     * leads to; saves its HTML for the Nu checker under `label` and returns
     * its response (status not checked).
     */
    async click(page, locator, label = 'after a button') {
      const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
      h.saveHtml(label, await response.text());
      return response;
    },
    /**
     * POSTs fields (urlencoded) to path from inside the page open in `page`,
     * as its own scripts would, with the page's CSRF token: {status, text}.
     * For requests a form on the page would not make.
     */
    async post(page, path, fields) {
      const csrf = await page.locator('input[name=csrf_token]').first().inputValue();
      return page.evaluate(async ([p, f]) => {
        const res = await fetch(p, { method: 'POST', body: new URLSearchParams(f) });
        return { status: res.status, text: await res.text() };
      }, [path, { csrf_token: csrf, ...fields }]);
    },
    /**
     * Submits a real browser form (POST, urlencoded) to BASE_URL+path from the
     * page currently open, as a person pressing a button would, and waits for
     * the resulting document. Checks status, saves HTML and runs axe like visit().
     */
    async submit(page, path, fields = {}, { expectStatus = 200, axe: runAxe = true } = {}) {
      const [response] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.evaluate(({ action, fields }) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          for (const [name, value] of Object.entries(fields)) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        }, { action: BASE_URL + path, fields }),
      ]);
      assert.ok(response, `no response for POST ${path}`);
      assert.equal(response.status(), expectStatus, `POST ${path}: HTTP status`);
      h.saveHtml(`POST ${path}`, await response.text());
      if (runAxe) await assertAccessible(page, `POST ${path}`);
      return response;
    },
  };
  return h;
}

/**
 * Runs axe-core in the page and fails listing every WCAG A/AA violation,
 * unless a page of the same template in the same state already passed in
 * this run (any file): then it is skipped. TANDEM_E2E_AXE=every checks every
 * page nonetheless.
 *
 * The key (pageKey) is worked out in the browser from what axe's rules look
 * at, not from the server: the layout carries no template name (adding one
 * would touch every page's markup for the tests' sake), a template name
 * would not tell one state of a page from another, and the page's
 * structure is what decides axe's checks anyway. It is the address
 * with its variable parts replaced (numbers, tokens, usernames: /u/amira and
 * /u/jack are one template), the viewport's width, the document's language
 * and whether it has a title, and the set of distinct element shapes: each
 * element's ancestors' tag names, its own tag, the names of all its
 * attributes, the values of those that change what axe checks (type, role,
 * class, scope, tabindex, aria states such as aria-expanded or
 * aria-invalid), whether an image's alt is empty, and whether an element
 * that must have a name (link, button, heading, label, legend, caption,
 * table header, summary) has any text. Text itself is left out, and a shape
 * repeated (a row of a table, an item of a list) counts once, so the same
 * form with other words or more rows is one key; an error summary shown,
 * a table instead of "nothing yet", a receipt instead of the form, a new
 * control, are each another key and checked again.
 *
 * A key is marked seen (a file created with O_EXCL under RUN_DIR/axe, so
 * that two processes never both claim it) only once the page passed, so a
 * failure is reported again wherever it shows.
 *
 * axe is injected with page.evaluate (CDP Runtime.evaluate), which the app's
 * Content-Security-Policy does not block, unlike an injected <script>.
 */
export async function assertAccessible(page, label = page.url()) {
  const key = await pageKey(page);
  const seen = join(AXE_SEEN_DIR, key.hash);
  if (process.env.TANDEM_E2E_AXE !== 'every' && existsSync(seen)) {
    logEvent('axe', 'skipped', `${key.hash} ${key.path} ${label}`);
    return;
  }
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  logEvent('axe', 'checked', `${key.hash} ${key.path} ${label}`);
  if (violations.length) {
    const text = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `      at ${n.target}\n        ${String(n.summary).replace(/\n/g, '\n        ')}`).join('\n')).join('\n');
    assert.fail(`${label}: ${violations.length} accessibility violation(s) (axe-core, WCAG A/AA):\n${text}`);
  }
  try {
    writeFileSync(seen, `${currentFile}: ${label}\n${key.path}\n${key.shapes}\n`, { flag: 'wx' });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err; // another file passed the same page meanwhile
  }
}

/**
 * The template-and-state key of the page open in `page` (see
 * assertAccessible): {hash, path, shapes}.
 */
export async function pageKey(page) {
  const k = await page.evaluate(() => {
    // Attributes whose values matter to axe's rules; of the others only the name counts.
    const VALUES = /^(type|role|class|scope|tabindex|lang|dir|hidden|disabled|open|multiple|readonly|required|autocomplete|aria-(expanded|current|invalid|hidden|live|sort|checked|selected|pressed|level|modal|required|disabled|readonly|haspopup|atomic|busy|orientation))$/;
    const NAMED = new Set(['a', 'button', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'legend', 'caption', 'th', 'summary', 'option', 'dt']);
    const shapes = new Set();
    const walk = (el, ancestors) => {
      const attrs = [...el.attributes].map((a) => {
        if (a.name === 'class') return `class=${[...el.classList].map((c) => c.replace(/\d+/g, '#')).sort().join('.')}`;
        if (a.name === 'alt') return a.value.trim() ? 'alt' : 'alt=""';
        return VALUES.test(a.name) ? `${a.name}=${a.value}` : a.name;
      }).sort();
      const tag = el.localName;
      const empty = NAMED.has(tag) && !el.textContent.trim() ? ' (no text)' : '';
      shapes.add(`${ancestors}>${tag}[${attrs.join(' ')}]${empty}`);
      for (const child of el.children) walk(child, `${ancestors}>${tag}`);
    };
    walk(document.body, 'html');
    const path = location.pathname.split('/').map((seg, i, all) =>
      (/\d/.test(seg) || seg.length >= 20 || (i > 0 && all[i - 1] === 'u') ? ':x' : seg)).join('/');
    const doc = `lang=${document.documentElement.lang} title=${document.title.trim() ? 'yes' : 'no'} width=${window.innerWidth}`;
    return { path, shapes: `${doc}\n${[...shapes].sort().join('\n')}` };
  });
  return { ...k, hash: createHash('sha256').update(`${k.path}\n${k.shapes}`).digest('hex').slice(0, 32) };
}

/**
 * One raw HTTP request to BASE_URL+path, for input a browser would not send.
 * `body` is a string or Buffer, sent as is. Resolves to {status, headers, body}
 * (headers lower-cased, body as text) even when the server answers and closes
 * before reading the whole request body.
 */
export function request(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(BASE_URL + path);
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(url, {
      method,
      headers: { ...(payload ? { 'content-length': payload.length } : {}), ...headers },
      timeout: 30_000,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    // A server that refuses a big body may close while we are still writing.
    req.on('error', (err) => { if (!answered) reject(err); });
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * Asserts that an HTML document is a page of the app's layout: a banner
 * header naming Tandem, a main and a footer.
 */
export function assertInLayout(html, label) {
  assert.match(html, /^\s*<!DOCTYPE html>/i, `${label}: not an HTML5 document`);
  assert.match(html, /<header[\s>][\s\S]*Tandem[\s\S]*<\/header>/, `${label}: no <header> naming Tandem`);
  assert.match(html, /<main[\s>]/, `${label}: no <main>`);
  assert.match(html, /<footer[\s>]/, `${label}: no <footer>`);
}

/** GET /login and return {cookie, csrf} to make a form post look genuine. */
export async function loginFormState() {
  const res = await request('GET', '/login');
  const cookies = [].concat(res.headers['set-cookie'] || []).map((c) => c.split(';')[0]);
  const m = res.body.match(/<input[^>]*name="csrf_token"[^>]*value="([^"]*)"/) ||
            res.body.match(/<input[^>]*value="([^"]*)"[^>]*name="csrf_token"/);
  return { cookie: cookies.join('; '), csrf: m ? m[1] : '' };
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'page';
}
