// Ingredient → class ids: analgesics, psychiatric and neurologic drugs. Sources as in
// ingredients-cardiometabolic.ts. Opioid chemical classes (phenanthrene / phenylpiperidine /
// diphenylheptane) follow the structural grouping used for allergy cross-sensitivity (see data/allergy.ts).

const PHEN = ['opioid', 'opioid-phenanthrene', 'cns-depressant'];
const PIP = ['opioid', 'opioid-phenylpiperidine', 'cns-depressant'];
const NSAID = ['nsaid', 'cox-nonselective'];
const SSRI = ['ssri'];
const SNRI = ['snri', 'maoi-contraindicated'];
const TCA = ['tca'];
const BZD = ['benzodiazepine', 'cns-depressant'];
const Z = ['z-hypnotic', 'cns-depressant'];
const AP = ['antipsychotic'];
const AMPH = ['amphetamine-derivative'];
const MR = ['muscle-relaxant', 'cns-depressant'];
const TRIP = ['triptan'];
const AH1 = ['antihistamine-first-gen', 'cns-depressant'];

export const CNS_INGREDIENTS: Record<string, readonly string[]> = {
  // Opioids
  morphine: PHEN, codeine: PHEN, hydromorphone: PHEN, oxymorphone: PHEN, levorphanol: PHEN,
  buprenorphine: PHEN, butorphanol: PHEN, nalbuphine: PHEN,
  hydrocodone: [...PHEN, 'opioid-cyp3a4'], oxycodone: [...PHEN, 'opioid-cyp3a4'],
  fentanyl: [...PIP, 'opioid-cyp3a4'], meperidine: [...PIP, 'maoi-contraindicated'], sufentanil: PIP,
  remifentanil: PIP, alfentanil: PIP,
  methadone: ['opioid', 'opioid-diphenylheptane', 'cns-depressant', 'qt-high-risk', 'qt-known-risk', 'opioid-cyp3a4'],
  tramadol: ['opioid', 'cns-depressant'], tapentadol: ['opioid', 'cns-depressant'],
  naloxone: [], naltrexone: [],
  // Non-opioid analgesics
  acetaminophen: [], aspirin: ['salicylate', 'antiplatelet', 'cox-nonselective'],
  ibuprofen: NSAID, naproxen: NSAID, diclofenac: NSAID, meloxicam: NSAID, indomethacin: NSAID, ketorolac: NSAID,
  etodolac: NSAID, nabumetone: NSAID, piroxicam: NSAID, sulindac: NSAID, oxaprozin: NSAID, ketoprofen: NSAID,
  flurbiprofen: NSAID, diflunisal: [...NSAID, 'salicylate'], celecoxib: ['nsaid', 'cox2-selective'],
  // Antidepressants
  sertraline: SSRI, citalopram: [...SSRI, 'qt-known-risk'], escitalopram: [...SSRI, 'qt-known-risk'],
  fluoxetine: [...SSRI, 'cyp2d6-strong-inhibitor'], paroxetine: [...SSRI, 'cyp2d6-strong-inhibitor'],
  fluvoxamine: [...SSRI, 'cyp1a2-strong-inhibitor'],
  venlafaxine: SNRI, desvenlafaxine: SNRI, duloxetine: SNRI, levomilnacipran: SNRI, milnacipran: SNRI,
  amitriptyline: TCA, nortriptyline: TCA, imipramine: TCA, doxepin: TCA, desipramine: TCA, clomipramine: TCA,
  phenelzine: ['maoi'], tranylcypromine: ['maoi'], isocarboxazid: ['maoi'], selegiline: ['maoi'],
  rasagiline: ['maoi'], safinamide: ['maoi'], 'methylene blue': ['maoi'], procarbazine: ['maoi', 'chemotherapy-oral'],
  bupropion: ['maoi-contraindicated', 'cyp2d6-strong-inhibitor'], mirtazapine: ['maoi-contraindicated'],
  trazodone: ['maoi-contraindicated'], buspirone: ['maoi-contraindicated'], vilazodone: ['maoi-contraindicated'],
  vortioxetine: ['maoi-contraindicated'], lithium: ['lithium'],
  // Sedatives
  alprazolam: BZD, lorazepam: BZD, clonazepam: BZD, diazepam: BZD, temazepam: BZD, triazolam: BZD,
  midazolam: BZD, chlordiazepoxide: BZD, clorazepate: BZD, oxazepam: BZD,
  zolpidem: Z, eszopiclone: Z, zaleplon: Z, ramelteon: [], suvorexant: ['cns-depressant'],
  // Antipsychotics
  quetiapine: AP, olanzapine: AP, risperidone: AP, aripiprazole: AP, ziprasidone: AP, lurasidone: AP,
  paliperidone: AP, clozapine: AP, brexpiprazole: AP, cariprazine: AP,
  haloperidol: [...AP, 'qt-high-risk', 'qt-known-risk'], chlorpromazine: [...AP, 'qt-known-risk'],
  thioridazine: [...AP, 'qt-high-risk', 'qt-known-risk'], pimozide: [...AP, 'qt-high-risk', 'qt-known-risk'],
  droperidol: ['qt-high-risk', 'qt-known-risk'], prochlorperazine: AP,
  // Stimulants (ONC "amphetamines and derivatives"; their labels contraindicate MAOIs)
  amphetamine: AMPH, dextroamphetamine: AMPH, lisdexamfetamine: AMPH, methamphetamine: AMPH,
  methylphenidate: AMPH, dexmethylphenidate: AMPH, phentermine: AMPH, benzphetamine: AMPH,
  phendimetrazine: AMPH, diethylpropion: AMPH, atomoxetine: ['maoi-contraindicated'],
  // Neurologic
  gabapentin: ['gabapentinoid', 'cns-depressant'], pregabalin: ['gabapentinoid', 'cns-depressant'],
  cyclobenzaprine: [...MR, 'maoi-contraindicated'], methocarbamol: MR, tizanidine: MR, baclofen: MR,
  carisoprodol: MR, metaxalone: MR,
  carbamazepine: ['anticonvulsant-aromatic', 'cyp3a4-strong-inducer', 'maoi-contraindicated'],
  oxcarbazepine: ['anticonvulsant-aromatic'], phenytoin: ['anticonvulsant-aromatic', 'cyp3a4-strong-inducer'],
  fosphenytoin: ['anticonvulsant-aromatic', 'cyp3a4-strong-inducer'],
  phenobarbital: ['anticonvulsant-aromatic', 'cyp3a4-strong-inducer', 'cns-depressant'],
  primidone: ['anticonvulsant-aromatic'], lamotrigine: ['anticonvulsant-aromatic'],
  'valproic acid': [], levetiracetam: [], topiramate: [], zonisamide: [], lacosamide: [],
  sumatriptan: TRIP, rizatriptan: TRIP, zolmitriptan: TRIP, eletriptan: TRIP, naratriptan: TRIP,
  almotriptan: TRIP, frovatriptan: TRIP,
  ergotamine: ['ergot'], dihydroergotamine: ['ergot'], methylergonovine: ['ergot'],
  hydroxyzine: AH1, diphenhydramine: AH1, meclizine: AH1, chlorpheniramine: AH1, brompheniramine: AH1,
  doxylamine: AH1, promethazine: AH1, cyproheptadine: AH1, dimenhydrinate: AH1,
  cetirizine: [], levocetirizine: [], loratadine: [], desloratadine: [], fexofenadine: [],
  donepezil: ['cholinesterase-inhibitor', 'qt-known-risk'], rivastigmine: ['cholinesterase-inhibitor'],
  galantamine: ['cholinesterase-inhibitor'], memantine: [],
  ropinirole: [], pramipexole: [], carbidopa: [], levodopa: [],
  dextromethorphan: ['maoi-contraindicated'], pseudoephedrine: ['maoi-contraindicated'], benzonatate: [],
  guaifenesin: [], varenicline: [], nicotine: [],
};
