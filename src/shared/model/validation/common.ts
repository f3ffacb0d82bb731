/**
 * Schema helpers every domain's validation shares (ids, dates, won amounts, text fields). Domains import them from
 * here, never from each other.
 */
import { z } from 'zod'
import { isIsoDate } from '../../domain/dates'
import { isUuid } from '../../ids/uuidv7'

export const idSchema = z.string().refine(isUuid, 'must be a UUID')

export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD')

/** Whole won, never negative: KRW has no minor unit (docs/architecture.md §2). */
export const wonSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

/** Empty text in a form means "no value": stored as null, never as ''. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null))

export const requiredText = (max: number) => z.string().trim().min(1).max(max)
