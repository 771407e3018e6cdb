import { identityOf, isCandidatePage, languageOf, uidOf, urlSafeSegment } from '../../../lambda/core/read/identity';

describe('isCandidatePage', () => {
  it.each([
    ['event/a/index.md', true],
    ['event/2020-08-05.md', true],
    ['event/a/index.fr.md', true],
    ['talk/x.markdown', true],
    ['event/_index.md', false],
    ['event/_index.fr.md', false],
    ['_drafts/event/a/index.md', false],
    ['.git/x.md', false],
    ['event/a/featured.jpg', false],
    ['calpub.yaml', false],
  ])('%s → %s', (path, expected) => expect(isCandidatePage(path)).toBe(expected));
});

describe('identityOf', () => {
  it('gives a page bundle and a single file the same identity, as Hugo permalinks do', () => {
    expect(identityOf('event/my-talk/index.md', null)).toBe('event/my-talk');
    expect(identityOf('event/my-talk.md', null)).toBe('event/my-talk');
  });

  it('lets `slug` replace the last segment', () => {
    expect(identityOf('event/ocr-teklia/index.md', 'ocrisation-teklia')).toBe('event/ocrisation-teklia');
  });

  it('puts language variants under their language', () => {
    expect(identityOf('event/monthly-1/index.fr.md', null)).toBe('fr/event/monthly-1');
    expect(identityOf('event/monthly-1.fr.md', null)).toBe('fr/event/monthly-1');
    expect(languageOf('event/monthly-1/index.md')).toBeNull();
  });

  it('keeps year sub-folders and language folders', () => {
    expect(identityOf('ru/event/2023/jugnsk/index.md', null)).toBe('ru/event/2023/jugnsk');
  });

  it('makes spaces, &, accents and dashes URL-safe, lower-cased like Hugo', () => {
    expect(identityOf('event/Paper Accepted at ICSOC 2024/index.md', null)).toBe('event/paper-accepted-at-icsoc-2024');
    expect(identityOf('event/R&D_showcase/index.md', null)).toBe('event/rd_showcase');
    expect(identityOf('event/charlas-aneib-—-universidad-arturo-prat/index.md', null)).toBe(
      'event/charlas-aneib-universidad-arturo-prat',
    );
    expect(identityOf('talk/2018-10_ISOQOL/index.md', null)).toBe('talk/2018-10_isoqol');
    expect(urlSafeSegment('Événement à Paris')).toBe('evenement-a-paris');
  });

  it('drops letters with no ASCII form but keeps segments distinct with a hash', () => {
    const a = urlSafeSegment('马斯诸塞州大学-王凌飞博士：reconstructing-networks');
    const b = urlSafeSegment('北京大学-李博士：reconstructing-networks');
    expect(a).toMatch(/^reconstructing-networks-[0-9a-f]{8}$/);
    expect(b).toMatch(/^reconstructing-networks-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(urlSafeSegment('Онлайн')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('never yields a segment that climbs out of a folder', () => {
    for (const evil of ['..', '.', '../..', '...']) {
      const id = identityOf('event/a/index.md', evil);
      expect(id.split('/')).not.toContain('..');
      expect(id.split('/')).not.toContain('.');
      expect(id.split('/').every((s) => s.length > 0)).toBe(true);
    }
    expect(identityOf('event/a/index.md', '../../etc/passwd')).toMatch(/^event\/[a-z0-9_.-]+$/);
  });

  it('is stable: the same path always gives the same identity and UID', () => {
    expect(uidOf(identityOf('event/x/index.md', null), 'example.org')).toBe('event/x@example.org');
  });
});
