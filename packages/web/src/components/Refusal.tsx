import { ApiError } from '../api/client';

/** Who may do what, in words, for the permissions the count and controlled-substance screens use. */
const WHO: Record<string, string> = {
  'inventory.approve_variance': 'Only a pharmacist can approve count variances and post them to the ledger.',
  'controlled.sign_pic': 'Only the pharmacist in charge can sign this record.',
  'controlled.manage':
    'Only a pharmacist can record controlled-substance inventories, losses and investigations.',
  'inventory.witness_waste': 'Only a pharmacist can witness waste.',
};

/**
 * The server decides who may act (the permission table); this turns its refusal into a sentence a person can act
 * on. A 403 names the permission ("… does not allow controlled.sign_pic"), which is mapped to who may do it.
 */
export function explainRefusal(err: ApiError): { title: string; text: string } {
  if (err.status === 403 && err.code === 'forbidden') {
    const perm = Object.keys(WHO).find((p) => err.detail.includes(p));
    return {
      title: 'Not allowed for your role',
      text: `${perm ? WHO[perm] : err.detail} The server refused the request; nothing was changed.`,
    };
  }
  if (err.code === 'esign_password_required')
    return {
      title: 'Not signed',
      text: 'This record cannot be completed without an electronic signature: re-enter your password to sign. Nothing was changed.',
    };
  if (err.code === 'esign_failed') return { title: 'Signature refused', text: `${err.detail}.` };
  return { title: 'Not done', text: err.detail };
}

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e));

/** Fixed problem text shown in an alert, with the problem code for tests and support. */
export function RefusalBanner({ error }: { error: ApiError }) {
  const { title, text } = explainRefusal(error);
  return (
    <div className="banner banner-error" role="alert" data-code={error.code}>
      <strong>{title}: </strong>
      {text}
    </div>
  );
}
