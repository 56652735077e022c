// The sample companies and the bundled sample SoA are files of the build (content/), fetched from
// the page's origin when chosen rather than compiled into the wasm: each click says it is loading,
// and a file that cannot be had leaves a plain message and the work as it was (no panic).
// The service worker is blocked so the test decides what the network answers.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test.use({ serviceWorkers: 'block' });

let app;
let problems;
test.beforeEach(async ({ page }) => {
  app = new AppPage(page);
  problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await app.open();
});
test.afterEach(async () => {
  expect(problems).toEqual([]);
  await expect(app.testid('panic-panel')).toHaveCount(0);
  expect(app.foreignRequests()).toEqual([]);
});

/** Holds requests for `glob` until the returned function is called, then aborts them. */
async function holdThenFail(page, glob) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(glob, async (route) => { await held; await route.abort(); });
  return release;
}

test('a sample company is fetched from content/ on the page origin and loads', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/content/')) fetched.push(r.url()); });
  await app.testid('sample-software-firm').click();
  await expect(app.testid('summary-card')).toHaveAttribute('data-mode', 'level2');
  await expect(app.testid('summary-score')).toHaveText('-14');
  await expect(app.testid('samples-status')).toHaveCount(0);
  expect(fetched.map((u) => new URL(u).pathname).sort()).toEqual([
    '/content/samples/northwind-avionics-soa.csv', '/content/samples/northwind-avionics.json']);
  expect(fetched.every((u) => new URL(u).origin === app.origin)).toBe(true);
});

test('a sample company that cannot be loaded says so and changes nothing', async ({ page }) => {
  await app.handlesCui();
  const release = await holdThenFail(page, '**/content/samples/northwind-avionics-soa.csv');
  // The answer given is the user's own work: the sample asks before replacing it.
  await app.testid('sample-software-firm').click();
  await app.testid('samples-replace').click();
  await expect(app.testid('samples-status')).toHaveText('Loading Northwind Avionics Software…');
  release();
  await expect(app.testid('samples-failed')).toContainText('The sample could not be loaded');
  await expect(app.testid('samples-failed')).toContainText('Nothing was changed.');
  await expect(app.testid('samples-status')).toHaveCount(0);
  await expect(app.testid('soa-rows')).toHaveCount(0);
  // Once the file can be had, the same click loads it.
  await page.unroute('**/content/samples/northwind-avionics-soa.csv');
  await app.testid('sample-software-firm').click();
  await app.testid('samples-replace').click();
  await expect(app.testid('summary-score')).toHaveText('-14');
  await expect(app.testid('samples-failed')).toHaveCount(0);
});

test('the bundled sample SoA says it is loading, and why it failed when it cannot be had', async ({ page }) => {
  await app.handlesCui();
  const release = await holdThenFail(page, '**/content/sample-soa.csv');
  await app.testid('load-sample').click();
  await expect(app.testid('sample-status')).toHaveText('Loading the sample SoA…');
  release();
  await expect(app.testid('sample-failed')).toContainText('The sample SoA could not be loaded');
  await expect(app.testid('soa-rows')).toHaveCount(0);
  await page.unroute('**/content/sample-soa.csv');
  await app.loadSample();
  await expect(app.testid('sample-failed')).toHaveCount(0);
  await expect(app.testid('sample-status')).toHaveCount(0);
});

test('a sample never replaces work of the user\'s own without asking', async ({ page }) => {
  // Nothing entered: a sample loads at once, and another sample replaces it at once (a demo).
  await app.testid('sample-software-firm').click();
  await expect(app.testid('summary-score')).toHaveText('-14');
  await app.testid('sample-machine-shop').click();
  await expect(app.testid('summary-card')).toHaveAttribute('data-mode', 'level1');
  await expect(app.testid('samples-confirm')).toHaveCount(0);

  // Work of the user's own: the sample asks first, and "Keep my work" keeps every answer.
  await app.deleteAllData();
  await app.answerYesNo('handles_cui', 'yes');
  await app.testid('company-name').fill('Blue Ridge Castings');
  await app.testid('company-name').press('Tab');
  await app.testid('sample-machine-shop').click();
  const confirm = app.testid('samples-confirm');
  await expect(confirm).toContainText('Loading Acme Precision Machining replaces everything you entered in this browser');
  await confirm.getByTestId('samples-keep').click();
  await expect(confirm).toHaveCount(0);
  await expect(app.testid('q-handles_cui-yes')).toBeChecked();
  await expect(app.testid('company-name')).toHaveValue('Blue Ridge Castings');
  await page.waitForFunction(() => (localStorage.getItem('cmmc-readiness/v1') || '').includes('Blue Ridge Castings'));

  // Replacing is a choice the user makes.
  await app.testid('sample-machine-shop').click();
  await app.testid('samples-replace').click();
  await expect(app.testid('summary-card')).toHaveAttribute('data-mode', 'level1');
  await expect(app.testid('company-name')).toHaveValue('Acme Precision Machining');

  // A sample the user has worked on is their work too.
  await app.answerYesNo('handles_cui', 'yes');
  await app.testid('sample-software-firm').click();
  await expect(app.testid('samples-confirm')).toBeVisible();
});
