import { koCustomers, koRecordErrors } from './ko-customers'
import { koSales, koSalesErrors } from './ko-sales'
import { koTraining, koTrainingErrors } from './ko-training'
import { koTrainingOps } from './ko-training-ops'
import { koContracts } from './ko-contracts'
import { koKpi, koKpiErrors } from './ko-kpi'
import { koProducts, koProductsErrors } from './ko-products'
import { koTransfer, koTransferErrors } from './ko-transfer'
import { koAdmin, koAdminErrors } from './ko-admin'
import { koAccounts, koAccountsErrors } from './ko-accounts'
import { koMeetings, koMeetingsErrors } from './ko-meetings'
import { koFiles, koFilesErrors } from './ko-files'
import { koDashboard } from './ko-dashboard'
import { koDevice } from './ko-device'
import { koReplica } from './ko-replica'
import { koLive } from './ko-live'
import { koEveryday } from './ko-everyday'
import { koLabels } from './ko-labels'
import { koExports } from './ko-exports'
import { koEditing } from './ko-editing'
import { koClashes } from './ko-clashes'
/** Korean, the default language. The source of truth for the key set: en.ts must have exactly these keys. */
export const ko = {
  app: {
    name: 'CRM AUGU',
    tagline: 'HRD 영업·교육 운영 CRM',
  },
  nav: {
    label: '주 메뉴',
    dashboard: '대시보드',
    companies: '고객사',
    leads: '리드',
    opportunities: '영업기회',
    projects: '프로젝트',
    contracts: '계약',
    training: '교육',
    meetings: '미팅',
    products: '상품',
    kpi: 'KPI',
    admin: '관리',
  },
  firstRun: {
    title: 'CRM AUGU에 오신 것을 환영합니다',
    subtitle: '어떻게 시작할지 선택하세요. 나중에 관리 메뉴에서 바꿀 수 있습니다.',
    demo: {
      title: '데모 데이터로 시작하기 (오프라인)',
      body: '가상의 고객사·리드·교육 프로젝트로 바로 둘러봅니다. 서버 없이 이 PC에만 저장됩니다.',
      action: '데모로 시작',
    },
    server: {
      title: '회사 동기화 서버에 로그인',
      body: '회사 계정으로 로그인하면 담당 데이터를 이 PC로 내려받아 오프라인에서도 일할 수 있습니다.',
      action: '로그인 정보 입력',
    },
    login: {
      title: '회사 동기화 서버에 로그인',
      serverUrl: '서버 주소',
      serverUrlHint: '예: https://sync.example.co.kr',
      email: '이메일',
      password: '비밀번호',
      submit: '로그인',
      submitting: '로그인 중…',
      back: '뒤로',
    },
  },
  shell: {
    demoBadge: '데모',
    signOut: '로그아웃',
    confirmSignOut:
      '아직 서버로 보내지 않은 변경이 {{count}}건 있습니다. 변경 내용은 이 PC에 보관되며 같은 계정으로 다시 로그인하면 전송됩니다. 로그아웃할까요?',
  },
  language: {
    label: '언어',
    ko: '한국어',
    en: 'English',
  },
  sync: {
    label: '동기화 상태',
    online: '온라인',
    offline: '오프라인',
    localOnly: '로컬 전용',
    connecting: '연결 확인 중',
    syncing: '동기화 중…',
    pending: '보낼 변경 {{count}}건',
    pendingNone: '보낼 변경 없음',
    rejected: '거부된 변경 {{count}}건',
    conflicts: '충돌 {{count}}건',
    needsSignIn: '다시 로그인해야 동기화됩니다',
    needsUpdate: '앱을 업데이트해야 동기화됩니다',
    diskFull: '디스크 공간 부족: {{count}} MB가 더 필요합니다. 공간을 확보하면 동기화가 다시 시작됩니다',
    retrying: '{{time}}에 다시 시도',
    lastSynced: '마지막 동기화 {{when}}',
    neverSynced: '아직 동기화하지 않음',
    justNow: '방금 전',
    syncNow: '지금 동기화',
    unknown: '상태 확인 중…',
  },
  common: {
    loading: '불러오는 중…',
    dismiss: '닫기',
  },
  ...koCustomers,
  ...koSales,
  ...koTraining,
  ...koTrainingOps,
  ...koContracts,
  ...koKpi,
  ...koProducts,
  ...koTransfer,
  ...koAdmin,
  ...koAccounts,
  ...koMeetings,
  ...koFiles,
  ...koDashboard,
  ...koDevice,
  ...koReplica,
  ...koLive,
  ...koEveryday,
  ...koLabels,
  ...koExports,
  ...koEditing,
  ...koClashes,
  errors: {
    ...koRecordErrors,
    ...koSalesErrors,
    ...koTrainingErrors,
    ...koKpiErrors,
    ...koProductsErrors,
    ...koTransferErrors,
    ...koAdminErrors,
    ...koAccountsErrors,
    ...koMeetingsErrors,
    ...koFilesErrors,
    ipc: {
      invalidInput: '입력값을 확인해 주세요. ({{field}})',
      unknownChannel: '알 수 없는 요청입니다.',
      forbiddenSender: '허용되지 않은 화면에서 보낸 요청입니다.',
      unavailable: '앱 내부 연결에 실패했습니다. 앱을 다시 시작해 주세요.',
    },
    internal: '예기치 않은 오류가 발생했습니다. 문제가 계속되면 관리자에게 문의해 주세요.',
    app: {
      urlNotAllowed: '이 주소는 열 수 없습니다.',
    },
    session: {
      alreadyStarted: '이미 시작된 세션이 있습니다.',
      invalidCredentials: '이메일 또는 비밀번호가 올바르지 않습니다.',
      forbidden: '이 계정으로는 이 PC에서 로그인할 수 없습니다. 관리자에게 문의해 주세요.',
      serverUnreachable: '동기화 서버에 연결할 수 없습니다. 주소와 네트워크를 확인해 주세요.',
      serverError: '동기화 서버가 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
      diskFull: '이 PC의 디스크 공간이 부족해 데이터를 받을 수 없습니다. 공간을 확보한 뒤 다시 시도해 주세요.',
      rateLimited: '로그인 시도가 너무 많습니다. {{seconds}}초 후 다시 시도해 주세요.',
      versionMismatch: '이 앱 버전은 서버와 맞지 않습니다. 앱을 업데이트해 주세요.',
      otherUserPending:
        '{{email}} 계정의 변경 {{pending}}건(거부 {{rejected}}건)이 아직 이 PC에 있습니다. 해당 계정으로 로그인해 동기화한 뒤 다른 계정을 사용할 수 있습니다.',
      unsyncedChanges: '아직 서버로 보내지 않은 변경이 {{count}}건 있습니다.',
      deviceWiped: '관리자가 이 PC를 해지하고 데이터 삭제를 요청해 이 PC의 데이터를 지웠습니다.',
    },
    secrets: {
      encryptionUnavailable: '이 PC에서 로그인 정보를 안전하게 암호화할 수 없어 저장하지 않았습니다.',
    },
    sync: {
      notSignedIn: '동기화하려면 회사 서버에 로그인해야 합니다.',
      signInAgain: '로그인이 만료되었습니다. 다시 로그인하면 이어서 동기화합니다. 변경 내용은 이 PC에 안전하게 있습니다.',
      appOutdated: '이 앱 버전으로는 더 이상 동기화할 수 없습니다. 앱을 업데이트해 주세요.',
      offline: '오프라인 상태입니다. 변경 내용은 이 PC에 안전하게 저장되어 있습니다.',
      failed: '동기화에 실패했습니다. 잠시 후 다시 시도합니다.',
    },
  },
}

export type Translation = typeof ko
