// The two languages every user-facing label of the product ships in.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported locale; a missing translation is a type error, not a blank label. */
export type Localized = Record<Locale, string>;

export const localize = (text: Localized, locale: Locale): string => text[locale];
