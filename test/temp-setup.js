// One temporary folder for a whole test run: TMPDIR, inherited by the test workers and every process
// they start (the CLI, the emulator, cdk synth). test/global-teardown.js deletes it, so a run leaves
// no temporary folder behind, whatever a test forgets.
const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = () => {
  process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), 'calpub-tests-'));
};
