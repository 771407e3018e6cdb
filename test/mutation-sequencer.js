/**
 * Jest's test sequencer for mutation runs (jest.mutation.config.js): when a run names the tests it
 * wants (`-t`, as Stryker names the tests that cover a mutant), only the test files that hold one of
 * them are run. Jest would otherwise load every file related to the mutated module (most of the suite:
 * ~9 s of module loading per mutant here) to run none of their tests.
 *
 * It reads which tests each file holds from the file `CALPUB_TEST_NAMES` points to, which
 * test/mutation.mjs makes afresh before every Stryker run from Jest's `--json` report of the same
 * tests. A file the report does not list is run. Without the variable or a name pattern, it is Jest's
 * own sequencer.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Test names by file (relative to the project root, as test/mutation.mjs writes them); null without. */
function namesByFile() {
  const file = process.env.CALPUB_TEST_NAMES;
  return file ? new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')))) : null;
}

class CoveringFilesOnly extends Sequencer {
  constructor(options) {
    super(options);
    const pattern = options.globalConfig.testNamePattern;
    // Jest matches test names against the pattern without regard to case (`-t`).
    this.wanted = pattern ? new RegExp(pattern, 'i') : null;
    this.names = this.wanted ? namesByFile() : null;
  }

  sort(tests) {
    if (!this.names) return super.sort(tests);
    const holdsWanted = (test) => {
      const names = this.names.get(path.relative(test.context.config.rootDir, test.path));
      return names === undefined || names.some((name) => this.wanted.test(name));
    };
    return super.sort(tests.filter(holdsWanted));
  }
}

module.exports = CoveringFilesOnly;
