// The three users' first minutes: everyone before touching anything (no score, no cost), the
// FCI-only machine shop (Level 1 only: no SPRS, no Level 2 status, a small estimate), a firm with
// neither FCI nor CUI, the sales engineer's one-click demo, the section navigation and Back from
// the methodology, the printed report a client can read, and feedback after delete and restore.
// Expected figures come from `crosswalk assess --json --date 2026-12-01` on the sample files.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

let app;
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  app = new AppPage(page);
  await app.open();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

/** The page's height in CSS pixels. */
const height = (page) => page.evaluate(() => document.documentElement.scrollHeight);

/** True when the element's top is inside the viewport. */
const inView = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.top < window.innerHeight;
});

test('before anything is answered, nothing is scored or priced', async ({ page }) => {
  await expect(app.testid('strip-start')).toHaveText('Answer the questionnaire to begin');
  await expect(app.testid('summary-start')).toContainText('Start with the first two questions');
  await expect(app.testid('sprs-score')).toHaveCount(0);
  await expect(app.testid('strip-sprs')).toHaveCount(0);
  await expect(app.testid('cost-total')).toHaveCount(0);
  await expect(app.testid('summary-cost')).toHaveCount(0);
  await expect(page.getByText('Not eligible')).toHaveCount(0);
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'users-first-paint.png') });
});

test('the FCI-only machine shop sees Level 1 only, in one click from the first screen', async ({ page }) => {
  await app.testid('sample-machine-shop').click();
  const summary = app.testid('summary-card');
  await expect(summary).toHaveAttribute('data-mode', 'level1');
  await expect.poll(() => inView(summary)).toBe(true);
  await expect(app.testid('summary-level')).toContainText('Level 1 (Self)');
  // Only confirmed answers count in the headline: the sample's 14 are ISO suggestions.
  await expect(app.testid('summary-l1-count')).toHaveText('0 of 15 FAR 52.204-21 requirements confirmed met');
  await expect(app.testid('summary-card')).toContainText('14 more suggested by your SoA');
  await expect(app.testid('strip-l1')).toHaveText('0 of 15 confirmed');
  // No SPRS score, no Level 2 status, no paths, no POA&M: they do not apply at Level 1.
  await expect(app.testid('strip-sprs')).toHaveCount(0);
  await expect(app.testid('sprs-score')).toHaveCount(0);
  await expect(app.testid('level2-status')).toHaveCount(0);
  await expect(app.testid('path-88')).toHaveCount(0);
  await expect(page.getByText('Not eligible')).toHaveCount(0);
  // No Level 2 SSP, POA&M or gap list to download: the export section says why instead.
  for (const id of ['export-csv', 'export-ssp-md', 'export-ssp-oscal', 'export-poam-csv', 'export-poam-oscal', 'system-form']) {
    await expect(app.testid(id)).toHaveCount(0);
  }
  await expect(app.testid('export-not-applicable')).toContainText('no POA&M allowed (32 CFR 170.21(a)(1))');
  await expect(app.testid('export-json')).toBeVisible();
  // Only the assumptions that can move a Level 1 estimate: no FedRAMP cloud, no assessor to book.
  await expect(page.locator('#assume-day_rate_usd-low')).toHaveCount(1);
  await expect(page.locator('#assume-self_assessment_months-low')).toHaveCount(1);
  await expect(page.locator('#assume-cloud_migration_usd-low')).toHaveCount(0);
  await expect(page.locator('#assume-assessor_lead_months-low')).toHaveCount(0);
  // A small estimate: $23,171 to $42,711 over three years, with the Level 1 fee.
  await expect(app.testid('summary-cost')).toHaveText('$23,171 to $42,711');
  await expect(summary).toContainText('$5,977 per year');
  await expect(app.testid('summary-next')).toContainText('confirm the 15 requirements not yet confirmed');
  await expect(app.testid('summary-next')).toContainText('affirmation');
  await app.screenshot('users-shop-desktop');
  // Answering the open FAR item in plain words confirms it, and the count follows.
  const open = app.page.locator('[data-testid="l1-item"][data-id="AC.L1-b.1.iv"]');
  await expect(open).toContainText('Control information posted or processed on publicly accessible information systems.');
  await open.getByTestId('l1-met').click();
  await expect(app.testid('summary-l1-count')).toHaveText('1 of 15 FAR 52.204-21 requirements confirmed met');
  await expect(open).toHaveAttribute('data-status', 'met');
  await page.setViewportSize({ width: 390, height: 844 });
  await app.testid('nav-summary').click();
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'users-shop-phone.png') });
});

test('neither FCI nor CUI: no CMMC requirement, no score, no cost', async () => {
  await app.answerYesNo('handles_fci', 'no');
  await app.answerYesNo('handles_cui', 'no');
  await expect(app.testid('summary-none')).toContainText('No CMMC requirement found.');
  await expect(app.testid('strip-none')).toBeVisible();
  await expect(app.testid('summary-cost')).toHaveCount(0);
  await expect(app.testid('cost-total')).toHaveCount(0);
  await expect(app.testid('sprs-score')).toHaveCount(0);
  await expect(app.testid('export-poam-csv')).toHaveCount(0);
  await expect(app.testid('export-not-applicable')).toContainText('no SSP or POA&M to write');
});

test('the sales engineer demos the software firm in one click; the page is short', async ({ page }) => {
  await app.testid('sample-software-firm').click();
  const summary = app.testid('summary-card');
  await expect(summary).toHaveAttribute('data-mode', 'level2');
  await expect.poll(() => inView(summary)).toBe(true);
  // The expected score first, its range smaller; the status; the top gaps with their points.
  await expect(app.testid('summary-score')).toHaveText('-14');
  await expect(app.testid('summary-range')).toContainText('Confirmed so far: -201');
  await expect(app.testid('summary-status')).toHaveText('Not eligible');
  await expect(app.testid('summary-gaps').locator('li')).toHaveCount(5);
  await expect(app.testid('summary-gaps').locator('li').first()).toContainText('(5 points)');
  await expect(app.testid('summary-to-88')).toHaveText('102 points to 88, the minimum for a Conditional status.');
  await expect(app.testid('warnings').locator('[data-warning="sprs-above-support"]')).toBeVisible();
  // The long tables are folded behind the summary.
  expect(await height(page)).toBeLessThan(7000);
  await app.screenshot('users-demo-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await height(page)).toBeLessThan(16000);
  await app.testid('nav-summary').click();
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'users-demo-phone.png') });
  // Badges tell suggested from confirmed.
  await app.openFold('gaps');
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Met (suggested)');
  await app.answerRequirement('3.1.1', 'met');
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Met');
  // A gap the company confirmed leads the top gaps over ones only the ISO evidence suggests.
  await app.answerRequirement('3.14.6', 'not-met');
  await expect(app.testid('summary-gaps').locator('li').first()).toContainText('3.14.6 (5 points)');
});

test('keyboard users reach Export through the section navigation in a few presses', async ({ page }) => {
  await app.handlesCui();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  let presses = 0;
  let at = '';
  while (at !== 'nav-export' && presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
    at = await page.evaluate(() => document.activeElement?.dataset?.testid || '');
  }
  expect(at).toBe('nav-export');
  expect(presses).toBeLessThanOrEqual(30);
  await page.keyboard.press('Enter');
  await expect(page.locator('#export')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'export-csv');
  // The sticky strip never covers the section it jumped to.
  const covered = await page.evaluate(() => {
    const strip = document.querySelector('[data-testid="summary-strip"]').getBoundingClientRect();
    const target = document.querySelector('#export').getBoundingClientRect();
    return target.top < strip.bottom;
  });
  expect(covered).toBe(false);
});

test('Back from the methodology returns to the calculator with the work intact', async ({ page }) => {
  await app.testid('sample-software-firm').click();
  await expect(app.testid('summary-score')).toHaveText('-14');
  await app.testid('open-methodology').click();
  await expect(app.testid('methodology')).toBeVisible();
  await page.goBack();
  await expect(app.testid('methodology')).toHaveCount(0);
  await expect(app.testid('summary-score')).toHaveText('-14');
  expect(new URL(page.url()).origin).toBe(app.origin);
  // Where the user was reading stays as it was: the open section, the open requirement.
  await app.expand('3.1.1');
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.testid('open-methodology').click();
  await expect(app.testid('methodology')).toBeVisible();
  await expect(app.testid('summary-strip')).toBeHidden();
  await page.goBack();
  await expect(app.page.locator('details#gaps')).toHaveAttribute('open', '');
  await expect(app.detail('3.1.1')).toBeVisible();
  await page.goForward();
  await expect(app.testid('methodology')).toBeVisible();
});

test('the printed report: an executive summary first, the gaps as an appendix, at most 10 pages', async ({ page }) => {
  await app.testid('sample-software-firm').click();
  await expect(app.testid('summary-score')).toHaveText('-14');
  await app.testid('company-name').fill('Northwind Avionics Software, Inc.');
  await app.testid('company-name').press('Tab');
  await page.emulateMedia({ media: 'print' });
  const report = app.testid('print-report');
  await expect(report).toBeVisible();
  await expect(app.testid('print-company')).toHaveText('Northwind Avionics Software, Inc.');
  await expect(report).toContainText('Screening, not an assessment.');
  await expect(app.testid('print-score')).toContainText('Expected SPRS score -14');
  await expect(app.testid('print-cost')).toContainText('First three years');
  // The appendix carries every open requirement's full text (the screen cuts some with "…").
  await expect(report).toContainText('Correlate audit record review, analysis, and reporting processes for investigation and response to indications of unlawful, unauthorized, suspicious, or unusual activity.');
  // No on-screen instructions or controls in print.
  await expect(app.testid('step-questionnaire')).toBeHidden();
  await expect(report.locator('button')).toHaveCount(0);
  const pdf = await page.pdf({ format: 'Letter', path: path.join(__dirname, 'test-results', 'report.pdf') });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(10);
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'users-print.png'), fullPage: true });
});

test('delete and restore say what happened and leave focus somewhere sensible', async () => {
  await app.testid('sample-software-firm').click();
  await expect(app.testid('notice')).toHaveText('Loaded the sample company Northwind Avionics Software: its answers and its SoA.');
  const json = await app.download('export-json');
  await app.deleteAllData();
  await expect(app.testid('notice')).toHaveText('Deleted all your data from this browser. You are starting fresh.');
  await expect(app.testid('strip-start')).toBeVisible();
  await expect(app.page.locator('#step-questionnaire')).toBeFocused();
  await app.restoreJson(json.file);
  await expect(app.testid('notice')).toContainText('Restored your work from');
  await expect(app.testid('summary-score')).toHaveText('-14');
  await expect(app.testid('summary-card')).toBeFocused();
  // A file that is not an export is refused and changes nothing.
  const bogus = path.join(__dirname, 'test-results', 'not-an-export.json');
  fs.writeFileSync(bogus, '{"version": 7}');
  await app.restoreJson(bogus);
  await expect(app.testid('import-error')).toContainText('not-an-export.json could not be restored');
  await expect(app.testid('import-error')).toContainText('Your current work is unchanged.');
  await expect(app.testid('summary-score')).toHaveText('-14');
});
