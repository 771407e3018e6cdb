// Runs once before the test files. Builds what ships, so the tests run it rather than the sources:
// - the CLI bundle (bin/run.cjs rebuilds it when sources changed), once, so test files that run the
//   CLI do not race to build it and each starts in ~0.1 s;
// - the cloud assembly, as `npx cdk synth` makes it (cdk.json, bin/app.ts, cdk-nag, the publish
//   function bundled by esbuild) into test-output/cdk.out: the tests of the deployed function and of
//   `calpub emulate` run its asset and read its template (CALPUB_TEST_CDK_OUT).
// - one temporary folder for the whole run (test/temp-setup.js).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const tempSetup = require('./temp-setup');

module.exports = () => {
  const root = path.join(__dirname, '..');
  tempSetup();
  execFileSync(
    process.execPath,
    [path.join(root, 'bin', 'run.cjs'), 'check', '--content', path.join(root, 'content')],
    { stdio: 'ignore' },
  );
  const assembly = path.join(root, 'test-output', 'cdk.out');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk'), 'synth', '--quiet', '--output', assembly],
    {
      cwd: root,
      // The CloudFormation schema validator (~5 s) runs in `cdk synth` of .ci/run, not here.
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_VALIDATION: 'false' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.env.CALPUB_TEST_CDK_OUT = assembly;
};
