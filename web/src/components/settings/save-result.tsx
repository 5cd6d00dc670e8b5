import type { SaveState } from './save-state';

/** The refusal (role=alert) or "Saved" (role=status) under a settings section. */
export function SaveResult(props: { state: SaveState }) {
  const { state } = props;
  if (!state.message) return null;
  return state.failed ? (
    <p class="error" role="alert">
      {state.message}
    </p>
  ) : (
    <p class="notice" role="status">
      {state.message}
    </p>
  );
}

/** The API's problem at one field, shown next to it. */
export function FieldProblem(props: { state: SaveState; path: string; id?: string }) {
  const message = props.state.problems.get(props.path);
  return message ? (
    <span class="field-error" id={props.id}>
      {message}
    </span>
  ) : null;
}
