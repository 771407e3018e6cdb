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
  });
});

describe('line', () => {
  it('ends with CRLF', () => expect(line('STATUS', 'CONFIRMED')).toBe('STATUS:CONFIRMED\r\n'));
});
