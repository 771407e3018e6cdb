/**
 * Splits a Hugo page into front matter and body, and parses the front matter.
 *
 * Hugo accepts YAML (`---`), TOML (`+++`) and JSON (a leading `{` object). We split ourselves rather than
 * use gray-matter, which mangles CRLF TOML and returns nothing for JSON front matter.
 * YAML is read with the core schema, so unquoted timestamps stay strings and mean the same as quoted ones;
 * numbers written with a leading zero (`postcode: 01000`) stay as written; a key written twice keeps its
 * last value, as Hugo's reader does, with a warning.
 */
import { wellFormedData } from './decode';
import yaml from 'js-yaml';
import { parse as parseToml, TomlDate } from 'smol-toml';
import { isRecord } from './fields';
import type { FrontMatter, ParsedPage, Problem, SourceFile } from '../model';

/** The result of reading one page: the parsed page (and what to fix in it), or the problem that stopped it. */
export type FrontMatterResult = { ok: true; page: ParsedPage; warnings: Problem[] } | { ok: false; problem: Problem };

const FENCES = { '---': 'yaml', '+++': 'toml' } as const;
/** The line that closes each fence (trailing spaces allowed), made once. */
const CLOSING = { '---': /\n---[ \t]*(?:\n|$)/, '+++': /\n\+\+\+[ \t]*(?:\n|$)/ } as const;

/** Parses a page's front matter; never throws on bad content. */
export function parseFrontMatter(file: SourceFile): FrontMatterResult {
  const result = parseText(file);
  if (!result.ok) return result;
  // Escapes such as `"\udc00"` make half a UTF-16 pair, which no output can encode.
  const page = {
    ...result.page,
    data: wellFormedData(result.page.data),
    ...(file.language ? { language: file.language } : {}),
  };
  return { ...result, page };
}

function parseText(file: SourceFile): FrontMatterResult {
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
  const closing = CLOSING[fence];
  const start = text.indexOf('\n') + 1;
  const rest = text.slice(start - 1);
  const match = closing.exec(rest);
  if (!match) return fail(`front matter opened with \`${fence}\` is never closed: add a \`${fence}\` line after it`);
  const source = rest.slice(1, match.index + 1);
  const body = rest.slice(match.index + match[0].length);
  const warnings: Problem[] = [];
  try {
    const data =
      format === 'yaml'
        ? loadYaml(source, (key, line) => warnings.push(duplicateKey(path, key, line)))
        : loadToml(source);
    return { ok: true, page: { path, format, data, body }, warnings };
  } catch (err) {
    return fail(`${format.toUpperCase()} front matter does not parse${lineOf(err)}: ${describeError(err)}`);
  }
}

function duplicateKey(file: string, key: string, line: number): Problem {
  return {
    file,
    severity: 'warning',
    field: key,
    message: `\`${key}\` is written twice (the second at line ${line}): its last value is used, as Hugo does; delete the other one`,
  };
}

function parseJson(path: string, text: string, fail: (m: string) => FrontMatterResult): FrontMatterResult {
  const end = findJsonObjectEnd(text);
  if (end < 0) return fail('JSON front matter does not parse: the `{` object is never closed');
  try {
    const data = JSON.parse(text.slice(0, end)) as unknown;
    if (!isRecord(data)) return fail('JSON front matter must be an object');
    return {
      ok: true,
      page: { path, format: 'json', data, body: text.slice(end).replace(/^\s*\n/, '') },
      warnings: [],
    };
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

/** js-yaml's own scalar types (exported at run time, not in its type declarations). */
type ScalarType = yaml.Type & {
  tag: string;
  resolve: (data: string) => boolean;
  construct: (data: string) => unknown;
  predicate?: (data: object) => boolean;
  represent?: yaml.TypeConstructorOptions['represent'];
  defaultStyle?: string;
};
const TYPES = (yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', ScalarType> }).types;

/** A number written with a leading zero (`01000`) is text as written: a postcode, an identifier. */
function keepsLeadingZero(type: ScalarType): yaml.Type {
  return new yaml.Type(type.tag, {
    kind: 'scalar',
    resolve: (data: string) => !/^[-+]?0\d/.test(data) && type.resolve(data),
    construct: type.construct,
    predicate: type.predicate,
    represent: type.represent,
    defaultStyle: type.defaultStyle,
  });
}

/** The core schema (timestamps stay strings), numbers with a leading zero kept as written. */
const SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [TYPES.null, TYPES.bool, keepsLeadingZero(TYPES.int), keepsLeadingZero(TYPES.float)],
});

/**
 * Parses YAML; a key written twice in one mapping keeps its last value (Hugo's reader does so), and
 * `duplicate` hears of each one, with the line (in the whole file) of the second.
 */
function loadYaml(source: string, duplicate: (key: string, line: number) => void): FrontMatter {
  let data: unknown;
  try {
    data = yaml.load(source, { schema: SCHEMA });
  } catch (err) {
    const mark = (err as { reason?: string; mark?: { line: number } }).mark;
    if ((err as { reason?: string }).reason !== 'duplicated mapping key' || !mark) throw err;
    data = yaml.load(source, { schema: SCHEMA, json: true }); // last value wins
    for (const { key, line } of duplicatedKeys(source)) duplicate(key, line);
  }
  if (data === undefined || data === null) return {};
  if (!isRecord(data)) throw new Error('it is not a list of `key: value` lines');
  return data;
}

/** Keys written twice at the same indentation in one mapping, with the line of the second (1 = the opening fence). */
function duplicatedKeys(source: string): Array<{ key: string; line: number }> {
  const seen = new Map<string, number>();
  const out: Array<{ key: string; line: number }> = [];
  source.split('\n').forEach((text, i) => {
    const item = /^( *)- +/.exec(text); // a list item starts a new mapping
    const m = /^( *)([^\s#:-][^:]*?):(\s|$)/.exec(
      item ? ' '.repeat(item[0].length) + text.slice(item[0].length) : text,
    );
    const indent = item ? item[1].length : m?.[1].length;
    if (indent === undefined) return;
    for (const [k, at] of seen) if (at > indent || (item && at >= item[0].length)) seen.delete(k); // left a nested mapping
    if (!m) return;
    const id = `${m[1].length}|${m[2]}`;
    if (seen.has(id)) out.push({ key: m[2], line: i + 2 });
    seen.set(id, m[1].length);
  });
  return out;
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
