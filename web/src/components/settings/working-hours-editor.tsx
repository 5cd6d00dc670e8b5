import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import {
  WEEKDAYS,
  addDayOff,
  addInterval,
  editInterval,
  officeHours,
  problemPlace,
  removeDayOff,
  removeInterval,
  type WorkingHours,
} from '../../lib/working-hours';
import type { ProjectContext } from '../../pages/project';
import { NotLoaded, SaveResult } from './save-result';
import { useSaveForm } from './save-form';

// The project's working hours: open intervals per weekday and the days off, on the project's
// clocks. Saved with PUT …/working-hours (null: every hour counts); the API validates, and each
// of its problems is shown at the interval, day or day off it names.

/** The API's problems grouped by where the editor shows them. */
function placeProblems(problems: Map<string, string>) {
  const at = new Map<string, string[]>();
  const add = (key: string, message: string) => at.set(key, [...(at.get(key) ?? []), message]);
  for (const [path, message] of problems) {
    const place = problemPlace(path);
    if (place.at === 'interval') add(`${place.day}[${place.index}]`, message);
    else if (place.at === 'day') add(place.day, message);
    else if (place.at === 'dayOff') add(`daysOff[${place.index}]`, message);
    else add('week', message);
  }
  return (key: string, id?: string) => {
    const messages = at.get(key);
    return messages ? (
      <span class="field-error" id={id}>
        {messages.join('; ')}
      </span>
    ) : null;
  };
}

/** `2026-12-25` as "Friday, 25 December 2026" in the page's language (a calendar date: no zone). */
const longDate = (date: string, language: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(day.getTime())
    ? date
    : new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(day);
};

/** One end of an interval, "09:00", with the label a screen reader says (the group names the day). */
function ClockInput(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  invalid: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id} class="sr-only">
        {props.label}
      </label>
      <input
        id={props.id}
        class="clock"
        aria-invalid={props.invalid ? 'true' : undefined}
        inputMode="numeric"
        placeholder={props.placeholder}
        size={5}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </>
  );
}

export function WorkingHoursEditor(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t, language } = useI18n();
  const [dayOff, setDayOff] = useState('');
  const path = { params: { path: { project: ctx.project } } };
  const form = useSaveForm<WorkingHours | null>({
    load: () => ctx.api.GET('/v1/projects/{project}/working-hours', path),
    save: (body) => ctx.api.PUT('/v1/projects/{project}/working-hours', { ...path, body }),
    afterSave: () => ctx.refresh(),
    deps: [ctx.api, ctx.project],
  });
  if (!form.loaded) return <NotLoaded form={form} />;
  const hours = form.value;
  const problem = placeProblems(form.problems);
  const saveButton = (
    <div class="actions">
      <button type="button" disabled={form.saving} onClick={() => void form.save()}>
        {t('app.save')}
      </button>
    </div>
  );

  if (!hours)
    return (
      <div class="card settings-section working-hours">
        <p class="muted">{t('hours.intro', { zone: ctx.timeZone })}</p>
        <p>{t('hours.none')}</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => form.edit(officeHours())}>
            {t('hours.set')}
          </button>
        </div>
        {form.changed && saveButton}
        <SaveResult state={form} />
      </div>
    );

  return (
    <div class="card settings-section working-hours">
      <p class="muted">{t('hours.intro', { zone: ctx.timeZone })}</p>
      <fieldset>
        <legend>{t('hours.week')}</legend>
        <p class="muted">{t('hours.timeHint')}</p>
        {problem('week')}
        <ul class="week">
          {WEEKDAYS.map((day) => {
            const intervals = hours.week[day] ?? [];
            const dayName = t(`day.${day}`);
            const more = addInterval(hours, day);
            return (
              <li key={day} data-day={day}>
                <strong class="day-name" id={`wh-${day}`}>
                  {dayName}
                </strong>
                <div class="intervals">
                  {intervals.length === 0 && <span class="muted">{t('hours.closed')}</span>}
                  {intervals.map((interval, index) => {
                    const id = `wh-${day}-${index}`;
                    const label = `${dayName} ${index + 1}`;
                    const refusal = problem(`${day}[${index}]`, `${id}-problem`);
                    return (
                      <div
                        class="interval"
                        key={index}
                        role="group"
                        aria-label={label}
                        aria-describedby={refusal ? `${id}-problem` : undefined}
                      >
                        <ClockInput
                          id={`${id}-from`}
                          label={`${label}: ${t('hours.from')}`}
                          placeholder="09:00"
                          value={interval.from}
                          invalid={refusal !== null}
                          onInput={(value) =>
                            form.edit(editInterval(hours, day, index, { from: value }))
                          }
                        />
                        <span aria-hidden="true">–</span>
                        <ClockInput
                          id={`${id}-to`}
                          label={`${label}: ${t('hours.to')}`}
                          placeholder="18:00"
                          value={interval.to}
                          invalid={refusal !== null}
                          onInput={(value) =>
                            form.edit(editInterval(hours, day, index, { to: value }))
                          }
                        />
                        <button
                          type="button"
                          class="secondary"
                          aria-label={`${t('app.remove')}: ${label}`}
                          onClick={() => form.edit(removeInterval(hours, day, index))}
                        >
                          ✕
                        </button>
                        {refusal}
                      </div>
                    );
                  })}
                  {problem(day)}
                </div>
                <button
                  type="button"
                  class="secondary"
                  disabled={!more}
                  aria-label={`${t('hours.addInterval')}: ${dayName}`}
                  onClick={() => more && form.edit(more)}
                >
                  {t('hours.addInterval')}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset>
        <legend>{t('hours.daysOff')}</legend>
        <div class="inline-form">
          <label for="wh-day-off">{t('hours.dayOff')}</label>
          <input
            id="wh-day-off"
            type="date"
            value={dayOff}
            onInput={(e) => setDayOff(e.currentTarget.value)}
          />
          <button
            type="button"
            class="secondary"
            disabled={!dayOff}
            onClick={() => {
              form.edit(addDayOff(hours, dayOff));
              setDayOff('');
            }}
          >
            {t('hours.addDayOff')}
          </button>
        </div>
        {hours.daysOff.length === 0 ? (
          <p>{t('hours.noDaysOff')}</p>
        ) : (
          <ul class="days-off" aria-label={t('hours.daysOff')}>
            {hours.daysOff.map((date, index) => (
              <li key={date}>
                <time dateTime={date}>{longDate(date, language)}</time>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('app.remove')} ${date}`}
                  onClick={() => form.edit(removeDayOff(hours, date))}
                >
                  {t('app.remove')}
                </button>
                {problem(`daysOff[${index}]`)}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => form.edit(null)}>
          {t('hours.clear')}
        </button>
      </div>
      {saveButton}
      <SaveResult state={form} />
    </div>
  );
}
