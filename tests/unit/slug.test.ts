import { describe, expect, it } from 'vitest';
import { cleanId } from '../../src/core/import/common.ts';
import { isId } from '../../src/core/manifest/ids.ts';
import { ID_INPUT_PATTERN, MAX_ID_LENGTH, slugify } from '../../src/core/manifest/slug.ts';
import { uniqueId } from '../../src/editor/model.ts';

describe('slugify: ids from Vietnamese names', () => {
  it('folds the tester’s title into the tour code', () => {
    expect(slugify('Đền Thử Nghiệm')).toBe('den-thu-nghiem');
  });

  it('turns đ and Đ into d', () => {
    expect(slugify('đình Đồng Đa')).toBe('dinh-dong-da');
    expect(slugify('ĐĐđđ')).toBe('dddd');
  });

  it('drops all five tones on every vowel, with their hats and horns', () => {
    // ngang, sắc, huyền, hỏi, ngã, nặng
    expect(slugify('a á à ả ã ạ')).toBe('a-a-a-a-a-a');
    expect(slugify('ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ')).toBe('a-a-a-a-a-a-a-a-a-a');
    expect(slugify('ế ề ể ễ ệ')).toBe('e-e-e-e-e');
    expect(slugify('í ì ỉ ĩ ị')).toBe('i-i-i-i-i');
    expect(slugify('ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ')).toBe('o-o-o-o-o-o-o-o-o-o');
    expect(slugify('ứ ừ ử ữ ự')).toBe('u-u-u-u-u');
    expect(slugify('ý ỳ ỷ ỹ ỵ')).toBe('y-y-y-y-y');
    expect(slugify('Chùa Một Cột')).toBe('chua-mot-cot');
    expect(slugify('Hưng Yên')).toBe('hung-yen');
  });

  it('folds text typed in decomposed form (NFD) the same as composed', () => {
    expect(slugify('Nghiệm'.normalize('NFD'))).toBe('nghiem');
  });

  it('makes one "-" of every run of spaces and punctuation', () => {
    expect(slugify('Văn   Miếu — Quốc Tử')).toBe('van-mieu-quoc-tu');
    expect(slugify('a, b. c! (d) / e')).toBe('a-b-c-d-e');
    expect(slugify('a - b')).toBe('a-b');
    expect(slugify('tab\tand\nnewline')).toBe('tab-and-newline');
  });

  it('keeps a lone underscore, digits, and drops junk at both ends', () => {
    expect(slugify('cong_1')).toBe('cong_1');
    expect(slugify('  --Đền Hùng!!  ')).toBe('den-hung');
    expect(slugify('__Tháp 2__')).toBe('thap-2');
    expect(slugify('...1975...')).toBe('1975');
  });

  it('gives an empty result when nothing is left, for the caller to replace', () => {
    expect(slugify('')).toBe('');
    expect(slugify('!!! ??? ---')).toBe('');
    expect(slugify('中文')).toBe('');
  });

  it('caps the length to what the id rule allows, without a trailing separator', () => {
    const long = slugify('Khu di tích lịch sử Đền Hùng Phú Thọ');
    expect(long).toBe('khu-di-tich-lich-su');
    expect(long.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(isId(long)).toBe(true);
    expect(slugify('a'.repeat(40))).toHaveLength(MAX_ID_LENGTH);
    expect(slugify('Hồ Gươm', 3)).toBe('ho');
  });

  it('always gives a valid id or nothing', () => {
    const names = ['Đền Thử Nghiệm', '  ', '-_-', 'Ấp Bắc 1963', 'x'.repeat(99), 'Ở_đây'];
    for (const name of names) {
      const id = slugify(name);
      expect(id === '' || isId(id), `${name} → ${id}`).toBe(true);
    }
  });

  it('is the folding of the importers and of the editor’s generated ids', () => {
    expect(cleanId('Đền Thử Nghiệm', new Set())).toBe(slugify('Đền Thử Nghiệm'));
    expect(cleanId('a - b', new Set())).toBe('a-b');
    expect(uniqueId('Đền Thử Nghiệm', [])).toBe('den-thu-nghiem');
  });
});

describe('ID_INPUT_PATTERN: the browser’s pattern attribute', () => {
  // What browsers do with `pattern`: the whole value must match, compiled with the `v` flag.
  const asBrowser = () => new RegExp(`^(?:${ID_INPUT_PATTERN})$`, 'v');

  it('compiles with the v flag (an invalid pattern is silently ignored by the browser)', () => {
    expect(asBrowser).not.toThrow();
    // The old attribute did not: a bare "-" in a class is a syntax error under `v`.
    const oldAttribute = '[a-z0-9][a-z0-9_-]{0,19}';
    expect(() => new RegExp(`^(?:${oldAttribute})$`, 'v')).toThrow(SyntaxError);
  });

  it('accepts and refuses the same codes as the id rule', () => {
    const samples = [
      'den-thu-nghiem',
      'a',
      '1',
      'a_b',
      'a-',
      'a'.repeat(20),
      'a'.repeat(21),
      '',
      '-a',
      '_a',
      'Den',
      'đền',
      'den thu',
      'den/thu',
      'den.thu',
      'a\\b',
      'a[b',
      'a--b',
    ];
    const pattern = asBrowser();
    for (const sample of samples) {
      expect(pattern.test(sample), JSON.stringify(sample)).toBe(isId(sample));
    }
    expect(samples.filter(isId).length).toBeGreaterThan(4);
    expect(samples.filter((s) => !isId(s)).length).toBeGreaterThan(4);
  });
});
