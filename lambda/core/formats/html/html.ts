/**
 * HTML templating that escapes by construction: `html` is a tagged template whose interpolations are
 * escaped unless they are `SafeHtml` (made by `html` itself, or by `trusted` for markup calpub produced
 * and sanitized). Arrays are joined. There is no way to splice raw content text by accident.
 */

/** Markup known to be safe; only `html` and `trusted` make it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** The template tag: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Marks HTML calpub rendered itself from Markdown (raw HTML sanitized, unsafe links refused). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Plain text as HTML: escaped, its line breaks kept as `<br>`. */
export function textAsHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}

/** A URL for an `href`/`src`: only http(s), webcal, mailto and relative paths; anything else is `#`. */
export function safeUrl(url: string): string {
  return /^(https?:|webcal:|mailto:|\/|#|\.)/i.test(url.trim()) ? url.trim() : '#';
}
