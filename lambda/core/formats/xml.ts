/** XML text and attribute escaping, with the characters XML 1.0 forbids removed. */

// These are exactly the code points XML 1.0 does not allow.
const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A cheap first look before the exact (slower) pattern.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` without the characters XML 1.0 does not allow. */
function allowedInXml(text: string): string {
  return SUSPECT.test(text) ? text.replace(INVALID, '') : text;
}

/** Escapes `&`, `<`, `>`, `"` and `'` and drops characters not allowed in XML 1.0. */
export function xmlEscape(text: string): string {
  return allowedInXml(text).replace(SPECIAL, (c) => ENTITIES[c]);
}

/**
 * `text` as a CDATA section (what readers get back is `text` itself), with characters XML 1.0 does not
 * allow dropped and any `]]>` split across two sections. For HTML in feeds: about a sixth smaller
 * than entity-escaped, and nothing to scan for specials.
 */
export function cdata(text: string): string {
  return `<![CDATA[${allowedInXml(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<name>escaped text</name>` */
export function element(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

/**
 * `<name>text</name>` for a plain-text element that some readers take for HTML (RSS `title`,
 * `category`): `&` and `<` as the hexadecimal character references `&#x26;` and `&#x3C;`, as the RSS
 * Best Practices Profile asks, so that no reader decodes them into markup.
 */
export function plainTextElement(name: string, text: string): string {
  const escaped = allowedInXml(text).replace(/[&<>]/g, (c) => (c === '&' ? '&#x26;' : c === '<' ? '&#x3C;' : '&gt;'));
  return `<${name}>${escaped}</${name}>`;
}
