/** @module Template: a company's quarter, three company-level objectives. */
import { KeyResultKind as K, ObjectiveLevel, Origin } from '../../model/index.ts'
import { TemplateId } from './okrTemplate.ts'
import type { OkrTemplate } from './okrTemplate.ts'

export const companyQuarter: OkrTemplate = {
  id: TemplateId.CompanyQuarter,
  name: 'Company quarter',
  summary: 'Customers, revenue and people: three company objectives to align teams under.',
  team: null,
  objectives: [
    {
      title: 'Delight our customers',
      description: 'Customers recommend us because we solve their problem and answer fast.',
      level: ObjectiveLevel.Company,
      origin: Origin.TopDown,
      keyResults: [
        { title: 'Raise net promoter score', kind: K.Increase, unit: 'points', start: 30, target: 45, weight: 40 },
        { title: 'Cut median first support response time', kind: K.Decrease, unit: 'h', start: 8, target: 2, weight: 30 },
        { title: 'Keep monthly churn between 1 and 2%', kind: K.Range, unit: '%', rangeLow: 1, rangeHigh: 2, weight: 30 },
      ],
    },
    {
      title: 'Grow revenue sustainably',
      description: 'More customers, paying more, at a healthy margin.',
      level: ObjectiveLevel.Company,
      origin: Origin.TopDown,
      keyResults: [
        { title: 'Grow monthly recurring revenue', kind: K.Increase, unit: 'k', start: 100, target: 130, weight: 40 },
        { title: 'Raise gross margin', kind: K.Increase, unit: '%', start: 62, target: 68, weight: 30 },
        { title: 'Win new customers', kind: K.Count, unit: 'customers', start: 0, target: 20, weight: 30 },
      ],
    },
    {
      title: 'Build a team people want to join',
      description: '',
      level: ObjectiveLevel.Company,
      origin: Origin.TopDown,
      keyResults: [
        { title: 'Raise the engagement survey score', kind: K.Increase, unit: 'points', start: 7.1, target: 8, weight: 40 },
        { title: 'Hire into open roles', kind: K.Count, unit: 'hires', start: 0, target: 8, weight: 30 },
        { title: 'Publish career paths for every role', kind: K.Milestone, dueAt: 1, weight: 30 },
      ],
    },
  ],
}
