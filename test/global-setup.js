// Builds the CLI bundle (bin/run.cjs rebuilds it when sources changed) once before the test files
// that run the CLI as a user does, so they do not race to build it and each start in ~0.1 s.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'bin', 'run.cjs'), 'check', '--content', path.join(root, 'content')], { stdio: 'ignore' });
};
