const { chromium } = require('@playwright/test');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
  const p = await b.newPage({ viewport: { width: 1300, height: 900 } });
  await p.goto('http://127.0.0.1:8299/');
  await p.waitForSelector('[data-testid="load-sample"]');
  await p.getByTestId('q-handles_fci-yes').check();
  await p.getByTestId('q-handles_cui-yes').check();
  await p.locator('#q-solicitation').selectOption('L2-c3pao');
  await p.getByTestId('load-sample').click();
  await p.waitForTimeout(500);
  const h = await p.evaluate(() => document.body.scrollHeight);
  let i = 0;
  for (let y = 0; y < h && i < 14; y += 850, i++) {
    await p.evaluate((y) => window.scrollTo(0, y), y);
    await p.waitForTimeout(100);
    await p.screenshot({ path: `/tmp/shot-${String(i).padStart(2, '0')}.png` });
  }
  console.log('height', h, 'shots', i);
  await b.close();
})();
