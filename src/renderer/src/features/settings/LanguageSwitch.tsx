import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, languages, switchLanguage } from '../../i18n'

export function LanguageSwitch({ tone = 'light' }: { readonly tone?: 'light' | 'dark' }): JSX.Element {
  const { t, i18n } = useTranslation()
  const current = isLanguage(i18n.language) ? i18n.language : 'ko'
  return (
    <div className={`language-switch language-switch--${tone}`} role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={current === language} onClick={() => void switchLanguage(language)}>
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  )
}
