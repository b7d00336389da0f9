import type { Language } from "#src/domain/languages.ts";

/** One message in every language (ICU MessageFormat). A missing language is a compile error. */
export type Message = Readonly<Record<Language, string>>;
export type Messages = Readonly<Record<string, Message>>;

/** What a parameter may be: shown as plain text (the views escape it), or counted for a plural. */
export type ParamValue = string | number;
export type Params = Readonly<Record<string, ParamValue>>;

// The parameters a message needs, read by the compiler from its English source literal, so that
// `t("review.matrix.count", {})` fails to compile instead of showing "{count}". A small scanner
// over the ICU text: in message text `{` opens an argument (`{name}`, `{count, plural, …}`) and a
// quoted `'{…}'` is literal; inside a plural or select, `{` opens a branch, which is message text
// again. plural, selectordinal and number arguments take a number.

type IdentChar =
  | "_" | "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9"
  | "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "l" | "m" | "n" | "o" | "p" | "q" | "r" | "s" | "t" | "u" | "v" | "w" | "x" | "y" | "z"
  | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "S" | "T" | "U" | "V" | "W" | "X" | "Y" | "Z";
type IsIdent<S extends string> = S extends `${infer C}${infer Rest}` ? (C extends IdentChar ? (Rest extends "" ? true : IsIdent<Rest>) : false) : false;
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

type Argument<Name extends string, Format extends string> =
  IsIdent<Name> extends true ? { name: Name; value: Format extends "plural" | "selectordinal" | "number" ? number : ParamValue } : never;

/** Splits at the first `,` or `}`: [before, which, after]. */
type Header<S extends string> = S extends `${infer A}}${infer B}`
  ? A extends `${infer A1},${infer B1}` ? [A1, ",", `${B1}}${B}`] : [A, "}", B]
  : S extends `${infer A},${infer B}` ? [A, ",", B] : never;

/** Where the scanner is: message text ("text") or the branches of a plural or select ("branches"). */
type Context = "text" | "branches";

type Scan<S extends string, Stack extends Context[], Found> = Stack extends ["text", ...infer Rest extends Context[]]
  ? S extends `${infer Before}{${infer After}`
    ? Before extends `${string}}${infer Closed}`
      ? Scan<`${Closed}{${After}`, Rest, Found>
      : Before extends `${string}'` ? (After extends `${string}'${infer R}` ? Scan<R, Stack, Found> : Found) : ScanArgument<After, Stack, Found>
    : S extends `${string}}${infer Closed}` ? Scan<Closed, Rest, Found> : Found
  : Stack extends ["branches", ...infer Rest extends Context[]]
    ? S extends `${infer Before}{${infer After}`
      ? Before extends `${string}}${infer Closed}` ? Scan<`${Closed}{${After}`, Rest, Found> : Scan<After, ["text", ...Stack], Found>
      : S extends `${string}}${infer Closed}` ? Scan<Closed, Rest, Found> : Found
    : Found;

type ScanArgument<S extends string, Stack extends Context[], Found> = Header<S> extends [infer Name extends string, infer Which, infer Rest extends string]
  ? Which extends "}"
    ? Scan<Rest, Stack, Found | Argument<Trim<Name>, "">>
    : Header<Rest> extends [infer Format extends string, infer Which2, infer Rest2 extends string]
      ? Which2 extends "}"
        ? Scan<Rest2, Stack, Found | Argument<Trim<Name>, Trim<Format>>>
        : Trim<Format> extends "plural" | "selectordinal" | "select"
          ? Scan<Rest2, ["branches", ...Stack], Found | Argument<Trim<Name>, Trim<Format>>>
          : Rest2 extends `${string}}${infer Rest3}` ? Scan<Rest3, Stack, Found | Argument<Trim<Name>, Trim<Format>>> : Found
      : Found
  : Found;

type Arguments<S extends string> = Scan<S, ["text"], never>;

/** The parameters of an ICU message source, e.g. `{ count: number; name: ParamValue }`. */
export type ParamsOf<S extends string> = {
  [N in Arguments<S>["name"]]: [Extract<Arguments<S>, { name: N; value: number }>] extends [never] ? ParamValue : number;
};
