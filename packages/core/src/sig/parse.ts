/**
 * The sig parser: tokens -> instructions. Each position is offered to the matchers in a fixed order (more
 * specific shapes first); what no matcher and no filler word covers is reported in `unparsed`, and a sig
 * with anything unparsed is not `ok`, so the label keeps the prescriber's own words.
 */
import { type Draft, newDraft } from './draft';
import { finishSig } from './finish';
import { ismpWarning } from './ismp';
import { FILLER, STOP, THEN } from './lexicon-extras';
import { matchDescriptiveDose, matchDose, matchRoute, matchVerb } from './match-dose';
import {
  makePrnMatcher,
  matchAsDirected,
  matchExtra,
  matchIndication,
  matchMax,
  matchRepeat,
  matchSlidingScale,
} from './match-misc';
import {
  matchDayRange,
  matchDuration,
  matchFrequencyWord,
  matchInterval,
  matchOffset,
  matchTimes,
  matchTiming,
  matchWeekdays,
} from './match-time';
import type { Matcher } from './matcher';
import { MAX_SIG_LENGTH, tokenize } from './tokens';
import type { ParsedSig } from './types';

const BASE_MATCHERS: Matcher[] = [
  matchAsDirected,
  matchSlidingScale,
  matchMax,
  matchExtra,
  matchRepeat,
  matchDayRange,
  matchOffset,
  matchTimes,
  matchDuration,
  matchInterval,
  matchWeekdays,
  matchFrequencyWord,
  matchTiming,
  matchRoute,
  matchVerb,
  matchDescriptiveDose,
  matchDose,
  matchIndication,
];

const probe = newDraft(false);
const startsSomething = (t: Parameters<Matcher>[0], i: number): boolean =>
  THEN.match(t, i) !== undefined || BASE_MATCHERS.some((m) => m(t, i, probe) !== undefined);

const MATCHERS: Matcher[] = [makePrnMatcher(startsSomething), ...BASE_MATCHERS];

export function parseSig(input: string): ParsedSig {
  const raw = typeof input === 'string' ? input : String(input ?? '');
  const warnings = new Set<string>();
  const warn = (m: string) => warnings.add(m);
  if (raw.length > MAX_SIG_LENGTH)
    warn(`Directions longer than ${MAX_SIG_LENGTH} characters are not parsed.`);
  const { tokens, notes } = tokenize(raw);
  for (const n of notes) warn(ismpWarning(n));

  const drafts: Draft[] = [];
  const unparsed: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) unparsed.push(pending.join(' '));
    pending = [];
  };
  let cur = newDraft(false);
  const isEmpty = (d: Draft) =>
    !d.dose &&
    !d.frequency &&
    !d.verb &&
    !d.route &&
    !d.prn &&
    !d.asDirected &&
    !d.slidingScale &&
    d.extras.length === 0 &&
    d.timings.length === 0 &&
    d.durationDays === undefined &&
    !d.rawMax &&
    !d.indication;
  const finish = (sequential: boolean) => {
    if (!isEmpty(cur)) drafts.push(cur);
    cur = newDraft(sequential || (cur.sequential && isEmpty(cur)));
  };

  for (let i = 0; i < tokens.length; ) {
    const th = THEN.match(tokens, i);
    if (th) {
      flush();
      finish(true);
      i += th.len;
      const stop = STOP.match(tokens, i);
      const last = drafts.at(-1);
      if (stop && last) {
        last.stopAfter = true;
        i += stop.len;
      }
      continue;
    }
    let matched = false;
    for (const matcher of MATCHERS) {
      const m = matcher(tokens, i, cur);
      if (!m) continue;
      if (m.isDose && cur.dose) finish(false);
      flush();
      if (!m.apply(cur, warn))
        unparsed.push(
          tokens
            .slice(i, i + m.len)
            .map((x) => x.text)
            .join(' '),
        );
      i += m.len;
      matched = true;
      break;
    }
    if (matched) continue;
    const stop = STOP.match(tokens, i);
    if (stop && !isEmpty(cur)) {
      flush();
      cur.stopAfter = true;
      i += stop.len;
      continue;
    }
    const tok = tokens[i];
    if (tok && FILLER.has(tok.text)) flush();
    else if (tok) pending.push(tok.text);
    i++;
  }
  flush();
  finish(false);
  if (raw.length > MAX_SIG_LENGTH) unparsed.push(raw.slice(MAX_SIG_LENGTH, MAX_SIG_LENGTH + 40));
  return finishSig(raw, drafts, unparsed, warnings);
}
