/**
 * Identifier rules shared by the schema and the deep-link module.
 * Kept free of zod so that the tourist's bundle can use them without the validator.
 */

/**
 * Short, URL-safe identifiers: they appear in deep links printed on QR posters. At most 20
 * characters, so that a tour/scene/hotspot link on a 30-character host still fits a
 * version-6 QR code at error correction M (106 bytes), which stays readable when small.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,19}$/;

/** BCP 47 language tag, simplified: `vi`, `en`, `zh-Hant`, `pt-BR`. */
export const LANG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const isId = (value: string): boolean => ID_PATTERN.test(value);
export const isLanguageCode = (value: string): boolean => LANG_PATTERN.test(value);
