import {
  absoluteUrl,
  address,
  eventUrl,
  flag,
  geo,
  image,
  links,
  location,
  locationLine,
  stringList,
  text,
  type Warn,
} from '../../../lambda/core/read/fields';

describe('locationLine', () => {
  it('writes the venue, then the address parts it does not already name', () => {
    expect(
      locationLine('Lieu de la transformation publique, 20 avenue de Ségur, Paris', {
        street: '20 avenue de Ségur',
        city: 'Paris',
        postcode: '75007',
        country: 'France',
      }),
    ).toBe('Lieu de la transformation publique, 20 avenue de Ségur, Paris, 75007, France');
  });

  it('says a place once when the venue names it and the address repeats it', () => {
    expect(locationLine('Campus Nord, Ville', { city: 'Campus Nord' })).toBe('Campus Nord, Ville');
    expect(locationLine('Campus Nord, Ville', { street: 'Campus Nord, Bât. A', city: 'Ville' })).toBe(
      'Campus Nord, Ville, Bât. A',
    );
    expect(locationLine('Campus Nord', { city: 'Campus Nord, Ville' })).toBe('Campus Nord, Ville');
  });

  it('compares pieces whatever the case, accents and punctuation', () => {
    expect(locationLine('Genève, Palais des Nations', { city: 'GENEVE', country: 'Suisse' })).toBe(
      'Genève, Palais des Nations, Suisse',
    );
    expect(locationLine('Parisian Hall', { city: 'Paris' })).toBe('Parisian Hall, Paris');
  });

  it("keeps a city that a venue's name contains: the name is not the city", () => {
    expect(
      locationLine('Université de Montréal', {
        street: '2900 boulevard Édouard-Montpetit',
        city: 'Montréal',
        region: 'QC',
        country: 'Canada',
      }),
    ).toBe('Université de Montréal, 2900 boulevard Édouard-Montpetit, Montréal, QC, Canada');
    expect(locationLine('UNIVERSITE de Genève', { city: 'Geneve', country: 'Suisse' })).toBe(
      'UNIVERSITE de Genève, Geneve, Suisse',
    );
  });

  it('keeps commas inside URLs', () => {
    expect(locationLine('Zoom (https://zoom.example/j/1?pwd=a,b)', null)).toBe(
      'Zoom (https://zoom.example/j/1?pwd=a,b)',
    );
  });

  it('is null with nothing to say', () => {
    expect(locationLine(null, null)).toBeNull();
    expect(locationLine('', {})).toBeNull();
  });
});

describe('front-matter values in every shape real pages write', () => {
  const run = <T>(read: (warn: Warn) => T): [T, string[]] => {
    const warnings: string[] = [];
    return [read((field, message) => warnings.push(`${field}: ${message}`)), warnings];
  };

  it('text: trims, reads numbers and booleans, ignores blanks, lists and groups with a warning', () => {
    expect(run((w) => text({ t: '  Hi  ' }, 't', w))).toEqual(['Hi', []]);
    expect(run((w) => text({ t: 42 }, 't', w))).toEqual(['42', []]);
    expect(run((w) => text({ t: false }, 't', w))).toEqual(['false', []]);
    expect(run((w) => text({ t: '   ' }, 't', w))).toEqual([null, []]);
    expect(run((w) => text({ t: null }, 't', w))).toEqual([null, []]);
    expect(run((w) => text({ t: ['a'] }, 't', w))).toEqual([
      null,
      ['t: `t` should be text, not a list; it is ignored'],
    ]);
    expect(run((w) => text({ t: { a: 1 } }, 't', w))).toEqual([
      null,
      ['t: `t` should be text, not a group of keys; it is ignored'],
    ]);
  });

  it('stringList: a list or one value, numbers as text, each once, other entries left out with a warning', () => {
    expect(run((w) => stringList({ tags: ' R ' }, 'tags', w))).toEqual([['R'], []]);
    expect(run((w) => stringList({ tags: ['R', 2024, 'R', ' ', null] }, 'tags', w))).toEqual([['R', '2024'], []]);
    expect(run((w) => stringList({ tags: [true, 'R'] }, 'tags', w))).toEqual([
      ['R'],
      ['tags: `tags` holds true, which is not text; that entry is ignored'],
    ]);
    expect(run((w) => stringList({}, 'tags', w))).toEqual([[], []]);
  });

  it('flag: booleans and their words, anything else false with a warning', () => {
    expect(['true', ' Yes ', 'no', 'FALSE'].map((v) => run((w) => flag({ f: v }, 'f', w))[0])).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(run((w) => flag({ f: true }, 'f', w))).toEqual([true, []]);
    expect(run((w) => flag({}, 'f', w))).toEqual([false, []]);
    expect(run((w) => flag({ f: 'maybe' }, 'f', w))).toEqual([
      false,
      ['f: `f` should be true or false, not "maybe"; false is used'],
    ]);
    expect(run((w) => flag({ f: 1 }, 'f', w))[1]).toHaveLength(1);
  });

  it('absoluteUrl and image: http(s) only, the bundle image of Wowchemy by its filename', () => {
    expect(absoluteUrl(' HTTPS://x.org/a b ')).toBe('https://x.org/a%20b');
    expect([
      absoluteUrl('ftp://x.org/'),
      absoluteUrl('x.org'),
      absoluteUrl(3),
      absoluteUrl('http://'),
      absoluteUrl('https:x.org'),
    ]).toEqual([null, null, null, null, null]);
    expect(image({ image: { filename: 'https://x.org/i.png' } })).toBe('https://x.org/i.png');
    expect(image({ image: 'featured.jpg' })).toBeNull();
  });

  it('event_url: a URL or the first of a list of links; a placeholder quietly, anything else with a warning', () => {
    expect(run((w) => eventUrl({ event_url: [{ title: 'a' }, { url: 'https://x.org/' }] }, w))).toEqual([
      'https://x.org/',
      [],
    ]);
    expect(run((w) => eventUrl({ event_url: '.' }, w))).toEqual([null, []]);
    expect(run((w) => eventUrl({ event_url: '' }, w))).toEqual([null, []]);
    expect(run((w) => eventUrl({ event_url: 'x.org' }, w))).toEqual([
      null,
      ['event_url: `event_url` "x.org" is not an absolute http(s) URL; it is ignored'],
    ]);
  });

  it('location: one line, Markdown links as text and URL', () => {
    expect(location({ location: '[Hall](https://x.org/h)\n\n  Paris  ' }, () => {})).toBe(
      'Hall (https://x.org/h), Paris',
    );
    expect(location({ location: '[https://x.org/](https://x.org/)' }, () => {})).toBe('https://x.org/');
  });

  it('address: its five parts, a postcode number as text; anything else ignored with a warning', () => {
    expect(run((w) => address({ address: { city: ' Lyon ', postcode: 69001, street: '', other: 'x' } }, w))).toEqual([
      { city: 'Lyon', postcode: '69001' },
      [],
    ]);
    expect(run((w) => address({ address: { street: ' ' } }, w))).toEqual([null, []]);
    expect(run((w) => address({ address: 'Lyon' }, w))[1]).toHaveLength(1);
  });

  it('links: the url_* buttons and `links`, each URL once, files of the page folder left out with a warning', () => {
    const [found, warnings] = run((w) =>
      links(
        {
          url_slides: 'https://x.org/s',
          url_pdf: 'talk.pdf',
          url_code: '.',
          links: [
            { name: ' Blog ', url: 'https://x.org/b' },
            { url: 'https://x.org/s' },
            { url: 'https://x.org/c' },
            { name: ' ', url: 'https://x.org/d' },
            'x',
          ],
        },
        w,
      ),
    );
    expect(found).toEqual([
      { name: 'Slides', url: 'https://x.org/s' },
      { name: 'Blog', url: 'https://x.org/b' },
      { name: 'Link', url: 'https://x.org/c' },
      { name: 'Link', url: 'https://x.org/d' },
    ]);
    expect(warnings).toEqual([
      'url_pdf: `url_pdf` "talk.pdf" is not an absolute http(s) URL (files inside the page folder are not published by calpub); it is left out',
    ]);
  });

  it('geo: lat and lon (or lng) in range, else ignored with a warning', () => {
    expect(run((w) => geo({ geo: { lat: '48.8', lng: 2.35 } }, w))).toEqual([{ lat: 48.8, lon: 2.35 }, []]);
    expect(run((w) => geo({ geo: { lat: -90, lon: -180 } }, w))).toEqual([{ lat: -90, lon: -180 }, []]);
    for (const bad of [{ lat: 91, lon: 0 }, { lat: 0, lon: 181 }, { lat: 'x', lon: 0 }, [1, 2]])
      expect(run((w) => geo({ geo: bad }, w))).toEqual([
        null,
        ['geo: `geo` should be `{lat: <-90..90>, lon: <-180..180>}`; it is ignored'],
      ]);
  });
});
