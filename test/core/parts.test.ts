import { createHash } from 'node:crypto';
import { bytesOfParts, encodeParts, interleave, joinParts, NEWLINE, SharedText } from '../../lambda/core/parts';

describe('output parts', () => {
  it('encodes a shared text once and keeps only its bytes', () => {
    const shared = new SharedText('Fête à 14h00 ✓');
    const bytes = shared.bytes;
    expect(bytes.toString('utf8')).toBe('Fête à 14h00 ✓');
    expect(shared.bytes).toBe(bytes); // same buffer, not encoded again
    expect(shared.text).toBe('Fête à 14h00 ✓'); // decoded back when asked
    expect(shared.digest).toEqual(createHash('sha256').update(bytes).digest());
  });

  it('joins, encodes and interleaves parts into the same text', () => {
    const parts = ['head\n', ...interleave([new SharedText('a'), 'b', new SharedText('ç')], NEWLINE), '\ntail'];
    expect(joinParts(parts)).toBe('head\na\nb\nç\ntail');
    expect(bytesOfParts(parts).toString('utf8')).toBe('head\na\nb\nç\ntail');
    expect(Buffer.concat(encodeParts(parts).segments).toString('utf8')).toBe('head\na\nb\nç\ntail');
  });

  it('gives the same digest to the same parts and another to any other content', () => {
    const digest = (parts: Array<string | SharedText>) => encodeParts(parts).digest;
    const same = digest(['x', new SharedText('y')]);
    expect(digest(['x', new SharedText('y')])).toBe(same);
    expect(digest(['x', new SharedText('z')])).not.toBe(same);
    expect(digest(['x', 'y'])).not.toBe(same); // a shared part and a plain one are told apart
    // Text that spells out a shared part's digest cannot pass for it.
    const y = new SharedText('y');
    expect(digest([`x${'s'}${y.digest.toString('latin1')}`])).not.toBe(same);
  });
});
