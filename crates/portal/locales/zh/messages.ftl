# 消息检查原因：每个原因代码一句话（`message-<code>`，参数见 scamtext::REASON_CODES）。
# `link_reason` 为链接检查的短语（`link-phrase-<code>`）；当原因提到某个品牌时，`form` 为 `brand`。

message-malicious_link = 链接检查：{ $url } 为恶意链接（{ $link_reason }{ $form ->
    [brand] ，仿冒 { $brand }
   *[other] {""}
}）
message-suspicious_link = 链接检查：{ $url } 为可疑链接（{ $link_reason }{ $form ->
    [brand] ，仿冒 { $brand }
   *[other] {""}
}）
message-brand_link_mismatch = { $form ->
    [brand] 提到 { $brand }，但链接指向其官方域名之外
   *[other] 提到某个品牌，但链接指向其官方域名之外
}
message-brand_in_lookalike_host = 某个链接的主机名模仿品牌名称，但并非该品牌的域名
message-url_shortener = 用短链接服务隐藏真实去向
message-risky_tld = 链接指向常被用于网络钓鱼的廉价顶级域名
message-ip_link = 链接指向裸 IP 地址
message-payment_request = 要求付款或提供银行卡信息
message-payment_report = 声称已完成一笔银行卡或账户交易
message-small_amount = 要求支付一笔小额费用，这是包裹诈骗的典型手法
message-urgency = 以期限催促读者
message-callback_number = 要求读者拨打某个号码或向其发送消息
message-official_link = 仅链接到官方域名：所提品牌的域名或知名机构的域名
message-model_score = 文本模型判定的诈骗概率：{ $score }
