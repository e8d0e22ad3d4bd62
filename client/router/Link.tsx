import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './navigation.ts'

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/**
 * A real link (it can be opened in a new tab, copied, read by screen readers as a link) that
 * navigates inside the app on a plain click.
 */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    if (rest.target && rest.target !== '_self') return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={onLinkClick} {...rest} />
}
