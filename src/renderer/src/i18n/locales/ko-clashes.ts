/** Korean texts of the instructor double bookings the server records across projects (issue 16). */
export const koClashes = {
  serverClashes: {
    title: '강사 중복 배정 (전체 프로젝트, 서버 확인)',
    item: '{{instructor}} 강사 · {{date}} {{time}} 겹침: {{mine}} ↔ {{other}}',
    side: '{{project}} {{label}} ({{time}})',
    otherProject: '다른 프로젝트',
    coordinator: '담당 {{name}}',
    checkedAt: '서버 확인: {{time}}',
    notChecked: '아직 서버에서 확인하지 않았습니다',
    classNotChecked: '이 분반의 변경은 아직 서버에서 확인하지 않았습니다 (동기화 후 확인)',
    unchecked: '동기화 전 변경이 있는 분반 {{count}}개는 아직 서버에서 확인하지 않았습니다',
    none: '다른 프로젝트를 포함해 강사가 겹치는 수업이 없습니다.',
    badge: '강사 중복',
    badgeHint: '서버가 모든 프로젝트와 비교해 이 분반의 강사 시간이 겹친다고 기록했습니다',
    serverTag: '서버 기록',
    otherHidden: '다른 프로젝트의 이름은 그 프로젝트 담당자에게만 보입니다.',
  },
}
