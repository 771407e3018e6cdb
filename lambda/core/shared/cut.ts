/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function cut(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.search(/\s\S*$/);
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
