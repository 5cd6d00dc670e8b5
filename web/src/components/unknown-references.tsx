import { useEffect, useState } from 'preact/hooks';
import { problemText, type ApiClient } from '../api';
import { useI18n } from '../i18n';
import {
  coversReference,
  employeeFromReference,
  type EmployeeRow,
  type UnknownReference,
} from '../lib/employees';
import { formatTime } from '../lib/format';

// Extensions, SIP logins and phones that recent calls named but no employee has
// (GET …/unknown-employees), each with one click to add it to the table as a new employee.

const DAYS = 30;

export function UnknownReferences(props: {
  api: ApiClient;
  project: string;
  timeZone: string;
  rows: EmployeeRow[];
  /** Changes when the employees are saved, so the list is read again. */
  savedVersion: unknown;
  onAdd: (row: EmployeeRow) => void;
}) {
  const { t, language } = useI18n();
  const [items, setItems] = useState<UnknownReference[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void props.api
      .GET('/v1/projects/{project}/unknown-employees', {
        params: { path: { project: props.project }, query: { days: DAYS } },
      })
      .then(({ data, error }) => {
        if (!data) return setError(problemText(error));
        setError(null);
        setItems(data.items);
      });
  }, [props.api, props.project, props.savedVersion]);

  const describe = (item: UnknownReference): string =>
    item.extension !== undefined
      ? t('employees.unknownExtension', { value: item.extension })
      : item.sipLogin !== undefined
        ? t('employees.unknownSip', { value: item.sipLogin })
        : (item.phone ?? item.code ?? item.id ?? '');
  // A reference by the platform's employee id only cannot be put on an employee: left out.
  const shown = (items ?? []).filter((item) =>
    [item.extension, item.sipLogin, item.phone, item.code].some((value) => value !== undefined),
  );
  const open = shown.filter((item) => !coversReference(props.rows, item));

  return (
    <section class="card unknown-refs" aria-labelledby="unknown-title">
      <h2 id="unknown-title">{t('employees.unknownTitle')}</h2>
      <p class="hint">{t('employees.unknownHint', { days: DAYS })}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {items === null && !error && <p>{t('app.loading')}</p>}
      {items !== null && open.length === 0 && <p class="ok">{t('employees.unknownNone')}</p>}
      {open.length > 0 && (
        <ul class="plain">
          {open.map((item) => {
            const name = describe(item);
            return (
              <li key={name} data-reference={name}>
                <strong>{name}</strong>
                <span class="muted">
                  {t('employees.unknownCalls', {
                    count: item.calls,
                    at: formatTime(item.lastCall.at, props.timeZone, language),
                  })}
                </span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('employees.addUnknown')}: ${name}`}
                  onClick={() => props.onAdd(employeeFromReference(props.rows, item, name))}
                >
                  {t('employees.addUnknown')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
