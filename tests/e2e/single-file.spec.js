// The single file (scripts/build-single-file): opened from file://, with no server, it runs a whole
// assessment with every feature (import through the file picker, the bundled sample and a sample
// company, downloads, print, the methodology page and Back, saved work across a reload; the
// content the served app fetches on demand comes from the file's data block), gives the same
// score as the served app,
// registers no service worker, breaks no rule of its CSP and requests nothing but itself.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');
const { SERVED_URL } = require('./served');

const SINGLE = path.join(__dirname, '..', '..', 'dist-single', 'cmmc-readiness.html');

// The file is opened by its own URL: nothing here may resolve against the web server's.
test.use({ baseURL: undefined });

/** The same assessment in both copies: Level 2 (C3PAO) for a CUI handler, an SoA imported through
 *  the file picker, then the bundled sample; returns the SPRS score once the results are drawn. */
async function assess(app) {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.importSoa(app.fixture('iso2022_full.csv'));
  await app.loadSample();
  await app.drawn();
  await expect(app.testid('sprs-score')).toHaveText(/-?\d+/);
  return app.sprs();
}

test('the single file runs a whole assessment from file:// and requests nothing but itself', async ({ page, browser }) => {
  expect(fs.existsSync(SINGLE), `${SINGLE} is built (scripts/build-single-file)`).toBe(true);

  // The expected score: the same assessment in the served app, in a context of its own.
  const served = await browser.newContext({ baseURL: SERVED_URL });
  const reference = new AppPage(await served.newPage());
  await reference.open('/');
  const expected = await assess(reference);
  await served.close();

  // Every request of the file's session, at the DevTools-protocol level and the context's.
  const seen = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => seen.push(e.request.url));
  cdp.on('Network.webSocketCreated', (e) => seen.push(e.url));
  page.context().on('request', (r) => seen.push(r.url()));
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));

  const app = new AppPage(page);
  const url = pathToFileURL(SINGLE).href;
  await app.open(url);
  expect(page.url()).toBe(url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'self'");

  expect(await assess(app)).toBe(expected);

  // Downloads are Blobs made in the page.
  const csv = await app.download('export-csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.startsWith('Requirement,CMMC id,Family')).toBe(true);
  const json = await app.download('export-json');
  expect(JSON.parse(json.text)).toBeTruthy();

  // The printed report.
  await page.emulateMedia({ media: 'print' });
  await expect(app.testid('print-report')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The methodology page is #methodology in the history, on file:// as over http.
  await app.testid('open-methodology').click();
  await expect(app.testid('methodology')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#methodology');
  // Its text, which the served app fetches from content/, comes from the file's own data block.
  await expect(app.testid('methodology').locator('h2')).toHaveText('Methodology');
  await expect(app.testid('methodology').locator('h3', { hasText: 'The SPRS score' })).toBeVisible();
  await app.testid('methodology').getByRole('button', { name: /Back to the calculator/ }).click();
  await expect(app.testid('methodology')).toBeHidden();
  await expect(app.testid('sprs-score')).toHaveText(expected);
  expect(new URL(page.url()).hash).toBe('');

  // The work is kept across a reload (local storage works on file://).
  await app.reload();
  await expect(app.testid('sprs-score')).toHaveText(expected);

  // A sample company, its answers and SoA from the file's data block as well.
  await app.testid('sample-software-firm').click();
  // The work above is the user's own: the sample asks before replacing it.
  await app.testid('samples-replace').click();
  await expect(app.testid('summary-card')).toHaveAttribute('data-mode', 'level2');
  await expect(app.testid('notice')).toHaveText('Loaded the sample company Northwind Avionics Software: its answers and its SoA.');
  await expect(app.testid('samples-failed')).toHaveCount(0);

  // No service worker: file:// cannot have one, and the page never tries.
  expect(await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 0;
    try { return (await navigator.serviceWorker.getRegistrations()).length; } catch (e) { return 0; }
  })).toBe(0);
  await expect(page.locator('#update-notice-template')).toHaveCount(0);

  expect(problems).toEqual([]);
  // Nothing but the file itself: no http(s), no other file (the recording did see the file).
  expect(seen).toContain(url);
  const others = seen.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && u.split('#')[0] !== url);
  expect(others).toEqual([]);
});
