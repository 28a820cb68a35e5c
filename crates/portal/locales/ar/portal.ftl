# بوابة Postern، العربية. كل نصوص الصفحات هنا؛ والمفاتيح مشتركة مع en/.
site-name = Postern
skip-to-content = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
lang-label = اللغة
lang-en = English
lang-fr = Français
lang-ar = العربية
lang-zh = 中文
lang-ru = Русский
lang-es = Español
lang-pt = Português
nav-check-link = فحص رابط
nav-check-message = فحص رسالة
nav-report = الإبلاغ عن احتيال
nav-aware = التعرّف على الاحتيال
nav-login = دخول الأعضاء
nav-dashboard = لوحة المتابعة
nav-indicators = المؤشرات
nav-triage = الفرز
nav-recipients = قوائم المستلمين
nav-admin = الإدارة
signed-in-as = تم تسجيل الدخول باسم { $user } ({ $org })
logout = تسجيل الخروج
footer-text = يساعد Postern مشغّلي البريد وعملاءهم على الحماية من الاحتيال. للإبلاغ عن الثغرات الأمنية، استخدم
home-title = هل هي رسالة من البريد فعلًا؟
home-lead = ينتحل المحتالون صفة خدمات البريد والتوصيل لسرقة الأموال وبيانات البطاقات. افحص الرابط أو الرسالة قبل أن تنقر أو تدفع.
home-check-link = الصق رابطًا وصلك لتعرف هل هو آمن.
home-check-message = الصق رسالة نصية أو بريدًا إلكترونيًا لترى علامات التحذير فيه.
home-report = أبلغ فرق أمن البريد عن عملية احتيال وصلتك.
home-aware = تعرّف على الحيل التي يستخدمها المحتالون، مع أمثلة حقيقية.
check-link-intro = الصق الرابط كما وصلك تمامًا. نحن نقرأ الرابط فقط ولا نفتحه أبدًا.
check-link-label = الرابط المراد فحصه
check-link-help = مثال: https://example.com/parcel
check-link-submit = افحص هذا الرابط
check-link-empty = يُرجى لصق رابط لفحصه.
check-link-invalid = لا يبدو هذا رابطًا لموقع ويب.
check-link-judged = الرابط الذي تم فحصه
check-link-brand = يشبه
official-site = الموقع الرسمي
check-message-intro = الصق الرسالة كاملة (رسالة نصية أو بريد إلكتروني أو محادثة). لا نحتفظ بأي شيء بعد الفحص.
check-message-label = الرسالة المراد فحصها
check-message-help = تُفحص الروابط الواردة في الرسالة أيضًا، دون فتحها.
check-message-submit = افحص هذه الرسالة
check-message-empty = يُرجى لصق رسالة لفحصها.
check-message-too-long = هذه الرسالة أطول من أن تُفحص هنا (الحد الأقصى { $max } بايت).
check-message-highlighted = ما وجدناه في الرسالة
result-title = النتيجة
result-report-it = هل وصلك هذا؟ أبلغ عنه لتساعد في حماية الآخرين.
verdict-malicious = خطير
verdict-malicious-advice = لا تنقر، ولا ترد، ولا تدفع. احذف الرسالة، أو أبلغنا عنها أولًا.
verdict-suspicious = مشبوه
verdict-suspicious-advice = كن حذرًا. ادخل بنفسك إلى الموقع الرسمي أو التطبيق الرسمي بدلًا من استخدام هذا الرابط.
verdict-benign = لم نعثر على خطر
verdict-benign-advice = لم نجد أي علامة تحذير، لكن ابقَ حذرًا: لا تقدّم بيانات بطاقتك أبدًا للإفراج عن طرد.
score = درجة الخطورة
reasons = الأسباب
brand = العلامة التجارية
language = اللغة
lure = الحيلة المستخدمة
entity-url = رابط
entity-phone = رقم هاتف
entity-amount = مبلغ
entity-tracking = رقم تتبع
entity-email = عنوان بريد إلكتروني
entity-code = رمز
reason-typosquat = اسم علامة تجارية مكتوب بخطأ إملائي
reason-combosquat = اسم علامة تجارية مع كلمات إضافية
reason-abuse-tld = امتداد عنوان يستخدمه المحتالون كثيرًا
reason-lure-domain = كلمات عن الطرود أو الدفع في العنوان
reason-lure-path = كلمات عن الطرود أو الدفع في مسار الصفحة
reason-brand-in-path = اسم علامة تجارية خارج الموقع الرسمي
reason-non-ascii = حروف متشابهة في الشكل
reason-random-label = عنوان يبدو عشوائيًا
reason-tld-swap = اسم العلامة التجارية تحت امتداد بلد خاطئ
reason-official-domain = الموقع الرسمي
reason-blocklist-domain = موقع احتيال معروف
reason-blocklist-host = موقع احتيال معروف
reason-blocklist-url = رابط احتيال معروف
reason-blocklist-ip = خادم احتيال معروف
reason-userinfo = اسم مضلِّل قبل الرمز @
reason-deep-subdomains = عنوان طويل على نحو غير معتاد
reason-nonstandard-port = رقم منفذ غير معتاد
reason-tracking-bait = صفحة تتبع مزيفة
report-intro = هل وصلتك رسالة أو رابط مشبوه يدّعي أنه من البريد أو من شركة توصيل؟ أرسله إلى فرق أمن البريد. لا تُدرج كلمات مرور أو أرقام بطاقات.
report-kind = ما الذي تبلغ عنه؟
report-kind-message = رسالة (رسالة نصية، بريد إلكتروني، محادثة)
report-kind-url = رابط
report-content = الرسالة أو الرابط
report-country = البلد
report-country-help = رمز البلد المكوّن من حرفين، مثل EG أو AE أو MA.
report-contact = وسيلة التواصل (اختياري)
report-contact-help = بريد إلكتروني أو رقم هاتف إذا كنت توافق على أن نتواصل معك. اتركه فارغًا لتبقى مجهول الهوية.
report-submit = إرسال البلاغ
report-thanks = شكرًا لك!
report-filed = تم استلام بلاغك رقم { $id }. تراجع فرق الأمن كل البلاغات.
report-error-kind = يُرجى تحديد ما إذا كنت تبلغ عن رسالة أو عن رابط.
report-error-empty = يُرجى لصق الرسالة أو الرابط.
report-error-too-long = النص طويل جدًا: الحد الأقصى 8000 حرف للرسالة و200 حرف لوسيلة التواصل.
report-error-binary = يحتوي هذا النص على رموز لا يمكن الإبلاغ عنها.
report-error-country = يُرجى إدخال رمز بلد من حرفين، مثل EG.
report-error-url = لا يبدو هذا رابطًا لموقع ويب؛ اختر «رسالة» بدلًا من ذلك.
report-error-rate = أُرسل عدد كبير جدًا من البلاغات من اتصالك. يُرجى المحاولة مرة أخرى بعد بضع دقائق.
back-home = العودة إلى الصفحة الرئيسية
aware-intro = يقلّد المحتالون خدمات البريد والتوصيل، ويلجؤون دائمًا إلى الحيل نفسها. إليك كيف تتعرّف عليها.
aware-how-title = كيف تعمل الحيلة
aware-do-title = ماذا تفعل
aware-do-1 = لا تنقر على الرابط ولا تتصل بالرقم الوارد في الرسالة.
aware-do-2 = تحقّق من طردك عبر التطبيق الرسمي أو الموقع الرسمي، بكتابة عنوانه بنفسك.
aware-do-3 = لا تقدّم بيانات بطاقتك أبدًا للإفراج عن طرد أو لإعادة توصيله أو لرفع الحجز عنه.
aware-examples-title = أمثلة حقيقية رصدتها فرق أمن البريد
aware-no-examples = لا توجد أمثلة منشورة بعد.
lure-prize = جوائز وهدايا وهمية
lure-account_locked = إيقاف وهمي للحساب
lure-tax = ضرائب أو مبالغ مستردة وهمية
lure-customs_fee = رسوم جمركية وهمية
lure-redelivery_fee = رسوم إعادة توصيل وهمية
lure-address_update = مشكلات وهمية في العنوان
lure-failed_delivery = تعذّر وهمي في التوصيل
lure-package_held = احتجاز وهمي لطرد
lure-refund = مبالغ مستردة وهمية
lure-other = حيل أخرى
aware-prize-how = يُقال لك إنك ربحت جائزة أو هدية، وإن عليك فقط دفع رسوم شحن بسيطة.
aware-account_locked-how = يُقال لك إن حسابك أو بطاقتك موقوفة، وإن عليك "التحقق" منها عبر صفحة مزيفة.
aware-tax-how = يُقال لك إن عليك ضريبة مستحقة أو إن لك مبلغًا مستردًا، ثم تُطلب منك بيانات بطاقتك على صفحة مزيفة.
aware-customs_fee-how = يُقال لك إن طردًا محتجز في الجمارك حتى تدفع رسومًا بسيطة.
aware-redelivery_fee-how = يُقال لك إن طردًا فاتك استلامه سيُعاد توصيله بمجرد أن تدفع رسومًا بسيطة.
aware-address_update-how = يُقال لك إن عنوانك ناقص ويجب تأكيده على صفحة تسرق بياناتك.
aware-failed_delivery-how = يُقال لك إن التوصيل تعذّر وإن عليك التصرف بسرعة وإلا أُعيد الطرد.
aware-package_held-how = يُقال لك إن طردًا ينتظر في أحد المستودعات حتى تؤكد شيئًا أو تدفع مبلغًا.
aware-refund-how = يُقال لك إن لك مبلغًا مستردًا، وإن عليك إدخال بيانات بطاقتك لاستلامه.
error-title = حدث خطأ ما
error-not-found = هذه الصفحة غير موجودة، أو لا يحق لك الاطلاع عليها.
error-forbidden = لا يحق لك القيام بهذا الإجراء.
error-bad-request = بعض المعلومات المرسلة غير صالحة.
error-internal = تعذّر على الخادم إتمام الطلب. تم تسجيل الخطأ.
error-csrf = انتهت صلاحية هذا النموذج. ارجع إلى الصفحة السابقة، وأعد تحميلها، ثم حاول مرة أخرى.
error-no-workspace = مساحة عمل الأعضاء غير مفعّلة على هذا الخادم.
error-rejected = رفضت المنصة المركزية هذا الكائن.
error-already-decided = تمت معالجة هذا البلاغ من قبل.
login-title = دخول الأعضاء
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-help = يتولى مسؤول ISAC لديكم إنشاء الحسابات.
login-failed = اسم المستخدم أو كلمة المرور غير صحيحة.
login-throttled = محاولات فاشلة كثيرة جدًا. انتظر { $wait ->
    [zero] { $wait } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $wait } ثوانٍ
    [many] { $wait } ثانية
   *[other] { $wait } ثانية
} ثم حاول مرة أخرى.
dashboard-tlp-note = لا تشمل الأرقام إلا ما يحق لمؤسستك الاطلاع عليه وفق TLP.
dashboard-new-24h = مؤشرات جديدة خلال 24 ساعة
dashboard-new-7d = مؤشرات جديدة خلال 7 أيام
dashboard-total = مؤشرات في المجموع
dashboard-brands = العلامات التجارية الأكثر تعرضًا للانتحال
dashboard-tlds = امتدادات النطاقات الأكثر استغلالًا
dashboard-sightings = عمليات الرصد خلال آخر 14 يومًا
dashboard-sightings-chart = مخطط أعمدة لعمليات الرصد اليومية خلال 14 يومًا، وأعلى قيمة يومية { $max }
dashboard-sightings-caption = عمليات الرصد المُبلَّغ عنها يوميًا.
dashboard-as-table = العرض في جدول
count = العدد
date = التاريخ
tld = الامتداد
none-yet = لا شيء حتى الآن.
filter-type = النوع
filter-tlp = TLP
filter-since = أُضيف منذ
filter-producer = الجهة المُنتِجة
filter-brand = العلامة التجارية المنتحَلة
filter-text = النص
filter-any = الكل
filter-apply = تصفية
list-count = { $count ->
    [zero] لا توجد كائنات
    [one] كائن واحد
    [two] كائنان
    [few] { $count } كائنات
    [many] { $count } كائنًا
   *[other] { $count } كائن
}
col-tlp = TLP
col-name = الاسم
col-values = القيم
col-producer = الجهة المُنتِجة
col-collection = المجموعة
col-added = تاريخ الإضافة
col-id = المعرّف
pattern = النمط
description = الوصف
versions = الإصدارات
sightings = عمليات الرصد
sighting-line = رُصد { $count ->
    [zero] { $count } مرة
    [one] مرة واحدة
    [two] مرتين
    [few] { $count } مرات
    [many] { $count } مرة
   *[other] { $count } مرة
} من قِبل { $by }، وآخر مرة في { $seen }
sighting-count = كم مرة رأيته؟
sighting-add = إضافة عملية رصد
relationships = العلاقات
stix-json = STIX JSON
submit-title = إرسال مؤشر
submit-value = رابط أو نطاق
submit-button = إرسال
recipients-for-red = المستلمون (TLP:RED و AMBER+STRICT)
recipients-only-us = مؤسستي فقط
no-writable-collection = لا يحق لمؤسستك الكتابة في أي مجموعة.
triage-intro = بلاغات أرسلها المواطنون. اقبل البلاغ لنشر مؤشر وعملية رصد بمستوى TLP الذي تختاره، أو ارفضه.
triage-report-title = البلاغ رقم { $id }
triage-analysis = التحليل
triage-accept = القبول كمؤشر
triage-reject = رفض
triage-empty = لا توجد بلاغات في الانتظار.
triage-decided = تمت معالجتها مؤخرًا
triage-status-accepted = مقبول
triage-status-rejected = مرفوض
triage-status-new = جديد
triage-no-link = لا يتضمن هذا البلاغ أي رابط يمكن إنشاء مؤشر منه. ارفضه أو أرسل مؤشرًا يدويًا.
recipients-intro = قوائم مسمّاة بالمؤسسات التي تتبادل معها مؤسستك كائنات TLP:RED و TLP:AMBER+STRICT.
recipients-new = قائمة جديدة أو محدَّثة
recipients-orgs = المؤسسات
recipients-orgs-help = أسماء المؤسسات، مفصولة بفواصل.
recipients-read-only = لا يحق إنشاء هذه القوائم أو تعديلها أو حذفها إلا لمحللي مؤسستك ومسؤوليها.
save = حفظ
delete = حذف
admin-orgs = المؤسسات
admin-users = المستخدمون
admin-tokens = رموز API
admin-collections = المجموعات
admin-identity = هوية STIX
admin-hub = المنصة المركزية
admin-org = المؤسسة
admin-role = الدور
admin-disabled = معطَّل
admin-revoked = مُلغى
admin-readers = المخوَّلون بالقراءة
admin-writers = المخوَّلون بالكتابة
admin-public = عام
admin-all-members = جميع الأعضاء
admin-add-org = إضافة مؤسسة
admin-add-user = إضافة مستخدم
admin-issue-token = إصدار رمز
admin-add-collection = إضافة مجموعة
admin-collection-help = المخوَّلون بالقراءة: "all" أو أسماء مؤسسات مفصولة بفواصل. المخوَّلون بالكتابة: أسماء مؤسسات مفصولة بفواصل.
admin-token-once = انسخ هذا الرمز الآن: لن يُعرض مرة أخرى.
admin-token-for = رمز خاص بـ { $org } ({ $role })
yes = نعم
no = لا

## الوضع الأمني للنطاقات
nav-posture = الوضع الأمني للنطاقات
posture-intro = مستوى الأمان المطلوب للنطاقات التي تفحصها هذه المنصة المركزية: DNSSEC و SPF و DMARC و DKIM و TLS و MTA-STS و CAA و DANE.
posture-disabled = ميزة الوضع الأمني للنطاقات غير مفعّلة على هذه المنصة المركزية.
posture-caption = آخر فحص لكل نطاق
posture-domain = النطاق
posture-grade = التقدير
posture-score = الدرجة
posture-dotpost = مستوى الأمان المطلوب لنطاق .post
posture-checked = تاريخ الفحص
posture-compliant = مستوفٍ للمستوى
posture-not-compliant = غير مستوفٍ للمستوى
posture-findings = الملاحظات
posture-no-findings = لا توجد ملاحظات.
posture-remediation = ما يجب فعله
posture-history = السجل

## الإدارة: الإلغاء والاتحاد
admin-revoke = إلغاء
admin-peers = النظراء في الاتحاد
admin-no-peers = لا يوجد ربط مع نظراء بعد (أضف نظيرًا بالأمر postern peer add).
admin-peer-direction = الاتجاه
admin-peer-max-tlp = أعلى مستوى TLP متبادل
admin-peer-counts = مستلَم / مُرسَل / مرفوض
admin-peer-last = آخر نجاح / آخر خطأ

## تقييمات الجاهزية
nav-readiness = الجاهزية
readiness-intro = تقييم ذاتي للجاهزية السيبرانية لمؤسستك البريدية: 60 سؤالًا في 12 مجالًا، يجيب عنها فريقك مع تقديم دليل لكل إجابة. تُحفظ المسودات مجالًا بمجال؛ وتُستخلص الدرجة ومستويات النضج وخطة التحسين من الإجابات.
readiness-history = تقييماتك
readiness-col-assessment = التقييم
readiness-col-started = تاريخ البدء
readiness-col-status = الحالة
readiness-col-change = التغيّر منذ التقييم السابق
readiness-col-area = المجال
readiness-col-answered = تمت الإجابة
readiness-col-percent = الدرجة
readiness-col-level = مستوى النضج
readiness-none-yet = ليس لدى مؤسستك أي تقييم بعد.
readiness-draft = مسودة
readiness-finalised-on = اعتُمد في { $date }
readiness-started-on = بدأ في { $date }
readiness-start = بدء تقييم
readiness-start-button = ابدأ
readiness-profile = القنوات والخدمات
readiness-profile-help = ضع علامة على كل قناة أو خدمة تقدّمها: فهي تحدد الأسئلة التي تنطبق عليك.
readiness-flag-counter = شبابيك مكاتب البريد
readiness-flag-website = الموقع الإلكتروني
readiness-flag-app = تطبيق الهاتف المحمول
readiness-flag-handhelds = الأجهزة المحمولة لموظفي التوصيل
readiness-flag-outlets = منافذ الوكلاء أو الشركاء
readiness-flag-ecommerce = التجارة الإلكترونية
readiness-flag-dfs = الخدمات المالية البريدية
readiness-flag-egov = خدمات الحكومة الإلكترونية
readiness-yes = نعم
readiness-no = لا
readiness-members = تقييمات الأعضاء (الميسِّر)
readiness-assessment = التقييم { $id }
readiness-areas = المجالات
readiness-see-score = عرض الدرجة والخطة
readiness-finalise = اعتماد
readiness-finalise-help = يؤدي الاعتماد إلى تجميد الإجابات وحفظ الدرجة في سجلك. تُحتسب الأسئلة التي لم تُجب عنها بعد على أنها "غير مطبَّقة": { $unanswered }.
readiness-benchmark-opt-in = إدراج هذا التقييم في المقارنات المجهولة الهوية بين النظراء
readiness-finalise-button = اعتماد التقييم
readiness-help = ما معنى ذلك
readiness-scan-checked = تتحقق منه عمليات الفحص التي تجريها المنصة المركزية ({ $check }) عندما تتوفر نتائج حديثة لنطاقاتك.
readiness-value-0 = 0 — غير مطبَّق، أو لا أعرف
readiness-value-1 = 1 — جزئي أو غير منتظم
readiness-value-2 = 2 — مطبَّق في معظم الحالات، أو غير موثَّق
readiness-value-3 = 3 — مطبَّق في كل مكان، وموثَّق، وله مسؤول محدد
readiness-value-4 = 4 — كما في 3، مع اختباره أو مراجعته خلال آخر 12 شهرًا
readiness-value-na = لا ينطبق
readiness-evidence = الدليل
readiness-evidence-self = إفادتنا الذاتية
readiness-evidence-document = مستند مرفق أو محفوظ في الملفات
readiness-evidence-scan = فحص خارجي
readiness-evidence-facilitator = تحقّق منه ميسِّر
readiness-comment = تعليق
readiness-last-saved = آخر حفظ بواسطة { $who } في { $date }
readiness-save = حفظ
readiness-save-next = حفظ والانتقال إلى المجال التالي
readiness-frozen = هذا التقييم معتمد: لم يعد من الممكن تغيير إجاباته.
readiness-conflict-intro = غيّر شخص آخر بعض الإجابات أثناء تحريرك. تم حفظ إجاباتك الأخرى؛ أما الإجابات أدناه، فراجع النسختين واحفظ مرة أخرى للإبقاء على إجاباتك.
readiness-conflict-theirs = حفظ { $who }:
readiness-conflict-gone = حُذفت الإجابة التي بدأت منها.
readiness-conflict-yours = يعرض النموذج إجابتك؛ ولم تُحفظ بعد.
readiness-score-title = درجة التقييم { $id }
readiness-draft-score = هذه مسودة: تتغير الدرجة كلما حُفظت الإجابات.
readiness-index = مؤشر الجاهزية
readiness-hygiene = خط أساس النظافة السيبرانية
readiness-verified = نسبة ما تم التحقق منه
readiness-unanswered = { $count ->
    [zero] لا يوجد أي سؤال منطبق بلا إجابة.
    [one] سؤال منطبق واحد لم تتم الإجابة عنه بعد، ويُحتسب غير مطبَّق.
    [two] سؤالان منطبقان لم تتم الإجابة عنهما بعد، ويُحتسبان غير مطبَّقين.
    [few] { $count } أسئلة منطبقة لم تتم الإجابة عنها بعد، وتُحتسب غير مطبَّقة.
    [many] { $count } سؤالًا منطبقًا لم تتم الإجابة عنها بعد، وتُحتسب غير مطبَّقة.
   *[other] { $count } سؤال منطبق لم تتم الإجابة عنها بعد، وتُحتسب غير مطبَّقة.
}
readiness-contradictions = التناقضات
readiness-contradiction = الإجابة { $claimed }، لكن الفحص { $source } وجد { $scanned }.
readiness-plan = خطة التحسين
readiness-phase = المرحلة { $phase } ({ $months ->
    [zero] { $months } شهر
    [one] شهر واحد
    [two] شهران
    [few] { $months } أشهر
    [many] { $months } شهرًا
   *[other] { $months } شهر
})
readiness-phase-empty = لا شيء يجب فعله في هذه المرحلة.
readiness-now = حاليًا { $score }
readiness-level-L0 = L0 غائب
readiness-level-L1 = L1 أوّلي
readiness-level-L2 = L2 النظافة الأساسية
readiness-level-L3 = L3 مُدار
readiness-level-L4 = L4 صامد
readiness-error-emptied-area = هذه القنوات تترك مجالًا بلا أي سؤال؛ ضع علامة على القنوات التي تقدّمها.
readiness-error-answer = إحدى الإجابات غير صالحة (القيمة، أو الدليل، أو تعليق يتجاوز 2000 حرف).
readiness-error-frozen = هذا التقييم معتمد: لم يعد من الممكن تغيير إجاباته.
readiness-report = تقرير لمجلس الإدارة
readiness-report-title = تقرير الجاهزية السيبرانية
readiness-report-method = احتُسبت الدرجة باستخدام بنك الأسئلة { $version } وفق قواعد التقييم المشتركة، لتُقارن المؤسسات البريدية على أساس واحد.
readiness-report-headline = الأرقام الرئيسية
readiness-report-radar = درجة كل مجال، من 0% في المركز إلى 100% عند الحلقة الخارجية
readiness-report-peers = المقارنة مع النظراء
readiness-report-peers-none = لم تُنشر بعد أي بيانات للمقارنة مع النظراء: لا تُعرض الأرقام إلا لمجموعات من 5 مؤسسات بريدية على الأقل وافقت على المشاركة.
readiness-report-no-contradiction = لا يتعارض أي فحص مع أي إجابة.
readiness-report-timeline = مراحل الخطة الثلاث على مدى 36 شهرًا
readiness-report-pdf = تقرير مجلس الإدارة (PDF)
readiness-report-this-post = هذا المشغّل
readiness-report-peer-median = وسيط الأقران
readiness-report-months = أشهر
readiness-report-actions = { $count ->
    [zero] لا توجد إجراءات
    [one] إجراء واحد
    [two] إجراءان
    [few] { $count } إجراءات
    [many] { $count } إجراءً
   *[other] { $count } إجراء
}
readiness-export-csv = الخطة (CSV)
readiness-export-json = التقييم (JSON)
readiness-import = استيراد ملف تقييم
readiness-import-label = ملف التقييم (TOML)
readiness-import-help = الصق ملفًا مُعدًّا للأمر "postern assess": جدول [profile] يضم علامات جميع القنوات، وجدول [answers] (معرّف السؤال = من 0 إلى 4، أو "na")، وجدول [evidence] اختياري. ويصبح الملف مسودة جديدة.
readiness-import-button = استيراد
readiness-error-import = رُفض ملف التقييم؛ لم يُستورد أي شيء.
readiness-error-import-evidence = لا يحق إلا لملف ميسِّر أن يتضمن دليل فحص أو دليل ميسِّر؛ لم يُستورد أي شيء.
readiness-domains = النطاقات التي تفحصها المنصة المركزية
readiness-domains-help = تحلّ نتائج الوضع الأمني التي تستخلصها المنصة المركزية لهذه النطاقات، متى كان عمرها 30 يومًا على الأكثر، محلّ الإجابات التي تتحقق منها، صعودًا أو هبوطًا. ويتولى الميسِّر التصريح بهذه النطاقات.
readiness-domains-none = لم يُصرَّح بأي نطاق: الإجابات وحدها هي التي تحدد النتيجة.
readiness-domains-label = النطاقات الرئيسية، نطاق واحد في كل سطر
readiness-domains-button = التصريح بالنطاقات
readiness-error-domain = هذا ليس اسم نطاق.
readiness-labelled = { $label }: { $value }
readiness-export-stix = ملاحظة STIX (TLP:AMBER+STRICT)
readiness-starter-title = مسار البداية
readiness-starter-intro = بصفتك مؤسسة بريدية في دولة جزرية صغيرة نامية أو في أحد أقل البلدان نموًا، ابدأ بالنظافة السيبرانية الأساسية: خط أساس النظافة لديك هو { $hygiene }%. تقتصر الخطة أدناه على الأشهر الستة الأولى، وتربط كل خطوة يساعد فيها Postern بالصفحة المناسبة.
readiness-starter-later = تظهر المراحل اللاحقة بعد إرساء الأساسيات؛ والخطة الكاملة متاحة في ملف التصدير CSV.
readiness-starter-posture = افحص نطاقاتك في Postern
readiness-starter-link = افحص الروابط باستخدام Postern
readiness-starter-message = افحص الرسائل المُبلَّغ عنها باستخدام Postern
readiness-starter-aware = استخدم صفحات التوعية في Postern
readiness-starter-isac = تابع مجموعات Post-ISAC
readiness-error-open-draft = لدى مؤسستك مسودة مفتوحة بالفعل: أكملها أو اعتمدها قبل بدء تقييم آخر.
## ملفات الحوادث
nav-incidents = الحوادث
incidents-title = ملفات الحوادث
incidents-intro = ملفات الحوادث الخاصة بمؤسستك والمواعيد النهائية للإبلاغ بموجب NIS2. لا يطّلع عليها إلا أعضاء مؤسستك.
incidents-caption = الملفات، الأحدث أولًا
incidents-none = لا يوجد ملف حادثة بعد.
incidents-back = جميع الملفات
incident-new = فتح ملف
incident-create = فتح الملف
incident-error = تحقّق من الحقل «{ $field }»
incident-status = الحالة
incident-ongoing = جارية
incident-resolved = تم حلها
incident-field-title = العنوان
incident-field-summary = الملخص
incident-field-classification = التصنيف (RSIT)
incident-field-severity = درجة الخطورة
incident-field-services = الخدمات المتأثرة
incident-field-users_affected = المستخدمون المتأثرون
incident-field-cross_border = أثر عابر للحدود
incident-field-suspected_malicious = الاشتباه في فعل غير مشروع أو خبيث
incident-field-detected = تاريخ الاكتشاف
incident-field-aware = تاريخ العلم بالحادثة (تبدأ المهل من هنا)
incident-field-contained = تاريخ الاحتواء
incident-field-resolved = تاريخ الحل
incident-field-jurisdiction = قواعد الإبلاغ
incident-field-zone = المنطقة الزمنية للمؤسسة (IANA، مثل Africa/Cairo)
incident-times-hint = تُقرأ الأوقات وفق المنطقة الزمنية للمؤسسة المحددة أعلاه.
incident-severity-unknown = لم تُقيَّم
incident-severity-low = منخفضة
incident-severity-medium = متوسطة
incident-severity-high = مرتفعة
incident-service-counters = شبابيك مكاتب البريد
incident-service-parcels-tracking = الطرود والتتبع
incident-service-postal-financial-services = الخدمات المالية البريدية
incident-service-e-government-counters = شبابيك الحكومة الإلكترونية
incident-service-e-commerce = التجارة الإلكترونية
incident-answer-unknown = غير معروف
incident-answer-yes = نعم
incident-answer-no = لا
incident-jurisdiction-eu = الاتحاد الأوروبي (المادة 23 من NIS2)
incident-jurisdiction-al = ألبانيا (القانون 25/2024)
incident-clock = المواعيد النهائية للإبلاغ
incident-clock-not-started = تبدأ المهلة عندما تعلم المؤسسة بالحادثة: أدخل ذلك الوقت.
incident-viewer-zone = عرض المواعيد النهائية بالمنطقة الزمنية
incident-show-in-zone = عرض
incident-stage = المرحلة
incident-due-in = الموعد النهائي ({ $zone })
incident-due-utc = الموعد النهائي (UTC)
incident-stage-early_warning = الإنذار المبكر
incident-stage-notification = الإخطار بالحادثة
incident-stage-final_report = التقرير النهائي
incident-stage-progress_report = التقرير المرحلي
incident-state-overdue = متأخر
incident-state-pending = مطلوب
incident-state-unknown = الموعد غير معروف حتى تقديم المرحلة السابقة
incident-state-not-owed = غير مطلوب في الحالة الراهنة للحادثة
incident-tasks = المهام
incident-no-tasks = لا توجد مهام بعد.
incident-task-title = المهمة
incident-task-owner = المسؤول
incident-task-due = تاريخ الاستحقاق
incident-task-add = إضافة المهمة
incident-task-done = منجزة
incident-task-open = مفتوحة
incident-task-mark-done = وضع علامة «منجزة»
incident-task-reopen = إعادة فتح
incident-notes = التسلسل الزمني
incident-no-notes = لا توجد ملاحظات بعد.
incident-note = ملاحظة
incident-note-add = إضافة الملاحظة
incident-evidence = ملفات الأدلة
incident-no-evidence = لا توجد ملفات أدلة بعد (ارفعها عبر API أو سطر الأوامر).
incident-links = كائنات المنصة المركزية المعنية
incident-no-links = لا يوجد مؤشر أو عملية رصد مرتبطة بعد.
incident-submitted = تاريخ التقديم
incident-state-submitted = مُقدَّم
incident-state-submitted-late = مُقدَّم متأخرًا
incident-submit-stage = تسجيل تقرير على أنه مُقدَّم
incident-submitted-at = تاريخ التقديم (فارغ: الآن)
incident-submit = تسجيل التقديم
incident-export = تصدير (HTML)
incident-export-title = ملف الحادثة { $id }
incident-exported = صُدِّر في { $at }
incident-times-in = الأوقات بتوقيت { $zone } وبالتوقيت العالمي المنسَّق (UTC)
