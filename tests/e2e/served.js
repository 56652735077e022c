// Where the end-to-end tests serve the release dist/ (playwright.config.js starts the server),
// for the specs that also open pages elsewhere (the single file from file://).
const PORT = Number(process.env.E2E_PORT || 8181);

module.exports = { PORT, SERVED_URL: `http://127.0.0.1:${PORT}` };
