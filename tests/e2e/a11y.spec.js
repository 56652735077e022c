// Accessibility: axe-core finds no serious or critical violation on any step, in light and dark
// mode, and the flow can be driven from the keyboard alone.
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { AppPage } = require('./app-page');

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`no serious accessibility violation on any step (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new AppPage(page);
    await app.open();
    expect(await seriousViolations(page), 'empty page').toEqual([]);
    await app.answerYesNo('handles_cui', 'yes');
    await app.choose('solicitation', 'L2-c3pao');
    expect(await seriousViolations(page), 'questionnaire answered').toEqual([]);
    await app.testid('solicitation-reader').locator(':scope > summary').click();
    await app.testid('solicitation-paste').fill(require('fs').readFileSync(
      require('path').join(__dirname, '..', 'fixtures', 'solicitations', 'rfp_l3_dibcac.txt'), 'utf8'));
    await app.testid('solicitation-read').click();
    await expect(app.testid('solicitation-findings')).toBeVisible();
    expect(await seriousViolations(page), 'solicitation read').toEqual([]);
    await app.loadSample();
    expect(await seriousViolations(page), 'sample imported').toEqual([]);
    await app.importSoa(app.fixture('messy.csv'));
    expect(await seriousViolations(page), 'messy import with problems').toEqual([]);
    await app.expand('3.5.3');
    expect(await seriousViolations(page), 'gap row expanded').toEqual([]);
    await app.screenshot(`a11y-${scheme}`);
  });
}

test('the flow is operable from the keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  // Tab to the sample button and press Enter: the import happens without a mouse.
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.dataset?.testid === 'load-sample');
  }
  expect(reached, 'load-sample reachable by Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect(app.testid('soa-rows')).toHaveText('93');
  // Level 2 applies once CUI is handled; the gap table is one section-navigation jump away.
  await app.testid('q-handles_cui-yes').focus();
  await page.keyboard.press('Space');
  await expect(app.testid('nav-gaps')).toBeVisible();
  await app.testid('nav-gaps').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details#gaps')).toHaveAttribute('open', '');

  // Every interactive element on the page is reachable: tab through and collect what gets focus.
  const focused = new Set();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? (el.dataset.testid || el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)) : '';
    });
    focused.add(id);
  }
  for (const id of ['export-csv', 'export-json', 'reset-all', 'gap-expand']) {
    expect([...focused].some((f) => f === id), `${id} reachable by Tab`).toBe(true);
  }

  // A gap row expands and a requirement is answered from the keyboard.
  const before = await app.sprs();
  await app.row('3.1.1').getByTestId('gap-expand').focus();
  await page.keyboard.press('Enter');
  await app.detail('3.1.1').getByTestId('answer-not-met').focus();
  await page.keyboard.press('Enter');
  await expect(app.testid('sprs-score')).not.toHaveText(before);
});
