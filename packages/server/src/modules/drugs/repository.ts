import type { Db } from '../../platform/db/database';

export const findPackages = (db: Db, ndc11s: string[]) =>
  ndc11s.length
    ? db.selectFrom('drug_packages').selectAll().where('ndc11', 'in', ndc11s).execute()
    : Promise.resolve([]);

export const findPackageByGtin = (db: Db, gtin14: string) =>
  db.selectFrom('drug_packages').selectAll().where('gtin14', '=', gtin14).executeTakeFirst();

export const findProduct = (db: Db, id: string) =>
  db.selectFrom('drug_products').selectAll().where('id', '=', id).executeTakeFirst();

export const packagesOfProduct = (db: Db, productId: string) =>
  db.selectFrom('drug_packages').selectAll().where('product_id', '=', productId).orderBy('ndc11').execute();
