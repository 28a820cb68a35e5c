#!/usr/bin/env python3
"""Writes eval.jsonl: the independent postal evaluation set (see README.md).

The messages below were written by hand; this script only computes UPU S10 check digits for the
tracking numbers, validates the gold phone numbers, and writes one JSON object per line.
Run: python3 data/messages/independent/build_eval.py  (needs nothing beyond the standard library;
if the `phonenumbers` package is installed it also checks that every gold phone is valid).
"""
import json
import os
import re

W = [8, 6, 4, 2, 3, 5, 9, 7]


def s10(prefix, serial8, country):
    """UPU S10 item identifier with its check digit (S10 standard, weights 8 6 4 2 3 5 9 7)."""
    assert len(prefix) == 2 and len(serial8) == 8 and serial8.isdigit() and len(country) == 2
    c = 11 - sum(int(d) * w for d, w in zip(serial8, W)) % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    return f"{prefix}{serial8}{c}{country}"


def spaced(t):
    """'LX123456785FR' -> 'LX 1234 5678 5 FR' (how some senders print it)."""
    return f"{t[:2]} {t[2:6]} {t[6:10]} {t[10]} {t[11:]}"


MSGS = []


def M(lang, label, lure, brand, text, urls=(), phones=(), amounts=(), tracking=(), region=None):
    MSGS.append(dict(lang=lang, region=region, label=label, lure=lure, brand=brand, text=text,
                     urls=list(urls), phones=list(phones), amounts=list(amounts),
                     tracking_numbers=list(tracking)))


S, B = "scam", "benign"

# ---------------------------------------------------------------- English (GB, US, IE, AU)
t1 = s10("RB", "23984471", "CN")
t2 = s10("TT", "40918273", "GB")
M("en", S, "redelivery_fee", "Royal Mail",
  "Royal Mail: Your parcel has a £1.45 unpaid shipping fee. To avoid return to sender pay at royalmail-redelivery.co.uk/pay",
  ["royalmail-redelivery.co.uk/pay"], amounts=["1.45 GBP"])
M("en", S, "failed_delivery", "Evri",
  "EVRi: we missed you today. Reschedule your delivery at hxxps://evri-reschedule[.]com/uk before 23:59 or your parcel will be returned.",
  ["https://evri-reschedule.com/uk"])
M("en", S, "address_update", "USPS",
  "USPS: The package arrived at the warehouse but could not be delivered due to incomplete address information. Please confirm your address in the link within 12 hours. https://usps.com-trackaddr.top/us",
  ["https://usps.com-trackaddr.top/us"], region="US")
M("en", S, "refund", "HMRC",
  "HMRC: You are eligible for a tax refund of £264.82. Claim now: bit.ly/3hMrC-rf",
  ["bit.ly/3hMrC-rf"], amounts=["264.82 GBP"])
M("en", S, "customs_fee", "Parcelforce",
  f"Subject: Action required: customs charges for your parcel\n\nDear customer,\n\nYour parcel {t1} is being held by UK Border Force until an import VAT and customs charge of £2.99 is paid. Pay here: https://parcelforce-customs.info/charges\n\nKind regards,\nParcelforce Worldwide",
  ["https://parcelforce-customs.info/charges"], amounts=["2.99 GBP"], tracking=[t1])
M("en", S, "package_held", "DHL",
  "DHL: Your shipment is on hold at our depot. Confirm delivery preferences: dhl-parcel-uk dot com/hold",
  ["dhl-parcel-uk.com/hold"])
M("en", S, "prize", "Royal Mail",
  "Congratulations! You've been selected for our Royal Mail loyalty reward. Complete the 30 second survey to claim your free iPhone 15: https://tinyurl.com/rm-reward24",
  ["https://tinyurl.com/rm-reward24"])
M("en", S, "customs_fee", "FedEx",
  "FedEx: your package 7712 3456 7890 has been suspended due to an unpaid duty of $1.99. Pay now: fedex-duty-pay.com",
  ["fedex-duty-pay.com"], amounts=["1.99 USD"], tracking=["771234567890"], region="US")
M("en", S, "redelivery_fee", "USPS",
  "USPS Final Notice: Your parcel will be returned. Redelivery fee $0.30 required. Visit https://uspsredelivery-help.xyz",
  ["https://uspsredelivery-help.xyz"], amounts=["0.30 USD"], region="US")
M("en", S, "refund", "IRS",
  "IRS: A refund of $1,240.00 is pending on your account. Verify your identity at irs-gov-refund.com to receive payment.",
  ["irs-gov-refund.com"], amounts=["1240.00 USD"], region="US")
M("en", S, "package_held", "An Post",
  "An Post: Your package is awaiting delivery. Please confirm settlement of €1.50 via anpost-ie.help/track",
  ["anpost-ie.help/track"], amounts=["1.50 EUR"], region="IE")
M("en", S, "redelivery_fee", "Evri",
  "Evri: we tried to deliver your parcel but nobody was home. Call 07911 123456 to arrange a new slot and pay the £1.20 fee.",
  phones=["+447911123456"], amounts=["1.20 GBP"])
M("en", S, "refund", "UPS",
  "UPS: You are due a refund of £18.40 for an overcharged delivery. Submit your card details at ups-refunds-uk.net to receive it.",
  ["ups-refunds-uk.net"], amounts=["18.40 GBP"])
M("en", S, "account_locked", "USPS",
  "Your USPS Informed Delivery account has been suspended. Verify your information to restore access: https://informeddelivery-usps.support/login",
  ["https://informeddelivery-usps.support/login"], region="US")
M("en", S, "package_held", "Royal Mail",
  "ROYAL MAIL: PACKAGE HELD AT LOCAL DEPOT. A £2.10 SETTLEMENT FEE IS REQUIRED. royaImail-parcels.com",
  ["royaImail-parcels.com"], amounts=["2.10 GBP"])
M("en", S, "address_update", "Australia Post",
  "AusPost: Your parcel has arrived at the warehouse but cannot be delivered due to a missing street number. Update details: auspost.delivery-update.info/au",
  ["auspost.delivery-update.info/au"], region="AU")
# benign
M("en", B, None, "Royal Mail",
  f"Royal Mail: Your parcel from ASOS with tracking number {t2} will be delivered today between 10:15 and 11:15. Track at royalmail.com/track-your-item",
  ["royalmail.com/track-your-item"], tracking=[t2])
M("en", B, None, "Evri",
  "Evri: Good news! Your parcel H01HYA0012345678 from Next is out for delivery today. Manage your delivery at evri.com",
  ["evri.com"], tracking=["H01HYA0012345678"])
M("en", B, None, "Royal Mail",
  "Your verification code is 482913. Do not share it with anyone. Royal Mail will never call you asking for this code.")
M("en", B, None, "Barclays",
  "Barclays: A payment of £24.99 to NETFLIX.COM was made from your account ending 4321. If you don't recognise this, call 0345 734 5345.",
  phones=["+443457345345"], amounts=["24.99 GBP"])
M("en", B, None, None,
  "Reminder: your appointment at Riverside Dental is on Tue 26 Nov at 09:30. Reply C to confirm or call 020 7946 0321 to rearrange.",
  phones=["+442079460321"])
M("en", B, None, "Evri",
  "hey did your parcel arrive? mine from the same shop came yesterday, the evri guy left it behind the bin lol")
t3 = s10("CP", "51267340", "CN")
M("en", B, None, "Parcelforce",
  f"Subject: Your Parcelforce delivery - import charges\n\nHello,\n\nA customs charge of £12.40 (import VAT £10.40 + handling fee £2.00) is due on parcel {t3}. You can pay securely at parcelforce.com/pay-customs or when the parcel is delivered.\n\nParcelforce Worldwide",
  ["parcelforce.com/pay-customs"], amounts=["12.40 GBP", "10.40 GBP", "2.00 GBP"], tracking=[t3])
M("en", B, None, "USPS",
  "USPS: Your item 9400 1118 9922 3845 1023 47 was delivered in or at the mailbox at 2:14 pm in BROOKLYN, NY 11211. Reply STOP to cancel.",
  tracking=["9400111899223845102347"], region="US")
M("en", B, None, "Amazon",
  "Amazon: Your package will be delivered today. Track your package: https://www.amazon.co.uk/progress-tracker",
  ["https://www.amazon.co.uk/progress-tracker"])
M("en", B, None, "Post Office",
  "Post Office: your parcel is ready to collect from Kings Road branch. Bring ID and this code: 7Q4K2M. Collect by 30 Nov.")
M("en", B, None, "HMRC",
  "HMRC: Your Self Assessment tax return is due by 31 January. Sign in through GOV.UK: www.gov.uk/log-in-file-self-assessment-tax-return",
  ["www.gov.uk/log-in-file-self-assessment-tax-return"])
M("en", B, None, None,
  "Boots: 20% off No7 this weekend only! Shop now at boots.com. Text STOP to 60777 to opt out.",
  ["boots.com"])
M("en", B, None, "DHL",
  "DHL Express: Shipment 4829301756 is on its way. Expected delivery: Wed 25 Nov. Duties and taxes were paid by the sender.",
  tracking=["4829301756"])
M("en", B, None, None,
  "Monzo: You received £15.00 from Sam Taylor for 'parcel postage'")
MSGS[-1]["amounts"] = ["15.00 GBP"]
M("en", B, None, "FedEx",
  "FedEx: Delivery exception for 771298604418: recipient not available. We will try again tomorrow, no action needed. fedex.com/track",
  ["fedex.com/track"], tracking=["771298604418"], region="US")

# ---------------------------------------------------------------- French (FR, BE, CH)
f1 = s10("LA", "70215833", "FR")
f2 = s10("CB", "38820164", "FR")
f3 = s10("LP", "00917246", "CN")
f4 = s10("XR", "44120987", "FR")
M("fr", S, "redelivery_fee", "Colissimo",
  "Colissimo: votre colis n'a pas pu etre livre le 22/11. Pour reprogrammer la livraison, reglez les frais de 1,99 EUR : colissimo-relivraison.fr/reprog",
  ["colissimo-relivraison.fr/reprog"], amounts=["1.99 EUR"])
M("fr", S, "package_held", "La Poste",
  "La Poste: votre colis est bloqué au centre de tri. Merci de confirmer vos informations sous 24h : hxxps://laposte-colis[.]info/suivi",
  ["https://laposte-colis.info/suivi"])
M("fr", S, "address_update", "Chronopost",
  f"Chronopost: Nous n'avons pas pu livrer votre colis {f1} car l'adresse est incomplète. Mettez à jour votre adresse : chronopost-adresse.com",
  ["chronopost-adresse.com"], tracking=[f1])
M("fr", S, "customs_fee", "Douane",
  "DOUANE: Votre colis international est retenu. Des droits de douane de 2,49 € doivent être réglés avant le 25/11. Paiement: https://douane-frais.fr.pay-colis.top",
  ["https://douane-frais.fr.pay-colis.top"], amounts=["2.49 EUR"])
M("fr", S, "refund", "DGFiP",
  "impots.gouv: Vous avez droit à un remboursement d'impôt de 312,40 €. Complétez le formulaire : impots-gouv-remboursement.com",
  ["impots-gouv-remboursement.com"], amounts=["312.40 EUR"])
M("fr", S, "account_locked", "La Banque Postale",
  "La Banque Postale: Votre accès à la banque en ligne a été suspendu suite à une activité inhabituelle. Réactivez votre compte : labanquepostale-securite.com",
  ["labanquepostale-securite.com"])
M("fr", S, "prize", "La Poste",
  "Felicitations ! Vous avez ete selectionne pour gagner un Samsung Galaxy S24 offert par La Poste. Repondez a 3 questions : bit.ly/LaPoste-cadeau",
  ["bit.ly/LaPoste-cadeau"])
M("fr", S, "redelivery_fee", "Mondial Relay",
  "Mondial Relay: votre colis n'a pas pu être remis au point relais. Des frais de 2,90 € s'appliquent pour un nouvel envoi. https://mondialrelay-livraison.net",
  ["https://mondialrelay-livraison.net"], amounts=["2.90 EUR"])
M("fr", S, "customs_fee", "bpost",
  "bpost: Votre envoi est en attente. Des frais de dédouanement de 3,20 EUR sont dus. Payez ici : bpost-be.paiement-douane.com",
  ["bpost-be.paiement-douane.com"], amounts=["3.20 EUR"], region="BE")
M("fr", S, "package_held", "Swiss Post",
  "Poste Suisse: votre colis est retenu. Montant à payer CHF 2.50. Cliquez: post-ch-suivi.com/paiement",
  ["post-ch-suivi.com/paiement"], amounts=["2.50 CHF"], region="CH")
M("fr", S, "failed_delivery", "La Poste",
  "La Poste - Service Client\n\nNous avons tenté de livrer votre colis aujourd'hui mais personne n'était présent. Planifiez une nouvelle livraison : www.laposte-fr-livraison.com\n\nCordialement",
  ["www.laposte-fr-livraison.com"])
M("fr", S, "refund", "Colissimo",
  "Colissimo : Remboursement de 4,50 € suite à un double prélèvement des frais de port. Saisissez vos coordonnées bancaires : colissimo-rembourse.fr",
  ["colissimo-rembourse.fr"], amounts=["4.50 EUR"])
M("fr", S, "redelivery_fee", "La Poste",
  "LA POSTE INFO: VOTRE COLIS SERA RETOURNE A L'EXPEDITEUR. APPELEZ LE 09 70 12 34 56 POUR REGLER 1,50€",
  phones=["+33970123456"], amounts=["1.50 EUR"])
M("fr", S, "package_held", "La Poste",
  f"Objet : Avis de passage - Colis en instance\n\nBonjour,\n\nVotre colis n° {f2} est en instance dans notre entrepôt. Sans action de votre part sous 48h, il sera détruit. Pour le récupérer, réglez les frais de garde de 2,99 € : https://suivi.colis-instance.com/laposte\n\nLa Poste - Service Colis",
  ["https://suivi.colis-instance.com/laposte"], amounts=["2.99 EUR"], tracking=[f2])
M("fr", S, "customs_fee", None,
  "Votre colis est en attente de dédouanement 📦 Payez 1,79€ de taxe : https://is.gd/dOuAn3",
  ["https://is.gd/dOuAn3"], amounts=["1.79 EUR"])
# benign
M("fr", B, None, "Colissimo",
  "Colissimo : votre colis 6A18811112345 sera livré aujourd'hui entre 12h et 14h. Suivi : laposte.fr/outils/suivre-vos-envois",
  ["laposte.fr/outils/suivre-vos-envois"], tracking=["6A18811112345"])
M("fr", B, None, "La Poste",
  f"La Poste : votre colis {spaced(f4)} est disponible dans votre bureau de poste jusqu'au 02/12. Code de retrait : 482019. Pensez à votre pièce d'identité.",
  tracking=[f4])
M("fr", B, None, "La Banque Postale",
  "Votre code de vérification La Banque Postale est 739201. Ne le communiquez à personne.")
M("fr", B, None, "Chronopost",
  "Chronopost : Bonne nouvelle ! Votre colis arrive demain avant 13h. Pour modifier la livraison rendez-vous sur chronopost.fr",
  ["chronopost.fr"])
M("fr", B, None, None,
  "Rappel : RDV chez le Dr Martin le 27/11 à 10h30. En cas d'empêchement, appelez le 01 42 68 53 00.",
  phones=["+33142685300"])
M("fr", B, None, None,
  "Coucou, t'as reçu le colis que je t'ai envoyé ? Le suivi dit livré mais ma voisine l'a peut-être pris 😅")
M("fr", B, None, "La Poste",
  f"Objet : Droits et taxes à payer\n\nBonjour,\n\nVotre colis {f3} en provenance de Chine est soumis à des droits de douane de 6,80 € et des frais de dossier de 2,00 €. Vous pouvez les régler sur laposte.fr/dedouanement ou à la livraison.\n\nLa Poste",
  ["laposte.fr/dedouanement"], amounts=["6.80 EUR", "2.00 EUR"], tracking=[f3])
M("fr", B, None, "Crédit Agricole",
  "Crédit Agricole : paiement CB de 45,90 EUR chez FNAC le 22/11. Si vous n'êtes pas à l'origine de cette opération, contactez le 09 69 39 92 91.",
  phones=["+33969399291"], amounts=["45.90 EUR"])
M("fr", B, None, "Mondial Relay",
  "Mondial Relay : votre colis est disponible au Point Relais TABAC DU CENTRE. Code de retrait : 7MX4Q2. A retirer avant le 30/11.")
M("fr", B, None, None,
  "Black Friday chez Fnac ! -30% sur une sélection de livres jusqu'à dimanche. fnac.com Stop SMS au 36180",
  ["fnac.com"])
M("fr", B, None, "bpost",
  "bpost : votre colis est prêt dans votre point d'enlèvement. Présentez le code 5521 8834. Plus d'info sur bpost.be",
  ["bpost.be"], region="BE")
M("fr", B, None, "DGFiP",
  "impots.gouv.fr : votre avis d'impôt sur le revenu 2026 est disponible dans votre espace particulier. Ce message est envoyé à titre d'information, il ne demande aucun paiement.",
  ["impots.gouv.fr"])
M("fr", B, None, None,
  "Salut ! Je passe récupérer le colis chez toi vers 19h, ça te va ?")
M("fr", B, None, None,
  "SNCF Connect : votre billet Paris-Lyon du 28/11 à 08h04, voiture 12 place 45. Bon voyage !")
M("fr", B, None, "Swiss Post",
  "La Poste Suisse: votre colis 99.60.123456.12345678 sera livré aujourd'hui. Suivi: post.ch",
  ["post.ch"], tracking=["996012345612345678"], region="CH")

# ---------------------------------------------------------------- Spanish (ES)
e1 = s10("PQ", "47201938", "ES")
e2 = s10("CD", "66129034", "ES")
e3 = s10("PK", "30877125", "ES")
e4 = s10("LB", "92036617", "CN")
M("es", S, "customs_fee", "Correos",
  "Correos: Su paquete esta retenido en aduanas. Pague 1,99 EUR de tasas en https://correos-aduana.top/es",
  ["https://correos-aduana.top/es"], amounts=["1.99 EUR"])
M("es", S, "redelivery_fee", "Correos",
  f"Correos: No hemos podido entregar su envío {e1}. Programe una nueva entrega abonando 1,79€: correos-entregas.com",
  ["correos-entregas.com"], amounts=["1.79 EUR"], tracking=[e1])
M("es", S, "refund", "Agencia Tributaria",
  "Agencia Tributaria: tiene pendiente un reembolso de 356,20 €. Acceda al formulario: agenciatributaria-devolucion.com",
  ["agenciatributaria-devolucion.com"], amounts=["356.20 EUR"])
M("es", S, "address_update", "SEUR",
  "SEUR: Su paquete no ha podido ser entregado por datos de dirección incompletos. Actualice su dirección aquí: hxxp://seur-direccion[.]es/act",
  ["http://seur-direccion.es/act"])
M("es", S, "package_held", "Correos Express",
  "CORREOS EXPRESS: su pedido está en espera en nuestro almacén. Confirme la entrega en 24h: bit.ly/3CorrEx",
  ["bit.ly/3CorrEx"])
M("es", S, "prize", "Correos",
  "Correos: Ha ganado un premio en nuestro sorteo de aniversario. Reclame su regalo antes de que expire: correos-premios.site",
  ["correos-premios.site"])
M("es", S, "redelivery_fee", "Correos",
  "Correos le informa: su paquete será devuelto al remitente. Llame al 912 345 678 para abonar 2,50 euros.",
  phones=["+34912345678"], amounts=["2.50 EUR"])
M("es", S, "refund", "MRW",
  "MRW: Le reembolsamos 12,40 € por un cobro duplicado en su envío. Introduzca los datos de su tarjeta en mrw-reembolso.com",
  ["mrw-reembolso.com"], amounts=["12.40 EUR"])
M("es", S, "account_locked", "Correos",
  "Correos: Estimado cliente, su cuenta ha sido bloqueada por motivos de seguridad. Verifique su identidad en correos-cuenta.info",
  ["correos-cuenta.info"])
M("es", S, "failed_delivery", "Correos",
  f"Asunto: Notificación de entrega fallida\n\nEstimado/a cliente,\n\nHemos intentado entregar su paquete n.º {e2} sin éxito. Para reprogramar la entrega, visite https://www.correos-seguimiento.net/reprogramar\n\nAtentamente,\nCorreos",
  ["https://www.correos-seguimiento.net/reprogramar"], tracking=[e2])
M("es", S, "customs_fee", "DHL",
  "DHL: su envío está retenido por aduanas. Debe abonar 3,00 EUR en concepto de IVA de importación: dhl-es-aduanas.com/pago",
  ["dhl-es-aduanas.com/pago"], amounts=["3.00 EUR"])
M("es", S, "address_update", None,
  "Su paquete esta en camino pero la direccion es incorrecta 📦 actualizala aqui: https://cutt.ly/dirEs",
  ["https://cutt.ly/dirEs"])
M("es", S, "package_held", "GLS",
  "GLS: Tu paquete está en espera. Paga 1,50 € para liberarlo: gls-spain-envios.com",
  ["gls-spain-envios.com"], amounts=["1.50 EUR"])
M("es", S, "failed_delivery", "Correos",
  "Correos: Su envio no pudo ser entregado. Contacte con nosotros por WhatsApp +34 611 22 33 44 para reprogramar la entrega",
  phones=["+34611223344"])
M("es", S, "tax", "Agencia Tributaria",
  "Hacienda: Ultimo aviso. Tiene una deuda pendiente de 89,50€. Evite recargos pagando en hacienda-pagos.es",
  ["hacienda-pagos.es"], amounts=["89.50 EUR"])
# benign
M("es", B, None, "Correos",
  f"Correos: Tu envío {e3} llegará hoy. Consulta el seguimiento en correos.es",
  ["correos.es"], tracking=[e3])
M("es", B, None, "Correos",
  "Correos: Tu paquete te espera en la oficina de C/ Mayor 12. Código de recogida: 634219. Tienes 15 días naturales para recogerlo.")
M("es", B, None, "BBVA",
  "Tu código de verificación de BBVA es 583920. No lo compartas con nadie.")
M("es", B, None, "Correos",
  f"Asunto: Gestión aduanera de su envío\n\nSu envío {e4} está sujeto a IVA de importación de 4,21 € y gastos de gestión aduanera de 2,75 €. Puede pagar en la web oficial correos.es/es/es/particulares/recibir/gestion-aduanera o en su oficina.\n\nCorreos",
  ["correos.es/es/es/particulares/recibir/gestion-aduanera"], amounts=["4.21 EUR", "2.75 EUR"], tracking=[e4])
M("es", B, None, "CaixaBank",
  "CaixaBank: Compra con tarjeta por 32,15 EUR en MERCADONA. Si no la reconoces llama al 900 40 40 90.",
  phones=["+34900404090"], amounts=["32.15 EUR"])
M("es", B, None, None,
  "Recordatorio: tienes cita en el Centro de Salud el 26/11 a las 11:20. Para anular llama al 915 123 456.",
  phones=["+34915123456"])
M("es", B, None, "Amazon",
  "Oye, ya me ha llegado el paquete de Amazon, gracias por recogerlo ayer!!")
M("es", B, None, "SEUR",
  "SEUR: Tu envío se entregará mañana entre 9:00 y 14:00. Puedes cambiar la entrega en seur.com",
  ["seur.com"])
M("es", B, None, None,
  "Zara: Nueva colección de invierno ya disponible. Envío gratis a partir de 30 €. zara.com. Baja: responde BAJA",
  ["zara.com"], amounts=["30.00 EUR"])
M("es", B, None, "Correos",
  "Mamá, te he mandado el regalo por correos, llega el jueves 🎁")
M("es", B, None, "Agencia Tributaria",
  "Agencia Tributaria: le informamos de que su declaración de la renta ha sido presentada correctamente. No responda a este mensaje.")
M("es", B, None, "Correos Express",
  "Correos Express: Su pedido de PcComponentes está en reparto. Repartidor: Luis, tel. 611 234 567.",
  phones=["+34611234567"])
M("es", B, None, "GLS",
  "GLS: tu paquete ha sido entregado en el Parcelshop Kiosko Luna. Recógelo con el código 4F7K9P antes del 01/12.")
M("es", B, None, None,
  "Renfe: tu billete Madrid-Sevilla sale el 29/11 a las 07:30. Coche 5, plaza 8A.")
M("es", B, None, "Amazon",
  "Amazon.es: tu reembolso de 19,99 € se ha procesado y lo verás en tu cuenta en 3-5 días.",
  amounts=["19.99 EUR"])

# ---------------------------------------------------------------- Italian (IT)
i1 = s10("RR", "55102846", "IT")
i2 = s10("CX", "08713355", "IT")
i3 = s10("EE", "27650183", "IT")
i4 = s10("LY", "61928403", "CN")
M("it", S, "package_held", "Poste Italiane",
  "Poste Italiane: il suo pacco è in giacenza. Per lo svincolo paghi 1,99€ su https://poste-giacenza.com/it",
  ["https://poste-giacenza.com/it"], amounts=["1.99 EUR"])
M("it", S, "redelivery_fee", "Poste Italiane",
  f"PosteInfo: la consegna del pacco {i1} non è riuscita. Riprogramma la consegna pagando 2,20 EUR: posteitaliane-consegna.info",
  ["posteitaliane-consegna.info"], amounts=["2.20 EUR"], tracking=[i1])
M("it", S, "account_locked", "BancoPosta",
  "BancoPosta: Gentile cliente, il suo conto è stato sospeso per motivi di sicurezza. Acceda per riattivarlo: bancoposta-verifica.com",
  ["bancoposta-verifica.com"])
M("it", S, "refund", "Agenzia delle Entrate",
  "Agenzia delle Entrate: ha diritto a un rimborso fiscale di 247,30 €. Compili il modulo: agenzia-entrate-rimborsi.com",
  ["agenzia-entrate-rimborsi.com"], amounts=["247.30 EUR"])
M("it", S, "address_update", "Poste Italiane",
  "Poste: indirizzo incompleto, il pacco non può essere consegnato. Aggiorna i tuoi dati entro 24 ore: hxxps://poste-it[.]info/indirizzo",
  ["https://poste-it.info/indirizzo"])
M("it", S, "customs_fee", "DHL",
  "DHL: il suo pacco è fermo in dogana. Dazi doganali da pagare: 3,49 €. Pagamento: dhl-it-dogana.com",
  ["dhl-it-dogana.com"], amounts=["3.49 EUR"])
M("it", S, "failed_delivery", "BRT",
  "BRT: Non siamo riusciti a consegnare il tuo pacco. Contattaci al 02 8734 5512 per fissare una nuova consegna",
  phones=["+390287345512"])
M("it", S, "prize", "Poste Italiane",
  "Congratulazioni! Sei stato scelto per ricevere un premio da Poste Italiane. Partecipa al sondaggio: bit.ly/PosteRegalo",
  ["bit.ly/PosteRegalo"])
M("it", S, "refund", "Poste Italiane",
  "POSTE ITALIANE: RIMBORSO DI 9,90 EUR PER SPEDIZIONE NON EFFETTUATA. INSERISCI I DATI DELLA CARTA: posteitaliane-rimborso.com",
  ["posteitaliane-rimborso.com"], amounts=["9.90 EUR"])
M("it", S, "package_held", "Poste Italiane",
  f"Oggetto: Avviso di giacenza\n\nGentile Cliente,\n\nil pacco n. {i2} è in giacenza presso il nostro centro di smistamento per mancato pagamento delle spese di spedizione (1,49 €). Se non verrà pagato entro 48 ore sarà restituito al mittente.\nPaga ora: https://www.poste-spedizioni.net/paga\n\nCordiali saluti,\nPoste Italiane",
  ["https://www.poste-spedizioni.net/paga"], amounts=["1.49 EUR"], tracking=[i2])
M("it", S, "failed_delivery", "GLS",
  "GLS Italy: il tuo pacco non è stato consegnato perché nessuno era presente. Riprogramma: gls-italia-consegna.com",
  ["gls-italia-consegna.com"])
M("it", S, "account_locked", "Postepay",
  "Poste Italiane: la tua carta Postepay è stata bloccata. Per sbloccarla chiama subito il 351 234 5678",
  phones=["+393512345678"])
M("it", S, "customs_fee", None,
  "Il tuo pacco è in attesa di sdoganamento 📦 paga 2€ qui: https://t.ly/sdogIT",
  ["https://t.ly/sdogIT"], amounts=["2.00 EUR"])
M("it", S, "address_update", "SDA",
  "SDA: spedizione bloccata per indirizzo errato. Aggiorna l'indirizzo su sda-express-it.com",
  ["sda-express-it.com"])
M("it", S, "tax", "Agenzia delle Entrate",
  "Agenzia Entrate: avviso di pagamento. Imposta non versata 124,00 euro. Regolarizza subito: agenziaentrate-pagamenti.com",
  ["agenziaentrate-pagamenti.com"], amounts=["124.00 EUR"])
# benign
M("it", B, None, "Poste Italiane",
  f"Poste Italiane: la spedizione {i3} è in consegna oggi. Segui la spedizione su poste.it",
  ["poste.it"], tracking=[i3])
M("it", B, None, "Poste Italiane",
  "Poste Italiane: il tuo pacco è disponibile presso l'Ufficio Postale di Via Roma. Codice di ritiro 458812, ritira entro il 05/12.")
M("it", B, None, "BancoPosta",
  "Il codice di verifica per accedere a BancoPosta è 627103. Non condividerlo con nessuno.")
M("it", B, None, "Intesa Sanpaolo",
  "Intesa Sanpaolo: pagamento di 54,20 EUR presso ESSELUNGA con carta *1234. Se non riconosci l'operazione chiama 800 303 303.",
  phones=["+39800303303"], amounts=["54.20 EUR"])
M("it", B, None, None,
  "Promemoria: visita odontoiatrica il 28/11 alle 15:00 presso Studio Rossi. Per disdire chiama 06 1234 5678.",
  phones=["+390612345678"])
M("it", B, None, None,
  "Ciao! Il corriere ha lasciato il tuo pacco dalla portinaia, passa a prenderlo quando vuoi")
M("it", B, None, "Poste Italiane",
  f"Oggetto: Spedizione internazionale - oneri doganali\n\nGentile cliente,\nla spedizione {i4} è soggetta a dazi e IVA per 7,35 €. Puoi pagare online su poste.it/pagamento-dazi oppure alla consegna.\n\nPoste Italiane",
  ["poste.it/pagamento-dazi"], amounts=["7.35 EUR"], tracking=[i4])
M("it", B, None, "BRT",
  "BRT: il tuo pacco sarà consegnato domani. Puoi modificare la consegna su brt.it",
  ["brt.it"])
M("it", B, None, None,
  "Esselunga: questa settimana sconto 30% su pasta e sughi. Scopri le offerte su esselunga.it",
  ["esselunga.it"])
M("it", B, None, None,
  "Amore ho ritirato io il pacco di tua madre, è in macchina")
M("it", B, None, "Agenzia delle Entrate",
  "Agenzia delle Entrate: la dichiarazione precompilata 2026 è disponibile nell'area riservata. Non rispondere a questo SMS.")
M("it", B, None, None,
  "Trenitalia: il treno FR 9521 delle 10:00 viaggia con 15 minuti di ritardo.")
M("it", B, None, "GLS",
  "GLS: il tuo pacco arriverà oggi tra le 10 e le 13. Il corriere ti chiamerà prima della consegna.")
M("it", B, None, "Amazon",
  "Amazon.it: il rimborso di 24,99 € è stato emesso sul tuo metodo di pagamento.",
  amounts=["24.99 EUR"])
M("it", B, None, None,
  "Ciao Marco, ti ricordo la riunione di condominio giovedì alle 21. Porta le ricevute delle raccomandate")

# ---------------------------------------------------------------- Portuguese (PT and BR)
p1 = s10("RP", "71204465", "PT")
p2 = s10("LV", "33018274", "PT")
p3 = s10("UA", "51938806", "CN")
b1 = s10("NL", "83625109", "BR")
b2 = s10("OV", "20741836", "BR")
b3 = s10("LZ", "74820195", "CN")
M("pt", S, "customs_fee", "CTT",
  "CTT: A sua encomenda está retida na alfândega. Pague 1,99 EUR de taxas em: ctt-alfandega.com/pt",
  ["ctt-alfandega.com/pt"], amounts=["1.99 EUR"], region="PT")
M("pt", S, "redelivery_fee", "CTT",
  f"CTT Expresso: Nao foi possivel entregar a sua encomenda {p1}. Reagende a entrega pagando 1,50€: ctt-entregas.info",
  ["ctt-entregas.info"], amounts=["1.50 EUR"], tracking=[p1], region="PT")
M("pt", S, "refund", "Autoridade Tributária",
  "Financas: Tem um reembolso de IRS de 428,10 € pendente. Valide os seus dados em portal-financas-reembolso.com",
  ["portal-financas-reembolso.com"], amounts=["428.10 EUR"], region="PT")
M("pt", S, "address_update", "CTT",
  "CTT: Morada incompleta. A sua encomenda não pode ser entregue. Atualize: hxxps://ctt-morada[.]pt-info.com",
  ["https://ctt-morada.pt-info.com"], region="PT")
M("pt", S, "package_held", "CTT",
  "CTT: a sua encomenda aguarda confirmação no nosso armazém. Confirme em 24h: bit.ly/CTT-conf",
  ["bit.ly/CTT-conf"], region="PT")
M("pt", S, "prize", "CTT",
  "Parabéns! Foi selecionado pelos CTT para receber um prémio. Responda ao inquérito: ctt-premio.top",
  ["ctt-premio.top"], region="PT")
M("pt", S, "failed_delivery", "CTT",
  "CTT: Ligue 912 345 678 para reagendar a entrega da sua encomenda e evitar a devolução ao remetente.",
  phones=["+351912345678"], region="PT")
M("pt", S, "refund", "DPD",
  "DPD Portugal: reembolso de 6,30 € por portes cobrados em duplicado. Introduza o seu cartão em dpd-pt-reembolso.com",
  ["dpd-pt-reembolso.com"], amounts=["6.30 EUR"], region="PT")
M("pt", S, "customs_fee", "Correios",
  f"Correios: Sua encomenda {b1} foi taxada. Pague a taxa de importação de R$ 39,90 para liberar: correios-rastreio.site/taxa",
  ["correios-rastreio.site/taxa"], amounts=["39.90 BRL"], tracking=[b1], region="BR")
M("pt", S, "package_held", "Correios",
  "CORREIOS: Seu objeto esta retido. Regularize o pagamento de R$ 3,50 ate hoje: hxxps://correios-br[.]online",
  ["https://correios-br.online"], amounts=["3.50 BRL"], region="BR")
M("pt", S, "tax", "Receita Federal",
  "Receita Federal: Seu CPF possui pendências. Regularize em até 24h para evitar bloqueio: receita-cpf-regulariza.com",
  ["receita-cpf-regulariza.com"], region="BR")
M("pt", S, "redelivery_fee", "Correios",
  "Correios: Tentamos entregar sua encomenda mas não havia ninguém. Agende nova entrega por R$ 4,90: bit.ly/correios-reentrega",
  ["bit.ly/correios-reentrega"], amounts=["4.90 BRL"], region="BR")
M("pt", S, "address_update", "Correios",
  "Correios: Endereço incompleto! Atualize seus dados para receber seu pacote: correiosbr-endereco.com",
  ["correiosbr-endereco.com"], region="BR")
M("pt", S, "prize", "Shopee",
  "Parabéns! Você ganhou um vale-presente de R$ 500 da Shopee. Resgate: shopee-premios.net",
  ["shopee-premios.net"], amounts=["500.00 BRL"], region="BR")
M("pt", S, "account_locked", "Banco do Brasil",
  "Banco do Brasil: Sua conta foi bloqueada por segurança. Ligue agora para (11) 4003-1234 para desbloquear.",
  phones=["+551140031234"], region="BR")
M("pt", S, "refund", "Correios",
  "Correios: Reembolso de R$ 27,40 disponível referente a taxa cobrada indevidamente. Informe seus dados: correios-reembolso.info",
  ["correios-reembolso.info"], amounts=["27.40 BRL"], region="BR")
# benign
M("pt", B, None, "CTT",
  f"CTT: A sua encomenda {p2} será entregue hoje. Acompanhe em ctt.pt",
  ["ctt.pt"], tracking=[p2], region="PT")
M("pt", B, None, "CTT",
  "CTT: A sua encomenda está disponível na loja CTT Avenida. Código de levantamento: 903417. Prazo: 10 dias úteis.",
  region="PT")
M("pt", B, None, "MB WAY",
  "O seu código MB WAY é 284901. Não o partilhe com ninguém.", region="PT")
M("pt", B, None, "CTT",
  f"CTT: Encomenda {p3} sujeita a IVA de importação: 3,04 € + taxa de serviço 2,15 €. Pague em ctt.pt/desalfandegamento ou na entrega.",
  ["ctt.pt/desalfandegamento"], amounts=["3.04 EUR", "2.15 EUR"], tracking=[p3], region="PT")
M("pt", B, None, None,
  "Consulta marcada: Centro de Saúde, 27/11 às 09h40. Para desmarcar ligue 217 123 456.",
  phones=["+351217123456"], region="PT")
M("pt", B, None, None,
  "Olá mãe, a encomenda já chegou, depois levo-te lá a casa", region="PT")
M("pt", B, None, None,
  "Continente: Esta semana 25% em cartão em todos os iogurtes. Saiba mais em continente.pt",
  ["continente.pt"], region="PT")
M("pt", B, None, "Millennium bcp",
  "Millennium bcp: compra de 18,50 EUR em PINGO DOCE com o cartão terminado em 4455.",
  amounts=["18.50 EUR"], region="PT")
M("pt", B, None, "Correios",
  f"Correios: Objeto {b2} saiu para entrega ao destinatário. Acompanhe em rastreamento.correios.com.br",
  ["rastreamento.correios.com.br"], tracking=[b2], region="BR")
M("pt", B, None, "Correios",
  f"Correios: Sua encomenda internacional {b3} aguarda pagamento de R$ 45,32 (imposto de importação). Pague pelo app ou em www.correios.com.br/minhasimportacoes",
  ["www.correios.com.br/minhasimportacoes"], amounts=["45.32 BRL"], tracking=[b3], region="BR")
M("pt", B, None, "Nubank",
  "Seu código de verificação Nubank é 372918. Não compartilhe com ninguém.", region="BR")
M("pt", B, None, "Itaú",
  "Itaú: compra aprovada R$ 129,90 em MAGAZINE LUIZA, cartão final 7788.",
  amounts=["129.90 BRL"], region="BR")
M("pt", B, None, None,
  "Lembrete: consulta com Dra. Ana dia 28/11 às 14h. Confirme respondendo SIM ou ligue (21) 3456-7890.",
  phones=["+552134567890"], region="BR")
M("pt", B, None, None,
  "Amiga chegou o pacote da Shein!! amanhã te mostro kkk", region="BR")
M("pt", B, None, None,
  "Mercado Livre: seu pacote chegou! Retire no ponto de retirada com o código 8841.", region="BR")
M("pt", B, None, None,
  "Magalu: Black Friday com até 70% off. Confira em magazineluiza.com.br",
  ["magazineluiza.com.br"], region="BR")

# ---------------------------------------------------------------- German (DE, AT, CH)
d1 = s10("RX", "19283746", "DE")
d2 = s10("CA", "50216789", "DE")
d3 = s10("LM", "88104523", "CN")
M("de", S, "redelivery_fee", "DHL",
  "DHL: Ihr Paket konnte nicht zugestellt werden. Bitte bezahlen Sie die Zustellgebühr von 1,99 € unter: dhl-zustellung.info/de",
  ["dhl-zustellung.info/de"], amounts=["1.99 EUR"])
M("de", S, "package_held", "Deutsche Post",
  f"Deutsche Post: Ihre Sendung {d1} liegt im Verteilzentrum. Bestätigen Sie die Zustellung: hxxps://deutschepost-sendung[.]com",
  ["https://deutschepost-sendung.com"], tracking=[d1])
M("de", S, "customs_fee", "Zoll",
  "Zoll: Ihr Paket aus dem Ausland wurde beim Zoll festgehalten. Einfuhrabgaben 2,89 EUR. Zahlung: zoll-paket-gebuehr.com",
  ["zoll-paket-gebuehr.com"], amounts=["2.89 EUR"])
M("de", S, "address_update", "Hermes",
  "Hermes: Ihre Adresse ist unvollständig. Aktualisieren Sie Ihre Lieferadresse innerhalb von 24 Std.: hermes-adresse.de.com",
  ["hermes-adresse.de.com"])
M("de", S, "refund", "Finanzamt",
  "Finanzamt: Sie haben Anspruch auf eine Steuerrückerstattung von 488,50 €. Antrag: finanzamt-erstattung.online",
  ["finanzamt-erstattung.online"], amounts=["488.50 EUR"])
M("de", S, "account_locked", "Postbank",
  "Postbank: Ihr Online-Banking wurde aus Sicherheitsgründen gesperrt. Jetzt entsperren: postbank-sicherheit.com",
  ["postbank-sicherheit.com"])
M("de", S, "prize", "DHL",
  "Herzlichen Glückwunsch! Sie wurden als DHL-Gewinner ausgewählt. Fordern Sie jetzt Ihr iPhone an: bit.ly/dhl-gewinn",
  ["bit.ly/dhl-gewinn"])
M("de", S, "failed_delivery", "DPD",
  "DPD: Zustellung fehlgeschlagen. Vereinbaren Sie einen neuen Termin: dpd-termin.de-paket.com",
  ["dpd-termin.de-paket.com"])
M("de", S, "customs_fee", "GLS",
  "GLS: Ihr Paket wartet auf Sie. Zollgebühren von 3,00 EUR ausstehend. Bitte zahlen: gls-zoll-de.com",
  ["gls-zoll-de.com"], amounts=["3.00 EUR"])
M("de", S, "package_held", "Deutsche Post",
  f"Betreff: Ihre Sendung wurde zurückgehalten\n\nSehr geehrter Kunde,\n\nIhre Sendung Nr. {d2} konnte nicht zugestellt werden, da das Porto nicht ausreichend war (Nachporto 1,45 EUR). Bitte begleichen Sie den Betrag innerhalb von 48 Stunden: https://www.post-nachporto.de.zahlung-info.com\n\nMit freundlichen Grüßen\nIhr Deutsche Post Team",
  ["https://www.post-nachporto.de.zahlung-info.com"], amounts=["1.45 EUR"], tracking=[d2])
M("de", S, "refund", "DHL",
  "DHL Rückerstattung: Ihnen stehen 12,80 € wegen einer Zustellverzögerung zu. Karte eingeben: dhl-rueckerstattung.com",
  ["dhl-rueckerstattung.com"], amounts=["12.80 EUR"])
M("de", S, "failed_delivery", None,
  "Paket konnte nicht zugestellt werden. Rufen Sie uns an: 0151 23456789",
  phones=["+4915123456789"])
M("de", S, "customs_fee", "Swiss Post",
  "Die Schweizerische Post: Ihr Paket ist blockiert. Bitte zahlen Sie CHF 2.50 Zollgebühren: post-ch-zoll.com",
  ["post-ch-zoll.com"], amounts=["2.50 CHF"], region="CH")
M("de", S, "package_held", "Österreichische Post",
  "Österreichische Post: Ihre Sendung wartet. Zustellgebühr 1,20 € offen. post-at-zustellung.com",
  ["post-at-zustellung.com"], amounts=["1.20 EUR"], region="AT")
M("de", S, "address_update", "DHL",
  "DHL: Ihr Paket wird an den Absender zurückgeschickt, wenn Sie Ihre Adresse nicht bestätigen 📦 dhl.de-adresse.cc",
  ["dhl.de-adresse.cc"])
# benign
M("de", B, None, "DHL",
  "DHL: Ihre Sendung 00340434161234567895 wird heute zugestellt. Sendungsverfolgung: dhl.de/sendungsverfolgung",
  ["dhl.de/sendungsverfolgung"], tracking=["00340434161234567895"])
M("de", B, None, "DHL",
  "DHL: Ihr Paket liegt in der Packstation 123 zur Abholung bereit. Abholcode: 482913. Bitte bis 30.11. abholen.")
M("de", B, None, "Sparkasse",
  "Ihr Sicherheitscode für die Sparkasse lautet 603914. Geben Sie ihn niemals weiter.")
M("de", B, None, "Deutsche Post",
  f"Betreff: Zollabwicklung Ihrer Sendung\n\nFür Ihre Sendung {d3} fallen Einfuhrumsatzsteuer in Höhe von 4,75 EUR sowie eine Auslagepauschale von 6,00 EUR an. Sie können den Betrag bei der Zustellung bar bezahlen.\n\nDeutsche Post DHL",
  amounts=["4.75 EUR", "6.00 EUR"], tracking=[d3])
M("de", B, None, None,
  "Erinnerung: Ihr Termin bei Praxis Dr. Müller am 26.11. um 08:45. Absagen bitte unter 030 12345678.",
  phones=["+493012345678"])
M("de", B, None, None,
  "Hab dein Paket angenommen, kannst es heute Abend bei mir holen 😊")
M("de", B, None, "Commerzbank",
  "Commerzbank: Kartenzahlung 67,30 EUR bei REWE. Nicht Sie? Rufen Sie 069 5800 8000 an.",
  phones=["+496958008000"], amounts=["67.30 EUR"])
M("de", B, None, "Hermes",
  "Hermes: Ihre Bestellung bei OTTO kommt morgen zwischen 10 und 14 Uhr.")
M("de", B, None, None,
  "MediaMarkt: Black Week - bis zu 40% Rabatt! Jetzt auf mediamarkt.de. Abmelden: STOP an 33000",
  ["mediamarkt.de"])
M("de", B, None, "Finanzamt",
  "Finanzamt: Ihr Steuerbescheid 2025 steht in ELSTER zum Abruf bereit.")
M("de", B, None, None,
  "Deutsche Bahn: Ihr ICE 577 fährt heute von Gleis 7 ab. Gute Reise!")
M("de", B, None, "Swiss Post",
  "Die Post: Ihr Paket wird heute zugestellt. Sendung verfolgen: post.ch",
  ["post.ch"], region="CH")
M("de", B, None, "Amazon",
  "Amazon.de: Ihre Erstattung über 15,99 € wurde veranlasst.",
  amounts=["15.99 EUR"])
M("de", B, None, "DPD",
  "DPD: Ihr Paket 01234567890128 kommt heute zwischen 12:30 und 13:30. Live-Tracking: dpd.de",
  ["dpd.de"], tracking=["01234567890128"])
M("de", B, None, None,
  "Schatz, kannst du morgen zur Post gehen und das Einschreiben abholen? Benachrichtigungskarte liegt auf dem Tisch")

# ---------------------------------------------------------------- Albanian (AL)
a1 = s10("RA", "40918273", "AL")
a2 = s10("CA", "77120394", "AL")
a3 = s10("RR", "63019485", "AL")
a4 = s10("LT", "29384756", "CN")
M("sq", S, "redelivery_fee", "Posta Shqiptare",
  "Posta Shqiptare: Pakoja juaj nuk mund të dorëzohet. Paguani 150 ALL për ridërgim: posta-shqiptare-dergesa.com",
  ["posta-shqiptare-dergesa.com"], amounts=["150 ALL"])
M("sq", S, "customs_fee", "Posta Shqiptare",
  f"Posta Shqiptare: Dergesa juaj {a1} eshte bllokuar ne doganë. Paguani tarifen doganore 250 lekë: hxxps://postashqiptare-dogana[.]info",
  ["https://postashqiptare-dogana.info"], amounts=["250 ALL"], tracking=[a1])
M("sq", S, "address_update", None,
  "Adresa juaj është e paplotë. Pakoja nuk mund të dorëzohet. Përditësoni adresën: bit.ly/PostaAL",
  ["bit.ly/PostaAL"])
M("sq", S, "customs_fee", "Dogana Shqiptare",
  "Dogana Shqiptare: Pakoja juaj është e mbajtur. Paguani 3,50 € për zhdoganim: dogana-al.pay-online.top",
  ["dogana-al.pay-online.top"], amounts=["3.50 EUR"])
M("sq", S, "refund", "Tatimet",
  "Tatimet: Keni një rimbursim tatimor prej 12 500 lekë. Plotësoni formularin: tatime-rimbursim.com",
  ["tatime-rimbursim.com"], amounts=["12500 ALL"])
M("sq", S, "prize", "Posta Shqiptare",
  "Posta Shqiptare: Urime! Jeni fituesi i një çmimi. Klikoni për ta marrë: posta-al-cmim.xyz",
  ["posta-al-cmim.xyz"])
M("sq", S, "failed_delivery", "Posta Shqiptare",
  "Posta Shqiptare: Nuk ju gjetëm në shtëpi. Telefononi 069 123 4567 për të caktuar dorëzimin e ri.",
  phones=["+355691234567"])
M("sq", S, "package_held", "Posta Shqiptare",
  "POSTA SHQIPTARE: PAKOJA JUAJ ESHTE NE PRITJE NE MAGAZINE. KONFIRMONI BRENDA 24 ORESH: postash-konfirmo.com",
  ["postash-konfirmo.com"])
M("sq", S, "package_held", "DHL",
  "DHL: Dërgesa juaj është mbajtur. Paguani 2,99 EUR për lirimin: dhl-albania-pagesa.com",
  ["dhl-albania-pagesa.com"], amounts=["2.99 EUR"])
M("sq", S, "refund", "Posta Shqiptare",
  "Posta Shqiptare: Ju keni një rimbursim prej 400 ALL për tarifë të paguar dy herë. Vendosni të dhënat e kartës: posta-rimbursim.info",
  ["posta-rimbursim.info"], amounts=["400 ALL"])
M("sq", S, "address_update", "Posta Shqiptare",
  f"Subjekti: Njoftim për dërgesë të padorëzuar\n\nI nderuar klient,\n\nDërgesa me numër {a2} nuk u dorëzua sepse mungon numri i shtëpisë. Ju lutemi përditësoni adresën tuaj këtu: https://www.postashqiptare-adresa.net\n\nMe respekt,\nPosta Shqiptare",
  ["https://www.postashqiptare-adresa.net"], tracking=[a2])
M("sq", S, "account_locked", "Raiffeisen",
  "Raiffeisen Bank: Llogaria juaj është bllokuar. Verifikoni të dhënat tuaja: raiffeisen-al-verifiko.com",
  ["raiffeisen-al-verifiko.com"])
M("sq", S, "package_held", None,
  "Paketa juaj po pret ne depo 📦 paguaj 120 Leke per dorezim: https://tinyurl.com/posta-al",
  ["https://tinyurl.com/posta-al"], amounts=["120 ALL"])
M("sq", S, "failed_delivery", "Posta Shqiptare",
  "Posta Shqiptare: dorezimi deshtoi. Caktoni nje date te re ketu: posta-shqiptare.delivery-al.com",
  ["posta-shqiptare.delivery-al.com"])
M("sq", S, "redelivery_fee", "Posta Shqiptare",
  "Posta Shqiptare: dërgesa juaj do të kthehet te dërguesi. Paguani tarifën 0,99 € brenda sot: postashqiptare.al-tarifa.com",
  ["postashqiptare.al-tarifa.com"], amounts=["0.99 EUR"])
# benign
M("sq", B, None, "Posta Shqiptare",
  f"Posta Shqiptare: Dërgesa juaj {a3} do të dorëzohet sot. Gjurmoni në postashqiptare.al",
  ["postashqiptare.al"], tracking=[a3])
M("sq", B, None, "Posta Shqiptare",
  "Posta Shqiptare: Pakoja juaj ju pret në zyrën postare Tirana 1. Kodi i tërheqjes: 573920.")
M("sq", B, None, "BKT",
  "Kodi juaj i verifikimit për BKT është 418260. Mos e ndani me askënd.")
M("sq", B, None, "Posta Shqiptare",
  f"Posta Shqiptare: Dërgesa {a4} ka detyrime doganore 1 200 lekë. Mund t'i paguani në zyrën postare kur e tërhiqni.",
  amounts=["1200 ALL"], tracking=[a4])
M("sq", B, None, None,
  "Kujtesë: takimi juaj te dentisti është më 27/11 në orën 10:00. Për anulim telefononi 04 222 3344.",
  phones=["+35542223344"])
M("sq", B, None, None,
  "Ç'kemi, a të erdhi pakoja nga Gjermania? Ma thuaj kur të vjen")
M("sq", B, None, "Vodafone",
  "Vodafone Albania: Përfitoni 20 GB internet me vetëm 500 lekë këtë javë! Aktivizo me *100#",
  amounts=["500 ALL"])
M("sq", B, None, "Credins Bank",
  "Credins Bank: Pagesë me kartë 3 450 ALL në SPAR më 22/11.",
  amounts=["3450 ALL"])
M("sq", B, None, None,
  "Mami, paketa me rrobat e fëmijëve u nis sot me postë, arrin pas 3 ditësh")
M("sq", B, None, "Posta Shqiptare",
  "Posta Shqiptare: Njoftim - zyrat tona do të jenë të mbyllura më 28 dhe 29 nëntor për festat kombëtare.")
M("sq", B, None, "Tatimet",
  "DPT: Afati për deklaratën vjetore të të ardhurave është 31 mars. Plotësojeni në e-Albania.")
M("sq", B, None, None,
  "Albanian Courier: Porosia juaj nga Shein do të dorëzohet nesër. Korrieri do t'ju telefonojë para dorëzimit.")
M("sq", B, None, None,
  "Të dashur klientë, Neptun ofron deri 30% zbritje për Black Friday. Vizitoni neptun.al",
  ["neptun.al"])
M("sq", B, None, None,
  "Bileta juaj Tiranë-Durrës është konfirmuar për 25/11 ora 08:00. Udhëtim të mbarë!")
M("sq", B, None, "Posta Shqiptare",
  "Posta Shqiptare: Kodi juaj i konfirmimit është 2941. Mos e ndani me askënd.")

# ---------------------------------------------------------------- extras (not targets): nl, pl, ro
n1 = s10("RN", "10293847", "PL")
M("nl", S, "redelivery_fee", "PostNL",
  "PostNL: Uw pakket kon niet worden bezorgd. Betaal € 1,95 voor een nieuwe bezorging: postnl-bezorging.info",
  ["postnl-bezorging.info"], amounts=["1.95 EUR"])
M("nl", S, "customs_fee", "bpost",
  "bpost: uw pakket staat klaar maar er zijn nog invoerrechten van € 2,99 te betalen: bpost-invoer.be.com",
  ["bpost-invoer.be.com"], amounts=["2.99 EUR"], region="BE")
M("nl", S, "address_update", "PostNL",
  "PostNL: Je adres is onvolledig, werk het bij om je pakket te ontvangen: hxxps://postnl-adres[.]com",
  ["https://postnl-adres.com"])
M("nl", B, None, "PostNL",
  "PostNL: Je pakket 3SABCD1234567 wordt vandaag bezorgd tussen 14:00 en 16:30. Volg je pakket via postnl.nl",
  ["postnl.nl"], tracking=["3SABCD1234567"])
M("nl", B, None, None,
  "Je verificatiecode is 492018. Deel deze code met niemand.")
M("pl", S, "package_held", "InPost",
  "InPost: Twoja paczka oczekuje na dopłatę 3,20 zł. Opłać: inpost-doplata.pl.com",
  ["inpost-doplata.pl.com"], amounts=["3.20 PLN"])
M("pl", S, "address_update", "Poczta Polska",
  "Poczta Polska: Przesyłka nie mogła zostać doręczona z powodu niepełnego adresu. Uzupełnij dane: poczta-polska-adres.info",
  ["poczta-polska-adres.info"])
M("pl", B, None, "InPost",
  "InPost: Twoja paczka czeka w Paczkomacie WAW123M. Kod odbioru: 482913. Masz 48h na odbiór.")
M("pl", B, None, "Poczta Polska",
  f"Poczta Polska: przesyłka {n1} została wydana do doręczenia. Śledź na pocztex.pl",
  ["pocztex.pl"], tracking=[n1])
M("ro", S, "redelivery_fee", "Fan Courier",
  "Fan Courier: Coletul dumneavoastră nu a putut fi livrat. Achitați taxa de 5,99 lei: fancourier-livrare.com",
  ["fancourier-livrare.com"], amounts=["5.99 RON"])
M("ro", S, "customs_fee", "Poșta Română",
  "Posta Romana: Coletul este retinut in vama. Plata 12 RON: posta-romana-vama.com",
  ["posta-romana-vama.com"], amounts=["12 RON"])
M("ro", B, None, "Fan Courier",
  "FAN Courier: Coletul tau cu AWB 2345678901234 va fi livrat azi. Curier: 0722 123 456.",
  phones=["+40722123456"], tracking=["2345678901234"])

TARGET = {"en", "fr", "es", "it", "pt", "de", "sq"}
LURES = {"customs_fee", "redelivery_fee", "address_update", "failed_delivery", "package_held",
         "refund", "tax", "account_locked", "prize", "other"}


def check(m):
    assert m["label"] in (S, B)
    assert (m["lure"] in LURES) if m["label"] == S else m["lure"] is None, m
    for a in m["amounts"]:
        assert re.fullmatch(r"\d+(\.\d+)? [A-Z]{3}", a), a
    for p in m["phones"]:
        assert re.fullmatch(r"\+\d{8,15}", p), p
    for t in m["tracking_numbers"]:
        if re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", t):
            assert s10(t[:2], t[2:10], t[11:]) == t, t
            assert t in m["text"] or spaced(t) in m["text"], t
    try:
        import phonenumbers
        for p in m["phones"]:
            assert phonenumbers.is_valid_number(phonenumbers.parse(p)), p
    except ImportError:
        pass


counts = {}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for m in MSGS:
        check(m)
        counts[m["lang"]] = counts.get(m["lang"], 0) + 1
        m["id"] = f"ind-{m['lang']}-{counts[m['lang']]:03d}"
        m["target"] = m["lang"] in TARGET
        keys = ["id", "lang", "region", "target", "label", "lure", "brand", "text", "urls", "phones",
                "amounts", "tracking_numbers"]
        f.write(json.dumps({k: m[k] for k in keys}, ensure_ascii=False) + "\n")
print(len(MSGS), counts)
