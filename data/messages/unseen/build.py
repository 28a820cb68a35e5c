#!/usr/bin/env python3
"""Builds eval.jsonl, the unseen multilingual postal TEST set (see README.md).

Stdlib only, no network, deterministic. Texts and labels are hand-written below;
the script only computes UPU S10 check digits, assembles the records and checks
them. Run: python3 data/messages/unseen/build.py
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "eval.jsonl")

S10_RE = re.compile(r"\b([A-Z]{2})(\d{8})(\d)([A-Z]{2})\b")
AMOUNT_RE = re.compile(r"^\d+\.\d{2} [A-Z]{3}$")
PHONE_RE = re.compile(r"^\+[1-9]\d{6,14}$")
LURES = {"customs_fee", "redelivery_fee", "address_update", "failed_delivery",
         "package_held", "refund", "tax", "account_locked", "prize", "other"}
CATEGORIES = {"delivery_notice", "pickup_code", "otp", "customs_charge",
              "bank_alert", "appointment", "personal", "marketing", "government"}


def s10_check(serial):
    """UPU S10 check digit over the 8 serial digits."""
    weights = (8, 6, 4, 2, 3, 5, 9, 7)
    total = sum(int(d) * w for d, w in zip(serial, weights))
    c = 11 - total % 11
    return 0 if c == 10 else 5 if c == 11 else c


def T(service, serial, country):
    return f"{service}{serial}{s10_check(serial)}{country}"


RECORDS = []
_lang = None
_country = None
_n = {}


def lang(code, country):
    global _lang, _country
    _lang, _country = code, country


def _add(label, lure, category, brand, text, urls, phones, amounts, tn, emails):
    key = _lang
    _n[key] = _n.get(key, 0) + 1
    s10 = ["".join(m) for m in S10_RE.findall(text)]
    tracking = s10 + [t for t in tn if t not in s10]
    RECORDS.append({
        "id": f"unseen-{_lang}-{_n[key]:03d}",
        "lang": _lang,
        "country": _country,
        "label": label,
        "category": category,
        "lure": lure,
        "brand": brand,
        "urls": list(dict.fromkeys(urls)),
        "phones": list(phones),
        "amounts": list(amounts),
        "tracking_numbers": tracking,
        "emails": list(emails),
        "text": text,
    })


def scam(lure, brand, text, urls=(), phones=(), amounts=(), tn=(), emails=()):
    _add("scam", lure, None, brand, text, urls, phones, amounts, tn, emails)


def ok(category, brand, text, urls=(), phones=(), amounts=(), tn=(), emails=()):
    _add("benign", None, category, brand, text, urls, phones, amounts, tn, emails)


# ---------------------------------------------------------------- English
lang("en", "GB")
scam("customs_fee", "Royal Mail",
     f"Royal Mail: Your parcel {T('RX', '41827305', 'GB')} is being held due to an unpaid customs fee of £2.99. Pay now to release it: https://royalmail.customs-uk-fee.com/pay",
     urls=["https://royalmail.customs-uk-fee.com/pay"], amounts=["2.99 GBP"])
scam("redelivery_fee", "Evri",
     "EVRI: We missed you today. To rebook your delivery a fee of £1.45 applies. Visit evri-rebook[.]co/uk",
     urls=["evri-rebook.co/uk"], amounts=["1.45 GBP"])
_country = "US"
scam("address_update", "USPS",
     "USPS: The package arrived at the warehouse but could not be delivered due to incomplete address information. Please confirm your address in the link within 12 hours. https://usps.com-trackxp.top/us (Please reply Y, then exit the SMS and open it again to activate the link)",
     urls=["https://usps.com-trackxp.top/us"])
_country = "GB"
scam("failed_delivery", "DPD",
     "DPD: Delivery attempt failed for your parcel 15501234567890. Reschedule here: hxxps://dpd-uk-reschedule[.]net/track",
     urls=["https://dpd-uk-reschedule.net/track"], tn=["15501234567890"])
scam("package_held", "Royal Mail",
     f"Subject: Your parcel is on hold\n\nDear Customer,\n\nYour package {T('RB', '90316742', 'GB')} has been held at our local depot because of an outstanding shipping balance of £1.99.\nTo avoid the item being returned to the sender, please settle the balance within 48 hours:\n\nhttps://rm-parcelhold.info/verify\n\nKind regards,\nRoyal Mail Group Ltd\nCustomer Services",
     urls=["https://rm-parcelhold.info/verify"], amounts=["1.99 GBP"])
scam("package_held", "Parcelforce",
     "parcelforce: ur parcel is waiting at our depot, pay £3.10 to release b4 its returned 2 sender: bit.ly/3PfHeld",
     urls=["bit.ly/3PfHeld"], amounts=["3.10 GBP"])
scam("refund", "HMRC",
     "HMRC: You are eligible for a tax refund of £458.20. Claim before 23:59 today: hmrc-refund-gov.uk/claim",
     urls=["hmrc-refund-gov.uk/claim"], amounts=["458.20 GBP"])
scam("tax", "HMRC",
     "HMRC NOTICE: You have an outstanding tax balance of £212.40. Failure to pay will result in a penalty and court action. Call 020 7946 0817 today to settle.",
     phones=["+442079460817"], amounts=["212.40 GBP"])
scam("account_locked", "Post Office",
     "Post Office Money: your account has been suspended due to unusual activity. Verify your identity at post-office-secure dot com to restore access.",
     urls=["post-office-secure.com"])
scam("prize", "Royal Mail",
     "Congratulations! 🎉 You have been selected for a Royal Mail loyalty reward. Complete our 30-second survey to claim your gift: https://tinyurl.com/rm-reward24",
     urls=["https://tinyurl.com/rm-reward24"])
scam("customs_fee", "DHL",
     "From: DHL Express <noreply@dhl-express-notice.com>\nSubject: Import duty payment required - waybill 4829163750\n\nHello,\nImport duty of GBP 4.72 is due for your shipment (waybill 4829163750) before we can complete delivery.\nPay online: https://dhl-importduty.support/gb\n\nDHL Express UK",
     urls=["https://dhl-importduty.support/gb"], amounts=["4.72 GBP"], tn=["4829163750"],
     emails=["noreply@dhl-express-notice.com"])
scam("other", None,
     "Hi Mum, I've dropped my phone down the toilet 🙈 this is my new number. Can you message me on WhatsApp on 07723 456781? Need a favour x",
     phones=["+447723456781"])
scam("redelivery_fee", "Royal Mail",
     "ROYAL MAIL: YOUR ITEM COULD NOT BE DELIVERED. A REDELIVERY CHARGE OF £0.84 IS REQUIRED. SCHEDULE NOW AT royalmail-redeliver.info",
     urls=["royalmail-redeliver.info"], amounts=["0.84 GBP"])

ok("delivery_notice", "Royal Mail",
   f"Royal Mail: Your parcel from AMAZON (tracking {T('TT', '50391824', 'GB')}) will be delivered today between 10:15 and 11:15. Manage your delivery at royalmail.com/track-your-item",
   urls=["royalmail.com/track-your-item"])
ok("delivery_notice", "Evri",
   "Evri: Hi Sam, your parcel from ASOS is out for delivery today. Track it: evri.com/track/H01HYA0012345678",
   urls=["evri.com/track/H01HYA0012345678"], tn=["H01HYA0012345678"])
ok("pickup_code", "InPost",
   "Your InPost parcel is ready in Locker TESCO-LEEDS-07. Collection code: 482913. Collect by 26/11. Open the InPost app to unlock the locker.")
ok("delivery_notice", "Royal Mail",
   f"Royal Mail: We couldn't deliver item {T('RL', '62047135', 'GB')} today. It will be at your Delivery Office (Leeds North) from 12 noon tomorrow. Bring the grey card and photo ID. There is nothing to pay.")
ok("otp", "Royal Mail",
   "Your Royal Mail verification code is 738204. Do not share this code with anyone. Royal Mail will never call you to ask for it.")
ok("customs_charge", "Royal Mail",
   f"Royal Mail: Item {T('LP', '30851296', 'CN')} has a fee to pay of £13.13 (import VAT £5.13 + Royal Mail handling fee £8.00). Pay securely at www.royalmail.com/pay-a-fee or at any Post Office. We'll deliver within 3 working days of payment.",
   urls=["www.royalmail.com/pay-a-fee"], amounts=["13.13 GBP", "5.13 GBP", "8.00 GBP"])
ok("bank_alert", "Nationwide",
   "Nationwide: A payment of £42.50 to TESCO STORES was made with your card ending 4421 on 22/11. If you don't recognise it, call us on 0800 302 011.",
   phones=["+44800302011"], amounts=["42.50 GBP"])
ok("appointment", None,
   "Reminder: your appointment at Leeds Dental Practice is on Thu 26 Nov at 14:20. Reply C to cancel or call 0113 496 0123.",
   phones=["+441134960123"])
ok("personal", None,
   "hey did my parcel come?? tracking says delivered at 2pm, royal mail left it 'in a safe place' lol. can u check behind the bins")
ok("marketing", "Boots",
   "Black Friday at Boots: 3 for 2 on gifts + free delivery when you spend £25. Shop now at boots.com/blackfriday Txt STOP to 60005",
   urls=["boots.com/blackfriday"], amounts=["25.00 GBP"])
ok("government", "DVLA",
   "DVLA: The vehicle tax for AB12 CDE is due on 1 December. You can renew online at www.gov.uk/vehicle-tax. We will never ask for your bank details by text message.",
   urls=["www.gov.uk/vehicle-tax"])
_country = "US"
ok("delivery_notice", "USPS",
   "USPS: Your item 9400111899223344556677 was delivered in/at the mailbox at 2:14 pm on November 22 in AUSTIN, TX 78701. Reply STOP to cancel.",
   tn=["9400111899223344556677"])

# ---------------------------------------------------------------- French
lang("fr", "FR")
scam("customs_fee", "Colissimo",
     f"Colissimo: Votre colis {T('CB', '72910463', 'FR')} est bloqué en douane. Des frais de 2,99 € doivent être réglés sous 48h : https://colissimo-frais-douane.fr/regler",
     urls=["https://colissimo-frais-douane.fr/regler"], amounts=["2.99 EUR"])
scam("redelivery_fee", "La Poste",
     "La Poste: Votre colis n'a pas pu etre livre, merci de reprogrammer la livraison (frais 1,45 EUR) : laposte-reprog[.]info",
     urls=["laposte-reprog.info"], amounts=["1.45 EUR"])
scam("redelivery_fee", "Chronopost",
     "Chronopost : votre colis est en attente de livraison. Confirmez le paiement des frais d'envoi (0,99€) : hxxps://chrono-livraison[.]com/suivi",
     urls=["https://chrono-livraison.com/suivi"], amounts=["0.99 EUR"])
scam("address_update", "Mondial Relay",
     "Mondial Relay: votre colis ne peut être livré, adresse incomplète. Mettez à jour vos informations : bit.ly/3MrColis",
     urls=["bit.ly/3MrColis"])
scam("failed_delivery", "La Poste",
     f"LA POSTE : ECHEC DE LIVRAISON DE VOTRE COLIS {T('LA', '08264519', 'FR')}. PLANIFIEZ UNE NOUVELLE LIVRAISON : laposte.suivi-colis-fr.com",
     urls=["laposte.suivi-colis-fr.com"])
scam("package_held", "La Poste",
     "Bonjour, votre colis est retenu à notre centre de tri 📦 Pour le récupérer, réglez 1,99 € avant le 25/11 : https://tinyurl.com/colis-fr-25 La Poste",
     urls=["https://tinyurl.com/colis-fr-25"], amounts=["1.99 EUR"])
scam("refund", "DGFiP",
     "Impots: Apres le dernier calcul de votre impot, vous beneficiez d'un remboursement de 284,50 €. Remplissez le formulaire : https://remboursement-dgfip.fr/formulaire",
     urls=["https://remboursement-dgfip.fr/formulaire"], amounts=["284.50 EUR"])
scam("tax", "DGFiP",
     "DGFiP : Avis d'impayé - taxe foncière de 127,00 € non réglée. Régularisez sous 72h pour éviter une majoration de 10 % : impots-gouv-paiement.com",
     urls=["impots-gouv-paiement.com"], amounts=["127.00 EUR"])
scam("account_locked", "La Banque Postale",
     "La Banque Postale : Votre accès en ligne a été suspendu suite à une tentative de connexion inhabituelle. Réactivez-le : hxxps://labanquepostale-securite[.]fr/certicode",
     urls=["https://labanquepostale-securite.fr/certicode"])
scam("prize", "La Poste",
     "Félicitations ! Vous avez été sélectionné(e) par La Poste pour recevoir un iPhone 15 🎁 Répondez à notre questionnaire : https://cutt.ly/laposte-cadeau",
     urls=["https://cutt.ly/laposte-cadeau"])
scam("customs_fee", "Douane",
     f"Objet : Avis de taxation - Douane française\n\nMadame, Monsieur,\n\nUn colis à votre nom (n° {T('EE', '53719028', 'CN')}) est soumis à des droits de douane de 4,80 €. Sans règlement sous 5 jours, il sera détruit.\n\nRèglement sécurisé : douane-gouv-taxes.com/paiement\n\nCordialement,\nService des douanes",
     urls=["douane-gouv-taxes.com/paiement"], amounts=["4.80 EUR"])
scam("other", None,
     "Vos droits CPF expirent le 31/12 : 1 850 € à utiliser avant de les perdre définitivement. Appelez vite le 01 99 00 12 34.",
     phones=["+33199001234"], amounts=["1850.00 EUR"])

ok("delivery_notice", "Colissimo",
   "Colissimo : votre colis 6A23456789012 sera livré demain entre 9h et 13h. Modifiez la livraison sur www.laposte.fr/outils/suivre-vos-envois",
   urls=["www.laposte.fr/outils/suivre-vos-envois"], tn=["6A23456789012"])
ok("delivery_notice", "Chronopost",
   f"Chronopost : Votre colis {T('XW', '38150647', 'FR')} de CDISCOUNT sera livré aujourd'hui par Karim entre 10h25 et 11h25. Suivez votre livreur : https://www.chronopost.fr/tracking",
   urls=["https://www.chronopost.fr/tracking"])
ok("pickup_code", "Mondial Relay",
   "Mondial Relay : votre colis est disponible au Point Relais TABAC DU CENTRE, 12 rue Victor Hugo, Lyon. Code de retrait : 384 921. A retirer avant le 04/12.")
ok("pickup_code", "La Poste",
   "La Poste : votre colis vous attend dans la consigne Pickup Station Gare de Lille. Code : 7Q4K2M. Disponible 24h/24 jusqu'au 28/11.")
ok("otp", "La Banque Postale",
   "La Banque Postale : votre code de sécurité est 458 201. Ne le communiquez jamais, même à un conseiller de la banque.")
ok("customs_charge", "La Poste",
   f"La Poste : votre colis {T('LZ', '61520938', 'US')} en provenance des États-Unis est soumis à des droits et taxes de 12,40 €. Réglez-les sur www.laposte.fr/dedouanement ou au facteur lors de la livraison.",
   urls=["www.laposte.fr/dedouanement"], amounts=["12.40 EUR"])
ok("bank_alert", "Crédit Agricole",
   "Crédit Agricole : Opération carte de 89,90 € chez FNAC le 22/11. Si vous n'êtes pas à l'origine de cette opération, contactez le 09 69 39 92 91.",
   phones=["+33969399291"], amounts=["89.90 EUR"])
ok("appointment", None,
   "Rappel : RDV chez Dr Martin le mardi 24/11 à 15h30. En cas d'empêchement, merci de prévenir au 04 78 12 34 56 ou sur doctolib.fr",
   urls=["doctolib.fr"], phones=["+33478123456"])
ok("personal", None,
   "Coucou ! Le facteur est passé mais j'étais pas là, j'ai l'avis de passage. Tu peux aller chercher le colis à la poste demain ? Je te laisse le papier sur la table 😘")
ok("marketing", "Decathlon",
   "SOLDES -50% sur une sélection chez Decathlon jusqu'au 30/11 ! Livraison offerte dès 50 € sur decathlon.fr. STOP au 36173",
   urls=["decathlon.fr"], amounts=["50.00 EUR"])
ok("government", "DGFiP",
   "impots.gouv.fr : Votre avis d'impôt 2026 est disponible dans votre espace particulier. Pour le consulter, connectez-vous sur impots.gouv.fr. Ceci est un message automatique, merci de ne pas y répondre.",
   urls=["impots.gouv.fr", "impots.gouv.fr"])
ok("delivery_notice", "Colissimo",
   "Objet : Votre colis Colissimo est en route\n\nBonjour Claire,\n\nVotre colis n° 6C09876543210 expédié par VERTBAUDET a été pris en charge et sera livré sous 48h à votre domicile.\nVous pouvez suivre sa livraison sur laposte.fr/suivi.\n\nA bientôt,\nL'équipe Colissimo",
   urls=["laposte.fr/suivi"], tn=["6C09876543210"])
_country = "BE"
ok("delivery_notice", "bpost",
   "bpost : Votre colis sera livré aujourd'hui. Vous n'êtes pas là ? Choisissez une autre option sur track.bpost.cloud",
   urls=["track.bpost.cloud"])

# ---------------------------------------------------------------- Spanish
lang("es", "ES")
scam("customs_fee", "Correos",
     f"Correos: su paquete {T('UA', '24681357', 'CN')} está retenido en aduanas. Pague 1,99 EUR en https://correos-aduanas.es-pago.com/ para liberar el envío.",
     urls=["https://correos-aduanas.es-pago.com/"], amounts=["1.99 EUR"])
scam("redelivery_fee", "Correos",
     "CORREOS: No hemos podido entregar su paquete. Reprograme la entrega abonando 1,79€: hxxp://correos-entrega[.]online",
     urls=["http://correos-entrega.online"], amounts=["1.79 EUR"])
scam("redelivery_fee", "SEUR",
     "SEUR: su envio esta pendiente por falta de pago de gastos de envio (0,95 EUR). Pague aqui: seur-es dot info/pago",
     urls=["seur-es.info/pago"], amounts=["0.95 EUR"])
scam("address_update", "GLS",
     "GLS: Su pedido no pudo ser entregado por una dirección incorrecta. Actualice sus datos en el siguiente enlace: https://bit.ly/gls-es-dir",
     urls=["https://bit.ly/gls-es-dir"])
scam("failed_delivery", "Correos Express",
     "Correos Express: Intento de entrega fallido. Consulte el estado de su envío y elija una nueva fecha: https://correosexpress-seguimiento.net",
     urls=["https://correosexpress-seguimiento.net"])
scam("package_held", "MRW",
     "MRW: Su paquete está en espera en nuestro almacén. Si no confirma en 24h será devuelto al remitente: mrw-paquetes.com/confirmar",
     urls=["mrw-paquetes.com/confirmar"])
scam("package_held", "Correos",
     f"Asunto: Envío retenido - acción requerida\n\nEstimado/a cliente:\n\nSu envío {T('RR', '83052716', 'ES')} permanece retenido en nuestro centro logístico por una tasa de almacenamiento pendiente de 2,95 €.\nPara evitar la devolución, realice el pago en: https://correos-es.envio-retenido.com/pago\n\nAtentamente,\nAtención al Cliente - Correos",
     urls=["https://correos-es.envio-retenido.com/pago"], amounts=["2.95 EUR"])
scam("refund", "Agencia Tributaria",
     "Agencia Tributaria: Tiene un reembolso pendiente de 325,80 €. Para recibirlo, complete sus datos bancarios en: https://agenciatributaria-reembolso.com",
     urls=["https://agenciatributaria-reembolso.com"], amounts=["325.80 EUR"])
scam("tax", "Agencia Tributaria",
     "AEAT: Notificación de deuda tributaria pendiente por importe de 186,40 €. Evite el recargo de apremio pagando hoy: aeat-notificaciones.es",
     urls=["aeat-notificaciones.es"], amounts=["186.40 EUR"])
scam("account_locked", "Correos",
     "Correos: Su cuenta de cliente ha sido suspendida por motivos de seguridad. Verifique su identidad para seguir recibiendo envíos: hxxps://micorreos-verificacion[.]com",
     urls=["https://micorreos-verificacion.com"])
scam("prize", "Correos",
     "¡Enhorabuena! 🎉 Es el ganador semanal de Correos. Reclame su premio de 1.000 € antes de mañana: https://tinyurl.com/premio-correos",
     urls=["https://tinyurl.com/premio-correos"], amounts=["1000.00 EUR"])
scam("other", "DGT",
     "DGT: Tiene una multa de tráfico pendiente de 100 €. Consulte y pague con un descuento del 50% antes de 48h: dgt-multas.info o llame al 912 345 678",
     urls=["dgt-multas.info"], phones=["+34912345678"], amounts=["100.00 EUR"])

scam("failed_delivery", "Correos",
     "Correos: Su envío tiene una incidencia en la entrega. Para más información llame urgentemente al 806 51 72 34.",
     phones=["+34806517234"])

ok("delivery_notice", "Correos",
   f"Correos: Tu envío {T('PK', '19283746', 'ES')} está en reparto y se entregará hoy. Consulta el estado en https://www.correos.es/es/es/herramientas/localizador/envios",
   urls=["https://www.correos.es/es/es/herramientas/localizador/envios"])
ok("delivery_notice", "SEUR",
   "SEUR: Hola Lucía, tu pedido de ZARA llegará mañana entre las 9:00 y las 14:00. Gestiona tu entrega en seur.com/miseur",
   urls=["seur.com/miseur"])
ok("pickup_code", "Correos",
   "Correos: Tu paquete ya está en el CityPaq Mercadona Av. Aragón. Código de recogida: 52198734. Tienes 7 días para recogerlo.")
ok("pickup_code", "Amazon",
   "Amazon: Tu paquete está en Amazon Locker - Luna, C/ Mayor 5, Madrid. Código de recogida: 417392. Recógelo antes del 27/11.")
ok("otp", "Correos",
   "Tu código de verificación de Correos es 904317. Caduca en 10 minutos. No lo compartas con nadie.")
ok("customs_charge", "Correos",
   f"Correos: Tu envío {T('LX', '47561029', 'US')} procedente de EE. UU. tiene importes de aduana pendientes: 6,55 €. Puedes pagarlos en www.correos.es o en tu oficina de Correos.",
   urls=["www.correos.es"], amounts=["6.55 EUR"])
ok("bank_alert", "BBVA",
   "BBVA: Compra con tarjeta ***1234 por 23,45 EUR en MERCADONA. Si no la reconoces llama al 91 224 94 26.",
   phones=["+34912249426"], amounts=["23.45 EUR"])
ok("appointment", None,
   "Recordatorio: cita en el Centro de Salud Delicias el 25/11 a las 10:40 con la Dra. Gómez. Para anularla responda ANULAR.")
ok("personal", None,
   "Mamá, me ha llegado un mensaje de Correos de que el paquete está en la oficina, ¿puedes ir tú a recogerlo? Llevo yo el DNI jaja")
ok("marketing", "El Corte Inglés",
   "El Corte Inglés: ¡Black Friday! Hasta -40% en electrónica. Envío gratis en pedidos superiores a 49 €. elcorteingles.es Baja: responde BAJA",
   urls=["elcorteingles.es"], amounts=["49.00 EUR"])
ok("government", "Agencia Tributaria",
   "Agencia Tributaria: Le informamos de que tiene una nueva notificación en su Dirección Electrónica Habilitada única (DEHú). Acceda desde la sede electrónica: sede.agenciatributaria.gob.es",
   urls=["sede.agenciatributaria.gob.es"])
ok("delivery_notice", "Correos",
   f"Correos: No hemos podido entregar tu envío {T('CY', '70415382', 'DE')}. Puedes recogerlo en tu oficina (C/ Alcalá 45) a partir de mañana con tu DNI, o solicitar una nueva entrega gratuita en correos.es.",
   urls=["correos.es"])

# ---------------------------------------------------------------- Italian
lang("it", "IT")
scam("customs_fee", "Poste Italiane",
     f"Poste Italiane: il tuo pacco {T('UM', '36159048', 'CN')} è in giacenza doganale. Paga 2,99 € di dazi entro 24h: https://poste-dogana-it.com/paga",
     urls=["https://poste-dogana-it.com/paga"], amounts=["2.99 EUR"])
scam("redelivery_fee", "BRT",
     "BRT: La consegna del tuo pacco non è andata a buon fine. Per riprogrammarla è richiesto un contributo di 1,50 EUR: brt-riconsegna[.]it",
     urls=["brt-riconsegna.it"], amounts=["1.50 EUR"])
scam("redelivery_fee", "SDA",
     "SDA: spedizione in attesa, costo di riconsegna € 0,99. Conferma qui: bit.ly/sda-pacco",
     urls=["bit.ly/sda-pacco"], amounts=["0.99 EUR"])
scam("address_update", "Poste Italiane",
     "Poste Italiane: il tuo indirizzo di consegna risulta incompleto. Aggiorna i dati entro oggi: hxxps://posteitaliane-indirizzo[.]com",
     urls=["https://posteitaliane-indirizzo.com"])
scam("failed_delivery", "GLS",
     "GLS Italy: tentativo di consegna fallito per il pacco n. 50123456789. Fissa una nuova data di consegna: gls-it-consegna.com",
     urls=["gls-it-consegna.com"], tn=["50123456789"])
scam("package_held", "Poste Italiane",
     f"Oggetto: Pacco in giacenza\n\nGentile cliente,\nla spedizione {T('RA', '25814706', 'IT')} è in giacenza presso il nostro centro di smistamento. Per procedere con la consegna è necessario il pagamento delle spese di custodia pari a 1,89 €.\n\nPaga ora: https://poste-giacenza.info/pagamento\n\nCordiali saluti,\nPoste Italiane",
     urls=["https://poste-giacenza.info/pagamento"], amounts=["1.89 EUR"])
scam("package_held", "Poste Italiane",
     "POSTE: IL TUO PACCO È FERMO PRESSO IL NOSTRO CENTRO. SENZA CONFERMA SARÀ RESTITUITO AL MITTENTE. CONFERMA: tinyurl.com/poste-fermo",
     urls=["tinyurl.com/poste-fermo"])
scam("refund", "Agenzia delle Entrate",
     "Agenzia delle Entrate: risulta un rimborso IRPEF di 412,30 € a tuo favore. Inserisci il tuo IBAN per riceverlo: agenzia-entrate-rimborsi.com",
     urls=["agenzia-entrate-rimborsi.com"], amounts=["412.30 EUR"])
scam("tax", "Agenzia delle Entrate",
     "Agenzia delle Entrate-Riscossione: avviso di pagamento per cartella esattoriale di 248,60 €. Evita il fermo amministrativo, paga ora: pagopa-riscossione.net",
     urls=["pagopa-riscossione.net"], amounts=["248.60 EUR"])
scam("account_locked", "Poste Italiane",
     "Poste Italiane: la tua carta Postepay è stata sospesa per mancata verifica dei dati. Chiama il numero 02 9475 1234 o accedi a postepay-verifica.com",
     urls=["postepay-verifica.com"], phones=["+390294751234"])
scam("prize", "Poste Italiane",
     "Poste Italiane ti premia! 🎁 Sei stato estratto per un buono da 500 €. Ritira il premio qui: https://cutt.ly/poste-premio",
     urls=["https://cutt.ly/poste-premio"], amounts=["500.00 EUR"])
scam("other", None,
     "Ciao papà, ho cambiato numero, questo è il mio nuovo. Mi scrivi su WhatsApp al 351 234 5678? Ho un pagamento urgente da fare",
     phones=["+393512345678"])

ok("delivery_notice", "Poste Italiane",
   f"Poste Italiane: la spedizione {T('CP', '84027159', 'IT')} è in consegna oggi. Segui la spedizione su poste.it o sull'app Ufficio Postale.",
   urls=["poste.it"])
ok("delivery_notice", "BRT",
   "BRT: Gentile cliente, la spedizione del mittente ZALANDO sarà consegnata domani. Per modificare la consegna visita www.brt.it",
   urls=["www.brt.it"])
ok("pickup_code", "Poste Italiane",
   "Poste Italiane: il tuo pacco è disponibile nel Locker Punto Poste di Via Roma 12, Torino. Codice di ritiro: 829 461. Ritira entro il 30/11.")
ok("pickup_code", "Amazon",
   "Amazon: il tuo pacco è pronto per il ritiro presso il Punto di ritiro Tabaccheria Rossi. Codice di ritiro: 553719.")
ok("otp", "Poste Italiane",
   "Il tuo codice PosteID è 619027. Non comunicarlo a nessuno, neanche a un operatore di Poste Italiane.")
ok("customs_charge", "Poste Italiane",
   f"Poste Italiane: la spedizione {T('LY', '13579246', 'GB')} proveniente da paese extra UE è soggetta a dazi e IVA per 18,70 €. Puoi pagare online su poste.it oppure al portalettere alla consegna.",
   urls=["poste.it"], amounts=["18.70 EUR"])
ok("bank_alert", "Intesa Sanpaolo",
   "Intesa Sanpaolo: pagamento con carta di 64,00 EUR presso ESSELUNGA il 22/11 ore 18:32. Se non riconosci l'operazione chiama il 800 303 303.",
   phones=["+39800303303"], amounts=["64.00 EUR"])
ok("appointment", None,
   "Promemoria: visita dermatologica presso ASL Roma 1 il 27/11/2026 ore 09:15. Per disdire chiama lo 06 1234 5678.",
   phones=["+390612345678"])
ok("personal", None,
   "Amo il corriere ha lasciato il pacco dal vicino del piano di sopra, passi tu a prenderlo stasera?")
ok("marketing", "Esselunga",
   "Esselunga: questa settimana punti Fidaty doppi sulla spesa oltre 50 €! Scopri le offerte su esselunga.it",
   urls=["esselunga.it"], amounts=["50.00 EUR"])
ok("government", "INPS",
   "INPS: è disponibile nella tua area riservata la Certificazione Unica 2026. Accedi con SPID o CIE su www.inps.it",
   urls=["www.inps.it"])
ok("government", "Agenzia delle Entrate",
   "Agenzia delle Entrate: il rimborso IRPEF 2025 di 356,00 € è stato disposto sul conto corrente indicato in dichiarazione. I dettagli sono nel Cassetto fiscale su www.agenziaentrate.gov.it",
   urls=["www.agenziaentrate.gov.it"], amounts=["356.00 EUR"])
ok("delivery_notice", "SDA",
   "SDA: la spedizione n. 6012345678901 non è stata consegnata per destinatario assente. Puoi ritirarla presso l'ufficio postale indicato nell'avviso dal giorno successivo.",
   tn=["6012345678901"])

# ---------------------------------------------------------------- Portuguese (Portugal)
lang("pt", "PT")
scam("customs_fee", "CTT",
     f"CTT: A sua encomenda {T('UH', '58203147', 'CN')} está retida na alfândega. Pague a taxa de 1,99€ em https://ctt-alfandega.pt-pagamento.com",
     urls=["https://ctt-alfandega.pt-pagamento.com"], amounts=["1.99 EUR"])
scam("redelivery_fee", "CTT",
     "CTT Expresso: nao foi possivel entregar a sua encomenda. Para reagendar, pague 0,85 EUR: hxxps://ctt-entregas[.]info",
     urls=["https://ctt-entregas.info"], amounts=["0.85 EUR"])
scam("address_update", "CTT",
     "CTT: A morada da sua encomenda esta incompleta. Atualize os seus dados aqui: bit.ly/ctt-morada",
     urls=["bit.ly/ctt-morada"])
scam("package_held", "DPD",
     "DPD Portugal: a sua encomenda aguarda confirmação. Se não confirmar em 24 horas será devolvida ao remetente: dpd-pt.online/confirmar",
     urls=["dpd-pt.online/confirmar"])
scam("refund", "Autoridade Tributária",
     "Portal das Finanças: Tem um reembolso de IRS de 372,15 € pendente. Confirme o seu IBAN em: financas-reembolso.com",
     urls=["financas-reembolso.com"], amounts=["372.15 EUR"])
scam("tax", "Autoridade Tributária",
     "AT - Autoridade Tributaria: Tem uma divida de IUC no valor de 52,30 EUR. Regularize hoje para evitar coima: portaldasfinancas-pagamentos.com",
     urls=["portaldasfinancas-pagamentos.com"], amounts=["52.30 EUR"])
scam("account_locked", "Banco CTT",
     "Banco CTT: o seu acesso ao homebanking foi bloqueado por motivos de segurança. Reative em bancoctt-seguro dot com ou ligue 912 345 678",
     urls=["bancoctt-seguro.com"], phones=["+351912345678"])

ok("delivery_notice", "CTT",
   f"CTT: A sua encomenda {T('RD', '60429185', 'PT')} vai ser entregue hoje. Acompanhe em www.ctt.pt",
   urls=["www.ctt.pt"])
ok("pickup_code", "CTT",
   "CTT: A sua encomenda está disponível no Cacifo CTT Colombo. Código de levantamento: 4821 7730. Válido até 28/11.")
ok("otp", "MB WAY",
   "MB WAY: O seu código de confirmação é 836104. Não partilhe este código com ninguém.")
ok("customs_charge", "CTT",
   f"CTT: A encomenda {T('LV', '91736402', 'US')} tem despesas de desalfandegamento de 6,27 €. Pague em www.ctt.pt ou numa loja CTT antes da entrega.",
   urls=["www.ctt.pt"], amounts=["6.27 EUR"])
ok("appointment", "SNS",
   "SNS: Lembrete de consulta no Centro de Saúde de Arroios a 26/11 às 11:00. Para desmarcar ligue 218 123 456.",
   phones=["+351218123456"])
ok("personal", None,
   "Olá! Já recebeste o pacote que te mandei pelos CTT? O site diz que foi entregue ontem 🙂")
ok("government", "Autoridade Tributária",
   "Portal das Finanças: Foi emitida a nota de cobrança do IMI de 2026. Consulte-a na sua área reservada em www.portaldasfinancas.gov.pt",
   urls=["www.portaldasfinancas.gov.pt"])

# ---------------------------------------------------------------- Portuguese (Brazil)
lang("pt", "BR")
scam("customs_fee", "Correios",
     f"Correios: Sua encomenda {T('LB', '73820164', 'CN')} foi taxada. Pague a taxa de importação de R$ 39,90 para liberar a entrega: https://correios-rastreio.encomenda-taxa.com",
     urls=["https://correios-rastreio.encomenda-taxa.com"], amounts=["39.90 BRL"])
scam("redelivery_fee", "Correios",
     "Correios: Tentativa de entrega sem sucesso. Reagende pagando R$ 7,49 em correios-reagendamento[.]com",
     urls=["correios-reagendamento.com"], amounts=["7.49 BRL"])
scam("package_held", "Correios",
     "CORREIOS INFORMA: seu objeto esta retido no centro de distribuicao por falta de pagamento. Regularize em ate 48h ou sera devolvido. bit.ly/correios-retido",
     urls=["bit.ly/correios-retido"])
scam("tax", "Receita Federal",
     "Receita Federal: seu CPF possui pendência na declaração do imposto de renda. Multa de R$ 187,43. Regularize para evitar bloqueio: receita-regularizacao.com",
     urls=["receita-regularizacao.com"], amounts=["187.43 BRL"])
scam("prize", "Correios",
     "Parabéns! Seu CPF foi sorteado na promoção Correios 2026 🎉 Resgate seu prêmio de R$ 5.000,00: tinyurl.com/premio-correios",
     urls=["tinyurl.com/premio-correios"], amounts=["5000.00 BRL"])
scam("account_locked", "Caixa",
     "CAIXA: Seu acesso ao aplicativo foi bloqueado. Para desbloquear ligue (11) 4003-1234 ou acesse caixa-desbloqueio.com",
     urls=["caixa-desbloqueio.com"], phones=["+551140031234"])

ok("delivery_notice", "Correios",
   f"Correios: Seu objeto {T('QB', '42951873', 'BR')} saiu para entrega ao destinatário. Acompanhe em rastreamento.correios.com.br",
   urls=["rastreamento.correios.com.br"])
ok("pickup_code", "Mercado Livre",
   "Mercado Livre: Seu pacote está disponível no ponto de retirada Drogaria São Paulo - Av. Paulista 1000. Código de retirada: 7F3K9. Retire até 28/11.")
ok("customs_charge", "Correios",
   f"Correios: O objeto {T('NX', '26384915', 'BR')} aguarda pagamento de tributos no valor de R$ 48,72. Efetue o pagamento pelo app Correios ou em www.correios.com.br",
   urls=["www.correios.com.br"], amounts=["48.72 BRL"])
ok("otp", "INSS",
   "Meu INSS: seu código de acesso é 482 019. Não compartilhe com ninguém.")
ok("bank_alert", "Nubank",
   "Nubank: Compra aprovada de R$ 89,90 em IFOOD *RESTAURANTE no cartão final 5521.",
   amounts=["89.90 BRL"])
ok("personal", None,
   "oi amor, chegou aquele pacote da Shopee? o rastreio diz q tá com o carteiro kkk")

# ---------------------------------------------------------------- German
lang("de", "DE")
scam("customs_fee", "DHL",
     f"DHL: Ihr Paket {T('CD', '17395046', 'US')} wurde vom Zoll zurückgehalten. Bitte zahlen Sie die Zollgebühr von 2,99 € unter https://dhl-zollgebuehr.de-paket.com",
     urls=["https://dhl-zollgebuehr.de-paket.com"], amounts=["2.99 EUR"])
scam("customs_fee", "Zoll",
     f"Betreff: Zollanmeldung - Einfuhrabgaben offen\n\nSehr geehrte Damen und Herren,\n\nfür Ihre Sendung {T('LE', '86240517', 'CN')} sind Einfuhrabgaben (Einfuhrumsatzsteuer) in Höhe von 4,37 EUR offen. Ohne Zahlung binnen 3 Tagen wird die Sendung an den Absender zurückgeschickt.\n\nZahlung: zoll-portal-de.info/zahlung\n\nMit freundlichen Grüßen\nGeneralzolldirektion",
     urls=["zoll-portal-de.info/zahlung"], amounts=["4.37 EUR"])
scam("redelivery_fee", "Hermes",
     "Hermes: Ihr Paket konnte nicht zugestellt werden. Neue Zustellung gegen eine Gebühr von 1,95 EUR buchen: hxxps://hermes-zustellung[.]net",
     urls=["https://hermes-zustellung.net"], amounts=["1.95 EUR"])
scam("redelivery_fee", "DPD",
     "DPD: Zustellversuch fehlgeschlagen. Fur eine erneute Zustellung fallen 0,79 € an. Jetzt bezahlen: dpd-zustellung dot com",
     urls=["dpd-zustellung.com"], amounts=["0.79 EUR"])
scam("address_update", "DHL",
     "DHL: Die Adresse Ihrer Sendung ist unvollständig. Bitte aktualisieren Sie Ihre Angaben innerhalb von 24 Stunden: bit.ly/dhl-adresse",
     urls=["bit.ly/dhl-adresse"])
_country = "CH"
scam("failed_delivery", "Swiss Post",
     "Post CH: Wir konnten Ihr Paket heute nicht zustellen. Vereinbaren Sie einen neuen Termin: post-ch-zustellung.com/termin",
     urls=["post-ch-zustellung.com/termin"])
_country = "AT"
scam("package_held", "Österreichische Post",
     "Österreichische Post: Ihre Sendung liegt in unserem Verteilzentrum. Zahlen Sie ausstehende Versandkosten von 1,49 € innerhalb von 48 Stunden: post-at-sendung.com",
     urls=["post-at-sendung.com"], amounts=["1.49 EUR"])
_country = "DE"
scam("package_held", "Deutsche Post",
     "IHR PAKET WARTET AUF IHRE BESTÄTIGUNG!!! 📦 Ohne Bestätigung wird es zurückgeschickt: tinyurl.com/paket-de24 - Deutsche Post",
     urls=["tinyurl.com/paket-de24"])
scam("refund", "BZSt",
     "Bundeszentralamt für Steuern: Sie haben Anspruch auf eine Steuerrückerstattung von 631,20 €. Antrag jetzt stellen: bzst-erstattung.de",
     urls=["bzst-erstattung.de"], amounts=["631.20 EUR"])
scam("account_locked", "Postbank",
     "Postbank: Ihr Online-Banking wurde aus Sicherheitsgründen gesperrt. Bitte bestätigen Sie Ihre Identität: postbank-sicherheit[.]info/login",
     urls=["postbank-sicherheit.info/login"])
scam("prize", "DHL",
     "Glückwunsch! Sie wurden als DHL-Kunde des Monats ausgewählt. Nehmen Sie an unserer Umfrage teil und gewinnen Sie ein Samsung Galaxy: https://cutt.ly/dhl-umfrage",
     urls=["https://cutt.ly/dhl-umfrage"])
scam("other", None,
     "Hallo Mama, das ist meine neue Nummer, die alte kannst du löschen. Schreib mir bitte auf WhatsApp: 0176 12345678",
     phones=["+4917612345678"])
scam("tax", "Finanzamt",
     "Finanzamt: Sie haben eine offene Steuerschuld von 148,50 €. Zahlen Sie umgehend, um Säumniszuschläge zu vermeiden. Rückruf unter 030 12345678.",
     phones=["+493012345678"], amounts=["148.50 EUR"])

ok("delivery_notice", "DHL",
   "DHL: Ihre Sendung 00340434161234567890 wird heute zwischen 12:30 und 14:30 Uhr zugestellt. Mehr Infos: www.dhl.de/sendungsverfolgung",
   urls=["www.dhl.de/sendungsverfolgung"], tn=["00340434161234567890"])
ok("delivery_notice", "Hermes",
   "Hermes: Dein Paket von OTTO kommt heute zwischen 14 und 18 Uhr. Verfolge es unter myhermes.de",
   urls=["myhermes.de"])
ok("pickup_code", "DHL",
   "DHL: Ihre Sendung liegt in der Packstation 123 (Musterstraße 5, 10115 Berlin) für Sie bereit. Abholcode: 4827. Bitte bis 30.11. abholen.")
ok("pickup_code", "DPD",
   "DPD: Ihr Paket 01234567891234 liegt im DPD Pickup Paketshop Kiosk am Markt bereit. Abholcode: 839 204.",
   tn=["01234567891234"])
ok("otp", "Postbank",
   "Postbank: Ihre mTAN für die Überweisung von 250,00 EUR an M. Schulz lautet 604219. Geben Sie diese niemals weiter.",
   amounts=["250.00 EUR"])
ok("customs_charge", "Deutsche Post",
   f"Deutsche Post: Für Ihre Sendung {T('RG', '52917308', 'GB')} aus Großbritannien fallen Einfuhrabgaben von 7,83 € zzgl. Auslagepauschale 6,00 € an. Bezahlen Sie online unter www.deutschepost.de oder bar bei der Zustellung.",
   urls=["www.deutschepost.de"], amounts=["7.83 EUR", "6.00 EUR"])
ok("bank_alert", "Sparkasse",
   "Sparkasse: Kartenzahlung über 37,80 EUR bei REWE am 22.11. freigegeben. Nicht Sie? Sperr-Notruf +49 30 4050 4050.",
   phones=["+493040504050"], amounts=["37.80 EUR"])
ok("appointment", None,
   "Terminerinnerung: Praxis Dr. Weber, Mi 25.11. um 08:45 Uhr. Absage bitte unter 089 2345678.",
   phones=["+49892345678"])
ok("personal", None,
   "Hey, hab dein Paket angenommen, steht bei mir im Flur. Kannst es heut Abend holen 👍")
ok("marketing", "MediaMarkt",
   "MediaMarkt: Nur heute 20 % auf Kopfhörer! Gratis-Versand ab 59 €. Jetzt entdecken auf mediamarkt.de. Abmelden: STOP an 82323",
   urls=["mediamarkt.de"], amounts=["59.00 EUR"])
ok("government", "Finanzamt",
   "Ihr Finanzamt: Ihr Steuerbescheid 2025 steht in Ihrem ELSTER-Postfach zum Abruf bereit. Melden Sie sich unter www.elster.de an.",
   urls=["www.elster.de"])
_country = "CH"
ok("delivery_notice", "Swiss Post",
   f"Die Post: Ihr Paket {T('RR', '39406158', 'CH')} wird morgen zwischen 10 und 13 Uhr zugestellt. Sie können die Zustellung unter post.ch umleiten.",
   urls=["post.ch"])

# ---------------------------------------------------------------- Albanian
lang("sq", "AL")
scam("customs_fee", "Posta Shqiptare",
     f"Posta Shqiptare: Pakoja juaj {T('UR', '64170293', 'CN')} është bllokuar në doganë. Paguani tarifën doganore prej 150 lekë në: https://postashqiptare-dogana.com/pagesa",
     urls=["https://postashqiptare-dogana.com/pagesa"], amounts=["150.00 ALL"])
scam("customs_fee", "Dogana",
     f"Subjekti: Njoftim për detyrim doganor\n\nI nderuar klient,\n\nDërgesa juaj me numër {T('EA', '30728461', 'DE')} ka një detyrim doganor të papaguar prej 1.250 lekë. Nëse pagesa nuk kryhet brenda 3 ditëve, dërgesa do të kthehet.\n\nPaguani këtu: dogana-al.info/pagesa\n\nMe respekt,\nDrejtoria e Përgjithshme e Doganave",
     urls=["dogana-al.info/pagesa"], amounts=["1250.00 ALL"])
scam("redelivery_fee", "Posta Shqiptare",
     "Posta Shqiptare: Dergesa juaj nuk u dorezua. Per ta riplanifikuar paguani 0,99 EUR ketu: hxxps://posta-shqiptare[.]top/dergesa",
     urls=["https://posta-shqiptare.top/dergesa"], amounts=["0.99 EUR"])
_country = "XK"
scam("redelivery_fee", "Posta e Kosovës",
     "Posta e Kosovës: Pakoja juaj nuk mund të dorëzohet. Paguani 1.49€ për ridorëzim: postakosoves-ks.com",
     urls=["postakosoves-ks.com"], amounts=["1.49 EUR"])
_country = "AL"
scam("address_update", "Posta Shqiptare",
     "POSTA: Adresa juaj eshte e pasakte. Perditesoni te dhenat brenda 24 oreve: bit.ly/posta-adresa",
     urls=["bit.ly/posta-adresa"])
scam("failed_delivery", "DHL",
     "DHL: Dorëzimi i paketës suaj dështoi. Zgjidhni një datë të re dorëzimi: dhl-al-dorezim.com",
     urls=["dhl-al-dorezim.com"])
scam("package_held", "Posta Shqiptare",
     "Pakoja juaj po mbahet në magazinën tonë. Nëse nuk konfirmoni brenda 48 orëve do t'i kthehet dërguesit: tinyurl.com/posta-al 📦 Posta Shqiptare",
     urls=["tinyurl.com/posta-al"])
scam("refund", "Tatimet",
     "Tatimet: Keni një rimbursim tatimor prej 8.400 lekë. Plotësoni të dhënat bankare për ta marrë: tatime-rimbursim.com",
     urls=["tatime-rimbursim.com"], amounts=["8400.00 ALL"])
_country = "XK"
scam("tax", "ATK",
     "ATK: Keni detyrim tatimor te papaguar prej 86,40 €. Paguani sot per te shmangur gjoben: atk-pagesa dot com",
     urls=["atk-pagesa.com"], amounts=["86.40 EUR"])
_country = "AL"
scam("account_locked", "Raiffeisen Bank",
     "Raiffeisen Bank: Llogaria juaj është bllokuar përkohësisht. Verifikoni identitetin këtu: raiffeisen-al-verifikim.com",
     urls=["raiffeisen-al-verifikim.com"])
scam("prize", "Posta Shqiptare",
     "Urime! 🎉 Jeni fituesi i shortit të Posta Shqiptare. Fitoni 50.000 lekë, na kontaktoni në WhatsApp +355 69 123 4567",
     phones=["+355691234567"], amounts=["50000.00 ALL"])
scam("customs_fee", "DHL",
     "DHL Express: Dërgesa juaj ndodhet në Rinas. Telefononi në 067 345 6789 për të paguar 2.000 lekë tarifë zhdoganimi, përndryshe kthehet.",
     phones=["+355673456789"], amounts=["2000.00 ALL"])
scam("other", None,
     "Pershendetje, ky eshte numri im i ri. Me shkruaj ne WhatsApp 068 765 4321, kam nevoje urgjente per ndihme",
     phones=["+355687654321"])

ok("delivery_notice", "Posta Shqiptare",
   f"Posta Shqiptare: Dërgesa juaj {T('RA', '05283617', 'AL')} do të dorëzohet sot. Ndiqni dërgesën në www.postashqiptare.al",
   urls=["www.postashqiptare.al"])
_country = "XK"
ok("delivery_notice", "Posta e Kosovës",
   f"Posta e Kosovës: Dërgesa juaj {T('CH', '48190372', 'DE')} ka mbërritur në zyrën postare Prishtina 1. Mund ta tërhiqni me letërnjoftim nga e hëna deri të premten, 08:00-16:00.")
_country = "AL"
ok("pickup_code", "Posta Shqiptare",
   "Posta Shqiptare: Pakoja juaj është gati në pikën e tërheqjes Tirana 10. Kodi i tërheqjes: 5821.")
ok("delivery_notice", None,
   "Korrieri: Porosia juaj nga Temu do të mbërrijë nesër. Korrieri do t'ju telefonojë para dorëzimit. Pagesa në dorëzim: 2.300 lekë.",
   amounts=["2300.00 ALL"])
ok("otp", "e-Albania",
   "Kodi juaj i verifikimit për e-Albania është 294610. Mos e ndani me askënd.")
ok("customs_charge", "Posta Shqiptare",
   f"Posta Shqiptare: Dërgesa {T('LT', '71639250', 'US')} nga SHBA ka detyrim doganor prej 1.840 lekë. Pagesa kryhet në sportelin e postës gjatë tërheqjes.",
   amounts=["1840.00 ALL"])
ok("bank_alert", "BKT",
   "BKT: Transaksion me kartë 4.500 ALL te CONAD TIRANE më 22/11. Për pyetje telefononi 04 228 0555.",
   phones=["+35542280555"], amounts=["4500.00 ALL"])
ok("appointment", None,
   "Kujtesë: Takimi juaj në Poliklinikën nr. 3 është më 26/11 ora 10:30. Për anulim telefononi 069 234 5678.",
   phones=["+355692345678"])
ok("personal", None,
   "Ma, më erdhi lajmërimi nga posta për pakon, shko merre nesër se unë jam në punë. Të dua ❤️")
ok("marketing", "Neptun",
   "Neptun: Black Friday! Deri në -30% për televizorët. Transport falas për blerje mbi 10.000 lekë. neptun.al",
   urls=["neptun.al"], amounts=["10000.00 ALL"])
ok("government", "e-Albania",
   "e-Albania: Dokumenti juaj 'Vërtetim page' është gati. Shkarkojeni në e-albania.al",
   urls=["e-albania.al"])
_country = "XK"
ok("bank_alert", "ProCredit Bank",
   "ProCredit Bank: Pagesa prej 35,00 € me kartën ***7712 u krye me sukses më 22.11. Info: 038 555 555",
   phones=["+38338555555"], amounts=["35.00 EUR"])


# ---------------------------------------------------------------- checks
def refang(text):
    t = text.replace("hxxps://", "https://").replace("hxxp://", "http://")
    t = t.replace("[.]", ".").replace(" dot ", ".")
    return t


def check(records):
    errors = []
    ids = set()
    for r in records:
        rid = r["id"]
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        if r["label"] == "scam":
            if r["lure"] not in LURES or r["category"] is not None:
                errors.append(f"{rid}: bad lure/category")
        elif r["label"] == "benign":
            if r["lure"] is not None or r["category"] not in CATEGORIES:
                errors.append(f"{rid}: bad lure/category")
        else:
            errors.append(f"{rid}: bad label")
        flat = refang(r["text"])
        digits = re.sub(r"\D", "", r["text"])
        for u in r["urls"]:
            if u not in flat:
                errors.append(f"{rid}: url {u!r} not in refanged text")
        for p in r["phones"]:
            if not PHONE_RE.match(p):
                errors.append(f"{rid}: phone {p!r} not E.164")
            # national significant number must appear among the text's digits
            nsn_tail = p[-6:]
            if nsn_tail not in digits:
                errors.append(f"{rid}: phone {p!r} not in text")
        for a in r["amounts"]:
            if not AMOUNT_RE.match(a):
                errors.append(f"{rid}: amount {a!r} badly formed")
            whole, frac = a.split()[0].split(".")
            if whole not in digits:
                errors.append(f"{rid}: amount {a!r} not in text")
        for t in r["tracking_numbers"]:
            if t not in r["text"]:
                errors.append(f"{rid}: tracking {t!r} not in text")
            m = S10_RE.fullmatch(t)
            if m and int(m.group(3)) != s10_check(m.group(2)):
                errors.append(f"{rid}: bad S10 check digit {t}")
        for m in S10_RE.finditer(r["text"]):
            if int(m.group(3)) != s10_check(m.group(2)):
                errors.append(f"{rid}: bad S10 check digit in text {m.group(0)}")
    return errors


if __name__ == "__main__":
    errs = check(RECORDS)
    if errs:
        print("\n".join(errs), file=sys.stderr)
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in RECORDS:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(RECORDS)} records to {OUT}")
