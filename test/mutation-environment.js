/**
 * Jest's test environment for mutation runs (jest.mutation.config.js): once a test has failed against
 * a mutant, the rest of that run's tests are skipped. A mutant is killed by its first failing test, so
 * the others cannot change its verdict; Stryker asks its runners to stop there, and Jest has no way to
 * (`bail` counts failed files, not tests, and Stryker turns it off). A run that fails no test runs
 * every test, so a surviving mutant is judged by all the tests that cover it.
 *
 * Only while Stryker has a mutant active (`__STRYKER_ACTIVE_MUTANT__`): its first run, which measures
 * coverage, and every ordinary Jest run, run all their tests. Each Jest run starts afresh: the
 * sequencer (test/mutation-sequencer.js), made once per run, calls `newRun`. Jest loads this module
 * once per process, so its state spans the files of a run.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
const state = { run: 0, failedRun: -1 };

/** Marks the start of a Jest run (a mutant's tests): nothing has failed in it yet. */
function newRun() {
  state.run += 1;
}

class SkipAfterFirstFailure extends TestEnvironment {
  async handleTestEvent(event) {
    if (!process.env[ACTIVE_MUTANT]) return;
    if (event.name === 'test_done' && event.test.errors.length > 0) state.failedRun = state.run;
    else if (event.name === 'test_start' && state.failedRun === state.run) event.test.mode = 'skip';
  }
}

module.exports = SkipAfterFirstFailure;
module.exports.newRun = newRun;
