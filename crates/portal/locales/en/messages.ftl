# Message check reasons: one sentence per reason code (`message-<code>`, its arguments as
# listed in scamtext::REASON_CODES). `link_reason` arrives as the link check's phrase
# (`link-phrase-<code>`); `form` is `brand` when the reason names a brand.

message-malicious_link = link checker: { $url } is malicious ({ $link_reason }{ $form ->
    [brand] , imitating { $brand }
   *[other] {""}
})
message-suspicious_link = link checker: { $url } is suspicious ({ $link_reason }{ $form ->
    [brand] , imitating { $brand }
   *[other] {""}
})
message-brand_link_mismatch = { $form ->
    [brand] names { $brand } but links outside its official domains
   *[other] names a brand but links outside its official domains
}
message-brand_in_lookalike_host = a link's host imitates a brand name but is not the brand's domain
message-url_shortener = hides its destination behind a URL shortener
message-risky_tld = links to a cheap top-level domain often used for phishing
message-ip_link = links to a bare IP address
message-payment_request = asks for a payment or card details
message-payment_report = reports a completed card or account transaction
message-small_amount = asks for a small fee, typical of parcel scams
message-urgency = pressures the reader with a deadline
message-callback_number = asks the reader to call or message a number
message-official_link = links only to official domains: the named brand's or well-known organisations'
message-model_score = text model scam probability { $score }
