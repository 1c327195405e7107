// The two languages every user-facing label of the product ships in.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported locale; a missing translation is a type error, not a blank label. */
export type Localized = Record<Locale, string>;

export const localize = (text: Localized, locale: Locale): string => text[locale];

/**
 * A value a sentence is built from (a card's type, a count, a port…): JSON, so lint issues and API
 * errors carry it over the wire and each reader phrases the sentence in its own language.
 */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | readonly ParamValue[]
  | { [key: string]: ParamValue };
export type Params = { [key: string]: ParamValue };
