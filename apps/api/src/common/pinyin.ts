/**
 * Chinese names in the order people look them up: by pinyin (ICU's collation for zh-CN), as published
 * lists of names are ordered when no order of merit is meant.
 */
const PINYIN = new Intl.Collator('zh-CN');

export const byPinyin = (a: string, b: string): number => PINYIN.compare(a, b);
