import { useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath, type ApiClient, type Schemas } from '../api';
import { useI18n } from '../i18n';
import { cellOfProblemPath, matrixChanges, type Matrix } from '../lib/matrix';
import { EmployeesTable, useEmployees } from './employees-table';
import { MatrixGrid } from './matrix-grid';
import { ResendPreview } from './resend-preview';

// The wizard's later steps, each on a project that exists: employees, matrix, activation.
// Each step saves through the API before going on, and shows the API's refusal where it points.

export interface StepProps {
  readonly api: ApiClient;
  readonly project: string;
  readonly document: Schemas['ProjectDocument'];
  readonly status: Schemas['Status'];
  readonly back: () => void;
  readonly next: () => void;
}

export function EmployeesStep(props: StepProps) {
  const { t } = useI18n();
  const state = useEmployees(props.api, props.project);
  const [busy, setBusy] = useState(false);
  const next = async () => {
    setBusy(true);
    try {
      if (!state.dirty || (await state.save())) props.next();
    } finally {
      setBusy(false);
    }
  };
  if (!state.saved && !state.error) return <p>{t('app.loading')}</p>;
  return (
    <>
      <p class="hint">{t('wizard.employeesHint')}</p>
      <EmployeesTable state={state} />
      <StepButtons back={props.back} next={() => void next()} busy={busy} />
    </>
  );
}

export function MatrixStep(props: StepProps) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<Matrix | null>(null);
  const [defaults, setDefaults] = useState<Matrix | null>(null);
  const [draft, setDraft] = useState<Matrix | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { project: props.project } } };

  useEffect(() => {
    void Promise.all([
      props.api.GET('/v1/projects/{project}/matrix', path),
      props.api.GET('/v1/crms/{crm}/default-matrix', {
        params: { path: { crm: props.document.crm } },
      }),
    ]).then(([matrix, crmDefault]) => {
      if (!matrix.data || !crmDefault.data)
        return setError(problemText(matrix.error ?? crmDefault.error));
      setSaved(matrix.data);
      setDraft(matrix.data);
      setDefaults(crmDefault.data);
    });
  }, [props.api, props.project]);

  if (error && !draft)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!saved || !draft || !defaults) return <p>{t('app.loading')}</p>;
  const changes = matrixChanges(saved, draft);
  const next = async () => {
    if (changes.length === 0) return props.next();
    const { data, error } = await props.api.PUT('/v1/projects/{project}/matrix', {
      ...path,
      body: draft,
    });
    if (!data) {
      setProblems(problemsByPath(error));
      return setError(problemText(error));
    }
    setSaved(data);
    props.next();
  };
  const invalid = new Map<string, string>();
  for (const [where, message] of problems) {
    const cell = cellOfProblemPath(draft, where);
    if (cell) invalid.set(`${cell.condition}|${cell.action}`, message);
  }
  return (
    <>
      <p class="hint">
        <span class="legend-default" aria-hidden="true" /> {t('wizard.matrixHint')}
      </p>
      <div class="bar">
        <span class="muted" aria-live="polite">
          {changes.length === 0
            ? t('wizard.matrixDefault')
            : t('matrix.changes', { count: changes.length })}
        </span>
        <button type="button" class="secondary" onClick={() => setDraft(defaults)}>
          {t('matrix.resetAll')}
        </button>
      </div>
      <MatrixGrid draft={draft} defaults={defaults} invalid={invalid} onChange={setDraft} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <StepButtons back={props.back} next={() => void next()} />
    </>
  );
}

export function ActivateStep(props: StepProps & { readonly done: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { document, status } = props;
  const activate = async () => {
    setBusy(true);
    try {
      const { error } = await props.api.POST('/v1/projects/{project}/integration/activate', {
        params: { path: { project: props.project } },
        body: { resend: true },
      });
      if (error) return setError(problemText(error));
      props.done();
    } finally {
      setBusy(false);
    }
  };
  const employees = document.employees ?? [];
  return (
    <>
      <dl class="facts summary">
        <dt>{t('projects.crm')}</dt>
        <dd>{document.crm}</dd>
        <dt>{t('wizard.connection')}</dt>
        <dd>{document.connection ? document.connection.baseUrl : t('connect.notConnected')}</dd>
        <dt>{t('tab.employees')}</dt>
        <dd>{employees.map((employee) => employee.name).join(', ') || t('app.none')}</dd>
        <dt>{t('projects.state')}</dt>
        <dd>
          <span class={`badge ${status.integration.state}`}>
            {t(`state.${status.integration.state}`)}
          </span>
        </dd>
      </dl>
      <p class="hint">{t('wizard.activateHint')}</p>
      <ResendPreview
        api={props.api}
        project={props.project}
        resend={true}
        pending={status.events.pending}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.back}>
          {t('app.back')}
        </button>
        <button
          type="button"
          disabled={busy || !document.connection}
          onClick={() => void activate()}
        >
          {t('overview.activate')}
        </button>
      </div>
    </>
  );
}

export function StepButtons(props: {
  back?: () => void;
  next: () => void;
  busy?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div class="actions">
      {props.back && (
        <button type="button" class="secondary" onClick={props.back}>
          {t('app.back')}
        </button>
      )}
      <button type="button" disabled={props.busy || props.disabled} onClick={props.next}>
        {t('app.next')}
      </button>
    </div>
  );
}
