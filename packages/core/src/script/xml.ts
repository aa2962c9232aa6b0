// Hostile-input gate: everything an untrusted sender controls passes through here before any field is read.
// Order matters: cheap checks (type, size, characters, declarations) run before the validator and parser.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SCRIPT_DESCRIPTION_CODES, SCRIPT_ERROR_CODES, SCRIPT_LIMITS } from './codes';
import type { ScriptParseError } from './types';
import { hasInvalidXmlChar } from './xml-text';

export type XmlReadResult = { ok: true; message: unknown } | { ok: false; error: ScriptParseError };

const reject = (description: string, path?: string): XmlReadResult => ({
  ok: false,
  error: {
    code: SCRIPT_ERROR_CODES.transactionRejected,
    description,
    ...(path ? { path } : {}),
  },
});

// Entity processing is off: DOCTYPE is refused outright (XXE, billion laughs), and the predefined
// entities are decoded by xml-text.ts. Values stay strings (parseTagValue: false) so NDCs keep leading zeros.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  cdataPropName: '#cdata',
  maxNestedTags: SCRIPT_LIMITS.maxDepth,
});

// Markup declarations only appear inside a DOCTYPE; refusing all of them closes XXE and entity expansion.
const DECLARATION = /<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

function describe(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown parser failure';
}

/** Checks and parses a SCRIPT document; returns the Message element's node or a SCRIPT 900 error. */
export function readScriptXml(input: unknown): XmlReadResult {
  if (typeof input !== 'string') return reject('Message is not text');
  if (input.length > SCRIPT_LIMITS.maxChars)
    return reject(`Message exceeds ${SCRIPT_LIMITS.maxChars} characters`);
  const xml = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (xml.trim() === '') return reject('Message is empty; expected SCRIPT XML');
  if (!xml.trimStart().startsWith('<')) return reject('Message is not XML (expected SCRIPT XML)');
  if (hasInvalidXmlChar(xml)) return reject('Message contains characters not allowed in XML 1.0');
  if (DECLARATION.test(xml))
    return reject('DOCTYPE and ENTITY declarations are not accepted (external entity protection)');

  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(xml);
  } catch (err) {
    return reject(`Malformed XML: ${describe(err)}`);
  }
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return reject(`Malformed XML at line ${line}, column ${col}: ${msg}`);
  }

  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (err) {
    const reason = describe(err);
    if (/nested tags/i.test(reason))
      return reject(`Elements nested deeper than ${SCRIPT_LIMITS.maxDepth} levels`);
    return reject(`Malformed XML: ${reason}`);
  }
  if (typeof tree !== 'object' || tree === null) return reject('Message is not XML');
  const roots = Object.keys(tree).filter((k) => !k.startsWith('#') && !k.startsWith('@_'));
  if (roots.length !== 1) return reject('Document must have exactly one root element, Message');
  const [rootName = ''] = roots;
  if (rootName !== 'Message') return reject(`Root element must be Message, found ${rootName}`);
  const message = (tree as Record<string, unknown>)[rootName];
  if (Array.isArray(message)) {
    const result = reject('Message appears more than once', 'Message');
    if (!result.ok) result.error.descriptionCode = SCRIPT_DESCRIPTION_CODES.tooManyRepetitions;
    return result;
  }
  return { ok: true, message };
}
