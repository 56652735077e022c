// Offline and installable: after one visit the service worker has precached the build (the
// content the app loads on demand included), so the app opens and works with the network off; a new build installs as an update, the page says a new
// version is ready, and the next visit runs it. The manifest makes the app installable.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { AppPage } = require('./app-page');

const ROOT = path.join(__dirname, '..', '..');

/** Waits until a service worker controls the page: it has precached every file and claimed it. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

test('after one visit the app opens and runs an assessment with the network off', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open();
  await controlled(page);
  await expect(app.testid('update-notice')).toBeHidden();

  await context.setOffline(true);
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await app.drawn();
  await app.handlesCui();
  await app.loadSample();
  await app.drawn();
  await expect(app.testid('sprs-score')).toHaveText(/-?\d+/);
  // What the app loads on demand (content/) was precached with the build: a sample company and
  // the methodology open with the network off.
  await app.testid('sample-software-firm').click();
  // The work above is the user's own: the sample asks before replacing it.
  await app.testid('samples-replace').click();
  await expect(app.testid('summary-card')).toHaveAttribute('data-mode', 'level2');
  await expect(app.testid('samples-failed')).toHaveCount(0);
  await app.testid('open-methodology').click();
  await expect(app.testid('methodology').locator('h2')).toHaveText('Methodology');
  await app.testid('methodology').getByRole('button', { name: /Back to the calculator/ }).click();
  // A page that is not part of the app is not made up by the worker: offline, it fails.
  const other = await page.evaluate(async () => {
    try { return (await fetch('/not-in-the-build.txt')).status; } catch (e) { return 'failed'; }
  });
  expect(other).toBe('failed');
  await context.setOffline(false);
  expect(app.foreignRequests()).toEqual([]);
});

test('the manifest is valid and the app is installable', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data)).toMatchObject({ display: 'standalone', start_url: './' });
  // Chromium's own checks (manifest, icons, service worker, secure origin); a Playwright context
  // is incognito, where nothing installs, so that one reason is the test's, not the app's.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

/** A server of its own on a copy of dist/, so the test can publish a new build under it. */
async function serveCopy(dir) {
  const server = spawn('python3', [path.join(ROOT, 'scripts', 'static-server.py'), dir, '0', '-q']);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`static-server exited (${code}): ${out}`)));
  });
  return { url, stop: () => server.kill() };
}

test('a new build installs as an update: the page says so and the next visit runs it', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmmc-sw-update-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const server = await serveCopy(dir);
  try {
    const app = new AppPage(page);
    await app.open(`${server.url}/`);
    await controlled(page);
    await expect(app.testid('update-notice')).toBeHidden();
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);

    // Publish a new build: another page title, and sw.js rewritten by the build's own hook.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<title>New build: '));
    execFileSync('python3', [path.join(ROOT, 'scripts', 'precache.py'), dir]);
    // The server answers a revalidation from the file's modification time, to the second: files
    // rewritten in the second the first visit fetched them would be "not modified". A real
    // deployment is never that quick; date them later so the test is not either.
    const later = new Date(Date.now() + 10_000);
    for (const f of [index, path.join(dir, 'sw.js')]) fs.utimesSync(f, later, later);

    // The browser checks sw.js on every visit; here the page asks at once.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = app.testid('update-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('A new version is ready');
    await expect(page).not.toHaveTitle(/New build/);
    await app.screenshot('update-notice');
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const axe = await new AxeBuilder({ page }).include('#update-notice').analyze();
      expect(axe.violations.map((v) => `${v.id} (${scheme})`)).toEqual([]);
    }
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();

    // The next visit runs the new build, from the new cache; the old one is gone.
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), before[0]);
    await app.reload();
    await expect(page).toHaveTitle(/^New build: /);
    await expect(app.testid('update-notice')).toBeHidden();
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
