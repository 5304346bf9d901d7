import { describe, expect, it } from 'vitest';
import { errorsInWords, errorInWords, formatSeconds } from '../../src/domain/index.ts';

describe('formatSeconds', () => {
  it('writes each duration in the largest unit that stays readable', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(0.85)).toBe('850 ms');
    expect(formatSeconds(42.5)).toBe('42.5 s');
    expect(formatSeconds(90)).toBe('1.5 min');
    expect(formatSeconds(900)).toBe('15 min');
    expect(formatSeconds(14_400)).toBe('4 h');
    // Up to two days stay in hours: deadlines are said so.
    expect(formatSeconds(86_400)).toBe('24 h');
    expect(formatSeconds(158_400)).toBe('44 h');
    expect(formatSeconds(3.1 * 86_400)).toBe('3.1 d');
  });

  it('keeps three significant digits and separates thousands', () => {
    expect(formatSeconds(1234.5)).toBe('20.6 min');
    expect(formatSeconds(86_400 * 1500)).toBe('1,500 d');
    expect(formatSeconds(-90)).toBe('-1.5 min');
  });
});

describe('error types in words', () => {
  it('says an error type as a person would, and shows an unknown name as it is', () => {
    expect(errorInWords('rate_limited')).toBe('rate limited');
    expect(errorInWords('timeout')).toBe('timed out');
    expect(errorInWords('gremlins')).toBe('gremlins');
  });

  it('joins matchers with "or", and ALL is any error', () => {
    expect(errorsInWords(['ALL'])).toBe('any error');
    expect(errorsInWords(['timeout', 'ALL'])).toBe('any error');
    expect(errorsInWords(['timeout'])).toBe('timed out');
    expect(errorsInWords(['timeout', 'rate_limited'])).toBe('timed out or rate limited');
    expect(errorsInWords(['timeout', 'rate_limited', 'refusal'])).toBe('timed out, rate limited or refused');
    expect(errorsInWords([])).toBe('no error');
  });
});
