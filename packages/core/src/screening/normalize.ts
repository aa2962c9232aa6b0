// Name handling: screening keys on lower-case generic ingredient names. Salt and hydrate words are
// dropped ("metoprolol succinate" → "metoprolol") unless the full name is itself an ingredient
// ("potassium chloride"), and a few common abbreviations are expanded.

const SALT_WORDS = new Set([
  'hydrochloride',
  'hcl',
  'hydrobromide',
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'succinate',
  'tartrate',
  'besylate',
  'maleate',
  'mesylate',
  'fumarate',
  'citrate',
  'sulfate',
  'bromide',
  'acetate',
  'phosphate',
  'hyclate',
  'monohydrate',
  'anhydrous',
  'dihydrate',
  'trihydrate',
  'bitartrate',
  'benzathine',
  'procaine',
  'dipropionate',
  'propionate',
  'furoate',
  'medoxomil',
  'cilexetil',
  'disoproxil',
  'dimesylate',
  'erbumine',
  'tromethamine',
  'olamine',
  'lactate',
  'gluconate',
  'carbonate',
  'oxide',
  'er',
  'xr',
  'sr',
  'xl',
  'cr',
  'dr',
  'ir',
  // Route/form words in names such as "Timolol Ophthalmic" (the route belongs in MedicationRef.route).
  'ophthalmic',
  'topical',
  'nasal',
  'otic',
  'oral',
  'vaginal',
  'rectal',
  'transdermal',
  'inhalation',
  'injection',
]);

/** Common abbreviations and synonyms → the generic name used in the data. */
export const NAME_ALIASES: Readonly<Record<string, string>> = {
  apap: 'acetaminophen',
  paracetamol: 'acetaminophen',
  asa: 'aspirin',
  'acetylsalicylic acid': 'aspirin',
  hctz: 'hydrochlorothiazide',
  smx: 'sulfamethoxazole',
  tmp: 'trimethoprim',
  kcl: 'potassium chloride',
  'penicillin vk': 'penicillin v',
  'thyroid desiccated': 'thyroid',
  'desiccated thyroid': 'thyroid',
  divalproex: 'valproic acid',
  valproate: 'valproic acid',
  'clavulanic acid': 'clavulanate',
  'levothyroxine sodium': 'levothyroxine',
  'mycophenolate mofetil': 'mycophenolate',
  'st. johns wort': "st john's wort",
  'st johns wort': "st john's wort",
  'st. john’s wort': "st john's wort",
  'hypericum perforatum': "st john's wort",
  pse: 'pseudoephedrine',
  'omega-3 polyunsaturated fatty acids': 'omega-3-acid ethyl esters',
  'omega-3 fatty acids': 'omega-3-acid ethyl esters',
  epipen: 'epinephrine',
};

/** Lower-case, trim, collapse whitespace; non-strings become ''. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') return '';
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The data key for one ingredient name, or the cleaned name when nothing matches.
 * `known` is the set of ingredient keys in the data.
 */
export function resolveIngredient(name: unknown, known: ReadonlySet<string>): string {
  let n = cleanName(name);
  const alias = NAME_ALIASES[n];
  if (alias !== undefined) return alias;
  if (known.has(n)) return n;
  const words = n.split(' ');
  while (words.length > 1 && SALT_WORDS.has(words[words.length - 1] ?? '')) {
    words.pop();
    n = words.join(' ');
    const a = NAME_ALIASES[n];
    if (a !== undefined) return a;
    if (known.has(n)) return n;
  }
  return n;
}

/** Splits a combination name ("acetaminophen-hydrocodone", "sulfamethoxazole/trimethoprim"). */
export function splitCombination(name: unknown): string[] {
  const n = cleanName(name);
  if (n === '') return [];
  return n
    .split(/\s*(?:\/|\+|\band\b|\bwith\b|-(?=[a-z]{3}))\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
