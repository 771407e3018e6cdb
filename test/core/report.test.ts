import type { Problem } from '../../lambda/core/model';
import { rejectedFiles, reportText, tally } from '../../lambda/core/report';

const problem = (file: string, severity: Problem['severity'], extra: Partial<Problem> = {}): Problem => ({
  file,
  severity,
  field: null,
  message: `${severity} in ${file}`,
  ...extra,
});

describe('report', () => {
  const problems = [
    problem('a.md', 'error'),
    problem('a.md', 'error', { field: 'date' }),
    problem('b.md', 'warning'),
    problem('c.md', 'warning'),
    problem('c.md', 'error'),
  ];

  it('rejects each file with an error once, and only those', () => {
    expect([...rejectedFiles(problems)].sort()).toEqual(['a.md', 'c.md']);
    expect(rejectedFiles([problem('b.md', 'warning')]).size).toBe(0);
  });

  it('tallies rejected files and warnings', () => {
    expect(tally(problems)).toEqual({ rejected: 2, warnings: 2 });
    expect(tally([])).toEqual({ rejected: 0, warnings: 0 });
  });

  it('writes the report as indented JSON with a final newline, strict only where set', () => {
    const text = reportText({
      published: ['event/a', 'event/b'],
      languages: [{ folder: '', language: 'en', published: 2 }],
      skipped: [{ file: 'event/d/index.md', reason: 'draft' }],
      problems: [problem('calpub.yaml', 'warning', { strict: true }), problem('b.md', 'warning', { field: 'tags' })],
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "published": 2,\n');
    expect(JSON.parse(text)).toEqual({
      published: 2,
      languages: [{ folder: '', language: 'en', published: 2 }],
      skipped: [{ file: 'event/d/index.md', reason: 'draft' }],
      problems: [
        { file: 'calpub.yaml', severity: 'warning', field: null, message: 'warning in calpub.yaml', strict: true },
        { file: 'b.md', severity: 'warning', field: 'tags', message: 'warning in b.md' },
      ],
    });
  });
});
