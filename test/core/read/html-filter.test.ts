/** Raw HTML in pages: made harmless and balanced for HTML outputs, read as text for calendars. */
import { dropsContent, htmlText, isSpacingTag, sanitizeHtml } from '../../../lambda/core/read/html-filter';

const BASE = 'https://events.example.org/event/a/';

describe('sanitizeHtml: every element closed where the source forgot, stray ends dropped', () => {
  it.each([
    ['<ul><li>a<li>b</ul>', '<ul><li>a</li><li>b</li></ul>'],
    ['<b>bold never closed<p>x', '<b>bold never closed<p>x</p></b>'],
    ['stray</i> close', 'stray close'],
    ['<dl><dt>a<dd>b<dt>c</dl>', '<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>'],
    ['<table><tr><td>1<td>2<tr><th>3</table>', '<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>'],
    ['<p>a<p>b', '<p>a</p><p>b</p>'],
    [
      '<img src="i.png" alt="A" onerror="x"><br><hr>',
      '<img src="https://events.example.org/event/a/i.png" alt="A"><br><hr>',
    ],
  ])('%j', (source, safe) => expect(sanitizeHtml(source, BASE)).toBe(safe));
});

describe('sanitizeHtml: links and images', () => {
  it('keeps anchors, mail and phone links, makes relative ones absolute, drops the rest with their attributes', () => {
    expect(
      sanitizeHtml(
        '<a href="#top">top</a> <a href="mailto:a@x.org">m</a> <a href="tel:+331">t</a> <img src="mailto:a@x.org"> <a href="http://exa mple.org/">bad</a> <a href="  ">blank</a>',
        BASE,
      ),
    ).toBe(
      '<a href="#top">top</a> <a href="mailto:a@x.org">m</a> <a href="tel:+331">t</a> <img> <a>bad</a> <a>blank</a>',
    );
    expect(sanitizeHtml('<a href="../b/" title="T" style="color:red">rel</a>', BASE)).toBe(
      '<a href="https://events.example.org/event/b/" title="T">rel</a>',
    );
    expect(sanitizeHtml('<img src="#x"><img src="http://x.org/i.png">', BASE)).toBe(
      '<img src="https://events.example.org/event/a/#x"><img src="http://x.org/i.png">',
    );
  });

  it('keeps the words around a dropped tag apart, and drops comments', () => {
    expect(sanitizeHtml('a<span>b</span>c<unknown>d', BASE)).toBe('a b c d');
    expect(sanitizeHtml('<!-- c -->x', BASE)).toBe('x');
  });
});

describe('htmlText: the visible text', () => {
  it.each([
    ['<p>One</p><p>Two</p>', '\nOne\n\nTwo\n'],
    ['<b>Bold</b>ed and <span>spaced</span>name', 'Bolded and spaced name'],
    ['  <div>  indented \t  text </div>', '\nindented text\n'],
    ['<script>x</script>after', 'after'],
    ['&amp; entity', '&amp; entity'],
  ])('%j', (source, text) => expect(htmlText(source)).toBe(text));

  it('tells spacing tags and tags dropped with their content', () => {
    expect(['span', 'unknown', 'p', 'b', 'br'].map(isSpacingTag)).toEqual([true, true, false, false, false]);
    expect(['svg', 'script', 'div', 'b'].map(dropsContent)).toEqual([true, true, false, false]);
  });
});
