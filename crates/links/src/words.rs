//! Word lists of the analyser: lure words in many languages, filler words that may surround a
//! brand name, high-abuse TLDs, URL shorteners and free-hosting suffixes the PSL does not list.
//!
//! The lists are general (drawn from public smishing reporting of 2020-2025 across Europe, the
//! Americas and Asia-Pacific), not tuned to the test corpus.

/// Words that make a parcel, payment or account lure. Used in domains and in paths.
pub const LURES: &[&str] = &[
    // English
    "track", "tracking", "tracker", "trace", "parcel", "parcels", "package", "packages", "pkg",
    "delivery", "deliveries", "deliver", "redelivery", "redeliver", "reschedule", "schedule",
    "shipment", "shipments", "shipping", "courier", "postal", "dispatch", "depot", "warehouse",
    "pay", "payment", "payments", "fee", "fees", "charge", "charges", "customs", "duty", "duties",
    "tax", "taxes", "refund", "refunds", "invoice", "billing", "verify", "verification",
    "confirm", "confirmation", "update", "unlock", "suspended", "secure", "security", "login",
    "signin", "account", "claim", "hold", "held", "missed", "failed", "notice", "alert",
    "address", "status", "toll", "tolls", "fine", "fines", "penalty", "recipient", "receive",
    "handling", "storage", "overdue", "unpaid", "outstanding", "settle", "collect", "return",
    // French
    "colis", "suivi", "livraison", "paiement", "frais", "douane", "douanes", "remboursement",
    "facture", "envoi", "avis", "relivraison", "adresse", "confirmer", "compte", "amende",
    "expedition", "reprogrammer",
    // Spanish
    "envio", "envios", "paquete", "paquetes", "seguimiento", "entrega", "pago", "pagos", "aduana",
    "aduanas", "tasa", "tasas", "reembolso", "rastreo", "pendiente", "direccion",
    // Portuguese
    "encomenda", "encomendas", "rastreio", "rastreamento", "pagamento", "taxa", "taxas",
    "alfandega", "objeto", "entregas",
    // Italian
    "pacco", "pacchi", "spedizione", "spedizioni", "consegna", "tracciamento", "dogana",
    "rimborso", "giacenza",
    // German
    "paket", "pakete", "sendung", "sendungsverfolgung", "zustellung", "lieferung", "zahlung",
    "zoll", "verfolgung", "gebuehr", "gebuhr", "nachnahme", "rueckerstattung", "zustellen",
    // Dutch
    "pakket", "pakketje", "bezorging", "zending", "betaling", "betalen", "volgen", "verzending",
    // Polish, Czech, Slovak
    "paczka", "paczki", "przesylka", "dostawa", "platnosc", "doplata", "oplata", "sledzenie",
    "zasilka", "balik", "platba", "doruceni", "zasielka",
    // Nordic
    "leverans", "avgift", "tull", "sparning", "pakke", "levering", "sporing", "paketti",
    "toimitus", "maksu", "lahetys", "forsendelse",
    // Balkan, Romanian, Hungarian, Turkish, Indonesian
    "posiljka", "dostava", "placanje", "colet", "livrare", "plata", "urmarire", "csomag",
    "kezbesites", "fizetes", "kargo", "teslimat", "odeme", "gumruk", "takip", "pengiriman",
    "kiriman", "bayar",
];

/// Words that often surround a brand name without being a lure on their own. They only help
/// to decide that a brand name in a label is a word of its own (`usps-online`), never score.
pub const FILLERS: &[&str] = &[
    "my", "the", "www", "web", "app", "apps", "online", "info", "service", "services", "center",
    "centre", "help", "support", "portal", "official", "express", "global", "world", "direct",
    "mail", "post", "group", "home", "care", "id", "auth", "client", "clients", "customer",
    "customers", "gov", "pl", "fr", "uk", "us", "usa", "de", "es", "it", "nl", "pt", "ca", "au",
    "nz", "ie", "ch", "at", "be", "se", "no", "dk", "fi", "jp", "br", "mx", "gr", "ro", "hu",
    "cz", "sk", "eu", "net", "com", "org", "co", "site", "page", "now", "new", "get", "go",
    "hub", "cloud", "team", "desk", "line", "link", "en", "mobile", "ltd", "inc", "and",
    "ems", "int", "intl", "international", "sa", "za", "in", "hk", "sg", "my",
];

/// TLDs where abuse reports outnumber ordinary registrations by far (Spamhaus, Interisle and
/// APWG reports 2023-2025). A weak signal alone: legitimate sites use them too.
pub const ABUSE_TLDS: &[&str] = &[
    "top", "xyz", "icu", "cyou", "buzz", "sbs", "cfd", "click", "link", "live", "shop", "online",
    "site", "store", "vip", "rest", "monster", "bond", "lol", "fun", "work", "support", "info",
    "cn", "gq", "ml", "tk", "cf", "ga", "win", "loan", "bid", "zip", "mov", "quest", "today",
    "life", "asia", "pw", "cc", "ws", "su", "tokyo", "cam", "xin", "club", "space", "website",
    "email", "bar", "beauty", "hair", "skin", "makeup", "autos", "boats", "homes", "mom", "guru",
    "world", "services", "center", "help", "express", "delivery", "run", "fit", "kim", "ink",
    "ltd", "men", "party", "review", "date", "faith", "racing", "science", "stream", "trade",
    "webcam", "accountant", "cricket", "download", "gdn", "country", "host", "press", "uno",
    "biz", "ooo", "wang", "ren", "vin", "loans", "cash", "credit", "claims", "tax", "finance",
    "pics", "skin", "sale", "digital", "network", "company", "global", "one", "best",
];

/// URL shorteners: the destination is hidden until the link is followed.
pub const SHORTENERS: &[&str] = &[
    "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly",
    "cutt.ly", "rebrand.ly", "rb.gy", "t.ly", "tiny.cc", "s.id", "shorturl.at", "bit.do",
    "qrco.de", "lnkd.in", "u.to", "clck.ru", "tiny.pl", "shorturl.asia", "shrtco.de", "x.gd",
    "2.gy", "gg.gg", "surl.li", "me2.do", "han.gl", "vo.la", "cli.re", "tr.im", "snip.ly",
    "bl.ink", "kutt.it", "cutt.us", "shorte.st", "adf.ly", "t2m.io", "git.io", "urlz.fr",
    "lstu.fr", "short.gy", "shorturl.ac", "tinu.be", "tny.im", "po.st", "1url.cz", "link.do",
    "linktr.ee", "rebrandly.com", "short.io", "reurl.cc", "ppt.cc", "lihi.cc", "lihi1.com",
    "00m.in", "tlnk.io", "dub.sh", "l.ead.me", "shorter.me", "zpr.io", "smarturl.it",
];

/// Free website and file hosting that the PSL private section does not cover, matched as a
/// host suffix.
pub const FREE_HOSTING: &[&str] = &[
    "sites.google.com", "docs.google.com", "forms.gle", "storage.googleapis.com",
    "firebasestorage.googleapis.com", "wordpress.com", "weebly.com", "weeblysite.com",
    "yolasite.com", "jimdosite.com", "webnode.page", "godaddysites.com", "mystrikingly.com",
    "square.site", "webflow.io", "ukit.me", "tilda.ws", "carrd.co", "notion.site",
    "wixstudio.io", "typedream.app", "glide.page", "replit.app", "ipfs.io",
    "cloudflare-ipfs.com", "blob.core.windows.net", "web.core.windows.net", "wixsite.com",
    "000webhostapp.com", "freehosting.com", "byethost.com", "epizy.com", "rf.gd", "infinityfreeapp.com",
    "duckdns.org", "ngrok.io", "ngrok-free.app", "trycloudflare.com", "r2.dev", "pages.dev",
    "workers.dev", "netlify.app", "vercel.app", "github.io", "gitlab.io", "glitch.me",
    "herokuapp.com", "firebaseapp.com", "web.app", "blogspot.com", "surge.sh", "onrender.com",
    "fly.dev", "railway.app", "azurewebsites.net", "s3.amazonaws.com", "ddns.net", "hopto.org",
    "zapto.org", "serveo.net", "loca.lt", "myftp.org", "sytes.net", "servehttp.com",
];

/// Path and query words that are lures but too short or too common for domain labels.
pub const PATH_LURES: &[&str] = &[
    "pay", "track", "verify", "login", "update", "secure", "account", "billing", "redelivery",
    "reschedule", "confirm", "customs", "fee", "invoice", "payment", "parcel", "package",
    "delivery", "colis", "suivi", "paket", "pakket", "paczka", "envio", "pacco", "redirect",
    "checkout", "card", "cvv", "otp", "sms", "zahlung", "paiement", "pago", "pagamento",
    "douane", "zoll", "aduana", "dogana", "tracking", "shipment", "address", "toll", "refund",
];

/// TLDs and second-level parts that scammers put after a brand in `brand.com-xxxx.tld` names.
pub const TLD_WORDS: &[&str] = &[
    "com", "net", "org", "gov", "co", "uk", "fr", "de", "es", "it", "nl", "pl", "pt", "ca", "au",
    "us", "ie", "ch", "at", "be", "se", "no", "dk", "fi", "jp", "br", "mx", "info", "post", "eu",
    "nz", "gr", "ro", "hu", "cz", "sk", "in", "sg", "hk", "za", "ae", "sa", "kr", "tw", "cn",
    "my", "th", "ph", "id", "vn", "ar", "cl", "pe", "il", "tr", "ru", "ua", "lt", "lv", "ee", "si",
    "hr", "rs", "bg", "lu", "is", "gob", "govt", "ac", "edu",
];
