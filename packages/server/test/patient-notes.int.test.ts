import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/platform/permissions';
import {
  as,
  buildOrg,
  buildSite,
  buildUser,
  createTestApp,
  login,
  patientBody,
  type TestApp,
} from './helpers';

type Client = ReturnType<typeof as>;
interface Note {
  id: string;
  category: string;
  text: string;
  pinned: boolean;
  supersedesId: string | null;
  active: boolean;
  author: { id: string; name: string };
  createdAt: string;
  supersededBy: { id: string; author: { id: string; name: string }; createdAt: string } | null;
}

describe(`patient notes (${process.env.APOTHECA_TEST_DB ?? 'sqlite'})`, () => {
  let t: TestApp;
  let site: string;
  let otherSite: string;
  const users = new Map<Role, { id: string; client: Client }>();
  let tech: Client;
  let rph: Client;
  let otherTech: Client;

  async function userAt(org: string, siteId: string, role: Role) {
    const u = await buildUser(t.db, org, [{ siteId, role }]);
    return { id: u.id, client: as(t.app, await login(t.app, u.username)) };
  }
  async function newPatient(siteId = site, who: Client = tech) {
    const res = await who.post('/api/patients', patientBody(siteId, { lastName: 'Notes' }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const notesOf = async (patientId: string, who: Client = tech) => {
    const res = await who.get(`/api/patients/${patientId}/notes`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Note[];
  };
  const add = (patientId: string, body: Record<string, unknown>, who: Client = tech) =>
    who.post(`/api/patients/${patientId}/notes`, body);

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.db);
    site = await buildSite(t.db, org);
    otherSite = await buildSite(t.db, org);
    for (const role of ['technician', 'pharmacist', 'nurse', 'auditor', 'buyer', 'admin'] as const)
      users.set(role, await userAt(org, site, role));
    tech = users.get('technician')!.client;
    rph = users.get('pharmacist')!.client;
    otherTech = (await userAt(org, otherSite, 'technician')).client;
  });
  afterAll(() => t.close());

  it('adds a note with its author and time, and lists it', async () => {
    const pid = await newPatient();
    const res = await add(pid, {
      category: 'delivery',
      text: '  Gate code 4411; leave with neighbour at no. 12  ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const note: Note = res.json();
    expect(note).toMatchObject({
      category: 'delivery',
      text: 'Gate code 4411; leave with neighbour at no. 12',
      pinned: false,
      supersedesId: null,
      active: true,
      supersededBy: null,
      author: { id: users.get('technician')!.id },
    });
    expect(note.author.name).toMatch(/^Test u/);
    expect(Date.parse(note.createdAt)).not.toBeNaN();
    const list = await notesOf(pid);
    expect(list).toEqual([note]);
  });

  it('lists newest first, even for notes written within one millisecond', async () => {
    const pid = await newPatient();
    const texts = ['first', 'second', 'third', 'fourth'];
    for (const text of texts) expect((await add(pid, { category: 'general', text })).statusCode).toBe(201);
    const list = await notesOf(pid);
    expect(list.map((n) => n.text)).toEqual([...texts].reverse());
    const times = list.map((n) => n.createdAt);
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('corrects a note by superseding it: the original stays, marked with who corrected it and when', async () => {
    const pid = await newPatient();
    const original: Note = (
      await add(pid, { category: 'allergy_history', text: 'Hives with amoxicillin in 2019', pinned: true })
    ).json();
    const res = await add(
      pid,
      {
        category: 'allergy_history',
        text: 'Hives with cefalexin (not amoxicillin) in 2019; amoxicillin tolerated since',
        pinned: false,
        supersedesId: original.id,
      },
      rph,
    );
    expect(res.statusCode, res.body).toBe(201);
    const correction: Note = res.json();
    expect(correction.supersedesId).toBe(original.id);
    const [first, second] = await notesOf(pid);
    expect(first?.id).toBe(correction.id);
    expect(first?.active).toBe(true);
    expect(second).toMatchObject({
      id: original.id,
      text: 'Hives with amoxicillin in 2019',
      pinned: true,
      active: false,
      supersededBy: {
        id: correction.id,
        author: { id: users.get('pharmacist')!.id },
        createdAt: correction.createdAt,
      },
    });
    // The pin belonged to the corrected note: no active pinned note is left.
    expect((await notesOf(pid)).filter((n) => n.active && n.pinned)).toEqual([]);
  });

  it('refuses to supersede a note twice (409 naming supersedesId), also when two corrections race', async () => {
    const pid = await newPatient();
    const original: Note = (await add(pid, { category: 'billing', text: 'Pays cash' })).json();
    expect(
      (await add(pid, { category: 'billing', text: 'Copay card', supersedesId: original.id })).statusCode,
    ).toBe(201);
    const again = await add(pid, { category: 'billing', text: 'Other fix', supersedesId: original.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('note_already_superseded');
    expect(again.json().errors[0].field).toBe('supersedesId');
    expect(again.json().detail).toMatch(/already corrected by Test u/);

    const target: Note = (await add(pid, { category: 'billing', text: 'Secondary: none' })).json();
    const raced = await Promise.all(
      ['fix A', 'fix B'].map((text) => add(pid, { category: 'billing', text, supersedesId: target.id })),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(raced.find((r) => r.statusCode === 409)?.json().errors[0].field).toBe('supersedesId');
    const successors = (await notesOf(pid)).filter((n) => n.supersedesId === target.id);
    expect(successors).toHaveLength(1);
  });

  it('refuses to supersede another patient’s note or an unknown note (400 naming supersedesId)', async () => {
    const a = await newPatient();
    const b = await newPatient();
    const noteOfA: Note = (await add(a, { category: 'general', text: 'Note of A' })).json();
    for (const supersedesId of [noteOfA.id, '00000000-0000-0000-0000-000000000000']) {
      const res = await add(b, { category: 'general', text: 'Wrong patient', supersedesId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'supersedesId', reason: 'is not a note of this patient' }]);
    }
    expect((await notesOf(a))[0]?.active).toBe(true);
    expect(await notesOf(b)).toEqual([]);
  });

  it('answers 404 for another site’s patient, on read and write', async () => {
    const pid = await newPatient();
    await add(pid, { category: 'general', text: 'Site-private note' });
    const read = await otherTech.get(`/api/patients/${pid}/notes`);
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('not_found');
    const write = await add(pid, { category: 'general', text: 'From elsewhere' }, otherTech);
    expect(write.statusCode).toBe(404);
    expect(await notesOf(pid)).toHaveLength(1);
  });

  it('names the field in validation errors', async () => {
    const pid = await newPatient();
    const cases: [Record<string, unknown>, string][] = [
      [{ category: 'general', text: '   ' }, 'text'],
      [{ category: 'general', text: 'x'.repeat(4001) }, 'text'],
      [{ category: 'gossip', text: 'ok' }, 'category'],
      [{ text: 'no category' }, 'category'],
      [{ category: 'general', text: 'ok', pinned: 'yes' }, 'pinned'],
      [{ category: 'general', text: 'ok', supersedesId: '' }, 'supersedesId'],
    ];
    for (const [body, field] of cases) {
      const res = await add(pid, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        JSON.stringify(body).slice(0, 80),
      ).toContain(field);
    }
    expect((await add(pid, { category: 'general', text: 'x'.repeat(4000) })).statusCode).toBe(201);
    expect(await notesOf(pid)).toHaveLength(1);
  });

  it('writes audit entries: the note as after, the corrected note as before, and each read', async () => {
    const pid = await newPatient();
    const original: Note = (await add(pid, { category: 'counseling', text: 'Counsel on INR checks' })).json();
    const correction: Note = (
      await add(pid, { category: 'counseling', text: 'Counsel on INR and diet', supersedesId: original.id })
    ).json();
    await notesOf(pid);
    const entries = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', pid)
      .where('action', 'like', 'patient.note%')
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'patient.note.add',
      'patient.note.correct',
      'patient.notes.read',
    ]);
    const [added, corrected, read] = entries;
    expect(added?.user_id).toBe(users.get('technician')!.id);
    expect(added?.before_json).toBeNull();
    expect(JSON.parse(added?.after_json ?? '{}')).toMatchObject({
      id: original.id,
      text: 'Counsel on INR checks',
      author_user_id: users.get('technician')!.id,
    });
    expect(JSON.parse(corrected?.before_json ?? '{}')).toMatchObject({
      id: original.id,
      text: 'Counsel on INR checks',
    });
    expect(JSON.parse(corrected?.after_json ?? '{}')).toMatchObject({
      id: correction.id,
      text: 'Counsel on INR and diet',
      supersedes_id: original.id,
    });
    expect(read?.site_id).toBe(site);
  });

  it('lets the pharmacy team write notes and clinical readers read them', async () => {
    const pid = await newPatient();
    const expected: Record<string, { read: number; write: number }> = {
      technician: { read: 200, write: 201 },
      pharmacist: { read: 200, write: 201 },
      nurse: { read: 200, write: 403 },
      auditor: { read: 200, write: 403 },
      buyer: { read: 403, write: 403 },
      admin: { read: 403, write: 403 },
    };
    for (const [role, want] of Object.entries(expected)) {
      const c = users.get(role as Role)!.client;
      expect((await c.get(`/api/patients/${pid}/notes`)).statusCode, `${role} read`).toBe(want.read);
      const w = await add(pid, { category: 'general', text: `by ${role}` }, c);
      expect(w.statusCode, `${role} write`).toBe(want.write);
      if (want.write === 403) expect(w.json().code).toBe('forbidden');
    }
    expect((await notesOf(pid)).map((n) => n.text).sort()).toEqual(['by pharmacist', 'by technician']);
  });

  it('never edits or deletes a note: there is no such route', async () => {
    const pid = await newPatient();
    const note: Note = (await add(pid, { category: 'general', text: 'Permanent' })).json();
    expect((await tech.put(`/api/patients/${pid}/notes/${note.id}`, { text: 'x' })).statusCode).toBe(404);
    expect((await tech.delete(`/api/patients/${pid}/notes/${note.id}`)).statusCode).toBe(404);
    expect((await notesOf(pid))[0]?.text).toBe('Permanent');
  });

  it('moves notes with a merged duplicate and refuses new notes on the merged record', async () => {
    const survivor = await newPatient();
    const dup = await newPatient();
    const note: Note = (await add(dup, { category: 'general', text: 'Written on the duplicate' })).json();
    const merged = await rph.post(`/api/patients/${dup}/merge`, { intoId: survivor, reason: 'Same person' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().moved.patient_notes).toBe(1);
    expect((await notesOf(survivor)).map((n) => n.id)).toEqual([note.id]);
    const late = await add(dup, { category: 'general', text: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('patient_merged');
  });
});
