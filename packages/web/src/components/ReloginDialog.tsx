import type { LoginResponse } from '../api/types';
import { LoginForm } from './LoginForm';
import { Modal } from './Modal';

interface Props {
  username: string;
  displayName: string;
  onSuccess: (res: LoginResponse) => void;
  onSignOut: () => void;
}

/** Shown over the current page when the session ends; the page (and any unsaved form) stays mounted. */
export function ReloginDialog({ username, displayName, onSuccess, onSignOut }: Props) {
  return (
    <Modal title="Session expired" className="relogin">
      <p>
        Your session has ended. Sign in again as <strong>{displayName}</strong> to continue — the work on this
        page is kept and your last action will be retried.
      </p>
      <LoginForm
        initialUsername={username}
        lockUsername={Boolean(username)}
        submitLabel="Sign in and continue"
        autoFocusPassword
        onSuccess={(res) => onSuccess(res)}
      />
      <button type="button" className="btn btn-link" onClick={onSignOut}>
        Sign out instead
      </button>
    </Modal>
  );
}
