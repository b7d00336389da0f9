/**
 * The one form of an e-mail address that is stored, looked up and counted: compatibility forms
 * folded (NFKC, so full-width letters are the plain ones), surrounding Unicode white space
 * removed, lower-cased. Two spellings of one address always give the same string.
 */
export const normalizeEmail = (value: string): string => value.normalize("NFKC").trim().toLowerCase();
