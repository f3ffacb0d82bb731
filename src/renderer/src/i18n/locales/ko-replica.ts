/** Korean strings of "this PC's copy" (이 PC의 사본; spread into ko.ts). */
export const koReplica = {
  replica: {
    open: '이 PC의 사본',
    title: '이 PC의 사본',
    intro: '이 PC에는 서버 데이터의 사본이 있어 오프라인에서도 일할 수 있습니다. 사본이 손상되면 서버에서 다시 받을 수 있으며, 보내지 않은 변경은 보존됩니다.',
    pending: '보내지 않은 변경 {{count}}건',
    check: '전체 검사',
    checking: '검사 중…',
    checkOk: '사본에 이상이 없습니다 ({{time}} 검사).',
    checkFailed: '사본이 손상되었습니다. 서버에서 다시 받으세요.',
    rebuild: '이 PC의 사본 다시 받기',
    rebuildConfirm:
      '이 PC의 사본을 서버에서 다시 받습니다. 앱이 다시 시작되고, 현재 파일은 옆에 보관되며, 보내지 않은 변경 {{count}}건은 보존되어 다시 전송됩니다. 계속할까요?',
    rebuildScheduled: '다음에 앱을 시작할 때 사본을 다시 받습니다. 앱을 다시 시작하세요.',
    restarting: '앱을 다시 시작합니다…',
    notice: {
      damaged: '이 PC의 데이터 파일이 손상되어 서버에서 다시 받았습니다.',
      requested: '요청하신 대로 이 PC의 사본을 서버에서 다시 받았습니다.',
      kept: '보내지 않은 변경 {{count}}건을 보존해 다시 전송합니다.',
      discarded: '읽을 수 없는 변경 {{count}}건은 복구하지 못했습니다.',
      signInAgain: '로그인 정보를 읽을 수 없어 다시 로그인해야 합니다.',
      setAside: '이전 파일 보관 위치: {{file}}',
      ok: '확인',
    },
  },
}
