import { type koReplica } from './ko-replica'

/** English strings of "this PC's copy" (spread into en.ts). */
export const enReplica: typeof koReplica = {
  replica: {
    open: "This PC's copy",
    title: "This PC's copy",
    intro:
      'This PC keeps a copy of the server data so you can work offline. If the copy is damaged it can be rebuilt from the server; changes not yet sent are kept.',
    pending: 'Changes not yet sent: {{count}}',
    check: 'Full check',
    checking: 'Checking…',
    checkOk: 'The copy is sound (checked {{time}}).',
    checkFailed: 'The copy is damaged. Rebuild it from the server.',
    rebuild: "Rebuild this PC's copy",
    rebuildConfirm:
      "This PC's copy will be rebuilt from the server. The app restarts, the current file is kept aside, and the changes not yet sent ({{count}}) are kept and sent again. Continue?",
    rebuildScheduled: 'The copy will be rebuilt the next time the app starts. Restart the app.',
    restarting: 'Restarting the app…',
    notice: {
      damaged: "This PC's data file was damaged and has been rebuilt from the server.",
      requested: "This PC's copy has been rebuilt from the server, as you asked.",
      kept: 'Changes not yet sent, kept and sent again: {{count}}.',
      discarded: 'Unreadable changes that could not be recovered: {{count}}.',
      signInAgain: 'The sign-in could not be read: please sign in again.',
      setAside: 'The previous file is kept at: {{file}}',
      ok: 'OK',
    },
  },
}
