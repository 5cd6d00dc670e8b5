import { useState } from 'preact/hooks';
import type { Schemas } from '../../api';
import { useI18n } from '../../i18n';
import { moveItem } from '../../lib/reorder';
import type { ProjectContext } from '../../pages/project';
import { FieldProblem, SaveResult } from './save-result';
import { useSaveState } from './save-state';

// The project's scalar settings: the language of the texts written into the CRM, the time zone,
// tasks' due hours, the resend window and the routing priority. They have no part of their own,
// so they are saved in the project document (PUT /v1/projects/{p}, an operator's right); the
// API's problems come back named `project.<field>` and are shown at that field.

type Settings = Schemas['ProjectSettings'];
type Routing = NonNullable<Settings['routingPriority']>[number];
const ROUTING: readonly Routing[] = ['deals', 'leads', 'contacts'];
const CRM_LANGUAGES = [
  ['en', 'English'],
  ['uk', 'Українська'],
  ['ru', 'Русский'],
  ['pl', 'Polski'],
] as const;

const timeZones = (): string[] =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function GeneralSettings(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const stored = ctx.document.project;
  const [language, setLanguage] = useState(stored?.language ?? 'en');
  const [timezone, setTimezone] = useState(stored?.timezone ?? 'UTC');
  const [dueHours, setDueHours] = useState(String(stored?.taskDueHours ?? 4));
  const [resendDays, setResendDays] = useState(String(stored?.resendWindowDays ?? 3));
  const [routing, setRouting] = useState<Routing[] | null>(stored?.routingPriority ?? null);
  const state = useSaveState();

  const save = async () => {
    const project: Settings = {
      ...stored,
      // The API fills callbacks in; a document read before it had them gets the API's default.
      callbacks: stored?.callbacks ?? { closeTasks: true, minTalkSec: 20 },
      language,
      timezone,
      taskDueHours: Number(dueHours),
      resendWindowDays: Number(resendDays),
    };
    if (routing) project.routingPriority = routing;
    else delete project.routingPriority;
    const { data, error } = await ctx.api.PUT('/v1/projects/{project}', {
      params: { path: { project: ctx.project } },
      body: { ...ctx.document, project },
    });
    if (!data) return state.refused(error);
    state.saved(t('app.saved'));
    await ctx.refresh();
  };
  const problem = (field: string) => <FieldProblem state={state} path={`project.${field}`} />;

  return (
    <form
      class="card settings-section general"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div>
        <label for="g-language">{t('general.language')}</label>
        <select
          id="g-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as typeof language)}
        >
          {CRM_LANGUAGES.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        {problem('language')}
      </div>
      <div>
        <label for="g-timezone">{t('general.timezone')}</label>
        <input
          id="g-timezone"
          list="time-zones"
          value={timezone}
          onInput={(e) => setTimezone(e.currentTarget.value)}
        />
        <datalist id="time-zones">
          {timeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {problem('timezone')}
      </div>
      <div>
        <label for="g-due">{t('general.taskDueHours')}</label>
        <input
          id="g-due"
          type="number"
          min="0"
          step="any"
          value={dueHours}
          onInput={(e) => setDueHours(e.currentTarget.value)}
        />
        {problem('taskDueHours')}
      </div>
      <div>
        <label for="g-resend">{t('general.resendWindow')}</label>
        <input
          id="g-resend"
          type="number"
          min="1"
          max="90"
          value={resendDays}
          onInput={(e) => setResendDays(e.currentTarget.value)}
        />
        {problem('resendWindowDays')}
      </div>
      <fieldset>
        <legend>{t('general.routingPriority')}</legend>
        <p class="muted">{t('general.routingHint')}</p>
        <label class="check">
          <input
            type="checkbox"
            checked={routing === null}
            onChange={(e) => setRouting(e.currentTarget.checked ? null : [...ROUTING])}
          />
          {t('general.routingDefault')}
        </label>
        {routing && (
          <ol class="routing">
            {routing.map((entry, index) => (
              <li key={entry}>
                <span>{t(`routing.${entry}`)}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('pipelines.up')}: ${t(`routing.${entry}`)}`}
                  disabled={index === 0}
                  onClick={() => setRouting(moveItem(routing, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('pipelines.down')}: ${t(`routing.${entry}`)}`}
                  disabled={index === routing.length - 1}
                  onClick={() => setRouting(moveItem(routing, index, index + 1))}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
        )}
        {problem('routingPriority')}
      </fieldset>
      <div class="actions">
        <button type="submit">{t('app.save')}</button>
      </div>
      <SaveResult state={state} />
    </form>
  );
}
