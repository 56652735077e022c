// Page object for the app: opening it, recording every request, screenshots.
const path = require('path');

class AppPage {
  constructor(page) {
    this.page = page;
    this.requests = [];
    page.on('request', (req) => this.requests.push(req.url()));
  }

  async open() {
    await this.page.goto('/');
    await this.page.waitForSelector('[data-testid="step-questionnaire"]');
    this.origin = new URL(this.page.url()).origin;
  }

  /** Every request whose origin is not the page's own (data: and blob: URLs stay on the device). */
  foreignRequests() {
    return this.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      return new URL(u).origin !== this.origin;
    });
  }

  async screenshot(name) {
    await this.page.screenshot({ path: path.join(__dirname, 'screenshots', `${name}.png`), fullPage: true });
  }
}

module.exports = { AppPage };
