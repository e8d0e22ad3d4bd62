import type { DocName } from '../../../shared/documents/docName.ts'
import type { Services } from '../../http/AppEnv.ts'
import { toMarkdown, type ExportHeader } from '../toMarkdown.ts'
import { readWorksheet } from '../../worksheets/readWorksheet.ts'
import { toPdf } from '../toPdf.ts'
import { worksheetBlocks } from '../worksheetBlocks.ts'
import type { ArchiveFile } from './zipArchive.ts'

/** A worksheet document as two files of an archive: Markdown and PDF. */
export async function worksheetFiles(
  services: Services,
  doc: DocName,
  header: ExportHeader,
  folder: string,
): Promise<ArchiveFile[]> {
  const blocks = worksheetBlocks(await readWorksheet(services, doc))
  const pdf = await toPdf(header, blocks, new Date(services.now()))
  return [
    {
      folder,
      name: header.title,
      extension: 'md',
      data: toMarkdown(header, blocks),
      label: `${header.title} (text, Markdown)`,
    },
    { folder, name: header.title, extension: 'pdf', data: pdf, label: `${header.title} (PDF)` },
  ]
}

/** "3 March 2031", in the session's own time zone. */
export const sessionDay = (startsAt: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(new Date(startsAt))

/** "2031-03-03 Week 1": sorts by date in any file manager. */
export const sessionFolder = (startsAt: number, timeZone: string, title: string) =>
  `${new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(startsAt))} ${title}`
