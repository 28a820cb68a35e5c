# Motivos da verificação de mensagens: uma frase por código (`message-<code>`, com os argumentos
# indicados em scamtext::REASON_CODES). `link_reason` chega como a expressão da verificação do
# link (`link-phrase-<code>`); `form` vale `brand` quando o motivo menciona uma marca.

message-malicious_link = verificação de links: { $url } é malicioso ({ $link_reason }{ $form ->
    [brand] , imitando { $brand }
   *[other] {""}
})
message-suspicious_link = verificação de links: { $url } é suspeito ({ $link_reason }{ $form ->
    [brand] , imitando { $brand }
   *[other] {""}
})
message-brand_link_mismatch = { $form ->
    [brand] menciona { $brand }, mas aponta para fora dos seus domínios oficiais
   *[other] menciona uma marca, mas aponta para fora dos seus domínios oficiais
}
message-brand_in_lookalike_host = o endereço de um link imita o nome de uma marca, mas não é o domínio dessa marca
message-url_shortener = esconde o destino atrás de um encurtador de URL
message-risky_tld = aponta para um domínio de topo barato, muito usado em phishing
message-ip_link = aponta diretamente para um endereço IP
message-payment_request = pede um pagamento ou os dados do cartão
message-payment_report = comunica uma transação com cartão ou conta já efetuada
message-small_amount = pede uma pequena taxa, típica das fraudes com encomendas
message-urgency = pressiona o leitor com um prazo
message-callback_number = pede ao leitor que ligue ou envie uma mensagem para um número
message-official_link = só aponta para domínios oficiais: os da marca mencionada ou de organizações bem conhecidas
message-model_score = probabilidade de fraude segundo o modelo de texto: { $score }
