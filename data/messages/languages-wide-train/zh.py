# Chinese messages of languages-wide-train (mainland China, Taiwan, Hong Kong).
from langset import S, B, s10

L = "zh"
T = {k: s10(*v) for k, v in {
    "cn1": ("EA", "30917482", "CN"), "cn2": ("RR", "72640158", "CN"), "tw1": ("EE", "41970263", "TW"),
    "tw2": ("RR", "80536124", "TW"), "hk1": ("EC", "92075314", "HK"), "hk2": ("CP", "17384960", "HK"),
}.items()}

# ------------------------------------------------------------------ China: scams
S(L, "CN", "refund", "YTO Express",
  "【圆通速递】您好，您的包裹已丢失，经核实我司将给予您退款理赔１５６元，请在２４小时内联系理赔专线０２１－５７６８２９１４",
  p=["+862157682914"], a=["156 CNY"])
S(L, "CN", "account_locked", "National Healthcare Security Administration",
  "【医保局】您的医保卡因信息不全即将停用，请于今日登录 ybj-renzheng.top 完成实名认证",
  u=["ybj-renzheng.top"])
S(L, "CN", "customs_fee", "China Post",
  "【邮政EMS】海关通知：您的跨境包裹需补缴清关费用４２元，请尽快处理 ems-qg.vip ，逾期将销毁",
  u=["ems-qg.vip"], a=["42 CNY"])
S(L, "CN", "other", None,
  "【征信中心】您的个人征信存在逾期记录，将影响贷款与出行，请致电13672918405修复",
  p=["+8613672918405"])
S(L, "CN", "prize", "China Unicom",
  "【中国联通】您的话费积分3200分将于本月底清零，可兑换价值199元智能手环，点击 10010-dh.top",
  u=["10010-dh.top"], a=["199 CNY"])
S(L, "CN", "refund", "Douyin",
  "【抖音】您好，您在抖音商城购买的商品存在质量问题，平台将为您退款２３９元，请添加客服QQ办理",
  a=["239 CNY"])
S(L, "CN", "other", None,
  "招聘兼职：在家动动手指点赞刷单，日结200-500元，详情联系微信或电话 17728394016",
  p=["+8617728394016"])
S(L, "CN", "account_locked", "Alipay",
  "【支付宝】您的账户存在异常，已被限制交易，请于24小时内登录 alipay-yz.cc 解除限制",
  u=["alipay-yz.cc"])
S(L, "CN", "package_held", "China Post",
  "【中国邮政】您的包裹因未支付仓储费12元滞留在邮件处理中心，请点击 chinapost-ck.xyz 补缴后派送",
  u=["chinapost-ck.xyz"], a=["12 CNY"])
S(L, "CN", "tax", "State Taxation Administration",
  "【税务局】您名下企业存在漏报税款，需缴纳罚款人民币6800元，请速联系稽查科010-83927165",
  p=["+861083927165"], a=["6800 CNY"])
S(L, "CN", "redelivery_fee", "JD Logistics",
  "【京东快递】快递员未联系到您，包裹需重新派送，请支付派送服务费３元：jd-psf.top",
  u=["jd-psf.top"], a=["3 CNY"])
S(L, "CN", "account_locked", None,
  "【ETC】尊敬的用户，您的ETC已被注销，请及时联系客服4006187239重新激活，否则将无法通行",
  p=["+864006187239"])
S(L, "CN", "refund", None,
  "【学信网】您2019年缴纳的学费存在多收，可退还1580元，请登录 chsi-tuifei.cn 申请",
  u=["chsi-tuifei.cn"], a=["1580 CNY"])
S(L, "CN", "address_update", "China Post",
  "【中国邮政】您的邮件因地址不详被退回至分拣中心，请重新填写收件地址 https://11185-dz.top",
  u=["https://11185-dz.top"])
S(L, "CN", "other", None,
  "您好，我是你领导，明天上午来我办公室一趟。先帮我给一个朋友转账3万元，我这边不方便",
  a=[])
S(L, "CN", "prize", "JD Logistics",
  "尊敬的用户，您已被选中参加京东周年庆活动，获得２０００元购物卡，请致电１８６２０３９４７１５领取",
  p=["+8618620394715"], a=["2000 CNY"])
S(L, "CN", "account_locked", "ICBC",
  "工商银行提醒：您的银行卡因涉嫌洗钱已被冻结，请立即拨打021-60738294解冻",
  p=["+862160738294"])
# ------------------------------------------------------------------ China: genuine
B(L, "CN", "pickup_code", "Cainiao",
  "【菜鸟】您的包裹已到菜鸟驿站（金桥路店），凭取件码2-5-3071取件，营业时间9:00-21:00")
B(L, "CN", "otp", "WeChat",
  "【腾讯科技】你正在登录微信，验证码385201。转发给他人可能导致帐号被盗，请勿泄露。")
B(L, "CN", "bank_alert", "ICBC",
  "【工商银行】您尾号3320卡6月5日09:41工资收入11,600.00元，余额13,254.37元。",
  a=["11600 CNY", "13254.37 CNY"])
B(L, "CN", "delivery_notice", "SF Express",
  "【顺丰速运】您的快件已由派件员张师傅签收放至门口，如有疑问请联系18516203947",
  p=["+8618516203947"])
B(L, "CN", "delivery_notice", "China Post",
  f"【中国邮政】您的邮件{T['cn1']}已到达上海邮件处理中心，预计明日投递。",
  t=[T["cn1"]])
B(L, "CN", "customs_charge", "China Post",
  f"【中国邮政】进口邮件{T['cn2']}应缴税款58.00元，请登录中国邮政APP或到邮局窗口缴纳，官方不会发送付款链接。",
  a=["58 CNY"], t=[T["cn2"]])
B(L, "CN", "government", None,
  "【国家反诈中心】提醒您：公检法机关不会通过电话办案，不存在安全账户，接到此类电话请立即挂断。")
B(L, "CN", "personal", None,
  "快递放你家门口了，我下午出门帮你签收的，别忘了拿")
B(L, "CN", "personal", None,
  "姐，给你转了2000元，帮我给妈买点药，剩下的留着",
  a=["2000 CNY"])
B(L, "CN", "marketing", "Taobao",
  "【淘宝】双11预售开启，定金立减50元，详情 taobao.com ，退订回TD",
  u=["taobao.com"], a=["50 CNY"])
B(L, "CN", "bank_alert", "China Construction Bank",
  "【建设银行】您尾号0952的储蓄卡6月8日12:05支出人民币89.50元（财付通），活期余额2,041.10元。",
  a=["89.50 CNY", "2041.10 CNY"])
B(L, "CN", "otp", "Taobao",
  "【淘宝】验证码：902746，用于手机号登录，泄露有风险，请勿告诉他人。")
B(L, "CN", "pickup_code", "JD Logistics",
  "【京东】您的订单已放入京东自提柜（阳光小区东门），提货码672930，请48小时内取件。")
B(L, "CN", "appointment", None,
  "【上海市第六人民医院】您预约的6月15日下午骨科专家门诊已挂号成功，请提前30分钟取号。")
B(L, "CN", "government", None,
  "【12345政务服务】您反映的小区路灯问题已转交街道办处理，感谢您的支持。")
B(L, "CN", "bank_alert", "Alipay",
  "【支付宝】您已成功向王芳转账300.00元。",
  a=["300 CNY"])
B(L, "CN", "delivery_notice", "JD Logistics",
  "【京东物流】您的订单正在配送中，配送员刘师傅，电话13918274065，预计11点前送达。",
  p=["+8613918274065"])
# ------------------------------------------------------------------ Taiwan: scams
S(L, "TW", "other", "Taipower",
  "【台灣電力公司】您本期電費NT$1,683逾期未繳，將於明日停止供電，請立即繳費：taipower-bill.cc",
  u=["taipower-bill.cc"], a=["1683 TWD"])
S(L, "TW", "other", None,
  "【交通部公路局】您的汽車有未繳之違規罰款，請於三日內繳清以免移送強制執行：thb-gov.top/fine",
  u=["thb-gov.top/fine"])
S(L, "TW", "account_locked", "LINE",
  "LINE官方通知：您的帳號因異常登入即將被停用，請立即驗證身分 line-tw-verify.com",
  u=["line-tw-verify.com"])
S(L, "TW", "redelivery_fee", "Chunghwa Post",
  "中華郵政：您的包裹投遞失敗，請支付二次配送費NT$30以重新安排配送：tw-post-delivery.top",
  u=["tw-post-delivery.top"], a=["30 TWD"])
S(L, "TW", "refund", None,
  "您好，這裡是博客來客服，您上次的訂單被誤設為經銷商批發，每月將自動扣款，請撥 02-8791-3620 取消",
  p=["+886287913620"])
S(L, "TW", "prize", None,
  "恭喜您抽中全聯週年慶頭獎iPhone一支！請於24小時內加LINE客服並支付運費NT$150領取",
  a=["150 TWD"])
S(L, "TW", "customs_fee", "Customs Administration (Taiwan)",
  "【關務署】您的包裹被海關查驗，需補繳關稅NT$280，請撥打 0935 284 617 辦理，否則將退運",
  p=["+886935284617"], a=["280 TWD"])
S(L, "TW", "account_locked", "National Health Insurance Administration",
  "【健保署】您的健保卡即將停用，請儘速於 nhi-gov-tw.xyz 更新資料",
  u=["nhi-gov-tw.xyz"])
S(L, "TW", "package_held", "FamilyMart",
  "全家便利商店：您的包裹因運費未付暫存物流中心，請補付NT$45後安排配送：family-ship.cc",
  u=["family-ship.cc"], a=["45 TWD"])
S(L, "TW", "address_update", "Chunghwa Post",
  "【中華郵政】包裹地址不正確無法投遞，請於今日內更新收件資訊：tinyurl.com/twpost-adr",
  u=["tinyurl.com/twpost-adr"])
S(L, "TW", "other", None,
  "我是你高中同學阿明，換號碼了，最近手頭緊能不能先借我兩萬，下週就還你")
S(L, "TW", "account_locked", "Chunghwa Post",
  "郵局提醒您：您的郵局金融卡已被鎖卡，請致電客服 02-2396-1847 依指示操作解鎖",
  p=["+886223961847"])
# ------------------------------------------------------------------ Taiwan: genuine
B(L, "TW", "pickup_code", "FamilyMart",
  "【全家】您訂購的商品已送達全家民生店，取件驗證碼 802154，請於7天內取件。")
B(L, "TW", "delivery_notice", "Chunghwa Post",
  f"中華郵政：您的掛號郵件{T['tw1']}今日投遞未遇，請於7日內持招領通知至郵局領取。",
  t=[T["tw1"]])
B(L, "TW", "otp", None,
  "【玉山銀行】您的簡訊動態密碼為 736205，限10分鐘內使用，切勿提供他人。")
B(L, "TW", "bank_alert", None,
  "【國泰世華】您的卡片06/20於全聯消費NT$842，若非本人交易請撥背面客服電話。",
  a=["842 TWD"])
B(L, "TW", "customs_charge", "Chunghwa Post",
  f"中華郵政：國際包裹{T['tw2']}需繳納關稅新台幣310元，可持通知單至郵局窗口繳納領取。",
  a=["310 TWD"], t=[T["tw2"]])
B(L, "TW", "government", "Taipower",
  "台灣電力公司：您本期電費新台幣1,236元已自動扣繳成功，感謝您的使用。",
  a=["1236 TWD"])
B(L, "TW", "personal", None,
  "媽，我網購的東西寄到家裡了，你幫我收一下，貨到付款350元我晚上給你",
  a=["350 TWD"])
B(L, "TW", "personal", None,
  "包裹我已經寄出了，黑貓說明天會到，記得有人在家")
B(L, "TW", "marketing", "Shopee",
  "蝦皮購物：雙11免運券已發送至您的帳戶，快上 shopee.tw 查看，不想收到請回覆取消",
  u=["shopee.tw"])
B(L, "TW", "appointment", None,
  "【監理服務網】您已預約6月25日上午10點於台北區監理所辦理駕照換發。")
B(L, "TW", "delivery_notice", "T-Cat",
  "黑貓宅急便：您的包裹今日由陳先生配送，聯絡電話0928 316 504。",
  p=["+886928316504"])
B(L, "TW", "otp", "LINE",
  "[LINE] 您的驗證碼是 4827，請勿將驗證碼告訴他人。")
# ------------------------------------------------------------------ Hong Kong: scams
S(L, "HK", "customs_fee", "Hongkong Post",
  "【香港郵政】您的包裹已抵港，需繳付進口關稅HK$24.5方可派送：hkpost-tax.top",
  u=["hkpost-tax.top"], a=["24.50 HKD"])
S(L, "HK", "account_locked", "Hang Seng Bank",
  "恒生銀行：您的網上理財賬戶已被鎖定，請即登入 hangseng-hk.help 重設密碼",
  u=["hangseng-hk.help"])
S(L, "HK", "prize", "HKT",
  "HKT：閣下的The Club積分8,000分將於今日到期，請即兌換禮品：hkt-club.vip",
  u=["hkt-club.vip"])
S(L, "HK", "other", None,
  "你好，呢度係衞生署，你嘅健康碼有異常，涉嫌違反檢疫條例，請即致電 5928 4617 跟進",
  p=["+85259284617"])
S(L, "HK", "refund", "HK Electric",
  "港燈：由於系統錯誤，閣下多繳電費HK$436，請於 hkelectric-refund.com 提交退款申請",
  u=["hkelectric-refund.com"], a=["436 HKD"])
S(L, "HK", "redelivery_fee", "SF Express",
  "順豐：派送失敗，請支付HK$15重新派送費用：sf-express-hk.cc",
  u=["sf-express-hk.cc"], a=["15 HKD"])
S(L, "HK", "account_locked", "Octopus",
  "八達通：你的八達通錢包因未完成實名認證已被暫停，請致電 6419 2735 處理",
  p=["+85264192735"])
S(L, "HK", "package_held", "Hongkong Post",
  "香港郵政：您的郵件因郵資不足滯留，請補付郵資港幣9元，逾期退回寄件人：bit.ly/hkp-fee",
  u=["bit.ly/hkp-fee"], a=["9 HKD"])
S(L, "HK", "tax", "Inland Revenue Department",
  "稅務局通知：閣下的薪俸稅尚欠HK$5,230未繳，逾期將加收附加費，請致電 3702 5816 安排繳款",
  p=["+85237025816"], a=["5230 HKD"])
S(L, "HK", "other", None,
  "阿仔呀，媽咪換咗新電話，你加返我WhatsApp先，有啲急事要你幫手轉錢")
S(L, "HK", "account_locked", "HSBC",
  "滙豐：你的信用卡有可疑交易已被凍結，請即致電客戶服務 5736 1092 核實身份",
  p=["+85257361092"])
# ------------------------------------------------------------------ Hong Kong: genuine
B(L, "HK", "pickup_code", "Hongkong Post",
  f"香港郵政：郵件{T['hk1']}已存放於智郵站（沙田），提取密碼 518304，請於3日內提取。",
  t=[T["hk1"]])
B(L, "HK", "delivery_notice", "SF Express",
  "順豐速運：你的快件今日由派件員黃先生送達，聯絡電話 9126 5038。",
  p=["+85291265038"])
B(L, "HK", "otp", "Octopus",
  "八達通App一次性密碼：602817，切勿向任何人透露。")
B(L, "HK", "bank_alert", "Hang Seng Bank",
  "恒生：你於06/18轉賬HK$1,200至CHAN TAI MAN成功。",
  a=["1200 HKD"])
B(L, "HK", "government", "Inland Revenue Department",
  "稅務局：你的個別人士報稅表已發出，請於一個月內經 gov.hk/etax 或郵寄交回。",
  u=["gov.hk/etax"])
B(L, "HK", "personal", None,
  "你嘅包裹我幫你喺管理處攞咗，聽日拎俾你")
B(L, "HK", "personal", None,
  "頭先食飯$680，每人$170，你FPS俾我就得",
  a=["680 HKD", "170 HKD"])
B(L, "HK", "customs_charge", "Hongkong Post",
  f"香港郵政：郵件{T['hk2']}含應課稅品，須繳稅款港幣64元，請帶同通知書到郵政局繳付。",
  a=["64 HKD"], t=[T["hk2"]])
B(L, "HK", "marketing", "HKT",
  "csl：5G月費計劃低至$128，詳情 hkcsl.com 。如不欲接收推廣訊息，請回覆N",
  u=["hkcsl.com"], a=["128 HKD"])
B(L, "HK", "appointment", None,
  "入境處：你已預約6月28日上午10時於灣仔辦事處換領身份證，請準時出席。")
B(L, "HK", "bank_alert", "HSBC",
  "滙豐：你的戶口已收到薪金HK$23,500.00。",
  a=["23500 HKD"])
