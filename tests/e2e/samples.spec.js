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
  await app.testid('sample-software-firm').click();
  await expect(app.testid('samples-status')).toHaveText('Loading Northwind Avionics Software…');
  release();
  await expect(app.testid('samples-failed')).toContainText('The sample could not be loaded');
  await expect(app.testid('samples-failed')).toContainText('Nothing was changed.');
  await expect(app.testid('samples-status')).toHaveCount(0);
  await expect(app.testid('soa-rows')).toHaveCount(0);
  // Once the file can be had, the same click loads it.
  await page.unroute('**/content/samples/northwind-avionics-soa.csv');
  await app.testid('sample-software-firm').click();
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
