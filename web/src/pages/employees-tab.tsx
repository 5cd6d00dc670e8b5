import { useState } from 'preact/hooks';
import { EmployeesTable, useEmployees } from '../components/employees-table';
import { UnknownReferences } from '../components/unknown-references';
import { useI18n } from '../i18n';
import type { ProjectContext } from './project';

// The project's employees: the table, saved with PUT …/employees; the API's refusal is shown at
// the row and field it names.

export function EmployeesTab(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const state = useEmployees(ctx.api, ctx.project);
  const [notice, setNotice] = useState<string | null>(null);
  const save = async () => {
    setNotice(null);
    if (await state.save()) {
      setNotice(t('app.saved'));
      await ctx.refresh();
    }
  };
  if (!state.saved && !state.error) return <p>{t('app.loading')}</p>;
  return (
    <>
      <section class="card" aria-labelledby="employees-title">
        <div class="bar">
          <h2 id="employees-title">{t('employees.title')}</h2>
          <div>
            {state.dirty && <span class="muted">{t('employees.unsaved')} </span>}
            <button type="button" disabled={!state.dirty} onClick={() => void save()}>
              {t('app.save')}
            </button>
          </div>
        </div>
        <EmployeesTable state={state} />
        {notice && !state.dirty && (
          <p class="ok" role="status">
            {notice}
          </p>
        )}
      </section>
      <UnknownReferences
        api={ctx.api}
        project={ctx.project}
        timeZone={ctx.timeZone}
        rows={state.rows}
        savedVersion={state.saved}
        onAdd={(row) => state.setRows([...state.rows, row])}
      />
    </>
  );
}
