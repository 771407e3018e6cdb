import { escapeText, fold, line } from '../../../lambda/core/formats/ics-lines';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('fold', () => {
  it('leaves short lines alone', () => {
    expect(fold('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('folds at 75 octets, continuation lines starting with a space', () => {
    const folded = fold(`DESCRIPTION:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
  });

  it('fills each physical line: 75 octets, then 74 after the leading space', () => {
    const lines = fold(`DESCRIPTION:${'x'.repeat(200)}`).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 64]);
  });

  it('folds from 76 octets on, counting octets rather than characters', () => {
    expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
    expect(fold('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    // Exactly two full lines: no empty continuation line after them.
    expect(fold('x'.repeat(149))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}`);
    // 40 characters but 80 octets: folded; 70 characters of 72 octets: not.
    expect(fold('é'.repeat(40)).split('\r\n').map(octets)).toEqual([74, 7]);
    expect(fold(`${'é'.repeat(2)}${'x'.repeat(68)}`)).toBe(`${'é'.repeat(2)}${'x'.repeat(68)}`);
    // A cut that would fall inside a 3-octet character moves before it.
    expect(fold(`${'x'.repeat(74)}中x`)).toBe(`${'x'.repeat(74)}\r\n 中x`);
  });

  it('never splits a multi-byte character or a surrogate pair', () => {
    const value = `SUMMARY:${'é'.repeat(50)}${'😀'.repeat(30)}${'中'.repeat(40)}`;
    const lines = fold(value).split('\r\n');
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l); // no replacement characters
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(value);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('drops control characters that RFC 5545 forbids in TEXT', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
    expect(escapeText('a\u0008\u000b\u000c\u000e\u001f\u007fb')).toBe('ab');
  });
  it('reads a lone carriage return as a new line', () => {
    expect(escapeText('a\rb')).toBe('a\\nb');
  });
});

describe('line', () => {
  it('ends with CRLF', () => expect(line('STATUS', 'CONFIRMED')).toBe('STATUS:CONFIRMED\r\n'));
  it('folds the whole content line, name included', () => {
    expect(line('SUMMARY', 'y'.repeat(70))).toBe(`SUMMARY:${'y'.repeat(67)}\r\n yyy\r\n`);
  });
});
