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
import { HUGO_CONFIG_DIR, HUGO_ROOT_FILES, readHugoConfig, type HugoConfigFile } from '../../lambda/core/read/hugo-config';
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
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SourceError(`--content ${dir}: no such folder; check that the --content folder exists (the folder holding event/, talk/...)`);
  const abs = path.resolve(dir);
  return { label: `--content ${dir}`, configText: readConfigText(abs), roots: [{ dir: abs, prefix: '', skip: [] }], problems: [], watched: [abs], siteRoot: null };
}

/** `--site <dir>`: a Hugo site's root. */
export function hugoSite(dir: string): ContentSource {
  const root = path.resolve(dir);
  const files = hugoConfigFiles(root);
  if (!files.length) {
    throw new SourceError(`--site ${dir}: no Hugo configuration there (${HUGO_ROOT_FILES.slice(0, 2).join(', ')}, config.toml or ${HUGO_CONFIG_DIR}/): give the root of a Hugo site, or use --content for a folder of pages`);
  }
  const hugo = readHugoConfig(files);
  const overrides = readConfigText(root);
  const configText = composeConfig(hugo.settings, hugo.paramsCalpub, overrides);
  const language = parseConfig(configText).config.language;
  const main = path.resolve(root, hugo.contentDirs[0].dir);
  const others = hugo.contentDirs.slice(1).map((d) => ({ dir: path.resolve(root, d.dir), language: d.language as string }));
  const roots: PageRoot[] = [
    { dir: main, prefix: '', skip: others.map((o) => path.relative(main, o.dir).split(path.sep).join('/')).filter((rel) => rel && !rel.startsWith('..')) },
    ...others.map((o) => (o.language === language.toLowerCase() ? { dir: o.dir, prefix: '', skip: [] } : { dir: o.dir, prefix: `${o.language}/`, language: o.language, skip: [] })),
  ];
  const watched = [...roots.map((r) => r.dir), ...files.map((f) => path.join(root, f.path)), path.join(root, CONFIG_FILE)];
  return { label: `--site ${dir}`, configText, roots: roots.filter((r) => existsSync(r.dir)), problems: hugo.problems, watched, siteRoot: root };
}

function hugoConfigFiles(root: string): HugoConfigFile[] {
  const read = (rel: string): HugoConfigFile => ({ path: rel, text: readFileSync(path.join(root, rel), 'utf8') });
  const top = HUGO_ROOT_FILES.find((name) => existsSync(path.join(root, name)));
  const folder = path.join(root, HUGO_CONFIG_DIR);
  const split = existsSync(folder) ? readdirSync(folder).filter((n) => /\.(toml|ya?ml|json)$/.test(n)).sort().map((n) => `${HUGO_CONFIG_DIR}/${n}`) : [];
  return [...split, ...(top ? [top] : [])].map(read);
}

/**
 * The configuration text of a Hugo site: Hugo's settings, the params' `calpub:` map over them, and
 * `calpub.yaml` over both. A `calpub.yaml` that does not parse is passed on as written, so the build
 * reports it and keeps its last good configuration.
 */
export function composeConfig(settings: Readonly<Record<string, unknown>>, params: Readonly<Record<string, unknown>> | null, calpubYaml: string | null): string {
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
      pages.push({ path: `${root.prefix}${rel}`, file: path.join(root.dir, rel), ...(root.language ? { language: root.language } : {}) });
    }
  }
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The pages' texts (decoded as `decodePage` does) with their language, for the core. */
export function readSourcePages(pages: readonly SourcePage[]): SourceFile[] {
  return pages.map((p) => ({ ...decodePage(p.path, readFileSync(p.file)), ...(p.language ? { language: p.language } : {}) }));
}

/**
 * Problems named by the files a user opens: with `--site`, a page's path from the site's root
 * (`content/fr/event/x/index.md`) rather than its path for the core (`fr/event/x/index.md`).
 * @param pages - the source's pages, as `sourcePages` listed them for the build
 */
export function problemsAsFiles(source: ContentSource, pages: readonly SourcePage[], problems: readonly Problem[]): Problem[] {
  const root = source.siteRoot;
  if (root === null) return [...problems];
  const files = new Map(pages.map((p) => [p.path, path.relative(root, p.file).split(path.sep).join('/')]));
  return problems.map((p) => (files.has(p.file) ? { ...p, file: files.get(p.file) as string } : p));
}
