/**
 * Shape checks for PEM text (RFC 7468), so a swapped, truncated or path-instead-of-contents
 * certificate or key fails when the client is built rather than deep inside a TLS handshake.
 * Nothing here decodes or holds the key.
 */

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);
const PRIVATE_KEY_LABELS = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY']);

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
// Legacy encrypted keys carry `Proc-Type:` / `DEK-Info:` header lines before the base64.
const HEADER_LINE = /^[A-Za-z-]+:[^\n]*$/gm;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Labels of the well-formed PEM blocks in `text`; an empty list when there are none. */
function pemLabels(text: string): string[] {
  const labels: string[] = [];
  for (const [, label, body] of text.matchAll(BLOCK)) {
    const base64 = body!.replace(HEADER_LINE, '').replace(/\s+/g, '');
    if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) return [];
    labels.push(label!);
  }
  return labels;
}

/** One or more certificates (a chain or a CA bundle), and nothing else. */
export function isPemCertificates(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const labels = pemLabels(text);
  return labels.length > 0 && labels.every((label) => CERTIFICATE_LABELS.has(label));
}

/** Exactly one private key. */
export function isPemPrivateKey(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const labels = pemLabels(text);
  return labels.length === 1 && PRIVATE_KEY_LABELS.has(labels[0]!);
}
