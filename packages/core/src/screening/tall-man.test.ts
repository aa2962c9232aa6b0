import { describe, expect, it } from 'vitest';
import { lasaPartners, TALL_MAN_NAMES, tallMan } from './tall-man';

describe('tall man lettering (FDA Name Differentiation Project + ISMP)', () => {
  it.each([
    ['hydroxyzine', 'hydrOXYzine'],
    ['HYDRALAZINE', 'hydrALAZINE'],
    ['bupropion', 'buPROPion'],
    ['buspirone', 'busPIRone'],
    ['glipizide', 'glipiZIDE'],
    ['glyburide', 'glyBURIDE'],
    ['prednisone', 'predniSONE'],
    ['prednisolone', 'prednisoLONE'],
    ['tramadol', 'traMADol'],
    ['trazodone', 'traZODone'],
    ['hydroxyzine pamoate 25 mg', 'hydrOXYzine pamoate 25 mg'],
    ['lisinopril', 'lisinopril'],
  ])('%s → %s', (input, expected) => {
    expect(tallMan(input)).toBe(expected);
  });

  it('lists partners across groups (chlorpromazine is in an FDA and an ISMP pair)', () => {
    expect(
      lasaPartners('chlorpromazine')
        .map((p) => p.tallMan)
        .sort(),
    ).toEqual(['chlordiazePOXIDE', 'chlorproPAMIDE']);
    expect(lasaPartners('hydroxyzine')).toEqual([
      { name: 'hydralazine', tallMan: 'hydrALAZINE', list: 'fda' },
    ]);
    expect(lasaPartners('lisinopril')).toEqual([]);
  });

  it('TALL_MAN_NAMES keys are lower-case and map back to the same letters', () => {
    for (const [k, v] of TALL_MAN_NAMES) expect(v.toLowerCase()).toBe(k);
  });
});
