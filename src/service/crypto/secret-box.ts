import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// CRM credentials and webhook secrets at rest (service.md §1, CALLMATRIX_SECRET_KEY):
// AES-256-GCM, a fresh 96-bit nonce per seal, the tag checked on open so a
// tampered or foreign blob is refused rather than decrypted into garbage.

const VERSION = 'v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== KEY_BYTES) {
      throw new SecretKeyError(
        `CALLMATRIX_SECRET_KEY must be ${KEY_BYTES} bytes (base64), got ${key.length}: generate one with \`openssl rand -base64 32\``,
      );
    }
    this.key = Buffer.from(key);
  }

  /** From CALLMATRIX_SECRET_KEY's text: 32 random bytes, base64. */
  static fromBase64(text: string): SecretBox {
    return new SecretBox(Buffer.from(text.trim(), 'base64'));
  }

  /** `v1.` + base64(nonce ‖ tag ‖ ciphertext). `context` (the project id) is bound as associated data, so a blob cannot be moved to another project. */
  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Throws SecretKeyError when the blob was sealed with another key or context, or was altered. */
  open(sealed: string, context: string): string {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || payload === undefined)
      throw new SecretKeyError('sealed secrets: unknown format');
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < NONCE_BYTES + TAG_BYTES)
      throw new SecretKeyError('sealed secrets: truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        'sealed secrets cannot be opened: CALLMATRIX_SECRET_KEY differs from the key they were stored with, or the data was altered',
      );
    }
  }
}

export function generateSecretKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
