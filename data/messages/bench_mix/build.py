#!/usr/bin/env python3
"""Builds `messages.jsonl`, the representative mix for the scam-message benchmarks.

Deterministic, Python 3.11 stdlib only, no network. Reads the brand registry
(`crates/brands/data/brands.toml`) for every country it covers and `phones.tsv` (one
valid mobile and one valid fixed-line number per region, from the example numbers of the
libphonenumber metadata that the `phonenumber` crate ships) and fills the templates below,
written for Postern from public descriptions of smishing campaigns (customs and redelivery
fees, held parcels, tax refunds, locked accounts, callback scams) and of genuine notices.

Run from the repository root: `python3 data/messages/bench_mix/build.py`.
"""

import hashlib
import json
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[3]
HERE = pathlib.Path(__file__).resolve().parent
LANGS = ["en", "fr", "es", "it", "pt", "de", "sq"]
PER_COUNTRY = 10

# {brand} {phone} {amount} {url} {track}; "scam" templates carry a look-alike link, "ham"
# templates the brand's official domain.
TEMPLATES = {
    "en": [
        ("scam", "{brand}: your parcel {track} is held at customs. Pay the {amount} fee at {url} or call {phone} within 24h."),
        ("scam", "Final notice from {brand}: delivery failed, reschedule at {url}. Questions? Call us on {phone}."),
        ("scam", "{brand} security: your account is suspended. Call {phone} now to avoid closure."),
        ("scam", "URGENT {brand}: tax refund of {amount} pending, confirm your card at {url}"),
        ("ham", "{brand}: parcel {track} will be delivered tomorrow between 9 and 13. Driver: {phone}. Track at {url}"),
        ("ham", "Hi it's Sam, my new number is {phone}, the parcel came today, thanks!"),
    ],
    "fr": [
        ("scam", "{brand} : votre colis {track} est bloqué en douane. Réglez {amount} sur {url} ou appelez le {phone}."),
        ("scam", "{brand} : échec de livraison, reprogrammez sur {url}. Service client : {phone}"),
        ("scam", "Votre compte {brand} est suspendu. Contactez le {phone} immédiatement."),
        ("scam", "{brand} : un remboursement de {amount} vous attend, validez sur {url}"),
        ("ham", "{brand} : votre colis {track} sera livré demain. Livreur joignable au {phone}. Suivi : {url}"),
        ("ham", "Coucou, c'est Léa, mon nouveau numéro : {phone}. Bisous"),
    ],
    "es": [
        ("scam", "{brand}: su paquete {track} está retenido en aduanas. Pague {amount} en {url} o llame al {phone}."),
        ("scam", "{brand}: no pudimos entregar su envío. Reprograme en {url} o llame al {phone}"),
        ("scam", "Su cuenta {brand} ha sido bloqueada. Llame al {phone} para desbloquearla."),
        ("scam", "{brand}: tiene un reembolso de {amount} pendiente, confirme en {url}"),
        ("ham", "{brand}: su envío {track} llegará mañana. Repartidor: {phone}. Siga el envío en {url}"),
        ("ham", "Hola, soy Marta, este es mi número nuevo {phone}. ¡Ya llegó el paquete!"),
    ],
    "it": [
        ("scam", "{brand}: il pacco {track} è in giacenza in dogana. Paga {amount} su {url} o chiama il {phone}."),
        ("scam", "{brand}: consegna non riuscita, riprogramma su {url}. Assistenza: {phone}"),
        ("scam", "Il tuo conto {brand} è stato sospeso. Chiama subito il {phone}."),
        ("scam", "{brand}: rimborso di {amount} in attesa, conferma i dati su {url}"),
        ("ham", "{brand}: la spedizione {track} arriverà domani. Corriere: {phone}. Traccia su {url}"),
        ("ham", "Ciao sono Luca, il mio nuovo numero è {phone}. Il pacco è arrivato"),
    ],
    "pt": [
        ("scam", "{brand}: a sua encomenda {track} está retida na alfândega. Pague {amount} em {url} ou ligue {phone}."),
        ("scam", "{brand}: entrega falhada, reagende em {url}. Apoio: {phone}"),
        ("scam", "A sua conta {brand} foi bloqueada. Ligue para {phone} de imediato."),
        ("scam", "{brand}: reembolso de {amount} pendente, confirme em {url}"),
        ("ham", "{brand}: a encomenda {track} será entregue amanhã. Estafeta: {phone}. Siga em {url}"),
        ("ham", "Olá, é a Ana, o meu número novo é {phone}. A encomenda chegou!"),
    ],
    "de": [
        ("scam", "{brand}: Ihr Paket {track} liegt beim Zoll. Zahlen Sie {amount} unter {url} oder rufen Sie {phone} an."),
        ("scam", "{brand}: Zustellung fehlgeschlagen, neuen Termin unter {url}. Hotline: {phone}"),
        ("scam", "Ihr {brand} Konto wurde gesperrt. Rufen Sie sofort {phone} an."),
        ("scam", "{brand}: Erstattung von {amount} ausstehend, bestätigen Sie unter {url}"),
        ("ham", "{brand}: Ihre Sendung {track} kommt morgen. Fahrer erreichbar unter {phone}. Verfolgen: {url}"),
        ("ham", "Hallo, hier ist Jonas, meine neue Nummer ist {phone}. Paket ist angekommen"),
    ],
    "sq": [
        ("scam", "{brand}: pakoja juaj {track} është bllokuar në doganë. Paguani {amount} në {url} ose telefononi {phone}."),
        ("scam", "{brand}: dorëzimi dështoi, riprogramoni në {url}. Ndihmë: {phone}"),
        ("scam", "Llogaria juaj {brand} u bllokua. Telefononi menjëherë {phone}."),
        ("scam", "{brand}: rimbursim prej {amount} në pritje, konfirmoni në {url}"),
        ("ham", "{brand}: pakoja {track} do të dorëzohet nesër. Korrieri: {phone}. Gjurmoni në {url}"),
        ("ham", "Përshëndetje, jam Ardi, numri im i ri është {phone}. Pakoja erdhi"),
    ],
}

EURO = set("AD AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC ME MT NL PT SI SK SM VA XK".split())
SYMBOL = {"GB": "£{}", "US": "${}", "BR": "R$ {}", "CH": "CHF {}", "AL": "{} ALL", "CA": "$ {}", "AU": "$ {}"}
LOCAL_CODE = {
    "JP": "JPY", "IN": "INR", "CN": "CNY", "KE": "KES", "NG": "NGN", "ZA": "ZAR", "MX": "MXN", "AR": "ARS",
    "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "SE": "SEK", "NO": "NOK", "DK": "DKK", "TR": "TRY",
    "MA": "MAD", "EG": "EGP", "AE": "AED", "SA": "SAR", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "KR": "KRW",
}


def h(s: str) -> int:
    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:8], "big")


def amount(country: str, k: int) -> str:
    value = f"{1 + k % 4}.{(k * 37) % 100:02d}"
    if country in EURO:
        return f"{value.replace('.', ',')} €" if k % 2 else f"€{value}"
    if country in SYMBOL:
        return SYMBOL[country].format(value)
    return f"{LOCAL_CODE.get(country, 'USD')} {value}"


def s10(serial: int, country: str) -> str:
    digits = f"{serial % 10**8:08d}"
    check = 11 - sum(int(d) * w for d, w in zip(digits, [8, 6, 4, 2, 3, 5, 9, 7])) % 11
    check = {10: 0, 11: 5}.get(check, check)
    origin = country if country.isalpha() and len(country) == 2 else "GB"
    return f"R{'ABCDEFGHJKLMNPQRSTUVWXYZ'[serial % 24]}{digits}{check}{origin}"


def main() -> None:
    brands = tomllib.loads((ROOT / "crates/brands/data/brands.toml").read_text())["brands"]
    phones: dict[str, list[dict]] = {}
    for line in (HERE / "phones.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        region, kind, e164, national, international = line.split("\t")
        phones.setdefault(region, []).append(
            {"kind": kind, "e164": e164, "national": national, "international": international}
        )
    by_country: dict[str, dict] = {}
    for b in brands:
        c = b.get("country")
        if not c or c in by_country and by_country[c]["kind"] == "post" and by_country[c]["domains"]:
            continue
        if c not in by_country or b["kind"] == "post" or b["domains"] and not by_country[c]["domains"]:
            by_country[c] = b
    rows = []
    for ci, (country, brand) in enumerate(sorted(by_country.items())):
        numbers = phones.get(country)
        if not numbers:
            continue
        # A registry entry without a known domain gets invented scam links only, and no
        # genuine message with a link.
        official = brand["domains"][0] if brand["domains"] else None
        slug = official.split(".")[0] if official else "".join(ch for ch in brand["name"].lower() if ch.isascii() and ch.isalnum())[:12]
        for k in range(PER_COUNTRY):
            lang = LANGS[(ci + k) % len(LANGS)]
            templates = TEMPLATES[lang]
            usable = [t for t in templates if official or t[0] == "scam" or "{url}" not in t[1]]
            label, template = usable[h(f"{country}{k}") % len(usable)]
            number = numbers[k % len(numbers)]
            # International forms from abroad, national forms when the brand names the country.
            form = ["international", "national", "intl00", "national"][k % 4]
            written = {
                "international": number["international"],
                "intl00": "00" + number["international"][1:],
                "national": number["national"],
            }[form]
            url = (
                f"https://{official}/track" if label == "ham"
                else [f"https://{slug}-{country.lower()}.delivery-fee.top/pay", f"http://{slug}.parcel-{k}.xyz", f"https://bit.ly/{slug}{k}x"][k % 3]
            )
            text = template.format(
                brand=brand["name"], phone=written, amount=amount(country, ci + k), url=url, track=s10(h(country) + k, country)
            )
            rows.append({
                "id": f"mix-{country.lower()}-{k:02d}", "lang": lang, "country": country, "label": label,
                "brand": brand["name"], "phone_form": form, "phones": [number["e164"]] if "{phone}" in template else [], "text": text,
            })
    with open(HERE / "messages.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} messages, {len({r['country'] for r in rows})} countries")


if __name__ == "__main__":
    main()
