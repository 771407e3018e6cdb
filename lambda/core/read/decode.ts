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

/** The page at `path` from its bytes: UTF-8, UTF-16 with its byte-order mark (Windows editors), else Windows-1252. */
export function decodePage(path: string, bytes: Uint8Array): SourceFile {
  // (A file of one byte has no bytes[1]: `undefined` is no mark.)
  const bom =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom) return { path, text: wellFormed(new TextDecoder(bom).decode(bytes)) };
  try {
    return { path, text: utf8.decode(bytes) };
  } catch {
    return { path, text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Text with every lone surrogate (half a UTF-16 pair, which YAML's `"\udc00"` escapes make too)
 * replaced by U+FFFD: such text cannot be encoded as UTF-8 or in a URL, and would stop whatever
 * outputs it.
 */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A parsed value (front matter, configuration) with `wellFormed` text in every string, keys included. */
export function wellFormedData<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map(wellFormedData) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormedData(v)])) as T;
  }
  return value;
}
