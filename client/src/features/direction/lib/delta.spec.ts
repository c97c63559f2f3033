import { formatDelta } from './delta';

describe('formatDelta', () => {
  it.each([
    [0, '='],
    [1, '+1'],
    [15, '+15'],
    [-4, '−4'],
  ])('%i → %s', (delta, text) => expect(formatDelta(delta)).toBe(text));
});
