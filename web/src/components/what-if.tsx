import { useState } from 'preact/hooks';
import { problemText } from '../api';
import { useI18n } from '../i18n';
import type { Matrix } from '../lib/matrix';
import {
  outcomeDiff,
  SITUATIONS,
  situationEvents,
  type JournalEntry,
  type Situation,
} from '../lib/situations';
import type { ProjectContext } from '../pages/project';
import { Trace } from './trace';

// "What would happen": a situation's events through the dry-run endpoint on the unsaved matrix
// and on the saved one; what the changes add or take away is listed first. Nothing is written.

export function WhatIf(props: { ctx: ProjectContext; draft: Matrix; saved: Matrix }) {
  const { ctx } = props;
  const { t } = useI18n();
  const employees = ctx.document.employees ?? [];
  const [situation, setSituation] = useState<Situation>('incoming_missed');
  const [phone, setPhone] = useState('+380501234567');
  const [extension, setExtension] = useState<string>(
    employees.find((e) => e.extension)?.extension ?? '',
  );
  const [result, setResult] = useState<{ saved: JournalEntry[]; unsaved: JournalEntry[] } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    const events = situationEvents({
      situation,
      phone,
      extension: extension === '' ? null : extension,
      now: new Date(),
      run: Math.random().toString(36).slice(2, 10),
    });
    const path = { params: { path: { project: ctx.project } } };
    const [saved, unsaved] = await Promise.all([
      ctx.api.POST('/v1/projects/{project}/dry-run', { ...path, body: events }),
      ctx.api.POST('/v1/projects/{project}/dry-run', {
        ...path,
        body: { events, matrix: props.draft },
      }),
    ]);
    setBusy(false);
    if (!saved.data || !unsaved.data) {
      setResult(null);
      return setError(problemText(unsaved.error ?? saved.error));
    }
    setError(null);
    setResult({ saved: saved.data.journal, unsaved: unsaved.data.journal });
  };

  const diff = result ? outcomeDiff(result.saved, result.unsaved) : null;
  return (
    <section class="card what-if" aria-labelledby="what-if-title">
      <h2 id="what-if-title">{t('whatIf.title')}</h2>
      <label for="what-if-situation">{t('whatIf.situation')}</label>
      <select
        id="what-if-situation"
        value={situation}
        onChange={(e) => setSituation(e.currentTarget.value as Situation)}
      >
        {SITUATIONS.map((s) => (
          <option key={s} value={s}>
            {t(`situation.${s}`)}
          </option>
        ))}
      </select>
      <label for="what-if-phone">{t('whatIf.phone')}</label>
      <input id="what-if-phone" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
      <label for="what-if-employee">{t('whatIf.employee')}</label>
      <select
        id="what-if-employee"
        value={extension}
        onChange={(e) => setExtension(e.currentTarget.value)}
      >
        {employees
          .filter((e) => e.extension)
          .map((e) => (
            <option key={e.id} value={e.extension}>
              {e.name} ({e.extension})
            </option>
          ))}
        <option value="">{t('whatIf.unknownExtension')}</option>
      </select>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {t('whatIf.run')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {result && diff && (
        <div class="what-if-result" aria-live="polite">
          <h3>{t('whatIf.unsaved')}</h3>
          {diff.added.length === 0 && diff.removed.length === 0 ? (
            <p class="muted">{t('whatIf.same')}</p>
          ) : (
            <ul class="diff">
              {diff.added.map((line, i) => (
                <li key={`a${i}`} class="added">
                  + {line} <span class="muted">({t('whatIf.added')})</span>
                </li>
              ))}
              {diff.removed.map((line, i) => (
                <li key={`r${i}`} class="removed">
                  − {line} <span class="muted">({t('whatIf.removed')})</span>
                </li>
              ))}
            </ul>
          )}
          {result.unsaved.map((entry) => (
            <Trace key={entry.eventId} entry={entry} crm={ctx.document.crm} baseUrl={null} />
          ))}
        </div>
      )}
    </section>
  );
}
