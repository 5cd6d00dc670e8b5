import { useI18n } from '../../i18n';
import type { SaveForm } from './save-form';

type Outcome = Pick<SaveForm<unknown>, 'problems' | 'message' | 'failed'>;

/** The refusal (role=alert), or "Saving…" / "Saved" (role=status) under a settings section. */
export function SaveResult(props: { state: Outcome }) {
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
export function FieldProblem(props: { state: Outcome; path: string; id?: string }) {
  const message = props.state.problems.get(props.path);
  return message ? (
    <span class="field-error" id={props.id}>
      {message}
    </span>
  ) : null;
}

/** What a section shows until its value is read: "Loading…", or why it could not be. */
export function NotLoaded(props: { form: Pick<SaveForm<unknown>, 'loadError'> }) {
  const { t } = useI18n();
  return props.form.loadError ? (
    <p class="error" role="alert">
      {props.form.loadError}
    </p>
  ) : (
    <p>{t('app.loading')}</p>
  );
}
