import { useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath } from '../../api';
import { useI18n } from '../../i18n';

// Every settings section does the same thing: read its part of the project, let it be edited,
// save it, and show the outcome — "Saving…", "Saved", or the API's refusal in words with each
// problem at the field it names. This hook is that, once.

/** An answer of the API client: data on success, the problem otherwise. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
}

export interface SaveForm<T> {
  /** The value being edited; meaningful once `loaded`. */
  readonly value: T;
  readonly loaded: boolean;
  /** Why the value could not be read, in words. */
  readonly loadError: string | null;
  readonly saving: boolean;
  /** Edited since it was read or saved. */
  readonly changed: boolean;
  /** The API's problems by the path they name (`week.tue[0]`, `project.timezone`…). */
  readonly problems: Map<string, string>;
  /** "Saved" or the whole refusal in words; null before a save or after an edit. */
  readonly message: string | null;
  readonly failed: boolean;
  /** Edit the value (the last outcome is cleared: it no longer describes what is shown). */
  edit(next: T): void;
  /** Save `next` (or the value edited); true when the API took it. */
  save(...next: [] | [T]): Promise<boolean>;
  /** Show a refusal found before asking the API. */
  refuse(error: unknown): void;
}

export function useSaveForm<T>(options: {
  /** Reads the stored value (called again when `deps` change). */
  load: () => Promise<Answer<T>>;
  /** Stores a value; the answer is what was stored. */
  save: (value: T) => Promise<Answer<T>>;
  /** Called after each save the API took (e.g. to re-read the project). */
  afterSave?: (stored: T) => Promise<void> | void;
  deps: readonly unknown[];
}): SaveForm<T> {
  const { t } = useI18n();
  const [value, setValue] = useState<{ loaded: boolean; value: T }>({
    loaded: false,
    value: undefined as T,
  });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [changed, setChanged] = useState(false);
  const [outcome, setOutcome] = useState<{
    problems: Map<string, string>;
    message: string | null;
    failed: boolean;
  }>({ problems: new Map(), message: null, failed: false });

  useEffect(() => {
    let current = true;
    setValue({ loaded: false, value: undefined as T });
    setLoadError(null);
    setChanged(false);
    void options.load().then((answer) => {
      if (!current) return;
      if (answer.error !== undefined) return setLoadError(problemText(answer.error));
      setValue({ loaded: true, value: answer.data as T });
    });
    return () => {
      current = false;
    };
  }, options.deps);

  const refuse = (error: unknown) =>
    setOutcome({ problems: problemsByPath(error), message: problemText(error), failed: true });

  return {
    value: value.value,
    loaded: value.loaded,
    loadError,
    saving,
    changed,
    ...outcome,
    edit(next) {
      setValue({ loaded: true, value: next });
      setChanged(true);
      setOutcome({ problems: new Map(), message: null, failed: false });
    },
    async save(...next) {
      const wanted = next.length > 0 ? (next[0] as T) : value.value;
      setSaving(true);
      setOutcome({ problems: new Map(), message: t('app.saving'), failed: false });
      try {
        const answer = await options.save(wanted);
        if (answer.error !== undefined) {
          refuse(answer.error);
          return false;
        }
        setValue({ loaded: true, value: answer.data as T });
        setChanged(false);
        setOutcome({ problems: new Map(), message: t('app.saved'), failed: false });
        await options.afterSave?.(answer.data as T);
        return true;
      } catch (error) {
        refuse(error instanceof Error ? error.message : error);
        return false;
      } finally {
        setSaving(false);
      }
    },
    refuse,
  };
}
