import { useEffect } from 'react'

const BADGE = /^\(\d+\) [^·]*· /

/**
 * Puts `(n) <words> · ` in front of the tab's title while `count` is above zero, so a
 * facilitator in another tab or window sees it in the tab strip. The page heading may rename
 * the tab meanwhile: the badge is put back in front of the new title.
 */
export function useTitleBadge(count: number, words: string): void {
  useEffect(() => {
    const bare = () => document.title.replace(BADGE, '')
    if (count === 0) {
      document.title = bare()
      return
    }
    const badge = `(${count}) ${words} · `
    const apply = () => {
      if (!document.title.startsWith(badge)) document.title = badge + bare()
    }
    apply()
    const title = document.querySelector('title')
    const observer = title ? new MutationObserver(apply) : null
    if (title) observer!.observe(title, { childList: true, characterData: true, subtree: true })
    return () => {
      observer?.disconnect()
      document.title = bare()
    }
  }, [count, words])
}
