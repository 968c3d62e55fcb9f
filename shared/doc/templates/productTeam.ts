/** @module Template: a product team's quarter, mostly bottom-up (L6). */
import { KeyResultKind as K, ObjectiveLevel, Origin } from '../../model/index.ts'
import { TemplateId } from './okrTemplate.ts'
import type { OkrTemplate } from './okrTemplate.ts'

export const productTeam: OkrTemplate = {
  id: TemplateId.ProductTeam,
  name: 'Product team',
  summary: 'Onboarding, speed and discovery, with the first tasks on the board.',
  team: 'Product',
  objectives: [
    {
      title: 'Make onboarding effortless',
      description: 'A new user gets value on their first day without help.',
      level: ObjectiveLevel.Team,
      origin: Origin.BottomUp,
      keyResults: [
        { title: 'Raise week-one activation', kind: K.Increase, unit: '%', start: 35, target: 50, weight: 40 },
        { title: 'Cut time to first value', kind: K.Decrease, unit: 'min', start: 20, target: 5, weight: 30 },
        {
          title: 'Ship the guided onboarding flow',
          kind: K.TaskDriven,
          weight: 30,
          tasks: ['Map the current onboarding steps', 'Prototype the guided setup', 'Test the prototype with 5 users'],
        },
      ],
    },
    {
      title: 'Ship a faster, more reliable product',
      description: '',
      level: ObjectiveLevel.Team,
      origin: Origin.BottomUp,
      keyResults: [
        { title: 'Bring p95 page load time down', kind: K.Decrease, unit: 'ms', start: 2400, target: 1200, weight: 50 },
        { title: 'Raise crash-free sessions', kind: K.Increase, unit: '%', start: 98.5, target: 99.5, weight: 50 },
      ],
    },
    {
      title: 'Learn what customers need next',
      description: 'Decide next quarter from evidence, not opinions.',
      level: ObjectiveLevel.Team,
      origin: Origin.TopDown,
      keyResults: [
        { title: 'Run customer interviews', kind: K.Count, unit: 'interviews', start: 0, target: 15, weight: 50 },
        { title: 'Establish a feature-usage baseline', kind: K.Baseline, dueAt: 0.5, weight: 25 },
        { title: 'Publish the next-quarter roadmap', kind: K.Milestone, dueAt: 1, weight: 25 },
      ],
    },
  ],
}
