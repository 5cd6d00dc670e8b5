import { useMemo } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { countries, countryName } from '../../lib/countries';
import { moveItem } from '../../lib/reorder';
import type { ProjectContext } from '../../pages/project';
import { saveProjectSettings, type ProjectSettings } from './project-settings';
import { FieldProblem, SaveResult } from './save-result';
import { useSaveForm } from './save-form';

// The project's scalar settings: the language of the texts written into the CRM, the time zone,
// the default country, tasks' due hours, the resend window, where AI call analytics go and the
// routing priority. They have no part of their own, so they are saved in the project document
// (PUT /v1/projects/{p}, an operator's right); the API's problems come back named
// `project.<field>` and are shown at that field.

type Routing = NonNullable<ProjectSettings['routingPriority']>[number];
type Destination = NonNullable<ProjectSettings['analyticsDestination']>;
const ROUTING: readonly Routing[] = ['deals', 'leads', 'contacts'];
const DESTINATIONS: readonly Destination[] = ['deal', 'call', 'both'];
const CRM_LANGUAGES = [
  ['en', 'English'],
  ['uk', 'Українська'],
  ['ru', 'Русский'],
  ['pl', 'Polski'],
] as const;

const timeZones = (): string[] =>
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** What the form edits: the inputs as typed; '' and null mean "absent, the default". */
interface Draft {
  language: NonNullable<ProjectSettings['language']>;
  timezone: string;
  defaultCountry: string;
  dueHours: string;
  resendDays: string;
  analytics: Destination | '';
  routing: Routing[] | null;
}

const draftOf = (stored: ProjectSettings | undefined): Draft => ({
  language: stored?.language ?? 'en',
  timezone: stored?.timezone ?? 'UTC',
  defaultCountry: stored?.defaultCountry ?? '',
  dueHours: String(stored?.taskDueHours ?? 4),
  resendDays: String(stored?.resendWindowDays ?? 3),
  analytics: stored?.analyticsDestination ?? '',
  routing: stored?.routingPriority ?? null,
});

function applyDraft(settings: ProjectSettings, draft: Draft): ProjectSettings {
  const rest = { ...settings };
  delete rest.defaultCountry;
  delete rest.analyticsDestination;
  delete rest.routingPriority;
  return {
    ...rest,
    language: draft.language,
    timezone: draft.timezone,
    taskDueHours: Number(draft.dueHours),
    resendWindowDays: Number(draft.resendDays),
    ...(draft.defaultCountry.trim() && {
      defaultCountry: draft.defaultCountry.trim().toUpperCase(),
    }),
    ...(draft.analytics && { analyticsDestination: draft.analytics }),
    ...(draft.routing && { routingPriority: draft.routing }),
  };
}

export function GeneralSettings(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t, language: pageLanguage } = useI18n();
  const form = useSaveForm<Draft>({
    load: () => Promise.resolve({ data: draftOf(ctx.document.project) }),
    save: async (draft) => {
      const answer = await saveProjectSettings(ctx, (settings) => applyDraft(settings, draft));
      return answer.error !== undefined ? { error: answer.error } : { data: draftOf(answer.data) };
    },
    afterSave: () => ctx.refresh(),
    deps: [ctx.project],
  });
  const countryList = useMemo(() => countries(pageLanguage), [pageLanguage]);
  if (!form.loaded) return null;
  const draft = form.value;
  const set = (change: Partial<Draft>) => form.edit({ ...draft, ...change });
  const { language, timezone, defaultCountry, dueHours, resendDays, analytics, routing } = draft;
  const problem = (field: string) => <FieldProblem state={form} path={`project.${field}`} />;
  const country = countryName(defaultCountry.trim().toUpperCase(), pageLanguage);

  return (
    <form
      class="card settings-section general"
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <div>
        <label for="g-language">{t('general.language')}</label>
        <select
          id="g-language"
          value={language}
          onChange={(e) => set({ language: e.currentTarget.value as typeof language })}
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
          onInput={(e) => set({ timezone: e.currentTarget.value })}
        />
        <datalist id="time-zones">
          {timeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {problem('timezone')}
      </div>
      <div>
        <label for="g-country">{t('general.defaultCountry')}</label>
        <input
          id="g-country"
          list="countries"
          maxLength={2}
          autoComplete="off"
          aria-describedby="g-country-name"
          value={defaultCountry}
          onInput={(e) => set({ defaultCountry: e.currentTarget.value })}
        />
        <datalist id="countries">
          {countryList.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entry.name}
            </option>
          ))}
        </datalist>
        <span class="muted" id="g-country-name">
          {defaultCountry.trim() ? (country ?? '?') : t('general.noCountry')}
        </span>
        {problem('defaultCountry')}
      </div>
      <div>
        <label for="g-due">{t('general.taskDueHours')}</label>
        <input
          id="g-due"
          type="number"
          min="0"
          step="any"
          value={dueHours}
          onInput={(e) => set({ dueHours: e.currentTarget.value })}
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
          onInput={(e) => set({ resendDays: e.currentTarget.value })}
        />
        {problem('resendWindowDays')}
      </div>
      <div>
        <label for="g-analytics">{t('general.analytics')}</label>
        <select
          id="g-analytics"
          value={analytics}
          onChange={(e) => set({ analytics: e.currentTarget.value as Destination | '' })}
        >
          <option value="">{t('general.analyticsDefault')}</option>
          {DESTINATIONS.map((destination) => (
            <option key={destination} value={destination}>
              {t(`analytics.${destination}`)}
            </option>
          ))}
        </select>
        {problem('analyticsDestination')}
      </div>
      <fieldset>
        <legend>{t('general.routingPriority')}</legend>
        <p class="muted">{t('general.routingHint')}</p>
        <label class="check">
          <input
            type="checkbox"
            checked={routing === null}
            onChange={(e) => set({ routing: e.currentTarget.checked ? null : [...ROUTING] })}
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
                  onClick={() => set({ routing: moveItem(routing, index, index - 1) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('pipelines.down')}: ${t(`routing.${entry}`)}`}
                  disabled={index === routing.length - 1}
                  onClick={() => set({ routing: moveItem(routing, index, index + 1) })}
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
        <button type="submit" disabled={form.saving}>
          {t('app.save')}
        </button>
      </div>
      <SaveResult state={form} />
    </form>
  );
}
