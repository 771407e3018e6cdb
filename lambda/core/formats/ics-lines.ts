/**
 * RFC 5545 content lines: text escaping (ical-generator's `escape`), line folding and CRLF endings.
 *
 * Folding is ours: ical-generator 10's `foldLines` encodes every character with a new TextEncoder
 * (about 0.5 µs a character, 15 s for 10,000 events); this one skips lines that are short ASCII and
 * never splits a UTF-8 sequence or a surrogate pair.
 */
import { escape as escapeIcal } from 'ical-generator';

/** Longest physical line in octets, excluding CRLF (RFC 5545 §3.1). */
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, `;`, `,` and newlines (`\r\n`, `\r`, `\n`) (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  // Control characters are not allowed in TEXT values.
  return escapeIcal(value.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ''), false);
}

/** A content line `NAME[;PARAMS]:VALUE`, folded, with its CRLF. `value` must already be escaped. */
export function line(name: string, value: string): string {
  return `${fold(`${name}:${value}`)}\r\n`;
}

/** A TEXT property: escaped, folded, CRLF-terminated. */
export function textLine(name: string, value: string): string {
  return line(name, escapeText(value));
}

/**
 * Folds one unfolded content line so that no physical line exceeds 75 octets. Works on the UTF-8
 * bytes: a cut that would fall inside a multi-byte sequence moves back to its first byte, so no
 * character (and no surrogate pair, a single 4-byte sequence in UTF-8) is ever split.
 */
export function fold(content: string): string {
  // Most lines are short ASCII: no bytes to count.
  if (content.length <= MAX_OCTETS && isAscii(content)) return content;
  const bytes = Buffer.from(content);
  const parts: string[] = [];
  let start = 0;
  let limit = MAX_OCTETS;
  while (bytes.length - start > limit) {
    let cut = start + limit;
    while ((bytes[cut] & 0xc0) === 0x80) cut--; // inside a multi-byte sequence: cut before it
    parts.push(bytes.toString('utf8', start, cut));
    start = cut;
    limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
  }
  parts.push(bytes.toString('utf8', start));
  return parts.join('\r\n ');
}

function isAscii(s: string): boolean {
  return !/[^\x00-\x7f]/.test(s);
}
