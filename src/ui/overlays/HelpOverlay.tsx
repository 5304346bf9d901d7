/** The keyboard help (`?` or the toolbar's "Keyboard shortcuts" button): every shortcut, from the command registry. */
import { HELP_GROUPS, helpRows } from '../commands/commands.ts';
import { keyText } from '../commands/keys.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { Overlay } from './Overlay.tsx';

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
        {HELP_GROUPS.map((g) => {
          const rows = helpRows(g);
          return rows.length === 0 ? null : (
            <section key={g} aria-label={g}>
              <h3>{g}</h3>
              <dl>
                {rows.map((e) => (
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
          );
        })}
      </div>
      <button type="button" onClick={close} autoFocus>
        Close
      </button>
    </Overlay>
  );
}
