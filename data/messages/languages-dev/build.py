#!/usr/bin/env python3
"""Builds eval.jsonl of the languages-dev set: 200 hand-written Arabic, Chinese, Russian and
Swahili messages (scam and genuine) with their gold labels and entities, for error analysis.
Python 3 stdlib, no network, deterministic: python3 data/messages/languages-dev/build.py"""
import collections, json, os, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from langset import *  # noqa: F401,F403 (S, B, M, s10, check, write, ...)
from langset import M, S, B, s10, write  # noqa: F401 (named for readers)
EXPECT = {"ar": {"EG": 14, "SA": 12, "AE": 10, "MA": 8, "DZ": 6, "JO": 5, "IQ": 5},
          "zh": {"CN": 24, "HK": 14, "TW": 14, "SG": 8},
          "ru": {"RU": 26, "KZ": 10, "BY": 8, "UZ": 6},
          "sw": {"KE": 14, "TZ": 10, "UG": 6}}
T = {k: s10(*v) for k, v in {
    "eg1": ("CY", "20574318", "EG"), "eg2": ("RR", "73019462", "EG"), "eg3": ("CP", "11562087", "EG"),
    "sa1": ("RR", "90421736", "SA"), "ae1": ("RB", "64207153", "AE"), "ma1": ("CA", "38815029", "MA"),
    "dz1": ("CD", "57031948", "DZ"), "cn1": ("LZ", "60238417", "CN"), "cn2": ("EV", "92047316", "CN"),
    "cn3": ("CN", "41170582", "CN"), "hk1": ("CH", "19036725", "HK"), "hk2": ("RF", "83402591", "HK"),
    "tw1": ("RR", "27648310", "TW"), "tw2": ("CT", "50913847", "TW"), "sg1": ("RS", "46027319", "SG"),
    "ru1": ("CA", "03917254", "RU"), "ru2": ("RB", "81462093", "RU"), "ru3": ("ZA", "15730846", "RU"),
    "kz1": ("CQ", "72049316", "KZ"), "kz2": ("RL", "36105728", "KZ"), "by1": ("RI", "84260137", "BY"),
    "by2": ("CE", "20517394", "BY"), "ke1": ("CZ", "61390428", "KE"), "ke2": ("RA", "47801935", "KE"),
    "tz1": ("EE", "28016453", "TZ"), "ug1": ("RU", "93027164", "UG"),
}.items()}

L = "ar"
# ------------------------------------------------------------------ Egypt
S(L, "EG", "customs_fee", "Egypt Post",
  f"بريد مصر: شحنتك الدولية {T['eg1']} محجوزة لدى الجمارك لحين سداد ٣٧ ج.م رسوم تخليص. ادفع من هنا:egpost-tracking.com/fees",
  u=["egpost-tracking.com/fees"], a=["37 EGP"], t=[T["eg1"]])
S(L, "EG", "redelivery_fee", "Egypt Post",
  "البريد المصري: المندوب ملقاكش في العنوان النهارده. لإعادة التوصيل حوّل ٢٠ جنيه فودافون كاش على ٠١٥٥٢٣٨٤١٧٦ واكتب رقم الشحنة في الرسالة",
  p=["+201552384176"], a=["20 EGP"])
S(L, "EG", "account_locked", "Banque Misr",
  "بنك مصر: تم ايقاف بطاقة الخصم الخاصة بك بسبب محاولة دخول غير معتادة، لإعادة التفعيل اضغط (hxxps://banquemisr-secure[.]net/verify) خلال ٢٤ ساعة",
  u=["https://banquemisr-secure.net/verify"])
S(L, "EG", "account_locked", "National Bank of Egypt",
  "معك خدمة العملاء بالبنك الأهلي المصري، حسابك هيتقفل النهارده بسبب عدم تحديث البيانات. كلمنا فوراً على 01227419035 وبلّغ الموظف بالكود اللي هيوصلك",
  p=["+201227419035"])
S(L, "EG", "prize", "Vodafone Egypt",
  "مبروك! رقمك كسب ١٠٬٠٠٠ جنيه في مسابقة فودافون السنوية. لاستلام الجايزة ادخل vf-eg-gift.com واكتب بيانات الكارت",
  u=["vf-eg-gift.com"], a=["10000 EGP"])
S(L, "EG", "other", None,
  "السلام عليكم، أنا حولتلك ٥٠٠ جنيه فودافون كاش بالغلط على رقمك، ممكن ترجعهم على الرقم ده ٠١٠٩٤٧٢٥٨٣٦ ربنا يكرمك",
  p=["+201094725836"], a=["500 EGP"])
S(L, "EG", "tax", "Egyptian Tax Authority",
  "مصلحة الضرائب المصرية: عليك غرامة تأخير في تقديم الإقرار الضريبي بقيمة 1,250 جنيه. سدد الآن لتجنب الحجز: bit.ly/eta-gharama",
  u=["bit.ly/eta-gharama"], a=["1250 EGP"])
B(L, "EG", "delivery_notice", "Egypt Post",
  f"البريد المصري: شحنتك {T['eg2']} في الطريق إلى مكتب بريد مدينة نصر وهتوصلك رسالة عند وصولها. تابع الشحنة على egyptpost.gov.eg ولا نطلب أي مدفوعات عبر الرسائل",
  u=["egyptpost.gov.eg"], t=[T["eg2"]])
B(L, "EG", "customs_charge", "Egypt Post",
  f"البريد المصري: الطرد {T['eg3']} وارد من الخارج ومستحق عليه رسوم جمركية ١٢٠ جنيه تُسدد نقداً بمكتب بريد رمسيس عند الاستلام",
  a=["120 EGP"], t=[T["eg3"]])
B(L, "EG", "bank_alert", "CIB",
  "CIB: تم إجراء عملية شراء بمبلغ 899.00 جنيه على بطاقتك المنتهية بـ 3318 من Jumia يوم 06/12. لأي استفسار اتصل بالرقم المدون على ظهر البطاقة",
  a=["899.00 EGP"])
B(L, "EG", "otp", "InstaPay",
  "رمز التحقق الخاص بك في إنستاباي هو ٤٨٢٠٦١. لا تشاركه مع أي شخص، البنك لن يطلبه منك أبداً",)
B(L, "EG", "personal", None,
  "ماما أنا طلبت الشنطة من أمازون وهتوصل بكرة، لو المندوب اتصل ادفعيله ٣٥٠ جنيه كاش وأنا هرجعهملك",
  a=["350 EGP"])
B(L, "EG", "marketing", "Jumia",
  "جوميا: خصم ٢٠٪ على الموبايلات لحد الجمعة! تسوق على jumia.com.eg. لإلغاء الاشتراك ارسل STOP الى 6699",
  u=["jumia.com.eg"])
B(L, "EG", "appointment", "Ministry of Health and Population",
  "وزارة الصحة والسكان: موعد التطعيم القادم لطفلك يوم الأحد ١٤ ديسمبر في وحدة صحة الأسرة بالدقي، برجاء إحضار كارت التطعيم")
# ------------------------------------------------------------------ Saudi Arabia
S(L, "SA", "address_update", "Saudi Post (SPL)",
  "سبل: شحنتك متوقفة لعدم تطابق العنوان الوطني، يرجى تحديثه عبر (splonline-sa.com/address) خلال ٤٨ ساعة وإلا ستعاد للمرسل",
  u=["splonline-sa.com/address"])
S(L, "SA", "customs_fee", "ZATCA",
  "الجمارك السعودية: لديك شحنة واردة عليها رسوم جمركية ٢٣ ر.س غير مسددة، للسداد وتجنب الإتلاف تواصل مع المختص على ٠٥٣٨٨٢١٤٠٧",
  p=["+966538821407"], a=["23 SAR"])
S(L, "SA", "account_locked", "Absher",
  "أبشر: تم تعليق خدماتك الإلكترونية لانتهاء صلاحية بيانات الهوية، حدث بياناتك من هنا https://absher-sa.services/login",
  u=["https://absher-sa.services/login"])
S(L, "SA", "account_locked", "SNB",
  "البنك الأهلي السعودي - إدارة الأمن: رصدنا محاولة تحويل 4,800 ريال من حسابك. إذا لم تكن أنت سيتصل بك موظفنا الآن من الرقم 0591736428، زوده بالرمز لإلغاء العملية",
  p=["+966591736428"], a=["4800 SAR"])
S(L, "SA", "prize", "stc",
  "stc: تهانينا! لديك 3000 نقطة قطاف تنتهي اليوم، استبدلها الآن:stc-qitaf.net/r",
  u=["stc-qitaf.net/r"])
S(L, "SA", "redelivery_fee", "SMSA Express",
  "سمسا إكسبرس: تعذر التوصيل لعدم تواجدك. لإعادة جدولة الشحنة ادفع 9.50 ريال عبر smsa-redeliver.com/sa",
  u=["smsa-redeliver.com/sa"], a=["9.50 SAR"])
B(L, "SA", "delivery_notice", "Saudi Post (SPL)",
  f"سبل: شحنتك {T['sa1']} ستصل اليوم بين ٤ و٨ مساءً. تتبع الشحنة عبر splonline.com.sa",
  u=["splonline.com.sa"], t=[T["sa1"]])
B(L, "SA", "otp", "Nafath",
  "نفاذ: رمز التحقق 3920، لا تشاركه مع أي أحد.")
B(L, "SA", "bank_alert", "Al Rajhi Bank",
  "مصرف الراجحي: شراء عبر نقاط البيع بمبلغ 86.75 ر.س من بنده - الرياض، بطاقة مدى *4471. الرصيد 3,210.40 ر.س",
  a=["86.75 SAR", "3210.40 SAR"])
B(L, "SA", "customs_charge", "Aramex",
  "أرامكس: شحنتك من متجر شي إن عليها رسوم جمركية وضريبة 54.30 ريال. ادفع بأمان عبر تطبيق أرامكس أو aramex.com قبل التوصيل، أو نقداً للمندوب",
  u=["aramex.com"], a=["54.30 SAR"])
B(L, "SA", "appointment", "Ministry of Health (Saudi Arabia)",
  "تذكير بموعد: لديك موعد في عيادة الأسنان بمستشفى الملك فهد العام بجدة يوم الثلاثاء 10:15 صباحاً. للاعتذار اتصل 0126651234",
  p=["+966126651234"])
B(L, "SA", "personal", None,
  "يبه، الطرد اللي طلبته من أمازون وصل عند الجيران، ترى دفعت لهم رسوم التوصيل ١٥ ريال",
  a=["15 SAR"])
# ------------------------------------------------------------------ UAE
S(L, "AE", "package_held", "Emirates Post",
  "بريد الإمارات: طردك في المستودع منذ ٥ أيام بسبب رسوم شحن ناقصة ٧٫٥٠ درهم. ادفع عبر https://emirates-post.delivery/ae وإلا سيعاد للمرسل",
  u=["https://emirates-post.delivery/ae"], a=["7.50 AED"])
S(L, "AE", "customs_fee", "Dubai Customs",
  "جمارك دبي: شحنتك محتجزة لعدم سداد رسوم التخليص 35 د.إ. للدفع الفوري تواصل على واتساب ۰۵۶۱۹۴۷۳۰۲",
  p=["+971561947302"], a=["35 AED"])
S(L, "AE", "account_locked", "Emirates NBD",
  "Emirates NBD: تم حظر بطاقتك الائتمانية مؤقتاً. لإلغاء الحظر قم بتأكيد بياناتك على:enbd-unblock.com",
  u=["enbd-unblock.com"])
S(L, "AE", "other", "Dubai Police",
  "شرطة دبي: لديك مخالفة مرورية غير مدفوعة بقيمة 400 درهم، ادفع خلال 24 ساعة لتجنب حجز المركبة: dubaipolice-fines.ae.com/pay",
  u=["dubaipolice-fines.ae.com/pay"], a=["400 AED"])
S(L, "AE", "refund", "Federal Tax Authority",
  "الهيئة الاتحادية للضرائب: تم اعتماد استرداد ضريبة القيمة المضافة بمبلغ ٦٢٠ درهم لحسابك. أدخل بيانات بطاقتك لاستلام المبلغ tinyurl.com/fta-vat-ae",
  u=["tinyurl.com/fta-vat-ae"], a=["620 AED"])
B(L, "AE", "pickup_code", "Emirates Post",
  f"بريد الإمارات: طردك {T['ae1']} وصل إلى مكتب بريد الكرامة. رمز الاستلام ٥٥٠٣٨١ صالح لمدة ٧ أيام. emiratespost.ae",
  u=["emiratespost.ae"], t=[T["ae1"]])
B(L, "AE", "bank_alert", "ADCB",
  "بنك أبوظبي التجاري: تم خصم 145.00 د.إ من بطاقتك المنتهية بـ 2290 لدى كارفور ديرة بتاريخ 06/12",
  a=["145.00 AED"])
B(L, "AE", "otp", "UAE PASS",
  "رمز التحقق الخاص بـ UAE PASS هو 771204. صالح لمدة 5 دقائق، لا تشاركه مع أحد")
B(L, "AE", "customs_charge", "Aramex",
  "أرامكس: على شحنتك من أمازون رسوم جمركية 42.00 درهم. ادفعها عبر aramex.com أو نقداً عند التسليم",
  u=["aramex.com"], a=["42.00 AED"])
B(L, "AE", "marketing", "Carrefour",
  "كارفور: خصم 25% على الأجهزة المنزلية لأعضاء شير حتى الأحد. لإلغاء الاشتراك أرسل STOP إلى 3535")
# ------------------------------------------------------------------ Morocco
S(L, "MA", "redelivery_fee", "Barid Al-Maghrib",
  "Barid Al-Maghrib: لم نتمكن من تسليم طردك بسبب غيابكم. المرجو أداء 11,90 DH لإعادة الإرسال عبر amana-ma.info/suivi",
  u=["amana-ma.info/suivi"], a=["11.90 MAD"])
S(L, "MA", "customs_fee", "ADII",
  "الديوانة: عندك كوليا محبوس فالديوانة خاصك تخلص 95 درهم باش يتسرح، عيط على 0661728394 دابا",
  p=["+212661728394"], a=["95 MAD"])
S(L, "MA", "account_locked", "CIH Bank",
  "CIH BANK: تم تعليق حسابكم البنكي. لإعادة التفعيل المرجو تأكيد معلوماتكم عبر الرابط hxxp://cih-verif[.]com",
  u=["http://cih-verif.com"])
S(L, "MA", "other", None,
  "سلام ماما، هادي نمرتي الجديدة، التيليفون طاح ليا وتهرس. صيفطي ليا 800 درهم ضروري فوفاكاش ونشرح ليك من بعد",
  a=["800 MAD"])
B(L, "MA", "delivery_notice", "Barid Al-Maghrib",
  f"بريد المغرب: إرساليتك {T['ma1']} في طور التوزيع اليوم. للتتبع: www.poste.ma",
  u=["www.poste.ma"], t=[T["ma1"]])
B(L, "MA", "bank_alert", "Attijariwafa bank",
  "Attijariwafa bank: عملية سحب 500,00 DH من الشباك الأوتوماتيكي ببطاقتكم ****6610 بتاريخ 06/12",
  a=["500.00 MAD"])
B(L, "MA", "personal", None,
  "خويا الكوليا ديالك جا، خلصت عليه 40 درهم للموزع، غادي نجيبو ليك فالويكاند",
  a=["40 MAD"])
B(L, "MA", "otp", "inwi",
  "inwi: رمز التحقق ديالك هو 6093. ما تعطيه لحتى واحد")
# ------------------------------------------------------------------ Algeria
S(L, "DZ", "package_held", "Algérie Poste",
  "بريد الجزائر: طردك موجود في مركز الفرز بالجزائر العاصمة ولم يتم تسليمه بسبب مصاريف شحن غير مدفوعة قدرها 350 دج. للدفع: https://algerieposte-colis.com/dz",
  u=["https://algerieposte-colis.com/dz"], a=["350 DZD"])
S(L, "DZ", "account_locked", "Algérie Poste",
  "بريد الجزائر: تم تجميد حساب بريدي موب الخاص بك. اتصل بمصلحة الزبائن على 0770 41 93 28 وقدم رمز التأكيد لإعادة تفعيله",
  p=["+213770419328"])
S(L, "DZ", "prize", "Mobilis",
  "موبيليس: مبروك ربحت 50000 دينار في سحب الوفاء! لاستلام الجائزة أرسل تعبئة بـ 1000 دج إلى الرقم 0661 58 20 47",
  p=["+213661582047"], a=["50000 DZD", "1000 DZD"])
B(L, "DZ", "otp", "Algérie Poste",
  "BaridiMob: رمز التحقق الخاص بك هو ٣٠٧٥١٩. لا تقدمه لأي شخص")
B(L, "DZ", "pickup_code", "Algérie Poste",
  f"بريد الجزائر: وصلك طرد {T['dz1']} إلى مكتب بريد باب الزوار. احضر بطاقة التعريف لاستلامه، رمز السحب 7731",
  t=[T["dz1"]])
B(L, "DZ", "personal", None,
  "خويا راني بعتلك الدراهم في CCP، 15000 دج، شوف وقولي كي توصل",
  a=["15000 DZD"])
# ------------------------------------------------------------------ Jordan
S(L, "JO", "customs_fee", "Jordan Post",
  "البريد الأردني: طردكم الوارد بحاجة لدفع رسوم جمركية 3.250 دينار. ادفع عبر الرابط jopost-jo.com/pay خلال يومين",
  u=["jopost-jo.com/pay"], a=["3.25 JOD"])
S(L, "JO", "other", None,
  "مرحبا، بعتلك 20 دينار على زين كاش بالغلط، ممكن ترجعهن على رقمي 0795 318 264؟ الله يخليك",
  p=["+962795318264"], a=["20 JOD"])
S(L, "JO", "account_locked", "Arab Bank",
  "البنك العربي: تم إيقاف بطاقتك احترازياً. سيتواصل معك قسم الأمن من الرقم 0782641937 لتأكيد هويتك، يرجى تزويده بالرمز المرسل إليك",
  p=["+962782641937"])
B(L, "JO", "government", "Sanad",
  "سند: تم إصدار شهادة عدم المحكومية الخاصة بك، يمكنك تحميلها من تطبيق سند")
B(L, "JO", "delivery_notice", "Aramex",
  "أرامكس: شحنتك من شي إن خرجت للتوصيل اليوم، السائق محمد ٠٧٧٧٢٠٤٦١٥",
  p=["+962777204615"])
# ------------------------------------------------------------------ Iraq
S(L, "IQ", "prize", "Asiacell",
  "آسياسيل: مبروك فزت بجائزة 2,000,000 دينار عراقي! للاستلام اتصل بالرقم ۰۷۷۱۲۳۹۴۰۵۸ وادفع 25,000 دينار رسوم تحويل",
  p=["+9647712394058"], a=["2000000 IQD", "25000 IQD"])
S(L, "IQ", "account_locked", "Qi Card",
  "كي كارد: تم ايقاف بطاقتك بسبب تحديث البيانات، حدث بياناتك عبر qicard-iq.net/update والا سيتم ايقاف الراتب",
  u=["qicard-iq.net/update"])
B(L, "IQ", "bank_alert", "Rafidain Bank",
  "مصرف الرافدين: تم إيداع راتبكم 1,250,000 دينار في حسابكم. شكراً لتعاملكم معنا",
  a=["1250000 IQD"])
B(L, "IQ", "personal", None,
  "حبيبي الطرد وصل للمكتب بالمنصور، اتصلوا بيه وكالوا ادفع 5000 دينار اجور توصيل وجبته",
  a=["5000 IQD"])
B(L, "IQ", "marketing", "Zain Iraq",
  "زين العراق: باقة الانترنت الشهرية الجديدة بـ 25,000 دينار. للاشتراك أرسل 1 إلى 211، لإلغاء الرسائل أرسل 0 إلى 222",
  a=["25000 IQD"])

L = "zh"
# ------------------------------------------------------------------ mainland China
S(L, "CN", "customs_fee", "China Post",
  f"【中国邮政】您有一件境外包裹{T['cn1']}因申报不符被海关扣留，需补缴关税２８元，请点击chinapost-hg.cc/pay处理。",
  u=["chinapost-hg.cc/pay"], a=["28 CNY"], t=[T["cn1"]])
S(L, "CN", "address_update", "China Post",
  "【邮政EMS】您的快递因收件地址不详无法派送，请在24小时内登录 ems-cn.info/dz 完善地址信息，逾期自动退回。",
  u=["ems-cn.info/dz"])
S(L, "CN", "refund", "ZTO Express",
  "【中通快递】您好，您的包裹在分拣中心丢失，我司按规定赔付您２９８元，请拨打理赔专线１７７２１４０９３６２办理退款。",
  p=["+8617721409362"], a=["298 CNY"])
S(L, "CN", "package_held", "JD Logistics",
  "【京东物流】您的包裹因运费不足滞留在上海转运中心，需补交运费６.５元，请访问 http://jd-wl.top/bujiao 补缴，否则原路退回。",
  u=["http://jd-wl.top/bujiao"], a=["6.5 CNY"])
S(L, "CN", "account_locked", "China Merchants Bank",
  "【招商银行】您的信用卡因风控已被临时冻结，为保障资金安全，请立即致电我行安全中心０２１－５８３６７７１０解除冻结。",
  p=["+862158367710"])
S(L, "CN", "account_locked", "ETC",
  "【ETC服务】您的ETC认证已过期，已被暂停使用，请尽快登录etc-rz.xyz重新认证，以免影响高速通行。",
  u=["etc-rz.xyz"])
S(L, "CN", "tax", "State Taxation Administration",
  "【国家税务总局】您有一笔个税补缴未处理，应补税款１２５０元及滞纳金，请立即访问 https://tax-gov.cn.net/bj 处理，逾期将影响征信。",
  u=["https://tax-gov.cn.net/bj"], a=["1250 CNY"])
S(L, "CN", "refund", "National Healthcare Security Administration",
  "【医保局】您的医保账户有一笔未领取的退费４６０元，请拨打专员电话１３０５２８８７１６４登记银行卡后领取。",
  p=["+8613052887164"], a=["460 CNY"])
S(L, "CN", "prize", "Douyin",
  "【抖音】恭喜您被抽中为年度幸运用户，获得现金红包８８８８元，复制链接到浏览器领取：t.cn/A6xYk2Pq",
  u=["t.cn/A6xYk2Pq"], a=["8888 CNY"])
S(L, "CN", "other", "Public Security Bureau",
  "我是北京市公安局民警，您的身份证涉嫌一起洗钱案件，请立即拨打０１０－８６５７３２１９配合调查，否则将对您进行通缉。",
  p=["+861086573219"])
S(L, "CN", "other", None,
  "爸，我换号了，这是我新号码，存一下。明天要交资料费２６００元，你先转我支付宝，别跟妈说",
  a=["2600 CNY"])
S(L, "CN", "redelivery_fee", "Yunda Express",
  "【韵达快递】您的快件派送时无人签收，已退回网点，如需重新派送请支付运费３元：yd-ps.cn.com",
  u=["yd-ps.cn.com"], a=["3 CNY"])
B(L, "CN", "delivery_notice", "China Post",
  f"【邮政EMS】您的邮件{T['cn2']}已到达北京朝阳区投递部，正在派送，投递员李师傅电话18611430927。",
  p=["+8618611430927"], t=[T["cn2"]])
B(L, "CN", "pickup_code", "Hive Box",
  "【丰巢】取件码２５９１７８，您的顺丰包裹已存入万科城３号柜，请及时取件，超时将收取保管费。")
B(L, "CN", "customs_charge", "China Post",
  f"【中国邮政】您的进境邮件{T['cn3']}经海关审核需缴纳行邮税５２元，请通过中国邮政微信公众号或官方网站 11185.cn 缴纳。",
  u=["11185.cn"], a=["52 CNY"], t=[T["cn3"]])
B(L, "CN", "otp", "Tencent",
  "【腾讯科技】验证码：８０３４１６，用于微信登录，５分钟内有效。如非本人操作请忽略。")
B(L, "CN", "bank_alert", "China Construction Bank",
  "【建设银行】您尾号4405的储蓄卡12月6日19:08消费支出人民币２３６.００元，活期余额８,１２０.４６元。",
  a=["236.00 CNY", "8120.46 CNY"])
B(L, "CN", "bank_alert", "Alipay",
  "【支付宝】您的账户收到转账¥1,500.00，来自王**，请登录支付宝查看。",
  a=["1500.00 CNY"])
B(L, "CN", "government", "State Taxation Administration",
  "【个人所得税】2027年度专项附加扣除信息确认已开始，请登录个人所得税App确认，税务部门不会要求您转账。")
B(L, "CN", "appointment", "Hangzhou First People's Hospital",
  "【杭州市第一人民医院】您已预约12月15日上午10:00消化内科门诊，请携带身份证就诊，取消预约请拨打0571-87065701。",
  p=["+8657187065701"])
B(L, "CN", "personal", None,
  "妈，快递到了吗？我给你买的羽绒服，顺丰到付运费２２元，你付一下就行",
  a=["22 CNY"])
B(L, "CN", "marketing", "Taobao",
  "【淘宝】双12狂欢，关注店铺满300减50，点击 m.tb.cn/h.5Zx9Kq 查看，回T退订",
  u=["m.tb.cn/h.5Zx9Kq"])
B(L, "CN", "delivery_notice", "SF Express",
  "【顺丰速运】您的快件SF1608842291736已签收，签收人：前台。感谢使用顺丰，查询请登录 www.sf-express.com",
  u=["www.sf-express.com"], t=["SF1608842291736"])
B(L, "CN", "personal", None,
  "晚上７点在小区门口等你，记得把充电宝带上")
# ------------------------------------------------------------------ Hong Kong
S(L, "HK", "customs_fee", "Hongkong Post",
  f"【香港郵政】閣下郵件{T['hk1']}需繳付進口稅HK$23.5方可派遞，請於「hkpost-tax.com/hk」繳費。",
  u=["hkpost-tax.com/hk"], a=["23.5 HKD"], t=[T["hk1"]])
S(L, "HK", "redelivery_fee", "SF Express",
  "順豐速運：派件失敗，收件人不在。如需再次派送，請於今日內支付港幣12元手續費：https://sf-hk-express.top/re",
  u=["https://sf-hk-express.top/re"], a=["12 HKD"])
S(L, "HK", "account_locked", "Bank of China (Hong Kong)",
  "【中銀香港】閣下的網上銀行帳戶因安全原因已被凍結，請即致電客戶服務專員 6928 3104 以核實身份並解凍。",
  p=["+85269283104"])
S(L, "HK", "tax", "Inland Revenue Department",
  "稅務局通知：閣下2025/26年度薪俸稅尚欠HK$3,480未繳，請於48小時內於 ird-gov-hk.com 繳付，否則將被徵收附加費。",
  u=["ird-gov-hk.com"], a=["3480 HKD"])
S(L, "HK", "prize", "Octopus",
  "八達通：閣下已獲得$200電子消費券回贈，請於今日內登記：octopus-hk.vip/reward",
  u=["octopus-hk.vip/reward"], a=["200 HKD"])
S(L, "HK", "other", None,
  "媽，我手機壞咗，呢個係我新號碼 9458 2071。急需交學費HK$8,000，可唔可以轉數快過嚟？",
  p=["+85294582071"], a=["8000 HKD"])
S(L, "HK", "package_held", "Hongkong Post",
  "香港郵政：你的包裹因郵費不足已被滯留於空郵中心，請於3日內致電 3618 7702 繳付附加郵費HK$15，否則退回寄件人。",
  p=["+85236187702"], a=["15 HKD"])
B(L, "HK", "pickup_code", "Hongkong Post",
  f"香港郵政：閣下的郵件{T['hk2']}已存放於觀塘「智郵站」，取件密碼 482 016，請於3日內領取。詳情：www.hongkongpost.hk",
  u=["www.hongkongpost.hk"], t=[T["hk2"]])
B(L, "HK", "delivery_notice", "SF Express",
  "順豐速運：您的快件SF1379204850012將於今日送達，速遞員陳先生 6034 7128。",
  p=["+85260347128"], t=["SF1379204850012"])
B(L, "HK", "otp", "Hang Seng Bank",
  "恒生銀行：一次性密碼 713902，用於網上銀行登入。本行職員不會向你索取密碼。")
B(L, "HK", "bank_alert", "Bank of China (Hong Kong)",
  "中銀香港：閣下已透過轉數快收到HK$2,650.00，付款人 LEUNG K**。",
  a=["2650.00 HKD"])
B(L, "HK", "government", "Inland Revenue Department",
  "稅務局提提你：2025/26年度暫繳薪俸稅第二期將於2027年4月到期，可透過「稅務易」繳稅。本局不會以短訊發送繳費連結。")
B(L, "HK", "appointment", "Hospital Authority",
  "醫管局：提提你12月18日上午9:00於伊利沙伯醫院眼科專科門診覆診，請帶同覆診卡。查詢：2958 6113",
  p=["+85229586113"])
B(L, "HK", "marketing", "PARKnSHOP",
  "百佳：會員專享！週末全線飲品買二送一，詳情 www.parknshop.com 。取消訂閱請回覆 STOP",
  u=["www.parknshop.com"])
# ------------------------------------------------------------------ Taiwan
S(L, "TW", "package_held", "Chunghwa Post",
  "【中華郵政】您的包裹因運費不足暫存於台北郵件處理中心，請於今日補繳NT$３５（post-tw.top/fee），逾期將銷毀。",
  u=["post-tw.top/fee"], a=["35 TWD"])
S(L, "TW", "customs_fee", "Customs Administration",
  "【財政部關務署】您的跨境包裹需繳納進口關稅新台幣３２０元，請撥打０９７８－５１２－６０３由專人協助繳費。",
  p=["+886978512603"], a=["320 TWD"])
S(L, "TW", "account_locked", "Cathay United Bank",
  "【國泰世華】您的帳戶偵測到異常登入已暫停交易，請立即點選 https://cathaybk-tw.online/login 驗證身分。",
  u=["https://cathaybk-tw.online/login"])
S(L, "TW", "other", "Taipower",
  "【台灣電力】您本期電費NT$1,286逾期未繳，將於今日停電，請速至 taipower-pay.xyz 繳費。",
  u=["taipower-pay.xyz"], a=["1286 TWD"])
S(L, "TW", "prize", "7-Eleven",
  "【7-ELEVEN】恭喜您獲得OPEN POINT 5000點兌換資格，今日到期，立即兌換：reurl.cc/Xk8d3p",
  u=["reurl.cc/Xk8d3p"])
S(L, "TW", "refund", "Shopee",
  "蝦皮客服：您的訂單因系統錯誤被重複扣款NT$2,390，請撥０２－２７０１－５８８６辦理退款，並依專員指示操作ATM。",
  p=["+886227015886"], a=["2390 TWD"])
S(L, "TW", "redelivery_fee", "T-CAT",
  "【黑貓宅急便】您的包裹配送失敗，請於24小時內支付NT$25重新配送費用：tcat-tw.shop/r",
  u=["tcat-tw.shop/r"], a=["25 TWD"])
B(L, "TW", "pickup_code", "Chunghwa Post",
  f"【中華郵政】您的包裹{T['tw1']}已送達i郵箱(大安郵局)，取件號碼 7719 0263，請於72小時內取件。",
  t=[T["tw1"]])
B(L, "TW", "delivery_notice", "T-CAT",
  "黑貓宅急便：您的包裹將於今日18時前送達，司機王先生 0921-338-406。",
  p=["+886921338406"])
B(L, "TW", "otp", "Taishin Bank",
  "【台新銀行】您的OTP交易驗證碼為591207，交易金額NT$1,580，請勿告知他人。",
  a=["1580 TWD"])
B(L, "TW", "bank_alert", "E.SUN Bank",
  "玉山銀行：您的信用卡末四碼8812於12/06消費新台幣899元（全聯福利中心），如有疑問請洽客服。",
  a=["899 TWD"])
B(L, "TW", "customs_charge", "Chunghwa Post",
  f"中華郵政：您的國際包裹{T['tw2']}經關務署核定應納稅費NT$215，請於領取時至郵局櫃檯繳納，查詢 www.post.gov.tw",
  u=["www.post.gov.tw"], a=["215 TWD"], t=[T["tw2"]])
B(L, "TW", "government", "Taiwan CDC",
  "衛福部疾管署提醒：公費流感疫苗即日起開放接種，請攜健保卡至合約院所，詳見 www.cdc.gov.tw",
  u=["www.cdc.gov.tw"])
B(L, "TW", "personal", None,
  "阿嬤，我寄的包裹明天到，郵差會按門鈴，不用付錢喔！")
# ------------------------------------------------------------------ Singapore
S(L, "SG", "redelivery_fee", "SingPost",
  "【新加坡邮政】您的包裹派送失败，请在24小时内支付S$2.80重新派送费：singpost-sg.info/redeliver",
  u=["singpost-sg.info/redeliver"], a=["2.80 SGD"])
S(L, "SG", "customs_fee", "Singapore Customs",
  "新加坡关税局：您的包裹需缴纳消费税S$18.60，请拨打8724 1960联系专员缴费，否则包裹将被退回。",
  p=["+6587241960"], a=["18.60 SGD"])
S(L, "SG", "account_locked", "DBS",
  "【星展银行】您的PayLah!账户已被暂停，请立即点击dbs-paylah.help/sg重新激活。",
  u=["dbs-paylah.help/sg"])
S(L, "SG", "other", "Singapore Police Force",
  "您好，我是新加坡警察部队的官员，您的银行账户涉及一宗洗钱调查，请立即拨打 6491 2278 配合调查。",
  p=["+6564912278"])
B(L, "SG", "delivery_notice", "SingPost",
  f"【新加坡邮政】您的邮件{T['sg1']}正在派送中，查询请访问 www.singpost.com 。",
  u=["www.singpost.com"], t=[T["sg1"]])
B(L, "SG", "otp", "Singpass",
  "您的Singpass一次性密码为 448120，请勿与任何人分享。")
B(L, "SG", "personal", None,
  "老公，Shopee的包裹邻居帮我代收了，她垫付了S$5的运费，你下班记得还她",
  a=["5 SGD"])
B(L, "SG", "bank_alert", "OCBC",
  "OCBC：您的卡尾号3307于06/12消费S$64.90（FairPrice）。如非本人交易请致电卡背面热线。",
  a=["64.90 SGD"])

L = "ru"
# ------------------------------------------------------------------ Russia
S(L, "RU", "customs_fee", "Russian Post",
  f"Почта России: Ваше международное отправление {T['ru1']} задержано на таможне. Оплатите таможенный сбор 287,40 руб. на pochta-tamozhnya.ru.com/opl",
  u=["pochta-tamozhnya.ru.com/opl"], a=["287.40 RUB"], t=[T["ru1"]])
S(L, "RU", "customs_fee", "FTS",
  "ФТС России: на ваше имя поступила посылка с объявленной стоимостью выше лимита. Пошлина 1 640 ₽. Реквизиты для оплаты по телефону 8 (958) 402-17-63",
  p=["+79584021763"], a=["1640 RUB"])
S(L, "RU", "address_update", "Ozon",
  "Ozon: курьер не может найти ваш адрес. Уточните данные доставки по ссылке ozon-dostavka.store/adres",
  u=["ozon-dostavka.store/adres"])
S(L, "RU", "redelivery_fee", "Russian Post",
  "Почта России. Неудачная попытка вручения. Повторная доставка — 149 руб. Оплата: hxxps://pochta-rossii[.]site/dostavka",
  u=["https://pochta-rossii.site/dostavka"], a=["149 RUB"])
S(L, "RU", "account_locked", "Sberbank",
  "Служба безопасности СберБанка: зафиксирована попытка оформления кредита на ваше имя. Для отмены заявки ожидайте звонка специалиста с номера +7 (495) 118-42-07 и не кладите трубку",
  p=["+74951184207"])
S(L, "RU", "account_locked", "Gosuslugi",
  "Госуслуги: ваша учетная запись будет удалена через 24 часа из-за отсутствия подтверждения. Подтвердите данные: gosuslugi.ru-lk.info",
  u=["gosuslugi.ru-lk.info"])
S(L, "RU", "tax", "FNS",
  "Вам начислен штраф ФНС 3 000 рублей за непредставление декларации. Для погашения позвоните инспектору: 8 800 301-74-92",
  p=["+78003017492"], a=["3000 RUB"])
S(L, "RU", "refund", "Russian Post",
  "Почта России приносит извинения за задержку отправления. Вам положена компенсация 2 500 ₽. Получить: bit.ly/pochta-komp",
  u=["bit.ly/pochta-komp"], a=["2500 RUB"])
S(L, "RU", "prize", "Magnit",
  "Магнит: поздравляем! Вы выиграли сертификат на 10 000 ₽. Для активации оплатите комиссию 350 ₽ на magnit-akcia.ru.net",
  u=["magnit-akcia.ru.net"], a=["10000 RUB", "350 RUB"])
S(L, "RU", "other", None,
  "Мама, у меня сломался телефон, пишу с чужого. Срочно нужно 7 800 руб., скинь на карту 2202 2061 4458 9013, вечером всё объясню",
  a=["7800 RUB"])
S(L, "RU", "package_held", "CDEK",
  "СДЭК: ваша посылка находится на складе хранения. Задолженность за хранение 210 руб. Для оплаты свяжитесь с оператором 8 916 742-03-58, иначе отправление будет возвращено",
  p=["+79167420358"], a=["210 RUB"])
S(L, "RU", "account_locked", "MTS",
  "МТС: срок действия вашего договора истекает, номер будет отключён. Для продления назовите код из СМС оператору по номеру +7 980 314-26-75",
  p=["+79803142675"])
S(L, "RU", "failed_delivery", "Wildberries",
  "Wildberries: курьер не смог доставить заказ №84213. Выберите новую дату доставки: wb-kurier.online",
  u=["wb-kurier.online"])
B(L, "RU", "pickup_code", "Russian Post",
  f"Почта России: посылка {T['ru2']} ждёт в отделении 630099. Код для получения в приложении: 5284. Срок хранения до 18.12",
  t=[T["ru2"]])
B(L, "RU", "delivery_notice", "CDEK",
  "СДЭК: заказ 1523094871 доставлен в пункт выдачи на ул. Гагарина, 5. Адрес и часы работы на cdek.ru",
  u=["cdek.ru"], t=["1523094871"])
B(L, "RU", "customs_charge", "Russian Post",
  f"Почта России: для выдачи отправления {T['ru3']} необходимо оплатить таможенную пошлину 1 017,30 руб. Оплата в отделении или в приложении Почты. Подробнее на pochta.ru",
  u=["pochta.ru"], a=["1017.30 RUB"], t=[T["ru3"]])
B(L, "RU", "otp", "Sberbank",
  "Никому не сообщайте этот код: 483920. Вход в СберБанк Онлайн. Если это не вы, позвоните 900")
B(L, "RU", "bank_alert", "T-Bank",
  "Т-Банк: Пополнение 15 000 ₽, счет RUB. Доступно 23 412,70 ₽",
  a=["15000 RUB", "23412.70 RUB"])
B(L, "RU", "bank_alert", "Alfa-Bank",
  "Альфа-Банк: Списание 3 299 ₽, Яндекс Маркет, карта *0913. Остаток 9 514,08 ₽",
  a=["3299 RUB", "9514.08 RUB"])
B(L, "RU", "government", "Gosuslugi",
  "Госуслуги: вам пришло постановление о штрафе ГИБДД на 500 ₽. Оплатить со скидкой 50% до 20.12 можно на gosuslugi.ru",
  u=["gosuslugi.ru"], a=["500 RUB"])
B(L, "RU", "appointment", None,
  "Запись к стоматологу подтверждена: 15.12 в 18:40, клиника «Улыбка», ул. Мира, 14. Перенос: +7 (343) 288-41-05",
  p=["+73432884105"])
B(L, "RU", "personal", None,
  "Сынок, посылку получила, за доставку отдала курьеру 350 рублей, не переживай",
  a=["350 RUB"])
B(L, "RU", "personal", None,
  "Лен, я на Озоне заказала тебе шарф, заберёшь в пункте у метро? Код скину вечером")
B(L, "RU", "marketing", "Lenta",
  "Лента: баллы начислены! Скидка 15% на бытовую химию до 15.12. Отписаться: lenta.com",
  u=["lenta.com"])
B(L, "RU", "delivery_notice", "Ozon",
  "Ozon: курьер Ильдар привезёт заказ сегодня с 10:00 до 14:00. Связь с курьером: +7 917 305-62-81",
  p=["+79173056281"])
B(L, "RU", "otp", "Yandex",
  "Ваш код для входа в Яндекс ID: 721944. Никому его не сообщайте")
# ------------------------------------------------------------------ Kazakhstan
S(L, "KZ", "customs_fee", "Kazpost",
  f"Казпочта: на ваше отправление {T['kz1']} начислен таможенный сбор 2 350 ₸. Оплатите по ссылке kazpost-tamozhnya.kz.com/pay в течение 2 дней",
  u=["kazpost-tamozhnya.kz.com/pay"], a=["2350 KZT"], t=[T["kz1"]])
S(L, "KZ", "account_locked", "Kaspi Bank",
  "Kaspi Bank: ваша карта заблокирована из-за подозрительной операции. Специалист службы безопасности свяжется с вами с номера +7 747 512 38 06, назовите ему код из SMS",
  p=["+77475123806"])
S(L, "KZ", "redelivery_fee", "Kazpost",
  "Qazpost: курьер не застал вас дома. Оплатите повторную доставку 450 тг: https://qazpost-kz.top/kurier",
  u=["https://qazpost-kz.top/kurier"], a=["450 KZT"])
S(L, "KZ", "other", None,
  "Здравствуйте, я вам случайно перевела 15 000 тенге на Kaspi, это деньги на лечение ребёнка, верните пожалуйста по номеру 8 701 629 44 17",
  p=["+77016294417"], a=["15000 KZT"])
S(L, "KZ", "refund", "eGov",
  "eGov: вам положена единовременная выплата 42 500 ₸. Для получения введите данные карты: egov-vyplata.kz.net",
  u=["egov-vyplata.kz.net"], a=["42500 KZT"])
B(L, "KZ", "pickup_code", "Kazpost",
  f"Казпочта: посылка {T['kz2']} поступила в постамат на ул. Абая, 52. Код получения 630418. Срок хранения 5 дней",
  t=[T["kz2"]])
B(L, "KZ", "bank_alert", "Kaspi Bank",
  "Kaspi Gold: Покупка 4 780 ₸, Magnum. Доступно 61 235 ₸",
  a=["4780 KZT", "61235 KZT"])
B(L, "KZ", "otp", "eGov",
  "Код подтверждения eGov: 2871. Никому не сообщайте")
B(L, "KZ", "government", "State Revenue Committee",
  "КГД МФ РК напоминает: налог на имущество и транспорт уплачивается до 1 октября. Проверить задолженность можно на kgd.gov.kz или в eGov",
  u=["kgd.gov.kz"])
B(L, "KZ", "personal", None,
  "Айгерим, посылку с Wildberries я забрал из пункта, привезу в субботу")
# ------------------------------------------------------------------ Belarus
S(L, "BY", "customs_fee", "Belpost",
  f"Белпочта: ваше отправление {T['by1']} задержано таможней. Оплатите сбор 8,60 BYN: belpost-tamozhnya.by.com",
  u=["belpost-tamozhnya.by.com"], a=["8.60 BYN"], t=[T["by1"]])
S(L, "BY", "account_locked", "Belarusbank",
  "Беларусбанк: по вашей карте зафиксирована попытка входа с другого устройства. Карта будет заблокирована. Для отмены позвоните в службу безопасности +375 29 654-21-87",
  p=["+375296542187"])
S(L, "BY", "address_update", "Evropochta",
  "Европочта: ваш заказ не может быть доставлен, указан неверный адрес. Обновите данные: evropochta-by.site/adres",
  u=["evropochta-by.site/adres"])
S(L, "BY", "prize", "A1",
  "Поздравляем! Ваш номер стал победителем акции А1. Приз 1 000 BYN. Для получения позвоните 8 044 731-50-26 и оплатите налог на выигрыш 40 руб.",
  p=["+375447315026"], a=["1000 BYN", "40 BYN"])
B(L, "BY", "delivery_notice", "Belpost",
  f"Белпочта: отправление {T['by2']} прибыло в ОПС Минск 220030. Получить можно с паспортом. Отслеживание на belpost.by",
  u=["belpost.by"], t=[T["by2"]])
B(L, "BY", "bank_alert", "Priorbank",
  "Priorbank: Oplata 23,45 BYN. EVROOPT. Dostupno 412,80 BYN",
  a=["23.45 BYN", "412.80 BYN"])
B(L, "BY", "otp", "Belinvestbank",
  "Код для входа в Белинвестбанк онлайн: 905317. Не сообщайте его никому")
B(L, "BY", "personal", None,
  "Ма, посылку из Европочты забрала, оплатила при получении 12 рублей",
  a=["12 BYN"])
# ------------------------------------------------------------------ Uzbekistan (Russian)
S(L, "UZ", "customs_fee", "Uzbekistan Post",
  "Узбекистон Почтаси: ваша посылка из-за границы задержана на таможне. Сбор 85 000 сум. Для оплаты звоните +998 93 517 40 28",
  p=["+998935174028"], a=["85000 UZS"])
S(L, "UZ", "account_locked", "Click",
  "Click: ваш аккаунт временно заблокирован. Подтвердите личность по ссылке click-uz.online/verify",
  u=["click-uz.online/verify"])
S(L, "UZ", "other", None,
  "Ассалому алейкум, я ошибочно отправил вам 200 000 сум через Payme. Пожалуйста, верните на номер +998 90 741 26 53",
  p=["+998907412653"], a=["200000 UZS"])
B(L, "UZ", "otp", "Payme",
  "Payme: код подтверждения 558102. Никому не сообщайте")
B(L, "UZ", "delivery_notice", "Uzum",
  "Uzum Market: ваш заказ доставлен в пункт выдачи на ул. Навои, 18. Срок хранения 5 дней")
B(L, "UZ", "bank_alert", "Kapitalbank",
  "Kapitalbank: списание 145 000 UZS, KORZINKA. Баланс 1 230 400 UZS",
  a=["145000 UZS", "1230400 UZS"])

L = "sw"
# ------------------------------------------------------------------ Kenya
S(L, "KE", "customs_fee", "Posta Kenya",
  f"Posta Kenya: Kifurushi chako {T['ke1']} kimezuiliwa na forodha ya KRA. Lipa ada ya KSh 180 hapa:postake-delivery.com/pay",
  u=["postake-delivery.com/pay"], a=["180 KES"], t=[T["ke1"]])
S(L, "KE", "other", None,
  "Samahani nimekutumia Ksh 2,000 kimakosa badala ya kwa mwanangu. Tafadhali nirudishie kwa namba hii 0745 218 903. Mungu akubariki",
  p=["+254745218903"], a=["2000 KES"])
S(L, "KE", "account_locked", "Safaricom",
  "Safaricom: Laini yako itafungwa leo kwa kukosa kusajiliwa upya. Piga 0110 482 736 kuthibitisha ukitumia PIN yako ya M-PESA",
  p=["+254110482736"])
S(L, "KE", "prize", "Safaricom",
  "HONGERA! Umeshinda Ksh 50,000 kwenye Safaricom Shabiki Promo. Lipa ada ya usajili Ksh 350 kupitia Till 583920 ili upokee zawadi. Maelezo: bit.ly/shabiki-ke",
  u=["bit.ly/shabiki-ke"], a=["50000 KES", "350 KES"])
S(L, "KE", "refund", "KRA",
  "KRA: Umestahili kurudishiwa kodi ya Ksh 7,450. Jaza maelezo ya akaunti yako ya benki hapa https://kra-refunds.site/claim",
  u=["https://kra-refunds.site/claim"], a=["7450 KES"])
S(L, "KE", "redelivery_fee", "G4S",
  "G4S Courier: Hatukukupata nyumbani leo. Lipa Ksh 100 kupanga upya usafirishaji kwa www.g4s-ke-courier.com",
  u=["www.g4s-ke-courier.com"], a=["100 KES"])
S(L, "KE", "other", None,
  "Mama ni mimi Brian, nimebadilisha laini. Nitumie elfu tatu haraka kwa namba hii mpya 0798 365 120 nitakueleza baadaye",
  p=["+254798365120"])
B(L, "KE", "pickup_code", "Posta Kenya",
  f"Posta Kenya: Kifurushi {T['ke2']} kimefika Posta ya Mombasa. Nambari ya kuchukua ni 71452. Tembelea posta.co.ke kwa maelezo",
  u=["posta.co.ke"], t=[T["ke2"]])
B(L, "KE", "bank_alert", "M-PESA",
  "RKL8Q2M4TX Imethibitishwa. Ksh1,250.00 imelipwa kwa NAIVAS SUPERMARKET tarehe 6/12/26 saa 6:40 PM. Salio jipya la M-PESA ni Ksh3,802.50. Gharama ya muamala Ksh0.00",
  a=["1250.00 KES", "3802.50 KES", "0.00 KES"])
B(L, "KE", "otp", "Equity Bank",
  "Equity Bank: Nambari yako ya siri ya mara moja (OTP) ni 406218. Usiishiriki na mtu yeyote")
B(L, "KE", "government", "eCitizen",
  "eCitizen: Ombi lako la pasipoti limeidhinishwa. Fika Nyayo House tarehe 12/12 ukiwa na kitambulisho. Angalia hali kwenye www.ecitizen.go.ke",
  u=["www.ecitizen.go.ke"])
B(L, "KE", "delivery_notice", "Jumia",
  "Jumia: Oda yako itafika leo. Mpelekaji ni Peter 0724 915 362. Lipa Ksh 2,340 kwa M-PESA unapopokea",
  p=["+254724915362"], a=["2340 KES"])
B(L, "KE", "personal", None,
  "Kaka, kifurushi changu kimefika Posta? Nilikutumia pesa ya kukichukua jana")
B(L, "KE", "marketing", "Safaricom",
  "Safaricom: Pata GB 2 kwa Ksh 99 leo tu! Piga *544#. Kuacha kupokea ujumbe tuma STOP kwa 20456",
  a=["99 KES"])
# ------------------------------------------------------------------ Tanzania
S(L, "TZ", "customs_fee", "Tanzania Posts Corporation",
  "Shirika la Posta Tanzania: Mzigo wako kutoka China unashikiliwa forodha. Lipa ushuru TSh 35,000 kwa M-Pesa namba 0768 204 519 jina POSTA",
  p=["+255768204519"], a=["35000 TZS"])
S(L, "TZ", "address_update", "Tanzania Posts Corporation",
  "TPC: Mzigo wako haujafika kwa sababu anwani haijakamilika. Jaza anwani yako sahihi: posta-tz.info/anwani",
  u=["posta-tz.info/anwani"])
S(L, "TZ", "account_locked", "Vodacom",
  "Vodacom M-Pesa: Akaunti yako imefungiwa kwa sababu ya miamala isiyo ya kawaida. Ifungue hapa: hxxp://mpesa-tz[.]online",
  u=["http://mpesa-tz.online"])
S(L, "TZ", "other", None,
  "Ndugu yangu nimekosea nimetuma shilingi 50,000 kwenye namba yako, naomba unirudishie kwa 0657 310 482 ni ada ya shule",
  p=["+255657310482"], a=["50000 TZS"])
S(L, "TZ", "tax", "TRA",
  "TRA: Una deni la kodi ya mapato TSh 480,000. Lipa ndani ya siku 3 kuepuka adhabu kupitia tra-malipo.co.tz.com",
  u=["tra-malipo.co.tz.com"], a=["480000 TZS"])
B(L, "TZ", "pickup_code", "Tanzania Posts Corporation",
  f"Posta Tanzania: Mzigo {T['tz1']} umefika Posta Mpya Dar es Salaam. Msimbo wa kuchukua 30927. Habari zaidi posta.co.tz",
  u=["posta.co.tz"], t=[T["tz1"]])
B(L, "TZ", "bank_alert", "CRDB Bank",
  "CRDB: Umepokea TSh 250,000.00 kutoka kwa JUMA HASSANI. Salio lako ni TSh 612,300.00",
  a=["250000.00 TZS", "612300.00 TZS"])
B(L, "TZ", "otp", "NMB Bank",
  "Nambari yako ya uthibitisho ya NMB Mkononi ni 773104. Usimpe mtu yeyote")
B(L, "TZ", "government", "TRA",
  "TRA: Malipo yako ya kodi ya TSh 45,000 kwa namba ya malipo 991402337851 yamepokelewa. Asante",
  a=["45000 TZS"])
B(L, "TZ", "personal", None,
  "Dada nimekutumia mzigo kwa basi la Abood, utaupokea kesho Morogoro. Nauli nimeshalipa")
# ------------------------------------------------------------------ Uganda
S(L, "UG", "package_held", "Posta Uganda",
  "Posta Uganda: Kifurushi chako kiko ghalani Kampala. Lipa USh 15,000 za uhifadhi ndani ya siku 2 au kitarudishwa: posta-ug.shop/lipa",
  u=["posta-ug.shop/lipa"], a=["15000 UGX"])
S(L, "UG", "other", None,
  "Habari, nimekutumia USh 100,000 kwa makosa kwenye MTN MoMo. Tafadhali nirudishie kwa 0772 604 318",
  p=["+256772604318"], a=["100000 UGX"])
S(L, "UG", "prize", "Airtel Uganda",
  "Airtel Uganda: Hongera umeshinda shilingi 1,000,000 kwenye droo. Piga 0752 813 460 kupokea zawadi yako",
  p=["+256752813460"], a=["1000000 UGX"])
B(L, "UG", "bank_alert", "MTN MoMo",
  "MTN MoMo: Umepokea USh 60,000 kutoka kwa NAKATO SARAH. Salio jipya: USh 74,500. ID: 48210395771",
  a=["60000 UGX", "74500 UGX"])
B(L, "UG", "pickup_code", "Posta Uganda",
  f"Posta Uganda: Kifurushi {T['ug1']} kimefika ofisi ya Posta Entebbe. Kichukue ukiwa na kitambulisho",
  t=[T["ug1"]])
B(L, "UG", "personal", None,
  "Kaka nimefika Kampala salama, basi lilichelewa tu. Tutaonana kesho")

if __name__ == "__main__":
    write("languages-dev", os.path.dirname(os.path.abspath(__file__)), EXPECT)
