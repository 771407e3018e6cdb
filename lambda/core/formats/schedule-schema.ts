/**
 * JSON Schema (draft 2020-12) of schedule.json, published beside it as schedule.schema.json.
 * Written by hand: it is the documented contract for apps that read the schedule.
 */

const dateTime = {
  type: 'string',
  format: 'date-time',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'RFC 3339 date-time with its UTC offset',
};
const date = {
  type: 'string',
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'calendar date, YYYY-MM-DD',
};
const url = { type: 'string', format: 'uri', pattern: '^https?://' };
const nullableText = { type: ['string', 'null'] };
const optionalUrl = { oneOf: [url, { type: 'null' }] };

/** The schema object; `$id` is the published URL. */
export function scheduleSchema(schemaUrl: string): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl,
    title: 'calpub schedule',
    description:
      'Published events with their agenda, as written by calpub (see its docs/outputs.md, section schedule.json).',
    type: 'object',
    required: ['title', 'description', 'timeZone', 'language', 'updated', 'urls', 'tags', 'events'],
    additionalProperties: false,
    properties: {
      $schema: url,
      title: { type: 'string' },
      description: { type: 'string' },
      timeZone: { type: 'string', description: 'IANA time zone of the site' },
      language: { type: 'string' },
      updated: { oneOf: [dateTime, { type: 'null' }], description: 'when the latest event last changed' },
      urls: {
        type: 'object',
        required: ['site', 'calendar', 'webcal', 'rss', 'atom', 'jsonFeed'],
        additionalProperties: false,
        description:
          "null for outputs calpub.yaml's `outputs` leaves out (site: `pages`; rss, atom, jsonFeed: `feeds`)",
        properties: {
          site: optionalUrl,
          calendar: url,
          webcal: { type: 'string', pattern: '^webcal://' },
          rss: optionalUrl,
          atom: optionalUrl,
          jsonFeed: optionalUrl,
        },
      },
      tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
      events: { type: 'array', items: { $ref: '#/$defs/event' }, description: 'ordered by start, then id' },
    },
    $defs: {
      tag: {
        type: 'object',
        required: ['name', 'slug', 'count', 'page', 'calendar', 'rss'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          slug: { type: 'string', pattern: '^[a-z0-9_.-]+$' },
          count: { type: 'integer', minimum: 1 },
          page: {
            ...optionalUrl,
            description:
              "the tag's page: calpub's, or the linked site's (`permalinkBase`: Hugo's tags/<tag>/); null when there is neither",
          },
          calendar: url,
          rss: { ...optionalUrl, description: 'null without `feeds` in `outputs`' },
        },
      },
      session: {
        type: 'object',
        required: ['start', 'end', 'title'],
        additionalProperties: false,
        properties: { start: dateTime, end: dateTime, title: { type: 'string', minLength: 1 } },
      },
      address: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          street: { type: 'string' },
          city: { type: 'string' },
          region: { type: 'string' },
          postcode: { type: 'string' },
          country: { type: 'string' },
        },
      },
      event: {
        type: 'object',
        required: [
          'id',
          'uid',
          'url',
          'title',
          'series',
          'seriesUrl',
          'start',
          'end',
          'allDay',
          'timeZone',
          'status',
          'location',
          'summary',
          'tags',
          'authors',
          'links',
          'ics',
          'sessions',
          'published',
          'updated',
          'sequence',
        ],
        additionalProperties: false,
        properties: {
          id: { type: 'string', description: 'identity: the page path, e.g. event/my-talk' },
          uid: { type: 'string', description: 'the iCalendar UID, stable forever' },
          url: { ...url, description: "the event's page" },
          title: { type: 'string' },
          series: nullableText,
          seriesUrl: { oneOf: [url, { type: 'null' }] },
          start: { oneOf: [dateTime, date], description: 'date-time, or a date for all-day events' },
          end: {
            oneOf: [dateTime, date],
            description: 'all-day: the last day (inclusive); timed without an end: equals start',
          },
          allDay: { type: 'boolean' },
          timeZone: { type: 'string' },
          status: { enum: ['confirmed', 'tentative', 'cancelled'] },
          location: {
            type: 'object',
            required: ['name', 'address', 'text'],
            additionalProperties: false,
            properties: { name: nullableText, address: { $ref: '#/$defs/address' }, text: nullableText },
          },
          summary: nullableText,
          tags: { type: 'array', items: { type: 'string' } },
          authors: { type: 'array', items: { type: 'string' } },
          links: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'url'],
              additionalProperties: false,
              properties: { name: { type: 'string' }, url },
            },
          },
          ics: { ...url, description: "URL of the event's own .ics" },
          sessions: { type: 'array', items: { $ref: '#/$defs/session' } },
          published: dateTime,
          updated: dateTime,
          sequence: { type: 'integer', minimum: 0 },
        },
        if: { properties: { allDay: { const: true } } },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own `if`/`then` keywords
        then: { properties: { start: date, end: date } },
        else: { properties: { start: dateTime, end: dateTime } },
      },
    },
  };
}
