/**
 * Campaigns (캠페인) and industries (업종): the two reference lists administrators keep for everyone, each with its
 * edit dialog (errors under each field from the shared schema, before anything is sent) and the app's delete with
 * counts (DeleteButton: what goes with it, what keeps pointing at it, undo from the toast, restore from the trash).
 */
import { type FormEvent, type JSX, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseWon } from '../../../../shared/domain/money'
import { money } from '../../lib/money'
import { type AdminCampaign, type AdminIndustry } from '../../../../shared/ipc/admin-types'
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, type CampaignStatus, type CampaignType } from '../../../../shared/model/enums'
import { campaignSaveSchema, catalogueFieldErrors, industrySaveSchema } from '../../../../shared/model/validation/catalogues'
import { DeleteButton } from '../../components/DeleteButton'
import { FormField } from '../../components/FormField'
import { ModalDialog } from '../../components/ModalDialog'
import { useCan } from '../../lib/permissions'
import { useAdminStore } from './admin-store'
import { ActiveUserOptions, DialogFooter } from './form-parts'

const reload = (): void => void useAdminStore.getState().reload()

export function CampaignsTab(): JSX.Element {
  const { t } = useTranslation()
  const campaigns = useAdminStore((s) => s.campaigns)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const canCreate = useCan('campaigns', 'create')
  const canEdit = useCan('campaigns', 'update')
  const canDelete = useCan('campaigns', 'delete')
  return (
    <section aria-label={t('admin.tabs.campaigns')}>
      <div className="admin-toolbar">
        <p className="muted">{t('admin.campaigns.intro')}</p>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => dialogOpened({ kind: 'campaign', campaign: null })}>
            {t('admin.campaigns.add')}
          </button>
        )}
      </div>
      {campaigns.length === 0 ? (
        <p className="muted" data-testid="campaigns-empty">
          {t('admin.campaigns.empty')}
        </p>
      ) : (
        <table className="admin-table catalogue-table" data-testid="campaign-table">
          <thead>
            <tr>
              <th>{t('admin.campaigns.columns.name')}</th>
              <th>{t('admin.campaigns.columns.type')}</th>
              <th>{t('admin.campaigns.columns.status')}</th>
              <th>{t('admin.campaigns.columns.period')}</th>
              <th className="num">{t('admin.campaigns.columns.budget')}</th>
              <th>{t('admin.campaigns.columns.owner')}</th>
              <th>{t('admin.campaigns.columns.uses')}</th>
              <th aria-label={t('admin.edit')} />
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-inactive={c.status === 'COMPLETED' || c.status === 'CANCELLED'}>
                <td>
                  <strong>{c.name}</strong>
                  <div className="muted small">{c.code}</div>
                </td>
                <td>{c.type ? t(`admin.campaigns.types.${c.type}`) : t('admin.none')}</td>
                <td>{t(`admin.campaigns.statuses.${c.status}`)}</td>
                <td>{c.startDate || c.endDate ? `${c.startDate ?? ''} ~ ${c.endDate ?? ''}` : t('admin.none')}</td>
                <td className="num">{c.budget === null ? t('admin.none') : money(c.budget)}</td>
                <td>{c.ownerName ?? t('admin.none')}</td>
                <td>{t('admin.campaigns.uses', { leads: c.leadCount, opportunities: c.opportunityCount })}</td>
                <td className="catalogue-table__actions">
                  {canEdit && (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${c.name} ${t('admin.edit')}`}
                      onClick={() => dialogOpened({ kind: 'campaign', campaign: c })}
                    >
                      {t('admin.edit')}
                    </button>
                  )}
                  {canDelete && (
                    <DeleteButton kind="campaign" id={c.id} className="link-button" ariaLabel={`${c.name} ${t('everyday.delete.action')}`} onChanged={reload} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

interface CampaignForm {
  name: string
  type: CampaignType | ''
  status: CampaignStatus
  startDate: string
  endDate: string
  budget: string
  ownerId: string
  description: string
}

export function CampaignDialog({ campaign }: { readonly campaign: AdminCampaign | null }): JSX.Element {
  const { t } = useTranslation()
  const users = useAdminStore((s) => s.users)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const campaignSaved = useAdminStore((s) => s.campaignSaved)
  const [form, setForm] = useState<CampaignForm>({
    name: campaign?.name ?? '',
    type: campaign?.type ?? '',
    status: campaign?.status ?? 'PLANNED',
    startDate: campaign?.startDate ?? '',
    endDate: campaign?.endDate ?? '',
    budget: campaign?.budget === null || campaign?.budget === undefined ? '' : String(campaign.budget),
    ownerId: campaign?.ownerId ?? '',
    description: campaign?.description ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const set = (patch: Partial<CampaignForm>): void => setForm((f) => ({ ...f, ...patch }))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    // "3000만" and "30,000,000" both mean whole won; text that is no amount is refused in the app's words.
    const budget = form.budget.trim() === '' ? null : parseWon(form.budget)
    const input = {
      ...(campaign ? { id: campaign.id } : {}),
      name: form.name,
      type: form.type || null,
      status: form.status,
      startDate: form.startDate || null,
      endDate: form.endDate || null,
      budget: budget ?? (form.budget.trim() === '' ? null : Number.NaN),
      ownerId: form.ownerId || null,
      description: form.description,
    }
    const parsed = campaignSaveSchema.safeParse(input)
    if (!parsed.success) {
      setErrors(catalogueFieldErrors(parsed.error))
      return
    }
    setErrors({})
    await campaignSaved(input)
  }

  return (
    <ModalDialog title={campaign ? t('admin.campaigns.editTitle') : t('admin.campaigns.createTitle')} onClose={() => dialogOpened(null)}>
      <form className="admin-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label={t('admin.campaigns.name')} error={errors.name} wide>
          {(props) => <input {...props} value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.campaigns.type')} error={errors.type}>
          {(props) => (
            <select {...props} value={form.type} onChange={(e) => set({ type: e.target.value as CampaignType | '' })}>
              <option value="">{t('admin.campaigns.noType')}</option>
              {CAMPAIGN_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`admin.campaigns.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('admin.campaigns.status')} error={errors.status}>
          {(props) => (
            <select {...props} value={form.status} onChange={(e) => set({ status: e.target.value as CampaignStatus })}>
              {CAMPAIGN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`admin.campaigns.statuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('admin.campaigns.startDate')} error={errors.startDate}>
          {(props) => <input {...props} type="date" value={form.startDate} onChange={(e) => set({ startDate: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.campaigns.endDate')} error={errors.endDate}>
          {(props) => <input {...props} type="date" value={form.endDate} onChange={(e) => set({ endDate: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.campaigns.budget')} error={errors.budget}>
          {(props) => <input {...props} inputMode="numeric" placeholder="30,000,000" value={form.budget} onChange={(e) => set({ budget: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.campaigns.owner')} error={errors.ownerId}>
          {(props) => (
            <select {...props} value={form.ownerId} onChange={(e) => set({ ownerId: e.target.value })}>
              <option value="">{t('admin.campaigns.noOwner')}</option>
              <ActiveUserOptions users={users} />
            </select>
          )}
        </FormField>
        <FormField label={t('admin.campaigns.description')} error={errors.description} wide>
          {(props) => <textarea {...props} rows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} />}
        </FormField>
        <DialogFooter />
      </form>
    </ModalDialog>
  )
}

export function IndustriesTab(): JSX.Element {
  const { t } = useTranslation()
  const industries = useAdminStore((s) => s.industries)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const canCreate = useCan('industries', 'create')
  const canEdit = useCan('industries', 'update')
  const canDelete = useCan('industries', 'delete')
  return (
    <section aria-label={t('admin.tabs.industries')}>
      <div className="admin-toolbar">
        <p className="muted">{t('admin.industries.intro')}</p>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => dialogOpened({ kind: 'industry', industry: null })}>
            {t('admin.industries.add')}
          </button>
        )}
      </div>
      {industries.length === 0 ? (
        <p className="muted" data-testid="industries-empty">
          {t('admin.industries.empty')}
        </p>
      ) : (
        <ul className="department-tree card" data-testid="industry-tree">
          {industries.map((i) => (
            <li key={i.id} style={{ paddingLeft: 8 + i.depth * 20 }} aria-level={i.depth + 1}>
              <span className="department-tree__name">{i.name}</span>
              <span className="muted">
                {i.code} · {t('admin.industries.companies', { count: i.companyCount })}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${i.name} ${t('admin.edit')}`}
                  onClick={() => dialogOpened({ kind: 'industry', industry: i })}
                >
                  {t('admin.edit')}
                </button>
              )}
              {canDelete && (
                <DeleteButton kind="industry" id={i.id} className="link-button" ariaLabel={`${i.name} ${t('everyday.delete.action')}`} onChanged={reload} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The industry and everything under it: none of them can become its parent (the repository refuses it too). */
function descendantsOf(industries: readonly AdminIndustry[], id: string): ReadonlySet<string> {
  const out = new Set([id])
  for (let grew = true; grew;) {
    grew = false
    for (const i of industries) {
      if (i.parentId !== null && out.has(i.parentId) && !out.has(i.id)) {
        out.add(i.id)
        grew = true
      }
    }
  }
  return out
}

export function IndustryDialog({ industry }: { readonly industry: AdminIndustry | null }): JSX.Element {
  const { t } = useTranslation()
  const industries = useAdminStore((s) => s.industries)
  const dialogOpened = useAdminStore((s) => s.dialogOpened)
  const industrySaved = useAdminStore((s) => s.industrySaved)
  const [form, setForm] = useState({
    code: industry?.code ?? '',
    name: industry?.name ?? '',
    parentId: industry?.parentId ?? '',
    description: industry?.description ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const excluded = industry ? descendantsOf(industries, industry.id) : new Set<string>()

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const input = { ...(industry ? { id: industry.id } : {}), ...form, parentId: form.parentId || null }
    const parsed = industrySaveSchema.safeParse(input)
    if (!parsed.success) {
      setErrors(catalogueFieldErrors(parsed.error))
      return
    }
    setErrors({})
    await industrySaved(input)
  }

  return (
    <ModalDialog title={industry ? t('admin.industries.editTitle') : t('admin.industries.createTitle')} onClose={() => dialogOpened(null)}>
      <form className="admin-form" noValidate onSubmit={(e) => void submit(e)}>
        <FormField label={t('admin.industries.code')} error={errors.code}>
          {(props) => <input {...props} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.industries.name')} error={errors.name}>
          {(props) => <input {...props} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </FormField>
        <FormField label={t('admin.industries.parent')} error={errors.parentId} wide>
          {(props) => (
            <select {...props} value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
              <option value="">{t('admin.industries.top')}</option>
              {industries
                .filter((i) => !excluded.has(i.id))
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {'\u00a0'.repeat(i.depth * 2)}
                    {i.name}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <FormField label={t('admin.industries.description')} error={errors.description} wide>
          {(props) => <textarea {...props} rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </FormField>
        <DialogFooter />
      </form>
    </ModalDialog>
  )
}
