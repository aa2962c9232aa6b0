import type { LoginResponse } from '../api/types';
import { LoginForm } from './LoginForm';
import { ThemeToggle } from './ThemeToggle';

export function LoginPage({
  onSuccess,
}: {
  onSuccess: (res: LoginResponse, username: string) => Promise<void>;
}) {
  return (
    <div className="login-shell">
      <div className="login-corner">
        <ThemeToggle />
      </div>
      <main id="main" className="login-main">
        <div className="login-card">
          <div className="brand brand-large" aria-hidden="true">
            <span className="brand-mark">+</span>
          </div>
          <h1>Apotheca</h1>
          <p className="subtitle">Pharmacy workbench — sign in to continue</p>
          <LoginForm onSuccess={onSuccess} />
          <p className="login-foot">Access is logged. Use only your own account.</p>
        </div>
      </main>
    </div>
  );
}
