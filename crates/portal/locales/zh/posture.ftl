# 域名安全态势检查结果：每个结果代码说明其含义（`posture-<code>`）以及应对方法
# （`posture-<code>-fix`）。代码来自 crates/posture 的目录；门户中的测试会检查
# 每种语言是否都为每个代码提供了这两句话。

posture-domain-invalid = 所填名称不是有效的域名。
posture-domain-invalid-fix = 请检查拼写；支持国际化域名，系统会自动转换。
posture-domain-nxdomain = 该域名在 DNS 中不存在（NXDOMAIN）；其他所有结果都由此而来。
posture-domain-nxdomain-fix = 请检查拼写，或注册并委派该域名。
posture-check-timeout = 这部分检查未能在规定时间内完成，因此结果未知。
posture-check-timeout-fix = 请重试；如果反复出现，说明该域名的名称服务器响应缓慢或无法访问。
posture-dnssec-missing = 该域名未使用 DNSSEC 签名（委派可证明为不安全），解析器无法识别伪造的应答。
posture-dnssec-missing-fix = 请在 DNS 服务商处为区域签名，并在注册商处发布 DS 记录。
posture-dnssec-bogus = DNSSEC 验证失败：执行验证的解析器将拒绝解析该域名，大多数用户的邮件和网站访问都会中断。
posture-dnssec-bogus-fix = 请重新为区域签名，或在注册商处修正 DS 记录；具体故障请查看证据。
posture-dnssec-signature-expired = DNSSEC 签名已过期（或尚未生效）；执行验证的解析器会将该域名视为验证失败（bogus）。
posture-dnssec-signature-expired-fix = 请重新为区域签名，并确保自动重签在签名过期前足够早地运行。
posture-dnssec-ds-mismatch = 上级区域的 DS 记录与本区域的任何 DNSKEY 都不匹配：信任链已断开，该域名验证失败。
posture-dnssec-ds-mismatch-fix = 请在注册商处发布与当前密钥签名密钥（KSK）相匹配的 DS 记录（或回滚密钥）。
posture-dnssec-bad-signature = 某个 DNSSEC 签名无法用本区域的密钥验证：数据已被篡改或用其他密钥签名，该域名验证失败。
posture-dnssec-bad-signature-fix = 请用区域所发布的密钥重新签名；检查每台名称服务器提供的是否为同一份已签名区域。
posture-dnssec-missing-signature = 已签名的数据缺少 DNSSEC 签名：执行验证的解析器会将该域名视为验证失败。
posture-dnssec-missing-signature-fix = 请重新为区域签名，并检查每台名称服务器提供的是否为已签名版本。
posture-dnssec-unproven-denial = 否定应答（无 DS 记录、名称不存在）缺少有效的 NSEC/NSEC3 证明，信任链无法延续，该域名验证失败。
posture-dnssec-unproven-denial-fix = 请重新为区域签名，确保发布并签名 NSEC 或 NSEC3 记录；如果缺少 DS 证明，请检查上级区域。
posture-dnssec-no-trust-anchor = 根密钥与任何已配置的信任锚都不匹配，因此无法进行任何验证（这是检查工具配置或解析器应答的问题，而不是该域名的问题）。
posture-dnssec-no-trust-anchor-fix = 请检查提供给检查工具的信任锚及其所用的解析器。
posture-dnssec-indeterminate = 由于查询失败，无法确定 DNSSEC 状态；这并不等同于未签名。
posture-dnssec-indeterminate-fix = 请重试；检查名称服务器是否能通过 UDP 和 TCP 响应 DS 和 DNSKEY 查询。
posture-dnssec-secure = 该域名从信任锚开始逐级通过 DNSSEC 验证。
posture-dnssec-secure-fix = 无需处理；请保持自动签名。
posture-spf-missing = 没有 SPF 记录：任何人都可以冒用该域名发送邮件，收件方无法分辨。
posture-spf-missing-fix = 请发布 TXT 记录，例如“v=spf1 mx -all”，列出为您发送邮件的服务器。
posture-spf-multiple-records = 存在多条 SPF 记录：收件方必须将其视为永久性错误，并完全忽略 SPF。
posture-spf-multiple-records-fix = 请将它们合并为一条“v=spf1 ...” TXT 记录。
posture-spf-syntax-error = SPF 记录不符合 RFC 7208 语法；收件方会将其视为永久性错误。
posture-spf-syntax-error-fix = 请修正证据中显示的条目。
posture-spf-pass-all = SPF 记录以“+all”结尾：互联网上的任何服务器都被授权以该域名发送邮件。
posture-spf-pass-all-fix = 请以“-all”结束记录（测试期间可用“~all”）。
posture-spf-neutral-all = SPF 记录以“?all”结尾，对未列出的发件服务器不作任何声明。
posture-spf-neutral-all-fix = 请以“-all”结束记录。
posture-spf-softfail-all = SPF 记录以“~all”（软失败）结尾；在 DMARC 强制执行的情况下可以接受，“-all”更严格。
posture-spf-softfail-all-fix = 列出所有发件服务器后，可考虑改用“-all”。
posture-spf-no-all = SPF 记录既没有“all”机制也没有 redirect，未列出的发件服务器将得到中性结果。
posture-spf-no-all-fix = 请以“-all”结束记录。
posture-spf-ptr-mechanism = SPF 记录使用了“ptr”，RFC 7208 建议不要使用：它速度慢、不可靠，且可能被忽略。
posture-spf-ptr-mechanism-fix = 请用 ip4/ip6/a/mx 机制替换 ptr。
posture-spf-too-many-lookups = 解析该 SPF 记录需要超过 10 个会触发 DNS 查询的条目（include、a、mx、ptr、exists、redirect）；收件方会返回永久性错误。
posture-spf-too-many-lookups-fix = 请展开 include 或删除不用的 include，使查询不超过 10 次。
posture-spf-too-many-void-lookups = SPF 解析中有超过 2 次查询未返回数据或返回 NXDOMAIN；收件方会返回永久性错误。
posture-spf-too-many-void-lookups-fix = 请删除指向无记录名称的机制。
posture-spf-include-no-record = 某个 include 指向没有 SPF 记录的域名，这属于永久性错误。
posture-spf-include-no-record-fix = 请删除该 include，或修正目标域名的 SPF 记录。
posture-spf-include-loop = SPF 的 include 或 redirect 形成了循环。
posture-spf-include-loop-fix = 请删除指回自身的 include 或 redirect。
posture-spf-lookup-error = 无法查询 SPF 记录（或其引用的记录）；结果未知，并非缺失。
posture-spf-lookup-error-fix = 请检查名称服务器是否响应 TXT 查询，然后重试。
posture-spf-redirect-ignored = 该记录同时含有“all”和“redirect=”；redirect 永远不会生效。
posture-spf-redirect-ignored-fix = 请删除其中之一。
posture-dmarc-missing = 没有 DMARC 记录：收件方对 SPF 和 DKIM 均未通过的邮件没有处理策略，您也收不到报告。
posture-dmarc-missing-fix = 请在 _dmarc.<domain> 发布“v=DMARC1; p=reject; rua=mailto:...”（仅在收集报告期间先使用 p=none）。
posture-dmarc-multiple-records = 存在多条 DMARC 记录：收件方必须完全忽略 DMARC。
posture-dmarc-multiple-records-fix = 请在 _dmarc 下只保留一条“v=DMARC1” TXT 记录。
posture-dmarc-syntax-error = DMARC 记录不符合 RFC 7489 语法。
posture-dmarc-syntax-error-fix = 请修正证据中显示的标签。
posture-dmarc-policy-none = DMARC 策略为 p=none：未通过验证的邮件照常投递，无法阻止仿冒。
posture-dmarc-policy-none-fix = 报告显示合法邮件均能通过后，请先改为 p=quarantine，再改为 p=reject。
posture-dmarc-policy-quarantine = DMARC 策略为 p=quarantine；p=reject 的防护最强。
posture-dmarc-policy-quarantine-fix = 报告情况允许时，请改为 p=reject。
posture-dmarc-subdomain-policy-none = 子域名策略为 sp=none：来自虚构子域名的仿冒邮件会被投递。
posture-dmarc-subdomain-policy-none-fix = 请设置 sp=reject（或删除 sp 以沿用 p）。
posture-dmarc-pct-partial = pct 小于 100：策略只适用于部分未通过验证的邮件。
posture-dmarc-pct-partial-fix = 请设置 pct=100（或删除 pct）。
posture-dmarc-no-rua = 没有 rua= 汇总报告地址：您将无法得知谁在以您的域名发送邮件。
posture-dmarc-no-rua-fix = 请添加 rua=mailto:dmarc-reports@<your domain>。
posture-dmarc-rua-external-unauthorized = 某个报告地址位于其他机构的域名中，而该域名未授权接收（RFC 7489 第 7.1 节）；收件方不会发送这些报告。
posture-dmarc-rua-external-unauthorized-fix = 请让接收方在 <your domain>._report._dmarc.<their domain> 发布“v=DMARC1”。
posture-dmarc-inherited-from-org-domain = 该域名没有自己的 DMARC 记录；适用其组织域名的记录。
posture-dmarc-inherited-from-org-domain-fix = 无需处理；如需设置不同的策略，请在此发布一条记录。
posture-dmarc-lookup-error = 无法查询 DMARC 记录；结果未知，并非缺失。
posture-dmarc-lookup-error-fix = 请检查名称服务器是否响应 _dmarc 的 TXT 查询，然后重试。
posture-dkim-missing = 在已尝试的选择器下未找到 DKIM 密钥；没有 DKIM，DMARC 只能依赖 SPF，而邮件一经转发 SPF 就会失效。
posture-dkim-missing-fix = 请用 DKIM 为外发邮件签名并发布密钥；用 --dkim-selector 指定您的选择器。
posture-dkim-key-malformed = 某条 DKIM 密钥记录不符合 RFC 6376，或其密钥无法解码；用它生成的签名将验证失败。
posture-dkim-key-malformed-fix = 请按邮件系统的 DKIM 设置重新发布该记录。
posture-dkim-key-revoked = 某个 DKIM 选择器的密钥为空（p=）：该密钥已被吊销。
posture-dkim-key-revoked-fix = 如果该选择器已停用，则无需处理；否则请发布当前密钥。
posture-dkim-key-too-short = 某个 DKIM RSA 密钥短于 1024 位，可被分解破解；收件方会忽略此类签名。
posture-dkim-key-too-short-fix = 请生成 2048 位 RSA 密钥（或在 RSA 之外另加 Ed25519 密钥）并轮换。
posture-dkim-key-weak = 某个 DKIM RSA 密钥短于 2048 位。
posture-dkim-key-weak-fix = 请轮换为 2048 位 RSA 密钥。
posture-dkim-testing-mode = 某个 DKIM 密钥处于测试模式（t=y）：收件方可能将其签名视为未签名。
posture-dkim-testing-mode-fix = 签名正常工作后，请删除 t=y。
posture-dkim-lookup-error = 无法查询某个 DKIM 选择器；结果未知。
posture-dkim-lookup-error-fix = 请重试；检查名称服务器。
posture-mx-null = 该域名发布了空 MX 记录（RFC 7505）：声明不接收邮件；适用不收邮件的规则。
posture-mx-null-fix = 无需处理；另请发布“v=spf1 -all”和 DMARC p=reject。
posture-mx-missing = 没有 MX 记录：邮件将退而使用该域名的地址记录。
posture-mx-missing-fix = 请发布 MX 记录；如果该域名不接收邮件，请发布空 MX 记录（“MX 0 .”）。
posture-mx-lookup-error = 无法查询 MX 记录；结果未知。
posture-mx-lookup-error-fix = 请检查名称服务器是否响应 MX 查询。
posture-mx-host-unresolvable = 某台 MX 主机没有地址记录；发往该主机的邮件会失败。
posture-mx-host-unresolvable-fix = 请修正 MX 目标或其 A/AAAA 记录。
posture-mta-sts-missing = 没有 MTA-STS 记录：发件方无法要求以经过认证的 TLS 连接您的 MX 主机。
posture-mta-sts-missing-fix = 请发布 _mta-sts TXT “v=STSv1; id=...”，并在 https://mta-sts.<domain>/.well-known/mta-sts.txt 发布策略。
posture-mta-sts-syntax-error = MTA-STS TXT 记录或策略文件不符合 RFC 8461。
posture-mta-sts-syntax-error-fix = 请修正证据中显示的字段。
posture-mta-sts-mode-testing = MTA-STS 策略处于测试模式：失败会被报告，但不会强制执行。
posture-mta-sts-mode-testing-fix = TLS 报告没有问题后，请切换为 mode: enforce。
posture-mta-sts-mx-mismatch = 某台 MX 主机不在 MTA-STS 策略的 mx: 模式范围内；强制执行的发件方将拒绝向其投递。
posture-mta-sts-mx-mismatch-fix = 请将该 MX 主机（或匹配的 *.pattern）加入策略。
posture-mta-sts-policy-unreachable = 无法通过经过验证的 HTTPS 获取 MTA-STS 策略，因此该策略未生效。
posture-mta-sts-policy-unreachable-fix = 请在 https://mta-sts.<domain>/.well-known/mta-sts.txt 提供策略，并使用有效证书。
posture-mta-sts-lookup-error = 无法查询 MTA-STS 记录；结果未知。
posture-mta-sts-lookup-error-fix = 请重试；检查名称服务器。
posture-tls-rpt-missing = 没有 TLS-RPT 记录：TLS 投递失败时您将无从得知。
posture-tls-rpt-missing-fix = 请发布 _smtp._tls TXT “v=TLSRPTv1; rua=mailto:...”。
posture-tls-rpt-syntax-error = TLS-RPT 记录不符合 RFC 8460。
posture-tls-rpt-syntax-error-fix = 请修正证据中显示的记录。
posture-tlsa-missing = 该主机没有 TLSA（DANE）记录；在已部署 DNSSEC 的情况下，DANE 可让发件方认证该主机。
posture-tlsa-missing-fix = 请为该服务发布 TLSA “3 1 1” 记录。
posture-tlsa-mismatch = TLSA 记录与服务器出示的任何证书都不匹配：DANE 客户端将拒绝连接。
posture-tlsa-mismatch-fix = 请将 TLSA 记录更新为当前证书或密钥（轮换前先发布新记录）。
posture-tlsa-lookup-error = 无法查询某条 TLSA 记录；结果未知。
posture-tlsa-lookup-error-fix = 请重试；检查名称服务器。
posture-caa-missing = 没有 CAA 记录：任何证书颁发机构都可以为该域名签发证书。
posture-caa-missing-fix = 请为您使用的 CA 发布 CAA "0 issue \"your-ca.example\""。
posture-caa-unknown-critical-tag = 某条 CAA 记录带有关键标志，而其标签 CA 无法识别；所有 CA 都必须拒绝签发。
posture-caa-unknown-critical-tag-fix = 请删除关键标志或该未知标签。
posture-caa-lookup-error = 无法查询 CAA 记录；查询失败时 CA 同样会拒绝签发。
posture-caa-lookup-error-fix = 请检查名称服务器是否响应 CAA 查询。
posture-https-unreachable = 该网站在 443 端口上不响应 HTTPS。
posture-https-unreachable-fix = 请通过 HTTPS 提供网站。
posture-https-address-refused = 该网站的名称解析到环回地址、私有地址或其他特殊用途地址：无法从互联网访问，共享中心也不会连接该地址。
posture-https-address-refused-fix = 请只为该名称发布公网地址（A 和 AAAA）。
posture-https-modern-tls-missing = 服务器既不支持 TLS 1.3，也不支持 TLS 1.2。
posture-https-modern-tls-missing-fix = 请启用 TLS 1.2 和 TLS 1.3。
posture-https-tls13-missing = 服务器不支持 TLS 1.3。
posture-https-tls13-missing-fix = 请启用 TLS 1.3。
posture-https-legacy-tls-enabled = 服务器仍接受已弃用的 TLS 1.0 或 1.1（RFC 8996）。
posture-https-legacy-tls-enabled-fix = 请禁用 TLS 1.0 和 1.1。
posture-https-cert-expired = 证书已过期或尚未生效。
posture-https-cert-expired-fix = 请更新证书，并实现自动续期。
posture-https-cert-expiring = 证书将在 14 天内过期。
posture-https-cert-expiring-fix = 请立即更新证书，并实现自动续期。
posture-https-cert-hostname-mismatch = 该证书对此主机名无效。
posture-https-cert-hostname-mismatch-fix = 请签发包含此主机名的证书。
posture-https-cert-untrusted = 证书无法链接到受信任的根证书。
posture-https-cert-untrusted-fix = 请使用公开受信任的 CA 签发的证书。
posture-https-cert-chain-incomplete = 服务器未发送中间证书，许多客户端因此无法构建证书链。
posture-https-cert-chain-incomplete-fix = 请配置完整证书链（终端证书加中间证书）。
posture-https-hsts-missing = 没有 Strict-Transport-Security 头（或 max-age 不足一年）：浏览器可能被降级到 HTTP。
posture-https-hsts-missing-fix = 请发送 Strict-Transport-Security: max-age=31536000。
posture-https-no-redirect = 普通 HTTP 不会重定向到 HTTPS。
posture-https-no-redirect-fix = 请用 301 将每个 http:// 请求重定向到 https://。
