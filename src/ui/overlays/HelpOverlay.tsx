/** The keyboard help (`?` or the toolbar's "Keyboard shortcuts" button): every shortcut, from one table. */
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { Overlay } from './Overlay.tsx';
import { SHORTCUT_GROUPS } from './shortcuts.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function keyText(k: string): string {
  return k.replace(/Mod\+/g, isMac ? '⌘' : 'Ctrl+');
}

export function HelpOverlay() {
  const store = useEditorStoreApi();
  const open = useEditorStore((s) => s.ui.helpOpen);
  if (!open) return null;
  const close = (): void => store.getState().setHelpOpen(false);
  return (
    <Overlay label="Keyboard shortcuts" className="help" onClose={close}>
      <h2>Keyboard and mouse</h2>
      {/* Focusable so keyboard users can scroll it when the window is short. */}
      <div className="help__groups" tabIndex={0} role="group" aria-label="Shortcut list">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3>{g.title}</h3>
            <dl>
              {g.entries.map((e) => (
                <div key={e.action} className="help__row">
                  <dt>
                    {e.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{keyText(k)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{e.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <button type="button" onClick={close} autoFocus>
        Close
      </button>
    </Overlay>
  );
}
