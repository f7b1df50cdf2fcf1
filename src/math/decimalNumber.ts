/**
 * The one reader of typed decimal numbers (the link, the paste box, the guess box, the generator's
 * norm, the command line): a scanner that looks at each character once, so its time is linear in
 * the text's length. The pattern it accepts is `[+-]?(digits[.digits] | .digits)([eE][+-]?digits)?`;
 * as a regular expression with nested optional digit runs it took quadratic time on a long run of
 * digits followed by a non-digit (issue 16: 100 KB of digits then "x" froze the page for 20 s).
 */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Whether `text` (already trimmed by the caller) is a plain decimal number: an optional sign,
 * digits with at most one decimal point and at least one digit, and an optional exponent. No hex,
 * no "Infinity", no empty string, no spaces inside.
 */
export function isDecimalNumber(text: string): boolean {
  const end = text.length;
  let i = 0;
  let code = text.charCodeAt(i);
  if (code === 43 || code === 45) code = text.charCodeAt(++i); // + -
  let digits = 0;
  while (i < end && isDigit(code)) {
    digits++;
    code = text.charCodeAt(++i);
  }
  if (code === 46) {
    // .
    code = text.charCodeAt(++i);
    while (i < end && isDigit(code)) {
      digits++;
      code = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (code === 101 || code === 69) {
    // e E
    code = text.charCodeAt(++i);
    if (code === 43 || code === 45) code = text.charCodeAt(++i);
    let exponentDigits = 0;
    while (i < end && isDigit(code)) {
      exponentDigits++;
      code = text.charCodeAt(++i);
    }
    if (exponentDigits === 0) return false;
  }
  return i === end;
}

/**
 * The finite value of a plain decimal number (see isDecimalNumber; the text is trimmed first), or
 * null for anything else, including numbers too large for a double ("1e400"). −0 reads as 0.
 */
export function readDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!isDecimalNumber(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value + 0 : null;
}
