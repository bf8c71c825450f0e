import { describe, expect, it } from 'vitest';
import { formatScore } from './format';

describe('formatScore', () => {
  it('keeps one decimal, so a small deduction never reads as a perfect score', () => {
    expect(formatScore(99.7)).toBe('99.7');
    expect(formatScore(99.96)).toBe('100');
    expect(formatScore(72)).toBe('72');
    expect(formatScore(0)).toBe('0');
  });
});
