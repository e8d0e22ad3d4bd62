/** A file name from a title: ASCII letters and digits only, so every system takes it. */
export const fileName = (title: string, fallback = 'worksheet') =>
  title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || fallback
