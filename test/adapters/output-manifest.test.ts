import { planOutput } from '../../lambda/adapters/output-manifest';

const output = (body: string, key?: string) => ({ path: 'a.ics', contentType: 'text/calendar', key, get body() { rendered++; return body; } });
let rendered = 0;

describe('planOutput', () => {
  beforeEach(() => (rendered = 0));

  it('skips an output whose inputs did not change and whose destination holds what was written, unrendered', () => {
    const first = planOutput(output('A', 'k1'), undefined, 'v1:', undefined);
    expect(first.bytes?.toString()).toBe('A');
    rendered = 0;
    expect(planOutput(output('A', 'k1'), first.entry, 'v1:', first.entry.h)).toEqual({ entry: first.entry, bytes: null });
    expect(rendered).toBe(0);
  });

  it('renders but does not write when only the key changed and the bytes are the same', () => {
    const first = planOutput(output('A', 'k1'), undefined, '', undefined);
    const again = planOutput(output('A', 'k2'), first.entry, '', first.entry.h);
    expect(rendered).toBe(2);
    expect(again).toEqual({ entry: { h: first.entry.h, k: 'k2' }, bytes: null });
  });

  it('writes again when the destination is missing or differs from the manifest, or the code changed', () => {
    const first = planOutput(output('A', 'k1'), undefined, 'v1:', undefined);
    expect(planOutput(output('A', 'k1'), first.entry, 'v1:', undefined).bytes?.toString()).toBe('A');
    expect(planOutput(output('A', 'k1'), first.entry, 'v1:', 'someone-else').bytes?.toString()).toBe('A');
    expect(planOutput(output('A', 'k1'), first.entry, 'v2:', 'someone-else').bytes?.toString()).toBe('A');
  });

  it('uses the MD5 of the bytes, which is what S3 reports as the ETag', () => {
    expect(planOutput(output('hello'), undefined, '', undefined).entry).toEqual({ h: '5d41402abc4b2a76b9719d911017c592' });
  });
});

describe('planOutput hashes', () => {
  it('are MD5 (S3 ETags) by default, SHA-256 when asked (the file system)', () => {
    const body = 'Café – «fête» 🎉';
    expect(planOutput({ path: 'a.ics', contentType: 'text/calendar', body }, undefined, '', undefined).entry.h).toBe(require('node:crypto').createHash('md5').update(body).digest('hex'));
    expect(planOutput({ path: 'a.ics', contentType: 'text/calendar', body }, undefined, '', undefined, 'sha256').entry.h).toBe(require('node:crypto').createHash('sha256').update(body).digest('hex'));
  });
});
