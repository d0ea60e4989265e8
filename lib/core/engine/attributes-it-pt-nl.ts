/**
 * What a statement names, in Italian, Portuguese and Dutch: the words attributes.ts reads in English, French,
 * German and Spanish, for the three languages whose changes to a sharing statement were all told `reworded`.
 *
 * Written from the languages, not from any policy, and with their second senses left out, as a review of the
 * glossed reading found them (session 24, scripts/train/experiments/2026-judgement.md): "responsabile del
 * trattamento" is a processor, but "acquisizione dei dati" no buyer, "finalità strettamente collegate" no
 * affiliate, "posizione contrattuale" and "localização da sede" no location, "modelli contrattuali" no AI
 * model, "ricerca" and "pesquisa" (also a site's search) no research, "paesi terzi" and "países terceiros"
 * (third countries) no third parties, Dutch "overname" alone no buyer; and after a review (26b) "volto a" (aimed
 * at), "dati identificativi" (name, tax code), "addestrato" (trained staff), "em seu nome" / "in uw naam" (on
 * your behalf), "seus anúncios" (a user's listings), "raccomandazioni del Garante", "Ministero della Salute".
 * No word here is one English policies write ("social media", "video" and "post" are left to the English
 * lists) but in a company's name ("… Publicidade Ltda"), so English sentences read as before (attributes.test.ts).
 *
 * Flat alternations between word boundaries, like every pattern of attributes.ts: nothing nested or unbounded.
 */
import type { DataKind, Purpose, RecipientKind } from './attributes';

export const RECIPIENTS_IT_PT_NL: Partial<Record<RecipientKind, string>> = {
  advertisers:
    'inserzionisti|partner pubblicitari|reti pubblicitarie|concessionarie? (?:di )?pubblicit[aà]|agenzie (?:pubblicitarie|di pubblicit[aà])|' +
    'parceiros (?:de publicidade|publicit[aá]rios)|redes (?:de publicidade|publicit[aá]rias)|ag[eê]ncias (?:de publicidade|publicit[aá]rias)|' +
    'adverteerders|advertentiepartners?|advertentienetwerken?|reclamepartners?|reclamebureaus?|advertentiebedrijven',
  'data-brokers': 'intermediari di dati|broker di dati|corretores de dados|intermedi[aá]rios de dados|gegevenshandelaren|databrokers?',
  'ai-providers': 'fornitori di (?:ia|intelligenza artificiale)|(?:fornecedores|provedores) de (?:ia|intelig[eê]ncia artificial)|ai-(?:aanbieders|leveranciers|bedrijven)',
  'service-providers':
    'fornitori(?: di servizi)?|prestatori di servizi|responsabili del trattamento|sub-?responsabili(?: del trattamento)?|corrieri|spedizionieri|' +
    'prestadores de servi[cç]os?|fornecedores|operadores(?: de dados)?|suboperadores|provedores(?: de servi[cç]os?)?|transportadoras?|' +
    'dienstverleners|(?:sub)?verwerkers|leveranciers|bezorgdiensten|pakketdiensten|betaaldienstverleners|hostingproviders?',
  affiliates:
    'societ[aà] (?:del (?:nostro )?gruppo|controllate|collegate|consociate)|consociate|capogruppo|' +
    'empresas (?:do (?:nosso )?grupo|afiliadas|coligadas)|subsidi[aá]rias|coligadas|' +
    'groepsmaatschappijen|dochterondernemingen|dochtermaatschappijen|moedermaatschappij|gelieerde (?:ondernemingen|bedrijven|entiteiten)|zusterbedrijven|bedrijven (?:binnen|van) (?:onze|de) groep',
  partners: 'partner commerciali|aziende partner|parceiros(?: comerciais| de neg[oó]cios)?|parceiras|samenwerkingspartners|zakenpartners|partnerbedrijven',
  authorities:
    "autorit[aà](?: (?:competenti|giudiziarie|pubbliche|di controllo))?|forze dell['’]ordine|polizia|tribunali|magistratura|pubbliche amministrazioni|agenzia delle entrate|" +
    'pol[ií]cia|tribunais|[óo]rg[ãa]os p[úu]blicos|anpd|receita federal|' +
    'autoriteiten|overheidsinstanties|politie|rechtbanken|justitie|toezichthouders?|belastingdienst|autoriteit persoonsgegevens',
  buyers:
    "acquirent[ei]|(?<=(?:una|di|la|in caso di) )fusione|fusioni|cessione (?:di ramo d['’]azienda|dell['’]azienda|della societ[aà])|" +
    'compradores?|adquirentes?|fus[ãa]o|fus[õo]es|incorpora[cç][ãa]o (?:da|de) (?:empresa|sociedade)|' +
    'kopers?|overnemende partij|fusie|overname van (?:ons bedrijf|de onderneming|onze onderneming)',
  'social-networks': 'piattaforme social|reti sociali|redes sociais|sociale (?:media|netwerken)',
  researchers: 'ricercatori|istituti di ricerca|pesquisadores|institui[cç][õo]es de pesquisa|onderzoekers|onderzoeksinstellingen|universiteiten',
  public: 'altri utenti|chiunque|outros (?:usu[aá]rios|utilizadores|membros)|qualquer pessoa|andere (?:gebruikers|leden)|iedereen',
  employers: 'dator[ei] di lavoro|empregador(?:es)?|werkgevers?',
  'financial-institutions':
    'banche|istituti (?:bancari|di credito)|compagnie (?:assicurative|di assicurazione)|assicurazioni|sistemi di informazioni creditizie|centrali rischi|' +
    'institui[cç][õo]es financeiras|seguradoras|bir[ôo]s de cr[eé]dito|' +
    'banken|verzekeraars|kredietinstellingen|financi[eë]le instellingen|bkr',
  'third-parties':
    '(?<!(?:paesi|stati) )terzi(?! (?:paesi|stati))|terze parti|soggetti terzi|societ[aà] terze|aziende terze|' +
    '(?<!(?:pa[ií]ses|estados) )terceiros(?! pa[ií]ses| estados)|terceiras partes|empresas terceiras|' +
    'derden|derde partijen|externe partijen',
};

export const DATA_IT_PT_NL: Partial<Record<DataKind, string>> = {
  content: 'contenuti|fotografie|immagini|documenti|conte[úu]dos|imagens|arquivos|afbeeldingen|documenten|(?:uw|je|jouw|de geüploade) bestanden',
  messages: 'messaggi|conversazioni|mensagens|conversas|berichten|gesprekken|chatberichten',
  feedback: 'recensioni|sondaggi|questionari|pesquisas de satisfa[cç][ãa]o|beoordelingen|recensies|enqu[êe]tes',
  'voice-images': '(?:la tua|la sua) voce|dati vocali|registrazioni (?:audio|vocali)|(?:tuo|suo|del) volto|riconoscimento facciale|grava[cç][õo]es (?:de voz|de [áa]udio)|rosto|reconhecimento facial|stemopnamen|stemgegevens|(?:audio|video|geluids)-?opnamen|(?:uw|je) gezicht|gezichtsherkenning',
  contact:
    "nome e cognome|cognome|indirizzo (?:e-?mail|di posta elettronica|postale|di spedizione|di residenza)|numero di telefono|recapiti|dati di contatto|(?:il tuo|il suo) nome|" +
    '(?<!em )(?:seu|teu) nome(?: completo)?|nome completo|endere[cç]o (?:de e-?mail|postal|de entrega|residencial)|(?:n[úu]mero de )?telefone|dados de cont[aá][ct]to|' +
    '(?<!(?:in|op) )(?:uw|je|jouw|volledige) naam|naam en (?:adres|e-?mailadres)|namen en adressen|e-?mailadres(?:sen)?|telefoonnummers?|(?:post|woon|factuur|aflever)adres(?:sen)?|contactgegevens|adresgegevens|naw-gegevens',
  location:
    'posizione (?:geografica|precisa)|geolocalizzazione|dati (?:di localizzazione|sulla posizione)|' +
    'dados de localiza[cç][ãa]o|geolocaliza[cç][ãa]o|(?:sua|tua) localiza[cç][ãa]o|localiza[cç][ãa]o (?:precisa|aproximada|geogr[aá]fica)|' +
    'locatiegegevens|geolocatie|(?:uw|je|jouw) locatie|locatie(?:informatie|data)',
  activity:
    'dati di (?:navigazione|utilizzo)|cronologia di (?:navigazione|ricerca)|comportamento di navigazione|' +
    'dados de (?:navega[cç][ãa]o|uso|utiliza[cç][ãa]o)|hist[óo]rico de (?:navega[cç][ãa]o|pesquisa|busca)|' +
    'surfgedrag|gebruiksgegevens|klikgedrag|zoekgeschiedenis|browsegeschiedenis|surfgeschiedenis',
  device:
    'indirizzo ip|indirizzi ip|identificativi (?:del dispositivo|pubblicitari)|dati del dispositivo|' +
    'endere[cç]os? ip|identificadores (?:do dispositivo|de publicidade)|dados do dispositivo|' +
    'ip-adres(?:sen)?|apparaatgegevens|apparaat-?id|advertentie-?id|identificatoren',
  purchases:
    'acquisti|cronologia (?:degli )?ordini|dati di pagamento|dati (?:delle|sulle) transazioni|' +
    'hist[óo]rico de (?:compras|pedidos)|dados de pagamento|dados de transa[cç][õo]es|' +
    'aankopen|aankoopgeschiedenis|bestelgeschiedenis|bestellingen|betaalgegevens|transactiegegevens',
  sensitive:
    '(?<!ministero )(?:della|sulla|alla|tua|sua|di) salute|dati sanitari|genetici|biometrici|origine (?:etnica|razziale)|convinzioni religiose|orientamento sessuale|opinioni politiche|categorie particolari di dati|' +
    'sa[úu]de|gen[ée]ticos|biom[ée]tricos|origem (?:[ée]tnica|racial)|convic[cç][ãa]o religiosa|orienta[cç][ãa]o sexual|dados (?:pessoais )?sens[íi]veis|' +
    'gezondheid(?:sgegevens)?|medische gegevens|genetische|biometrische|etnische afkomst|religieuze overtuiging|seksuele geaardheid|politieke opvattingen|bijzondere (?:categorie[eë]n van )?persoonsgegevens',
  'personal-data': 'dati personali|dados pessoais|persoonsgegevens|persoonlijke gegevens',
};

export const PURPOSES_IT_PT_NL: Partial<Record<Purpose, string>> = {
  advertising: 'pubblicit[aà]|pubblicitari[oae]?|annunci (?:personalizzati|mirati)|publicidade|publicit[aá]ri[oa]s?|(?<!(?:seus|teus|meus) )anúncios|(?<!(?:je|jouw|uw|mijn) )advertenties|(?<=(?:voor|van|gerichte|gepersonaliseerde|persoonlijke) )reclame|gerichte advertenties',
  marketing: 'promozioni|promozionali|comunicazioni commerciali|promo[cç][õo]es|promocionais|comunica[cç][õo]es comerciais|nieuwsbrie(?:f|ven)|aanbiedingen|promoties',
  analytics: 'statistiche|statistici|analisi statistiche|misurazione|estat[íi]sticas|estat[íi]sticos|an[áa]lises? estat[íi]sticas?|statistieken|analytische doeleinden|webanalyse',
  'ai-training':
    'addestra(?:re|mento|to|ti|ta|te|no|iamo) (?:(?:i|il|gli|dei|di|del|nostri|propri|suoi) ){0,2}(?:modell[io]|algoritmi|sistemi|ia|intelligenza artificiale)|intelligenza artificiale|apprendimento automatico|modelli (?:di (?:ia|intelligenza artificiale|linguaggio|apprendimento))|' +
    'treina(?:r|mento|mos) (?:(?:os|o|de|dos|nossos|seus) ){0,2}(?:modelos?|algoritmos|sistemas|ia|intelig[eê]ncia artificial)|modelos? (?:de ia )?treinados?|intelig[eê]ncia artificial|aprendizado de m[aá]quina|aprendizagem autom[aá]tica|' +
    'kunstmatige intelligentie|ai-modellen|taalmodellen',
  research: 'ricerca scientifica|finalit[aà] di ricerca|scopi di ricerca|pesquisa (?:cient[íi]fica|acad[êe]mica)|fins de pesquisa|wetenschappelijk onderzoek|onderzoeksdoeleinden|marktonderzoek',
  personalization: 'personalizza(?:re|zione|ti|te|to|ta)|raccomandazioni (?:personalizzate|di (?:prodotti|contenuti))|personaliza[cç][ãa]o|personalizad[oa]s|recomenda[cç][õo]es|personaliseren|personalisatie|gepersonaliseerde?|aanbevelingen',
  security: 'sicurezza|frodi|abusi|seguran[cç]a|beveiliging|veiligheid|fraudepreventie|fraudebestrijding|misbruik',
  legal: 'obblighi (?:di legge|legali|normativi)|obriga[cç][õo]es legais|ordem judicial|wettelijke? (?:verplichting(?:en)?|plicht)|gerechtelijk bevel',
  service: "fornire (?:il|i) (?:nostri )?servizi?|assistenza clienti|esecuzione del contratto|prestar (?:os )?(?:nossos )?servi[cç]os|atendimento ao cliente|execu[cç][ãa]o (?:do|de) contrato|klantenservice|uitvoering van de overeenkomst",
};

/** Words of a limit: "solo", "apenas", "alleen", anonymised or aggregated data, the user's consent. */
export const LIMITS_IT_PT_NL =
  "(?<!non )soltanto|esclusivamente|unicamente|anonimizzat[ie]|aggregat[ie]|(?:con il|col) (?:tuo|suo) (?:previo )?consenso|previo consenso|" +
  '(?<!n[ãa]o )(?:apenas|somente)|anonimizad[oa]s|com o (?:seu|teu) (?:pr[ée]vio )?consentimento|mediante (?:o seu )?consentimento|' +
  '(?<!niet )alleen|uitsluitend|nooit|geen|geanonimiseerde?|geaggregeerde?|met (?:uw|jouw|je) (?:voorafgaande )?toestemming';
