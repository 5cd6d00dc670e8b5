import { useCallback, useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath, type ApiClient, type Schemas } from '../api';
import { ConnectForm } from '../components/connect-form';
import {
  ActivateStep,
  EmployeesStep,
  MatrixStep,
  StepButtons,
  type StepProps,
} from '../components/wizard-steps';
import { useI18n, type MessageKey } from '../i18n';
import { href, navigate } from '../router';

// The new-project wizard: choose the CRM → connect → employees → matrix → activate. The first
// step creates the project (no connection, so inactive); every later step is a route of its own
// (#/new/{project}/{step}), so the OAuth consent page can send the browser back to the step.

type Crm = Schemas['ProjectDocument']['crm'];
const CRMS: ReadonlyArray<{ id: Crm; name: string }> = [
  { id: 'pipedrive', name: 'Pipedrive' },
  { id: 'zoho', name: 'Zoho CRM' },
  { id: 'salesforce', name: 'Salesforce' },
  { id: 'retailcrm', name: 'retailCRM' },
];
export const WIZARD_STEPS = ['crm', 'connect', 'employees', 'matrix', 'activate'] as const;
const STEP_LABEL: Record<(typeof WIZARD_STEPS)[number], MessageKey> = {
  crm: 'wizard.step.crm',
  connect: 'wizard.step.connect',
  employees: 'wizard.step.employees',
  matrix: 'wizard.step.matrix',
  activate: 'wizard.step.activate',
};

export function NewProjectPage(props: { api: ApiClient; project: string | null; step: string }) {
  const { t } = useI18n();
  const step = WIZARD_STEPS.find((s) => s === props.step && props.project) ?? 'crm';
  const at = WIZARD_STEPS.indexOf(step);
  return (
    <section aria-labelledby="wizard-title">
      <h1 id="wizard-title">
        {t('wizard.title')} {props.project && <small class="muted">{props.project}</small>}
      </h1>
      <ol class="steps">
        {WIZARD_STEPS.map((s, index) => (
          <li
            key={s}
            class={index < at ? 'done' : ''}
            aria-current={s === step ? 'step' : undefined}
          >
            {t(STEP_LABEL[s])}
          </li>
        ))}
      </ol>
      <div class="card">
        <h2>{t(STEP_LABEL[step])}</h2>
        {step === 'crm' || !props.project ? (
          <CrmStep api={props.api} />
        ) : (
          <ProjectStep api={props.api} project={props.project} step={step} />
        )}
      </div>
    </section>
  );
}

function CrmStep(props: { api: ApiClient }) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [crm, setCrm] = useState<Crm>('pipedrive');
  const [timezone, setTimezone] = useState(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  );
  const [country, setCountry] = useState('');
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const project = id.trim();
      // PUT replaces a project that exists: look first, so the wizard only ever creates.
      const existing = await props.api.GET('/v1/projects/{project}', {
        params: { path: { project } },
      });
      if (existing.data) return setProblems(new Map([['id', t('wizard.idTaken')]]));
      const { data, error } = await props.api.PUT('/v1/projects/{project}', {
        params: { path: { project } },
        body: {
          crm,
          project: {
            timezone: timezone.trim(),
            ...(country.trim() && { defaultCountry: country.trim().toUpperCase() }),
          },
        } as Schemas['ProjectDocument'],
      });
      if (!data) {
        const found = problemsByPath(error);
        // A bad project id is a 400 naming the path parameter `project`, not the document.
        if (error?.status === 400) {
          found.set('id', found.get('project') ?? problemText(error));
          found.delete('project');
        }
        setProblems(found);
        return setError(found.size > 0 ? null : problemText(error));
      }
      navigate({ page: 'new', project, step: 'connect' });
    } finally {
      setBusy(false);
    }
  };
  const problem = (path: string, id: string) =>
    problems.get(path) && (
      <p id={id} class="error" role="alert">
        {problems.get(path)}
      </p>
    );

  return (
    <form onSubmit={(e) => void create(e)}>
      <fieldset class="crm-choice">
        <legend>{t('wizard.chooseCrm')}</legend>
        {CRMS.map((option) => (
          <label key={option.id} class="check">
            <input
              type="radio"
              name="crm"
              value={option.id}
              checked={crm === option.id}
              onChange={() => setCrm(option.id)}
            />
            {option.name}
          </label>
        ))}
      </fieldset>
      <label for="project-id">{t('wizard.projectId')}</label>
      <input
        id="project-id"
        required
        value={id}
        aria-invalid={problems.has('id')}
        aria-describedby="project-id-error"
        onInput={(e) => {
          setId(e.currentTarget.value);
          setProblems(new Map());
        }}
      />
      {problem('id', 'project-id-error')}
      <label for="project-timezone">{t('wizard.timezone')}</label>
      <input
        id="project-timezone"
        required
        value={timezone}
        aria-invalid={problems.has('project.timezone')}
        aria-describedby="project-timezone-error"
        onInput={(e) => setTimezone(e.currentTarget.value)}
      />
      {problem('project.timezone', 'project-timezone-error')}
      <label for="project-country">{t('wizard.country')}</label>
      <input
        id="project-country"
        class="short"
        maxLength={2}
        value={country}
        aria-invalid={problems.has('project.defaultCountry')}
        aria-describedby="project-country-error"
        onInput={(e) => setCountry(e.currentTarget.value)}
      />
      {problem('project.defaultCountry', 'project-country-error')}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <a class="button secondary" href={href({ page: 'projects' })}>
          {t('app.cancel')}
        </a>
        <button type="submit" disabled={busy}>
          {t('wizard.create')}
        </button>
      </div>
    </form>
  );
}

function ProjectStep(props: { api: ApiClient; project: string; step: string }) {
  const { t } = useI18n();
  const { api, project } = props;
  const [document, setDocument] = useState<Schemas['ProjectDocument'] | null>(null);
  const [status, setStatus] = useState<Schemas['Status'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { project } } };

  const refresh = useCallback(async () => {
    const [doc, st] = await Promise.all([
      api.GET('/v1/projects/{project}', path),
      api.GET('/v1/projects/{project}/status', path),
    ]);
    if (!doc.data || !st.data) return setError(problemText(doc.error ?? st.error));
    setDocument(doc.data);
    setStatus(st.data);
  }, [api, project]);
  useEffect(() => void refresh(), [refresh, props.step]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!document || !status) return <p>{t('app.loading')}</p>;
  const go = (step: string) => navigate({ page: 'new', project, step });
  const at = WIZARD_STEPS.indexOf(props.step as (typeof WIZARD_STEPS)[number]);
  const steps: StepProps = {
    api,
    project,
    document,
    status,
    back: () => go(WIZARD_STEPS[Math.max(0, at - 1)]!),
    next: () => go(WIZARD_STEPS[at + 1] ?? 'activate'),
  };

  if (props.step === 'connect') {
    // The service turns a project on with its first connection; the wizard keeps it off until
    // its last step, so no call is handled before the employees and the matrix are set (what
    // comes in meanwhile waits, and activation resends it).
    const connected = async () => {
      const { data } = await api.GET('/v1/projects/{project}/status', path);
      if (data?.integration.state === 'active')
        await api.POST('/v1/projects/{project}/integration/deactivate', path);
      await refresh();
    };
    return (
      <>
        <ConnectForm
          api={api}
          project={project}
          crm={document.crm}
          returnTo={href({ page: 'new', project, step: 'connect' })}
          onConnected={() => void connected()}
        />
        <StepButtons next={steps.next} disabled={!document.connection} />
      </>
    );
  }
  if (props.step === 'employees') return <EmployeesStep {...steps} />;
  if (props.step === 'matrix') return <MatrixStep {...steps} />;
  return (
    <ActivateStep {...steps} done={() => navigate({ page: 'project', project, tab: 'overview' })} />
  );
}
