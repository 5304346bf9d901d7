/**
 * The toolbar's Import: read a workflow file in whatever format it is. A Baton document replaces the editor's
 * design (one undo step); another tool's workflow opens as a new design (it is not an edit of the design on
 * screen), or replaces the editor's when there is no designs library. A file that cannot be read changes
 * nothing. (The Designs panel's Import design always stores a new design: DesignLibrary.importAsNew.)
 */
import type { Problem } from '../../domain/index.ts';
import { useDesignLibrary } from '../designs/designs-services.tsx';
import { useEditorStoreApi } from '../editor-context.tsx';
import { useEditorServices, type ConversionSummary } from '../services.tsx';
import { countOf } from '../plural.ts';

export type OpenedFile =
  | { readonly ok: true; readonly name: string; readonly conversion?: ConversionSummary }
  /** Empty problems: the library failed to store it and has already said so in the message bar. */
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly title?: string };

export function useOpenWorkflowFile(): (text: string, fileName: string) => Promise<OpenedFile> {
  const services = useEditorServices();
  const library = useDesignLibrary();
  const store = useEditorStoreApi();
  return async (text, fileName) => {
    const read = await services.readWorkflowFile(text);
    if (!read.ok) return read;
    const conversion = read.conversion;
    if (conversion && library) {
      const stored = await library.importDocumentAsNew(read.doc, conversion?.title);
      if (!stored.ok) return stored;
      return conversion ? { ok: true, name: stored.name, conversion } : { ok: true, name: stored.name };
    }
    // The open design keeps its identity (id), so the replacement is saved over it and Undo brings it back.
    const current = store.getState().doc;
    store.getState().commit({ ...read.doc, id: current.id });
    const what = conversion ? `${conversion.title} ` : '';
    store.getState().showMessage(`Replaced this design with ${what}“${read.doc.name}” from ${fileName} (${countOf(read.doc.nodes.length, 'step')}). Undo brings the previous one back.`, 'success');
    return conversion ? { ok: true, name: read.doc.name, conversion } : { ok: true, name: read.doc.name };
  };
}
