import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/import/detect-language.ts';

const cases: [string, string[], string][] = [
  ['no text at all', [], 'vi'],
  ['only digits and punctuation', ['1', '— 2 —'], 'vi'],
  ['Vietnamese, NFC', ['Cửa Đi Mở Lùa 3 Ray', 'Phòng khách'], 'vi'],
  ['Vietnamese, NFD', ['Dinh Bảo Đại'.normalize('NFD'), 'Nhà thờ'.normalize('NFD')], 'vi'],
  ['Vietnamese without đ/ư, tone on ê', ['Bến Ninh Kiều'], 'vi'],
  ['Vietnamese dot below only', ['Chợ nổi Cái Răng'], 'vi'],
  ['Korean', ['경복궁 입구'], 'ko'],
  ['Japanese: kana with kanji', ['東京タワーの入口'], 'ja'],
  ['Chinese: Han alone', ['全景演示', '客厅'], 'zh'],
  ['English', ['Gate Entrance Inside', 'The wash house'], 'en'],
  ['Romanian comes out as English', ['Biserica Sfinții Dumitru și Nestor'], 'en'],
  ['French letters', ['Entrée de la maison', 'Salle à manger', 'Cuisine équipée'], 'fr'],
  ['French words', ['Vue des jardins et la terrasse'], 'fr'],
  ['English with one café', ['The view of the café and the room'], 'en'],
  ['French ê/ô alone is not Vietnamese', ['Fenêtre', 'Hôtel de la gare'], 'fr'],
];

describe('detectLanguage', () => {
  it.each(cases)('%s', (_name, texts, expected) => {
    expect(detectLanguage(texts)).toBe(expected);
  });
});
