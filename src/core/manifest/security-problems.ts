/**
 * Texts of the problems that keep hostile tours out (issue 21): a manifest too large to read,
 * an address that is not `https:`, an info text too long to show. Spread into the catalogue
 * (problem-codes.ts) like the media and zip problems.
 */
import type { LocalizedMessage, Severity } from './problem-basics.ts';

type M = LocalizedMessage;

const error = <D>(message: (details: D) => M) => ({ severity: 'error' as Severity, message });

const mib = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** `javascript:alert(1)…` shortened, so that a hostile value cannot fill the report. */
const shown = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

export const SECURITY_PROBLEMS = {
  /** Checked on the file's size, before it is read or parsed. */
  'manifest-too-large': error((d: { bytes: number; limit: number }) => ({
    vi: `Tệp tour.json quá lớn (${mib(d.bytes)}, tối đa ${mib(d.limit)}), nên không được đọc. Một tour thật chỉ vài trăm KB. Cách sửa: kiểm tra xem tệp có bị chép nhầm nội dung khác vào không; ảnh và âm thanh phải là tệp riêng, không nằm trong tour.json.`,
    en: `tour.json is too large (${mib(d.bytes)}, at most ${mib(d.limit)}), so it was not read. A real tour is a few hundred KB. Fix: check that nothing else was pasted into the file; pictures and sound are separate files, never inside tour.json.`,
  })),
  /** Credits: `https:` only; links: `https:` or `http:`. Never `javascript:`, `data:`, `file:`. */
  'url-not-https': error((d: { value: string; httpAllowed: boolean }) => ({
    vi: `"${shown(d.value)}" không phải địa chỉ web an toàn: ở đây chỉ dùng được địa chỉ bắt đầu bằng https://${d.httpAllowed ? ' (hoặc http://)' : ''}; các loại như javascript:, data:, file: có thể chạy mã hoặc đọc tệp trên máy khách. Cách sửa: ghi địa chỉ trang web, ví dụ https://commons.wikimedia.org/…`,
    en: `"${shown(d.value)}" is not a safe web address: only addresses starting with https://${d.httpAllowed ? ' (or http://)' : ''} are allowed here; kinds such as javascript:, data: and file: can run code or read the visitor's files. Fix: write the web page's address, e.g. https://commons.wikimedia.org/…`,
  })),
  'info-body-too-long': error((d: { length: number; max: number }) => ({
    vi: `Nội dung này dài ${d.length} ký tự, quá giới hạn ${d.max} ký tự cho mỗi ngôn ngữ (khách đọc trên điện thoại). Cách sửa: rút ngắn, hoặc chia thành nhiều điểm thông tin.`,
    en: `This text has ${d.length} characters, more than the limit of ${d.max} per language (visitors read it on a phone). Fix: shorten it, or split it over several info points.`,
  })),
};
