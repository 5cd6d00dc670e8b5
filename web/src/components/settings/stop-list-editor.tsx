import { useEffect, useState } from 'preact/hooks';
import { problemText } from '../../api';
import { useI18n } from '../../i18n';
import type { ProjectContext } from '../../pages/project';
import { FieldProblem, SaveResult } from './save-result';
import { useSaveState } from './save-state';

// The stop-list: numbers typed in any format; the service stores each valid one in E.164 and the
// list is shown as stored, so what you see is what a call is compared with.

export function StopListEditor(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const [entries, setEntries] = useState<string[] | null>(null);
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const state = useSaveState();
  const path = { params: { path: { project: ctx.project } } };

  useEffect(() => {
    void ctx.api.GET('/v1/projects/{project}/stop-list', path).then(({ data, error }) => {
      if (!data) return setError(problemText(error));
      setEntries(data);
    });
  }, [ctx.api, ctx.project]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!entries) return <p>{t('app.loading')}</p>;

  const save = async (next: string[]) => {
    const { data, error } = await ctx.api.PUT('/v1/projects/{project}/stop-list', {
      ...path,
      body: next,
    });
    if (!data) return state.refused(error);
    setEntries(data);
    setNumber('');
    state.saved(t('app.saved'));
    await ctx.refresh();
  };

  return (
    <div class="card settings-section">
      <p class="muted">{t('stopList.intro')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (number.trim()) void save([...entries, number.trim()]);
        }}
      >
        <label for="stop-number">{t('stopList.number')}</label>
        <input
          id="stop-number"
          inputMode="tel"
          value={number}
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
        <button type="submit">{t('app.add')}</button>
        <FieldProblem state={state} path={`[${entries.length}]`} />
      </form>
      {entries.length === 0 ? (
        <p>{t('stopList.empty')}</p>
      ) : (
        <ul class="stop-list" aria-label={t('stopList.entries')}>
          {entries.map((entry, index) => (
            <li key={`${entry}-${index}`}>
              <code>{entry}</code>
              <button
                type="button"
                class="secondary"
                aria-label={`${t('app.remove')} ${entry}`}
                onClick={() => void save(entries.filter((_, i) => i !== index))}
              >
                {t('app.remove')}
              </button>
              <FieldProblem state={state} path={`[${index}]`} />
            </li>
          ))}
        </ul>
      )}
      <SaveResult state={state} />
    </div>
  );
}
