// Minimal XML writer for the builders: elements whose content is undefined are left out, so optional
// SCRIPT elements disappear naturally; all text goes through escapeXmlText.
import { escapeXmlAttr, escapeXmlText } from './xml-text';

export interface XEl {
  name: string;
  attrs?: Readonly<Record<string, string | undefined>>;
  /** Text content, or child elements. */
  content: string | XEl[];
}

type Child = XEl | undefined | false;

/** An element, or undefined when it has no text and no children (optional element left out). */
export function el(
  name: string,
  content: string | undefined | readonly Child[],
  attrs?: Readonly<Record<string, string | undefined>>,
): XEl | undefined {
  if (content === undefined) return undefined;
  if (typeof content === 'string') return { name, content, ...(attrs ? { attrs } : {}) };
  const children = content.filter((c): c is XEl => !!c);
  if (children.length === 0) return undefined;
  return { name, content: children, ...(attrs ? { attrs } : {}) };
}

/** Like el, but an element with no children is written empty (<Approved/>) rather than left out. */
export function marker(name: string, content: readonly Child[]): XEl {
  return el(name, content) ?? { name, content: [] };
}

function attrsOf(attrs: XEl['attrs']): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`)
    .join('');
}

export function serialize(e: XEl): string {
  const open = `<${e.name}${attrsOf(e.attrs)}`;
  if (typeof e.content === 'string') return `${open}>${escapeXmlText(e.content)}</${e.name}>`;
  if (e.content.length === 0) return `${open}/>`;
  return `${open}>${e.content.map(serialize).join('')}</${e.name}>`;
}

export function xmlDocument(root: XEl): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}`;
}
