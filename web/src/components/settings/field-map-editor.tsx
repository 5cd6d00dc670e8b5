import { useEffect, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../../api';
import { useI18n } from '../../i18n';
import {
  FIELD_ENTITIES,
  fieldTakenBy,
  mapField,
  type FieldEntity,
  type FieldMap,
} from '../../lib/field-map';
import type { ProjectContext } from '../../pages/project';
import { useParameters } from './parameters';
import { FieldProblem, SaveResult } from './save-result';
import { useSaveState } from './save-state';

// Parameter → CRM field, one record type at a time. The fields come from the CRM's own list;
// a field another parameter already takes is marked so, and choosing it is refused on the spot.

type CrmField = Schemas['CrmFields']['fields'][number];

export function FieldMapEditor(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const [map, setMap] = useState<FieldMap | null>(null);
  const [entity, setEntity] = useState<FieldEntity>('deal');
  const [fields, setFields] = useState<CrmField[] | null>(null);
  const [fieldsError, setFieldsError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ param: string; text: string } | null>(null);
  const parameters = useParameters(ctx);
  const state = useSaveState();
  const path = { params: { path: { project: ctx.project } } };

  useEffect(() => {
    void ctx.api.GET('/v1/projects/{project}/field-map', path).then(({ data, error }) => {
      if (!data) return setError(problemText(error));
      setMap(data);
    });
  }, [ctx.api, ctx.project]);
  useEffect(() => {
    setFields(null);
    void ctx.api
      .GET('/v1/projects/{project}/crm/fields', {
        params: { path: { project: ctx.project }, query: { entity } },
      })
      .then(({ data, error }) => {
        if (!data) return setFieldsError(problemText(error));
        setFieldsError(null);
        setFields(data.fields);
      });
  }, [ctx.api, ctx.project, entity]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!map) return <p>{t('app.loading')}</p>;
  const mapped = map[entity] ?? {};
  // Mapped form.* parameters are shown too, after the listed ones.
  const rows = [...new Set([...parameters, ...Object.keys(mapped)])];

  const choose = (param: string, field: string) => {
    const result = mapField(map, entity, param, field);
    if ('conflict' in result)
      return setConflict({
        param,
        text: t('fieldMap.conflict', { field, param: result.conflict }),
      });
    setConflict(null);
    state.clear();
    setMap(result.map);
  };
  const save = async () => {
    const { data, error } = await ctx.api.PUT('/v1/projects/{project}/field-map', {
      ...path,
      body: map,
    });
    if (!data) return state.refused(error);
    setMap(data);
    state.saved(t('app.saved'));
  };

  return (
    <div class="card settings-section">
      <p class="muted">{t('fieldMap.intro')}</p>
      <div class="inline-form">
        <label for="fm-entity">{t('fieldMap.entity')}</label>
        <select
          id="fm-entity"
          value={entity}
          onChange={(e) => {
            setConflict(null);
            setEntity(e.currentTarget.value as FieldEntity);
          }}
        >
          {FIELD_ENTITIES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`entity.${candidate}`)}
            </option>
          ))}
        </select>
      </div>
      {fieldsError && (
        <p class="error" role="alert">
          {t('fieldMap.noFields', { reason: fieldsError })}
        </p>
      )}
      <FieldProblem state={state} path={entity} />
      {fields && (
        <div class="scroll">
          <table class="field-map">
            <thead>
              <tr>
                <th scope="col">{t('fieldMap.parameter')}</th>
                <th scope="col">{t('fieldMap.field')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((param) => {
                const id = `fm-${entity}-${param}`;
                const current = mapped[param] ?? '';
                const known = fields.some((field) => field.name === current);
                return (
                  <tr key={param} data-param={param}>
                    <th scope="row">
                      <label for={id}>
                        <code>{param}</code>
                      </label>
                    </th>
                    <td>
                      <select
                        id={id}
                        value={current}
                        aria-describedby={conflict?.param === param ? `${id}-conflict` : undefined}
                        onChange={(e) => {
                          const select = e.currentTarget;
                          choose(param, select.value);
                          // A refused choice goes back to what it was.
                          select.value = current;
                        }}
                      >
                        <option value="">{t('fieldMap.notMapped')}</option>
                        {!known && current && <option value={current}>{current}</option>}
                        {fields.map((field) => {
                          const taken = fieldTakenBy(map, entity, field.name, param);
                          const name =
                            field.label && field.label !== field.name
                              ? `${field.label} (${field.name})`
                              : field.name;
                          return (
                            <option key={field.name} value={field.name}>
                              {taken ? t('fieldMap.taken', { field: name, param: taken }) : name}
                            </option>
                          );
                        })}
                      </select>
                      {conflict?.param === param && (
                        <span class="field-error" id={`${id}-conflict`} role="alert">
                          {conflict.text}
                        </span>
                      )}
                      <FieldProblem state={state} path={`${entity}.${param}`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => void save()}>
          {t('app.save')}
        </button>
      </div>
      <SaveResult state={state} />
    </div>
  );
}
