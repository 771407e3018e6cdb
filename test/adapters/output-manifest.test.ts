import { joinSegments, planOutput } from '../../lambda/adapters/output-manifest';
import { SharedText } from '../../lambda/core/parts';

const text = (plan: { segments: readonly Buffer[] | null }) => (plan.segments ? joinSegments(plan.segments).toString() : null);

const output = (body: string, key?: string) => ({ path: 'a.ics', contentType: 'text/calendar', key, get body() { rendered++; return body; } });
let rendered = 0;

describe('planOutput', () => {
  beforeEach(() => (rendered = 0));

  it('skips an output whose inputs did not change and whose destination holds what was written, unrendered', () => {
    const first = planOutput(output('A', 'k1'), undefined, 'v1:', undefined);
    expect(text(first)).toBe('A');
    rendered = 0;
    expect(planOutput(output('A', 'k1'), first.entry, 'v1:', first.entry.h)).toEqual({ entry: first.entry, segments: null });
    expect(rendered).toBe(0);
  });

  it('renders but does not write when only the key changed and the bytes are the same', () => {
    const first = planOutput(output('A', 'k1'), undefined, '', undefined);
    const again = planOutput(output('A', 'k2'), first.entry, '', first.entry.h);
    expect(rendered).toBe(2);
    expect(again).toEqual({ entry: { h: first.entry.h, k: 'k2' }, segments: null });
  });

  it('writes again when the destination is missing or differs from the manifest, or the code changed', () => {
    const first = planOutput(output('A', 'k1'), undefined, 'v1:', undefined);
    expect(text(planOutput(output('A', 'k1'), first.entry, 'v1:', undefined))).toBe('A');
    expect(text(planOutput(output('A', 'k1'), first.entry, 'v1:', 'someone-else'))).toBe('A');
    expect(text(planOutput(output('A', 'k1'), first.entry, 'v2:', 'someone-else'))).toBe('A');
  });

  it('gives a file made of parts as its parts\' bytes, shared parts not copied, all in memory other threads can see', () => {
    const shared = new SharedText('BEGIN:VEVENT\r\nSUMMARY:Fête\r\nEND:VEVENT\r\n');
    const file = { path: 'a.ics', contentType: 'text/calendar', body: '', parts: ['BEGIN:VCALENDAR\r\n', shared, 'END:VCALENDAR\r\n'] };
    const { segments } = planOutput(file, undefined, '', undefined, 'sha256');
    expect(joinSegments(segments ?? []).toString()).toBe(`BEGIN:VCALENDAR\r\n${shared.text}END:VCALENDAR\r\n`);
    expect(segments?.[1]).toBe(shared.bytes);
    expect(segments?.every((s) => s.buffer instanceof SharedArrayBuffer)).toBe(true);
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
