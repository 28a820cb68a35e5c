#!/usr/bin/env python3
"""Stream of newly seen names for measuring `postern watch`: benign names with the hard
negatives brand monitors are known to trip on, and planted postal-brand impersonations shaped
like the ones public reporting describes (Unit 42 "Smishing Deluge" Oct 2025 and spring 2025
reports, the Smishing Triad takedowns, CSIRT advisories): brand-lure combinations on cheap
endings, `brand.com-xxxx.tld`, brand names as subdomains, typos, look-alike characters, IDN
homoglyphs, TLD swaps and deep chains.

Two parts with separate seeds and partly separate vocabularies: `tune` (for error analysis) and
`holdout` (read in aggregate only: the lure words, endings and templates marked HOLDOUT appear
only there). Output: TSV `name<TAB>label<TAB>brand<TAB>technique`, label `squat` or `benign`.

    python3 data/monitor/generate.py --part holdout --names 1000000 --squats 2000 > /tmp/holdout.tsv
    python3 data/monitor/generate.py --part tune --names 200000 --squats 400 > /tmp/tune.tsv

Standard library only; the same arguments always give the same stream.
"""
import argparse
import random
import string

# Brands that public smishing reporting names, with their official domains (operators' sites).
BRANDS = {
    "us-usps": (["usps"], ["usps.com", "usps.gov", "uspis.gov"]),
    "gb-royalmail": (["royalmail", "parcelforce"], ["royalmail.com", "royalmail.co.uk", "parcelforce.com"]),
    "gb-evri": (["evri"], ["evri.com"]),
    "fr-laposte": (["laposte", "colissimo", "chronopost"], ["laposte.fr", "laposte.net", "colissimo.fr", "chronopost.fr"]),
    "es-correos": (["correos"], ["correos.es", "correos.com"]),
    "nl-postnl": (["postnl"], ["postnl.nl", "postnl.com"]),
    "global-dhl": (["dhl", "dhlexpress"], ["dhl.com", "dhl.de", "dhl.co.uk"]),
    "global-ups": (["ups"], ["ups.com"]),
    "global-fedex": (["fedex"], ["fedex.com"]),
    "ie-anpost": (["anpost"], ["anpost.com", "anpost.ie"]),
    "ca-canadapost": (["canadapost", "postescanada"], ["canadapost.ca", "postescanada.ca"]),
    "au-auspost": (["auspost", "australiapost"], ["auspost.com.au"]),
    "jp-japanpost": (["japanpost"], ["japanpost.jp"]),
    "it-poste": (["posteitaliane", "postepay"], ["poste.it", "posteitaliane.it"]),
    "de-deutschepost": (["deutschepost"], ["deutschepost.de"]),
    "dk-postnord": (["postnord"], ["postnord.dk", "postnord.com"]),
    "be-bpost": (["bpost"], ["bpost.be"]),
    "pt-ctt": (["cttexpresso"], ["ctt.pt"]),
    "ch-post": (["swisspost"], ["post.ch", "swisspost.ch"]),
    "nz-nzpost": (["nzpost"], ["nzpost.co.nz"]),
    "pl-inpost": (["inpost"], ["inpost.pl"]),
    "pl-pocztapolska": (["pocztapolska"], ["poczta-polska.pl"]),
    "sg-singpost": (["singpost"], ["singpost.com"]),
    "de-hermes": (["myhermes"], ["myhermes.de"]),
    "gb-yodel": (["yodel"], ["yodel.co.uk"]),
    "ca-purolator": (["purolator"], ["purolator.com"]),
    "global-dpd": (["dpdgroup"], ["dpd.com"]),
    "th-thailandpost": (["thailandpost"], ["thailandpost.co.th"]),
    "in-indiapost": (["indiapost"], ["indiapost.gov.in"]),
    "kr-epost": (["koreapost"], ["koreapost.go.kr"]),
}

LURES = ["track", "tracking", "delivery", "redelivery", "parcel", "package", "post", "mail", "pay",
         "fee", "toll", "customs", "verify", "update", "reschedule", "help", "support", "info",
         "service", "status", "colis", "suivi", "livraison", "paquete", "envio", "pakket",
         "zustellung", "sendung", "pacco", "spedizione", "paczka"]
LURES_HOLDOUT = ["redeliver", "shipment", "address", "confirm", "notice", "billing", "reenvio",
                 "aduana", "douane", "bezorging", "consegna", "dostawa", "secure", "login", "account"]
TLDS = ["top", "vip", "xin", "com", "info", "cc", "shop", "icu", "live", "online", "xyz", "club"]
TLDS_HOLDOUT = ["sbs", "cfd", "bond", "click", "buzz", "win", "lol", "help", "support", "site"]
FREE_HOSTS = ["pages.dev", "web.app", "netlify.app", "vercel.app", "github.io", "duckdns.org"]

# Benign vocabulary: ordinary words companies, shops and blogs are named with.
WORDS = """acme alpha amber anchor apple arrow atlas aurora autumn bakery banner beacon bear berry
bird blue bold bloom bridge bright brook cabin candle canyon capital carbon cedar central charm
cherry circle city clear cloud clover coast cobalt coffee comet coral corner cotton craft crane
crest crown crystal daily dawn delta desert diamond digital dream eagle earth echo edge ember
empire energy falcon farm fern field fire flash flora forest fox fresh frost garden gate giant
glacier global gold granite green grove harbor harvest haven hawk heart hill honey horizon iris
island ivory jade journey jungle kernel keystone kite lake lantern leaf legacy lemon light lime
linden lotus lunar maple marble meadow metro mint mirror moon mountain nature nest noble north
nova oak ocean olive orbit orchid pacific palm panda paper peak pearl pepper pine pixel planet
plaza prime pulse quartz quest rain raven river rock rose ruby sage salt sand sapphire scout sea
shadow shore silver sky smart snow solar spark spring square star stone storm summit sun swift
tiger timber trail tree tribe true valley vector velvet vista wave west willow wind wolf wood
zen zephyr studio media tech labs works group solutions systems design consulting partners
health dental legal travel tours homes realty motors auto fitness yoga pets kids books music
photo films games sports food wine beer tea kitchen market store supply trade finance capital
insurance energy clinic school academy church hotel cafe bistro pizza sushi burger bakeshop""".split()
SUBS = ["www", "mail", "shop", "api", "cdn", "blog", "app", "dev", "staging", "portal", "m", "static"]
BENIGN_TLDS = ["com", "net", "org", "de", "fr", "co.uk", "nl", "es", "it", "io", "ca", "com.au",
               "pl", "ch", "be", "us", "info", "shop", "online", "app", "top", "xyz"]

# Names that merely contain brand-like strings, and official domains with their subdomains.
HARD_NEGATIVE_STEMS = ["washingtonpost", "huffpost", "nypost", "jpost", "compost", "composting",
                       "postgres", "postgresql", "signpost", "signposting", "lamppost", "outpost",
                       "goalpost", "postcard", "postcards", "postman", "poster", "posters",
                       "postmates", "compostela", "posterestante", "poste-restante", "postal-codes",
                       "postbox", "postscript", "upstart", "startups", "groups", "backups",
                       "makeup", "pickups", "cups", "fedora", "federal", "deluxe", "evrika",
                       "indeed", "hotpost", "blogpost", "guestpost", "repost", "parcelshop",
                       "dhlaw", "pdhl"]
CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443"}
KEYBOARD = {"a": "qs", "s": "ad", "d": "sf", "e": "wr", "o": "ip", "i": "uo", "l": "k", "p": "o", "r": "et",
            "t": "ry", "n": "bm", "m": "n", "u": "yi", "c": "xv", "h": "gj", "x": "zc", "y": "tu", "v": "cb"}


def rand_token(rng, lo=4, hi=8):
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(lo, hi)))


def typo(rng, b):
    i = rng.randrange(len(b))
    kind = rng.choice(["omission", "repetition", "transposition", "keyboard"])
    if kind == "omission" and len(b) > 4:
        return b[:i] + b[i + 1:], kind
    if kind == "transposition" and i + 1 < len(b) and b[i] != b[i + 1]:
        return b[:i] + b[i + 1] + b[i] + b[i + 2:], kind
    if kind == "keyboard" and b[i] in KEYBOARD:
        return b[:i] + rng.choice(KEYBOARD[b[i]]) + b[i + 1:], kind
    return b[:i] + b[i] + b[i:], "repetition"


def ascii_homoglyph(rng, b):
    options = [(x, y) for x, y in [("m", "rn"), ("o", "0"), ("l", "1"), ("w", "vv"), ("i", "1")] if x in b]
    if not options:
        return None
    x, y = rng.choice(options)
    return b.replace(x, y, 1)


def idn_homoglyph(rng, b):
    idx = [i for i, c in enumerate(b) if c in CYRILLIC]
    if not idx:
        return None
    i = rng.choice(idx)
    return b[:i] + CYRILLIC[b[i]] + b[i + 1:]


def squat(rng, part):
    brand = rng.choice(sorted(BRANDS))
    names, officials = BRANDS[brand]
    b = rng.choice(names)
    lures = LURES + (LURES_HOLDOUT if part == "holdout" else [])
    tlds = TLDS + (TLDS_HOLDOUT if part == "holdout" else [])
    lure, lure2 = rng.choice(lures), rng.choice(lures)
    tld = rng.choice(tlds)
    official = rng.choice(officials)
    techniques = ["combo", "combo2", "com_hyphen", "subdomain", "official_subdomain", "typo", "typo_lure",
                  "ascii_homoglyph", "idn_homoglyph", "tld_swap", "deep", "numbered"]
    if part == "holdout":
        techniques += ["free_hosting", "prefix_combo"]  # HOLDOUT templates
    t = rng.choice(techniques)
    if t == "combo":
        return f"{b}-{lure}.{tld}", brand, t
    if t == "combo2":
        return f"{b}{rng.choice(['-', ''])}{lure}-{lure2}.{tld}", brand, t
    if t == "com_hyphen":
        return f"{official}-{rand_token(rng)}.{tld}", brand, t
    if t == "subdomain":
        return f"{b}.{lure}-{rand_token(rng, 3, 6)}.{tld}", brand, t
    if t == "official_subdomain":
        return f"{official}.{lure}{rng.randint(1, 99)}.{tld}", brand, t
    if t == "typo":
        v, kind = typo(rng, b)
        return (f"{v}.{rng.choice(['com', 'net', tld])}" if len(b) >= 6 else f"{v}-{lure}.{tld}"), brand, "typo " + kind
    if t == "typo_lure":
        v, kind = typo(rng, b)
        return f"{v}-{lure}.{tld}", brand, "typo+lure " + kind
    if t == "ascii_homoglyph":
        v = ascii_homoglyph(rng, b)
        if v:
            return f"{v}{rng.choice(['', '-' + lure])}.{tld}", brand, t
        return f"{b}-{lure}.{tld}", brand, "combo"
    if t == "idn_homoglyph":
        v = idn_homoglyph(rng, b)
        if v:
            return f"{v}{rng.choice(['', '-' + lure])}.{rng.choice(['com', tld])}", brand, t
        return f"{b}-{lure}.{tld}", brand, "combo"
    if t == "tld_swap":
        return f"{b}.{tld}", brand, t
    if t == "deep":
        return f"{b}.{lure}.{rand_token(rng)}.{rand_token(rng)}.{tld}", brand, t
    if t == "numbered":
        return f"{b}-{lure}-{rng.randint(10, 99)}.{tld}", brand, t
    if t == "free_hosting":
        return f"{b}-{lure}-{rand_token(rng, 3, 5)}.{rng.choice(FREE_HOSTS)}", brand, t
    return f"{lure}-{b}{rng.choice(['', '-' + lure2])}.{tld}", brand, "prefix_combo"


def benign(rng):
    r = rng.random()
    tld = rng.choice(BENIGN_TLDS)
    if r < 0.06:
        stem = rng.choice(HARD_NEGATIVE_STEMS)
        extra = rng.choice(["", "", "-" + rng.choice(WORDS), rng.choice(WORDS)])
        return f"{rng.choice(['', '', 'www.', 'shop.'])}{stem}{extra}.{tld}", "hard_negative"
    if r < 0.09:
        _, officials = BRANDS[rng.choice(sorted(BRANDS))]
        return f"{rng.choice(['', 'www.', 'tools.', 'reg.', 'api.', 'm.', 'track.'])}{rng.choice(officials)}", "official"
    if r < 0.15:
        return f"{rand_token(rng, 8, 16)}.{rng.choice(['cloudfront.net', 'herokuapp.com', 'azurewebsites.net', 'amazonaws.com', 'github.io'])}", "hosting"
    words = [rng.choice(WORDS) for _ in range(rng.choice([1, 2, 2, 2, 3]))]
    label = rng.choice(["", "-"]).join(words)
    if rng.random() < 0.1:
        label += str(rng.randint(1, 999))
    sub = rng.choice(SUBS) + "." if rng.random() < 0.3 else ""
    return f"{sub}{label}.{tld}", "ordinary"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["tune", "holdout"], required=True)
    ap.add_argument("--names", type=int, default=1_000_000)
    ap.add_argument("--squats", type=int, default=2000)
    args = ap.parse_args()
    rng = random.Random(16_2026 if args.part == "tune" else 16_7919)
    squat_at = set(rng.sample(range(args.names), args.squats))
    out = []
    for i in range(args.names):
        if i in squat_at:
            name, brand, technique = squat(rng, args.part)
            out.append(f"{name}\tsquat\t{brand}\t{technique}")
        else:
            name, kind = benign(rng)
            out.append(f"{name}\tbenign\t\t{kind}")
        if len(out) >= 10000:
            print("\n".join(out))
            out.clear()
    if out:
        print("\n".join(out))


if __name__ == "__main__":
    main()
