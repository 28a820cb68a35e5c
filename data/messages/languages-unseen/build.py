#!/usr/bin/env python3
"""Builds eval.jsonl of the languages-unseen set: 200 hand-written Arabic, Chinese, Russian and
Swahili messages (scam and genuine) with their gold labels and entities. HELD-OUT: read in
aggregate only. Python 3 stdlib, no network, deterministic:
python3 data/messages/languages-unseen/build.py"""
import collections, json, os, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from langset import *  # noqa: F401,F403 (S, B, M, s10, check, write, ...)
from langset import M, S, B, s10, write  # noqa: F401 (named for readers)
EXPECT = {"ar": {"EG": 14, "SA": 12, "AE": 10, "MA": 8, "DZ": 6, "JO": 5, "IQ": 5},
          "zh": {"CN": 24, "HK": 14, "TW": 14, "SG": 8},
          "ru": {"RU": 26, "KZ": 10, "BY": 8, "UZ": 6},
          "sw": {"KE": 14, "TZ": 10, "UG": 6}}
T = {k: s10(*v) for k, v in {
    "eg1": ("RL", "60381524", "EG"), "sa1": ("CV", "71093562", "SA"), "sa2": ("RE", "24850617", "SA"),
    "ae1": ("EB", "39172058", "AE"), "ma1": ("RM", "52630941", "MA"), "ma2": ("CB", "80471356", "MA"),
    "jo1": ("RJ", "13529680", "JO"), "cn1": ("ER", "74126039", "CN"), "tw1": ("RK", "05829176", "TW"),
    "hk1": ("LB", "62318045", "HK"), "sg1": ("RT", "38207159", "SG"), "ru1": ("RP", "47195302", "RU"),
    "ru2": ("LE", "90836214", "RU"), "ru3": ("CV", "26409783", "RU"), "kz1": ("RS", "81560237", "KZ"),
    "kz2": ("CE", "43918065", "KZ"), "by1": ("RL", "57082619", "BY"), "ke1": ("RB", "30947182", "KE"),
    "ke2": ("CP", "68205397", "KE"), "tz1": ("RQ", "14673920", "TZ"), "ug1": ("CA", "72840315", "UG"),
}.items()}

L = "ar"
# ------------------------------------------------------------------ Egypt
S(L, "EG", "failed_delivery", "Aramex",
  "أرامكس مصر: حاولنا توصيل شحنتك مرتين ولم نتمكن من الوصول إليك. برجاء التواصل مع مركز الخدمة على ٠١٠٠٦٣٨٢٩٤١ خلال ٤٨ ساعة",
  p=["+201006382941"])
S(L, "EG", "customs_fee", "Egyptian Customs Authority",
  "مصلحة الجمارك المصرية: طردك الوارد من الصين عليه جمارك 265 جنيه. حوّل المبلغ على انستاباي للرقم 01285096314 لتسريع الإفراج",
  p=["+201285096314"], a=["265 EGP"])
S(L, "EG", "package_held", "Egypt Post",
  "البريد المصري: طردك مخزن بالمستودع لعدم سداد رسوم الشحن (١٩٫٥٠ ج.م)، سدد الآن لتجنب الإرجاع للراسل:https://egypost-eg.info/p",
  u=["https://egypost-eg.info/p"], a=["19.50 EGP"])
S(L, "EG", "account_locked", "CIB",
  "CIB: لاحظنا نشاطاً غير معتاد على حسابك وتم تقييده. لتفادي الإغلاق النهائي أكد هويتك عبر cib-egypt-verify.com خلال ساعتين",
  u=["cib-egypt-verify.com"])
S(L, "EG", "refund", "Fawry",
  "فوري: تم خصم مبلغ 180 جنيه مرتين من فاتورة الكهرباء. لاسترداد المبلغ أدخل بيانات الكارت على fawry-refund.net/eg",
  u=["fawry-refund.net/eg"], a=["180 EGP"])
S(L, "EG", "other", None,
  "ماما ده رقمي الجديد على الواتس، الموبايل وقع مني واتكسر. ابعتيلي ٢٠٠٠ جنيه على انستاباي ضروري النهارده",
  a=["2000 EGP"])
S(L, "EG", "prize", "Orange Egypt",
  "أورنج مصر: كسبت 50 جيجا هدية و 3000 جنيه رصيد! فعّل الهدية قبل منتصف الليل من orange-eg-hadaya[.]com",
  u=["orange-eg-hadaya.com"], a=["3000 EGP"])
B(L, "EG", "pickup_code", "Egypt Post",
  f"بريد مصر: وصل طردك {T['eg1']} لمكتب بريد سموحة بالإسكندرية. كود الاستلام ٨٣٠٥٢ ولازم تجيب بطاقة الرقم القومي",
  t=[T["eg1"]])
B(L, "EG", "delivery_notice", "Bosta",
  "بوسطة: طلبك من نون هيوصلك النهارده، المندوب أحمد هيتصل بيك من ٠١١٤٧٣٠٥٢٨٦. المبلغ المطلوب عند الاستلام ٤٢٠ جنيه",
  p=["+201147305286"], a=["420 EGP"])
B(L, "EG", "bank_alert", "National Bank of Egypt",
  "البنك الأهلي المصري: تم إضافة مبلغ 6,500.00 جنيه لحسابك رقم ****2281 بتاريخ 06/12 (تحويل وارد)",
  a=["6500.00 EGP"])
B(L, "EG", "otp", "Vodafone Egypt",
  "Vodafone Cash: كود التأكيد 731508. متديش الكود ده لأي حد حتى لو قال إنه من فودافون")
B(L, "EG", "government", "Egyptian Tax Authority",
  "مصلحة الضرائب المصرية: تذكير بتقديم إقرار ضريبة القيمة المضافة عن شهر نوفمبر قبل ١٥ ديسمبر عبر البوابة الإلكترونية www.eta.gov.eg",
  u=["www.eta.gov.eg"])
B(L, "EG", "personal", None,
  "يا محمد مندوب البريد جه وانت مش موجود، ساب ورقة إنك تروح مكتب البريد تستلم الجواب بنفسك")
B(L, "EG", "customs_charge", "DHL",
  "DHL Express: شحنتك رقم 4827136590 مستحق عليها رسوم جمركية 310.00 جنيه. ادفع أونلاين بأمان على del.dhl.com أو نقداً عند التوصيل",
  u=["del.dhl.com"], a=["310.00 EGP"], t=["4827136590"])
# ------------------------------------------------------------------ Saudi Arabia
S(L, "SA", "customs_fee", "Saudi Post (SPL)",
  f"البريد السعودي: شحنتك الدولية {T['sa1']} تنتظر سداد الرسوم الجمركية 14.75 ر.س، سدد عبر الرابط:sp-customs.com/sa",
  u=["sp-customs.com/sa"], a=["14.75 SAR"], t=[T["sa1"]])
S(L, "SA", "failed_delivery", "Aramex",
  "أرامكس: تعذر تسليم شحنتك اليوم لعدم الرد. لتحديد موعد توصيل جديد راسل المندوب واتساب على ٠٥٤٧١٢٠٣٨٦",
  p=["+966547120386"])
S(L, "SA", "tax", "ZATCA",
  "هيئة الزكاة والضريبة والجمارك: عليك غرامة تأخير في سداد ضريبة القيمة المضافة بقيمة ١٬٢٠٠ ريال، سدد فوراً عبر zatca-gov.sa.com/fine لتجنب إيقاف السجل التجاري",
  u=["zatca-gov.sa.com/fine"], a=["1200 SAR"])
S(L, "SA", "account_locked", "Al Rajhi Bank",
  "الراجحي: تم تعليق تطبيقك لعدم تحديث الهوية الوطنية. لتجنب إيقاف الحساب اتصل الآن على 0509613472 وسيطلب منك الموظف رمز التحقق",
  p=["+966509613472"])
S(L, "SA", "prize", "noon",
  "نون: تهانينا، تم اختيار رقمك للفوز ببطاقة شراء بقيمة 1000 ريال. استلمها من هنا noon-gifts.shop/sa",
  u=["noon-gifts.shop/sa"], a=["1000 SAR"])
S(L, "SA", "address_update", "Naqel Express",
  "ناقل إكسبرس: عنوانك الوطني غير مكتمل، لن يتم توصيل الطلب حتى تحدث العنوان على https://naqel-address.com",
  u=["https://naqel-address.com"])
B(L, "SA", "delivery_notice", "SMSA Express",
  "سمسا: تم تسليم شحنتك من أمازون بنجاح. شكراً لاختيارك سمسا")
B(L, "SA", "otp", "Tawakkalna",
  "توكلنا: رمز التحقق 5816، صالح لمدة دقيقتين")
B(L, "SA", "bank_alert", "stc pay",
  "STC Pay: تم استلام حوالة 750 ريال من عبدالله م. رصيدك الحالي 1,042.25 ريال",
  a=["750 SAR", "1042.25 SAR"])
B(L, "SA", "government", "Citizen Account",
  "حساب المواطن: تم إيداع الدعم لهذه الدورة في حسابك البنكي. للتفاصيل ca.gov.sa",
  u=["ca.gov.sa"])
B(L, "SA", "pickup_code", "Saudi Post (SPL)",
  f"سبل: شحنتك {T['sa2']} بانتظارك في صندوق الطرود الذكي - حي النرجس. رمز الفتح ٦٠٢٤١٧",
  t=[T["sa2"]])
B(L, "SA", "marketing", "Jarir Bookstore",
  "جرير: خصومات حتى 30% على أجهزة اللابتوب. تسوق على jarir.com، لإيقاف الرسائل أرسل 0 إلى 88990",
  u=["jarir.com"])
# ------------------------------------------------------------------ UAE
S(L, "AE", "address_update", "Emirates Post",
  "بريد الإمارات: لم يتمكن المندوب من تسليم طردك لأن العنوان ناقص (رقم المبنى). اتصل بنا على ٠٥٨٣٠٤٩٢٦١ لتأكيد العنوان",
  p=["+971583049261"])
S(L, "AE", "customs_fee", "ICP",
  "الهيئة الاتحادية للهوية والجنسية والجمارك: طردك يخضع لرسوم جمركية ١٨ درهم، للدفع:icp-customs-ae.net/pay",
  u=["icp-customs-ae.net/pay"], a=["18 AED"])
S(L, "AE", "account_locked", "e& (Etisalat)",
  "اتصالات من e&: سيتم إيقاف خطك خلال 24 ساعة لعدم تحديث الهوية الإماراتية. حدّث الآن: etisalat-update.ae-id.com",
  u=["etisalat-update.ae-id.com"])
S(L, "AE", "prize", "ADNOC",
  "أدنوك: مبروك! فزت بقسيمة وقود بقيمة 500 درهم. ادفع 9.99 درهم رسوم التوصيل لاستلامها: adnoc-rewards.click",
  u=["adnoc-rewards.click"], a=["500 AED", "9.99 AED"])
S(L, "AE", "other", None,
  "مرحباً، أنا سارة من شركة توظيف في دبي. لدينا وظيفة جزئية من المنزل براتب 800 درهم يومياً، راسلني على الواتساب 0527461930",
  p=["+971527461930"], a=["800 AED"])
B(L, "AE", "delivery_notice", "Emirates Post",
  f"بريد الإمارات: شحنتك {T['ae1']} خرجت للتوصيل وستصلك اليوم. تتبع عبر www.emiratespost.ae",
  u=["www.emiratespost.ae"], t=[T["ae1"]])
B(L, "AE", "otp", "Emirates NBD",
  "Emirates NBD: رمز OTP الخاص بك هو 904115 لعملية بقيمة 259.00 درهم لدى أمازون. لا تشارك هذا الرمز",
  a=["259.00 AED"])
B(L, "AE", "bank_alert", "First Abu Dhabi Bank",
  "بنك أبوظبي الأول: تم إيداع راتبك 14,300.00 درهم في حسابك ****5519",
  a=["14300.00 AED"])
B(L, "AE", "government", "Dubai Police",
  "شرطة دبي: تم تسجيل مخالفة مرورية على مركبتك بقيمة 600 درهم. للاطلاع والسداد استخدم تطبيق شرطة دبي أو www.dubaipolice.gov.ae",
  u=["www.dubaipolice.gov.ae"], a=["600 AED"])
B(L, "AE", "personal", None,
  "حبيبتي طلبية نون وصلت، حطيتها عند الحارس. لا تنسين تجيبين الكيس الأزرق")
# ------------------------------------------------------------------ Morocco
S(L, "MA", "customs_fee", "Barid Al-Maghrib",
  "بريد المغرب: الطرد ديالك محتجز فالجمارك، خاصك تخلص 38 درهم ديال الرسوم. عيط على 0708532619 باش تاخد معلومات الأداء",
  p=["+212708532619"], a=["38 MAD"])
S(L, "MA", "package_held", "Barid Al-Maghrib",
  "Amana: طردكم في المستودع منذ 7 أيام. أدوا 9,50 درهم مصاريف التخزين على amana-colis dot com/ma قبل إرجاعه",
  u=["amana-colis.com/ma"], a=["9.50 MAD"])
S(L, "MA", "tax", "DGI",
  "المديرية العامة للضرائب: عليكم ضريبة السكن غير مؤداة 1.240 درهم. أدوا قبل 48 ساعة لتفادي الغرامات: https://tax-gov-ma.online",
  u=["https://tax-gov-ma.online"], a=["1240 MAD"])
S(L, "MA", "account_locked", "Attijariwafa bank",
  "Attijariwafa bank: كاينة عملية مشبوهة فالحساب ديالكم. غادي يتصل بكم المستشار من 0522 48 71 30 باش نوقفو العملية، عطيوه الكود لي غادي يوصلكم",
  p=["+212522487130"])
B(L, "MA", "pickup_code", "Barid Al-Maghrib",
  f"بريد المغرب: طردكم {T['ma1']} متوفر بالوكالة البريدية أكدال الرباط. رقم السحب 4419، المرجو الإدلاء بالبطاقة الوطنية",
  t=[T["ma1"]])
B(L, "MA", "customs_charge", "Barid Al-Maghrib",
  f"Amana: طردكم {T['ma2']} خاضع لرسوم جمركية 87 DH تؤدى نقداً عند الاستلام بالوكالة. التتبع على www.poste.ma",
  u=["www.poste.ma"], a=["87 MAD"], t=[T["ma2"]])
B(L, "MA", "bank_alert", "CIH Bank",
  "CIH BANK: تم تحويل 1.500,00 DH إلى حسابكم من طرف YOUSSEF B. الرصيد 3.782,40 DH",
  a=["1500.00 MAD", "3782.40 MAD"])
B(L, "MA", "personal", None,
  "ختي واش وصلك الكولي لي صيفطت ليك مع CTM؟ الخلاص ديالو راه خلصتو أنا")
# ------------------------------------------------------------------ Algeria
S(L, "DZ", "customs_fee", "Algérie Poste",
  "بريد الجزائر: طردك الدولي عالق لدى الجمارك. يجب دفع 1200 دج عبر بريدي موب للرقم 0551 37 26 80 قبل استلامه",
  p=["+213551372680"], a=["1200 DZD"])
S(L, "DZ", "account_locked", "Algérie Poste",
  "CCP: تم حظر بطاقتك الذهبية Edahabia. لإعادة تفعيلها أدخل معلوماتك عبر edahabia-dz.site/activer",
  u=["edahabia-dz.site/activer"])
S(L, "DZ", "redelivery_fee", "Yalidine",
  "Yalidine: فشل التسليم اليوم، لإعادة البرمجة يرجى دفع 250 دج عبر الرابط http://yalidine-livraison.xyz",
  u=["http://yalidine-livraison.xyz"], a=["250 DZD"])
B(L, "DZ", "delivery_notice", "Yalidine",
  "Yalidine: طلبيتك في طريقها إليك، الموزع سيتصل بك اليوم. المبلغ عند الاستلام 3400 دج",
  a=["3400 DZD"])
B(L, "DZ", "bank_alert", "Algérie Poste",
  "بريد الجزائر: تم إيداع مبلغ 45.000,00 دج في حسابكم البريدي الجاري",
  a=["45000.00 DZD"])
B(L, "DZ", "government", "Ministry of the Interior (Algeria)",
  "وزارة الداخلية: بطاقة التعريف البيومترية الخاصة بكم جاهزة، يرجى التقدم إلى مقر البلدية لسحبها")
# ------------------------------------------------------------------ Jordan
S(L, "JO", "package_held", "Aramex",
  "أرامكس: شحنتك متوقفة في المستودع بانتظار دفع رسوم شحن إضافية 1.5 دينار. ادفع عبر aramex-jo.shop/pay قبل الإرجاع",
  u=["aramex-jo.shop/pay"], a=["1.50 JOD"])
S(L, "JO", "tax", "ISTD",
  "دائرة ضريبة الدخل والمبيعات: عليك مخالفة ضريبية بقيمة 75 دينار، للتسوية اتصل بالموظف المختص 0776 125 903",
  p=["+962776125903"], a=["75 JOD"])
S(L, "JO", "prize", "Orange Jordan",
  "أورنج الأردن: ربحت 1000 دينار بسحب نهاية السنة! لتحويل الجائزة اتصل على ٠٧٧٥٩٣٠٢١٦ خلال ساعة",
  p=["+962775930216"], a=["1000 JOD"])
B(L, "JO", "otp", "Housing Bank",
  "بنك الإسكان: رمز التحقق لعملية CliQ هو 227319، لا تشاركه مع أحد")
B(L, "JO", "pickup_code", "Jordan Post",
  f"البريد الأردني: وصلك طرد {T['jo1']}، يرجى مراجعة مكتب بريد العبدلي مع الهوية لاستلامه",
  t=[T["jo1"]])
# ------------------------------------------------------------------ Iraq
S(L, "IQ", "customs_fee", "Iraqi Post",
  "البريد العراقي: طردك في الكمرك ويحتاج رسوم تخليص 35,000 دينار، اتصل بالرقم 07803519264",
  p=["+9647803519264"], a=["35000 IQD"])
S(L, "IQ", "account_locked", "ZainCash",
  "زين كاش: تم تعليق محفظتك بسبب نشاط غير اعتيادي، فعّلها عبر zaincash-iq.online/verify",
  u=["zaincash-iq.online/verify"])
B(L, "IQ", "otp", "ZainCash",
  "رمز تفعيل حسابك في زين كاش هو 550712. لا تعطي الرمز لأي أحد")
B(L, "IQ", "delivery_notice", None,
  "طلبيتك من المتجر بالطريق، المندوب راح يتصل بيك من ۰۷۵۰۴۶۲۸۱۹۳ قبل ما يوصل",
  p=["+9647504628193"])
B(L, "IQ", "bank_alert", "Qi Card",
  "كي كارد: تم سحب 200,000 دينار من بطاقتك من صراف الكرادة. الرصيد المتبقي 315,000 دينار",
  a=["200000 IQD", "315000 IQD"])

L = "zh"
# ------------------------------------------------------------------ mainland China
S(L, "CN", "customs_fee", "China Post",
  "【中国邮政】您的海外直邮包裹涉及进口税费１３６元未缴纳，请于今日拨打海关专员电话１５９２０４７３６１８缴纳，逾期将退运。",
  p=["+8615920473618"], a=["136 CNY"])
S(L, "CN", "failed_delivery", "J&T Express",
  "【极兔速递】快递员两次派送均无人接听，请尽快回拨１８８０６２１５７４３预约派送时间。",
  p=["+8618806215743"])
S(L, "CN", "address_update", "YTO Express",
  "【圆通速递】您的快件因地址信息有误被退回网点，请点击yto-dizhi.top/x修改地址后重新派送。",
  u=["yto-dizhi.top/x"])
S(L, "CN", "package_held", "China Post",
  "【中国邮政】您的包裹因未支付跨省运费差价４.８元被滞留，请于２４小时内前往（ems-bujiao.com/cn）支付，否则将退回寄件人。",
  u=["ems-bujiao.com/cn"], a=["4.8 CNY"])
S(L, "CN", "account_locked", "WeChat Pay",
  "【微信支付】您的账户因涉嫌违规已被限制收款，请立即联系客服０７５５－８３９２０６１７解除限制。",
  p=["+8675583920617"])
S(L, "CN", "account_locked", "Alipay",
  "【支付宝】您的花呗额度即将被冻结，请尽快登录 hxxps://alipay-huabei[.]vip/login 完成身份核验。",
  u=["https://alipay-huabei.vip/login"])
S(L, "CN", "refund", "Pinduoduo",
  "【拼多多】您购买的商品检测出质量问题，平台将为您办理双倍退款３９８元，请拨打售后专线１３７１９２８４０５６。",
  p=["+8613719284056"], a=["398 CNY"])
S(L, "CN", "other", "CBIRC",
  "【银保监会】您的学生贷款账户未注销，将影响个人征信，请致电０１０－６２８４１７０５办理注销。",
  p=["+861062841705"])
S(L, "CN", "prize", "China Mobile",
  "【中国移动】您的话费积分３２００分将于今日清零，可兑换现金红包，请点击 10086-jf.cc 立即兑换。",
  u=["10086-jf.cc"])
S(L, "CN", "tax", "State Taxation Administration",
  "【税务局】您名下公司存在发票异常，需缴纳罚款５０００元，请登录 http://etax-gov.top 处理，逾期移送公安。",
  u=["http://etax-gov.top"], a=["5000 CNY"])
S(L, "CN", "other", None,
  "舅舅，我是小杰，换新号了。现在在外地实习急需用钱，能先借我８０００块吗？我下个月还你",
  a=["8000 CNY"])
S(L, "CN", "redelivery_fee", "SF Express",
  "【顺丰速运】您的快件因家中无人派送失败，重新派送需支付服务费５元，请在sf-cn-express.com/pay完成支付。",
  u=["sf-cn-express.com/pay"], a=["5 CNY"])
B(L, "CN", "pickup_code", "Cainiao",
  "【菜鸟驿站】凭取件码６-２-１０３３到阳光小区南门驿站取中通包裹，营业时间９:００-２１:００。")
B(L, "CN", "delivery_notice", "JD Logistics",
  "【京东物流】您的订单正在派送，快递员刘师傅（１３９１０２８４７５６）将于今天下午送达，请保持电话畅通。",
  p=["+8613910284756"])
B(L, "CN", "customs_charge", "SF Express",
  "【顺丰速运】您的国际件SF2047715369048需缴纳进口关税８６.５０元，请在顺丰速运官方小程序或 www.sf-express.com 完成支付。",
  u=["www.sf-express.com"], a=["86.50 CNY"], t=["SF2047715369048"])
B(L, "CN", "otp", "Taobao",
  "【淘宝】验证码４１７２０３，您正在登录，若非本人操作，请勿泄露。")
B(L, "CN", "bank_alert", "ICBC",
  "【工商银行】您尾号8823卡12月6日10:15工资收入人民币12,480.00元，余额15,906.33元。",
  a=["12480.00 CNY", "15906.33 CNY"])
B(L, "CN", "bank_alert", "WeChat Pay",
  "【微信支付】你已成功支付¥38.00给美团外卖。",
  a=["38.00 CNY"])
B(L, "CN", "government", "National Anti-Fraud Center",
  "【国家反诈中心】提醒您：公检法机关不会通过电话办案，不会要求转账到“安全账户”。如遇可疑情况请拨打96110。")
B(L, "CN", "appointment", "Traffic Management 12123",
  "【交管12123】您已成功预约12月20日09:00-10:00在朝阳车管所办理驾驶证换证业务，请按时到场。")
B(L, "CN", "personal", None,
  "哥，我在拼多多给你买的茶叶到了吗？显示已经放到驿站了")
B(L, "CN", "personal", None,
  "宝贝，晚饭我订了，你下班顺便去菜鸟驿站拿一下快递，码是４-１-２２０８")
B(L, "CN", "marketing", "Meituan",
  "【美团】周末外卖满４０减１５红包已到账，快去使用吧！退订回T")
B(L, "CN", "delivery_notice", "China Post",
  f"【中国邮政】您的邮件{T['cn1']}已妥投，签收人：本人。感谢使用中国邮政，查询请拨打11185。",
  t=[T["cn1"]])
# ------------------------------------------------------------------ Hong Kong
S(L, "HK", "customs_fee", "Customs and Excise Department",
  "香港海關：閣下有一件入境包裹需繳付清關費HK$42，請即致電 5163 2018 以信用卡繳付，否則包裹將被銷毀。",
  p=["+85251632018"], a=["42 HKD"])
S(L, "HK", "address_update", "Hongkong Post",
  "香港郵政：由於地址不詳，你的郵件未能派遞。請於今日內更新地址：hkpost-redirect.com/hk",
  u=["hkpost-redirect.com/hk"])
S(L, "HK", "failed_delivery", "SF Express",
  "順豐：速遞員今日兩次上門未能聯絡閣下，請致電 6813 2570 重新安排派送時間。",
  p=["+85268132570"])
S(L, "HK", "account_locked", "HSBC",
  "【HSBC】閣下的流動理財服務將於今日暫停，請即到 hsbc-hk-secure.com 重新驗證。",
  u=["hsbc-hk-secure.com"])
S(L, "HK", "prize", "csl",
  "csl：恭喜閣下獲得積分換領iPhone 17資格，只需支付HK$38運費：csl-rewards.top",
  u=["csl-rewards.top"], a=["38 HKD"])
S(L, "HK", "other", "HKeToll",
  "【易通行】閣下隧道費HK$28逾期未繳，將收取附加費，請即時於 hktolls-pay.cc 繳交。",
  u=["hktolls-pay.cc"], a=["28 HKD"])
S(L, "HK", "refund", "Taobao",
  "淘寶客服：閣下訂單的商品因倉庫失火無法發貨，將退款HK$560，請WhatsApp 9207 4631聯絡客服辦理。",
  p=["+85292074631"], a=["560 HKD"])
B(L, "HK", "delivery_notice", "Hongkong Post",
  f"香港郵政：郵件{T['hk1']}今日派遞中。如未能派遞，郵差會留下通知卡。",
  t=[T["hk1"]])
B(L, "HK", "pickup_code", "SF Express",
  "順豐速運：快件SF1720364815009已到達旺角順便智能櫃，取件碼 528317，請於48小時內取件。",
  t=["SF1720364815009"])
B(L, "HK", "otp", "Octopus",
  "八達通：你的一次性驗證碼為 306921，5分鐘內有效。")
B(L, "HK", "bank_alert", "HSBC",
  "滙豐：閣下尾數8814的扣帳卡於12月6日在惠康簽賬HK$218.40。",
  a=["218.40 HKD"])
B(L, "HK", "customs_charge", "DHL",
  "DHL Express：貨件1947263850需繳付稅項HK$96.00，可於 del.dhl.com 網上付款或於派送時付款。",
  u=["del.dhl.com"], a=["96.00 HKD"], t=["1947263850"])
B(L, "HK", "personal", None,
  "阿媽，我啲網購寄咗去你屋企，聽日到，唔使俾錢㗎")
B(L, "HK", "marketing", "Wellcome",
  "惠康：本週五至日，全線零食買2送1，優惠詳情 www.wellcome.com.hk 。取消接收請回覆 STOP 至 8288",
  u=["www.wellcome.com.hk"])
# ------------------------------------------------------------------ Taiwan
S(L, "TW", "customs_fee", "Chunghwa Post",
  "中華郵政通知：您的國際包裹需繳納關稅新台幣２１０元，請撥打０２－８７７２－６１５０由客服協助繳費。",
  p=["+886287726150"], a=["210 TWD"])
S(L, "TW", "failed_delivery", "HCT Logistics",
  "【新竹物流】您的貨件今日配送未成功，請點選hct-tw.info/rd重新預約配送時段。",
  u=["hct-tw.info/rd"])
S(L, "TW", "account_locked", "CTBC Bank",
  "【中國信託】您的網銀帳號因多次登入錯誤已被鎖定，請至 ctbc-unlock.com 解鎖。",
  u=["ctbc-unlock.com"])
S(L, "TW", "tax", "National Taxation Bureau",
  "【財政部北區國稅局】您有綜合所得稅欠稅NT$8,620未繳，請於今日至 ntbna-tw.online 補繳，逾期移送強制執行。",
  u=["ntbna-tw.online"], a=["8620 TWD"])
S(L, "TW", "refund", "Books.com.tw",
  "博客來客服：因員工作業疏失將您的訂單設定為分期付款，每月將扣款NT$1,990，請撥０９１２－４０８－３５７協助解除並退款。",
  p=["+886912408357"], a=["1990 TWD"])
S(L, "TW", "prize", "FamilyMart",
  "【全家便利商店】恭喜抽中1000元禮券，點擊「fm-tw.vip/g」領取，今日有效。",
  u=["fm-tw.vip/g"], a=["1000 TWD"])
S(L, "TW", "other", None,
  "爸，我手機掉了，這是我新的LINE，先幫我匯NT$30,000到這個帳戶，晚點再跟你說",
  a=["30000 TWD"])
B(L, "TW", "delivery_notice", "Chunghwa Post",
  f"【中華郵政】您的包裹{T['tw1']}今日由信義郵局投遞，如未遇收件人將招領。",
  t=[T["tw1"]])
B(L, "TW", "pickup_code", "7-Eleven",
  "【7-ELEVEN】您訂購的商品已送達忠孝門市，請於7天內攜帶證件取貨，取貨需付款NT$680。",
  a=["680 TWD"])
B(L, "TW", "otp", "Shopee",
  "【蝦皮購物】您的驗證碼為 248615，請勿提供給任何人，包含蝦皮客服。")
B(L, "TW", "bank_alert", "Cathay United Bank",
  "國泰世華：您末四碼2207之信用卡於12/06刷卡新台幣1,350元（誠品）。",
  a=["1350 TWD"])
B(L, "TW", "government", "Ministry of Finance",
  "財政部提醒：115年度綜合所得稅申報期間為5月1日至5月31日，可使用報稅軟體或至 www.etax.nat.gov.tw 申報。",
  u=["www.etax.nat.gov.tw"])
B(L, "TW", "appointment", "MacKay Memorial Hospital",
  "【馬偕醫院】提醒您12月19日下午2:00皮膚科門診，看診號碼23號，取消請至網路掛號系統。")
B(L, "TW", "personal", None,
  "媽我網購的東西寄到家裡，貨到付款NT$450，錢我放在桌上了",
  a=["450 TWD"])
# ------------------------------------------------------------------ Singapore
S(L, "SG", "customs_fee", "SingPost",
  "SingPost：您的海外包裹需缴纳GST S$9.40，请致电 9184 6027 付款，逾期将退回。",
  p=["+6591846027"], a=["9.40 SGD"])
S(L, "SG", "package_held", "Ninja Van",
  "【Ninja Van】您的包裹因运费未付暂存仓库，请支付S$1.99：ninjavan-sg.top/pay",
  u=["ninjavan-sg.top/pay"], a=["1.99 SGD"])
S(L, "SG", "account_locked", "OCBC",
  "OCBC：您的账户检测到异常，已暂时冻结。请点击 ocbc-sg-verify.com 解冻。",
  u=["ocbc-sg-verify.com"])
S(L, "SG", "other", "ICA",
  "ICA通知：您的护照涉嫌被盗用，请立即拨打 6512 0937 与调查官员联系。",
  p=["+6565120937"])
B(L, "SG", "pickup_code", "SingPost",
  f"SingPost：您的包裹{T['sg1']}已放入Bukit Timah POPStation，取件码 773015。",
  t=[T["sg1"]])
B(L, "SG", "bank_alert", "DBS",
  "DBS：您已通过PayNow收到S$120.00，来自 TAN W.M.。",
  a=["120.00 SGD"])
B(L, "SG", "government", "CPF Board",
  "CPF通知：您的CPF年度报表已可在线查看，请登录 www.cpf.gov.sg 使用Singpass查看。我们不会通过短信要求您转账。",
  u=["www.cpf.gov.sg"])
B(L, "SG", "personal", None,
  "妈，我从淘宝订的东西到了，放在楼下保安那边")

L = "ru"
# ------------------------------------------------------------------ Russia
S(L, "RU", "failed_delivery", "Russian Post",
  "Почта России: курьер не смог передать вам отправление. Чтобы согласовать доставку, перезвоните по номеру 8 (999) 240-61-83",
  p=["+79992406183"])
S(L, "RU", "customs_fee", "Russian Post",
  f"Почта России: посылка {T['ru1']} ожидает уплаты таможенной пошлины 512,80₽.Оплатить:pochta-poshlina.online",
  u=["pochta-poshlina.online"], a=["512.80 RUB"], t=[T["ru1"]])
S(L, "RU", "package_held", "CDEK",
  "СДЭК: ваш заказ на складе более 10 дней. Оплатите хранение 95 руб., иначе он будет утилизирован: cdek-sklad.site/opl",
  u=["cdek-sklad.site/opl"], a=["95 RUB"])
S(L, "RU", "address_update", "Boxberry",
  "Boxberry: посылка не может быть передана в ПВЗ — не указан индекс. Укажите адрес: https://boxberry-adres.ru.com",
  u=["https://boxberry-adres.ru.com"])
S(L, "RU", "account_locked", "VTB",
  "ВТБ: на ваше имя подана заявка на кредит 350 000 руб. Если это не вы, срочно позвоните в отдел безопасности +7 (499) 703-58-12",
  p=["+74997035812"], a=["350000 RUB"])
S(L, "RU", "account_locked", "Gosuslugi",
  "Госуслуги: в ваш аккаунт выполнен вход из другого региона. Если это не вы, сообщите код из SMS сотруднику техподдержки по номеру 8 925 604-18-37",
  p=["+79256041837"])
S(L, "RU", "tax", "FNS",
  "ФНС: у вас неоплаченный налог на имущество 4 215,67 руб. Начислены пени. Оплатите: nalog-gov.site/lk",
  u=["nalog-gov.site/lk"], a=["4215.67 RUB"])
S(L, "RU", "refund", "FNS",
  "Налоговый вычет 13 240 ₽ одобрен. Для получения подтвердите реквизиты карты: vychet-fns.online. ФНС России",
  u=["vychet-fns.online"], a=["13240 RUB"])
S(L, "RU", "prize", "Ozon",
  "Ozon: вы выиграли 50 000 баллов в новогодней лотерее! Заберите приз до полуночи: ozon-priz.top",
  u=["ozon-priz.top"])
S(L, "RU", "other", None,
  "Пап, это Саша, пишу с номера друга, свой разбил. Скинь 12 000 рублей по СБП на этот номер +7 962 481-07-35, очень надо",
  p=["+79624810735"], a=["12000 RUB"])
S(L, "RU", "redelivery_fee", "Wildberries",
  "Wildberries: доставка не состоялась, вас не было дома. Оплатите повторную доставку 199 рублей по ссылке wb-dostavka.shop/pay",
  u=["wb-dostavka.shop/pay"], a=["199 RUB"])
S(L, "RU", "customs_fee", "Russian Post",
  "Уважаемый клиент! На ваше имя поступило международное отправление. Для выпуска необходимо оплатить таможенный сбор 1 230 руб. Подробности по тел. 8 (917) 538-26-40. Почта России",
  p=["+79175382640"], a=["1230 RUB"])
S(L, "RU", "account_locked", "T-Bank",
  "Т-Банк: ваша карта будет заблокирована через 2 часа. Разблокировка: hxxps://tbank-unblock[.]ru",
  u=["https://tbank-unblock.ru"])
B(L, "RU", "delivery_notice", "Russian Post",
  f"Почта России: отправление {T['ru2']} выехало к вам с курьером. Доставка сегодня с 12:00 до 16:00",
  t=[T["ru2"]])
B(L, "RU", "pickup_code", "Wildberries",
  "Wildberries: заказ ждёт вас в пункте выдачи на пр. Ленина, 44. Код получения — в личном кабинете, срок хранения 7 дней")
B(L, "RU", "customs_charge", "Russian Post",
  f"Почта России: по отправлению {T['ru3']} таможня начислила пошлину 845 руб. Оплатите в приложении Почты или на pochta.ru, после оплаты посылка будет передана в доставку",
  u=["pochta.ru"], a=["845 RUB"], t=[T["ru3"]])
B(L, "RU", "otp", "VK",
  "VK ID: код подтверждения 308419. Не сообщайте его никому, даже сотрудникам VK")
B(L, "RU", "bank_alert", "Sberbank",
  "СберБанк: MIR-4415 14:32 Перевод 2 500р от Ивана И. Баланс: 7 803,12р",
  a=["2500 RUB", "7803.12 RUB"])
B(L, "RU", "bank_alert", "VTB",
  "ВТБ: Оплата 899,00 RUB, OZON, карта *7713. Доступно 21 004,55 RUB",
  a=["899.00 RUB", "21004.55 RUB"])
B(L, "RU", "government", "FNS",
  "ФНС России: налоговый вычет за 2025 год перечислен на ваш счёт. Подробности в личном кабинете налогоплательщика на nalog.gov.ru",
  u=["nalog.gov.ru"])
B(L, "RU", "appointment", None,
  "Вы записаны к врачу-офтальмологу 17.12 в 09:20, ГП №12, каб. 305. Для отмены позвоните 8 (812) 246-38-15",
  p=["+78122463815"])
B(L, "RU", "personal", None,
  "Оль, посылку от тёти Нади получила? Там мёд, аккуратно")
B(L, "RU", "personal", None,
  "Я заказал тебе наушники на Wildberries, всё оплачено, просто заберёшь в ПВЗ")
B(L, "RU", "marketing", "Pyaterochka",
  "Пятёрочка: двойные баллы на фрукты до воскресенья по карте Х5 Клуба. Отписаться: 5ka.ru",
  u=["5ka.ru"])
B(L, "RU", "delivery_notice", "CDEK",
  "СДЭК: курьер Максим доставит заказ 1378402956 завтра с 9:00 до 13:00. Оплата при получении 1 490 ₽. Телефон курьера +7 968 213-40-57",
  p=["+79682134057"], a=["1490 RUB"], t=["1378402956"])
B(L, "RU", "otp", "Alfa-Bank",
  "Код 6142 для подтверждения покупки на 3 450 ₽ в Альфа-Онлайн. Никому не сообщайте код",
  a=["3450 RUB"])
# ------------------------------------------------------------------ Kazakhstan
S(L, "KZ", "failed_delivery", "Kazpost",
  "Казпочта: доставка вашей посылки не состоялась. Позвоните оператору +7 708 315 92 46 для согласования времени",
  p=["+77083159246"])
S(L, "KZ", "account_locked", "Halyk Bank",
  "Halyk Bank: ваш доступ в Homebank ограничен. Для восстановления пройдите верификацию: halyk-homebank.kz.net",
  u=["halyk-homebank.kz.net"])
S(L, "KZ", "tax", "State Revenue Committee",
  "КГД: у вас задолженность по налогу на транспорт 18 640 тг. Во избежание ограничения выезда оплатите: kgd-oplata.online",
  u=["kgd-oplata.online"], a=["18640 KZT"])
S(L, "KZ", "prize", "Magnum",
  "Поздравляем! Вы стали победителем розыгрыша Magnum Club, приз 300 000 ₸. Для оформления позвоните +7 775 602 18 34",
  p=["+77756021834"], a=["300000 KZT"])
S(L, "KZ", "customs_fee", "Kazpost",
  f"Kazpost: посылка {T['kz1']} задержана таможней, сбор 1 890 ₸.Оплата:post-kz.top/c",
  u=["post-kz.top/c"], a=["1890 KZT"], t=[T["kz1"]])
B(L, "KZ", "delivery_notice", "Kazpost",
  f"Казпочта: отправление {T['kz2']} прибыло в отделение 050012 Алматы. Отслеживание на post.kz",
  u=["post.kz"], t=[T["kz2"]])
B(L, "KZ", "otp", "Halyk Bank",
  "Homebank: код подтверждения 841906. Никому не сообщайте код, даже сотрудникам банка")
B(L, "KZ", "bank_alert", "Kaspi Bank",
  "Kaspi Gold: Перевод 25 000 ₸ Ерлан К. Доступно 9 410 ₸",
  a=["25000 KZT", "9410 KZT"])
B(L, "KZ", "government", "eGov",
  "eGov: ваша справка о несудимости готова. Скачать можно в личном кабинете на egov.kz",
  u=["egov.kz"])
B(L, "KZ", "personal", None,
  "Мама, я посылку из Казпочты получил, спасибо за курт")
# ------------------------------------------------------------------ Belarus
S(L, "BY", "package_held", "Belpost",
  "Белпочта: ваша посылка на хранении. Оплатите хранение 5,40 BYN по телефону +375 33 618-47-20, иначе возврат отправителю",
  p=["+375336184720"], a=["5.40 BYN"])
S(L, "BY", "account_locked", "Priorbank",
  "Приорбанк: ваша карта временно заблокирована. Для разблокировки подтвердите данные: prior-by.online/card",
  u=["prior-by.online/card"])
S(L, "BY", "failed_delivery", "Evropochta",
  "Европочта: курьер не дозвонился до вас. Выберите новое время доставки: bit.ly/evropochta-by",
  u=["bit.ly/evropochta-by"])
S(L, "BY", "other", None,
  "Бабуль, это Паша, у меня новый номер. Срочно нужны 300 рублей на штраф, переведи на карту, потом верну",
  a=["300 BYN"])
B(L, "BY", "pickup_code", "Evropochta",
  "Европочта: заказ доставлен в ОПС №47 (Гомель). Код для получения 5391. Срок хранения 10 дней")
B(L, "BY", "bank_alert", "Belarusbank",
  "Беларусбанк: Оплата 47,30 BYN, ГИППО, карта ...6620. Остаток 385,12 BYN",
  a=["47.30 BYN", "385.12 BYN"])
B(L, "BY", "customs_charge", "Belpost",
  f"Белпочта: по отправлению {T['by1']} начислены таможенные платежи 27,90 BYN. Оплата в ОПС при получении. Подробнее: belpost.by",
  u=["belpost.by"], a=["27.90 BYN"], t=[T["by1"]])
B(L, "BY", "appointment", None,
  "Талон к терапевту на 16.12 в 11:20, 19-я поликлиника, каб. 212. Отмена по телефону 8 017 378-25-16",
  p=["+375173782516"])
# ------------------------------------------------------------------ Uzbekistan (Russian)
S(L, "UZ", "redelivery_fee", "Uzbekistan Post",
  "Почта Узбекистана: курьер не застал вас дома. Для повторной доставки оплатите 12 000 сум: uzpost-uz.online/dostavka",
  u=["uzpost-uz.online/dostavka"], a=["12000 UZS"])
S(L, "UZ", "account_locked", "Humo",
  "Humo: ваша карта заблокирована из-за подозрительной операции. Позвоните в службу безопасности +998 71 207 51 93",
  p=["+998712075193"])
S(L, "UZ", "prize", "Uzum",
  "Поздравляем! Вы выиграли 5 000 000 сум в акции Uzum Market. Для получения переведите 50 000 сум налога и позвоните +998 99 318 62 04",
  p=["+998993186204"], a=["5000000 UZS", "50000 UZS"])
B(L, "UZ", "otp", "Click",
  "Click: код подтверждения 604218. Никому не сообщайте")
B(L, "UZ", "bank_alert", "Uzcard",
  "Uzcard: пополнение 1 500 000 UZS. Баланс 2 041 300 UZS",
  a=["1500000 UZS", "2041300 UZS"])
B(L, "UZ", "government", "my.gov.uz",
  "my.gov.uz: ваша заявка на получение справки принята. Статус заявки в личном кабинете",
  u=["my.gov.uz"])

L = "sw"
# ------------------------------------------------------------------ Kenya
S(L, "KE", "failed_delivery", "Posta Kenya",
  "Posta Kenya: Mjumbe wetu alishindwa kukuletea kifurushi chako leo. Piga 0701 538 264 kupanga muda mpya wa kuletewa",
  p=["+254701538264"])
S(L, "KE", "customs_fee", "KRA",
  f"KRA Customs: Mzigo wako {T['ke1']} unasubiri malipo ya ushuru wa KSh 420.Lipa hapa:kra-customs.info/ke",
  u=["kra-customs.info/ke"], a=["420 KES"], t=[T["ke1"]])
S(L, "KE", "package_held", "Fargo Courier",
  "Fargo Courier: Kifurushi chako kimeshikiliwa ghalani kwa sababu ya salio la usafirishaji la Ksh 150. Lipa kupitia fargo-ke.shop/lipa kabla hakijarudishwa",
  u=["fargo-ke.shop/lipa"], a=["150 KES"])
S(L, "KE", "account_locked", "Equity Bank",
  "Equity Bank: Akaunti yako imezuiliwa kwa muda kwa sababu ya shughuli zisizo za kawaida. Piga simu afisa wetu wa usalama 0116 293 570 sasa hivi",
  p=["+254116293570"])
S(L, "KE", "prize", "Safaricom",
  "Hongera! Nambari yako imechaguliwa kushinda simu mpya ya Samsung kutoka Safaricom. Jisajili hapa safaricom-zawadi.top kabla ya saa sita usiku",
  u=["safaricom-zawadi.top"])
S(L, "KE", "other", None,
  "QWE7T3K9PL Confirmed. Umepokea Ksh4,500.00 kutoka JANE WANJIRU 0729 416 385. Samahani nimetuma kimakosa, tafadhali nirudishie pesa hizo kwa namba hiyo",
  p=["+254729416385"], a=["4500.00 KES"])
S(L, "KE", "tax", "KRA",
  "KRA: Umekosa kuwasilisha ritani, faini ya Ksh 2,000 inadaiwa. Lipa leo kupitia hxxps://itax-kra[.]online/faini",
  u=["https://itax-kra.online/faini"], a=["2000 KES"])
B(L, "KE", "delivery_notice", "Posta Kenya",
  f"Posta Kenya: Kifurushi chako {T['ke2']} kiko njiani kwenda Posta ya Kisumu. Fuatilia kupitia www.posta.co.ke",
  u=["www.posta.co.ke"], t=[T["ke2"]])
B(L, "KE", "bank_alert", "M-PESA",
  "TLM5N8Q2VB Imethibitishwa. Umetuma Ksh800.00 kwa MARY ATIENO 0712 604 937 tarehe 6/12/26 saa 10:12 AM. Salio jipya la M-PESA ni Ksh2,145.60",
  p=["+254712604937"], a=["800.00 KES", "2145.60 KES"])
B(L, "KE", "otp", "Safaricom",
  "Nambari yako ya uthibitisho ya M-PESA App ni 5193. Safaricom haitakuuliza nambari hii")
B(L, "KE", "customs_charge", "DHL",
  "DHL Express: Mzigo wako 5820394716 una ushuru wa KSh 1,380.00. Lipa kwa usalama kupitia del.dhl.com au wakati wa kuletewa",
  u=["del.dhl.com"], a=["1380.00 KES"], t=["5820394716"])
B(L, "KE", "appointment", "Aga Khan University Hospital",
  "Kumbusho kutoka Hospitali ya Aga Khan: Una miadi ya kliniki ya watoto Jumatatu 15/12 saa 3 asubuhi. Kubadilisha piga 020 366 2104",
  p=["+254203662104"])
B(L, "KE", "personal", None,
  "Mama, nimekutumia kifurushi kwa G4S, kitafika Eldoret kesho. Usilipe chochote, nimeshalipia")
B(L, "KE", "marketing", "Quickmart",
  "Quickmart: Punguzo la hadi 30% kwa vyakula vya Krismasi wikendi hii. Kujiondoa tuma STOP kwa 21122")
# ------------------------------------------------------------------ Tanzania
S(L, "TZ", "redelivery_fee", "Tanzania Posts Corporation",
  "Posta: Tulishindwa kukuletea mzigo wako. Lipa TSh 3,000 za kusafirisha tena kupitia namba ya Tigo Pesa 0713 902 461",
  p=["+255713902461"], a=["3000 TZS"])
S(L, "TZ", "customs_fee", "TRA",
  "TRA Forodha: Mzigo wako kutoka Dubai unahitaji ushuru wa TSh 28,500. Lipa hapa https://tra-forodha.online/tz ndani ya saa 48",
  u=["https://tra-forodha.online/tz"], a=["28500 TZS"])
S(L, "TZ", "account_locked", "Airtel Tanzania",
  "Airtel Money: Akaunti yako itasimamishwa leo kwa kukosa uhakiki wa NIDA. Piga 0688 415 207 kuhakiki",
  p=["+255688415207"])
S(L, "TZ", "prize", "Halotel",
  "Hongera! Umeshinda TSh 500,000 kwenye bahati nasibu ya Halotel. Chukua zawadi yako hapa halotel-zawadi.shop",
  u=["halotel-zawadi.shop"], a=["500000 TZS"])
S(L, "TZ", "address_update", "Tanzania Posts Corporation",
  "Posta Tanzania: Anwani yako ya makazi haijakamilika. Sasisha anwani kupitia tinyurl.com/posta-anwani ili upokee mzigo wako",
  u=["tinyurl.com/posta-anwani"])
B(L, "TZ", "delivery_notice", "Tanzania Posts Corporation",
  f"Posta Tanzania: Mzigo wako {T['tz1']} umesafirishwa kwenda Arusha. Fuatilia kwenye www.posta.co.tz",
  u=["www.posta.co.tz"], t=[T["tz1"]])
B(L, "TZ", "bank_alert", "Vodacom",
  "M-Pesa: Umepokea TSh 120,000 kutoka kwa 0754 830 216 - ASHA MUSA. Salio jipya ni TSh 135,400",
  p=["+255754830216"], a=["120000 TZS", "135400 TZS"])
B(L, "TZ", "otp", "CRDB Bank",
  "Msimbo wako wa SimBanking ni 904817. Usimpe mtu yeyote. CRDB")
B(L, "TZ", "government", "TRA",
  "TRA: Kumbuka kulipa kodi ya majengo kabla ya 30 Juni kupitia GePG. TRA haipokei malipo kwa namba za simu za watu binafsi")
B(L, "TZ", "personal", None,
  "Kaka, mzigo wako nimeupokea stendi ya Ubungo, nitakuletea jioni")
# ------------------------------------------------------------------ Uganda
S(L, "UG", "customs_fee", "URA",
  "URA: Kifurushi chako kimekwama forodha Entebbe. Lipa ushuru USh 45,000 kwa MoMo 0784 219 603 jina URA CUSTOMS",
  p=["+256784219603"], a=["45000 UGX"])
S(L, "UG", "account_locked", "Airtel Uganda",
  "Airtel Money: Akaunti yako imefungwa kwa usalama. Ifungue hapa airtel-ug.online/fungua",
  u=["airtel-ug.online/fungua"])
S(L, "UG", "other", None,
  "Ndugu nimekutumia shilingi 75,000 kimakosa kwenye Airtel Money, tafadhali nirudishie kwa namba 0706 381 942",
  p=["+256706381942"], a=["75000 UGX"])
B(L, "UG", "bank_alert", "Airtel Uganda",
  "Airtel Money: Umetuma USh 30,000 kwa 0772 518 304 JOHN OKELLO. Salio: USh 12,700",
  p=["+256772518304"], a=["30000 UGX", "12700 UGX"])
B(L, "UG", "pickup_code", "Posta Uganda",
  f"Posta Uganda: Kifurushi {T['ug1']} kiko tayari ofisi ya Posta Jinja. Msimbo wa kuchukua 6620",
  t=[T["ug1"]])
B(L, "UG", "personal", None,
  "Dada, mzigo ulioutuma umefika Mbarara, asante sana")

if __name__ == "__main__":
    write("languages-unseen", os.path.dirname(os.path.abspath(__file__)), EXPECT)
