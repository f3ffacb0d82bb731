/**
 * Dictionaries for Korean demo data. Plain data only; the generators in korean-fakes.ts pick from them.
 * Names and companies are invented: company names are built from neutral stems so no real firm is imitated.
 */

/** Family names with approximate shares (per mille) from the 2015 census; rare two-syllable ones are boosted a little
 * so a demo of a few thousand contacts shows some (남궁, 황보 …) — they break naive "first character" parsing. */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['김', 215], ['이', 147], ['박', 84], ['최', 47], ['정', 43], ['강', 23], ['조', 21], ['윤', 20], ['장', 19],
  ['임', 17], ['한', 15], ['오', 15], ['서', 15], ['신', 14], ['권', 14], ['황', 14], ['안', 13], ['송', 13],
  ['전', 11], ['홍', 11], ['유', 11], ['고', 9], ['문', 9], ['양', 9], ['손', 9], ['배', 8], ['백', 7], ['허', 6],
  ['남', 5], ['심', 5], ['노', 4], ['하', 4], ['곽', 4], ['성', 4], ['차', 4], ['주', 4], ['우', 4], ['구', 4],
  ['민', 3], ['류', 3], ['나', 3], ['진', 3], ['지', 3], ['엄', 3], ['채', 3], ['원', 3], ['천', 2], ['방', 2],
  ['공', 2], ['현', 2], ['함', 2], ['변', 2], ['염', 1], ['여', 1], ['추', 1], ['도', 1], ['소', 1], ['석', 1],
  ['선', 1], ['설', 1], ['마', 1], ['길', 1], ['연', 1], ['위', 1], ['표', 1], ['명', 1], ['기', 1], ['반', 1],
  ['왕', 1], ['금', 1], ['옥', 1], ['육', 1], ['인', 1], ['맹', 1],
  ['남궁', 1.5], ['황보', 1.5], ['제갈', 1], ['선우', 1], ['독고', 0.7], ['사공', 0.7], ['서문', 0.5],
]

/** Common given names (two syllables), by generation so 부장/이사 rows are not all named like toddlers. */
export const GIVEN_NAMES_MALE = [
  '민준', '서준', '도윤', '예준', '시우', '하준', '주원', '지호', '지후', '준우', '준서', '건우', '도현', '현우', '지훈',
  '우진', '서진', '민재', '현준', '연우', '유준', '정우', '승우', '승현', '시윤', '준혁', '은우', '지환', '승민', '재윤',
  '동현', '재원', '민우', '재민', '은찬', '한결', '윤호', '민호', '성민', '준영', '진우', '태현', '상우', '태윤', '준기',
] as const
export const GIVEN_NAMES_FEMALE = [
  '서연', '서윤', '지우', '서현', '민서', '하은', '하윤', '윤서', '지유', '지민', '채원', '수아', '지아', '지윤', '은서',
  '다은', '예은', '수빈', '소율', '예린', '유진', '민지', '수진', '지현', '은지', '혜진', '지영', '소연', '유나', '다인',
  '예진', '하린', '가은', '나연', '지수', '보람', '슬기', '아름', '한나', '세영', '주희', '가영', '수민', '예지', '윤아',
] as const
export const GIVEN_NAMES_SENIOR = [
  '영수', '영호', '영철', '정호', '성호', '상훈', '성진', '동훈', '준호', '재현', '종현', '진호', '상철', '광수', '정훈',
  '대현', '병철', '기현', '용수', '창민', '미영', '정희', '영희', '현정', '은영', '경희', '미경', '선영', '혜원', '현주',
  '은주', '미란', '정숙', '순영', '명숙', '경숙', '인숙', '성희', '미정', '은정',
] as const

/** 직급 (rank) of client contacts, weighted toward the people an HRD seller actually talks to. */
export const CONTACT_POSITIONS: readonly (readonly [string, number])[] = [
  ['사원', 8], ['주임', 6], ['대리', 20], ['과장', 24], ['차장', 16], ['부장', 14], ['이사', 6], ['상무', 4], ['전무', 1.5],
]
export const SENIOR_POSITIONS = new Set(['차장', '부장', '이사', '상무', '전무'])
export const EXECUTIVE_POSITIONS = new Set(['이사', '상무', '전무'])

/** Client departments an HRD company sells to. */
export const CONTACT_DEPARTMENTS: readonly (readonly [string, number])[] = [
  ['인사팀', 20], ['교육팀', 16], ['HRD팀', 14], ['인재개발팀', 12], ['인사총무팀', 8], ['경영지원팀', 8], ['조직문화팀', 6],
  ['인재육성팀', 5], ['피플팀', 4], ['전략기획팀', 4], ['영업지원팀', 3], ['구매팀', 3], ['CS혁신팀', 2],
]

/** Neutral stems for invented company names. */
export const COMPANY_STEMS = [
  '한빛', '세진', '대성', '동양', '미래', '새한', '유니', '에이스', '그린', '하나로', '태광', '신영', '동방', '삼우', '한결',
  '푸른', '누리', '다온', '라온', '가온', '해밀', '은하', '청솔', '백두', '한라', '금강', '대원', '성원', '동진', '영진',
  '제일', '중앙', '서해', '남해', '동해', '태양', '일신', '한솔', '세양', '대명', '우성', '한일', '신성', '진영', '명성',
  '선진', '한미', '보성', '삼진', '대양', '코리아', '아주', '경인', '호남', '영남', '수성', '미르', '온누리', '새빛', '참빛',
  '한누리', '다솜', '큰별', '휴먼', '넥스트', '뉴웨이', '스마트', '퓨처', '블루', '네오', '알파', '제이엠', '케이원',
  '에스앤피', '디와이', '에이치엘', '지엔', '티에스', '엠케이', '비전', '글로리', '하이', '프라임', '마스터',
] as const

export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['(주){}', 55], ['주식회사 {}', 20], ['{} 주식회사', 10], ['{}', 12], ['(유){}', 3],
]

/** KSIC sections and divisions (통계청 한국표준산업분류 10차) with name words that fit companies of each. */
export interface IndustryEntry {
  readonly code: string
  readonly name: string
  readonly parent?: string
  /** Words appended to a stem to name a company of this industry (divisions only). */
  readonly words?: readonly string[]
  /** Relative share of client companies (divisions only). */
  readonly weight?: number
}

export const INDUSTRIES: readonly IndustryEntry[] = [
  { code: 'C', name: '제조업' },
  { code: 'C10', name: '식료품 제조업', parent: 'C', words: ['식품', '푸드', 'F&B', '제과'], weight: 4 },
  { code: 'C20', name: '화학물질 및 화학제품 제조업', parent: 'C', words: ['화학', '케미칼', '소재', '코스메틱'], weight: 4 },
  { code: 'C21', name: '의료용 물질 및 의약품 제조업', parent: 'C', words: ['제약', '바이오', '파마'], weight: 4 },
  { code: 'C26', name: '전자부품, 컴퓨터, 영상, 음향 및 통신장비 제조업', parent: 'C', words: ['전자', '반도체', '디스플레이', '일렉트로닉스'], weight: 7 },
  { code: 'C29', name: '기타 기계 및 장비 제조업', parent: 'C', words: ['기계', '정밀', '중공업', '산업'], weight: 5 },
  { code: 'C30', name: '자동차 및 트레일러 제조업', parent: 'C', words: ['모터스', '오토텍', '자동차부품', '모빌리티'], weight: 5 },
  { code: 'D', name: '전기, 가스, 증기 및 공기 조절 공급업' },
  { code: 'D35', name: '전기, 가스, 증기 및 공기 조절 공급업', parent: 'D', words: ['에너지', '도시가스', '파워'], weight: 2 },
  { code: 'F', name: '건설업' },
  { code: 'F41', name: '종합 건설업', parent: 'F', words: ['건설', '종합건설', '개발', '이앤씨'], weight: 5 },
  { code: 'G', name: '도매 및 소매업' },
  { code: 'G46', name: '도매 및 상품 중개업', parent: 'G', words: ['물산', '상사', '트레이딩', '인터내셔널'], weight: 5 },
  { code: 'G47', name: '소매업; 자동차 제외', parent: 'G', words: ['리테일', '유통', '마트', '커머스'], weight: 6 },
  { code: 'H', name: '운수 및 창고업' },
  { code: 'H49', name: '육상 운송 및 파이프라인 운송업', parent: 'H', words: ['운수', '고속', '익스프레스'], weight: 2 },
  { code: 'H52', name: '창고 및 운송관련 서비스업', parent: 'H', words: ['로지스', '물류', '해운'], weight: 3 },
  { code: 'I', name: '숙박 및 음식점업' },
  { code: 'I55', name: '숙박업', parent: 'I', words: ['호텔', '리조트', '레저'], weight: 3 },
  { code: 'J', name: '정보통신업' },
  { code: 'J58', name: '출판업', parent: 'J', words: ['소프트', '게임즈', '미디어'], weight: 4 },
  { code: 'J62', name: '컴퓨터 프로그래밍, 시스템 통합 및 관리업', parent: 'J', words: ['정보통신', '시스템', '테크', '아이티', '네트웍스', '데이타'], weight: 9 },
  { code: 'J63', name: '정보서비스업', parent: 'J', words: ['플랫폼', '클라우드', '랩스'], weight: 4 },
  { code: 'K', name: '금융 및 보험업' },
  { code: 'K64', name: '금융업', parent: 'K', words: ['캐피탈', '금융', '투자', '저축은행'], weight: 4 },
  { code: 'K65', name: '보험 및 연금업', parent: 'K', words: ['생명', '손해보험', '화재'], weight: 3 },
  { code: 'K66', name: '금융 및 보험관련 서비스업', parent: 'K', words: ['증권', '자산운용', '파트너스'], weight: 2 },
  { code: 'M', name: '전문, 과학 및 기술 서비스업' },
  { code: 'M71', name: '전문 서비스업', parent: 'M', words: ['컨설팅', '회계법인', '애드'], weight: 3 },
  { code: 'M72', name: '건축 기술, 엔지니어링 및 기타 과학기술 서비스업', parent: 'M', words: ['엔지니어링', '기술', '설계'], weight: 3 },
  { code: 'P', name: '교육 서비스업' },
  { code: 'P85', name: '교육 서비스업', parent: 'P', words: ['에듀', '아카데미', '교육'], weight: 2 },
  { code: 'Q', name: '보건업 및 사회복지 서비스업' },
  { code: 'Q86', name: '보건업', parent: 'Q', words: ['메디칼', '헬스케어', '의료재단'], weight: 3 },
  { code: 'R', name: '예술, 스포츠 및 여가관련 서비스업' },
  { code: 'R90', name: '창작, 예술 및 여가관련 서비스업', parent: 'R', words: ['엔터테인먼트', '컬처', '스튜디오'], weight: 2 },
]

/** Regions: 시/도, its area code, and districts (시/군/구) with road names and a postal-code prefix (3 digits). */
export interface Region {
  readonly state: string
  readonly areaCode: string
  readonly weight: number
  readonly districts: readonly { readonly city: string; readonly postal: string; readonly roads: readonly string[] }[]
}

export const REGIONS: readonly Region[] = [
  {
    state: '서울특별시', areaCode: '02', weight: 40,
    districts: [
      { city: '강남구', postal: '061', roads: ['테헤란로', '역삼로', '선릉로', '논현로', '봉은사로', '영동대로'] },
      { city: '서초구', postal: '065', roads: ['서초대로', '강남대로', '반포대로', '사평대로'] },
      { city: '중구', postal: '045', roads: ['세종대로', '을지로', '퇴계로', '남대문로'] },
      { city: '종로구', postal: '031', roads: ['종로', '율곡로', '새문안로', '삼일대로'] },
      { city: '영등포구', postal: '073', roads: ['여의대로', '국제금융로', '의사당대로', '영등포로'] },
      { city: '마포구', postal: '040', roads: ['월드컵북로', '마포대로', '양화로', '상암산로'] },
      { city: '송파구', postal: '055', roads: ['올림픽로', '송파대로', '법원로', '중대로'] },
      { city: '구로구', postal: '083', roads: ['디지털로', '구로중앙로', '경인로'] },
      { city: '금천구', postal: '085', roads: ['가산디지털1로', '가산디지털2로', '벚꽃로'] },
      { city: '성동구', postal: '047', roads: ['왕십리로', '성수이로', '아차산로'] },
    ],
  },
  {
    state: '경기도', areaCode: '031', weight: 24,
    districts: [
      { city: '성남시 분당구', postal: '134', roads: ['판교역로', '대왕판교로', '분당로', '황새울로'] },
      { city: '수원시 영통구', postal: '166', roads: ['광교중앙로', '삼성로', '영통로'] },
      { city: '용인시 기흥구', postal: '169', roads: ['기흥로', '중부대로', '흥덕중앙로'] },
      { city: '화성시', postal: '184', roads: ['동탄대로', '삼성1로', '경기대로'] },
      { city: '안양시 동안구', postal: '140', roads: ['시민대로', '평촌대로', '엘에스로'] },
      { city: '고양시 일산동구', postal: '104', roads: ['중앙로', '일산로', '정발산로'] },
      { city: '평택시', postal: '177', roads: ['고덕중앙로', '평택로'] },
    ],
  },
  {
    state: '인천광역시', areaCode: '032', weight: 5,
    districts: [
      { city: '연수구', postal: '219', roads: ['컨벤시아대로', '송도과학로', '아카데미로'] },
      { city: '남동구', postal: '215', roads: ['남동대로', '인주대로', '예술로'] },
    ],
  },
  {
    state: '부산광역시', areaCode: '051', weight: 7,
    districts: [
      { city: '해운대구', postal: '480', roads: ['센텀중앙로', '해운대로', '센텀동로'] },
      { city: '부산진구', postal: '472', roads: ['중앙대로', '새싹로', '가야대로'] },
      { city: '강서구', postal: '467', roads: ['녹산산단로', '명지국제로'] },
    ],
  },
  {
    state: '대구광역시', areaCode: '053', weight: 4,
    districts: [
      { city: '수성구', postal: '421', roads: ['달구벌대로', '동대구로', '알파시티1로'] },
      { city: '북구', postal: '415', roads: ['대현로', '호국로', '침산로'] },
    ],
  },
  {
    state: '대전광역시', areaCode: '042', weight: 3,
    districts: [
      { city: '유성구', postal: '341', roads: ['대학로', '엑스포로', '테크노중앙로'] },
      { city: '서구', postal: '352', roads: ['둔산로', '대덕대로', '한밭대로'] },
    ],
  },
  {
    state: '광주광역시', areaCode: '062', weight: 2,
    districts: [
      { city: '서구', postal: '619', roads: ['상무중앙로', '시청로', '무진대로'] },
      { city: '북구', postal: '610', roads: ['첨단과기로', '용봉로'] },
    ],
  },
  {
    state: '울산광역시', areaCode: '052', weight: 3,
    districts: [
      { city: '남구', postal: '446', roads: ['삼산로', '번영로', '문수로'] },
      { city: '동구', postal: '440', roads: ['방어진순환도로', '봉수로'] },
    ],
  },
  {
    state: '세종특별자치시', areaCode: '044', weight: 1,
    districts: [{ city: '세종시', postal: '301', roads: ['한누리대로', '도움6로', '갈매로'] }],
  },
  {
    state: '경상남도', areaCode: '055', weight: 3,
    districts: [{ city: '창원시 성산구', postal: '515', roads: ['중앙대로', '창원대로', '웅남로'] }],
  },
  {
    state: '경상북도', areaCode: '054', weight: 3,
    districts: [
      { city: '포항시 남구', postal: '377', roads: ['포스코대로', '대송로'] },
      { city: '구미시', postal: '392', roads: ['1공단로', '산호대로'] },
    ],
  },
  {
    state: '충청북도', areaCode: '043', weight: 2,
    districts: [{ city: '청주시 흥덕구', postal: '281', roads: ['오송생명로', '직지대로', '가경로'] }],
  },
  {
    state: '충청남도', areaCode: '041', weight: 2,
    districts: [
      { city: '천안시 서북구', postal: '311', roads: ['불당대로', '번영로'] },
      { city: '아산시', postal: '314', roads: ['배방로', '탕정면로'] },
    ],
  },
  {
    state: '전북특별자치도', areaCode: '063', weight: 1,
    districts: [{ city: '전주시 완산구', postal: '549', roads: ['효자로', '홍산로'] }],
  },
  {
    state: '전라남도', areaCode: '061', weight: 1,
    districts: [{ city: '여수시', postal: '596', roads: ['여수산단로', '좌수영로'] }],
  },
  {
    state: '강원특별자치도', areaCode: '033', weight: 1,
    districts: [
      { city: '춘천시', postal: '243', roads: ['중앙로', '퇴계로'] },
      { city: '원주시', postal: '263', roads: ['혁신로', '시청로'] },
    ],
  },
  {
    state: '제주특별자치도', areaCode: '064', weight: 1,
    districts: [{ city: '제주시', postal: '631', roads: ['첨단로', '연북로', '중앙로'] }],
  },
]

/** 법인등록번호 registry-office prefixes (4 digits) by 시/도: where most corporations of that region register. */
export const REGISTRY_OFFICES: Readonly<Record<string, string>> = {
  서울특별시: '1101', 경기도: '1345', 인천광역시: '1201', 부산광역시: '1801', 대구광역시: '1701', 대전광역시: '1601',
  광주광역시: '2001', 울산광역시: '2301', 세종특별자치시: '1644', 경상남도: '1946', 경상북도: '1760', 충청북도: '1501',
  충청남도: '1615', 전북특별자치도: '2101', 전라남도: '2046', 강원특별자치도: '1411', 제주특별자치도: '2201',
}

/** 세무서 codes (first three digits of a business number) seen on real certificates; any 101–899 is accepted. */
export const TAX_OFFICE_CODES = [
  '101', '104', '105', '106', '107', '108', '109', '110', '113', '114', '116', '117', '119', '120', '124', '125', '129',
  '131', '133', '134', '135', '137', '138', '140', '142', '144', '201', '206', '211', '214', '215', '220', '229', '305',
  '312', '314', '402', '410', '502', '503', '504', '514', '603', '605', '607', '609', '610', '617', '621',
] as const
