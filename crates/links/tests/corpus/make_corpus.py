#!/usr/bin/env python3
"""Builds urls.tsv: a labelled corpus of postal-smishing links and hard negatives.

Positives follow the shapes of public reporting on postal smishing 2020-2025 (CERT-FR, NCSC UK,
USPIS, Europol, PhishTank/URLhaus write-ups): brand+lure combosquats in several languages,
typosquats, homoglyph IDNs, brand subdomains, brand.com-xxxx names, free hosting, shorteners,
IP hosts, brandless lure domains. Negatives are official brand sites and subdomains, real
domains that contain brand-like strings, parcel-tracking aggregators and ordinary sites.
Deterministic (fixed seed); rerun with `python3 make_corpus.py > urls.tsv`.
"""
import random

rng = random.Random(20251123)

BRANDS = [  # (label used by scammers, official domain, country code)
    ("usps", "usps.com", "us"), ("royalmail", "royalmail.com", "uk"), ("laposte", "laposte.fr", "fr"),
    ("colissimo", "colissimo.fr", "fr"), ("chronopost", "chronopost.fr", "fr"), ("correos", "correos.es", "es"),
    ("posteitaliane", "poste.it", "it"), ("postnl", "postnl.nl", "nl"), ("dhl", "dhl.com", "de"),
    ("dpd", "dpd.com", "uk"), ("evri", "evri.com", "uk"), ("inpost", "inpost.pl", "pl"),
    ("canadapost", "canadapost.ca", "ca"), ("auspost", "auspost.com.au", "au"), ("nzpost", "nzpost.co.nz", "nz"),
    ("anpost", "anpost.com", "ie"), ("bpost", "bpost.be", "be"), ("postnord", "postnord.se", "se"),
    ("correios", "correios.com.br", "br"), ("ctt", "ctt.pt", "pt"), ("fedex", "fedex.com", "us"),
    ("ups", "ups.com", "us"), ("yodel", "yodel.co.uk", "uk"), ("parcelforce", "parcelforce.com", "uk"),
    ("singpost", "singpost.com", "sg"), ("hongkongpost", "hongkongpost.hk", "hk"), ("japanpost", "japanpost.jp", "jp"),
    ("pocztapolska", "poczta-polska.pl", "pl"), ("omniva", "omniva.ee", "ee"), ("posti", "posti.fi", "fi"),
    ("gls", "gls-group.eu", "de"), ("hermes", "myhermes.de", "de"), ("aramex", "aramex.com", "ae"),
    ("emiratespost", "emiratespost.ae", "ae"), ("indiapost", "indiapost.gov.in", "in"), ("thailandpost", "thailandpost.co.th", "th"),
    ("posmalaysia", "pos.com.my", "my"), ("correoargentino", "correoargentino.com.ar", "ar"), ("swisspost", "post.ch", "ch"),
    ("hmrc", "hmrc.gov.uk", "uk"), ("ezpass", "e-zpassny.com", "us"), ("sunpass", "sunpass.com", "us"),
    ("packeta", "packeta.com", "cz"), ("ceskaposta", "ceskaposta.cz", "cz"), ("magyarposta", "posta.hu", "hu"),
    ("postaromana", "posta-romana.ro", "ro"), ("elta", "elta.gr", "gr"), ("purolator", "purolator.com", "ca"),
    ("mondialrelay", "mondialrelay.fr", "fr"), ("colisprive", "colisprive.com", "fr"), ("bring", "bring.no", "no"),
]
LURES = {
    "en": ["track", "tracking", "parcel", "delivery", "redelivery", "package", "reschedule", "shipping", "customs", "fee", "pay", "update", "verify", "help", "support", "care", "notice"],
    "fr": ["colis", "suivi", "livraison", "paiement", "frais", "douane", "envoi", "avis"],
    "es": ["envio", "paquete", "seguimiento", "entrega", "pago", "aduana"],
    "it": ["pacco", "spedizione", "consegna", "pagamento", "giacenza"],
    "de": ["paket", "sendung", "zustellung", "zahlung", "zoll"],
    "nl": ["pakket", "bezorging", "betaling"],
    "pl": ["paczka", "przesylka", "doplata"],
    "pt": ["encomenda", "rastreio", "pagamento", "taxa"],
}
ABUSE = ["top", "xyz", "icu", "cyou", "buzz", "sbs", "cfd", "click", "live", "shop", "online", "site", "vip", "info", "cc", "bond", "lol", "world", "life", "help"]
PLAIN = ["com", "net", "org", "co", "me", "us", "eu"]
PATHS = ["/", "/pay", "/i", "/track", "/us", "/redelivery", "/?id=RR123456789GB", "/login", "/update", "/suivi", "/a/b", "/verify.php", "/index.html", "/tracking/9400111899223197428490", "/m", "/p/x7k2", "/secure/pay"]
FREE = ["netlify.app", "vercel.app", "web.app", "github.io", "pages.dev", "workers.dev", "firebaseapp.com", "herokuapp.com", "weebly.com", "wixsite.com", "blogspot.com", "000webhostapp.com", "glitch.me", "duckdns.org", "ngrok-free.app"]
SHORT = ["bit.ly", "tinyurl.com", "cutt.ly", "is.gd", "rb.gy", "t.ly", "s.id", "shorturl.at", "ow.ly", "rebrand.ly"]
HOMO = {"a": "\u0430", "o": "\u043e", "e": "\u0435", "p": "\u0440", "c": "\u0441", "i": "\u0456", "x": "\u0445"}


def rand_label(n):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def lure(lang=None):
    lang = lang or rng.choice(list(LURES))
    return rng.choice(LURES[lang])


def idn(label):
    try:
        return label.encode("idna").decode()
    except UnicodeError:
        return None


rows = []


def pos(url, note):
    rows.append(("malicious", url, note))


def neg(url, note):
    rows.append(("benign", url, note))


# ---- positives -------------------------------------------------------------------------
for b, dom, cc in BRANDS:
    l1, l2 = lure(), lure()
    pos(f"https://{b}-{l1}.{rng.choice(ABUSE)}{rng.choice(PATHS)}", "combosquat brand-lure abuse tld")
    pos(f"https://{b}{l2}.com{rng.choice(PATHS)}", "combosquat brand+lure .com")
    pos(f"https://{lure()}-{b}.{rng.choice(PLAIN + ABUSE)}{rng.choice(PATHS)}", "combosquat lure-brand")
    pos(f"https://{b}-{cc}-{lure()}.{rng.choice(ABUSE)}/", "combosquat with country code")
    pos(f"https://{b}.{lure()}-{rand_label(5)}.{rng.choice(ABUSE)}{rng.choice(PATHS)}", "brand as subdomain of foreign domain")
    pos(f"https://{dom}-{lure()}.{rng.choice(ABUSE)}/", "brand.com-xxxx")
    pos(f"https://www.{dom}.{rand_label(6)}.{rng.choice(ABUSE)}/", "official domain as subdomain label")
    pos(f"https://{b}-{lure()}.{rng.choice(FREE)}/", "free hosting with brand")
    pos(f"https://{rng.choice(['secure', 'my', 'www'])}-{b}-{lure()}.{rng.choice(PLAIN)}/{lure()}", "combosquat with filler")
    # typosquats of the official label
    label = dom.split(".")[0].replace("-", "")
    if len(label) >= 6:
        i = rng.randrange(1, len(label) - 1)
        kind = rng.choice(["omit", "double", "swap"])
        if kind == "omit":
            t = label[:i] + label[i + 1:]
        elif kind == "double":
            t = label[:i] + label[i] + label[i:]
        else:
            t = label[:i] + label[i + 1] + label[i] + label[i + 2:]
        if t != label:
            pos(f"https://{t}.{rng.choice(PLAIN + ABUSE)}{rng.choice(PATHS)}", f"typosquat ({kind}) of {label}")
        # homoglyph IDN
        chars = [c for c in label if c in HOMO]
        if chars:
            c = rng.choice(chars)
            u = label.replace(c, HOMO[c], 1)
            a = idn(u)
            if a:
                pos(f"https://{a}.{dom.split('.', 1)[1]}/", f"homoglyph IDN of {label} ({u})")
        # digit homoglyph
        if "o" in label:
            pos(f"https://{label.replace('o', '0', 1)}.{rng.choice(PLAIN + ABUSE)}/", f"digit homoglyph of {label}")
        elif "l" in label:
            pos(f"https://{label.replace('l', '1', 1)}.{rng.choice(PLAIN + ABUSE)}/", f"digit homoglyph of {label}")
    # userinfo trick
    if rng.random() < 0.3:
        pos(f"https://www.{dom}@{rand_label(8)}.{rng.choice(ABUSE)}/{lure()}", "userinfo trick")
    # brand in path on IP host / free hosting
    if rng.random() < 0.3:
        pos(f"http://{rng.randrange(11, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}/{b}/{lure()}", "IP host with brand in path")

# Hand-written examples in the shape of published reports.
for url, note in [
    ("https://laposte-fr.colis-suivi.top/pay", "issue example"),
    ("https://usps.posthelpbs.top/i", "USPIS-reported shape"),
    ("https://usps.com-trackdelivery.xyz/us", "com-hyphen"),
    ("https://uspis-gov.cyou/us", "brand+gov"),
    ("https://royalmail.parcel-redelivery.info/", "brand subdomain"),
    ("https://royalmail-reschedule.com/", "combosquat"),
    ("https://evri-redelivery-fee.com/", "combosquat"),
    ("https://dpd-parcel-uk.com/", "combosquat"),
    ("https://my-hermes-redelivery.com/", "combosquat"),
    ("https://correos-es.info/envio", "combosquat"),
    ("https://poste-italiane-pacco.com/", "weak word combosquat"),
    ("https://posteitaliane.giacenza-pacco.top/", "brand subdomain"),
    ("https://dhl-express.paket-zustellung.com/", "brand subdomain + lures"),
    ("https://inpost-doplata.pl/", "combosquat polish"),
    ("https://poczta-polska-paczka.com/", "combosquat polish"),
    ("https://postnl-bezorging.nl/", "combosquat dutch"),
    ("https://bpost-be.com/", "combosquat"),
    ("https://ctt-encomenda.com/", "combosquat"),
    ("https://correios-rastreio.com/", "combosquat"),
    ("https://auspost-redelivery.com/", "combosquat"),
    ("https://nzpost-parcel.com/", "combosquat"),
    ("https://canadapost-delivery.com/", "combosquat"),
    ("https://anpost-customs.com/", "combosquat"),
    ("https://postnord-tull.com/", "combosquat swedish"),
    ("https://ezpass-toll.com/pay", "toll smishing"),
    ("https://e-zpassny.com-tollbill.top/", "toll com-hyphen"),
    ("https://sunpass.com-ezj.vip/", "toll com-hyphen"),
    ("https://hmrc-taxrefund.com/", "tax refund"),
    ("https://fedex-delivery-update.com/", "combosquat"),
    ("https://ups-shipment-track.com/", "combosquat"),
    ("https://track-ups.com/", "combosquat"),
    ("https://usps-tracking.top/", "combosquat"),
    ("https://uspps.com/", "typosquat repetition"),
    ("https://royalmai1.com/", "digit homoglyph"),
    ("https://royalrnail.co.uk/", "rn homoglyph"),
    ("https://laposte.fr.suivi-colis.info/", "official as subdomain"),
    ("https://www.laposte.fr@colis-suivi.top/", "userinfo"),
    ("https://parcel-redelivery.top/", "brandless lures abuse tld"),
    ("https://track-parcel-delivery.xyz/", "brandless lures"),
    ("https://redelivery-fee.cfd/pay", "brandless lures"),
    ("https://package-held-customs.top/", "brandless lures"),
    ("https://xkqjvbtz.top/i", "random label abuse tld"),
    ("https://qwpzlrm.xyz/us", "random label abuse tld"),
    ("http://185.212.44.17/track/RR123456789GB", "IP host tracking bait"),
    ("https://bit.ly/3Kd9xPq", "shortener"),
    ("https://tinyurl.com/parcel-fee2", "shortener"),
    ("https://cutt.ly/uWx9zPa", "shortener"),
    ("https://usps-redelivery.netlify.app/", "free hosting"),
    ("https://royal-mail-parcel.web.app/", "free hosting"),
    ("https://dhl-tracking.github.io/pay", "free hosting"),
    ("https://sites.google.com/view/usps-redelivery", "free hosting brand path"),
    ("https://xn--dhl-xpress-39a.com/", "IDN"),
]:
    pos(url, note)

# ---- negatives -------------------------------------------------------------------------
OFFICIAL = [
    "https://www.usps.com/", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490",
    "https://reg.usps.com/entreg/LoginAction_input", "https://www.royalmail.com/track-your-item#/",
    "https://send.royalmail.com/", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
    "https://www.colissimo.fr/", "https://www.chronopost.fr/fr", "https://www.correos.es/es/es/herramientas/localizador/envios",
    "https://www.poste.it/cerca/index.html#/risultati-spedizioni/", "https://www.postnl.nl/", "https://jouw.postnl.nl/track-and-trace/",
    "https://www.dhl.com/de-en/home/tracking.html", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html",
    "https://www.dpd.co.uk/", "https://track.dpd.co.uk/", "https://www.evri.com/track-a-parcel", "https://inpost.pl/sledzenie-przesylek",
    "https://www.canadapost-postescanada.ca/track-reperage/en", "https://auspost.com.au/mypost/track/", "https://www.nzpost.co.nz/tools/tracking",
    "https://www.anpost.com/Post-Parcels/Track/History", "https://track.bpost.cloud/", "https://www.bpost.be/nl/ontvangen",
    "https://www.postnord.se/vara-verktyg/spara-brev-paket-och-pall", "https://rastreamento.correios.com.br/app/index.php",
    "https://www.ctt.pt/feapl_2/app/open/objectSearch/objectSearch.jspx", "https://www.fedex.com/fedextrack/",
    "https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784", "https://www.yodel.co.uk/tracking",
    "https://www.parcelforce.com/track-trace", "https://www.singpost.com/track-items", "https://www.hongkongpost.hk/en/mail_tracking/index.html",
    "https://www.post.japanpost.jp/index_en.html", "https://emonitoring.poczta-polska.pl/", "https://www.omniva.ee/era/jalgimine",
    "https://www.posti.fi/fi/seuranta", "https://gls-group.eu/EU/en/parcel-tracking", "https://www.myhermes.de/empfangen/sendungsverfolgung/",
    "https://www.aramex.com/track/shipments", "https://www.emiratespost.ae/", "https://www.indiapost.gov.in/", "https://track.thailandpost.co.th/",
    "https://www.pos.com.my/", "https://www.correoargentino.com.ar/formularios/e-commerce", "https://www.post.ch/en/receiving/track-a-consignment",
    "https://www.gov.uk/government/organisations/hm-revenue-customs", "https://www.tax.service.gov.uk/", "https://www.e-zpassny.com/",
    "https://www.sunpass.com/en/home/index.shtml", "https://www.packeta.com/", "https://www.ceskaposta.cz/", "https://www.posta.hu/",
    "https://www.posta-romana.ro/", "https://www.elta.gr/", "https://www.purolator.com/en", "https://www.mondialrelay.fr/suivi-de-colis/",
    "https://www.colisprive.com/", "https://www.bring.no/", "https://sporing.bring.no/", "https://www.posten.no/sporing",
    "https://www.labanquepostale.fr/", "https://www.postfinance.ch/de/privat.html", "https://www.postbank.de/",
    "https://www.irs.gov/refunds", "https://www.cbp.gov/", "https://www.impots.gouv.fr/", "https://www.douane.gouv.fr/",
    "https://www.zoll.de/", "https://www.belastingdienst.nl/", "https://www.agenziaentrate.gov.it/", "https://sede.agenciatributaria.gob.es/",
    "https://www.skatteverket.se/", "https://www.ato.gov.au/", "https://www.amazon.com/gp/your-account/order-history",
    "https://www.amazon.co.uk/progress-tracker/package/", "https://amzn.to/3xYzAbC", "https://www.posteitaliane.it/",
    "https://www.postepay.it/", "https://www.correosexpress.com/", "https://www.seur.com/", "https://www.brt.it/",
    "https://www.sda.it/", "https://www.ppl.cz/", "https://www.fancourier.ro/", "https://www.sameday.ro/", "https://www.econt.com/",
    "https://www.speedy.bg/", "https://www.matkahuolto.fi/", "https://novaposhta.ua/", "https://www.ukrposhta.ua/",
    "https://www.pochta.ru/tracking", "https://www.kuronekoyamato.co.jp/", "https://www.sagawa-exp.co.jp/", "https://www.sf-express.com/",
    "https://global.cainiao.com/", "https://www.ninjavan.co/", "https://www.bluedart.com/", "https://www.delhivery.com/",
    "https://www.estafeta.com/", "https://www.servientrega.com/", "https://www.andreani.com/", "https://www.chilexpress.cl/",
    "https://www.postoffice.co.za/", "https://www.nipost.gov.ng/", "https://www.posta.co.ke/", "https://www.israelpost.co.il/",
    "https://www.epost.go.kr/", "https://www.post.gov.tw/", "https://www.vnpost.vn/", "https://www.phlpost.gov.ph/",
    "https://www.posindonesia.co.id/", "https://www.pakpost.gov.pk/", "https://www.qpost.com.qa/", "https://splonline.com.sa/",
    "https://www.poste.tn/", "https://www.poste.dz/", "https://www.laposte.sn/", "https://www.posta.hr/", "https://www.posta.si/",
    "https://www.posta.sk/", "https://www.posta.rs/", "https://www.post.at/", "https://www.post.lu/", "https://www.post.lt/",
    "https://www.pasts.lv/", "https://www.posturinn.is/", "https://www.maltapost.com/", "https://www.cypruspost.post/",
    "https://www.ptt.gov.tr/", "https://www.post.kz/", "https://www.haypost.am/", "https://www.gpost.ge/", "https://www.azerpost.az/",
]
for u in OFFICIAL:
    neg(u, "official brand site")

LOOKALIKE_REAL = [
    "https://www.postgresql.org/docs/current/", "https://www.washingtonpost.com/politics/", "https://signpost.com/",
    "https://www.nypost.com/", "https://www.huffpost.com/", "https://www.postman.com/", "https://postmates.com/",
    "https://www.denverpost.com/", "https://www.jpost.com/", "https://www.bangkokpost.com/", "https://www.post-gazette.com/",
    "https://www.easypost.com/", "https://postimages.org/", "https://www.postcrossing.com/", "https://postgres.app/",
    "https://mailchimp.com/", "https://mail.google.com/mail/u/0/", "https://outlook.live.com/mail/", "https://www.mailbox.org/",
    "https://www.upwork.com/", "https://www.upstart.com/", "https://startups.com/", "https://groups.io/", "https://www.cups.org/",
    "https://www.dhlottery.co.kr/", "https://www.hermes.com/fr/fr/", "https://www.royalcaribbean.com/", "https://www.royalacademy.org.uk/",
    "https://www.compostshop.co.uk/", "https://www.compost.org/", "https://www.ecopost.com/", "https://www.postable.com/",
    "https://www.postscript.io/", "https://www.posterazzi.com/", "https://www.poster.com/", "https://pasta.com/",
    "https://www.boost.com/", "https://www.being.com/", "https://www.model.com/", "https://www.impost.com/",
    "https://www.17track.net/en", "https://parcelsapp.com/en/tracking/RR123456789CN", "https://www.aftership.com/track",
    "https://www.parcelmonkey.co.uk/", "https://www.trackingmore.com/", "https://www.ship24.com/", "https://www.shipstation.com/",
    "https://www.stamps.com/", "https://www.pirateship.com/", "https://www.sendcloud.com/", "https://goshippo.com/",
    "https://www.packagetrackr.com/", "https://www.parcel2go.com/", "https://www.myus.com/", "https://www.shipbob.com/",
    "https://www.fedexfield.com/", "https://www.upsers.com/", "https://www.correiobraziliense.com.br/", "https://www.postaonline.cz/",
    "https://www.posterous.com/", "https://www.postbox.com/", "https://www.postnauka.ru/", "https://www.postpickr.com/",
    "https://www.postalmuseum.org/", "https://about.usps.com/newsroom/", "https://www.uspis.gov/", "https://faq.usps.com/",
    "https://www.bbc.co.uk/news/business-royal-mail", "https://www.reuters.com/business/usps-delivery-delays-2024/",
    "https://twitter.com/RoyalMail", "https://www.facebook.com/laposte", "https://www.linkedin.com/company/dhl/",
    "https://en.wikipedia.org/wiki/La_Poste_(France)", "https://en.wikipedia.org/wiki/Universal_Postal_Union",
    "https://www.upu.int/en/Postal-Solutions/Programmes-Services/Addressing", "https://www.google.com/search?q=usps+tracking",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://github.com/rust-lang/rust", "https://stackoverflow.com/questions/tagged/rust",
    "https://www.reddit.com/r/USPS/", "https://www.trustpilot.com/review/www.evri.com", "https://www.which.co.uk/consumer-rights/",
    "https://www.ncsc.gov.uk/collection/phishing-scams", "https://www.cybermalveillance.gouv.fr/", "https://www.consumer.ftc.gov/",
    "https://www.actionfraud.police.uk/", "https://www.europol.europa.eu/", "https://www.interpol.int/",
    "https://dhl.service-now.com/sp", "https://fedex.zendesk.com/hc/en-us", "https://royalmail.sharepoint.com/sites/intranet",
    "https://ups.wd5.myworkdayjobs.com/UPS_Careers", "https://usps.okta.com/", "https://www.lapostemobile.fr/",
    "https://www.docaposte.com/", "https://www.tntsports.co.uk/", "https://www.zoll-auktion.de/", "https://www.postcodelottery.co.uk/",
    "https://www.postalmuseum.org/collections", "https://www.amazonaws.com/", "https://s3.amazonaws.com/public-bucket/report.pdf",
    "https://www.nordicpost.dk/", "https://www.apostrophe.com/", "https://www.apostille.org/", "https://www.compostela.es/",
    "https://www.postcards.com/", "https://www.impostorsyndrome.org/", "https://www.speedtest.net/", "https://www.pgatour.com/",
    "https://apnews.com/hub/us-postal-service",
]
for u in LOOKALIKE_REAL:
    neg(u, "real domain with brand-like string or about a brand")

ORDINARY = """google.com youtube.com facebook.com wikipedia.org instagram.com linkedin.com netflix.com microsoft.com
apple.com github.com stackoverflow.com reddit.com yahoo.com bing.com office.com zoom.us paypal.com ebay.com etsy.com
booking.com airbnb.com spotify.com adobe.com dropbox.com salesforce.com shopify.com wordpress.org cloudflare.com
nytimes.com bbc.co.uk cnn.com theguardian.com lemonde.fr spiegel.de corriere.it elpais.com nos.nl tagesschau.de orf.at
svt.se yle.fi nrk.no dr.dk rtve.es rai.it service-public.fr bund.de europa.eu who.int un.org mozilla.org rust-lang.org
python.org debian.org kernel.org apache.org w3.org ietf.org icann.org iana.org archive.org imdb.com tripadvisor.com
expedia.com ikea.com zara.com hm.com decathlon.fr carrefour.fr tesco.com sainsburys.co.uk asda.com argos.co.uk
johnlewis.com marksandspencer.com boots.com currys.co.uk otto.de zalando.de mediamarkt.de lidl.de aldi-sued.de
rewe.de dm.de bol.com albert.nl ah.nl coolblue.nl allegro.pl olx.pl mercadolibre.com.ar mercadolivre.com.br
americanas.com.br magazineluiza.com.br rakuten.co.jp yahoo.co.jp naver.com daum.net baidu.com qq.com taobao.com
jd.com alibaba.com aliexpress.com temu.com shein.com wish.com walmart.com target.com bestbuy.com homedepot.com
lowes.com costco.com kroger.com cvs.com walgreens.com chase.com bankofamerica.com wellsfargo.com citi.com
hsbc.co.uk barclays.co.uk lloydsbank.com natwest.com santander.co.uk bnpparibas.net societegenerale.fr
credit-agricole.fr ing.nl rabobank.nl abnamro.nl deutsche-bank.de commerzbank.de sparkasse.de unicredit.it
intesasanpaolo.com bbva.es caixabank.es revolut.com wise.com n26.com monzo.com stripe.com visa.com mastercard.com
americanexpress.com medium.com substack.com quora.com pinterest.com tumblr.com twitch.tv discord.com slack.com
telegram.org whatsapp.com signal.org tiktok.com snapchat.com x.com threads.net bsky.app mastodon.social
duckduckgo.com proton.me fastmail.com zoho.com atlassian.com gitlab.com bitbucket.org npmjs.com crates.io pypi.org
docker.com kubernetes.io hashicorp.com digitalocean.com linode.com ovhcloud.com hetzner.com aws.amazon.com
azure.microsoft.com cloud.google.com oracle.com ibm.com intel.com amd.com nvidia.com samsung.com sony.com lg.com
dell.com hp.com lenovo.com asus.com acer.com logitech.com canon.com nikon.com bose.com nike.com adidas.com
puma.com uniqlo.com gap.com levi.com weather.com accuweather.com bbc.com dw.com france24.com euronews.com
aljazeera.com nhk.or.jp abc.net.au cbc.ca globo.com clarin.com elmundo.es lefigaro.fr repubblica.it faz.net
sueddeutsche.de nzz.ch derstandard.at volkskrant.nl aftonbladet.se vg.no politiken.dk hs.fi wyborcza.pl idnes.cz
index.hu hotnews.ro kathimerini.gr publico.pt irishtimes.com scotsman.com nature.com sciencedirect.com arxiv.org
springer.com wiley.com jstor.org coursera.org edx.org khanacademy.org duolingo.com mit.edu stanford.edu ox.ac.uk
cam.ac.uk ethz.ch epfl.ch sorbonne-universite.fr uni-heidelberg.de kuleuven.be uva.nl ku.dk helsinki.fi uio.no
abc.xyz gen.xyz about.google blog.google web.dev developer.mozilla.org docs.rs go.dev nodejs.org deno.com
openstreetmap.org maps.google.com uber.com lyft.com deliveroo.co.uk just-eat.co.uk ubereats.com doordash.com
glovoapp.com wolt.com vinted.fr leboncoin.fr marktplaats.nl kleinanzeigen.de gumtree.com craigslist.org
indeed.com glassdoor.com monster.com stepstone.de welcometothejungle.com lastminute.com ryanair.com easyjet.com
lufthansa.com airfrance.fr klm.com britishairways.com sncf-connect.com bahn.de trenitalia.com renfe.com ns.nl
""".split()
for d in ORDINARY:
    path = rng.choice(["/", "/about", "/en/", "/help", "/account/login", "/search?q=parcel+tracking", "/news/2025/11/", "/products/123456", "/contact", "/blog/how-to-ship-a-parcel"])
    host = d if d.count(".") >= 2 or rng.random() < 0.3 else "www." + d
    neg(f"https://{host}{path}", "ordinary site")

print("label\turl\tnote")
for label, url, note in rows:
    print(f"{label}\t{url}\t{note}")
