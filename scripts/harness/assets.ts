/**
 * Where a prebuilt renderer folder keeps the harness's window.crm bridge (scripts/harness/bridge.ts built as a
 * classic script), so harnesses started from it need no build — and no import of vite — of their own.
 */
export const BRIDGE_FILE = 'harness-bridge.js'
