import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Schemas } from '../api';
import { useI18n } from '../i18n';

// Before an activation is confirmed: how many waiting events it sends, expires
// (their call began before the resend window) or, without resend, skips.

export function ResendPreview(props: {
  readonly api: ApiClient;
  readonly project: string;
  readonly resend: boolean;
  /** Events waiting now: the preview is read again when it changes. */
  readonly pending: number;
}) {
  const { t } = useI18n();
  const [preview, setPreview] = useState<Schemas['ResendPreview'] | null>(null);
  const { api, project, pending } = props;
  useEffect(() => {
    void api
      .GET('/v1/projects/{project}/integration/resend-preview', {
        params: { path: { project } },
      })
      .then(({ data }) => setPreview(data ?? null));
  }, [api, project, pending]);

  if (!props.resend)
    return <p class="resend-preview">{t('overview.skipCount', { count: pending })}</p>;
  if (!preview) return <p class="resend-preview">{t('app.loading')}</p>;
  return (
    <p class="resend-preview">
      {t('overview.resendCount', { count: preview.resend.events })}
      {preview.expire.events > 0 &&
        ` ${t('overview.expireCount', { count: preview.expire.events, start: preview.windowStart })}`}
    </p>
  );
}
