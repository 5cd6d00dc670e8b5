import { SingleFlight } from '../http/single-flight.js';
import type { RetailcrmClient } from './client.js';

/** Call events and uploads need the integration's telephony module (§3.8); registered once per adapter. */
export class TelephonyModule {
  private readonly flight = new SingleFlight<void>();
  private ready = false;

  constructor(
    private readonly client: RetailcrmClient,
    private readonly code: string,
  ) {}

  ensure(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return this.flight.run(async () => {
      const code = this.code;
      await this.client.post(`/api/v5/integration-modules/${encodeURIComponent(code)}/edit`, {
        integrationModule: {
          code,
          integrationCode: code,
          active: true,
          name: 'Callmatrix',
          clientId: code,
          integrations: {
            telephony: {
              allowEdit: false,
              inputEventSupported: true,
              outputEventSupported: true,
              hangupEventSupported: true,
            },
          },
        },
      });
      this.ready = true;
    });
  }
}
