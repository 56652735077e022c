// The calculator end to end: questionnaire, SoA imports, direct answers, exports, persistence,
// restore, deletion and inert file text, with every request kept on the page's own origin.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

// Expected figures come from the engine's command line on the same files, e.g.
//   cargo run --release --bin crosswalk -- assess --soa tests/fixtures/soa/messy.csv --json
// reading sprs.low / sprs.high, soa.edition, soa.rows_imported and soa.problems[].line.
const FIXTURES = [
  { file: 'iso2022_full.csv', edition: 'ISO/IEC 27001:2022', rows: '93', lines: [], sprs: '-203 to -16' },
  { file: 'iso2013_full.csv', edition: 'ISO/IEC 27001:2013', rows: '114', lines: [], sprs: '-203 to -43' },
  { file: 'excel_semicolon_bom.csv', edition: 'ISO/IEC 27001:2022', rows: '7', lines: [], sprs: '-203 to -200' },
  { file: 'utf16_excel.txt', edition: 'ISO/IEC 27001:2013', rows: '5', lines: [], sprs: '-203 to -201', encoding: 'UTF-16 LE' },
  { file: 'messy.csv', edition: 'ISO/IEC 27001:2022', rows: '7', lines: [10, 11, 12, 19, 20, 21, 22], sprs: '-203' },
];

let app;
test.beforeEach(async ({ page }) => {
  app = new AppPage(page);
  await app.open();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

test('answering steadily cannot hold the saving back', async ({ page }) => {
  // A write happens a short delay after the first change not yet written; later changes join
  // it rather than putting it off (a browser killed outright writes nothing on the way out: the
  // walk-through of 2026-12-07 lost its last answers that way). Forty answers 50 ms apart: the
  // work must reach local storage while they are still being given.
  const savedWhileAnswering = await page.evaluate(async () => {
    const key = 'cmmc-readiness/v1';
    const before = localStorage.getItem(key);
    const yes = document.querySelector('[data-testid="q-handles_fci-yes"]');
    const no = document.querySelector('[data-testid="q-handles_fci-no"]');
    for (let i = 0; i < 40; i++) {
      (i % 2 ? no : yes).click();
      await new Promise((r) => setTimeout(r, 50));
      if (i < 39 && localStorage.getItem(key) !== before) return true;
    }
    return false;
  });
  expect(savedWhileAnswering).toBe(true);
});

test('answering the questionnaire changes the level', async () => {
  await expect(app.testid('level-value')).toHaveText('Not determined yet');
  await app.answerYesNo('handles_fci', 'yes');
  // The solicitation is not known yet: the level is a labelled assumption.
  await expect(app.testid('level-value')).toHaveText('Level 1');
  await expect(app.testid('assessment-type')).toHaveText('Self-assessment');
  await expect(app.testid('level-assumed')).toBeVisible();
  await app.answerYesNo('handles_cui', 'yes');
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await expect(app.testid('assessment-type')).toHaveText('Certification by a C3PAO');
  await expect(app.testid('level-result')).toContainText('DFARS 252.204-7012');
  await app.choose('solicitation', 'L3-dibcac');
  await expect(app.testid('level-value')).toHaveText('Level 3');
  await expect(app.testid('level-assumed')).toHaveCount(0);
  await expect(app.testid('strip-level')).toHaveText('Level 3');
  // 32 CFR 170.18(a): no Level 3 status without a Final Level 2 (C3PAO) actually held.
  await expect(app.testid('level3-status')).toHaveText('No Final Level 2 (C3PAO) yet');
  await app.screenshot('questionnaire-level3');
});

for (const f of FIXTURES) {
  test(`importing ${f.file} shows what was detected and the engine's score`, async () => {
    await app.handlesCui();
    await app.importSoa(app.fixture(f.file));
    await expect(app.testid('soa-edition')).toHaveText(f.edition);
    await expect(app.testid('soa-rows')).toHaveText(f.rows);
    expect(await app.problemLines()).toEqual(f.lines);
    await expect(app.testid('sprs-score')).toHaveText(f.sprs);
    if (f.encoding) await expect(app.testid('soa-encoding')).toHaveText(f.encoding);
    if (f.file === 'messy.csv') await app.screenshot('import-messy');
  });
}

test('drag and drop, paste, column mapping and the template', async ({ page }) => {
  const fs = require('fs');
  await app.handlesCui();
  // Drop: a real DragEvent carrying a File, as a browser delivers it.
  const text = fs.readFileSync(app.fixture('iso2022_full.csv'), 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.csv', { type: 'text/csv' }));
    document.querySelector('[data-testid="soa-dropzone"]')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(app.testid('soa-rows')).toHaveText('93');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');

  // Paste: the semicolon fixture as text.
  await app.testid('soa-paste').fill(fs.readFileSync(app.fixture('excel_semicolon_bom.csv'), 'utf8'));
  await app.testid('soa-paste-import').click();
  await expect(app.testid('soa-delimiter')).toHaveText('semicolon');
  await expect(app.testid('soa-rows')).toHaveText('7');

  // Mapping: read control ids from the title column, and nothing imports; back to automatic.
  await app.testid('column-mapping').locator('summary').click();
  await app.testid('map-control-id').selectOption('1');
  await expect(app.testid('soa-rows')).toHaveText('0');
  await app.testid('map-control-id').selectOption('auto');
  await expect(app.testid('soa-rows')).toHaveText('7');

  const template = await app.download('download-template');
  const lines = template.text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('Control,Title,Applicable,Implementation status,Justification,Owner');
  expect(lines.length).toBe(94);
});

test('without an SSP there is no score', async () => {
  await app.handlesCui();
  await app.answerYesNo('has_ssp', 'no');
  await expect(app.testid('sprs-score')).toHaveText('No score');
  await expect(app.testid('level2-status')).toContainText('No SSP');
});

test('answering a requirement directly moves the score', async () => {
  await app.handlesCui();
  await app.loadSample();
  // The sample's figures, from `crosswalk assess --soa static/sample-soa.csv --json`.
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  await app.answerRequirement('3.1.1', 'met');
  // 3.1.1 is worth 5 points: confirming it lifts the low end by 5.
  await expect(app.testid('sprs-score')).toHaveText(/^-198 to /);
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'met');
  await app.answerRequirement('3.1.1', 'clear');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  await app.screenshot('sample-loaded');
});

test('the gap CSV neutralises formulas and the JSON export restores the same numbers', async ({ page }) => {
  await app.importSoa(app.fixture('messy.csv'));
  const csv = await app.download('export-csv');
  expect(csv.text.startsWith('Requirement,CMMC id,Family')).toBe(true);
  // No cell may start a formula (messy.csv carries =HYPERLINK(...) in a cell).
  expect(csv.text).not.toMatch(/(^|,|\r\n)"?[=+@]/);

  await app.loadSample();
  await app.answerYesNo('handles_cui', 'yes');
  await app.answerRequirement('3.1.1', 'met');
  // The figures follow an answer a frame later: wait for them before reading one.
  await expect(app.testid('sprs-score')).toHaveText(/^-198 to /);
  const before = await app.sprs();
  const json = await app.download('export-json');
  const saved = JSON.parse(json.text);
  expect(saved.version).toBe(3);
  expect(saved.direct['3.1.1']).toEqual({ answer: 'met' });
  expect(saved.summary.sprs.low).toBe(-198);

  // Reload: the work is restored from local storage.
  await app.reload();
  await expect(app.testid('sprs-score')).toHaveText(before);
  await expect(app.testid('level-value')).toHaveText('Level 2');

  // Delete everything: back to nothing, storage empty, nothing scored.
  await app.deleteAllData();
  await expect(app.testid('strip-start')).toBeVisible();
  await expect(app.testid('level-value')).toHaveText('Not determined yet');
  expect(await page.evaluate(() => localStorage.getItem('cmmc-readiness/v1'))).toBeNull();
  await app.reload();
  await expect(app.testid('strip-start')).toBeVisible();

  // Restore from the exported file: the same numbers again.
  await app.restoreJson(json.file);
  await expect(app.testid('sprs-score')).toHaveText(before);
  await expect(app.testid('level-value')).toHaveText('Level 2');
});

test('a script in a justification stays inert text', async ({ page }) => {
  const scriptsBefore = await page.locator('script').count();
  await app.importSoa(app.fixture('messy.csv'));
  await app.testid('soa-rows-preview').locator('summary').click();
  await expect(app.testid('soa-rows-preview')).toContainText("<script>alert('x')</script>");
  expect(await page.locator('script').count()).toBe(scriptsBefore);
  await page.waitForTimeout(300);
  expect(app.dialogs).toEqual([]);
});

test('unreadable saved data is reported, kept, and only deleted on request', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('cmmc-readiness/v1', '{"version": 99}'));
  await app.reload();
  await expect(app.testid('restore-banner')).toContainText('version 99');
  // Working meanwhile does not overwrite the old data.
  await app.answerYesNo('handles_fci', 'yes');
  await expect(app.testid('level-value')).toHaveText('Level 1');
  expect(await page.evaluate(() => localStorage.getItem('cmmc-readiness/v1'))).toBe('{"version": 99}');
  const raw = await app.download('download-unreadable');
  expect(raw.text).toBe('{"version": 99}');
  await app.testid('discard-unreadable').click();
  await expect(app.testid('restore-banner')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cmmc-readiness/v1'))).toContain('"handles_fci":true');
});

test('saving waits for a pause in the work, and leaving the page writes at once', async ({ page }) => {
  const stored = () => page.evaluate(() => localStorage.getItem('cmmc-readiness/v1'));
  await app.answerYesNo('handles_cui', 'yes');
  // Written a moment after the last change (save::persist), not on every change.
  await expect.poll(stored).toContain('"handles_cui":true');
  // A change made just before a reload is written when the page is left, not lost.
  await app.answerYesNo('has_ssp', 'no');
  await app.reload();
  await expect(app.testid('q-has_ssp-no')).toBeChecked();
  expect(await stored()).toContain('"has_ssp":false');
  // Deleting everything empties the storage at once.
  await app.deleteAllData();
  expect(await stored()).toBeNull();
});

test('invalid assumptions keep the last valid value', async () => {
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.loadSample();
  const total = await app.testid('cost-total').textContent();
  // Shown exactly as in force (a default of 0.15 must not read as 0.2).
  await expect(app.testid('assume-verify_effort_share-v')).toHaveValue('0.15');
  await app.openFold('plan');
  const input = app.testid('assume-day_rate_usd-low');
  // Out of range, then empty: both keep the last valid value and say so.
  await input.fill('-5');
  await expect(app.page.locator('#assume-day_rate_usd-low-err')).toContainText('keeping the last valid value');
  await expect(app.testid('cost-total')).toHaveText(total);
  await input.fill('');
  await expect(app.page.locator('#assume-day_rate_usd-low-err')).toContainText('Enter a number');
  await expect(app.testid('cost-total')).toHaveText(total);
  await input.fill('400');
  await expect(app.page.locator('#assume-day_rate_usd-low-err')).toHaveText('');
  await expect(app.testid('cost-total')).not.toHaveText(total);
});

test('no serious accessibility violations (axe)', async ({ page }) => {
  const { AxeBuilder } = require('@axe-core/playwright');
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.13.11');
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the crosswalk view: the summary says which one, and why the cost moves more than the score', async ({ page }) => {
  await app.handlesCui();
  await app.loadSample();
  await expect(app.testid('summary-view')).toHaveCount(0);
  const cost = await app.testid('summary-cost').textContent();
  await app.openFold('scores');
  await expect(app.testid('coverage')).toContainText('the score moves only where a requirement becomes met');
  await app.testid('view-analysed').check();
  await expect(app.testid('summary-view')).toContainText('Analysed view');
  await expect(app.testid('summary-cost')).not.toHaveText(cost);
  await app.testid('view-strict').check();
  await expect(app.testid('summary-view')).toHaveCount(0);
  await expect(app.testid('summary-cost')).toHaveText(cost);
  // Person-days in whole days, as the estimate's notes write them.
  await app.openFold('plan');
  await expect(app.testid('timeline-estimate')).toContainText(/\d+ to \d+ person-days of remediation effort/);
  await expect(app.testid('timeline-estimate')).not.toContainText(/\d\.\d+ (to [\d.]+ )?person-days/);
});

test('on a phone the summary strip stays on screen as one compact band', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.13.11');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  const strip = app.testid('summary-strip');
  await expect(app.testid('strip-score')).toBeInViewport();
  await expect(app.testid('strip-l2')).toBeInViewport();
  const box = await strip.boundingBox();
  expect(Math.abs(box.y)).toBeLessThan(2);
  expect(box.height).toBeLessThan(130);
  // The sections stay one tap away, in one row that scrolls sideways, not past the screen.
  await expect(app.testid('section-nav').getByRole('link', { name: 'Questionnaire' })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.screenshot('phone-strip');
});

test('layouts at phone and wide sizes', async ({ page }) => {
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.13.11');
  await page.setViewportSize({ width: 360, height: 800 });
  await app.screenshot('phone-360');
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // A tablet: the gap table fits its column (its cards), the open requirement's answers too.
  for (const width of [768, 900, 1000]) {
    await page.setViewportSize({ width, height: 1024 });
    const hidden = await page.evaluate(() => {
      const table = document.querySelector('.gap-table');
      return table.scrollWidth - table.parentElement.clientWidth;
    });
    expect(hidden, `${width} px`).toBeLessThanOrEqual(0);
    await expect(app.detail('3.13.11').getByTestId('answer-clear')).toBeVisible();
  }
  await page.setViewportSize({ width: 768, height: 1024 });
  await app.screenshot('tablet-768');
  // A projector (1024 x 768): the sticky strip is one row, not a sixth of the screen.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect((await app.testid('summary-strip').boundingBox()).height).toBeLessThan(90);
  await page.setViewportSize({ width: 1400, height: 900 });
  await app.screenshot('wide-1400');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('wide-dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await app.screenshot('print');
});
