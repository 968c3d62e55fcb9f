import { describe, expect, it } from 'vitest'
import { deliveryBody, eventSentence, webhookPayload } from '../../../server/webhooks/payload.ts'
import type { HookEvent } from '../../../server/webhooks/payload.ts'

const AT = Date.UTC(2026, 10, 30, 9, 15)
const base: HookEvent = {
  id: 'evt_1',
  event: 'check-in',
  at: AT,
  workspace: { id: 'w1', title: 'Acme' },
  keyResult: { id: 'kr1', title: 'Signups' },
  task: null,
  meetingId: null,
  person: { id: 'p1', title: 'Ada' },
  mentioned: null,
  comment: null,
  detail: '42 at 7/10',
  stalls: [],
}

describe('webhook payloads', () => {
  it('say what happened with links into the app (the KR panel)', () => {
    expect(webhookPayload(base, 'https://okr.example.com/')).toEqual({
      id: 'evt_1',
      event: 'check-in',
      at: '2026-11-30T09:15:00.000Z',
      text: 'Check-in on "Signups": 42 at 7/10 (Ada)',
      url: 'https://okr.example.com/w/w1/kr/kr1',
      workspace: { id: 'w1', title: 'Acme', url: 'https://okr.example.com/w/w1' },
      keyResult: { id: 'kr1', title: 'Signups', url: 'https://okr.example.com/w/w1/kr/kr1' },
      task: null,
      meeting: null,
      person: { id: 'p1', name: 'Ada' },
      mentioned: null,
      comment: null,
      detail: '42 at 7/10',
      stalls: [],
    })
  })

  it('link a done card to its card, minutes to the meeting', () => {
    const done = webhookPayload({ ...base, event: 'task-done', task: { id: 't 1', title: 'Call Bo' }, detail: 'Done' }, 'http://127.0.0.1:8080')
    expect(done.url).toBe('http://127.0.0.1:8080/w/w1/task/t%201')
    expect(done.text).toBe('"Call Bo" is done (key result "Signups") (Ada)')
    const minutes = webhookPayload({ ...base, event: 'minutes-ready', keyResult: null, person: null, meetingId: 'm1' }, 'http://h')
    expect(minutes.url).toBe('http://h/w/w1/meetings/m1')
    expect(minutes.text).toBe('A meeting of "Acme" ended: its minutes are ready')
  })

  it('have a sentence for every event', () => {
    const stalls = [{ ruleId: 'S3', severity: 'warning', reason: 'confidence is 2/10' }]
    expect(eventSentence({ ...base, event: 'stall-appeared', stalls })).toBe('"Signups" stalled: confidence is 2/10')
    expect(eventSentence({ ...base, event: 'stall-cleared' })).toBe('"Signups" is no longer stalled')
    expect(eventSentence({ ...base, event: 'mention', mentioned: { id: 'p2', title: 'Ben' }, comment: { id: 'c1', body: 'can you take this?' } })).toBe('Ada mentioned Ben: "can you take this?"')
    expect(eventSentence({ ...base, event: 'mention', comment: { id: 'c1', body: 'x'.repeat(500) } })).toHaveLength('Ada mentioned someone: ""'.length + 140)
    expect(eventSentence({ ...base, event: 'test' })).toBe('Test event from Roundtable, workspace "Acme"')
  })

  it('are {"text"} bodies for Slack-compatible hooks, with the link in Slack\'s form and its reserved characters escaped', () => {
    const body = deliveryBody({ ...base, keyResult: { id: 'kr1', title: 'Churn < 2% & NPS > 40' } }, 'https://okr.example.com', true)
    expect(JSON.parse(body)).toEqual({ text: 'Check-in on "Churn &lt; 2% &amp; NPS &gt; 40": 42 at 7/10 (Ada) <https://okr.example.com/w/w1/kr/kr1|Open in Roundtable>' })
    expect(JSON.parse(deliveryBody(base, 'https://okr.example.com', false))).toEqual(webhookPayload(base, 'https://okr.example.com'))
  })
})
