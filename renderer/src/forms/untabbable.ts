import { useEffect, type RefObject } from 'react';

/**
 * Takes controls out of the Tab order that a person cannot see until the mouse is over them: antd's
 * clear button (×) of a Select with `allowClear` is a `<button>` at opacity 0, a hidden stop between
 * the unit search and the payment (issue 12). The mouse can still click it; the keyboard clears by
 * typing over the selection.
 */
export function useUntabbable(root: RefObject<HTMLElement | null>, selector = '.ant-select-clear') {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const apply = () => el.querySelectorAll<HTMLElement>(selector).forEach((b) => b.setAttribute('tabindex', '-1'));
    apply();
    const watch = new MutationObserver(apply);
    watch.observe(el, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [root, selector]);
}
