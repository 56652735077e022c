// An import that never over-claims (issue 12, item 4): the review step lists every status and
// applicability value with how it is read and lets the user change it; a file without a status
// column, a partial SoA and a Windows-1252 export each say so; a refused file never replaces the
// SoA already loaded. Expected figures come from the engine's command line on the same bytes:
//   crosswalk assess --soa FILE [--status-map MAP] --answers '{"handles_cui":true}' --date 2026-12-01 --json
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

const ODD_HEADERS = [
  'Ref,Control,Included?,Status/Comments',
  'A.5.15,Access control,X,Fully in place',
  'A.5.16,Identity management,X,WIP',
  'A.5.17,Authentication information,X,TBD',
  'A.5.18,Access rights,X,No - planned 2025',
  'A.8.5,Secure authentication,X,Awaiting budget',
  'A.8.6,Capacity management,X,Awaiting budget',
  'A.8.7,Protection against malware,X,',
  '',
].join('\n');

let app;
test.beforeEach(async ({ page }) => {
  app = new AppPage(page);
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00Z'));
  await app.open();
  await app.handlesCui();
});
test.afterEach(async () => {
  expect(app.foreignRequests()).toEqual([]);
  expect(app.dialogs).toEqual([]);
});

async function importBytes(name, bytes) {
  await app.testid('soa-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
}

function value(text) {
  return app.page.locator(`tr[data-testid="status-value"][data-value="${text}"]`);
}

test('every value is listed with its reading, and the user decides the unknown ones', async ({ page }) => {
  await importBytes('odd-headers.csv', ODD_HEADERS);
  await expect(app.testid('soa-rows')).toHaveText('7');
  // "Included? = X" says in scope, never implemented; the free-text statuses are read one by one.
  await expect(app.testid('soa-status-column')).toHaveText('column 4: Status/Comments');
  await expect(value('X')).toHaveAttribute('data-reading', 'unknown');
  await expect(value('X')).toContainText('7');
  await expect(value('Fully in place')).toHaveAttribute('data-reading', 'implemented');
  await expect(value('WIP')).toHaveAttribute('data-reading', 'in-progress');
  await expect(value('TBD')).toHaveAttribute('data-reading', 'unknown');
  await expect(value('No - planned 2025')).toHaveAttribute('data-reading', 'not-implemented');
  // The unknown value: kept (its 2 rows are imported), listed once with its count, flagged.
  await expect(value('Awaiting budget')).toHaveAttribute('data-reading', 'unknown');
  await expect(value('Awaiting budget')).toContainText('not recognised');
  await expect(value('Awaiting budget').locator('td.num')).toHaveText('2');
  await expect(app.testid('soa-unrecognised-values')).toContainText('1 value in the file is not a word we know');
  await expect(app.testid('soa-problems').locator('li')).toHaveCount(1);
  // Figures from `crosswalk assess --soa FILE [--status-map MAP] --json` on the same bytes. A
  // requirement is suggested met only when every control mapped to it is stated, so seven rows
  // suggest nothing met until "Awaiting budget" is read.
  await expect(app.testid('sprs-score')).toHaveText('-203');
  // The column choices show what each column holds.
  await app.testid('column-mapping').locator('summary').click();
  await expect(app.testid('map-implementation-status-samples')).toHaveText('Holds: Fully in place · WIP · TBD');
  await expect(app.testid('map-applicability-samples')).toHaveText('Holds: X');
  await expect(app.testid('map-title-samples')).toHaveText('Holds: Access control · Identity management · Authentication information');

  // The user reads "Awaiting budget" as implemented: the score follows, as the CLI's map gives.
  await value('Awaiting budget').locator('select').selectOption('implemented');
  await expect(value('Awaiting budget')).toHaveAttribute('data-reading', 'implemented');
  await expect(value('Awaiting budget')).toContainText('your choice');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -200');
  await expect(app.testid('soa-problems').locator('li')).toHaveCount(0);
  // The map downloads in the CLI's format, and it is saved with the work.
  const map = await app.download('download-status-map');
  expect(map.text).toBe('column,value,reading\r\nstatus,Awaiting budget,implemented\r\n');
  await app.reload();
  await expect(value('Awaiting budget')).toHaveAttribute('data-reading', 'implemented');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -200');
  // Undoing the choice puts the importer's reading back.
  await value('Awaiting budget').locator('select').selectOption('auto');
  await expect(value('Awaiting budget')).toHaveAttribute('data-reading', 'unknown');
  await expect(app.testid('sprs-score')).toHaveText('-203');
  await app.screenshot('import-review');
  await page.setViewportSize({ width: 390, height: 844 });
  await app.testid('status-map').scrollIntoViewIfNeeded();
  await app.screenshot('import-review-phone');
});

test('a bare list of control ids counts nothing as implemented and says why', async () => {
  await app.testid('soa-paste').fill('A.5.15\nA.5.16\nA.8.5\nA.8.24\n');
  await app.testid('soa-paste-import').click();
  await expect(app.testid('soa-rows')).toHaveText('4');
  await expect(app.testid('soa-status-column')).toHaveText('none found');
  await expect(app.testid('soa-no-status-column')).toContainText('No status column found');
  await expect(app.testid('soa-unknown-rows')).toContainText('4 of 4 rows');
  await expect(app.testid('sprs-score')).toHaveText('-203');
  expect(await app.problemLines()).toEqual([1]);
});

test('a partial SoA says how many Annex A controls it does not mention', async () => {
  const ids = ['A.5.1', 'A.5.2', 'A.5.3', 'A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.8.2', 'A.8.3',
    'A.8.5', 'A.8.7', 'A.8.15', 'A.8.16', 'A.8.24'];
  const csv = ['Control,Applicable,Status', ...ids.map((id) => `${id},Yes,Implemented`), ''].join('\n');
  await importBytes('partial.csv', csv);
  await expect(app.testid('soa-rows')).toHaveText('14');
  await expect(app.testid('soa-controls-missing')).toHaveText('79 of 93 controls');
  await expect(app.testid('soa-missing-note')).toContainText('79 of the 93 Annex A controls are not in the file');
  await app.testid('soa-missing-list').locator('summary').click();
  await expect(app.testid('soa-missing-list').locator('li')).toHaveCount(79);
  await expect(app.testid('soa-missing-list')).toContainText('A.5.4');
  await expect(app.testid('soa-no-problems')).toBeVisible();
});

test('a Windows-1252 export is decoded and named', async () => {
  const bytes = fs.readFileSync(path.join(__dirname, '..', 'corpus', 'soa', 'latin1_windows1252.csv'));
  await importBytes('windows.csv', bytes);
  await expect(app.testid('soa-encoding')).toHaveText('Windows-1252');
  await expect(app.testid('soa-encoding-note')).toContainText('read as Windows-1252');
  await app.testid('soa-rows-preview').locator('summary').click();
  await expect(app.testid('soa-rows-preview')).toContainText('Zugriffsrechte für alle Benutzer geprüft');
  await expect(app.testid('soa-rows-preview')).toContainText('“MFA” – phase 2');
  await expect(app.testid('soa-rows-preview')).not.toContainText('\uFFFD');
  // Two rows state two controls; every requirement they touch maps to others the file does not
  // list, so nothing is suggested met (`crosswalk assess --soa` on the file: -203).
  await expect(app.testid('sprs-score')).toHaveText('-203');
});

test('a file that fails to import never replaces the SoA already loaded', async () => {
  await app.importSoa(app.fixture('iso2022_full.csv'));
  await expect(app.testid('soa-rows')).toHaveText('93');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  // A workbook picked by mistake: refused with the reason, and the good SoA stays.
  await app.testid('soa-file-input').setInputFiles({
    name: 'soa.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
  });
  await expect(app.testid('soa-refused')).toContainText('soa.xlsx was not imported');
  await expect(app.testid('soa-refused')).toContainText('Excel workbook');
  await expect(app.testid('soa-refused')).toContainText('iso2022_full.csv is still loaded');
  await expect(app.testid('soa-rows')).toHaveText('93');
  await expect(app.testid('sprs-score')).toHaveText('-203 to -16');
  // Across a reload too: the refused file was never saved.
  await app.reload();
  await expect(app.testid('soa-rows')).toHaveText('93');
  await expect(app.page.locator('.filename')).toHaveText('iso2022_full.csv');
  // A pasted text with no control ids is refused the same way.
  await app.testid('soa-paste').fill('Name,Role\nAlice,CISO\n');
  await app.testid('soa-paste-import').click();
  await expect(app.testid('soa-refused')).toContainText('pasted text was not imported');
  await expect(app.testid('soa-rows')).toHaveText('93');
  // The next good import clears the refusal.
  await importBytes('odd-headers.csv', ODD_HEADERS);
  await expect(app.testid('soa-rows')).toHaveText('7');
  await expect(app.testid('soa-refused')).toHaveCount(0);
});

test('thousands of repeated rows read as one finding, with the first row of each control kept', async () => {
  // The sample SoA with its 93 control rows listed three times: 186 repeats.
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'static', 'samples', 'northwind-avionics-soa.csv'), 'utf8');
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const body = rows.join('\n');
  await importBytes('repeated.csv', [header, body, body, body, ''].join('\n'));
  await expect(app.testid('soa-rows')).toHaveText(String(rows.length));
  await expect(app.testid('soa-problem-count')).toHaveText(String(2 * rows.length));
  const kinds = app.testid('soa-problem-kinds');
  await expect(kinds.locator('li')).toHaveCount(1);
  await expect(kinds).toHaveText(`${2 * rows.length} lines listing a control again: one reading is kept for each control (the weaker where two rows differ), these lines are named below.`);
  // Each is still listed with its line.
  await expect(app.testid('soa-problems').locator('li').first()).toContainText(`Line ${rows.length + 2}`);
});
