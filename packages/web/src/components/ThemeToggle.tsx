import { toggleTheme, useTheme } from '../theme';

export function ThemeToggle({ className = 'btn btn-ghost' }: { className?: string }) {
  const theme = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className={className}
      onClick={toggleTheme}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme (t)`}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="hide-narrow"> {theme === 'dark' ? 'Light' : 'Dark'}</span>
    </button>
  );
}
