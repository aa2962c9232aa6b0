// Path-aware navigation over the parsed tree. Every failure names the element it concerns; failures are
// thrown as ScriptFailure and turned into a ParseResult by parseScriptMessage (nothing escapes it).
import { SCRIPT_DESCRIPTION_CODES, SCRIPT_ERROR_CODES } from './codes';
import type { ScriptParseError } from './types';
import { decodeXmlText } from './xml-text';

export class ScriptFailure extends Error {
  constructor(readonly detail: ScriptParseError) {
    super(detail.description);
  }
}

/** Path for descriptions: drops the leading Message/Body/ so messages stay short (an..70 on the wire). */
export function shortPath(path: string): string {
  return path.replace(/^Message\/(?:Body\/)?/, '');
}

export function fail(
  path: string,
  description: string,
  code: string = SCRIPT_ERROR_CODES.transactionRejected,
): never {
  throw new ScriptFailure({ code, description, path });
}

export function missing(path: string): never {
  fail(path, `Missing mandatory element ${shortPath(path)}`);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isChildKey = (k: string) => !k.startsWith('@_') && !k.startsWith('#');

export class Cursor {
  constructor(
    readonly node: unknown,
    readonly path: string,
  ) {}

  private raw(name: string): unknown {
    return isObj(this.node) && Object.hasOwn(this.node, name) ? this.node[name] : undefined;
  }

  /** Names of the element children, in document order. */
  childNames(): string[] {
    return isObj(this.node) ? Object.keys(this.node).filter(isChildKey) : [];
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  /** A child that may occur at most once. */
  child(name: string): Cursor | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const path = `${this.path}/${name}`;
    if (Array.isArray(value))
      throw new ScriptFailure({
        code: SCRIPT_ERROR_CODES.transactionRejected,
        descriptionCode: SCRIPT_DESCRIPTION_CODES.tooManyRepetitions,
        description: `Element repeated: ${shortPath(path)} may occur once`,
        path,
      });
    return new Cursor(value, path);
  }

  req(name: string): Cursor {
    return this.child(name) ?? missing(`${this.path}/${name}`);
  }

  /** Every occurrence of a repeating child, at most `max`. */
  list(name: string, max: number): Cursor[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const items = Array.isArray(value) ? value : [value];
    const path = `${this.path}/${name}`;
    if (items.length > max)
      throw new ScriptFailure({
        code: SCRIPT_ERROR_CODES.transactionRejected,
        descriptionCode: SCRIPT_DESCRIPTION_CODES.tooManyRepetitions,
        description: `Too many repetitions of ${shortPath(path)} (at most ${max})`,
        path,
      });
    return items.map((item) => new Cursor(item, path));
  }

  /** Decoded, trimmed text of this element ('' when it holds only elements or nothing). */
  text(): string {
    const node = this.node;
    let raw = '';
    let cdata = '';
    if (typeof node === 'string') raw = node;
    else if (isObj(node)) {
      if (typeof node['#text'] === 'string') raw = node['#text'];
      const c = node['#cdata'];
      if (typeof c === 'string') cdata = c;
      else if (Array.isArray(c)) cdata = c.filter((x) => typeof x === 'string').join('');
    }
    const decoded = decodeXmlText(raw);
    if (decoded === undefined)
      fail(this.path, `Invalid character or entity reference in ${shortPath(this.path)}`);
    return (decoded + cdata).trim();
  }

  attr(name: string): string | undefined {
    const value = isObj(this.node) ? this.node[`@_${name}`] : undefined;
    if (typeof value !== 'string') return undefined;
    const decoded = decodeXmlText(value);
    if (decoded === undefined) fail(this.path, `Invalid entity reference in attribute ${name}`);
    return decoded.trim() || undefined;
  }

  /** Text of an optional child; undefined when absent or empty. */
  opt(name: string): string | undefined {
    const text = this.child(name)?.text();
    return text ? text : undefined;
  }

  /** Text of a mandatory child; absent or empty is an error naming the element. */
  reqText(name: string): string {
    return this.opt(name) ?? missing(`${this.path}/${name}`);
  }
}
