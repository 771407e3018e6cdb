import { xmlEscape } from '../../lambda/core/xml';

describe('xmlEscape', () => {
  it('escapes the five XML specials', () => expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'));
  it('drops characters XML 1.0 forbids, keeps tabs, newlines and emoji', () => {
    expect(xmlEscape('a\u0000b\u0008c\td\ne\uFFFEf😀g')).toBe('abc\td\nef😀g');
  });
  it('drops lone surrogates', () => expect(xmlEscape('x\uD800y\uDC00z')).toBe('xyz'));
  it('leaves plain text alone', () => expect(xmlEscape('plain text')).toBe('plain text'));
});
