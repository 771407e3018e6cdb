import { parseMarkdown, renderHtml, renderText } from '../../../lambda/core/read/markdown';
import { expandShortcodes, resolveRefs, shortcodeDepth } from '../../../lambda/core/read/shortcodes';
import { processPage } from '../../../lambda/core/page';
import { TEST_CONFIG, markdownToHtml, markdownToText } from '../../helpers';

describe('expandShortcodes', () => {
  it('shows an escaped shortcode as written, as Hugo does ({{</* x */>}} is {{< x >}}), and expands the others', () => {
    expect(expandShortcodes('Write {{</* youtube ID */>}} or {{%/* callout */%}}; {{< youtube abc >}}')).toBe(
      'Write {{< youtube ID >}} or {{% callout %}}; \n\n[Video on YouTube](https://www.youtube.com/watch?v=abc)\n\n',
    );
    expect(
      markdownToText(
        'Hugo shortcodes such as `{{</* youtube ID */>}}` are understood.',
        'https://example.org/event/x/',
      ),
    ).toBe('Hugo shortcodes such as {{< youtube ID >}} are understood.');
  });

  it('keeps the inner content of callouts and drops the delimiters', () => {
    expect(expandShortcodes('A\n{{% callout note %}}\nInside **bold**\n{{% /callout %}}\nB')).toBe(
      'A\n\n\nInside **bold**\n\n\nB',
    );
  });
  it('turns youtube and absolute video shortcodes into links, drops bundle-relative videos', () => {
    expect(expandShortcodes('{{< youtube dQw4w9WgXcQ >}}')).toContain(
      '[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
    );
    expect(expandShortcodes('{{< video src="https://ex.org/v.mp4" controls="yes" >}}')).toContain(
      '[Video](https://ex.org/v.mp4)',
    );
    expect(expandShortcodes('{{< video src="clip.mp4" controls="yes" >}}').trim()).toBe('');
  });
  it('keeps the text of staticref', () => {
    expect(expandShortcodes('See {{< staticref "uploads/prog.pdf" "newtab" >}}the programme{{< /staticref >}}.')).toBe(
      'See the programme.',
    );
  });
  it('keeps inner content of unknown paired shortcodes and removes unknown single ones', () => {
    expect(
      expandShortcodes('{{< mystery a="1" >}}kept{{< /mystery >}} {{< gone >}}end').replace(/\s+/g, ' ').trim(),
    ).toBe('kept end');
  });
  it('handles nesting and stray closing tags', () => {
    expect(
      expandShortcodes('{{% callout %}}a {{% callout %}}b{{% /callout %}} c{{% /callout %}}{{% /x %}}')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe('a b c');
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
    const text = markdownToText(
      '## 14h00 : Pitch\n\n- `socratext` : extraction\n- **bold** and _it_\n\nSee [the site](https://ex.org/) or <lab@ex.org>.',
      base,
    );
    expect(text).toBe(
      '14h00 : Pitch\n\n- socratext : extraction\n- bold and it\n\nSee the site (https://ex.org/) or lab@ex.org.',
    );
  });
  it('never leaves shortcode delimiters', () => {
    expect(
      markdownToText('{{% callout %}}\nPour toute information : <lab-ia@data.gouv.fr>\n{{% /callout %}}', base),
    ).toBe('Pour toute information : lab-ia@data.gouv.fr');
  });
  it('strips raw HTML, keeping its text, and drops scripts and iframes', () => {
    expect(
      markdownToText(
        '<div style="x"><b>Title</b><br>line</div>\n\n<iframe src="https://evil"></iframe><script>alert(1)</script>\n\nafter',
        base,
      ),
    ).toBe('Title\nline\n\nafter');
    expect(markdownToText('a <b>bold</b> word', base)).toBe('a bold word');
  });
  it('joins hard-wrapped lines and decodes entities', () => {
    expect(markdownToText('one\ntwo &amp; three', base)).toBe('one two & three');
  });
  it('renders ordered lists and tables', () => {
    expect(markdownToText('1. a\n2. b', base)).toBe('1. a\n2. b');
    expect(markdownToText('| h1 | h2 |\n|---|---|\n| a | b |', base)).toBe('h1 | h2\na | b');
  });
  it('drops an HTML comment whole, an iframe inside it included (no stray -->)', () => {
    expect(markdownToText('<!-- <iframe src="https://maps.example/embed"></iframe> -->\n\nAfter', base)).toBe('After');
    expect(markdownToText('Intro <!-- <iframe src="x"></iframe> --> end', base)).toBe('Intro end');
  });
  it('keeps words apart at tag boundaries (a tooltip name and its bio do not run together)', () => {
    expect(
      markdownToText(
        'Talk by <span class="tooltip">Jane Doe<span class="tooltiptext">Jane studies bees.</span></span> today',
        base,
      ),
    ).toBe('Talk by Jane Doe Jane studies bees. today');
    expect(markdownToText('<div class="tooltip">Jane Doe<div class="bio">Studies bees.</div></div>', base)).toBe(
      'Jane Doe\nStudies bees.',
    );
    expect(markdownToText('<b>Bold</b>ed and <a href="https://x.test/">linked</a>', base)).toBe('Bolded and linked');
  });
  it('drops the indentation of HTML blocks', () => {
    expect(
      markdownToText(
        '<div>\n    <p>\n        Indented   text\n    </p>\n    <style>.a { color: red }</style>\n</div>',
        base,
      ),
    ).toBe('Indented text');
  });
  it('drops inline scripts and styles with their content', () => {
    expect(markdownToText('a <script>alert(1)</script> b <style>.x{}</style> c', base)).toBe('a b c');
  });
});

describe('relref links', () => {
  const base = 'https://events.example.org/event/x/';
  const source = 'By [Jane]({{< relref "/authors/jane" >}}) and [Bob]({{< ref "authors/bob/_index.md" >}}).';
  it('lead to the Hugo site page when the site is known (permalinkBase)', () => {
    const doc = parseMarkdown(source, base, 'https://lab.example.org/');
    expect(renderText(doc)).toBe(
      'By Jane (https://lab.example.org/authors/jane/) and Bob (https://lab.example.org/authors/bob/).',
    );
    expect(renderHtml(doc)).toBe(
      '<p>By <a href="https://lab.example.org/authors/jane/">Jane</a> and <a href="https://lab.example.org/authors/bob/">Bob</a>.</p>',
    );
  });
  it('keep their text, and no link, when it is not (never a link to the event itself)', () => {
    expect(markdownToText(source, base)).toBe('By Jane and Bob.');
    expect(markdownToHtml(source, base)).toBe('<p>By Jane and Bob.</p>');
  });
});

describe('markdownToHtml', () => {
  const base = 'https://events.example.org/event/x/';

  it('renders Markdown, with callouts as asides and relative URLs made absolute', () => {
    const html = markdownToHtml(
      '## Title\n\n{{% callout note %}}\nRegister **now**\n{{% /callout %}}\n\n[prog](programme.pdf) ![map](/img/map.png)',
      base,
    );
    expect(html).toBe(
      '<h2>Title</h2>\n<aside class="callout">\n<p>Register <strong>now</strong></p>\n</aside>\n<p><a href="https://events.example.org/event/x/programme.pdf">prog</a> <img src="https://events.example.org/img/map.png" alt="map"></p>',
    );
  });

  it.each([
    ['<script>alert(1)</script>', ''],
    ['<style>body { display: none }</style>\n\nText', '<p>Text</p>'],
    ['<iframe src="https://evil.example"></iframe>', ''],
    ['text <img src=x onerror=alert(1)> more', '<p>text <img src="https://events.example.org/event/x/x"> more</p>'],
    ['<div onclick="steal()">x</div>', 'x'],
    [
      '<a href="javascript:alert(1)">js</a> <a href="/about" target="_blank" style="color:red">rel</a>',
      '<p><a>js</a> <a href="https://events.example.org/about">rel</a></p>',
    ],
    ['Line one<br>line two, <b>bold</b> and <em>em</em>', '<p>Line one<br>line two, <b>bold</b> and <em>em</em></p>'],
    ['<!-- <iframe src="x"></iframe> -->\n\nAfter', '<p>After</p>'],
  ])('sanitizes raw HTML: harmless formatting kept, code and handlers dropped: %s', (source, expected) => {
    expect(markdownToHtml(source, base)).toBe(expected);
  });

  it('closes what raw HTML leaves open and drops stray closing tags', () => {
    expect(markdownToHtml('an <b>unclosed bold\n\n<ul><li>a<li>b</ul></div>', base)).toBe(
      '<p>an <b>unclosed bold</b></p>\n<ul><li>a</li><li>b</li></ul>',
    );
  });

  it('refuses javascript:, vbscript: and data: links', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'vbscript:msgbox',
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      expect(markdownToHtml(`[click](${href})`, base)).not.toMatch(/href="(javascript|vbscript|data):/i);
    }
  });

  it('escapes attribute-breaking characters in URLs and text', () => {
    const html = markdownToHtml('[a](https://x.example/"onmouseover="alert(1)) and "quotes" & 1 < 2', base);
    expect(html).not.toMatch(/" onmouseover=|"onmouseover="/);
    expect(html).toContain('&amp; 1 &lt; 2');
  });

  it('cannot forge the aside markers from content', () => {
    const html = markdownToHtml('CALPUBASIDEdeadbeef0000OPEN\n\nx', base);
    expect(html).not.toContain('<aside');
  });
});

describe('shortcodes nested deep or never closed (bounded work per page)', () => {
  it('reads 20 levels, drops the shortcodes below, keeps their text, and warns on the page', () => {
    const body = `${'{{% callout %}}\n'.repeat(3000)}deep text\n${'{{% /callout %}}\n'.repeat(3000)}`;
    expect(expandShortcodes(body)).toContain('deep text');
    expect(expandShortcodes(body)).not.toContain('{{');
    expect(shortcodeDepth(body)).toBe(3000);
    expect(shortcodeDepth('{{< youtube a >}}{{< youtube b >}}{{% callout %}}x{{% /callout %}}')).toBe(1);
    const outcome = processPage(
      { path: 'event/x/index.md', text: `---\ntitle: X\ndate: '2027-01-10T10:00:00'\n---\n${body}` },
      TEST_CONFIG,
    );
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: null,
        message: expect.stringMatching(/^shortcodes are nested 3000 deep: calpub reads 20 levels/),
      }),
    ]);
    expect(outcome.pieces?.ics.content).toContain('deep text');
  });

  it('pairs each closing tag with its opening one, once, whatever the number of tags', () => {
    expect(expandShortcodes('{{< a >}}1{{< a >}}2{{< /a >}}3')).toBe('1\n\n2\n\n3');
    expect(expandShortcodes('{{< a >}}{{< b >}}x{{< /a >}}{{< /b >}}')).toBe('\n\nx\n\n');
    const unclosed = '{{< callout >}}x'.repeat(20000);
    expect(expandShortcodes(unclosed)).toBe('x'.repeat(20000));
  });
});

describe('shortcodes as text: what each one shows', () => {
  it.each([
    ['{{< vimeo 123 >}}', '\n\n[Video on Vimeo](https://vimeo.com/123)\n\n'],
    ['{{< vimeo >}}', ''],
    ['{{< youtube id="a b" >}}', '\n\n[Video on YouTube](https://www.youtube.com/watch?v=a%20b)\n\n'],
    ['{{< audio "https://x.org/a.mp3" >}}', '\n\n[Audio](https://x.org/a.mp3)\n\n'],
    ['{{< video src="clip.mp4" >}}', ''],
    ['{{< relref "talk/x.md" >}}', ''],
    ['{{% ref "https://x.org/" %}}Site{{% /ref %}}', '[Site](https://x.org/)'],
    ['{{< staticref "https://x.org/f.pdf" "newtab" >}}Slides{{< /staticref >}}', '[Slides](https://x.org/f.pdf)'],
    ['{{< staticref "uploads/f.pdf" >}}Slides{{< /staticref >}}', 'Slides'],
    ['{{< figure src="a.png" caption="C" title="T" >}}', '\n\nC\n\n'],
    ['{{< figure src="a.png" title="T" alt="A" >}}', '\n\nT\n\n'],
    ['{{< figure src="a.png" alt="A" >}}', '\n\nA\n\n'],
    ['{{< figure src="a.png" >}}', ''],
    ['{{< unknown >}}', ''],
    ['{{% callout note %}}Hi{{% /callout %}}', '\n\nHi\n\n'],
  ])('%j', (source, shown) => expect(expandShortcodes(source)).toBe(shown));
});

describe('resolveRefs: links to the Hugo site', () => {
  it.each([
    ['[x]({{< ref "talk/y/index.md#slides" >}})', '[x](https://lab.example.org/site/talk/y/#slides)', 'x'],
    ['{{< relref "/authors/jane" >}}', 'https://lab.example.org/site/authors/jane/', ''],
    ['[x]({{< relref "_index.md" >}})', '[x](https://lab.example.org/site/)', 'x'],
    ['[p]({{< ref "post/x.md" >}})', '[p](https://lab.example.org/site/post/x/)', 'p'],
  ])('%j', (source, linked, alone) => {
    expect(resolveRefs(source, 'https://lab.example.org/site/')).toBe(linked);
    expect(resolveRefs(source, null)).toBe(alone); // no site to link to: the label alone
  });
});
