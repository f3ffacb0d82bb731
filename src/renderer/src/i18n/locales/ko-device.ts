/** Korean strings of this PC's copy: sign-out choices, wipe notice, external links, idle lock (spread into ko.ts). */
export const koDevice = {
  device: {
    signOut: {
      title: '로그아웃',
      intro: '이 PC에 저장된 고객 데이터를 어떻게 할지 선택하세요.',
      keep: '이 PC의 데이터 보관',
      keepBody: '다음에 같은 계정으로 로그인하면 내려받기 없이 바로 이어서 일합니다. 데이터는 암호화되어 저장됩니다.',
      remove: '이 PC의 데이터 삭제',
      removeBody: '이 PC에서 고객 데이터, 암호화 키와 로그인 정보를 모두 지웁니다. 서버의 데이터는 그대로입니다.',
      pending: '아직 서버로 보내지 않은 변경이 {{count}}건 있습니다. 보관하면 다시 로그인할 때 전송됩니다.',
      pendingRemove: '삭제하면 보내지 않은 변경 {{count}}건이 영구히 사라집니다. 확인하려면 아래에 {{count}}을(를) 입력하세요.',
      confirmCount: '사라질 변경 건수',
      cancel: '취소',
      working: '처리 중…',
    },
    wiped: {
      title: '이 PC의 데이터가 삭제되었습니다',
      body: '관리자가 이 PC를 해지하고 데이터 삭제를 요청했습니다. 이 PC에 있던 고객 데이터, 암호화 키와 로그인 정보를 지웠습니다.',
    },
    removed: '이 PC의 데이터를 삭제했습니다.',
    externalLink: {
      title: '앱 밖으로 이동',
      body: '다음 주소를 브라우저나 다른 프로그램에서 엽니다. 주소가 맞는지 확인하세요.',
      open: '열기',
      cancel: '취소',
      kinds: { web: '웹 사이트', mail: '메일 보내기', phone: '전화 걸기' },
    },
    idleLock: {
      settingTitle: '자리 비움 잠금',
      enabled: '일정 시간 사용하지 않으면 화면 잠그기',
      minutes: '잠글 때까지 (분)',
      save: '저장',
      saved: '저장했습니다.',
      lockedTitle: '화면이 잠겼습니다',
      lockedBody: '{{name}} 님, 계속하려면 로그인 비밀번호를 입력하세요.',
      password: '비밀번호',
      unlock: '잠금 해제',
      wrongPassword: '비밀번호가 올바르지 않습니다.',
      noVerifier: '이 PC에 잠금 해제 정보가 없습니다. 다시 로그인하세요.',
      signOut: '로그아웃',
    },
  },
}
