/** Korean texts shared by everyday tools: list text filters, searchable pickers, undo and the trash (spread into ko.ts). */
export const koEveryday = {
  everyday: {
    listFilter: {
      label: '목록 검색',
      placeholder: '이름·코드 검색 (초성 가능)',
      companies: '고객사 검색',
      opportunities: '영업기회 검색',
      projects: '프로젝트 검색',
      meetings: '미팅 검색',
      noMatch: '"{{query}}"와 맞는 항목이 없습니다. 검색어를 지우면 전체가 보입니다.',
      clear: '검색어 지우기',
    },
    combobox: {
      placeholder: '입력해서 찾기 (초성 가능)',
      noMatch: '"{{query}}"와 맞는 항목이 없습니다.',
      count: '{{count}}개 중 선택',
      more: '{{count}}개 더 있습니다. 더 입력해서 좁혀 보세요.',
      none: '선택 안 함',
    },
  },
}
