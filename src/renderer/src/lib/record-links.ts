/**
 * "Open this record": search results, duplicate warnings and timelines link to records that other screens own. A
 * window event keeps features independent: the app shell switches the screen, the owning feature selects the record.
 */
export interface RecordLink {
  readonly screen: 'companies' | 'leads' | 'meetings' | 'opportunities' | 'projects' | 'training' | 'contracts'
  /** The company page to open (companies screen). */
  readonly companyId?: string
  /** The contact to open on its company's page (companies screen, with companyId). */
  readonly contactId?: string
  /** The lead to open (leads screen). */
  readonly leadId?: string
  /** The meeting to open (meetings screen). */
  readonly meetingId?: string
  /** The opportunity whose detail to open (opportunities screen). */
  readonly opportunityId?: string
  /** The project page to open (projects screen). */
  readonly projectId?: string
  /** The contract page to open (contracts screen). */
  readonly contractId?: string
  /** The class roster to open (training screen). */
  readonly classId?: string
}

const EVENT = 'crm:open-record'

/**
 * Screens load on first use (app/screens.ts), so the feature that owns a linked record may start listening only after
 * the link was sent. The last link is kept for a moment and replayed to listeners that register within it; each
 * listener ignores links for other screens.
 */
const REPLAY_MS = 10_000
let recent: { readonly link: RecordLink; readonly at: number } | null = null

export function openRecord(link: RecordLink): void {
  recent = { link, at: Date.now() }
  window.dispatchEvent(new CustomEvent<RecordLink>(EVENT, { detail: link }))
}

export function onOpenRecord(listener: (link: RecordLink) => void): () => void {
  const handler = (event: Event): void => {
    if (event instanceof CustomEvent) listener(event.detail as RecordLink)
  }
  window.addEventListener(EVENT, handler)
  if (recent && Date.now() - recent.at < REPLAY_MS) {
    const { link } = recent
    queueMicrotask(() => listener(link))
  }
  return () => window.removeEventListener(EVENT, handler)
}
