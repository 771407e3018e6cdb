import { parseFrontMatter } from '../../../lambda/core/read/frontmatter';

const parse = (text: string) => parseFrontMatter({ path: 'event/x/index.md', text });

describe('parseFrontMatter', () => {
  it('reads YAML front matter and the body after it', () => {
    const r = parse('---\ntitle: Hello\ntags:\n- a\n---\nBody text\n');
    expect(r).toEqual({
      ok: true,
      page: { path: 'event/x/index.md', format: 'yaml', data: { title: 'Hello', tags: ['a'] }, body: 'Body text\n' },
      warnings: [],
    });
  });

  it('closes the front matter at a fence line with spaces or a tab after it, YAML or TOML', () => {
    const yaml = parse('---\ntitle: Hello\n--- \nBody\n');
    expect(yaml.ok && [yaml.page.data, yaml.page.body]).toEqual([{ title: 'Hello' }, 'Body\n']);
    const toml = parse('+++\ntitle = "Hello"\n+++\t\nBody\n');
    expect(toml.ok && [toml.page.data, toml.page.body]).toEqual([{ title: 'Hello' }, 'Body\n']);
    const end = parse('---\ntitle: Hello\n---');
    expect(end.ok && [end.page.data, end.page.body]).toEqual([{ title: 'Hello' }, '']);
  });

  it('keeps the last value of a key written twice, as Hugo does, and says which line to delete', () => {
    const r = parse('---\ntitle: T\nlinks:\nsummary: s\nlinks:\n- name: Slides\n  url: https://x.test/s\n---\n');
    expect(r.ok && r.page.data).toEqual({
      title: 'T',
      summary: 's',
      links: [{ name: 'Slides', url: 'https://x.test/s' }],
    });
    expect(r.ok && r.warnings).toEqual([
      {
        file: 'event/x/index.md',
        severity: 'warning',
        field: 'links',
        message: expect.stringMatching(
          /`links` is written twice \(the second at line 5\).*last value.*delete the other/,
        ),
      },
    ]);
  });

  it('does not call the same key in two list items or two nested mappings a duplicate', () => {
    const r = parse(
      '---\nlinks:\n- name: A\n  url: a\n- name: B\n  url: b\nlocation:\n  name: X\norganizer:\n  name: Y\n---\n',
    );
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('keeps numbers written with a leading zero as written (postcodes), other numbers as numbers', () => {
    const r = parse('---\npostcode: 01000\nzip: 0123.5\nweight: 10\nratio: 0.5\nzero: 0\n---\n');
    expect(r.ok && r.page.data).toEqual({ postcode: '01000', zip: '0123.5', weight: 10, ratio: 0.5, zero: 0 });
  });

  it('keeps unquoted YAML timestamps as the strings they were written as (no UTC Date objects)', () => {
    const r = parse(
      "---\ndate: 2022-09-09T19:00:01.050Z\nnaive: 2019-08-29T12:00:00\nquoted: '2019-08-29T12:00:00'\nday: 2019-07-16\n---\n",
    );
    expect(r.ok && r.page.data).toEqual({
      date: '2022-09-09T19:00:01.050Z',
      naive: '2019-08-29T12:00:00',
      quoted: '2019-08-29T12:00:00',
      day: '2019-07-16',
    });
  });

  it('reads TOML front matter, dates as written, inline comments dropped', () => {
    const r = parse(
      '+++\ntitle = "Talk"\ndate = 2021-08-17T16:25:00  # Schedule page publish date.\nday = 2019-07-16\n+++\n\nBody',
    );
    expect(r.ok && r.page).toMatchObject({
      format: 'toml',
      data: { title: 'Talk', date: '2021-08-17T16:25:00.000', day: '2019-07-16' },
      body: '\nBody',
    });
  });

  it('reads TOML front matter with CRLF line endings, delimiters included', () => {
    const r = parse('+++\r\ntitle = "Windows"\r\ndate = 2020-05-06T08:30:00\r\n+++\r\nBody\r\n');
    expect(r.ok && r.page.data).toEqual({ title: 'Windows', date: '2020-05-06T08:30:00.000' });
  });

  it('reads a whole-file JSON object as front matter', () => {
    const r = parse('{\n  "title": "Paris P2P #1",\n  "start_date": "2019-09-04",\n  "nested": {"a": "}"}\n}\n');
    expect(r.ok && r.page).toMatchObject({
      format: 'json',
      data: { title: 'Paris P2P #1', start_date: '2019-09-04', nested: { a: '}' } },
      body: '',
    });
  });

  it('ignores a byte-order mark and a missing final newline', () => {
    const r = parse('\uFEFF---\ntitle: BOM\n---\nlast line without newline');
    expect(r.ok && r.page).toMatchObject({ data: { title: 'BOM' }, body: 'last line without newline' });
  });

  it('accepts a closing fence at the very end of the file', () => {
    expect(parse('---\ntitle: Only front matter\n---').ok).toBe(true);
  });

  it('reads multi-line YAML scalar styles real pages use (plain wrapped, >-2, quoted with blank lines)', () => {
    const r = parse(
      '---\ntitle: A long title\n wrapped here\nabstract: >-2\n    folded\n    text\nq: "first\n\n  second"\n---\n',
    );
    expect(r.ok && r.page.data).toEqual({
      title: 'A long title wrapped here',
      abstract: '  folded\n  text',
      q: 'first\nsecond',
    });
  });

  it('reports a page without an opening fence, with what to do', () => {
    const r = parse('title: Lost fence\ndate: 2020-01-01\n---\nBody');
    expect(r).toEqual({
      ok: false,
      problem: expect.objectContaining({
        severity: 'error',
        field: null,
        message: expect.stringMatching(/no front matter.*`---`/),
      }),
    });
  });

  it('reports unclosed front matter', () => {
    const r = parse('---\ntitle: Never closed\n');
    expect(!r.ok && r.problem.message).toMatch(/never closed/);
  });

  it('reports YAML syntax errors with the line', () => {
    const r = parse('---\ntitle: [unbalanced\n---\n');
    expect(!r.ok && r.problem.message).toMatch(/YAML front matter does not parse at line 3: unexpected end/);
  });

  it('reports JSON that is not an object or does not parse', () => {
    expect(parse('{ "title": ').ok).toBe(false);
    expect(!parse('{ "title": x }').ok).toBe(true);
  });
});
