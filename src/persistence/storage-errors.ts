/**
 * Turning what IndexedDB and Dexie throw into something a person can act on. Browsers report a full disk in
 * several disguises: a QuotaExceededError DOMException, the same wrapped by Dexie (`error.inner`), an AbortError
 * whose transaction failed for lack of space (`target.error`, or Dexie's AbortError with the cause inside), a
 * BulkError listing failures, or Firefox's legacy NS_ERROR_DOM_QUOTA_REACHED. The classifier walks all of them.
 */

export type StorageFailureKind = 'quota' | 'closed' | 'unavailable' | 'unknown';

export interface StorageFailure {
  readonly kind: StorageFailureKind;
  /** One sentence for the status line: what happened and what to do. */
  readonly message: string;
}

export const STORAGE_MESSAGES: Record<StorageFailureKind, string> = {
  quota: 'Not saved: storage is full. Export your design or free space.',
  closed: 'Not saved: Baton was updated in another tab. Reload this tab to keep saving.',
  unavailable: 'Not saved: this browser does not allow storage here (private window?). Export your design to keep it.',
  unknown: 'Not saved: the browser refused to store the design. Export your design to keep it; saving will be retried.',
};

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError', 'VersionChangedError']);
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError', 'NotAllowedError']);
/** The legacy DOMException code of QUOTA_EXCEEDED_ERR (old Safari reports only this). */
const QUOTA_CODE = 22;

function field(value: object, key: string): unknown {
  const v: unknown = Reflect.get(value, key);
  return v;
}

/** Every error reachable from `error` through the wrappers above, outermost first; cycles and depth are bounded. */
function errorChain(error: unknown): object[] {
  const out: object[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || depth > 8) return;
    seen.add(e);
    out.push(e);
    for (const key of ['inner', 'cause', 'error']) visit(field(e, key), depth + 1);
    const target = field(e, 'target');
    if (target !== null && typeof target === 'object') visit(field(target, 'error'), depth + 1);
    const failures = field(e, 'failures');
    if (Array.isArray(failures)) for (const f of failures) visit(f, depth + 1);
    else if (failures !== null && typeof failures === 'object') for (const f of Object.values(failures)) visit(f, depth + 1);
  };
  visit(error, 0);
  return out;
}

/**
 * Classify a storage error, looking through wrappers for the real cause. A quota error anywhere in the chain wins:
 * it is the one the user can fix.
 * @example classifyStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).kind // "quota"
 */
export function classifyStorageError(error: unknown): StorageFailure {
  const chain = errorChain(error);
  const names = chain.map((e) => field(e, 'name')).filter((n): n is string => typeof n === 'string');
  const kind: StorageFailureKind =
    names.some((n) => QUOTA_NAMES.has(n)) || chain.some((e) => field(e, 'code') === QUOTA_CODE)
      ? 'quota'
      : names.some((n) => CLOSED_NAMES.has(n))
        ? 'closed'
        : names.some((n) => UNAVAILABLE_NAMES.has(n))
          ? 'unavailable'
          : 'unknown';
  return { kind, message: STORAGE_MESSAGES[kind] };
}
