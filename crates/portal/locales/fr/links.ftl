# Raisons de l'analyse d'un lien : une phrase par code (`link-<code>`, arguments listés dans
# links::REASON_CODES) et une expression courte par code (`link-phrase-<code>`) pour les résumés.
# Une phrase complète « Ce lien ... ». `form` choisit entre les formulations d'une même raison.

link-official_domain = { $domain } est un domaine officiel de { $brand }
link-known_site = { $domain } est le site de { $organisation }
link-destination_hidden = est un lien raccourci ({ $domain }) : sa destination reste cachée tant qu'on ne le suit pas
link-shortener_expanded = est un lien raccourci qui mène à { $final_url }
link-local_post_name = utilise un nom postal sous l'extension nationale .{ $tld }, où il désigne la poste de ce pays
link-uncommon_tld = place un nom de marque sous l'extension peu courante .{ $tld }
link-lure_only_domain = n'est formé que de mots de colis ou de paiement ({ $label })
link-anonymous_lure = place des mots de colis ou de paiement sur un hôte au nom aléatoire
link-ip_host = mène à une adresse IP nue au lieu d'un nom de domaine
link-nonstandard_port = utilise un port inhabituel ({ $port })
link-free_hosting = est hébergé sur un service d'hébergement gratuit ou de DNS dynamique ({ $service })
link-abuse_tld = utilise l'extension .{ $tld }, fréquente dans les arnaques
link-random_label = a un nom d'apparence aléatoire ({ $label })
link-mixed_script = mélange plusieurs alphabets dans son nom ({ $host })
link-homoglyph = { $form ->
    [words] ressemble à { $brand } avec des caractères sosies et d'autres mots ({ $host })
   *[whole] ressemble à { $brand } écrit avec des caractères sosies ({ $host })
}
link-non_ascii = utilise des caractères non latins dans son nom
link-tld_swap = { $form ->
    [whole] usurpe { $brand } en prenant son nom comme nom entier ({ $domain })
   *[ending] usurpe { $brand } en prenant son nom sous une autre extension ({ $domain })
}
link-typosquat = ressemble à { $brand } avec { $edit ->
    [omission] une lettre en moins
    [repetition] une lettre doublée
    [insertion] une lettre en plus
    [transposition] deux lettres inversées
    [homoglyph] un caractère remplacé par un sosie
    [vowel] une voyelle changée
    [bitsquat] un caractère décalé d'un bit
   *[substitution] une lettre changée
}
link-combosquat = { $form ->
    [inside] usurpe { $brand } en glissant son nom dans un autre mot ({ $domain })
   *[words] usurpe { $brand } en combinant son nom avec d'autres mots ({ $domain })
}
link-deep_subdomains = a une chaîne de sous-domaines anormalement longue
link-brand_com_hyphen = commence comme { $brand } mais le vrai domaine est { $domain }
link-com_hyphen = imite une extension suivie d'un tiret ({ $candidate }-...)
link-brand_subdomain = place le nom de { $brand } devant un domaine sans rapport ({ $domain })
link-lure_domain = contient des mots d'appât dans son nom ({ $words })
link-lure_path = contient des mots d'appât dans son chemin ({ $words })
link-tracking_bait = porte un numéro qui ressemble à un numéro de suivi de colis
link-brand_in_path = { $form ->
    [shortener] { $brand } est nommé dans le nom choisi d'un lien raccourci
   *[path] { $brand } est nommé dans le chemin d'un site sans rapport
}
link-userinfo_trick = { $form ->
    [brand] place { $brand } devant un @ alors que le lien mène en réalité à { $real }
   *[name] cache sa vraie destination { $real } derrière « { $user }@ »
}
link-userinfo = contient un nom d'utilisateur ou un mot de passe
link-blocklist_url = ce lien exact figure sur la liste de blocage { $source }
link-blocklist_host = l'hôte { $key } figure sur la liste de blocage { $source }
link-blocklist_domain = le domaine { $key } figure sur la liste de blocage { $source }
link-blocklist_ip = l'adresse { $key } figure sur la liste de blocage { $source }

link-none = aucun signe d'alerte trouvé

# Une raison trouvée à une étape ultérieure d'un lien suivi.
link-hop = étape { $hop } ({ $hop_url }) : { $sentence }

link-phrase-official_domain = un domaine officiel
link-phrase-known_site = un site légitime bien connu
link-phrase-destination_hidden = un lien raccourci dont la destination est cachée
link-phrase-shortener_expanded = un lien raccourci, suivi jusqu'à sa destination
link-phrase-local_post_name = un nom postal sous l'extension de son propre pays
link-phrase-uncommon_tld = un nom de marque sous une extension peu courante
link-phrase-lure_only_domain = un nom formé uniquement de mots de colis ou de paiement
link-phrase-anonymous_lure = des mots de colis ou de paiement sur un hôte au nom aléatoire
link-phrase-ip_host = une adresse IP nue
link-phrase-nonstandard_port = un port inhabituel
link-phrase-free_hosting = un hébergement gratuit ou un DNS dynamique
link-phrase-abuse_tld = une extension fréquente dans les arnaques
link-phrase-random_label = un nom d'apparence aléatoire
link-phrase-mixed_script = plusieurs alphabets dans son nom
link-phrase-homoglyph = des caractères sosies
link-phrase-non_ascii = des caractères non latins
link-phrase-tld_swap = un nom de marque sous une autre extension
link-phrase-typosquat = un nom de marque mal orthographié
link-phrase-combosquat = un nom de marque accolé à d'autres mots
link-phrase-deep_subdomains = une chaîne de sous-domaines anormalement longue
link-phrase-brand_com_hyphen = un domaine de marque qui se prolonge dans un autre nom
link-phrase-com_hyphen = une extension suivie d'un tiret
link-phrase-brand_subdomain = un nom de marque devant un domaine sans rapport
link-phrase-lure_domain = des mots de colis ou de paiement dans son nom
link-phrase-lure_path = des mots de colis ou de paiement dans son chemin
link-phrase-tracking_bait = un numéro qui ressemble à un numéro de suivi
link-phrase-brand_in_path = un nom de marque sur un site sans rapport
link-phrase-userinfo_trick = un nom trompeur avant un @
link-phrase-userinfo = un nom d'utilisateur ou un mot de passe
link-phrase-blocklist_url = sur la liste de blocage { $source }
link-phrase-blocklist_host = sur la liste de blocage { $source }
link-phrase-blocklist_domain = sur la liste de blocage { $source }
link-phrase-blocklist_ip = sur la liste de blocage { $source }
