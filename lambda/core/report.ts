/**
 * What a build says about itself, in one shape for every adapter: the tallies of its problems (the
 * CLI's last line, the Lambda's log line) and the report (`--report <file>`, `_calpub/report.json`).
 */
import type { BuildResult } from './build';
import type { Problem } from './model';

/** The files with at least one error: they are not published. */
export function rejectedFiles(problems: readonly Problem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
}

/** How many files are rejected and how many warnings there are. */
export function tally(problems: readonly Problem[]): { readonly rejected: number; readonly warnings: number } {
  return { rejected: rejectedFiles(problems).size, warnings: problems.filter((p) => p.severity === 'warning').length };
}

/** What a report is made of: a build's result, its problems with the adapter's own added. */
export type Reported = Pick<BuildResult, 'published' | 'problems' | 'skipped' | 'languages'>;

/** The report of a build, as JSON: what was published (per language site) and every problem. */
export function reportText(result: Reported): string {
  const report = {
    published: result.published.length,
    // One entry per language site (folder '' at the root), as the outputs are laid out.
    languages: result.languages,
    skipped: result.skipped,
    problems: result.problems.map((p) => ({
      file: p.file,
      severity: p.severity,
      field: p.field,
      message: p.message,
      ...(p.strict ? { strict: true } : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
