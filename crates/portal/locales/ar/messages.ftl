# أسباب فحص الرسائل: جملة واحدة لكل رمز سبب (`message-<code>`، ووسائطه كما هي مدرجة في
# scamtext::REASON_CODES). تصل `link_reason` على شكل عبارة فحص الرابط
# (`link-phrase-<code>`)؛ وتكون قيمة `form` هي `brand` عندما يذكر السبب علامة تجارية.

message-malicious_link = فاحص الروابط: { $url } خبيث ({ $link_reason }{ $form ->
    [brand] ، وينتحل صفة { $brand }
   *[other] {""}
})
message-suspicious_link = فاحص الروابط: { $url } مشبوه ({ $link_reason }{ $form ->
    [brand] ، وينتحل صفة { $brand }
   *[other] {""}
})
message-brand_link_mismatch = { $form ->
    [brand] تذكر { $brand } لكنها تحيل إلى روابط خارج نطاقاتها الرسمية
   *[other] تذكر علامة تجارية لكنها تحيل إلى روابط خارج نطاقاتها الرسمية
}
message-brand_in_lookalike_host = مضيف أحد الروابط يقلّد اسم علامة تجارية لكنه ليس نطاق هذه العلامة
message-url_shortener = تخفي وجهة الرابط خلف خدمة لاختصار الروابط
message-risky_tld = تحيل إلى امتداد نطاق رخيص يُستخدم كثيرًا في التصيّد الاحتيالي
message-ip_link = تحيل إلى عنوان IP مجرد
message-payment_request = تطلب دفع مبلغ أو إدخال بيانات بطاقة
message-payment_report = تُبلغ عن عملية منفَّذة على بطاقة أو حساب
message-small_amount = تطلب رسومًا بسيطة، وهذا معتاد في عمليات الاحتيال المتعلقة بالطرود
message-urgency = تضغط على القارئ بمهلة زمنية
message-callback_number = تطلب من القارئ الاتصال برقم أو مراسلته
message-official_link = لا تحيل إلا إلى نطاقات رسمية: نطاقات العلامة التجارية المذكورة أو نطاقات جهات معروفة
message-model_score = احتمال الاحتيال وفق نموذج تحليل النصوص: { $score }
