// Shared end-to-end harness: Debian's Chromium driven by playwright-core,
// axe-core run inside each visited page, every visited page's HTML saved for
// the Nu HTML checker (run once, last, by zz-vnu.test.mjs), and raw HTTP
// requests for input a browser would never send.
//
// Contract: the whole stack (nginx -> tandem -> PostgreSQL) is already running
// at $TANDEM_URL; nginx serves public/ under /static/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

if (!process.env.TANDEM_URL) {
  throw new Error('TANDEM_URL is not set: start the stack and set TANDEM_URL, e.g. http://127.0.0.1:18080');
}
export const BASE_URL = process.env.TANDEM_URL.replace(/\/+$/, '');

/** Where screenshots and saved pages go; shared by all test files of a run. */
export const OUT_DIR = process.env.TANDEM_E2E_OUT || join(tmpdir(), 'tandem-e2e');
/** Saved HTML, one sub-directory per test file; zz-vnu.test.mjs checks them all. */
export const HTML_DIR = join(OUT_DIR, 'html');

/** Tandem's header colour (public/scss/tandem.scss $tandem-brand, #0b5d5e). */
export const BRAND_RGB = 'rgb(11, 93, 94)';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const CHROMIUM = process.env.TANDEM_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // Without these Chromium keeps trying to reach Google's servers.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-domain-reliability', '--metrics-recording-only',
];

/**
 * Starts a harness for one test file. `fileUrl` is the test file's
 * import.meta.url: its saved pages go to HTML_DIR/<file name>/, which is
 * emptied now so a run never checks stale pages from an earlier run.
 */
export function harness(fileUrl) {
  const dir = join(HTML_DIR, basename(new URL(fileUrl).pathname).replace(/\.m?js$/, ''));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let saved = 0;
  let browser;

  const h = {
    /** Launches Chromium; call from before(). */
    async launch() {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
      return browser;
    },
    /** Closes Chromium; call from after(). */
    async close() {
      if (browser) await browser.close();
      browser = undefined;
    },
    /** A fresh page in a fresh context (own cookies), English, desktop width. */
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 900 }, ...options });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    /**
     * Signs in through the real form on `page`, as a person does, and
     * returns the response of the page it leads to (saved for the Nu checker).
     */
    async signIn(page, username, password = 'tandem-demo') {
      await page.goto(BASE_URL + '/login', { waitUntil: 'load' });
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      const [response] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      h.saveHtml(`after sign-in as ${username}`, await response.text());
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
     * finds no WCAG 2.0/2.1/2.2 A or AA violation (skip with {axe:false}).
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
 * Runs axe-core in the page and fails listing every WCAG A/AA violation.
 * axe is injected with page.evaluate (CDP Runtime.evaluate), which the app's
 * Content-Security-Policy does not block, unlike an injected <script>.
 */
export async function assertAccessible(page, label = page.url()) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  if (violations.length) {
    const text = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `      at ${n.target}\n        ${String(n.summary).replace(/\n/g, '\n        ')}`).join('\n')).join('\n');
    assert.fail(`${label}: ${violations.length} accessibility violation(s) (axe-core, WCAG A/AA):\n${text}`);
  }
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
