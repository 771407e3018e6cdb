/** Where a page says its venue is, and the zone that gives: real pages' addresses and locations. */
import { venueZoneOf } from '../../../lambda/core/read/venue-zone';

const zone = (address: Record<string, string> | null, location: string | null) =>
  venueZoneOf(address, location)?.zone ?? null;

describe('venueZoneOf', () => {
  it('reads the country of an address in its own language, or its ISO code', () => {
    expect(zone({ country: 'Belgique' }, null)).toBe('Europe/Brussels');
    expect(zone({ country: 'België' }, null)).toBe('Europe/Brussels');
    expect(zone({ country: 'Tunisie', city: 'Tunis' }, null)).toBe('Africa/Tunis');
    expect(zone({ country: 'India', city: 'Haryana', region: 'Kurukshetra' }, 'NIT Kurukshetra')).toBe('Asia/Kolkata');
    expect(zone({ country: 'Italy', city: 'piazza Santa Margherita 2', region: "L'Aquila" }, null)).toBe('Europe/Rome');
    expect(zone({ country: 'China', region: 'CN', city: 'Beijing, Haidian District' }, null)).toBe('Asia/Shanghai');
    expect(zone({ country: 'FR' }, null)).toBe('Europe/Paris');
    expect(zone({ country: 'Казахстан', city: 'Нур-Султан' }, 'Astana IT University')).toBe('Asia/Almaty');
  });

  it('needs a region or a city in a country with several zones, and finds it in the address or the location', () => {
    expect(zone({ country: 'United States' }, null)).toBeNull();
    expect(zone({ country: 'United States', region: 'CA', city: 'Stanford' }, 'Wowchemy HQ')).toBe(
      'America/Los_Angeles',
    );
    expect(zone({ country: 'Canada', region: 'QC', city: 'Montréal' }, null)).toBe('America/Toronto');
    expect(zone({ country: 'Canada', region: 'Colombie-Britannique' }, null)).toBe('America/Vancouver');
    expect(zone({ country: 'Россия', street: 'ул. Николаева 12/1' }, 'Новосибирск, АкадемПарк (ЦКП)')).toBe(
      'Asia/Novosibirsk',
    );
    expect(zone({ country: 'Brasil', city: 'Recife' }, null)).toBe('America/Recife');
    expect(zone({ country: 'Brasil' }, null)).toBe('America/Sao_Paulo');
    expect(zone({ country: 'Chile', region: 'Valparaíso', city: 'Viña del Mar' }, null)).toBe('America/Santiago');
    expect(zone({ country: 'España', city: 'Las Palmas de Gran Canaria' }, null)).toBe('Atlantic/Canary');
  });

  it('reads the places of a location, whole pieces between commas and brackets, never words inside a name', () => {
    expect(venueZoneOf(null, 'Centre Pierre Mendès-France, Bercy, Paris')).toEqual({
      zone: 'Europe/Paris',
      said: 'Paris',
    });
    expect(zone(null, "Ministère de l'Economie (Paris, Bercy) ou distanciel")).toBe('Europe/Paris');
    expect(zone(null, '75013 Paris')).toBe('Europe/Paris');
    expect(zone(null, 'University of L’Aquila, Italy')).toBe('Europe/Rome');
    expect(zone(null, 'Austin, TX')).toBe('America/Chicago');
    expect(zone(null, 'Paris Hall')).toBeNull();
    expect(zone(null, 'Université de Montréal')).toBeNull();
    for (const online of [
      'Zoom',
      'Online (Zoom)',
      'Evénement en visio (zoom)',
      'Virtual Event',
      'Youtube stream',
      'TBD',
      'Ploufragan (22)',
    ])
      expect([online, zone(null, online)]).toEqual([online, null]);
  });

  it('goes with the country most pieces point to', () => {
    expect(zone(null, 'Atlanta, Georgia')).toBe('America/New_York');
    expect(zone(null, 'Tbilisi, Georgia')).toBe('Asia/Tbilisi');
    expect(zone(null, 'Paris, TX')).toBe('America/Chicago');
    expect(zone({ country: 'France' }, 'Hotel London, Lyon')).toBe('Europe/Paris');
  });

  it('gives a tie to the country named first: the address before the location', () => {
    expect(zone({ country: 'Belgique' }, 'Lille, France')).toBe('Europe/Brussels');
    expect(zone({ country: 'France' }, 'Bruxelles, Belgique')).toBe('Europe/Paris');
    expect(zone(null, 'France / Belgique')).toBe('Europe/Paris');
  });

  it('reads postal codes of regions only as written, in capitals', () => {
    expect(zone(null, 'Denver, CO')).toBe('America/Denver');
    expect(zone(null, 'Talk, in English, or French')).toBeNull();
  });
});
