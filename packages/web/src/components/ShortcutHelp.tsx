import type { NavItem } from '../nav';
import { Modal } from './Modal';

const GENERAL: [string, string][] = [
  ['?', 'Show this help'],
  ['/', 'Focus the patient search'],
  ['t', 'Toggle light / dark theme'],
  ['Esc', 'Close a dialog'],
];

export function ShortcutHelp({ nav, onClose }: { nav: NavItem[]; onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcut-help">
      <div className="shortcut-grid">
        <section>
          <h3>General</h3>
          <dl className="keys">
            {GENERAL.map(([k, d]) => (
              <div key={k}>
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{d}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h3>Go to</h3>
          <dl className="keys">
            {nav.map((n) => (
              <div key={n.href}>
                <dt>
                  <kbd>g</kbd> <kbd>{n.key}</kbd>
                </dt>
                <dd>{n.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <p className="hint">Shortcuts are ignored while typing in a field.</p>
    </Modal>
  );
}
