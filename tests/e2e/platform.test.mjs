// The platform every feature stands on: layout, skip link, landmarks, focus,
// security headers, error pages, the stylesheet, health, and bad input.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  BRAND_RGB, OUT_DIR, assertAccessible, assertInLayout, harness, loginFormState, request,
} from './lib/browser.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

describe('home page', () => {
  let page;
  before(async () => {
    page = await h.newPage();
    await h.visit(page, '/', { axe: false });
  });
  after(() => page.context().close());

  test('has no WCAG 2.2 A/AA violation (axe-core)', async () => {
    await assertAccessible(page, 'GET /');
  });

  test('names Tandem in its title and has one h1', async () => {
    assert.match(await page.title(), /Tandem/);
    assert.equal(await page.locator('h1').count(), 1, 'exactly one <h1>');
    assert.notEqual((await page.locator('h1').innerText()).trim(), '', 'the <h1> is empty');
  });

  test('has banner, navigation, main and footer landmarks', async () => {
    assert.ok(await page.getByRole('banner').count() >= 1, 'no banner landmark (<header>)');
    assert.ok(await page.getByRole('navigation').count() >= 1, 'no navigation landmark (<nav>)');
    assert.equal(await page.getByRole('main').count(), 1, 'exactly one main landmark (<main>)');
    assert.ok(await page.getByRole('contentinfo').count() >= 1, 'no contentinfo landmark (<footer>)');
  });

  test('links to sign in', async () => {
    assert.ok(await page.locator('a[href="/login"]').count() >= 1, 'no link to /login');
  });

  test('skip link is the first thing Tab reaches and moves focus to the main content', async () => {
    await h.visit(page, '/', { axe: false });
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { tag: a.tagName, href: a.getAttribute('href'), text: a.textContent.trim(), visible: r.width > 0 && r.height > 0 };
    });
    assert.equal(first.tag, 'A', `first Tab focused <${first.tag.toLowerCase()}>, not a link`);
    assert.equal(first.href, '#main-content', 'first focusable element is not the skip link to #main-content');
    assert.match(first.text, /skip/i, 'skip link text does not say "Skip"');
    assert.ok(first.visible, 'skip link is not visible when focused');
    await page.keyboard.press('Enter');
    const inMain = await page.waitForFunction(() => {
      const main = document.getElementById('main-content');
      return main !== null && main.contains(document.activeElement);
    }, null, { timeout: 2_000 }).then(() => true, () => false);
    const where = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
    assert.ok(inMain, `after Enter on the skip link focus is on ${where}, not in #main-content`);
  });

  test('every header element reached by Tab shows a visible focus indicator', async () => {
    await h.visit(page, '/', { axe: false });
    const seen = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return null;
        const s = getComputedStyle(a);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 &&
          !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor);
        const shadow = s.boxShadow !== 'none';
        return {
          label: `<${a.tagName.toLowerCase()}> "${a.textContent.trim().slice(0, 40)}"`,
          inHeader: a.closest('header') !== null || a.classList.contains('govuk-skip-link'),
          inNav: a.closest('header nav') !== null,
          indicated: outline || shadow,
        };
      });
      if (!f || !f.inHeader) break;
      seen.push(f);
    }
    assert.ok(seen.some((f) => f.inNav), 'Tab never reached a link in the header navigation');
    const invisible = seen.filter((f) => !f.indicated).map((f) => f.label);
    assert.deepEqual(invisible, [], `focused without a visible indicator: ${invisible.join(', ')}`);
  });

  test('uses Tandem\'s stylesheet: sans-serif system font and the brand header', async () => {
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.doesNotMatch(font, /^\s*("?Times|serif\b)/i, `body font is the browser default: ${font}`);
    assert.match(font, /sans-serif/, `body font has no sans-serif fallback: ${font}`);
    assert.doesNotMatch(font, /GDS Transport/, 'body font is the GOV.UK typeface');
    // The first painted background inside the banner is the header bar.
    const bar = await page.evaluate(() => {
      const header = document.querySelector('header');
      for (const el of [header, ...header.querySelectorAll('*')]) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
      }
      return 'none';
    });
    assert.equal(bar, BRAND_RGB, 'header bar is not the Tandem brand colour');
  });

  test('on a phone 320 CSS pixels wide (or at 400% zoom) nothing scrolls sideways (WCAG 1.4.10); screenshots saved', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    try {
      for (const [width, name] of [[1200, 'home.png'], [320, 'home-320.png']]) {
        await page.setViewportSize({ width, height: 900 });
        await h.visit(page, '/', { axe: false });
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, `at ${width} CSS pixels wide the home page scrolls sideways by ${sideways} px`);
        assert.ok(await page.locator('h1').isVisible(), `at ${width} CSS pixels wide the <h1> is not visible`);
        // For people to look at: the whole page, as wide as the window.
        const png = await page.screenshot({ path: join(OUT_DIR, name), fullPage: true });
        assert.equal(png.readUInt32BE(16), width, `${name}: width`);
      }
    } finally {
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  });
});

describe('security headers', () => {
  for (const [label, path, status] of [['home page', '/', 200], ['404 page', '/no/such/page', 404]]) {
    test(`on the ${label}`, async () => {
      const res = await request('GET', path);
      assert.equal(res.status, status);
      const csp = res.headers['content-security-policy'] || '';
      assert.match(csp, /(^|;)\s*default-src 'self'\s*(;|$)/, `CSP lacks default-src 'self': "${csp}"`);
      assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, `CSP lacks frame-ancestors 'none': "${csp}"`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `CSP allows inline or eval script: "${csp}"`);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(res.headers['referrer-policy'] || '',
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/, 'Referrer-Policy missing or leaky');
    });
  }
});

describe('health, errors and static files', () => {
  let page;
  before(async () => { page = await h.newPage(); });
  after(() => page.context().close());

  test('GET /healthz answers ok', async () => {
    const res = await request('GET', '/healthz');
    assert.equal(res.status, 200);
    assert.match(res.body, /ok/i);
  });

  test('an unknown address gives a "Page not found" page in the layout', async () => {
    const res = await h.visit(page, '/no/such/page', { expectStatus: 404 });
    assertInLayout(await res.text(), '404 page');
    assert.match(await page.locator('h1').innerText(), /Page not found/i);
    assert.ok(await page.getByRole('banner').count() >= 1, '404 page has no header');
  });

  test('POST to a GET-only address gives 405 with Allow, in the layout', async () => {
    const raw = await request('POST', '/healthz', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b',
    });
    assert.equal(raw.status, 405);
    assert.match(raw.headers.allow || '', /\bGET\b/, `Allow header: "${raw.headers.allow}"`);
    assertInLayout(raw.body, '405 page');
    // The same as a person would meet it: a form posted from a page, checked by axe.
    await h.visit(page, '/', { axe: false });
    await h.submit(page, '/healthz', { a: 'b' }, { expectStatus: 405 });
    assert.ok(await page.locator('h1').count() === 1, '405 page has no single <h1>');
  });

  test('the stylesheet is served as CSS', async () => {
    const res = await request('GET', '/static/vendor/tandem.css');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] || '', /^text\/css/);
    assert.ok(res.body.length > 10_000, 'tandem.css is suspiciously small');
  });
});

describe('bad input to POST /login is refused and the server stays up', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };

  test('a 3 MB body gets 413', async () => {
    const body = 'username=' + 'a'.repeat(3 * 1024 * 1024) + '&password=x';
    const res = await request('POST', '/login', { headers: form, body });
    assert.equal(res.status, 413);
    assert.match(res.headers['content-type'] || '', /^text\/html/);
    assert.match(res.body, /<title>/i, '413 answer is not an HTML page');
  });

  test('a body larger than even an upload may be gets the 413 page in the layout', async () => {
    // nginx refuses it before the app reads it, and asks the app for the page.
    const body = Buffer.alloc(25 * 1024 * 1024, 'a');
    const res = await request('POST', '/login', { headers: form, body });
    assert.equal(res.status, 413);
    assertInLayout(res.body, 'nginx 413 page');
    assert.match(res.body, /larger than Tandem accepts/);
    h.saveHtml('POST /login 25 MB', res.body);
  });

  test('a malformed multipart body gets 400', async () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="username"\r\n\r\nalice\r\n--XyZ\r\nContent-Disp';
    const res = await request('POST', '/login', {
      headers: { 'content-type': 'multipart/form-data; boundary=XyZ' }, body,
    });
    assert.equal(res.status, 400);
    assert.match(res.headers['content-type'] || '', /^text\/html/);
    assertInLayout(res.body, 'malformed multipart 400 page');
    h.saveHtml('POST /login malformed multipart', res.body);
  });

  test('a field that is not UTF-8 gets 400 naming the field', async () => {
    const { cookie, csrf } = await loginFormState();
    const res = await request('POST', '/login', {
      headers: { ...form, ...(cookie ? { cookie } : {}) },
      body: `username=%FF%FE&password=x&csrf_token=${encodeURIComponent(csrf)}`,
    });
    assert.equal(res.status, 400);
    assert.match(res.headers['content-type'] || '', /^text\/html/);
    assertInLayout(res.body, 'invalid UTF-8 400 page');
    // The message, not just a form label: the field named next to what is wrong with it.
    const text = (res.body.match(/<main[\s\S]*<\/main>/)?.[0] || '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    const why = '(UTF-8|invalid|not valid|encod|character)';
    assert.match(text, new RegExp(`username.{0,80}${why}|${why}.{0,80}username`, 'i'),
      `the 400 page does not say what is wrong with the field "username": ${text.slice(0, 300)}`);
    h.saveHtml('POST /login invalid utf-8', res.body);
  });

  test('the server still answers afterwards', async () => {
    const res = await request('GET', '/healthz');
    assert.equal(res.status, 200);
    assert.match(res.body, /ok/i);
  });
});
