/**
 * Well-known demo accounts. Their ids and e-mails are the same for every seed and scale, so tests, docs and the
 * sign-in screen's "try the demo" hints can name them. Where they sit in the organisation is fixed too: the manager
 * leads the team the consultant works in (so the MANAGER scope visibly includes the consultant's accounts), and the
 * coordinator runs training projects.
 */
import { type UserTier } from '../shared/model/enums'
import { fixedDemoId } from './ids'

/** A fixed moment (2024-09-02T00:00:00Z) for the time prefix of the fixed ids. */
const FIXED_ID_TIME = Date.UTC(2024, 8, 2)

export type DemoAccountKey = 'executive' | 'manager' | 'consultant' | 'coordinator'

export interface DemoAccount {
  readonly key: DemoAccountKey
  readonly id: string
  readonly email: string
  /** 성 */
  readonly lastName: string
  /** 이름 */
  readonly firstName: string
  readonly tier: UserTier
  /** roles.name */
  readonly role: string
  /** 직급 */
  readonly position: string
  /** 직책 */
  readonly title: string
  readonly description: string
}

export const DEMO_ACCOUNTS: Readonly<Record<DemoAccountKey, DemoAccount>> = {
  executive: {
    key: 'executive',
    id: fixedDemoId(FIXED_ID_TIME, 0xa001),
    email: 'exec@augu.demo',
    lastName: '윤',
    firstName: '재원',
    tier: 'EXECUTIVE',
    role: 'EXECUTIVE',
    position: '대표이사',
    title: '대표이사',
    description: '대표이사: 전사 데이터를 모두 봅니다.',
  },
  manager: {
    key: 'manager',
    id: fixedDemoId(FIXED_ID_TIME, 0xa002),
    email: 'manager@augu.demo',
    lastName: '이',
    firstName: '서연',
    tier: 'MANAGER',
    role: 'SALES_MANAGER',
    position: '부장',
    title: '팀장',
    description: '기업영업1팀 팀장: 팀원(컨설턴트 포함)의 고객과 기회를 봅니다.',
  },
  consultant: {
    key: 'consultant',
    id: fixedDemoId(FIXED_ID_TIME, 0xa003),
    email: 'consultant@augu.demo',
    lastName: '김',
    firstName: '민준',
    tier: 'OPERATOR',
    role: 'SALES_REP',
    position: '과장',
    title: '영업 컨설턴트',
    description: '기업영업1팀 컨설턴트: 담당 고객사, 리드, 영업 기회를 봅니다.',
  },
  coordinator: {
    key: 'coordinator',
    id: fixedDemoId(FIXED_ID_TIME, 0xa004),
    email: 'coordinator@augu.demo',
    lastName: '최',
    firstName: '유진',
    tier: 'OPERATOR',
    role: 'COORDINATOR',
    position: '대리',
    title: '교육 코디네이터',
    description: '교육운영1팀 코디네이터: 담당 프로젝트의 차수, 분반, 출결을 관리합니다.',
  },
}

export const DEMO_ACCOUNT_LIST: readonly DemoAccount[] = Object.values(DEMO_ACCOUNTS)

/** The password the demo scripts give the demo accounts unless told otherwise (documented; demo servers only). */
export const DEFAULT_DEMO_PASSWORD = 'augu-demo-1234'
