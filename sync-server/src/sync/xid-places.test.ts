/**
 * XidPlaces.ceiling applies CEILING_SQL's rule (pull.ts) to a snapshot's running ids: the smallest running id that is
 * not another database's, else xmax; an id found nowhere counts as this database's. It may only answer from what it
 * knows — when it cannot, it says so (null) and names the ids to look up.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSnapshot, xidBelow, XidPlaces } from './xid-places'

type Place = 'here' | 'away' | 'nowhere'

describe('the pull ceiling from remembered places', () => {
  it('parses snapshots and orders xid8 text numerically', () => {
    expect(parseSnapshot('10:20:')).toEqual({ xmin: '10', xmax: '20', xip: [] })
    expect(parseSnapshot('10:20:10,12,19')).toEqual({ xmin: '10', xmax: '20', xip: ['10', '12', '19'] })
    expect(xidBelow('9', '10')).toBe(true)
    expect(xidBelow('10', '9')).toBe(false)
    expect(xidBelow('12', '12')).toBe(false)
    expect(xidBelow('18446744073709551614', '18446744073709551615')).toBe(true)
  })

  it('answers as CEILING_SQL would, or asks for exactly the ids that could bound it', () => {
    const running = fc.uniqueArray(fc.tuple(fc.bigInt({ min: 1n, max: 2n ** 40n }), fc.constantFrom<Place>('here', 'away', 'nowhere'), fc.boolean()), {
      selector: ([xid]) => xid,
      maxLength: 8,
    })
    fc.assert(
      fc.property(running, fc.bigInt({ min: 1n, max: 1000n }), (ids, gap) => {
        const xmax = ids.reduce((max, [xid]) => (xid > max ? xid : max), 0n) + gap
        const snapshot = { xmin: String(ids.reduce((min, [xid]) => (xid < min ? xid : min), xmax)), xmax: String(xmax), xip: ids.map(([xid]) => String(xid)) }
        // The truth: the smallest running id not in another database (found nowhere counts as here), else xmax.
        const notAway = ids.filter(([, place]) => place !== 'away').map(([xid]) => xid)
        const truth = String(notAway.length === 0 ? xmax : notAway.reduce((min, xid) => (xid < min ? xid : min)))
        // This instance knows some of the places (the flag), never a "nowhere" (those are not remembered).
        const places = new XidPlaces()
        places.learn(
          ids.filter(([, place, known]) => known && place === 'away').map(([xid]) => String(xid)),
          ids.filter(([, place, known]) => known && place === 'here').map(([xid]) => String(xid)),
          snapshot.xmin,
        )
        const known = places.ceiling(snapshot)
        const unknown = places.unknown(snapshot)
        if (known !== null) {
          expect(known).toBe(truth)
          expect(unknown).toEqual([])
          return
        }
        expect(unknown.length).toBeGreaterThan(0)
        // Look them up as pull.ts does: learn what was found, assume here what was found nowhere.
        const placeOf = new Map(ids.map(([xid, place]) => [String(xid), place]))
        places.learn(
          unknown.filter((xid) => placeOf.get(xid) === 'away'),
          unknown.filter((xid) => placeOf.get(xid) === 'here'),
          snapshot.xmin,
        )
        expect(places.ceiling(snapshot, new Set(unknown.filter((xid) => placeOf.get(xid) === 'nowhere')))).toBe(truth)
      }),
      { numRuns: 2_000 },
    )
  })

  it("knows an id this instance's push ran here without a lookup", () => {
    const places = new XidPlaces()
    const snapshot = parseSnapshot('100:110:100,105')
    places.learn(['100'], [], '100')
    expect(places.ceiling(snapshot)).toBeNull()
    places.ranHere('105')
    expect(places.unknown(snapshot)).toEqual([])
    expect(places.ceiling(snapshot)).toBe('105')
  })
})
