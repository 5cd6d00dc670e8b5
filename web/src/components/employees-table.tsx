import { useEffect, useState } from 'preact/hooks';
import { problemText, problemsByPath, type ApiClient } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import {
  fromRows,
  missingCrmUsers,
  newEmployee,
  pickCrmUser,
  problemsByRow,
  toRows,
  usersNotEmployed,
  type CrmUser,
  type Employee,
  type EmployeeRow,
} from '../lib/employees';

// The employees of a project as a table: the CRM user picked from the CRM's own users (never
// typed), extension, SIP logins, phones, top manager. Used by the wizard and the Employees tab.

export interface EmployeesState {
  readonly saved: Employee[] | null;
  readonly rows: EmployeeRow[];
  readonly users: CrmUser[] | null;
  /** Why the CRM's users could not be listed (the CRM's refusal in words). */
  readonly usersError: string | null;
  readonly error: string | null;
  readonly problems: Map<string, string>;
  readonly dirty: boolean;
  readonly setRows: (rows: EmployeeRow[]) => void;
  /** PUT …/employees; true when stored. */
  readonly save: () => Promise<boolean>;
}

export function useEmployees(api: ApiClient, project: string): EmployeesState {
  const [saved, setSaved] = useState<Employee[] | null>(null);
  const [rows, setRows] = useState<EmployeeRow[]>([]);
  const [users, setUsers] = useState<CrmUser[] | null>(null);
  const [usersError, setUsersError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const path = { params: { path: { project } } };

  useEffect(() => {
    void api.GET('/v1/projects/{project}/employees', path).then(({ data, error }) => {
      if (!data) return setError(problemText(error));
      setSaved(data);
      setRows(toRows(data));
    });
    void api.GET('/v1/projects/{project}/crm/users', path).then(({ data, error }) => {
      if (!data) return setUsersError(problemText(error));
      setUsers(data.users);
    });
  }, [api, project]);

  const save = async () => {
    const { data, error } = await api.PUT('/v1/projects/{project}/employees', {
      ...path,
      body: fromRows(rows),
    });
    if (!data) {
      setProblems(problemsByPath(error));
      setError(problemText(error));
      return false;
    }
    setProblems(new Map());
    setError(null);
    setSaved(data);
    setRows(toRows(data));
    return true;
  };
  // Both sides through fromRows, so the API's member order and defaults do not count as changes.
  const dirty =
    saved !== null && JSON.stringify(fromRows(rows)) !== JSON.stringify(fromRows(toRows(saved)));
  return { saved, rows, users, usersError, error, problems, dirty, setRows, save };
}

export function EmployeesTable(props: { state: EmployeesState }) {
  const { t } = useI18n();
  const { rows, users, setRows } = props.state;
  // Flagged only once the CRM's users are known (not while they load, nor when the CRM is down).
  const missing = users
    ? missingCrmUsers(
        rows.map((row) => row.employee),
        users,
      )
    : new Set<string>();
  const byRow = problemsByRow(props.state.problems);
  const update = (index: number, change: Partial<EmployeeRow>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const setEmployee = (index: number, change: Partial<Employee>) =>
    update(index, { employee: { ...rows[index]!.employee, ...change } });
  const employees = rows.map((row) => row.employee);
  const unemployed = users ? usersNotEmployed(rows, users) : [];

  return (
    <div class="employees">
      {props.state.usersError && (
        <p class="error" role="alert">
          {t('employees.usersError')} {props.state.usersError}
        </p>
      )}
      <div class="scroll">
        <table class="employees-table">
          <thead>
            <tr>
              <th scope="col">{t('employees.name')}</th>
              <th scope="col">{t('employees.crmUser')}</th>
              <th scope="col">{t('employees.extension')}</th>
              <th scope="col">{t('employees.sipLogins')}</th>
              <th scope="col">{t('employees.phones')}</th>
              <th scope="col">{t('employees.topManager')}</th>
              <th scope="col">
                <span class="sr-only">{t('app.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const { employee } = row;
              const problems = byRow.get(index);
              const label = (field: MessageKey) => `${t(field)} — ${employee.name || employee.id}`;
              const gone = missing.has(employee.id);
              return (
                <tr key={employee.id} data-employee={employee.id} class={gone ? 'flagged' : ''}>
                  <td>
                    <input
                      aria-label={label('employees.name')}
                      value={employee.name}
                      aria-invalid={problems?.has('name')}
                      onInput={(e) => setEmployee(index, { name: e.currentTarget.value })}
                    />
                    <FieldProblem text={problems?.get('name') ?? problems?.get('row')} />
                  </td>
                  <td>
                    <select
                      aria-label={label('employees.crmUser')}
                      value={employee.crmUserId ?? ''}
                      aria-invalid={gone || problems?.has('crmUserId')}
                      onChange={(e) => {
                        const user = users?.find((u) => u.id === e.currentTarget.value);
                        update(index, { employee: pickCrmUser(employee, user, users ?? []) });
                      }}
                    >
                      <option value="">{t('employees.noCrmUser')}</option>
                      {gone && (
                        <option value={employee.crmUserId}>
                          {t('employees.goneOption', { id: employee.crmUserId ?? '' })}
                        </option>
                      )}
                      {(users ?? []).map((user) => (
                        <option key={user.id} value={user.id}>
                          {user.name}
                        </option>
                      ))}
                    </select>
                    {gone && (
                      <p class="warn-text" role="status">
                        {t('employees.gone', { id: employee.crmUserId ?? '' })}
                      </p>
                    )}
                    <FieldProblem text={problems?.get('crmUserId')} />
                  </td>
                  <td>
                    <input
                      class="short"
                      aria-label={label('employees.extension')}
                      value={employee.extension ?? ''}
                      aria-invalid={problems?.has('extension')}
                      onInput={(e) => setEmployee(index, { extension: e.currentTarget.value })}
                    />
                    <FieldProblem text={problems?.get('extension')} />
                  </td>
                  <td>
                    <input
                      aria-label={label('employees.sipLogins')}
                      value={row.sipText}
                      aria-invalid={problems?.has('sipLogins')}
                      onInput={(e) => update(index, { sipText: e.currentTarget.value })}
                    />
                    <FieldProblem text={problems?.get('sipLogins')} />
                  </td>
                  <td>
                    <input
                      aria-label={label('employees.phones')}
                      value={row.phonesText}
                      aria-invalid={problems?.has('phones')}
                      onInput={(e) => update(index, { phonesText: e.currentTarget.value })}
                    />
                    <FieldProblem text={problems?.get('phones')} />
                  </td>
                  <td class="center">
                    <input
                      type="checkbox"
                      aria-label={label('employees.topManager')}
                      checked={employee.topManager}
                      onChange={(e) => setEmployee(index, { topManager: e.currentTarget.checked })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      aria-label={label('app.remove')}
                      onClick={() => setRows(rows.filter((_, at) => at !== index))}
                    >
                      {t('app.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p class="muted">{t('employees.empty')}</p>}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => setRows([...rows, ...toRows([newEmployee(employees)])])}
        >
          {t('employees.add')}
        </button>
        {unemployed.length > 0 && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              const added: Employee[] = [];
              for (const user of unemployed)
                added.push(newEmployee([...employees, ...added], user));
              setRows([...rows, ...toRows(added)]);
            }}
          >
            {t('employees.addAllUsers', { count: unemployed.length })}
          </button>
        )}
      </div>
      {props.state.error && (
        <p class="error" role="alert">
          {props.state.error}
        </p>
      )}
    </div>
  );
}

function FieldProblem(props: { text: string | undefined }) {
  if (!props.text) return null;
  return (
    <p class="error field" role="alert">
      {props.text}
    </p>
  );
}
