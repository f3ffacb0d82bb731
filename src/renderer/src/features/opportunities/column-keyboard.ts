import { type KeyboardCoordinateGetter } from '@dnd-kit/core'

/**
 * Keyboard moves on the board jump a whole column per arrow press (the default sensor moves 25 px, which would take a
 * dozen presses to cross one column). Left/right only: the order inside a column is by close date, not by hand.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined
  event.preventDefault()
  const { collisionRect, droppableRects, droppableContainers, over } = context
  if (!collisionRect) return currentCoordinates
  const columns = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id)
      return rect ? [{ id: container.id, rect }] : []
    })
    .sort((a, b) => a.rect.left - b.rect.left)
  const centre = collisionRect.left + collisionRect.width / 2
  const here = over ? columns.findIndex((c) => c.id === over.id) : columns.findIndex((c) => c.rect.left <= centre && centre < c.rect.left + c.rect.width)
  const next = columns[here + (event.code === 'ArrowRight' ? 1 : -1)]
  if (!next) return currentCoordinates
  const dx = next.rect.left + (next.rect.width - collisionRect.width) / 2 - collisionRect.left
  return { x: currentCoordinates.x + dx, y: currentCoordinates.y }
}
