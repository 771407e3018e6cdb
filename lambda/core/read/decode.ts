/**
 * A page's bytes as text. Pages are UTF-8; older Windows editors save Windows-1252 (Latin-1 with
 * curly quotes and dashes), which read as UTF-8 would put U+FFFD in place of every accent. Bytes
 * that are not valid UTF-8 are read as Windows-1252, and the page says so (see `processPage`).
 */
import type { SourceFile } from '../model';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252's 0x80–0x9F (the only bytes where it differs from Latin-1), as the WHATWG Encoding
 * standard maps them. Node's TextDecoder('windows-1252') decodes Latin-1 there (C1 controls instead
 * of curly quotes), so the table is here; the five unassigned bytes keep their Latin-1 code points.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The page at `path` from its bytes. */
export function decodePage(path: string, bytes: Uint8Array): SourceFile {
  try {
    return { path, text: utf8.decode(bytes) };
  } catch {
    return { path, text: windows1252(bytes), encoding: 'windows-1252' };
  }
}
