import { useState } from 'preact/hooks';
import { apiFor, problemText } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';

// An operator key sees every project (GET /v1/projects answers); a project key is refused there
// (403) and sees only its own project, whose name the user gives.

export function SignInPage(props: { onSignIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [project, setProject] = useState('');
  const [error, setError] = useState<{ field: 'key' | 'project'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const api = apiFor(key.trim());
      const list = await api.GET('/v1/projects', { params: { query: { limit: 1 } } });
      if (list.response.ok) return props.onSignIn({ key: key.trim(), project: null });
      if (list.response.status !== 403)
        return setError({ field: 'key', text: problemText(list.error) });
      if (!project.trim()) return setError({ field: 'project', text: t('signIn.needProject') });
      const status = await api.GET('/v1/projects/{project}/status', {
        params: { path: { project: project.trim() } },
      });
      if (status.response.ok) return props.onSignIn({ key: key.trim(), project: project.trim() });
      setError({ field: 'project', text: problemText(status.error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card narrow" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <label for="key">{t('signIn.key')}</label>
      <input
        id="key"
        type="password"
        autoComplete="off"
        required
        value={key}
        aria-invalid={error?.field === 'key'}
        aria-describedby="key-error"
        onInput={(e) => setKey(e.currentTarget.value)}
      />
      {error?.field === 'key' && (
        <p id="key-error" class="error" role="alert">
          {error.text}
        </p>
      )}
      <label for="project">{t('signIn.project')}</label>
      <input
        id="project"
        value={project}
        aria-invalid={error?.field === 'project'}
        aria-describedby="project-error"
        onInput={(e) => setProject(e.currentTarget.value)}
      />
      {error?.field === 'project' && (
        <p id="project-error" class="error" role="alert">
          {error.text}
        </p>
      )}
      <p class="hint">{t('signIn.hint')}</p>
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
