// When the importer's guesses are wrong, the user can force the delimiter and the edition; the
// import re-runs at once and "Automatic" puts the detection back.
const { test, expect } = require('@playwright/test');
const { AppPage } = require('./app-page');

test('the delimiter and edition can be forced and reset', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.importSoa(app.fixture('excel_semicolon_bom.csv'));
  await expect(app.testid('soa-delimiter')).toHaveText('semicolon');
  await expect(app.testid('soa-rows')).toHaveText('7');
  await app.testid('column-mapping').locator('summary').click();

  // Read as comma-separated: no column holds control ids any more, so nothing imports.
  await app.testid('map-delimiter').selectOption('comma');
  await expect(app.testid('soa-delimiter')).toHaveText('comma');
  await expect(app.testid('soa-rows')).toHaveText('0');
  await app.testid('map-delimiter').selectOption('auto');
  await expect(app.testid('soa-rows')).toHaveText('7');

  // Read the 2022 ids as 2013: none of them is a 2013 control, and the problems say so.
  await app.testid('map-edition').selectOption('2013');
  await expect(app.testid('soa-rows')).toHaveText('0');
  await expect(app.testid('soa-problems')).toContainText('2013');
  await app.testid('map-edition').selectOption('auto');
  await expect(app.testid('soa-rows')).toHaveText('7');
  await expect(app.testid('soa-edition')).toContainText('2022');

  // The choice is part of the saved work: it survives a reload.
  await app.testid('map-delimiter').selectOption('tab');
  await app.reload();
  await app.testid('column-mapping').locator('summary').click();
  await expect(app.testid('map-delimiter')).toHaveValue('tab');
  await expect(app.testid('soa-delimiter')).toHaveText('tab');
  expect(app.foreignRequests()).toEqual([]);
});
