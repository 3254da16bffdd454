/** A self-signed certificate for 127.0.0.1 (SAN IP), as the Azure SDK refuses plain http for bearer tokens. */
import { generate } from 'selfsigned';

/** PEM key + certificate for the fake server. */
export interface FakeCert {
  readonly key: string;
  readonly cert: string;
}

/** Generate a fresh cert; ~0.2 s, so servers share one per test file. */
export async function makeCert(): Promise<FakeCert> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
