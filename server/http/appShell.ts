import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pageLoadFor } from '../../shared/routes/pageLoads.ts'

/** The part of Vite's build manifest (`.vite/manifest.json`) the shell reads. */
export type BuildManifest = Record<
  string,
  { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }
>

/**
 * The app shell (`index.html`) for one address, with the page's chunks and first API answers
 * named in `<head>` so the browser fetches them at once, beside the main script, rather than
 * each after the one that asks for it (see shared/routes/pageLoads.ts). Without a manifest
 * (an old build, a test folder) the shell goes out as it is.
 */
export function appShell(html: string, manifest: BuildManifest | null): (path: string) => string {
  if (!manifest) return () => html
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key]
    if (!chunk || into.has(key)) return into
    into.add(key)
    for (const imported of chunk.imports ?? []) closure(imported, into)
    return into
  }
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)
  const loaded = entryKey ? closure(entryKey, new Set()) : new Set<string>()
  const loadedCss = new Set([...loaded].flatMap((key) => manifest[key]!.css ?? []))
  const cache = new Map<string, string>()
  const modules = (module: string) => {
    let links = cache.get(module)
    if (links === undefined) {
      const keys = [...closure(module, new Set())].filter((key) => !loaded.has(key))
      const css = keys.flatMap((key) => manifest[key]!.css ?? [])
      links =
        keys
          .map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key]!.file}">`)
          .join('') +
        css
          .filter((file) => !loadedCss.has(file))
          .map((file) => `<link rel="preload" as="style" href="/${file}">`)
          .join('')
      cache.set(module, links)
    }
    return links
  }
  return (path) => {
    const page = pageLoadFor(path)
    if (!page) return html
    // `crossorigin` makes the preload match the page's fetch (CORS mode, same-origin cookies).
    const api = page.api.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`)
    return html.replace('</head>', `${modules(page.module)}${api.join('')}</head>`)
  }
}

/** Reads the built shell and its manifest from the client folder. */
export function readAppShell(clientDir: string): (path: string) => string {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8')
  const manifestPath = join(clientDir, '.vite', 'manifest.json')
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as BuildManifest)
    : null
  return appShell(html, manifest)
}
