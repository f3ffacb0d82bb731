/**
 * Input rules of imported rows that have no form of their own elsewhere: a trainee (교육생) of a roster file. Built from
 * the same field rules as the customer forms, so a phone or e-mail is judged the same everywhere.
 */
import { z } from 'zod'
import { emailField, phoneField } from './customers'

const text = (max: number) =>
  z
    .string()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim()))

const requiredName = z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(50, { error: 'validation.tooLong' })

export const traineeImportSchema = z.strictObject({
  lastName: requiredName,
  firstName: requiredName,
  employeeNumber: text(50),
  department: text(100),
  position: text(50),
  email: emailField,
  phone: phoneField,
  notes: text(2000),
})
export type TraineeImport = z.output<typeof traineeImportSchema>
