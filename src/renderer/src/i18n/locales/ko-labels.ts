/**
 * Names for codes that arrive as data but are read as words: the customer's seed roles (SALES_REP, …). A role an
 * admin names in the app keeps its own name; only these well-known codes get a translation (features/admin/role-label.ts).
 */
export const koLabels = {
  labels: {
    roles: {
      ADMIN: '시스템 관리자',
      EXECUTIVE: '경영진',
      SALES_MANAGER: '영업팀장',
      SALES_REP: '영업 컨설턴트',
      PROJECT_MANAGER: '프로젝트 매니저',
      COORDINATOR: '교육 코디네이터',
      CONSULTANT: 'HR 컨설턴트',
      STAFF: '경영지원',
    },
  },
}
