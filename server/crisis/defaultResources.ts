import type { RegionResources } from '../../shared/crisis/crisisResources.ts'
import type { CrisisRegion } from '../../shared/crisis/regions.ts'
import { REGION_LABELS } from '../../shared/crisis/regions.ts'

/**
 * The crisis lines Hearth ships for each region (issue 15). Conservative on purpose: national
 * lines whose numbers we could check against the service's own page, hours only where that
 * page promises them, and each region's emergency number first. A deployment replaces a
 * region with HEARTH_CRISIS_RESOURCES (docs/CRISIS.md); numbers change (Spain's 024 dates from
 * 2022, Canada's 9-8-8 from 2023), so `sources` says where to look again.
 */
export const DEFAULT_RESOURCES: Readonly<Record<CrisisRegion, RegionResources>> = {
  US: {
    region: 'US',
    label: REGION_LABELS.US,
    emergency: '911',
    lines: [
      {
        name: '988 Suicide & Crisis Lifeline',
        phone: '988',
        sms: '988',
        url: 'https://988lifeline.org',
        hours: '24/7',
        languages: ['en', 'es'],
        note: 'Call or text 988, or chat at 988lifeline.org.',
      },
      {
        name: 'Crisis Text Line',
        sms: '741741',
        url: 'https://www.crisistextline.org',
        hours: '24/7',
        note: 'Text HOME to 741741.',
      },
    ],
    sources: ['https://988lifeline.org', 'https://www.crisistextline.org'],
  },
  CA: {
    region: 'CA',
    label: REGION_LABELS.CA,
    emergency: '911',
    lines: [
      {
        name: '9-8-8: Suicide Crisis Helpline',
        phone: '988',
        sms: '988',
        url: 'https://988.ca',
        hours: '24/7',
        languages: ['en', 'fr'],
        note: 'Call or text 9-8-8.',
      },
      {
        name: 'Kids Help Phone',
        phone: '1-800-668-6868',
        sms: '686868',
        url: 'https://kidshelpphone.ca',
        hours: '24/7',
        note: 'For young people. Text CONNECT to 686868.',
      },
    ],
    sources: ['https://988.ca', 'https://kidshelpphone.ca'],
  },
  GB: {
    region: 'GB',
    label: REGION_LABELS.GB,
    emergency: '999',
    lines: [
      {
        name: 'Samaritans',
        phone: '116 123',
        url: 'https://www.samaritans.org',
        hours: '24/7',
        note: 'Free to call.',
      },
      {
        name: 'Shout',
        sms: '85258',
        url: 'https://giveusashout.org',
        hours: '24/7',
        note: 'Text SHOUT to 85258.',
      },
      {
        name: 'NHS 111',
        phone: '111',
        url: 'https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/behaviours/help-for-suicidal-thoughts/',
        note: 'Urgent help that is not an emergency (England, Scotland and Wales).',
      },
    ],
    sources: [
      'https://www.samaritans.org',
      'https://giveusashout.org',
      'https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/behaviours/help-for-suicidal-thoughts/',
    ],
  },
  IE: {
    region: 'IE',
    label: REGION_LABELS.IE,
    emergency: '112 or 999',
    lines: [
      {
        name: 'Samaritans',
        phone: '116 123',
        url: 'https://www.samaritans.org/ireland/',
        hours: '24/7',
        note: 'Free to call.',
      },
      {
        name: 'Pieta',
        phone: '1800 247 247',
        sms: '51444',
        url: 'https://www.pieta.ie',
        hours: '24/7',
        note: 'Text HELP to 51444.',
      },
    ],
    sources: ['https://www.samaritans.org/ireland/', 'https://www.pieta.ie'],
  },
  AU: {
    region: 'AU',
    label: REGION_LABELS.AU,
    emergency: '000',
    lines: [
      {
        name: 'Lifeline',
        phone: '13 11 14',
        sms: '0477 13 11 14',
        url: 'https://www.lifeline.org.au',
        hours: '24/7',
      },
      {
        name: 'Suicide Call Back Service',
        phone: '1300 659 467',
        url: 'https://www.suicidecallbackservice.org.au',
        hours: '24/7',
      },
    ],
    sources: ['https://www.lifeline.org.au', 'https://www.suicidecallbackservice.org.au'],
  },
  NZ: {
    region: 'NZ',
    label: REGION_LABELS.NZ,
    emergency: '111',
    lines: [
      {
        name: '1737, Need to talk?',
        phone: '1737',
        sms: '1737',
        url: 'https://1737.org.nz',
        hours: '24/7',
        note: 'Free to call or text.',
      },
      {
        name: 'Lifeline Aotearoa',
        phone: '0800 543 354',
        sms: '4357',
        url: 'https://www.lifeline.org.nz',
        hours: '24/7',
      },
    ],
    sources: ['https://1737.org.nz', 'https://www.lifeline.org.nz'],
  },
  DE: {
    region: 'DE',
    label: REGION_LABELS.DE,
    emergency: '112',
    lines: [
      {
        name: 'TelefonSeelsorge',
        phone: '0800 111 0 111',
        url: 'https://www.telefonseelsorge.de',
        hours: '24/7',
        languages: ['de'],
        note: 'Also 0800 111 0 222 and 116 123. Free and anonymous.',
      },
    ],
    sources: ['https://www.telefonseelsorge.de'],
  },
  AT: {
    region: 'AT',
    label: REGION_LABELS.AT,
    emergency: '112 or 144 (ambulance)',
    lines: [
      {
        name: 'Telefonseelsorge',
        phone: '142',
        url: 'https://www.telefonseelsorge.at',
        hours: '24/7',
        languages: ['de'],
      },
      {
        name: 'Rat auf Draht',
        phone: '147',
        url: 'https://www.rataufdraht.at',
        hours: '24/7',
        note: 'For children and young people.',
      },
    ],
    sources: ['https://www.telefonseelsorge.at', 'https://www.rataufdraht.at'],
  },
  CH: {
    region: 'CH',
    label: REGION_LABELS.CH,
    emergency: '112 or 144 (ambulance)',
    lines: [
      {
        name: 'Die Dargebotene Hand / La Main Tendue / Telefono Amico',
        phone: '143',
        url: 'https://www.143.ch',
        hours: '24/7',
        languages: ['de', 'fr', 'it'],
      },
      {
        name: 'Pro Juventute',
        phone: '147',
        url: 'https://www.147.ch',
        hours: '24/7',
        note: 'For children and young people.',
      },
    ],
    sources: ['https://www.143.ch', 'https://www.147.ch'],
  },
  FR: {
    region: 'FR',
    label: REGION_LABELS.FR,
    emergency: '112 or 15 (SAMU)',
    lines: [
      {
        name: '3114, numéro national de prévention du suicide',
        phone: '3114',
        url: 'https://3114.fr',
        hours: '24/7',
        languages: ['fr'],
        note: 'Free.',
      },
      {
        name: 'SOS Amitié',
        phone: '09 72 39 40 50',
        url: 'https://www.sos-amitie.com',
        languages: ['fr'],
      },
    ],
    sources: ['https://3114.fr', 'https://www.sos-amitie.com'],
  },
  BE: {
    region: 'BE',
    label: REGION_LABELS.BE,
    emergency: '112',
    lines: [
      {
        name: 'Zelfmoordlijn',
        phone: '1813',
        url: 'https://www.zelfmoord1813.be',
        hours: '24/7',
        languages: ['nl'],
      },
      {
        name: 'Centre de Prévention du Suicide',
        phone: '0800 32 123',
        url: 'https://www.preventionsuicide.be',
        hours: '24/7',
        languages: ['fr'],
      },
    ],
    sources: ['https://www.zelfmoord1813.be', 'https://www.preventionsuicide.be'],
  },
  NL: {
    region: 'NL',
    label: REGION_LABELS.NL,
    emergency: '112',
    lines: [
      {
        name: '113 Zelfmoordpreventie',
        phone: '113',
        url: 'https://www.113.nl',
        hours: '24/7',
        languages: ['nl'],
        note: 'Or 0800 0113, free. Chat at 113.nl.',
      },
    ],
    sources: ['https://www.113.nl'],
  },
  ES: {
    region: 'ES',
    label: REGION_LABELS.ES,
    emergency: '112',
    lines: [
      {
        name: 'Línea 024 de atención a la conducta suicida',
        phone: '024',
        hours: '24/7',
        languages: ['es'],
        note: 'Free and confidential.',
      },
      {
        name: 'Teléfono de la Esperanza',
        phone: '717 003 717',
        url: 'https://telefonodelaesperanza.org',
        languages: ['es'],
      },
    ],
    sources: ['https://www.sanidad.gob.es', 'https://telefonodelaesperanza.org'],
  },
  IT: {
    region: 'IT',
    label: REGION_LABELS.IT,
    emergency: '112 or 118 (ambulance)',
    lines: [
      {
        name: 'Telefono Amico Italia',
        phone: '02 2327 2327',
        url: 'https://www.telefonoamico.it',
        languages: ['it'],
        note: 'Not around the clock: see the website for hours.',
      },
    ],
    sources: ['https://www.telefonoamico.it'],
  },
  SE: {
    region: 'SE',
    label: REGION_LABELS.SE,
    emergency: '112',
    lines: [
      {
        name: 'Mind Självmordslinjen',
        phone: '90101',
        url: 'https://mind.se/hitta-hjalp/sjalvmordslinjen/',
        hours: '24/7',
        languages: ['sv'],
        note: 'Or chat at mind.se.',
      },
      {
        name: '1177 Vårdguiden',
        phone: '1177',
        url: 'https://www.1177.se',
        note: 'Health advice that is not an emergency.',
      },
    ],
    sources: ['https://mind.se/hitta-hjalp/sjalvmordslinjen/', 'https://www.1177.se'],
  },
  NO: {
    region: 'NO',
    label: REGION_LABELS.NO,
    emergency: '113 (medical emergency)',
    lines: [
      {
        name: 'Mental Helse Hjelpetelefonen',
        phone: '116 123',
        url: 'https://mentalhelse.no',
        hours: '24/7',
        languages: ['no'],
      },
      {
        name: 'Kirkens SOS',
        phone: '22 40 00 40',
        url: 'https://www.kirkens-sos.no',
        hours: '24/7',
        languages: ['no'],
      },
    ],
    sources: ['https://mentalhelse.no', 'https://www.kirkens-sos.no'],
  },
  DK: {
    region: 'DK',
    label: REGION_LABELS.DK,
    emergency: '112',
    lines: [
      {
        name: 'Livslinien',
        phone: '70 201 201',
        url: 'https://www.livslinien.dk',
        languages: ['da'],
        note: 'See the website for hours.',
      },
    ],
    sources: ['https://www.livslinien.dk'],
  },
  FI: {
    region: 'FI',
    label: REGION_LABELS.FI,
    emergency: '112',
    lines: [
      {
        name: 'MIELI Kriisipuhelin',
        phone: '09 2525 0111',
        url: 'https://mieli.fi',
        languages: ['fi'],
        note: 'In Swedish 09 2525 0112; in English 09 2525 0116 (limited hours).',
      },
    ],
    sources: ['https://mieli.fi'],
  },
  other: {
    region: 'other',
    label: REGION_LABELS.other,
    emergency: 'Call your local emergency number',
    lines: [
      {
        name: 'Find A Helpline',
        url: 'https://findahelpline.com',
        note: 'Free, confidential helplines in many countries, searchable by country and topic.',
      },
      {
        name: 'International Association for Suicide Prevention: crisis centres',
        url: 'https://www.iasp.info/crisis-centres-helplines/',
      },
    ],
    sources: ['https://findahelpline.com', 'https://www.iasp.info/crisis-centres-helplines/'],
  },
}
