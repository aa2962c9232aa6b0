import type { Source } from '../types';

// Shared citations. Label citations point at the DailyMed search for the ingredient (the current
// FDA-approved labeling); section numbers follow the PLR format (4 Contraindications, 5 Warnings,
// 7 Drug Interactions, 8 Use in Specific Populations, 2 Dosage and Administration).

/** FDA-approved prescribing information for one product, with the label section relied on. */
export function label(ingredient: string, product: string, section: string): Source {
  return {
    citation: `FDA-approved labeling, ${product} (${ingredient}), ${section}`,
    url: `https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=${encodeURIComponent(ingredient)}`,
  };
}

export const ONC_HIGH_PRIORITY: Source = {
  citation:
    'Phansalkar S, Desai AA, Bell D, et al. High-priority drug–drug interactions for use in electronic health records. J Am Med Inform Assoc 2012;19(5):735–743 (Table 2: the 15 interactions approved by the ONC expert panel)',
  url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3422823/',
};

export const FDA_CYP_TABLE: Source = {
  citation:
    'FDA, Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers (strong/moderate CYP inhibitors and inducers)',
  url: 'https://www.fda.gov/drugs/drug-interactions-labeling/healthcare-professionals-fdas-examples-drugs-interact-cyp-enzymes-and-transporter-systems',
};

export const FDA_EPC: Source = {
  citation: 'FDA Established Pharmacologic Class (EPC) indexing of Structured Product Labeling',
  url: 'https://www.fda.gov/industry/structured-product-labeling-resources/pharmacologic-class',
};

export const CREDIBLEMEDS: Source = {
  citation: 'CredibleMeds (AZCERT) QTdrugs list, "Known Risk of TdP" category',
  url: 'https://crediblemeds.org',
};

export const BEERS_2023: Source = {
  citation:
    'American Geriatrics Society 2023 Updated AGS Beers Criteria for Potentially Inappropriate Medication Use in Older Adults. J Am Geriatr Soc 2023;71(7):2052–2081',
  url: 'https://doi.org/10.1111/jgs.18372',
};

export const FDA_OPIOID_BENZO_2016: Source = {
  citation:
    'FDA Drug Safety Communication (2016-08-31): FDA requires strong warnings for opioid analgesic, opioid cough products, and benzodiazepine use (Boxed Warning)',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or',
};

export const FDA_GABAPENTINOID_2019: Source = {
  citation:
    'FDA Drug Safety Communication (2019-12-19): serious breathing difficulties with gabapentin and pregabalin in patients with respiratory risk factors, including concomitant opioids',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-warns-about-serious-breathing-problems-seizure-and-nerve-pain-medicines-gabapentin-neurontin',
};

export const FDA_METFORMIN_2016: Source = {
  citation:
    'FDA Drug Safety Communication (2016-04-08): FDA revises warnings regarding use of the diabetes medicine metformin in certain patients with reduced kidney function',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-revises-warnings-regarding-use-diabetes-medicine-metformin-certain',
};

export const FDA_CODEINE_TRAMADOL_2017: Source = {
  citation:
    'FDA Drug Safety Communication (2017-04-20): FDA restricts use of prescription codeine pain and cough medicines and tramadol pain medicines in children; recommends against use in breastfeeding women',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-restricts-use-prescription-codeine-pain-and-cough-medicines-and',
};

export const FDA_NSAID_PREGNANCY_2020: Source = {
  citation:
    'FDA Drug Safety Communication (2020-10-15): avoid use of NSAIDs in pregnancy at 20 weeks or later because they can result in low amniotic fluid',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-recommends-avoiding-use-nsaids-pregnancy-20-weeks-or-later-because-they-can-result-low-amniotic',
};

export const FDA_STATIN_PREGNANCY_2021: Source = {
  citation:
    'FDA Drug Safety Communication (2021-07-20): FDA requests removal of strongest warning against using cholesterol-lowering statins during pregnancy',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-requests-removal-strongest-warning-against-using-cholesterol-lowering-statins-during-pregnancy',
};

export const ISMP_COMMUNITY_2021: Source = {
  citation: 'ISMP List of High-Alert Medications in Community/Ambulatory Care Settings (2021)',
  url: 'https://www.ismp.org/recommendations/high-alert-medications-community-ambulatory-list',
};

export const ISMP_ACUTE_2018: Source = {
  citation: 'ISMP List of High-Alert Medications in Acute Care Settings (2018)',
  url: 'https://www.ismp.org/recommendations/high-alert-medications-acute-list',
};

export const TALL_MAN_FDA: Source = {
  citation:
    'FDA Name Differentiation Project (tall man lettering), as listed in the ISMP tall man letters list (2023)',
  url: 'https://www.ismp.org/recommendations/tall-man-letters-list',
};

export const TALL_MAN_ISMP: Source = {
  citation:
    'ISMP List of Look-Alike Drug Names with Recommended Tall Man (Mixed Case) Letters (2023), ISMP additions',
  url: 'https://www.ismp.org/recommendations/tall-man-letters-list',
};
