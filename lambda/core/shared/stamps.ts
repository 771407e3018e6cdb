/**
 * Instants, offsets and clock times as text, in the shapes the formats and messages write: one place
 * for each shape, so an RSS date, an RFC 3339 stamp or an offset is spelled the same everywhere.
 */

const two = (n: number) => String(n).padStart(2, '0');

/** RFC 3339 UTC date-time without milliseconds: `2022-12-05T13:00:00Z` (Atom, JSON Feed, sitemaps). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * RFC 3339 on a clock `offsetMinutes` from UTC: `2022-12-05T14:00:00+01:00`. RFC 3339 offsets are
 * whole minutes: a local mean time (Paris before 1911: +00:09:21) is rounded, and the clock written
 * with it, so the text still names the same instant.
 */
export function rfc3339At(ms: number, offsetMinutes: number): string {
  const offset = Math.round(offsetMinutes);
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/** RFC 822 date as RSS wants it: `Mon, 05 Dec 2022 13:00:00 GMT`. */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}

/** A UTC offset in whole minutes as `+01:00`, `-03:30`. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** A clock time as `HH:MM`. */
export function clockText(hour: number, minute: number): string {
  return `${two(hour)}:${two(minute)}`;
}

/** `HH:MM` of an instant on a clock `offsetMinutes` from UTC. */
export function clockAt(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * 60_000).toISOString().slice(11, 16);
}
