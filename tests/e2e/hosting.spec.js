// Ready to host: the build writes the response headers a site needs (dist/_headers for Netlify and
// Cloudflare Pages, dist/deploy/nginx.conf for nginx) from one source, scripts/headers.py; the
// test server sends the same (it reads dist/_headers), and all of them carry the page's own CSP.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

const DIST = path.join(__dirname, '..', '..', 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The page's CSP as its meta tag has it; a header adds frame-ancestors, which only a header can carry. */
async function metaPolicy(page) {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

function expectSecurityHeaders(headers, policy) {
  expect(headers['content-security-policy']).toBe(`${policy}; frame-ancestors 'none'`);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  const permissions = headers['permissions-policy'] || '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions).toContain(`${feature}=()`);
  }
  // Every feature is denied outright: no allow-list anywhere.
  for (const item of permissions.split(',')) expect(item.trim()).toMatch(/^[a-z-]+=\(\)$/);
}

test('the page and its hashed files are served with the security and cache headers', async ({ page }) => {
  const app = new AppPage(page);
  const logged = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', (e) => logged.push(e.entry.text));
  page.on('console', (m) => logged.push(m.text()));
  const wasm = page.waitForResponse((r) => /_bg\.wasm$/.test(r.url()));

  const response = await app.open();
  const policy = await metaPolicy(page);
  expect(policy).toContain("worker-src 'self'");
  expect(policy).toContain("manifest-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  const pageHeaders = response.headers();
  expectSecurityHeaders(pageHeaders, policy);
  expect(pageHeaders['cache-control']).toBe('no-cache');

  const wasmHeaders = (await wasm).headers();
  expectSecurityHeaders(wasmHeaders, policy);
  expect(wasmHeaders['cache-control']).toBe(IMMUTABLE);
  expect(wasmHeaders['content-type']).toBe('application/wasm');

  // The files that keep their names are revalidated on every use, so a new build shows at once.
  for (const name of ['sw.js', 'manifest.webmanifest', 'index.html']) {
    const r = await page.request.get(`/${name}`);
    expect(r.ok()).toBe(true);
    expect(r.headers()['cache-control'], name).toBe('no-cache');
    expectSecurityHeaders(r.headers(), policy);
  }
  expect((await page.request.get('/manifest.webmanifest')).headers()['content-type']).toBe('application/manifest+json');

  // The browser understood every header (an unknown Permissions-Policy feature would be logged).
  expect(logged.filter((t) => /Permissions-Policy|Content Security Policy|Cross-Origin-Opener/i.test(t))).toEqual([]);
});

test('_headers and the nginx snippet carry the CSP of index.html, and a rule for every file', async ({ page }) => {
  await new AppPage(page).open();
  const policy = `${await metaPolicy(page)}; frame-ancestors 'none'`;

  const netlify = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const nginx = fs.readFileSync(path.join(DIST, 'deploy', 'nginx.conf'), 'utf8');
  const inHeaders = [...netlify.matchAll(/^\s+Content-Security-Policy: (.*)$/gm)].map((m) => m[1]);
  const inNginx = [...nginx.matchAll(/add_header Content-Security-Policy "([^"]*)" always;/g)].map((m) => m[1]);
  expect(inHeaders).toEqual([policy]);
  expect(inNginx.length).toBeGreaterThan(1);
  expect(new Set(inNginx)).toEqual(new Set([policy]));

  // Each file of the build has its Cache-Control in both: hashed ones for a year, others no-cache.
  const files = fs.readdirSync(DIST, { recursive: true })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(DIST, f)).isFile() && f !== '_headers' && !f.startsWith('deploy/'));
  expect(files).toContain('sw.js');
  for (const file of files) {
    const hashed = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(file);
    const cache = hashed ? IMMUTABLE : 'no-cache';
    expect(netlify, file).toContain(`\n/${file}\n  Cache-Control: ${cache}\n`);
    const block = nginx.split(`location = /${file} {`)[1];
    expect(block, `nginx has a location for /${file}`).toBeDefined();
    expect(block.split('\n}')[0], file).toContain(`add_header Cache-Control "${cache}" always;`);
  }
});
