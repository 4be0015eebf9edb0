/**
 * The words the finders read, in English, French, Spanish and Portuguese, written as they appear in the matching copy
 * (accents folded away, lower case). Regular-expression sources are joined with `alt`.
 */

/** An alternation of literal phrases, longest first, spaces matching any run of spaces or hyphens. */
export function alt(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]*'))
    .join('|');
}

/**
 * Messaging, social and game platforms and their short forms. `weak` ones are also ordinary words ("my signal is
 * weak", "line 5", "x 2"): a handle after them must look like a handle (digits, `_`, a dot, `@`, `#1234`, CamelCase).
 */
// prettier-ignore
export const PLATFORMS: readonly string[] = [
  'whatsapp', 'whats app', 'whatsap', 'watsap', 'wassap', 'wasap', 'guasap', 'whats', 'wsp', 'wpp', 'zapzap', 'zap zap',
  'telegram', 'telegrama', 'snapchat', 'snap', 'instagram', 'insta', 'ig', 'tiktok', 'tik tok', 'discord', 'kik',
  'wechat', 'weixin', 'viber', 'skype', 'facebook', 'fb', 'messenger', 'twitter', 'bluesky', 'bsky', 'reddit',
  'roblox', 'fortnite', 'epic games', 'epicgames', 'minecraft', 'psn', 'playstation', 'playstation network', 'ps4',
  'ps5', 'xbox', 'xbox live', 'xbl', 'gamertag', 'gamer tag', 'twitch', 'youtube', 'yt', 'onlyfans', 'pinterest',
  'tumblr', 'vk', 'vkontakte', 'linkedin', 'threema', 'omegle', 'yubo', 'wink', 'bereal', 'be real', 'hangouts',
  'google chat', 'gchat', 'valorant', 'riot', 'riot id', 'league of legends', 'free fire', 'freefire', 'among us',
  'brawl stars', 'clash royale', 'clash of clans', 'genshin', 'pubg', 'call of duty', 'battle net', 'battlenet',
  'battletag', 'battle tag', 'nintendo', 'nintendo switch', 'friend code', 'mastodon', 'telegram id', 'snap id',
  'gmail', 'hotmail', 'outlook', 'yahoo', 'icloud', 'protonmail', 'proton mail', 'email', 'e mail', 'mail', 'correo',
  'courriel', 'mel',
];
// prettier-ignore
export const WEAK_PLATFORMS: readonly string[] = [
  'signal', 'line', 'x', 'sc', 'tt', 'tg', 'wa', 'zap', 'threads', 'steam', 'epic', 'session', 'imo', 'teams', 'zoom',
  'kick', 'switch', 'lol', 'league', 'ff', 'cod', 'face', 'live', 'ps', 'mc', 'dc', 'rbx', 'rblx', 'snapp', 'gram',
];

/** Known mail providers: an address needs no top-level domain after them ("maria@gmail", "maria arroba hotmail"). */
// prettier-ignore
export const PROVIDERS: readonly string[] = [
  'gmail', 'googlemail', 'hotmail', 'outlook', 'live', 'msn', 'yahoo', 'ymail', 'icloud', 'me', 'mac', 'proton',
  'protonmail', 'pm', 'aol', 'gmx', 'yandex', 'zoho', 'tutanota', 'tuta', 'orange', 'wanadoo', 'laposte', 'sfr',
  'free', 'uol', 'bol', 'terra', 'sapo', 'libero', 'web', 'ziggo', 'kpn', 'telenet', 'fastmail', 'mail', 'hey',
];

/** Invitations to move elsewhere: "add me on", "ajoute-moi sur", "agrégame en", "me adiciona no". */
// prettier-ignore
export const INVITE_VERBS: readonly string[] = [
  // English
  'add', 'add me', 'follow', 'follow me', 'dm', 'dm me', 'pm me', 'message me', 'msg me', 'text me', 'hmu', 'hit me up',
  'hit me', 'find me', 'look me up', 'search me', 'search for me', 'ping me', 'call me', 'talk to me', 'chat with me',
  'reach me', 'contact me', 'write me', 'write to me', 'snap me', 'friend me', 'sub to me', 'subscribe to me',
  'message', 'msg', 'text', 'find', 'search', 'search for', 'look for', 'hmu on', 'im', 'i am', 'i\'m', 'i’m',
  'you can find me', 'add me up',
  // French
  'ajoute moi', 'ajoute', 'ajoutez moi', 'rajoute moi', 'rajoute', 'suis moi', 'suivez moi', 'suis', 'ecris moi',
  'ecrivez moi', 'contacte moi', 'contactez moi', 'envoie moi un message', 'envoie moi', 'parle moi', 'retrouve moi',
  'retrouvez moi', 'cherche moi', 'viens', 'viens en mp', 'en mp', 'mp moi', 'dm moi', 'je suis', 'abonne toi',
  // Spanish
  'agregame', 'agrega me', 'agregadme', 'anademe', 'añademe', 'sigueme', 'siganme', 'escribeme', 'hablame', 'mandame',
  'mandame un mensaje', 'buscame', 'busca me', 'contactame', 'llamame', 'agrega', 'sigue', 'escribe', 'habla', 'soy',
  'estoy', 'encuentrame', 'me encuentras', 'me encuentran',
  // Portuguese
  'me adiciona', 'me add', 'adiciona', 'add', 'me segue', 'segue', 'segue la', 'me chama', 'chama', 'me manda',
  'manda', 'fala comigo', 'me acha', 'acha', 'me procura', 'procura', 'sou', 'estou', 'me encontra', 'me chama no pv',
];

/** Nouns between a platform and a handle: "my insta username is", "mi usuario de roblox es". */
// prettier-ignore
export const HANDLE_NOUNS: readonly string[] = [
  'user', 'username', 'user name', 'usuario', 'utilisateur', 'nick', 'nickname', 'nick name', 'pseudo', 'id', 'ign',
  'name', 'nom', 'nome', 'nombre', 'handle', 'tag', 'gamertag', 'gamer tag', 'account', 'acc', 'cuenta', 'conta',
  'compte', 'identifiant', 'profil', 'perfil', 'profile', '@', 'arroba', 'code', 'friend code', 'codigo', 'number',
  'numero', 'num', 'gt', 'psn id', 'epic id', 'riot id', 'friend id',
];

/** What joins a platform to a handle: "is", "c'est", "es", "é" (folded to "e"), "=", ":". */
// prettier-ignore
export const COPULAS: readonly string[] = [
  'is', 'es', 'e', 'eh', 'est', 'c\'est', 'c’est', 'cest', 'c est', 'se llama', 's\'appelle', 's’appelle', 'se chama',
  'ist', 'is like', 'its', 'it\'s', 'it’s', 'is just', 'ta', 'sigue siendo', 'fica', '\'s', '’s', 'c', 'ce',
];

// prettier-ignore
export const POSSESSIVES: readonly string[] = [
  'my', 'mine', 'our', 'mi', 'mis', 'nuestro', 'nuestra', 'meu', 'minha', 'nosso', 'nossa', 'o meu', 'a minha', 'mon',
  'ma', 'mes', 'notre', 'el mio', 'el mío',
];

/**
 * Words that are never a handle however they are introduced ("my insta is private", "add me on snap if you want",
 * "mon snap est nul", "meu zap está cheio").
 */
// prettier-ignore
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then so to of in on at by for with from as is are was were be been being am i im me my mine
  you your yours u ur we us our they them their he she it its this that these those there here what who whom when where
  why how not no yes yeah ok okay please pls plz thanks thank too also very more most less much many some any all every
  each other same just only even still already now later soon today tomorrow tonight always never again back out up
  down off over under about into onto than like want need can could would should will shall may might must do does did
  done have has had get got go going gone come make made see saw seen know think say said tell talk chat message dm add
  follow find search look use using used private public closed open account profile page group server channel app name
  username user id handle number phone email mail link site everyone anyone someone people friends friend guys girls
  boys info details weak strong busy broken bad good great fine full empty lame dead low high slow fast down new old
  decision judgment judgement shot manager feed story stories status settings rules moderation safety sale team teams
  same thing things stuff here there lol haha xd yo hey hi hello bye dont don't cant can't wont won't isnt isn't didnt
  didn't doesnt doesn't im i'm ive i've id i'd it's that's whats what's
  le la les l un une des du de d et ou mais si donc car ni que qu qui quoi est c cest sont suis es sommes etes ont ai
  as avons avez je j tu il elle on nous vous ils elles te se s moi toi lui leur mon ma mes ton ta tes son sa ses notre
  votre nos vos ce cet cette ces ici pas plus moins tres trop aussi bien mal nul nulle prive privee pareil meme encore
  deja maintenant demain soir pour par avec sans sur sous dans en chez vers comme quand oui non merci svp stp ferme
  fermee ouvert ouverte faible fort bloque cassé casse pourri top
  el los las unos unas del al y o u pero quien como cuando donde son soy eres somos esta estan está mis tus su sus
  nuestro yo lo nos os ellos ellas ella usted si muy mas menos tambien ya ahora manana hoy para con sin sobre entre
  hasta desde privado privada publico publica cerrado cerrada abierto abierta igual mismo misma gracias porfa favor
  debil lleno llena roto rota malo mala bueno buena
  os um uma uns umas do da dos das no na nos nas ao e sou somos sao estao meu minha meus minhas teu tua seu sua nosso
  nossa eu lhe vos eles ela voce voces nao sim muito tambem ja agora amanha hoje pra pro com sem ate fechado fechada
  aberto aberta cheio cheia fraco fraca obrigado obrigada valeu mesmo mesma quebrado ruim legal
  mostly usually often sometimes rarely barely hardly really actually basically literally totally kinda pretty super
  active inactive online offline banned blocked deleted gone famous popular known new newbie dead private public boring
  fun cool funny weird annoying dangerous toxic safe unsafe addicted hooked everywhere nowhere well better worse best
  worst also mainly only already still lately ever
  souvent toujours jamais rarement parfois surtout vraiment nouveau nouvelle actif active connecte connectee bloquee
  supprime supprimee inactif partout beaucoup peu
  siempre nunca casi mucho poco nuevo nueva activo activa inactivo inactiva bloqueado bloqueada borrado borrada
  conectado conectada famoso famosa mas menos todavia aun
  sempre nunca quase muito pouco novo nova ativo ativa inativo inativa bloqueado bloqueada apagado apagada conectado
  conectada famoso famosa ainda mais menos
  long short lost poor terrible horrible awful slow free paid cheap expensive busy clear weak strong
  solo solamente seulement apenas somente just only`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Words that say a number is a phone number, in any of the four languages. */
// prettier-ignore
export const PHONE_CUES: readonly string[] = [
  // English
  'call', 'call me', 'calling', 'text', 'text me', 'txt', 'texting', 'phone', 'ph', 'tel', 'tele', 'telephone', 'cell',
  'cellphone', 'cell phone', 'mobile', 'mob', 'digits', 'whatsapp', 'whats app', 'whats', 'wa', 'wsp', 'wpp', 'zap',
  'zapzap', 'signal', 'telegram', 'viber', 'sms', 'ring', 'ring me', 'dial', 'hmu', 'hit me up', 'reach me',
  'contact me', 'app me', 'bel me', 'bel', 'sms me', 'imessage', 'facetime', 'landline', 'cel', 'celular', 'movil',
  'contact', 'whatsapp me',
  // French
  'appelle', 'appelle moi', 'appelez', 'appelez moi', 'appel', 'telephone', 'portable', 'joindre', 'texto', 'ecris moi',
  'ecris', 'envoie un sms', 'envoie moi un sms', 'mon 06', 'mon 07', 'tel', 'tél',
  // Spanish
  'llama', 'llamame', 'llamar', 'marca', 'marcame', 'telefono', 'celu', 'escribeme', 'escribe', 'mensaje',
  'mandame un mensaje', 'whatsappeame', 'guasap', 'contacto', 'fijo',
  // Portuguese
  'liga', 'ligue', 'liga me', 'me liga', 'ligar', 'chama', 'me chama', 'telemovel', 'contato', 'manda msg',
  'me manda msg', 'me manda mensagem', 'manda mensagem', 'fone',
];

/** "number" words only say "phone" when someone gives theirs: "my number", "mon numéro :", "mi número es". */
// prettier-ignore
export const NUMBER_WORDS: readonly string[] = ['number', 'numero', 'num', 'no', 'nr', 'nro', 'numéro', 'número', 'numer'];

/**
 * Words before a number that make it a reference, a code or a quantity and not a phone number: laws and articles,
 * standards, reports, pages, postcodes, registrations.
 */
// prettier-ignore
export const REFERENCE_CUES: readonly string[] = [
  'law', 'laws', 'ley', 'leyes', 'lei', 'leis', 'loi', 'lois', 'decree', 'decreto', 'decret', 'article', 'articles',
  'art', 'arts', 'articulo', 'articulos', 'artigo', 'artigos', 'iso', 'isbn', 'issn', 'doi', 'resolution', 'resolucion',
  'resolucao', 'directive', 'directiva', 'diretiva', 'regulation', 'reglamento', 'regulamento', 'reglement',
  'decision', 'decisao', 'convention', 'convenio', 'convencao', 'case', 'affaire', 'caso', 'processo', 'report',
  'rapport', 'informe', 'relatorio', 'section', 'seccion', 'seccao', 'secao', 'chapter', 'capitulo', 'chapitre', 'page',
  'pages', 'pagina', 'p', 'pp', 'cep', 'cp', 'zip', 'postcode', 'post code', 'code postal', 'codigo postal', 'version',
  'v', 'room', 'sala', 'salle', 'paragraph', 'paragraphe', 'parrafo', 'paragrafo', 'ecli', 'eu', 'ue', 'ce', 'ec',
  'ref', 'reference', 'referencia', 'id', 'nif', 'nie', 'cpf', 'cnpj', 'rut', 'iban', 'ein', 'vat', 'siret', 'siren',
  'ticket', 'order', 'invoice', 'factura', 'fatura', 'facture', 'protocol', 'protocolo', 'protocole', 'norm', 'norma',
  'norme', 'standard', 'nº', 'n°', 'no.', 'decreto lei', 'decreto ley', 'codigo', 'code', 'expediente', 'registro',
  'registration', 'voto', 'sentencia', 'sentenca', 'judgment', 'arret', 'act', 'bill', 'amendment',
];

/** Currencies and units after or before an amount. */
// prettier-ignore
export const AMOUNT_CUES: readonly string[] = [
  '$', '€', '£', '¥', 'r$', 'us$', 'usd', 'eur', 'euro', 'euros', 'dollar', 'dollars', 'dolar', 'dolares', 'dólares',
  'peso', 'pesos', 'real', 'reais', 'baht', 'thb', 'gbp', 'pounds', 'colones', 'crc', 'cop', 'mxn', 'brl', 'chf',
  'francs', 'livres', 'libras', 'yen', 'yuan', 'rupees', 'km', 'kg', 'm', 'ha', 'people', 'persons', 'children', 'kids',
  'tourists', 'travellers', 'travelers', 'visitors', 'users', 'views', 'signatures', 'votes', 'hotels', 'personas',
  'followers', 'likes', 'subscribers', 'members', 'seguidores', 'abonnes', 'inscritos', 'suscriptores', 'miembros',
  'membres', 'membros', 'reports', 'cases', 'calls', 'times', 'years', 'days', 'hours', 'minutes',
  'ninos', 'turistas', 'visitantes', 'usuarios', 'pessoas', 'criancas', 'enfants', 'personnes', 'touristes',
  'voyageurs', 'habitants', 'habitantes', 'inhabitants', 'millions', 'million', 'millones', 'milhoes', 'mil',
  'billion', 'mille', 'de',
];

/**
 * Child helplines and emergency numbers: they stay, since a child must be able to see them. Digits only; short
 * numbers (116 111, 119, 1098, 100, 911, 112, 141, 1147, 1300) are never taken for phone numbers anyway.
 */
// prettier-ignore
export const HELPLINES: ReadonlySet<string> = new Set([
  '116111', '116000', '116123', '08001111', '08000432', '08088005000', '900202010', '18004224453', '18006686868',
  '18008435678', '08001110333', '0800111033', '0800181', '180012345', '8001110333', '8004224453', '8006686868',
  '8008435678',
]);

/** Top-level domains that are also ordinary words in the four languages ("ended.so we", "el punto es"). */
// prettier-ignore
export const WORD_TLDS: ReadonlySet<string> = new Set(
  `it in is at to so no me my be by do go us as am an de la es se et eu na ma ca il al ao ai nu ne sa ve ir
  tu mi em ha he hi id la lo mo oh ok on or pe re si te un uno one new now win how top fun fit you art
  pro life world today live love care help page plus run best day boo zip mov wiki rest casa bar moda vin vote voto red
  ong gratis futbol fun sex tips talk chat team show news click here blue pink black green red gold
  bio eco game games play plus vip city bank bet bid buy cash deal free gift group ink jobs kids land lat law
  lol meet mom moi ooo pet pics pub rip run sale salon save ski soy spa style sucks sale ski top tour town toys vet
  wed win work zero men ing foo mba mit gay med mil off one pay pin ott fan bot car cam cab cool`.split(/\s+/).filter((w) => w.length > 0),
);

/** Top-level domains people give for their own pages; a spelled-out "dot" (dot, punto, point, ponto) needs one of them. */
// prettier-ignore
export const COMMON_TLDS: ReadonlySet<string> = new Set(
  `com net org info biz io co me app dev ly gg tv xyz online site blog page link fr es pt br mx uk nl de it be ch ca
  us au cr cl ar pe th ph in ru ie nz za ng ke ee gl to cc shop store club live lol fun art space website tech tk ml ga cf
  gq cx la ws fm am sh nu vc bz social chat`.split(/\s+/).filter((w) => w.length > 0),
);

/** Hosts that are always contact links, whatever their top-level domain ("t.me/…", "linktr.ee/…"). */
// prettier-ignore
export const CONTACT_HOSTS: ReadonlySet<string> = new Set([
  't.me', 'telegram.me', 'wa.me', 'm.me', 'ig.me', 'linktr.ee', 'bit.ly', 'discord.gg', 'discord.me', 'snapchat.com',
  'tiktok.com', 'instagram.com', 'chat.whatsapp.com', 'api.whatsapp.com', 'fb.me', 'x.com', 'twitter.com', 'youtu.be',
  'tinyurl.com', 'beacons.ai', 'carrd.co', 'allmylinks.com', 'onlyfans.com', 'kik.me', 'line.me', 'signal.me',
  'threads.net', 'bsky.app', 'steamcommunity.com', 'roblox.com', 'twitch.tv', 'cutt.ly', 'rebrand.ly', 'is.gd',
  'shorturl.at', 'qrco.de', 'lnk.bio', 'solo.to', 'ko-fi.com', 'cash.app', 'paypal.me', 'venmo.com', 'streamlabs.com',
]);

/** Words that point at a link: "visit", "my site", "va sur", "entra a", "acessa". */
// prettier-ignore
export const LINK_CUES: readonly string[] = [
  'site', 'website', 'web', 'blog', 'page', 'link', 'url', 'visit', 'check out', 'go to', 'lien', 'va sur', 'allez sur',
  'va voir', 'pagina', 'página', 'enlace', 'visita', 'entra a', 'entra en', 'acessa', 'acesse', 'portfolio', 'server',
  'servidor', 'serveur', 'channel', 'canal', 'join', 'rejoins', 'unete', 'únete', 'profile', 'perfil', 'profil',
];
