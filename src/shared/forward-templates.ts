// The messages chat destinations send when the operator has not written their own: one per event
// category, in English and Russian. The first line becomes the title (bold in Telegram, the embed
// title in Discord, ...). A destination's own templates, keyed by event name or category, win.
// Shared so the dashboard can show the defaults in its template editor.
import type { EventCategory } from './catalogue.js';
import type { ForwardLanguage } from './forward.js';

const PRINTER = '{{#printer.name}} — {{printer.name}}{{/printer.name}}';

export const DEFAULT_TEMPLATES: Record<ForwardLanguage, Record<EventCategory, string>> = {
  en: {
    job: [
      `{{event.label}}${PRINTER}`,
      '{{#job.file}}File: {{job.file}}{{/job.file}}',
      '{{#job.percentage}}Progress: {{job.percentage}}%{{/job.percentage}}',
      '{{#job.duration}}Duration: {{job.duration}}{{/job.duration}}',
      '{{#user.name}}By: {{user.name}}{{/user.name}}',
    ].join('\n'),
    printer: [
      `{{event.label}}${PRINTER}`,
      '{{#ai.failures}}Detected: {{ai.failures}}{{/ai.failures}}',
      '{{#job.file}}File: {{job.file}}{{/job.file}}',
      '{{#ai.image}}{{ai.image}}{{/ai.image}}',
    ].join('\n'),
    company: ['{{event.label}}', '{{#user.name}}User: {{user.name}}{{/user.name}}'].join('\n'),
    queue: [
      '{{event.label}}{{#queue.file}}: {{queue.file}}{{/queue.file}}',
      '{{#user.name}}By: {{user.name}}{{/user.name}}',
      '{{#queue.reason}}Reason: {{queue.reason}}{{/queue.reason}}',
    ].join('\n'),
    filament: [
      '{{event.label}}{{#filament.name}}: {{filament.name}}{{/filament.name}}',
      '{{#printer.name}}Printer: {{printer.name}}{{/printer.name}}',
      '{{#user.name}}By: {{user.name}}{{/user.name}}',
    ].join('\n'),
    balance: [
      '{{event.label}}',
      '{{#data.amount}}Amount: {{data.amount}}{{/data.amount}}',
      '{{#user.name}}User: {{user.name}}{{/user.name}}',
    ].join('\n'),
    quota: [
      '{{event.label}}',
      '{{#data.amount}}Amount: {{data.amount}}{{/data.amount}}',
      '{{#user.name}}User: {{user.name}}{{/user.name}}',
    ].join('\n'),
    maintenance: [
      '{{event.label}}{{#maintenance.title}}: {{maintenance.title}}{{/maintenance.title}}',
      '{{#printer.name}}Printer: {{printer.name}}{{/printer.name}}',
      '{{#problem.description}}{{problem.description}}{{/problem.description}}',
      '{{#maintenance.due}}Due: {{maintenance.due}}{{/maintenance.due}}',
    ].join('\n'),
    test: ['FarmHook test message', 'Forwarding to this destination works.'].join('\n'),
    other: [`{{event.name}}${PRINTER}`, '{{#user.name}}User: {{user.name}}{{/user.name}}'].join('\n'),
  },
  ru: {
    job: [
      `{{event.label}}${PRINTER}`,
      '{{#job.file}}Файл: {{job.file}}{{/job.file}}',
      '{{#job.percentage}}Прогресс: {{job.percentage}}%{{/job.percentage}}',
      '{{#job.duration}}Длительность: {{job.duration}}{{/job.duration}}',
      '{{#user.name}}Запустил: {{user.name}}{{/user.name}}',
    ].join('\n'),
    printer: [
      `{{event.label}}${PRINTER}`,
      '{{#ai.failures}}Обнаружено: {{ai.failures}}{{/ai.failures}}',
      '{{#job.file}}Файл: {{job.file}}{{/job.file}}',
      '{{#ai.image}}{{ai.image}}{{/ai.image}}',
    ].join('\n'),
    company: ['{{event.label}}', '{{#user.name}}Пользователь: {{user.name}}{{/user.name}}'].join('\n'),
    queue: [
      '{{event.label}}{{#queue.file}}: {{queue.file}}{{/queue.file}}',
      '{{#user.name}}Кто: {{user.name}}{{/user.name}}',
      '{{#queue.reason}}Причина: {{queue.reason}}{{/queue.reason}}',
    ].join('\n'),
    filament: [
      '{{event.label}}{{#filament.name}}: {{filament.name}}{{/filament.name}}',
      '{{#printer.name}}Принтер: {{printer.name}}{{/printer.name}}',
      '{{#user.name}}Кто: {{user.name}}{{/user.name}}',
    ].join('\n'),
    balance: [
      '{{event.label}}',
      '{{#data.amount}}Сумма: {{data.amount}}{{/data.amount}}',
      '{{#user.name}}Пользователь: {{user.name}}{{/user.name}}',
    ].join('\n'),
    quota: [
      '{{event.label}}',
      '{{#data.amount}}Количество: {{data.amount}}{{/data.amount}}',
      '{{#user.name}}Пользователь: {{user.name}}{{/user.name}}',
    ].join('\n'),
    maintenance: [
      '{{event.label}}{{#maintenance.title}}: {{maintenance.title}}{{/maintenance.title}}',
      '{{#printer.name}}Принтер: {{printer.name}}{{/printer.name}}',
      '{{#problem.description}}{{problem.description}}{{/problem.description}}',
      '{{#maintenance.due}}Срок: {{maintenance.due}}{{/maintenance.due}}',
    ].join('\n'),
    test: ['Тестовое сообщение FarmHook', 'Пересылка в это место назначения работает.'].join('\n'),
    other: [`{{event.name}}${PRINTER}`, '{{#user.name}}Пользователь: {{user.name}}{{/user.name}}'].join('\n'),
  },
};

/**
 * The variables a template can name (src/forward/template-context.ts computes them); `{{data.a.b}}`
 * reaches into SimplyPrint's original `data` besides. The dashboard offers and checks these names.
 */
export const TEMPLATE_VARIABLES = [
  'event.name',
  'event.label',
  'event.category',
  'event.id',
  'event.time',
  'printer.id',
  'printer.name',
  'job.id',
  'job.uid',
  'job.file',
  'job.state',
  'job.percentage',
  'job.timeLeft',
  'job.duration',
  'job.url',
  'user.name',
  'queue.file',
  'queue.reason',
  'filament.name',
  'maintenance.title',
  'maintenance.due',
  'problem.description',
  'ai.failures',
  'ai.image',
] as const;
