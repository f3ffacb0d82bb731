import { type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { type ScreenId } from './navigation'

/** Stand-in for screens that later changes build (each in its own features/<domain> folder). */
export function ScreenPlaceholder({ screen }: { readonly screen: ScreenId }): JSX.Element {
  const { t } = useTranslation()
  return (
    <section className="card placeholder">
      <h2>{t('placeholder.title', { screen: t(`nav.${screen}`) })}</h2>
      <p>{t('placeholder.body')}</p>
    </section>
  )
}
