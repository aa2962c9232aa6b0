// API sessions outside the browser (own cookies), to prepare data without disturbing the page's sign-in.
import { PASSWORD } from './browser.mjs';
import { assert } from './harness.mjs';

export async function apiSession(baseUrl, username) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert(res.status === 200, `API sign-in as ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await res.json();
  const call = async (method, path, body) => {
    const r = await fetch(baseUrl + path, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, body: json };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b = {}) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
  };
}

/**
 * A new prescription at a site, entered by the technician and verified by the pharmacist, so its fill waits in
 * the claim step. Returns the fill id.
 */
export async function fillAtClaim({ tech, pharm, siteId, patientQuery, ndc11, drug, sig, quantity }) {
  const patients = (await tech.get(`/api/patients?siteId=${siteId}&q=${encodeURIComponent(patientQuery)}`))
    .body;
  const patient = patients.items?.[0];
  assert(patient, `patient ${patientQuery} at the site`);
  const prescribers = (await tech.get(`/api/prescribers?siteId=${siteId}&q=chen`)).body.items;
  assert(prescribers?.[0], 'a demo prescriber');
  const rx = await tech.post('/api/prescriptions', {
    siteId,
    origin: 'written',
    patientId: patient.id,
    prescriberId: prescribers[0].id,
    drugDescription: drug,
    sigText: sig,
    quantity,
    writtenDate: new Date().toISOString().slice(0, 10),
  });
  assert(rx.status === 201 || rx.status === 200, `prescription created: ${JSON.stringify(rx.body)}`);
  const fillId = rx.body.fill?.id;
  assert(fillId, `fill id in ${JSON.stringify(rx.body).slice(0, 200)}`);
  const steps = [
    [tech, 'POST', `/api/fills/${fillId}/actions/accept_intake`, {}],
    [tech, 'PUT', `/api/fills/${fillId}/entry`, { ndc11, sigText: sig, quantity, refillsAuthorized: 0 }],
    [tech, 'POST', `/api/fills/${fillId}/actions/submit_entry`, {}],
  ];
  for (const [who, method, path, body] of steps) {
    const r = method === 'PUT' ? await who.put(path, body) : await who.post(path, body);
    assert(r.status === 200, `${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  // The pharmacy's own screening may stop the fill (e.g. warfarin with an NSAID): the pharmacist overrides it.
  const detail = (await pharm.get(`/api/fills/${fillId}`)).body;
  for (const a of detail.fill.screening.filter((x) => x.requiresOverride)) {
    const o = await pharm.post(`/api/fills/${fillId}/overrides`, {
      alertId: a.id,
      reason: 'e2e: prescriber aware, monitoring INR',
    });
    assert(o.status === 200 || o.status === 201, `override ${a.id}: ${o.status}`);
  }
  const v = await pharm.post(`/api/fills/${fillId}/actions/verify_data`, {});
  assert(v.status === 200, `verify_data: ${v.status} ${JSON.stringify(v.body).slice(0, 300)}`);
  return { fillId, patientId: patient.id };
}
