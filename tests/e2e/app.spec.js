// The walking skeleton: the page loads, shows the three steps, and talks to nobody else.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test('the page loads and shows the three steps', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page).toHaveTitle(/CMMC Readiness/);
  await expect(page.getByTestId('step-questionnaire')).toBeVisible();
  await expect(page.getByTestId('step-soa')).toBeVisible();
  await expect(page.getByTestId('step-results')).toBeVisible();
  await expect(page.getByTestId('privacy-footer')).toContainText('leaves this device');
  await expect(page.getByTestId('privacy-note')).toContainText('Nothing leaves this device');
  await app.screenshot('home');
  expect(app.foreignRequests()).toEqual([]);
});

test('answers given while the results are still drawing are kept and counted', async ({ page }) => {
  // The questionnaire is drawn first (its first questions, then the rest) and the results follow
  // over a few frames; answering at once, two answers in a row, must neither lose one nor leave
  // the results on the old answers. (An unkeyed question list once lost the first answer here.)
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByTestId('q-handles_fci-yes').check();
  await page.getByTestId('q-handles_cui-yes').check();
  const app = new AppPage(page);
  await app.drawn();
  await expect(page.getByTestId('q-handles_fci-yes')).toBeChecked();
  await expect(page.getByTestId('q-handles_cui-yes')).toBeChecked();
  await expect(page.getByTestId('strip-level')).toHaveText('Level 2');
  await expect(page.getByTestId('level-value')).toHaveText('Level 2');
  await expect(page.getByTestId('gap-row')).toHaveCount(110);
});
