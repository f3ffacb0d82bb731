/** Headless Chromium for e2e tests (docs field notes: the Debian chromium package + fonts-nanum for Hangul). */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots')

/**
 * What a test file gets from launchChromium: contexts of its own, closed by close(). The Chromium process under them
 * is shared by every file of a worker (the e2e project keeps modules across files, isolate: false): starting and
 * stopping one cost 0.5–1 s per file on the loaded CI machine. Contexts share nothing (cookies, storage, cache), so
 * files stay as separate as with a browser each.
 */
export interface Browser {
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
  /** Closes this file's contexts (and their pages); the shared Chromium stays for the next file. */
  close(): Promise<void>
}

let shared: Promise<PlaywrightBrowser> | null = null

/** The worker's Chromium, started again if an earlier file's crash took it down. */
async function sharedChromium(): Promise<PlaywrightBrowser> {
  const current = shared ? await shared.catch(() => null) : null
  if (current?.isConnected()) return current
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run "apt-get install -y chromium fonts-nanum" (or set CHROMIUM_PATH)`)
  }
  shared = chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  return shared
}

export async function launchChromium(): Promise<Browser> {
  const chromiumProcess = await sharedChromium()
  const contexts = new Set<BrowserContext>()
  return {
    async newContext(options) {
      const context = await chromiumProcess.newContext(options)
      contexts.add(context)
      context.once('close', () => contexts.delete(context))
      return context
    },
    async close() {
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)))
    },
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Console errors and uncaught exceptions, including CSP violations (Chromium reports those on the console). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
