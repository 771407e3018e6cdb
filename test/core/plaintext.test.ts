import { markdownToText } from '../../lambda/core/plaintext';
import { expandShortcodes } from '../../lambda/core/shortcodes';

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
  it('renders headings, lists, emphasis, code and links as readable text', () => {
    const text = markdownToText('## 14h00 : Pitch\n\n- `socratext` : extraction\n- **bold** and _it_\n\nSee [the site](https://ex.org/) or <lab@ex.org>.');
    expect(text).toBe('14h00 : Pitch\n\n- socratext : extraction\n- bold and it\n\nSee the site (https://ex.org/) or lab@ex.org.');
  });
  it('never leaves shortcode delimiters', () => {
    expect(markdownToText('{{% callout %}}\nPour toute information : <lab-ia@data.gouv.fr>\n{{% /callout %}}')).toBe('Pour toute information : lab-ia@data.gouv.fr');
  });
  it('strips raw HTML, keeping its text, and drops scripts and iframes', () => {
    expect(markdownToText('<div style="x"><b>Title</b><br>line</div>\n\n<iframe src="https://evil"></iframe><script>alert(1)</script>\n\nafter')).toBe('Title\nline\n\nafter');
    expect(markdownToText('a <b>bold</b> word')).toBe('a bold word');
  });
  it('joins hard-wrapped lines and decodes entities', () => {
    expect(markdownToText('one\ntwo &amp; three')).toBe('one two & three');
  });
  it('renders ordered lists and tables', () => {
    expect(markdownToText('1. a\n2. b')).toBe('1. a\n2. b');
    expect(markdownToText('| h1 | h2 |\n|---|---|\n| a | b |')).toBe('h1 | h2\na | b');
  });
});
