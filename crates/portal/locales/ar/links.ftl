# أسباب فحص الروابط: جملة واحدة لكل رمز سبب (`link-<code>`، ووسائطه كما هي مدرجة في
# links::REASON_CODES) وعبارة قصيرة لكل رمز (`link-phrase-<code>`) للملخصات.
# تُكمل الجملة عبارة "هذا الرابط ...". تختار `form` بين صيغ مختلفة للسبب نفسه.

link-official_domain = { $domain } نطاق رسمي من نطاقات { $brand }
link-known_site = { $domain } هو موقع { $organisation }
link-destination_hidden = رابط مختصَر ({ $domain }): تبقى وجهته مخفية حتى يُفتح
link-shortener_expanded = رابط مختصَر يؤدي إلى { $final_url }
link-local_post_name = يستخدم اسمًا بريديًا تحت الامتداد الوطني { $tld }، حيث يدل هذا الاسم على بريد ذلك البلد
link-uncommon_tld = يضع اسم علامة تجارية تحت الامتداد غير الشائع { $tld }
link-lure_only_domain = اسمه مكوَّن فقط من كلمات تتعلق بالطرود أو الدفع ({ $label })
link-anonymous_lure = يضع كلمات تتعلق بالطرود أو الدفع على مضيف يبدو اسمه عشوائيًا
link-ip_host = يشير إلى عنوان IP مجرد بدلًا من اسم نطاق
link-nonstandard_port = يستخدم منفذًا غير معتاد ({ $port })
link-free_hosting = مستضاف على خدمة استضافة مجانية أو خدمة DNS ديناميكي ({ $service })
link-abuse_tld = يستخدم الامتداد { $tld }، وهو شائع في عمليات الاحتيال
link-random_label = له اسم يبدو عشوائيًا ({ $label })
link-mixed_script = يخلط بين أبجديات مختلفة في اسمه ({ $host })
link-homoglyph = { $form ->
    [words] يشبه { $brand } بحروف متشابهة في الشكل مع كلمات أخرى ({ $host })
   *[whole] يشبه { $brand } مكتوبًا بحروف متشابهة في الشكل ({ $host })
}
link-non_ascii = يستخدم حروفًا غير لاتينية في اسمه
link-tld_swap = { $form ->
    [whole] ينتحل صفة { $brand } باتخاذ اسمها اسمًا كاملًا له ({ $domain })
   *[ending] ينتحل صفة { $brand } باستخدام اسمها تحت امتداد نطاق آخر ({ $domain })
}
link-typosquat = يشبه { $brand } مع { $edit ->
    [omission] حذف حرف واحد
    [repetition] تكرار حرف واحد
    [insertion] إضافة حرف واحد
    [transposition] تبديل موضعَي حرفين
    [homoglyph] استبدال حرف واحد بحرف يشبهه في الشكل
    [vowel] تغيير حرف علّة واحد
    [bitsquat] اختلاف حرف واحد في بت واحد
   *[substitution] تغيير حرف واحد
}
link-combosquat = { $form ->
    [inside] ينتحل صفة { $brand } بدمج اسمها داخل كلمة أخرى ({ $domain })
   *[words] ينتحل صفة { $brand } بدمج اسمها مع كلمات أخرى ({ $domain })
}
link-deep_subdomains = يحتوي على سلسلة طويلة على نحو غير معتاد من النطاقات الفرعية
link-brand_com_hyphen = يبدأ مثل { $brand } لكن النطاق الحقيقي هو { $domain }
link-com_hyphen = يقلّد امتداد نطاق ({ $candidate }) تليه شرطة
link-brand_subdomain = يضع اسم { $brand } أمام نطاق غير ذي صلة ({ $domain })
link-lure_domain = يحتوي اسمه على كلمات استدراج ({ $words })
link-lure_path = يحتوي مساره على كلمات استدراج ({ $words })
link-tracking_bait = يحمل رقمًا يشبه رقم تتبع الطرود
link-brand_in_path = { $form ->
    [shortener] يرد اسم { $brand } في الاسم المختار لرابط مختصَر
   *[path] يرد اسم { $brand } في مسار موقع غير ذي صلة
}
link-userinfo_trick = { $form ->
    [brand] يضع { $brand } قبل الرمز @ بينما يتجه الرابط فعليًا إلى { $real }
   *[name] يخفي وجهته الحقيقية { $real } خلف الاسم "{ $user }" متبوعًا بالرمز @
}
link-userinfo = يتضمن اسم مستخدم أو كلمة مرور
link-blocklist_url = هذا الرابط بعينه مدرج في قائمة الحظر { $source }
link-blocklist_host = المضيف { $key } مدرج في قائمة الحظر { $source }
link-blocklist_domain = النطاق { $key } مدرج في قائمة الحظر { $source }
link-blocklist_ip = العنوان { $key } مدرج في قائمة الحظر { $source }

# عندما لا يقدّم الرابط أي سبب.
link-none = لم يُعثر على أي علامة تحذير

# سبب عُثر عليه في مرحلة لاحقة من تتبّع الرابط (بعد إعادة توجيه).
link-hop = إعادة التوجيه { $hop } ({ $hop_url }): { $sentence }

link-phrase-official_domain = نطاق رسمي
link-phrase-known_site = موقع مشروع معروف
link-phrase-destination_hidden = رابط مختصَر وجهته مخفية
link-phrase-shortener_expanded = رابط مختصَر تمت متابعته حتى وجهته
link-phrase-local_post_name = اسم بريدي تحت الامتداد الخاص بذلك البلد
link-phrase-uncommon_tld = اسم علامة تجارية تحت امتداد غير شائع
link-phrase-lure_only_domain = اسم مكوَّن فقط من كلمات تتعلق بالطرود أو الدفع
link-phrase-anonymous_lure = كلمات تتعلق بالطرود أو الدفع على مضيف يبدو عشوائيًا
link-phrase-ip_host = عنوان IP مجرد
link-phrase-nonstandard_port = منفذ غير معتاد
link-phrase-free_hosting = استضافة مجانية أو DNS ديناميكي
link-phrase-abuse_tld = امتداد نطاق شائع في عمليات الاحتيال
link-phrase-random_label = اسم يبدو عشوائيًا
link-phrase-mixed_script = أبجديات مختلطة في الاسم
link-phrase-homoglyph = حروف متشابهة في الشكل
link-phrase-non_ascii = حروف غير لاتينية
link-phrase-tld_swap = اسم علامة تجارية تحت امتداد آخر
link-phrase-typosquat = اسم علامة تجارية مكتوب بخطأ إملائي
link-phrase-combosquat = اسم علامة تجارية مع كلمات أخرى
link-phrase-deep_subdomains = سلسلة طويلة على نحو غير معتاد من النطاقات الفرعية
link-phrase-brand_com_hyphen = نطاق علامة تجارية متصل باسم آخر
link-phrase-com_hyphen = امتداد نطاق تليه شرطة
link-phrase-brand_subdomain = اسم علامة تجارية أمام نطاق غير ذي صلة
link-phrase-lure_domain = كلمات تتعلق بالطرود أو الدفع في الاسم
link-phrase-lure_path = كلمات تتعلق بالطرود أو الدفع في المسار
link-phrase-tracking_bait = رقم يشبه رقم التتبع
link-phrase-brand_in_path = اسم علامة تجارية على موقع غير ذي صلة
link-phrase-userinfo_trick = اسم مضلِّل قبل الرمز @
link-phrase-userinfo = اسم مستخدم أو كلمة مرور
link-phrase-blocklist_url = مدرج في قائمة الحظر { $source }
link-phrase-blocklist_host = مدرج في قائمة الحظر { $source }
link-phrase-blocklist_domain = مدرج في قائمة الحظر { $source }
link-phrase-blocklist_ip = مدرج في قائمة الحظر { $source }
