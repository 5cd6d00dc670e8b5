import { problemsFromZod } from '../../domain/problems.js';
import { formRecord } from '../common/form.js';
import type { Source } from '../common/source.js';
import { mapNotification } from './map.js';
import { NotificationSchema, ZadarmaSettingsSchema, type ZadarmaSettings } from './schema.js';
import { SignatureRecord } from './replay.js';
import { verifyZadarma } from './signature.js';

// POST /v1/projects/{project}/sources/zadarma (service.md §4); the GET URL check is ./echo.ts.

export const zadarma: Source<ZadarmaSettings> = {
  name: 'zadarma',
  settings: ZadarmaSettingsSchema,

  verify(raw, headers, settings) {
    return verifyZadarma(raw, headers, settings.apiSecret);
  },

  parse(raw, settings, { receivedAt, timezone }) {
    const parsed = NotificationSchema.safeParse(formRecord(raw));
    if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
    return {
      ok: true,
      value: mapNotification(parsed.data, {
        receivedAt,
        timezone: settings.timezone ?? timezone,
        recordingUrl: settings.recordingUrl,
      }),
    };
  },

  // An empty 200 lets the call go on as the PBX routes it (no `redirect` steering).
  acknowledgement: { status: 200, contentType: 'text/plain; charset=utf-8', body: '' },

  // The signature covers a few fields only: each is bound to the call it was first accepted for.
  replayGuard: () => new SignatureRecord(),
};

export { zadarmaEcho } from './echo.js';
