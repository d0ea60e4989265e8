/**
 * Small hand-written pages for the detection, extraction and pipeline tests (test-only helper; not
 * imported by production code). Each body is long enough to read like the real thing.
 */

export function page(opts: { lang?: string; title: string; h1?: string; body: string; head?: string }): string {
  return `<!doctype html><html${opts.lang ? ` lang="${opts.lang}"` : ''}><head><meta charset="utf-8"><title>${opts.title}</title>${opts.head ?? ''}</head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main>${opts.h1 ? `<h1>${opts.h1}</h1>` : ''}${opts.body}</main>
<footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a> <a href="/imprint">Imprint</a></footer>
</body></html>`;
}

const EN_POLICY_SECTIONS = `
<p>Last updated: March 3, 2024</p>
<p>This privacy policy explains how Acme Ltd ("we") collects, uses and shares personal information when you use our website and apps. Acme Ltd is the data controller for your personal data.</p>
<h2>Information we collect</h2>
<p>We collect personal information you give us, such as your name, email address and payment details. We also collect information automatically, including your IP address, device identifiers, browsing history on our site and approximate geolocation.</p>
<ul><li>Account data: name, email address, password.</li><li>Usage data: pages viewed, clicks, crash reports.</li><li>Device data: IP address, browser type, operating system.</li></ul>
<h2>How we use your information</h2>
<p>We use personal information to provide and improve the service, to personalise content, to communicate with you and for security. Where the GDPR applies, our legal basis is the performance of a contract, your consent or our legitimate interests.</p>
<h2>Sharing with third parties</h2>
<p>We may share personal information with service providers who process it on our behalf, with advertising partners, and with authorities where the law requires. We do not sell personal information. Third parties may set cookies on our site.</p>
<h2>Retention</h2>
<p>We retain personal data for as long as your account is open and for up to two years afterwards, unless a longer retention period is required by law.</p>
<h2>Your rights</h2>
<p>You have the right to access, the right to rectification, the right to erasure, the right to object and the right to data portability. You can opt out of marketing emails at any time. To exercise your rights, contact our data protection officer at privacy@acme.example.</p>
<h2>Children</h2>
<p>Our services are not directed to children under 13 and we do not knowingly collect personal information from them.</p>
<h2>Changes to this policy</h2>
<p>We may update this privacy policy from time to time. We will notify you of material changes by email or through the service.</p>`;

export const EN_POLICY = page({ lang: 'en-US', title: 'Privacy Policy | Acme', h1: 'Privacy Policy', body: EN_POLICY_SECTIONS });

export const DE_POLICY = page({
  lang: 'de',
  title: 'Datenschutzerklärung – Beispiel GmbH',
  h1: 'Datenschutzerklärung',
  body: `<p>Stand: 1. Februar 2024</p>
<h2>1. Verantwortlicher</h2><p>Verantwortlicher für die Verarbeitung personenbezogener Daten ist die Beispiel GmbH, Musterstraße 1, 10115 Berlin. Unseren Datenschutzbeauftragten erreichen Sie unter datenschutz@beispiel.example.</p>
<h2>2. Welche Daten wir erheben</h2><p>Wir erheben und verarbeiten personenbezogene Daten, die Sie uns bei der Registrierung mitteilen, etwa Name, E-Mail-Adresse und Anschrift. Beim Besuch der Website speichern wir automatisch Ihre IP-Adresse, Datum und Uhrzeit des Zugriffs und den verwendeten Browser.</p>
<h2>3. Zwecke und Rechtsgrundlage</h2><p>Wir verarbeiten Ihre Daten zur Erfüllung des Vertrags (Art. 6 Abs. 1 lit. b DSGVO), aufgrund Ihrer Einwilligung und zur Wahrung unserer berechtigten Interessen. Die Rechtsgrundlage nennen wir bei jedem Zweck.</p>
<h2>4. Empfänger und Weitergabe an Dritte</h2><p>Eine Weitergabe Ihrer personenbezogenen Daten an Dritte erfolgt nur an Auftragsverarbeiter, die wir sorgfältig ausgewählt haben, oder wenn wir gesetzlich dazu verpflichtet sind.</p>
<h2>5. Speicherdauer</h2><p>Wir speichern personenbezogene Daten nur so lange, wie es für die genannten Zwecke erforderlich ist oder gesetzliche Aufbewahrungsfristen bestehen.</p>
<h2>6. Ihre Rechte</h2><p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch. Sie können sich außerdem bei einer Aufsichtsbehörde beschweren.</p>
<h2>7. Cookies</h2><p>Wir setzen Cookies ein, um die Website bereitzustellen und zu verbessern. Einzelheiten finden Sie in unseren Cookie-Hinweisen.</p>`,
});

export const FR_POLICY = page({
  lang: 'fr',
  title: 'Politique de confidentialité',
  h1: 'Politique de confidentialité',
  body: `<p>Dernière mise à jour : 12 janvier 2024</p>
<h2>Responsable du traitement</h2><p>Exemple SAS est responsable du traitement de vos données personnelles. Cette politique de confidentialité décrit comment nous collectons, utilisons et partageons vos données à caractère personnel.</p>
<h2>Les données que nous collectons</h2><p>Nous collectons les données que vous nous fournissez lors de la création de votre compte : nom, adresse e-mail, numéro de téléphone. Nous collectons également des données de connexion, votre adresse IP et des informations sur votre appareil.</p>
<h2>Finalités et base légale</h2><p>Nous traitons vos données personnelles pour fournir le service, assurer la sécurité et, avec votre consentement, vous envoyer des offres. La base légale est l'exécution du contrat, votre consentement ou notre intérêt légitime.</p>
<h2>Destinataires</h2><p>Vos données personnelles peuvent être partagées avec nos sous-traitants et des tiers partenaires, uniquement pour les finalités décrites. Nous ne vendons pas vos données.</p>
<h2>Durée de conservation</h2><p>Nous conservons vos données pendant la durée de votre inscription puis pendant trois ans à des fins de prospection.</p>
<h2>Vos droits</h2><p>Vous disposez d'un droit d'accès, d'un droit de rectification, d'un droit à l'effacement, d'un droit d'opposition et d'un droit à la portabilité. Vous pouvez introduire une réclamation auprès de la CNIL.</p>`,
});

export const ES_POLICY = page({
  lang: 'es',
  title: 'Política de privacidad',
  h1: 'Política de privacidad',
  body: `<p>Última actualización: 5 de marzo de 2024</p>
<h2>Responsable del tratamiento</h2><p>Ejemplo S.L. es el responsable del tratamiento de sus datos personales. En esta política de privacidad explicamos qué datos personales recopilamos y cómo los tratamos.</p>
<h2>Datos que recopilamos</h2><p>Recopilamos los datos personales que usted nos facilita al registrarse, como su nombre, correo electrónico y teléfono, así como datos técnicos como su dirección IP y el tipo de dispositivo.</p>
<h2>Finalidad y legitimación</h2><p>Tratamos sus datos para prestar el servicio, gestionar su cuenta y, con su consentimiento, enviarle comunicaciones comerciales. La base legal es la ejecución del contrato, su consentimiento o nuestro interés legítimo.</p>
<h2>Destinatarios</h2><p>Compartimos sus datos personales con proveedores de servicios que actúan como encargados del tratamiento y con terceros cuando la ley lo exige.</p>
<h2>Conservación</h2><p>Conservaremos sus datos personales mientras mantenga su cuenta y durante los plazos legales posteriores.</p>
<h2>Sus derechos</h2><p>Usted tiene derecho de acceso, rectificación, supresión, oposición y portabilidad de sus datos personales. Puede presentar una reclamación ante la autoridad de control.</p>`,
});

export const IT_POLICY = page({
  lang: 'it',
  title: 'Informativa sulla privacy',
  h1: 'Informativa sulla privacy',
  body: `<p>Ultimo aggiornamento: 10 aprile 2024</p>
<h2>Titolare del trattamento</h2><p>Esempio S.r.l. è il titolare del trattamento dei dati personali raccolti attraverso questo sito. La presente informativa descrive come raccogliamo, utilizziamo e condividiamo i tuoi dati personali.</p>
<h2>Dati raccolti</h2><p>Raccogliamo i dati personali che ci fornisci durante la registrazione, come nome, indirizzo email e numero di telefono, e dati di navigazione come indirizzo IP e tipo di browser.</p>
<h2>Finalità e base giuridica</h2><p>Trattiamo i tuoi dati per fornire il servizio, per finalità di sicurezza e, con il tuo consenso, per finalità di marketing. La base giuridica è l'esecuzione del contratto, il consenso o il nostro interesse legittimo.</p>
<h2>Destinatari</h2><p>I dati personali possono essere comunicati a fornitori che agiscono come responsabili del trattamento e a terze parti quando richiesto dalla legge.</p>
<h2>Conservazione</h2><p>Conserviamo i dati personali per la durata del rapporto e per il periodo previsto dalla legge.</p>
<h2>I tuoi diritti</h2><p>Hai il diritto di accesso, il diritto di rettifica, il diritto alla cancellazione, il diritto di opposizione e il diritto alla portabilità dei dati. Puoi proporre reclamo al Garante per la protezione dei dati personali.</p>`,
});

export const NL_POLICY = page({
  lang: 'nl',
  title: 'Privacyverklaring',
  h1: 'Privacyverklaring',
  body: `<p>Laatst bijgewerkt: 2 mei 2024</p>
<h2>Wie is verantwoordelijk</h2><p>Voorbeeld B.V. is de verwerkingsverantwoordelijke voor de verwerking van uw persoonsgegevens. In deze privacyverklaring leggen we uit welke persoonsgegevens we verzamelen en waarom.</p>
<h2>Welke gegevens wij verzamelen</h2><p>Wij verzamelen persoonsgegevens die u zelf aan ons verstrekt, zoals uw naam, e-mailadres en telefoonnummer, en gegevens over uw apparaat zoals uw IP-adres.</p>
<h2>Doeleinden en grondslag</h2><p>Wij verwerken uw gegevens om de dienst te leveren, voor beveiliging en, met uw toestemming, voor marketing. De grondslag is de uitvoering van de overeenkomst, uw toestemming of ons gerechtvaardigd belang.</p>
<h2>Delen met derden</h2><p>Wij delen persoonsgegevens met verwerkers die diensten voor ons uitvoeren en met derden als de wet dat vereist. Wij verkopen uw gegevens niet.</p>
<h2>Bewaartermijn</h2><p>Wij bewaren persoonsgegevens niet langer dan nodig is voor de doeleinden waarvoor ze zijn verzameld.</p>
<h2>Uw rechten</h2><p>U heeft recht op inzage, recht op rectificatie, recht op verwijdering, recht op bezwaar en recht op overdraagbaarheid van uw persoonsgegevens. U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.</p>`,
});

export const PT_POLICY = page({
  lang: 'pt-BR',
  title: 'Política de Privacidade',
  h1: 'Política de Privacidade',
  body: `<p>Última atualização: 15 de junho de 2024</p>
<h2>Controlador</h2><p>A Exemplo Ltda. é a controladora dos seus dados pessoais. Esta política de privacidade explica quais dados pessoais coletamos e como os tratamos, nos termos da LGPD.</p>
<h2>Dados que coletamos</h2><p>Coletamos os dados pessoais que você nos fornece ao se cadastrar, como nome, e-mail e telefone, e dados de navegação, como endereço IP e informações do dispositivo.</p>
<h2>Finalidades</h2><p>Tratamos seus dados para prestar o serviço, garantir a segurança e, com o seu consentimento, enviar comunicações de marketing. A base legal é a execução do contrato, o consentimento ou o nosso interesse legítimo.</p>
<h2>Compartilhamento</h2><p>Compartilhamos seus dados pessoais com prestadores de serviços e com terceiros quando exigido por lei. Não vendemos seus dados pessoais.</p>
<h2>Retenção</h2><p>Mantemos os dados pessoais pelo tempo necessário para cumprir as finalidades descritas e as obrigações legais.</p>
<h2>Seus direitos</h2><p>Você tem direito de acesso, direito de correção, direito de eliminação, direito de oposição e portabilidade dos seus dados pessoais. Fale com o nosso encarregado pelo e-mail privacidade@exemplo.example.</p>`,
});

const LOREM_TERMS = `
<h2>1. Acceptance of these terms</h2><p>By accessing or using the service you agree to be bound by these Terms of Service. If you do not agree, do not use the service. We may modify these terms at any time.</p>
<h2>2. Your account</h2><p>You are responsible for maintaining the confidentiality of your password and for all activities that occur under your account. You must be at least 18 years old to use the service.</p>
<h2>3. Acceptable use</h2><p>You agree not to misuse the service, including by interfering with its normal operation, attempting to access it using a method other than the interfaces we provide, or infringing the intellectual property of others.</p>
<h2>4. Intellectual property</h2><p>The service and its original content, features and functionality are and will remain the exclusive property of Acme Ltd. Our trademarks may not be used without our prior written permission.</p>
<h2>5. Privacy</h2><p>Our Privacy Policy explains how we treat your personal information. By using the service you agree that we can use such data in accordance with our privacy policy.</p>
<h2>6. Termination</h2><p>We may terminate or suspend your account immediately, without prior notice or liability, for any reason, including without limitation if you breach the Terms.</p>
<h2>7. Limitation of liability</h2><p>In no event shall Acme Ltd be liable for any indirect, incidental, special, consequential or punitive damages, including loss of profits, data, use or goodwill.</p>
<h2>8. Governing law</h2><p>These Terms shall be governed by the laws of England and Wales, without regard to its conflict of law provisions. Disputes will be resolved by the courts of London.</p>`;

export const EN_TERMS = page({ lang: 'en', title: 'Terms of Service | Acme', h1: 'Terms of Service', body: LOREM_TERMS });

export const DE_IMPRINT = page({
  lang: 'de',
  title: 'Impressum – Beispiel GmbH',
  h1: 'Impressum',
  body: `<p>Angaben gemäß § 5 TMG: Beispiel GmbH, Musterstraße 1, 10115 Berlin. Vertreten durch die Geschäftsführerin Erika Mustermann. Registergericht: Amtsgericht Charlottenburg, HRB 123456. Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: DE123456789.</p>
<p>Kontakt: Telefon +49 30 123456, E-Mail info@beispiel.example. Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV: Erika Mustermann, Anschrift wie oben.</p>
<h2>Haftung für Inhalte</h2><p>Als Diensteanbieter sind wir für eigene Inhalte auf diesen Seiten nach den allgemeinen Gesetzen verantwortlich. Wir sind jedoch nicht verpflichtet, übermittelte oder gespeicherte fremde Informationen zu überwachen oder nach Umständen zu forschen, die auf eine rechtswidrige Tätigkeit hinweisen.</p>
<h2>Haftung für Links</h2><p>Unser Angebot enthält Links zu externen Websites Dritter, auf deren Inhalte wir keinen Einfluss haben. Deshalb können wir für diese fremden Inhalte auch keine Gewähr übernehmen. Für die Inhalte der verlinkten Seiten ist stets der jeweilige Anbieter oder Betreiber der Seiten verantwortlich.</p>
<h2>Urheberrecht</h2><p>Die durch die Seitenbetreiber erstellten Inhalte und Werke auf diesen Seiten unterliegen dem deutschen Urheberrecht. Die Vervielfältigung, Bearbeitung, Verbreitung und jede Art der Verwertung außerhalb der Grenzen des Urheberrechtes bedürfen der schriftlichen Zustimmung des jeweiligen Autors.</p>`,
});

export const COMMUNITY_GUIDELINES = page({
  lang: 'en',
  title: 'Community Guidelines',
  h1: 'Community Guidelines',
  body: `<p>Our community is a place for people to share and connect. These guidelines describe what is and is not allowed on the platform, and they apply to everyone and to all types of content.</p>
<h2>Be respectful</h2><p>Do not harass, bully or threaten other people. Hate speech, slurs and attacks on people based on protected characteristics are not allowed. Disagree with ideas, not with people.</p>
<h2>Keep it safe</h2><p>Do not post content that promotes violence, self-harm or dangerous activities. Do not share other people's private information, such as home addresses or phone numbers, without their permission.</p>
<h2>Be authentic</h2><p>Do not impersonate others, run fake accounts or manipulate engagement. Spam, scams and misleading links will be removed, and accounts that repeatedly break these rules will be suspended.</p>
<h2>Respect intellectual property</h2><p>Only post content you have the right to share. If you believe your work has been copied, you can file a report through our help centre and we will review it promptly.</p>
<h2>Reporting</h2><p>If you see something that breaks these guidelines, report it. Our moderators review reports around the clock and take action, which may include removing content or disabling accounts.</p>`,
});

export const NEWS_ABOUT_PRIVACY = page({
  lang: 'en',
  title: 'Regulators fine social network over privacy failures | Daily Planet',
  h1: 'Regulators fine social network over privacy failures',
  head: `<meta property="og:type" content="article"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Regulators fine social network over privacy failures"}</script>`,
  body: `<p class="byline">By Lois Lane, technology correspondent</p>
<p>European regulators on Tuesday fined a large social network for breaking data protection rules, saying the company had collected personal data from millions of users without a valid legal basis and shared it with third parties for advertising.</p>
<p>The privacy watchdog said the company's privacy policy was too vague for users to understand how their personal information was used. The company said it would appeal and that it takes user privacy seriously.</p>
<p>Privacy campaigners welcomed the decision. "People have the right to know what happens to their data," said one campaigner, adding that the fine was small compared with the company's annual revenue.</p>
<p>The case is the latest in a series of enforcement actions under the General Data Protection Regulation, which came into force in 2018 and gives regulators the power to impose fines of up to four percent of global turnover.</p>
<p>Analysts said the ruling could force other technology companies to change how they ask for consent, particularly for targeted advertising, which relies on tracking users across websites and apps.</p>
<p>Shares in the company fell slightly in early trading. The company has faced several investigations in recent years over its handling of user data and its cooperation with app developers.</p>`,
});

export const ORDINARY_WITH_FOOTER = page({
  lang: 'en',
  title: 'Best hiking trails in the Alps | Outdoor Blog',
  h1: 'Best hiking trails in the Alps',
  body: `<p>The Alps offer some of the most spectacular hiking in Europe, from gentle valley walks to demanding high-altitude routes. Here are our favourite trails for every level of experience.</p>
<h2>Tour du Mont Blanc</h2><p>The classic multi-day route circles the Mont Blanc massif through France, Italy and Switzerland. Plan for ten to twelve days and book huts well in advance during the summer season.</p>
<h2>Eagle Walk</h2><p>This long-distance trail in Tyrol is divided into short stages that suit families. The views over the Inn valley are superb and public transport makes it easy to skip stages.</p>
<h2>Via Alpina</h2><p>For the truly ambitious, the Via Alpina crosses eight countries. Most hikers pick one of its five trails and walk a section each year.</p>
<p>Remember to check the weather, carry enough water and tell someone where you are going. Mountain weather changes quickly, even in July.</p>`,
});

export const COOKIE_POLICY = page({
  lang: 'en',
  title: 'Cookie Policy | Acme',
  h1: 'Cookie Policy',
  body: `<p>This Cookie Policy explains how Acme uses cookies and similar technologies such as pixels, local storage and SDKs when you visit our website. It should be read together with our privacy policy.</p>
<h2>What are cookies?</h2><p>Cookies are small text files placed on your device by websites you visit. They are widely used to make websites work, to remember your preferences and to provide information to the owners of the site.</p>
<h2>Which cookies we use</h2><p>Strictly necessary cookies keep you signed in. Analytics cookies help us understand how visitors use our site. Advertising cookies, set by third parties, are used to show you relevant ads and to measure campaigns. We collect information about your device and browsing through these cookies.</p>
<h2>Third-party cookies</h2><p>Some cookies are placed by third parties such as analytics providers and advertising networks. These third parties may use cookies to collect information about your online activities across different websites.</p>
<h2>Managing cookies</h2><p>You can manage your cookie preferences at any time in our cookie settings, and you can block or delete cookies in your browser settings. If you opt out of advertising cookies you will still see ads, but they will be less relevant.</p>
<h2>Changes</h2><p>We may update this Cookie Policy from time to time to reflect changes to the cookies we use. Please check this page regularly.</p>`,
});
