/** 첨부 파일 (issue #19). */
export const koFiles = {
  files: {
    title: '첨부 파일 ({{count}})',
    add: '파일 추가',
    adding: '추가 중…',
    open: '열기',
    opening: '여는 중…',
    remove: '삭제',
    confirmRemove: '"{{name}}" 파일을 삭제할까요?',
    empty: '첨부된 파일이 없습니다.',
    saveFirst: '회의록을 먼저 저장하면 파일을 첨부할 수 있습니다.',
    pin: '오프라인용으로 미리 받기',
    activityFiles: '첨부 파일',
    saved: '실행 파일은 바로 열지 않고 저장했습니다: {{path}}',
    columns: {
      name: '파일 이름',
      size: '크기',
      addedBy: '추가한 사람',
      addedAt: '추가한 때',
      status: '상태',
      actions: '작업',
    },
    status: {
      local: '이 PC에 있음',
      remote: '열 때 내려받음',
      waiting: '온라인이 되면 업로드',
      uploading: '업로드 중 {{percent}}%',
      rejected: '서버가 거부함: {{reason}}',
    },
    reasons: {
      too_large: '파일이 너무 큽니다',
      type_mismatch: '파일 내용이 형식과 다릅니다',
      hash_mismatch: '전송 중 파일이 손상되었습니다',
      bad_name: '파일 이름을 쓸 수 없습니다',
      rate_limited: '업로드가 너무 많습니다',
      missing_local: '이 PC에서 파일을 찾을 수 없습니다',
      unknown: '알 수 없는 이유',
    },
    transfers: {
      title: '파일 전송 ({{count}})',
      up: '업로드 {{percent}}%',
      down: '다운로드 {{percent}}%',
    },
    settings: {
      title: '오프라인 파일',
      budget: '미리 받아 둘 파일 용량 (MB)',
      hint: '담당 범위의 파일을 이 용량까지 미리 받아 둡니다. 고정한 기록의 파일은 용량과 관계없이 받습니다.',
      save: '저장',
      saved: '저장했습니다.',
      invalid: '0에서 {{max}} 사이의 MB 단위 정수를 입력하세요. 아무것도 바뀌지 않았습니다.',
    },
  },
}

export const koFilesErrors = {
  files: {
    tooLarge: '파일이 너무 큽니다. 50MB 이하의 파일만 첨부할 수 있습니다.',
    typeMismatch: '파일 내용이 파일 형식과 맞지 않습니다.',
    notUploadedYet: '파일을 추가한 PC가 아직 업로드하지 않았습니다. 그 PC가 온라인이 되면 열 수 있습니다.',
    notAvailable: '이 파일은 아직 이 PC에 없고 서버에 연결할 수 없습니다. 온라인일 때 다시 열어 주세요.',
  },
}
