/**
 * Scene titles and codes from picture file names: a camera's name becomes "Cảnh 1", "Cảnh 2"…
 * (never a title like "IMG_20250301_0815…" that overflows the list and ends up in QR links);
 * a name a person chose gives its words and a folded code.
 */
import { describe, expect, it } from 'vitest';
import { isId } from '../../src/core/manifest/ids.ts';
import {
  isCameraName,
  sceneNameFromFile,
  type TakenNames,
} from '../../src/core/manifest/scene-names.ts';

const none: TakenNames = { codes: [], titles: [] };

describe('camera file names', () => {
  it.each([
    'IMG_20250301_081500.jpg',
    'IMG_20250301_081500_HDR.jpg',
    'DSC01234.JPG',
    'DSCN0042.jpg',
    'PXL_20240101_123456789.PANO.jpg',
    'PXL_20240101_123456789.MP.jpg',
    'R0010023.JPG',
    'GOPR0042.JPG',
    'VID_20240101_120000.jpg',
    '20250301_081500.jpg',
    '2025-03-01 08.15.00.png',
    'Panorama.jpg',
    'pano.jpg',
    'Panorama (2).webp',
    'IMG-20250301-WA0003.jpg',
  ])('%s becomes "Cảnh 1" with code canh-1', (file) => {
    expect(sceneNameFromFile(file, none)).toEqual({
      title: 'Cảnh 1',
      code: 'canh-1',
      numbered: true,
    });
  });

  it('takes the next free number, by code and by title', () => {
    const taken = { codes: ['canh-1', 'canh-2'], titles: ['Cảnh 3'] };
    expect(sceneNameFromFile('IMG_1.jpg', taken)).toMatchObject({
      title: 'Cảnh 4',
      code: 'canh-4',
    });
    // A former code (an alias kept for printed QR codes) is taken too.
    expect(sceneNameFromFile('IMG_1.jpg', { codes: ['canh-1'], titles: [] }).code).toBe('canh-2');
  });

  it('says "Scene 1" in a tour whose default language is English', () => {
    expect(sceneNameFromFile('DSC0001.jpg', none, 'en')).toMatchObject({
      title: 'Scene 1',
      code: 'scene-1',
    });
  });

  it('does not take a name with words for a camera name', () => {
    expect(isCameraName('cong-tam-quan')).toBe(false);
    expect(isCameraName('Hậu cung')).toBe(false);
    expect(isCameraName('IMG_20250301')).toBe(true);
  });
});

describe('names people chose', () => {
  it('gives the words as the title and the folded words as the code', () => {
    expect(sceneNameFromFile('cong-tam-quan.jpg', none)).toEqual({
      title: 'Cong tam quan',
      code: 'cong-tam-quan',
      numbered: false,
    });
    expect(sceneNameFromFile('Hậu cung.jpg', none)).toEqual({
      title: 'Hậu cung',
      code: 'hau-cung',
      numbered: false,
    });
    expect(sceneNameFromFile('Đền Thượng_2 (1).jpg', none)).toMatchObject({
      title: 'Đền Thượng 2',
      code: 'den-thuong-2',
    });
  });

  it('keeps codes unique and within the id rules, however long the name', () => {
    const long = 'Sân trước nhà bái đường nhìn từ cổng chính về phía hậu cung.jpg';
    const first = sceneNameFromFile(long, none);
    expect(isId(first.code)).toBe(true);
    const second = sceneNameFromFile(long, { codes: [first.code], titles: [first.title] });
    expect(second.code).not.toBe(first.code);
    expect(isId(second.code)).toBe(true);
    expect(sceneNameFromFile('hau-cung.jpg', { codes: ['hau-cung'], titles: [] }).code).toBe(
      'hau-cung-2',
    );
  });

  it('never gives an empty title or a code that is no id', () => {
    for (const file of ['.jpg', '___.png', '   .webp', '😀.jpg', 'ảnh.jpg']) {
      const name = sceneNameFromFile(file, none);
      expect(name.title.trim()).not.toBe('');
      expect(isId(name.code), `${file} → ${name.code}`).toBe(true);
    }
  });
});
