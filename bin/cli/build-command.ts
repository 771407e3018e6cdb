/**
 * `calpub build` and `calpub check`: read a content folder, run the core, write the site (build only),
 * report problems, and print a one-line summary.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildSite, type BuildResult } from '../../lambda/core/build';
import type { Problem } from '../../lambda/core/model';
import { parseState, serializeState } from '../../lambda/core/state';
import { readContentDir, readPrivate, writePrivate, writeSite, type WriteSummary } from '../../lambda/adapters/fs-store';

/** Options shared by build and check. */
export interface BuildOptions {
  readonly content: string;
  readonly out: string;
  readonly now: number;
  readonly report: string | null;
  readonly strict: boolean;
  readonly siteUrl?: string;
  /** Where progress and summaries go (stderr for progress, stdout for the summary). */
  readonly log: (line: string) => void;
  readonly progress: (line: string) => void;
}

/** What one build did, for the caller (serve prints it, tests inspect it). */
export interface BuildOutcome {
  readonly result: BuildResult;
  readonly write: WriteSummary;
  readonly seconds: number;
  readonly exitCode: number;
}

const STATE_FILE = 'state.json';

/** Builds `content` into `out`. Throws only for unreadable folders (infrastructure, not content). */
export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const started = process.hrtime.bigint();
  const snapshot = await readContentDir(options.content);
  const state = parseState(await readPrivate(options.out, STATE_FILE));
  const big = snapshot.files.length >= 1000;
  const result = buildSite({
    files: snapshot.files,
    configText: snapshot.configText,
    state,
    now: options.now,
    siteUrl: options.siteUrl,
    onProgress: big ? (done, total) => options.progress(`calpub: read ${done}/${total} pages`) : undefined,
  });
  if (big) options.progress(`calpub: writing ${result.outputs.length} files`);
  const write = await writeSite(options.out, result.outputs);
  await writePrivate(options.out, STATE_FILE, serializeState(result.state));
  if (options.report) await writeReport(options.report, result);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  options.log(summaryLine(result, seconds, write));
  return { result, write, seconds, exitCode: options.strict && rejectedFiles(result.problems).size > 0 ? 1 : 0 };
}

/** Validates `content` without writing anything; exit code 1 when any page has an error. */
export async function runCheck(content: string, now: number, log: (line: string) => void): Promise<number> {
  const snapshot = await readContentDir(content);
  const result = buildSite({ files: snapshot.files, configText: snapshot.configText, state: null, now });
  for (const line of formatProblems(result.problems)) log(line);
  const rejected = rejectedFiles(result.problems).size;
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  log(`calpub check: ${result.pages} pages, ${result.published.length} publishable now, ${rejected} rejected, ${warnings} warnings`);
  return rejected > 0 ? 1 : 0;
}

/** Files with at least one error: they are not published. */
export function rejectedFiles(problems: readonly Problem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
}

/** `published N, rejected N, warnings N, skipped N, in S s` — the last line a user reads. */
export function summaryLine(result: BuildResult, seconds: number, write?: WriteSummary): string {
  const rejected = rejectedFiles(result.problems).size;
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  const files = write ? `; ${write.written.length} files written, ${write.deleted.length} deleted, ${write.unchanged} unchanged` : '';
  const skipped = result.skipped.length ? `, ${result.skipped.length} left out (draft/scheduled/expired)` : '';
  return `calpub: published ${result.published.length}, rejected ${rejected}, warnings ${warnings}${skipped} in ${seconds.toFixed(2)} s${files}`;
}

/** Problems grouped by file, errors first, for people. */
export function formatProblems(problems: readonly Problem[]): string[] {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(file);
    const list = (byFile.get(file) ?? []).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    for (const p of list) lines.push(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.field ? `[${p.field}] ` : ''}${p.message}`);
  }
  return lines;
}

async function writeReport(file: string, result: BuildResult): Promise<void> {
  const report = {
    published: result.published.length,
    problems: result.problems.map((p) => ({ file: p.file, severity: p.severity, field: p.field, message: p.message })),
  };
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
