# Swahili messages of languages-wide-unseen (Kenya, Tanzania).
from langset import S, B, s10

L = "sw"
T = {k: s10(*v) for k, v in {
    "ke1": ("RR", "60418273", "KE"), "ke2": ("EE", "29374016", "KE"), "ke3": ("CZ", "83051926", "KE"),
    "tz1": ("EE", "47091352", "TZ"), "tz2": ("RR", "18263590", "TZ"), "tz3": ("CA", "70524831", "TZ"),
}.items()}

# ------------------------------------------------------------------ Kenya: scams
S(L, "KE", "customs_fee", "Posta Kenya",
  f"POSTA KENYA: Kifurushi chako {T['ke1']} kimezuiliwa na forodha. Lipa ada ya KSh 250 ndani ya saa 24: postakenya-ke.top/lipa",
  u=["postakenya-ke.top/lipa"], a=["250 KES"], t=[T["ke1"]])
S(L, "KE", "other", None,
  "Ndugu nimekutumia pesa kimakosa kwa M-PESA. Tafadhali nirudishie Ksh 3,500 kwa namba 0722 681 430, Mungu akubariki",
  p=["+254722681430"], a=["3500 KES"])
S(L, "KE", "account_locked", "Safaricom",
  "Safaricom: Akaunti yako ya M-PESA imesimamishwa kwa muda. Piga 0741 928 364 kuifungua kabla ya saa 12 jioni",
  p=["+254741928364"])
S(L, "KE", "tax", "KRA",
  "KRA: Una deni la kodi la KSh 14,600 pamoja na adhabu. Lipa sasa kuepuka kufungiwa PIN yako: kra-itax-ke.com",
  u=["kra-itax-ke.com"], a=["14600 KES"])
S(L, "KE", "refund", "KRA",
  "KRA: Umeidhinishiwa marejesho ya kodi ya KSh 8,420. Weka maelezo ya benki kupokea pesa: itax-refund.info",
  u=["itax-refund.info"], a=["8420 KES"])
S(L, "KE", "prize", "Safaricom",
  "Safaricom: Pointi zako 12,500 za Bonga zitaisha leo. Zibadilishe kuwa pesa hapa: bonga-safaricom.site",
  u=["bonga-safaricom.site"])
S(L, "KE", "redelivery_fee", "G4S",
  "G4S Courier: Tulijaribu kukuletea mzigo wako leo bila mafanikio. Tuma KSh 150 ya kusafirisha upya kwa M-PESA 0798 214 560",
  p=["+254798214560"], a=["150 KES"])
S(L, "KE", "package_held", "Posta Kenya",
  "Posta Kenya: Mzigo wako uko stoo Nairobi GPO. Ada ya kuhifadhi KSh 320 haijalipwa. Piga 0113 482 907 kabla haujarudishwa",
  p=["+254113482907"], a=["320 KES"])
S(L, "KE", "account_locked", "Equity Bank",
  "Equity Bank: Kadi yako imefungwa kwa sababu ya shughuli isiyo ya kawaida. Thibitisha taarifa zako: equity-ke-verify.com",
  u=["equity-ke-verify.com"])
S(L, "KE", "other", None,
  "Mkopo wa haraka: umeidhinishiwa KSh 50,000 bila dhamana. Lipa ada ya usajili KSh 500 kwa namba 0769 305 118 upokee mkopo",
  p=["+254769305118"], a=["50000 KES", "500 KES"])
S(L, "KE", "address_update", "Posta Kenya",
  "Posta: Anwani yako haijakamilika, kifurushi hakiwezi kufikishwa. Sasisha anwani hapa https://posta-ke.delivery/anwani",
  u=["https://posta-ke.delivery/anwani"])
S(L, "KE", "prize", "Airtel Kenya",
  "Hongera! Nambari yako imeshinda KSh 250,000 kwenye promosheni ya Airtel. Tuma ujumbe kwa 0733 508 216 kupokea zawadi",
  p=["+254733508216"], a=["250000 KES"])
S(L, "KE", "account_locked", "Social Health Authority",
  "SHA: Usajili wako wa bima ya afya utasitishwa. Thibitisha kwa kulipa KSh 300 hapa sha-kenya.online",
  u=["sha-kenya.online"], a=["300 KES"])
S(L, "KE", "other", "Kenya Power",
  "KPLC: Umeme wako utakatwa leo saa kumi kwa deni la KSh 2,340. Lipa haraka kwa 0745 190 283 kuepuka kukatiwa",
  p=["+254745190283"], a=["2340 KES"])
S(L, "KE", "customs_fee", "DHL",
  "DHL: Mzigo wako kutoka UK umefika JKIA. Lipa ushuru wa forodha KSh 1,850 kwa M-PESA 0716 447 302 ili uachiliwe",
  p=["+254716447302"], a=["1850 KES"])
S(L, "KE", "failed_delivery", "Posta Kenya",
  "Posta Kenya: Hatukuweza kuwasilisha kifurushi chako leo. Chagua siku mpya ya kupeleka: posta-ke-delivery.xyz",
  u=["posta-ke-delivery.xyz"])
S(L, "KE", "other", None,
  "Mama ni mimi, hii ni namba yangu mpya simu imeibiwa. Nitumie elfu mbili ya nauli nitakurudishia kesho")
S(L, "KE", "account_locked", "KCB",
  "KCB: Akaunti yako itafungwa leo kwa kukosa kusasisha KYC. Piga huduma kwa wateja 0708 523 691 mara moja",
  p=["+254708523691"])
S(L, "KE", "refund", "Jumia",
  "Jumia: Oda yako imeghairiwa, utarejeshewa KSh 3,200. Bonyeza kiungo kudai marejesho: jumia-refund.shop",
  u=["jumia-refund.shop"], a=["3200 KES"])
S(L, "KE", "other", "HELB",
  "HELB: Mkopo wako umeidhinishwa. Lipa ada ya usindikaji KSh 450 kupitia helb-portal.online",
  u=["helb-portal.online"], a=["450 KES"])
# ------------------------------------------------------------------ Kenya: genuine
B(L, "KE", "bank_alert", "Safaricom",
  "RFT2ZX91QK Imethibitishwa. Umetuma Ksh1,200.00 kwa MARY WANJIKU 0723 456 781 tarehe 12/6/24 saa 3:15 PM. Salio lako jipya la M-PESA ni Ksh4,530.50.",
  p=["+254723456781"], a=["1200 KES", "4530.50 KES"])
B(L, "KE", "otp", "Equity Bank",
  "Nambari yako ya uthibitisho ya Equity Mobile ni 582031. Usiishiriki na mtu yeyote.")
B(L, "KE", "pickup_code", "Posta Kenya",
  f"Posta Kenya: Kifurushi chako {T['ke2']} kimefika posta ya Kisumu. Tembelea ofisi na kitambulisho chako. posta.co.ke",
  u=["posta.co.ke"], t=[T["ke2"]])
B(L, "KE", "government", "KRA",
  "KRA: Tarehe ya mwisho ya kuwasilisha ritani ya kodi ni 30 Juni. Wasilisha kupitia itax.kra.go.ke pekee.",
  u=["itax.kra.go.ke"])
B(L, "KE", "personal", None,
  "Nimekutumia elfu tano kwa M-PESA ya karo, ukiipata niambie")
B(L, "KE", "personal", None,
  "Mzigo wako nimeuacha kwa mlinzi wa gate, utauchukua ukirudi")
B(L, "KE", "customs_charge", "DHL",
  "DHL Express: Kifurushi chako kina ushuru wa forodha wa KSh 2,480. Lipa kupitia dhl.com au ofisini kwetu. Hatutakuomba kulipa kwa namba ya simu.",
  u=["dhl.com"], a=["2480 KES"])
B(L, "KE", "marketing", "Safaricom",
  "Safaricom: Nunua bundles za data za siku 7 kwa bei nafuu, piga *544#. Kujiondoa tuma STOP kwa 456")
B(L, "KE", "appointment", None,
  "Kumbusho: Miadi yako ya kliniki katika hospitali ya Aga Khan ni kesho saa 4 asubuhi.")
B(L, "KE", "bank_alert", "KCB",
  "KCB: Akaunti yako imewekewa KSh 35,000.00 kutoka kwa mwajiri. Salio: KSh 41,250.75",
  a=["35000 KES", "41250.75 KES"])
B(L, "KE", "delivery_notice", "G4S",
  "G4S Courier: Mzigo wako utafikishwa leo kati ya saa 8 na 11 jioni. Dereva: Peter 0701 284 659",
  p=["+254701284659"])
B(L, "KE", "otp", "Safaricom",
  "Msimbo wako wa M-PESA App ni 7391. Safaricom haitakuomba msimbo huu.")
B(L, "KE", "government", None,
  "NTSA: Leseni yako ya udereva inaisha tarehe 15/07. Fanya upya kupitia ecitizen.go.ke",
  u=["ecitizen.go.ke"])
B(L, "KE", "personal", None,
  "Boss, nitatuma KSh 2,000 kesho asubuhi za kazi ya leo",
  a=["2000 KES"])
B(L, "KE", "bank_alert", "Airtel Kenya",
  "Airtel Money: Umepokea KSh 800 kutoka kwa 0733 912 405 JAMES OTIENO. Salio: KSh 1,120.",
  p=["+254733912405"], a=["800 KES", "1120 KES"])
B(L, "KE", "pickup_code", "Jumia",
  "Jumia: Oda yako iko tayari katika kituo cha kuchukulia Westlands. Nambari ya kuchukua: 640213")
B(L, "KE", "delivery_notice", "Posta Kenya",
  f"Posta Kenya: Kifurushi {T['ke3']} kiko njiani kuja Mombasa, kitafika ndani ya siku 3.",
  t=[T["ke3"]])
B(L, "KE", "marketing", None,
  "Naivas: Ofa za wikendi! Punguzo la 20% kwa bidhaa za nyumbani. Kujiondoa tuma STOP kwa 22255")
B(L, "KE", "government", "Social Health Authority",
  "SHA: Michango yako ya mwezi Mei ya KSh 500 imepokelewa. Asante.",
  a=["500 KES"])
B(L, "KE", "personal", None,
  "Nimefika Nairobi salama, nitakupigia jioni tukiongea kuhusu mzigo")
# ------------------------------------------------------------------ Tanzania: scams
S(L, "TZ", "other", None,
  "Ile pesa yako tuma kwenye namba hii 0754 328 917 jina litakuja JUMA HASSANI",
  p=["+255754328917"])
S(L, "TZ", "customs_fee", "Tanzania Posts Corporation",
  f"Shirika la Posta Tanzania: Kifurushi chako {T['tz1']} kimezuiliwa forodhani. Lipa TSh 12,500 kupitia posta-tz.top/malipo",
  u=["posta-tz.top/malipo"], a=["12500 TZS"], t=[T["tz1"]])
S(L, "TZ", "tax", "TRA",
  "TRA: Una deni la kodi la TSh 245,000. Lipa leo kuepuka kufungiwa biashara yako: tra-go-tz.com",
  u=["tra-go-tz.com"], a=["245000 TZS"])
S(L, "TZ", "account_locked", "Vodacom",
  "Vodacom M-Pesa: Akaunti yako imefungwa kwa muda. Piga 0768 205 913 kuifungua",
  p=["+255768205913"])
S(L, "TZ", "prize", "Tigo Pesa",
  "Hongera! Umeshinda TSh 1,500,000 kwenye droo ya Tigo Pesa. Piga 0655 718 240 kupokea zawadi yako",
  p=["+255655718240"], a=["1500000 TZS"])
S(L, "TZ", "other", None,
  "Samahani ndugu nimekutumia TSh 50,000 kwa makosa kwenye Airtel Money, tafadhali nirudishie kwa namba 0688 402 157",
  p=["+255688402157"], a=["50000 TZS"])
S(L, "TZ", "redelivery_fee", "Tanzania Posts Corporation",
  "Posta: Tumeshindwa kukuletea mzigo leo. Tuma TSh 5,000 za kusafirisha upya kwa M-Pesa 0713 590 264",
  p=["+255713590264"], a=["5000 TZS"])
S(L, "TZ", "account_locked", "NMB Bank",
  "NMB: Kadi yako imesimamishwa. Thibitisha taarifa zako ndani ya saa 24: nmb-tz-verify.com",
  u=["nmb-tz-verify.com"])
S(L, "TZ", "refund", "TRA",
  "TRA: Umerejeshewa kodi ya TSh 87,000. Jaza taarifa za akaunti yako kupokea: tra-refund.online",
  u=["tra-refund.online"], a=["87000 TZS"])
S(L, "TZ", "package_held", "Tanzania Posts Corporation",
  "Posta Tanzania: Mzigo wako uko ghalani Dar es Salaam, ada ya kuhifadhi TSh 7,000 haijalipwa. Lipa kupitia posta-tz-mzigo.shop au utarudishwa",
  u=["posta-tz-mzigo.shop"], a=["7000 TZS"])
S(L, "TZ", "account_locked", "TCRA",
  "TCRA: Laini yako itafungiwa leo kwa kutothibitisha alama za vidole. Piga 0621 840 375 kuhakiki",
  p=["+255621840375"])
S(L, "TZ", "other", None,
  "Kazi ya muda mtandaoni, malipo TSh 40,000 kwa siku. Wasiliana WhatsApp 0745 281 906",
  p=["+255745281906"], a=["40000 TZS"])
S(L, "TZ", "address_update", "DHL",
  "DHL Tanzania: Anwani yako haijakamilika. Sasisha ili tuweze kukuletea kifurushi: dhl-tz-address.xyz",
  u=["dhl-tz-address.xyz"])
S(L, "TZ", "other", "TANESCO",
  "TANESCO: Nunua LUKU kwa punguzo la nusu bei leo tu! Lipa kwa namba 0719 362 048 upate units zako",
  p=["+255719362048"])
S(L, "TZ", "account_locked", "CRDB Bank",
  "CRDB Bank: Akaunti yako ya SimBanking itasitishwa. Bofya kuhakiki: crdb-simbanking.info",
  u=["crdb-simbanking.info"])
# ------------------------------------------------------------------ Tanzania: genuine
B(L, "TZ", "bank_alert", "Vodacom",
  "Imethibitishwa. Umepokea TSh 25,000.00 kutoka 255754112938 - ASHA MOHAMED tarehe 14/6/24 saa 10:12. Salio jipya ni TSh 31,500.00.",
  p=["+255754112938"], a=["25000 TZS", "31500 TZS"])
B(L, "TZ", "government", "TRA",
  "TRA: Kumbusho, mwisho wa kulipa kodi ya majengo ni 30 Juni. Lipa kwa namba ya kumbukumbu ya malipo kupitia benki au simu.")
B(L, "TZ", "pickup_code", "Tanzania Posts Corporation",
  f"Posta Tanzania: Kifurushi chako {T['tz2']} kimefika ofisi ya Posta Arusha. Kichukue na kitambulisho.",
  t=[T["tz2"]])
B(L, "TZ", "otp", "NMB Bank",
  "Namba yako ya siri ya muda ya NMB Mkononi ni 904173. Usimpe mtu yeyote.")
B(L, "TZ", "personal", None,
  "Mama nimekutumia laki moja kwa M-Pesa, niambie ukipokea")
B(L, "TZ", "personal", None,
  "Kifurushi chako nimekiacha dukani kwa Mzee Saidi")
B(L, "TZ", "customs_charge", "TRA",
  "TRA Forodha: Mzigo wako una ushuru wa TSh 38,400. Lipa kwa kutumia namba ya malipo ya GePG 991234567890 benki au kwa simu.",
  a=["38400 TZS"])
B(L, "TZ", "delivery_notice", "DHL",
  "DHL: Kifurushi chako kitafika leo. Dereva wetu Musa atakupigia kwa namba 0715 604 382.",
  p=["+255715604382"])
B(L, "TZ", "marketing", "Vodacom",
  "Vodacom: Jiunge na kifurushi cha wiki cha intaneti GB 5 kwa TSh 5,000. Piga *149*01#.",
  a=["5000 TZS"])
B(L, "TZ", "bank_alert", "CRDB Bank",
  "CRDB: Muamala wa TSh 120,000 umefanyika kwenye akaunti yako ****2281 tarehe 12/06. Salio TSh 418,300.",
  a=["120000 TZS", "418300 TZS"])
B(L, "TZ", "appointment", None,
  "Kumbusho: Miadi yako ya kliniki Muhimbili ni Jumatatu saa 3 asubuhi.")
B(L, "TZ", "otp", "Tigo Pesa",
  "Nambari ya uthibitisho ya Tigo Pesa ni 6625. Usiitoe kwa mtu.")
B(L, "TZ", "government", None,
  "NIDA: Kitambulisho chako cha Taifa kiko tayari. Kichukue ofisi ya NIDA wilaya ya Kinondoni.")
B(L, "TZ", "personal", None,
  "Nitakutumia TSh 20,000 jioni za vocha",
  a=["20000 TZS"])
B(L, "TZ", "delivery_notice", "Tanzania Posts Corporation",
  f"Shirika la Posta Tanzania: Mzigo wako {T['tz3']} uko njiani kwenda Mwanza. Fuatilia kupitia posta.co.tz",
  u=["posta.co.tz"], t=[T["tz3"]])
