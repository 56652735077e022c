// Page object for the app: opening it, recording every request, and the verbs a user performs,
// all through data-testid selectors so the tests survive layout changes.
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'soa');

class AppPage {
  constructor(page) {
    this.page = page;
    this.requests = [];
    this.dialogs = [];
    page.on('request', (req) => this.requests.push(req.url()));
    // Any dialog at all (alert from an injected script, confirm, ...) is a failure to record.
    page.on('dialog', async (d) => { this.dialogs.push(d.message()); await d.dismiss(); });
  }

  /** Opens the app: the served one by default, or any URL (the single file's file:// one). */
  async open(url = '/') {
    const response = await this.page.goto(url);
    await this.drawn();
    this.origin = new URL(this.page.url()).origin;
    return response;
  }

  async reload() {
    await this.page.reload();
    await this.drawn();
  }

  /** Waits until the page is drawn in full: the questionnaire comes first, and the results
   *  follow over a few frames (the results step is marked complete and no table is still busy). */
  async drawn() {
    await this.page.waitForSelector('[data-testid="step-questionnaire"]');
    await this.page.waitForFunction(() => document.querySelector('[data-testid="step-results"][data-complete="true"]')
      && !document.querySelector('[aria-busy="true"]'));
  }

  /** Every request whose origin is not the page's own (data: and blob: URLs stay on the device). */
  foreignRequests() {
    return this.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      return new URL(u).origin !== this.origin;
    });
  }

  testid(id) { return this.page.getByTestId(id); }

  /** Answers a yes/no question: value is 'yes', 'no' or 'unsure'. */
  async answerYesNo(question, value) {
    await this.testid(`q-${question}-${value}`).check();
  }

  /** Picks an option of a choice question by its value. */
  async choose(question, value) {
    await this.page.locator(`#q-${question}`).selectOption(value);
  }

  async level() { return (await this.testid('level-value').textContent()).trim(); }

  /** Says the company handles CUI: Level 2 applies (assumed until the solicitation is known), so
   *  there is a score, a gap table and paths to show. */
  async handlesCui() { await this.answerYesNo('handles_cui', 'yes'); }

  /** Opens a folded results section (`gaps`, `paths`, `plan`, `scores`, `iso-limits`). */
  async openFold(id) {
    const fold = this.page.locator(`details#${id}`);
    if ((await fold.getAttribute('open')) === null) await fold.locator(':scope > summary').click();
    await expect(fold).toHaveAttribute('open', '');
  }

  async sprs() { return (await this.testid('sprs-score').textContent()).trim(); }

  fixture(name) { return path.join(FIXTURES, name); }

  async importSoa(file) {
    await this.testid('soa-file-input').setInputFiles(file);
    await expect(this.testid('soa-result')).toBeVisible();
  }

  /** Loads the bundled sample SoA and waits until its import is the one reviewed (the review's
   *  file name comes with its import and the figures, a frame after the click, or later when the
   *  file is fetched on demand). */
  async loadSample() {
    await this.testid('load-sample').click();
    await expect(this.page.locator('[data-testid="soa-result"] .filename')).toHaveText('sample-soa.csv (Acme Precision Machining)');
    await expect(this.testid('soa-rows')).toHaveText('93');
  }

  /** Line numbers of the listed import problems, in order. */
  async problemLines() {
    return this.page.locator('[data-testid="soa-problems"] li').evaluateAll(
      (items) => items.map((li) => Number(li.dataset.line)));
  }

  row(id) { return this.page.locator(`tr[data-testid="gap-row"][data-requirement="${id}"]`); }

  detail(id) { return this.page.locator(`tr[data-testid="gap-detail"][data-requirement="${id}"]`); }

  async expand(id) {
    await this.openFold('gaps');
    const button = this.row(id).getByTestId('gap-expand');
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(this.detail(id)).toBeVisible();
  }

  /** Answers a requirement directly: status is met, partial, not-met, na or clear. */
  async answerRequirement(id, status) {
    await this.expand(id);
    await this.detail(id).getByTestId(`answer-${status}`).click();
  }

  /** Clicks a download button and returns the saved file's path and text. */
  async download(testid) {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.testid(testid).click()]);
    const file = path.join(__dirname, 'test-results', `dl-${Date.now()}-${dl.suggestedFilename()}`);
    await dl.saveAs(file);
    return { file, name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }

  async deleteAllData() {
    await this.testid('reset-all').click();
    await this.testid('reset-confirm').click();
  }

  async restoreJson(file) {
    await this.testid('import-json').setInputFiles(file);
  }

  async screenshot(name) {
    await this.page.screenshot({ path: path.join(__dirname, 'screenshots', `${name}.png`), fullPage: true });
  }
}

module.exports = { AppPage };
