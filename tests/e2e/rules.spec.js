// The rules in force, as each user meets them in the browser: the phase on the date, what applies
// to an FCI-only machine shop (Level 1, a small estimate), a subcontractor under a Level 3 prime
// (Level 2 (C3PAO), 32 CFR 170.23(a)(4)), a silent solicitation (no level required, a planning
// level, DFARS 7012 and SPRS), the named partial-credit states and the exclusion prompt in the gap
// table. Expected figures come from `crosswalk assess --json --date 2026-12-01` on the same inputs.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

let app;
test.beforeEach(async ({ page }) => {
  // The device's date is the app's default; pin it so the phase is the one this test expects.
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
  app = new AppPage(page);
  await app.open();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

test('the phase follows the date, which the user can change', async () => {
  await expect(app.testid('phase-name')).toHaveText('Phase 2');
  await expect(app.testid('assessment-date')).toHaveValue('2026-12-01');
  await app.testid('assessment-date').fill('2026-06-01');
  await expect(app.testid('phase-name')).toHaveText('Phase 1');
  await app.testid('assessment-date').fill('2028-11-10');
  await expect(app.testid('phase-name')).toHaveText('Phase 4 (full implementation)');
  await app.testid('date-today').click();
  await expect(app.testid('phase-name')).toHaveText('Phase 2');
  await expect(app.testid('date-today')).toHaveCount(0);
});

test('an FCI-only machine shop sees Level 1 and a small estimate', async ({ page }) => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'no');
  await app.choose('role', 'prime');
  await app.choose('solicitation', 'L1-self');
  await app.answerYesNo('small_business', 'yes');
  await page.locator('#q-employees').fill('12');
  await page.locator('#q-cui_endpoints').fill('12');
  await expect(app.testid('level-value')).toHaveText('Level 1');
  await expect(app.testid('assessment-type')).toHaveText('Self-assessment');
  // No CUI questions after "CUI: no".
  await expect(page.locator('#q-encryption')).toHaveCount(0);
  await expect(page.locator('#q-has_ssp')).toHaveCount(0);
  await expect(app.testid('obligations').locator('[data-obligation]')).toHaveText([
    /FAR 52\.204-21/, /Level 1 \(Self\): a self-assessment of all 15 requirements every year/,
    /72 hours/, /Flow the CMMC requirement down/,
  ]);
  // Only the 15 FAR requirements are priced, with the Level 1 fee: $49,411 to $163,651 over three
  // years with nothing answered yet (the old plan priced all 110: $221k-$1.03M).
  await expect(app.testid('cost-scope')).toContainText('15 FAR 52.204-21 requirements');
  await expect(app.testid('assessment-fee')).toContainText('$5,977 per year');
  await expect(app.testid('cost-total')).toHaveText('$49,411 to $163,651');
  await app.screenshot('rules-fci-shop-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await app.screenshot('rules-fci-shop-phone');
});

test('a subcontractor with CUI under a Level 3 prime needs Level 2 (C3PAO)', async () => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('role', 'sub');
  // A subcontractor is asked for the prime's level, not the solicitation's.
  await expect(app.page.locator('#q-solicitation')).toHaveCount(0);
  await app.choose('prime_level', 'L3-dibcac');
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await expect(app.testid('assessment-type')).toHaveText('Certification by a C3PAO');
  await expect(app.testid('level-result')).toContainText('32 CFR 170.23(a)(4)');
  await expect(app.testid('level-result')).toContainText('DFARS 252.204-7021(c)');
  await app.screenshot('rules-sub-under-l3');
});

test('a subcontractor that has not said whether it handles CUI is assumed at the CUI row, and told what settles it', async () => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.choose('role', 'sub');
  await app.choose('prime_level', 'L2-c3pao');
  await expect(app.testid('level-value')).toHaveText('Level 2');
  await expect(app.testid('assessment-type')).toHaveText('Certification by a C3PAO');
  await expect(app.testid('level-result')).not.toContainText('You handle FCI only');
  await expect(app.testid('level-assumed')).toHaveText('Assumed until you answer whether you will handle CUI: the level the prime passes down turns on it.');
  await expect(app.testid('summary-level')).toContainText('assumed: answer the CUI question');
  // Answered: FCI only gives Level 1 (Self), and nothing is assumed any more.
  await app.answerYesNo('handles_cui', 'no');
  await expect(app.testid('level-value')).toHaveText('Level 1');
  await expect(app.testid('level-assumed')).toHaveCount(0);
});

test('CUI under a silent solicitation: no level required, 7012 and SPRS apply, Level 2 (C3PAO) to plan for', async () => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('role', 'prime');
  await app.choose('solicitation', 'none');
  await expect(app.testid('level-value')).toHaveText('No CMMC level required');
  await expect(app.testid('assessment-type')).toHaveText('No assessment required');
  await expect(app.testid('planning-level')).toContainText('Plan for: Level 2 (C3PAO)');
  await expect(app.testid('planning-level')).toContainText('planning only');
  await expect(app.testid('obligations')).toContainText('Basic self-assessment');
  await expect(app.testid('obligations')).toContainText('NIST SP 800-171 r2');
  await expect(app.testid('cost-estimate')).toContainText('Cost (planning level)');
  await app.screenshot('rules-silent-solicitation');
});

test('a posted SPRS score above the assessment is a warning', async ({ page }) => {
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await page.locator('#q-sprs_posted').fill('110');
  await expect(app.testid('warnings').locator('[data-warning="sprs-above-support"]')).toContainText('misrepresentation risk');
});

test('the named partial states move the score by exactly two points each', async () => {
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.answerYesNo('has_ssp', 'yes');
  await app.loadSample();
  // The sample: 3.5.3 unknown (5 off), 3.13.11 partial from ISO evidence only (still 5 off).
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  await app.expand('3.5.3');
  await expect(app.detail('3.5.3').getByTestId('answer-partial')).toHaveText('MFA for remote and privileged users only');
  await app.detail('3.5.3').getByTestId('answer-partial').click();
  await expect(app.testid('sprs-score')).toHaveText('-201 to -14');
  await app.expand('3.13.11');
  await expect(app.detail('3.13.11')).toContainText('scores as not met (full points)');
  await expect(app.detail('3.13.11').getByTestId('answer-partial')).toHaveText('Encrypted, but not FIPS-validated');
  await app.detail('3.13.11').getByTestId('answer-partial').click();
  await expect(app.testid('sprs-score')).toHaveText('-199 to -12');
  await expect(app.row('3.13.11')).toHaveAttribute('data-status', 'partial');
  // The points column says what the named state costs, as the score counts it.
  await expect(app.row('3.13.11').getByTestId('gap-points')).toHaveText('3 of 5');
  await expect(app.row('3.5.3').getByTestId('gap-points')).toHaveText('3 of 5');
  await expect(app.row('3.1.1').getByTestId('gap-points')).toHaveText('5');
  await app.screenshot('rules-named-partial-states');
});

test('a requirement answer that contradicts the questionnaire is counted and named', async () => {
  // The questionnaire says FIPS 140-3 validated; the requirement's own answer says encrypted, but
  // not validated. The requirement's answer is counted (3 of 5 points), and the level card and
  // the requirement both say which two answers disagree.
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.answerYesNo('has_ssp', 'yes');
  await app.choose('encryption', 'fips-validated');
  await app.loadSample();
  await app.expand('3.13.11');
  await expect(app.row('3.13.11')).toHaveAttribute('data-status', 'met');
  await expect(app.testid('warnings').locator('[data-warning^="answers-disagree"]')).toHaveCount(0);
  await app.detail('3.13.11').getByTestId('answer-partial').click();
  await expect(app.row('3.13.11')).toHaveAttribute('data-status', 'partial');
  await expect(app.row('3.13.11').getByTestId('gap-points')).toHaveText('3 of 5');
  const warning = app.testid('warnings').locator('[data-warning="answers-disagree-3.13.11"]');
  await expect(warning).toContainText('the questionnaire\'s answer on how CUI is encrypted makes it met, your answer on the requirement makes it partial');
  await expect(warning.locator('cite')).toHaveText('NIST SP 800-171 r2 3.13.11; 32 CFR 170.24(c)(2)(i)(B)(4)');
  await expect(app.detail('3.13.11')).toContainText('The questionnaire\'s answer makes it met: the two disagree');
  // Correcting the questionnaire ends it.
  await app.choose('encryption', 'not-validated');
  await expect(warning).toHaveCount(0);
  await expect(app.detail('3.13.11')).not.toContainText('the two disagree');
});

test('at Level 1 a requirement the SoA evidences only in part asks to be confirmed', async () => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'no');
  await app.testid('soa-file-input').setInputFiles({
    name: 'partial.csv', mimeType: 'text/csv', buffer: Buffer.from('Control,Status\nA.5.15,In progress\n'),
  });
  await expect(app.testid('soa-rows')).toHaveText('1');
  const item = app.page.locator('[data-testid="l1-item"][data-id="AC.L1-b.1.i"]');
  await expect(item).toHaveAttribute('data-status', 'unknown suggested');
  await expect(item).toContainText('Partly evidenced: not met until you confirm');
  // An item the SoA says nothing about is simply not answered.
  await expect(app.page.locator('[data-testid="l1-item"][data-id="PE.L1-b.1.viii"]')).toContainText('Not answered');
});

test('an exclusion asks whether a requirement applies only when it covers every mapped control', async () => {
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.importSoa(app.fixture('iso2022_no_software_dev.csv'));
  await app.expand('3.1.1');
  // Other controls carry 3.1.1: excluding A.8.26 says nothing about whether it applies, so it is
  // not offered as N/A (the walk-through: one click gave +5 and the SoA's reason in the SSP).
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'met');
  await expect(app.detail('3.1.1').getByTestId('exclusion-prompt')).toHaveCount(0);
  await expect(app.detail('3.1.1')).toContainText('An exclusion is neither evidence for nor against; your answer decides.');
  // A record for an enduring exception is asked for until written.
  await app.detail('3.1.1').getByText('Other answers an assessor counts as met').click();
  await app.detail('3.1.1').getByTestId('answer-enduring-exception').click();
  await expect(app.detail('3.1.1')).toContainText('The enduring exception as described in the SSP');
  // The explanation follows a frame later (below the answers, so nothing moves): read it first.
  await expect(app.detail('3.1.1')).toContainText('You answered \u201cmet: enduring exception\u201d');
  // Such an answer is met only with its record (32 CFR 170.24(b)(1)(ii)): a temporary deficiency
  // without its operational plan of action counts as not met until the plan is written.
  await app.detail('3.1.1').getByTestId('answer-temporary-deficiency').click();
  await expect(app.detail('3.1.1').getByTestId('answer-temporary-deficiency')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.detail('3.1.1')).toContainText('You answered \u201cmet: temporary deficiency\u201d');
  const note = app.detail('3.1.1').getByTestId('answer-note');
  await note.fill('');
  await note.press('Tab');
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'not-met');
  await expect(app.detail('3.1.1')).toContainText('until that is written, the requirement counts as NOT MET');
  await note.fill('Log review lapsed 2026-11-20 after a staff change; resumes by 2026-12-15, owner IT lead');
  await note.press('Tab');
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'met');
  await expect(app.detail('3.1.1')).not.toContainText('counts as NOT MET');
});

test('an SoA that excludes every control of a requirement asks: not applicable, or a gap', async () => {
  await app.answerYesNo('handles_cui', 'yes');
  await app.choose('solicitation', 'L2-c3pao');
  await app.testid('soa-file-input').setInputFiles({
    name: 'excluded.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Control,Status,Justification\nA.6.3,Excluded,Training bought from the parent company\nA.8.7,Excluded,Malware protection run by the parent company\n'),
  });
  await expect(app.testid('soa-rows')).toHaveText('2');
  await app.expand('3.2.1');
  const prompt = app.detail('3.2.1').getByTestId('exclusion-prompt');
  await expect(prompt).toContainText('Training bought from the parent company');
  await expect(prompt).toContainText('the SSP carries your justification, not the SoA\'s');
  await app.screenshot('rules-exclusion-prompt');
  await prompt.getByTestId('confirm-na').click();
  await expect(app.row('3.2.1')).toHaveAttribute('data-status', 'na');
  // The justification is the user's to write: the field is empty and asks for it.
  const note = app.detail('3.2.1').getByTestId('answer-note');
  await expect(note).toHaveValue('');
  await expect(app.detail('3.2.1')).toContainText('record needed');
  await note.fill('No CUI users outside the enclave; the enclave\'s training is the MSP\'s, assessed with ours');
  await note.press('Tab');
  await expect(app.detail('3.2.1')).not.toContainText('record needed');
  await expect(app.detail('3.2.1').getByTestId('exclusion-prompt')).toHaveCount(0);
});

test('only an SSP that exists meets 3.12.4: no N/A, no stand-ins, no score without one', async () => {
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.12.4');
  const detail = app.detail('3.12.4');
  await expect(detail.getByTestId('answer-met')).toBeVisible();
  await expect(detail.getByTestId('answer-na')).toHaveCount(0);
  await expect(detail.getByTestId('answer-enduring-exception')).toHaveCount(0);
  await expect(detail.getByTestId('ssp-only-met')).toContainText('170.24(c)(2)(i)(B)(5)');
  // Another requirement still offers them.
  await app.expand('3.1.1');
  await expect(app.detail('3.1.1').getByTestId('answer-na')).toBeVisible();
  // Not met: no score and no status.
  await detail.getByTestId('answer-not-met').click();
  await expect(app.testid('sprs-score')).toHaveText('No score');
});

// A full ISO SoA, the SSP and encryption answered, and every requirement the SoA does not
// suggest met answered met: the forecast is Final, the confirmed answers are not eligible
// (`crosswalk assess --state tests/fixtures/iso_forecast_final.json`: -77 to 110). The status
// shown and exported is the confirmed one; the forecast is said as one.
test('a Final Level 2 that only ISO suggestions reach is a forecast to confirm, here and in the exports', async ({ page }) => {
  await app.restoreJson(require('path').join(__dirname, '..', 'fixtures', 'iso_forecast_final.json'));
  await expect(app.testid('strip-l2')).toHaveText('Final, to confirm');
  await expect(app.testid('strip-l2')).toHaveClass(/suggested/);
  await expect(app.testid('strip-l2-confirmed')).toHaveText('confirmed: Not eligible');
  // A phone's compact strip keeps it too: "Final, to confirm" alone could read as a pass.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(app.testid('strip-l2-confirmed')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(app.testid('summary-status')).toHaveText('Final Level 2, to confirm');
  await expect(app.testid('summary-status-confirmed')).toContainText('On the answers confirmed so far: Not eligible.');
  // The status card's sentence is the finding; the forecast follows as one, and the Level 1 card
  // says "to confirm" too.
  await app.openFold('scores');
  await expect(app.testid('level2-summary')).toContainText('Score -77 is below 88');
  await expect(app.testid('level2-forecast')).toHaveText('If every ISO suggestion is confirmed: All 110 requirements met: eligible for Final Level 2.');
  await expect(app.testid('level1-label')).toHaveText('Met, to confirm');
  // The paths start from the forecast, and say so beside the confirmed score.
  await app.openFold('paths');
  await expect(app.testid('path-88-to-confirm')).toContainText('on the answers confirmed so far the score is -77');
  await app.screenshot('rules-forecast-to-confirm');
  // The POA&M lists every requirement not assessed yet, as such, with no app instructions.
  const poam = await app.download('export-poam-csv');
  const rows = poam.text.trim().split(/\r?\n/).slice(1);
  // 110 less the 49 answered and the 2 the questionnaire decides (`crosswalk export poam --state` on it).
  expect(rows.length).toBe(59);
  expect(rows.every((r) => r.startsWith('Not assessed yet: counted as not met (Level 2),'))).toBe(true);
  expect(poam.text).not.toContain('answer it directly');
  const ssp = await app.download('export-ssp-md');
  expect(ssp.text).toContain('Level 2: Not eligible on the answers confirmed; Final Level 2 if every ISO suggestion is confirmed.');
  await page.emulateMedia({ media: 'print' });
  await expect(app.testid('print-score')).toContainText('Level 2 status: Not eligible on the answers confirmed; Final Level 2 if every ISO suggestion is confirmed.');
  await expect(app.testid('print-view')).toContainText('strict');
  await expect(app.testid('print-appendix-suggested')).toContainText('Not listed: 59 requirements that the ISO evidence suggests met');
});

test('the printed Level 1 report counts only what was confirmed', async ({ page }) => {
  await app.testid('sample-machine-shop').click();
  await expect(app.testid('summary-l1-count')).toContainText('confirmed met');
  const onScreen = await app.testid('summary-l1-count').textContent();
  const confirmed = Number(onScreen.trim().split(' ')[0]);
  await page.emulateMedia({ media: 'print' });
  await expect(app.testid('print-score')).toContainText(`${confirmed} of the 15 FAR 52.204-21 requirements confirmed met`);
  await expect(app.testid('print-score')).toContainText('suggested by the SoA, not confirmed');
  await expect(app.testid('print-report')).toContainText('suggested met by the SoA, not confirmed');
});

test('a Level 1 estimate before any answer says it counts the unanswered as work to do', async () => {
  await app.answerYesNo('handles_fci', 'yes');
  await app.answerYesNo('handles_cui', 'no');
  await expect(app.testid('summary-cost-unanswered')).toHaveText('Counts the 15 requirements not answered yet as work still to do: answering them narrows it.');
  await expect(app.testid('summary-l1-rest')).not.toContainText('suggested by your SoA');
});

test('the printed report says when a Conditional POA&M must be closed out', async ({ page }) => {
  // Conditional at 105 on 2026-12-01 (the saved date): the 180 days run from that day.
  await app.restoreJson(require('path').join(__dirname, '..', 'fixtures', 'oscal', 'level2_conditional.json'));
  await expect(app.testid('summary-status')).toHaveText('Conditional Level 2');
  await page.emulateMedia({ media: 'print' });
  await expect(app.testid('print-closeout')).toHaveText('If a Conditional status were dated 2026-12-01 (the date of this report), its POA&M would have to be closed out by 2027-05-30 (32 CFR 170.21(b)).');
});

test('a passing status beside CUI in a cloud without FedRAMP Moderate says it waits on the cloud', async () => {
  await app.restoreJson(require('path').join(__dirname, '..', 'fixtures', 'oscal', 'level2_conditional.json'));
  await expect(app.testid('summary-status')).toHaveText('Conditional Level 2');
  await expect(app.testid('summary-status-cloud')).toHaveCount(0);
  await app.choose('cui_storage', 'commercial-cloud');
  await expect(app.testid('summary-status-cloud')).toHaveText('The requirements give this status; it holds only once CUI is out of the cloud without FedRAMP Moderate authorization or equivalency, or its equivalency is shown (DFARS 252.204-7012(b)(2)(ii)(D)).');
  await app.openFold('scores');
  await expect(app.testid('level2-summary')).toContainText(', but only once CUI is out of the cloud');
});
