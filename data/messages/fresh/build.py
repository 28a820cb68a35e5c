#!/usr/bin/env python3
"""Build data/messages/fresh/eval.jsonl -- independent held-out TEST set.

Held-out test data: never use for training, tuning or error analysis.
Python 3 stdlib only, no network, deterministic:
    python3 data/messages/fresh/build.py
Texts and labels are written by hand below. UPU S10 tracking numbers are written
as {S10:AA12345678CC} (8 serial digits, no check digit) and expanded here with
the computed check digit; tracking entries use the same token.
"""
import json
import os
import re
import sys

LURES = ["customs_fee", "redelivery_fee", "address_update", "failed_delivery",
         "package_held", "refund", "tax", "account_locked", "prize", "other"]
CATEGORIES = ["delivery_notice", "pickup_code", "otp", "customs_charge", "bank_alert",
              "appointment", "personal", "marketing", "government"]
LANG_COUNTRIES = {"en": {"GB", "IE", "US"}, "fr": {"FR", "BE", "CH"}, "es": {"ES"},
                  "it": {"IT"}, "pt": {"PT", "BR"}, "de": {"DE", "AT", "CH"},
                  "sq": {"AL", "XK"}}
CURRENCIES = {"EUR", "GBP", "USD", "CHF", "BRL", "ALL"}
CALLING = {"GB": "44", "IE": "353", "US": "1", "FR": "33", "BE": "32", "CH": "41",
           "ES": "34", "IT": "39", "PT": "351", "BR": "55", "DE": "49", "AT": "43",
           "AL": "355", "XK": "383"}
# countries whose national format starts with trunk prefix 0 (not kept in E.164)
TRUNK0 = {"GB", "IE", "FR", "BE", "CH", "DE", "AT", "AL", "XK", "BR"}

S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7]


def s10_check(serial):
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS))
    c = 11 - total % 11
    return 0 if c == 10 else 5 if c == 11 else c


def s10(token):
    m = re.fullmatch(r"([A-Z]{2})(\d{8})([A-Z]{2})", token)
    assert m, token
    return "%s%s%d%s" % (m.group(1), m.group(2), s10_check(m.group(2)), m.group(3))


def expand(s):
    return re.sub(r"\{S10:([A-Z]{2}\d{8}[A-Z]{2})\}", lambda m: s10(m.group(1)), s)


RECORDS = []
_CUR = {"lang": None, "country": None}
_COUNT = {}


def L(lang, country):
    _CUR["lang"], _CUR["country"] = lang, country


def m(label, kind, brand, text, u=(), p=(), a=(), t=(), e=(), c=None):
    lang = _CUR["lang"]
    country = c or _CUR["country"]
    _COUNT[lang] = _COUNT.get(lang, 0) + 1
    rec = {
        "id": "fresh-%s-%03d" % (lang, _COUNT[lang]),
        "lang": lang,
        "country": country,
        "label": label,
        "lure": kind if label == "scam" else None,
        "category": kind if label == "benign" else None,
        "brand": brand,
        "urls": list(u),
        "phones": list(p),
        "amounts": list(a),
        "tracking_numbers": [expand(x) for x in t],
        "emails": list(e),
        "text": expand(text.strip("\n")),
    }
    RECORDS.append(rec)


def refang(text):
    text = re.sub(r"hxxp", "http", text, flags=re.I)
    text = text.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".")
    text = re.sub(r" dot ", ".", text, flags=re.I)
    return text


def digit_runs(text):
    """Digit sequences with common phone separators removed."""
    runs = re.findall(r"\+?\d[\d \-./()\u00a0]*\d", text)
    return [re.sub(r"\D", "", r) for r in runs]


def check(rec):
    errs = []
    keys = ["id", "lang", "country", "label", "lure", "category", "brand", "urls",
            "phones", "amounts", "tracking_numbers", "emails", "text"]
    if list(rec) != keys:
        errs.append("fields")
    if rec["country"] not in LANG_COUNTRIES.get(rec["lang"], ()):
        errs.append("country %s for %s" % (rec["country"], rec["lang"]))
    if rec["label"] == "scam":
        if rec["lure"] not in LURES or rec["category"] is not None:
            errs.append("lure %r" % rec["lure"])
    elif rec["label"] == "benign":
        if rec["category"] not in CATEGORIES or rec["lure"] is not None:
            errs.append("category %r" % rec["category"])
    else:
        errs.append("label")
    if rec["brand"] is not None and not (isinstance(rec["brand"], str) and rec["brand"]):
        errs.append("brand")
    text = rec["text"]
    if not text.strip():
        errs.append("empty text")
    rt = refang(text)
    for key in ("urls", "phones", "amounts", "tracking_numbers", "emails"):
        if len(set(rec[key])) != len(rec[key]):
            errs.append("duplicate in %s" % key)
    pos = -1
    for u in rec["urls"]:
        i = rt.find(u)
        if i < 0:
            errs.append("url not in text: %s" % u)
        elif i < pos:
            errs.append("url order: %s" % u)
        else:
            pos = i
        if u != u.rstrip(".,;:!?)"):
            errs.append("url trailing punctuation: %s" % u)
    runs = digit_runs(text)
    cc = CALLING[rec["country"]]
    for ph in rec["phones"]:
        if not re.fullmatch(r"\+[1-9]\d{6,14}", ph):
            errs.append("phone shape %s" % ph)
            continue
        intl = ph[1:]
        nat = intl[len(cc):] if intl.startswith(cc) else None
        cands = {intl, "00" + intl}
        if nat is not None:
            cands.add(nat)
            if rec["country"] in TRUNK0:
                cands.add("0" + nat)
            if rec["country"] == "US":
                cands.add("1" + nat)
        if not any(r in cands for r in runs):
            errs.append("phone not in text: %s" % ph)
    for am in rec["amounts"]:
        mm = re.fullmatch(r"(\d+)\.(\d{2}) ([A-Z]{3})", am)
        if not mm or mm.group(3) not in CURRENCIES:
            errs.append("amount shape %s" % am)
            continue
        whole, cents = mm.group(1), mm.group(2)
        flat = re.sub(r"(?<=\d)[ .,'\u00a0\u202f](?=\d{3}\b)", "", text)
        if whole not in re.findall(r"\d+", flat):
            errs.append("amount not in text: %s" % am)
        elif cents != "00" and not re.search(r"%s[.,]%s" % (whole, cents), flat):
            errs.append("amount cents not in text: %s" % am)
    for tn in rec["tracking_numbers"]:
        if tn.lower() not in text.lower():
            errs.append("tracking not in text: %s" % tn)
        mm = re.fullmatch(r"([A-Z]{2})(\d{8})(\d)([A-Z]{2})", tn)
        if mm and s10_check(mm.group(2)) != int(mm.group(3)):
            errs.append("bad S10 check digit: %s" % tn)
    # every S10-shaped string in the text must be a listed tracking number
    for s in re.findall(r"\b[A-Z]{2}\d{9}[A-Z]{2}\b", text):
        if s not in rec["tracking_numbers"]:
            errs.append("S10 in text but not listed: %s" % s)
        elif s10_check(s[2:10]) != int(s[10]):
            errs.append("bad S10 check digit: %s" % s)
    for em in rec["emails"]:
        if em not in text or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", em):
            errs.append("email %s" % em)
    if "{S10:" in text:
        errs.append("unexpanded S10 token")
    return errs


# ---------------------------------------------------------------- messages
# ======================================================================= en
L("en", "GB")
m("scam", "customs_fee", "Royal Mail",
  "Royal Mail: Your parcel is awaiting a £2.99 import duty payment before it can be delivered. Pay now: royalmail-customs-gb.com/pay",
  u=["royalmail-customs-gb.com/pay"], a=["2.99 GBP"])
m("scam", "customs_fee", "DHL", c="IE", text=
  "DHL Express: Your shipment 4417782930 is held at customs in Dublin. Customs charges of €3.45 are due before release. hxxps://dhl-ie-clearance[.]info/track",
  u=["https://dhl-ie-clearance.info/track"], a=["3.45 EUR"], t=["4417782930"])
m("scam", "redelivery_fee", "Evri",
  "Evri: We missed you today. Parcel H02ZKA0054318766 - to rebook your delivery a £1.45 redelivery fee applies. evri-rebook.uk/h02",
  u=["evri-rebook.uk/h02"], a=["1.45 GBP"], t=["H02ZKA0054318766"])
m("scam", "redelivery_fee", "USPS", c="US", text=
  "USPS: The delivery attempt for your package 9400111899223817456233 failed. Schedule redelivery ($0.30 service fee): hxxps://usps-redeliver-track[.]com",
  u=["https://usps-redeliver-track.com"], a=["0.30 USD"], t=["9400111899223817456233"])
m("scam", "address_update", "USPS", c="US", text=
  "USPS: Your package is on hold due to an incomplete address. Please update your address within 12 hours or it will be returned: https://uspsis.top/us",
  u=["https://uspsis.top/us"])
m("scam", "address_update", "An Post", c="IE", text=
  "An Post: we were unable to deliver your parcel because the Eircode is missing from the address. Confirm your address at anpost-ie.delivery-confirm.com",
  u=["anpost-ie.delivery-confirm.com"])
m("scam", "failed_delivery", "Royal Mail",
  "ROYAL MAIL: WE TRIED TO DELIVER YOUR PARCEL TODAY BUT NOBODY WAS HOME. CHOOSE A NEW DELIVERY DATE HERE: RM-NEWDATE.CO/UK7",
  u=["RM-NEWDATE.CO/UK7"])
m("scam", "failed_delivery", "DPD",
  "DPD: Sorry we missed you. Your parcel 15501234567890 could not be delivered today. Please call 0161 496 0832 to arrange a new delivery.",
  p=["+441614960832"], t=["15501234567890"])
m("scam", "package_held", "Royal Mail",
  """Subject: Your parcel is on hold
From: Royal Mail <no-reply@royalmail-parcelcentre.net>

Dear customer,
Your item {S10:RN48213065GB} is being held at our distribution centre due to unpaid postage of £1.20. If payment is not received within 48 hours the item will be returned to sender.
Pay here: hxxps://royalmail-parcelcentre[.]net/release

Royal Mail Group""",
  u=["https://royalmail-parcelcentre.net/release"], a=["1.20 GBP"], t=["{S10:RN48213065GB}"],
  e=["no-reply@royalmail-parcelcentre.net"])
m("scam", "package_held", "FedEx", c="US", text=
  "FedEx: ur pkg is waiting at our warehouse 🚚 confirm delivery prefs & pay the storage fee to release it: bit.ly/3Fdx9Qk",
  u=["bit.ly/3Fdx9Qk"])
m("scam", "refund", "Royal Mail",
  "Royal Mail: Our records show you were charged twice for postage. A refund of £4.60 is waiting for you, claim it here: royal-mail-refunds.com",
  u=["royal-mail-refunds.com"], a=["4.60 GBP"])
m("scam", "refund", "HMRC",
  "HMRC: You are eligible for a tax refund of £326.18. Submit your claim before 28/11 to avoid losing it: hmrc-taxrefund-gov.uk.claim-portal.com",
  u=["hmrc-taxrefund-gov.uk.claim-portal.com"], a=["326.18 GBP"])
m("scam", "account_locked", "Bank of Ireland", c="IE", text=
  "Bank of Ireland: your online banking has been suspended due to unusual activity. Verify your identity at boi-secure-verify.com to restore access.",
  u=["boi-secure-verify.com"])
m("scam", "prize", "Royal Mail",
  "Congratulations! You have been selected for the Royal Mail customer survey 🎁 Complete it & claim your £50 reward: rm-survey-reward.net",
  u=["rm-survey-reward.net"], a=["50.00 GBP"])
m("scam", "other", None,
  "Hi Mum, I've dropped my phone down the toilet 🙈 this is my new number, can you message me on WhatsApp when you get this? xx")
m("scam", "other", "E-ZPass", c="US", text=
  "E-ZPass: You have an unpaid toll balance of $6.99. To avoid a late fee of $50.00 please settle today: ezpass-tollpay[.]com/ny",
  u=["ezpass-tollpay.com/ny"], a=["6.99 USD", "50.00 USD"])
# benign en
m("benign", "delivery_notice", "Royal Mail",
  "Royal Mail: Your parcel from ASOS, tracking {S10:RB51234987GB}, is out for delivery today between 10:15 and 11:15. Track or manage it at royalmail.com/track",
  u=["royalmail.com/track"], t=["{S10:RB51234987GB}"])
m("benign", "delivery_notice", "DPD",
  "DPD: Hi, it's Marek your DPD driver. Your parcel 15507741236652 from Argos will be delivered today 13:52-14:52. Any problems call me on 07412 558903. Manage your delivery at dpd.co.uk",
  u=["dpd.co.uk"], p=["+447412558903"], t=["15507741236652"])
m("benign", "delivery_notice", "Evri",
  "Evri: Sorry we missed you today! We'll try again tomorrow, no need to do anything. Parcel H02YBC0098761243. You can also choose a ParcelShop at evri.com/track",
  u=["evri.com/track"], t=["H02YBC0098761243"])
m("benign", "pickup_code", "Amazon",
  "Your Amazon parcel has been delivered to Amazon Locker - Ember at Tesco Extra. Pickup code: 483920. Please collect by 27 Nov or it will be returned.")
m("benign", "pickup_code", "An Post", c="IE", text=
  "An Post: Your parcel {S10:CE72018564IE} is ready to collect from Rathmines Post Office. Bring photo ID and this collection code: 7H4K2. anpost.com",
  u=["anpost.com"], t=["{S10:CE72018564IE}"])
m("benign", "customs_charge", "An Post", c="IE", text=
  "An Post: Your parcel {S10:LX33092871CN} from outside the EU has customs charges of €6.21 (VAT €4.21 + handling fee €2.00). Pay securely at anpost.com/customs or at any Post Office.",
  u=["anpost.com/customs"], a=["6.21 EUR", "4.21 EUR", "2.00 EUR"], t=["{S10:LX33092871CN}"])
m("benign", "customs_charge", "Royal Mail",
  """Subject: Fee to pay on your item {S10:UA11223344US}

Hello,
Import VAT of £4.17 and a Royal Mail handling fee of £8.00 must be paid before we can deliver your item {S10:UA11223344US}. Pay online at royalmail.com/fees using the 12-digit fee reference on the grey card we left. We'll hold your item for 3 weeks before it is returned to the sender.
Royal Mail Customer Experience""",
  u=["royalmail.com/fees"], a=["4.17 GBP", "8.00 GBP"], t=["{S10:UA11223344US}"])
m("benign", "otp", "Barclays",
  "Barclays: 482913 is your one-time passcode to confirm a payment of £34.99 to EBAY. Barclays will never ask you for this code. If you didn't request it call 0345 734 5345.",
  p=["+443457345345"], a=["34.99 GBP"])
m("benign", "bank_alert", "Lloyds Bank",
  "Lloyds Bank: A new device was added to your account on 23/11 at 08:42. If this wasn't you, call us on 0345 300 0000. We will never ask for your PIN or full password.",
  p=["+443453000000"])
m("benign", "bank_alert", "Chase", c="US", text=
  "Chase: A $52.17 debit card transaction to AMAZON MKTPLACE was approved on 11/22. Not you? Call 1-800-935-9935. Reply STOP to cancel alerts.",
  p=["+18009359935"], a=["52.17 USD"])
m("benign", "appointment", "NHS",
  "NHS: Reminder of your appointment at Riverside Health Centre on Tue 25 Nov at 10:40 with Dr Patel. To cancel reply CANCEL or call 020 7946 0321.",
  p=["+442079460321"])
m("benign", "personal", None,
  "hey did ur parcel come? royal mail said theres a £2.50 fee to pay cos it was underpaid, just pay it at the post office and i'll give u the money back x",
  a=["2.50 GBP"])
m("benign", "personal", None, c="US", text=
  "Hey it's Dana - the UPS guy left your package with me at 4B since you weren't home. Also I venmo'd you $20 for the pizza 🍕",
  a=["20.00 USD"])
m("benign", "marketing", "Evri",
  "Evri: Win a £500 gift card! Send a parcel with Evri before 30 Nov and you're automatically entered into our prize draw. T&Cs at evri.com/prizedraw. Opt out: reply STOP",
  u=["evri.com/prizedraw"], a=["500.00 GBP"])
m("benign", "government", "HMRC",
  "HMRC: your Self Assessment tax return for the 2025 to 2026 tax year must be filed and any tax owed paid by 31 January. Sign in at www.gov.uk/log-in-file-self-assessment-tax-return. HMRC will never text you asking for bank details.",
  u=["www.gov.uk/log-in-file-self-assessment-tax-return"])
# ======================================================================= fr
L("fr", "FR")
m("scam", "customs_fee", "Colissimo",
  "Colissimo : votre colis 6A24567891234 est bloqué en douane. Des frais de dédouanement de 2,99 € sont à régler : colissimo-dedouanement.fr/paiement",
  u=["colissimo-dedouanement.fr/paiement"], a=["2.99 EUR"], t=["6A24567891234"])
m("scam", "customs_fee", "Douane",
  """Objet : Avis de retenue douanière
De : Douane française <contact@douane-gouv-fr.info>

Madame, Monsieur,
Votre colis n° {S10:CP12345678CN} a été retenu par nos services. Pour procéder au dédouanement, veuillez régler les droits et taxes d'un montant de 1,79 EUR via : hxxps://douane-gouv[.]info/reglement

Cordialement,
Service des Douanes""",
  u=["https://douane-gouv.info/reglement"], a=["1.79 EUR"], t=["{S10:CP12345678CN}"],
  e=["contact@douane-gouv-fr.info"])
m("scam", "redelivery_fee", "La Poste",
  "La Poste: Nous n'avons pas pu livrer votre colis aujourd'hui. Pour reprogrammer la livraison, des frais de 1,50€ sont requis: laposte-suivi-fr.com/reprog",
  u=["laposte-suivi-fr.com/reprog"], a=["1.50 EUR"])
m("scam", "redelivery_fee", "bpost", c="BE", text=
  "bpost: Votre colis n'a pas pu etre livre (destinataire absent). Payez 1,25 EUR pour une nouvelle livraison: hxxps://bpost-be[.]delivery-fee[.]com",
  u=["https://bpost-be.delivery-fee.com"], a=["1.25 EUR"])
m("scam", "address_update", "Chronopost",
  "Chronopost: votre colis est en attente car l'adresse est incomplète. Merci de mettre à jour vos informations : chrono-adresse.fr",
  u=["chrono-adresse.fr"])
m("scam", "address_update", "Swiss Post", c="CH", text=
  "La Poste Suisse: votre envoi ne peut être distribué car le numéro de rue est manquant. Confirmez votre adresse ici: post-ch.adresse-confirm.com/fr",
  u=["post-ch.adresse-confirm.com/fr"])
m("scam", "failed_delivery", "Colissimo",
  "COLISSIMO: ECHEC DE LIVRAISON DE VOTRE COLIS CE JOUR. CHOISISSEZ UN NOUVEAU CRENEAU SUR colis-creneau.fr/rdv",
  u=["colis-creneau.fr/rdv"])
m("scam", "failed_delivery", "DPD",
  "DPD France : tentative de livraison infructueuse pour le colis 09876543210987. Contactez notre service au 09 70 80 12 34 pour convenir d'un nouveau rendez-vous.",
  p=["+33970801234"], t=["09876543210987"])
m("scam", "package_held", "La Poste",
  "La Poste : votre colis est en attente au centre de tri. Frais de port non réglés : 0,99 €. Sans paiement sous 48h il sera renvoyé à l'expéditeur. https://suivi-colis-laposte.info",
  u=["https://suivi-colis-laposte.info"], a=["0.99 EUR"])
m("scam", "package_held", "bpost", c="BE", text=
  "bpost : votre colis {S10:CE11998877BE} est retenu dans notre entrepôt. Confirmez la livraison sous 24h sinon il sera détruit. bpost-colis[.]be/confirm",
  u=["bpost-colis.be/confirm"], t=["{S10:CE11998877BE}"])
m("scam", "refund", "Ameli",
  "Ameli : suite à une régularisation de vos droits, vous avez droit à un remboursement de 96,50 €. Renseignez vos coordonnées bancaires : ameli-remboursement-sante.fr",
  u=["ameli-remboursement-sante.fr"], a=["96.50 EUR"])
m("scam", "refund", "DGFiP",
  "DGFiP: Suite au recalcul de votre impôt, un remboursement de 243,60 € vous est dû. Accédez à votre espace avant le 30/11 : impots-gouv-remboursement.fr",
  u=["impots-gouv-remboursement.fr"], a=["243.60 EUR"])
m("scam", "account_locked", "La Banque Postale",
  "La Banque Postale: Votre accès à l'espace client a été bloqué suite à une activité inhabituelle. Réactivez votre Certicode Plus: lbp-securite.fr/certicode",
  u=["lbp-securite.fr/certicode"])
m("scam", "prize", "Colissimo",
  "Félicitations !! Vous avez été tiré au sort pour gagner un iPhone 16 offert par Colissimo 🎉 Répondez au questionnaire pour le recevoir : jeu-colissimo.fr",
  u=["jeu-colissimo.fr"])
m("scam", "other", "ANTAI",
  "ANTAI : Vous avez un avis de contravention impayé de 35 €. Sans règlement sous 3 jours, il sera majoré à 75 €. Payez sur antai-paiement.fr",
  u=["antai-paiement.fr"], a=["35.00 EUR", "75.00 EUR"])
m("scam", "other", None, c="BE", text=
  "Coucou maman c'est moi, j'ai cassé mon téléphone, c'est mon nouveau numéro. Tu peux m'écrire sur WhatsApp stp ? J'ai un petit souci")
# benign fr
m("benign", "delivery_notice", "Colissimo",
  "Colissimo : votre colis 6A19876543210 sera livré demain entre 9h et 13h. Suivez-le sur laposte.fr/outils/suivre-vos-envois",
  u=["laposte.fr/outils/suivre-vos-envois"], t=["6A19876543210"])
m("benign", "delivery_notice", "Chronopost",
  "Chronopost : votre colis {S10:XW12345678FR} sera livré aujourd'hui entre 14h15 et 14h45 par Karim, joignable au 06 12 47 83 90. Modifier la livraison : chronopost.fr",
  u=["chronopost.fr"], p=["+33612478390"], t=["{S10:XW12345678FR}"])
m("benign", "delivery_notice", "bpost", c="BE", text=
  "bpost : Bonne nouvelle ! Votre colis de Zalando sera livré aujourd'hui. Pas chez vous ? Il sera déposé dans le Point bpost le plus proche. Suivi : track.bpost.cloud",
  u=["track.bpost.cloud"])
m("benign", "pickup_code", "Mondial Relay",
  "Mondial Relay : votre colis est disponible dans le Locker de votre Carrefour Market. Code de retrait : 582441. A retirer avant le 02/12.")
m("benign", "pickup_code", "Swiss Post", c="CH", text=
  "La Poste: Votre colis vous attend à la filiale Lausanne 1. Présentez ce code de retrait: 48219937. Délai de retrait: 7 jours. post.ch",
  u=["post.ch"])
m("benign", "customs_charge", "La Poste",
  "La Poste : votre colis {S10:LP00123456CN} en provenance de Chine est soumis à des droits et taxes de 4,50 € (TVA à l'import). Réglez-les en ligne sur laposte.fr ou au facteur à la livraison.",
  u=["laposte.fr"], a=["4.50 EUR"], t=["{S10:LP00123456CN}"])
m("benign", "customs_charge", "Swiss Post", c="CH", text=
  "Poste CH SA: Votre envoi {S10:RR55667788US} est soumis aux droits de douane et à la TVA: CHF 27.35 (frais de dédouanement inclus). Payez en ligne sur post.ch pour une distribution le jour ouvrable suivant.",
  u=["post.ch"], a=["27.35 CHF"], t=["{S10:RR55667788US}"])
m("benign", "otp", "La Banque Postale",
  "Votre code de vérification La Banque Postale est 739204. Ne le communiquez jamais, même à un conseiller.")
m("benign", "bank_alert", "BNP Paribas",
  "BNP Paribas : paiement par carte de 89,90 € chez FNAC le 22/11. Si vous n'êtes pas à l'origine de cette opération, appelez le 01 40 14 45 46.",
  p=["+33140144546"], a=["89.90 EUR"])
m("benign", "bank_alert", "Belfius", c="BE", text=
  "Belfius : Un nouvel appareil a été ajouté à Belfius Mobile. Ce n'était pas vous ? Appelez Card Stop au 078 170 170. Nous ne vous demanderons jamais votre code PIN.",
  p=["+3278170170"])
m("benign", "appointment", "Doctolib",
  "Doctolib : RAPPEL - RDV le mardi 25/11 à 16h30 avec Dr Martin, dermatologue. Pour annuler ou déplacer le RDV : doctolib.fr",
  u=["doctolib.fr"])
m("benign", "personal", None,
  "Salut, ton colis est arrivé chez moi, le facteur m'a demandé 3 € de taxe, je les ai payés, tu me rembourseras quand tu passes 😉",
  a=["3.00 EUR"])
m("benign", "personal", None, c="CH", text=
  "Coucou! J'ai commandé les billets pour samedi, tu me dois 45 CHF, tu peux me faire un Twint quand tu peux? Merci 🙏",
  a=["45.00 CHF"])
m("benign", "marketing", "Colissimo",
  "Colissimo: -20% sur vos envois avec le code NOEL20 jusqu'au 15/12 sur laposte.fr/colissimo. Jeu concours : tentez de gagner un bon d'achat de 100€ ! STOP au 36180",
  u=["laposte.fr/colissimo"], a=["100.00 EUR"])
m("benign", "government", "DGFiP",
  "impots.gouv.fr : votre avis d'impôt sur le revenu 2026 est disponible dans votre espace particulier. Date limite de paiement : 15/12. L'administration ne vous demandera jamais vos coordonnées bancaires par SMS.",
  u=["impots.gouv.fr"])
# ======================================================================= es
L("es", "ES")
m("scam", "customs_fee", "Correos",
  "Correos: Su paquete {S10:LB98765432CN} está retenido en aduanas. Debe abonar 1,99 € de tasas de importación (IVA). Pague aquí: correos-aduanas-es.com/pago",
  u=["correos-aduanas-es.com/pago"], a=["1.99 EUR"], t=["{S10:LB98765432CN}"])
m("scam", "customs_fee", "DHL",
  "DHL: Su envio 7781234567 tiene gastos de aduana pendientes de 2,45 EUR. Para pagar y liberar el envio llame al 912 345 678",
  p=["+34912345678"], a=["2.45 EUR"], t=["7781234567"])
m("scam", "redelivery_fee", "Correos",
  "CORREOS: No hemos podido entregar su paquete. Para programar una nueva entrega abone 1,79€ en hxxps://correos-reentrega[.]com",
  u=["https://correos-reentrega.com"], a=["1.79 EUR"])
m("scam", "redelivery_fee", "SEUR",
  "SEUR: hola! intentamos entregar tu pedido pero no estabas 😕 reprograma la entrega por solo 0,99€ aqui: seur-envios.info/r",
  u=["seur-envios.info/r"], a=["0.99 EUR"])
m("scam", "address_update", "Correos",
  "Correos: su paquete no puede ser entregado por datos de direccion incompletos. Actualice su direccion: correos.es-direccion.top",
  u=["correos.es-direccion.top"])
m("scam", "address_update", "GLS",
  "GLS Spain: la dirección de su envío 12345678901 es incorrecta o falta el número de portal. Confirme sus datos en gls-es[.]info/direccion",
  u=["gls-es.info/direccion"], t=["12345678901"])
m("scam", "failed_delivery", "MRW",
  "MRW: Su envío no ha podido ser entregado por ausencia del destinatario. Llame al 613 482 907 para concertar una nueva entrega.",
  p=["+34613482907"])
m("scam", "failed_delivery", "Correos Express",
  "Correos Express: intento de entrega fallido. Elija una nueva fecha de entrega: bit.ly/3CexPr5",
  u=["bit.ly/3CexPr5"])
m("scam", "package_held", "Correos",
  "Correos: Su paquete se encuentra retenido en nuestro almacén por falta de pago de gastos de envío (1,49 €). Si no se abona en 24h será devuelto al remitente: correos-es.pagos-envio.com",
  u=["correos-es.pagos-envio.com"], a=["1.49 EUR"])
m("scam", "package_held", None,
  """Asunto: Aviso de envío en espera

Estimado cliente,
su paquete está en espera en el centro logístico. Confirme la entrega en el siguiente enlace o será destruido en 3 días:
hxxp://entrega-paquete[.]es/c

Departamento de Logística""",
  u=["http://entrega-paquete.es/c"])
m("scam", "refund", "Iberdrola",
  "Iberdrola: Hemos detectado un cobro duplicado en su última factura. Tiene un reembolso de 58,30 € pendiente. Solicítelo en iberdrola-reembolso.com",
  u=["iberdrola-reembolso.com"], a=["58.30 EUR"])
m("scam", "tax", "Agencia Tributaria",
  "AEAT: Le notificamos una sanción por declaración de la renta presentada fuera de plazo. Importe: 150 €. Consulte su expediente y pague en agenciatributaria-sede.com",
  u=["agenciatributaria-sede.com"], a=["150.00 EUR"])
m("scam", "account_locked", "BBVA",
  "BBVA: Hemos bloqueado su tarjeta por un acceso desde un dispositivo no reconocido. Verifique su identidad para desbloquearla: bbva-verificacion.es",
  u=["bbva-verificacion.es"])
m("scam", "prize", "Correos",
  "¡Enhorabuena! Has sido seleccionado para recibir un regalo de Correos por tu fidelidad 🎁 Completa la encuesta: correos-premios.com",
  u=["correos-premios.com"])
m("scam", "other", "DGT",
  "DGT: Tiene una multa de tráfico pendiente de pago por importe de 100 €. Abónela con el 50% de descuento antes de 48h: dgt-multas.es",
  u=["dgt-multas.es"], a=["100.00 EUR"])
# benign es
m("benign", "delivery_notice", "Correos",
  "Correos: Tu envío {S10:CD34567812ES} será entregado hoy por tu cartero. Sigue tu envío en correos.es",
  u=["correos.es"], t=["{S10:CD34567812ES}"])
m("benign", "delivery_notice", "SEUR",
  "SEUR: Tu pedido de El Corte Inglés llegará hoy entre 12:00 y 14:00. Tu repartidor es Javier, tel. 654 321 987. Más info en seur.com",
  u=["seur.com"], p=["+34654321987"])
m("benign", "delivery_notice", "GLS",
  "GLS: su paquete 51234567890 se ha entregado hoy a las 11:42. Gracias por confiar en GLS. gls-spain.es",
  u=["gls-spain.es"], t=["51234567890"])
m("benign", "pickup_code", "Correos",
  "Correos: Tu envío ya está en el CityPaq de Mercadona C/ Alcalá 120. Código de recogida: 847193. Tienes 3 días para recogerlo.")
m("benign", "pickup_code", "InPost",
  "InPost: Tu paquete está listo en el Locker MAD-0412. Código de apertura: 195573. Abre la app InPost o introduce tu teléfono. Tienes 72h para recogerlo.")
m("benign", "customs_charge", "Correos",
  "Correos: Tu envío {S10:LV55512398CN} tiene pendiente el pago de importación: IVA 3,12 € + gestión aduanera 2,00 €. Págalo en correos.es o en tu oficina.",
  u=["correos.es"], a=["3.12 EUR", "2.00 EUR"], t=["{S10:LV55512398CN}"])
m("benign", "customs_charge", "DHL",
  "DHL Express: Su envío 5523401987 tiene impuestos de importación pendientes (24,80 EUR). Puede pagarlos en del.dhl.com o mediante la app MyDHL+.",
  u=["del.dhl.com"], a=["24.80 EUR"], t=["5523401987"])
m("benign", "otp", "CaixaBank",
  "CaixaBank: 518334 es tu código para confirmar la operación de 120,00 EUR en AMAZON. No lo compartas, nunca te lo pediremos por teléfono.",
  a=["120.00 EUR"])
m("benign", "bank_alert", "Santander",
  "Santander: Compra con tarjeta *4321 de 23,45 EUR en MERCADONA. Saldo disponible: 1.245,67 EUR.",
  a=["23.45 EUR", "1245.67 EUR"])
m("benign", "bank_alert", "BBVA",
  "BBVA: Has iniciado sesión desde un nuevo dispositivo (iPhone). Si no has sido tú, llama al 900 102 801. BBVA nunca te pedirá tus claves.",
  p=["+34900102801"])
m("benign", "appointment", "Policía Nacional",
  "Cita previa DNI: 26/11 a las 10:15, Comisaría de Moratalaz. Localizador: 7HF2KL. Para anular la cita: citapreviadnie.es",
  u=["citapreviadnie.es"])
m("benign", "personal", None,
  "Oye, me ha llegado un aviso de Correos de tu paquete, que hay que pagar 2,50 € de aduana. Lo pago yo y ya me lo devuelves, vale?",
  a=["2.50 EUR"])
m("benign", "personal", None,
  "Mamá ya he llegado a Madrid, tengo el móvil casi sin batería, te llamo luego 😘")
m("benign", "marketing", "Correos",
  "Correos: Participa en el sorteo de una tarjeta regalo de 200€ enviando tu paquete antes del 31/12. Bases en correos.es. Para no recibir más SMS envía BAJA al 217120",
  u=["correos.es"], a=["200.00 EUR"])
m("benign", "government", "Agencia Tributaria",
  "Agencia Tributaria informa: su declaración de IRPF 2025 tiene una devolución de 412,30 € que se abonará en la cuenta indicada. Consulte el estado en sede.agenciatributaria.gob.es. La AEAT nunca solicita datos bancarios por SMS.",
  u=["sede.agenciatributaria.gob.es"], a=["412.30 EUR"])
# ======================================================================= it
L("it", "IT")
m("scam", "customs_fee", "Poste Italiane",
  "Poste Italiane: il tuo pacco {S10:RM22334455CN} è in giacenza presso la dogana. Per lo sdoganamento paga 2,99€ su poste-sdoganamento.it/paga",
  u=["poste-sdoganamento.it/paga"], a=["2.99 EUR"], t=["{S10:RM22334455CN}"])
m("scam", "customs_fee", "Dogana",
  """Oggetto: Dazi doganali non pagati

Agenzia delle Dogane e dei Monopoli
Gentile cliente, la sua spedizione è stata trattenuta in dogana. Dazi e IVA da pagare: 4,60 EUR.
Effettui il pagamento entro 72 ore: hxxps://adm-dogane[.]info/pagamento
Ufficio Sdoganamento""",
  u=["https://adm-dogane.info/pagamento"], a=["4.60 EUR"])
m("scam", "redelivery_fee", "BRT",
  "BRT: Non siamo riusciti a consegnare il tuo pacco. Per riprogrammare la consegna è richiesto un contributo di 1,20€: brt-consegne.com",
  u=["brt-consegne.com"], a=["1.20 EUR"])
m("scam", "redelivery_fee", "Poste Italiane",
  "POSTE ITALIANE: TENTATA CONSEGNA NON RIUSCITA. PAGA 0,89 EUR PER LA NUOVA SPEDIZIONE: hxxps://poste-it[.]consegna-nuova[.]com",
  u=["https://poste-it.consegna-nuova.com"], a=["0.89 EUR"])
m("scam", "address_update", "SDA",
  "SDA: il tuo pacco 1234567890123 non può essere consegnato: indirizzo incompleto (manca il numero civico). Aggiorna i dati su sda-indirizzo.it",
  u=["sda-indirizzo.it"], t=["1234567890123"])
m("scam", "address_update", "GLS",
  "GLS: gentile cliente, l'indirizzo di consegna del suo ordine risulta errato. Confermi il suo indirizzo entro oggi su gls-italy.confermaindirizzo.com",
  u=["gls-italy.confermaindirizzo.com"])
m("scam", "failed_delivery", "Poste Italiane",
  "Poste Italiane: il postino non ti ha trovato in casa. Per concordare una nuova consegna chiama il numero 02 8734 5621",
  p=["+390287345621"])
m("scam", "failed_delivery", "DHL",
  "DHL: consegna non riuscita per il tuo pacco. Scegli una nuova data di consegna: dhl-it.tk/nd",
  u=["dhl-it.tk/nd"])
m("scam", "package_held", "Poste Italiane",
  "Poste Italiane: il tuo pacco è fermo in magazzino per spese di spedizione non pagate (1,99 €). Se non paghi entro 48h verrà restituito al mittente. poste-pacchi.info",
  u=["poste-pacchi.info"], a=["1.99 EUR"])
m("scam", "package_held", None,
  "ciao il tuo pacco e in giacenza da 5gg, conferma x la consegna senno torna indietro 👉 tinyurl.com/giacenza-pacco",
  u=["tinyurl.com/giacenza-pacco"])
m("scam", "refund", "Enel",
  "Enel Energia: ti abbiamo addebitato due volte la bolletta di ottobre. Richiedi il rimborso di 87,40 € entro 48 ore: enel-rimborsi.com",
  u=["enel-rimborsi.com"], a=["87.40 EUR"])
m("scam", "tax", "Agenzia delle Entrate",
  "Agenzia delle Entrate: risulta un'anomalia sul suo codice fiscale. Per evitare sanzioni regolarizzi la sua posizione: agenziaentrate-verifica.it",
  u=["agenziaentrate-verifica.it"])
m("scam", "account_locked", "Poste Italiane",
  "PosteInfo: la sua carta Postepay è stata sospesa per motivi di sicurezza. Verifichi i suoi dati su postepay-sicurezza.com per riattivarla. Poste Italiane",
  u=["postepay-sicurezza.com"])
m("scam", "prize", "Poste Italiane",
  "Gentile cliente, hai vinto un buono da 100€ partecipando al sondaggio di Poste Italiane! Ritira il premio qui: premio-poste.it",
  u=["premio-poste.it"], a=["100.00 EUR"])
m("scam", "other", None,
  "Ciao papà, questo è il mio nuovo numero, salvalo. Il vecchio telefono si è rotto. Mi puoi fare un bonifico urgente? Ti spiego dopo")
# benign it
m("benign", "delivery_notice", "Poste Italiane",
  "Poste Italiane: la spedizione {S10:CP33445566IT} è in consegna oggi. Segui la spedizione su poste.it o sull'app Poste Italiane.",
  u=["poste.it"], t=["{S10:CP33445566IT}"])
m("benign", "delivery_notice", "BRT",
  "BRT: il tuo ordine Zalando verrà consegnato oggi tra le 10:30 e le 12:30. Autista: Luca, cell. 347 123 4567. Dettagli su brt.it",
  u=["brt.it"], p=["+393471234567"])
m("benign", "delivery_notice", "SDA",
  "SDA: spedizione 9876543210987 consegnata il 22/11 alle 15:04. Grazie per aver scelto SDA. sda.it",
  u=["sda.it"], t=["9876543210987"])
m("benign", "pickup_code", "Poste Italiane",
  "Poste Italiane: il tuo pacco è disponibile presso il Punto Poste Locker di Via Roma 12. Codice di ritiro: 716552. Hai 5 giorni per ritirarlo.")
m("benign", "pickup_code", "Amazon",
  "Amazon: il tuo pacco è stato consegnato all'Amazon Locker - Girasole. Codice di ritiro: 934021. Ritiralo entro il 28/11.")
m("benign", "customs_charge", "Poste Italiane",
  "Poste Italiane: per la spedizione {S10:LY12312312CN} sono dovuti dazi e IVA per 7,85 € più 5,50 € di diritti postali. Puoi pagare su poste.it o all'ufficio postale al ritiro.",
  u=["poste.it"], a=["7.85 EUR", "5.50 EUR"], t=["{S10:LY12312312CN}"])
m("benign", "customs_charge", "DHL",
  "DHL Express: la spedizione 1029384756 è soggetta a dazi e tasse di importazione pari a 31,20 EUR. Paga in modo sicuro su del.dhl.com per ricevere la consegna.",
  u=["del.dhl.com"], a=["31.20 EUR"], t=["1029384756"])
m("benign", "otp", "Poste Italiane",
  "Il codice di sicurezza per accedere all'app Poste Italiane è 281904. Non comunicarlo a nessuno: Poste non ti chiederà mai questo codice.")
m("benign", "bank_alert", "Intesa Sanpaolo",
  "Intesa Sanpaolo: pagamento con carta di 45,00 EUR presso ESSELUNGA il 22/11 ore 18:12. Se non riconosci l'operazione chiama il 800 303 303.",
  p=["+39800303303"], a=["45.00 EUR"])
m("benign", "bank_alert", "UniCredit",
  "UniCredit: accesso all'app da un nuovo dispositivo il 23/11 alle 07:55. Se non sei stato tu contatta il numero 800 57 57 57. Non ti chiederemo mai PIN o password.",
  p=["+39800575757"])
m("benign", "appointment", "ASL Roma 1",
  "ASL Roma 1: promemoria visita cardiologica il 27/11 ore 9:20, Poliambulatorio Via Luzzatti 8. Per disdire chiama 06 4486 2210.",
  p=["+390644862210"])
m("benign", "personal", None,
  "Amo mi è arrivato l'avviso del corriere, c'è da pagare 4 € di contrassegno per il pacco di tua mamma, li paghi tu che io sono al lavoro? 😅",
  a=["4.00 EUR"])
m("benign", "personal", None,
  "Ciao Giulia, ti ho spedito il pacco con Poste, il codice di tracciamento è {S10:RR77889900IT}. Fammi sapere quando arriva!",
  t=["{S10:RR77889900IT}"])
m("benign", "marketing", "Esselunga",
  "Esselunga: accumula punti Fidaty e partecipa al concorso per vincere una spesa da 500€! Regolamento su esselunga.it. Per non ricevere piu SMS rispondi NO",
  u=["esselunga.it"], a=["500.00 EUR"])
m("benign", "government", "Agenzia delle Entrate",
  "Agenzia delle Entrate: ti ricordiamo la scadenza del 1 dicembre per il versamento del secondo acconto IRPEF. Consulta la tua area riservata su agenziaentrate.gov.it",
  u=["agenziaentrate.gov.it"])
# ======================================================================= pt
L("pt", "PT")
m("scam", "customs_fee", "CTT",
  "CTT: A sua encomenda {S10:RQ44556677CN} aguarda o pagamento de taxas alfandegárias de 1,89 €. Pague em ctt-alfandega.com/pt",
  u=["ctt-alfandega.com/pt"], a=["1.89 EUR"], t=["{S10:RQ44556677CN}"])
m("scam", "redelivery_fee", "CTT",
  "CTT Expresso: Nao foi possivel entregar a sua encomenda. Para agendar nova entrega pague 1,50€: hxxps://ctt-entregas[.]pt-reagendar[.]com",
  u=["https://ctt-entregas.pt-reagendar.com"], a=["1.50 EUR"])
m("scam", "address_update", "CTT",
  "CTT: a morada da sua encomenda está incompleta. Atualize os seus dados nas próximas 24h: cttpt.morada-atualizar.com",
  u=["cttpt.morada-atualizar.com"])
m("scam", "failed_delivery", "DPD",
  "DPD Portugal: tentativa de entrega sem sucesso. Ligue 932 418 765 para agendar uma nova entrega.",
  p=["+351932418765"])
m("scam", "package_held", "CTT",
  "CTT: A sua encomenda está retida no centro de distribuição por portes em falta (0,99 EUR). Caso não sejam pagos será devolvida ao remetente. ctt-portes.info",
  u=["ctt-portes.info"], a=["0.99 EUR"])
m("scam", "refund", "Autoridade Tributária",
  "Autoridade Tributária: Tem um reembolso de IRS no valor de 384,20 € por receber. Confirme o seu IBAN em portaldasfinancas-reembolso.com",
  u=["portaldasfinancas-reembolso.com"], a=["384.20 EUR"])
m("scam", "account_locked", "Millennium BCP",
  "Millennium BCP: o seu acesso foi bloqueado por motivos de segurança. Reative-o em millenniumbcp-seguro.com",
  u=["millenniumbcp-seguro.com"])
m("scam", "other", None,
  "Olá mãe, este é o meu número novo, o outro avariou. Grava este e apaga o antigo. Precisava de uma ajuda com um pagamento, podes?")
L("pt", "BR")
m("scam", "customs_fee", "Correios",
  "Correios: Sua encomenda {S10:LB23456789CN} foi taxada. Pague a taxa de importação de R$ 34,90 para liberação: correios-rastreio-taxa.com",
  u=["correios-rastreio-taxa.com"], a=["34.90 BRL"], t=["{S10:LB23456789CN}"])
m("scam", "redelivery_fee", "Correios",
  "CORREIOS: tentativa de entrega sem sucesso. Reagende a entrega pagando R$ 5,90 em hxxps://correios-reentrega[.]online",
  u=["https://correios-reentrega.online"], a=["5.90 BRL"])
m("scam", "address_update", "Jadlog",
  "Jadlog: seu pedido nao pode ser entregue por endereco incompleto. Atualize seu endereco em jadlog-endereco.com.br",
  u=["jadlog-endereco.com.br"])
m("scam", "failed_delivery", "Correios",
  "Correios informa: seu objeto nao foi entregue pois o destinatario estava ausente. Agende nova entrega: bit.ly/correios-agenda",
  u=["bit.ly/correios-agenda"])
m("scam", "package_held", "Correios",
  "Correios: seu objeto {S10:QB98761234BR} está retido no centro de distribuição aguardando pagamento do frete de R$ 12,40. Após 3 dias será devolvido ao remetente. correiosbr-frete.com",
  u=["correiosbr-frete.com"], a=["12.40 BRL"], t=["{S10:QB98761234BR}"])
m("scam", "tax", "Receita Federal",
  "Receita Federal: Seu CPF esta irregular e sera cancelado. Regularize sua situacao pagando a multa de R$ 89,90: receita-regulariza-cpf.com",
  u=["receita-regulariza-cpf.com"], a=["89.90 BRL"])
m("scam", "prize", "Livelo",
  "Parabens! Seu CPF foi sorteado no programa de pontos Livelo 🎉 resgate R$ 1.500,00 em premios ate hoje: livelo-resgate.net",
  u=["livelo-resgate.net"], a=["1500.00 BRL"])
m("scam", "refund", "Nubank",
  "Nubank: identificamos uma cobrança duplicada de R$ 249,90 na sua fatura. Solicite seu estorno em nubank-estorno.com",
  u=["nubank-estorno.com"], a=["249.90 BRL"])
# benign pt
L("pt", "PT")
m("benign", "delivery_notice", "CTT",
  "CTT: A sua encomenda {S10:DA12345678PT} será entregue hoje. Acompanhe em ctt.pt",
  u=["ctt.pt"], t=["{S10:DA12345678PT}"])
m("benign", "delivery_notice", "DPD",
  "DPD: A sua encomenda 09321456987012 será entregue hoje entre as 14:00 e as 15:00. O seu estafeta é o Rui: 912 345 678. dpd.pt",
  u=["dpd.pt"], p=["+351912345678"], t=["09321456987012"])
m("benign", "pickup_code", "CTT",
  "CTT: A sua encomenda está disponível no Cacifo CTT Lisboa Oriente. Código de levantamento: 472915. Disponível até 30/11.")
m("benign", "customs_charge", "CTT",
  "CTT: A encomenda {S10:LZ99887766CN} tem direitos e IVA a pagar: 6,34 € + 2,15 € de serviço de desalfandegamento. Pague em ctt.pt ou numa Loja CTT.",
  u=["ctt.pt"], a=["6.34 EUR", "2.15 EUR"], t=["{S10:LZ99887766CN}"])
m("benign", "bank_alert", "CGD",
  "CGD: Compra de 32,50 EUR com cartão *8812 em CONTINENTE em 22-11. Se não reconhece esta operação ligue 217 900 790.",
  p=["+351217900790"], a=["32.50 EUR"])
m("benign", "otp", "MB WAY",
  "MB WAY: O seu código de confirmação é 893221. Nunca partilhe este código. Ninguém da SIBS lhe vai pedir este código.")
m("benign", "government", "Autoridade Tributária",
  "Portal das Finanças: a sua declaração de IRS de 2025 foi liquidada com reembolso de 215,40 €. Consulte em portaldasfinancas.gov.pt. A AT nunca envia links de pagamento por SMS.",
  u=["portaldasfinancas.gov.pt"], a=["215.40 EUR"])
L("pt", "BR")
m("benign", "delivery_notice", "Correios",
  "Correios: Objeto {S10:OV45678123BR} saiu para entrega ao destinatário. Acompanhe em correios.com.br",
  u=["correios.com.br"], t=["{S10:OV45678123BR}"])
m("benign", "delivery_notice", "Mercado Livre",
  "Mercado Livre: Seu pacote chega hoje! O entregador Carlos está a caminho. Contato: (11) 98765-4321.",
  p=["+5511987654321"])
m("benign", "customs_charge", "Correios",
  "Correios: Sua encomenda {S10:NL55443322CN} está aguardando pagamento de impostos (R$ 48,72). Pague pelo site oficial correios.com.br, na área Minhas Importações.",
  u=["correios.com.br"], a=["48.72 BRL"], t=["{S10:NL55443322CN}"])
m("benign", "pickup_code", "Correios",
  "Correios: seu objeto está disponível para retirada na agência Centro - Belo Horizonte. Apresente documento com foto e o código 5K8P2. Prazo: 7 dias.")
m("benign", "bank_alert", "Nubank",
  "Nubank: Compra aprovada no crédito de R$ 87,90 em IFOOD *RESTAURANTE. Não reconhece? Fale com a gente pelo app.",
  a=["87.90 BRL"])
m("benign", "personal", None,
  "mano paga os 15 reais da taxa do correio do meu pacote q eu te passo no pix amanha blz",
  a=["15.00 BRL"])
m("benign", "marketing", "Magalu",
  "Magalu: Black Friday! Ate 70% OFF + cupom de R$ 50 no app. Sorteio de um iPhone para clientes. Regulamento em magazineluiza.com.br. Sair: responda SAIR",
  u=["magazineluiza.com.br"], a=["50.00 BRL"])
m("benign", "appointment", "Fleury",
  "Lembrete: sua consulta no Fleury está marcada para 26/11 às 08:15. Para reagendar acesse fleury.com.br ou ligue (11) 3179-0822.",
  u=["fleury.com.br"], p=["+551131790822"])
# ======================================================================= de
L("de", "DE")
m("scam", "customs_fee", "DHL",
  "DHL: Ihr Paket {S10:LE11223344CN} wird beim Zoll zurückgehalten. Bitte begleichen Sie die Einfuhrumsatzsteuer von 1,99 € unter dhl-zoll-paket.de/zahlung",
  u=["dhl-zoll-paket.de/zahlung"], a=["1.99 EUR"], t=["{S10:LE11223344CN}"])
m("scam", "customs_fee", "Zoll",
  """Betreff: Zollgebühren ausstehend
Von: Deutscher Zoll <service@zoll-online-de.info>

Sehr geehrte Kundin, sehr geehrter Kunde,
für Ihre Sendung sind Zollgebühren in Höhe von 3,20 EUR offen. Bitte zahlen Sie innerhalb von 48 Stunden: hxxps://zoll-online-de[.]info/bezahlen

Mit freundlichen Grüßen
Generalzolldirektion""",
  u=["https://zoll-online-de.info/bezahlen"], a=["3.20 EUR"], e=["service@zoll-online-de.info"])
m("scam", "customs_fee", "Swiss Post", c="CH", text=
  "Post CH: Ihr Paket befindet sich in der Zollabfertigung. Zahlen Sie die Verzollungsgebühr von CHF 2.50 hier: post-ch-zoll.com",
  u=["post-ch-zoll.com"], a=["2.50 CHF"])
m("scam", "redelivery_fee", "DHL",
  "DHL: Zustellung fehlgeschlagen. Neue Zustellung jetzt für 1,49 € buchen: dhl-neuzustellung[.]com",
  u=["dhl-neuzustellung.com"], a=["1.49 EUR"])
m("scam", "redelivery_fee", "Österreichische Post", c="AT", text=
  "Österreichische Post: Wir konnten Ihr Paket nicht zustellen. Für eine erneute Zustellung fallen 1,80 € an: post-at-zustellung.com",
  u=["post-at-zustellung.com"], a=["1.80 EUR"])
m("scam", "address_update", "Hermes",
  "Hermes: Ihre Sendung kann nicht zugestellt werden, die Hausnummer fehlt. Bitte bestätigen Sie Ihre Adresse: hermes-adresse.de",
  u=["hermes-adresse.de"])
m("scam", "address_update", "DPD", c="AT", text=
  "DPD: Ihre Lieferadresse ist unvollständig. Bitte aktualisieren Sie Ihre Adresse innerhalb von 24 Std: dpd-at.adresse-update.com",
  u=["dpd-at.adresse-update.com"])
m("scam", "failed_delivery", "DHL",
  "DHL Paket: Ihr Paket 00340434161234567890 konnte heute nicht zugestellt werden. Rufen Sie uns an unter 01573 8291746, um einen neuen Termin zu vereinbaren.",
  p=["+4915738291746"], t=["00340434161234567890"])
m("scam", "failed_delivery", "GLS",
  "GLS: WIR HABEN SIE LEIDER NICHT ANGETROFFEN. JETZT NEUEN LIEFERTERMIN WAEHLEN: GLS-TERMIN.DE/NEU",
  u=["GLS-TERMIN.DE/NEU"])
m("scam", "package_held", "DHL",
  "DHL: Ihr Paket liegt in unserem Lager. Es fehlen noch Versandkosten von 0,50 €. Ohne Zahlung wird das Paket an den Absender zurückgeschickt: dhl-versandkosten.info",
  u=["dhl-versandkosten.info"], a=["0.50 EUR"])
m("scam", "package_held", None, c="CH", text=
  "Ihr Paket wartet im Verteilzentrum auf Ihre Bestaetigung. Bestaetigen Sie jetzt, sonst erfolgt die Ruecksendung: t.ly/Pk7x",
  u=["t.ly/Pk7x"])
m("scam", "refund", "Finanzamt",
  "Finanzamt: Für das Steuerjahr 2025 steht Ihnen eine Steuerrückerstattung von 412,80 € zu. Beantragen Sie diese bis 30.11. unter elster-erstattung.de",
  u=["elster-erstattung.de"], a=["412.80 EUR"])
m("scam", "account_locked", "Sparkasse",
  "Sparkasse: Ihr Online-Banking wurde vorübergehend gesperrt. Bitte bestätigen Sie Ihre Identität unter sparkasse-pushtan-verify.de",
  u=["sparkasse-pushtan-verify.de"])
m("scam", "prize", "DHL",
  "Glückwunsch! Sie wurden als DHL-Kunde des Monats ausgewählt und können ein Samsung Galaxy gewinnen. Nehmen Sie an der Umfrage teil: dhl-gewinn.de",
  u=["dhl-gewinn.de"])
m("scam", "refund", "Swisscom", c="CH", text=
  "Swisscom: Sie haben Ihre letzte Rechnung doppelt bezahlt. Eine Rückerstattung von CHF 48.50 steht bereit: swisscom-rueckerstattung.ch",
  u=["swisscom-rueckerstattung.ch"], a=["48.50 CHF"])
m("scam", "other", None, c="AT", text=
  "Hallo Papa, mein Handy ist kaputt, das ist meine neue Nummer. Kannst du mir bitte auf WhatsApp schreiben? Ich brauch kurz deine Hilfe")
# benign de
m("benign", "delivery_notice", "DHL",
  "DHL: Ihre Sendung 00340434169876543210 wird heute zwischen 11:30 und 13:30 zugestellt. Sendungsverfolgung: dhl.de/sendungsverfolgung",
  u=["dhl.de/sendungsverfolgung"], t=["00340434169876543210"])
m("benign", "delivery_notice", "Hermes",
  "Hermes: Ihr Paket von OTTO kommt heute. Ihr Zusteller Mehmet ist bei Fragen erreichbar unter 0170 4456123.",
  p=["+491704456123"])
m("benign", "delivery_notice", "Österreichische Post", c="AT", text=
  "Österreichische Post: Ihre Sendung {S10:CA33344455AT} wurde heute an Ihrem Wunschplatz (Wohnungstür) hinterlegt. Details: post.at",
  u=["post.at"], t=["{S10:CA33344455AT}"])
m("benign", "pickup_code", "DHL",
  "DHL: Ihr Paket liegt in der Packstation 127, Berliner Str. 5. Abholcode: 8841. Abholung bis 30.11. Die Post & DHL App zeigt den Code ebenfalls an.")
m("benign", "pickup_code", "Swiss Post", c="CH", text=
  "Die Post: Ihr Paket liegt am My Post 24-Automaten Zürich HB zur Abholung bereit. Abholcode: 553920. post.ch",
  u=["post.ch"])
m("benign", "customs_charge", "DHL",
  "DHL: Für Ihre Sendung {S10:LK55667711CN} fallen Einfuhrabgaben von 4,38 € sowie eine Auslagepauschale von 6,00 € an. Bezahlen Sie in der Post & DHL App, auf dhl.de oder bei Zustellung.",
  u=["dhl.de"], a=["4.38 EUR", "6.00 EUR"], t=["{S10:LK55667711CN}"])
m("benign", "customs_charge", "Swiss Post", c="CH", text=
  "Post CH AG: Für Ihre Sendung aus Deutschland sind MWST und Verzollungsgebühren von CHF 18.60 fällig. Jetzt online bezahlen auf post.ch und Zustelltag wählen.",
  u=["post.ch"], a=["18.60 CHF"])
m("benign", "otp", "Sparkasse",
  "Sparkasse: Ihre TAN für die Überweisung von 250,00 EUR an M. Huber lautet 447190. Wir fragen niemals telefonisch nach TANs.",
  a=["250.00 EUR"])
m("benign", "bank_alert", "ING",
  "ING: Neue Anmeldung in der Banking to go App auf einem neuen Gerät am 23.11. um 08:12. Warst du das nicht? Ruf uns an: 069 50 500 105.",
  p=["+496950500105"])
m("benign", "bank_alert", "Raiffeisen", c="AT", text=
  "Raiffeisen: Lastschrift von 39,90 EUR an A1 Telekom Austria abgebucht. Kontostand: 1.204,33 EUR.",
  a=["39.90 EUR", "1204.33 EUR"])
m("benign", "appointment", "Bürgeramt Berlin",
  "Terminerinnerung: Ihr Termin beim Bürgeramt Berlin-Mitte am 27.11. um 09:40 (Personalausweis). Absage bitte unter service.berlin.de",
  u=["service.berlin.de"])
m("benign", "personal", None,
  "Hey, kannst du die 3,50 € für das Paket zahlen, das per Nachnahme kommt? Ich geb's dir am Wochenende zurück 🙏",
  a=["3.50 EUR"])
m("benign", "personal", None, c="CH", text=
  "Hoi, dis Päckli isch bi mir abgä worde. Chasch es hüt zabig cho hole? Gruess Anna")
m("benign", "marketing", "Lidl",
  "Lidl Plus: Nur diese Woche Rubbellos in der App - gewinne einen 500 € Einkaufsgutschein! Teilnahmebedingungen auf lidl.de. Abmelden: STOP an 82345",
  u=["lidl.de"], a=["500.00 EUR"])
m("benign", "government", "Finanzamt",
  """Betreff: Neue Nachricht in Mein ELSTER
Von: ELSTER <noreply@elster.de>

Guten Tag,
in Ihrem Postfach in Mein ELSTER liegt eine neue Nachricht Ihres Finanzamts (Steuerbescheid 2025) zur Abholung bereit. Bitte melden Sie sich unter www.elster.de an, um sie abzurufen.
Aus Sicherheitsgründen enthält diese E-Mail keinen Link zu Ihrem Bescheid.

Ihr ELSTER-Team""",
  u=["www.elster.de"], e=["noreply@elster.de"])
# ======================================================================= sq
L("sq", "AL")
m("scam", "customs_fee", "Posta Shqiptare",
  "Posta Shqiptare: Pakoja juaj {S10:RK12398765CN} është bllokuar në doganë. Paguani tarifën doganore prej 250 lekë: postashqiptare-dogana.com",
  u=["postashqiptare-dogana.com"], a=["250.00 ALL"], t=["{S10:RK12398765CN}"])
m("scam", "customs_fee", "Dogana",
  """Tema: Detyrim doganor i papaguar

Drejtoria e Përgjithshme e Doganave
I/E nderuar, dërgesa juaj është mbajtur në doganë. Detyrimi për t'u paguar: 1.200 lekë.
Paguani brenda 48 orëve: hxxps://dogana-al[.]online/pagesa""",
  u=["https://dogana-al.online/pagesa"], a=["1200.00 ALL"])
m("scam", "redelivery_fee", "Posta Shqiptare",
  "POSTA SHQIPTARE: DORËZIMI DËSHTOI. PËR RIDËRGIM PAGUANI 150 LEKË KETU: posta-ridergim.info",
  u=["posta-ridergim.info"], a=["150.00 ALL"])
m("scam", "redelivery_fee", "Posta e Kosovës", c="XK", text=
  "Posta e Kosoves: Nuk ju gjetem ne adrese. Per dergese te re paguani 0,99€ ne pk-dergesa[.]com",
  u=["pk-dergesa.com"], a=["0.99 EUR"])
m("scam", "address_update", "Posta Shqiptare",
  "Posta Shqiptare: adresa juaj eshte e paplote, pakoja nuk mund te dorezohet. Perditesoni adresen: posta-al.adresa-konfirmo.com",
  u=["posta-al.adresa-konfirmo.com"])
m("scam", "address_update", "DHL", c="XK", text=
  "DHL: Adresa e dërgesës suaj nuk është e saktë. Konfirmoni adresën brenda 24 orëve: dhl-kosova-adresa.com",
  u=["dhl-kosova-adresa.com"])
m("scam", "failed_delivery", "Posta Shqiptare",
  "Posta Shqiptare: Tentativa për dorëzimin e pakos suaj dështoi. Na telefononi në 069 482 1735 për të caktuar një datë të re.",
  p=["+355694821735"])
m("scam", "failed_delivery", "Posta e Kosovës", c="XK", text=
  "Posta e Kosovës: pakoja juaj nuk u dorëzua sot. Zgjidhni datën e re të dorëzimit: bit.ly/pk-data",
  u=["bit.ly/pk-data"])
m("scam", "package_held", "Posta Shqiptare",
  "Posta Shqiptare: Pakoja juaj po mbahet në magazinë për shkak të tarifës së papaguar të transportit (90 lekë). Përndryshe do t'i kthehet dërguesit: postashqiptare-pako.com",
  u=["postashqiptare-pako.com"], a=["90.00 ALL"])
m("scam", "package_held", None, c="XK", text=
  "pakoja jote eshte ne depo prej 3 diteve, konfirmo dorezimin perndryshe kthehet mbrapsht 👉 tinyurl.com/pako-ks",
  u=["tinyurl.com/pako-ks"])
m("scam", "tax", "Tatimet",
  "Tatimet: Keni një detyrim tatimor të papaguar prej 8.400 lekë. Për të shmangur gjobën paguani sot: tatime-pagesa.com",
  u=["tatime-pagesa.com"], a=["8400.00 ALL"])
m("scam", "refund", "ATK", c="XK", text=
  "ATK: Keni te drejte per rimbursim tatimor prej 127,50 €. Plotesoni te dhenat bankare ne atk-rimbursim.com",
  u=["atk-rimbursim.com"], a=["127.50 EUR"])
m("scam", "account_locked", "Raiffeisen Bank",
  "Raiffeisen Bank: Llogaria juaj është bllokuar përkohësisht për arsye sigurie. Verifikoni identitetin tuaj: raiffeisen-al-verifikim.com",
  u=["raiffeisen-al-verifikim.com"])
m("scam", "prize", "Posta Shqiptare",
  "Urime! Jeni fituesi i 50.000 lekëve në lotarinë e Postës Shqiptare 🎉 Tërhiqni çmimin këtu: posta-fitues.com",
  u=["posta-fitues.com"], a=["50000.00 ALL"])
m("scam", "refund", "IPKO", c="XK", text=
  "IPKO: Ju kemi faturuar dy herë këtë muaj. Rimbursimi prej 14,90 € ju pret: ipko-rimbursim.com",
  u=["ipko-rimbursim.com"], a=["14.90 EUR"])
m("scam", "other", None,
  "Pershendetje mami, ky eshte numri im i ri, telefoni m'u prish. Me shkruaj ne WhatsApp te lutem se kam nje hall")
# benign sq
m("benign", "delivery_notice", "Posta Shqiptare",
  "Posta Shqiptare: Dërgesa juaj {S10:EE10020030AL} do të dorëzohet sot. Gjurmoni dërgesën në postashqiptare.al",
  u=["postashqiptare.al"], t=["{S10:EE10020030AL}"])
m("benign", "delivery_notice", "DHL",
  "DHL: Dërgesa juaj 3948572610 do të dorëzohet sot mes orës 10:00 dhe 12:00. Korrieri: Arben, tel. 068 203 4417. dhl.com",
  u=["dhl.com"], p=["+355682034417"], t=["3948572610"])
m("benign", "delivery_notice", "Posta e Kosovës", c="XK", text=
  "Posta e Kosovës: Dërgesa {S10:CP55599911DE} ka mbërritur në Qendrën Postare Prishtinë dhe do të dorëzohet nesër. Gjurmoni në postakosoves.com",
  u=["postakosoves.com"], t=["{S10:CP55599911DE}"])
m("benign", "pickup_code", "Posta Shqiptare",
  "Posta Shqiptare: Pakoja juaj është gati për t'u tërhequr në Zyrën Postare Nr. 5 Tiranë. Kodi i tërheqjes: 648217. Sillni letërnjoftimin.")
m("benign", "pickup_code", "Posta e Kosovës", c="XK", text=
  "Posta e Kosovës: Pakoja juaj ju pret në sportelin e Postës në Ferizaj. Kodi: 3KX9. Afati i tërheqjes 10 ditë.")
m("benign", "customs_charge", "Posta Shqiptare",
  "Posta Shqiptare: Për dërgesën {S10:LT22233344CN} duhet paguar TVSH dhe detyrim doganor prej 1.350 lekë në sportel gjatë tërheqjes. Info: postashqiptare.al",
  u=["postashqiptare.al"], a=["1350.00 ALL"], t=["{S10:LT22233344CN}"])
m("benign", "customs_charge", "Posta e Kosovës", c="XK", text=
  "Posta e Kosovës: Dërgesa juaj {S10:RB99911122CN} ka detyrime doganore prej 12,40 € (TVSH + taksë doganore). Pagesa bëhet në sportel me fletëpagesë të Doganës së Kosovës.",
  a=["12.40 EUR"], t=["{S10:RB99911122CN}"])
m("benign", "otp", "BKT",
  "BKT: Kodi juaj i verifikimit është 582931. Mos ia jepni askujt. BKT nuk jua kërkon kurrë kodin me telefon.")
m("benign", "bank_alert", "Raiffeisen Bank",
  "Raiffeisen Bank: Pagese me karte 3.450 ALL ne CONAD TIRANE me 22/11. Per pyetje: 04 227 4910",
  p=["+35542274910"], a=["3450.00 ALL"])
m("benign", "bank_alert", "ProCredit Bank", c="XK", text=
  "ProCredit Bank: Qasje e re në e-banking nga një pajisje e re më 23.11 në 08:05. Nëse nuk ishit ju, thirrni 038 555 555. Ne kurrë nuk ju kërkojmë PIN-in.",
  p=["+38338555555"])
m("benign", "appointment", "e-Albania",
  "e-Albania: Takimi juaj për pajisje me pasaportë është më 28.11.2026 ora 10:30 në Gjendjen Civile Tiranë. Detajet në e-albania.al",
  u=["e-albania.al"])
m("benign", "personal", None,
  "Pakoja jote erdhi tek une, e pagova 200 leke per postën, ma kthen kur te shihemi 😊",
  a=["200.00 ALL"])
m("benign", "personal", None, c="XK", text=
  "O vlla, a e ke marr pakon prej Gjermanie? Halla thot e ka nis me poste te enjten")
m("benign", "marketing", "One Albania",
  "ONE: Fito një iPhone 16! Rimbush me 1.000 lekë deri më 30/11 dhe hyn automatikisht në short. Kushtet në one.al. Çregjistrohu: dërgo STOP në 50555",
  u=["one.al"], a=["1000.00 ALL"])
m("benign", "government", "ATK", c="XK", text=
  "ATK: Ju kujtojmë se afati për deklarimin dhe pagesën e TVSH-së për muajin nëntor është 20 dhjetor. Deklaroni përmes EDI në edi.atk-ks.org",
  u=["edi.atk-ks.org"])

# ----------------------------------------------------------------- main


def main():
    ids = set()
    bad = 0
    for rec in RECORDS:
        errs = check(rec)
        if rec["id"] in ids:
            errs.append("duplicate id")
        ids.add(rec["id"])
        if errs:
            bad += 1
            print("%s: %s" % (rec["id"], "; ".join(errs)), file=sys.stderr)
    texts = [r["text"] for r in RECORDS]
    if len(set(texts)) != len(texts):
        print("duplicate texts", file=sys.stderr)
        bad += 1
    if bad:
        sys.exit("%d invalid records; eval.jsonl not written" % bad)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval.jsonl")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for rec in RECORDS:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    print("wrote %d records to %s" % (len(RECORDS), out))


if __name__ == "__main__":
    main()
