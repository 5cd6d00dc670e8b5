import { useState } from 'preact/hooks';
import { problemText, problemsByPath } from '../../api';

// What a settings section shows after Save: the API's refusal at the fields it names, the
// whole refusal in words, or "Saved".

export interface SaveState {
  readonly problems: Map<string, string>;
  readonly message: string | null;
  readonly failed: boolean;
  refused(error: unknown): void;
  saved(message: string): void;
  clear(): void;
}

export function useSaveState(): SaveState {
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  return {
    problems,
    message,
    failed,
    refused(error) {
      setProblems(problemsByPath(error));
      setMessage(problemText(error));
      setFailed(true);
    },
    saved(text) {
      setProblems(new Map());
      setMessage(text);
      setFailed(false);
    },
    clear() {
      setProblems(new Map());
      setMessage(null);
      setFailed(false);
    },
  };
}
