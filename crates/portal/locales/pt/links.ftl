# Motivos da verificação de links: uma frase por código (`link-<code>`, com os argumentos
# indicados em links::REASON_CODES) e uma expressão curta por código (`link-phrase-<code>`)
# para os resumos. Cada frase completa "Este link ...". `form` escolhe entre formulações.

link-official_domain = { $domain } é um domínio oficial de { $brand }
link-known_site = { $domain } é o site de { $organisation }
link-destination_hidden = é um link encurtado ({ $domain }): o destino fica oculto até o link ser aberto
link-shortener_expanded = é um link encurtado que leva a { $final_url }
link-local_post_name = usa um nome postal sob a terminação nacional .{ $tld }, onde designa os correios desse país
link-uncommon_tld = coloca um nome de marca sob a terminação pouco comum .{ $tld }
link-lure_only_domain = tem um nome formado apenas por palavras de encomendas ou pagamentos ({ $label })
link-anonymous_lure = coloca palavras de encomendas ou pagamentos num servidor com nome aleatório
link-ip_host = aponta para um endereço IP em vez de um nome de domínio
link-nonstandard_port = usa uma porta pouco habitual ({ $port })
link-free_hosting = está num serviço de hospedagem gratuita ou de DNS dinâmico ({ $service })
link-abuse_tld = usa a terminação .{ $tld }, comum em fraudes
link-random_label = tem um nome que parece aleatório ({ $label })
link-mixed_script = mistura alfabetos no nome ({ $host })
link-homoglyph = { $form ->
    [words] imita { $brand } com caracteres parecidos e outras palavras ({ $host })
   *[whole] imita { $brand } escrito com caracteres parecidos ({ $host })
}
link-non_ascii = usa caracteres não latinos no nome
link-tld_swap = { $form ->
    [whole] imita { $brand } ao usar o nome da marca como nome completo ({ $domain })
   *[ending] imita { $brand } ao usar o nome da marca sob outra terminação de domínio ({ $domain })
}
link-typosquat = imita { $brand } com { $edit ->
    [omission] uma letra a menos
    [repetition] uma letra duplicada
    [insertion] uma letra a mais
    [transposition] duas letras trocadas
    [homoglyph] uma letra substituída por um símbolo parecido
    [vowel] uma vogal alterada
    [bitsquat] um símbolo alterado num único bit
   *[substitution] uma letra alterada
}
link-combosquat = { $form ->
    [inside] imita { $brand } ao colocar o nome da marca dentro de outra palavra ({ $domain })
   *[words] imita { $brand } ao combinar o nome da marca com outras palavras ({ $domain })
}
link-deep_subdomains = tem uma cadeia de subdomínios anormalmente longa
link-brand_com_hyphen = começa como { $brand }, mas o domínio verdadeiro é { $domain }
link-com_hyphen = imita uma terminação de domínio seguida de um hífen ({ $candidate }-...)
link-brand_subdomain = coloca o nome de { $brand } à frente de um domínio sem relação ({ $domain })
link-lure_domain = tem no nome palavras usadas para enganar ({ $words })
link-lure_path = tem no caminho palavras usadas para enganar ({ $words })
link-tracking_bait = contém um número parecido com um número de rastreio de encomendas
link-brand_in_path = { $form ->
    [shortener] { $brand } aparece no nome escolhido para um link encurtado
   *[path] { $brand } aparece no caminho de um site sem relação
}
link-userinfo_trick = { $form ->
    [brand] coloca { $brand } antes de um @, mas o link vai na verdade para { $real }
   *[name] esconde o verdadeiro destino { $real } atrás de “{ $user }@”
}
link-userinfo = contém um nome de conta ou uma senha
link-blocklist_url = este link exato está na lista de bloqueio { $source }
link-blocklist_host = o servidor { $key } está na lista de bloqueio { $source }
link-blocklist_domain = o domínio { $key } está na lista de bloqueio { $source }
link-blocklist_ip = o endereço { $key } está na lista de bloqueio { $source }

# Quando um link não dá nenhum motivo.
link-none = nenhum sinal de alerta encontrado

# Um motivo encontrado numa etapa posterior de um link seguido.
link-hop = etapa { $hop } ({ $hop_url }): { $sentence }

link-phrase-official_domain = um domínio oficial
link-phrase-known_site = um site legítimo bem conhecido
link-phrase-destination_hidden = um link encurtado com destino oculto
link-phrase-shortener_expanded = um link encurtado cujo destino foi verificado
link-phrase-local_post_name = um nome postal sob a terminação do próprio país
link-phrase-uncommon_tld = um nome de marca sob uma terminação pouco comum
link-phrase-lure_only_domain = um nome feito só de palavras de encomendas ou pagamentos
link-phrase-anonymous_lure = palavras de encomendas ou pagamentos num servidor com nome aleatório
link-phrase-ip_host = um endereço IP em vez de um nome
link-phrase-nonstandard_port = uma porta pouco habitual
link-phrase-free_hosting = hospedagem gratuita ou DNS dinâmico
link-phrase-abuse_tld = uma terminação de domínio comum em fraudes
link-phrase-random_label = um nome que parece aleatório
link-phrase-mixed_script = alfabetos misturados no nome
link-phrase-homoglyph = caracteres que imitam outros
link-phrase-non_ascii = caracteres não latinos
link-phrase-tld_swap = um nome de marca sob outra terminação
link-phrase-typosquat = um nome de marca mal escrito
link-phrase-combosquat = um nome de marca com outras palavras
link-phrase-deep_subdomains = uma cadeia de subdomínios anormalmente longa
link-phrase-brand_com_hyphen = um domínio de marca colado a outro nome
link-phrase-com_hyphen = uma terminação de domínio seguida de um hífen
link-phrase-brand_subdomain = um nome de marca à frente de um domínio sem relação
link-phrase-lure_domain = palavras de encomendas ou pagamentos no nome
link-phrase-lure_path = palavras de encomendas ou pagamentos no caminho
link-phrase-tracking_bait = um número parecido com um número de rastreio
link-phrase-brand_in_path = um nome de marca num site sem relação
link-phrase-userinfo_trick = um nome enganoso antes de um @
link-phrase-userinfo = um nome de conta ou uma senha
link-phrase-blocklist_url = na lista de bloqueio { $source }
link-phrase-blocklist_host = na lista de bloqueio { $source }
link-phrase-blocklist_domain = na lista de bloqueio { $source }
link-phrase-blocklist_ip = na lista de bloqueio { $source }
