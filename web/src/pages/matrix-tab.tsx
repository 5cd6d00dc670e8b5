import { useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath } from '../api';
import { MatrixGrid } from '../components/matrix-grid';
import { WhatIf } from '../components/what-if';
import { useI18n } from '../i18n';
import { cellOfProblemPath, matrixChanges, type Matrix } from '../lib/matrix';
import type { ProjectContext } from './project';

// The matrix in force, a draft to change, the changes listed, "what would happen" beside it.

export function MatrixTab(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const [saved, setSaved] = useState<Matrix | null>(null);
  const [defaults, setDefaults] = useState<Matrix | null>(null);
  const [draft, setDraft] = useState<Matrix | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const path = { params: { path: { project: ctx.project } } };

  useEffect(() => {
    void Promise.all([
      ctx.api.GET('/v1/projects/{project}/matrix', path),
      ctx.api.GET('/v1/crms/{crm}/default-matrix', {
        params: { path: { crm: ctx.document.crm } },
      }),
    ]).then(([matrix, crmDefault]) => {
      if (!matrix.data || !crmDefault.data)
        return setError(problemText(matrix.error ?? crmDefault.error));
      setSaved(matrix.data);
      setDraft(matrix.data);
      setDefaults(crmDefault.data);
    });
  }, [ctx.api, ctx.project]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!saved || !draft || !defaults) return <p>{t('app.loading')}</p>;
  const changes = matrixChanges(saved, draft);

  const save = async () => {
    setNotice(null);
    const { data, error } = await ctx.api.PUT('/v1/projects/{project}/matrix', {
      ...path,
      body: draft,
    });
    if (!data) {
      setProblems(problemsByPath(error));
      return (setError(null), setNotice(problemText(error)));
    }
    setProblems(new Map());
    setSaved(data);
    setDraft(data);
    setNotice(t('app.saved'));
  };
  const invalid = new Map<string, string>();
  for (const [where, message] of problems) {
    const cell = cellOfProblemPath(draft, where);
    if (cell) invalid.set(`${cell.condition}|${cell.action}`, message);
  }

  return (
    <div class="matrix-layout">
      <section class="card" aria-labelledby="matrix-title">
        <div class="bar">
          <h2 id="matrix-title">{t('matrix.title')}</h2>
          <div>
            <button type="button" class="secondary" onClick={() => setDraft(defaults)}>
              {t('matrix.resetAll')}
            </button>
            <button type="button" disabled={changes.length === 0} onClick={() => void save()}>
              {t('app.save')}
            </button>
          </div>
        </div>
        <p class="hint">
          <span class="legend-default" aria-hidden="true" /> {t('matrix.default')} ·{' '}
          {t('matrix.keyboard')}
        </p>
        <MatrixGrid draft={draft} defaults={defaults} invalid={invalid} onChange={setDraft} />
        <div class="changes" aria-live="polite">
          {changes.length === 0 ? (
            <p class="muted">{t('matrix.noChanges')}</p>
          ) : (
            <>
              <p>{t('matrix.changes', { count: changes.length })}</p>
              <ul>
                {changes.map((change) => (
                  <li key={`${change.condition}|${change.action}`}>
                    {t(`condition.${change.condition}`)} · {t(`action.${change.action}`)}:{' '}
                    {t(`matrix.change.${change.change}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {notice && (
            <p class={problems.size > 0 ? 'error' : 'ok'} role="status">
              {notice}
            </p>
          )}
        </div>
      </section>
      <WhatIf ctx={ctx} draft={draft} saved={saved} />
    </div>
  );
}
