import { useEffect, useState } from 'preact/hooks';
import type { Schemas } from '../../api';
import { useI18n } from '../../i18n';
import { moveItem } from '../../lib/reorder';
import type { ProjectContext } from '../../pages/project';
import { useParameters } from './parameters';
import { FieldProblem, NotLoaded, SaveResult } from './save-result';
import { useSaveForm } from './save-form';

// Pipeline rules, tried top to bottom: drag a rule by its handle, or Move up / Move down from the
// keyboard; the pipeline is picked from the CRM's own pipelines, the parameter from the API's list.

type Rule = Schemas['PipelineRules'][number];

export function PipelineRulesEditor(props: { ctx: ProjectContext }) {
  const { ctx } = props;
  const { t } = useI18n();
  const [pipelines, setPipelines] = useState<Schemas['CrmPipelines']['pipelines']>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const parameters = useParameters(ctx);
  const path = { params: { path: { project: ctx.project } } };
  const form = useSaveForm<Rule[]>({
    load: () => ctx.api.GET('/v1/projects/{project}/pipeline-rules', path),
    save: (body) => ctx.api.PUT('/v1/projects/{project}/pipeline-rules', { ...path, body }),
    deps: [ctx.api, ctx.project],
  });

  useEffect(() => {
    void ctx.api.GET('/v1/projects/{project}/crm/pipelines', path).then(({ data }) => {
      if (data) setPipelines(data.pipelines);
    });
  }, [ctx.api, ctx.project]);

  if (!form.loaded) return <NotLoaded form={form} />;
  const rules = form.value;
  const setRules = (next: Rule[]) => form.edit(next);

  const move = (from: number, to: number, focus: boolean) => {
    if (to < 0 || to >= rules.length || from === to) return;
    setRules(moveItem(rules, from, to));
    setAnnounce(t('pipelines.moved', { n: to + 1 }));
    // Keep the keyboard on the moved rule's same button.
    if (focus)
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLButtonElement>(
            `[data-rule="${to}"] .${to < from ? 'move-up' : 'move-down'}`,
          )
          ?.focus(),
      );
  };
  const edit = (index: number, change: Partial<Rule>) =>
    setRules(rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));
  return (
    <div class="card settings-section">
      <p class="muted">{t('pipelines.intro')}</p>
      <p class="muted">{t('pipelines.keyboard')}</p>
      <datalist id="pipeline-names">
        {pipelines.map((pipeline) => (
          <option key={pipeline.id} value={pipeline.name} />
        ))}
      </datalist>
      <datalist id="parameter-names">
        {parameters.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rules.length === 0 && <p>{t('pipelines.empty')}</p>}
      <ol class="rules">
        {rules.map((rule, index) => {
          const label = t('pipelines.rule', { n: index + 1 });
          const id = (name: string) => `rule-${index}-${name}`;
          return (
            <li
              key={index}
              data-rule={index}
              class={dragged === index ? 'rule dragging' : 'rule'}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, index, false);
                setDragged(null);
              }}
            >
              <span
                class="handle"
                draggable
                title={t('pipelines.drag')}
                aria-hidden="true"
                onDragStart={(e) => {
                  e.dataTransfer?.setData('text/plain', String(index));
                  setDragged(index);
                }}
                onDragEnd={() => setDragged(null)}
              >
                ⠿
              </span>
              <strong class="rule-name">{label}</strong>
              <div>
                <label for={id('pipeline')}>{t('pipelines.pipeline')}</label>
                <input
                  id={id('pipeline')}
                  list="pipeline-names"
                  value={rule.pipeline}
                  onInput={(e) => edit(index, { pipeline: e.currentTarget.value })}
                />
                <FieldProblem state={form} path={`[${index}].pipeline`} />
              </div>
              <div>
                <label for={id('param')}>{t('pipelines.param')}</label>
                <input
                  id={id('param')}
                  list="parameter-names"
                  value={rule.param}
                  onInput={(e) => edit(index, { param: e.currentTarget.value })}
                />
                <FieldProblem state={form} path={`[${index}].param`} />
              </div>
              <div>
                <label for={id('value')}>{t('pipelines.value')}</label>
                <input
                  id={id('value')}
                  value={rule.value}
                  onInput={(e) => edit(index, { value: e.currentTarget.value })}
                />
                <FieldProblem state={form} path={`[${index}].value`} />
              </div>
              <div class="rule-actions">
                <button
                  type="button"
                  class="secondary move-up"
                  aria-label={`${t('pipelines.up')}: ${label}`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1, true)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="secondary move-down"
                  aria-label={`${t('pipelines.down')}: ${label}`}
                  disabled={index === rules.length - 1}
                  onClick={() => move(index, index + 1, true)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('app.remove')}: ${label}`}
                  onClick={() => setRules(rules.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p class="sr-only" role="status">
        {announce}
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            setRules([...rules, { pipeline: pipelines[0]?.name ?? '', param: 'pool', value: '' }])
          }
        >
          {t('app.add')}
        </button>
        <button type="button" disabled={form.saving} onClick={() => void form.save()}>
          {t('app.save')}
        </button>
      </div>
      <SaveResult state={form} />
    </div>
  );
}
