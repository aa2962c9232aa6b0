import type { Source } from '../types';
import { ISMP_ACUTE_2018, ISMP_COMMUNITY_2021 } from './sources';

// ISMP high-alert medications: drugs with heightened risk of significant harm when used in error.
// Community/ambulatory (2021) and acute care (2018) lists; entries match by class, ingredient and,
// where the list names one, route. Copied as data so a new ISMP edition is an edit here.
export interface HighAlertEntry {
  id: string;
  label: string;
  classes?: readonly string[];
  ingredients?: readonly string[];
  /** Normalised routes the entry is limited to (e.g. epinephrine IM/SC). */
  routes?: readonly string[];
  settings: readonly ('community' | 'acute')[];
  source: Source;
}

const BOTH = ['community', 'acute'] as const;
const COMMUNITY = ['community'] as const;
const ACUTE = ['acute'] as const;

export const HIGH_ALERT: readonly HighAlertEntry[] = [
  {
    id: 'antithrombotic',
    label: 'Antithrombotic agent (anticoagulant)',
    classes: ['anticoagulant'],
    settings: BOTH,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'insulin',
    label: 'Insulin (all formulations)',
    classes: ['insulin'],
    settings: BOTH,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'opioid',
    label: 'Opioid (all routes)',
    classes: ['opioid'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'chemotherapy-oral',
    label: 'Oral chemotherapy (excluding hormonal agents)',
    classes: ['chemotherapy-oral'],
    settings: BOTH,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'immunosuppressant',
    label: 'Immunosuppressant',
    classes: ['immunosuppressant'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'pregnancy-contraindicated',
    label: 'Drug contraindicated in pregnancy',
    ingredients: [
      'isotretinoin',
      'acitretin',
      'bosentan',
      'ambrisentan',
      'macitentan',
      'thalidomide',
      'lenalidomide',
      'leflunomide',
      'ribavirin',
      'misoprostol',
    ],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'methotrexate',
    label: 'Methotrexate (non-oncologic use)',
    ingredients: ['methotrexate'],
    settings: BOTH,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'carbamazepine',
    label: 'carBAMazepine',
    ingredients: ['carbamazepine'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'lamotrigine',
    label: 'lamoTRIgine',
    ingredients: ['lamotrigine'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'phenytoin',
    label: 'Phenytoin',
    ingredients: ['phenytoin', 'fosphenytoin'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'valproic-acid',
    label: 'Valproic acid',
    ingredients: ['valproic acid'],
    settings: COMMUNITY,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'epinephrine-im-sc',
    label: 'EPINEPHrine (IM, subcutaneous)',
    ingredients: ['epinephrine'],
    routes: ['im', 'subcutaneous'],
    settings: BOTH,
    source: ISMP_COMMUNITY_2021,
  },
  {
    id: 'opioid-acute',
    label: 'Opioids (IV, transdermal, oral)',
    classes: ['opioid'],
    settings: ACUTE,
    source: ISMP_ACUTE_2018,
  },
  {
    id: 'antiarrhythmic-iv',
    label: 'Antiarrhythmics, IV',
    classes: ['antiarrhythmic'],
    routes: ['iv'],
    settings: ACUTE,
    source: ISMP_ACUTE_2018,
  },
  {
    id: 'sulfonylurea-acute',
    label: 'Sulfonylurea hypoglycaemics, oral',
    classes: ['sulfonylurea'],
    settings: ACUTE,
    source: ISMP_ACUTE_2018,
  },
  {
    id: 'potassium-chloride-iv',
    label: 'Potassium chloride concentrate for injection',
    ingredients: ['potassium chloride'],
    routes: ['iv'],
    settings: ACUTE,
    source: ISMP_ACUTE_2018,
  },
  {
    id: 'midazolam-iv',
    label: 'Moderate/minimal sedation agents, IV (e.g. midazolam)',
    ingredients: ['midazolam'],
    routes: ['iv'],
    settings: ACUTE,
    source: ISMP_ACUTE_2018,
  },
];
