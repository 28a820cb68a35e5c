//! A small built-in brand table, used until (and wherever) the shared `brands` registry is not
//! available; the registry is the source of truth when present.

use crate::lexicon::{BrandKind, BrandRef};

/// (common name, aliases, official domains, country)
const TABLE: &[(&str, &[&str], &[&str], &str)] = &[
    ("Royal Mail", &["royal mail", "royalmail"], &["royalmail.com", "royalmail.co.uk", "royalmailgroup.com"], "GB"),
    ("Parcelforce", &["parcelforce"], &["parcelforce.com"], "GB"),
    ("Evri", &["evri", "hermes uk"], &["evri.com"], "GB"),
    ("HMRC", &["hmrc", "hm revenue"], &["gov.uk"], "GB"),
    ("An Post", &["an post"], &["anpost.com", "anpost.ie"], "IE"),
    ("USPS", &["usps", "us postal service", "postal service"], &["usps.com", "usps.gov"], "US"),
    ("UPS", &["ups"], &["ups.com"], ""),
    ("FedEx", &["fedex"], &["fedex.com"], ""),
    ("DHL", &["dhl", "dhl express", "dhl paket"], &["dhl.com", "dhl.de", "dhl.fr", "dhl.es", "dhl.it", "dhl.pt", "dhl.co.uk"], ""),
    ("DPD", &["dpd"], &["dpd.com", "dpd.de", "dpd.fr", "dpd.co.uk", "dpd.pt", "dpd.at"], ""),
    ("GLS", &["gls"], &["gls-group.eu", "gls-group.com", "gls-spain.es", "gls-italy.com", "gls-pakete.de", "gls-group.net"], ""),
    ("La Poste", &["la poste", "laposte"], &["laposte.fr", "laposte.net", "laposte.com"], "FR"),
    ("Colissimo", &["colissimo"], &["colissimo.fr", "laposte.fr"], "FR"),
    ("Chronopost", &["chronopost"], &["chronopost.fr"], "FR"),
    ("Mondial Relay", &["mondial relay", "mondialrelay"], &["mondialrelay.fr", "mondialrelay.com"], "FR"),
    ("DGFiP", &["dgfip", "impots.gouv", "direction generale des finances publiques"], &["impots.gouv.fr", "gouv.fr"], "FR"),
    ("Correos", &["correos", "correos express"], &["correos.es", "correosexpress.com"], "ES"),
    ("SEUR", &["seur"], &["seur.com", "seur.es"], "ES"),
    ("MRW", &["mrw"], &["mrw.es"], "ES"),
    ("Agencia Tributaria", &["agencia tributaria", "aeat", "hacienda"], &["agenciatributaria.gob.es", "agenciatributaria.es"], "ES"),
    ("Poste Italiane", &["poste italiane", "posteitaliane"], &["poste.it", "posteitaliane.it"], "IT"),
    ("BancoPosta", &["bancoposta", "postepay"], &["poste.it", "postepay.it"], "IT"),
    ("BRT", &["brt", "bartolini"], &["brt.it"], "IT"),
    ("SDA", &["sda"], &["sda.it"], "IT"),
    ("Agenzia delle Entrate", &["agenzia delle entrate", "agenzia entrate"], &["agenziaentrate.gov.it", "agenziaentrate.it"], "IT"),
    ("CTT", &["ctt", "ctt expresso", "correios de portugal"], &["ctt.pt"], "PT"),
    ("Correios", &["correios"], &["correios.com.br"], "BR"),
    ("Autoridade Tributária", &["autoridade tributaria", "portal das financas", "financas"], &["portaldasfinancas.gov.pt", "gov.pt"], "PT"),
    ("Receita Federal", &["receita federal"], &["gov.br"], "BR"),
    ("Deutsche Post", &["deutsche post"], &["deutschepost.de", "dhl.de"], "DE"),
    ("Hermes", &["hermes"], &["myhermes.de", "hermesworld.com", "hermes-europe.eu"], "DE"),
    ("Finanzamt", &["finanzamt", "bundeszentralamt fur steuern"], &["bzst.de", "elster.de", "bund.de"], "DE"),
    ("Österreichische Post", &["osterreichische post", "post.at", "post ag"], &["post.at"], "AT"),
    (
        "Swiss Post",
        &[
            "swiss post",
            "la poste suisse",
            "poste suisse",
            "posta svizzera",
            "la posta svizzera",
            "schweizerische post",
            "die schweizerische post",
        ],
        &["post.ch", "postfinance.ch"],
        "CH",
    ),
    ("Posta Shqiptare", &["posta shqiptare", "postashqiptare"], &["postashqiptare.al"], "AL"),
    ("Posta e Kosovës", &["posta e kosoves", "postakosoves"], &["postakosoves.com"], "XK"),
    ("PostNL", &["postnl"], &["postnl.nl", "postnl.com"], "NL"),
    ("bpost", &["bpost"], &["bpost.be"], "BE"),
    ("Drejtoria e Tatimeve", &["drejtoria e tatimeve", "drejtoria e pergjithshme e tatimeve", "tatimet"], &["tatime.gov.al"], "AL"),
    ("La Banque Postale", &["la banque postale", "banque postale"], &["labanquepostale.fr"], "FR"),
    ("Postbank", &["postbank"], &["postbank.de"], "DE"),
    ("PostFinance", &["postfinance"], &["postfinance.ch"], "CH"),
    ("Post Office", &["post office"], &["postoffice.co.uk"], "GB"),
    ("Banco CTT", &["banco ctt"], &["bancoctt.pt"], "PT"),
    // Customs authorities' everyday names; merged into the registry entries by domain.
    ("Douane française", &["douane francaise", "douanes francaises", "dgddi", "douane.gouv"], &["douane.gouv.fr"], "FR"),
    ("Agenzia delle Dogane e dei Monopoli", &["agenzia delle dogane", "agenzia dogane", "dogane e monopoli"], &["adm.gov.it"], "IT"),
    ("Zoll (Germany)", &["hauptzollamt", "deutscher zoll", "zoll online"], &["zoll.de"], "DE"),
    ("Dogana Shqiptare", &["dogana shqiptare", "doganat shqiptare", "drejtoria e pergjithshme e doganave"], &["dogana.gov.al"], "AL"),
    ("Amazon", &["amazon"], &["amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.es", "amazon.it"], ""),
];

/// The built-in table as brand references.
pub fn brands() -> Vec<BrandRef> {
    TABLE
        .iter()
        .map(|(name, aliases, domains, country)| BrandRef {
            name: (*name).to_string(),
            aliases: aliases.iter().map(|s| (*s).to_string()).collect(),
            domains: domains.iter().map(|s| (*s).to_string()).collect(),
            country: (*country).to_string(),
            kind: kind_of(name),
            words: Vec::new(),
            products: Vec::new(),
        })
        .collect()
}

fn kind_of(name: &str) -> BrandKind {
    match name {
        "HMRC"
        | "DGFiP"
        | "Agencia Tributaria"
        | "Agenzia delle Entrate"
        | "Autoridade Tributária"
        | "Receita Federal"
        | "Finanzamt"
        | "Drejtoria e Tatimeve" => BrandKind::Tax,
        "Douane française" | "Agenzia delle Dogane e dei Monopoli" | "Zoll (Germany)" | "Dogana Shqiptare" => BrandKind::Customs,
        "BancoPosta" | "La Banque Postale" | "Postbank" | "PostFinance" | "Banco CTT" => BrandKind::Bank,
        "Amazon" => BrandKind::Other,
        _ => BrandKind::Postal,
    }
}
