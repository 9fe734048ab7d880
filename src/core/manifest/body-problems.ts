/**
 * Texts of the problems found in info bodies (issue 17): what the viewer's Markdown renderer
 * will show differently from what the author meant. Spread into the catalogue
 * (problem-codes.ts) like the security problems.
 */
import type { LocalizedMessage, Severity } from './problem-basics.ts';

type M = LocalizedMessage;

const warning = <D>(message: (details: D) => M) => ({ severity: 'warning' as Severity, message });

/** A hostile or pasted value cannot fill the report. */
const shown = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

export const BODY_PROBLEMS = {
  /** `[label](url)` whose address is not http(s) or mailto: the viewer shows it as text. */
  'body-link-not-shown': warning((d: { label: string; url: string; suggestion?: string }) => ({
    vi: `Liên kết "${shown(d.label)}" sẽ hiện thành chữ thường, khách không bấm được: địa chỉ "${shown(d.url)}" không bắt đầu bằng https://, http:// hoặc mailto:. Cách sửa: ${d.suggestion ? `ghi đầy đủ địa chỉ, ví dụ ${shown(d.suggestion)}` : 'thay bằng địa chỉ một trang web (https://…)'}.`,
    en: `The link "${shown(d.label)}" will show as plain text that visitors cannot open: the address "${shown(d.url)}" does not start with https://, http:// or mailto:. Fix: ${d.suggestion ? `write the whole address, e.g. ${shown(d.suggestion)}` : "use a web page's address (https://…)"}.`,
  })),
};
