/**
 * Memos of rendered feed items and schedule entries, so that an item rendered for one feed is not
 * rendered again for another (tag feeds), and a long-running process re-renders only what changed.
 */

/** Rendered feed items and schedule entries by key (config, event fingerprint, sequence, times). */
export interface Memo {
  /** The value for `key`, rendered when missing. `reusedInBuild`: the same build asks again (tag feeds). */
  get<T>(key: string, render: () => T, reusedInBuild: boolean): T;
  /** Called at the end of a build. */
  sweep(): void;
}

/**
 * Kept for the life of the process: a warm Lambda container or a long-running `calpub serve`
 * re-renders only the events that changed. Entries not used by the last build are dropped, so the
 * memo never outgrows one site.
 */
export const processMemo: Memo = (() => {
  let entries = new Map<string, unknown>();
  let used = new Map<string, unknown>();
  return {
    get<T>(key: string, render: () => T): T {
      let value = used.get(key) ?? entries.get(key);
      if (value === undefined) value = render();
      used.set(key, value);
      return value as T;
    },
    sweep(): void {
      entries = used;
      used = new Map();
    },
  };
})();

/** For one build: keeps only what the build itself asks for again, and nothing after it. */
export function buildMemo(): Memo {
  const entries = new Map<string, unknown>();
  return {
    get<T>(key: string, render: () => T, reusedInBuild: boolean): T {
      if (!reusedInBuild) return render();
      let value = entries.get(key);
      if (value === undefined) entries.set(key, (value = render()));
      return value as T;
    },
    sweep: () => entries.clear(),
  };
}
