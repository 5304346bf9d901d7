/**
 * The search field of a pick-from-a-list overlay (Find, Add step): a combobox that owns a listbox, with the
 * keys people expect: arrows move the active option, Enter picks it, Escape closes in one press (a search field's
 * own Escape would only clear its text).
 */
import type { KeyboardEvent } from 'react';

export interface SearchComboboxProps {
  readonly label: string;
  readonly placeholder: string;
  readonly listId: string;
  readonly count: number;
  readonly active: number;
  readonly query: string;
  onQuery(query: string): void;
  onActive(index: number): void;
  onPick(index: number): void;
  onClose(): void;
}

export function SearchCombobox({ label, placeholder, listId, count, active, query, onQuery, onActive, onPick, onClose }: SearchComboboxProps) {
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count > 0) onActive((active + (e.key === 'ArrowDown' ? 1 : -1) + count) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onPick(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  return (
    <input
      className="find__input"
      type="search"
      role="combobox"
      aria-label={label}
      aria-expanded={count > 0}
      aria-controls={listId}
      aria-activedescendant={active < count ? `${listId}-${active}` : undefined}
      placeholder={placeholder}
      autoFocus
      value={query}
      onChange={(e) => {
        onQuery(e.target.value);
        onActive(0);
      }}
      onKeyDown={onKeyDown}
    />
  );
}
