/**
 * The one entrance of both adapters: the CLI (files) and the Lambda (objects) hand it what they read
 * (the configuration's text, the memory, the outcome store) and how to list and read their pages; it
 * decides which configuration applies and whether the build stops (`prepareBuild`), reads the pages
 * that configuration makes event pages through the outcome store (`pageOutcomes`), and runs the core.
 * Each adapter keeps only its I/O: reading what it hands over, writing what comes back.
 */
import { buildSite, prepareBuild, type BuildResult } from '../core/build';
import type { Memory, SiteConfig } from '../core/model';
import { isEventPage } from '../core/read/identity';
import type { OutcomeStore } from './outcome-store';
import { pageOutcomes, type ListedPage, type ReadPage } from './page-outcomes';

/** What an adapter hands the build. */
export interface StoreBuildInput {
  /** Contents of `calpub.yaml`, or null when absent. */
  readonly configText: string | null;
  /** What the previous build remembered. */
  readonly memory: Memory;
  /** The build clock, epoch ms. */
  readonly now: number;
  /** Overrides `siteUrl` (the Lambda's SITE_URL, the local server's address). */
  readonly siteUrl?: string;
  /** Every file under the content root, by path relative to it. */
  readonly paths: readonly string[];
  /**
   * The pages among `paths` that `config` makes event pages, with their content keys (and their
   * text when the adapter reads it now): called once, when the build does not stop.
   */
  readonly list: (config: SiteConfig) => readonly ListedPage[];
  /** Reads a page the store has no outcome for (a page listed without its text). */
  readonly read: ReadPage;
  readonly store: OutcomeStore;
  /** Reads at once (object stores answer slowly, but in parallel); default 1. */
  readonly concurrency?: number;
  /** Called every 1,000 pages made on large sites. */
  readonly progress?: (done: number, total: number) => void;
}

/** A build's result, and how many page outcomes were made now (the others were reused). */
export interface StoreBuild {
  readonly result: BuildResult;
  readonly made: number;
}

/** Builds the site from what an adapter read. Never throws on bad content. */
export async function buildFromStore(input: StoreBuildInput): Promise<StoreBuild> {
  const prepared = prepareBuild(input, input.paths);
  if (prepared.stopped) return { result: prepared.stopped, made: 0 };
  const sections = prepared.config.sections;
  const listed = input.list(prepared.config).filter((page) => isEventPage(page.path, sections));
  const { pages, made } = await pageOutcomes(listed, prepared.config, input.store, input.read, {
    concurrency: input.concurrency,
    progress: input.progress,
  });
  const result = buildSite({
    pages,
    configText: input.configText,
    memory: input.memory,
    now: input.now,
    siteUrl: input.siteUrl,
  });
  return { result, made };
}
