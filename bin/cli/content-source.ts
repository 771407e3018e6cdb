/**
 * Where a build's pages and configuration come from: a folder of pages (`--content`, with its own
 * `calpub.yaml`), or a Hugo site (`--site`: Hugo's configuration, its content folders, one per
 * language, and `calpub.yaml` at the site's root overriding). Both give the core the same thing: a
 * configuration text and pages with paths relative to the content root.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import yaml from 'js-yaml';
import type { Problem, SourceFile } from '../../lambda/core/model';
import { decodePage } from '../../lambda/core/read/decode';
import { CONFIG_FILE, parseConfig } from '../../lambda/core/read/config';
import { isRecord } from '../../lambda/core/read/fields';
import {
  HUGO_CONFIG_DIR,
  HUGO_ROOT_FILES,
  PLACEHOLDER_BASE,
  readHugoConfig,
  withBaseUrl,
  type HugoConfigFile,
} from '../../lambda/core/read/hugo-config';
import { listPages, readConfigText } from '../../lambda/adapters/fs';

/** A folder of pages and the path their pages have for the core. */
export interface PageRoot {
  /** Absolute folder. */
  readonly dir: string;
  /** Put before each page's path (`fr/` for a language's own content folder). */
  readonly prefix: string;
  readonly language?: string;
  /** Folders inside `dir` that are other roots (a language's `content/fr` inside `content`). */
  readonly skip: readonly string[];
}

/** Pages and configuration for a build. */
export interface ContentSource {
  /** `--content <dir>` or `--site <dir>`, as the user wrote it, for messages. */
  readonly label: string;
  readonly configText: string | null;
  readonly roots: readonly PageRoot[];
  /** Problems of the Hugo configuration (the build reports them with its own). */
  readonly problems: readonly Problem[];
  /** Everything a change to which calls for a rebuild (for `serve`). */
  readonly watched: readonly string[];
  /** The Hugo site's root (`--site`), or null. */
  readonly siteRoot: string | null;
}

/** A setup mistake (a folder that is not what the option says): printed, exit code 1. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** `--content <dir>`: a folder of pages with its `calpub.yaml`. */
export function contentFolder(dir: string): ContentSource {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new SourceError(
      `--content ${dir}: no such folder; check that the --content folder exists (the folder holding event/, talk/...)`,
    );
  const abs = path.resolve(dir);
  return {
    label: `--content ${dir}`,
    configText: readConfigText(abs),
    roots: [{ dir: abs, prefix: '', skip: [] }],
    problems: [],
    watched: [abs],
    siteRoot: null,
  };
}

/**
 * `--site <dir>`: a Hugo site's root.
 * @param baseUrl - the base URL Hugo builds with when it is not the configuration's (`hugo -b <url>`:
 *   `--baseURL`, else the `HUGO_BASEURL` environment variable), or undefined
 */
export function hugoSite(dir: string, baseUrl?: string): ContentSource {
  const root = path.resolve(dir);
  const files = hugoConfigFiles(root);
  if (!files.length) {
    throw new SourceError(
      `--site ${dir}: no Hugo configuration there (${HUGO_ROOT_FILES.slice(0, 2).join(', ')}, config.toml or ${HUGO_CONFIG_DIR}/): give the root of a Hugo site, or use --content for a folder of pages`,
    );
  }
  const hugo = readHugoConfig(files);
  const given = baseUrl?.trim() ? baseUrl.trim() : null;
  const settings = given ? withBaseUrl(hugo.settings, given) : hugo.settings;
  const overrides = readConfigText(root);
  const configText = composeConfig(settings, hugo.paramsCalpub, overrides);
  const parsed = parseConfig(configText).config;
  const problems = [...hugo.problems, ...baseUrlProblems(hugo, given, parsed.explicit, parsed.siteUrl)];
  const language = parsed.language.toLowerCase();
  const shared = hugo.contentDirs.find((d) => d.language === null);
  const own = hugo.contentDirs
    .filter((d) => d.language !== null)
    .map((d) => ({ dir: path.resolve(root, d.dir), language: d.language as string }));
  const roots: PageRoot[] = [
    ...(shared
      ? [
          {
            dir: path.resolve(root, shared.dir),
            prefix: '',
            skip: own
              .map((o) => path.relative(path.resolve(root, shared.dir), o.dir).split(path.sep).join('/'))
              .filter((rel) => rel && !rel.startsWith('..')),
          },
        ]
      : []),
    ...own.map((o) =>
      o.language === language
        ? { dir: o.dir, prefix: '', skip: [] }
        : { dir: o.dir, prefix: `${o.language}/`, language: o.language, skip: [] },
    ),
  ];
  const watched = [
    ...roots.map((r) => r.dir),
    ...files.map((f) => path.join(root, f.path)),
    path.join(root, CONFIG_FILE),
  ];
  return {
    label: `--site ${dir}`,
    configText,
    roots: roots.filter((r) => existsSync(r.dir)),
    problems,
    watched,
    siteRoot: root,
  };
}

/**
 * The warning for a site whose pages calpub cannot link to: Hugo's `baseURL` is relative (`/`, for
 * sites built with `hugo -b $URL`) or missing, and neither `--baseURL` nor calpub.yaml gives the
 * site's address. Links then go to Hugo's paths on a placeholder host: `--strict` fails on it.
 */
function baseUrlProblems(
  hugo: ReturnType<typeof readHugoConfig>,
  given: string | null,
  explicit: readonly string[],
  siteUrl: string,
): Problem[] {
  if (hugo.relativeBaseUrl === null || (given !== null && /^https?:\/\//i.test(given))) return [];
  if (!siteUrl.startsWith(PLACEHOLDER_BASE) && explicit.includes('permalinkBase')) return []; // calpub.yaml gives the address
  const said = hugo.relativeBaseUrl ? `is ${JSON.stringify(hugo.relativeBaseUrl)}, not an absolute URL` : 'is not set';
  return [
    {
      file: hugo.mainFile,
      severity: 'warning',
      field: 'baseURL',
      strict: true,
      message:
        `Hugo's \`baseURL\` ${said}, so calpub cannot know the site's address: links go to Hugo's paths on ${PLACEHOLDER_BASE}, a placeholder. ` +
        'Give the address Hugo builds with: `calpub build --site . -b https://your.site/` (as `hugo -b`), or `HUGO_BASEURL`, or `siteUrl`, `permalinkBase` and `uidDomain` in calpub.yaml',
    },
  ];
}

function hugoConfigFiles(root: string): HugoConfigFile[] {
  const read = (rel: string): HugoConfigFile => ({ path: rel, text: readFileSync(path.join(root, rel), 'utf8') });
  const top = HUGO_ROOT_FILES.find((name) => existsSync(path.join(root, name)));
  const folder = path.join(root, HUGO_CONFIG_DIR);
  const split = existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => /\.(toml|ya?ml|json)$/.test(n))
        .sort()
        .map((n) => `${HUGO_CONFIG_DIR}/${n}`)
    : [];
  return [...split, ...(top ? [top] : [])].map(read);
}

/**
 * The configuration text of a Hugo site: Hugo's settings, the params' `calpub:` map over them, and
 * `calpub.yaml` over both. A `calpub.yaml` that does not parse is passed on as written, so the build
 * reports it and keeps its last good configuration.
 */
function composeConfig(
  settings: Readonly<Record<string, unknown>>,
  params: Readonly<Record<string, unknown>> | null,
  calpubYaml: string | null,
): string {
  let own: unknown = {};
  if (calpubYaml !== null) {
    try {
      own = yaml.load(calpubYaml.replace(/^\uFEFF/, ''), { schema: yaml.CORE_SCHEMA }) ?? {};
    } catch {
      return calpubYaml;
    }
    if (!isRecord(own)) return calpubYaml;
  }
  return `${JSON.stringify({ ...settings, ...(params ?? {}), ...(own as Record<string, unknown>) }, null, 1)}\n`;
}

/** A page of a source: its path for the core, its file, its language when its folder gives it. */
export interface SourcePage {
  readonly path: string;
  readonly file: string;
  readonly language?: string;
}

/** Every candidate page of a source (Markdown files, not section pages), sorted by path. */
export function sourcePages(source: ContentSource): SourcePage[] {
  const pages: SourcePage[] = [];
  for (const root of source.roots) {
    for (const rel of listPages(root.dir)) {
      if (root.skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
      pages.push({
        path: `${root.prefix}${rel}`,
        file: path.join(root.dir, rel),
        ...(root.language ? { language: root.language } : {}),
      });
    }
  }
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The pages' texts (decoded as `decodePage` does) with their language, for the core. */
export function readSourcePages(pages: readonly SourcePage[]): SourceFile[] {
  return pages.map((p) => ({
    ...decodePage(p.path, readFileSync(p.file)),
    ...(p.language ? { language: p.language } : {}),
  }));
}

/**
 * Problems named by the files a user opens: with `--site`, a page's path from the site's root
 * (`content/fr/event/x/index.md`) rather than its path for the core (`fr/event/x/index.md`).
 * @param pages - the source's pages, as `sourcePages` listed them for the build
 */
export function problemsAsFiles(
  source: ContentSource,
  pages: readonly SourcePage[],
  problems: readonly Problem[],
): Problem[] {
  const root = source.siteRoot;
  if (root === null) return [...problems];
  const files = new Map(pages.map((p) => [p.path, path.relative(root, p.file).split(path.sep).join('/')]));
  return problems.map((p) => (files.has(p.file) ? { ...p, file: files.get(p.file) as string } : p));
}
