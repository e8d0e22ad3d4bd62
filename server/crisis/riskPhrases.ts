import type { RiskCategory } from '../../shared/crisis/riskCategories.ts'

/**
 * The curated risk phrases findRisk looks for in chat messages (issue 15), per locale, as data.
 *
 * ## Pattern language
 * A phrase is words separated by spaces, compared whole after the message and the phrase are
 * both folded the same way: case, accents (ß→ss), look-alike letters and contractions do not
 * matter ("don't", "dont" and "do not" are one spelling; so are "j'ai" and "jai").
 *   word        the word itself                      kill myself
 *   stem*       any word starting so (3+ letters)    selbstverletz*
 *   (a|b c)     one of the alternatives              (want|wish) to die
 *   [a|b c]     the same, or nothing                 [i] do not want to live
 *   ..          up to three other words; a denial    mich .. umbringen
 *               among them cancels the match         ("ich will mich nicht umbringen")
 *   $           the clause ends here                 i can not go on $
 *   !a, !(a|b)  not followed by (at the end only)    cut myself !(shaving|on)
 * A denial (LOCALE_WORDS.negations) up to five words before a phrase, with only "carrier"
 * words between ("not going to", "would never"), cancels it too. A phrase that means its own
 * negation spells it out ("i do not want to live", "ich will nicht mehr leben"), and then the
 * negation is part of the phrase rather than a denial of it.
 *
 * ## What the phrases are, and where they come from
 * First-person statements of intent, wish, plan or recent act, and first-person disclosures of
 * violence: talk about the topic ("a documentary about suicide prevention", "my cousin died by
 * suicide") is deliberately not matched, because a past loss or an interest is not an acute
 * risk and a group that alerts on every mention stops reading alerts. The wording follows:
 *   - the Columbia Suicide Severity Rating Scale (C-SSRS) screener: wish to be dead ("wish I
 *     were dead", "go to sleep and not wake up"), thoughts, method, intent, plan, behaviour;
 *   - the language clinicians and crisis lines list as warning signs (988 Lifeline, Samaritans,
 *     the 3114, TelefonSeelsorge): "better off without me", "no reason to live", "a burden";
 *   - published lexicons of suicidal language in social media (e.g. Low et al., "Natural
 *     language processing reveals vulnerable mental health support groups…", JMIR 2020;
 *     De Choudhury et al., CHI 2016), including euphemisms ("unalive", "kms");
 *   - for abuse, the disclosures domestic-violence services train for ("he hits me", "I don't
 *     feel safe at home", "he won't let me leave").
 * The German, French and Spanish lists were written from the same items as a native speaker
 * would say them in a chat, not translated word for word.
 *
 * ## Limits
 * A keyword list misses most of what matters (irony, a change of tone, what is not said,
 * another language, new slang) and flags some of what does not (hyperbole: "I'll kill him if
 * he's late again"). It supports the facilitators' judgement and never replaces it: the
 * message is never blocked or hidden, and a quiet member is not a safe one.
 */
export interface RiskPhrase {
  category: RiskCategory
  phrase: string
}

/**
 * Per locale: words that deny what follows; words a denial reaches across; other people, who
 * as the subject make a phrase about them ("do you ever want to die?"); and the writer's own
 * pronouns, which make a phrase first-person whatever comes before ("better off without me").
 */
export interface LocaleWords {
  negations: readonly string[]
  carriers: readonly string[]
  others: readonly string[]
  firstPerson: readonly string[]
}

export const LOCALE_WORDS: Readonly<Record<string, LocaleWords>> = {
  en: {
    negations: ['not', 'never', 'nor', 'accidentally'],
    carriers: [
      ...['i', 'am', 'was', 'is', 'are', 'be', 'will', 'would', 'shall', 'should', 'could'],
      ...['can', 'do', 'did', 'does', 'going', 'to', 'want', 'ever', 'really', 'actually'],
      ...['even', 'just', 'plan', 'planning', 'try', 'trying', 'intend', 'again', 'so'],
    ],
    others: ['you', 'he', 'she', 'they', 'yall', 'ye'],
    firstPerson: ['i', 'me', 'my', 'myself', 'mine'],
  },
  de: {
    negations: ['nicht', 'nie', 'niemals', 'nimmer', 'kein', 'keine', 'keinen', 'keinesfalls'],
    carriers: [
      ...['ich', 'will', 'wurde', 'werde', 'mochte', 'wollte', 'kann', 'konnte', 'muss'],
      ...['jemals', 'wirklich', 'mich', 'mir', 'es', 'so', 'doch', 'ja', 'wieder'],
    ],
    others: ['du', 'er', 'sie', 'ihr'],
    firstPerson: ['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner'],
  },
  fr: {
    negations: ['ne', 'pas', 'jamais', 'aucunement', 'nullement'],
    carriers: [
      ...['je', 'me', 'te', 'le', 'la', 'les', 'veux', 'voudrais', 'vais', 'peux', 'pourrais'],
      ...['vraiment', 'suis', 'ai', 'en', 'y', 'compte', 'jamais'],
    ],
    others: ['tu', 'il', 'elle', 'ils', 'elles', 'vous'],
    firstPerson: ['je', 'me', 'moi', 'mon', 'ma', 'mes'],
  },
  es: {
    negations: ['no', 'nunca', 'jamas', 'tampoco', 'ni'],
    carriers: [
      ...['yo', 'me', 'te', 'lo', 'la', 'le', 'voy', 'iba', 'a', 'quiero', 'queria'],
      ...['quisiera', 'pienso', 'realmente', 'de', 'verdad', 'volver'],
    ],
    others: ['tu', 'el', 'ella', 'ellos', 'ellas', 'usted', 'ustedes', 'vos'],
    firstPerson: ['yo', 'me', 'mi', 'mis', 'conmigo'],
  },
}

/** Words that announce someone else's words: "my favourite song goes …", "la chanson dit …". */
export const CITING_WORDS: Readonly<{ works: readonly string[]; introducers: readonly string[] }> =
  {
    works: [
      ...['song', 'songs', 'lyric', 'lyrics', 'chorus', 'verse', 'poem', 'quote', 'movie'],
      ...['film', 'book', 'novel', 'series', 'album'],
      ...['lied', 'songtext', 'zeile', 'refrain', 'buch', 'gedicht', 'zitat', 'serie'],
      ...['chanson', 'paroles', 'couplet', 'livre', 'poeme', 'citation'],
      ...['cancion', 'letra', 'estribillo', 'pelicula', 'libro', 'poema'],
    ],
    introducers: [
      ...['goes', 'go', 'says', 'say', 'said', 'sings', 'sang', 'reads', 'read', 'went'],
      ...['geht', 'heisst', 'sagt', 'singt', 'lautet', 'dit', 'chante', 'disait', 'dice', 'canta'],
    ],
  }

const EN_KIN =
  '(husband|wife|partner|boyfriend|girlfriend|ex|dad|father|mum|mom|mother|stepdad|' +
  'stepfather|stepmum|stepmom|stepmother|brother|sister|uncle|aunt|grandfather|grandpa|' +
  'cousin|son|daughter|boss|roommate|flatmate|neighbour|neighbor|teacher|coach)'
const EN_VICTIMS = `(him|her|them|you|someone|somebody|people|everyone|everybody|my ${EN_KIN})`
const EN_ABUSER = `(he|she|they|my ${EN_KIN})`
const DE_ABUSER =
  '(er|sie|mein (mann|vater|papa|freund|partner|stiefvater|bruder|onkel|ex|chef)|' +
  'meine (frau|mutter|mama|freundin|partnerin|stiefmutter|schwester|tante|chefin))'
const DE_VICTIMS =
  '(ihn|sie|dich|jemanden|alle|meinen (mann|vater|freund|partner|chef|bruder|ex)|' +
  'meine (frau|mutter|freundin|partnerin|chefin|schwester|ex))'
const FR_ABUSER =
  '(il|elle|ils|mon (mari|pere|copain|compagnon|conjoint|beau pere|frere|oncle|ex)|' +
  'ma (femme|mere|copine|compagne|belle mere|soeur|tante))'
const ES_ABUSER =
  '(el|ella|ellos|mi (novio|novia|pareja|marido|esposo|esposa|padre|papa|madre|mama|' +
  'padrastro|madrastra|hermano|hermana|tio|tia|ex))'

const inCategory = (category: RiskCategory, ...phrases: string[]): RiskPhrase[] =>
  phrases.map((phrase) => ({ category, phrase }))

export const RISK_PHRASES: Readonly<Record<string, readonly RiskPhrase[]>> = {
  en: [
    ...inCategory(
      'suicide',
      '(want|wanting|wanted|wish|need|deserve) to die !(of|laughing|from|my|her|his|their|your)',
      '(want|wanting|wish|wished) to be dead',
      '(wish|wishing) i (was|were|could be) dead',
      'wish i (had|would) (never|not) been born',
      '(rather|better) [be] dead !(serious|tired|set|wrong|last|on)',
      'better off (dead|without me)',
      '(world|everyone|everybody|they|family) .. better without me',
      'kill (myself|my self) !(laughing|with laughter|for|over)',
      'killing (myself|my self) !(laughing|at|with|working|for|over|trying|to)',
      '(unalive|unaliving) (myself|my self)',
      '(end|ending|take|taking) my [own] life',
      'end it all',
      'i .. (commit|committing|attempt|attempting|attempted) suicide',
      '(commit|committing) (sewerslide|sewer slide)',
      '(am|feel|feeling|felt|been|getting|so|very|really|quite|pretty) suicidal',
      '(have|having|had|get|getting|got) .. suicidal (thoughts|feelings|urges|ideation)',
      '(think|thinking|thought|thoughts) (about|of) suicide !(prevention|awareness|rates|statistics|hotline|hotlines|research|in)',
      '(think|thinking|thought|thoughts) (about|of) (ending my life|ending it all)',
      '(no|not any) (reason|point) (to|in) (live|living|go on|going on|stay alive|staying alive) !(the|a|with|about|this|in)',
      'nothing [left] to live for',
      '(nobody|no one|noone) (would|will) miss me',
      '(nobody|no one|noone) (would|will) (notice|care) if i (died|was gone|were gone|disappeared|was dead)',
      'not worth living !in',
      '(do not|never) want to (live|be alive|exist) !(in|with|near|there|here|at|on)',
      '(do not|never) want to (be here|wake up) (anymore|any more|any longer|again)',
      '(want|wanting) to (live|be alive|be here|exist) (anymore|any more|any longer)',
      'can not (go on|keep going) $',
      '(can not|can no longer) (go on|keep going) (anymore|any more|any longer|like this)',
      '(hope|hoping|wish) i (do not|never|will not) wake up',
      '(go|fall) to sleep and (not|never) wake up',
      '(am|feel like) [such|just] a burden',
      '(hang|hanging|shoot|shooting|drown|drowning|poison|poisoning) (myself|my self) !(in the foot|up)',
      '(slit|slitting|slash|slashing) my (wrist|wrists|throat)',
      '(want|going|plan|planning|trying) to (overdose|throw myself (off|in front of|under))',
      'i .. (jump|jumping) (off|from) (a|the|this) (bridge|building|roof|cliff|balcony|tower)',
      '(plan|planning|plans) to (die|end my life)',
      '(took|swallowed|taken) (all|a whole (bottle|pack|box|packet) of) (my|the|those) (pills|tablets|meds|medication|painkillers) !(this morning|today|as prescribed|on time)',
      'i .. (overdosed|took an overdose)',
      '(wrote|written|writing|write) (a|my) suicide (note|letter)',
    ),
    ...inCategory(
      'self-harm',
      '(cut|cutting) (myself|my self|my (arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin)) !(shaving|cooking|chopping|on|while|by|accidentally|when|open)',
      '(hurt|hurting|harm|harming|burn|burning|punish|punishing|hit|hitting|starve|starving) (myself|my self) !(playing|while|at|running|lifting|during|skiing|when|on|by accident|accidentally|cooking|with the|in the)',
      'i [have|am|was|started|have started|keep|kept|still|sometimes|been|have been|had been] self (harm|harmed|harming)',
      '(been|started|keep|kept|am|stop|stopped) self harming',
      '(started|start|been|keep|kept|am|relapsed) cutting (again|myself)',
      '(urge|urges|need) to (cut|self harm|hurt myself)',
    ),
    ...inCategory(
      'harm-to-others',
      `i .. (kill|murder|strangle|stab|poison) ${EN_VICTIMS} !(a|an|off|time)`,
      `(want|wanting|going|plan|planning|try|trying|tempted|urge) to (hurt|harm|attack|shoot) ${EN_VICTIMS} !(a|an|feelings|feeling|pride|chances|ego|career|back|down)`,
      `i (will|would|could) (hurt|harm|attack|shoot) ${EN_VICTIMS} !(a|an|feelings|feeling|pride|chances|ego|career|back|down)`,
      `i .. beat ${EN_VICTIMS} up`,
      'i .. beat the (shit|crap|hell|life) out of (him|her|them|you|someone|somebody)',
      'i .. (shoot|shooting) up (the|my|this) (school|office|work|workplace|class|place)',
      'i .. (bring|take|bringing|taking) a (gun|knife|weapon) to (school|work|class|the office)',
      '(want|wanting|going|plan|planning) to (kill|hurt|murder) (someone|somebody|people|everyone|everybody)',
      'i .. make (him|her|them) suffer',
    ),
    ...inCategory(
      'abuse',
      `${EN_ABUSER} .. (slaps|slapped|punches|punched|chokes|choked|strangles|strangled|rapes|raped|molests|molested|abuses|abused|batters|battered) me`,
      `${EN_ABUSER} .. (hits|hit|beats|beat|kicks|kicked|hurts|hurt|burns|burned|burnt|touches|touched|touching|gropes|groped) me !(up|at|out|back|off|deeply|emotionally|so|in (the|a) (race|game|match)|with (his|her|their) (words|story|music|kindness|song|speech))`,
      '(touched|touches|touching|groped) me (inappropriately|there|down there|sexually|without)',
      'i (was|have been|had been|got|am being|been|keep getting) (raped|molested|abused|sexually abused|sexually assaulted|assaulted|groped|beaten up|strangled|choked|trafficked)',
      `${EN_ABUSER} .. (tried|tries) to (kill|strangle|choke|drown) me`,
      `(not|never) [feel] safe (at home|in my (home|house|own home)|with (him|her|them|my ${EN_KIN})|around (him|her|them))`,
      '(afraid|scared|terrified) (to go|of going) home',
      '(afraid|scared|terrified) (he|she|they) (will|would|is going to|might|could) (kill|hurt|hit) me',
      '(threatened|threatens|threatening) to (kill|hurt|hit|beat) me',
      `${EN_ABUSER} (will not|does not|never|did not) let me (leave|go out|see my (friends|family)|have [any] money)`,
      '(forces|forced|forcing|makes|made|pressures|pressured) me [to] have sex',
      `${EN_ABUSER} .. (locks|locked) me (in|up)`,
    ),
  ],
  de: [
    ...inCategory(
      'suicide',
      'ich (will|mochte|wollte) .. sterben !(vor|fur)',
      '(will|mochte|kann|wurde) nicht mehr leben',
      '(will|mochte) nicht mehr (hier|da) sein',
      '(will|mochte) nicht mehr aufwachen',
      '(keinen|kein) (sinn|grund) mehr (zu leben|im leben|weiterzuleben)',
      'keinen grund zu leben',
      'mich .. (umbringen|umzubringen|toten|erhangen|erschiessen|vergiften|aufhangen)',
      'ich (bringe|bring) mich .. um $',
      '(mir|mein) .. (das leben nehmen|leben beenden|leben ein ende setzen)',
      'ich .. (selbstmord|suizid) (begehen|machen|zu begehen)',
      'ich (habe|hab|hatte) .. (suizidgedanken|selbstmordgedanken|suizidale gedanken)',
      'ich (bin|fuhle mich) .. (suizidal|lebensmude)',
      '(denke|dachte) .. an (selbstmord|suizid) !(pravention|vorbeugung)',
      'besser [dran] ohne mich',
      'ich ware (lieber|besser) tot',
      '(will|mochte) tot sein',
      'mich vor (den|einen) zug (werfen|legen)',
    ),
    ...inCategory(
      'self-harm',
      'ich (ritze|ritz|schneide|verletze) mich !(beim|am|an|in)',
      'mich .. (ritzen|selbst verletzen|selbst zu verletzen|selbst bestrafen)',
      'ich .. selbstverletz*',
      'ich .. mir .. (weh tun|wehtun|schaden) !(beim|am)',
      'ich (tue|tu) mir [selbst] weh',
    ),
    ...inCategory(
      'harm-to-others',
      `ich .. ${DE_VICTIMS} .. (umbringen|toten|abstechen|erschiessen|verletzen|erwurgen|abknallen)`,
      'ich (bringe|bring) (ihn|sie|dich) .. um $',
      'ich .. (ihm|ihr|dir|jemandem) .. (weh tun|wehtun|was antun|etwas antun)',
    ),
    ...inCategory(
      'abuse',
      `${DE_ABUSER} .. (schlagt|schlug|verprugelt|verprugelte|wurgt|wurgte|tritt|trat|missbraucht|missbrauchte|vergewaltigt|vergewaltigte|bedroht|bedrohte) mich !(beim|im|in)`,
      `${DE_ABUSER} hat mich .. (geschlagen|verprugelt|gewurgt|getreten|missbraucht|vergewaltigt|angefasst|begrapscht|bedroht|eingesperrt)`,
      'ich (wurde|bin|werde) .. (geschlagen|missbraucht|vergewaltigt|misshandelt|angefasst|begrapscht|verprugelt)',
      '(zu hause|zuhause|daheim) nicht sicher',
      'nicht sicher (zu hause|zuhause|daheim|bei (ihm|ihr))',
      'angst [davor] nach hause zu gehen',
      '(droht|drohte|gedroht) .. mich (umzubringen|zu toten|zu schlagen)',
      `${DE_ABUSER} (will|wird|wollte) mich .. (umbringen|toten|schlagen)`,
    ),
  ],
  fr: [
    ...inCategory(
      'suicide',
      '(veux|voudrais|voulais|envie de|besoin de|aimerais) .. mourir !(de|pour|dans)',
      'je .. me (suicider|suicide|tuer|tue|pendre|pends) !(a|au|de|pour)',
      'me suicider',
      '(veux|voudrais|vais|envie de|besoin de|aimerais) en finir !avec',
      'en finir avec (la vie|ma vie|tout)',
      'mettre fin a (mes jours|ma vie)',
      '[ne] (veux|voudrais|peux|souhaite) plus vivre !(ici|avec|dans|a|en|chez)',
      '[ne] [ai|a] (plus|aucune|pas de) (envie|raison) de vivre',
      'je .. (suis|me sens) suicidaire',
      'je .. (idees|pensees) suicidaires',
      '(pense|pensais|penser) (au suicide|a me suicider|a me tuer|a mourir) !(prevention|des)',
      '(veux|voudrais|envie de|aimerais) (disparaitre|ne plus etre la|ne plus exister)',
      '(seraient|serait|serais|serez) mieux sans moi',
      '(veux|voudrais|prefererais) etre (mort|morte)',
      'je suis un fardeau',
    ),
    ...inCategory(
      'self-harm',
      'me (scarifie|scarifier|scarifiais|mutile|mutiler|suis scarifie|suis scarifiee)',
      'je .. me (fais|suis fait|suis faite) du mal !(en|au|a la)',
      '(envie|besoin|veux|vais|voudrais) [de] me faire du mal',
      'je me (coupe|taillade|brule) !(les cheveux|les ongles|en|avec|la frange)',
      '(envie|besoin) de me (couper|taillader|bruler|scarifier)',
      'je .. automutil*',
    ),
    ...inCategory(
      'harm-to-others',
      'je .. (le|la|les|te|vous) (tuer|tue|tuerai|buter|bute|buterai|frapper|frapperai|egorger|poignarder)',
      "(envie|besoin) de (tuer|buter|frapper) (quelqu'un|tout le monde|mon (mari|pere|patron|frere|ex|copain)|ma (femme|mere|patronne|soeur|copine))",
    ),
    ...inCategory(
      'abuse',
      `${FR_ABUSER} .. me (frappe|frappait|bat|battait|a frappe|a frappee|a battu|a battue|a viole|a violee|viole|violait|touche|touchait|a touche|a touchee|etrangle|a etrangle|menace|menacait|a menace|a agresse|a agressee) !(beaucoup|profondement|vraiment|droit au coeur)`,
      `${FR_ABUSER} .. a abuse de moi`,
      '[ne] (suis|me sens|sens) (pas|plus) en securite (chez moi|a la maison|avec (lui|elle))',
      '(peur|terrifiee|terrifie) de rentrer (chez moi|a la maison)',
      '(il|elle) .. menace de me (tuer|frapper)',
      "(j'ai ete|on m'a) (violee|viole|agressee|agresse|battue|battu|frappee|frappe|abusee|abuse)",
    ),
  ],
  es: [
    ...inCategory(
      'suicide',
      '(quiero|queria|quisiera|necesito|deseo) (morir|morirme|estar muerto|estar muerta) !(de|por)',
      '(quiero|quisiera) desaparecer [de este mundo|para siempre]',
      'me (quiero|queria) morir !(de|por)',
      '(no|ya no) quiero (vivir|seguir viviendo) !(en|con|aqui|alli|aca|cerca|asi en)',
      'no puedo seguir (asi|viviendo)',
      'no puedo seguir $',
      '(suicidarme|quitarme la vida|acabar con mi vida|terminar con mi vida)',
      'me (voy a|quiero) (matar|suicidar|colgar|ahorcar) !(de|estudiando|trabajando)',
      '(voy a|quiero|pienso|ganas de|deberia|necesito) (matarme|ahorcarme|colgarme) !(estudiando|trabajando|de|a)',
      '(pienso|pensando|pensamientos) (en|de) (suicidarme|el suicidio|matarme|quitarme la vida) !prevencion',
      'tengo .. (ideas|pensamientos) suicidas',
      '(estarian|estaria|estarias|estaran) mejor sin mi',
      '(no tengo|no hay|sin) (razones|razon|motivos|motivo|ganas) (para|de) vivir',
      'ojala (estuviera|estuviese) muert*',
      '(ojala|quisiera) no (haber nacido|despertar)',
      'soy una carga',
    ),
    ...inCategory(
      'self-harm',
      '(me corto|cortarme|me he cortado|me volvi a cortar|me sigo cortando) !(el pelo|el cabello|las unas|la barba|el flequillo|el dedo|con|cocinando|sin querer)',
      '(hacerme|me hago|me sigo haciendo) dano !(en|al|jugando|sin querer)',
      '(autolesionarme|me autolesiono|me autolesione|lastimarme a proposito|me quemo a proposito)',
    ),
    ...inCategory(
      'harm-to-others',
      '(lo|la|los|las|te) (voy a|quiero|pienso) (matar|golpear|apunalar|lastimar|hacer dano)',
      '(voy a|quiero) (matarlo|matarla|matarlos|matarte|golpearlo|golpearla|apunalarlo|apunalarla|hacerle dano|lastimarlo|lastimarla)',
      '(ganas de|quiero) matar a (alguien|todos|mi (jefe|jefa|padre|madre|marido|esposo|esposa|novio|novia|hermano|hermana|ex))',
    ),
    ...inCategory(
      'abuse',
      `${ES_ABUSER} .. me (pega|pego|pegaba|golpea|golpeo|golpeaba|maltrata|maltrataba|viola|violo|amenaza|amenazo|ahorca|ahorco|empuja|empujo|encierra|encerro)`,
      '(abuso|abusaron|abusaba) de mi',
      'me (violo|violaron|manoseo|manosearon|toco sin [mi] permiso|tocaba sin [mi] permiso)',
      '(no estoy|no me siento) (segura|seguro|a salvo) (en casa|en mi casa|con el|con ella)',
      '(miedo|terror) (de|a) (volver|ir|regresar) a (casa|mi casa)',
      'amenaza con (matarme|pegarme|hacerme dano)',
      '(fui|he sido|sufri) (violada|violado|abusada|abusado|agredida|agredido|maltratada|maltratado)',
    ),
  ],
}
