// Every page at phone width (issue 20, "Phones"), and the header's
// navigation: one line of sections on a laptop, a menu on a phone that
// opens without JavaScript.
//
// A learner, a rep, tutors, a manager, a leader and the college's
// administrator each walk every link they are shown (lib/crawl.mjs, as
// crawl.test.mjs does), in a browser 375 CSS pixels wide: no page may be
// wider than the screen (document.documentElement.scrollWidth against
// window.innerWidth), and a page that is names what sticks out. A wide
// table scrolls inside its own region (.tandem-table-scroll), which does
// not count. A representative set of pages is also opened 320 pixels wide
// (WCAG 1.4.10's width), and each kind of page is checked by axe-core at
// phone width once, with the menu closed.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, OUT_DIR, assertAccessible, harness } from './lib/browser.mjs';
import { cookieOf, isHtml, kindOf, walk } from './lib/crawl.mjs';

const h = harness(import.meta.url);
before(() => h.launch());
after(() => h.close());

const PHONE = { width: 375, height: 800 };
const NARROWEST = 320;

// amira: learner and her group's rep; sofia: learner and rep; priya: tutor;
// tom: tutor and mentor; david: manager with reports; helen: senior leader
// (the college view); admin: the college's administrator.
const PEOPLE = ['amira', 'sofia', 'priya', 'tom', 'david', 'helen', 'admin'];

// Kinds of page (lib/crawl.mjs kindOf) opened at 320 pixels too: those the
// issue found too wide at 375, and the widest forms and lists.
const AT_320 = [
  '/', '/plans', '/plans/:x', '/plans/:x/compare?from&to', '/plans/templates', '/voice', '/voice/polls/:x/results',
  '/voice/issues/:x', '/messages', '/portfolio', '/shared', '/leadership/team', '/leadership/college',
  '/admin', '/admin/users', '/admin/users/:x', '/admin/cohorts', '/admin/audit', '/admin/leadership', '/admin/import',
];

/**
 * What makes the page open in `page` wider than its window: null when
 * nothing does, else {scrollWidth, innerWidth, culprits}, culprits naming
 * the outermost elements that reach past the window's right edge and are
 * not inside a box that scrolls or clips them (or escape one, being
 * positioned against an ancestor outside it).
 */
async function tooWide(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const describe = (el) => {
      const cls = [...el.classList].map((c) => `.${c}`).join('');
      const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 50);
      return `<${el.localName}${el.id ? `#${el.id}` : ''}${cls}> "${text}" reaches ${Math.round(el.getBoundingClientRect().right)} px`;
    };
    const clipped = (el) => {
      if (/^(absolute|fixed)$/.test(getComputedStyle(el).position)) return false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getBoundingClientRect().right <= width + 0.5 || clipped(el)) continue;
      if (culprits.some((c) => c.contains(el))) continue;
      culprits.push(el);
    }
    return { scrollWidth, innerWidth: width, culprits: culprits.slice(0, 5).map(describe) };
  });
}

const report = (at, width, wide) =>
  `${at} is ${wide.scrollWidth} px wide at ${width}: ${wide.culprits.join('; ') || 'no element found'}`;

describe('every page at phone width', () => {
  const axeKinds = new Set(); // kinds of page axe-core checked at phone width, for anyone
  const at320 = new Map(); // kind -> the address opened 320 pixels wide
  for (const name of PEOPLE) {
    test(`${name}: no page is wider than a phone 375 pixels wide`, async (t) => {
      const page = await h.newPage({ viewport: PHONE });
      try {
        await h.signIn(page, name);
        const cookie = await cookieOf(page);
        const wide = [];
        const stats = {};
        let opened = 0;
        for await (const { at, res } of walk(cookie, { instances: 2, pages: 250 }, stats)) {
          if (res.status !== 200 || !isHtml(res)) continue; // crawl.test.mjs checks the links work
          const kind = kindOf(at);
          await h.visit(page, at, { axe: false });
          opened++;
          const found = await tooWide(page);
          if (found) wide.push(report(at, PHONE.width, found));
          if (!axeKinds.has(kind)) {
            axeKinds.add(kind);
            await assertAccessible(page, `GET ${at} at ${PHONE.width} px`);
          }
          if (AT_320.includes(kind) && !at320.has(kind)) {
            at320.set(kind, at);
            await page.setViewportSize({ width: NARROWEST, height: PHONE.height });
            await h.visit(page, at, { axe: false });
            const narrow = await tooWide(page);
            if (narrow) wide.push(report(at, NARROWEST, narrow));
            await page.setViewportSize(PHONE);
          }
        }
        assert.deepEqual(wide, [], `pages wider than the screen for ${name}`);
        assert.ok(stats.kinds.size >= 5, `${name} reached only ${[...stats.kinds.keys()].join(', ')}`);
        t.diagnostic(`${name}: ${opened} pages opened at ${PHONE.width} px`);
      } finally {
        await page.context().close();
      }
    });
  }

  test(`the representative pages were all opened ${NARROWEST} pixels wide`, () => {
    const missed = AT_320.filter((kind) => !at320.has(kind));
    assert.deepEqual(missed, [], `kinds of page nobody reached, so never checked at ${NARROWEST} px`);
  });
});

/** The header's navigation links and buttons as they are laid out. */
function navBoxes(page) {
  return page.evaluate(() => {
    const boxes = (sel) => [...document.querySelectorAll(sel)].map((li) => {
      const r = li.getBoundingClientRect();
      return { text: li.textContent.trim().replace(/\s+/g, ' '), top: Math.round(r.top), left: r.left, right: r.right, shown: r.width > 0 };
    });
    const container = document.querySelector('header .govuk-width-container').getBoundingClientRect();
    return {
      sections: boxes('header .tandem-nav__sections > li'),
      own: boxes('header .tandem-nav__own > li'),
      header: document.querySelector('header').getBoundingClientRect().height,
      left: container.left,
      right: container.right,
    };
  });
}

describe('the header navigation', () => {
  for (const name of ['admin', 'helen']) {
    test(`on a laptop 1366 pixels wide, ${name}'s sections fit one line, with their own links beside the service name`, async () => {
      const page = await h.newPage({ viewport: { width: 1366, height: 768 } });
      try {
        await h.signIn(page, name);
        await h.visit(page, '/', { axe: false });
        await assertAccessible(page, `home as ${name} at 1366 px`);
        const nav = await navBoxes(page);
        assert.ok(nav.sections.length >= 7, `only ${nav.sections.length} sections: ${nav.sections.map((s) => s.text)}`);
        const lines = (items) => new Set(items.map((i) => i.top)).size;
        assert.equal(lines(nav.sections), 1, `the sections are on ${lines(nav.sections)} lines: ` +
          nav.sections.map((s) => `${s.text}@${s.top}`).join(', '));
        assert.equal(lines(nav.own), 1, `the person's own links are on ${lines(nav.own)} lines`);
        assert.ok(nav.own[0].top < nav.sections[0].top, 'the own links are not above the sections, beside the service name');
        for (const item of [...nav.sections, ...nav.own]) {
          assert.ok(item.shown && item.left >= nav.left - 1 && item.right <= nav.right + 1,
            `"${item.text}" is outside the header's ${nav.left}-${nav.right} px: ${item.left}-${item.right}`);
        }
        assert.ok(nav.header <= 130, `the header is ${nav.header} px high: more than two lines`);
        assert.equal(await page.locator('header summary').isVisible(), false, 'the Menu is shown on a laptop');
        // The links are reachable by keyboard, in order, after the service name.
        await page.locator('header .govuk-service-navigation__service-name a').focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Home', 'Tab after the service name');
        assert.equal(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Plans', exact: true }).isVisible(), true);
      } finally {
        await page.context().close();
      }
    });
  }

  for (const javaScriptEnabled of [false, true]) {
    test(`on a phone, the navigation is a menu that opens by keyboard ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const page = await h.newPage({ viewport: PHONE, javaScriptEnabled });
      try {
        await h.signIn(page, 'priya');
        await h.visit(page, '/', { axe: false });
        const menu = page.getByRole('navigation', { name: 'Menu' });
        const summary = menu.locator('summary');
        const plans = menu.getByRole('link', { name: 'Plans', exact: true });
        assert.equal(await summary.isVisible(), true, 'no Menu on a phone');
        assert.equal(await summary.innerText(), 'Menu');
        assert.equal(await plans.isVisible(), false, 'the navigation shows before the Menu is opened');
        assert.equal((await navBoxes(page)).header < 120, true, 'the closed menu takes more than two lines');
        if (javaScriptEnabled) await assertAccessible(page, `home at ${PHONE.width} px, menu closed`);
        // Skip link, service name, then the Menu: Enter opens it.
        await page.locator('header .govuk-service-navigation__service-name a').focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.localName), 'summary', 'Tab after the service name');
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('header details').getAttribute('open'), '', 'Enter did not open the menu');
        assert.equal(await plans.isVisible(), true, 'Plans is not shown in the open menu');
        for (const label of [/^Home$/, /^Portfolio$/, /^Notifications/, /^Your account$/]) {
          assert.equal(await menu.getByRole('link', { name: label }).isVisible(), true, `${label} is not in the open menu`);
        }
        assert.equal(await menu.getByRole('button', { name: /^Sign out/ }).isVisible(), true, 'Sign out is not in the open menu');
        const wide = await tooWide(page);
        assert.equal(wide, null, wide && report('/ with the menu open', PHONE.width, wide));
        if (javaScriptEnabled) await assertAccessible(page, `home at ${PHONE.width} px, menu open`);
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Home', 'Tab after the Menu');
        if (!javaScriptEnabled) {
          mkdirSync(OUT_DIR, { recursive: true });
          await page.screenshot({ path: join(OUT_DIR, 'phone-menu-open.png'), fullPage: true });
        }
        await Promise.all([page.waitForNavigation(), plans.click()]);
        assert.equal(new URL(page.url()).pathname, '/plans');
        // On the next page the menu is closed again, Plans marked as current.
        assert.equal(await plans.isVisible(), false, 'the menu stays open on the next page');
        await summary.click();
        assert.equal(await plans.getAttribute('aria-current'), 'page');
        await summary.click();
        assert.equal(await plans.isVisible(), false, 'the menu does not close again');
      } finally {
        await page.context().close();
      }
    });
  }

  test('a visitor on a phone has the menu too, with Sign in in it, and the home and sign-in pages fit 320 pixels', async () => {
    const page = await h.newPage({ viewport: PHONE, javaScriptEnabled: false });
    try {
      await page.goto(BASE_URL + '/');
      const signIn = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sign in', exact: true });
      assert.equal(await signIn.isVisible(), false);
      await page.locator('header summary').click();
      assert.equal(await signIn.isVisible(), true);
      assert.equal(await tooWide(page), null);
      for (const width of [PHONE.width, NARROWEST]) {
        await page.setViewportSize({ width, height: PHONE.height });
        for (const path of ['/', '/login']) {
          await h.visit(page, path, { axe: false });
          const wide = await tooWide(page);
          assert.equal(wide, null, wide && report(path, width, wide));
        }
      }
    } finally {
      await page.context().close();
    }
  });
});
