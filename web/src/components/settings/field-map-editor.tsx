import { useEffect, useState } from 'preact/hooks';
import { problemText, type Schemas } from '../../api';
import { useI18n } from '../../i18n';
import {
  boundSlots,
  FIELD_ENTITIES,
  fieldTakenBy,
  mapField,
  type FieldEntity,
  type FieldMap,
} from '../../lib/field-map';
import type { ProjectContext } from '../../pages/project';
import { useParameters } from './parameters';
import { saveProjectSettings } from './project-settings';
import { FieldProblem, NotLoaded, SaveResult } from './save-result';
import { useSaveForm, type SaveForm } from './save-form';

// Parameter → CRM field, one record type at a time, for calls and forms (`fieldMap`, its own part
// of the API) or for messenger dialogs (`messengerFieldMap`, in the project document; absent, they
// take the calls' map). The fields come from the CRM's own list; a field another parameter already
// takes is marked so, and choosing it is refused on the spot.

type CrmField = Schemas['CrmFields']['fields'][number];
export type FieldMapKind = 'calls' | 'messengers';
/** What a messenger dialog itself tells (listed first in its map; the others may come too). */
const MESSENGER_PARAMETERS = ['source', 'client_name', 'client_phone', 'messenger_client_id'];

/** The calls' map: GET/PUT …/field-map. */
function useCallFieldMap(ctx: ProjectContext): SaveForm<FieldMap | null> {
  const path = { params: { path: { project: ctx.project } } };
  return useSaveForm<FieldMap | null>({
    load: () => ctx.api.GET('/v1/projects/{project}/field-map', path),
    save: (body) => ctx.api.PUT('/v1/projects/{project}/field-map', { ...path, body: body ?? {} }),
    deps: [ctx.api, ctx.project],
  });
}

/** The messengers' map, null while they take the calls' map: the project document's member. */
function useMessengerFieldMap(ctx: ProjectContext): SaveForm<FieldMap | null> {
  return useSaveForm<FieldMap | null>({
    load: () => Promise.resolve({ data: boundSlots(ctx.document.project?.messengerFieldMap) }),
    save: async (map) => {
      const answer = await saveProjectSettings(ctx, (settings) => {
        const next = { ...settings };
        if (map) next.messengerFieldMap = map;
        else delete next.messengerFieldMap;
        return next;
      });
      return answer.error !== undefined
        ? { error: answer.error }
        : { data: boundSlots(answer.data?.messengerFieldMap) };
    },
    afterSave: () => ctx.refresh(),
    deps: [ctx.api, ctx.project],
  });
}

export function CallFieldMapEditor(props: { ctx: ProjectContext }) {
  return <FieldMapEditor ctx={props.ctx} kind="calls" form={useCallFieldMap(props.ctx)} />;
}

export function MessengerFieldMapEditor(props: { ctx: ProjectContext }) {
  return (
    <FieldMapEditor ctx={props.ctx} kind="messengers" form={useMessengerFieldMap(props.ctx)} />
  );
}

function FieldMapEditor(props: {
  ctx: ProjectContext;
  kind: FieldMapKind;
  form: SaveForm<FieldMap | null>;
}) {
  const { ctx, kind, form } = props;
  const { t } = useI18n();
  const [entity, setEntity] = useState<FieldEntity>(kind === 'messengers' ? 'lead' : 'deal');
  const [fields, setFields] = useState<CrmField[] | null>(null);
  const [fieldsError, setFieldsError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ param: string; text: string } | null>(null);
  const parameters = useParameters(ctx);
  // Problems of the project document are named project.messengerFieldMap.<entity>.<param>.
  const prefix = kind === 'calls' ? '' : 'project.messengerFieldMap.';

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

  if (!form.loaded) return <NotLoaded form={form} />;
  const own = form.value !== null;
  const map: FieldMap = form.value ?? {};
  const mapped = map[entity] ?? {};
  // Mapped form.* parameters are shown too, after the listed ones.
  const first =
    kind === 'messengers' ? MESSENGER_PARAMETERS.filter((p) => parameters.includes(p)) : [];
  const rows = [...new Set([...first, ...parameters, ...Object.keys(mapped)])];

  const choose = (param: string, field: string) => {
    const result = mapField(map, entity, param, field);
    if ('conflict' in result)
      return setConflict({
        param,
        text: t('fieldMap.conflict', { field, param: result.conflict }),
      });
    setConflict(null);
    form.edit(result.map);
  };
  return (
    <div class="card settings-section">
      <p class="muted">{t(kind === 'calls' ? 'fieldMap.intro' : 'messengerMap.intro')}</p>
      {kind === 'messengers' && (
        <label class="check">
          <input
            type="checkbox"
            checked={!own}
            onChange={(e) =>
              form.edit(
                e.currentTarget.checked
                  ? null
                  : structuredClone(ctx.document.project?.fieldMap ?? {}),
              )
            }
          />
          {t('messengerMap.takeCalls')}
        </label>
      )}
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
      <FieldProblem state={form} path={`${prefix}${entity}`} />
      {fields && own && (
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
                const id = `fm-${kind}-${entity}-${param}`;
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
                      <FieldProblem state={form} path={`${prefix}${entity}.${param}`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          disabled={form.saving}
          onClick={() => {
            setConflict(null);
            void form.save();
          }}
        >
          {t('app.save')}
        </button>
      </div>
      <SaveResult state={form} />
    </div>
  );
}
