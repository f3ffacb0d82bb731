/**
 * The small static page shown when the replica cannot be opened (a damaged or foreign file, a full disk): what is
 * wrong and the ways out, in Korean and English side by side (main has no i18n runtime, and the person reading this
 * may be support staff). No script runs in it: each choice is an in-page link (#retry, #rebuild, #export) that the
 * main process hears as `did-navigate-in-page`, so the page needs neither a preload nor IPC.
 */
import { type ReplicaFailureKind } from '../db/replica-health'

export const RECOVERY_ACTIONS = ['retry', 'rebuild', 'export'] as const
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number]

export interface RecoveryProblem {
  readonly kind: ReplicaFailureKind
  /** SQLite's or the OS's own message, shown small for support. */
  readonly detail: string
  /** For a full disk: how many MB must be freed (null when unknown). */
  readonly neededMb?: number | null
  /** A line shown after an action (the export's file, a failed retry). */
  readonly notice?: { readonly ko: string; readonly en: string } | null
}

interface Text {
  readonly title: string
  readonly body: string
}

function describe(problem: RecoveryProblem): { ko: Text; en: Text } {
  switch (problem.kind) {
    case 'disk-full': {
      const mb = problem.neededMb ?? null
      return {
        ko: {
          title: mb === null ? '디스크가 가득 찼습니다' : `디스크가 가득 찼습니다: ${mb} MB가 더 필요합니다`,
          body: '이 PC의 데이터 파일을 열려면 저장 공간이 더 필요합니다. 파일을 정리해 공간을 확보한 뒤 다시 시도하세요. 보내지 않은 변경은 그대로 있습니다.',
        },
        en: {
          title: mb === null ? 'Disk full' : `Disk full: ${mb} MB needed`,
          body: "This PC's data file needs more free space to open. Free some space, then try again. Changes not yet sent are still in the file.",
        },
      }
    }
    case 'not-a-database':
      return {
        ko: {
          title: '이 PC의 데이터 파일을 읽을 수 없습니다',
          body: '데이터 파일을 이 PC의 암호화 키로 열 수 없습니다. 다른 프로그램이나 백업 도구가 파일을 덮어썼거나 파일 앞부분이 손상된 경우입니다. 서버에서 이 PC의 사본을 다시 받을 수 있습니다. 현재 파일은 지우지 않고 옆에 보관합니다.',
        },
        en: {
          title: "This PC's data file cannot be read",
          body: "This PC's key does not open the data file: another program or a backup tool overwrote it, or its beginning is damaged. You can rebuild this PC's copy from the server; the current file is kept aside, not deleted.",
        },
      }
    case 'damaged':
      return {
        ko: {
          title: '이 PC의 데이터 파일이 손상되었습니다',
          body: '파일 일부가 손상되어 열 수 없습니다(쓰는 도중 복사된 백업, 동기화 폴더, 디스크 오류 등). 서버에서 다시 받으면 읽을 수 있는 보내지 않은 변경은 보존되어 다시 전송됩니다. 먼저 읽을 수 있는 내용을 파일로 내보낼 수도 있습니다.',
        },
        en: {
          title: "This PC's data file is damaged",
          body: 'Part of the file is damaged and it cannot be opened (a backup copied mid-write, a synced folder, a disk error). Rebuilding from the server keeps every readable unsent change and sends it again. You can first export what is still readable to a file.',
        },
      }
    default:
      return {
        ko: { title: '데이터 파일을 열 수 없습니다', body: '다시 시도하거나, 서버에서 이 PC의 사본을 다시 받으세요.' },
        en: { title: 'The data file cannot be opened', body: "Try again, or rebuild this PC's copy from the server." },
      }
  }
}

const ACTION_LABELS: Record<RecoveryAction, { ko: string; en: string }> = {
  retry: { ko: '다시 시도', en: 'Try again' },
  rebuild: { ko: '서버에서 다시 받기', en: 'Rebuild from the server' },
  export: { ko: '읽을 수 있는 내용 내보내기', en: 'Export what is readable' },
}

const FREE_SPACE_AND_RETRY = { ko: '공간 확보 후 다시 시도', en: 'Free space and retry' }

/** Which choices make sense for each problem (first = the suggested one). */
export function actionsFor(kind: ReplicaFailureKind): readonly RecoveryAction[] {
  if (kind === 'disk-full') return ['retry', 'export']
  return ['rebuild', 'export', 'retry']
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** No scripts, no remote anything: the page's own CSP says so. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

export function renderRecoveryPage(problem: RecoveryProblem): string {
  const text = describe(problem)
  const actions = actionsFor(problem.kind)
    .map((action, i) => {
      const label = action === 'retry' && problem.kind === 'disk-full' ? FREE_SPACE_AND_RETRY : ACTION_LABELS[action]
      return `<a class="action${i === 0 ? ' primary' : ''}" href="#${action}" id="action-${action}">${escapeHtml(label.ko)}<span>${escapeHtml(label.en)}</span></a>`
    })
    .join('')
  const notice = problem.notice ? `<p class="notice" role="status">${escapeHtml(problem.notice.ko)}<br><span>${escapeHtml(problem.notice.en)}</span></p>` : ''
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<title>CRM AUGU — ${escapeHtml(text.ko.title)}</title>
<style>
body{font-family:"Pretendard","Noto Sans KR","Malgun Gothic",system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1f2430}
main{max-width:640px;margin:48px auto;background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:32px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;font-weight:500;color:#5b6474;margin:0 0 16px}
p{line-height:1.6;margin:0 0 8px}p.en{color:#5b6474;font-size:14px;margin-bottom:24px}
.actions{display:flex;flex-wrap:wrap;gap:8px}
.action{display:inline-flex;flex-direction:column;padding:10px 16px;border:1px solid #c5ccd8;border-radius:6px;color:#1f2430;text-decoration:none;font-weight:600}
.action span{font-weight:400;font-size:12px;color:#5b6474}.action.primary{background:#2456d3;border-color:#2456d3;color:#fff}.action.primary span{color:#dfe7ff}
.notice{margin-top:20px;padding:12px;background:#eef4ff;border-radius:6px}.notice span{color:#5b6474;font-size:13px}
code{display:block;margin-top:24px;font-size:12px;color:#8a93a3;word-break:break-all}
</style></head>
<body><main data-problem="${problem.kind}">
<h1>${escapeHtml(text.ko.title)}</h1><h2 lang="en">${escapeHtml(text.en.title)}</h2>
<p>${escapeHtml(text.ko.body)}</p><p class="en" lang="en">${escapeHtml(text.en.body)}</p>
<nav class="actions">${actions}</nav>${notice}
<code>${escapeHtml(problem.detail)}</code>
</main></body></html>`
}

/** The action an in-page navigation asked for (…/#rebuild), or null. */
export function actionFromUrl(url: string): RecoveryAction | null {
  const hash = url.slice(url.indexOf('#') + 1)
  return url.includes('#') && (RECOVERY_ACTIONS as readonly string[]).includes(hash) ? (hash as RecoveryAction) : null
}
