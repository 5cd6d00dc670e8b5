import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import {
  ACTIONS,
  allConditions,
  CONDITION_GROUPS,
  cellOf,
  isTaskAction,
  resetCell,
  sameCell,
  setOptions,
  toggleCell,
  type Action,
  type Condition,
  type ConditionGroup,
  type Matrix,
} from '../lib/matrix';

// Rows = conditions in their groups, columns = actions; a cell is a checkbox and, for a task,
// an options popover. Arrow keys move between cells (one tab stop for the grid).

const ROWS: Condition[] = allConditions();

export function MatrixGrid(props: {
  draft: Matrix;
  defaults: Matrix;
  invalid: Map<string, string>;
  onChange: (next: Matrix) => void;
}) {
  const { t } = useI18n();
  const { draft, defaults } = props;
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const [open, setOpen] = useState<{ condition: Condition; action: Action } | null>(null);

  const move = (event: KeyboardEvent, row: number, col: number) => {
    const next = { row, col };
    if (event.key === 'ArrowDown') next.row = Math.min(ROWS.length - 1, row + 1);
    else if (event.key === 'ArrowUp') next.row = Math.max(0, row - 1);
    else if (event.key === 'ArrowRight') next.col = Math.min(ACTIONS.length - 1, col + 1);
    else if (event.key === 'ArrowLeft') next.col = Math.max(0, col - 1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      const condition = ROWS[row]!;
      const action = ACTIONS[col]!;
      if (cellOf(draft, condition, action)) setOpen({ condition, action });
      return;
    } else return;
    event.preventDefault();
    setFocus(next);
    document.getElementById(`cell-${next.row}-${next.col}`)?.focus();
  };

  return (
    <div class="scroll">
      <table class="matrix" aria-label={t('matrix.title')}>
        <thead>
          <tr>
            <th scope="col">{t('matrix.condition')}</th>
            {ACTIONS.map((action) => (
              <th scope="col" key={action} title={t(`action.${action}`)}>
                <span class="col-label">{t(`action.${action}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {(Object.keys(CONDITION_GROUPS) as ConditionGroup[]).map((group) => (
          <tbody key={group}>
            <tr class="group">
              <th scope="rowgroup" colSpan={ACTIONS.length + 1}>
                {t(`group.${group}`)}
              </th>
            </tr>
            {CONDITION_GROUPS[group].map((condition) => {
              const row = ROWS.indexOf(condition);
              return (
                <tr key={condition} data-condition={condition}>
                  <th scope="row">{t(`condition.${condition}`)}</th>
                  {ACTIONS.map((action, col) => {
                    const cell = cellOf(draft, condition, action);
                    const byDefault = cellOf(defaults, condition, action);
                    const label = t('matrix.cell', {
                      condition: t(`condition.${condition}`),
                      action: t(`action.${action}`),
                    });
                    const problem = props.invalid.get(`${condition}|${action}`);
                    const differs = !sameCell(cell, byDefault);
                    return (
                      <td
                        key={action}
                        data-action={action}
                        class={[
                          byDefault ? 'default' : '',
                          differs ? 'changed' : '',
                          problem ? 'invalid' : '',
                        ].join(' ')}
                        title={problem ?? (byDefault ? t('matrix.defaultTicked') : undefined)}
                      >
                        <input
                          id={`cell-${row}-${col}`}
                          type="checkbox"
                          aria-label={label}
                          aria-invalid={problem !== undefined}
                          tabIndex={focus.row === row && focus.col === col ? 0 : -1}
                          checked={cell !== undefined}
                          onFocus={() => setFocus({ row, col })}
                          onKeyDown={(e) => move(e, row, col)}
                          onChange={() =>
                            props.onChange(toggleCell(draft, defaults, condition, action))
                          }
                        />
                        {cell && isTaskAction(action) && (
                          <button
                            type="button"
                            class="cell-options"
                            tabIndex={-1}
                            aria-label={t('matrix.optionsOf', { cell: label })}
                            onClick={() => setOpen({ condition, action })}
                          >
                            ⋯
                          </button>
                        )}
                        {open?.condition === condition && open.action === action && (
                          <CellPopover
                            label={label}
                            draft={draft}
                            defaults={defaults}
                            condition={condition}
                            action={action}
                            problem={problem}
                            onChange={props.onChange}
                            onClose={() => {
                              setOpen(null);
                              document.getElementById(`cell-${row}-${col}`)?.focus();
                            }}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function CellPopover(props: {
  label: string;
  draft: Matrix;
  defaults: Matrix;
  condition: Condition;
  action: Action;
  problem: string | undefined;
  onChange: (next: Matrix) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { draft, condition, action } = props;
  const cell = cellOf(draft, condition, action);
  const task = isTaskAction(action);
  const update = (options: Parameters<typeof setOptions>[3]) =>
    props.onChange(setOptions(draft, condition, action, options));
  const id = `pop-${condition}-${action}`.replace(/\./g, '-');
  return (
    <div
      class="popover"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
        e.stopPropagation();
      }}
    >
      <p id={`${id}-title`} class="pop-title">
        {t('matrix.optionsOf', { cell: props.label })}
      </p>
      {!task || !cell ? (
        <p class="muted">{t('matrix.noOptions')}</p>
      ) : (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={cell.done === true}
              onChange={(e) => update({ done: e.currentTarget.checked })}
            />
            {t('matrix.done')}
          </label>
          <label for={`${id}-due`}>{t('matrix.dueHours')}</label>
          <input
            id={`${id}-due`}
            type="number"
            min={0}
            step={1}
            value={cell.dueHours ?? ''}
            onInput={(e) => {
              const raw = e.currentTarget.value;
              update({ dueHours: raw === '' ? undefined : Number(raw) });
            }}
          />
          <label for={`${id}-title-input`}>{t('matrix.taskTitle')}</label>
          <input
            id={`${id}-title-input`}
            value={cell.title ?? ''}
            onInput={(e) => update({ title: e.currentTarget.value })}
          />
        </>
      )}
      {props.problem && (
        <p class="error" role="alert">
          {props.problem}
        </p>
      )}
      <button
        type="button"
        class="secondary"
        onClick={() => props.onChange(resetCell(draft, props.defaults, condition, action))}
      >
        {t('matrix.resetCell')}
      </button>
      <button type="button" autoFocus onClick={props.onClose}>
        {t('matrix.close')}
      </button>
    </div>
  );
}
