/**
 * Jest's test environment for mutation runs (jest.mutation.config.js): once a test has failed against
 * a mutant, the rest of that run's tests are skipped. A mutant is killed by its first failing test, so
 * the others cannot change its verdict; Stryker asks its runners to stop there, and Jest has no way to
 * (`bail` counts failed files, not tests, and Stryker turns it off). A run that fails no test runs
 * every test, so a surviving mutant is judged by all the tests that cover it.
 *
 * Only while Stryker has a mutant active (`__STRYKER_ACTIVE_MUTANT__`, a new id for each mutant): its
 * first run, which measures coverage, and every ordinary Jest run, run all their tests. Jest loads this
 * module once per process, so what it remembers (the mutant a test failed against) spans the files of
 * a run, and a failure against one mutant skips nothing of the next.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
/** The mutant a test last failed against, in this process. */
let failedMutant = null;

class SkipAfterFirstFailure extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE_MUTANT];
    if (!mutant) return;
    if (event.name === 'test_done' && event.test.errors.length > 0) failedMutant = mutant;
    else if (event.name === 'test_start' && failedMutant === mutant) event.test.mode = 'skip';
  }
}

module.exports = SkipAfterFirstFailure;
