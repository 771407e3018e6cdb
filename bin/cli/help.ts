/** What `calpub --help` and `calpub help <command>` print: what each command does, its options, an example. */

/** The commands, in the order the overview lists them. */
const COMMANDS = ['build', 'check', 'serve', 'init', 'emulate'] as const;
export type Command = (typeof COMMANDS)[number];

const SOURCE = `  --content <dir>     a folder of event pages (event/, talk/...) with its calpub.yaml (default: content)
  --site <dir>        a Hugo site's root instead (its hugo.toml or config/, its content folders;
                      calpub.yaml at that root overrides); Hugo makes the pages, calpub the rest
  -b, --baseURL <url> with --site: the address Hugo builds the site with, as \`hugo -b <url>\`
                      (default: HUGO_BASEURL, else Hugo's baseURL)`;

const HELP: Record<Command, { summary: string; usage: string; options: string; example: string }> = {
  build: {
    summary: 'Build the calendars, feeds, schedule (and pages) into a folder, and report every problem.',
    usage: 'calpub build [--content <dir> | --site <dir>] [--out <dir>] [options]',
    options: `${SOURCE}
  --out <dir>         where the site goes (default: public); never the content folder or inside it
  --now <ISO-8601>    the build clock (default: now), e.g. 2026-01-01T00:00:00Z
  --report <file>     write every problem as JSON
  --strict            exit 1 when a file is rejected or calpub had to guess what CI must not (no time
                      zone found, no absolute base URL); write nothing when calpub.yaml has errors
  --force             overwrite files at calpub's paths that calpub did not write (another tool's)`,
    example: `calpub build                                   # content/ into public/
  hugo && calpub build --site . --out public     # after Hugo: adds calendar.ics, feeds, schedule.json`,
  },
  check: {
    summary: 'Check the pages and the configuration without writing anything; exit 1 on errors.',
    usage: 'calpub check [--content <dir> | --site <dir>] [--now <ISO-8601>]',
    options: `${SOURCE}
  --now <ISO-8601>    the clock that decides what is published now`,
    example: 'calpub check --site .',
  },
  serve: {
    summary: 'Build, serve the site on 127.0.0.1, and rebuild on every save (what `npm start` runs).',
    usage: 'calpub serve [--content <dir> | --site <dir>] [--out <dir>] [--port <n>]',
    options: `${SOURCE}
  --out <dir>         where the site goes (default: public)
  --port <n>          the port (default: 8080, or PORT)`,
    example: 'calpub serve --port 8081',
  },
  init: {
    summary: 'Write a starter calpub.yaml, with comments, from what it finds (Hugo config, time zone, page times).',
    usage: 'calpub init [--content <dir> | --site <dir>]',
    options: `${SOURCE}
  --force             replace an existing calpub.yaml`,
    example: 'calpub init --site .',
  },
  emulate: {
    summary: 'Run the synthesized AWS stack on this machine: S3 API, queue, the Lambda asset, CloudFront.',
    usage: 'calpub emulate [--content <dir>] [--port <n>] [--cdk-out <dir>] [--time-scale <x>]',
    options: `  --content <dir>     the pages to upload to the content bucket (default: content)
  --port <n>          the port of the local CloudFront (default: 8080, or PORT)
  --cdk-out <dir>     a synthesized cloud assembly (default: synthesize with the CDK CLI)
  --time-scale <x>    scale the stack's queue and schedule durations (default: 0.01)`,
    example: 'calpub emulate',
  },
};

/** `calpub --help`: every command in a line, then how to get more. */
export function overview(): string {
  const lines = COMMANDS.map((c) => `  ${c.padEnd(9)}${HELP[c].summary}`);
  return `calpub: publish Hugo event pages as subscribable calendars and feeds.

usage: calpub <command> [options]

commands:
${lines.join('\n')}

calpub help <command> (or calpub <command> --help) shows a command's options and an example.
calpub --version prints the version.
`;
}

/** `calpub help <command>`. */
export function commandHelp(command: Command): string {
  const h = HELP[command];
  return `${h.summary}

usage: ${h.usage}

options:
${h.options}

example:
  ${h.example}
`;
}

/** True for a known command. */
export function isCommand(name: string | undefined): name is Command {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}
