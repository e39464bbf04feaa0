import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Chromium from CHROME_PATH or Debian's /usr/bin/chromium. A missing browser fails loudly with
// the install hint: an end-to-end test never skips silently.
export function chromePath(): string {
  const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install it with "apt-get install -y chromium" (Debian) or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
  }
  return candidate;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
