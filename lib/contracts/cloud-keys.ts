// Cloud connection keys (a port's cloud information: an AWS/Azure service key, a pairing key) are
// secrets: whole only for those who may change them; anyone else (viewer, billing, view-only
// support) sees the last 4 characters; the append-only audit log keeps a fingerprint, never the key.
import crypto from 'node:crypto';
import type { OptionAttributes } from '@/db/schema';

const SHOWN = 4;

/** The key as shown to someone who may not change it: its last 4 characters (none of a key of 8 or fewer). */
export function maskKey(key: string | undefined): string {
  if (!key) return '';
  const tail = key.length > 2 * SHOWN ? key.slice(-SHOWN) : '';
  return `${'•'.repeat(8)}${tail}`;
}

/** A key's fingerprint for the audit log: the first 12 hex digits of its SHA-256 (tells edits apart, reveals nothing). */
export function keyFingerprint(key: string | undefined): string | undefined {
  return key ? `sha256:${crypto.createHash('sha256').update(key).digest('hex').slice(0, 12)}` : undefined;
}

/** Attributes as the audit log keeps them: the connection key replaced by its fingerprint. */
export function auditedAttributes(attributes: OptionAttributes): OptionAttributes {
  if (!attributes.cloudConnectionKey) return attributes;
  return { ...attributes, cloudConnectionKey: keyFingerprint(attributes.cloudConnectionKey) };
}

/**
 * Attributes as kept in records that are never edited again (item history, issued statements'
 * inputs): without the connection key, which no bill or history needs.
 */
export function withoutKey(attributes: OptionAttributes): OptionAttributes {
  if (!('cloudConnectionKey' in attributes)) return attributes;
  const { cloudConnectionKey: _key, ...rest } = attributes;
  return rest;
}

/** Attributes as someone sees them: whole for who may change them, the key masked for anyone else. */
export function attributesFor<T extends { attributes: OptionAttributes }>(row: T, mayChange: boolean): T {
  if (mayChange || !row.attributes.cloudConnectionKey) return row;
  return { ...row, attributes: { ...row.attributes, cloudConnectionKey: maskKey(row.attributes.cloudConnectionKey) } };
}
