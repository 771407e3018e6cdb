/**
 * Splits a Hugo page into front matter and body, and parses the front matter.
 *
 * Hugo accepts YAML (`---`), TOML (`+++`) and JSON (a leading `{` object). We split ourselves rather than
 * use gray-matter, which mangles CRLF TOML and returns nothing for JSON front matter (FIELDS.md §3).
 * YAML is read with the core schema, so unquoted timestamps stay strings and mean the same as quoted ones.
 */
import yaml from 'js-yaml';
import { parse as parseToml, TomlDate } from 'smol-toml';
import { isRecord } from './fields';
import type { FrontMatter, ParsedPage, Problem, SourceFile } from '../model';

/** The result of reading one page: the parsed page, or the problem that stopped it. */
export type FrontMatterResult = { ok: true; page: ParsedPage } | { ok: false; problem: Problem };

const FENCES = { '---': 'yaml', '+++': 'toml' } as const;

/** Parses a page's front matter; never throws on bad content. */
export function parseFrontMatter(file: SourceFile): FrontMatterResult {
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fail = (message: string): FrontMatterResult => ({
    ok: false,
    problem: { file: file.path, severity: 'error', field: null, message },
  });
  const fence = text.slice(0, 3);
  if ((fence === '---' || fence === '+++') && /^(---|\+\+\+)[ \t]*\n/.test(text)) {
    return parseFenced(file.path, text, fence, fail);
  }
  if (text.trimStart().startsWith('{')) return parseJson(file.path, text, fail);
  return fail(
    'no front matter: the file must start with `---` (YAML), `+++` (TOML) or `{` (JSON). ' +
      'If the opening `---` line is missing, add it.',
  );
}

function parseFenced(
  path: string,
  text: string,
  fence: '---' | '+++',
  fail: (m: string) => FrontMatterResult,
): FrontMatterResult {
  const format = FENCES[fence];
  const closing = new RegExp(`\\n${fence.replace(/\+/g, '\\+')}[ \\t]*(?:\\n|$)`);
  const start = text.indexOf('\n') + 1;
  const rest = text.slice(start - 1);
  const match = closing.exec(rest);
  if (!match) return fail(`front matter opened with \`${fence}\` is never closed: add a \`${fence}\` line after it`);
  const source = rest.slice(1, match.index + 1);
  const body = rest.slice(match.index + match[0].length);
  try {
    const data = format === 'yaml' ? loadYaml(source) : loadToml(source);
    return { ok: true, page: { path, format, data, body } };
  } catch (err) {
    return fail(`${format.toUpperCase()} front matter does not parse${lineOf(err)}: ${describeError(err)}`);
  }
}

function parseJson(path: string, text: string, fail: (m: string) => FrontMatterResult): FrontMatterResult {
  const end = findJsonObjectEnd(text);
  if (end < 0) return fail('JSON front matter does not parse: the `{` object is never closed');
  try {
    const data = JSON.parse(text.slice(0, end)) as unknown;
    if (!isRecord(data)) return fail('JSON front matter must be an object');
    return { ok: true, page: { path, format: 'json', data, body: text.slice(end).replace(/^\s*\n/, '') } };
  } catch (err) {
    return fail(`JSON front matter does not parse: ${describeError(err)}`);
  }
}

/** Index just past the `}` that closes the object starting at the first `{`, or -1. */
function findJsonObjectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('{'); i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function loadYaml(source: string): FrontMatter {
  const data = yaml.load(source, { schema: yaml.CORE_SCHEMA });
  if (data === undefined || data === null) return {};
  if (!isRecord(data)) throw new Error('it is not a list of `key: value` lines');
  return data;
}

function loadToml(source: string): FrontMatter {
  return toPlain(parseToml(source)) as FrontMatter;
}

/** TOML dates become the strings they were written as, so every format yields the same value types. */
function toPlain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

function describeError(err: unknown): string {
  const yamlReason = (err as { reason?: unknown }).reason;
  if (typeof yamlReason === 'string') return yamlReason;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}

/** " at line N" (line of the whole file, the opening fence being line 1), when the parser says where. */
function lineOf(err: unknown): string {
  const mark = (err as { mark?: { line?: unknown } }).mark;
  if (mark && typeof mark.line === 'number') return ` at line ${mark.line + 2}`;
  const tomlLine = (err as { line?: unknown }).line;
  return typeof tomlLine === 'number' ? ` at line ${tomlLine + 1}` : '';
}
