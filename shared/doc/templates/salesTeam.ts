/** @module Template: a sales team's quarter, mostly bottom-up (L6). */
import { KeyResultKind as K, ObjectiveLevel, Origin } from '../../model/index.ts'
import { TemplateId } from './okrTemplate.ts'
import type { OkrTemplate } from './okrTemplate.ts'

export const salesTeam: OkrTemplate = {
  id: TemplateId.SalesTeam,
  name: 'Sales team',
  summary: 'Pipeline, win rate and account growth.',
  team: 'Sales',
  objectives: [
    {
      title: 'Build a predictable pipeline',
      description: '',
      level: ObjectiveLevel.Team,
      origin: Origin.BottomUp,
      keyResults: [
        { title: 'Grow qualified pipeline', kind: K.Increase, unit: 'k', start: 400, target: 600, weight: 40 },
        { title: 'Hold discovery calls', kind: K.Count, unit: 'calls', start: 0, target: 60, weight: 30 },
        { title: 'Answer inbound leads within 1 to 4 hours', kind: K.Range, unit: 'h', rangeLow: 1, rangeHigh: 4, weight: 30 },
      ],
    },
    {
      title: 'Close more of what we start',
      description: 'Fewer deals lost late, shorter cycles.',
      level: ObjectiveLevel.Team,
      origin: Origin.BottomUp,
      keyResults: [
        { title: 'Raise the win rate', kind: K.Increase, unit: '%', start: 18, target: 25, weight: 50 },
        { title: 'Shorten the sales cycle', kind: K.Decrease, unit: 'days', start: 60, target: 45, weight: 30 },
        {
          title: 'Roll out a shared sales playbook',
          kind: K.TaskDriven,
          weight: 20,
          tasks: ['Collect the best discovery questions', 'Write objection-handling notes', 'Train the team on the playbook'],
        },
      ],
    },
    {
      title: 'Grow existing accounts',
      description: '',
      level: ObjectiveLevel.Team,
      origin: Origin.TopDown,
      keyResults: [
        { title: 'Raise net revenue retention', kind: K.Increase, unit: '%', start: 100, target: 110, weight: 60 },
        { title: 'Hold business reviews with top accounts', kind: K.Count, unit: 'reviews', start: 0, target: 20, weight: 40 },
      ],
    },
  ],
}
