# Motivos del análisis de un mensaje: una frase por código (`message-<code>`, con los argumentos
# indicados en scamtext::REASON_CODES). `link_reason` llega como la expresión del análisis del
# enlace (`link-phrase-<code>`); `form` vale `brand` cuando el motivo nombra una marca.

message-malicious_link = análisis de enlaces: { $url } es malicioso ({ $link_reason }{ $form ->
    [brand] , imita a { $brand }
   *[other] {""}
})
message-suspicious_link = análisis de enlaces: { $url } es sospechoso ({ $link_reason }{ $form ->
    [brand] , imita a { $brand }
   *[other] {""}
})
message-brand_link_mismatch = { $form ->
    [brand] nombra a { $brand } pero enlaza fuera de sus dominios oficiales
   *[other] nombra una marca pero enlaza fuera de sus dominios oficiales
}
message-brand_in_lookalike_host = el servidor de un enlace imita el nombre de una marca, pero no es el dominio de la marca
message-url_shortener = oculta su destino tras un acortador de URL
message-risky_tld = enlaza a una extensión de dominio barata, muy usada para el phishing
message-ip_link = enlaza a una dirección IP sin nombre de dominio
message-payment_request = pide un pago o los datos de una tarjeta
message-payment_report = informa de una operación con tarjeta o en una cuenta ya realizada
message-small_amount = pide una pequeña tasa, algo típico de las estafas con paquetes
message-urgency = presiona al lector con un plazo
message-callback_number = pide al lector que llame o escriba a un número
message-official_link = solo enlaza a dominios oficiales: los de la marca nombrada o los de organizaciones conocidas
message-model_score = probabilidad de estafa según el modelo de texto: { $score }
