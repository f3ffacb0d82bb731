/**
 * The pipeline board at a company's real size (issue 17), at 1280×720 on the demo data: the board fits the window,
 * every column (실주 included) is on screen, columns scroll inside themselves under fixed headers, won and lost show a
 * recent window with "더 보기", filters narrow the cards, and a card moved with the keyboard keeps focus, stays in view
 * and says where it went.
 */
import { type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './browser'
import { openOfflineDevice, replicaRows, type OfflineDevice } from './offline-device'

let device: OfflineDevice
let page: Page

const one = <T>(sql: string, ...params: unknown[]): T => replicaRows<T>(device, sql, ...params)[0] as T

beforeAll(async () => {
  device = await openOfflineDevice({ demoScale: 20000 })
  page = device.page
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('button', { name: '영업기회' }).click()
  await page.getByTestId('opportunity-card').first().waitFor()
})

afterAll(async () => {
  await device?.close()
})

const column = (stage: string) => page.getByTestId(`stage-${stage}`)
const cardsIn = (stage: string) => column(stage).getByTestId('opportunity-card')

describe('the pipeline board at real size', () => {
  it('fits the window: every column on screen, columns scroll inside themselves under fixed headers', async () => {
    const board = await page.locator('.kanban').boundingBox()
    expect(board).not.toBeNull()
    expect((board?.y ?? 0) + (board?.height ?? 0)).toBeLessThanOrEqual(720)
    const lost = await column('CLOSED_LOST').boundingBox()
    expect((lost?.x ?? 9999) + (lost?.width ?? 0)).toBeLessThanOrEqual(1280)

    const won = one<{ n: number }>(`SELECT count(*) AS n FROM opportunities WHERE stage = 'CLOSED_WON' AND deleted_at IS NULL`).n
    expect(won).toBeGreaterThan(20)
    expect(await cardsIn('CLOSED_WON').count()).toBe(20)
    await column('CLOSED_WON').getByText(`최근 20건 / 전체 ${won}건`).waitFor()
    await screenshot(page, 'opportunities-board-1280-ko')

    const header = column('CLOSED_WON').locator('.kanban__header')
    const before = await header.boundingBox()
    await page.getByTestId('stage-cards-CLOSED_WON').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    expect(await page.getByTestId('stage-cards-CLOSED_WON').evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
    expect(await header.boundingBox()).toEqual(before)

    await column('CLOSED_WON')
      .getByRole('button', { name: /더 보기/ })
      .click()
    expect(await cardsIn('CLOSED_WON').count()).toBe(Math.min(40, won))
  })

  it('filters by owner and by minimum amount', async () => {
    const owner = one<{ id: string; n: number }>(
      `SELECT account_manager_id AS id, count(*) AS n FROM opportunities
       WHERE deleted_at IS NULL AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') GROUP BY account_manager_id ORDER BY n DESC LIMIT 1`,
    )
    const filters = page.getByRole('group', { name: '영업기회 필터' })
    await filters.getByLabel('담당자').selectOption(owner.id)
    const open = ['QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION']
    const openCount = async (): Promise<number> => {
      let n = 0
      for (const stage of open) n += await cardsIn(stage).count()
      return n
    }
    await expect.poll(openCount).toBe(owner.n)
    await filters.getByLabel('담당자').selectOption('')
    const big = one<{ n: number }>(
      `SELECT count(*) AS n FROM opportunities WHERE deleted_at IS NULL AND stage IN ('QUALIFYING', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION') AND amount >= 100000000`,
    ).n
    await filters.getByLabel('최소 금액 (원)').fill('100,000,000')
    await expect.poll(openCount).toBe(big)
    await filters.getByLabel('최소 금액 (원)').fill('')
  })

  it('keeps keyboard focus on a card moved with the keyboard, in view, confirmed on the card', async () => {
    const handle = cardsIn('QUALIFYING').first().locator('.opp-card__handle')
    const title = (await cardsIn('QUALIFYING').first().locator('.opp-card__title').textContent()) ?? ''
    const id = await cardsIn('QUALIFYING').first().getAttribute('data-opportunity-id')
    await handle.focus()
    await page.keyboard.press('Space')
    await page.locator(`[data-opportunity-id="${id}"].opp-card--dragging`).waitFor()
    await page.keyboard.press('ArrowRight')
    await column('NEEDS_ANALYSIS').and(page.locator('.kanban__column--over')).waitFor()
    await page.keyboard.press('Space')
    const moved = page.locator(`[data-opportunity-id="${id}"]`)
    await expect.poll(() => moved.getAttribute('data-stage')).toBe('NEEDS_ANALYSIS')
    await moved.getByTestId('card-moved').getByText('니즈 분석', { exact: false }).waitFor()
    await expect.poll(() => moved.locator('.opp-card__handle').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    const box = await moved.boundingBox()
    expect(box && box.y >= 0 && box.y + 20 <= 720).toBe(true)
    await screenshot(page, 'opportunities-moved-1280-ko')
    expect(title).not.toBe('')
    expect(device.pageErrors).toEqual([])
  })
})
