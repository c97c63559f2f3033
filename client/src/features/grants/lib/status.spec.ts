import { maxSubsidy } from './status';

describe('maxSubsidy', () => {
  it.each([
    [10000, 70, 7000],
    [33333, 50, 16666],
    [0, 80, 0],
  ])('%i € at %i %% → %i €', (cost, rate, max) => expect(maxSubsidy(cost, rate)).toBe(max));
});
