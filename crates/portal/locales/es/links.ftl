# Motivos del análisis de un enlace: una frase por código (`link-<code>`, con los argumentos
# indicados en links::REASON_CODES) y una expresión corta por código (`link-phrase-<code>`) para
# los resúmenes. Una frase completa «Este enlace ...». `form` elige entre redacciones de un mismo motivo.

link-official_domain = { $domain } es un dominio oficial de { $brand }
link-known_site = { $domain } es el sitio de { $organisation }
link-destination_hidden = es un enlace acortado ({ $domain }): su destino queda oculto hasta que se abre
link-shortener_expanded = es un enlace acortado que lleva a { $final_url }
link-local_post_name = usa un nombre postal bajo la extensión de país .{ $tld }, donde designa al correo de ese país
link-uncommon_tld = pone un nombre de marca bajo la extensión poco común .{ $tld }
link-lure_only_domain = tiene un nombre formado solo por palabras de paquetes o de pagos ({ $label })
link-anonymous_lure = pone palabras de paquetes o de pagos en un servidor de nombre aleatorio
link-ip_host = apunta a una dirección IP sin nombre de dominio
link-nonstandard_port = usa un puerto poco habitual ({ $port })
link-free_hosting = está alojado en un servicio de alojamiento gratuito o de DNS dinámico ({ $service })
link-abuse_tld = usa la extensión .{ $tld }, frecuente en las estafas
link-random_label = tiene un nombre de aspecto aleatorio ({ $label })
link-mixed_script = mezcla alfabetos en su nombre ({ $host })
link-homoglyph = { $form ->
    [words] se parece a { $brand } con caracteres de aspecto similar y otras palabras ({ $host })
   *[whole] se parece a { $brand } escrito con caracteres de aspecto similar ({ $host })
}
link-non_ascii = usa caracteres no latinos en su nombre
link-tld_swap = { $form ->
    [whole] suplanta a { $brand } usando su nombre como nombre completo ({ $domain })
   *[ending] suplanta a { $brand } usando su nombre bajo otra extensión ({ $domain })
}
link-typosquat = se parece a { $brand } con { $edit ->
    [omission] una letra de menos
    [repetition] una letra duplicada
    [insertion] una letra de más
    [transposition] dos letras intercambiadas
    [homoglyph] un carácter sustituido por otro de aspecto similar
    [vowel] una vocal cambiada
    [bitsquat] un carácter alterado en un bit
   *[substitution] una letra cambiada
}
link-combosquat = { $form ->
    [inside] suplanta a { $brand } insertando su nombre dentro de otra palabra ({ $domain })
   *[words] suplanta a { $brand } combinando su nombre con otras palabras ({ $domain })
}
link-deep_subdomains = tiene una cadena de subdominios anormalmente larga
link-brand_com_hyphen = empieza como { $brand }, pero el dominio real es { $domain }
link-com_hyphen = imita una extensión de dominio seguida de un guion ({ $candidate }-...)
link-brand_subdomain = pone el nombre de { $brand } delante de un dominio sin relación ({ $domain })
link-lure_domain = tiene palabras de señuelo en su nombre ({ $words })
link-lure_path = tiene palabras de señuelo en su ruta ({ $words })
link-tracking_bait = lleva un número parecido a un número de seguimiento de paquetes
link-brand_in_path = { $form ->
    [shortener] { $brand } aparece en el nombre elegido de un enlace acortado
   *[path] { $brand } aparece en la ruta de un sitio sin relación
}
link-userinfo_trick = { $form ->
    [brand] pone { $brand } delante de una @, mientras que el enlace lleva en realidad a { $real }
   *[name] oculta su destino real { $real } tras «{ $user }@»
}
link-userinfo = contiene un nombre de usuario o una contraseña
link-blocklist_url = este enlace exacto figura en la lista de bloqueo { $source }
link-blocklist_host = el servidor { $key } figura en la lista de bloqueo { $source }
link-blocklist_domain = el dominio { $key } figura en la lista de bloqueo { $source }
link-blocklist_ip = la dirección { $key } figura en la lista de bloqueo { $source }

# Cuando un enlace no da ningún motivo.
link-none = no se ha encontrado ninguna señal de alerta

# Un motivo encontrado en un salto posterior de un enlace seguido.
link-hop = salto { $hop } ({ $hop_url }): { $sentence }

link-phrase-official_domain = un dominio oficial
link-phrase-known_site = un sitio legítimo conocido
link-phrase-destination_hidden = un enlace acortado con destino oculto
link-phrase-shortener_expanded = un enlace acortado, seguido hasta su destino
link-phrase-local_post_name = un nombre postal bajo la extensión propia de ese país
link-phrase-uncommon_tld = un nombre de marca bajo una extensión poco común
link-phrase-lure_only_domain = un nombre formado solo por palabras de paquetes o de pagos
link-phrase-anonymous_lure = palabras de paquetes o de pagos en un servidor de nombre aleatorio
link-phrase-ip_host = una dirección IP sin nombre de dominio
link-phrase-nonstandard_port = un puerto poco habitual
link-phrase-free_hosting = alojamiento gratuito o DNS dinámico
link-phrase-abuse_tld = una extensión de dominio frecuente en las estafas
link-phrase-random_label = un nombre de aspecto aleatorio
link-phrase-mixed_script = alfabetos mezclados en su nombre
link-phrase-homoglyph = caracteres de aspecto similar
link-phrase-non_ascii = caracteres no latinos
link-phrase-tld_swap = un nombre de marca bajo otra extensión
link-phrase-typosquat = un nombre de marca mal escrito
link-phrase-combosquat = un nombre de marca con otras palabras
link-phrase-deep_subdomains = una cadena de subdominios anormalmente larga
link-phrase-brand_com_hyphen = un dominio de marca unido a otro nombre
link-phrase-com_hyphen = una extensión de dominio seguida de un guion
link-phrase-brand_subdomain = un nombre de marca delante de un dominio sin relación
link-phrase-lure_domain = palabras de paquetes o de pagos en su nombre
link-phrase-lure_path = palabras de paquetes o de pagos en su ruta
link-phrase-tracking_bait = un número parecido a un número de seguimiento
link-phrase-brand_in_path = un nombre de marca en un sitio sin relación
link-phrase-userinfo_trick = un nombre engañoso delante de una @
link-phrase-userinfo = un nombre de usuario o una contraseña
link-phrase-blocklist_url = en la lista de bloqueo { $source }
link-phrase-blocklist_host = en la lista de bloqueo { $source }
link-phrase-blocklist_domain = en la lista de bloqueo { $source }
link-phrase-blocklist_ip = en la lista de bloqueo { $source }
