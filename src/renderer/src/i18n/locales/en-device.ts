import { type koDevice } from './ko-device'

/** English strings of this PC's copy: sign-out choices, wipe notice, external links, idle lock. */
export const enDevice: typeof koDevice = {
  device: {
    signOut: {
      title: 'Sign out',
      intro: 'Choose what happens to the customer data stored on this PC.',
      keep: "Keep this PC's copy",
      keepBody: 'Sign in with the same account later and continue at once, without downloading again. The copy stays encrypted.',
      remove: "Remove this PC's copy",
      removeBody: 'Erases the customer data, its encryption key and the sign-in from this PC. The server keeps its data.',
      pending: '{{count}} change(s) have not reached the server yet. If you keep the copy they are sent when you sign in again.',
      pendingRemove: 'Removing the copy permanently loses {{count}} unsent change(s). To confirm, type {{count}} below.',
      confirmCount: 'Number of changes that will be lost',
      cancel: 'Cancel',
      working: 'Working…',
    },
    wiped: {
      title: "This PC's copy was erased",
      body: 'An administrator revoked this PC and asked for its data to be erased. The customer data, its encryption key and the sign-in were removed from this PC.',
    },
    removed: "This PC's copy was removed.",
    externalLink: {
      title: 'Leave the app',
      body: 'This opens the following address in your browser or another program. Check that it is where you want to go.',
      open: 'Open',
      cancel: 'Cancel',
      joinMeeting: 'Open the meeting link',
      kinds: { web: 'Web site', mail: 'Send e-mail', phone: 'Call' },
    },
    idleLock: {
      settingTitle: 'Lock when away',
      enabled: 'Lock the window after a time without use',
      minutes: 'Minutes before locking',
      save: 'Save',
      saved: 'Saved.',
      lockedTitle: 'The window is locked',
      lockedBody: '{{name}}, enter your sign-in password to continue.',
      password: 'Password',
      unlock: 'Unlock',
      wrongPassword: 'The password is not correct.',
      noVerifier: 'This PC has no unlock information. Sign in again.',
      signOut: 'Sign out',
    },
  },
}
