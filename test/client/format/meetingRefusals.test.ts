import { describe, expect, it } from 'vitest'
import { CommandError, CommandErrorCode } from '../../../shared/doc/index.ts'
import { describeError, describeRefusal } from '../../../client/format/describeError.ts'

describe('meeting refusals in words', () => {
  it.each([
    [CommandErrorCode.MeetingRunning, /already running: join it/],
    [CommandErrorCode.NoMeeting, /No meeting is running/],
    [CommandErrorCode.NotFacilitator, /Only the facilitator/],
    [CommandErrorCode.VoteClosed, /vote is over/],
  ])('a command refused with %s reads as one sentence', (code, sentence) => {
    expect(describeError(new CommandError(code, 'raw message'))).toMatch(sentence)
  })

  it("the vote API's JSON errors: meeting codes get the same sentences, others keep the server's message", () => {
    expect(describeRefusal('vote-closed', 'Round r1 is revealed')).toMatch(/vote is over/)
    expect(describeRefusal('invalid', 'value: must be 0-10')).toBe('value: must be 0-10')
    expect(describeRefusal('', '')).toMatch(/refused/)
  })
})
