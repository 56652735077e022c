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
