# Swahili messages of languages-wide-train (Kenya, Tanzania).
from langset import S, B, s10

L = "sw"
T = {k: s10(*v) for k, v in {
    "ke1": ("CP", "40619283", "KE"), "ke2": ("RR", "57302914", "KE"), "ke3": ("EE", "91847036", "KE"),
    "tz1": ("RR", "26039471", "TZ"), "tz2": ("CP", "63810259", "TZ"), "tz3": ("EE", "04729163", "TZ"),
}.items()}

# ------------------------------------------------------------------ Kenya: scams
S(L, "KE", "customs_fee", "Posta Kenya",
  "Posta Kenya: Mzigo wako kutoka China umefika lakini haujalipiwa ushuru wa forodha KSh 430. Lipa hapa posta-ushuru.site",
  u=["posta-ushuru.site"], a=["430 KES"])
S(L, "KE", "other", None,
  "Habari, nimetuma Ksh 2,800 kwa simu yako kimakosa badala ya ndugu yangu. Tafadhali nirudishie kwa 0727 309 814",
  p=["+254727309814"], a=["2800 KES"])
S(L, "KE", "account_locked", "Safaricom",
  "Safaricom: Laini yako itafungwa leo kwa kutosajiliwa upya. Piga huduma kwa wateja 0759 204 817 kusajili",
  p=["+254759204817"])
S(L, "KE", "prize", "Safaricom",
  "Hongera! Umechaguliwa kushinda KSh 75,000 kwenye Safaricom Shangwe. Lipa KSh 350 ya usajili kwa M-PESA 0790 318 426",
  p=["+254790318426"], a=["75000 KES", "350 KES"])
S(L, "KE", "redelivery_fee", "Wells Fargo Kenya",
  "Wells Fargo Courier: Dereva hakukupata nyumbani. Lipa KSh 200 kupanga upya usafirishaji: wellsfargo-ke.delivery",
  u=["wellsfargo-ke.delivery"], a=["200 KES"])
S(L, "KE", "tax", "KRA",
  "KRA: Kampuni yako ina adhabu ya KSh 20,000 kwa kuchelewa kuwasilisha VAT. Piga afisa wetu 0702 418 593 kulipa",
  p=["+254702418593"], a=["20000 KES"])
S(L, "KE", "other", None,
  "Kazi Qatar na Dubai: mshahara KSh 80,000 kwa mwezi. Lipa ada ya medical KSh 6,500 kwa 0768 127 340 kuhifadhi nafasi",
  p=["+254768127340"], a=["80000 KES", "6500 KES"])
S(L, "KE", "account_locked", "Safaricom",
  "M-PESA: Fuliza yako imesimamishwa kwa sababu ya deni. Ingia fuliza-ke.online kurejesha huduma",
  u=["fuliza-ke.online"])
S(L, "KE", "package_held", "G4S",
  "G4S: Kifurushi chako kiko ghalani kwa kukosa malipo ya usafiri KSh 180. Lipa hapa g4s-ke-parcel.shop kabla ya kesho",
  u=["g4s-ke-parcel.shop"], a=["180 KES"])
S(L, "KE", "refund", "KRA",
  "Kenya Revenue Authority: Una kodi ya ziada ya KSh 5,600 inayosubiri kurejeshwa. Thibitisha kupitia kra-marejesho.online",
  u=["kra-marejesho.online"], a=["5600 KES"])
S(L, "KE", "address_update", "Posta Kenya",
  "POSTA: Kifurushi chako hakikuweza kufikishwa kwa sababu ya anwani isiyo sahihi. Rekebisha anwani: bit.ly/posta-anwani",
  u=["bit.ly/posta-anwani"])
S(L, "KE", "other", None,
  "Hustler Fund: Kiwango chako cha mkopo kimeongezwa hadi KSh 40,000. Piga 0746 582 031 kuthibitisha kwa kutoa PIN yako",
  p=["+254746582031"], a=["40000 KES"])
S(L, "KE", "account_locked", "Equity Bank",
  "Equity: Akaunti yako ya Equitel imefungwa kwa muda. Tuma nambari ya siri uliyopokea kwa afisa 0114 920 375 kuifungua",
  p=["+254114920375"])
S(L, "KE", "prize", "Airtel Kenya",
  "Airtel: Umeshinda simu mpya kwenye droo ya wateja. Dai zawadi yako: airtel-ke-zawadi.site",
  u=["airtel-ke-zawadi.site"])
S(L, "KE", "customs_fee", "DHL",
  "DHL Kenya: Kifurushi chako kimezuiwa na KRA forodha. Lipa ada ya kibali KSh 1,250 hapa: dhl-kenya-clearance.top",
  u=["dhl-kenya-clearance.top"], a=["1250 KES"])
S(L, "KE", "other", None,
  "Mama yako amelazwa hospitali ya Kenyatta. Tuma KSh 5,000 ya dawa kwa namba hii 0791 402 658 haraka",
  p=["+254791402658"], a=["5000 KES"])
S(L, "KE", "failed_delivery", "Posta Kenya",
  "Posta Kenya: Tulishindwa kukuletea kifurushi chako leo. Piga 0720 831 649 kupanga siku mpya ya kukuletea",
  p=["+254720831649"])
S(L, "KE", "account_locked", "NHIF",
  "NHIF: Uanachama wako umesimamishwa. Sasisha taarifa zako hapa nhif-update.online ndani ya saa 24",
  u=["nhif-update.online"])
S(L, "KE", "refund", "Kenya Power",
  "Kenya Power: Umetozwa mara mbili kwa tokeni za KSh 1,000. Tembelea kplc-refund.site kurejeshewa pesa yako",
  u=["kplc-refund.site"], a=["1000 KES"])
S(L, "KE", "other", None,
  "KUCCPS: Umechaguliwa kujiunga na chuo kikuu. Lipa ada ya usajili KSh 1,500 kwa 0712 590 847 kuthibitisha nafasi yako",
  p=["+254712590847"], a=["1500 KES"])
S(L, "KE", "package_held", "Posta Kenya",
  "Posta Kenya: Kifurushi chako kitarudishwa kwa mtumaji kwa kutolipiwa gharama ya posta KSh 95. Lipa sasa: posta-malipo.click",
  u=["posta-malipo.click"], a=["95 KES"])
S(L, "KE", "other", None,
  "Mimi ni mganga wa jadi, natibu magonjwa yote na kurudisha mpenzi. Piga 0789 350 126",
  p=["+254789350126"])
S(L, "KE", "account_locked", "Safaricom",
  "SAFARICOM: Akaunti yako ya M-PESA imezuiliwa kwa shughuli zisizo za kawaida. Thibitisha sasa: mpesa-thibitisha.site",
  u=["mpesa-thibitisha.site"])
# ------------------------------------------------------------------ Kenya: genuine
B(L, "KE", "bank_alert", "Safaricom",
  "SGH7KQ20LP Imethibitishwa. Umepokea Ksh2,500.00 kutoka JANE AKINYI 0711 284 503 tarehe 3/7/24 saa 9:41 AM. Salio jipya la M-PESA ni Ksh3,150.00.",
  p=["+254711284503"], a=["2500 KES", "3150 KES"])
B(L, "KE", "otp", "KCB",
  "KCB: Nambari yako ya siri ya mara moja ni 308415. Usiishiriki na mtu yeyote, hata wafanyakazi wa KCB.")
B(L, "KE", "delivery_notice", "Posta Kenya",
  f"Posta Kenya: Kifurushi chako {T['ke1']} kimepokelewa na kitafikishwa kesho.",
  t=[T["ke1"]])
B(L, "KE", "pickup_code", "Posta Kenya",
  f"Posta Kenya: Kifurushi {T['ke2']} kiko tayari katika sanduku lako la posta Nakuru. Kumbuka kuja na kitambulisho.",
  t=[T["ke2"]])
B(L, "KE", "customs_charge", "Posta Kenya",
  f"Posta Kenya: Kifurushi {T['ke3']} kina ushuru wa KSh 760 utakaolipwa ukichukua ofisini. posta.co.ke",
  u=["posta.co.ke"], a=["760 KES"], t=[T["ke3"]])
B(L, "KE", "personal", None,
  "Mzigo wa mama nimeutuma na basi la Easy Coach, utaufika Kisumu jioni")
B(L, "KE", "personal", None,
  "Nimekutumia KSh 1,500 ya chakula, angalia M-PESA yako",
  a=["1500 KES"])
B(L, "KE", "government", "KRA",
  "KRA: Ritani yako ya kodi ya mwaka 2023 imepokelewa. Asante kwa kutimiza wajibu wako.")
B(L, "KE", "marketing", "Safaricom",
  "Safaricom: Pata dakika 50 kwa KSh 50 leo tu! Piga *444#. Kujiondoa tuma STOP kwa 456",
  a=["50 KES"])
B(L, "KE", "appointment", None,
  "Kumbusho: Una miadi ya meno katika kliniki ya Avenue kesho saa 10 asubuhi. Piga 0722 150 684 kubadilisha",
  p=["+254722150684"])
B(L, "KE", "bank_alert", "Equity Bank",
  "Equity: Umetoa KSh 3,000.00 kwenye ATM ya Moi Avenue. Salio: KSh 12,440.10",
  a=["3000 KES", "12440.10 KES"])
B(L, "KE", "otp", "Safaricom",
  "Nambari yako ya uthibitisho ya Safaricom App ni 593027. Safaricom haitakuuliza nambari hii.")
B(L, "KE", "delivery_notice", "Jumia",
  "Jumia: Oda yako itafikishwa leo na mpeleka mzigo Kevin 0795 408 261. Lipa KSh 2,340 ukipokea.",
  p=["+254795408261"], a=["2340 KES"])
B(L, "KE", "government", None,
  "eCitizen: Ombi lako la pasipoti limeidhinishwa. Utaarifiwa lini pa kuichukua.")
B(L, "KE", "personal", None,
  "Rafiki yangu, kifurushi cha Jumia kimefika kwa ofisi, utakipata ukija")
B(L, "KE", "bank_alert", "Airtel Kenya",
  "Airtel Money: Umetuma KSh 600 kwa PETER MWANGI. Salio lako ni KSh 2,010. Ada: KSh 0",
  a=["600 KES", "2010 KES"])
B(L, "KE", "marketing", None,
  "Carrefour Kenya: Punguzo la 30% kwa vyakula vya watoto wikendi hii. Kujiondoa tuma STOP kwa 21557")
B(L, "KE", "pickup_code", "G4S",
  "G4S: Kifurushi chako kiko tayari ofisi ya Westlands. Nambari ya kuchukua 772014.")
B(L, "KE", "government", "NHIF",
  "SHA: Usajili wako umekamilika. Nambari yako ya uanachama itatumwa hivi karibuni.")
B(L, "KE", "bank_alert", "Safaricom",
  "Fuliza M-PESA: Umetumia Ksh 230.00 ya Fuliza. Deni lako la Fuliza ni Ksh 230.00, lipa kabla ya 15/7.",
  a=["230 KES"])
B(L, "KE", "appointment", None,
  "Huduma Centre: Miadi yako ya kuchukua kitambulisho ni Jumanne saa 3 asubuhi, GPO Nairobi.")
B(L, "KE", "personal", None,
  "Nitakuletea zile pesa KSh 4,000 kesho, nimepata kazi leo",
  a=["4000 KES"])
B(L, "KE", "otp", "Equity Bank",
  "Equity: Tumia 7412 kuthibitisha kuingia kwenye Equity Mobile. Usimpe mtu.")
# ------------------------------------------------------------------ Tanzania: scams
S(L, "TZ", "other", None,
  "Tuma hela kwenye namba hii 0657 284 019 usitume kwenye ile ya zamani, jina ni ASHA JUMA",
  p=["+255657284019"])
S(L, "TZ", "customs_fee", "Tanzania Posts Corporation",
  "POSTA: Mzigo wako kutoka Dubai umezuiliwa na forodha. Lipa ushuru wa TSh 18,000 kwa M-Pesa 0754 903 216 ili uachiliwe",
  p=["+255754903216"], a=["18000 TZS"])
S(L, "TZ", "account_locked", "Airtel Tanzania",
  "Airtel Money: Akaunti yako imesimamishwa kwa muda kwa sababu ya usalama. Bofya airtel-tz-money.site kuiwezesha tena",
  u=["airtel-tz-money.site"])
S(L, "TZ", "prize", "Vodacom",
  "Vodacom: Hongera umeshinda pikipiki kwenye promosheni ya Tuzo Points. Lipa usajili TSh 30,000 kwa 0765 183 402",
  p=["+255765183402"], a=["30000 TZS"])
S(L, "TZ", "tax", "TRA",
  "Mamlaka ya Mapato Tanzania: TIN yako itafungwa kwa deni la kodi TSh 560,000. Wasiliana na afisa 0688 210 397",
  p=["+255688210397"], a=["560000 TZS"])
S(L, "TZ", "redelivery_fee", "DHL",
  "DHL: Tulikosa kukufikishia kifurushi. Lipa TSh 3,500 kupanga upya: dhl-tz-redeliver.online",
  u=["dhl-tz-redeliver.online"], a=["3500 TZS"])
S(L, "TZ", "other", None,
  "Habari, mimi ni mwenye nyumba. Kodi ya mwezi huu tuma kwenye namba mpya 0719 406 852 jina ni HAMISI",
  p=["+255719406852"])
S(L, "TZ", "package_held", "Tanzania Posts Corporation",
  "Posta Tanzania: Kifurushi chako kimekwama ghalani, hakuna malipo ya usafirishaji TSh 4,000. Lipa: posta-tz.click",
  u=["posta-tz.click"], a=["4000 TZS"])
S(L, "TZ", "account_locked", "Tigo Pesa",
  "Tigo Pesa: Laini yako imefungiwa huduma za kifedha. Piga 0713 840 259 kupata msaada wa kuifungua",
  p=["+255713840259"])
S(L, "TZ", "refund", "Vodacom",
  "Vodacom: Umekatwa TSh 12,000 mara mbili kwa muamala mmoja. Piga 0746 281 093 kurejeshewa pesa",
  p=["+255746281093"], a=["12000 TZS"])
S(L, "TZ", "account_locked", "NMB Bank",
  "NMB Mkononi: Huduma yako itasitishwa leo, sasisha taarifa zako kupitia nmb-mkononi.site",
  u=["nmb-mkononi.site"])
S(L, "TZ", "address_update", "Tanzania Posts Corporation",
  "Posta: Tumeshindwa kufikisha kifurushi chako kwa sababu anwani haijakamilika. Jaza anwani sahihi: tinyurl.com/posta-tz",
  u=["tinyurl.com/posta-tz"])
S(L, "TZ", "other", None,
  "Nafasi za ajira Bandari ya Dar es Salaam. Lipa ada ya fomu TSh 25,000 kwa 0621 570 384 kupata nafasi",
  p=["+255621570384"], a=["25000 TZS"])
S(L, "TZ", "prize", None,
  "Hongera! Namba yako imechaguliwa kushinda TSh 2,000,000 za Bahati Nasibu. Tembelea bahati-tz.site kudai",
  u=["bahati-tz.site"], a=["2000000 TZS"])
S(L, "TZ", "account_locked", "CRDB Bank",
  "CRDB: Kadi yako ya TemboCard imefungwa. Piga huduma kwa wateja 0672 491 305 kuifungua",
  p=["+255672491305"])
S(L, "TZ", "failed_delivery", "Tanzania Posts Corporation",
  "Shirika la Posta: Kifurushi hakikufikishwa kwa sababu haukupatikana. Chagua tarehe mpya: posta-tz-tarehe.site",
  u=["posta-tz-tarehe.site"])
S(L, "TZ", "other", "TANESCO",
  "TANESCO: Mita yako ya LUKU itazimwa kwa kukosa uhakiki. Piga 0658 213 940 kuhakiki mita yako",
  p=["+255658213940"])
# ------------------------------------------------------------------ Tanzania: genuine
B(L, "TZ", "bank_alert", "Vodacom",
  "Imethibitishwa. Umetuma TSh 15,000.00 kwa JOHN PETER tarehe 2/7/24. Salio lako la M-Pesa ni TSh 9,200.00.",
  a=["15000 TZS", "9200 TZS"])
B(L, "TZ", "otp", "CRDB Bank",
  "CRDB: Nambari yako ya uthibitisho ni 720391. Usimpe mtu yeyote.")
B(L, "TZ", "delivery_notice", "Tanzania Posts Corporation",
  f"Posta Tanzania: Kifurushi {T['tz1']} kimewasili Dar es Salaam na kitapelekwa ofisi ya Posta Mwenge.",
  t=[T["tz1"]])
B(L, "TZ", "pickup_code", "Tanzania Posts Corporation",
  f"Posta: Kifurushi chako {T['tz2']} kiko tayari Posta Dodoma. Namba ya kuchukulia 4518.",
  t=[T["tz2"]])
B(L, "TZ", "customs_charge", "Tanzania Posts Corporation",
  f"Posta Tanzania: Kifurushi {T['tz3']} kina ushuru wa forodha TSh 22,000, unalipwa ofisini ukichukua. posta.co.tz",
  u=["posta.co.tz"], a=["22000 TZS"], t=[T["tz3"]])
B(L, "TZ", "personal", None,
  "Mzigo wako nimeupokea kwa dereva wa basi, nitakuletea kesho")
B(L, "TZ", "personal", None,
  "Nimekutumia TSh 30,000 za ada ya shule, ukipata niambie",
  a=["30000 TZS"])
B(L, "TZ", "government", "TRA",
  "TRA: Malipo yako ya kodi TSh 150,000 yamepokelewa. Risiti imetumwa kwa barua pepe.",
  a=["150000 TZS"])
B(L, "TZ", "marketing", "Airtel Tanzania",
  "Airtel: Pata GB 10 kwa TSh 10,000 kwa wiki. Piga *149*99#. Kujitoa tuma STOP",
  a=["10000 TZS"])
B(L, "TZ", "appointment", None,
  "Kumbusho: Una miadi na daktari wa watoto hospitali ya Aga Khan Dar kesho saa 5 asubuhi.")
B(L, "TZ", "bank_alert", "NMB Bank",
  "NMB: Akaunti yako imewekewa TSh 850,000.00 mshahara. Salio TSh 912,450.00",
  a=["850000 TZS", "912450 TZS"])
B(L, "TZ", "otp", "Vodacom",
  "M-Pesa: Namba ya uthibitisho ni 3826. Vodacom haitakuuliza namba hii.")
B(L, "TZ", "delivery_notice", "DHL",
  "DHL: Kifurushi chako kitafikishwa leo kati ya saa 4 na 7 mchana. Dereva: Baraka 0754 301 826",
  p=["+255754301826"])
B(L, "TZ", "government", None,
  "NIDA: Namba yako ya utambulisho imetolewa. Tembelea ofisi ya NIDA kuchukua kitambulisho.")
B(L, "TZ", "personal", None,
  "Kaka nimefika salama Arusha, asante kwa nauli")
B(L, "TZ", "bank_alert", "Tigo Pesa",
  "Tigo Pesa: Umepokea TSh 40,000 kutoka 0715 283 940 REHEMA ALLY. Salio jipya TSh 43,700.",
  p=["+255715283940"], a=["40000 TZS", "43700 TZS"])
B(L, "TZ", "government", "TANESCO",
  "TANESCO: Umenunua LUKU units 45.2 kwa TSh 15,000. Tokeni: 4821 0937 5520 1846 3309",
  a=["15000 TZS"])
