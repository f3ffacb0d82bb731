/**
 * Instructor double bookings the sync server recorded across projects (`instructor_clashes`), as the device shows them
 * beside its own check (docs/hrd-training-rules.md § Instructors across projects).
 */

/** One class of a recorded clash. The other project is often not on this device: its name is then null. */
export interface ClashSide {
  readonly classId: string
  readonly projectId: string
  /** The project's name when this device holds the project; null otherwise (not in the user's scope). */
  readonly projectName: string | null
  readonly sessionNumber: number
  readonly classNumber: number
  readonly startTime: string
  readonly endTime: string
  /** Whom to call about this class (its 차수's coordinator, else the project's coordinator, PM or operator). */
  readonly coordinatorName: string | null
}

export interface ServerClash {
  readonly id: string
  readonly instructorName: string | null
  readonly date: string
  /** The part of the day both classes take. */
  readonly overlapStart: string
  readonly overlapEnd: string
  /** The class on the reader's side (of the project shown, or of a project the coordinator runs). */
  readonly mine: ClashSide
  readonly other: ClashSide
  /** When the server first recorded it. */
  readonly detectedAt: string
}

/** Server-recorded clashes and how current they are on this device. */
export interface ServerClashReport {
  /**
   * When this device last finished a sync (push, then pull to the end): the server checks every class change in the
   * push that carries it, so every class it had received by then was checked against all projects. Null: never synced
   * (a demo or a device that has not reached the server yet).
   */
  readonly lastCheckedAt: string | null
  /** Classes with changes still waiting in the outbox: the server has not checked their current times yet. */
  readonly uncheckedClassIds: readonly string[]
  readonly clashes: readonly ServerClash[]
}
