/**
 * The Export menu: the design as Baton JSON, as a PNG or SVG picture, or in another tool's format (n8n, BPMN,
 * Step Functions, Mermaid). Each choice downloads a file; for the other tools' formats the exporter's report
 * follows: what the target could not carry over, or why it refused the design. Self-contained: the toolbar
 * mounts it with `<ExportMenu />`; the formats come from the editor services (exporters load on first use).
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { downloadBlob, slugify } from '../download.ts';
import { useReturnFocus } from '../focus-return.ts';
import { useEditorStoreApi } from '../editor-context.tsx';
import { useEditorServices, type ExportFormatInfo } from '../services.tsx';
import { captureDesignImage, type ImageFormat } from './export-image.ts';
import { useDismissOnOutsidePointer } from './use-dismiss.ts';
import { onMenuKeyDown } from './menu-keys.ts';
import { exportDesignJson } from '../export-json.ts';

/** What the report dialog shows after an export to another tool's format. */
interface Report {
  readonly title: string;
  readonly intro: string;
  readonly lines: readonly string[];
}

export function ExportMenu() {
  const store = useEditorStoreApi();
  const services = useEditorServices();
  const { getNodes } = useReactFlow();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const formats = services.exportFormats ?? [];

  useDismissOnOutsidePointer(open, root, useCallback(() => setOpen(false), []));

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };

  const failed = (what: string, err: unknown): void => {
    store.getState().showMessage(`${what} failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  };

  const exportJson = (): void => {
    close();
    const s = store.getState();
    void exportDesignJson(services, s.doc, (text, kind) => s.showMessage(text, kind));
  };

  const exportImage = async (format: ImageFormat): Promise<void> => {
    close();
    const doc = store.getState().doc;
    try {
      downloadBlob(await captureDesignImage(store, getNodes(), format), `${slugify(doc.name)}.${format}`);
    } catch (err) {
      failed('Image export', err);
    }
  };

  const exportAs = async (format: ExportFormatInfo): Promise<void> => {
    close();
    if (!services.exportAs) return;
    const doc = store.getState().doc;
    setBusy(true);
    try {
      const result = await services.exportAs(doc, format.id);
      if (!result.ok) {
        setReport({ title: `Not exported as ${format.label}`, intro: 'No file was written: the design uses something this format cannot express.', lines: [result.reason] });
        return;
      }
      const fileName = `${slugify(doc.name)}${format.extension}`;
      downloadBlob(new Blob([result.text], { type: format.mimeType }), fileName);
      if (result.notes.length === 0) {
        store.getState().showMessage(`Exported “${doc.name}” as ${format.label} (${fileName}): everything was carried over.`, 'success');
        return;
      }
      setReport({
        title: `Exported as ${format.label}`,
        intro: `${fileName} was downloaded. ${format.label} could not carry over ${result.notes.length === 1 ? 'one thing' : `${result.notes.length} things`} exactly:`,
        lines: result.notes,
      });
    } catch (err) {
      failed(`${format.label} export`, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="toolbar__menu" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)} title="Download this design as a file: workflow JSON, a picture, or another tool's format">
        Export
      </button>
      {open && (
        <div className="toolbar__popup" role="menu" aria-label="Export format" onKeyDown={(e) => onMenuKeyDown(e, close)}>
          <button type="button" role="menuitem" autoFocus onClick={exportJson} title="Baton's own format: imports back exactly">
            Workflow JSON
          </button>
          <button type="button" role="menuitem" onClick={() => void exportImage('png')}>
            PNG image
          </button>
          <button type="button" role="menuitem" onClick={() => void exportImage('svg')}>
            SVG image
          </button>
          {formats.length > 0 && <hr role="separator" className="toolbar__popup-sep" />}
          {formats.map((f) => (
            <button key={f.id} type="button" role="menuitem" onClick={() => void exportAs(f)} title={f.hint}>
              {f.label}
            </button>
          ))}
        </div>
      )}
      {report && (
        <ExportReport
          report={report}
          onClose={() => {
            setReport(null);
            // The button was disabled while the file was made, so the dialog opened with nothing focused to go
            // back to: focus returns to Export, where the person was.
            button.current?.focus();
          }}
        />
      )}
    </span>
  );
}

function ExportReport({ report, onClose }: { report: Report; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // onClose above puts focus on Export; should that button be gone, focus still lands on the canvas, not the body.
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog export-report" aria-label={report.title} onClose={onClose}>
      <h2>{report.title}</h2>
      <p>{report.intro}</p>
      <ul className="dialog__problems">
        {report.lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
