import { chromium, type Browser } from 'playwright-core'

/**
 * The system Chromium, headless, with everything that phones home or needs a GPU turned off,
 * and fake media devices for the video tests.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // A live fake camera and microphone (a test pattern and a beep), allowed without asking.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  })
}
