/**
 * The Y.XmlFragment a worksheet lives in: the one TipTap's Collaboration extension binds by
 * default. In a file of its own so that code reading a sheet's fields (the server, the sharing
 * controls) does not pull the editor in with it.
 */
export const WORKSHEET_FRAGMENT = 'default'
