// The score of a module's mutants, decided once for `npm run test:mutation` and test/mutation-scores.mjs:
// killed (timed out included) over killed, survived and not covered.

/** @param {Array<{ status: string }>} mutants */
export function scoreOf(mutants) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const notCovered = count('NoCoverage');
  const valid = killed + survived + notCovered;
  return { killed, survived, notCovered, valid, percent: valid ? ((100 * killed) / valid).toFixed(1) : '–' };
}

/** The mutants a test did not kill. */
export const survivorsOf = (mutants) => mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
