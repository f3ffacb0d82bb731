import { type CrmBridge } from '../shared/ipc/api'

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts in Electron, by the dev/test harness bridge in a browser. */
    readonly crm: CrmBridge
  }
}

export {}
