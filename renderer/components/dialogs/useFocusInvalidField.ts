import { useEffect } from 'react'

/**
 * When a control inside `root` is marked invalid (`aria-invalid="true"`, set when main refuses
 * what was typed), focus goes to it, so the person is at the field the message is about and a
 * screen reader reads the field with its message.
 */
export function useFocusInvalidField(root: HTMLElement | null): void {
  useEffect(() => {
    if (!root) return
    const observer = new MutationObserver((changes) => {
      for (const change of changes) {
        const el = change.target as HTMLElement
        if (el.getAttribute('aria-invalid') === 'true' && document.activeElement !== el) {
          el.focus()
          return
        }
      }
    })
    observer.observe(root, { attributes: true, attributeFilter: ['aria-invalid'], subtree: true })
    return () => observer.disconnect()
  }, [root])
}
