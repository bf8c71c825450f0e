import { describe, expect, it } from 'vitest';
import { formatNumber, formatPValue, formatScore } from './format';

describe('formatScore', () => {
  it('keeps one decimal, so a small deduction never reads as a perfect score', () => {
    expect(formatScore(99.7)).toBe('99.7');
    expect(formatScore(99.96)).toBe('100');
    expect(formatScore(72)).toBe('72');
    expect(formatScore(0)).toBe('0');
  });
});

describe('formatNumber', () => {
  it('groups large values and gives tiny ones an exponent instead of a row of zeros', () => {
    expect(formatNumber(6638611.67)).toBe('6,638,611.67');
    expect(formatNumber(0.00392)).toBe('0.00392');
    expect(formatNumber(2.0956e-10)).toBe('2.1e-10');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatPValue', () => {
  it('says < 0.001 below the smallest p the report distinguishes', () => {
    expect(formatPValue(2.1e-10)).toBe('< 0.001');
    expect(formatPValue(0.0123)).toBe('0.012');
  });
});
