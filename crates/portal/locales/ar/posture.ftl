# نتائج فحص الوضع الأمني: لكل رمز نتيجة، ما يعنيه (`posture-<code>`) وما يجب فعله
# حياله (`posture-<code>-fix`). الرموز مأخوذة من فهرس crates/posture؛ ويتحقق اختبار في
# البوابة من وجود الجملتين لكل رمز في كل لغة.

posture-domain-invalid = الاسم المُدخل ليس اسم نطاق صالحًا.
posture-domain-invalid-fix = تحقّق من الكتابة؛ أسماء النطاقات الدولية مقبولة ويتم تحويلها.
posture-domain-nxdomain = النطاق غير موجود في DNS (NXDOMAIN)؛ وكل النتائج الأخرى تترتب على ذلك.
posture-domain-nxdomain-fix = تحقّق من الكتابة، أو سجّل النطاق وفوّضه إلى خوادم أسماء.
posture-check-timeout = لم يكتمل هذا الجزء من الفحص ضمن المهلة الزمنية المحددة، لذا فنتيجته غير معروفة.
posture-check-timeout-fix = أعد المحاولة؛ وإذا تكرر ذلك، فخوادم أسماء النطاق بطيئة أو يتعذر الوصول إليها.
posture-dnssec-missing = النطاق غير موقَّع بـ DNSSEC (التفويض غير آمن بشكل مُثبَت)، لذا لا تستطيع المحلِّلات كشف الإجابات المزوَّرة.
posture-dnssec-missing-fix = وقّع المنطقة لدى مشغّل DNS، وانشر سجل DS لدى مسجّل النطاقات.
posture-dnssec-bogus = يفشل التحقق بـ DNSSEC: سترفض المحلِّلات التي تجري التحقق الإجابة عن هذا النطاق، فيتعطل البريد والويب لدى معظم المستخدمين.
posture-dnssec-bogus-fix = أعد توقيع المنطقة، أو صحّح سجل DS لدى مسجّل النطاقات؛ وراجع الأدلة لمعرفة سبب الفشل بالتحديد.
posture-dnssec-signature-expired = انتهت صلاحية تواقيع DNSSEC (أو لم تصبح صالحة بعد)؛ وتعامل المحلِّلات التي تجري التحقق النطاقَ على أنه غير صالح (bogus).
posture-dnssec-signature-expired-fix = أعد توقيع المنطقة، وتأكد من أن إعادة التوقيع التلقائية تعمل قبل انتهاء صلاحية التواقيع بوقت كافٍ.
posture-dnssec-ds-mismatch = سجل DS في المنطقة الأم لا يطابق أي مفتاح DNSKEY في المنطقة: سلسلة الثقة مقطوعة والنطاق غير صالح (bogus).
posture-dnssec-ds-mismatch-fix = انشر لدى مسجّل النطاقات سجل DS يطابق مفتاح توقيع المفاتيح الحالي (أو أعد المفتاح السابق).
posture-dnssec-bad-signature = أحد تواقيع DNSSEC لا يتطابق مع مفاتيح المنطقة: فقد عُدّلت البيانات أو وُقّعت بمفتاح آخر، والنطاق غير صالح (bogus).
posture-dnssec-bad-signature-fix = أعد توقيع المنطقة بالمفاتيح التي تنشرها؛ وتأكد من أن جميع خوادم الأسماء تقدّم المنطقة الموقَّعة نفسها.
posture-dnssec-missing-signature = تصل بيانات موقَّعة دون توقيع DNSSEC الخاص بها: وتعامل المحلِّلات التي تجري التحقق النطاقَ على أنه غير صالح (bogus).
posture-dnssec-missing-signature-fix = أعد توقيع المنطقة وتأكد من أن جميع خوادم الأسماء تقدّم النسخة الموقَّعة.
posture-dnssec-unproven-denial = تصل إجابة نافية (لا يوجد DS، أو لا يوجد هذا الاسم) دون إثبات NSEC/NSEC3 صالح، فلا يمكن تتبّع سلسلة الثقة ويُعدّ النطاق غير صالح (bogus).
posture-dnssec-unproven-denial-fix = أعد توقيع المنطقة بحيث تُنشر سجلات NSEC أو NSEC3 وتُوقَّع؛ وراجع المنطقة الأم إذا كان إثبات DS مفقودًا.
posture-dnssec-no-trust-anchor = مفاتيح الجذر لا تطابق أي مرساة ثقة مُعدّة، لذا لا يمكن التحقق من أي شيء (هذه مشكلة في إعدادات أداة الفحص أو في إجابات المحلِّل، لا في هذا النطاق).
posture-dnssec-no-trust-anchor-fix = تحقّق من مرساة الثقة المعطاة لأداة الفحص ومن المحلِّل الذي تستخدمه.
posture-dnssec-indeterminate = تعذّر تحديد حالة DNSSEC لأن أحد الاستعلامات فشل؛ وهذا لا يعني أن النطاق غير موقَّع.
posture-dnssec-indeterminate-fix = أعد المحاولة؛ وتأكد من أن خوادم الأسماء تجيب عن استعلامات DS و DNSKEY عبر UDP و TCP.
posture-dnssec-secure = يجتاز النطاق التحقق بـ DNSSEC بدءًا من مرساة الثقة وصولًا إليه.
posture-dnssec-secure-fix = لا شيء مطلوب؛ أبقِ التوقيع التلقائي قيد التشغيل.
posture-spf-missing = لا يوجد سجل SPF: يمكن لأي شخص إرسال بريد يدّعي أنه صادر من هذا النطاق، ولا تستطيع الخوادم المستقبِلة كشف ذلك.
posture-spf-missing-fix = انشر سجل TXT مثل "v=spf1 mx -all" يذكر الخوادم التي ترسل بريدك.
posture-spf-multiple-records = يوجد أكثر من سجل SPF واحد: يجب على الخوادم المستقبِلة اعتبار ذلك خطأً دائمًا وتجاهل SPF كليًا.
posture-spf-multiple-records-fix = ادمجها في سجل TXT واحد بصيغة "v=spf1 ...".
posture-spf-syntax-error = سجل SPF لا يتبع صياغة RFC 7208؛ وتعتبره الخوادم المستقبِلة خطأً دائمًا.
posture-spf-syntax-error-fix = صحّح العنصر الظاهر في الأدلة.
posture-spf-pass-all = ينتهي سجل SPF بـ "+all": أي خادم على الإنترنت مخوَّل بالإرسال باسم هذا النطاق.
posture-spf-pass-all-fix = اجعل السجل ينتهي بـ "-all" (أو "~all" أثناء الاختبار).
posture-spf-neutral-all = ينتهي سجل SPF بـ "?all"، وهذا لا يقول شيئًا عن المرسِلين غير المدرجين.
posture-spf-neutral-all-fix = اجعل السجل ينتهي بـ "-all".
posture-spf-softfail-all = ينتهي سجل SPF بـ "~all" (فشل مخفَّف)؛ وهذا مقبول مع تطبيق DMARC، لكن "-all" أكثر صرامة.
posture-spf-softfail-all-fix = فكّر في استخدام "-all" بعد إدراج جميع المرسِلين.
posture-spf-no-all = لا يحتوي سجل SPF على آلية "all" ولا على إعادة توجيه (redirect)، لذا يحصل المرسِلون غير المدرجين على نتيجة محايدة.
posture-spf-no-all-fix = اجعل السجل ينتهي بـ "-all".
posture-spf-ptr-mechanism = يستخدم سجل SPF الآلية "ptr" التي يوصي RFC 7208 بعدم استخدامها: فهي بطيئة وغير موثوقة وقد تُتجاهل.
posture-spf-ptr-mechanism-fix = استبدل ptr بآليات ip4/ip6/a/mx.
posture-spf-too-many-lookups = يتطلب تقييم سجل SPF أكثر من 10 عناصر تستعلم من DNS (include، a، mx، ptr، exists، redirect)؛ فتُرجع الخوادم المستقبِلة خطأً دائمًا.
posture-spf-too-many-lookups-fix = قلّص عناصر include أو احذف غير المستخدم منها بحيث لا يتجاوز عدد الاستعلامات 10.
posture-spf-too-many-void-lookups = أكثر من 2 من الاستعلامات في تقييم SPF لا تُرجع أي بيانات أو تُرجع NXDOMAIN؛ فتُرجع الخوادم المستقبِلة خطأً دائمًا.
posture-spf-too-many-void-lookups-fix = احذف الآليات التي تشير إلى أسماء لا سجلات لها.
posture-spf-include-no-record = تشير إحدى عبارات include إلى نطاق لا يحتوي على سجل SPF، وهذا خطأ دائم.
posture-spf-include-no-record-fix = احذف عبارة include أو صحّح سجل SPF للنطاق المستهدف.
posture-spf-include-loop = تشكّل عبارات include أو redirect في SPF حلقة مغلقة.
posture-spf-include-loop-fix = احذف عبارة include أو redirect التي تعود إلى نقطة سابقة.
posture-spf-lookup-error = تعذّر الاستعلام عن سجل SPF (أو عن سجل يُحيل إليه)؛ النتيجة غير معروفة، وهذا لا يعني أن السجل غير موجود.
posture-spf-lookup-error-fix = تأكد من أن خوادم الأسماء تجيب عن استعلامات TXT؛ ثم أعد المحاولة.
posture-spf-redirect-ignored = يحتوي السجل على "all" و "redirect=" معًا؛ ولا تُستخدم إعادة التوجيه أبدًا.
posture-spf-redirect-ignored-fix = احذف أحدهما.
posture-dmarc-missing = لا يوجد سجل DMARC: ليس لدى الخوادم المستقبِلة سياسة للبريد الذي يفشل في SPF و DKIM، ولا تتلقى أنت أي تقارير.
posture-dmarc-missing-fix = انشر "v=DMARC1; p=reject; rua=mailto:..." في _dmarc.<domain> (ابدأ بـ p=none فقط أثناء جمع التقارير).
posture-dmarc-multiple-records = يوجد أكثر من سجل DMARC واحد: يجب على الخوادم المستقبِلة تجاهل DMARC كليًا.
posture-dmarc-multiple-records-fix = احتفظ بسجل TXT واحد فقط بصيغة "v=DMARC1" في _dmarc.
posture-dmarc-syntax-error = سجل DMARC لا يتبع صياغة RFC 7489.
posture-dmarc-syntax-error-fix = صحّح الوسم الظاهر في الأدلة.
posture-dmarc-policy-none = سياسة DMARC هي p=none: يُسلَّم البريد الذي يفشل في التحقق كالمعتاد، فلا يتوقف الانتحال.
posture-dmarc-policy-none-fix = انتقل إلى p=quarantine ثم إلى p=reject حين تُظهر التقارير أن البريد المشروع يجتاز التحقق.
posture-dmarc-policy-quarantine = سياسة DMARC هي p=quarantine؛ وتوفر p=reject أقوى حماية.
posture-dmarc-policy-quarantine-fix = انتقل إلى p=reject حين تسمح التقارير بذلك.
posture-dmarc-subdomain-policy-none = سياسة النطاقات الفرعية هي sp=none: يُسلَّم البريد المنتحَل الصادر من نطاقات فرعية مختلَقة.
posture-dmarc-subdomain-policy-none-fix = اضبط sp=reject (أو احذف sp لتُورَث قيمة p).
posture-dmarc-pct-partial = قيمة pct أقل من 100: لا تُطبَّق السياسة إلا على جزء من البريد الذي يفشل في التحقق.
posture-dmarc-pct-partial-fix = اضبط pct=100 (أو احذف pct).
posture-dmarc-no-rua = لا يوجد عنوان rua= للتقارير المجمّعة: لن تعرف من يرسل البريد باسم نطاقك.
posture-dmarc-no-rua-fix = أضف rua=mailto:dmarc-reports@<your domain>.
posture-dmarc-rua-external-unauthorized = يقع أحد عناوين التقارير في نطاق تابع لمؤسسة أخرى لم تأذن بذلك (RFC 7489، القسم 7.1)؛ ولن ترسل الخوادم المستقبِلة تلك التقارير.
posture-dmarc-rua-external-unauthorized-fix = اطلب من الجهة المستقبِلة للتقارير نشر "v=DMARC1" في <your domain>._report._dmarc.<their domain>.
posture-dmarc-inherited-from-org-domain = ليس لهذا النطاق سجل DMARC خاص به؛ ويُطبَّق سجل النطاق التنظيمي.
posture-dmarc-inherited-from-org-domain-fix = لا شيء مطلوب؛ انشر سجلًا هنا إذا أردت تحديد سياسة مختلفة.
posture-dmarc-lookup-error = تعذّر الاستعلام عن سجل DMARC؛ النتيجة غير معروفة، وهذا لا يعني أن السجل غير موجود.
posture-dmarc-lookup-error-fix = تأكد من أن خوادم الأسماء تجيب عن استعلامات TXT الخاصة بـ _dmarc؛ ثم أعد المحاولة.
posture-dkim-missing = لم يُعثر على مفتاح DKIM تحت المحدِّدات (selectors) التي جُرّبت؛ ودون DKIM يعتمد DMARC على SPF وحده، وهذا يتعطل عند إعادة توجيه البريد.
posture-dkim-missing-fix = وقّع البريد الصادر بـ DKIM وانشر المفتاح؛ ومرّر المحدِّد الخاص بك عبر --dkim-selector.
posture-dkim-key-malformed = سجل مفتاح DKIM لا يتبع RFC 6376 أو يتعذر فك ترميز مفتاحه؛ فتفشل التواقيع المُنشأة به.
posture-dkim-key-malformed-fix = أعد نشر السجل كما هو في إعدادات DKIM لنظام البريد لديك.
posture-dkim-key-revoked = أحد محدِّدات DKIM له مفتاح فارغ (p=): المفتاح مُلغى.
posture-dkim-key-revoked-fix = لا شيء إذا كان المحدِّد قد أُوقف استخدامه؛ وإلا فانشر المفتاح الحالي.
posture-dkim-key-too-short = مفتاح RSA الخاص بـ DKIM أقصر من 1024 بت ويمكن تحليله إلى عوامله؛ وتتجاهل الخوادم المستقبِلة مثل هذه التواقيع.
posture-dkim-key-too-short-fix = أنشئ مفتاح RSA بطول 2048 بت (أو مفتاح Ed25519 إلى جانب RSA) واستبدل به المفتاح القديم.
posture-dkim-key-weak = مفتاح RSA الخاص بـ DKIM أقصر من 2048 بت.
posture-dkim-key-weak-fix = انتقل إلى مفتاح RSA بطول 2048 بت.
posture-dkim-testing-mode = أحد مفاتيح DKIM في وضع الاختبار (t=y): قد تعامل الخوادم المستقبِلة تواقيعه كأن البريد غير موقَّع.
posture-dkim-testing-mode-fix = احذف t=y بعد التأكد من أن التوقيع يعمل.
posture-dkim-lookup-error = تعذّر الاستعلام عن أحد محدِّدات DKIM؛ النتيجة غير معروفة.
posture-dkim-lookup-error-fix = أعد المحاولة؛ وتحقّق من خوادم الأسماء.
posture-mx-null = ينشر النطاق سجل MX فارغًا (RFC 7505): أي أنه يعلن أنه لا يستقبل البريد؛ وتنطبق عليه قواعد النطاقات التي لا تستقبل بريدًا.
posture-mx-null-fix = لا شيء؛ وانشر أيضًا "v=spf1 -all" وسجل DMARC بقيمة p=reject.
posture-mx-missing = لا يوجد سجل MX: يُوجَّه البريد احتياطيًا إلى سجلات العناوين الخاصة بالنطاق.
posture-mx-missing-fix = انشر سجلات MX، أو سجل MX فارغًا ("MX 0 .") إذا كان النطاق لا يستقبل البريد.
posture-mx-lookup-error = تعذّر الاستعلام عن سجلات MX؛ النتيجة غير معروفة.
posture-mx-lookup-error-fix = تأكد من أن خوادم الأسماء تجيب عن استعلامات MX.
posture-mx-host-unresolvable = أحد مضيفي MX ليس له سجلات عناوين؛ فيفشل البريد المرسل إليه.
posture-mx-host-unresolvable-fix = صحّح وجهة MX أو سجلات A/AAAA الخاصة بها.
posture-mta-sts-missing = لا يوجد سجل MTA-STS: لا يستطيع المرسِلون اشتراط TLS موثَّق عند التسليم إلى مضيفي MX لديك.
posture-mta-sts-missing-fix = انشر سجل TXT في _mta-sts بالقيمة "v=STSv1; id=..." وسياسةً في https://mta-sts.<domain>/.well-known/mta-sts.txt.
posture-mta-sts-syntax-error = سجل TXT الخاص بـ MTA-STS أو ملف السياسة لا يتبع RFC 8461.
posture-mta-sts-syntax-error-fix = صحّح الحقل الظاهر في الأدلة.
posture-mta-sts-mode-testing = سياسة MTA-STS في وضع الاختبار: يُبلَّغ عن حالات الفشل لكن السياسة لا تُفرض.
posture-mta-sts-mode-testing-fix = انتقل إلى mode: enforce بعد أن تخلو تقارير TLS من الأخطاء.
posture-mta-sts-mx-mismatch = أحد مضيفي MX لا تغطيه أنماط mx: في سياسة MTA-STS؛ وسيرفض المرسِلون الذين يطبّقون السياسة التسليم إليه.
posture-mta-sts-mx-mismatch-fix = أضف مضيف MX (أو نمطًا مطابقًا بصيغة *.pattern) إلى السياسة.
posture-mta-sts-policy-unreachable = تعذّر جلب سياسة MTA-STS عبر HTTPS مُتحقَّق منه، لذا فالسياسة غير سارية.
posture-mta-sts-policy-unreachable-fix = قدّم السياسة في https://mta-sts.<domain>/.well-known/mta-sts.txt بشهادة صالحة.
posture-mta-sts-lookup-error = تعذّر الاستعلام عن سجل MTA-STS؛ النتيجة غير معروفة.
posture-mta-sts-lookup-error-fix = أعد المحاولة؛ وتحقّق من خوادم الأسماء.
posture-tls-rpt-missing = لا يوجد سجل TLS-RPT: لن تُبلَّغ عن عمليات التسليم التي فشل فيها TLS.
posture-tls-rpt-missing-fix = انشر سجل TXT في _smtp._tls بالقيمة "v=TLSRPTv1; rua=mailto:...".
posture-tls-rpt-syntax-error = سجل TLS-RPT لا يتبع RFC 8460.
posture-tls-rpt-syntax-error-fix = صحّح السجل الظاهر في الأدلة.
posture-tlsa-missing = لا يوجد سجل TLSA (DANE) لهذا المضيف؛ ومع تفعيل DNSSEC، يتيح DANE للمرسِلين التحقق من هويته.
posture-tlsa-missing-fix = انشر سجل TLSA بالقيمة "3 1 1" للخدمة.
posture-tlsa-mismatch = سجل TLSA لا يطابق أيًّا من الشهادات التي يقدّمها الخادم: سترفض البرامج التي تستخدم DANE الاتصال.
posture-tlsa-mismatch-fix = حدّث سجل TLSA ليطابق الشهادة أو المفتاح الحالي (وانشر السجل الجديد قبل أي تبديل للشهادة).
posture-tlsa-lookup-error = تعذّر الاستعلام عن أحد سجلات TLSA؛ النتيجة غير معروفة.
posture-tlsa-lookup-error-fix = أعد المحاولة؛ وتحقّق من خوادم الأسماء.
posture-caa-missing = لا يوجد سجل CAA: يمكن لأي جهة إصدار شهادات أن تصدر شهادات لهذا النطاق.
posture-caa-missing-fix = انشر CAA "0 issue \"your-ca.example\"" لجهات إصدار الشهادات التي تستخدمها.
posture-caa-unknown-critical-tag = يحمل أحد سجلات CAA علامة critical مع وسم لا تعرفه جهات إصدار الشهادات؛ ويجب على كل جهة أن ترفض الإصدار.
posture-caa-unknown-critical-tag-fix = احذف علامة critical أو الوسم غير المعروف.
posture-caa-lookup-error = تعذّر الاستعلام عن سجلات CAA؛ وترفض جهات إصدار الشهادات الإصدار أيضًا عند حدوث ذلك.
posture-caa-lookup-error-fix = تأكد من أن خوادم الأسماء تجيب عن استعلامات CAA.
posture-https-unreachable = لا يستجيب الموقع عبر HTTPS على المنفذ 443.
posture-https-unreachable-fix = قدّم الموقع عبر HTTPS.
posture-https-address-refused = يشير اسم الموقع إلى عنوان استرجاع (loopback) أو عنوان خاص أو عنوان مخصص لأغراض خاصة: لا يمكن الوصول إليه من الإنترنت، ولا تتصل به المنصة المركزية.
posture-https-address-refused-fix = لا تنشر للاسم إلا عناوين عامة (A و AAAA).
posture-https-modern-tls-missing = لا يوفّر الخادم TLS 1.3 ولا TLS 1.2.
posture-https-modern-tls-missing-fix = فعّل TLS 1.2 و TLS 1.3.
posture-https-tls13-missing = لا يوفّر الخادم TLS 1.3.
posture-https-tls13-missing-fix = فعّل TLS 1.3.
posture-https-legacy-tls-enabled = لا يزال الخادم يقبل TLS 1.0 أو 1.1، وهما إصداران متقادمان (RFC 8996).
posture-https-legacy-tls-enabled-fix = عطّل TLS 1.0 و 1.1.
posture-https-cert-expired = انتهت صلاحية الشهادة أو لم تصبح صالحة بعد.
posture-https-cert-expired-fix = جدّد الشهادة واجعل التجديد تلقائيًا.
posture-https-cert-expiring = تنتهي صلاحية الشهادة خلال 14 يومًا.
posture-https-cert-expiring-fix = جدّد الشهادة الآن واجعل التجديد تلقائيًا.
posture-https-cert-hostname-mismatch = الشهادة غير صالحة لاسم المضيف هذا.
posture-https-cert-hostname-mismatch-fix = أصدر شهادة تتضمن اسم هذا المضيف.
posture-https-cert-untrusted = لا ترتبط الشهادة بسلسلة تنتهي إلى شهادة جذر موثوقة.
posture-https-cert-untrusted-fix = استخدم شهادة صادرة عن جهة إصدار شهادات موثوقة علنًا.
posture-https-cert-chain-incomplete = لا يرسل الخادم الشهادة (أو الشهادات) الوسيطة، فلا تستطيع برامج كثيرة بناء السلسلة.
posture-https-cert-chain-incomplete-fix = اضبط السلسلة الكاملة (الشهادة النهائية مع الشهادات الوسيطة).
posture-https-hsts-missing = لا توجد ترويسة Strict-Transport-Security (أو أن قيمة max-age أقل من سنة): قد تُجبَر المتصفحات على النزول إلى HTTP.
posture-https-hsts-missing-fix = أرسل Strict-Transport-Security: max-age=31536000.
posture-https-no-redirect = لا يعيد HTTP العادي التوجيه إلى HTTPS.
posture-https-no-redirect-fix = أعد توجيه كل طلب http:// إلى https:// باستخدام 301.
