/** Korean strings of live screens: changes made elsewhere while a screen or form is open (spread into ko.ts). */
export const koLive = {
  live: {
    someone: '다른 사용자',
    notices: '알림',
    dismiss: '확인',
    edit: {
      title: '{{name}}님이 이 기록을 변경했습니다',
      summary: '{{when}} · 변경된 항목: {{fields}}. 입력하신 내용은 그대로 있습니다.',
      theirs: '새 값',
      mine: '내 입력',
      keepMine: '내 입력 유지',
      takeTheirs: '새 값 받기',
      taken: '입력하지 않은 항목에는 새 값을 반영했습니다: {{fields}}',
      empty: '(비어 있음)',
    },
    rows: {
      added: '{{section}} ‘{{name}}’ 추가',
      removed: '{{section}} ‘{{name}}’ 삭제',
      field: '{{section}} ‘{{name}}’ · {{field}}',
      position: '순서',
      present: '있음',
      unnamed: '(이름 없음)',
    },
    gone: {
      title: '열려 있던 기록을 더 이상 볼 수 없습니다',
      body: '다른 사용자가 삭제했거나 담당 범위에서 빠졌습니다(담당자 변경, 프로젝트 팀 제외 등). 화면을 닫았습니다.',
    },
    roster: {
      conflict: '{{winnerName}}님의 {{winner}} 표시가 나중이라 반영되었습니다. {{loserName}}님의 {{loser}} 표시는 동기화 검토에 충돌로 남아 있습니다.',
      conflictBadge: '충돌 · {{loserName}}: {{loser}}',
    },
  },
}
