import { useMemo, useState } from 'preact/hooks';
import { apiFor } from './api';
import { I18n, LANGUAGES, preferredLanguage, translator, type Language } from './i18n';
import { NewProjectPage } from './pages/new-project';
import { ProjectPage } from './pages/project';
import { ProjectsPage } from './pages/projects';
import { SignInPage } from './pages/sign-in';
import { useRoute } from './router';
import { loadSession, saveSession, type Session } from './session';

const LANGUAGE_KEY = 'callmatrix.language';

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [language, setLanguage] = useState<Language>(() =>
    preferredLanguage([localStorage.getItem(LANGUAGE_KEY) ?? '', ...navigator.languages]),
  );
  const i18n = useMemo(() => ({ t: translator(language), language }), [language]);
  const api = useMemo(() => (session ? apiFor(session.key) : null), [session]);
  const route = useRoute();
  const { t } = i18n;

  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
  };
  const chooseLanguage = (next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguage(next);
  };

  let page;
  if (!session || !api) page = <SignInPage onSignIn={signIn} />;
  else if (session.project !== null)
    page = (
      <ProjectPage
        api={api}
        project={session.project}
        tab={route.page === 'project' ? route.tab : 'overview'}
        section={route.page === 'project' ? route.section : undefined}
        operator={false}
      />
    );
  else if (route.page === 'project')
    page = (
      <ProjectPage
        api={api}
        project={route.project}
        tab={route.tab}
        section={route.section}
        operator
      />
    );
  else if (route.page === 'new')
    page = <NewProjectPage api={api} project={route.project} step={route.step} />;
  else page = <ProjectsPage api={api} />;

  return (
    <I18n.Provider value={i18n}>
      <header class="top">
        <a class="brand" href="#/projects">
          {t('app.title')}
        </a>
        <label class="language">
          <span>{t('app.language')}</span>
          <select
            value={language}
            onChange={(e) => chooseLanguage(e.currentTarget.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <button type="button" class="link" onClick={() => signIn(null)}>
            {t('app.signOut')}
          </button>
        )}
      </header>
      <main>{page}</main>
    </I18n.Provider>
  );
}
