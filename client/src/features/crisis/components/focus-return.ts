/**
 * Where the focus goes back when a DSFR modal closes: the control that opened it, or a
 * fallback when that control is gone (a COD transition replaces its own buttons).
 */
let opener: HTMLElement | null = null;

export function rememberOpener(element: HTMLElement): void {
  opener = element;
}

export function restoreFocus(fallback: () => HTMLElement | null): void {
  const target = opener?.isConnected ? opener : fallback();
  opener = null;
  // after the DSFR script has finished concealing the dialog
  setTimeout(() => target?.focus(), 0);
}

/**
 * After a form inside `container` closes: focus the first of `selectors` present (the card
 * that replaced the form, or the button that opened it), once React has rendered.
 */
export function focusWithin(container: HTMLElement | null, ...selectors: string[]): void {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const target = container?.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  });
}
