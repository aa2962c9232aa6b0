/**
 * Real-world sig shapes with the structure and label text we expect. Shapes are the ones found on US
 * community prescriptions; abbreviations follow the tables in Ansel, "Pharmaceutical Calculations"
 * (prescription abbreviations) and the ISMP List of Error-Prone Abbreviations (flagged ones are still read).
 * Label wording is plain language in the spirit of USP <17> ("by mouth", "twice a day", no Latin).
 * Test data only.
 */
export interface SigCase {
  sig: string;
  text: string;
  /** Dose of the first instruction: a value or [low, high]. */
  dose?: number | [number, number];
  unit?: string;
  route?: string;
  /** Times per day of the first instruction: a value or [min, max]. */
  tpd?: number | [number, number];
  /** durationDays of the first instruction. */
  days?: number;
  /** true = PRN without reason; a string = PRN reason. */
  prn?: true | string;
  /** Number of instructions (taper steps and concurrent parts). */
  steps?: number;
  total?: number;
  /** Maximum daily dose written in the sig. */
  max?: [number, string];
  /** A warning that must be present (substring). */
  warn?: string;
}

export const SIG_CASES: SigCase[] = [
  // Oral solids, scheduled
  {
    sig: '1 tab po bid x10d',
    text: 'Take 1 tablet by mouth twice a day for 10 days.',
    dose: 1,
    unit: 'tablet',
    route: 'oral',
    tpd: 2,
    days: 10,
  },
  {
    sig: '1 tab po qd',
    text: 'Take 1 tablet by mouth once a day.',
    dose: 1,
    unit: 'tablet',
    route: 'oral',
    tpd: 1,
    warn: '"qd"',
  },
  { sig: '1 tab po daily', text: 'Take 1 tablet by mouth once a day.', dose: 1, tpd: 1 },
  {
    sig: 'Take 1 tablet by mouth once daily',
    text: 'Take 1 tablet by mouth once a day.',
    dose: 1,
    unit: 'tablet',
    tpd: 1,
  },
  { sig: 'Take one tablet by mouth every day', text: 'Take 1 tablet by mouth once a day.', dose: 1, tpd: 1 },
  { sig: 'take 1 tablet by mouth twice daily', text: 'Take 1 tablet by mouth twice a day.', tpd: 2 },
  { sig: 'T 1 tab PO BID', text: 'Take 1 tablet by mouth twice a day.', tpd: 2 },
  {
    sig: '1 cap po tid x 7 days',
    text: 'Take 1 capsule by mouth three times a day for 7 days.',
    unit: 'capsule',
    tpd: 3,
    days: 7,
  },
  {
    sig: '1 cap po qid x 10 days',
    text: 'Take 1 capsule by mouth four times a day for 10 days.',
    tpd: 4,
    days: 10,
  },
  { sig: '1 cap p.o. t.i.d.', text: 'Take 1 capsule by mouth three times a day.', tpd: 3 },
  { sig: 'i tab po q.i.d.', text: 'Take 1 tablet by mouth four times a day.', dose: 1, tpd: 4 },
  { sig: 'ii caps po bid', text: 'Take 2 capsules by mouth twice a day.', dose: 2, unit: 'capsule', tpd: 2 },
  { sig: 'iii tabs po qd', text: 'Take 3 tablets by mouth once a day.', dose: 3, tpd: 1 },
  { sig: 'ss tab po qd', text: 'Take 1/2 tablet by mouth once a day.', dose: 0.5, warn: '"ss"' },
  { sig: '1/2 tab po daily', text: 'Take 1/2 tablet by mouth once a day.', dose: 0.5, tpd: 1 },
  { sig: '1 1/2 tabs po bid', text: 'Take 1 1/2 tablets by mouth twice a day.', dose: 1.5, tpd: 2 },
  {
    sig: 'take one-half tablet by mouth at bedtime',
    text: 'Take 1/2 tablet by mouth at bedtime.',
    dose: 0.5,
    tpd: 1,
  },
  { sig: '2 tabs po qd', text: 'Take 2 tablets by mouth once a day.', dose: 2 },
  { sig: '1 tab po q12h', text: 'Take 1 tablet by mouth every 12 hours.', tpd: 2 },
  { sig: '1 tab po q8h x 7d', text: 'Take 1 tablet by mouth every 8 hours for 7 days.', tpd: 3, days: 7 },
  {
    sig: '1 cap po q6h x 10 days',
    text: 'Take 1 capsule by mouth every 6 hours for 10 days.',
    tpd: 4,
    days: 10,
  },
  {
    sig: 'Take 1 capsule by mouth every 8 hours for 10 days',
    text: 'Take 1 capsule by mouth every 8 hours for 10 days.',
    tpd: 3,
    days: 10,
  },
  { sig: '1 tab po q24h', text: 'Take 1 tablet by mouth every 24 hours.', tpd: 1 },
  { sig: '1 tab po three times daily', text: 'Take 1 tablet by mouth three times a day.', tpd: 3 },
  { sig: '1 tab po 3 times a day', text: 'Take 1 tablet by mouth three times a day.', tpd: 3 },
  { sig: '1 tab po 2x daily', text: 'Take 1 tablet by mouth twice a day.', tpd: 2 },
  { sig: '1 tab po 5 times a day', text: 'Take 1 tablet by mouth 5 times a day.', tpd: 5 },
  {
    sig: '1 cap po twice a day for 14 days',
    text: 'Take 1 capsule by mouth twice a day for 14 days.',
    tpd: 2,
    days: 14,
  },
  { sig: '1 tab po bid x 2 weeks', text: 'Take 1 tablet by mouth twice a day for 2 weeks.', days: 14 },
  { sig: '1 tab po daily x 1 month', text: 'Take 1 tablet by mouth once a day for 1 month.', days: 30 },
  { sig: '1 tab po daily for a week', text: 'Take 1 tablet by mouth once a day for 1 week.', days: 7 },
  { sig: '1 tab po daily x 3 months', text: 'Take 1 tablet by mouth once a day for 3 months.', days: 90 },
  { sig: '1 tab po qod', text: 'Take 1 tablet by mouth every other day.', tpd: 0.5, warn: '"qod"' },
  {
    sig: 'Take 1 tablet by mouth every other day',
    text: 'Take 1 tablet by mouth every other day.',
    tpd: 0.5,
  },
  { sig: '1 tab po qam', text: 'Take 1 tablet by mouth in the morning.', tpd: 1 },
  { sig: '1 tab po q am', text: 'Take 1 tablet by mouth in the morning.', tpd: 1 },
  { sig: '1 tab po qpm', text: 'Take 1 tablet by mouth in the evening.', tpd: 1 },
  { sig: '1 tab po qhs', text: 'Take 1 tablet by mouth at bedtime.', tpd: 1, warn: '"qhs"' },
  { sig: '1 tab po hs', text: 'Take 1 tablet by mouth at bedtime.', tpd: 1, warn: '"hs"' },
  { sig: 'take 1 tablet by mouth at bedtime', text: 'Take 1 tablet by mouth at bedtime.', tpd: 1 },
  { sig: 'take 1 tablet by mouth nightly', text: 'Take 1 tablet by mouth at bedtime.', tpd: 1 },
  { sig: 'take 1 tablet by mouth daily at bedtime', text: 'Take 1 tablet by mouth at bedtime.', tpd: 1 },
  { sig: 'Take 1 tablet by mouth every morning', text: 'Take 1 tablet by mouth in the morning.', tpd: 1 },
  {
    sig: 'take 1 tab po in the morning and at bedtime',
    text: 'Take 1 tablet by mouth in the morning and at bedtime.',
    tpd: 2,
  },
  { sig: '1 tab po qam and qhs', text: 'Take 1 tablet by mouth in the morning and at bedtime.', tpd: 2 },
  { sig: '1 tab po bid with meals', text: 'Take 1 tablet by mouth twice a day with meals.', tpd: 2 },
  { sig: '1 tab po tid with meals', text: 'Take 1 tablet by mouth three times a day with meals.', tpd: 3 },
  { sig: '1 tab po with meals', text: 'Take 1 tablet by mouth three times a day with meals.', tpd: 3 },
  { sig: '1 tab po tid ac', text: 'Take 1 tablet by mouth three times a day before meals.', tpd: 3 },
  { sig: '1 tab po ac', text: 'Take 1 tablet by mouth three times a day before meals.', tpd: 3 },
  { sig: '1 tab po pc', text: 'Take 1 tablet by mouth three times a day after meals.', tpd: 3 },
  { sig: '1 tab po ac and hs', text: 'Take 1 tablet by mouth before meals and at bedtime.', tpd: 4 },
  { sig: '1 tab po qd before breakfast', text: 'Take 1 tablet by mouth before breakfast.', tpd: 1 },
  {
    sig: 'take 1 tablet by mouth daily 30 minutes before breakfast',
    text: 'Take 1 tablet by mouth 30 minutes before breakfast.',
    tpd: 1,
  },
  {
    sig: '1 tab po qam on an empty stomach',
    text: 'Take 1 tablet by mouth in the morning on an empty stomach.',
    tpd: 1,
  },
  { sig: '1 tab po bid with food', text: 'Take 1 tablet by mouth twice a day with food.', tpd: 2 },
  {
    sig: 'Take 1 tablet by mouth daily with a full glass of water',
    text: 'Take 1 tablet by mouth once a day with a full glass of water.',
    tpd: 1,
  },
  { sig: '1 tab po daily with breakfast', text: 'Take 1 tablet by mouth with breakfast.', tpd: 1 },
  {
    sig: '1 tab po bid with breakfast and dinner',
    text: 'Take 1 tablet by mouth with breakfast and with dinner.',
    tpd: 2,
  },
  {
    sig: '1 tab po daily, do not crush',
    text: 'Take 1 tablet by mouth once a day. Do not crush or chew.',
    tpd: 1,
  },
  { sig: '1 tab po daily swallow whole', text: 'Take 1 tablet by mouth once a day. Swallow whole.', tpd: 1 },
  {
    sig: 'take 1 tablet by mouth daily for blood pressure',
    text: 'Take 1 tablet by mouth once a day for blood pressure.',
    tpd: 1,
  },
  { sig: '1 tab po qd for cholesterol', text: 'Take 1 tablet by mouth once a day for cholesterol.', tpd: 1 },
  {
    sig: '1 tab (5 mg) po daily',
    text: 'Take 1 tablet (5 mg) by mouth once a day.',
    dose: 1,
    unit: 'tablet',
    tpd: 1,
  },
  { sig: 'take 40 mg po daily', text: 'Take 40 mg by mouth once a day.', dose: 40, unit: 'mg', tpd: 1 },
  { sig: 'take 1 tablet by mouth once a week', text: 'Take 1 tablet by mouth once a week.', tpd: 1 / 7 },
  { sig: '1 tab po q week', text: 'Take 1 tablet by mouth once a week.', tpd: 1 / 7 },
  { sig: '1 tab po once a week on Mondays', text: 'Take 1 tablet by mouth every Monday.', tpd: 1 / 7 },
  {
    sig: 'take 1 tab po weekly on sunday with a full glass of water',
    text: 'Take 1 tablet by mouth every Sunday with a full glass of water.',
    tpd: 1 / 7,
  },
  {
    sig: '1 tab po on monday, wednesday and friday',
    text: 'Take 1 tablet by mouth every Monday, Wednesday, and Friday.',
    tpd: 3 / 7,
  },
  { sig: '1 tab po mwf', text: 'Take 1 tablet by mouth every Monday, Wednesday, and Friday.', tpd: 3 / 7 },
  { sig: '1 tab po tiw', text: 'Take 1 tablet by mouth three times a week.', tpd: 3 / 7, warn: '"tiw"' },
  { sig: '1 tab po twice weekly', text: 'Take 1 tablet by mouth twice a week.', tpd: 2 / 7 },
  { sig: '1 tab po monthly', text: 'Take 1 tablet by mouth once a month.', tpd: 1 / 30 },
  { sig: '1 tab po once', text: 'Take 1 tablet by mouth once.', tpd: 1 },
  { sig: '4 tabs po x1', text: 'Take 4 tablets by mouth once.', dose: 4, tpd: 1, total: 1 },
  { sig: '2 g po once', text: 'Take 2 g by mouth once.', dose: 2, unit: 'g' },
  { sig: '1 tab po stat', text: 'Take 1 tablet by mouth now.' },
  {
    sig: '1 tab po q12h x 4 doses',
    text: 'Take 1 tablet by mouth every 12 hours for 4 doses.',
    tpd: 2,
    total: 2,
  },
  { sig: 'chew 1 tab po daily', text: 'Chew 1 tablet by mouth once a day.', route: 'oral' },
  {
    sig: 'chew 2 tabs qid prn heartburn',
    text: 'Chew 2 tablets by mouth four times a day as needed for heartburn.',
    route: 'oral',
    prn: 'heartburn',
  },
  {
    sig: '1 tab po tid until gone',
    text: 'Take 1 tablet by mouth three times a day until finished.',
    tpd: 3,
  },
  { sig: '1 tab po bid 1-2 times daily', text: '1 tab po bid 1-2 times daily' },
  { sig: '1 tab po daily-bid', text: 'Take 1 tablet by mouth 1 to 2 times a day.', tpd: [1, 2] },
  { sig: '1 tab po once or twice daily', text: 'Take 1 tablet by mouth 1 to 2 times a day.', tpd: [1, 2] },
  {
    sig: '1 tab po up to 3 times a day prn anxiety',
    text: 'Take 1 tablet by mouth up to three times a day as needed for anxiety.',
    tpd: [1, 3],
    prn: 'anxiety',
  },

  // PRN and maximums
  {
    sig: 'i-ii tabs q4-6h prn pain',
    text: 'Take 1 to 2 tablets every 4 to 6 hours as needed for pain.',
    dose: [1, 2],
    tpd: [4, 6],
    prn: 'pain',
  },
  {
    sig: '1-2 tabs po q4-6h prn pain',
    text: 'Take 1 to 2 tablets by mouth every 4 to 6 hours as needed for pain.',
    dose: [1, 2],
    prn: 'pain',
  },
  {
    sig: '1 to 2 tablets by mouth every 4 to 6 hours as needed for pain',
    text: 'Take 1 to 2 tablets by mouth every 4 to 6 hours as needed for pain.',
    dose: [1, 2],
    tpd: [4, 6],
  },
  {
    sig: '1-2 tabs po q4-6h prn pain max 8 tabs/24h',
    text: 'Take 1 to 2 tablets by mouth every 4 to 6 hours as needed for pain. Do not take more than 8 tablets in 24 hours.',
    max: [8, 'tablet'],
  },
  {
    sig: '1 tab po q6h prn pain, max 4 tabs per day',
    text: 'Take 1 tablet by mouth every 6 hours as needed for pain. Do not take more than 4 tablets in 24 hours.',
    max: [4, 'tablet'],
  },
  {
    sig: '2 tabs po q6h prn pain not to exceed 4 doses per day',
    text: 'Take 2 tablets by mouth every 6 hours as needed for pain. Do not take more than 8 tablets in 24 hours.',
    max: [8, 'tablet'],
  },
  {
    sig: '1 tab po q4h prn pain do not exceed 6 tablets in 24 hours',
    text: 'Take 1 tablet by mouth every 4 hours as needed for pain. Do not take more than 6 tablets in 24 hours.',
    max: [6, 'tablet'],
  },
  {
    sig: '2 caps po q6h prn pain max 8 caps daily',
    text: 'Take 2 capsules by mouth every 6 hours as needed for pain. Do not take more than 8 capsules in 24 hours.',
    max: [8, 'capsule'],
  },
  {
    sig: '1 tab po q8h prn nausea',
    text: 'Take 1 tablet by mouth every 8 hours as needed for nausea.',
    prn: 'nausea',
    tpd: 3,
  },
  {
    sig: '1 tab po q6h prn n/v',
    text: 'Take 1 tablet by mouth every 6 hours as needed for nausea and vomiting.',
    prn: 'nausea and vomiting',
  },
  {
    sig: '1 tab po qhs prn sleep',
    text: 'Take 1 tablet by mouth at bedtime as needed for sleep.',
    prn: 'sleep',
  },
  {
    sig: '1 tab po qhs prn insomnia',
    text: 'Take 1 tablet by mouth at bedtime as needed for sleep.',
    prn: 'sleep',
  },
  {
    sig: '1 tab po tid prn anxiety',
    text: 'Take 1 tablet by mouth three times a day as needed for anxiety.',
    prn: 'anxiety',
  },
  {
    sig: '1 tab po q8h prn muscle spasms',
    text: 'Take 1 tablet by mouth every 8 hours as needed for muscle spasms.',
    prn: 'muscle spasms',
  },
  {
    sig: '2 tabs po q6h prn fever or pain',
    text: 'Take 2 tablets by mouth every 6 hours as needed for pain or fever.',
    prn: 'pain or fever',
  },
  { sig: '1 tab po daily prn', text: 'Take 1 tablet by mouth once a day as needed.', prn: true },
  {
    sig: 'take 1 tablet by mouth as needed for migraine, may repeat in 2 hours',
    text: 'Take 1 tablet by mouth as needed for migraine. May repeat in 2 hours if needed.',
    prn: 'migraine',
  },
  {
    sig: '1 tab po prn migraine may repeat x1 after 2 hours max 2 tabs/24h',
    text: 'Take 1 tablet by mouth as needed for migraine. May repeat once after 2 hours if needed. Do not take more than 2 tablets in 24 hours.',
    max: [2, 'tablet'],
  },
  { sig: '1 tab po prn headache', text: 'Take 1 tablet by mouth as needed for headache.', prn: 'headache' },
  {
    sig: '1 tab po q6h prn diarrhea',
    text: 'Take 1 tablet by mouth every 6 hours as needed for diarrhea.',
    prn: 'diarrhea',
  },
  {
    sig: '1 tab po daily prn swelling',
    text: 'Take 1 tablet by mouth once a day as needed for swelling.',
    prn: 'swelling',
  },
  {
    sig: '1 cap po qhs prn constipation',
    text: 'Take 1 capsule by mouth at bedtime as needed for constipation.',
    prn: 'constipation',
  },
  {
    sig: '1 tab po q6h prn itching',
    text: 'Take 1 tablet by mouth every 6 hours as needed for itching.',
    prn: 'itching',
  },
  {
    sig: '1 tab po q4h prn restless legs',
    text: 'Take 1 tablet by mouth every 4 hours as needed for restless legs.',
    prn: 'restless legs',
  },
  {
    sig: '1 tab po 1 hour before sexual activity prn',
    text: 'Take 1 tablet by mouth 1 hour before sexual activity as needed.',
    prn: true,
  },
  {
    sig: '1 tab po q6h prn for pain',
    text: 'Take 1 tablet by mouth every 6 hours as needed for pain.',
    prn: 'pain',
  },
  {
    sig: '1 tab po q6h for pain prn',
    text: 'Take 1 tablet by mouth every 6 hours as needed for pain.',
    prn: 'pain',
  },

  // Sublingual, buccal
  {
    sig: '1 tab sl q5min prn chest pain',
    text: 'Dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain.',
    route: 'sublingual',
    prn: 'chest pain',
  },
  {
    sig: 'dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain, max 3 doses in 15 minutes',
    text: 'Dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain. Do not use more than 3 doses in 15 minutes.',
    route: 'sublingual',
  },
  {
    sig: '1 tab sl q8h prn nausea',
    text: 'Dissolve 1 tablet under the tongue every 8 hours as needed for nausea.',
    route: 'sublingual',
  },
  {
    sig: 'dissolve 1 tablet on the tongue q8h prn nausea',
    text: 'Dissolve 1 tablet on the tongue every 8 hours as needed for nausea.',
    route: 'oral',
  },
  {
    sig: '1 film sl daily',
    text: 'Dissolve 1 film under the tongue once a day.',
    unit: 'film',
    route: 'sublingual',
  },

  // Liquids
  {
    sig: '1 tsp po q6h prn cough',
    text: 'Take 5 mL (1 teaspoon) by mouth every 6 hours as needed for cough.',
    dose: 5,
    unit: 'mL',
    prn: 'cough',
  },
  {
    sig: '2 tsp po bid x 10 days',
    text: 'Take 10 mL (2 teaspoons) by mouth twice a day for 10 days.',
    dose: 10,
    unit: 'mL',
    days: 10,
  },
  { sig: '1 tbsp po qhs', text: 'Take 15 mL (1 tablespoon) by mouth at bedtime.', dose: 15, unit: 'mL' },
  {
    sig: '5 ml po tid x 10d',
    text: 'Take 5 mL by mouth three times a day for 10 days.',
    dose: 5,
    unit: 'mL',
    tpd: 3,
    days: 10,
  },
  {
    sig: 'take 7.5 mL by mouth twice daily for 10 days',
    text: 'Take 7.5 mL by mouth twice a day for 10 days.',
    dose: 7.5,
    unit: 'mL',
  },
  {
    sig: '2.5 ml po q4-6h prn fever',
    text: 'Take 2.5 mL by mouth every 4 to 6 hours as needed for fever.',
    dose: 2.5,
    prn: 'fever',
  },
  { sig: '10 cc po qid', text: 'Take 10 mL by mouth four times a day.', dose: 10, unit: 'mL', warn: '"cc"' },
  {
    sig: 'swish and swallow 5 ml qid',
    text: 'Swish 5 mL in the mouth four times a day. Swallow after swishing.',
    route: 'oral',
  },
  {
    sig: 'swish and spit 15 ml bid',
    text: 'Swish 15 mL in the mouth twice a day. Spit out after use; do not swallow.',
    route: 'oral',
  },
  {
    sig: 'gargle 15 ml q4h prn sore throat',
    text: 'Gargle 15 mL by mouth every 4 hours as needed for sore throat. Spit out after use; do not swallow.',
    prn: 'sore throat',
  },
  {
    sig: '17 g po daily in 8 oz of water',
    text: 'Take 17 g by mouth once a day mixed in 8 ounces of water.',
    dose: 17,
    unit: 'g',
  },
  {
    sig: 'mix 17 g in 8 oz water and drink daily',
    text: 'Take 17 g by mouth once a day mixed in 8 ounces of water.',
    dose: 17,
    unit: 'g',
  },
  { sig: '1 packet po daily', text: 'Take 1 packet by mouth once a day.', unit: 'packet' },

  // Eye, ear, nose
  {
    sig: '1 gtt ou tid',
    text: 'Instill 1 drop in both eyes three times a day.',
    dose: 1,
    unit: 'drop',
    route: 'ophthalmic',
    tpd: 3,
    warn: '"ou"',
  },
  { sig: '1 gtt ou qhs', text: 'Instill 1 drop in both eyes at bedtime.', route: 'ophthalmic' },
  {
    sig: '1 gtt od bid',
    text: 'Instill 1 drop in the right eye twice a day.',
    route: 'ophthalmic',
    warn: '"od"',
  },
  {
    sig: '1 gtt os qid x 7 days',
    text: 'Instill 1 drop in the left eye four times a day for 7 days.',
    route: 'ophthalmic',
    days: 7,
  },
  {
    sig: 'instill 1 drop into each eye twice daily',
    text: 'Instill 1 drop in both eyes twice a day.',
    route: 'ophthalmic',
  },
  {
    sig: 'instill 1 drop in the affected eye q4h while awake',
    text: 'Instill 1 drop in the affected eye every 4 hours while awake.',
  },
  { sig: 'instill 1 drop in the left eye qid', text: 'Instill 1 drop in the left eye four times a day.' },
  {
    sig: '2 gtts ou qid prn dry eyes',
    text: 'Instill 2 drops in both eyes four times a day as needed for dry eyes.',
    prn: 'dry eyes',
  },
  {
    sig: '4 gtts au tid x 7 days',
    text: 'Instill 4 drops in both ears three times a day for 7 days.',
    route: 'otic',
    warn: '"au"',
  },
  { sig: '3 gtts ad bid', text: 'Instill 3 drops in the right ear twice a day.', route: 'otic' },
  {
    sig: '5 gtts as bid x 10d',
    text: 'Instill 5 drops in the left ear twice a day for 10 days.',
    route: 'otic',
    warn: '"as"',
  },
  {
    sig: 'instill 4 drops in affected ear bid x 7 days',
    text: 'Instill 4 drops in the affected ear twice a day for 7 days.',
    route: 'otic',
  },
  {
    sig: '2 sprays each nostril daily',
    text: 'Use 2 sprays in each nostril once a day.',
    dose: 2,
    unit: 'spray',
    route: 'nasal',
  },
  { sig: '2 sprays in each nostril bid', text: 'Use 2 sprays in each nostril twice a day.', route: 'nasal' },
  { sig: '1 spray per nostril qd', text: 'Use 1 spray in each nostril once a day.', route: 'nasal' },
  {
    sig: 'use 1 spray in each nostril twice daily prn congestion',
    text: 'Use 1 spray in each nostril twice a day as needed for congestion.',
    prn: 'congestion',
  },
  {
    sig: '1 spray in one nostril prn, may repeat',
    text: 'Use 1 spray in one nostril as needed. May repeat if needed.',
    route: 'nasal',
    prn: true,
  },

  // Inhalation
  {
    sig: '2 puffs inh q4-6h prn wheezing',
    text: 'Inhale 2 puffs by mouth every 4 to 6 hours as needed for wheezing.',
    dose: 2,
    unit: 'puff',
    route: 'inhalation',
    tpd: [4, 6],
    prn: 'wheezing',
  },
  {
    sig: 'inhale 2 puffs by mouth every 4 hours as needed for shortness of breath',
    text: 'Inhale 2 puffs by mouth every 4 hours as needed for shortness of breath.',
    prn: 'shortness of breath',
  },
  {
    sig: '2 puffs q4h prn sob',
    text: 'Inhale 2 puffs every 4 hours as needed for shortness of breath.',
    prn: 'shortness of breath',
  },
  {
    sig: '2 puffs q4-6h prn wheezing or sob',
    text: 'Inhale 2 puffs every 4 to 6 hours as needed for wheezing or shortness of breath.',
  },
  {
    sig: '1 puff inh bid, rinse mouth after use',
    text: 'Inhale 1 puff by mouth twice a day. Rinse your mouth after use.',
  },
  { sig: '2 inhalations bid', text: 'Inhale 2 puffs twice a day.', unit: 'puff' },
  { sig: 'inhale 1 capsule daily', text: 'Inhale 1 capsule by mouth once a day.', route: 'inhalation' },
  {
    sig: '1 vial via neb q6h prn wheezing',
    text: 'Inhale 1 vial by nebulizer every 6 hours as needed for wheezing.',
    unit: 'vial',
    route: 'inhalation',
  },
  {
    sig: '2.5 mg neb q4h prn sob',
    text: 'Inhale 2.5 mg by nebulizer every 4 hours as needed for shortness of breath.',
    unit: 'mg',
  },
  {
    sig: '2 puffs po bid with spacer',
    text: 'Inhale 2 puffs by mouth twice a day with a spacer.',
    route: 'inhalation',
  },

  // Injections
  {
    sig: '10 units subq qhs',
    text: 'Inject 10 units under the skin at bedtime.',
    dose: 10,
    unit: 'unit',
    route: 'subcutaneous',
    tpd: 1,
    warn: '"subq"',
  },
  {
    sig: 'inject 20 units subcutaneously every morning',
    text: 'Inject 20 units under the skin in the morning.',
    dose: 20,
    route: 'subcutaneous',
  },
  { sig: '10 u sq qhs', text: 'Inject 10 units under the skin at bedtime.', unit: 'unit', warn: '"u"' },
  {
    sig: '5 units sc tid ac',
    text: 'Inject 5 units under the skin three times a day before meals.',
    tpd: 3,
    warn: '"sc"',
  },
  { sig: 'inject 30 units subcut bid', text: 'Inject 30 units under the skin twice a day.', tpd: 2 },
  {
    sig: 'inject subq tid ac per sliding scale',
    text: 'Inject under the skin three times a day before meals according to your sliding scale.',
    warn: 'Sliding-scale',
  },
  {
    sig: 'inject per ss tid ac',
    text: 'Inject three times a day before meals according to your sliding scale.',
    warn: '"ss"',
  },
  {
    sig: 'inject 0.6 mg subq daily',
    text: 'Inject 0.6 mg under the skin once a day.',
    dose: 0.6,
    unit: 'mg',
  },
  { sig: 'inject 40 mg subq every 2 weeks', text: 'Inject 40 mg under the skin every 2 weeks.', tpd: 1 / 14 },
  { sig: 'inject 0.25 mg subq once weekly', text: 'Inject 0.25 mg under the skin once a week.', tpd: 1 / 7 },
  { sig: 'inject 1 pen subq q week', text: 'Inject 1 pen under the skin once a week.', unit: 'pen' },
  { sig: '1 ml im q month', text: 'Inject 1 mL into the muscle once a month.', route: 'intramuscular' },
  {
    sig: 'inject 1 mL intramuscularly every 3 months',
    text: 'Inject 1 mL into the muscle every 3 months.',
    tpd: 1 / 90,
  },
  { sig: '1 g iv q24h', text: 'Inject 1 g into a vein every 24 hours.', route: 'intravenous' },
  { sig: 'inject 1 mL im once', text: 'Inject 1 mL into the muscle once.' },

  // Topical, transdermal, rectal, vaginal
  {
    sig: 'apply bid to affected area',
    text: 'Apply to the affected area twice a day.',
    route: 'topical',
    tpd: 2,
  },
  {
    sig: 'apply a thin layer to affected area bid',
    text: 'Apply a thin layer to the affected area twice a day.',
    unit: 'application',
  },
  { sig: 'aaa bid', text: 'Apply to the affected area twice a day.', route: 'topical' },
  { sig: 'apply to aa bid x 14 days', text: 'Apply to the affected area twice a day for 14 days.', days: 14 },
  {
    sig: 'apply topically to affected areas twice daily for 2 weeks',
    text: 'Apply to the affected areas twice a day for 2 weeks.',
    days: 14,
  },
  { sig: 'apply sparingly to face qhs', text: 'Apply a small amount to the face at bedtime.' },
  {
    sig: 'apply a pea-sized amount to face at bedtime',
    text: 'Apply a pea-sized amount to the face at bedtime.',
  },
  { sig: 'apply to scalp daily', text: 'Apply to the scalp once a day.' },
  {
    sig: 'apply 4 g to affected joint qid',
    text: 'Apply 4 g to the affected joint four times a day.',
    dose: 4,
    unit: 'g',
  },
  { sig: 'apply tid prn itching', text: 'Apply three times a day as needed for itching.', prn: 'itching' },
  { sig: 'apply 1 patch q72h', text: 'Apply 1 patch every 72 hours.', unit: 'patch', tpd: 1 / 3 },
  {
    sig: 'apply 1 patch daily, remove after 12 hours',
    text: 'Apply 1 patch once a day. Remove after 12 hours.',
  },
  {
    sig: 'apply 1 patch td once weekly',
    text: 'Apply 1 patch to the skin once a week.',
    route: 'transdermal',
  },
  { sig: 'apply 1 patch to skin every 3 days', text: 'Apply 1 patch to the skin every 3 days.', tpd: 1 / 3 },
  {
    sig: '1 supp pr q6h prn nausea',
    text: 'Insert 1 suppository rectally every 6 hours as needed for nausea.',
    unit: 'suppository',
    route: 'rectal',
  },
  {
    sig: 'insert 1 suppository rectally daily prn constipation',
    text: 'Insert 1 suppository rectally once a day as needed for constipation.',
  },
  {
    sig: 'insert 1 applicatorful vaginally qhs x 7 days',
    text: 'Insert 1 applicatorful vaginally at bedtime for 7 days.',
    route: 'vaginal',
    days: 7,
  },
  { sig: '1 supp pv qhs x 3 nights', text: 'Insert 1 suppository vaginally at bedtime for 3 days.', days: 3 },

  // Tapers and multi-part sigs
  {
    sig: 'take 4 tabs daily x2d then 3 tabs daily x2d then 2 tabs daily x2d then 1 tab daily x2d then stop',
    text: 'Take 4 tablets once a day for 2 days, then take 3 tablets once a day for 2 days, then take 2 tablets once a day for 2 days, then take 1 tablet once a day for 2 days, then stop.',
    dose: 4,
    steps: 4,
    total: 8,
  },
  {
    sig: '40 mg po daily x5d then 30 mg x5d then 20 mg x5d then 10 mg x5d',
    text: 'Take 40 mg by mouth once a day for 5 days, then take 30 mg by mouth once a day for 5 days, then take 20 mg by mouth once a day for 5 days, then take 10 mg by mouth once a day for 5 days.',
    steps: 4,
    total: 20,
  },
  {
    sig: '2 tabs po day 1 then 1 tab po daily days 2-5',
    text: 'Take 2 tablets by mouth on day 1, then take 1 tablet by mouth once a day on days 2 to 5.',
    steps: 2,
    total: 5,
  },
  {
    sig: 'take 2 tablets by mouth on day 1, then 1 tablet daily on days 2 through 5',
    text: 'Take 2 tablets by mouth on day 1, then take 1 tablet by mouth once a day on days 2 to 5.',
    steps: 2,
    total: 5,
  },
  {
    sig: '2 tabs now then 1 tab daily x 4 days',
    text: 'Take 2 tablets now, then take 1 tablet once a day for 4 days.',
    steps: 2,
    total: 5,
  },
  {
    sig: '1 tab po bid x 3 days then 1 tab po daily x 3 days',
    text: 'Take 1 tablet by mouth twice a day for 3 days, then take 1 tablet by mouth once a day for 3 days.',
    steps: 2,
    total: 6,
  },
  {
    sig: '1 tab po qhs x 7 days, then 2 tabs po qhs',
    text: 'Take 1 tablet by mouth at bedtime for 7 days, then take 2 tablets by mouth at bedtime.',
    steps: 2,
  },
  {
    sig: '1 tab po qam and 2 tabs po qhs',
    text: 'Take 1 tablet by mouth in the morning, and take 2 tablets by mouth at bedtime.',
    steps: 2,
  },
  {
    sig: '2 tabs po qam, 1 tab po qpm',
    text: 'Take 2 tablets by mouth in the morning, and take 1 tablet by mouth in the evening.',
    steps: 2,
  },
  {
    sig: 'take 1 tablet by mouth twice daily for 1 week, then increase to 2 tablets twice daily',
    text: 'Take 1 tablet by mouth twice a day for 1 week, then take 2 tablets by mouth twice a day.',
    steps: 2,
  },

  // As directed and things not (fully) understood
  { sig: 'use as directed', text: 'Use as directed.', warn: 'As directed' },
  { sig: 'take as directed', text: 'Take as directed.' },
  { sig: 'ud', text: 'Use as directed.', warn: '"ud"' },
  { sig: 'ut dict', text: 'Use as directed.' },
  { sig: 'inject as directed', text: 'Inject as directed.' },
  { sig: 'take 1 tab po as directed per package', text: 'take 1 tab po as directed per package' },
  { sig: 'take 1 tablet by mouth as directed', text: 'Take 1 tablet by mouth as directed.' },
  { sig: '1 tab po x7', text: '1 tab po x7' },
  { sig: '1 tab po', text: '1 tab po', warn: 'No frequency' },
  { sig: 'take with plenty of love', text: 'take with plenty of love' },
  { sig: 'take 1 tab po bid and tid', text: 'take 1 tab po bid and tid' },
  { sig: 'per pharmacist', text: 'per pharmacist' },
  { sig: '', text: 'No directions given.' },
];
