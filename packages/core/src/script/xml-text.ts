// Character-level XML helpers. The parser runs with entity processing OFF (no DOCTYPE, no custom entities,
// no expansion bombs), so the five predefined entities and numeric character references (XML 1.0 §4.1, §4.6)
// are decoded here, and anything else after '&' is rejected as not well-formed.

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function hasInvalidXmlChar(text: string): boolean {
  return INVALID_XML_CHAR.test(text);
}

/** Removes characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Decodes entity and character references; undefined when a reference is not well-formed. */
export function decodeXmlText(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let ok = true;
  const out = raw.replace(/&([^;&\s]{0,12});?/g, (match, name: string) => {
    if (!match.endsWith(';')) {
      ok = false;
      return match;
    }
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const num = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    const cp = num ? Number.parseInt(num[1] ?? num[2] ?? '', num[1] ? 16 : 10) : Number.NaN;
    if (!isXmlCodePoint(cp)) {
      ok = false;
      return match;
    }
    return String.fromCodePoint(cp);
  });
  return ok ? out : undefined;
}

/** Escapes text content; carriage returns become references so conformant parsers keep them. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted); whitespace characters are kept through references. */
export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
