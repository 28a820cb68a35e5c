# Raisons de l'analyse d'un message : une phrase par code (`message-<code>`, arguments listés
# dans scamtext::REASON_CODES). `link_reason` arrive sous la forme de l'expression de l'analyse
# du lien (`link-phrase-<code>`) ; `form` vaut `brand` quand la raison nomme une marque.

message-malicious_link = analyse du lien : { $url } est malveillant ({ $link_reason }{ $form ->
    [brand] , imitant { $brand }
   *[other] {""}
})
message-suspicious_link = analyse du lien : { $url } est suspect ({ $link_reason }{ $form ->
    [brand] , imitant { $brand }
   *[other] {""}
})
message-brand_link_mismatch = { $form ->
    [brand] nomme { $brand } mais renvoie hors de ses domaines officiels
   *[other] nomme une marque mais renvoie hors de ses domaines officiels
}
message-brand_in_lookalike_host = l'hôte d'un lien imite un nom de marque sans être le domaine de la marque
message-url_shortener = cache sa destination derrière un raccourcisseur d'URL
message-risky_tld = renvoie vers une extension bon marché souvent utilisée pour l'hameçonnage
message-ip_link = renvoie vers une adresse IP nue
message-payment_request = demande un paiement ou des données de carte
message-payment_report = annonce une opération par carte ou sur un compte déjà effectuée
message-small_amount = réclame de petits frais, typiques des arnaques au colis
message-urgency = presse le lecteur avec un délai
message-callback_number = demande au lecteur d'appeler ou d'écrire à un numéro
message-official_link = ne renvoie que vers des domaines officiels : ceux de la marque nommée ou d'organisations bien connues
message-model_score = probabilité d'arnaque selon le modèle de texte : { $score }
