// Deletes the run's temporary folder (see global-setup.js): tests leave no temporary folders behind.
const { rmSync } = require('node:fs');

module.exports = () => {
  if (process.env.TMPDIR && /calpub-tests-/.test(process.env.TMPDIR))
    rmSync(process.env.TMPDIR, { recursive: true, force: true });
};
