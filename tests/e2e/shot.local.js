// Ad-hoc screenshots for review (not a test): node shot.local.js
const { chromium } = require('@playwright/test');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  await page.goto(process.env.URL || 'http://127.0.0.1:8181/');
  await page.waitForSelector('[data-testid="step-results"][data-complete="true"]');
  const steps = JSON.parse(process.env.STEPS || '[]');
  for (const [kind, a, b] of steps) {
    if (kind === 'check') await page.getByTestId(a).check();
    if (kind === 'select') await page.locator(a).selectOption(b);
    if (kind === 'fill') await page.locator(a).fill(b);
    if (kind === 'click') await page.getByTestId(a).first().click();
  }
  await page.waitForTimeout(500);
  const el = process.env.EL ? page.getByTestId(process.env.EL) : page;
  await el.screenshot({ path: process.env.OUT || '/tmp/shots/shot.png' });
  await browser.close();
})();
