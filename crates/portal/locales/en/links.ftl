# Link check reasons: one sentence per reason code (`link-<code>`, its arguments as listed in
# links::REASON_CODES) and one short phrase per code (`link-phrase-<code>`) for summaries.
# A sentence completes "This link ...". `form` chooses between wordings of one reason.

link-official_domain = { $domain } is an official domain of { $brand }
link-known_site = { $domain } is the site of { $organisation }
link-destination_hidden = is a shortened link ({ $domain }): its destination is hidden until it is followed
link-shortener_expanded = is a shortened link that leads to { $final_url }
link-local_post_name = uses a postal name under the .{ $tld } country ending, where it names that country's post
link-uncommon_tld = puts a brand name under the uncommon .{ $tld } ending
link-lure_only_domain = is named only with parcel or payment words ({ $label })
link-anonymous_lure = puts parcel or payment words on a random-looking host
link-ip_host = points to a bare IP address instead of a domain name
link-nonstandard_port = uses an unusual port ({ $port })
link-free_hosting = is hosted on a free hosting or dynamic-DNS service ({ $service })
link-abuse_tld = uses the .{ $tld } ending, common in scams
link-random_label = has a random-looking name ({ $label })
link-mixed_script = mixes alphabets in its name ({ $host })
link-homoglyph = { $form ->
    [words] looks like { $brand } with look-alike characters and other words ({ $host })
   *[whole] looks like { $brand } written with look-alike characters ({ $host })
}
link-non_ascii = uses non-Latin characters in its name
link-tld_swap = { $form ->
    [whole] impersonates { $brand } by using its name as its whole name ({ $domain })
   *[ending] impersonates { $brand } by using its name under another domain ending ({ $domain })
}
link-typosquat = looks like { $brand } with { $edit ->
    [omission] one letter left out
    [repetition] one letter doubled
    [insertion] one letter added
    [transposition] two letters swapped
    [homoglyph] one character replaced by a look-alike
    [vowel] one vowel changed
    [bitsquat] one character off by one bit
   *[substitution] one letter changed
}
link-combosquat = { $form ->
    [inside] impersonates { $brand } by combining its name inside another word ({ $domain })
   *[words] impersonates { $brand } by combining its name with other words ({ $domain })
}
link-deep_subdomains = has an unusually long chain of subdomains
link-brand_com_hyphen = starts like { $brand } but the real domain is { $domain }
link-com_hyphen = imitates a domain ending with a hyphen ({ $candidate }-...)
link-brand_subdomain = puts the name of { $brand } in front of an unrelated domain ({ $domain })
link-lure_domain = has lure words in its name ({ $words })
link-lure_path = has lure words in its path ({ $words })
link-tracking_bait = carries a parcel-tracking-like number
link-brand_in_path = { $form ->
    [shortener] { $brand } is named in a shortened link's chosen name
   *[path] { $brand } is named in the path of an unrelated site
}
link-userinfo_trick = { $form ->
    [brand] puts { $brand } in front of an @ while the link really goes to { $real }
   *[name] hides its real destination { $real } behind "{ $user }@"
}
link-userinfo = carries a user name or password
link-blocklist_url = this exact link is on the blocklist { $source }
link-blocklist_host = the host { $key } is on the blocklist { $source }
link-blocklist_domain = the domain { $key } is on the blocklist { $source }
link-blocklist_ip = the address { $key } is on the blocklist { $source }

# When a link gives no reason at all.
link-none = no warning sign found

# A reason found on a later hop of a followed link.
link-hop = hop { $hop } ({ $hop_url }): { $sentence }

link-phrase-official_domain = an official domain
link-phrase-known_site = a well-known legitimate site
link-phrase-destination_hidden = a shortened link whose destination is hidden
link-phrase-shortener_expanded = a shortened link, followed to its destination
link-phrase-local_post_name = a postal name under that country's own ending
link-phrase-uncommon_tld = a brand name under an uncommon ending
link-phrase-lure_only_domain = a name made only of parcel or payment words
link-phrase-anonymous_lure = parcel or payment words on a random-looking host
link-phrase-ip_host = a bare IP address
link-phrase-nonstandard_port = an unusual port
link-phrase-free_hosting = free hosting or dynamic DNS
link-phrase-abuse_tld = a domain ending common in scams
link-phrase-random_label = a random-looking name
link-phrase-mixed_script = mixed alphabets in its name
link-phrase-homoglyph = look-alike characters
link-phrase-non_ascii = non-Latin characters
link-phrase-tld_swap = a brand name under another ending
link-phrase-typosquat = a misspelt brand name
link-phrase-combosquat = a brand name with other words
link-phrase-deep_subdomains = an unusually long chain of subdomains
link-phrase-brand_com_hyphen = a brand domain running into another name
link-phrase-com_hyphen = a domain ending followed by a hyphen
link-phrase-brand_subdomain = a brand name in front of an unrelated domain
link-phrase-lure_domain = parcel or payment words in its name
link-phrase-lure_path = parcel or payment words in its path
link-phrase-tracking_bait = a tracking-like number
link-phrase-brand_in_path = a brand name on an unrelated site
link-phrase-userinfo_trick = a misleading name before an @
link-phrase-userinfo = a user name or password
link-phrase-blocklist_url = on the blocklist { $source }
link-phrase-blocklist_host = on the blocklist { $source }
link-phrase-blocklist_domain = on the blocklist { $source }
link-phrase-blocklist_ip = on the blocklist { $source }
