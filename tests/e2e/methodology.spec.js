// The methodology page: reachable from the header, renders the repository's METHODOLOGY.md,
// states its limits, and leads back to the calculator with the work intact. The document is a
// file of the build (content/METHODOLOGY.md) fetched from the page's origin when the page opens:
// "Loading…" until it is in, a plain message (no panic) when it cannot be had.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test('the methodology page explains the numbers and its limits', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.handlesCui();
  await app.loadSample();
  const score = await app.sprs();
  const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === '/content/METHODOLOGY.md');
  await app.testid('open-methodology').click();
  expect(new URL((await fetched).url()).origin).toBe(app.origin);
  const doc = app.testid('methodology');
  await expect(doc).toBeVisible();
  await expect(doc.locator('h2')).toHaveText('Methodology');
  await expect(doc).toHaveAttribute('aria-busy', 'false');
  await expect(app.testid('methodology-loading')).toHaveCount(0);
  for (const heading of ['The crosswalk', 'Strict and analysed views', 'The SPRS score', 'A worked example',
    'What ISO cannot evidence', 'Cost and timeline', 'Limits']) {
    await expect(doc.locator('h3', { hasText: heading })).toBeVisible();
  }
  await expect(doc).toContainText('110 - 8 = 102');
  await expect(doc).toContainText('It is not a CMMC assessment');
  await expect(doc).toContainText('89 FR 83092');
  // The rules in force: sub-headings and tables render as such, not as raw markdown.
  await expect(doc.locator('h4', { hasText: 'Subcontractors (32 CFR 170.23)' })).toBeVisible();
  await expect(doc.locator('table.doc-table')).toHaveCount(2);
  await expect(doc.locator('table.doc-table').first()).toContainText('Level 2 (C3PAO)');
  await expect(doc).not.toContainText('|---');
  await expect(doc.locator('strong', { hasText: 'Conditional Level 2' }).first()).toBeVisible();
  await app.screenshot('methodology');
  await doc.getByRole('button', { name: /Back to the calculator/ }).click();
  await expect(app.testid('sprs-score')).toHaveText(score);
  expect(app.foreignRequests()).toEqual([]);
});

test.describe('without the service worker, so the test decides what the network answers', () => {
  test.use({ serviceWorkers: 'block' });

  test('while the document loads the page says so, and a failed load says why and changes nothing', async ({ page }) => {
    const app = new AppPage(page);
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await app.open();
    await app.handlesCui();
    await app.loadSample();
    const score = await app.sprs();
    // Held back, then refused: the page waits with "Loading…", then says it could not load it.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/content/METHODOLOGY.md', async (route) => { await held; await route.abort(); });
    await app.testid('open-methodology').click();
    await expect(app.testid('methodology-loading')).toHaveText('Loading…');
    await expect(app.testid('methodology')).toHaveAttribute('aria-busy', 'true');
    release();
    await expect(app.testid('methodology-failed')).toContainText('The methodology could not be loaded');
    await expect(app.testid('methodology')).toHaveAttribute('aria-busy', 'false');
    await expect(app.testid('panic-panel')).toHaveCount(0);
    await app.testid('methodology').getByRole('button', { name: /Back to the calculator/ }).click();
    await expect(app.testid('sprs-score')).toHaveText(score);
    // Once the file can be had, opening the page again shows the document.
    await page.unroute('**/content/METHODOLOGY.md');
    await app.testid('open-methodology').click();
    await expect(app.testid('methodology').locator('h2')).toHaveText('Methodology');
    expect(problems).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });
});
