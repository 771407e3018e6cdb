/** Which lines of a Markdown text are candidates for the agenda, and in which groups. */
import { candidateGroups } from '../../../lambda/core/read/agenda-lines';

/** Each group as its texts, `!` marking an entry that stands alone. */
const groups = (markdown: string) =>
  candidateGroups(markdown).map((g) => g.map((c) => `${c.alone ? '!' : ''}${c.text}`));

describe('candidateGroups: headings', () => {
  it('reads ATX headings of every level, up to three spaces in, without their closing hashes', () => {
    expect(groups('# 18:00 One\n\n###### 19:00 Six ##\n\n   ## 20:00 Indented #')).toEqual([
      ['!18:00 One'],
      ['!19:00 Six'],
      ['!20:00 Indented'],
    ]);
  });

  it('does not read seven hashes, a hash without a space, or a heading indented four spaces (code)', () => {
    expect(groups('####### 18:00 Seven')).toEqual([['!####### 18:00 Seven']]); // a paragraph of one line
    expect(groups('#18:00 Tag')).toEqual([['!#18:00 Tag']]);
    expect(groups('Text\n\n    ## 18:00 Code')).toEqual([['!Text']]);
  });

  it('unwraps emphasis around the start of a heading', () => {
    expect(groups('## **18:30** Welcome\n\n## _19:00_ Talk\n\n## *20:00* Drinks')).toEqual([
      ['!18:30 Welcome'],
      ['!19:00 Talk'],
      ['!20:00 Drinks'],
    ]);
  });

  it('ends the block before it: a heading inside a paragraph starts its own group', () => {
    expect(groups('Line one\nLine two\n## 18:00 Heading')).toEqual([['Line one'], ['!18:00 Heading']]);
  });
});

describe('candidateGroups: lists and quotes', () => {
  it('reads every kind of list marker as one group of items', () => {
    expect(groups('- 18:00 A\n* 18:30 B\n+ 19:00 C\n1. 19:30 D\n2) 20:00 E')).toEqual([
      ['18:00 A', '18:30 B', '19:00 C', '19:30 D', '20:00 E'],
    ]);
  });

  it('reads nested quotes and lists in quotes', () => {
    expect(groups('> 18:00 A\n> > 18:30 B\n> - 19:00 C')).toEqual([['18:00 A', '18:30 B', '19:00 C']]);
  });

  it('keeps indented continuation lines and blank lines inside a list, outside the entries', () => {
    expect(groups('- 18:00 A\n  more about A\n\n- 18:30 B\n\tand B')).toEqual([['18:00 A', '18:30 B']]);
  });

  it('ends a list at a line that is not indented', () => {
    expect(groups('- 18:00 A\n\nAfter the list')).toEqual([['18:00 A'], ['!After the list']]);
  });

  it('does not take a list marker indented four spaces after prose for a list', () => {
    expect(groups('Prose\n\n    - 18:00 code')).toEqual([['!Prose']]);
  });
});

describe('candidateGroups: tables', () => {
  it('reads each row but the rule, cells joined with |', () => {
    expect(groups('| Time | What |\n|:---|---:|\n| 9h30 | **Café** |\n|10h|Talk|')).toEqual([
      ['Time | What', '9h30 | Café', '10h | Talk'],
    ]);
  });
});

describe('candidateGroups: paragraphs', () => {
  it('makes a paragraph of one line an entry alone', () => {
    expect(groups('16h00: Pot final')).toEqual([['!16h00: Pot final']]);
  });

  it('reads the lines after a hard break (<br>, <br/>, backslash, two spaces) as a programme', () => {
    expect(groups('Programme:<br>\n18:00 A<br/>\n18:30 B\\\n19:00 C  \n19:30 D\nnot after a break')).toEqual([
      ['Programme:', '18:00 A', '18:30 B', '19:00 C', '19:30 D'],
    ]);
  });

  it('does not take one trailing space for a hard break, nor a line indented four spaces for a heading', () => {
    expect(groups('Programme: \n18:00 A\n18:30 B')).toEqual([['Programme:']]);
    expect(groups('Text\n    ## 18:00 Not a heading')).toEqual([['Text']]);
  });

  it('takes a bold-prefixed line for an entry alone wherever it is in the paragraph', () => {
    expect(groups('Intro line\n**18:00** Doors\nMore prose')).toEqual([['!18:00 Doors'], ['Intro line']]);
  });

  it('joins a bold prefix to its text with one space unless a separator follows', () => {
    expect(groups('A\n**18:00**Doors\n__19:00__: Talk\n**20:00** - Drinks\n**21:00**| End')).toEqual([
      ['!18:00 Doors'],
      ['!19:00: Talk'],
      ['!20:00 - Drinks'],
      ['!21:00| End'],
      ['A'],
    ]);
  });

  it('reads HTML bold in a programme as Markdown bold', () => {
    expect(groups('Programme:<br>\n<b>18:00:</b> Doors<br>\n<STRONG>19:00</STRONG> Talk')).toEqual([
      ['Programme:', '18:00: Doors', '19:00 Talk'],
    ]);
  });
});

describe('candidateGroups: what is never read', () => {
  it('skips fenced code (``` and ~~~), up to three spaces in', () => {
    expect(groups('```\n18:00 code\n```\n\n   ~~~\n- 18:00 A\n- 18:30 B\n   ~~~\n\n18:00 After')).toEqual([
      ['!18:00 After'],
    ]);
  });

  it('skips HTML blocks, but not a paragraph that starts with inline formatting', () => {
    expect(groups('<div>\n18:00 Doors\n</div>')).toEqual([]);
    expect(groups('<DIV class="x">\n18:00 Doors')).toEqual([]);
    for (const tag of ['b', 'strong', 'i', 'em', 'span', 'a', 'u', 'mark'])
      expect(groups(`<${tag}>18:00</${tag}> Doors`)).toHaveLength(1);
    expect(groups('<br>')).toEqual([]);
  });

  it('keeps an HTML-looking line inside a paragraph in the paragraph', () => {
    expect(groups('18:00 A<br>\n<div>18:30 B</div>')).toEqual([['18:00 A', '<div>18:30 B</div>']]);
  });

  it('reads Windows and old Mac line endings as lines', () => {
    expect(groups('## 18:00 A\r\n\r\n## 18:30 B\r## 19:00 C')).toEqual([['!18:00 A'], ['!18:30 B'], ['!19:00 C']]);
  });
});

describe('candidateGroups: edges found by mutation testing', () => {
  it('ends a paragraph at a line of spaces', () => {
    expect(groups('10:00 Welcome\n   \n11:00 Talk')).toEqual([['!10:00 Welcome'], ['!11:00 Talk']]);
  });

  it('continues a list only with lines indented two spaces or a tab, not one space or spaces inside', () => {
    expect(groups('- 10:00 A\n\n 11:30 Lunch')).toEqual([['10:00 A'], ['!11:30 Lunch']]);
    expect(groups('- 10:00 A\n\nLunch  at noon')).toEqual([['10:00 A'], ['!Lunch  at noon']]);
    expect(groups('- 10:00 A\n\n\tNote')).toEqual([['10:00 A']]);
  });

  it('reads items indented four spaces inside a list as nested items', () => {
    expect(groups('- 10:00 A\n    - 10:30 A.1\n- 11:00 B')).toEqual([['10:00 A', '10:30 A.1', '11:00 B']]);
  });

  it('takes only a line that starts four spaces in for code, not spaces inside a line', () => {
    expect(groups('10:00 Talk    by X')).toEqual([['!10:00 Talk    by X']]);
  });

  it('joins a bold prefix and a text that holds a separator further on with a space, and trims the prefix', () => {
    expect(groups('A\n**18:00**Doors: late\n** 19:00** Talk')).toEqual([
      ['!18:00 Doors: late'],
      ['!19:00 Talk'],
      ['A'],
    ]);
  });

  it('leaves out empty table cells', () => {
    expect(groups('| 9h30 |  | Accueil |\n| 10h | Talk |')).toEqual([['9h30 | Accueil', '10h | Talk']]);
  });

  it('unwraps emphasis only at the start of a heading', () => {
    expect(groups('## Day 1 **18:30** Welcome')).toEqual([['!Day 1 **18:30** Welcome']]);
  });
});
