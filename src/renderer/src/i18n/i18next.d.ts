import 'i18next'
import { type Translation } from './locales/ko'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Translation }
    returnNull: false
  }
}
