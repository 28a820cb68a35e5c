#!/usr/bin/env python3
"""Writes the `fresh` (tuning) and `holdout` labelled URL sets from the lists below.

Every name comes from public reporting the author knows (CSIRT and vendor write-ups of postal
smishing 2021-2025: USPS/Royal Mail/Evri/La Poste/Correos/Poste Italiane/PostNL/DHL/toll
campaigns, the "Smishing Triad" kits, the UPU and operators' own sites) or from real
legitimate sites; the variety (paths, tracking numbers, random host names) is generated with a
fixed seed so that the output is reproducible: `python3 data/links/generate_fresh.py`.

Split: each line belongs to a group (its family and base name: one brand, one site, one lure
stem); a group goes to `holdout/` when the FNV-1a hash of its key is 0 mod 3, so held-out lines
use brands and sites the tuning part never shows in that family. `holdout/urls.tsv` is read in
aggregate only (`postern eval links --set holdout`), never with --show-misses.
"""

import random
import string
from pathlib import Path

SEED = 20261207
rng = random.Random(SEED)
HERE = Path(__file__).resolve().parent

# ----------------------------------------------------------------------------- official posts
# (country, name, official domain) of designated postal operators (UPU members and territories);
# the same list feeds brands.toml, where each entry names its source.
POSTS = [
    ("AL", "Posta Shqiptare", "postashqiptare.al"), ("AT", "Österreichische Post", "post.at"),
    ("BE", "bpost", "bpost.be"), ("BA", "BH Pošta", "posta.ba"), ("BA", "Pošte Srpske", "postesrpske.com"),
    ("BA", "HP Mostar", "post.ba"), ("BG", "Bulgarian Posts", "bgpost.bg"), ("HR", "Hrvatska pošta", "posta.hr"),
    ("CY", "Cyprus Post", "cypruspost.post"), ("CZ", "Česká pošta", "ceskaposta.cz"), ("DK", "PostNord", "postnord.dk"),
    ("EE", "Omniva", "omniva.ee"), ("FI", "Posti", "posti.fi"), ("FR", "La Poste", "laposte.fr"),
    ("DE", "Deutsche Post", "deutschepost.de"), ("GR", "ELTA", "elta.gr"), ("HU", "Magyar Posta", "posta.hu"),
    ("IS", "Íslandspóstur", "posturinn.is"), ("IE", "An Post", "anpost.com"), ("IT", "Poste Italiane", "poste.it"),
    ("LV", "Latvijas Pasts", "pasts.lv"), ("LT", "Lietuvos paštas", "post.lt"), ("LU", "POST Luxembourg", "post.lu"),
    ("MT", "MaltaPost", "maltapost.com"), ("MD", "Poșta Moldovei", "posta.md"), ("MC", "La Poste Monaco", "lapostemonaco.mc"),
    ("ME", "Pošta Crne Gore", "postacg.me"), ("NL", "PostNL", "postnl.nl"), ("MK", "Pošta na Severna Makedonija", "posta.com.mk"),
    ("NO", "Posten", "posten.no"), ("PL", "Poczta Polska", "poczta-polska.pl"), ("PT", "CTT", "ctt.pt"),
    ("RO", "Poșta Română", "posta-romana.ro"), ("RU", "Russian Post", "pochta.ru"), ("SM", "Poste San Marino", "poste.sm"),
    ("RS", "Pošta Srbije", "posta.rs"), ("SK", "Slovenská pošta", "posta.sk"), ("SI", "Pošta Slovenije", "posta.si"),
    ("ES", "Correos", "correos.es"), ("SE", "PostNord Sverige", "postnord.se"), ("CH", "Swiss Post", "post.ch"),
    ("UA", "Ukrposhta", "ukrposhta.ua"), ("GB", "Royal Mail", "royalmail.com"), ("GB", "Post Office", "postoffice.co.uk"),
    ("LI", "Liechtensteinische Post", "post.li"), ("FO", "Posta", "posta.fo"), ("GL", "Tusass", "tusass.gl"),
    ("GE", "Georgian Post", "gpost.ge"), ("AM", "HayPost", "haypost.am"), ("AZ", "Azərpoçt", "azerpost.az"),
    ("TR", "PTT", "ptt.gov.tr"), ("KZ", "Kazpost", "post.kz"), ("UZ", "Uzbekistan Post", "pochta.uz"),
    ("KG", "Kyrgyz Pochtasy", "kyrgyzpost.kg"), ("TM", "Türkmenpoçta", "turkmenpost.gov.tm"), ("BY", "Belpochta", "belpost.by"),
    ("XK", "Posta e Kosovës", "postakosoves.com"), ("JE", "Jersey Post", "jerseypost.com"), ("GG", "Guernsey Post", "guernseypost.com"),
    ("IM", "Isle of Man Post Office", "iompost.com"), ("GI", "Royal Gibraltar Post Office", "post.gi"),
    ("US", "USPS", "usps.com"), ("CA", "Canada Post", "canadapost-postescanada.ca"), ("MX", "Correos de México", "correosdemexico.gob.mx"),
    ("BR", "Correios", "correios.com.br"), ("AR", "Correo Argentino", "correoargentino.com.ar"), ("CL", "Correos de Chile", "correos.cl"),
    ("CO", "4-72", "4-72.com.co"), ("PE", "Serpost", "serpost.com.pe"), ("EC", "Correos del Ecuador", "correosdelecuador.gob.ec"),
    ("UY", "Correo Uruguayo", "correo.com.uy"), ("CR", "Correos de Costa Rica", "correos.go.cr"), ("PA", "Correos de Panamá", "correospanama.gob.pa"),
    ("GT", "El Correo de Guatemala", "elcorreo.gob.gt"), ("DO", "Inposdom", "inposdom.gob.do"), ("JM", "Jamaica Post", "jamaicapost.gov.jm"),
    ("TT", "TTPost", "ttpost.net"), ("BB", "Barbados Postal Service", "bps.gov.bb"), ("GY", "Guyana Post Office", "guypost.gy"),
    ("SR", "Surpost", "surpost.com"), ("AW", "Post Aruba", "postaruba.com"), ("CW", "Cpost International", "cpostinternational.com"),
    ("HN", "Honducor", "honducor.gob.hn"), ("SV", "Correos de El Salvador", "correos.gob.sv"), ("NI", "Correos de Nicaragua", "correos.gob.ni"),
    ("PY", "Correo Paraguayo", "correoparaguayo.gov.py"), ("VE", "Ipostel", "ipostel.gob.ve"), ("BO", "Agencia Boliviana de Correos", "correos.gob.bo"),
    ("CU", "Correos de Cuba", "correos.cu"), ("KY", "Cayman Islands Postal Service", "caymanpost.gov.ky"), ("BM", "Bermuda Post Office", "bermudapost.bm"),
    ("VG", "BVI Post", "bvipost.gov.vg"), ("BS", "Bahamas Postal Service", "bahamaspostal.gov.bs"), ("LC", "Saint Lucia Postal Service", "stluciapostal.com"),
    ("AU", "Australia Post", "auspost.com.au"), ("NZ", "NZ Post", "nzpost.co.nz"), ("JP", "Japan Post", "japanpost.jp"),
    ("CN", "China Post", "chinapost.com.cn"), ("HK", "Hongkong Post", "hongkongpost.hk"), ("MO", "Macao Post", "ctt.gov.mo"),
    ("TW", "Chunghwa Post", "post.gov.tw"), ("KR", "Korea Post", "epost.go.kr"), ("MN", "Mongol Post", "mongolpost.mn"),
    ("IN", "India Post", "indiapost.gov.in"), ("PK", "Pakistan Post", "pakpost.gov.pk"), ("BD", "Bangladesh Post", "bdpost.gov.bd"),
    ("LK", "Sri Lanka Post", "slpost.gov.lk"), ("NP", "Nepal Post", "gpo.gov.np"), ("BT", "Bhutan Post", "bhutanpost.bt"),
    ("MV", "Maldives Post", "maldivespost.com"), ("IR", "Iran Post", "post.ir"), ("SA", "SPL", "splonline.com.sa"),
    ("AE", "Emirates Post", "emiratespost.ae"), ("QA", "Qatar Post", "qpost.com.qa"), ("OM", "Oman Post", "omanpost.om"),
    ("JO", "Jordan Post", "jordanpost.com.jo"), ("LB", "LibanPost", "libanpost.com"), ("IL", "Israel Post", "israelpost.co.il"),
    ("TH", "Thailand Post", "thailandpost.co.th"), ("MY", "Pos Malaysia", "pos.com.my"), ("SG", "SingPost", "singpost.com"),
    ("ID", "Pos Indonesia", "posindonesia.co.id"), ("PH", "PHLPost", "phlpost.gov.ph"), ("VN", "Vietnam Post", "vnpost.vn"),
    ("KH", "Cambodia Post", "cambodiapost.post"), ("LA", "Lao Post", "laopost.com.la"), ("MM", "Myanma Posts", "myanmarpost.com.mm"),
    ("BN", "Brunei Postal Services", "post.gov.bn"), ("PG", "Post PNG", "postpng.com.pg"), ("FJ", "Post Fiji", "postfiji.com.fj"),
    ("WS", "Samoa Post", "samoapost.ws"), ("TO", "Tonga Post", "tongapost.to"), ("VU", "Vanuatu Post", "vanuatupost.vu"),
    ("SB", "Solomon Post", "solomonpost.com.sb"), ("NC", "OPT-NC", "opt.nc"), ("PF", "Fare Rata", "opt.pf"),
    ("AF", "Afghan Post", "afghanpost.gov.af"), ("IQ", "Iraqi Post", "iraqipost.net"), ("SY", "Syrian Post", "syrianpost.gov.sy"),
    ("PS", "Palestine Post", "palpost.ps"), ("YE", "Yemen Post", "post.ye"), ("KW", "Kuwait Post", "moc.gov.kw"),
    ("BH", "Bahrain Post", "bahrainpost.gov.bh"), ("CK", "Cook Islands Post", "cookislandspost.co.ck"),
    ("ZA", "South African Post Office", "postoffice.co.za"), ("EG", "Egypt Post", "egyptpost.gov.eg"), ("MA", "Barid Al-Maghrib", "poste.ma"),
    ("DZ", "Algérie Poste", "poste.dz"), ("TN", "La Poste Tunisienne", "poste.tn"), ("NG", "NIPOST", "nipost.gov.ng"),
    ("GH", "Ghana Post", "ghanapost.com.gh"), ("KE", "Posta Kenya", "posta.co.ke"), ("TZ", "Tanzania Posts Corporation", "posta.co.tz"),
    ("UG", "Posta Uganda", "ugapost.co.ug"), ("RW", "Iposita", "i-posita.rw"), ("ET", "Ethiopian Postal Service", "ethiopostal.com"),
    ("SN", "La Poste du Sénégal", "laposte.sn"), ("CI", "La Poste de Côte d'Ivoire", "laposte.ci"), ("CM", "Campost", "campost.cm"),
    ("ZM", "Zampost", "zampost.com.zm"), ("ZW", "Zimpost", "zimpost.co.zw"), ("BW", "BotswanaPost", "botspost.co.bw"),
    ("NA", "NamPost", "nampost.com.na"), ("AO", "Correios de Angola", "correiosdeangola.co.ao"), ("MW", "Malawi Posts", "malawiposts.com"),
    ("MU", "Mauritius Post", "mauritiuspost.mu"), ("MG", "Paositra Malagasy", "paositra.mg"), ("SC", "Seychelles Postal Services", "seychellespost.gov.sc"),
    ("DJ", "La Poste de Djibouti", "laposte.dj"), ("BJ", "La Poste du Bénin", "laposte.bj"), ("BF", "SONAPOST", "sonapost.bf"),
    ("ML", "La Poste du Mali", "laposte.ml"), ("TG", "Société des Postes du Togo", "laposte.tg"), ("CV", "Correios de Cabo Verde", "correios.cv"),
    ("SZ", "Eswatini Post", "sptc.co.sz"), ("LY", "Libya Post", "libyapost.ly"), ("SD", "Sudapost", "sudapost.sd"),
    ("NE", "Niger Poste", "nigerposte.ne"), ("GM", "Gampost", "gampost.gm"), ("SL", "SALPOST", "salpost.sl"),
    ("GA", "La Poste du Gabon", "laposte.ga"), ("CG", "SOPECO", "sopeco.cg"), ("CD", "SCPT", "scpt.cd"),
    ("BI", "Régie Nationale des Postes", "poste.bi"), ("KM", "SNPSF", "snpsf.km"), ("LS", "Lesotho Post", "lesothopost.org.ls"),
    ("MR", "Mauripost", "mauripost.mr"), ("MZ", "Correios de Moçambique", "correios.co.mz"), ("GN", "Poste Guinéenne", "laposte.gn"),
    ("TD", "STPE", "stpe.td"), ("CF", "ONP Centrafrique", "laposte.cf"), ("LR", "Liberia Postal Service", "liberiapost.lr"),
    ("GW", "Correios da Guiné-Bissau", "correios.gw"), ("ST", "Correios de São Tomé", "correios.st"), ("SS", "South Sudan Post", "post.ss"),
]

POST_PATHS = [
    "/", "/en", "/fr/suivi", "/es/seguimiento", "/track-and-trace", "/tracking?id={s10}", "/en/contact-us", "/services/parcels",
    "/en/business", "/about-us/history", "/news/2025/stamps", "/tarifs", "/track/{s10}", "/careers", "/sitemap",
    "/en/personal/sending", "/customs-information", "/post-offices", "/en/philately",
]

# ----------------------------------------------------------------------------- couriers
COURIERS = [
    "dhl.com", "dhl.de", "ups.com", "fedex.com", "dpd.co.uk", "dpd.de", "dpd.fr", "gls-group.eu", "evri.com", "yodel.co.uk",
    "inpost.pl", "inpost.co.uk", "aramex.com", "tnt.com", "purolator.com", "colisprive.com", "mondialrelay.fr", "seur.com",
    "mrw.es", "brt.it", "sda.it", "packeta.com", "zasilkovna.cz", "ppl.cz", "fancourier.ro", "sameday.ro", "cargus.ro",
    "econt.com", "speedy.bg", "budbee.com", "instabox.io", "matkahuolto.fi", "novaposhta.ua", "acscourier.net", "canpar.com",
    "ontrac.com", "parcelforce.com", "chronopost.fr", "colissimo.fr", "correosexpress.com", "nacex.es", "postnord.com",
    "bring.no", "startrack.com.au", "courierpost.co.nz", "jtexpress.my", "ninjavan.co", "lbcexpress.com", "jadlog.com.br",
    "totalexpress.com.br", "estafeta.com", "dhl.co.uk", "fedex.ca", "sendle.com", "australiapost.com.au",
]
COURIER_PATHS = ["/", "/en/tracking", "/track?tracknum={n}", "/fr/suivi-colis", "/help/contact", "/gb/en/delivery-options", "/en/parcels/{n}"]

# ----------------------------------------------------------------------------- popular sites
POPULAR = [
    "google.com", "youtube.com", "facebook.com", "wikipedia.org", "amazon.co.uk", "amazon.de", "tesco.com", "sainsburys.co.uk",
    "bbc.co.uk", "theguardian.com", "lemonde.fr", "elpais.com", "corriere.it", "spiegel.de", "nytimes.com", "microsoft.com",
    "apple.com", "netflix.com", "spotify.com", "booking.com", "airbnb.com", "ebay.co.uk", "ebay.de", "leboncoin.fr",
    "carrefour.fr", "lidl.de", "aldi.co.uk", "ikea.com", "zalando.de", "vinted.fr", "github.com", "stackoverflow.com",
    "linkedin.com", "reddit.com", "instagram.com", "whatsapp.com", "office.com", "live.com", "yahoo.com", "orange.fr",
    "free.fr", "sfr.fr", "vodafone.co.uk", "o2.co.uk", "ee.co.uk", "bt.com", "sky.com", "nationalrail.co.uk", "sncf-connect.com",
    "renfe.com", "trenitalia.com", "bahn.de", "ryanair.com", "easyjet.com", "lufthansa.com", "marksandspencer.com", "argos.co.uk",
    "boots.com", "johnlewis.com", "fnac.com", "darty.com", "elcorteingles.es", "mercadona.es", "zara.com", "decathlon.fr",
    "mediamarkt.de", "otto.de", "bol.com", "albert.nl", "coolblue.nl", "ah.nl", "rabobank.nl", "ing.nl", "abnamro.nl",
    "barclays.co.uk", "hsbc.co.uk", "natwest.com", "lloydsbank.com", "santander.co.uk", "bnpparibas.fr", "credit-agricole.fr",
    "societegenerale.fr", "intesasanpaolo.com", "unicredit.it", "bbva.es", "caixabank.es", "commerzbank.de", "sparkasse.de",
    "n26.com", "revolut.com", "monzo.com", "starlingbank.com", "nubank.com.br", "itau.com.br", "mercadolivre.com.br",
    "magazineluiza.com.br", "americanas.com.br", "globo.com", "uol.com.br", "walmart.com", "target.com", "bestbuy.com",
    "costco.com", "homedepot.com", "chase.com", "bankofamerica.com", "wellsfargo.com", "irs.gov", "ssa.gov", "cdc.gov",
    "who.int", "europa.eu", "un.org", "gov.uk", "service-public.fr", "impots.gouv.fr", "ameli.fr", "caf.fr", "agenciatributaria.es",
    "seg-social.es", "inps.it", "agenziaentrate.gov.it", "bund.de", "arbeitsagentur.de", "elster.de", "admin.ch", "belgium.be",
    "canada.ca", "australia.gov.au", "my.gov.au", "govt.nz", "ird.govt.nz", "gov.br", "nhs.uk", "dvla.gov.uk", "hmrc.gov.uk",
    "tfl.gov.uk", "ox.ac.uk", "cam.ac.uk", "sorbonne-universite.fr", "mit.edu", "harvard.edu", "ethz.ch", "kuleuven.be",
    "uva.nl", "unimi.it", "ucm.es", "ulisboa.pt", "usp.br", "unam.mx", "u-tokyo.ac.jp", "nus.edu.sg", "unimelb.edu.au",
    "rakuten.co.jp", "yahoo.co.jp", "naver.com", "baidu.com", "alibaba.com", "aliexpress.com", "temu.com", "shein.com",
    "shopee.sg", "lazada.com.my", "tokopedia.com", "flipkart.com", "jumia.com.ng", "takealot.com", "noon.com", "souq.com",
    "emirates.com", "qatarairways.com", "etihad.com", "turkishairlines.com", "trendyol.com", "hepsiburada.com", "allegro.pl",
    "olx.pl", "mbank.pl", "pkobp.pl", "seznam.cz", "alza.cz", "emag.ro", "otpbank.hu", "skroutz.gr", "finn.no", "dnb.no",
    "blocket.se", "swedbank.se", "op.fi", "danskebank.dk", "posten.se", "spar.at", "willhaben.at", "digitec.ch", "migros.ch",
    "coop.ch", "sbb.ch", "ricardo.ch", "post.ch", "lefigaro.fr", "liberation.fr", "ouest-france.fr", "20minutes.fr",
    "lavanguardia.com", "elmundo.es", "abc.es", "repubblica.it", "ilsole24ore.com", "faz.net", "sueddeutsche.de", "zeit.de",
    "publico.pt", "expresso.pt", "folha.uol.com.br", "estadao.com.br", "clarin.com", "lanacion.com.ar", "eltiempo.com",
    "milenio.com", "eluniversal.com.mx", "smh.com.au", "abc.net.au", "nzherald.co.nz", "straitstimes.com", "scmp.com",
    "thehindu.com", "timesofindia.indiatimes.com", "aljazeera.com", "dw.com", "france24.com", "reuters.com", "apnews.com",
]
POPULAR_PATHS = ["/", "/account", "/help", "/search?q=shoes", "/en-gb/offers", "/news/world-12345678", "/login", "/basket",
                 "/careers/jobs", "/support/contact", "/products/12345", "/about", "/fr/aide/livraison", "/es/ayuda/envios"]

# Small businesses: names of the kinds that fill high streets and local directories.
SMB_OWNERS = ["smith", "jones", "taylor", "brown", "wilson", "evans", "martin", "dubois", "moreau", "garcia", "lopez",
              "rossi", "bianchi", "muller", "schmidt", "jansen", "devries", "silva", "santos", "kowalski", "novak",
              "oconnor", "murphy", "patel", "khan", "nguyen", "tanaka", "kim", "andersen", "nielsen", "virtanen"]
SMB_TRADES = ["bakery", "plumbing", "dental", "florist", "garage", "joinery", "salon", "barbers", "butchers", "optician",
              "pharmacy", "vets", "cafe", "bistro", "pizzeria", "roofing", "electrical", "builders", "accountants",
              "solicitors", "physio", "yoga", "bookshop", "kitchens", "removals", "cleaning", "tutoring", "photography",
              "boulangerie", "fleuriste", "carrosserie", "panaderia", "fontaneria", "ferreteria", "pasticceria",
              "idraulico", "baeckerei", "tischlerei", "bakkerij", "padaria"]
SMB_TOWNS = ["leeds", "bristol", "york", "bath", "cork", "galway", "lyon", "nantes", "lille", "sevilla", "bilbao",
             "torino", "bologna", "koeln", "bremen", "utrecht", "porto", "braga", "krakow", "brno", "cardiff", "derby"]
SMB_TLDS = {"co.uk": 4, "com": 4, "ie": 1, "fr": 2, "es": 2, "it": 2, "de": 2, "nl": 1, "pt": 1, "pl": 1, "cz": 1, "uk": 1}

# Legitimate internationalised domains (single-script names of real sites and places).
IDNS = [
    "münchen.de", "köln.de", "düsseldorf.de", "nürnberg.de", "würzburg.de", "bücher.de", "müller.de", "straßenbahn-münchen.de",
    "zürich.ch", "génève.ch", "bäckerei-schmidt.de", "gärtnerei-müller.de", "españa.es", "añoranza.es", "mañana.es",
    "académie-française.fr", "élysée.fr", "crème-brûlée.fr", "café-de-flore.fr", "blåbär.se", "göteborg.se", "malmö.se",
    "åland.fi", "tromsø.no", "ærø.dk", "łódź.pl", "kraków.pl", "gdańsk.pl", "česká-spořitelna.cz", "brněnský.cz", "pécs.hu",
    "győr.hu", "türkiye.com.tr", "istanbul-müzesi.com", "ελλάδα.gr", "αθήνα.gr", "почта.рф", "москва.рф", "госуслуги.рф",
    "президент.рф", "сбербанк.рф", "київ.укр", "україна.укр", "българия.бг", "србија.срб", "한국.kr", "서울.kr", "ไทย.th",
    "中国.cn", "北京.cn", "香港.hk", "台灣.tw", "日本.jp", "東京.jp", "ドメイン.jp", "ラーメン.jp", "例え.jp",
    "مصر.eg", "السعودية.sa", "भारत.in", "இந்தியா.in", "ישראל.il", "ایران.ir", "việtnam.vn", "hànội.vn",
    "são-paulo.com.br", "ação.com.br", "pão-de-açúcar.com.br", "coração.pt", "açores.pt", "niño.mx", "bogotá.co",
]

# Benign shortened links: bare codes on the common shorteners.
SHORTENERS = ["bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rb.gy", "cutt.ly", "t.ly", "tiny.cc",
              "shorturl.at", "rebrand.ly", "bl.ink", "lnkd.in", "s.id", "qrco.de", "dub.sh", "v.gd", "x.gd"]

# News and advice pages about scams: real outlets and agencies, brand names in the path.
NEWS = [
    ("bbc.co.uk", "/news/technology-{n}-{slug}"), ("theguardian.com", "/money/2024/mar/12/{slug}"),
    ("which.co.uk", "/news/article/{slug}-a{n}"), ("lemonde.fr", "/pixels/article/2024/05/02/{slug}_{n}.html"),
    ("francetvinfo.fr", "/internet/securite-sur-internet/{slug}_{n}.html"), ("elpais.com", "/tecnologia/2024-03-01/{slug}.html"),
    ("20minutos.es", "/tecnologia/ciberseguridad/{slug}-{n}/"), ("corriere.it", "/tecnologia/24_marzo_10/{slug}.shtml"),
    ("consumer.ftc.gov", "/consumer-alerts/2024/01/{slug}"), ("usps.com", "/help/scams"), ("uspis.gov", "/news/scam-article/{slug}"),
    ("ncsc.gov.uk", "/collection/phishing-scams/{slug}"), ("actionfraud.police.uk", "/news/{slug}"),
    ("cybermalveillance.gouv.fr", "/tous-nos-contenus/actualites/{slug}"), ("incibe.es", "/ciudadania/avisos/{slug}"),
    ("bsi.bund.de", "/DE/Themen/Verbraucherinnen-und-Verbraucher/{slug}"), ("ncsc.admin.ch", "/ncsc/de/home/aktuell/{slug}.html"),
    ("cert.pl", "/posts/2024/04/{slug}/"), ("scamwatch.gov.au", "/types-of-scams/{slug}"), ("getsafeonline.org", "/news/{slug}"),
    ("krebsonsecurity.com", "/2023/10/{slug}/"), ("bleepingcomputer.com", "/news/security/{slug}/"),
    ("malwarebytes.com", "/blog/news/2024/02/{slug}"), ("proofpoint.com", "/us/blog/threat-insight/{slug}"),
    ("unit42.paloaltonetworks.com", "/{slug}/"), ("resecurity.com", "/blog/article/{slug}"), ("silentpush.com", "/blog/{slug}/"),
    ("theverge.com", "/2024/3/5/{n}/{slug}"), ("nos.nl", "/artikel/{n}-{slug}"), ("tagesschau.de", "/wirtschaft/verbraucher/{slug}-100.html"),
    ("rte.ie", "/news/2024/0312/{n}-{slug}/"), ("abc.net.au", "/news/2024-03-12/{slug}/{n}"), ("cbc.ca", "/news/canada/{slug}-1.{n}"),
]
NEWS_SLUGS = ["royal-mail-text-scam-warning", "evri-parcel-scam-texts", "usps-smishing-redelivery-scam", "arnaque-colis-la-poste-sms",
              "estafa-sms-correos-paquete", "truffa-sms-poste-italiane-pacco", "dhl-phishing-sms-warnung", "postnl-pakket-sms-oplichting",
              "toll-text-scam-ezpass-fbi", "smishing-triad-postal-kits", "fake-customs-fee-texts", "hmrc-tax-refund-scam",
              "auspost-scam-sms", "canada-post-phishing-texts", "inpost-oszustwo-sms", "anpost-scam-text-warning"]

# Companies whose names merely contain postal or payment words (hard negatives of the issue).
POSTAL_WORD_COMPANIES = [
    "washingtonpost.com", "nypost.com", "jpost.com", "huffpost.com", "bangkokpost.com", "denverpost.com", "post-gazette.com",
    "postandcourier.com", "chinapost.com.tw", "elcorreo.com", "elcorreogallego.es", "correodelsur.com", "elcorreoweb.es",
    "postgresql.org", "postman.com", "postmates.com", "postcodelottery.co.uk", "postcodeloterij.nl",
    "posthaus.com.br", "postbank.de", "posterxxl.de", "postermywall.com", "post-it.com",
    "paymentsense.com", "paypoint.com", "payzone.co.uk", "worldpay.com", "paysafe.com", "payoneer.com", "gocardless.com",
    "sumup.com", "adyen.com", "checkout.com", "stripe.com", "klarna.com", "parcel2go.com", "parcelhero.com", "parcelmonkey.co.uk",
    "interparcel.com", "packlink.com", "sendcloud.com", "shippo.com", "easyship.com", "shipstation.com", "myparcel.nl",
    "parcelsapp.com", "17track.net", "parcelmonitor.com", "aftership.com", "ship24.com", "trackingmore.com", "deliveroo.co.uk",
    "delivery.com", "paquetexpress.com.mx", "envia.com", "correoinfo.com", "posterlounge.de", "postcrossing.com",
    "postalmuseum.org", "postalheritage.org.uk", "posthouse.nl", "postillion.nl", "parcelpending.com", "tracktry.com",
    "customs-broker.co.uk", "taxaccountant.co.uk", "refund.me", "deliveryhero.com", "shipbob.com", "paycheck.com",
    "posterstore.com", "postes-habitat.fr", "postehabitat.fr", "posterestante.fr", "poste-restante.com", "postalhousing.org",
    "postofficeshop.co.uk", "correiobraziliense.com.br", "correiodopovo.com.br", "correiodamanha.pt", "ilpost.it",
    "lapresse.ca",
]
POSTAL_WORD_PATHS = ["/", "/about", "/contact", "/news/local", "/pricing", "/blog/2024/spring-update", "/careers"]

# ----------------------------------------------------------------------------- scam material
# (short name as scammers write it, market language, official-looking TLD)
BRANDS = [
    ("usps", "en", "com"), ("royalmail", "en", "co.uk"), ("evri", "en", "com"), ("yodel", "en", "co.uk"), ("dpd", "en", "co.uk"),
    ("parcelforce", "en", "com"), ("anpost", "en", "ie"), ("canadapost", "en", "ca"), ("purolator", "en", "com"),
    ("auspost", "en", "com.au"), ("nzpost", "en", "co.nz"), ("laposte", "fr", "fr"), ("colissimo", "fr", "fr"),
    ("chronopost", "fr", "fr"), ("mondialrelay", "fr", "fr"), ("correos", "es", "es"), ("seur", "es", "es"), ("ctt", "pt", "pt"),
    ("correios", "pt", "com.br"), ("posteitaliane", "it", "it"), ("brt", "it", "it"), ("postnl", "nl", "nl"), ("bpost", "fr", "be"),
    ("dhl", "de", "de"), ("hermes", "de", "de"), ("gls", "de", "de"), ("ups", "en", "com"), ("fedex", "en", "com"),
    ("deutschepost", "de", "de"), ("swisspost", "de", "ch"), ("postnord", "en", "se"), ("posti", "en", "fi"), ("posten", "en", "no"),
    ("inpost", "pl", "pl"), ("pocztapolska", "pl", "pl"), ("ceskaposta", "pl", "cz"), ("magyarposta", "en", "hu"),
    ("omniva", "en", "ee"), ("singpost", "en", "com"), ("japanpost", "en", "jp"), ("hkpost", "en", "hk"), ("israelpost", "en", "co.il"),
    ("emiratespost", "en", "ae"), ("qpost", "en", "com.qa"), ("aramex", "en", "com"), ("indiapost", "en", "gov.in"),
    ("posindonesia", "en", "co.id"), ("thailandpost", "en", "co.th"), ("poslaju", "en", "com.my"), ("phlpost", "en", "gov.ph"),
    ("correoargentino", "es", "com.ar"), ("serpost", "es", "com.pe"), ("ezpass", "en", "com"), ("sunpass", "en", "com"),
    ("fastrak", "en", "org"), ("txtag", "en", "org"), ("hmrc", "en", "gov.uk"), ("elta", "en", "gr"), ("econt", "en", "com"),
    ("sameday", "en", "ro"), ("fancourier", "en", "ro"), ("packeta", "en", "com"), ("ukrposhta", "en", "ua"), ("novaposhta", "en", "ua"),
    ("bring", "en", "no"), ("matkahuolto", "en", "fi"), ("speedpost", "en", "in"), ("postoffice", "en", "co.uk"),
]
LURES = {
    "en": ["track", "redelivery", "delivery", "parcel", "package", "reschedule", "customs", "fee", "pay", "payment", "update",
           "address", "shipment", "tracking", "toll", "unpaid", "held", "notice", "support", "verify"],
    "fr": ["colis", "suivi", "livraison", "frais", "paiement", "douane", "avis", "relivraison", "adresse"],
    "es": ["paquete", "envio", "seguimiento", "entrega", "pago", "aduana", "tasa", "pendiente"],
    "pt": ["encomenda", "rastreio", "taxa", "pagamento", "entrega", "alfandega", "objeto"],
    "it": ["pacco", "spedizione", "consegna", "giacenza", "pagamento", "tracciamento", "dogana"],
    "de": ["paket", "sendung", "zustellung", "zoll", "zahlung", "lieferung", "verfolgung"],
    "nl": ["pakket", "bezorging", "betaling", "volgen", "zending"],
    "pl": ["paczka", "przesylka", "doplata", "dostawa", "platnosc"],
}
ABUSE_TLDS = ["top", "xyz", "shop", "online", "site", "info", "icu", "cfd", "sbs", "bond", "vip", "live", "click", "life",
              "cyou", "buzz", "lol", "mom", "rest", "today", "world", "win", "store", "fun", "one", "link", "help", "cc", "pw"]
# Less common TLDs that TLD-swap campaigns moved to (2023-2025 reporting: .tw .cn .ink .wiki .pics ...).
UNCOMMON_TLDS = ["ink", "wiki", "pics", "autos", "boats", "homes", "motorcycles", "yachts", "beauty", "hair", "makeup",
                 "quest", "skin", "tokyo", "asia", "tw", "cn", "su", "ru", "me", "ws", "tk", "ml", "ga", "gq", "to", "la",
                 "lat", "gd", "vin", "work", "ltd", "cam", "kim", "wang", "xin", "ren", "mov", "zip", "bar", "uno",
                 "cyou", "sbs", "cfd", "bond", "icu", "run", "im", "ac", "bz", "pm", "re", "sx", "vg", "pe", "ni"]
FREE_HOSTS = ["web.app", "firebaseapp.com", "netlify.app", "vercel.app", "pages.dev", "github.io", "weebly.com", "wixsite.com",
              "glitch.me", "onrender.com", "herokuapp.com", "workers.dev", "blogspot.com", "000webhostapp.com", "duckdns.org"]
LURE_ONLY_STEMS = [
    ["parcel", "redelivery"], ["redelivery", "fee"], ["customs", "clearance", "pay"], ["package", "hold", "notice"],
    ["track", "shipment", "update"], ["delivery", "reschedule"], ["parcel", "tracking", "support"], ["unpaid", "toll", "notice"],
    ["toll", "payment", "center"], ["package", "address", "update"], ["shipping", "fee", "payment"], ["parcel", "held", "customs"],
    ["colis", "livraison", "frais"], ["suivi", "colis", "avis"], ["paquete", "aduana", "pago"], ["envio", "pendiente"],
    ["encomenda", "taxa", "pagamento"], ["rastreio", "objeto"], ["pacco", "giacenza"], ["spedizione", "pagamento"],
    ["paket", "zoll", "zahlung"], ["sendung", "zustellung"], ["pakket", "bezorging"], ["paczka", "doplata"],
    ["delivery", "failed"], ["parcel", "redirect"], ["redeliver", "package"], ["customs", "duty", "fee"],
    ["postal", "delivery", "service"], ["shipment", "verification"], ["track", "parcel", "now"], ["tollservices", "pay"],
]
PATH_TEMPLATES = ["/{lure}", "/{lure}/{lure2}", "/{lure}?id={n}", "/{lure}/index.php", "/{lure}/{s10}", "/i/{tok}", "/{lang}/{lure}",
                  "/pay", "/{lure}.html", "/{tok}/{lure}"]

CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ"}


def fnv(s: str) -> int:
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def tok(n=None, digits=True):
    n = n or rng.randint(5, 9)
    alphabet = string.ascii_lowercase + (string.digits if digits else "")
    return "".join(rng.choice(alphabet) for _ in range(n))


def s10(cc="US"):
    return rng.choice(["RR", "LX", "CP", "EE", "RA", "UA"]) + "".join(rng.choice(string.digits) for _ in range(9)) + cc


def num(k=12):
    return "".join(rng.choice(string.digits) for _ in range(k))


def lang_of(lang):
    return lang if lang in LURES else "en"


def path(lang="en"):
    words = LURES[lang_of(lang)]
    t = rng.choice(PATH_TEMPLATES)
    return t.format(lure=rng.choice(words), lure2=rng.choice(words), n=num(rng.randint(8, 14)), s10=s10(), tok=tok(6),
                    lang=rng.choice(["en", "fr", "es", "de", "it", "pt"]))


def scheme():
    return rng.choices(["https://", "http://", ""], [7, 2, 1])[0]


def one_edit(name):
    """One typo-shaped edit as scammers make them; never returns the name itself."""
    for _ in range(20):
        i = rng.randrange(len(name))
        kind = rng.choice(["omit", "double", "swap", "insert", "subst"])
        if kind == "omit" and len(name) > 3:
            out = name[:i] + name[i + 1:]
        elif kind == "double":
            out = name[:i] + name[i] + name[i:]
        elif kind == "swap" and i + 1 < len(name):
            out = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        elif kind == "insert":
            out = name[:i] + rng.choice("aeiosrtn") + name[i:]
        else:
            near = {"a": "s", "s": "a", "e": "r", "r": "e", "o": "p", "p": "o", "t": "y", "l": "k", "d": "s", "u": "i",
                    "i": "u", "n": "m", "m": "n", "c": "v", "h": "j", "x": "z", "g": "h", "b": "v", "y": "t", "f": "g"}
            out = name[:i] + near.get(name[i], "e") + name[i + 1:]
        if out != name and len(out) >= 3:
            return out
    return name + name[-1]


def ascii_homoglyph(name):
    options = []
    if "m" in name:
        options.append(name.replace("m", "rn", 1))
    if "w" in name:
        options.append(name.replace("w", "vv", 1))
    if "o" in name:
        i = name.index("o")
        options.append(name[:i] + "0" + name[i + 1:])
    if "l" in name:
        i = name.index("l")
        options.append(name[:i] + rng.choice(["1", "i"]) + name[i + 1:])
    if "i" in name:
        i = name.index("i")
        options.append(name[:i] + rng.choice(["1", "l"]) + name[i + 1:])
    if "d" in name:
        options.append(name.replace("d", "cl", 1))
    return rng.choice(options) if options else None


rows = []  # (group, url, label, brand, technique, note)


def add(group, url, label, brand, technique, note=""):
    rows.append((group, url, label, brand, technique, note))


def registrable_tld(tld):
    """The brand's ending when anyone can register under it; `com` for institutional ones
    (nobody registers a look-alike under gov.uk)."""
    return "com" if tld.split(".")[0] in ("gov", "gob", "go", "ac", "edu") else tld


def positives():
    for short, lang, official_tld in BRANDS:
        words = LURES[lang_of(lang)]
        tld = registrable_tld(official_tld)
        g = short
        # combosquat on abuse TLDs
        for _ in range(6):
            w = rng.choice(words)
            host = rng.choice([f"{short}-{w}", f"{w}-{short}", f"{short}{w}", f"{short}-{w}-{rng.choice(words)}", f"my{short}-{w}"])
            add(f"combo:{g}", f"{scheme()}{host}.{rng.choice(ABUSE_TLDS)}{path(lang)}", "malicious", short, "combosquat abuse tld")
        # combosquat on .com / ccTLD
        for _ in range(2):
            w = rng.choice(words)
            add(f"combocom:{g}", f"{scheme()}{short}-{w}.{rng.choice(['com', 'net', 'org', 'co', 'us', 'app', tld])}{path(lang)}",
                "malicious", short, "combosquat")
        # brand as subdomain of a lure or random domain
        add(f"sub:{g}", f"https://{short}.{rng.choice(words)}-{tok(4, False)}.{rng.choice(ABUSE_TLDS)}{path(lang)}", "malicious",
            short, "brand subdomain")
        add(f"sub:{g}", f"https://{short}.{official_tld}.{tok(8)}.{rng.choice(ABUSE_TLDS)}{path(lang)}", "malicious", short,
            "official domain as subdomain")
        # brand.com-xxxx.tld
        add(f"comhyphen:{g}", f"https://{short}.{tld.split('.')[-1] if '.' in tld else 'com'}-{rng.choice(words)}.{rng.choice(ABUSE_TLDS)}{path(lang)}",
            "malicious", short, "brand.tld-xxx")
        # typosquat (one edit); short labels are the family the issue lists
        for _ in range(3 if len(short) <= 6 else 2):
            typo = one_edit(short)
            t = rng.choice(["com", tld, "net", rng.choice(ABUSE_TLDS), rng.choice(UNCOMMON_TLDS)])
            add(f"typo:{g}", f"{scheme()}{typo}.{t}{path(lang)}", "malicious", short, "typosquat short" if len(short) <= 6 else "typosquat")
        # typo + lure word
        add(f"typo:{g}", f"https://{one_edit(short)}-{rng.choice(words)}.{rng.choice(['com', 'info', 'top', 'net'])}{path(lang)}",
            "malicious", short, "typosquat+lure")
        # ASCII homoglyphs
        h = ascii_homoglyph(short)
        if h:
            for _ in range(2):
                t = rng.choice(["com", tld, rng.choice(ABUSE_TLDS)])
                host = h if rng.random() < 0.6 else f"{h}-{rng.choice(words)}"
                add(f"homo:{g}", f"{scheme()}{host}.{t}{path(lang)}", "malicious", short, "ascii homoglyph")
        # Unicode homoglyph (Cyrillic letters inside a Latin name), as punycode or Unicode
        letters = [i for i, c in enumerate(short) if c in CYRILLIC]
        if letters:
            i = rng.choice(letters)
            uni = short[:i] + CYRILLIC[short[i]] + short[i + 1:]
            add(f"idn:{g}", f"https://{uni}.{rng.choice(['com', tld, 'top'])}{path(lang)}", "malicious", short, "unicode homoglyph")
        # TLD swap onto a less common TLD
        for _ in range(2):
            add(f"tldswap:{g}", f"{scheme()}{short}.{rng.choice(UNCOMMON_TLDS)}{path(lang)}", "malicious", short, "tld swap uncommon")
        add(f"tldswap:{g}", f"https://{short}-{tld.replace('.', '-')}.{rng.choice(UNCOMMON_TLDS + ABUSE_TLDS)}{path(lang)}",
            "malicious", short, "tld swap")
        # random host with the brand only in the path
        for _ in range(2):
            p = rng.choice([f"/{short}/{rng.choice(words)}", f"/{short}", f"/{short}.{tld}/{rng.choice(words)}",
                            f"/{tok(4)}/{short}-{rng.choice(words)}", f"/{short}/?id={num(10)}"])
            add(f"pathbrand:{g}", f"{scheme()}{tok(rng.randint(6, 11))}.{rng.choice(ABUSE_TLDS + ['com', 'net', 'cn', 'ru'])}{p}",
                "malicious", short, "brand in path random host")
        # free hosting with the brand
        add(f"free:{g}", f"https://{short}-{rng.choice(words)}-{tok(4)}.{rng.choice(FREE_HOSTS)}{path(lang)}", "malicious", short,
            "free hosting brand")
        # shortener with a brand and lure path
        add(f"short:{g}", f"https://{rng.choice(SHORTENERS)}/{short}-{rng.choice(words)}", "malicious", short, "shortener brand path")
        # userinfo trick
        if rng.random() < 0.4:
            add(f"userinfo:{g}", f"https://{short}.{official_tld}@{tok(8)}.{rng.choice(ABUSE_TLDS)}{path(lang)}", "malicious", short, "userinfo")
    # brand-less lure-only throwaway domains
    for stem in LURE_ONLY_STEMS:
        g = "lure:" + "-".join(stem)
        for _ in range(8):
            parts = list(stem)
            if rng.random() < 0.4:
                parts.append(rng.choice(["online", "center", "service", "info", "help", "now", num(2), num(3), tok(3, False)]))
            host = rng.choice(["-".join(parts), "".join(parts)])
            t = rng.choice(ABUSE_TLDS + UNCOMMON_TLDS + ["com", "net", "org", "co", "us"])
            sub = rng.choice(["", "", "www.", f"{tok(3, False)}."])
            add(g, f"{scheme()}{sub}{host}.{t}{path()}", "malicious", "", "lure-only throwaway domain")
    # random hosts with a lure (no brand) in the path
    for i in range(200):
        lang = rng.choice(list(LURES))
        w = rng.choice(LURES[lang])
        t = rng.choice(ABUSE_TLDS + ["com", "cn", "ru", "net"])
        p = rng.choice([f"/{w}", f"/{w}/{rng.choice(LURES[lang])}", f"/{w}?id={num(10)}", f"/{tok(3)}/{w}.php", f"/{w}/{s10()}"])
        add(f"pathlure:{lang}:{i % 6}", f"{scheme()}{tok(rng.randint(7, 12))}.{t}{p}", "malicious", "", "lure in path random host")
    # bare IP hosts with lures
    for i in range(40):
        ip = ".".join(str(rng.randint(11, 223)) for _ in range(4))
        add(f"ip:{i % 4}", f"http://{ip}/{rng.choice(LURES['en'])}/{rng.choice(['index.php', 'pay', num(8)])}", "malicious", "", "ip host")


def negatives():
    for cc, name, domain in POSTS:
        g = f"post:{domain}"
        for p in rng.sample(POST_PATHS, 4):
            add(g, "https://" + rng.choice(["", "www."]) + domain + p.format(s10=s10(cc)), "benign", name, "official domain")
    for d in COURIERS:
        for p in rng.sample(COURIER_PATHS, 2):
            add(f"courier:{d}", f"https://www.{d}{p.format(n=num(12))}", "benign", "", "official domain")
    for d in POPULAR:
        for p in rng.sample(POPULAR_PATHS, 3):
            add(f"popular:{d}", f"https://{rng.choice(['', 'www.'])}{d}{p}", "benign", "", "ordinary negative")
    # small businesses
    seen = set()
    while len(seen) < 500:
        owner, trade, town = rng.choice(SMB_OWNERS), rng.choice(SMB_TRADES), rng.choice(SMB_TOWNS)
        form = rng.choice([f"{owner}{trade}", f"{owner}-{trade}", f"{trade}{town}", f"{town}-{trade}", f"{owner}s{trade}",
                           f"the{trade}{town}", f"{trade}-{owner}-{town}"])
        tld = rng.choices(list(SMB_TLDS), list(SMB_TLDS.values()))[0]
        d = f"{form}.{tld}"
        if d in seen:
            continue
        seen.add(d)
        p = rng.choice(["/", "/contact", "/about-us", "/services", "/book-online", "/menu", "/gallery", "/prices", "/shop/cart"])
        add(f"smb:{trade}", f"https://{rng.choice(['', 'www.'])}{d}{p}", "benign", "", "small business")
    for d in IDNS:
        for p in rng.sample(["/", "/kontakt", "/news", "/index.html", "/about", "/tourismus"], 2):
            add(f"idn:{d}", f"https://{d}{p}", "benign", "", "hard negative", "hard negative idn")
    for s in SHORTENERS:
        for _ in range(12):
            add(f"shortener:{s}", f"https://{s}/{tok(rng.randint(5, 8))}", "benign", "", "hard negative", "benign shortener")
    for d, tmpl in NEWS:
        for slug in rng.sample(NEWS_SLUGS, 4):
            add(f"news:{d}", f"https://www.{d}{tmpl.format(n=num(8), slug=slug)}", "benign", "", "hard negative", "hard negative news")
    for d in POSTAL_WORD_COMPANIES:
        if d.endswith(".example"):
            continue
        for p in rng.sample(POSTAL_WORD_PATHS, 3):
            add(f"postalword:{d}", f"https://www.{d}{p}", "benign", "", "hard negative", "hard negative postal word")
    # government-only suffixes: many agencies under one suffix
    for d in ["www.gov.uk/vehicle-tax", "www.gov.uk/log-in-register-hmrc-online-services", "dvla.gov.uk/", "www.nhs.uk/conditions",
              "www.ox.gov.uk/", "www.leeds.gov.uk/bins", "www.tfl.gov.uk/fares", "www.service-public.fr/particuliers",
              "www.ameli.fr/assure", "www.ants.gouv.fr/", "www.interieur.gouv.fr/", "www.economie.gouv.fr/", "www.canada.ca/en/services",
              "www.usa.gov/", "www.uscis.gov/", "www.dmv.ca.gov/portal", "www.gob.mx/tramites", "www.gov.br/receitafederal",
              "www.gov.pl/web/gov", "www.gov.ie/en/", "www.revenue.ie/en/", "www.belastingdienst.nl/", "www.rijksoverheid.nl/",
              "www.bundesfinanzministerium.de/", "www.oesterreich.gv.at/", "www.ch.ch/de/", "www.gov.si/", "www.gov.hr/"]:
        add(f"gov:{d.split('/')[0]}", f"https://{d}", "benign", "", "government")


positives()
negatives()

header = "url\tlabel\tbrand\ttechnique\tnote\n"
tuning, holdout = [], []
for group, url, label, brand, technique, note in rows:
    line = f"{url}\t{label}\t{brand}\t{technique}\t{note}\n"
    (holdout if fnv(group) % 3 == 0 else tuning).append(line)
for name, lines in (("fresh", tuning), ("holdout", holdout)):
    out = HERE / name
    out.mkdir(exist_ok=True)
    (out / "urls.tsv").write_text(header + "".join(lines))
    pos = sum(1 for l in lines if "\tmalicious\t" in l)
    print(f"{name}: {len(lines)} lines, {pos} malicious, {len(lines) - pos} benign")
