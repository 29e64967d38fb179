import { useEffect, useRef } from 'react';

/**
 * Issue 15.6: moves keyboard focus to the element the returned ref is on when `shown` becomes a
 * new truthy value (an answer, a preview, a summary). It runs as an effect, after React committed
 * the element, so it never runs before the element is on the page (a frame requested from an event
 * handler or a mutation callback can, and then focus falls to <body>). The element needs
 * `tabIndex={-1}` unless it is focusable itself.
 */
export function useFocusOnShow<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  return ref;
}
