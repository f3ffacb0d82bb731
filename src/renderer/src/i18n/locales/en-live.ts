/** English strings of live screens (spread into en.ts; same keys as ko-live.ts). */
export const enLive = {
  live: {
    someone: 'Someone',
    notices: 'Notices',
    dismiss: 'OK',
    edit: {
      title: '{{name}} changed this record',
      summary: '{{when}} · changed: {{fields}}. What you typed is still here.',
      theirs: 'New value',
      mine: 'Yours',
      keepMine: 'Keep mine',
      takeTheirs: 'Take the new value',
      taken: 'Fields you had not touched now show the new value: {{fields}}',
      empty: '(empty)',
    },
    rows: {
      added: '{{section}} “{{name}}” added',
      removed: '{{section}} “{{name}}” removed',
      field: '{{section}} “{{name}}” · {{field}}',
      position: 'order',
      present: 'present',
      unnamed: '(no name)',
    },
    gone: {
      title: 'The record you had open is no longer available',
      body: 'Someone deleted it or it left your scope (reassigned, removed from the project team). It has been closed.',
    },
    roster: {
      conflict: "{{winnerName}}'s {{winner}} came later and is shown. {{loserName}}'s {{loser}} is kept as a conflict in the sync review.",
      conflictBadge: 'Conflict · {{loserName}}: {{loser}}',
    },
  },
}
