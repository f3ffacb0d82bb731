/** English texts of the instructor double bookings the server records across projects (issue 16); same keys as ko-clashes.ts. */
export const enClashes = {
  serverClashes: {
    title: 'Instructor double bookings (all projects, checked by the server)',
    item: '{{instructor}} · {{date}} {{time}} overlap: {{mine}} ↔ {{other}}',
    side: '{{project}} {{label}} ({{time}})',
    otherProject: 'another project',
    coordinator: 'coordinator {{name}}',
    checkedAt: 'Checked by the server at {{time}}',
    notChecked: 'Not yet checked by the server',
    classNotChecked: "This class's changes are not yet checked by the server (checked after the next sync)",
    unchecked: '{{count}} classes changed since the last sync are not yet checked by the server',
    none: 'No instructor is booked twice, other projects included.',
    badge: 'Double-booked',
    badgeHint: "The server compared all projects and recorded an overlap of this class's instructor",
    serverTag: 'server',
    otherHidden: "Another project's name is shown only to the people who run it.",
  },
}
