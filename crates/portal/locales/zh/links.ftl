# 链接检查原因：每个原因代码一句话（`link-<code>`，参数见 links::REASON_CODES），
# 每个代码一个用于摘要的短语（`link-phrase-<code>`）。
# 句子用于补全“该链接……”。`form` 用于在同一原因的不同措辞之间选择。

link-official_domain = { $domain } 是 { $brand } 的官方域名
link-known_site = { $domain } 是 { $organisation } 的网站
link-destination_hidden = 是一个短链接（{ $domain }）：打开之前无法看到其真实去向
link-shortener_expanded = 是一个短链接，实际指向 { $final_url }
link-local_post_name = 在 .{ $tld } 国家域名后缀下使用了邮政名称，而该名称指的是该国的邮政
link-uncommon_tld = 将品牌名称放在不常见的 .{ $tld } 后缀下
link-lure_only_domain = 名称仅由包裹或付款相关词语构成（{ $label }）
link-anonymous_lure = 在看似随机的主机名上使用包裹或付款相关词语
link-ip_host = 指向一个裸 IP 地址，而不是域名
link-nonstandard_port = 使用了不常见的端口（{ $port }）
link-free_hosting = 托管在免费主机或动态域名服务上（{ $service }）
link-abuse_tld = 使用 .{ $tld } 后缀，这类后缀在诈骗中很常见
link-random_label = 名称看似随机（{ $label }）
link-mixed_script = 名称中混用了不同文字的字母（{ $host }）
link-homoglyph = { $form ->
    [words] 用形似字符并加上其他词语来模仿 { $brand }（{ $host }）
   *[whole] 用形似字符拼写来模仿 { $brand }（{ $host }）
}
link-non_ascii = 名称中含有非拉丁字符
link-tld_swap = { $form ->
    [whole] 以 { $brand } 的名称作为完整名称来冒充该品牌（{ $domain }）
   *[ending] 将 { $brand } 的名称放在其他域名后缀下来冒充该品牌（{ $domain }）
}
link-typosquat = 看起来像 { $brand }，但{ $edit ->
    [omission] 少了一个字母
    [repetition] 重复了一个字母
    [insertion] 多了一个字母
    [transposition] 调换了两个字母
    [homoglyph] 一个字符被替换成形似字符
    [vowel] 改动了一个元音字母
    [bitsquat] 一个字符有一位比特之差
   *[substitution] 改动了一个字母
}
link-combosquat = { $form ->
    [inside] 将 { $brand } 的名称嵌入另一个词中来冒充该品牌（{ $domain }）
   *[words] 将 { $brand } 的名称与其他词语组合来冒充该品牌（{ $domain }）
}
link-deep_subdomains = 子域名层级异常多
link-brand_com_hyphen = 开头像 { $brand }，但真实域名是 { $domain }
link-com_hyphen = 模仿以连字符结尾的域名后缀（{ $candidate }-...）
link-brand_subdomain = 将 { $brand } 的名称放在一个无关域名前面（{ $domain }）
link-lure_domain = 名称中含有诱饵词语（{ $words }）
link-lure_path = 路径中含有诱饵词语（{ $words }）
link-tracking_bait = 带有一个类似包裹追踪号的号码
link-brand_in_path = { $form ->
    [shortener] 短链接的自定义名称中出现了 { $brand }
   *[path] 无关网站的路径中出现了 { $brand }
}
link-userinfo_trick = { $form ->
    [brand] 在 @ 前放上 { $brand }，而链接实际指向 { $real }
   *[name] 将真实去向 { $real } 隐藏在“{ $user }@”之后
}
link-userinfo = 带有用户名或密码
link-blocklist_url = 该链接本身已被列入 { $source } 黑名单
link-blocklist_host = 主机 { $key } 已被列入 { $source } 黑名单
link-blocklist_domain = 域名 { $key } 已被列入 { $source } 黑名单
link-blocklist_ip = 地址 { $key } 已被列入 { $source } 黑名单

# 链接没有任何原因时。
link-none = 未发现危险迹象

# 在跟踪链接跳转时，于后续某一跳发现的原因。
link-hop = 第 { $hop } 跳（{ $hop_url }）：{ $sentence }

link-phrase-official_domain = 官方域名
link-phrase-known_site = 知名正规网站
link-phrase-destination_hidden = 隐藏真实去向的短链接
link-phrase-shortener_expanded = 短链接，已追踪到其去向
link-phrase-local_post_name = 该国自有后缀下的邮政名称
link-phrase-uncommon_tld = 不常见后缀下的品牌名称
link-phrase-lure_only_domain = 仅由包裹或付款词语构成的名称
link-phrase-anonymous_lure = 看似随机的主机名上的包裹或付款词语
link-phrase-ip_host = 裸 IP 地址
link-phrase-nonstandard_port = 不常见的端口
link-phrase-free_hosting = 免费主机或动态域名
link-phrase-abuse_tld = 诈骗中常见的域名后缀
link-phrase-random_label = 看似随机的名称
link-phrase-mixed_script = 名称中混用不同文字
link-phrase-homoglyph = 形似字符
link-phrase-non_ascii = 非拉丁字符
link-phrase-tld_swap = 其他后缀下的品牌名称
link-phrase-typosquat = 拼错的品牌名称
link-phrase-combosquat = 品牌名称加其他词语
link-phrase-deep_subdomains = 子域名层级异常多
link-phrase-brand_com_hyphen = 品牌域名与其他名称连在一起
link-phrase-com_hyphen = 域名后缀后接连字符
link-phrase-brand_subdomain = 无关域名前的品牌名称
link-phrase-lure_domain = 名称中的包裹或付款词语
link-phrase-lure_path = 路径中的包裹或付款词语
link-phrase-tracking_bait = 类似追踪号的号码
link-phrase-brand_in_path = 无关网站上的品牌名称
link-phrase-userinfo_trick = @ 前的误导性名称
link-phrase-userinfo = 用户名或密码
link-phrase-blocklist_url = 已列入 { $source } 黑名单
link-phrase-blocklist_host = 已列入 { $source } 黑名单
link-phrase-blocklist_domain = 已列入 { $source } 黑名单
link-phrase-blocklist_ip = 已列入 { $source } 黑名单
