// Ingredient → class ids, cardiovascular, endocrine, GI and supplements. Membership follows the FDA
// Established Pharmacologic Class of each product's labeling; CYP roles follow the FDA CYP table;
// QT roles follow CredibleMeds "Known Risk" and the ONC list (see data/classes.ts for each class's source).
// Coverage: the MEPS 2018 most-purchased generics (/work/shared/data/meps-top-drugs) plus common peers.

const ACEI = ['ace-inhibitor'];
const ARB = ['arb'];
const BB = ['beta-blocker'];
const DHP = ['ccb-dihydropyridine'];
const STATIN = ['statin'];
const AC = ['anticoagulant'];
const CATION = ['polyvalent-cation'];

export const CARDIOMETABOLIC_INGREDIENTS: Record<string, readonly string[]> = {
  lisinopril: ACEI, enalapril: ACEI, benazepril: ACEI, ramipril: ACEI, quinapril: ACEI, fosinopril: ACEI,
  captopril: ACEI, perindopril: ACEI, trandolapril: ACEI, moexipril: ACEI,
  losartan: ARB, valsartan: ARB, irbesartan: ARB, olmesartan: ARB, telmisartan: ARB, candesartan: ARB,
  azilsartan: ARB, sacubitril: ['arni'], aliskiren: ['renin-inhibitor'],
  metoprolol: BB, atenolol: BB, carvedilol: BB, propranolol: BB, bisoprolol: BB, nebivolol: BB, labetalol: BB,
  nadolol: BB, timolol: BB,
  sotalol: ['beta-blocker', 'antiarrhythmic', 'qt-high-risk', 'qt-known-risk'],
  amlodipine: DHP, nifedipine: DHP, felodipine: DHP, isradipine: DHP, nicardipine: DHP, nimodipine: DHP,
  diltiazem: ['ccb-nondihydropyridine', 'cyp3a4-moderate-inhibitor'],
  verapamil: ['ccb-nondihydropyridine', 'cyp3a4-moderate-inhibitor', 'cyp1a2-inhibitor'],
  hydrochlorothiazide: ['thiazide'], chlorthalidone: ['thiazide'], indapamide: ['thiazide'], metolazone: ['thiazide'],
  furosemide: ['loop-diuretic'], bumetanide: ['loop-diuretic'], torsemide: ['loop-diuretic'],
  spironolactone: ['potassium-sparing-diuretic'], eplerenone: ['potassium-sparing-diuretic'],
  triamterene: ['potassium-sparing-diuretic'], amiloride: ['potassium-sparing-diuretic'],
  'potassium chloride': ['potassium-supplement'], 'potassium citrate': ['potassium-supplement'],
  atorvastatin: STATIN, simvastatin: STATIN, lovastatin: STATIN, pravastatin: STATIN, rosuvastatin: STATIN,
  pitavastatin: STATIN, fluvastatin: STATIN,
  ezetimibe: [], fenofibrate: ['fibrate'], gemfibrozil: ['fibrate'], 'omega-3-acid ethyl esters': [], niacin: [],
  'isosorbide mononitrate': ['nitrate'], 'isosorbide dinitrate': ['nitrate'], nitroglycerin: ['nitrate'],
  sildenafil: ['pde5-inhibitor'], tadalafil: ['pde5-inhibitor'], vardenafil: ['pde5-inhibitor'],
  avanafil: ['pde5-inhibitor'], riociguat: [],
  warfarin: AC, apixaban: AC, rivaroxaban: AC, dabigatran: AC, edoxaban: AC, enoxaparin: AC, heparin: AC,
  dalteparin: AC, fondaparinux: AC,
  clopidogrel: ['antiplatelet'], prasugrel: ['antiplatelet'], ticagrelor: ['antiplatelet'],
  cilostazol: ['antiplatelet'], dipyridamole: ['antiplatelet'],
  amiodarone: ['antiarrhythmic', 'qt-high-risk', 'qt-known-risk', 'cyp1a2-inhibitor'],
  dronedarone: ['antiarrhythmic', 'qt-known-risk', 'cyp3a4-moderate-inhibitor'],
  dofetilide: ['antiarrhythmic', 'qt-high-risk', 'qt-known-risk'],
  flecainide: ['antiarrhythmic', 'qt-known-risk'], propafenone: ['antiarrhythmic', 'cyp1a2-inhibitor'],
  quinidine: ['antiarrhythmic', 'qt-high-risk', 'qt-known-risk', 'cyp2d6-strong-inhibitor'],
  procainamide: ['antiarrhythmic', 'qt-high-risk', 'qt-known-risk'],
  disopyramide: ['antiarrhythmic', 'qt-high-risk', 'qt-known-risk'],
  mexiletine: ['antiarrhythmic', 'cyp1a2-inhibitor'], bepridil: ['qt-high-risk'],
  digoxin: ['cardiac-glycoside'],
  doxazosin: ['alpha-blocker'], terazosin: ['alpha-blocker'], prazosin: ['alpha-blocker'],
  tamsulosin: ['alpha-blocker'], alfuzosin: ['alpha-blocker'], silodosin: ['alpha-blocker'],
  clonidine: [], guanfacine: [], hydralazine: [], minoxidil: [], methyldopa: [], ranolazine: [],
  // Endocrine
  metformin: ['biguanide'],
  glipizide: ['sulfonylurea'], glyburide: ['sulfonylurea'], glimepiride: ['sulfonylurea'],
  sitagliptin: ['dpp4-inhibitor'], linagliptin: ['dpp4-inhibitor'], saxagliptin: ['dpp4-inhibitor'],
  alogliptin: ['dpp4-inhibitor'],
  liraglutide: ['glp1-agonist'], dulaglutide: ['glp1-agonist'], semaglutide: ['glp1-agonist'],
  exenatide: ['glp1-agonist'], tirzepatide: ['glp1-agonist'],
  empagliflozin: ['sglt2-inhibitor'], dapagliflozin: ['sglt2-inhibitor'], canagliflozin: ['sglt2-inhibitor'],
  ertugliflozin: ['sglt2-inhibitor'], pioglitazone: ['thiazolidinedione'],
  insulin: ['insulin'], 'insulin glargine': ['insulin'], 'insulin detemir': ['insulin'],
  'insulin degludec': ['insulin'], 'insulin lispro': ['insulin'], 'insulin aspart': ['insulin'],
  'insulin glulisine': ['insulin'], 'insulin regular': ['insulin'], 'insulin isophane': ['insulin'],
  levothyroxine: ['thyroid-hormone'], liothyronine: ['thyroid-hormone'], thyroid: ['thyroid-hormone'],
  methimazole: [], propylthiouracil: [],
  prednisone: ['corticosteroid-systemic'], prednisolone: ['corticosteroid-systemic'],
  methylprednisolone: ['corticosteroid-systemic'], dexamethasone: ['corticosteroid-systemic'],
  hydrocortisone: ['corticosteroid-systemic'],
  estradiol: ['estrogen'], 'conjugated estrogens': ['estrogen'], 'ethinyl estradiol': ['estrogen', 'cyp1a2-inhibitor'],
  norethindrone: ['progestin'], levonorgestrel: ['progestin'], norgestimate: ['progestin'],
  etonogestrel: ['progestin'], drospirenone: ['progestin'], desogestrel: ['progestin'],
  medroxyprogesterone: ['progestin'], progesterone: ['progestin'],
  testosterone: ['androgen'], finasteride: ['5-alpha-reductase-inhibitor'], dutasteride: ['5-alpha-reductase-inhibitor'],
  alendronate: ['bisphosphonate'], risedronate: ['bisphosphonate'], ibandronate: ['bisphosphonate'],
  allopurinol: ['xanthine-oxidase-inhibitor'], febuxostat: ['xanthine-oxidase-inhibitor'], colchicine: [],
  probenecid: [],
  // GI
  omeprazole: ['ppi'], esomeprazole: ['ppi'], pantoprazole: ['ppi'], lansoprazole: ['ppi'], rabeprazole: ['ppi'],
  dexlansoprazole: ['ppi'],
  famotidine: ['h2-blocker', 'cyp1a2-inhibitor'], ranitidine: ['h2-blocker'],
  cimetidine: ['h2-blocker', 'cyp1a2-inhibitor'], nizatidine: ['h2-blocker'],
  ondansetron: ['qt-known-risk'], metoclopramide: [], dicyclomine: [], docusate: [],
  'polyethylene glycol 3350': [], senna: [], bisacodyl: [], loperamide: [], misoprostol: [],
  // Vitamins, minerals, cations
  cholecalciferol: [], ergocalciferol: [], cyanocobalamin: [], 'folic acid': [], multivitamin: [],
  'ferrous sulfate': CATION, 'ferrous gluconate': CATION, 'ferrous fumarate': CATION,
  'calcium carbonate': CATION, 'calcium citrate': CATION, 'calcium acetate': CATION,
  'magnesium oxide': CATION, 'magnesium hydroxide': CATION, 'aluminum hydroxide': CATION,
  'zinc sulfate': CATION, sucralfate: CATION,
};
