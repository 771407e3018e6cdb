import { cut } from '../../../lambda/core/shared/cut';

describe('cut', () => {
  it('keeps a text that fits, and null', () => {
    expect(cut('twelve chars', 12)).toBe('twelve chars');
    expect(cut(null, 5)).toBeNull();
  });

  it('cuts at the last word boundary in the second half, with an ellipsis', () => {
    expect(cut('alpha beta gamma delta', 13)).toBe('alpha beta…'); // head "alpha beta ga"
    expect(cut('alpha beta  gamma', 12)).toBe('alpha beta…'); // head "alpha beta  " (spaces at the end)
  });

  it('cuts inside a word when the last boundary is in the first half (a long word)', () => {
    expect(cut('ab cdefghijklmnop', 10)).toBe('ab cdefghi…');
    expect(cut('abcdefghijklmnop', 10)).toBe('abcdefghij…');
  });

  it('takes a boundary exactly at the middle as too early', () => {
    expect(cut('abcd efghijkl', 8)).toBe('abcd efg…'); // the space is at 4 = 8 / 2
    expect(cut('abcde fghijkl', 8)).toBe('abcde…'); // at 5 > 4
  });

  it('never ends with spaces before the ellipsis, but keeps leading ones', () => {
    expect(cut('  abc defghijklmn', 10)).toBe('  abc defg…'); // the boundary at 5 is not past the middle
    expect(cut('a\tb c d e f g h i', 7)).toBe('a\tb c…');
  });
});
