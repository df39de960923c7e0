import { describe, expect, it } from 'vitest';
import { typingMs, visibleText } from '../../src/game/typewriter.ts';

describe('the typewriter', () => {
  it('reveals whole characters at the chosen speed', () => {
    expect(visibleText('你好，世界', 'slow', 100)).toBe('你好');
    expect(visibleText('Hello', 'normal', 0)).toBe('');
    expect(visibleText('Hello', 'fast', 10_000)).toBe('Hello');
    expect(visibleText('Hi 😀 there', 'slow', 200)).toBe('Hi 😀');
  });

  it('shows everything at once at instant speed', () => {
    expect(visibleText('Hello', 'instant', 0)).toBe('Hello');
    expect(typingMs('Hello', 'instant')).toBe(0);
    expect(typingMs('你好', 'slow')).toBe(100);
  });
});
