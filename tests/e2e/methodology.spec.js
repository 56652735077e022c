// The methodology page: reachable from the header, renders the repository's METHODOLOGY.md,
// states its limits, and leads back to the calculator with the work intact.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test('the methodology page explains the numbers and its limits', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.handlesCui();
  await app.loadSample();
  const score = await app.sprs();
  await app.testid('open-methodology').click();
  const doc = app.testid('methodology');
  await expect(doc).toBeVisible();
  await expect(doc.locator('h2')).toHaveText('Methodology');
  for (const heading of ['The crosswalk', 'Strict and analysed views', 'The SPRS score', 'A worked example',
    'What ISO cannot evidence', 'Cost and timeline', 'Limits']) {
    await expect(doc.locator('h3', { hasText: heading })).toBeVisible();
  }
  await expect(doc).toContainText('110 - 8 = 102');
  await expect(doc).toContainText('It is not a CMMC assessment');
  await expect(doc).toContainText('89 FR 83092');
  // The rules in force: sub-headings and tables render as such, not as raw markdown.
  await expect(doc.locator('h4', { hasText: 'Subcontractors (32 CFR 170.23)' })).toBeVisible();
  await expect(doc.locator('table.doc-table')).toHaveCount(2);
  await expect(doc.locator('table.doc-table').first()).toContainText('Level 2 (C3PAO)');
  await expect(doc).not.toContainText('|---');
  await expect(doc.locator('strong', { hasText: 'Conditional Level 2' }).first()).toBeVisible();
  await app.screenshot('methodology');
  await doc.getByRole('button', { name: /Back to the calculator/ }).click();
  await expect(app.testid('sprs-score')).toHaveText(score);
  expect(app.foreignRequests()).toEqual([]);
});
