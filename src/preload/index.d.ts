import { type CrmApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Exposed by src/preload/index.ts in Electron, by the dev/test harness bridge in a browser. */
    readonly crm: CrmApi
  }
}

export {}
