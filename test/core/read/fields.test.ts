import { locationLine } from '../../../lambda/core/read/fields';

describe('locationLine', () => {
  it('writes the venue, then the address parts it does not already name', () => {
    expect(locationLine('Lieu de la transformation publique, 20 avenue de Ségur, Paris', { street: '20 avenue de Ségur', city: 'Paris', postcode: '75007', country: 'France' })).toBe(
      'Lieu de la transformation publique, 20 avenue de Ségur, Paris, 75007, France',
    );
  });

  it('says a place once when the venue names it and the address repeats it', () => {
    expect(locationLine('Campus Nord, Ville', { city: 'Campus Nord' })).toBe('Campus Nord, Ville');
    expect(locationLine('Campus Nord, Ville', { street: 'Campus Nord, Bât. A', city: 'Ville' })).toBe('Campus Nord, Ville, Bât. A');
    expect(locationLine('Campus Nord', { city: 'Campus Nord, Ville' })).toBe('Campus Nord, Ville');
  });

  it('compares words whatever the case, accents and punctuation, never parts of words', () => {
    expect(locationLine('UNIVERSITE de Genève', { city: 'Geneve', country: 'Suisse' })).toBe('UNIVERSITE de Genève, Suisse');
    expect(locationLine('Parisian Hall', { city: 'Paris' })).toBe('Parisian Hall, Paris');
  });

  it('keeps commas inside URLs', () => {
    expect(locationLine('Zoom (https://zoom.example/j/1?pwd=a,b)', null)).toBe('Zoom (https://zoom.example/j/1?pwd=a,b)');
  });

  it('is null with nothing to say', () => {
    expect(locationLine(null, null)).toBeNull();
    expect(locationLine('', {})).toBeNull();
  });
});
