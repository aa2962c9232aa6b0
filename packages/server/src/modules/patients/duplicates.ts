import type { Db } from '../../platform/db/database';

/** Lower-case letters only, so "O'Brien" = "OBrien" = "obrien". */
const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]/g, '');

/** Damerau-free Levenshtein distance, capped: we only care whether two names are within a typo or two. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * Same date of birth and a name that is the same or close: last names within 2 edits (typos, hyphenation), and
 * first names within 2 edits or sharing an initial prefix (Bob/Robert is not caught: nicknames need a table).
 * Also catches first/last swapped. Merged records are ignored.
 */
export function isLikelySamePerson(
  a: { first: string; last: string },
  b: { first: string; last: string },
): boolean {
  const [af, al, bf, bl] = [norm(a.first), norm(a.last), norm(b.first), norm(b.last)];
  const lastClose = editDistance(al, bl) <= 2;
  const firstClose =
    editDistance(af, bf) <= 2 ||
    (af.length >= 1 && bf.length >= 1 && (af.startsWith(bf) || bf.startsWith(af)));
  const swapped = editDistance(af, bl) <= 1 && editDistance(al, bf) <= 1;
  return (lastClose && firstClose) || swapped;
}

export async function findPossibleDuplicates(
  db: Db,
  siteId: string,
  firstName: string,
  lastName: string,
  birthDate: string,
) {
  const sameDob = await db
    .selectFrom('patients')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('birth_date', '=', birthDate)
    .where('merged_into_id', 'is', null)
    .limit(200)
    .execute();
  return sameDob.filter((p) =>
    isLikelySamePerson({ first: firstName, last: lastName }, { first: p.first_name, last: p.last_name }),
  );
}
