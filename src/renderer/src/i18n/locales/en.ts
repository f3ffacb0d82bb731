import { type Translation } from './ko'
import { enCustomers, enRecordErrors } from './en-customers'
import { enSales, enSalesErrors } from './en-sales'
import { enTraining, enTrainingErrors } from './en-training'
import { enTrainingOps } from './en-training-ops'
import { enContracts } from './en-contracts'
import { enKpi, enKpiErrors } from './en-kpi'
import { enProducts, enProductsErrors } from './en-products'
import { enTransfer, enTransferErrors } from './en-transfer'
import { enAdmin, enAdminErrors } from './en-admin'
import { enAccounts, enAccountsErrors } from './en-accounts'
import { enMeetings, enMeetingsErrors } from './en-meetings'
import { enFiles, enFilesErrors } from './en-files'
import { enDashboard } from './en-dashboard'
import { enDevice } from './en-device'
import { enReplica } from './en-replica'
import { enLive } from './en-live'
import { enEveryday } from './en-everyday'
import { enLabels } from './en-labels'
import { enExports } from './en-exports'
import { enEditing } from './en-editing'
import { enClashes } from './en-clashes'

export const en: Translation = {
  app: {
    name: 'CRM AUGU',
    tagline: 'CRM for HRD sales and training operations',
  },
  nav: {
    label: 'Main menu',
    dashboard: 'Dashboard',
    companies: 'Companies',
    leads: 'Leads',
    opportunities: 'Opportunities',
    projects: 'Projects',
    contracts: 'Contracts',
    training: 'Training',
    meetings: 'Meetings',
    products: 'Products',
    kpi: 'KPI',
    admin: 'Admin',
  },
  firstRun: {
    title: 'Welcome to CRM AUGU',
    subtitle: 'Choose how to start. You can change this later under Admin.',
    demo: {
      title: 'Start with demo data (offline)',
      body: 'Explore right away with fictional companies, leads and training projects. Stored on this PC only, no server.',
      action: 'Start demo',
    },
    server: {
      title: 'Sign in to your company sync server',
      body: 'Sign in with your company account to download your records to this PC and keep working offline.',
      action: 'Enter sign-in details',
    },
    login: {
      title: 'Sign in to your company sync server',
      serverUrl: 'Server address',
      serverUrlHint: 'e.g. https://sync.example.com',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      back: 'Back',
    },
  },
  shell: {
    demoBadge: 'Demo',
    signOut: 'Sign out',
    confirmSignOut:
      '{{count}} change(s) have not reached the server yet. They stay on this PC and are sent when you sign in again with the same account. Sign out?',
  },
  language: {
    label: 'Language',
    ko: '한국어',
    en: 'English',
  },
  sync: {
    label: 'Sync status',
    online: 'Online',
    offline: 'Offline',
    localOnly: 'Local only',
    connecting: 'Connecting',
    syncing: 'Syncing…',
    pending: '{{count}} change(s) to send',
    pendingNone: 'Nothing to send',
    rejected: '{{count}} rejected change(s)',
    conflicts: '{{count}} conflict(s)',
    needsSignIn: 'Sign in again to sync',
    needsUpdate: 'Update the app to sync',
    diskFull: 'Disk full: {{count}} MB needed. Sync resumes once space is freed',
    retrying: 'Retrying at {{time}}',
    lastSynced: 'Last synced {{when}}',
    neverSynced: 'Not synced yet',
    justNow: 'just now',
    syncNow: 'Sync now',
    unknown: 'Checking status…',
  },
  common: {
    loading: 'Loading…',
    dismiss: 'Dismiss',
  },
  ...enCustomers,
  ...enSales,
  ...enTraining,
  ...enTrainingOps,
  ...enContracts,
  ...enKpi,
  ...enProducts,
  ...enTransfer,
  ...enAdmin,
  ...enAccounts,
  ...enMeetings,
  ...enFiles,
  ...enDashboard,
  ...enDevice,
  ...enReplica,
  ...enLive,
  ...enEveryday,
  ...enLabels,
  ...enExports,
  ...enEditing,
  ...enClashes,
  errors: {
    ...enRecordErrors,
    ...enSalesErrors,
    ...enTrainingErrors,
    ...enKpiErrors,
    ...enProductsErrors,
    ...enTransferErrors,
    ...enAdminErrors,
    ...enAccountsErrors,
    ...enMeetingsErrors,
    ...enFilesErrors,
    ipc: {
      invalidInput: 'Please check your input. ({{field}})',
      unknownChannel: 'Unknown request.',
      forbiddenSender: 'Request refused: it did not come from the app.',
      unavailable: 'The app could not reach its own back end. Please restart the app.',
    },
    internal: 'Something unexpected went wrong. If it keeps happening, contact your administrator.',
    app: {
      urlNotAllowed: 'This address cannot be opened.',
    },
    session: {
      alreadyStarted: 'A session has already been started.',
      invalidCredentials: 'The email or password is not correct.',
      forbidden: 'This account cannot sign in on this PC. Please contact your administrator.',
      serverUnreachable: 'Cannot reach the sync server. Check the address and your network.',
      serverError: 'The sync server could not handle the request. Please try again shortly.',
      diskFull: 'This PC does not have enough free disk space to download the data. Free some space and try again.',
      rateLimited: 'Too many sign-in attempts. Try again in {{seconds}} seconds.',
      versionMismatch: 'This app version does not match the server. Please update the app.',
      otherUserPending:
        '{{pending}} change(s) ({{rejected}} rejected) of {{email}} are still on this PC. Sign in as that account and sync before using another account.',
      unsyncedChanges: '{{count}} change(s) have not reached the server yet.',
      deviceWiped: "An administrator revoked this PC and asked for its data to be erased; this PC's copy was erased.",
    },
    secrets: {
      encryptionUnavailable: 'Your sign-in could not be encrypted on this PC, so it was not saved.',
    },
    sync: {
      notSignedIn: 'Sign in to your company server to sync.',
      signInAgain: 'Your sign-in has expired. Sign in again to continue syncing; your changes are safe on this PC.',
      appOutdated: 'This app version can no longer sync. Please update the app.',
      offline: 'You are offline. Your changes are safely stored on this PC.',
      failed: 'Sync failed. It will be retried shortly.',
    },
  },
}
