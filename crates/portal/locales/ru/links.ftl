# Причины из проверки ссылок: одна фраза на код причины (`link-<code>`, аргументы перечислены в
# links::REASON_CODES) и одна краткая формулировка на код (`link-phrase-<code>`) для сводок.
# Фраза продолжает «Эта ссылка ...». `form` выбирает один из вариантов формулировки причины.

link-official_domain = { $domain } — официальный домен бренда { $brand }
link-known_site = { $domain } — сайт организации { $organisation }
link-destination_hidden = сокращённая ссылка ({ $domain }): куда она ведёт, не видно, пока по ней не перейти
link-shortener_expanded = сокращённая ссылка, которая ведёт на { $final_url }
link-local_post_name = использует почтовое название в национальной зоне .{ $tld }, где оно обозначает почту этой страны
link-uncommon_tld = размещает название бренда в редкой доменной зоне .{ $tld }
link-lure_only_domain = имеет имя только из слов о посылках или оплате ({ $label })
link-anonymous_lure = содержит слова о посылках или оплате на хосте со случайным на вид именем
link-ip_host = ведёт на IP-адрес вместо доменного имени
link-nonstandard_port = использует необычный порт ({ $port })
link-free_hosting = размещена на бесплатном хостинге или в сервисе динамического DNS ({ $service })
link-abuse_tld = использует зону .{ $tld }, популярную у мошенников
link-random_label = имеет случайное на вид имя ({ $label })
link-mixed_script = смешивает в имени буквы разных алфавитов ({ $host })
link-homoglyph = { $form ->
    [words] похожа на бренд { $brand } за счёт символов-двойников и других слов ({ $host })
   *[whole] похожа на бренд { $brand }, записанный символами-двойниками ({ $host })
}
link-non_ascii = использует в имени нелатинские символы
link-tld_swap = { $form ->
    [whole] выдаёт себя за бренд { $brand }, используя его название как имя целиком ({ $domain })
   *[ending] выдаёт себя за бренд { $brand }, используя его название в другой доменной зоне ({ $domain })
}
link-typosquat = похожа на бренд { $brand }, но { $edit ->
    [omission] с одной пропущенной буквой
    [repetition] с одной удвоенной буквой
    [insertion] с одной лишней буквой
    [transposition] с двумя переставленными буквами
    [homoglyph] с одним символом, заменённым на похожий
    [vowel] с одной изменённой гласной
    [bitsquat] с одним символом, отличающимся на один бит
   *[substitution] с одной изменённой буквой
}
link-combosquat = { $form ->
    [inside] выдаёт себя за бренд { $brand }, встраивая его название в другое слово ({ $domain })
   *[words] выдаёт себя за бренд { $brand }, соединяя его название с другими словами ({ $domain })
}
link-deep_subdomains = содержит необычно длинную цепочку поддоменов
link-brand_com_hyphen = начинается как адрес бренда { $brand }, но настоящий домен — { $domain }
link-com_hyphen = подражает доменной зоне, за которой идёт дефис ({ $candidate }-...)
link-brand_subdomain = ставит название бренда { $brand } перед посторонним доменом ({ $domain })
link-lure_domain = содержит в имени слова-приманки ({ $words })
link-lure_path = содержит в пути слова-приманки ({ $words })
link-tracking_bait = содержит номер, похожий на трек-номер посылки
link-brand_in_path = { $form ->
    [shortener] бренд { $brand } упомянут в выбранном имени сокращённой ссылки
   *[path] бренд { $brand } упомянут в пути постороннего сайта
}
link-userinfo_trick = { $form ->
    [brand] ставит { $brand } перед знаком @, хотя на самом деле ведёт на { $real }
   *[name] скрывает настоящий адрес назначения { $real } за «{ $user }@»
}
link-userinfo = содержит имя пользователя или пароль
link-blocklist_url = именно эта ссылка есть в чёрном списке { $source }
link-blocklist_host = хост { $key } есть в чёрном списке { $source }
link-blocklist_domain = домен { $key } есть в чёрном списке { $source }
link-blocklist_ip = адрес { $key } есть в чёрном списке { $source }

# Когда у ссылки нет ни одной причины.
link-none = признаков опасности не найдено

# Причина, найденная на одном из следующих переходов по ссылке.
link-hop = переход { $hop } ({ $hop_url }): { $sentence }

link-phrase-official_domain = официальный домен
link-phrase-known_site = известный надёжный сайт
link-phrase-destination_hidden = сокращённая ссылка со скрытым адресом назначения
link-phrase-shortener_expanded = сокращённая ссылка, прослеженная до адреса назначения
link-phrase-local_post_name = почтовое название в национальной зоне своей страны
link-phrase-uncommon_tld = название бренда в редкой доменной зоне
link-phrase-lure_only_domain = имя только из слов о посылках или оплате
link-phrase-anonymous_lure = слова о посылках или оплате на хосте со случайным именем
link-phrase-ip_host = IP-адрес без доменного имени
link-phrase-nonstandard_port = необычный порт
link-phrase-free_hosting = бесплатный хостинг или динамический DNS
link-phrase-abuse_tld = доменная зона, популярная у мошенников
link-phrase-random_label = случайное на вид имя
link-phrase-mixed_script = смешение алфавитов в имени
link-phrase-homoglyph = символы-двойники
link-phrase-non_ascii = нелатинские символы
link-phrase-tld_swap = название бренда в другой доменной зоне
link-phrase-typosquat = название бренда с опечаткой
link-phrase-combosquat = название бренда в сочетании с другими словами
link-phrase-deep_subdomains = необычно длинная цепочка поддоменов
link-phrase-brand_com_hyphen = домен бренда, переходящий в другое имя
link-phrase-com_hyphen = доменная зона, за которой идёт дефис
link-phrase-brand_subdomain = название бренда перед посторонним доменом
link-phrase-lure_domain = слова о посылках или оплате в имени
link-phrase-lure_path = слова о посылках или оплате в пути
link-phrase-tracking_bait = номер, похожий на трек-номер
link-phrase-brand_in_path = название бренда на постороннем сайте
link-phrase-userinfo_trick = обманчивое имя перед знаком @
link-phrase-userinfo = имя пользователя или пароль
link-phrase-blocklist_url = в чёрном списке { $source }
link-phrase-blocklist_host = в чёрном списке { $source }
link-phrase-blocklist_domain = в чёрном списке { $source }
link-phrase-blocklist_ip = в чёрном списке { $source }
