import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value, for Leaflet handlers registered once: a new callback prop from the page does
 * not re-register listeners (nor rebuild layers).
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
