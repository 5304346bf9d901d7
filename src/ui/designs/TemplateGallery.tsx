/**
 * The template gallery: on a first visit and behind "New design". "Blank design" first, then the gallery's real
 * situations; one click creates a new design from the card and opens it.
 */
import { selectGallery, selectTemplates, type TemplateCard } from '../../store/library-store.ts';
import { BLANK_TEMPLATE_ID, useLibraryState, type DesignLibrary } from './designs-services.tsx';
import { Modal } from './Modal.tsx';
import { countOf } from '../plural.ts';

const BLANK: TemplateCard = {
  id: BLANK_TEMPLATE_ID,
  name: 'Blank design',
  summary: 'An empty canvas.',
  situation: 'Start from nothing and add steps from the palette.',
  tags: [],
  nodeCount: 0,
};

export function TemplateGallery({ library }: { library: DesignLibrary }) {
  const gallery = useLibraryState(library, selectGallery);
  // The templates load when the gallery first opens; "Blank design" is there at once.
  const templates = useLibraryState(library, selectTemplates);
  if (gallery === 'closed') return null;
  const cards = templates.status === 'ready' ? [BLANK, ...templates.cards] : [BLANK];
  return (
    <Modal title={gallery === 'first-start' ? 'Start from a template' : 'New design'} onClose={() => library.setGallery(false)} className="designs-gallery">
      {gallery === 'first-start' && <p className="muted">Pick a real situation to start from, or close this to explore the sample.</p>}
      <ul className="designs-gallery__cards" aria-label="Templates">
        {cards.map((t) => (
          <li key={t.id} className="designs-card">
            <h3>
              <button type="button" className="designs-card__open" onClick={() => void library.createFromTemplate(t.id)}>
                {t.name}
              </button>
            </h3>
            {t.overEngineered && <span className="designs-card__warning">Over-engineered on purpose</span>}
            <p className="designs-card__summary">{t.summary}</p>
            <p className="designs-card__situation muted">{t.situation}</p>
            <p className="designs-card__meta">
              {t.nodeCount > 0 && <span>{countOf(t.nodeCount, 'step')}</span>}
              {t.tags.map((tag) => (
                <span key={tag} className="designs-tag">
                  {tag}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {templates.status === 'loading' && <p className="muted">Loading templates…</p>}
      {templates.status === 'failed' && (
        <p role="alert">
          The templates could not be loaded. Check the connection, then{' '}
          <button type="button" onClick={() => library.setGallery(true)}>
            try again
          </button>
          .
        </p>
      )}
    </Modal>
  );
}
