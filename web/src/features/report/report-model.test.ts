import { describe, expect, it } from 'vitest';
import { SECTION_IDS, breakdownAnchor, evidenceTarget, flagRateAnchor } from './report-model';

describe('evidence of a finding', () => {
  it('points a flag-rate finding at its row of the table, else at the segments section', () => {
    const evidence = { chart_key: 'flag_rates:attrition:overtime', columns: ['attrition', 'overtime'] };
    const row = flagRateAnchor('attrition', 'overtime');

    expect(evidenceTarget(evidence, new Set([row, SECTION_IDS.segments]))).toBe(row);
    expect(evidenceTarget(evidence, new Set([SECTION_IDS.segments]))).toBe(SECTION_IDS.segments);
  });

  it('finds the breakdown of a measure whose name has a colon', () => {
    const evidence = { chart_key: 'segments:net: eur:region', columns: ['net: eur'] };
    const card = breakdownAnchor('net: eur', 'region');

    expect(evidenceTarget(evidence, new Set([card, SECTION_IDS.segments]))).toBe(card);
  });

  it('points a time-between-dates finding at the relationships section', () => {
    const evidence = { chart_key: 'date_span:ship_date:delivery_date', columns: ['ship_date', 'delivery_date'] };

    expect(evidenceTarget(evidence, new Set([SECTION_IDS.relationships]))).toBe(SECTION_IDS.relationships);
  });
});
