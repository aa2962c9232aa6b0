// Ingredient → class ids: anti-infectives, immunology/oncology, respiratory and topical products.
// Sources as in ingredients-cardiometabolic.ts. 'cephalosporin-aminopenicillin-r1' marks the
// cephalosporins whose R1 side chain matches or resembles ampicillin/amoxicillin (see data/allergy.ts).

const PCN = ['penicillin'];
const CEPH = ['cephalosporin'];
const CEPH_R1 = ['cephalosporin', 'cephalosporin-aminopenicillin-r1'];
const FQ = ['fluoroquinolone', 'qt-known-risk'];
const TET = ['tetracycline'];
const PI = ['protease-inhibitor', 'cyp3a4-strong-inhibitor'];
const IS = ['immunosuppressant'];
const CHEMO = ['chemotherapy-oral'];

export const OTHER_INGREDIENTS: Record<string, readonly string[]> = {
  amoxicillin: PCN, ampicillin: PCN, 'penicillin v': PCN, 'penicillin g': PCN, dicloxacillin: PCN,
  nafcillin: PCN, oxacillin: PCN, piperacillin: PCN, clavulanate: [], tazobactam: [], sulbactam: [],
  cephalexin: CEPH_R1, cefadroxil: CEPH_R1, cefaclor: CEPH_R1, cefprozil: CEPH_R1,
  cefazolin: CEPH, cefuroxime: CEPH, cefpodoxime: CEPH, cefdinir: CEPH, cefixime: CEPH, ceftriaxone: CEPH,
  cefepime: CEPH, ceftazidime: CEPH, cefotaxime: CEPH, cefoxitin: CEPH, ceftaroline: CEPH,
  meropenem: ['carbapenem'], imipenem: ['carbapenem'], ertapenem: ['carbapenem'], aztreonam: [],
  azithromycin: ['macrolide', 'qt-known-risk'],
  clarithromycin: ['macrolide', 'qt-known-risk', 'cyp3a4-strong-inhibitor'],
  erythromycin: ['macrolide', 'qt-known-risk', 'cyp3a4-moderate-inhibitor'],
  ciprofloxacin: [...FQ, 'cyp1a2-strong-inhibitor', 'cyp3a4-moderate-inhibitor'],
  levofloxacin: FQ, moxifloxacin: FQ, ofloxacin: ['fluoroquinolone'],
  doxycycline: TET, minocycline: TET, tetracycline: TET,
  sulfamethoxazole: ['sulfonamide-antibiotic'], sulfadiazine: ['sulfonamide-antibiotic'],
  sulfisoxazole: ['sulfonamide-antibiotic'], sulfasalazine: ['sulfonamide-antibiotic'], trimethoprim: [],
  metronidazole: ['nitroimidazole'], tinidazole: ['nitroimidazole'], nitrofurantoin: [], clindamycin: [],
  vancomycin: [], linezolid: ['maoi'], rifampin: ['cyp3a4-strong-inducer'], rifabutin: [], isoniazid: [],
  fluconazole: ['azole-antifungal', 'cyp3a4-moderate-inhibitor', 'qt-known-risk'],
  itraconazole: ['azole-antifungal', 'cyp3a4-strong-inhibitor'],
  ketoconazole: ['azole-antifungal', 'cyp3a4-strong-inhibitor'],
  posaconazole: ['azole-antifungal', 'cyp3a4-strong-inhibitor'],
  voriconazole: ['azole-antifungal', 'cyp3a4-strong-inhibitor'],
  miconazole: ['azole-antifungal'], enoxacin: ['fluoroquinolone', 'cyp1a2-strong-inhibitor'], dolutegravir: [],
  danazol: [], megestrol: ['progestin'],
  terbinafine: ['cyp2d6-strong-inhibitor'], nystatin: [],
  acyclovir: ['cyp1a2-inhibitor'], valacyclovir: [], famciclovir: [], oseltamivir: [],
  ritonavir: PI, atazanavir: ['protease-inhibitor'], darunavir: ['protease-inhibitor'], lopinavir: PI,
  saquinavir: PI, nelfinavir: PI, indinavir: PI, fosamprenavir: ['protease-inhibitor'], tipranavir: PI,
  cobicistat: ['cyp3a4-strong-inhibitor'], nefazodone: ['cyp3a4-strong-inhibitor'],
  hydroxychloroquine: ['qt-known-risk'], chloroquine: ['qt-known-risk', 'qt-high-risk'],
  pentamidine: ['qt-known-risk', 'qt-high-risk'], 'arsenic trioxide': ['qt-known-risk', 'qt-high-risk'],
  "st john's wort": ['cyp3a4-strong-inducer'],
  // Immunology and oncology
  methotrexate: [], azathioprine: ['thiopurine', 'immunosuppressant'], mercaptopurine: ['thiopurine', ...CHEMO],
  cyclosporine: IS, tacrolimus: IS, sirolimus: IS, everolimus: IS, mycophenolate: IS, 'mycophenolic acid': IS,
  leflunomide: [], hydroxyurea: CHEMO, capecitabine: CHEMO, cyclophosphamide: CHEMO, temozolomide: CHEMO,
  imatinib: [...CHEMO, 'cyp3a4-moderate-inhibitor'], lenalidomide: CHEMO, thalidomide: CHEMO, irinotecan: [],
  tamoxifen: [], anastrozole: [], letrozole: [],
  theophylline: ['methylxanthine'], aminophylline: ['methylxanthine'],
  isotretinoin: ['retinoid-systemic'], acitretin: ['retinoid-systemic'],
  // Respiratory, urologic, topical and miscellaneous
  albuterol: [], levalbuterol: [], ipratropium: [], tiotropium: [], fluticasone: [], budesonide: [],
  beclomethasone: [], mometasone: [], salmeterol: [], formoterol: [], vilanterol: [], montelukast: [],
  azelastine: [], oxybutynin: [], tolterodine: [], solifenacin: [], mirabegron: [], epinephrine: [],
  lidocaine: [], clobetasol: [], betamethasone: [], triamcinolone: [], mupirocin: [], latanoprost: [], brimonidine: [],
  tobramycin: [], neomycin: [], 'polymyxin b': [], bacitracin: [], chlorhexidine: [],
  bosentan: [], ambrisentan: [], macitentan: [], ribavirin: [],
};
