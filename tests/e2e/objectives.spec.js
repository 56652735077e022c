// From screening to a self-assessment in the browser: answering SP 800-171A objectives moves the
// requirement and the score, a defined value, a plan of action and the system description reach
// the SSP and POA&M downloaded from the app, and an OSCAL SSP the app wrote restores the answers.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

// Figures from the engine's command line on the same inputs, e.g. a saved file with the sample
// SoA, handles_cui and the objective answers below, read with
//   crosswalk assess --state FILE --date 2026-12-01 --json   (sprs.low / sprs.high)
// sample: -203 to -16; 3.1.1[a] not met: -203 to -21 (3.1.1 is worth 5 and was suggested met);
// all six 3.1.1 objectives met: -198 to -16; then 3.1.8[b] not met: -198 to -17.

let app;
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00Z'));
  app = new AppPage(page);
  await app.open();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

/** One objective's list item. */
function objective(page, id) {
  return page.locator(`[data-testid="objective"][data-objective="${id}"]`);
}

/** Types into a field and leaves it: the app commits notes and values on change. */
async function commit(locator, value) {
  await locator.fill(value);
  await locator.press('Tab');
}

test('objectives decide the requirement; values, plans and the system reach the SSP and POA&M; the OSCAL SSP restores them', async ({ page }) => {
  await app.handlesCui();
  await app.loadSample();
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  await expect(app.testid('strip-objectives')).toHaveText('0 / 320');

  // One objective not met makes the requirement NOT MET and costs its 5 points.
  await app.expand('3.1.1');
  const detail = app.detail('3.1.1');
  await expect(detail.getByTestId('objective')).toHaveCount(6);
  // A direct answer given first is kept, and shown set aside once an objective decides.
  await detail.getByTestId('answer-met').click();
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'met');
  await expect(detail.getByTestId('answer-set-aside')).toHaveCount(0);
  await objective(page, '3.1.1[a]').getByTestId('objective-not-met').click();
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'not-met');
  await expect(detail.getByTestId('answer-set-aside')).toHaveText('set aside: the objectives decide');
  await expect(detail.getByTestId('answer-met')).toHaveClass(/set-aside/);
  await detail.getByTestId('answer-clear').click();
  await expect(detail.getByTestId('answer-set-aside')).toHaveCount(0);
  await expect(app.testid('sprs-score')).toHaveText('-203 to -21');
  await expect(detail.getByTestId('objectives-tally')).toHaveText('1 of 6 answered');
  await expect(app.testid('strip-objectives')).toHaveText('1 / 320');
  // A requirement with an objective not met takes a plan of action.
  await expect(detail.getByTestId('poam-plan')).toBeVisible();

  // Every objective met: the requirement is met and the low end rises by its 5 points.
  for (const letter of ['a', 'b', 'c', 'd', 'e', 'f']) {
    await objective(page, `3.1.1[${letter}]`).getByTestId('objective-met').click();
    await expect(objective(page, `3.1.1[${letter}]`)).toHaveAttribute('data-answer', 'met');
  }
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'met');
  await expect(app.testid('sprs-score')).toHaveText('-198 to -16');
  await expect(app.testid('strip-objectives')).toHaveText('6 / 320');
  await expect(detail.getByTestId('poam-plan')).toHaveCount(0);

  // 3.1.8: the defined value, an objective not met with its note, and the plan of action.
  await app.expand('3.1.8');
  const a = objective(page, '3.1.8[a]');
  // Met without the value it defines: the assessor will ask for it.
  await a.getByTestId('objective-met').click();
  await expect(a.getByTestId('objective-value-needed')).toBeVisible();
  await commit(a.getByTestId('objective-defined'), '5 consecutive attempts, then a 30-minute lockout');
  await expect(a.getByTestId('objective-value-needed')).toHaveCount(0);
  const b = objective(page, '3.1.8[b]');
  await expect(b.getByTestId('objective-defined')).toHaveCount(0);
  await b.getByTestId('objective-not-met').click();
  await commit(b.getByTestId('objective-note'), 'Lockout not yet enforced on the VPN');
  await expect(app.testid('sprs-score')).toHaveText('-198 to -17');
  await expect(app.testid('strip-objectives')).toHaveText('8 / 320');
  const plan = app.detail('3.1.8').getByTestId('poam-plan');
  await plan.locator('summary').click();
  await commit(plan.getByTestId('poam-owner'), 'Dana Reyes');
  await plan.getByTestId('poam-completion').fill('2027-02-15');
  await commit(plan.getByTestId('poam-resources'), 'IT contractor, 2 days');
  await commit(plan.getByTestId('poam-milestones'), '2027-01-15 Enforce lockout on the VPN');

  // The system the SSP describes.
  const system = app.testid('system-form');
  await system.locator('summary').click();
  await commit(app.testid('system-name'), 'Acme CUI enclave');
  await commit(app.testid('system-organization'), 'Acme Machining');
  await commit(app.testid('system-boundary'), 'The CUI enclave: 12 laptops and the file server');
  await commit(app.testid('system-roles'), 'System owner: Dana Reyes\nISSO');
  // SP 800-171A 3.12.4[c], [f], [g], [h]: environment, connections, how often it is updated.
  await commit(app.testid('system-environment'), 'One site in Dayton; Windows 11 laptops in Entra ID');
  await commit(app.testid('system-connections'), 'Microsoft 365 GCC High; the MSP\'s RMM agent');
  await commit(app.testid('system-update-frequency'), 'Every 12 months');
  await app.testid('system-last-updated').fill('2026-11-20');
  await app.screenshot('objectives-answered');

  // The SSP in Markdown: the system, the defined value and the objective findings.
  const md = await app.download('export-ssp-md');
  expect(md.name).toBe('cmmc-ssp.md');
  expect(md.text).toContain('# System Security Plan: Acme CUI enclave');
  expect(md.text).toContain('| Organization | Acme Machining |');
  expect(md.text).toContain('| System owner | Dana Reyes |');
  expect(md.text).toContain('## Environment of operation\n\nOne site in Dayton; Windows 11 laptops in Entra ID');
  expect(md.text).toContain('## Connections to other systems and services\n\nMicrosoft 365 GCC High; the MSP\'s RMM agent');
  expect(md.text).toContain('Updated: Every 12 months. Last updated: 2026-11-20.');
  expect(md.text).toContain('- 3.1.8[a]: 5 consecutive attempts, then a 30-minute lockout');
  expect(md.text).toMatch(/\| 3\.1\.8\[b\] \|[^\n]*\| Not met \| Lockout not yet enforced on the VPN \|/);

  // The SSP in OSCAL: the defined value as a set parameter, each objective's finding.
  const sspOscal = await app.download('export-ssp-oscal');
  const ssp = JSON.parse(sspOscal.text)['system-security-plan'];
  expect(ssp.metadata['oscal-version']).toBe('1.2.1');
  expect(ssp['system-characteristics']['system-name']).toBe('Acme CUI enclave');
  const r318 = ssp['control-implementation']['implemented-requirements'].find((r) => r['control-id'] === 'sp800-171_3.1.8');
  expect(r318['set-parameters']).toEqual([{ 'param-id': 'sp800-171_3.1.8_odp.a', values: ['5 consecutive attempts, then a 30-minute lockout'] }]);
  const findings = Object.fromEntries(r318.statements.map((s) => [s['statement-id'], s.props.find((p) => p.name === 'cmmc-objective-status').value]));
  expect(findings).toEqual({ 'sp800-171_3.1.8_obj.a': 'met', 'sp800-171_3.1.8_obj.b': 'not-met' });

  // The POA&M in CSV: 3.1.8 with its open objective and plan; 3.1.1 (met) is not on it.
  const csv = await app.download('export-poam-csv');
  const rows = csv.text.split(/\r?\n/);
  expect(rows[0]).toContain('Objectives not met,Owner,Milestones,Resources,Scheduled completion');
  const row = rows.find((l) => l.startsWith('POA&M item (Level 2),3.1.8,'));
  expect(row).toContain(',3.1.8[b],Dana Reyes,2027-01-15: Enforce lockout on the VPN,"IT contractor, 2 days",2027-02-15,');
  expect(rows.some((l) => l.startsWith('POA&M item (Level 2),3.1.1,'))).toBe(false);

  // The POA&M in OSCAL: the item with its owner and scheduled completion.
  const poamOscal = await app.download('export-poam-oscal');
  const items = JSON.parse(poamOscal.text)['plan-of-action-and-milestones']['poam-items'];
  const item = items.find((i) => i.title === '3.1.8 (AC.L2-3.1.8)');
  const props = Object.fromEntries(item.props.map((p) => [p.name, p.value]));
  expect(props.owner).toBe('Dana Reyes');
  expect(props['scheduled-completion']).toBe('2027-02-15');

  // Another device: start from nothing, read the OSCAL SSP back, and the answers return.
  await app.deleteAllData();
  await expect(app.testid('strip-start')).toBeVisible();
  await app.restoreJson(sspOscal.file);
  await expect(app.testid('notice')).toContainText('(an OSCAL SSP)');
  // An SSP carries no questionnaire, and the notice says what to answer to see the work.
  await expect(app.testid('notice')).toContainText('Answer the questionnaire');
  await app.handlesCui();
  await expect(app.testid('strip-objectives')).toHaveText('8 / 320');
  await expect(app.row('3.1.8')).toHaveAttribute('data-status', 'not-met');
  await app.expand('3.1.8');
  await expect(objective(page, '3.1.8[a]').getByTestId('objective-defined')).toHaveValue('5 consecutive attempts, then a 30-minute lockout');
  await expect(objective(page, '3.1.8[b]').getByTestId('objective-note')).toHaveValue('Lockout not yet enforced on the VPN');
  await expect(app.testid('system-name')).toHaveValue('Acme CUI enclave');
  await expect(app.testid('system-connections')).toHaveValue('Microsoft 365 GCC High; the MSP\'s RMM agent');
  await expect(app.testid('system-last-updated')).toHaveValue('2026-11-20');
});

test('N/A on every objective counts as met and asks for the justification', async ({ page }) => {
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.1.8');
  for (const id of ['3.1.8[a]', '3.1.8[b]']) {
    await objective(page, id).getByTestId('objective-na').click();
  }
  await expect(app.row('3.1.8')).toHaveAttribute('data-status', 'na');
  // Counted as met: the low end rises by its 1 point.
  await expect(app.testid('sprs-score')).toHaveText('-202 to -16');
  await expect(objective(page, '3.1.8[a]')).toContainText('justification needed');
  await commit(objective(page, '3.1.8[a]').getByTestId('objective-note'), 'No interactive logons: the enclave is a kiosk');
  await expect(objective(page, '3.1.8[a]')).not.toContainText('justification needed');
  // The objectives, the plan form and the system form pass axe in both themes.
  await app.expand('3.1.1');
  await objective(page, '3.1.1[a]').getByTestId('objective-not-met').click();
  await app.detail('3.1.1').getByTestId('poam-plan').locator('summary').click();
  await app.testid('system-form').locator('summary').click();
  const { AxeBuilder } = require('@axe-core/playwright');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="gaps"]').include('[data-testid="export"]').analyze();
    const serious = axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    expect(serious.map((v) => `${v.id} (${scheme}): ${v.nodes.length}`)).toEqual([]);
  }
  // A saved file that is not an SSP still restores as before, and a broken SSP changes nothing.
  const foreign = path.join(__dirname, 'test-results', 'foreign-ssp.json');
  fs.mkdirSync(path.dirname(foreign), { recursive: true });
  fs.writeFileSync(foreign, JSON.stringify({ 'system-security-plan': { uuid: '11111111-2222-4333-8444-555555555555', metadata: { title: 'Another tool' } } }));
  await app.restoreJson(foreign);
  await expect(app.testid('ssp-import-error')).toContainText('could not be read back');
  await expect(app.row('3.1.8')).toHaveAttribute('data-status', 'na');
});

test('an open Level 3 requirement takes a plan of action, and a blocker says it cannot wait', async ({ page }) => {
  await app.handlesCui();
  await app.choose('solicitation', 'L3-dibcac');
  await app.importSoa(app.fixture('iso2022_full.csv'));
  await app.openFold('scores');
  await expect(app.testid('level3')).toBeVisible();
  await app.testid('level3').locator('details > summary').first().click();
  const item = (id) => page.locator(`[data-testid="level3-item"][data-requirement="${id}"]`);
  // Not answered yet counts as open: each item carries its plan form until it is met.
  await item('AC.L3-3.1.2e').getByRole('button', { name: 'Not met', exact: true }).click();
  const plan = item('AC.L3-3.1.2e').getByTestId('poam-plan');
  await expect(plan).toContainText('may sit on a POA&M for a Conditional status');
  await plan.locator('summary').click();
  await commit(plan.getByTestId('poam-owner'), 'Lee Park');
  await plan.getByTestId('poam-completion').fill('2027-03-01');
  await item('AC.L3-3.1.2e').getByRole('button', { name: 'Met', exact: true }).click();
  await expect(item('AC.L3-3.1.2e').getByTestId('poam-plan')).toHaveCount(0);
  await item('AC.L3-3.1.2e').getByRole('button', { name: 'Not met', exact: true }).click();
  // The plan written before is kept.
  await expect(item('AC.L3-3.1.2e').getByTestId('poam-owner')).toHaveValue('Lee Park');
  // Incident response (3.6.1e) may never sit on a Level 3 POA&M.
  await expect(item('IR.L3-3.6.1e').getByTestId('poam-plan')).toContainText('may not sit on a POA&M');

  const csv = await app.download('export-poam-csv');
  const row = csv.text.split(/\r?\n/).find((l) => l.includes(',AC.L3-3.1.2e,'));
  expect(row).toContain(',Lee Park,');
  expect(row).toContain(',2027-03-01,');
});

test('a Conditional case shows the 180-day closeout, and a plan that ends after it is flagged', async () => {
  // The Level 2 fixture scores 105 with three open items that may all sit on a POA&M: Conditional,
  // status date 2026-12-01, closeout 2027-05-30 (32 CFR 170.21(b); `crosswalk export poam` gives
  // the same dates). 3.13.11's plan ends 2027-07-01, after it; 3.1.3's ends 2027-03-15.
  await app.restoreJson(path.join(__dirname, '..', 'fixtures', 'oscal', 'level2_conditional.json'));
  await expect(app.testid('level2-status')).toContainText('Conditional');
  await app.expand('3.13.11');
  const late = app.detail('3.13.11').getByTestId('poam-plan');
  await expect(late.getByTestId('poam-closeout')).toContainText('Closeout deadline: 2027-05-30 (180 days after the expected Conditional status date, 2026-12-01).');
  await expect(late.getByTestId('poam-late')).toBeVisible();
  await app.expand('3.1.3');
  const onTime = app.detail('3.1.3').getByTestId('poam-plan');
  await expect(onTime.getByTestId('poam-closeout')).toContainText('2027-05-30');
  await expect(onTime.getByTestId('poam-late')).toHaveCount(0);
  // Moving the date inside the window clears the flag.
  await onTime.getByTestId('poam-completion').fill('2027-06-15');
  await expect(onTime.getByTestId('poam-late')).toBeVisible();
  await onTime.getByTestId('poam-completion').fill('2027-05-01');
  await expect(onTime.getByTestId('poam-late')).toHaveCount(0);
  // The gap list carries the same plans: the owner and the completion date written here.
  const gaps = await app.download('export-csv');
  const row = gaps.text.split(/\r?\n/).find((l) => l.startsWith('3.1.3,'));
  const owner = await onTime.getByTestId('poam-owner').inputValue();
  expect(owner).not.toBe('');
  expect(row).toContain(`,${owner},2027-05-01`);
});

// The figures follow an answer one frame later (the engine runs after the answer's frame), and
// the requirement's explanation changes length with them. Nothing a user clicks next may move
// then: the answer buttons and the objectives sit above everything the engine redraws.
for (const [name, width, height] of [['a laptop', 1280, 720], ['a tablet', 900, 1000], ['a phone', 390, 844]]) test(`the answer buttons stay put when the figures follow an answer, on ${name}`, async ({ page }) => {
  await page.setViewportSize({ width, height });
  await app.handlesCui();
  await app.loadSample();
  await app.expand('3.1.1');
  const detail = app.detail('3.1.1');
  const buttons = detail.locator('button[data-testid^="answer-"], [data-testid="objective"] button');
  // Where each button is on screen (the browser's scroll anchoring keeps what is in view in place
  // when something above it changes, so this is what the user sees).
  const tops = () => buttons.evaluateAll((bs) => bs.map((b) => [b.dataset.testid, b.getBoundingClientRect().top]));
  // Within 2 px: a line that moves is 20 px or more, and layout rounds to fractions of a pixel.
  const unmoved = (now, then, step) => {
    expect(now.map(([id]) => id), step).toEqual(then.map(([id]) => id));
    const moved = now.filter(([id, top], i) => Math.abs(top - then[i][1]) > 2).map(([id, top], i) => `${id} ${top}`);
    expect(moved, step).toEqual([]);
  };
  // In view, as a user's would be: a click then scrolls nothing.
  await detail.getByTestId('answer-met').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  // A direct answer turns the row's "Met (suggested)" into "Not met" a frame later (one line
  // shorter on a phone when the badge wraps): the row keeps its height, so the answer buttons
  // stay where the pointer is. (Its own frame adds the note below them, which moves what follows.)
  const answers = async () => (await tops()).filter(([id]) => id.startsWith('answer-'));
  const pristine = await answers();
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Met (suggested)');
  await detail.getByTestId('answer-not-met').click();
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Not met');
  unmoved(await answers(), pristine, 'after a direct answer turns the row not met');
  await detail.getByTestId('answer-clear').click();
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Met (suggested)');
  unmoved(await answers(), pristine, 'after the answer is cleared');
  await objective(page, '3.1.1[a]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const before = await tops();
  expect(before.length).toBeGreaterThan(8);

  // An objective met: its own frame changes nothing above the next objective; the requirement's
  // explanation and tally, redrawn a frame later, must not move any button either.
  await objective(page, '3.1.1[a]').getByTestId('objective-met').click();
  await expect(objective(page, '3.1.1[a]')).toHaveAttribute('data-answer', 'met');
  await expect(detail.getByTestId('objectives-tally')).toHaveText('1 of 6 answered');
  unmoved(await tops(), before, 'after an objective met');
  // Partly answered, none not met: the forecast keeps the ISO suggestion (the score does not
  // fall for answering "met"), shown as suggested.
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  await expect(app.row('3.1.1').getByTestId('gap-status')).toHaveText('Met (suggested)');

  // A second one, not met: the requirement turns not met a frame later, and its plan of action
  // appears below the objectives.
  await objective(page, '3.1.1[b]').getByTestId('objective-not-met').click();
  await expect(objective(page, '3.1.1[b]')).toHaveAttribute('data-answer', 'not-met');
  const afterClick = await tops();
  await expect(app.row('3.1.1')).toHaveAttribute('data-status', 'not-met');
  await expect(detail.getByTestId('poam-plan')).toBeVisible();
  await expect(detail.getByTestId('objectives-tally')).toHaveText('2 of 6 answered');
  unmoved(await tops(), afterClick, 'after an objective not met');

  // A direct answer given now is set aside a frame later: the tag follows the buttons.
  await detail.getByTestId('answer-met').click();
  await expect(detail.getByTestId('answer-met')).toHaveAttribute('aria-pressed', 'true');
  const answered = await tops();
  await expect(detail.getByTestId('answer-set-aside')).toBeVisible();
  unmoved(await tops(), answered, 'after a direct answer');
});
