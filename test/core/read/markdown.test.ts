import { markdownToHtml, markdownToText } from '../../../lambda/core/read/markdown';
import { expandShortcodes } from '../../../lambda/core/read/shortcodes';

describe('expandShortcodes', () => {
  it('keeps the inner content of callouts and drops the delimiters', () => {
    expect(expandShortcodes('A\n{{% callout note %}}\nInside **bold**\n{{% /callout %}}\nB')).toBe('A\n\n\nInside **bold**\n\n\nB');
  });
  it('turns youtube and absolute video shortcodes into links, drops bundle-relative videos', () => {
    expect(expandShortcodes('{{< youtube dQw4w9WgXcQ >}}')).toContain('[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    expect(expandShortcodes('{{< video src="https://ex.org/v.mp4" controls="yes" >}}')).toContain('[Video](https://ex.org/v.mp4)');
    expect(expandShortcodes('{{< video src="clip.mp4" controls="yes" >}}').trim()).toBe('');
  });
  it('keeps the text of staticref', () => {
    expect(expandShortcodes('See {{< staticref "uploads/prog.pdf" "newtab" >}}the programme{{< /staticref >}}.')).toBe('See the programme.');
  });
  it('keeps inner content of unknown paired shortcodes and removes unknown single ones', () => {
    expect(expandShortcodes('{{< mystery a="1" >}}kept{{< /mystery >}} {{< gone >}}end').replace(/\s+/g, ' ').trim()).toBe('kept end');
  });
  it('handles nesting and stray closing tags', () => {
    expect(expandShortcodes('{{% callout %}}a {{% callout %}}b{{% /callout %}} c{{% /callout %}}{{% /x %}}').replace(/\s+/g, ' ').trim()).toBe('a b c');
  });
});

describe('markdownToText', () => {
  const base = 'https://events.example.org/event/x/';

  it('shows where relative links lead, resolved against the event page', () => {
    expect(markdownToText('See [the programme](programme.pdf) and [home](/).', base)).toBe(
      'See the programme (https://events.example.org/event/x/programme.pdf) and home (https://events.example.org/).',
    );
  });

  it('renders headings, lists, emphasis, code and links as readable text', () => {
    const text = markdownToText('## 14h00 : Pitch\n\n- `socratext` : extraction\n- **bold** and _it_\n\nSee [the site](https://ex.org/) or <lab@ex.org>.', base);
    expect(text).toBe('14h00 : Pitch\n\n- socratext : extraction\n- bold and it\n\nSee the site (https://ex.org/) or lab@ex.org.');
  });
  it('never leaves shortcode delimiters', () => {
    expect(markdownToText('{{% callout %}}\nPour toute information : <lab-ia@data.gouv.fr>\n{{% /callout %}}', base)).toBe('Pour toute information : lab-ia@data.gouv.fr');
  });
  it('strips raw HTML, keeping its text, and drops scripts and iframes', () => {
    expect(markdownToText('<div style="x"><b>Title</b><br>line</div>\n\n<iframe src="https://evil"></iframe><script>alert(1)</script>\n\nafter', base)).toBe('Title\nline\n\nafter');
    expect(markdownToText('a <b>bold</b> word', base)).toBe('a bold word');
  });
  it('joins hard-wrapped lines and decodes entities', () => {
    expect(markdownToText('one\ntwo &amp; three', base)).toBe('one two & three');
  });
  it('renders ordered lists and tables', () => {
    expect(markdownToText('1. a\n2. b', base)).toBe('1. a\n2. b');
    expect(markdownToText('| h1 | h2 |\n|---|---|\n| a | b |', base)).toBe('h1 | h2\na | b');
  });
});

describe('markdownToHtml', () => {
  const base = 'https://events.example.org/event/x/';

  it('renders Markdown, with callouts as asides and relative URLs made absolute', () => {
    const html = markdownToHtml('## Title\n\n{{% callout note %}}\nRegister **now**\n{{% /callout %}}\n\n[prog](programme.pdf) ![map](/img/map.png)', base);
    expect(html).toBe(
      '<h2>Title</h2>\n<aside class="callout">\n<p>Register <strong>now</strong></p>\n</aside>\n<p><a href="https://events.example.org/event/x/programme.pdf">prog</a> <img src="https://events.example.org/img/map.png" alt="map"></p>',
    );
  });

  it.each([
    ['<script>alert(1)</script>', /&lt;script&gt;alert\(1\)&lt;\/script&gt;/],
    ['<iframe src="https://evil.example"></iframe>', /&lt;iframe/],
    ['text <img src=x onerror=alert(1)> more', /&lt;img src=x onerror=alert\(1\)&gt;/],
    ['<div onclick="steal()">x</div>', /&lt;div onclick=&quot;steal\(\)&quot;&gt;/],
  ])('escapes raw HTML so it is shown, never run: %s', (source, expected) => {
    const html = markdownToHtml(source, base);
    expect(html).toMatch(expected);
    expect(html).not.toMatch(/<(script|iframe|img src=x|div)/i);
  });

  it('refuses javascript:, vbscript: and data: links', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox', 'data:text/html;base64,PHNjcmlwdD4=']) {
      expect(markdownToHtml(`[click](${href})`, base)).not.toMatch(/href="(javascript|vbscript|data):/i);
    }
  });

  it('escapes attribute-breaking characters in URLs and text', () => {
    const html = markdownToHtml('[a](https://x.example/"onmouseover="alert(1)) and "quotes" & <b>', base);
    expect(html).not.toMatch(/" onmouseover=|"onmouseover="/);
    expect(html).toContain('&amp; &lt;b&gt;');
  });

  it('cannot forge the aside markers from content', () => {
    const html = markdownToHtml('CALPUBASIDEdeadbeef0000OPEN\n\nx', base);
    expect(html).not.toContain('<aside');
  });
});
