import path from 'node:path';

/** Screenshots of the main pages land here (gitignored). */
export function screenshotDir(): string {
  return path.resolve(__dirname, '../../../artifacts/screenshots');
}
