// Who is signed in: the key is kept in this tab's sessionStorage only (no cookie, so no CSRF
// surface) and sent as the bearer header; it is gone when the tab closes or on sign-out.

export interface Session {
  readonly key: string;
  /** Set for a project key: the one project it sees. */
  readonly project: string | null;
}

const STORAGE_KEY = 'callmatrix.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.key === 'string'
      ? { key: parsed.key, project: typeof parsed.project === 'string' ? parsed.project : null }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}
