/** Every activity kind in words, for the list's own record, a named record and one gone from the board. */
import { describe, expect, it } from 'vitest'
import { activityText, fieldsText } from '../../../client/format/activityText.ts'
import type { ActivitySubject } from '../../../client/format/activityText.ts'
import { ActivityKind } from '../../../shared/model/index.ts'
import type { Activity, ActivityTargetKind } from '../../../shared/model/index.ts'

const SELF: ActivitySubject = { kind: 'self' }
const GONE: ActivitySubject = { kind: 'gone' }
const named = (name: string): ActivitySubject => ({ kind: 'named', name })
const entry = (kind: ActivityKind, target: ActivityTargetKind, detail = ''): Pick<Activity, 'kind' | 'target' | 'detail'> => ({ kind, target: { kind: target, id: 'x1' }, detail })

describe('activity in words', () => {
  it('says every kind of entry, naming the record unless it is the list\'s own', () => {
    const cases: Array<[Pick<Activity, 'kind' | 'target' | 'detail'>, ActivitySubject, string]> = [
      [entry(ActivityKind.Created, 'task', 'Call'), named('Call'), 'created the task ‘Call’'],
      [entry(ActivityKind.Created, 'keyResult', 'Signups'), SELF, 'created this key result'],
      [entry(ActivityKind.Created, 'task', 'Old card'), GONE, 'created the task ‘Old card’'],
      [entry(ActivityKind.Deleted, 'task'), GONE, 'deleted a task'],
      [entry(ActivityKind.Deleted, 'objective'), named('Grow'), 'deleted the objective ‘Grow’'],
      [entry(ActivityKind.Edited, 'keyResult', 'target, unit'), SELF, 'changed the target and the unit'],
      [entry(ActivityKind.Edited, 'task', 'assigneeId, dueDate, labels'), named('Call'), 'changed the assignee, the due date and the labels of the task ‘Call’'],
      [entry(ActivityKind.TextEdited, 'keyResult', 'title'), SELF, 'edited the title'],
      [entry(ActivityKind.TextEdited, 'task', 'description'), named('Call'), 'edited the description of the task ‘Call’'],
      [entry(ActivityKind.Moved, 'task', 'Done'), named('Ship v2'), 'moved ‘Ship v2’ to Done'],
      [entry(ActivityKind.Moved, 'task', 'Doing'), SELF, 'moved it to Doing'],
      [entry(ActivityKind.Moved, 'task'), GONE, 'moved a task'],
      [entry(ActivityKind.Done, 'task', 'Shipped'), named('Ship v2'), 'moved ‘Ship v2’ to Shipped'],
      [entry(ActivityKind.Done, 'task'), SELF, 'finished it'],
      [entry(ActivityKind.CheckedIn, 'keyResult', '55 at 7/10'), SELF, 'checked in 55 at confidence 7/10'],
      [entry(ActivityKind.CheckedIn, 'keyResult', '12.5 at 4/10'), named('Churn'), 'checked in the key result ‘Churn’: 12.5 at confidence 4/10'],
      [entry(ActivityKind.StatusChanged, 'cycle', 'published'), named('Q3'), 'marked the cycle ‘Q3’ published'],
      [entry(ActivityKind.StatusChanged, 'objective', 'achieved'), SELF, 'marked this objective achieved'],
      [entry(ActivityKind.Scored, 'keyResult'), named('Churn'), 'scored the key result ‘Churn’'],
      [entry(ActivityKind.Commented, 'task'), SELF, 'commented on this task'],
      [entry(ActivityKind.Praised, 'person', 'Great demo'), named('Ben'), 'thanked Ben: “Great demo”'],
      [entry(ActivityKind.Praised, 'person'), GONE, 'thanked someone'],
    ]
    for (const [e, subject, words] of cases) expect(activityText(e, subject), `${e.kind} ${subject.kind}`).toBe(words)
    // Every kind has words: none falls through to the exhaustive default.
    const said = new Set(cases.map(([e]) => e.kind))
    expect([...said].sort()).toEqual(Object.values(ActivityKind).sort())
  })

  it('writes a check-in with the key result\'s unit, from the value before it when there was one, and keeps a detail it cannot read', () => {
    expect(activityText(entry(ActivityKind.CheckedIn, 'keyResult', '55 at 7/10'), SELF, '%')).toBe('checked in 55% at confidence 7/10')
    expect(activityText(entry(ActivityKind.CheckedIn, 'keyResult', '1200 at 6/10'), SELF, 'teams')).toBe('checked in 1,200 teams at confidence 6/10')
    expect(activityText(entry(ActivityKind.CheckedIn, 'keyResult', '40 → 55 at 7/10'), SELF, '%')).toBe('checked in 40% → 55% at confidence 7/10')
    expect(activityText(entry(ActivityKind.CheckedIn, 'keyResult', '1000 → 1200 at 6/10'), named('Teams'), 'teams')).toBe('checked in the key result ‘Teams’: 1,000 teams → 1,200 teams at confidence 6/10')
    expect(activityText(entry(ActivityKind.CheckedIn, 'keyResult', 'odd'), SELF)).toBe('checked in odd')
  })

  it('names the fields of an edit', () => {
    expect(fieldsText('')).toBe('the details')
    expect(fieldsText('weight')).toBe('the weight')
    expect(fieldsText('ownerId, teamId')).toBe('the owner and the team')
  })
})
