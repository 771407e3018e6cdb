import { locationLine } from '../../../lambda/core/read/fields';

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
