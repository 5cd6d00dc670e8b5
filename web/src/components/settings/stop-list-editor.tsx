import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { ProjectContext } from '../../pages/project';
import { FieldProblem, NotLoaded, SaveResult } from './save-result';
import { useSaveForm } from './save-form';

// The stop-list: numbers typed in any format; the service stores each valid one in E.164 and the
// list is shown as stored, so what you see is what a call is compared with.

export function StopListEditor(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const path = { params: { path: { project: ctx.project } } };
  const form = useSaveForm<string[]>({
    load: () => ctx.api.GET('/v1/projects/{project}/stop-list', path),
    save: (body) => ctx.api.PUT('/v1/projects/{project}/stop-list', { ...path, body }),
    afterSave: () => ctx.refresh(),
    deps: [ctx.api, ctx.project],
  });

  if (!form.loaded) return <NotLoaded form={form} />;
  const entries = form.value;
  const save = async (next: string[], typed?: string) => {
    // The box is emptied only if it still holds what was added (typing may go on meanwhile).
    if ((await form.save(next)) && typed) setNumber((now) => (now.trim() === typed ? '' : now));
  };

  return (
    <div class="card settings-section">
      <p class="muted">{t('stopList.intro')}</p>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (number.trim()) void save([...entries, number.trim()], number.trim());
        }}
      >
        <label for="stop-number">{t('stopList.number')}</label>
        <input
          id="stop-number"
          inputMode="tel"
          value={number}
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
        <button type="submit" disabled={form.saving}>
          {t('app.add')}
        </button>
        <FieldProblem state={form} path={`[${entries.length}]`} />
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
                disabled={form.saving}
                onClick={() => void save(entries.filter((_, i) => i !== index))}
              >
                {t('app.remove')}
              </button>
              <FieldProblem state={form} path={`[${index}]`} />
            </li>
          ))}
        </ul>
      )}
      <SaveResult state={form} />
    </div>
  );
}
