#!/usr/bin/env python3
"""Builds eval.jsonl of the languages-tune set (issue 20): hand-written Arabic, Chinese,
Russian, Swahili and Turkish messages with their gold labels and entities. Python 3 stdlib, no
network, deterministic: python3 data/messages/languages-tune/build.py"""
import json, os

def s10(prefix, serial, cc):
    d = [int(c) for c in serial]
    s = sum(w * x for w, x in zip([8, 6, 4, 2, 3, 5, 9, 7], d))
    c = 11 - s % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    return f"{prefix}{serial}{c}{cc}"

T = {k: s10(*v) for k, v in {
    "eg1": ("RR", "73310254", "EG"), "eg2": ("CP", "90118245", "EG"), "sa1": ("RB", "55102938", "SA"),
    "ae1": ("LX", "30487712", "AE"), "ma1": ("CX", "71520096", "MA"), "ru1": ("RA", "51178930", "RU"),
    "ru2": ("CJ", "11873402", "RU"), "kz1": ("RR", "20756341", "KZ"), "cn1": ("LP", "22871546", "CN"),
    "cn2": ("EA", "31558204", "CN"), "hk1": ("RH", "47700312", "HK"), "tw1": ("RC", "83316045", "TW"),
    "ke1": ("RR", "40982213", "KE"), "tz1": ("CP", "30041276", "TZ"), "tr1": ("RE", "63318427", "TR"),
}.items()}

# (id, lang, country, label, lure or category, brand, text, urls, phones, amounts, tracking)
M = [
("ar-01", "ar", "EG", "scam", "customs_fee", "Egypt Post",
 f"البريد المصري: برجاء العلم بأن طردكم {T['eg1']} لن يسلم إلا بعد دفع رسوم جمركية ٣٠ جنيه. ادفع من هنا egypost-customs.com",
 ["egypost-customs.com"], [], ["30 EGP"], [T["eg1"]]),
("ar-02", "ar", "SA", "scam", "failed_delivery", "SMSA Express",
 "سمسا: حاول المندوب توصيل شحنتك ولم يتمكن. تواصل معنا على الرقم 0569876543 لإعادة الجدولة",
 [], ["+966569876543"], [], []),
("ar-03", "ar", "AE", "scam", "account_locked", "Emirates NBD",
 "الإمارات دبي الوطني: سيتم إيقاف حسابك خلال 24 ساعة لانتهاء الهوية. حدث بياناتك: enbd-kyc.info",
 ["enbd-kyc.info"], [], [], []),
("ar-04", "ar", "MA", "scam", "prize", None,
 "مبروك! ربحت هاتف آيفون في مسابقة رمضان. ادفع فقط 19 درهم مغربي رسوم الشحن: ramadan-gift.top",
 ["ramadan-gift.top"], [], ["19 MAD"], []),
("ar-05", "ar", "EG", "ham", "delivery_notice", "Aramex",
 "أرامكس: شحنتك في الطريق وسيصل المندوب غداً بين 10 صباحاً و 2 ظهراً. تتبع شحنتك على aramex.com",
 ["aramex.com"], [], [], []),
("ar-06", "ar", "SA", "ham", "bank_alert", "Al Rajhi Bank",
 "مصرف الراجحي: شراء عبر الإنترنت بمبلغ 89.00 ريال من أمازون بالبطاقة مدى *1182. الرصيد 3,210.55 ريال",
 [], [], ["89.00 SAR", "3210.55 SAR"], []),
("ar-07", "ar", "EG", "ham", "personal", None,
 "عمو محمد، الطرد وصل وأنا مش في البيت، سيبه عند عم حسن البواب لو سمحت",
 [], [], [], []),
("ar-08", "ar", "AE", "ham", "otp", None,
 "رمز التحقق الخاص بك لتطبيق UAE PASS هو 403912. صالح لمدة 3 دقائق",
 [], [], [], []),
("zh-01", "zh", "CN", "scam", "customs_fee", "China Customs",
 "【中国海关】您有一件跨境包裹需补缴进口税款25元，请于今日点击 customs-cn.vip 完成缴纳，否则予以退运。",
 ["customs-cn.vip"], [], ["25 CNY"], []),
("zh-02", "zh", "HK", "scam", "package_held", "Hongkong Post",
 "香港郵政：您的郵件因未付運費暫存於倉庫，請於48小時內繳付HK$12，否則退回寄件人：hkpost.delivery-hk.top",
 ["hkpost.delivery-hk.top"], [], ["12 HKD"], []),
("zh-03", "zh", "TW", "scam", "prize", None,
 "恭喜您獲得週年慶積分兌換資格，積分今日到期，請立即登入 points-tw.shop 兌換精美禮品。",
 ["points-tw.shop"], [], [], []),
("zh-04", "zh", "CN", "scam", "account_locked", None,
 "【医保局】您的医保卡已被停用，请立即拨打18688889999核实，以免影响就医报销。",
 [], ["+8618688889999"], [], []),
("zh-05", "zh", "CN", "ham", "delivery_notice", "China Post",
 f"【中国邮政】您的邮件{T['cn1']}已投递至小区信报箱，如有疑问请拨打11185。",
 [], [], [], [T["cn1"]]),
("zh-06", "zh", "CN", "ham", "otp", None,
 "【京东】验证码418802，用于登录，5分钟内有效。京东不会以任何理由索要验证码。",
 [], [], [], []),
("zh-07", "zh", "HK", "ham", "personal", None,
 "阿媽，我啱啱收到你寄嘅月餅，好好食！聽日打俾你",
 [], [], [], []),
("zh-08", "zh", "TW", "ham", "bank_alert", None,
 "【國泰世華】您的信用卡於12/05消費NT$1,280，如非本人交易請撥打客服專線。",
 [], [], ["1280 TWD"], []),
("ru-01", "ru", "RU", "scam", "address_update", "Russian Post",
 "Почта России: для вручения посылки необходимо подтвердить адрес доставки. Перейдите по ссылке pochta-podtverzhdenie.top",
 ["pochta-podtverzhdenie.top"], [], [], []),
("ru-02", "ru", "KZ", "scam", "account_locked", "Kaspi",
 "Kaspi: ваш счёт временно заблокирован. Для восстановления доступа пройдите проверку: kaspi-bezopasnost.kz.com",
 ["kaspi-bezopasnost.kz.com"], [], [], []),
("ru-03", "ru", "RU", "scam", "customs_fee", "Federal Customs Service of Russia",
 f"ФТС России: посылка {T['ru1']} ожидает оплаты таможенного сбора 520 рублей. Оплата: fts-oplata.site",
 ["fts-oplata.site"], [], ["520 RUB"], [T["ru1"]]),
("ru-04", "ru", "RU", "scam", "other", None,
 "Мама, я попал в аварию, срочно нужны деньги. Позвони мне на новый номер +7 985 111-22-33",
 [], ["+79851112233"], [], []),
("ru-05", "ru", "RU", "ham", "delivery_notice", "Russian Post",
 "Почта России: ваше заказное письмо вручено адресату. Спасибо, что пользуетесь нашими услугами",
 [], [], [], []),
("ru-06", "ru", "RU", "ham", "bank_alert", "Sberbank",
 "СберБанк: перевод 2 500 ₽ от Марины К. зачислен. Баланс 14 210 ₽",
 [], [], ["2500 RUB", "14210 RUB"], []),
("ru-07", "ru", "RU", "ham", "otp", None,
 "Никому не говорите код 731904! Вход в Т-Банк",
 [], [], [], []),
("ru-08", "ru", "KZ", "ham", "personal", None,
 "Айгуль, посылка от тёти пришла, я заберу её завтра с почты",
 [], [], [], []),
("sw-01", "sw", "KE", "scam", "redelivery_fee", "Posta Kenya",
 "Posta Kenya: Hatukuweza kukufikishia mzigo wako leo. Lipia KSh 199 ili tuulete tena kesho: posta-redeliver.top",
 ["posta-redeliver.top"], [], ["199 KES"], []),
("sw-02", "sw", "TZ", "scam", "other", None,
 "Ile pesa tuma kwa namba hii 0765 432 100 jina litakuja Juma Ally",
 [], ["+255765432100"], [], []),
("sw-03", "sw", "KE", "ham", "delivery_notice", "DHL",
 "DHL: Mzigo wako utaletwa leo kati ya saa 4 na saa 8 mchana. Fuatilia kwenye dhl.com",
 ["dhl.com"], [], [], []),
("sw-04", "sw", "KE", "ham", "personal", None,
 "Wanjiru, nimekutumia Ksh 500 ya nauli. Safari njema!",
 [], [], ["500 KES"], []),
("tr-01", "tr", "TR", "scam", "customs_fee", "PTT (Türkiye)",
 f"PTT: {T['tr1']} nolu gönderiniz için gümrük vergisi 24,90 TL ödenmemiştir. Ödeme: ptt-gumrukodeme.site",
 ["ptt-gumrukodeme.site"], [], ["24.90 TRY"], [T["tr1"]]),
("tr-02", "tr", "TR", "scam", "account_locked", None,
 "e-Devlet şifreniz güvenlik nedeniyle bloke edildi. Yeniden aktif etmek için: edevlet-guvenlik.online",
 ["edevlet-guvenlik.online"], [], [], []),
("tr-03", "tr", "TR", "ham", "delivery_notice", "Aras Kargo",
 "Aras Kargo: Gönderiniz teslim edilmiştir. Bizi tercih ettiğiniz için teşekkür ederiz",
 [], [], [], []),
("tr-04", "tr", "TR", "ham", "personal", None,
 "Mehmet, annemin paketi geldi mi? Akşam arar mısın",
 [], [], [], []),
]

def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval.jsonl")
    ids = set()
    with open(out, "w", encoding="utf-8") as f:
        for (i, lang, country, label, cls, brand, text, urls, phones, amounts, tracking) in M:
            assert i not in ids and label in ("scam", "ham"), i
            ids.add(i)
            rec = {"id": f"languages-tune-{i}", "lang": lang, "country": country, "label": label,
                   "lure": cls if label == "scam" else None, "category": None if label == "scam" else cls,
                   "brand": brand, "urls": urls, "phones": phones, "amounts": amounts,
                   "tracking_numbers": tracking, "emails": [], "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(M)} messages -> {out}")

if __name__ == "__main__":
    main()
