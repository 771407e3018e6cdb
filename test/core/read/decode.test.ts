import { decodePage } from '../../../lambda/core/read/decode';
import { processPage } from '../../../lambda/core/page';
import { TEST_CONFIG } from '../../helpers';

const latin = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodePage', () => {
  it('reads UTF-8 as UTF-8, with no encoding noted', () => {
    expect(decodePage('event/a/index.md', Buffer.from('title: Café “x”', 'utf8'))).toEqual({
      path: 'event/a/index.md',
      text: 'title: Café “x”',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, curly quotes and euro sign included', () => {
    // "Café – 5 € “Entrée”" as a Windows editor saves it: é=E9, –=96, €=80, “=93, ”=94.
    const bytes = Uint8Array.from([
      ...Buffer.from('Caf'),
      0xe9,
      0x20,
      0x96,
      0x20,
      0x35,
      0x20,
      0x80,
      0x20,
      0x93,
      ...Buffer.from('Entr'),
      0xe9,
      0x65,
      0x94,
    ]);
    expect(decodePage('p.md', bytes)).toEqual({ path: 'p.md', text: 'Café – 5 € “Entrée”', encoding: 'windows-1252' });
  });

  it('keeps the five bytes Windows-1252 leaves unassigned as their Latin-1 code points', () => {
    expect(decodePage('p.md', Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d])).text).toBe(
      '\u0081\u008d\u008f\u0090\u009d',
    );
  });
});

describe('a page that is not UTF-8', () => {
  it('is published with its accents and a warning saying what to do', () => {
    const file = decodePage(
      'event/fete/index.md',
      latin("---\ntitle: Fête de l'été\ndate: '2026-06-21T18:00:00'\n---\nSoirée.\n"),
    );
    const outcome = processPage(file, TEST_CONFIG);
    expect(outcome.event?.title).toBe("Fête de l'été");
    expect(outcome.pieces?.ics.content).not.toContain('\uFFFD');
    expect(outcome.problems).toEqual([
      {
        file: 'event/fete/index.md',
        severity: 'warning',
        field: null,
        message: 'not UTF-8: read as Windows-1252; save it as UTF-8',
      },
    ]);
  });
});

describe('decodePage: UTF-16 with its byte-order mark (Windows editors)', () => {
  const text = 'title: Café €\n';
  it.each([
    ['little-endian', Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])],
    ['big-endian', Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])],
  ])('reads %s UTF-16 as text, without the mark', (_, bytes) => {
    expect(decodePage('event/a/index.md', bytes)).toEqual({ path: 'event/a/index.md', text });
  });
  it('reads a Windows-1252 text that starts with þ as such', () => {
    expect(decodePage('event/a/index.md', Uint8Array.from([0xfe, 0x41]))).toEqual({
      path: 'event/a/index.md',
      text: 'þA',
      encoding: 'windows-1252',
    });
  });
  it('reads one byte as Windows-1252 or UTF-8, not as a mark', () => {
    expect(decodePage('event/a/index.md', Uint8Array.from([0xff]))).toEqual({
      path: 'event/a/index.md',
      text: 'ÿ',
      encoding: 'windows-1252',
    });
  });
});
