/** Korean texts of the editing work (issue 17): fields that had no form, activity log and edit, lead conversion, empty lists. */
export const koEditing = {
  editing: {
    company: {
      terms: '거래 조건',
      creditLimit: '여신 한도 (원)',
      paymentTerms: '결제 조건 (일)',
      paymentTermsHint: '세금계산서 발행 후 지급까지 일수 (0 = 즉시)',
      fiscalYearEnd: '결산월일',
      fiscalYearEndHint: '월-일 (예: 12-31)',
      tags: '태그',
      tagsHint: '쉼표로 구분 (예: 리더십, 신입 교육)',
      customFields: '사용자 정의 항목',
      customFieldsHint: '고객사마다 따로 관리할 정보 (예: 주거래 은행 → 국민은행)',
      customKey: '항목명',
      customValue: '내용',
      addCustomField: '+ 항목 추가',
      removeCustomField: '{{key}} 항목 삭제',
      customFieldsNone: '없음',
    },
    contact: {
      birthday: '생일',
      linkedin: 'LinkedIn',
      linkedinHint: '예: linkedin.com/in/hong-gildong',
      isActive: '재직 중',
      inactive: '퇴사',
    },
  },
}
