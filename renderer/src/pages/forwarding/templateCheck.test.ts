import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../../src/shared/forward-templates.js';
import { checkTemplate, isBlocking } from './templateCheck.js';

describe('the message template check', () => {
  it('passes every default template in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      for (const [category, template] of Object.entries(DEFAULT_TEMPLATES[language])) {
        expect(checkTemplate(template), `${language}/${category}`).toEqual([]);
      }
    }
  });

  it('accepts sections, inverted sections and data paths', () => {
    expect(checkTemplate('{{event.label}}{{#job.file}}: {{job.file}}{{/job.file}}{{^user.name}} (auto){{/user.name}} {{data.job.printer.group.name}}')).toEqual([]);
  });

  it('finds a section left open, a stray close and a lone "{{"', () => {
    expect(checkTemplate('{{#job.file}}File: {{job.file}}')).toEqual([{ code: 'unclosed_section', name: 'job.file' }]);
    expect(checkTemplate('Done{{/job.file}}')).toEqual([{ code: 'stray_close', name: 'job.file' }]);
    expect(checkTemplate('Printer {{printer.name')).toEqual([{ code: 'unterminated_tag' }]);
    expect(checkTemplate('{{#a.b}}{{#job.file}}x{{/a.b}}')).toContainEqual({ code: 'unclosed_section', name: 'job.file' });
  });

  it('warns about an unknown variable without blocking the save', () => {
    const problems = checkTemplate('{{printer.nmae}} {{#job.fiel}}x{{/job.fiel}}');
    expect(problems).toEqual([
      { code: 'unknown_variable', name: 'printer.nmae' },
      { code: 'unknown_variable', name: 'job.fiel' },
    ]);
    expect(problems.some(isBlocking)).toBe(false);
  });
});
