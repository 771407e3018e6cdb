import { XMLParser } from 'fast-xml-parser';
import { cdata, xmlEscape } from '../../../lambda/core/formats/xml';

describe('xmlEscape', () => {
  it('escapes the five XML specials', () =>
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'));
  it('drops characters XML 1.0 forbids, keeps tabs, newlines and emoji', () => {
    expect(xmlEscape('a\u0000b\u0008c\td\ne\uFFFEf😀g')).toBe('abc\td\nef😀g');
  });
  it('drops lone surrogates', () => expect(xmlEscape('x\uD800y\uDC00z')).toBe('xyz'));
  it('leaves plain text alone', () => expect(xmlEscape('plain text')).toBe('plain text'));
});

describe('cdata', () => {
  const readBack = (xml: string) => new XMLParser().parse(`<x>${xml}</x>`).x as string;
  it('wraps HTML as it is, and a reader gets it back unchanged', () => {
    expect(cdata('<p>a &amp; b</p>')).toBe('<![CDATA[<p>a &amp; b</p>]]>');
    expect(readBack(cdata('<p>a &amp; b</p>'))).toBe('<p>a &amp; b</p>');
  });
  it('splits a ]]> inside the text so the section cannot be closed early', () => {
    const hostile = 'x]]><script>alert(1)</script><![CDATA[y]]>z';
    expect(cdata(hostile)).toBe('<![CDATA[x]]]]><![CDATA[><script>alert(1)</script><![CDATA[y]]]]><![CDATA[>z]]>');
    expect(readBack(cdata(hostile))).toBe(hostile);
  });
  it('drops characters XML does not allow', () => expect(cdata('a\u0000b\uFFFFc')).toBe('<![CDATA[abc]]>'));
});
