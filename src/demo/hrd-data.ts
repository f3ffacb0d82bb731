/** The HRD company's own catalogue and vocabulary for demo data: products, programmes, places, phrases. */
import { type ProductType, type ProjectType } from '../shared/model/enums'

export interface CategorySeed {
  readonly code: string
  readonly name: string
  readonly parent?: string
  readonly description: string
}

export const PRODUCT_CATEGORIES: readonly CategorySeed[] = [
  { code: 'EDU', name: '교육', description: '집합·온라인 교육 과정' },
  { code: 'EDU-LDR', name: '리더십', parent: 'EDU', description: '신임팀장부터 임원까지 계층별 리더십' },
  { code: 'EDU-ONB', name: '신입사원·온보딩', parent: 'EDU', description: '신입·경력 입사자 조기 적응' },
  { code: 'EDU-SAL', name: '영업역량', parent: 'EDU', description: 'B2B 영업, 상담, 협상' },
  { code: 'EDU-SVC', name: '서비스·CS', parent: 'EDU', description: '고객 경험과 응대' },
  { code: 'EDU-JOB', name: '직무기술', parent: 'EDU', description: '데이터, 문서, 프로젝트 관리, AI 활용' },
  { code: 'CON', name: '컨설팅', description: '조직·인사 컨설팅' },
  { code: 'CON-OD', name: '조직개발', parent: 'CON', description: '조직문화 진단과 개선' },
  { code: 'CON-HR', name: '인사제도', parent: 'CON', description: '직무, 역량, 평가·보상 체계' },
  { code: 'ASM', name: '진단', description: '리더십·조직 진단 도구' },
  { code: 'COA', name: '코칭', description: '임원·팀장 코칭' },
]

export interface ProductSeed {
  readonly code: string
  readonly name: string
  readonly category: string
  readonly type: ProductType
  /** The kind of project this product is delivered as. */
  readonly projectType: ProjectType
  readonly days: number
  readonly hours: number | null
  readonly minParticipants: number | null
  readonly maxParticipants: number | null
  /** Whole won per run (교육: per 차수; 진단/코칭: per person; 컨설팅: per engagement). */
  readonly price: number
  readonly audience: string
  readonly modules: readonly string[]
}

export const PRODUCTS: readonly ProductSeed[] = [
  { code: 'LDR-101', name: '신임팀장 리더십 과정', category: 'EDU-LDR', type: 'TRAINING', projectType: 'LEADERSHIP', days: 2, hours: 16, minParticipants: 10, maxParticipants: 30, price: 6_800_000, audience: '신임 팀장 및 팀장 후보자', modules: ['팀장의 역할 전환', '목표 수립과 업무 위임', '성과 피드백 실습', '갈등 관리', '액션 플랜 수립'] },
  { code: 'LDR-102', name: '중간관리자 코칭 리더십', category: 'EDU-LDR', type: 'TRAINING', projectType: 'LEADERSHIP', days: 1, hours: 8, minParticipants: 10, maxParticipants: 30, price: 3_900_000, audience: '과장·차장급 중간관리자', modules: ['코칭 대화 모델', '경청과 질문', '코칭 실습', '현업 적용 계획'] },
  { code: 'LDR-201', name: '임원 전략적 리더십 워크숍', category: 'EDU-LDR', type: 'TRAINING', projectType: 'LEADERSHIP', days: 2, hours: 14, minParticipants: 8, maxParticipants: 20, price: 12_000_000, audience: '상무 이상 임원', modules: ['경영환경 분석', '전략적 의사결정', '변화 리더십', '조직 비전 공유'] },
  { code: 'LDR-103', name: 'MZ세대 소통 리더십', category: 'EDU-LDR', type: 'TRAINING', projectType: 'LEADERSHIP', days: 1, hours: 8, minParticipants: 15, maxParticipants: 40, price: 3_500_000, audience: '팀장 및 파트장', modules: ['세대 특성 이해', '심리적 안전감', '1on1 미팅 실습', '피드백 문화'] },
  { code: 'LDR-104', name: '성과관리와 피드백 스킬', category: 'EDU-LDR', type: 'TRAINING', projectType: 'LEADERSHIP', days: 1, hours: 7, minParticipants: 15, maxParticipants: 35, price: 3_200_000, audience: '평가권자', modules: ['성과관리 사이클', 'OKR과 KPI', '평가 면담 롤플레이'] },
  { code: 'ONB-101', name: '신입사원 입문교육', category: 'EDU-ONB', type: 'TRAINING', projectType: 'ONBOARDING', days: 3, hours: 24, minParticipants: 20, maxParticipants: 80, price: 9_500_000, audience: '신입사원', modules: ['회사 이해와 비전', '비즈니스 매너', '보고·커뮤니케이션', '팀 빌딩', '직장인 마인드셋'] },
  { code: 'ONB-102', name: '경력입사자 온보딩 프로그램', category: 'EDU-ONB', type: 'TRAINING', projectType: 'ONBOARDING', days: 1, hours: 8, minParticipants: 10, maxParticipants: 40, price: 3_800_000, audience: '경력 입사자', modules: ['조직문화 이해', '네트워킹', '업무 프로세스'] },
  { code: 'ONB-103', name: '비즈니스 매너와 직장인 커뮤니케이션', category: 'EDU-ONB', type: 'TRAINING', projectType: 'ONBOARDING', days: 1, hours: 7, minParticipants: 20, maxParticipants: 60, price: 2_800_000, audience: '입사 1~3년차', modules: ['첫인상과 매너', '이메일·메신저 에티켓', '보고의 기술'] },
  { code: 'SAL-101', name: 'B2B 컨설팅 세일즈', category: 'EDU-SAL', type: 'TRAINING', projectType: 'SALES', days: 2, hours: 16, minParticipants: 12, maxParticipants: 30, price: 7_200_000, audience: '영업 담당자', modules: ['고객 가치 이해', '솔루션 제안', '제안서 작성', '프레젠테이션 실습'] },
  { code: 'SAL-102', name: '고객 니즈 발굴 상담 스킬', category: 'EDU-SAL', type: 'TRAINING', projectType: 'SALES', days: 1, hours: 8, minParticipants: 15, maxParticipants: 35, price: 3_600_000, audience: '영업·상담 직원', modules: ['SPIN 질문법', '니즈 분석', '상담 롤플레이'] },
  { code: 'SAL-103', name: '영업 협상 전략', category: 'EDU-SAL', type: 'TRAINING', projectType: 'SALES', days: 1, hours: 8, minParticipants: 12, maxParticipants: 30, price: 4_200_000, audience: '영업 관리자', modules: ['협상의 구조', 'BATNA 설정', '가격 협상 실습'] },
  { code: 'SAL-201', name: 'Key Account 관리 과정', category: 'EDU-SAL', type: 'TRAINING', projectType: 'SALES', days: 2, hours: 14, minParticipants: 10, maxParticipants: 25, price: 6_500_000, audience: '핵심 고객 담당자', modules: ['어카운트 플랜', '관계 지도', '성장 기회 발굴'] },
  { code: 'SVC-101', name: '고객 경험(CX) 혁신 과정', category: 'EDU-SVC', type: 'TRAINING', projectType: 'SERVICE', days: 1, hours: 8, minParticipants: 20, maxParticipants: 50, price: 3_400_000, audience: '고객 접점 직원', modules: ['고객 여정 지도', '접점별 개선', 'CX 사례 연구'] },
  { code: 'SVC-102', name: 'VOC 응대와 클레임 관리', category: 'EDU-SVC', type: 'TRAINING', projectType: 'SERVICE', days: 1, hours: 7, minParticipants: 20, maxParticipants: 50, price: 2_900_000, audience: '콜센터·CS 담당자', modules: ['불만 고객 심리', '응대 화법', '감정 노동 관리'] },
  { code: 'SVC-201', name: '서비스 리더 양성 과정', category: 'EDU-SVC', type: 'TRAINING', projectType: 'SERVICE', days: 2, hours: 16, minParticipants: 12, maxParticipants: 30, price: 5_800_000, audience: '매장·센터 관리자', modules: ['서비스 품질 관리', '코칭과 모니터링', '현장 개선 프로젝트'] },
  { code: 'JOB-101', name: '데이터 분석 실무 (엑셀·파워BI)', category: 'EDU-JOB', type: 'TRAINING', projectType: 'TECHNICAL', days: 2, hours: 16, minParticipants: 10, maxParticipants: 25, price: 5_200_000, audience: '사무직 전 직원', modules: ['데이터 정리', '피벗과 함수', '파워BI 대시보드', '분석 보고서'] },
  { code: 'JOB-102', name: '보고서 작성과 논리적 글쓰기', category: 'EDU-JOB', type: 'TRAINING', projectType: 'TECHNICAL', days: 1, hours: 8, minParticipants: 15, maxParticipants: 40, price: 3_000_000, audience: '대리·과장급', modules: ['피라미드 구조', '한 장 보고서', '첨삭 실습'] },
  { code: 'JOB-103', name: '프로젝트 관리 실무', category: 'EDU-JOB', type: 'TRAINING', projectType: 'TECHNICAL', days: 2, hours: 16, minParticipants: 10, maxParticipants: 30, price: 5_600_000, audience: 'PM 및 PL', modules: ['범위와 일정', '리스크 관리', '이해관계자 관리'] },
  { code: 'JOB-104', name: '생성형 AI 업무 활용', category: 'EDU-JOB', type: 'TRAINING', projectType: 'TECHNICAL', days: 1, hours: 8, minParticipants: 15, maxParticipants: 40, price: 3_800_000, audience: '전 직원', modules: ['프롬프트 작성법', '문서·메일 자동화', '보안과 윤리'] },
  { code: 'JOB-105', name: 'DX 리터러시 과정', category: 'EDU-JOB', type: 'TRAINING', projectType: 'TECHNICAL', days: 1, hours: 7, minParticipants: 20, maxParticipants: 60, price: 3_300_000, audience: '전 직원', modules: ['디지털 전환 이해', '업무 자동화 사례', '데이터 기반 의사결정'] },
  { code: 'CON-101', name: '조직문화 진단·개선 컨설팅', category: 'CON-OD', type: 'CONSULTING', projectType: 'LEADERSHIP', days: 60, hours: null, minParticipants: null, maxParticipants: null, price: 45_000_000, audience: '인사·조직문화 담당 부서', modules: ['현황 진단', '인터뷰·FGI', '개선 과제 도출', '실행 지원'] },
  { code: 'CON-201', name: '직무분석 및 역량모델링', category: 'CON-HR', type: 'CONSULTING', projectType: 'TECHNICAL', days: 90, hours: null, minParticipants: null, maxParticipants: null, price: 60_000_000, audience: '인사팀', modules: ['직무 조사', '역량 사전 개발', '역량 모델 검증'] },
  { code: 'CON-202', name: '평가·보상 제도 설계', category: 'CON-HR', type: 'CONSULTING', projectType: 'LEADERSHIP', days: 120, hours: null, minParticipants: null, maxParticipants: null, price: 85_000_000, audience: '경영진 및 인사팀', modules: ['제도 진단', '평가 체계 설계', '보상 연계', '설명회'] },
  { code: 'CON-102', name: 'HRD 체계 수립 컨설팅', category: 'CON-HR', type: 'CONSULTING', projectType: 'ONBOARDING', days: 60, hours: null, minParticipants: null, maxParticipants: null, price: 38_000_000, audience: 'HRD 담당 부서', modules: ['교육 체계 진단', '계층·직무 교육 로드맵', '운영 가이드'] },
  { code: 'ASM-101', name: '리더십 다면진단 (360°)', category: 'ASM', type: 'ASSESSMENT', projectType: 'LEADERSHIP', days: 30, hours: null, minParticipants: 10, maxParticipants: 500, price: 180_000, audience: '팀장 이상 리더', modules: ['진단 설계', '온라인 응답', '개인 리포트', '결과 디브리핑'] },
  { code: 'ASM-102', name: '조직문화 진단 서베이', category: 'ASM', type: 'ASSESSMENT', projectType: 'SERVICE', days: 30, hours: null, minParticipants: 50, maxParticipants: 5000, price: 12_000_000, audience: '전 직원', modules: ['문항 설계', '설문 운영', '분석 보고서'] },
  { code: 'ASM-103', name: '역량 평가센터 (AC)', category: 'ASM', type: 'ASSESSMENT', projectType: 'LEADERSHIP', days: 2, hours: 16, minParticipants: 6, maxParticipants: 24, price: 650_000, audience: '승진 후보자', modules: ['인바스켓', '역할연기', '집단토론', '평가 회의'] },
  { code: 'COA-101', name: '임원 1:1 코칭 (6회)', category: 'COA', type: 'COACHING', projectType: 'LEADERSHIP', days: 90, hours: 12, minParticipants: 1, maxParticipants: 1, price: 9_000_000, audience: '임원', modules: ['코칭 계약', '리더십 진단 리뷰', '정기 세션', '성과 리뷰'] },
  { code: 'COA-102', name: '팀장 그룹 코칭 (4회)', category: 'COA', type: 'COACHING', projectType: 'LEADERSHIP', days: 60, hours: 12, minParticipants: 4, maxParticipants: 8, price: 6_000_000, audience: '팀장', modules: ['그룹 코칭 오리엔테이션', '주제별 세션', '실천 점검'] },
  { code: 'COA-103', name: '신임팀장 온보딩 코칭', category: 'COA', type: 'COACHING', projectType: 'ONBOARDING', days: 45, hours: 6, minParticipants: 1, maxParticipants: 1, price: 3_500_000, audience: '신임 팀장', modules: ['역할 전환 점검', '첫 90일 계획', '팀 운영 코칭'] },
]

/** Where 차수 take place (besides the customer's own premises). */
export const TRAINING_VENUES = [
  '오구 강남교육센터 (서울 강남구 테헤란로 152)',
  '오구 여의도 러닝센터 (서울 영등포구 국제금융로 10)',
  '용인 인재개발원',
  '양평 연수원',
  '천안 상록리조트 연수동',
  '부산 해운대 비즈니스센터',
  '대전 KT인재개발원 세미나실',
  '온라인 (Zoom)',
] as const

export const ROOMS = ['대강의장', '301호', '302호', '세미나실 A', '세미나실 B', '다목적홀', '교육장 2', 'Zoom 회의실'] as const

export const INSTRUCTOR_SPECIALTIES = [
  '리더십', '코칭', '커뮤니케이션', '영업', '협상', '서비스', 'CS', '조직문화', '데이터 분석', '보고서 작성',
  '프로젝트 관리', '생성형 AI', 'DX', '신입사원 교육', '비즈니스 매너', '퍼실리테이션', '변화관리', '성과관리',
] as const

export const INSTRUCTOR_CERTIFICATIONS = [
  'KPC 전문코치 (한국코치협회)', 'KAC 인증코치 (한국코치협회)', 'ICF PCC', 'MBTI 일반강사', 'DISC 강사',
  'PMP', '버크만 진단 전문가', '직업능력개발훈련교사 2급', 'CS Leaders 관리사', '6시그마 BB', '빅데이터분석기사',
  '평생교육사 2급', '퍼실리테이터 (CPF)',
] as const

export const INSTRUCTOR_BACKGROUNDS = [
  '대기업 인재개발원 {years}년 근무 후 독립',
  '전 외국계 컨설팅사 매니저, 기업교육 {years}년 경력',
  '경영학 박사, 대학 겸임교수, 강의 경력 {years}년',
  '{years}년간 대기업 영업 현장 출신 실무형 강사',
  '공공기관·금융권 출강 {years}년, 강의 만족도 상위 강사',
  '스타트업 창업 경험을 살린 실전 워크숍 진행 {years}년',
] as const

export const LOST_REASONS = [
  '가격 경쟁력 부족 (경쟁사 대비 15% 고가)',
  '고객사 내부 예산 삭감',
  '경쟁사 기존 계약 연장',
  '교육 일정 미확정으로 사업 보류',
  '고객사 담당자 교체로 재검토',
  '내부 강사 활용으로 전환',
] as const

export const WON_REASONS = [
  '맞춤형 커리큘럼과 강사 역량 높은 평가',
  '전년도 교육 만족도 우수로 재계약',
  '진단-교육-코칭 통합 제안이 채택됨',
  '경쟁 PT에서 운영 안정성 강조',
  '합리적인 가격과 빠른 대응',
] as const

export const COMPETITORS = [
  '한국생산성본부', '휴넷', '멀티캠퍼스', '크레듀', '엑스퍼트컨설팅', '네모파트너즈', '패스트캠퍼스', '인싸이트그룹',
] as const

export const CUSTOMER_CONCERNS = [
  '교육 효과 측정 방법', '현업 적용도', '교육 일정과 업무 공백', '강사 변경 가능성', '1인당 교육비',
  '온라인 병행 운영', '참여 동기 부여', '교육 결과 보고 양식',
] as const

export const CUSTOMER_INTERESTS = [
  '사전 진단 연계', '사후 코칭 프로그램', '사례 중심 커리큘럼', '임원 대상 확대', '내년도 연간 계약',
  '교육 결과 대시보드', '고용보험 환급 과정', '계열사 확대 적용',
] as const

export const MEETING_KEY_POINTS = [
  '교육 대상자 규모와 직급 구성 확인', '올해 HRD 예산 집행 현황 공유', '전년도 교육 결과와 개선 요청 사항 검토',
  '커리큘럼 초안에 대한 의견 수렴', '강사 프로필과 샘플 강의 요청', '운영 일정과 장소 후보 논의',
  '사전 과제와 진단 도구 활용 여부', '수료 기준(출석 80% 이상) 합의', '만족도 조사 문항 협의',
] as const

export const MEETING_DECISIONS = [
  '2주 내 수정 제안서 전달', '1차수 파일럿 운영 후 확대 결정', '강사 2인 후보 중 인터뷰 진행',
  '교육 장소는 고객사 연수원으로 확정', '사전 진단은 온라인으로 실시', '견적 재산정 후 구매팀 협의',
] as const

export const ACTION_ITEM_TASKS = [
  '수정 제안서 송부', '견적서 재작성', '강사 프로필 공유', '교육장 대관 확인', '교재 인쇄 발주', '사전 설문 링크 발송',
  '결과 보고서 초안 작성', '수료증 발급', '다음 미팅 일정 조율', '계약서 검토 요청', '교육 안내 메일 발송',
  '참석자 명단 확정',
] as const

export const FEEDBACK_COMMENTS = [
  '실습 위주라 현업에 바로 적용할 수 있었습니다.', '강사님의 사례가 풍부해서 이해가 쉬웠습니다.',
  '시간이 조금 부족했습니다. 다음에는 이틀 과정이면 좋겠습니다.', '동료들과 토론하는 시간이 유익했습니다.',
  '교재 내용이 너무 많아서 다 다루지 못한 점이 아쉽습니다.', '팀장으로서 고민하던 부분이 많이 해소되었습니다.',
  '교육장 환경(음향, 냉난방) 개선이 필요합니다.', '롤플레이가 어색했지만 도움이 되었습니다.',
  '후속 과정이 있다면 꼭 참여하고 싶습니다.', '이론보다 사례가 더 많았으면 합니다.',
] as const

export const ATTENDANCE_REMARKS = {
  LATE: ['교통 체증으로 지각', '오전 회의로 늦게 참석', '지각 (사전 연락)'],
  LEFT_EARLY: ['현업 긴급 업무로 조퇴', '병원 진료로 조퇴', '고객 미팅으로 오후 불참'],
  EXCUSED: ['출장으로 공가 처리', '연차 사용 (사전 승인)', '예비군 훈련'],
  ABSENT: ['무단 불참', '연락 두절', '업무 사유 불참 (사후 보고)'],
} as const

export const ACTIVITY_SUBJECTS = {
  CALL: ['교육 니즈 확인 통화', '견적 관련 문의 전화', '일정 조율 통화', '제안 결과 문의', '담당자 인사 통화'],
  EMAIL: ['제안서 송부', '견적서 발송', '교육 안내 메일', '결과 보고서 전달', '감사 메일 발송', '회의록 공유'],
  MEETING: ['방문 미팅', '화상 미팅', '제안 발표', '운영 점검 미팅', '결과 보고 미팅'],
  NOTE: ['고객 특이사항 메모', '경쟁사 동향 메모', '담당자 성향 메모', '내부 공유 사항'],
  TASK: ['제안서 작성', '커리큘럼 수정', '강사 섭외', '계약서 검토', '교육장 답사'],
  KAKAO: ['카카오톡으로 일정 확인', '카카오톡 자료 요청', '카카오톡 감사 인사', '카카오톡 교육 안내'],
} as const

export const ACTIVITY_OUTCOMES = [
  '긍정적 반응, 다음 주 재연락 예정', '담당자 부재, 메모 전달', '내부 검토 후 회신 예정', '추가 자료 요청 받음',
  '일정 확정', '예산 확보 여부 확인 필요', '결정권자 미팅 요청', '특이사항 없음',
] as const

export const NEXT_ACTIONS = [
  '제안서 보완 후 재송부', '결정권자 미팅 요청', '견적 재검토', '레퍼런스 사례 전달', '파일럿 일정 제안',
  '계약서 초안 송부', '교육 결과 보고', '연간 계획 협의',
] as const
