/**
 * The harness's stand-in for the Electron preload, served to the page as /__crm/bridge.js (an IIFE built by vite).
 * Same `createCrmApi` as src/preload/index.ts; only the transport differs: each call is POST /__crm/<channel>.
 */
import { createCrmApi } from '../../src/shared/ipc/api'

const crm = createCrmApi(async (channel, input) => {
  const response = await fetch(`/__crm/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  })
  return response.json()
})

// Like contextBridge: a frozen object on a non-writable property.
Object.defineProperty(globalThis, 'crm', { value: crm, writable: false, configurable: false, enumerable: true })
