// The first screen is in index.html (rendered at build time from the same Yew components,
// scripts/prerender.py) and the app hydrates it: a visitor can answer the first questions while
// the wasm loads, and those answers survive the start-up and take effect; the prerendered markup
// is the app's first render (so hydration neither aborts nor redraws it); the saved work is
// applied after the hydration, and the answers given before the app started win over it.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

// Every request reaches the page's routes (a service worker would answer the wasm from its cache).
test.use({ serviceWorkers: 'block' });

/** Holds every request for the wasm module until the returned `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Records, in the page, what the app's root holds when the app marks its first render
 *  (`performance.mark('first-render')`, set by the root's first effect: after hydrating, before
 *  the saved state and the early answers are applied), and every time `loaded` was set. */
async function recordFirstRender(page) {
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'first-render' && !window.firstRender) {
        const root = document.getElementById('app');
        window.firstRender = {
          html: root.innerHTML,
          form: [...root.querySelectorAll('input, select')].map((e) => [e.dataset.testid || e.id, e.checked, e.value]),
        };
      }
      return mark(name, ...rest);
    };
  });
}

/** The prerendered first screen as the browser parses it from the served index.html, and the
 *  recorded first render, both without comments (hydration removes Yew's component markers). */
async function firstScreens(page) {
  return page.evaluate(async () => {
    const text = await (await fetch('/', { cache: 'no-store' })).text();
    const served = new DOMParser().parseFromString(text, 'text/html').getElementById('app');
    const normalised = (root) => {
      const copy = root.cloneNode(true);
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      comments.forEach((c) => c.remove());
      copy.normalize();
      return copy.innerHTML;
    };
    const rendered = document.createElement('div');
    rendered.innerHTML = window.firstRender.html;
    const form = [...served.querySelectorAll('input, select')].map((e) => [e.dataset.testid || e.id, e.checked, e.value]);
    return {
      prerendered: normalised(served),
      firstRender: normalised(rendered),
      prerenderedForm: form,
      firstRenderForm: window.firstRender.form,
    };
  });
}

/** Where two serialisations first differ, with some context, or null when they are equal (a
 *  short failure message rather than two pages of markup). */
function firstDifference(prerendered, firstRender) {
  if (prerendered === firstRender) return null;
  let i = 0;
  while (i < prerendered.length && prerendered[i] === firstRender[i]) i += 1;
  const around = (s) => s.slice(Math.max(0, i - 120), i + 120);
  return { at: i, prerendered: around(prerendered), firstRender: around(firstRender) };
}

test('the first screen is in index.html and answers given before the wasm loads survive it', async ({ page }) => {
  const app = new AppPage(page);
  const release = await holdWasm(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');

  // Readable and answerable with no app running: the header, the privacy note, the questions,
  // the level card, the summary strip.
  await expect(app.testid('privacy-note')).toContainText('Nothing leaves this device.');
  await expect(app.testid('level-result')).toContainText('Your CMMC level');
  await expect(app.testid('summary-strip')).toBeVisible();
  await app.answerYesNo('handles_fci', 'yes');
  const answeredAt = await page.evaluate(() => performance.now());
  await app.answerYesNo('handles_cui', 'no');
  await app.choose('role', 'prime');
  await app.testid('company-name').fill('Early Bird Machining');
  expect(await page.evaluate(() => performance.getEntriesByName('app-start').length)).toBe(0);
  await expect(app.testid('level-value')).toHaveText('Not determined yet');

  release();
  await app.drawn();
  const startedAt = await page.evaluate(() => performance.getEntriesByName('app-start')[0].startTime);
  console.log(`prerender: first answer taken at ${answeredAt.toFixed(0)} ms, the app started at ${startedAt.toFixed(0)} ms (wasm held)`);
  expect(answeredAt).toBeLessThan(startedAt);

  // Still the answers given, and the app has taken them: the level, the strip, the questions
  // that follow from them.
  await expect(app.testid('q-handles_fci-yes')).toBeChecked();
  await expect(app.testid('q-handles_cui-no')).toBeChecked();
  await expect(page.locator('#q-role')).toHaveValue('prime');
  await expect(app.testid('level-value')).toHaveText('Level 1');
  await expect(app.testid('strip-level')).toHaveText('Level 1');
  await expect(page.locator('#q-solicitation')).toBeVisible();
  await expect(app.testid('company-name')).toHaveValue('Early Bird Machining');
  // The date-dependent phase line appears once the app runs.
  await expect(app.testid('phase-name')).toHaveText(/^Phase /);
  await expect(app.testid('panic-panel')).toHaveCount(0);
  expect(errors).toEqual([]);

  // And the app goes on from there, saving them.
  await app.answerYesNo('handles_cui', 'yes');
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await page.waitForFunction(() => {
    const saved = localStorage.getItem('cmmc-readiness/v1') || '';
    return saved.includes('"handles_cui":true') && saved.includes('Early Bird Machining');
  });
});

test('the first screen is painted, styled, from index.html alone', async ({ page }) => {
  // Every other request is held for good: the stylesheet is inline (allowed by its hash in the
  // CSP), so the questionnaire is drawn as designed from the one response.
  const held = [];
  await page.route('**/*', (route) => {
    if (route.request().resourceType() === 'document') return route.continue();
    held.push(new URL(route.request().url()).pathname);
    return undefined;
  });
  const logged = [];
  page.on('console', (m) => logged.push(m.text()));
  await page.goto('/', { waitUntil: 'commit' });
  const app = new AppPage(page);
  await expect(app.testid('q-handles_fci-yes')).toBeAttached();
  await expect(page.locator('.seg-option').first()).toBeVisible();
  const styled = await page.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    card: getComputedStyle(document.querySelector('.step')).borderRadius,
  }));
  expect(styled.font).toContain('system-ui');
  expect(styled.card).not.toBe('0px');
  expect(logged.filter((t) => /Content Security Policy/i.test(t))).toEqual([]);
  // Nothing competes with that first paint: the wasm is fetched by the loader once it runs (here
  // never, its glue being held), not preloaded alongside the first layout.
  expect(held.some((p) => /\.js$/.test(p))).toBe(true);
  expect(held.filter((p) => /\.(wasm|css)$/.test(p))).toEqual([]);
});

test('the prerendered markup is the app\'s first render', async ({ page }) => {
  const app = new AppPage(page);
  await recordFirstRender(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.open();
  await expect(app.testid('panic-panel')).toHaveCount(0);
  expect(errors).toEqual([]);

  const screens = await firstScreens(page);
  // The first screen is all there, not an empty shell.
  for (const id of ['privacy-note', 'questionnaire', 'level-result', 'summary-strip', 'q-handles_fci']) {
    expect(screens.prerendered).toContain(`data-testid="${id}"`);
  }
  // Hydration replaces text and attributes with the app's own: after it, the root holds what the
  // build wrote, unchanged, and the form's values are the prerendered ones.
  expect(firstDifference(screens.prerendered, screens.firstRender)).toBeNull();
  expect(screens.firstRenderForm).toEqual(screens.prerenderedForm);
});

test('the saved work is applied after hydrating, and answers given before the app started win', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('role', 'prime');
  await page.waitForFunction(() => (localStorage.getItem('cmmc-readiness/v1') || '').includes('"role":"prime"'));

  // A new visit: the page shows the default first screen until the app starts.
  await recordFirstRender(page);
  const release = await holdWasm(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await expect(app.testid('q-handles_cui-unsure')).toBeChecked();
  await app.answerYesNo('handles_cui', 'no');
  release();
  await app.drawn();

  // The saved answers are back, except the one given before the app started, which wins.
  await expect(app.testid('q-handles_fci-yes')).toBeChecked();
  await expect(page.locator('#q-role')).toHaveValue('prime');
  await expect(app.testid('q-handles_cui-no')).toBeChecked();
  await expect(app.testid('level-value')).toHaveText('Level 1');
  await page.waitForFunction(() => (localStorage.getItem('cmmc-readiness/v1') || '').includes('"handles_cui":false'));
  await expect(app.testid('panic-panel')).toHaveCount(0);
  expect(errors).toEqual([]);

  // The first render was still the prerendered one: the saved state came after it.
  const screens = await firstScreens(page);
  expect(firstDifference(screens.prerendered, screens.firstRender)).toBeNull();
});
