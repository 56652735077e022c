// The solicitation reader (issue 16): paste a solicitation next to the solicitation question,
// read it on the device, see each finding with its quote and where it is in the text, accept the
// suggested answers and see the level change, the level card quoting the fill-in sentence. The
// pasted text is not saved unless the user ticks "keep", and nothing leaves the page.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'solicitations');
const read = (name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

let app;
test.beforeEach(async ({ page }) => {
  app = new AppPage(page);
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00Z'));
  await app.open();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

async function pasteAndRead(text) {
  const reader = app.testid('solicitation-reader');
  if ((await reader.getAttribute('open')) === null) await reader.locator(':scope > summary').click();
  await app.testid('solicitation-paste').fill(text);
  await app.testid('solicitation-read').click();
  await expect(app.testid('solicitation-findings')).toBeVisible();
}

test('a Level 2 (C3PAO) RFP fills the answers, and the level card quotes the fill-in', async ({ page }) => {
  await expect(app.testid('level-value')).toHaveText('Not determined yet');
  await pasteAndRead(read('rfp_l2_c3pao_sections_k_l.txt'));
  // The findings, each with its line and quote (figures as `crosswalk scan` gives them).
  await expect(app.testid('solicitation-level')).toHaveText('The text names CMMC Level 2 (C3PAO).');
  await expect(app.testid('sol-fill-in')).toHaveCount(1);
  await expect(app.testid('sol-fill-in')).toContainText('Line 44');
  await expect(app.testid('sol-clause')).toHaveCount(7);
  await expect(page.locator('[data-testid="sol-clause"][data-clause="dfars-252.204-7012"]')).toContainText('Line 15');
  await expect(app.testid('sol-cui')).toHaveCount(1);
  await expect(app.testid('sol-cui')).toContainText('Line 66');
  // Highlighted where it sits in the pasted text.
  await expect(page.locator('[data-testid="sol-mark"][data-line="44"] mark')).toContainText('(b)(1) Cybersecurity Maturity Model');
  await expect(page.locator('[data-testid="sol-mark"][data-line="66"]')).toContainText('CUI');
  // Suggestions: the level with its sentence, CUI from the distribution statement, FCI from
  // 52.204-21; nothing changes before the user confirms.
  await expect(app.testid('suggest-level')).toBeChecked();
  await expect(app.testid('solicitation-suggestions')).toContainText('252.204-7025(b)(1) names CMMC Level 2 (C3PAO) on line 44');
  await expect(app.testid('suggest-cui')).toBeChecked();
  await expect(app.testid('suggest-fci')).toBeChecked();
  await expect(app.testid('level-value')).toHaveText('Not determined yet');
  await app.screenshot('solicitation-findings');
  // The user leaves FCI unticked and accepts the rest.
  await app.testid('suggest-fci').uncheck();
  await app.testid('solicitation-apply').click();
  await expect(app.testid('notice')).toHaveText('Filled in from the pasted text: the level (CMMC Level 2 (C3PAO)), handles CUI: yes.');
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await expect(app.testid('assessment-type')).toHaveText('Certification by a C3PAO');
  await expect(app.testid('level-assumed')).toHaveCount(0);
  await expect(page.locator('#q-solicitation')).toHaveValue('L2-c3pao');
  await expect(app.testid('q-handles_cui-yes')).toBeChecked();
  await expect(app.testid('q-handles_fci-unsure')).toBeChecked();
  await expect(app.testid('level-result')).toContainText('Read from the text you pasted (line 44): “(b)(1) Cybersecurity Maturity Model');
  await expect(app.testid('level-result')).toContainText('DFARS 252.204-7025(b)(1)');
  // What is applied is not offered again; FCI still is.
  await expect(app.testid('suggest-level')).toHaveCount(0);
  await expect(app.testid('suggest-fci')).toBeVisible();

  // The answers and the quote are saved; the pasted text is not.
  await app.reload();
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await expect(app.testid('level-result')).toContainText('Read from the text you pasted (line 44)');
  await app.testid('solicitation-reader').locator(':scope > summary').click();
  await expect(app.testid('solicitation-paste')).toHaveValue('');
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, localStorage)));
  expect(stored).not.toContain('Section K');

  // Choosing another level by hand: the quote no longer supports it and is not cited.
  await app.choose('solicitation', 'L2-self');
  await expect(app.testid('level-result')).not.toContainText('Read from the text you pasted');
});

test('the pasted text is kept only when asked, and cleared on request', async ({ page }) => {
  const text = read('po_l1_self_52_204_21.txt');
  await pasteAndRead(text);
  await app.testid('solicitation-keep').check();
  await app.reload();
  await expect(app.testid('solicitation-reader')).toHaveJSProperty('open', true);
  await expect(app.testid('solicitation-paste')).toHaveValue(text);
  await app.testid('solicitation-clear').click();
  await expect(app.testid('solicitation-paste')).toHaveValue('');
  await app.reload();
  await app.testid('solicitation-reader').locator(':scope > summary').click();
  await expect(app.testid('solicitation-paste')).toHaveValue('');
});

test('a contract without 7025 or 7021 asks whether the paste is whole before answering none', async ({ page }) => {
  await pasteAndRead(read('contract_7012_7019_7020_no_cmmc.txt'));
  await expect(app.testid('solicitation-level')).toContainText('No CMMC level found');
  await expect(app.testid('suggest-level')).toHaveCount(0);
  await expect(page.locator('#q-solicitation')).toHaveValue('unknown');
  await app.testid('solicitation-whole-yes').click();
  await expect(page.locator('#q-solicitation')).toHaveValue('none');
  await expect(app.testid('notice')).toContainText('names no CMMC level');
});

test('a text naming two levels suggests asking, never a level', async ({ page }) => {
  await app.choose('solicitation', 'L2-self');
  await pasteAndRead(read('two_levels_disagree.txt'));
  await expect(app.testid('solicitation-level')).toContainText('names no single level');
  await expect(app.testid('solicitation-suggestions')).toContainText('names no single level');
  await app.testid('solicitation-apply').click();
  await expect(page.locator('#q-solicitation')).toHaveValue('unknown');
});

test('the reader on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.reload();
  await pasteAndRead(read('rfp_l3_dibcac.txt'));
  await expect(app.testid('solicitation-level')).toHaveText('The text names CMMC Level 3 (DIBCAC).');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.testid('solicitation-findings').scrollIntoViewIfNeeded();
  await app.screenshot('solicitation-phone');
});
